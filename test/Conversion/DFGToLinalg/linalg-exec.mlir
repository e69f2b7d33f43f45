// Runs lowered matmul, conv, conv_transpose and pool ops and checks the
// numbers. Expected values come from numpy (utils/dfg-interp.py's reference,
// cross-checked against a naive loop implementation). Results are flattened
// to 1-D so each prints on one line.
// RUN: dfg-opt %s --dfg-lower-to-llvm | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)

func.func @dyn_conv(%x: tensor<?x2x?x?xf32>, %w: tensor<3x2x3x3xf32>, %b: tensor<3xf32>) -> tensor<?x3x?x?xf32> {
  %y = dfg.conv %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<?x2x?x?xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<?x3x?x?xf32>
  return %y : tensor<?x3x?x?xf32>
}

func.func @dyn_pool(%x: tensor<?x1x?x?xf32>) -> tensor<?x1x?x?xf32> {
  %y = dfg.pool avg, %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, count_include_pad = false, ceil_mode = true} : (tensor<?x1x?x?xf32>) -> tensor<?x1x?x?xf32>
  return %y : tensor<?x1x?x?xf32>
}

func.func @dyn_matmul(%a: tensor<?x?x3xf32>, %b: tensor<3x2x3x2xf32>) -> tensor<3x2x?x2xf32> {
  %y = dfg.matmul %a, %b : (tensor<?x?x3xf32>, tensor<3x2x3x2xf32>) -> tensor<3x2x?x2xf32>
  return %y : tensor<3x2x?x2xf32>
}

func.func @dyn_conv_transpose(%x: tensor<?x2x?xf32>, %w: tensor<2x3x3xf32>, %b: tensor<3xf32>) -> tensor<?x3x?xf32> {
  %y = dfg.conv_transpose %x, %w, %b {strides = array<i64: 2>, pads = array<i64: 1, 0>, dilations = array<i64: 1>, output_padding = array<i64: 1>, groups = 1 : i64} : (tensor<?x2x?xf32>, tensor<2x3x3xf32>, tensor<3xf32>) -> tensor<?x3x?xf32>
  return %y : tensor<?x3x?xf32>
}

