// RUN: dfg-opt %s --dfg-extract-kernels --mlir-print-local-scope | FileCheck %s

// Every linalg op but the fills becomes a function of its own; the module
// keeps only those. Weights (non-splat constants) and values computed
// elsewhere are arguments; the output's empty tensor and its fill, splat
// constants and the scalars the body uses are created inside. Repeats are
// counted, not outlined twice.

// CHECK-NOT: func.func @model
// CHECK-LABEL: func.func @kernel_0(
// CHECK-SAME: %[[X:.*]]: tensor<4x8xf32>, %[[W:.*]]: tensor<8x16xf32>) -> tensor<4x16xf32>
// CHECK-SAME: dfg.kernel_count = 2 : i64, dfg.kernel_source = "model"
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[EMPTY:.*]] = tensor.empty() : tensor<4x16xf32>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<4x16xf32>)
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[X]], %[[W]] : {{.*}}) outs(%[[FILL]] : tensor<4x16xf32>)
// CHECK: return %[[MM]]

// The bias the convolution accumulates into is computed elsewhere: an
// argument, read by the kernel.
// CHECK-LABEL: func.func @kernel_1(
// CHECK-SAME: %{{.*}}: tensor<1x2x6x6xf32>, %{{.*}}: tensor<3x2x3x3xf32>, %{{.*}}: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
// CHECK-SAME: dfg.kernel_count = 1 : i64
// CHECK: linalg.conv_2d_nchw_fchw

// A splat operand and a scalar used from above are cloned; the other
// input is the one argument.
// CHECK-LABEL: func.func @kernel_2(
// CHECK-SAME: %[[A:.*]]: tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK-DAG: %[[SIX:.*]] = arith.constant 6.000000e+00 : f32
// CHECK-DAG: %[[SPLAT:.*]] = arith.constant dense<2.000000e+00> : tensor<4x16xf32>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[A]], %[[SPLAT]] : tensor<4x16xf32>, tensor<4x16xf32>)
// CHECK: arith.minimumf %{{.*}}, %[[SIX]]

// Not kernels: a dynamic shape, a body using a value from above that is
// not a constant.
// CHECK-NOT: func.func @kernel_3
// CHECK-NOT: tensor<?x
func.func @model(%x: tensor<4x8xf32>, %bias: tensor<1x3x4x4xf32>,
                 %img: tensor<1x2x6x6xf32>, %dyn: tensor<?x8xf32>,
                 %s: f32) -> (tensor<4x16xf32>, tensor<4x16xf32>,
                              tensor<1x3x4x4xf32>, tensor<?x8xf32>,
                              tensor<4x16xf32>) {
  %w = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
                              [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
                              [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
                              [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
                              [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
                              [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
                              [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
                              [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 9.0]]> : tensor<8x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %m0 = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x16xf32>) outs(%f : tensor<4x16xf32>) -> tensor<4x16xf32>
  %m1 = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x16xf32>) outs(%f : tensor<4x16xf32>) -> tensor<4x16xf32>
  %filter = arith.constant dense<0.5> : tensor<3x2x3x3xf32>
  %filter1 = arith.addf %filter, %filter : tensor<3x2x3x3xf32>
  %c = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%img, %filter1 : tensor<1x2x6x6xf32>, tensor<3x2x3x3xf32>) outs(%bias : tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  %two = arith.constant dense<2.0> : tensor<4x16xf32>
  %six = arith.constant 6.0 : f32
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
         ins(%m0, %two : tensor<4x16xf32>, tensor<4x16xf32>) outs(%e : tensor<4x16xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %p = arith.mulf %a, %b : f32
    %q = arith.minimumf %p, %six : f32
    linalg.yield %q : f32
  } -> tensor<4x16xf32>
  %c0 = arith.constant 0 : index
  %n = tensor.dim %dyn, %c0 : tensor<?x8xf32>
  %de = tensor.empty(%n) : tensor<?x8xf32>
  %d = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
         ins(%dyn : tensor<?x8xf32>) outs(%de : tensor<?x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %p = arith.negf %a : f32
    linalg.yield %p : f32
  } -> tensor<?x8xf32>
  %h = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
         ins(%m1 : tensor<4x16xf32>) outs(%e : tensor<4x16xf32>) {
  ^bb0(%a: f32, %o: f32):
    %p = arith.addf %a, %s : f32
    linalg.yield %p : f32
  } -> tensor<4x16xf32>
  return %m0, %g, %c, %d, %h : tensor<4x16xf32>, tensor<4x16xf32>, tensor<1x3x4x4xf32>, tensor<?x8xf32>, tensor<4x16xf32>
}
