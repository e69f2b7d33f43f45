// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-conv-to-contraction,canonicalize))' | FileCheck %s
// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-conv-to-contraction{im2col=false},canonicalize))' | FileCheck %s --check-prefix=DIRECT
// RUN: not dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-conv-to-contraction{copy-tile=0}))' 2>&1 | FileCheck %s --check-prefix=ERR

// ERR: dfg-conv-to-contraction: copy-tile must be positive, got 0

// A 3x3 unit-stride convolution: one im2col copy in a loop nest over the
// filter taps (the window at row i, column j into the column tensor's tap
// (i, j)), tiled along the image width and marked for dfg-vectorize-tiles,
// then a batch_matmul of the [F, C*KH*KW] filter and the [N, C*KH*KW,
// OH*OW] columns. The batch stays dynamic.
// CHECK-LABEL: func.func @conv3x3
//       CHECK:   tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2, 3]] : tensor<4x2x3x3xf32> into tensor<4x18xf32>
//       CHECK:   %[[COL:.*]] = tensor.empty(%{{.*}}) : tensor<?x2x3x3x4x4xf32>
//       CHECK:   scf.for %[[I:.*]] = %c0 to %c3 step %c1 iter_args(%[[ROWS:.*]] = %[[COL]])
//       CHECK:     scf.for %[[J:.*]] = %c0 to %c3 step %c1 iter_args(%[[TAPS:.*]] = %[[ROWS]])
//       CHECK:       %[[WINDOW:.*]] = tensor.extract_slice %arg0[0, 0, %[[I]], %[[J]]] [%{{.*}}, 2, 4, 4] [1, 1, 1, 1]
//       CHECK:       %[[TAP:.*]] = tensor.extract_slice %[[TAPS]][0, 0, %[[I]], %[[J]], 0, 0] [%{{.*}}, 2, 1, 1, 4, 4]
//       CHECK:       scf.for {{.*}} iter_args(%{{.*}} = %[[TAP]])
//       CHECK:         tensor.extract_slice %[[WINDOW]]
//       CHECK:         linalg.copy {dfg.vector_sizes = array<i64: 1, 1, 1, 16>}
//   CHECK-NOT:   linalg.copy
//       CHECK:       tensor.insert_slice %{{.*}} into %[[TAPS]][0, 0, %[[I]], %[[J]], 0, 0]
//       CHECK:   tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2, 3], [4, 5]] : tensor<?x2x3x3x4x4xf32> into tensor<?x18x16xf32>
//       CHECK:   linalg.batch_matmul {{.*}} ins(%{{.*}}, %{{.*}} : tensor<4x18xf32>, tensor<?x18x16xf32>) outs(%{{.*}} : tensor<?x4x16xf32>)
//       CHECK:   tensor.expand_shape {{.*}} : tensor<?x4x16xf32> into tensor<?x4x4x4xf32>
//   CHECK-NOT:   linalg.conv_2d_nchw_fchw
// Without im2col it is left alone.
// DIRECT-LABEL: func.func @conv3x3
//       DIRECT:   linalg.conv_2d_nchw_fchw
func.func @conv3x3(%x: tensor<?x2x6x6xf32>, %w: tensor<4x2x3x3xf32>, %init: tensor<?x4x4x4xf32>) -> tensor<?x4x4x4xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<?x2x6x6xf32>, tensor<4x2x3x3xf32>) outs(%init : tensor<?x4x4x4xf32>) -> tensor<?x4x4x4xf32>
  return %r : tensor<?x4x4x4xf32>
}

// -----

// 1x1, unit stride: the input is the columns (collapsed, no copy), with or
// without im2col.
// CHECK-LABEL: func.func @conv1x1
//   CHECK-NOT:   linalg.copy
//       CHECK:   %[[COL:.*]] = tensor.collapse_shape %arg0 {{\[}}[0], [1], [2, 3]] : tensor<1x8x5x5xf32> into tensor<1x8x25xf32>
//       CHECK:   linalg.batch_matmul {{.*}} ins(%{{.*}}, %[[COL]] : tensor<4x8xf32>, tensor<1x8x25xf32>)
// DIRECT-LABEL: func.func @conv1x1
//   DIRECT-NOT:   linalg.conv_2d_nchw_fchw
//       DIRECT:   linalg.batch_matmul
func.func @conv1x1(%x: tensor<1x8x5x5xf32>, %w: tensor<4x8x1x1xf32>, %init: tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<1x8x5x5xf32>, tensor<4x8x1x1xf32>) outs(%init : tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
  return %r : tensor<1x4x5x5xf32>
}