func.func @main() {
  %c1 = dfg.constant dense<[[0.0, 2.0, -1.0], [-1.0, 3.0, 3.0]]> : tensor<2x3xf32>
  %c2 = dfg.constant dense<[[3.0, 4.0, 4.0, 3.0], [2.0, 0.0, -4.0, 3.0], [-4.0, 3.0, 2.0, -1.0]]> : tensor<3x4xf32>
  %r3 = dfg.matmul %c1, %c2 : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %f4 = tensor.collapse_shape %r3 [[0, 1]] : tensor<2x4xf32> into tensor<8xf32>
  %m4 = bufferization.to_buffer %f4 : tensor<8xf32> to memref<8xf32>
  %u4 = memref.cast %m4 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  // matmul [2,3] x [3,4]
  // CHECK: sizes = [8]
  // CHECK-NEXT: [8, -3, -10, 7, -9, 5, -10, 3]
  %c5 = dfg.constant dense<[[[1.0, 4.0, 4.0], [3.0, 1.0, -4.0]], [[-4.0, -2.0, 4.0], [2.0, 0.0, 3.0]]]> : tensor<2x2x3xf32>
  %c6 = dfg.constant dense<[[-1.0, -1.0], [4.0, -1.0], [-4.0, -3.0]]> : tensor<3x2xf32>
  %r7 = dfg.matmul %c5, %c6 : (tensor<2x2x3xf32>, tensor<3x2xf32>) -> tensor<2x2x2xf32>
  %f8 = tensor.collapse_shape %r7 [[0, 1, 2]] : tensor<2x2x2xf32> into tensor<8xf32>
  %m8 = bufferization.to_buffer %f8 : tensor<8xf32> to memref<8xf32>
  %u8 = memref.cast %m8 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u8) : (memref<*xf32>) -> ()
  // matmul x @ W: [2,2,3] x [3,2], one linalg.matmul
  // CHECK: sizes = [8]
  // CHECK-NEXT: [-1, -17, 17, 8, -20, -6, -14, -11]
  %c9 = dfg.constant dense<[[[[-4.0, -4.0, 2.0], [3.0, 3.0, -1.0]]], [[[-4.0, 3.0, 3.0], [3.0, -4.0, 1.0]]]]> : tensor<2x1x2x3xf32>
  %c10 = dfg.constant dense<[[[0.0, -1.0], [-3.0, -1.0], [-3.0, -1.0]], [[0.0, -1.0], [-3.0, 1.0], [-3.0, -2.0]], [[-1.0, -2.0], [-2.0, 1.0], [3.0, -1.0]]]> : tensor<3x3x2xf32>
  %r11 = dfg.matmul %c9, %c10 : (tensor<2x1x2x3xf32>, tensor<3x3x2xf32>) -> tensor<2x3x2x2xf32>
  %f12 = tensor.collapse_shape %r11 [[0, 1, 2, 3]] : tensor<2x3x2x2xf32> into tensor<24xf32>
  %m12 = bufferization.to_buffer %f12 : tensor<24xf32> to memref<24xf32>
  %u12 = memref.cast %m12 : memref<24xf32> to memref<*xf32>
  call @printMemrefF32(%u12) : (memref<*xf32>) -> ()
  // matmul broadcasting both batches: [2,1,2,3] x [3,3,2]
  // CHECK: sizes = [24]
  // CHECK-NEXT: [6, 6, -6, -5, 6, -4, -6, 2, 18, 2, -12, -2, -18, -2, 9, 0, -18, 1, 9, -9, 7, 8, 8, -11]
  %c13 = dfg.constant dense<[[25, 8, -3], [-34, -38, 43]]> : tensor<2x3xi32>
  %c14 = dfg.constant dense<[[[-41, 26], [17, -36], [-30, 3]], [[-35, 9], [-15, -2], [-46, -7]]]> : tensor<2x3x2xi32>
  %r15 = dfg.matmul %c13, %c14 : (tensor<2x3xi32>, tensor<2x3x2xi32>) -> tensor<2x2x2xi32>
  %f16 = tensor.collapse_shape %r15 [[0, 1, 2]] : tensor<2x2x2xi32> into tensor<8xi32>
  %m16 = bufferization.to_buffer %f16 : tensor<8xi32> to memref<8xi32>
  %u16 = memref.cast %m16 : memref<8xi32> to memref<*xi32>
  call @printMemrefI32(%u16) : (memref<*xi32>) -> ()
  // matmul i32, lhs broadcast: [2,3] x [2,3,2]
  // CHECK: sizes = [8]
  // CHECK-NEXT: [-799, 353, -542, 613, -857, 230, -218, -531]
  %c17 = dfg.constant dense<[[-544, 498, 786], [590, 579, 7]]> : tensor<2x3xi64>
  %c18 = dfg.constant dense<[[239, -27], [-566, -961], [155, 437]]> : tensor<3x2xi64>
  %r19 = dfg.matmul %c17, %c18 : (tensor<2x3xi64>, tensor<3x2xi64>) -> tensor<2x2xi64>
  %f20 = tensor.collapse_shape %r19 [[0, 1]] : tensor<2x2xi64> into tensor<4xi64>
  %m20 = bufferization.to_buffer %f20 : tensor<4xi64> to memref<4xi64>
  %u20 = memref.cast %m20 : memref<4xi64> to memref<*xi64>
  call @printMemrefI64(%u20) : (memref<*xi64>) -> ()
  // matmul i64 [2,3] x [3,2]
  // CHECK: sizes = [4]
  // CHECK-NEXT: [-290054, -120408, -185619, -569290]
  %c21 = dfg.constant dense<[[[[4.0, 2.0, 2.0, 1.0, 2.0], [1.0, 3.0, -3.0, 1.0, 0.0], [0.0, -4.0, 2.0, -2.0, 2.0], [4.0, -2.0, 0.0, -3.0, 2.0], [-3.0, 1.0, -3.0, 2.0, 4.0]], [[2.0, 1.0, 3.0, 1.0, 0.0], [2.0, 4.0, -3.0, 1.0, 1.0], [4.0, -1.0, 3.0, 3.0, 0.0], [3.0, 1.0, 2.0, -2.0, -4.0], [1.0, -1.0, -4.0, 1.0, 3.0]]]]> : tensor<1x2x5x5xf32>
  %c22 = dfg.constant dense<[[[[-3.0, 4.0, 0.0], [-4.0, -2.0, -4.0], [3.0, 2.0, -2.0]], [[1.0, -3.0, -4.0], [-4.0, -3.0, -3.0], [1.0, -1.0, -2.0]]], [[[-4.0, 0.0, 4.0], [3.0, -3.0, 0.0], [-1.0, 2.0, 3.0]], [[-3.0, -4.0, -2.0], [3.0, -4.0, -4.0], [4.0, -2.0, -4.0]]], [[[1.0, 1.0, -4.0], [-4.0, 4.0, 0.0], [1.0, -3.0, 0.0]], [[-4.0, 3.0, -2.0], [-4.0, -1.0, 4.0], [-1.0, 3.0, -3.0]]]]> : tensor<3x2x3x3xf32>
  %c23 = dfg.constant dense<[-4.0, -3.0, 0.0]> : tensor<3xf32>
  %r24 = dfg.conv %c21, %c22, %c23 {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<1x3x3x3xf32>
  %f25 = tensor.collapse_shape %r24 [[0, 1, 2, 3]] : tensor<1x3x3x3xf32> into tensor<27xf32>
  %m25 = bufferization.to_buffer %f25 : tensor<27xf32> to memref<27xf32>
  %u25 = memref.cast %m25 : memref<27xf32> to memref<*xf32>
  call @printMemrefF32(%u25) : (memref<*xf32>) -> ()
  // conv 2-D, pads 1, stride 2, bias
  // CHECK: sizes = [27]
  // CHECK-NEXT: [-43, -30, -13, -8, -7, -20, 1, 12, -6, -36, -4, -2, -27, -57, -10, -16, 7, 16, 9, -7, 3, -27, 15, -15, 2, 12, -4]
  %c26 = dfg.constant dense<[[[[2.0, -3.0, -4.0, -3.0, -4.0], [-3.0, 4.0, 0.0, -3.0, 2.0], [4.0, 1.0, -2.0, 0.0, 3.0], [0.0, -3.0, -2.0, 4.0, 1.0], [-2.0, 2.0, -2.0, 1.0, 3.0]]]]> : tensor<1x1x5x5xf32>
  %c27 = dfg.constant dense<[[[[3.0, 1.0], [1.0, 2.0]]]]> : tensor<1x1x2x2xf32>
  %r28 = dfg.conv %c26, %c27 {strides = array<i64: 1, 1>, pads = array<i64: 0, 1, 2, 0>, dilations = array<i64: 2, 2>, groups = 1 : i64} : (tensor<1x1x5x5xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x5x4xf32>
  %f29 = tensor.collapse_shape %r28 [[0, 1, 2, 3]] : tensor<1x1x5x4xf32> into tensor<20xf32>
  %m29 = bufferization.to_buffer %f29 : tensor<20xf32> to memref<20xf32>
  %u29 = memref.cast %m29 : memref<20xf32> to memref<*xf32>
  call @printMemrefF32(%u29) : (memref<*xf32>) -> ()
  // conv 2-D, dilation 2, asymmetric pads
  // CHECK: sizes = [20]
  // CHECK-NEXT: [-1, 2, -11, -12, -2, -13, 14, 2, 5, 4, 7, 1, -3, -2, -5, -5, 2, -8, 7, -3]
  %c30 = dfg.constant dense<[[[[-4.0, 2.0, 0.0, 2.0], [-2.0, 2.0, 4.0, 3.0], [-4.0, 1.0, 4.0, 3.0], [3.0, 2.0, -2.0, 1.0]], [[2.0, -3.0, -1.0, 0.0], [-4.0, -1.0, 1.0, 2.0], [0.0, -4.0, 0.0, -3.0], [1.0, -2.0, 0.0, 4.0]]]]> : tensor<1x2x4x4xf32>
  %c31 = dfg.constant dense<[[[[3.0, 1.0, 3.0], [1.0, -1.0, 3.0], [2.0, -2.0, -1.0]]], [[[-3.0, -3.0, 4.0], [0.0, -2.0, -3.0], [3.0, -4.0, 4.0]]]]> : tensor<2x1x3x3xf32>
  %c32 = dfg.constant dense<[4.0, -3.0]> : tensor<2xf32>
  %r33 = dfg.conv %c30, %c31, %c32 {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x2x4x4xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %f34 = tensor.collapse_shape %r33 [[0, 1, 2, 3]] : tensor<1x2x4x4xf32> into tensor<32xf32>
  %m34 = bufferization.to_buffer %f34 : tensor<32xf32> to memref<32xf32>
  %u34 = memref.cast %m34 : memref<32xf32> to memref<*xf32>
  call @printMemrefF32(%u34) : (memref<*xf32>) -> ()
  // conv depthwise 2-D, pads 1, bias
  // CHECK: sizes = [32]
  // CHECK-NEXT: [16, -14, 5, 4, 21, -12, 14, 9, 7, 23, 36, 14, 6, 0, 27, 16, 14, 2, 0, -8, -26, 11, -23, 8, 5, 35, 24, -22, -15, 13, -15, -2]
  %c35 = dfg.constant dense<[[[[-2.0, -1.0, -4.0], [-3.0, -3.0, 1.0], [1.0, 2.0, -4.0]], [[-1.0, -2.0, 0.0], [-2.0, 4.0, 0.0], [-4.0, -4.0, -2.0]]]]> : tensor<1x2x3x3xf32>
  %c36 = dfg.constant dense<[[[[2.0, -1.0], [1.0, 0.0]]], [[[2.0, 0.0], [4.0, -2.0]]], [[[0.0, 2.0], [1.0, -1.0]]], [[[1.0, -2.0], [2.0, 0.0]]]]> : tensor<4x1x2x2xf32>
  %r37 = dfg.conv %c35, %c36 {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x2x3x3xf32>, tensor<4x1x2x2xf32>) -> tensor<1x4x2x2xf32>
  %f38 = tensor.collapse_shape %r37 [[0, 1, 2, 3]] : tensor<1x4x2x2xf32> into tensor<16xf32>
  %m38 = bufferization.to_buffer %f38 : tensor<16xf32> to memref<16xf32>
  %u38 = memref.cast %m38 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u38) : (memref<*xf32>) -> ()
  // conv depthwise with multiplier 2
  // CHECK: sizes = [16]
  // CHECK-NEXT: [-6, -1, -2, -5, -10, -16, -6, 10, -10, 4, 8, -2, -1, 6, -18, -4]
  %c39 = dfg.constant dense<[[[[-1.0, -2.0, 1.0], [3.0, 1.0, 4.0], [1.0, -2.0, -4.0]], [[-1.0, -2.0, -2.0], [0.0, -1.0, 0.0], [4.0, 3.0, -4.0]], [[-2.0, 3.0, 4.0], [4.0, 0.0, -4.0], [0.0, -3.0, 3.0]], [[0.0, -4.0, -3.0], [-4.0, 2.0, -2.0], [-4.0, -2.0, 0.0]]]]> : tensor<1x4x3x3xf32>
  %c40 = dfg.constant dense<[[[[0.0, -3.0], [-4.0, -4.0]], [[-2.0, -1.0], [3.0, 2.0]]], [[[-1.0, 1.0], [2.0, 4.0]], [[2.0, 3.0], [-1.0, 4.0]]], [[[1.0, 2.0], [0.0, -2.0]], [[3.0, 2.0], [4.0, 2.0]]], [[[-3.0, -4.0], [3.0, 2.0]], [[4.0, 1.0], [0.0, -1.0]]]]> : tensor<4x2x2x2xf32>
  %c41 = dfg.constant dense<[-4.0, 3.0, 0.0, -4.0]> : tensor<4xf32>
  %r42 = dfg.conv %c39, %c40, %c41 {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x4x3x3xf32>, tensor<4x2x2x2xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
  %f43 = tensor.collapse_shape %r42 [[0, 1, 2, 3]] : tensor<1x4x2x2xf32> into tensor<16xf32>
  %m43 = bufferization.to_buffer %f43 : tensor<16xf32> to memref<16xf32>
  %u43 = memref.cast %m43 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u43) : (memref<*xf32>) -> ()
  // conv 2-D groups 2, bias
  // CHECK: sizes = [16]
  // CHECK-NEXT: [-12, -24, 16, 11, 0, 15, 0, -35, -16, 5, -18, -20, -4, -54, -34, 15]
  %c44 = dfg.constant dense<[[[4.0, 1.0, -4.0, 3.0, 1.0, -3.0, 1.0], [0.0, -3.0, 2.0, 1.0, 2.0, 4.0, 1.0]]]> : tensor<1x2x7xf32>
  %c45 = dfg.constant dense<[[[0.0, 2.0, -4.0], [2.0, -2.0, -1.0]], [[-3.0, 2.0, 3.0], [-4.0, -4.0, 0.0]], [[3.0, -4.0, -2.0], [2.0, -3.0, -2.0]]]> : tensor<3x2x3xf32>
  %r46 = dfg.conv %c44, %c45 {strides = array<i64: 2>, pads = array<i64: 1, 2>, dilations = array<i64: 2>, groups = 1 : i64} : (tensor<1x2x7xf32>, tensor<3x2x3xf32>) -> tensor<1x3x3xf32>
  %f47 = tensor.collapse_shape %r46 [[0, 1, 2]] : tensor<1x3x3xf32> into tensor<9xf32>
  %m47 = bufferization.to_buffer %f47 : tensor<9xf32> to memref<9xf32>
  %u47 = memref.cast %m47 : memref<9xf32> to memref<*xf32>
  call @printMemrefF32(%u47) : (memref<*xf32>) -> ()
  // conv 1-D stride 2 dilation 2 pads 1,2
  // CHECK: sizes = [9]
  // CHECK-NEXT: [-5, 6, -12, 23, 2, -35, -3, -20, 11]
  %c48 = dfg.constant dense<[[[-2.0, 4.0, 3.0, -2.0, 0.0], [3.0, 3.0, -3.0, -4.0, -3.0], [4.0, 3.0, 0.0, 2.0, -3.0], [0.0, 4.0, 3.0, -1.0, -1.0]]]> : tensor<1x4x5xf32>
  %c49 = dfg.constant dense<[[[2.0, 0.0, 1.0], [3.0, 3.0, 2.0]], [[4.0, 4.0, 2.0], [-2.0, -2.0, -2.0]]]> : tensor<2x2x3xf32>
  %c50 = dfg.constant dense<[1.0, -3.0]> : tensor<2xf32>
  %r51 = dfg.conv %c48, %c49, %c50 {strides = array<i64: 1>, pads = array<i64: 1, 1>, dilations = array<i64: 1>, groups = 2 : i64} : (tensor<1x4x5xf32>, tensor<2x2x3xf32>, tensor<2xf32>) -> tensor<1x2x5xf32>
  %f52 = tensor.collapse_shape %r51 [[0, 1, 2]] : tensor<1x2x5xf32> into tensor<10xf32>
  %m52 = bufferization.to_buffer %f52 : tensor<10xf32> to memref<10xf32>
  %u52 = memref.cast %m52 : memref<10xf32> to memref<*xf32>
  call @printMemrefF32(%u52) : (memref<*xf32>) -> ()
  // conv 1-D groups 2 (generic), bias
  // CHECK: sizes = [10]
  // CHECK-NEXT: [20, 12, -1, -20, -24, 11, 11, 1, -3, -3]
  %c53 = dfg.constant dense<[[[[[0.0, -3.0, 0.0], [1.0, -1.0, 1.0], [4.0, 3.0, -4.0]], [[4.0, 1.0, 0.0], [-4.0, 0.0, 3.0], [-4.0, 2.0, -3.0]], [[-4.0, 3.0, 2.0], [-4.0, -1.0, 2.0], [3.0, 0.0, 4.0]]]]]> : tensor<1x1x3x3x3xf32>
  %c54 = dfg.constant dense<[[[[[3.0, 2.0], [-1.0, -2.0]], [[1.0, 0.0], [-3.0, -3.0]]]], [[[[1.0, -3.0], [-2.0, -3.0]], [[3.0, -3.0], [-2.0, 4.0]]]]]> : tensor<2x1x2x2x2xf32>
  %c55 = dfg.constant dense<[2.0, 1.0]> : tensor<2xf32>
  %r56 = dfg.conv %c53, %c54, %c55 {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x1x3x3x3xf32>, tensor<2x1x2x2x2xf32>, tensor<2xf32>) -> tensor<1x2x2x2x2xf32>
  %f57 = tensor.collapse_shape %r56 [[0, 1, 2, 3, 4]] : tensor<1x2x2x2x2xf32> into tensor<16xf32>
  %m57 = bufferization.to_buffer %f57 : tensor<16xf32> to memref<16xf32>
  %u57 = memref.cast %m57 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u57) : (memref<*xf32>) -> ()
  // conv 3-D
  // CHECK: sizes = [16]
  // CHECK-NEXT: [13, -16, -5, 9, 31, -1, -23, -1, 28, 12, -8, -22, -7, 6, -16, 4]
  %c58 = dfg.constant dense<[[[[[2.0, 4.0], [-1.0, -2.0]], [[-3.0, 1.0], [-4.0, 0.0]]], [[[-1.0, 3.0], [0.0, 0.0]], [[-4.0, 1.0], [-2.0, 1.0]]]]]> : tensor<1x2x2x2x2xf32>
  %c59 = dfg.constant dense<[[[[[2.0, 2.0], [3.0, 1.0]], [[3.0, 0.0], [4.0, 3.0]]]], [[[[3.0, 4.0], [-1.0, -1.0]], [[3.0, -4.0], [-4.0, 2.0]]]]]> : tensor<2x1x2x2x2xf32>
  %r60 = dfg.conv %c58, %c59 {strides = array<i64: 1, 1, 1>, pads = array<i64: 1, 0, 0, 0, 1, 0>, dilations = array<i64: 1, 1, 1>, groups = 2 : i64} : (tensor<1x2x2x2x2xf32>, tensor<2x1x2x2x2xf32>) -> tensor<1x2x2x2x1xf32>
  %f61 = tensor.collapse_shape %r60 [[0, 1, 2, 3, 4]] : tensor<1x2x2x2x1xf32> into tensor<8xf32>
  %m61 = bufferization.to_buffer %f61 : tensor<8xf32> to memref<8xf32>
  %u61 = memref.cast %m61 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u61) : (memref<*xf32>) -> ()
  // conv 3-D depthwise, pads
  // CHECK: sizes = [8]
  // CHECK-NEXT: [-4, -3, -18, -18, -15, 0, 3, -10]
  %c62 = dfg.constant dense<[[[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]]]> : tensor<1x1x3x3xf32>
  %c63 = dfg.constant dense<[[[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]]]> : tensor<1x2x3x3xf32>
  %r64 = dfg.conv_transpose %c62, %c63 {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, output_padding = array<i64: 0, 0>, groups = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x5x5xf32>
  %f65 = tensor.collapse_shape %r64 [[0, 1, 2, 3]] : tensor<1x2x5x5xf32> into tensor<50xf32>
  %m65 = bufferization.to_buffer %f65 : tensor<50xf32> to memref<50xf32>
  %u65 = memref.cast %m65 : memref<50xf32> to memref<*xf32>
  call @printMemrefF32(%u65) : (memref<*xf32>) -> ()
  // conv_transpose 2-D (ONNX test_convtranspose)
  // CHECK: sizes = [50]
  // CHECK-NEXT: [0, 1, 3, 3, 2, 3, 8, 15, 12, 7, 9, 21, 36, 27, 15, 9, 20, 33, 24, 13, 6, 13, 21, 15, 8, 0, 1, 3, 3, 2, 3, 8, 15, 12, 7, 9, 21, 36, 27, 15, 9, 20, 33, 24, 13, 6, 13, 21, 15, 8]
  %c66 = dfg.constant dense<[[[3.0, -4.0, -2.0, 3.0], [0.0, -2.0, 1.0, 4.0]]]> : tensor<1x2x4xf32>
  %c67 = dfg.constant dense<[[[-4.0, 1.0, -1.0], [0.0, 1.0, 4.0], [-4.0, 1.0, -1.0]], [[1.0, -4.0, -3.0], [3.0, 3.0, 3.0], [-2.0, -1.0, 2.0]]]> : tensor<2x3x3xf32>
  %c68 = dfg.constant dense<[0.0, 4.0, -2.0]> : tensor<3xf32>
  %r69 = dfg.conv_transpose %c66, %c67, %c68 {strides = array<i64: 2>, pads = array<i64: 1, 0>, dilations = array<i64: 1>, output_padding = array<i64: 1>, groups = 1 : i64} : (tensor<1x2x4xf32>, tensor<2x3x3xf32>, tensor<3xf32>) -> tensor<1x3x9xf32>
  %f70 = tensor.collapse_shape %r69 [[0, 1, 2]] : tensor<1x3x9xf32> into tensor<27xf32>
  %m70 = bufferization.to_buffer %f70 : tensor<27xf32> to memref<27xf32>
  %u70 = memref.cast %m70 : memref<27xf32> to memref<*xf32>
  call @printMemrefF32(%u70) : (memref<*xf32>) -> ()
  // conv_transpose 1-D stride 2, pads 1,0, output_padding 1, bias
  // CHECK: sizes = [27]
  // CHECK-NEXT: [3, 11, 4, 19, -6, -9, -13, -15, 0, 7, 10, -6, -15, 5, 11, 19, 28, 4, 1, 15, -4, 4, -5, -18, -3, 3, -2]
  %c71 = dfg.constant dense<[[[3.0, 1.0, 3.0], [-2.0, -1.0, -4.0], [-2.0, 0.0, -1.0], [1.0, 2.0, -1.0]]]> : tensor<1x4x3xf32>
  %c72 = dfg.constant dense<[[[4.0, 0.0]], [[4.0, -3.0]], [[0.0, -2.0]], [[4.0, 1.0]]]> : tensor<4x1x2xf32>
  %r73 = dfg.conv_transpose %c71, %c72 {strides = array<i64: 3>, pads = array<i64: 3, 1>, dilations = array<i64: 2>, output_padding = array<i64: 0>, groups = 2 : i64} : (tensor<1x4x3xf32>, tensor<4x1x2xf32>) -> tensor<1x2x5xf32>
  %f74 = tensor.collapse_shape %r73 [[0, 1, 2]] : tensor<1x2x5xf32> into tensor<10xf32>
  %m74 = bufferization.to_buffer %f74 : tensor<10xf32> to memref<10xf32>
  %u74 = memref.cast %m74 : memref<10xf32> to memref<*xf32>
  call @printMemrefF32(%u74) : (memref<*xf32>) -> ()
  // conv_transpose 1-D groups 2, dilation 2, pads past the kernel (cropped)
  // CHECK: sizes = [10]
  // CHECK-NEXT: [0, 0, 3, -4, 0, 8, 0, 2, -4, 0]
  %c75 = dfg.constant dense<[[[[-4.0, 4.0], [-3.0, -3.0]]]]> : tensor<1x1x2x2xf32>
  %c76 = dfg.constant dense<[[[[0.0, -3.0, -2.0], [2.0, -3.0, -2.0], [-3.0, 1.0, 2.0]]]]> : tensor<1x1x3x3xf32>
  %r77 = dfg.conv_transpose %c75, %c76 {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, output_padding = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  %f78 = tensor.collapse_shape %r77 [[0, 1, 2, 3]] : tensor<1x1x4x4xf32> into tensor<16xf32>
  %m78 = bufferization.to_buffer %f78 : tensor<16xf32> to memref<16xf32>
  %u78 = memref.cast %m78 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u78) : (memref<*xf32>) -> ()
  // conv_transpose 2-D stride 2, pads 1, output_padding 1
  // CHECK: sizes = [16]
  // CHECK-NEXT: [12, 16, -12, -8, 5, -14, 13, 14, 9, 0, 9, 6, -3, 3, -3, -6]
  %c79 = dfg.constant dense<[[[[9.0, 5.0, 8.0, 7.0, 7.0, -4.0], [8.0, -2.0, -7.0, -5.0, 5.0, -8.0], [-2.0, -9.0, 8.0, 1.0, 7.0, 0.0], [-9.0, 2.0, 9.0, 3.0, 9.0, -9.0], [3.0, 4.0, 7.0, 5.0, 9.0, 6.0], [1.0, 1.0, 6.0, 3.0, 2.0, -9.0]]]]> : tensor<1x1x6x6xf32>
  %r80 = dfg.pool max, %c79 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, count_include_pad = false, ceil_mode = true} : (tensor<1x1x6x6xf32>) -> tensor<1x1x4x4xf32>
  %f81 = tensor.collapse_shape %r80 [[0, 1, 2, 3]] : tensor<1x1x4x4xf32> into tensor<16xf32>
  %m81 = bufferization.to_buffer %f81 : tensor<16xf32> to memref<16xf32>
  %u81 = memref.cast %m81 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u81) : (memref<*xf32>) -> ()
  // maxpool 2-D k3 s2 pads 1, ceil_mode
  // CHECK: sizes = [16]
  // CHECK-NEXT: [9, 8, 7, -4, 8, 9, 9, 0, 4, 9, 9, 6, 1, 6, 3, -9]
  %c82 = dfg.constant dense<[[[[9.0, 5.0, 8.0, 7.0, 7.0, -4.0], [8.0, -2.0, -7.0, -5.0, 5.0, -8.0], [-2.0, -9.0, 8.0, 1.0, 7.0, 0.0], [-9.0, 2.0, 9.0, 3.0, 9.0, -9.0], [3.0, 4.0, 7.0, 5.0, 9.0, 6.0], [1.0, 1.0, 6.0, 3.0, 2.0, -9.0]]]]> : tensor<1x1x6x6xf32>
  %r83 = dfg.pool avg, %c82 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, count_include_pad = false, ceil_mode = true} : (tensor<1x1x6x6xf32>) -> tensor<1x1x4x4xf32>
  %f84 = tensor.collapse_shape %r83 [[0, 1, 2, 3]] : tensor<1x1x4x4xf32> into tensor<16xf32>
  %m84 = bufferization.to_buffer %f84 : tensor<16xf32> to memref<16xf32>
  %u84 = memref.cast %m84 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u84) : (memref<*xf32>) -> ()
  // avgpool 2-D k3 s2 pads 1, ceil_mode, pads not counted
  // CHECK: sizes = [16]
  // CHECK-NEXT: [5, 1, 0.333333, -6, -2, 0, 0.333333, -5.66667, 0.333333, 4.44444, 2.11111, -4, 1, 3.33333, -1.33333, -9]
  %c85 = dfg.constant dense<[[[[9.0, 5.0, 8.0, 7.0, 7.0, -4.0], [8.0, -2.0, -7.0, -5.0, 5.0, -8.0], [-2.0, -9.0, 8.0, 1.0, 7.0, 0.0], [-9.0, 2.0, 9.0, 3.0, 9.0, -9.0], [3.0, 4.0, 7.0, 5.0, 9.0, 6.0], [1.0, 1.0, 6.0, 3.0, 2.0, -9.0]]]]> : tensor<1x1x6x6xf32>
  %r86 = dfg.pool avg, %c85 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, count_include_pad = true, ceil_mode = true} : (tensor<1x1x6x6xf32>) -> tensor<1x1x4x4xf32>
  %f87 = tensor.collapse_shape %r86 [[0, 1, 2, 3]] : tensor<1x1x4x4xf32> into tensor<16xf32>
  %m87 = bufferization.to_buffer %f87 : tensor<16xf32> to memref<16xf32>
  %u87 = memref.cast %m87 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u87) : (memref<*xf32>) -> ()
  // avgpool 2-D k3 s2 pads 1, ceil_mode, pads counted
  // CHECK: sizes = [16]
  // CHECK-NEXT: [2.22222, 0.666667, 0.222222, -2, -1.33333, 0, 0.333333, -2.83333, 0.222222, 4.44444, 2.11111, -2, 0.333333, 1.66667, -0.666667, -2.25]
  %c88 = dfg.constant dense<[[[[4.0, -4.0, 3.0, -4.0], [1.0, 3.0, -1.0, -3.0], [-4.0, -2.0, 2.0, -3.0], [4.0, -3.0, -2.0, -2.0]], [[3.0, -4.0, 0.0, 0.0], [-4.0, 1.0, 0.0, 3.0], [-3.0, -4.0, 3.0, -3.0], [1.0, 2.0, 4.0, 0.0]]]]> : tensor<1x2x4x4xf32>
  %r89 = dfg.pool avg, %c88 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, count_include_pad = true, ceil_mode = false} : (tensor<1x2x4x4xf32>) -> tensor<1x2x3x3xf32>
  %f90 = tensor.collapse_shape %r89 [[0, 1, 2, 3]] : tensor<1x2x3x3xf32> into tensor<18xf32>
  %m90 = bufferization.to_buffer %f90 : tensor<18xf32> to memref<18xf32>
  %u90 = memref.cast %m90 : memref<18xf32> to memref<*xf32>
  call @printMemrefF32(%u90) : (memref<*xf32>) -> ()
  // avgpool 2-D k2 s2 pads 1, pads counted (constant divisor)
  // CHECK: sizes = [18]
  // CHECK-NEXT: [1, -0.25, -1, -0.75, 0.5, -1.5, 1, -1.25, -0.5, 0.75, -1, 0, -1.75, 0, 0, 0.25, 1.5, 0]
  %c91 = dfg.constant dense<[[[[-9.0, -3.0, 9.0, 7.0, -8.0], [3.0, 1.0, 1.0, 7.0, -1.0], [-7.0, -2.0, 8.0, 6.0, 4.0], [-3.0, -1.0, 8.0, -2.0, 1.0], [0.0, -4.0, -1.0, -3.0, 8.0]]]]> : tensor<1x1x5x5xf32>
  %r92 = dfg.pool max, %c91 {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 2, 2>, count_include_pad = false, ceil_mode = false} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  %f93 = tensor.collapse_shape %r92 [[0, 1, 2, 3]] : tensor<1x1x3x3xf32> into tensor<9xf32>
  %m93 = bufferization.to_buffer %f93 : tensor<9xf32> to memref<9xf32>
  %u93 = memref.cast %m93 : memref<9xf32> to memref<*xf32>
  call @printMemrefF32(%u93) : (memref<*xf32>) -> ()
  // maxpool 2-D dilation 2
  // CHECK: sizes = [9]
  // CHECK-NEXT: [9, 7, 9, 8, 7, 8, 8, 6, 8]
  %c94 = dfg.constant dense<[[[5.0, -9.0, -9.0, -2.0, -9.0, -6.0, 7.0], [-9.0, -1.0, -7.0, -3.0, -7.0, 7.0, 8.0]]]> : tensor<1x2x7xf32>
  %r95 = dfg.pool max, %c94 {kernel = array<i64: 3>, strides = array<i64: 2>, pads = array<i64: 1, 1>, dilations = array<i64: 1>, count_include_pad = false, ceil_mode = false} : (tensor<1x2x7xf32>) -> tensor<1x2x4xf32>
  %f96 = tensor.collapse_shape %r95 [[0, 1, 2]] : tensor<1x2x4xf32> into tensor<8xf32>
  %m96 = bufferization.to_buffer %f96 : tensor<8xf32> to memref<8xf32>
  %u96 = memref.cast %m96 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u96) : (memref<*xf32>) -> ()
  // maxpool 1-D k3 s2 pads 1
  // CHECK: sizes = [8]
  // CHECK-NEXT: [5, -2, -2, 7, -1, -1, 7, 8]
  %c97 = dfg.constant dense<[[[5.0, -9.0, -9.0, -2.0, -9.0, -6.0, 7.0], [-9.0, -1.0, -7.0, -3.0, -7.0, 7.0, 8.0]]]> : tensor<1x2x7xf32>
  %r98 = dfg.pool avg, %c97 {kernel = array<i64: 3>, strides = array<i64: 2>, pads = array<i64: 1, 1>, dilations = array<i64: 1>, count_include_pad = false, ceil_mode = false} : (tensor<1x2x7xf32>) -> tensor<1x2x4xf32>
  %f99 = tensor.collapse_shape %r98 [[0, 1, 2]] : tensor<1x2x4xf32> into tensor<8xf32>
  %m99 = bufferization.to_buffer %f99 : tensor<8xf32> to memref<8xf32>
  %u99 = memref.cast %m99 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u99) : (memref<*xf32>) -> ()
  // avgpool 1-D k3 s2 pads 1, pads not counted
  // CHECK: sizes = [8]
  // CHECK-NEXT: [-2, -6.66667, -5.66667, 0.5, -5, -3.66667, -1, 7.5]
  %c100 = dfg.constant dense<[[[[[4.0, 4.0, -5.0, 6.0], [8.0, -2.0, 9.0, 5.0], [7.0, 8.0, -2.0, -2.0], [9.0, -6.0, 7.0, -9.0]], [[0.0, 4.0, 7.0, 0.0], [-8.0, 7.0, 6.0, 5.0], [1.0, -6.0, -7.0, -4.0], [4.0, -7.0, -9.0, -1.0]], [[-3.0, 2.0, -9.0, 2.0], [-8.0, 5.0, 9.0, -6.0], [1.0, -7.0, 8.0, -3.0], [1.0, 5.0, 5.0, 5.0]], [[-2.0, 1.0, 4.0, 3.0], [-1.0, 0.0, 1.0, 5.0], [-6.0, 6.0, 1.0, -8.0], [1.0, 1.0, 7.0, 3.0]]]]]> : tensor<1x1x4x4x4xf32>
  %r101 = dfg.pool max, %c100 {kernel = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, count_include_pad = false, ceil_mode = false} : (tensor<1x1x4x4x4xf32>) -> tensor<1x1x2x2x2xf32>
  %f102 = tensor.collapse_shape %r101 [[0, 1, 2, 3, 4]] : tensor<1x1x2x2x2xf32> into tensor<8xf32>
  %m102 = bufferization.to_buffer %f102 : tensor<8xf32> to memref<8xf32>
  %u102 = memref.cast %m102 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u102) : (memref<*xf32>) -> ()
  // maxpool 3-D k2 s2 (generic)
  // CHECK: sizes = [8]
  // CHECK-NEXT: [8, 9, 9, 7, 5, 9, 6, 8]
  %c103 = dfg.constant dense<[[[[[4.0, 4.0, -5.0, 6.0], [8.0, -2.0, 9.0, 5.0], [7.0, 8.0, -2.0, -2.0], [9.0, -6.0, 7.0, -9.0]], [[0.0, 4.0, 7.0, 0.0], [-8.0, 7.0, 6.0, 5.0], [1.0, -6.0, -7.0, -4.0], [4.0, -7.0, -9.0, -1.0]], [[-3.0, 2.0, -9.0, 2.0], [-8.0, 5.0, 9.0, -6.0], [1.0, -7.0, 8.0, -3.0], [1.0, 5.0, 5.0, 5.0]], [[-2.0, 1.0, 4.0, 3.0], [-1.0, 0.0, 1.0, 5.0], [-6.0, 6.0, 1.0, -8.0], [1.0, 1.0, 7.0, 3.0]]]]]> : tensor<1x1x4x4x4xf32>
  %r104 = dfg.pool avg, %c103 {kernel = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>, pads = array<i64: 1, 1, 1, 1, 1, 1>, dilations = array<i64: 1, 1, 1>, count_include_pad = false, ceil_mode = false} : (tensor<1x1x4x4x4xf32>) -> tensor<1x1x3x3x3xf32>
  %f105 = tensor.collapse_shape %r104 [[0, 1, 2, 3, 4]] : tensor<1x1x3x3x3xf32> into tensor<27xf32>
  %m105 = bufferization.to_buffer %f105 : tensor<27xf32> to memref<27xf32>
  %u105 = memref.cast %m105 : memref<27xf32> to memref<*xf32>
  call @printMemrefF32(%u105) : (memref<*xf32>) -> ()
  // avgpool 3-D k2 s2 pads 1, pads not counted (generic)
  // CHECK: sizes = [27]
  // CHECK-NEXT: [4, -0.5, 6, 7.5, 3.25, 1.5, 9, 0.5, -9, -1.5, 1, 1, -3.5, 1.875, -2, 2.5, -1.5, 2, -2, 2.5, 3, -3.5, 2, -1.5, 1, 4, 3]
  %c106 = dfg.constant dense<[[[[-3.0, 4.0], [-4.0, 4.0]], [[3.0, 0.0], [0.0, -4.0]], [[1.0, -1.0], [-1.0, 2.0]]]]> : tensor<1x3x2x2xf32>
  %r107 = dfg.pool avg, %c106 {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, count_include_pad = false, ceil_mode = false} : (tensor<1x3x2x2xf32>) -> tensor<1x3x1x1xf32>
  %f108 = tensor.collapse_shape %r107 [[0, 1, 2, 3]] : tensor<1x3x1x1xf32> into tensor<3xf32>
  %m108 = bufferization.to_buffer %f108 : tensor<3xf32> to memref<3xf32>
  %u108 = memref.cast %m108 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u108) : (memref<*xf32>) -> ()
  // global average pool
  // CHECK: sizes = [3]
  // CHECK-NEXT: [0.25, -0.25, 0.25]
  %c109 = dfg.constant dense<[[[[-3.0, -3.0, 1.0, -2.0, -4.0], [1.0, -4.0, -1.0, 0.0, -3.0], [-1.0, 4.0, 1.0, 0.0, -2.0], [-3.0, -1.0, -1.0, -3.0, 2.0], [2.0, 3.0, 2.0, 3.0, -3.0]], [[1.0, -1.0, 2.0, 0.0, -4.0], [0.0, -1.0, 4.0, -2.0, 4.0], [-1.0, -2.0, -3.0, 2.0, 0.0], [2.0, 3.0, 4.0, 2.0, 0.0], [2.0, 0.0, 1.0, 3.0, 0.0]]], [[[-4.0, 1.0, -2.0, 1.0, 0.0], [1.0, -3.0, 3.0, 0.0, 0.0], [0.0, -2.0, 4.0, 3.0, 2.0], [2.0, 4.0, -4.0, 2.0, -2.0], [2.0, 4.0, 0.0, 3.0, 4.0]], [[-1.0, -1.0, 0.0, -4.0, -2.0], [4.0, 4.0, -2.0, 1.0, 2.0], [4.0, -4.0, 3.0, -1.0, 3.0], [4.0, 1.0, 1.0, -4.0, 2.0], [0.0, -3.0, 4.0, -1.0, 1.0]]]]> : tensor<2x2x5x5xf32>
  %c110 = dfg.constant dense<[[[[0.0, 3.0, -1.0], [2.0, 2.0, 1.0], [-2.0, 3.0, 3.0]], [[2.0, -1.0, -2.0], [-4.0, 0.0, -1.0], [-4.0, -3.0, -4.0]]], [[[-1.0, -2.0, -4.0], [1.0, 4.0, -1.0], [-2.0, 0.0, 1.0]], [[-3.0, 3.0, 2.0], [2.0, -1.0, 4.0], [4.0, 2.0, 0.0]]], [[[3.0, 0.0, 4.0], [-4.0, -4.0, -1.0], [1.0, 1.0, 3.0]], [[-3.0, 4.0, 4.0], [-4.0, 3.0, -4.0], [2.0, -3.0, 4.0]]]]> : tensor<3x2x3x3xf32>
  %c111 = dfg.constant dense<[4.0, -3.0, 1.0]> : tensor<3xf32>
  %xd = tensor.cast %c109 : tensor<2x2x5x5xf32> to tensor<?x2x?x?xf32>
  %rd = call @dyn_conv(%xd, %c110, %c111) : (tensor<?x2x?x?xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<?x3x?x?xf32>
  %rds = tensor.cast %rd : tensor<?x3x?x?xf32> to tensor<2x3x3x3xf32>
  %f112 = tensor.collapse_shape %rds [[0, 1, 2, 3]] : tensor<2x3x3x3xf32> into tensor<54xf32>
  %m112 = bufferization.to_buffer %f112 : tensor<54xf32> to memref<54xf32>
  %u112 = memref.cast %m112 : memref<54xf32> to memref<*xf32>
  call @printMemrefF32(%u112) : (memref<*xf32>) -> ()
  // conv with dynamic batch and spatial sizes
  // CHECK: sizes = [54]
  // CHECK-NEXT: [-9, 7, -21, -13, -27, -21, -5, 12, 2, -21, 8, -17, -3, 48, 31, 22, 38, -13, 8, -6, -6, -14, -38, 26, 12, -31, -26, -36, 12, 12, 2, 40, 18, 11, 23, 6, -18, -11, 0, 21, -26, -10, -17, -28, 33, 13, 42, 3, 57, -17, -15, 37, 15, 6]
  %c113 = dfg.constant dense<[[[[9.0, 5.0, 8.0, 7.0, 7.0, -4.0], [8.0, -2.0, -7.0, -5.0, 5.0, -8.0], [-2.0, -9.0, 8.0, 1.0, 7.0, 0.0], [-9.0, 2.0, 9.0, 3.0, 9.0, -9.0], [3.0, 4.0, 7.0, 5.0, 9.0, 6.0], [1.0, 1.0, 6.0, 3.0, 2.0, -9.0]]]]> : tensor<1x1x6x6xf32>
  %xp = tensor.cast %c113 : tensor<1x1x6x6xf32> to tensor<?x1x?x?xf32>
  %rp = call @dyn_pool(%xp) : (tensor<?x1x?x?xf32>) -> tensor<?x1x?x?xf32>
  %rps = tensor.cast %rp : tensor<?x1x?x?xf32> to tensor<1x1x4x4xf32>
  %f114 = tensor.collapse_shape %rps [[0, 1, 2, 3]] : tensor<1x1x4x4xf32> into tensor<16xf32>
  %m114 = bufferization.to_buffer %f114 : tensor<16xf32> to memref<16xf32>
  %u114 = memref.cast %m114 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u114) : (memref<*xf32>) -> ()
  // avgpool ceil_mode with dynamic sizes
  // CHECK: sizes = [16]
  // CHECK-NEXT: [5, 1, 0.333333, -6, -2, 0, 0.333333, -5.66667, 0.333333, 4.44444, 2.11111, -4, 1, 3.33333, -1.33333, -9]
  %c115 = dfg.constant dense<[[[-3.0, -3.0, 2.0], [-1.0, 2.0, -1.0], [2.0, -3.0, -4.0]], [[2.0, 2.0, -4.0], [2.0, -4.0, 4.0], [-3.0, -3.0, -2.0]]]> : tensor<2x3x3xf32>
  %c116 = dfg.constant dense<[[[[-3.0, -1.0], [-4.0, -1.0], [1.0, 0.0]], [[-1.0, 4.0], [-3.0, 1.0], [-3.0, -3.0]]], [[[-2.0, 2.0], [-4.0, -4.0], [4.0, 2.0]], [[-4.0, -4.0], [-3.0, 1.0], [-3.0, 3.0]]], [[[0.0, 1.0], [1.0, -3.0], [0.0, -3.0]], [[1.0, 4.0], [-4.0, 3.0], [-4.0, -4.0]]]]> : tensor<3x2x3x2xf32>
  %ad = tensor.cast %c115 : tensor<2x3x3xf32> to tensor<?x?x3xf32>
  %rm = call @dyn_matmul(%ad, %c116) : (tensor<?x?x3xf32>, tensor<3x2x3x2xf32>) -> tensor<3x2x?x2xf32>
  %rms = tensor.cast %rm : tensor<3x2x?x2xf32> to tensor<3x2x3x2xf32>
  %f117 = tensor.collapse_shape %rms [[0, 1, 2, 3]] : tensor<3x2x3x2xf32> into tensor<36xf32>
  %m117 = bufferization.to_buffer %f117 : tensor<36xf32> to memref<36xf32>
  %u117 = memref.cast %m117 : memref<36xf32> to memref<*xf32>
  call @printMemrefF32(%u117) : (memref<*xf32>) -> ()
  // batched matmul with dynamic sizes, lhs batch broadcast
  // CHECK: sizes = [36]
  // CHECK-NEXT: [23, 6, -6, -1, 2, 1, 4, 22, -2, -8, 18, -9, 26, 10, -10, -12, -8, 8, -2, -18, -8, 0, 27, 3, -3, 0, 2, -4, -3, 23, 10, 30, 2, -20, 17, -13]
  %c118 = dfg.constant dense<[[[4.0, 2.0, -1.0, 0.0], [0.0, 2.0, 1.0, 0.0]]]> : tensor<1x2x4xf32>
  %c119 = dfg.constant dense<[[[2.0, 3.0, 2.0], [1.0, 0.0, -3.0], [4.0, -4.0, 1.0]], [[-3.0, 3.0, -3.0], [0.0, -1.0, -4.0], [2.0, 4.0, -4.0]]]> : tensor<2x3x3xf32>
  %c120 = dfg.constant dense<[1.0, 3.0, -4.0]> : tensor<3xf32>
  %xt = tensor.cast %c118 : tensor<1x2x4xf32> to tensor<?x2x?xf32>
  %rt = call @dyn_conv_transpose(%xt, %c119, %c120) : (tensor<?x2x?xf32>, tensor<2x3x3xf32>, tensor<3xf32>) -> tensor<?x3x?xf32>
  %rts = tensor.cast %rt : tensor<?x3x?xf32> to tensor<1x3x9xf32>
  %f121 = tensor.collapse_shape %rts [[0, 1, 2]] : tensor<1x3x9xf32> into tensor<27xf32>
  %m121 = bufferization.to_buffer %f121 : tensor<27xf32> to memref<27xf32>
  %u121 = memref.cast %m121 : memref<27xf32> to memref<*xf32>
  call @printMemrefF32(%u121) : (memref<*xf32>) -> ()
  // conv_transpose with dynamic sizes
  // CHECK: sizes = [27]
  // CHECK-NEXT: [13, 7, 13, -6, 1, -4, 1, 1, 1, 3, -7, 1, -12, 2, 2, 3, 3, 3, -20, 12, -4, -12, 4, -9, -4, -4, -4]
  return
}
