// Convolutions, depthwise convolutions and poolings over images whose batch,
// height and width are known only at run time, tiled and vectorized
// (dfg-tile-and-vectorize), run at odd sizes (outputs of 1x1, 7x7, 13x13 and
// 6x37 pixels: tile-n 16 and 32 both leave remainders of every width) and
// checked against numpy (the same formulas with static shapes, computed by
// hand with strided slices). Inputs and weights are small integers, so every
// sum is exact in f32: the expected values are exact (tolerance 0). Each
// case prints the output sizes, then the sum and the sum of squares.
// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-tile-and-vectorize),dfg-bufferize-to-llvm)' | %mlir_runner | FileCheck %s
// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-tile-and-vectorize{tile-n=32}),dfg-bufferize-to-llvm)' | %mlir_runner | FileCheck %s
// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-tile-and-vectorize{tile-m=4 tile-n=8 tile-k=3 elementwise-tile=4}),dfg-bufferize-to-llvm)' | %mlir_runner | FileCheck %s
// That every convolution and window op was rewritten (none left to loops):
// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-tile-and-vectorize))' | FileCheck %s --check-prefix=IR
// IR-NOT: linalg.conv_2d
// IR-NOT: linalg.depthwise_conv_2d
// IR-NOT: linalg.pooling_nchw

#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#all = affine_map<(d0, d1, d2, d3) -> ()>

func.func private @printMemrefF32(memref<*xf32>)

// x[n, c, h, w] = (n*5 + c*7 + h*3 + w*2) mod 9 - 4
func.func @input(%n: index, %h: index, %w: index) -> tensor<?x3x?x?xf32> {
  %e = tensor.empty(%n, %h, %w) : tensor<?x3x?x?xf32>
  %r = linalg.generic {indexing_maps = [#id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e : tensor<?x3x?x?xf32>) {
  ^bb0(%o: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %c5 = arith.constant 5 : index
    %c7 = arith.constant 7 : index
    %c3 = arith.constant 3 : index
    %c2 = arith.constant 2 : index
    %c9 = arith.constant 9 : index
    %c4 = arith.constant 4 : index
    %a = arith.muli %i0, %c5 : index
    %b = arith.muli %i1, %c7 : index
    %c = arith.muli %i2, %c3 : index
    %d = arith.muli %i3, %c2 : index
    %s0 = arith.addi %a, %b : index
    %s1 = arith.addi %s0, %c : index
    %s2 = arith.addi %s1, %d : index
    %m = arith.remui %s2, %c9 : index
    %v = arith.subi %m, %c4 : index
    %vi = arith.index_cast %v : index to i64
    %f = arith.sitofp %vi : i64 to f32
    linalg.yield %f : f32
  } -> tensor<?x3x?x?xf32>
  return %r : tensor<?x3x?x?xf32>
}

// Prints [N, C, H, W] and [sum, sum of squares].
func.func @stats(%y: tensor<?x?x?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %d0 = tensor.dim %y, %c0 : tensor<?x?x?x?xf32>
  %d1 = tensor.dim %y, %c1 : tensor<?x?x?x?xf32>
  %d2 = tensor.dim %y, %c2 : tensor<?x?x?x?xf32>
  %d3 = tensor.dim %y, %c3 : tensor<?x?x?x?xf32>
  %e0 = arith.index_cast %d0 : index to i64
  %e1 = arith.index_cast %d1 : index to i64
  %e2 = arith.index_cast %d2 : index to i64
  %e3 = arith.index_cast %d3 : index to i64
  %f0 = arith.sitofp %e0 : i64 to f32
  %f1 = arith.sitofp %e1 : i64 to f32
  %f2 = arith.sitofp %e2 : i64 to f32
  %f3 = arith.sitofp %e3 : i64 to f32
  %dims = tensor.from_elements %f0, %f1, %f2, %f3 : tensor<4xf32>
  %md = bufferization.to_buffer %dims : tensor<4xf32> to memref<4xf32>
  %ud = memref.cast %md : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%ud) : (memref<*xf32>) -> ()
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<f32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<f32>) -> tensor<f32>
  %s:2 = linalg.generic {indexing_maps = [#id4, #all, #all], iterator_types = ["reduction", "reduction", "reduction", "reduction"]} ins(%y : tensor<?x?x?x?xf32>) outs(%i, %i : tensor<f32>, tensor<f32>) {
  ^bb0(%v: f32, %a: f32, %b: f32):
    %sq = arith.mulf %v, %v : f32
    %a2 = arith.addf %a, %v : f32
    %b2 = arith.addf %b, %sq : f32
    linalg.yield %a2, %b2 : f32, f32
  } -> (tensor<f32>, tensor<f32>)
  %x0 = tensor.extract %s#0[] : tensor<f32>
  %x1 = tensor.extract %s#1[] : tensor<f32>
  %sums = tensor.from_elements %x0, %x1 : tensor<2xf32>
  %ms = bufferization.to_buffer %sums : tensor<2xf32> to memref<2xf32>
  %us = memref.cast %ms : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%us) : (memref<*xf32>) -> ()
  return
}

