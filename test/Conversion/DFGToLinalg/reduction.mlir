// RUN: dfg-opt %s --dfg-lower-to-linalg --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @sum_keep
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[ZERO]] : f32)
// CHECK: %[[RED:.*]] = linalg.reduce ins(%{{.*}} : tensor<4x?xf32>) outs(%[[FILL]] : tensor<4xf32>) dimensions = [1]
// CHECK: arith.addf
// CHECK: tensor.expand_shape %[[RED]] {{\[}}[0, 1]] output_shape [4, 1] : tensor<4xf32> into tensor<4x1xf32>
func.func @sum_keep(%x: tensor<4x?xf32>) -> tensor<4x1xf32> {
  %s = dfg.reduce sum, %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x?xf32>) -> tensor<4x1xf32>
  return %s : tensor<4x1xf32>
}

// -----

// The count of a mean over a dynamic dimension is read at run time.
// CHECK-LABEL: func.func @mean_dynamic
// CHECK: %[[DIM:.*]] = tensor.dim %{{.*}}, %c0
// CHECK: linalg.reduce
// CHECK: %[[N:.*]] = arith.muli %{{.*}}, %[[DIM]] : index
// CHECK: %[[N64:.*]] = arith.index_castui %[[N]] : index to i64
// CHECK: %[[NF:.*]] = arith.uitofp %[[N64]] : i64 to f32
// CHECK: linalg.generic
// CHECK: arith.divf %{{.*}}, %[[NF]] : f32
func.func @mean_dynamic(%x: tensor<?x3xf32>) -> tensor<3xf32> {
  %s = dfg.reduce mean, %x {axes = array<i64: 0>, keep_dims = false} : (tensor<?x3xf32>) -> tensor<3xf32>
  return %s : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @max_float
// CHECK: arith.constant 0xFF800000 : f32
// CHECK: linalg.reduce
// CHECK: arith.maximumf
func.func @max_float(%x: tensor<2x3xf32>) -> tensor<f32> {
  %s = dfg.reduce max, %x {axes = array<i64: 0, 1>, keep_dims = false} : (tensor<2x3xf32>) -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @min_unsigned
// CHECK: arith.constant -1 : i8
// CHECK: linalg.reduce
// CHECK: arith.minui
func.func @min_unsigned(%x: tensor<2x3xui8>) -> tensor<2xui8> {
  %s = dfg.reduce min, %x {axes = array<i64: 1>, keep_dims = false} : (tensor<2x3xui8>) -> tensor<2xui8>
  return %s : tensor<2xui8>
}

// -----

// CHECK-LABEL: func.func @max_signed
// CHECK: arith.constant -2147483648 : i32
// CHECK: arith.maxsi
func.func @max_signed(%x: tensor<2x3xi32>) -> tensor<3xi32> {
  %s = dfg.reduce max, %x {axes = array<i64: 0>, keep_dims = false} : (tensor<2x3xi32>) -> tensor<3xi32>
  return %s : tensor<3xi32>
}

// -----

// CHECK-LABEL: func.func @prod_all_keep
// CHECK: arith.constant 1 : i64
// CHECK: linalg.reduce
// CHECK: arith.muli
// CHECK: tensor.expand_shape %{{.*}} [] output_shape [1, 1] : tensor<i64> into tensor<1x1xi64>
func.func @prod_all_keep(%x: tensor<2x3xi64>) -> tensor<1x1xi64> {
  %s = dfg.reduce prod, %x {axes = array<i64: 0, 1>, keep_dims = true} : (tensor<2x3xi64>) -> tensor<1x1xi64>
  return %s : tensor<1x1xi64>
}

// -----

// CHECK-LABEL: func.func @argmax
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: linalg.fill ins(%[[NEGINF]] : f32)
// CHECK: %[[G:.*]]:2 = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "reduction"]
// CHECK: arith.cmpf ogt
// CHECK: arith.cmpf uno
// CHECK: linalg.index 1
// CHECK: tensor.expand_shape %[[G]]#1 {{\[}}[0, 1]] output_shape [%{{.*}}, 1] : tensor<?xi64> into tensor<?x1xi64>
func.func @argmax(%x: tensor<?x10xf32>) -> tensor<?x1xi64> {
  %i = dfg.arg_reduce argmax, %x {axis = 1 : i64, keep_dims = true, select_last_index = false} : (tensor<?x10xf32>) -> tensor<?x1xi64>
  return %i : tensor<?x1xi64>
}

// -----

// CHECK-LABEL: func.func @argmin_last_unsigned
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["reduction", "parallel"]
// CHECK: arith.cmpi ule
func.func @argmin_last_unsigned(%x: tensor<3x4xui32>) -> tensor<4xi64> {
  %i = dfg.arg_reduce argmin, %x {axis = 0 : i64, keep_dims = false, select_last_index = true} : (tensor<3x4xui32>) -> tensor<4xi64>
  return %i : tensor<4xi64>
}