// -----

// Stride 2: the copy reads strided rows and stays loops (not marked).
// CHECK-LABEL: func.func @conv_s2
//       CHECK:   scf.for %[[I:.*]] = %c0 to %c3
//       CHECK:     scf.for %[[J:.*]] = %c0 to %c3
//       CHECK:       tensor.extract_slice %arg0[0, 0, %[[I]], %[[J]]] [1, 2, 3, 3] [1, 1, 2, 2]
//       CHECK:       linalg.copy ins(%{{.*}} : tensor<1x2x3x3xf32>) outs(%{{.*}} : tensor<1x2x3x3xf32>)
//   CHECK-NOT:   dfg.vector_sizes
//       CHECK:   linalg.batch_matmul {{.*}} : tensor<4x18xf32>, tensor<1x18x9xf32>
func.func @conv_s2(%x: tensor<1x2x7x7xf32>, %w: tensor<4x2x3x3xf32>, %init: tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %w : tensor<1x2x7x7xf32>, tensor<4x2x3x3xf32>) outs(%init : tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
  return %r : tensor<1x4x3x3xf32>
}

// -----

// Image sizes known only at run time: the im2col tensor, the copies and the
// contraction's pixel dimension p = OH*OW are sized from the init's
// dimensions; the unit-stride copies are tiled and marked like static ones.
// CHECK-LABEL: func.func @conv_dynamic_image
//       CHECK:   %[[OH:.*]] = tensor.dim %arg2, %c2
//       CHECK:   %[[OW:.*]] = tensor.dim %arg2, %c3
//       CHECK:   tensor.empty(%[[OH]], %[[OW]]) : tensor<1x2x3x3x?x?xf32>
//       CHECK:   scf.for %[[I:.*]] = %c0 to %c3
//       CHECK:     scf.for %[[J:.*]] = %c0 to %c3
//       CHECK:       tensor.extract_slice %arg0[0, 0, %[[I]], %[[J]]] [1, 2, %[[OH]], %[[OW]]] [1, 1, 1, 1] : tensor<1x2x?x?xf32> to tensor<1x2x?x?xf32>
//       CHECK:       scf.for
//       CHECK:   linalg.copy {dfg.vector_sizes = array<i64: 1, 1, 1, 16>} {{.*}} tensor<1x1x1x16xf32>
//       CHECK:   tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2, 3], [4, 5]] : tensor<1x2x3x3x?x?xf32> into tensor<1x18x?xf32>
//       CHECK:   linalg.batch_matmul {{.*}} ins(%{{.*}}, %{{.*}} : tensor<4x18xf32>, tensor<1x18x?xf32>) outs(%{{.*}} : tensor<1x4x?xf32>)
//       CHECK:   tensor.expand_shape %{{.*}} {{\[}}[0], [1], [2, 3]] output_shape [1, 4, %[[OH]], %[[OW]]] : tensor<1x4x?xf32> into tensor<1x4x?x?xf32>
//   CHECK-NOT:   linalg.conv_2d_nchw_fchw
func.func @conv_dynamic_image(%x: tensor<1x2x?x?xf32>, %w: tensor<4x2x3x3xf32>, %init: tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<1x2x?x?xf32>, tensor<4x2x3x3xf32>) outs(%init : tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  return %r : tensor<1x4x?x?xf32>
}

// -----

// Stride 2, dilation 2, run-time batch and image: strided slices of
// run-time size; the copies stay loops (not marked), as static ones do.
// CHECK-LABEL: func.func @conv_dynamic_s2_d2
//       CHECK:   scf.for %[[I:.*]] = %c0 to %c3
//       CHECK:     scf.for %[[J:.*]] = %c0 to %c3
//   CHECK-DAG:       %[[ROW:.*]] = arith.muli %[[I]], %c2
//   CHECK-DAG:       %[[COLUMN:.*]] = arith.muli %[[J]], %c2
//       CHECK:       tensor.extract_slice %arg0[0, 0, %[[ROW]], %[[COLUMN]]] [%{{.*}}, 2, %{{.*}}, %{{.*}}] [1, 1, 2, 2] : tensor<?x2x?x?xf32> to tensor<?x2x?x?xf32>
//   CHECK-NOT:   dfg.vector_sizes
//       CHECK:   linalg.batch_matmul {{.*}} : tensor<4x18xf32>, tensor<?x18x?xf32>
func.func @conv_dynamic_s2_d2(%x: tensor<?x2x?x?xf32>, %w: tensor<4x2x3x3xf32>, %init: tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %w : tensor<?x2x?x?xf32>, tensor<4x2x3x3xf32>) outs(%init : tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  return %r : tensor<?x4x?x?xf32>
}