// 3x3, padding 1 (a tensor.pad before the convolution, as imported).
func.func @conv3x3_pad(%x: tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %x, %c0 : tensor<?x3x?x?xf32>
  %h = tensor.dim %x, %c2 : tensor<?x3x?x?xf32>
  %w = tensor.dim %x, %c3 : tensor<?x3x?x?xf32>
  %c1_ = arith.constant 1 : index
  %oh0 = arith.subi %h, %c1_ : index
  %oh1 = arith.divsi %oh0, %c1_ : index
  %oh = arith.addi %oh1, %c1_ : index
  %ow0 = arith.subi %w, %c1_ : index
  %ow1 = arith.divsi %ow0, %c1_ : index
  %ow = arith.addi %ow1, %c1_ : index
  %pv = arith.constant 0.0 : f32
  %xp = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a0: index, %a1: index, %a2: index, %a3: index):
    tensor.yield %pv : f32
  } : tensor<?x3x?x?xf32> to tensor<?x3x?x?xf32>
  %wt = arith.constant dense<[[[[-2.0, 2.0, 1.0], [0.0, -1.0, -2.0], [2.0, 1.0, 0.0]], [[-1.0, -2.0, 2.0], [1.0, 0.0, -1.0], [-2.0, 2.0, 1.0]], [[0.0, -1.0, -2.0], [2.0, 1.0, 0.0], [-1.0, -2.0, 2.0]]], [[[1.0, 0.0, -1.0], [-2.0, 2.0, 1.0], [0.0, -1.0, -2.0]], [[2.0, 1.0, 0.0], [-1.0, -2.0, 2.0], [1.0, 0.0, -1.0]], [[-2.0, 2.0, 1.0], [0.0, -1.0, -2.0], [2.0, 1.0, 0.0]]], [[[-1.0, -2.0, 2.0], [1.0, 0.0, -1.0], [-2.0, 2.0, 1.0]], [[0.0, -1.0, -2.0], [2.0, 1.0, 0.0], [-1.0, -2.0, 2.0]], [[1.0, 0.0, -1.0], [-2.0, 2.0, 1.0], [0.0, -1.0, -2.0]]], [[[2.0, 1.0, 0.0], [-1.0, -2.0, 2.0], [1.0, 0.0, -1.0]], [[-2.0, 2.0, 1.0], [0.0, -1.0, -2.0], [2.0, 1.0, 0.0]], [[-1.0, -2.0, 2.0], [1.0, 0.0, -1.0], [-2.0, 2.0, 1.0]]]]> : tensor<4x3x3x3xf32>
  %one = arith.constant 1.0 : f32
  %e = tensor.empty(%n, %oh, %ow) : tensor<?x4x?x?xf32>
  %f = linalg.fill ins(%one : f32) outs(%e : tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%xp, %wt : tensor<?x3x?x?xf32>, tensor<4x3x3x3xf32>) outs(%f : tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %rc = tensor.cast %r : tensor<?x4x?x?xf32> to tensor<?x?x?x?xf32>
  return %rc : tensor<?x?x?x?xf32>
}

