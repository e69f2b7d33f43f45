// RUN: dfg-opt %s --dfg-lower-to-linalg --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @gather_elements
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c1
// CHECK: linalg.generic
// CHECK-SAME: ins(%arg1 : tensor<3x2xi64>)
// CHECK: arith.index_cast
// CHECK: arith.cmpi slt
// CHECK: arith.addi %{{.*}}, %[[N]]
// CHECK: arith.minsi
// CHECK: arith.maxsi
// CHECK: tensor.extract %arg0
func.func @gather_elements(%x: tensor<3x?xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xf32> {
  %y = dfg.gather_elements %x, %i {axis = 1 : i64} : (tensor<3x?xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @scatter_elements_add
// CHECK: scf.for
// CHECK: scf.for
// CHECK: tensor.extract %arg1
// CHECK: tensor.extract %arg2
// CHECK: tensor.extract
// CHECK: arith.addf
// CHECK: tensor.insert
func.func @scatter_elements_add(%x: tensor<1x5xf32>, %i: tensor<1x2xi64>, %u: tensor<1x2xf32>) -> tensor<1x5xf32> {
  %y = dfg.scatter_elements %x, %i, %u {axis = 1 : i64, reduction = #dfg<scatter_reduction add>} : (tensor<1x5xf32>, tensor<1x2xi64>, tensor<1x2xf32>) -> tensor<1x5xf32>
  return %y : tensor<1x5xf32>
}

// -----

// CHECK-LABEL: func.func @scatter_elements_max_unsigned
// CHECK: arith.maxui
func.func @scatter_elements_max_unsigned(%x: tensor<5xui8>, %i: tensor<2xi32>, %u: tensor<2xui8>) -> tensor<5xui8> {
  %y = dfg.scatter_elements %x, %i, %u {axis = 0 : i64, reduction = #dfg<scatter_reduction max>} : (tensor<5xui8>, tensor<2xi32>, tensor<2xui8>) -> tensor<5xui8>
  return %y : tensor<5xui8>
}

// -----

// CHECK-LABEL: func.func @gather_nd
// CHECK: linalg.generic
// CHECK-SAME: outs(%{{.*}} : tensor<2x1x2xf32>)
// CHECK: linalg.index 0
// CHECK: tensor.extract %arg1
// CHECK: tensor.extract %arg1
// CHECK: tensor.extract %arg0
func.func @gather_nd(%x: tensor<2x2x2xf32>, %i: tensor<2x1x2xi64>) -> tensor<2x1x2xf32> {
  %y = dfg.gather_nd %x, %i {batch_dims = 0 : i64} : (tensor<2x2x2xf32>, tensor<2x1x2xi64>) -> tensor<2x1x2xf32>
  return %y : tensor<2x1x2xf32>
}

// -----

// CHECK-LABEL: func.func @scatter_nd
// CHECK-COUNT-3: scf.for
// CHECK: tensor.extract %arg1
// CHECK: tensor.extract %arg2
// CHECK: tensor.insert
func.func @scatter_nd(%x: tensor<4x4x4xf32>, %i: tensor<2x1xi64>, %u: tensor<2x4x4xf32>) -> tensor<4x4x4xf32> {
  %y = dfg.scatter_nd %x, %i, %u {reduction = #dfg<scatter_reduction none>} : (tensor<4x4x4xf32>, tensor<2x1xi64>, tensor<2x4x4xf32>) -> tensor<4x4x4xf32>
  return %y : tensor<4x4x4xf32>
}

// -----

// An scf.for along the axis over whole slices.
// CHECK-LABEL: func.func @cumsum_reverse_exclusive
// CHECK: %[[ZERO:.*]] = linalg.fill
// CHECK: scf.for %[[IV:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[OUT:.*]] = %{{.*}}, %[[ACC:.*]] = %[[ZERO]])
// CHECK: %[[POS:.*]] = arith.subi %{{.*}}, %[[IV]] : index
// CHECK: %[[SLICE:.*]] = tensor.extract_slice %arg0[0, %[[POS]]] [%{{.*}}, 1] [1, 1] : tensor<?x5xf64> to tensor<?xf64>
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK: arith.addf
// CHECK: tensor.insert_slice %[[ACC]] into %[[OUT]][0, %[[POS]]]
// CHECK: scf.yield %{{.*}}, %[[SUM]]
func.func @cumsum_reverse_exclusive(%x: tensor<?x5xf64>) -> tensor<?x5xf64> {
  %y = dfg.cumsum %x {axis = 1 : i64, exclusive = true, reverse = true} : (tensor<?x5xf64>) -> tensor<?x5xf64>
  return %y : tensor<?x5xf64>
}

// -----

// CHECK-LABEL: func.func @top_k
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for
// CHECK: arith.cmpf ogt
// CHECK: tensor.insert
// CHECK: tensor.insert
func.func @top_k(%x: tensor<3x4xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>) {
  %v, %i = dfg.top_k %x {axis = 1 : i64, k = 2 : i64, largest = true, sorted = true} : (tensor<3x4xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  return %v, %i : tensor<3x2xf32>, tensor<3x2xi64>
}

// -----

// Count first, then fill a tensor of that many columns.
// CHECK-LABEL: func.func @non_zero
// CHECK: %[[COUNT:.*]] = linalg.reduce
// CHECK: %[[N:.*]] = tensor.extract %[[COUNT]][]
// CHECK: %[[NI:.*]] = arith.index_cast %[[N]]
// CHECK: tensor.empty(%[[NI]]) : tensor<2x?xi64>
// CHECK: scf.for
// CHECK: scf.if
func.func @non_zero(%x: tensor<2x?xi1>) -> tensor<2x?xi64> {
  %y = dfg.non_zero %x : (tensor<2x?xi1>) -> tensor<2x?xi64>
  return %y : tensor<2x?xi64>
}

// -----

// Only the two resized dimensions interpolate: four taps.
// CHECK-LABEL: func.func @resize_linear
// CHECK: linalg.generic
// CHECK: math.floor
// CHECK: math.floor
// CHECK-COUNT-4: tensor.extract %arg0
// CHECK-NOT: tensor.extract %arg0
// CHECK: linalg.yield
func.func @resize_linear(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32> {
  %y = dfg.resize %x {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode half_pixel>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @resize_nearest_scales
// CHECK: tensor.extract %arg1
// CHECK: linalg.generic
// CHECK: arith.cmpf oge
// CHECK: tensor.extract %arg0
// CHECK-NOT: tensor.extract %arg0
// CHECK: linalg.yield
func.func @resize_nearest_scales(%x: tensor<1x1x2x2xf32>, %s: tensor<4xf32>) -> tensor<1x1x4x4xf32> {
  %y = dfg.resize %x scales %s {mode = #dfg<resize_mode nearest>, coordinate_mode = #dfg<coordinate_mode asymmetric>, nearest_mode = #dfg<nearest_mode round_prefer_ceil>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}