// -----

// 1x1 over an image of run-time size whose output is sized from the input
// (as dfg-lower-to-linalg emits it): provably the whole input, so the input
// is the columns. The bias broadcast is rebuilt in the collapsed shape.
// CHECK-LABEL: func.func @conv1x1_dynamic
//   CHECK-NOT:   linalg.copy
//       CHECK:   %[[P:.*]] = affine.apply
//       CHECK:   %[[E:.*]] = tensor.empty(%[[P]]) : tensor<1x4x?xf32>
//       CHECK:   %[[B:.*]] = linalg.broadcast ins(%arg2 : tensor<4xf32>) outs(%[[E]] : tensor<1x4x?xf32>) dimensions = [0, 2]
//       CHECK:   %[[COL:.*]] = tensor.collapse_shape %arg0 {{\[}}[0], [1], [2, 3]] : tensor<1x8x?x?xf32> into tensor<1x8x?xf32>
//       CHECK:   linalg.batch_matmul {{.*}} ins(%{{.*}}, %[[COL]] : tensor<4x8xf32>, tensor<1x8x?xf32>) outs(%[[B]] : tensor<1x4x?xf32>)
func.func @conv1x1_dynamic(%x: tensor<1x8x?x?xf32>, %w: tensor<4x8x1x1xf32>, %bias: tensor<4xf32>) -> tensor<1x4x?x?xf32> {
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %h = tensor.dim %x, %c2 : tensor<1x8x?x?xf32>
  %wd = tensor.dim %x, %c3 : tensor<1x8x?x?xf32>
  %e = tensor.empty(%h, %wd) : tensor<1x4x?x?xf32>
  %b = linalg.broadcast ins(%bias : tensor<4xf32>) outs(%e : tensor<1x4x?x?xf32>) dimensions = [0, 2, 3]
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<1x8x?x?xf32>, tensor<4x8x1x1xf32>) outs(%b : tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  return %r : tensor<1x4x?x?xf32>
}

// -----

// 1x1 whose output may be smaller than its input (nothing relates their
// run-time sizes): the columns are a copy of the window the output covers.
// CHECK-LABEL: func.func @conv1x1_dynamic_unrelated
//       CHECK:   linalg.copy
//       CHECK:   linalg.batch_matmul {{.*}} : tensor<4x8xf32>, tensor<1x8x?xf32>
// DIRECT-LABEL: func.func @conv1x1_dynamic_unrelated
//       DIRECT:   linalg.conv_2d_nchw_fchw
func.func @conv1x1_dynamic_unrelated(%x: tensor<1x8x?x?xf32>, %w: tensor<4x8x1x1xf32>, %init: tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<1x8x?x?xf32>, tensor<4x8x1x1xf32>) outs(%init : tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  return %r : tensor<1x4x?x?xf32>
}

// -----

// Channels known only at run time: the contraction's k would be dynamic;
// left as it is.
// CHECK-LABEL: func.func @conv_dynamic_channels
//       CHECK:   linalg.conv_2d_nchw_fchw
func.func @conv_dynamic_channels(%x: tensor<1x?x8x8xf32>, %w: tensor<4x2x3x3xf32>, %init: tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<1x?x8x8xf32>, tensor<4x2x3x3xf32>) outs(%init : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  return %r : tensor<1x4x6x6xf32>
}

// -----

// Dilation 2: tap (i, j) reads its window from row 2i, column 2j.
// CHECK-LABEL: func.func @conv_dilated
//       CHECK:   scf.for %[[I:.*]] = %c0 to %c3
//       CHECK:     scf.for %[[J:.*]] = %c0 to %c3
//   CHECK-DAG:       %[[ROW:.*]] = arith.muli %[[I]], %c2
//   CHECK-DAG:       %[[COLUMN:.*]] = arith.muli %[[J]], %c2
//       CHECK:       tensor.extract_slice %arg0[0, 0, %[[ROW]], %[[COLUMN]]] [1, 2, 3, 3] [1, 1, 1, 1]
//       CHECK:       tensor.extract_slice %{{.*}}[0, 0, %[[I]], %[[J]], 0, 0] [1, 2, 1, 1, 3, 3]
func.func @conv_dilated(%x: tensor<1x2x7x7xf32>, %w: tensor<4x2x3x3xf32>, %init: tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<1x2x7x7xf32>, tensor<4x2x3x3xf32>) outs(%init : tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
  return %r : tensor<1x4x3x3xf32>
}