// 3x3, stride 2.
func.func @conv3x3_s2(%x: tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %x, %c0 : tensor<?x3x?x?xf32>
  %h = tensor.dim %x, %c2 : tensor<?x3x?x?xf32>
  %w = tensor.dim %x, %c3 : tensor<?x3x?x?xf32>
  %c1_ = arith.constant 1 : index
  %c2_ = arith.constant 2 : index
  %c3_ = arith.constant 3 : index
  %oh0 = arith.subi %h, %c3_ : index
  %oh1 = arith.divsi %oh0, %c2_ : index
  %oh = arith.addi %oh1, %c1_ : index
  %ow0 = arith.subi %w, %c3_ : index
  %ow1 = arith.divsi %ow0, %c2_ : index
  %ow = arith.addi %ow1, %c1_ : index
  %wt = arith.constant dense<[[[[-2.0, 2.0, 1.0], [0.0, -1.0, -2.0], [2.0, 1.0, 0.0]], [[-1.0, -2.0, 2.0], [1.0, 0.0, -1.0], [-2.0, 2.0, 1.0]], [[0.0, -1.0, -2.0], [2.0, 1.0, 0.0], [-1.0, -2.0, 2.0]]], [[[1.0, 0.0, -1.0], [-2.0, 2.0, 1.0], [0.0, -1.0, -2.0]], [[2.0, 1.0, 0.0], [-1.0, -2.0, 2.0], [1.0, 0.0, -1.0]], [[-2.0, 2.0, 1.0], [0.0, -1.0, -2.0], [2.0, 1.0, 0.0]]], [[[-1.0, -2.0, 2.0], [1.0, 0.0, -1.0], [-2.0, 2.0, 1.0]], [[0.0, -1.0, -2.0], [2.0, 1.0, 0.0], [-1.0, -2.0, 2.0]], [[1.0, 0.0, -1.0], [-2.0, 2.0, 1.0], [0.0, -1.0, -2.0]]], [[[2.0, 1.0, 0.0], [-1.0, -2.0, 2.0], [1.0, 0.0, -1.0]], [[-2.0, 2.0, 1.0], [0.0, -1.0, -2.0], [2.0, 1.0, 0.0]], [[-1.0, -2.0, 2.0], [1.0, 0.0, -1.0], [-2.0, 2.0, 1.0]]]]> : tensor<4x3x3x3xf32>
  %one = arith.constant 1.0 : f32
  %e = tensor.empty(%n, %oh, %ow) : tensor<?x4x?x?xf32>
  %f = linalg.fill ins(%one : f32) outs(%e : tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %wt : tensor<?x3x?x?xf32>, tensor<4x3x3x3xf32>) outs(%f : tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %rc = tensor.cast %r : tensor<?x4x?x?xf32> to tensor<?x?x?x?xf32>
  return %rc : tensor<?x?x?x?xf32>
}

// 3x3, dilation 2.
func.func @conv3x3_d2(%x: tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %x, %c0 : tensor<?x3x?x?xf32>
  %h = tensor.dim %x, %c2 : tensor<?x3x?x?xf32>
  %w = tensor.dim %x, %c3 : tensor<?x3x?x?xf32>
  %c1_ = arith.constant 1 : index
  %c5_ = arith.constant 5 : index
  %oh0 = arith.subi %h, %c5_ : index
  %oh1 = arith.divsi %oh0, %c1_ : index
  %oh = arith.addi %oh1, %c1_ : index
  %ow0 = arith.subi %w, %c5_ : index
  %ow1 = arith.divsi %ow0, %c1_ : index
  %ow = arith.addi %ow1, %c1_ : index
  %wt = arith.constant dense<[[[[-2.0, 2.0, 1.0], [0.0, -1.0, -2.0], [2.0, 1.0, 0.0]], [[-1.0, -2.0, 2.0], [1.0, 0.0, -1.0], [-2.0, 2.0, 1.0]], [[0.0, -1.0, -2.0], [2.0, 1.0, 0.0], [-1.0, -2.0, 2.0]]], [[[1.0, 0.0, -1.0], [-2.0, 2.0, 1.0], [0.0, -1.0, -2.0]], [[2.0, 1.0, 0.0], [-1.0, -2.0, 2.0], [1.0, 0.0, -1.0]], [[-2.0, 2.0, 1.0], [0.0, -1.0, -2.0], [2.0, 1.0, 0.0]]], [[[-1.0, -2.0, 2.0], [1.0, 0.0, -1.0], [-2.0, 2.0, 1.0]], [[0.0, -1.0, -2.0], [2.0, 1.0, 0.0], [-1.0, -2.0, 2.0]], [[1.0, 0.0, -1.0], [-2.0, 2.0, 1.0], [0.0, -1.0, -2.0]]], [[[2.0, 1.0, 0.0], [-1.0, -2.0, 2.0], [1.0, 0.0, -1.0]], [[-2.0, 2.0, 1.0], [0.0, -1.0, -2.0], [2.0, 1.0, 0.0]], [[-1.0, -2.0, 2.0], [1.0, 0.0, -1.0], [-2.0, 2.0, 1.0]]]]> : tensor<4x3x3x3xf32>
  %one = arith.constant 1.0 : f32
  %e = tensor.empty(%n, %oh, %ow) : tensor<?x4x?x?xf32>
  %f = linalg.fill ins(%one : f32) outs(%e : tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %wt : tensor<?x3x?x?xf32>, tensor<4x3x3x3xf32>) outs(%f : tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %rc = tensor.cast %r : tensor<?x4x?x?xf32> to tensor<?x?x?x?xf32>
  return %rc : tensor<?x?x?x?xf32>
}

// 1x1 (the input is the columns).
func.func @conv1x1(%x: tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %x, %c0 : tensor<?x3x?x?xf32>
  %h = tensor.dim %x, %c2 : tensor<?x3x?x?xf32>
  %w = tensor.dim %x, %c3 : tensor<?x3x?x?xf32>
  %c1_ = arith.constant 1 : index
  %oh0 = arith.subi %h, %c1_ : index
  %oh1 = arith.divsi %oh0, %c1_ : index
  %oh = arith.addi %oh1, %c1_ : index
  %ow0 = arith.subi %w, %c1_ : index
  %ow1 = arith.divsi %ow0, %c1_ : index
  %ow = arith.addi %ow1, %c1_ : index
  %wt = arith.constant dense<[[[[-1.0]], [[0.0]], [[1.0]]], [[[2.0]], [[-2.0]], [[-1.0]]], [[[0.0]], [[1.0]], [[2.0]]], [[[-2.0]], [[-1.0]], [[0.0]]]]> : tensor<4x3x1x1xf32>
  %one = arith.constant 1.0 : f32
  %e = tensor.empty(%n, %oh, %ow) : tensor<?x4x?x?xf32>
  %f = linalg.fill ins(%one : f32) outs(%e : tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %wt : tensor<?x3x?x?xf32>, tensor<4x3x1x1xf32>) outs(%f : tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %rc = tensor.cast %r : tensor<?x4x?x?xf32> to tensor<?x?x?x?xf32>
  return %rc : tensor<?x?x?x?xf32>
}

// Depthwise 3x3, padding 1.
func.func @dw3x3_pad(%x: tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %x, %c0 : tensor<?x3x?x?xf32>
  %h = tensor.dim %x, %c2 : tensor<?x3x?x?xf32>
  %w = tensor.dim %x, %c3 : tensor<?x3x?x?xf32>
  %c1_ = arith.constant 1 : index
  %oh0 = arith.subi %h, %c1_ : index
  %oh1 = arith.divsi %oh0, %c1_ : index
  %oh = arith.addi %oh1, %c1_ : index
  %ow0 = arith.subi %w, %c1_ : index
  %ow1 = arith.divsi %ow0, %c1_ : index
  %ow = arith.addi %ow1, %c1_ : index
  %pv = arith.constant 0.0 : f32
  %xp = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a0: index, %a1: index, %a2: index, %a3: index):
    tensor.yield %pv : f32
  } : tensor<?x3x?x?xf32> to tensor<?x3x?x?xf32>
  %iv = arith.constant 0.0 : f32
  %e = tensor.empty(%n, %oh, %ow) : tensor<?x3x?x?xf32>
  %f = linalg.fill ins(%iv : f32) outs(%e : tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  %wt = arith.constant dense<[[[-2.0, -1.0, 0.0], [1.0, 2.0, -2.0], [-1.0, 0.0, 1.0]], [[0.0, 1.0, 2.0], [-2.0, -1.0, 0.0], [1.0, 2.0, -2.0]], [[2.0, -2.0, -1.0], [0.0, 1.0, 2.0], [-2.0, -1.0, 0.0]]]> : tensor<3x3x3xf32>
  %r = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%xp, %wt : tensor<?x3x?x?xf32>, tensor<3x3x3xf32>) outs(%f : tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  %rc = tensor.cast %r : tensor<?x3x?x?xf32> to tensor<?x?x?x?xf32>
  return %rc : tensor<?x?x?x?xf32>
}

// Depthwise 3x3, stride 2.
func.func @dw3x3_s2(%x: tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %x, %c0 : tensor<?x3x?x?xf32>
  %h = tensor.dim %x, %c2 : tensor<?x3x?x?xf32>
  %w = tensor.dim %x, %c3 : tensor<?x3x?x?xf32>
  %c1_ = arith.constant 1 : index
  %c2_ = arith.constant 2 : index
  %c3_ = arith.constant 3 : index
  %oh0 = arith.subi %h, %c3_ : index
  %oh1 = arith.divsi %oh0, %c2_ : index
  %oh = arith.addi %oh1, %c1_ : index
  %ow0 = arith.subi %w, %c3_ : index
  %ow1 = arith.divsi %ow0, %c2_ : index
  %ow = arith.addi %ow1, %c1_ : index
  %iv = arith.constant 0.0 : f32
  %e = tensor.empty(%n, %oh, %ow) : tensor<?x3x?x?xf32>
  %f = linalg.fill ins(%iv : f32) outs(%e : tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  %wt = arith.constant dense<[[[-2.0, -1.0, 0.0], [1.0, 2.0, -2.0], [-1.0, 0.0, 1.0]], [[0.0, 1.0, 2.0], [-2.0, -1.0, 0.0], [1.0, 2.0, -2.0]], [[2.0, -2.0, -1.0], [0.0, 1.0, 2.0], [-2.0, -1.0, 0.0]]]> : tensor<3x3x3xf32>
  %r = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %wt : tensor<?x3x?x?xf32>, tensor<3x3x3xf32>) outs(%f : tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  %rc = tensor.cast %r : tensor<?x3x?x?xf32> to tensor<?x?x?x?xf32>
  return %rc : tensor<?x?x?x?xf32>
}

// Max pooling 3x3, stride 2, padding 1 (with -100).
func.func @maxpool3x3_s2_pad(%x: tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %x, %c0 : tensor<?x3x?x?xf32>
  %h = tensor.dim %x, %c2 : tensor<?x3x?x?xf32>
  %w = tensor.dim %x, %c3 : tensor<?x3x?x?xf32>
  %c1_ = arith.constant 1 : index
  %c2_ = arith.constant 2 : index
  %oh0 = arith.subi %h, %c1_ : index
  %oh1 = arith.divsi %oh0, %c2_ : index
  %oh = arith.addi %oh1, %c1_ : index
  %ow0 = arith.subi %w, %c1_ : index
  %ow1 = arith.divsi %ow0, %c2_ : index
  %ow = arith.addi %ow1, %c1_ : index
  %pv = arith.constant -100.0 : f32
  %xp = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a0: index, %a1: index, %a2: index, %a3: index):
    tensor.yield %pv : f32
  } : tensor<?x3x?x?xf32> to tensor<?x3x?x?xf32>
  %iv = arith.constant -100.0 : f32
  %e = tensor.empty(%n, %oh, %ow) : tensor<?x3x?x?xf32>
  %f = linalg.fill ins(%iv : f32) outs(%e : tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  %win = tensor.empty() : tensor<3x3xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%xp, %win : tensor<?x3x?x?xf32>, tensor<3x3xf32>) outs(%f : tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  %rc = tensor.cast %r : tensor<?x3x?x?xf32> to tensor<?x?x?x?xf32>
  return %rc : tensor<?x?x?x?xf32>
}

// Sum pooling 2x2 (average pooling before its division).
func.func @sumpool2x2(%x: tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %x, %c0 : tensor<?x3x?x?xf32>
  %h = tensor.dim %x, %c2 : tensor<?x3x?x?xf32>
  %w = tensor.dim %x, %c3 : tensor<?x3x?x?xf32>
  %c1_ = arith.constant 1 : index
  %c2_ = arith.constant 2 : index
  %oh0 = arith.subi %h, %c2_ : index
  %oh1 = arith.divsi %oh0, %c1_ : index
  %oh = arith.addi %oh1, %c1_ : index
  %ow0 = arith.subi %w, %c2_ : index
  %ow1 = arith.divsi %ow0, %c1_ : index
  %ow = arith.addi %ow1, %c1_ : index
  %iv = arith.constant 0.0 : f32
  %e = tensor.empty(%n, %oh, %ow) : tensor<?x3x?x?xf32>
  %f = linalg.fill ins(%iv : f32) outs(%e : tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  %win = tensor.empty() : tensor<2x2xf32>
  %r = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %win : tensor<?x3x?x?xf32>, tensor<2x2xf32>) outs(%f : tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  %rc = tensor.cast %r : tensor<?x3x?x?xf32> to tensor<?x?x?x?xf32>
  return %rc : tensor<?x?x?x?xf32>
}

func.func @main() {
  %n0 = arith.constant 1 : index
  %h0 = arith.constant 3 : index
  %w0 = arith.constant 3 : index
  %x0 = call @input(%n0, %h0, %w0) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y0 = call @conv3x3_pad(%x0) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y0) : (tensor<?x?x?x?xf32>) -> ()
  %n1 = arith.constant 1 : index
  %h1 = arith.constant 9 : index
  %w1 = arith.constant 9 : index
  %x1 = call @input(%n1, %h1, %w1) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y1 = call @conv3x3_pad(%x1) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y1) : (tensor<?x?x?x?xf32>) -> ()
  %n2 = arith.constant 2 : index
  %h2 = arith.constant 15 : index
  %w2 = arith.constant 15 : index
  %x2 = call @input(%n2, %h2, %w2) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y2 = call @conv3x3_pad(%x2) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y2) : (tensor<?x?x?x?xf32>) -> ()
  %n3 = arith.constant 1 : index
  %h3 = arith.constant 8 : index
  %w3 = arith.constant 39 : index
  %x3 = call @input(%n3, %h3, %w3) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y3 = call @conv3x3_pad(%x3) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y3) : (tensor<?x?x?x?xf32>) -> ()
  %n4 = arith.constant 1 : index
  %h4 = arith.constant 3 : index
  %w4 = arith.constant 3 : index
  %x4 = call @input(%n4, %h4, %w4) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y4 = call @conv3x3_s2(%x4) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y4) : (tensor<?x?x?x?xf32>) -> ()
  %n5 = arith.constant 1 : index
  %h5 = arith.constant 9 : index
  %w5 = arith.constant 9 : index
  %x5 = call @input(%n5, %h5, %w5) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y5 = call @conv3x3_s2(%x5) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y5) : (tensor<?x?x?x?xf32>) -> ()
  %n6 = arith.constant 2 : index
  %h6 = arith.constant 15 : index
  %w6 = arith.constant 15 : index
  %x6 = call @input(%n6, %h6, %w6) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y6 = call @conv3x3_s2(%x6) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y6) : (tensor<?x?x?x?xf32>) -> ()
  %n7 = arith.constant 1 : index
  %h7 = arith.constant 8 : index
  %w7 = arith.constant 39 : index
  %x7 = call @input(%n7, %h7, %w7) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y7 = call @conv3x3_s2(%x7) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y7) : (tensor<?x?x?x?xf32>) -> ()
  %n8 = arith.constant 1 : index
  %h8 = arith.constant 9 : index
  %w8 = arith.constant 9 : index
  %x8 = call @input(%n8, %h8, %w8) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y8 = call @conv3x3_d2(%x8) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y8) : (tensor<?x?x?x?xf32>) -> ()
  %n9 = arith.constant 2 : index
  %h9 = arith.constant 15 : index
  %w9 = arith.constant 15 : index
  %x9 = call @input(%n9, %h9, %w9) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y9 = call @conv3x3_d2(%x9) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y9) : (tensor<?x?x?x?xf32>) -> ()
  %n10 = arith.constant 1 : index
  %h10 = arith.constant 8 : index
  %w10 = arith.constant 39 : index
  %x10 = call @input(%n10, %h10, %w10) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y10 = call @conv3x3_d2(%x10) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y10) : (tensor<?x?x?x?xf32>) -> ()
  %n11 = arith.constant 1 : index
  %h11 = arith.constant 3 : index
  %w11 = arith.constant 3 : index
  %x11 = call @input(%n11, %h11, %w11) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y11 = call @conv1x1(%x11) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y11) : (tensor<?x?x?x?xf32>) -> ()
  %n12 = arith.constant 1 : index
  %h12 = arith.constant 9 : index
  %w12 = arith.constant 9 : index
  %x12 = call @input(%n12, %h12, %w12) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y12 = call @conv1x1(%x12) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y12) : (tensor<?x?x?x?xf32>) -> ()
  %n13 = arith.constant 2 : index
  %h13 = arith.constant 15 : index
  %w13 = arith.constant 15 : index
  %x13 = call @input(%n13, %h13, %w13) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y13 = call @conv1x1(%x13) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y13) : (tensor<?x?x?x?xf32>) -> ()
  %n14 = arith.constant 1 : index
  %h14 = arith.constant 8 : index
  %w14 = arith.constant 39 : index
  %x14 = call @input(%n14, %h14, %w14) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y14 = call @conv1x1(%x14) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y14) : (tensor<?x?x?x?xf32>) -> ()
  %n15 = arith.constant 1 : index
  %h15 = arith.constant 3 : index
  %w15 = arith.constant 3 : index
  %x15 = call @input(%n15, %h15, %w15) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y15 = call @dw3x3_pad(%x15) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y15) : (tensor<?x?x?x?xf32>) -> ()
  %n16 = arith.constant 1 : index
  %h16 = arith.constant 9 : index
  %w16 = arith.constant 9 : index
  %x16 = call @input(%n16, %h16, %w16) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y16 = call @dw3x3_pad(%x16) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y16) : (tensor<?x?x?x?xf32>) -> ()
  %n17 = arith.constant 2 : index
  %h17 = arith.constant 15 : index
  %w17 = arith.constant 15 : index
  %x17 = call @input(%n17, %h17, %w17) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y17 = call @dw3x3_pad(%x17) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y17) : (tensor<?x?x?x?xf32>) -> ()
  %n18 = arith.constant 1 : index
  %h18 = arith.constant 8 : index
  %w18 = arith.constant 39 : index
  %x18 = call @input(%n18, %h18, %w18) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y18 = call @dw3x3_pad(%x18) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y18) : (tensor<?x?x?x?xf32>) -> ()
  %n19 = arith.constant 1 : index
  %h19 = arith.constant 3 : index
  %w19 = arith.constant 3 : index
  %x19 = call @input(%n19, %h19, %w19) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y19 = call @dw3x3_s2(%x19) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y19) : (tensor<?x?x?x?xf32>) -> ()
  %n20 = arith.constant 1 : index
  %h20 = arith.constant 9 : index
  %w20 = arith.constant 9 : index
  %x20 = call @input(%n20, %h20, %w20) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y20 = call @dw3x3_s2(%x20) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y20) : (tensor<?x?x?x?xf32>) -> ()
  %n21 = arith.constant 2 : index
  %h21 = arith.constant 15 : index
  %w21 = arith.constant 15 : index
  %x21 = call @input(%n21, %h21, %w21) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y21 = call @dw3x3_s2(%x21) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y21) : (tensor<?x?x?x?xf32>) -> ()
  %n22 = arith.constant 1 : index
  %h22 = arith.constant 8 : index
  %w22 = arith.constant 39 : index
  %x22 = call @input(%n22, %h22, %w22) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y22 = call @dw3x3_s2(%x22) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y22) : (tensor<?x?x?x?xf32>) -> ()
  %n23 = arith.constant 1 : index
  %h23 = arith.constant 3 : index
  %w23 = arith.constant 3 : index
  %x23 = call @input(%n23, %h23, %w23) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y23 = call @maxpool3x3_s2_pad(%x23) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y23) : (tensor<?x?x?x?xf32>) -> ()
  %n24 = arith.constant 1 : index
  %h24 = arith.constant 9 : index
  %w24 = arith.constant 9 : index
  %x24 = call @input(%n24, %h24, %w24) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y24 = call @maxpool3x3_s2_pad(%x24) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y24) : (tensor<?x?x?x?xf32>) -> ()
  %n25 = arith.constant 2 : index
  %h25 = arith.constant 15 : index
  %w25 = arith.constant 15 : index
  %x25 = call @input(%n25, %h25, %w25) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y25 = call @maxpool3x3_s2_pad(%x25) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y25) : (tensor<?x?x?x?xf32>) -> ()
  %n26 = arith.constant 1 : index
  %h26 = arith.constant 8 : index
  %w26 = arith.constant 39 : index
  %x26 = call @input(%n26, %h26, %w26) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y26 = call @maxpool3x3_s2_pad(%x26) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y26) : (tensor<?x?x?x?xf32>) -> ()
  %n27 = arith.constant 1 : index
  %h27 = arith.constant 3 : index
  %w27 = arith.constant 3 : index
  %x27 = call @input(%n27, %h27, %w27) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y27 = call @sumpool2x2(%x27) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y27) : (tensor<?x?x?x?xf32>) -> ()
  %n28 = arith.constant 1 : index
  %h28 = arith.constant 9 : index
  %w28 = arith.constant 9 : index
  %x28 = call @input(%n28, %h28, %w28) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y28 = call @sumpool2x2(%x28) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y28) : (tensor<?x?x?x?xf32>) -> ()
  %n29 = arith.constant 2 : index
  %h29 = arith.constant 15 : index
  %w29 = arith.constant 15 : index
  %x29 = call @input(%n29, %h29, %w29) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y29 = call @sumpool2x2(%x29) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y29) : (tensor<?x?x?x?xf32>) -> ()
  %n30 = arith.constant 1 : index
  %h30 = arith.constant 8 : index
  %w30 = arith.constant 39 : index
  %x30 = call @input(%n30, %h30, %w30) : (index, index, index) -> tensor<?x3x?x?xf32>
  %y30 = call @sumpool2x2(%x30) : (tensor<?x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  call @stats(%y30) : (tensor<?x?x?x?xf32>) -> ()
  return
}

