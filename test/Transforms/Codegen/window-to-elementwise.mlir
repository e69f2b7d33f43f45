// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-window-to-elementwise,canonicalize))' | FileCheck %s
// RUN: not dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-window-to-elementwise{vector-tile=0}))' 2>&1 | FileCheck %s --check-prefix=ERR

// ERR: dfg-window-to-elementwise: vector-tile must be positive, got 0

// A 3x3 unit-stride max pool: one elementwise op over the output reading
// one input slice per tap (taps in the op's order, maximumf from the init),
// tiled along the output width (19 = 16 + 3) and marked for vectorization.
// CHECK-LABEL: func.func @maxpool
//       CHECK:   tensor.extract_slice %arg0[0, 0, 0, 0] [%{{.*}}, 3, 7, 19] [1, 1, 1, 1]
//       CHECK:   tensor.extract_slice %arg0[0, 0, 0, 1] [%{{.*}}, 3, 7, 19] [1, 1, 1, 1]
//       CHECK:   tensor.extract_slice %arg0[0, 0, 2, 2] [%{{.*}}, 3, 7, 19] [1, 1, 1, 1]
//       CHECK:   linalg.generic {{.*}} outs(%{{.*}} : tensor<1x1x1x16xf32>) attrs = {dfg.vector_sizes = array<i64: 1, 1, 1, 16>}
// CHECK-COUNT-9:     arith.maximumf
//       CHECK:   linalg.generic {{.*}} outs(%{{.*}} : tensor<1x1x1x3xf32>) attrs = {dfg.vector_sizes = array<i64: 1, 1, 1, 16>}
//   CHECK-NOT:   linalg.pooling_nchw_max
func.func @maxpool(%x: tensor<?x3x9x21xf32>, %init: tensor<?x3x7x19xf32>) -> tensor<?x3x7x19xf32> {
  %k = tensor.empty() : tensor<3x3xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %k : tensor<?x3x9x21xf32>, tensor<3x3xf32>) outs(%init : tensor<?x3x7x19xf32>) -> tensor<?x3x7x19xf32>
  return %r : tensor<?x3x7x19xf32>
}

// -----

// Stride 2: strided slices (rows and columns 2 apart); the op is left whole
// for LLVM's loop vectorizer (not tiled, not marked).
// CHECK-LABEL: func.func @depthwise_s2
//       CHECK:   tensor.extract_slice %arg0[0, 0, 2, 2] [1, 3, 4, 10] [1, 1, 2, 2]
//       CHECK:   linalg.generic
//  CHECK-SAME:   outs(%arg2 : tensor<1x3x4x10xf32>)
//   CHECK-NOT:   dfg.vector_sizes
//   CHECK-NOT:   linalg.depthwise_conv_2d_nchw_chw
func.func @depthwise_s2(%x: tensor<1x3x9x21xf32>, %w: tensor<3x3x3xf32>, %init: tensor<1x3x4x10xf32>) -> tensor<1x3x4x10xf32> {
  %r = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %w : tensor<1x3x9x21xf32>, tensor<3x3x3xf32>) outs(%init : tensor<1x3x4x10xf32>) -> tensor<1x3x4x10xf32>
  return %r : tensor<1x3x4x10xf32>
}

// -----

// A 3x3 depthwise convolution over an image of run-time size: the tap
// slices are sized from the init; the width is tiled by 16 with a peeled
// edge of run-time size (vectorized with a mask, same marks).
// CHECK-LABEL: func.func @depthwise_dynamic
//       CHECK:   %[[OH:.*]] = tensor.dim %arg2, %c2
//       CHECK:   %[[OW:.*]] = tensor.dim %arg2, %c3
//       CHECK:   tensor.extract_slice %arg0[0, 0, 2, 2] [%{{.*}}, 3, %[[OH]], %[[OW]]] [1, 1, 1, 1] : tensor<?x3x?x?xf32> to tensor<?x3x?x?xf32>
//       CHECK:   tensor.extract_slice %arg1[0, 2, 2] [3, 1, 1] [1, 1, 1] : tensor<3x3x3xf32> to tensor<3xf32>
//       CHECK:   linalg.generic {{.*}} outs(%{{.*}} : tensor<1x1x1x16xf32>) attrs = {dfg.vector_sizes = array<i64: 1, 1, 1, 16>}
// CHECK-COUNT-9:     arith.mulf
//       CHECK:   linalg.generic {{.*}} outs(%{{.*}} : tensor<1x1x1x?xf32>) attrs = {dfg.vector_sizes = array<i64: 1, 1, 1, 16>}
//   CHECK-NOT:   linalg.depthwise_conv_2d_nchw_chw
func.func @depthwise_dynamic(%x: tensor<?x3x?x?xf32>, %w: tensor<3x3x3xf32>, %init: tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32> {
  %r = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<?x3x?x?xf32>, tensor<3x3x3xf32>) outs(%init : tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  return %r : tensor<?x3x?x?xf32>
}

// -----

// A 2x2 stride-2 sum pooling with run-time channels and image: strided
// slices of run-time size, left whole (strided, as static ones).
// CHECK-LABEL: func.func @sumpool_dynamic_s2
//       CHECK:   tensor.extract_slice %arg0[0, 0, 1, 1] [1, %{{.*}}, %{{.*}}, %{{.*}}] [1, 1, 2, 2] : tensor<1x?x?x?xf32> to tensor<1x?x?x?xf32>
//       CHECK:   linalg.generic
// CHECK-COUNT-4:     arith.addf
//   CHECK-NOT:   linalg.pooling_nchw_sum
func.func @sumpool_dynamic_s2(%x: tensor<1x?x?x?xf32>, %init: tensor<1x?x?x?xf32>) -> tensor<1x?x?x?xf32> {
  %k = tensor.empty() : tensor<2x2xf32>
  %r = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %k : tensor<1x?x?x?xf32>, tensor<2x2xf32>) outs(%init : tensor<1x?x?x?xf32>) -> tensor<1x?x?x?xf32>
  return %r : tensor<1x?x?x?xf32>
}

// -----

// A window of run-time size: the taps are not known; left as it is.
// CHECK-LABEL: func.func @maxpool_dynamic_window
//       CHECK:   linalg.pooling_nchw_max
func.func @maxpool_dynamic_window(%x: tensor<1x3x9x9xf32>, %k: tensor<?x?xf32>, %init: tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32> {
  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %k : tensor<1x3x9x9xf32>, tensor<?x?xf32>) outs(%init : tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
  return %r : tensor<1x3x7x7xf32>
}