// conv3x3_pad 1x3x3x3
// CHECK: [1, 4, 3, 3]
// CHECK: [51, 8707]
// conv3x3_pad 1x3x9x9
// CHECK: [1, 4, 9, 9]
// CHECK: [339, 149939]
// conv3x3_pad 2x3x15x15
// CHECK: [2, 4, 15, 15]
// CHECK: [1808, 837510]
// conv3x3_pad 1x3x8x39
// CHECK: [1, 4, 8, 39]
// CHECK: [1241, 625353]
// conv3x3_s2 1x3x3x3
// CHECK: [1, 4, 1, 1]
// CHECK: [18, 1206]
// conv3x3_s2 1x3x9x9
// CHECK: [1, 4, 4, 4]
// CHECK: [69, 32063]
// conv3x3_s2 2x3x15x15
// CHECK: [2, 4, 7, 7]
// CHECK: [431, 190707]
// conv3x3_s2 1x3x8x39
// CHECK: [1, 4, 3, 19]
// CHECK: [243, 109161]
// conv3x3_d2 1x3x9x9
// CHECK: [1, 4, 5, 5]
// CHECK: [78, 36470]
// conv3x3_d2 2x3x15x15
// CHECK: [2, 4, 11, 11]
// CHECK: [962, 351534]
// conv3x3_d2 1x3x8x39
// CHECK: [1, 4, 4, 35]
// CHECK: [555, 202821]
// conv1x1 1x3x3x3
// CHECK: [1, 4, 3, 3]
// CHECK: [36, 1464]
// conv1x1 1x3x9x9
// CHECK: [1, 4, 9, 9]
// CHECK: [324, 13176]
// conv1x1 2x3x15x15
// CHECK: [2, 4, 15, 15]
// CHECK: [1800, 73200]
// conv1x1 1x3x8x39
// CHECK: [1, 4, 8, 39]
// CHECK: [1263, 50689]
// dw3x3_pad 1x3x3x3
// CHECK: [1, 3, 3, 3]
// CHECK: [-1, 1593]
// dw3x3_pad 1x3x9x9
// CHECK: [1, 3, 9, 9]
// CHECK: [-25, 22261]
// dw3x3_pad 2x3x15x15
// CHECK: [2, 3, 15, 15]
// CHECK: [-36, 126180]
// dw3x3_pad 1x3x8x39
// CHECK: [1, 3, 8, 39]
// CHECK: [-12, 88536]
// dw3x3_s2 1x3x3x3
// CHECK: [1, 3, 1, 1]
// CHECK: [-6, 26]
// dw3x3_s2 1x3x9x9
// CHECK: [1, 3, 4, 4]
// CHECK: [0, 4772]
// dw3x3_s2 2x3x15x15
// CHECK: [2, 3, 7, 7]
// CHECK: [44, 30042]
// dw3x3_s2 1x3x8x39
// CHECK: [1, 3, 3, 19]
// CHECK: [0, 17052]
// maxpool3x3_s2_pad 1x3x3x3
// CHECK: [1, 3, 2, 2]
// CHECK: [35, 117]
// maxpool3x3_s2_pad 1x3x9x9
// CHECK: [1, 3, 5, 5]
// CHECK: [277, 1049]
// maxpool3x3_s2_pad 2x3x15x15
// CHECK: [2, 3, 8, 8]
// CHECK: [1467, 5683]
// maxpool3x3_s2_pad 1x3x8x39
// CHECK: [1, 3, 4, 20]
// CHECK: [927, 3621]
// sumpool2x2 1x3x3x3
// CHECK: [1, 3, 2, 2]
// CHECK: [-3, 257]
// sumpool2x2 1x3x9x9
// CHECK: [1, 3, 8, 8]
// CHECK: [-3, 2813]
// sumpool2x2 2x3x15x15
// CHECK: [2, 3, 14, 14]
// CHECK: [0, 17452]
// sumpool2x2 1x3x8x39
// CHECK: [1, 3, 7, 38]
// CHECK: [-15, 11767]
