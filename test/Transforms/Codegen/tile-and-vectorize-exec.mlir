// Runs tiled and vectorized contractions and convolutions and checks the
// numbers against values computed with numpy (integers, so exact in f32).
// The shapes are chosen so that the default 6x16x1 register tile divides
// none of them: every case runs full tiles and masked partial tiles.
// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-tile-and-vectorize),dfg-bufferize-to-llvm)' | %mlir_runner | FileCheck %s
// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-tile-and-vectorize{tile-m=4 tile-n=8 tile-k=3}),dfg-bufferize-to-llvm)' | %mlir_runner | FileCheck %s
// The AVX-512 hosts' tile (dfg-compile's choice there), on any host.
// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-tile-and-vectorize{tile-n=32}),dfg-bufferize-to-llvm)' | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)

func.func @matmul(%a: tensor<13x7xf32>, %b: tensor<7x18xf32>) -> tensor<13x18xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<13x18xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<13x18xf32>) -> tensor<13x18xf32>
  %r = linalg.matmul ins(%a, %b : tensor<13x7xf32>, tensor<7x18xf32>) outs(%f : tensor<13x18xf32>) -> tensor<13x18xf32>
  return %r : tensor<13x18xf32>
}

// Dynamic rows.
func.func @matmul_dyn(%a: tensor<?x7xf32>, %b: tensor<7x18xf32>) -> tensor<?x18xf32> {
  %z = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %m = tensor.dim %a, %c0 : tensor<?x7xf32>
  %e = tensor.empty(%m) : tensor<?x18xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<?x18xf32>) -> tensor<?x18xf32>
  %r = linalg.matmul ins(%a, %b : tensor<?x7xf32>, tensor<7x18xf32>) outs(%f : tensor<?x18xf32>) -> tensor<?x18xf32>
  return %r : tensor<?x18xf32>
}

// Dynamic batch, accumulating into a non-zero init.
func.func @bmm_dyn(%a: tensor<?x5x4xf32>, %b: tensor<?x4x17xf32>) -> tensor<?x5x17xf32> {
  %one = arith.constant 1.0 : f32
  %c0 = arith.constant 0 : index
  %n = tensor.dim %a, %c0 : tensor<?x5x4xf32>
  %e = tensor.empty(%n) : tensor<?x5x17xf32>
  %f = linalg.fill ins(%one : f32) outs(%e : tensor<?x5x17xf32>) -> tensor<?x5x17xf32>
  %r = linalg.batch_matmul ins(%a, %b : tensor<?x5x4xf32>, tensor<?x4x17xf32>) outs(%f : tensor<?x5x17xf32>) -> tensor<?x5x17xf32>
  return %r : tensor<?x5x17xf32>
}

// A matmul [?, 5, 4] x [4, 17] as the generic dfg-lower-to-linalg emits
// (broadcast right-hand side), specialized to linalg.batch_matmul.
func.func @generic_bcast(%a: tensor<?x5x4xf32>, %b: tensor<4x17xf32>) -> tensor<?x5x17xf32> {
  %z = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %n = tensor.dim %a, %c0 : tensor<?x5x4xf32>
  %e = tensor.empty(%n) : tensor<?x5x17xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<?x5x17xf32>) -> tensor<?x5x17xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>, affine_map<(d0, d1, d2, d3) -> (d3, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>],
                       iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<?x5x4xf32>, tensor<4x17xf32>) outs(%f : tensor<?x5x17xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<?x5x17xf32>
  return %r : tensor<?x5x17xf32>
}

// 3x3, padding 1, bias as the init, dynamic batch.
func.func @conv_dyn(%x: tensor<?x2x6x6xf32>, %w: tensor<7x2x3x3xf32>) -> tensor<?x7x6x6xf32> {
  %z = arith.constant 0.0 : f32
  %bias = arith.constant 2.0 : f32
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x2x6x6xf32>
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %z : f32
  } : tensor<?x2x6x6xf32> to tensor<?x2x8x8xf32>
  %e = tensor.empty(%n) : tensor<?x7x6x6xf32>
  %f = linalg.fill ins(%bias : f32) outs(%e : tensor<?x7x6x6xf32>) -> tensor<?x7x6x6xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%p, %w : tensor<?x2x8x8xf32>, tensor<7x2x3x3xf32>) outs(%f : tensor<?x7x6x6xf32>) -> tensor<?x7x6x6xf32>
  return %r : tensor<?x7x6x6xf32>
}

// 3x3, stride 2, no padding, static.
func.func @conv_s2(%x: tensor<2x2x6x6xf32>, %w: tensor<7x2x3x3xf32>) -> tensor<2x7x2x2xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x7x2x2xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<2x7x2x2xf32>) -> tensor<2x7x2x2xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %w : tensor<2x2x6x6xf32>, tensor<7x2x3x3xf32>) outs(%f : tensor<2x7x2x2xf32>) -> tensor<2x7x2x2xf32>
  return %r : tensor<2x7x2x2xf32>
}

// 3x3, dilation 2, static: the taps read every other row and column.
func.func @conv_dil2(%x: tensor<2x2x6x6xf32>, %w: tensor<7x2x3x3xf32>) -> tensor<2x7x2x2xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x7x2x2xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<2x7x2x2xf32>) -> tensor<2x7x2x2xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<2x2x6x6xf32>, tensor<7x2x3x3xf32>) outs(%f : tensor<2x7x2x2xf32>) -> tensor<2x7x2x2xf32>
  return %r : tensor<2x7x2x2xf32>
}

// A batched matmul with two batch dims [2, 3] as a generic: the batch dims
// are collapsed into one for linalg.batch_matmul.
func.func @generic_two_batch(%a: tensor<2x3x5x4xf32>, %b: tensor<2x3x4x17xf32>) -> tensor<2x3x5x17xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3x5x17xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<2x3x5x17xf32>) -> tensor<2x3x5x17xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<2x3x5x4xf32>, tensor<2x3x4x17xf32>) outs(%f : tensor<2x3x5x17xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<2x3x5x17xf32>
  return %r : tensor<2x3x5x17xf32>
}

// The same with the outer batch dim dynamic, accumulating into ones.
func.func @generic_two_batch_dyn(%a: tensor<?x3x5x4xf32>, %b: tensor<?x3x4x17xf32>) -> tensor<?x3x5x17xf32> {
  %one = arith.constant 1.0 : f32
  %c0 = arith.constant 0 : index
  %n = tensor.dim %a, %c0 : tensor<?x3x5x4xf32>
  %e = tensor.empty(%n) : tensor<?x3x5x17xf32>
  %f = linalg.fill ins(%one : f32) outs(%e : tensor<?x3x5x17xf32>) -> tensor<?x3x5x17xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<?x3x5x4xf32>, tensor<?x3x4x17xf32>) outs(%f : tensor<?x3x5x17xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<?x3x5x17xf32>
  return %r : tensor<?x3x5x17xf32>
}

// 29 columns: a partial column tile of 13 (tile-n 16: 8 + 4 + 1) or 5
// (tile-n 8: 4 + 1), with static and with dynamic rows.
func.func @matmul_odd(%a: tensor<13x7xf32>, %b: tensor<7x29xf32>) -> tensor<13x29xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<13x29xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<13x29xf32>) -> tensor<13x29xf32>
  %r = linalg.matmul ins(%a, %b : tensor<13x7xf32>, tensor<7x29xf32>) outs(%f : tensor<13x29xf32>) -> tensor<13x29xf32>
  return %r : tensor<13x29xf32>
}

func.func @matmul_odd_dyn(%a: tensor<?x7xf32>, %b: tensor<7x29xf32>) -> tensor<?x29xf32> {
  %z = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %m = tensor.dim %a, %c0 : tensor<?x7xf32>
  %e = tensor.empty(%m) : tensor<?x29xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<?x29xf32>) -> tensor<?x29xf32>
  %r = linalg.matmul ins(%a, %b : tensor<?x7xf32>, tensor<7x29xf32>) outs(%f : tensor<?x29xf32>) -> tensor<?x29xf32>
  return %r : tensor<?x29xf32>
}

// A pad of a ReLU: the ReLU computes into the interior of the padded
// tensor, whose border (asymmetric, -1) is filled first.
func.func @pad_relu(%x: tensor<2x2x3x4xf32>) -> tensor<2x2x6x7xf32> {
  %z = arith.constant 0.0 : f32
  %m1 = arith.constant -1.0 : f32
  %e = tensor.empty() : tensor<2x2x3x4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<2x2x3x4xf32>) outs(%e : tensor<2x2x3x4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %z : f32
    linalg.yield %m : f32
  } -> tensor<2x2x3x4xf32>
  %p = tensor.pad %r low[0, 0, 1, 2] high[0, 0, 2, 1] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %m1 : f32
  } : tensor<2x2x3x4xf32> to tensor<2x2x6x7xf32>
  return %p : tensor<2x2x6x7xf32>
}

// A per-channel bias broadcast as the accumulator's initial value: fused
// into the register tiles (each starts from the bias in registers).
func.func @conv_bias(%x: tensor<?x2x6x6xf32>, %w: tensor<7x2x3x3xf32>, %b: tensor<7xf32>) -> tensor<?x7x6x6xf32> {
  %z = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x2x6x6xf32>
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %z : f32
  } : tensor<?x2x6x6xf32> to tensor<?x2x8x8xf32>
  %e = tensor.empty(%n) : tensor<?x7x6x6xf32>
  %f = linalg.broadcast ins(%b : tensor<7xf32>) outs(%e : tensor<?x7x6x6xf32>) dimensions = [0, 2, 3]
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%p, %w : tensor<?x2x8x8xf32>, tensor<7x2x3x3xf32>) outs(%f : tensor<?x7x6x6xf32>) -> tensor<?x7x6x6xf32>
  return %r : tensor<?x7x6x6xf32>
}

// A concat whose operands are computed in the other order than they are
// concatenated: each op computes into its slice of the result.
func.func @concat_relu_neg(%x: tensor<2x2x2x3xf32>, %y: tensor<2x1x2x3xf32>) -> tensor<2x3x2x3xf32> {
  %z = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<2x2x2x3xf32>
  %r0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                        iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<2x2x2x3xf32>) outs(%e0 : tensor<2x2x2x3xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %z : f32
    linalg.yield %m : f32
  } -> tensor<2x2x2x3xf32>
  %e1 = tensor.empty() : tensor<2x1x2x3xf32>
  %r1 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                        iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%y : tensor<2x1x2x3xf32>) outs(%e1 : tensor<2x1x2x3xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.negf %in : f32
    linalg.yield %m : f32
  } -> tensor<2x1x2x3xf32>
  %c = tensor.concat dim(1) %r1, %r0 : (tensor<2x1x2x3xf32>, tensor<2x2x2x3xf32>) -> tensor<2x3x2x3xf32>
  return %c : tensor<2x3x2x3xf32>
}

func.func @main() {
  %a = arith.constant dense<[[3.0, 1.0, 1.0, 3.0, 1.0, 2.0, 2.0], [-2.0, -3.0, -1.0, -2.0, 3.0, 3.0, -3.0], [0.0, 2.0, -3.0, 2.0, -3.0, 0.0, 2.0], [-1.0, -1.0, -2.0, 2.0, -2.0, 3.0, 0.0], [0.0, 0.0, 1.0, 0.0, 0.0, 3.0, 2.0], [2.0, 1.0, 1.0, -1.0, 3.0, 0.0, -2.0], [2.0, -2.0, 3.0, 1.0, -3.0, -3.0, 0.0], [-3.0, -3.0, 0.0, 3.0, 0.0, 2.0, 3.0], [2.0, 1.0, 0.0, 0.0, -2.0, 0.0, -1.0], [-2.0, 3.0, -3.0, -3.0, -2.0, 3.0, 1.0], [3.0, -2.0, 2.0, -1.0, 0.0, -3.0, 1.0], [2.0, 1.0, -2.0, 0.0, -2.0, 3.0, 3.0], [-2.0, 0.0, 3.0, 2.0, 1.0, 1.0, -3.0]]> : tensor<13x7xf32>
  %b = arith.constant dense<[[2.0, 0.0, -3.0, -2.0, 0.0, 2.0, 0.0, 1.0, 3.0, 1.0, -1.0, 1.0, 1.0, -3.0, -3.0, 1.0, -1.0, 1.0], [-1.0, -2.0, -2.0, -1.0, 2.0, -1.0, -1.0, 1.0, 3.0, -1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 3.0], [-2.0, 0.0, 0.0, -1.0, -2.0, -3.0, -1.0, 2.0, -3.0, -1.0, 3.0, 3.0, -2.0, -3.0, 1.0, -3.0, -1.0, 0.0], [3.0, -3.0, 1.0, 0.0, -3.0, 2.0, 2.0, 0.0, 3.0, 1.0, 3.0, 3.0, 0.0, -2.0, -2.0, 0.0, -2.0, 2.0], [3.0, -2.0, 0.0, -3.0, -2.0, -1.0, 3.0, 3.0, 1.0, 1.0, 0.0, -3.0, -1.0, 3.0, -1.0, -2.0, -2.0, 1.0], [-3.0, 3.0, 3.0, 0.0, 0.0, 2.0, 0.0, 0.0, -1.0, 0.0, 2.0, -3.0, -3.0, 2.0, -1.0, 2.0, -3.0, 3.0], [-3.0, -1.0, 3.0, -3.0, 1.0, 2.0, -1.0, -3.0, 0.0, 0.0, 3.0, 1.0, -1.0, -3.0, 1.0, -2.0, 1.0, 3.0]]> : tensor<7x18xf32>
  %x = arith.constant dense<[[[-1.0, 3.0, 0.0, 0.0], [2.0, 2.0, 3.0, 3.0], [-2.0, -1.0, 3.0, -1.0], [-3.0, 1.0, 2.0, 2.0], [2.0, 1.0, -3.0, 2.0]], [[-1.0, 2.0, 2.0, 3.0], [-3.0, 3.0, 1.0, 0.0], [2.0, 3.0, 0.0, -3.0], [2.0, -2.0, -2.0, -2.0], [-2.0, 3.0, -1.0, -3.0]], [[-2.0, -1.0, -1.0, -1.0], [3.0, 3.0, 1.0, 3.0], [-1.0, -3.0, -2.0, -3.0], [3.0, -2.0, 0.0, -2.0], [3.0, -2.0, 0.0, 3.0]]]> : tensor<3x5x4xf32>
  %y = arith.constant dense<[[[0.0, 3.0, 3.0, 2.0, 2.0, 1.0, 1.0, 2.0, -1.0, 3.0, 3.0, -1.0, -1.0, 2.0, 3.0, -3.0, -3.0], [-2.0, 0.0, -2.0, 0.0, 0.0, 3.0, 2.0, -2.0, 2.0, 2.0, 1.0, 1.0, -1.0, 2.0, -3.0, 1.0, 3.0], [3.0, -1.0, -1.0, 1.0, -1.0, 2.0, -2.0, -2.0, -3.0, 0.0, -2.0, -1.0, 3.0, 2.0, 2.0, 1.0, -3.0], [2.0, 1.0, 3.0, 0.0, -2.0, 1.0, 0.0, 1.0, -1.0, -1.0, -3.0, 3.0, 2.0, 0.0, -2.0, 1.0, -1.0]], [[1.0, -3.0, -2.0, 2.0, -3.0, 1.0, -1.0, -3.0, 2.0, 1.0, 2.0, 3.0, 2.0, 2.0, -3.0, 3.0, 3.0], [1.0, 2.0, 2.0, 3.0, 3.0, 0.0, 2.0, 3.0, -1.0, -3.0, -2.0, -3.0, 0.0, -3.0, -2.0, -2.0, 1.0], [-2.0, 3.0, -2.0, 3.0, 0.0, -2.0, -3.0, -1.0, 1.0, -3.0, -2.0, -3.0, 1.0, -3.0, -3.0, 0.0, -1.0], [0.0, 3.0, 3.0, 0.0, 1.0, 2.0, 0.0, 1.0, -2.0, 1.0, -2.0, -2.0, 2.0, 1.0, -1.0, -3.0, -2.0]], [[2.0, 0.0, 3.0, 3.0, 2.0, -3.0, -3.0, 1.0, -1.0, 2.0, -1.0, -2.0, -3.0, -1.0, 1.0, -3.0, 2.0], [-1.0, -1.0, 1.0, 3.0, 0.0, 2.0, -1.0, -3.0, 2.0, 2.0, 2.0, 3.0, 0.0, -2.0, 1.0, 1.0, -1.0], [1.0, -2.0, 1.0, 2.0, -3.0, 0.0, 1.0, -3.0, 1.0, 3.0, 2.0, 1.0, 2.0, -1.0, -1.0, -3.0, 2.0], [-1.0, 3.0, 0.0, 3.0, -3.0, -2.0, -1.0, -3.0, 0.0, 1.0, 1.0, -2.0, -2.0, 0.0, 1.0, 3.0, 3.0]]]> : tensor<3x4x17xf32>
  %i = arith.constant dense<[[[[-1.0, -2.0, -1.0, 2.0, 0.0, 2.0], [1.0, 0.0, -2.0, 0.0, -1.0, 2.0], [-2.0, -2.0, 1.0, 1.0, 2.0, 0.0], [-1.0, -1.0, -1.0, 1.0, 0.0, -1.0], [-1.0, 1.0, -1.0, -1.0, -1.0, 2.0], [0.0, 0.0, -2.0, -1.0, 1.0, 1.0]], [[0.0, 2.0, -1.0, -2.0, -2.0, -2.0], [1.0, 2.0, -2.0, 0.0, -2.0, 2.0], [-2.0, 1.0, -2.0, 1.0, 2.0, 1.0], [-1.0, 2.0, -1.0, 1.0, 2.0, 0.0], [1.0, 2.0, -2.0, -2.0, 0.0, -2.0], [2.0, 2.0, -1.0, -1.0, 1.0, 0.0]]], [[[-2.0, 1.0, 1.0, -2.0, 1.0, 0.0], [2.0, 2.0, 1.0, -1.0, -1.0, 1.0], [-2.0, -1.0, 0.0, 2.0, 1.0, 2.0], [-2.0, -1.0, -1.0, 1.0, 0.0, -1.0], [1.0, 1.0, 2.0, 0.0, -2.0, 2.0], [-2.0, -2.0, 1.0, 0.0, 1.0, -2.0]], [[1.0, 0.0, 2.0, 1.0, 2.0, 1.0], [2.0, -2.0, 1.0, 1.0, -1.0, -1.0], [1.0, -2.0, -2.0, 2.0, 1.0, 0.0], [1.0, -1.0, 1.0, -1.0, 0.0, -2.0], [-1.0, -1.0, 0.0, 0.0, -2.0, -1.0], [2.0, 0.0, 0.0, -2.0, -1.0, 2.0]]]]> : tensor<2x2x6x6xf32>
  %w = arith.constant dense<[[[[0.0, -2.0, 1.0], [1.0, -1.0, -2.0], [2.0, -1.0, 2.0]], [[-1.0, -1.0, 1.0], [-2.0, -2.0, 1.0], [2.0, 2.0, -2.0]]], [[[-2.0, -1.0, 1.0], [2.0, 2.0, -1.0], [2.0, -1.0, -2.0]], [[0.0, -2.0, 1.0], [2.0, -2.0, -2.0], [-2.0, -2.0, 0.0]]], [[[0.0, 2.0, 0.0], [2.0, 1.0, 2.0], [-2.0, 0.0, 2.0]], [[1.0, -1.0, 2.0], [1.0, -2.0, -2.0], [-1.0, 0.0, -2.0]]], [[[-2.0, -2.0, -1.0], [-1.0, -1.0, 0.0], [1.0, -1.0, 0.0]], [[1.0, -2.0, 2.0], [2.0, -1.0, 2.0], [-1.0, 2.0, 1.0]]], [[[-1.0, -2.0, -1.0], [1.0, -1.0, 0.0], [-2.0, 0.0, -2.0]], [[2.0, 0.0, 2.0], [-2.0, -2.0, -2.0], [0.0, 2.0, 1.0]]], [[[0.0, 2.0, -2.0], [-2.0, 1.0, 2.0], [-1.0, -1.0, 0.0]], [[1.0, -1.0, 2.0], [0.0, 1.0, 1.0], [0.0, 0.0, 2.0]]], [[[-1.0, 2.0, 1.0], [-2.0, 2.0, -1.0], [-2.0, -1.0, -2.0]], [[-1.0, -2.0, 0.0], [2.0, 2.0, 2.0], [-1.0, -1.0, 1.0]]]]> : tensor<7x2x3x3xf32>
  %r1 = call @matmul(%a, %b) : (tensor<13x7xf32>, tensor<7x18xf32>) -> tensor<13x18xf32>
  %m_r1 = bufferization.to_buffer %r1 : tensor<13x18xf32> to memref<13x18xf32>
  %u_r1 = memref.cast %m_r1 : memref<13x18xf32> to memref<*xf32>
  call @printMemrefF32(%u_r1) : (memref<*xf32>) -> ()
  %ad = tensor.cast %a : tensor<13x7xf32> to tensor<?x7xf32>
  %r1d = call @matmul_dyn(%ad, %b) : (tensor<?x7xf32>, tensor<7x18xf32>) -> tensor<?x18xf32>
  %r1s = tensor.cast %r1d : tensor<?x18xf32> to tensor<13x18xf32>
  %m_r1s = bufferization.to_buffer %r1s : tensor<13x18xf32> to memref<13x18xf32>
  %u_r1s = memref.cast %m_r1s : memref<13x18xf32> to memref<*xf32>
  call @printMemrefF32(%u_r1s) : (memref<*xf32>) -> ()
  %xd = tensor.cast %x : tensor<3x5x4xf32> to tensor<?x5x4xf32>
  %yd = tensor.cast %y : tensor<3x4x17xf32> to tensor<?x4x17xf32>
  %r2d = call @bmm_dyn(%xd, %yd) : (tensor<?x5x4xf32>, tensor<?x4x17xf32>) -> tensor<?x5x17xf32>
  %r2 = tensor.cast %r2d : tensor<?x5x17xf32> to tensor<3x5x17xf32>
  %m_r2 = bufferization.to_buffer %r2 : tensor<3x5x17xf32> to memref<3x5x17xf32>
  %u_r2 = memref.cast %m_r2 : memref<3x5x17xf32> to memref<*xf32>
  call @printMemrefF32(%u_r2) : (memref<*xf32>) -> ()
  %y2 = arith.constant dense<[[0.0, 3.0, 3.0, 2.0, 2.0, 1.0, 1.0, 2.0, -1.0, 3.0, 3.0, -1.0, -1.0, 2.0, 3.0, -3.0, -3.0], [-2.0, 0.0, -2.0, 0.0, 0.0, 3.0, 2.0, -2.0, 2.0, 2.0, 1.0, 1.0, -1.0, 2.0, -3.0, 1.0, 3.0], [3.0, -1.0, -1.0, 1.0, -1.0, 2.0, -2.0, -2.0, -3.0, 0.0, -2.0, -1.0, 3.0, 2.0, 2.0, 1.0, -3.0], [2.0, 1.0, 3.0, 0.0, -2.0, 1.0, 0.0, 1.0, -1.0, -1.0, -3.0, 3.0, 2.0, 0.0, -2.0, 1.0, -1.0]]> : tensor<4x17xf32>
  %r5d = call @generic_bcast(%xd, %y2) : (tensor<?x5x4xf32>, tensor<4x17xf32>) -> tensor<?x5x17xf32>
  %r5 = tensor.cast %r5d : tensor<?x5x17xf32> to tensor<3x5x17xf32>
  %m_r5 = bufferization.to_buffer %r5 : tensor<3x5x17xf32> to memref<3x5x17xf32>
  %u_r5 = memref.cast %m_r5 : memref<3x5x17xf32> to memref<*xf32>
  call @printMemrefF32(%u_r5) : (memref<*xf32>) -> ()
  %id = tensor.cast %i : tensor<2x2x6x6xf32> to tensor<?x2x6x6xf32>
  %r3d = call @conv_dyn(%id, %w) : (tensor<?x2x6x6xf32>, tensor<7x2x3x3xf32>) -> tensor<?x7x6x6xf32>
  %r3 = tensor.cast %r3d : tensor<?x7x6x6xf32> to tensor<2x7x6x6xf32>
  %m_r3 = bufferization.to_buffer %r3 : tensor<2x7x6x6xf32> to memref<2x7x6x6xf32>
  %u_r3 = memref.cast %m_r3 : memref<2x7x6x6xf32> to memref<*xf32>
  call @printMemrefF32(%u_r3) : (memref<*xf32>) -> ()
  %r4 = call @conv_s2(%i, %w) : (tensor<2x2x6x6xf32>, tensor<7x2x3x3xf32>) -> tensor<2x7x2x2xf32>
  %m_r4 = bufferization.to_buffer %r4 : tensor<2x7x2x2xf32> to memref<2x7x2x2xf32>
  %u_r4 = memref.cast %m_r4 : memref<2x7x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u_r4) : (memref<*xf32>) -> ()
  %a4 = arith.constant dense<[[[[3.0, 1.0, 1.0, 3.0],   [1.0, 2.0, 2.0, -2.0],   [-3.0, -1.0, -2.0, 3.0],   [3.0, -3.0, 0.0, 2.0],   [-3.0, 2.0, -3.0, 0.0]],  [[2.0, -1.0, -1.0, -2.0],   [2.0, -2.0, 3.0, 0.0],   [0.0, 0.0, 1.0, 0.0],   [0.0, 3.0, 2.0, 2.0],   [1.0, 1.0, -1.0, 3.0]],  [[0.0, -2.0, 2.0, -2.0],   [3.0, 1.0, -3.0, -3.0],   [0.0, -3.0, -3.0, 0.0],   [3.0, 0.0, 2.0, 3.0],   [2.0, 1.0, 0.0, 0.0]]], [[[-2.0, 0.0, -1.0, -2.0],   [3.0, -3.0, -3.0, -2.0],   [3.0, 1.0, 3.0, -2.0],   [2.0, -1.0, 0.0, -3.0],   [1.0, 2.0, 1.0, -2.0]],  [[0.0, -2.0, 3.0, 3.0],   [-2.0, 0.0, 3.0, 2.0],   [1.0, 1.0, -3.0, 2.0],   [0.0, -3.0, -2.0, 0.0],   [2.0, 0.0, 1.0, 3.0]],  [[1.0, -1.0, 1.0, 1.0],   [-3.0, -3.0, 1.0, -1.0],   [1.0, -1.0, -2.0, -2.0],   [-1.0, 2.0, -1.0, -1.0],   [1.0, 3.0, -1.0, 1.0]]]]> : tensor<2x3x5x4xf32>
  %b4 = arith.constant dense<[[[[0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 3.0, -2.0, 0.0, 0.0, -1.0, -2.0, -3.0, -1.0, 2.0, -3.0, -1.0],   [3.0, 3.0, -2.0, -3.0, 1.0, -3.0, -1.0, 0.0, 3.0, -3.0, 1.0, 0.0, -3.0, 2.0, 2.0, 0.0, 3.0],   [1.0, 3.0, 3.0, 0.0, -2.0, -2.0, 0.0, -2.0, 2.0, 3.0, -2.0, 0.0, -3.0, -2.0, -1.0, 3.0, 3.0],   [1.0, 1.0, 0.0, -3.0, -1.0, 3.0, -1.0, -2.0, -2.0, 1.0, -3.0, 3.0, 3.0, 0.0, 0.0, 2.0, 0.0]],  [[0.0, -1.0, 0.0, 2.0, -3.0, -3.0, 2.0, -1.0, 2.0, -3.0, 3.0, -3.0, -1.0, 3.0, -3.0, 1.0, 2.0],   [-1.0, -3.0, 0.0, 0.0, 3.0, 1.0, -1.0, -3.0, 1.0, -2.0, 1.0, 3.0, -1.0, 3.0, 0.0, 0.0, 2.0],   [2.0, 3.0, 3.0, -2.0, -1.0, 3.0, -1.0, -3.0, 1.0, 2.0, 2.0, 2.0, 1.0, -3.0, 2.0, -1.0, 2.0],   [2.0, 3.0, -3.0, 3.0, 1.0, 0.0, 2.0, 3.0, 0.0, -3.0, 2.0, -2.0, -2.0, -2.0, -2.0, 3.0, -1.0]],  [[-3.0, -2.0, -1.0, -1.0, -1.0, 3.0, 3.0, 1.0, 3.0, -1.0, -3.0, -2.0, -3.0, 3.0, -2.0, 0.0, -2.0],   [3.0, -2.0, 0.0, 3.0, 0.0, 3.0, 3.0, 2.0, 2.0, 1.0, 1.0, 2.0, -1.0, 3.0, 3.0, -1.0, -1.0],   [2.0, 3.0, -3.0, -3.0, -2.0, 0.0, -2.0, 0.0, 0.0, 3.0, 2.0, -2.0, 2.0, 2.0, 1.0, 1.0, -1.0],   [2.0, -3.0, 1.0, 3.0, 3.0, -1.0, -1.0, 1.0, -1.0, 2.0, -2.0, -2.0, -3.0, 0.0, -2.0, -1.0, 3.0]]], [[[2.0, 2.0, 1.0, -3.0, 2.0, 1.0, 3.0, 0.0, -2.0, 1.0, 0.0, 1.0, -1.0, -1.0, -3.0, 3.0, 2.0],   [0.0, -2.0, 1.0, -1.0, 1.0, -3.0, -2.0, 2.0, -3.0, 1.0, -1.0, -3.0, 2.0, 1.0, 2.0, 3.0, 2.0],   [2.0, -3.0, 3.0, 3.0, 1.0, 2.0, 2.0, 3.0, 3.0, 0.0, 2.0, 3.0, -1.0, -3.0, -2.0, -3.0, 0.0],   [-3.0, -2.0, -2.0, 1.0, -2.0, 3.0, -2.0, 3.0, 0.0, -2.0, -3.0, -1.0, 1.0, -3.0, -2.0, -3.0, 1.0]],  [[-3.0, -3.0, 0.0, -1.0, 0.0, 3.0, 3.0, 0.0, 1.0, 2.0, 0.0, 1.0, -2.0, 1.0, -2.0, -2.0, 2.0],   [1.0, -1.0, -3.0, -2.0, 2.0, 0.0, 3.0, 3.0, 2.0, -3.0, -3.0, 1.0, -1.0, 2.0, -1.0, -2.0, -3.0],   [-1.0, 1.0, -3.0, 2.0, -1.0, -1.0, 1.0, 3.0, 0.0, 2.0, -1.0, -3.0, 2.0, 2.0, 2.0, 3.0, 0.0],   [-2.0, 1.0, 1.0, -1.0, 1.0, -2.0, 1.0, 2.0, -3.0, 0.0, 1.0, -3.0, 1.0, 3.0, 2.0, 1.0, 2.0]],  [[-1.0, -1.0, -3.0, 2.0, -1.0, 3.0, 0.0, 3.0, -3.0, -2.0, -1.0, -3.0, 0.0, 1.0, 1.0, -2.0, -2.0],   [0.0, 1.0, 3.0, 3.0, -1.0, -2.0, -2.0, 3.0, 0.0, 3.0, 1.0, 1.0, -3.0, 1.0, -1.0, 2.0, -3.0],   [-2.0, 1.0, 1.0, 2.0, 0.0, -1.0, -1.0, -1.0, 1.0, 0.0, -1.0, -2.0, 1.0, -2.0, -2.0, -1.0, 2.0],   [0.0, 1.0, -3.0, -1.0, 2.0, 2.0, 1.0, 3.0, -1.0, -2.0, -3.0, -2.0, 2.0, 3.0, -3.0, 0.0, -3.0]]]]> : tensor<2x3x4x17xf32>
  %r6 = call @generic_two_batch(%a4, %b4) : (tensor<2x3x5x4xf32>, tensor<2x3x4x17xf32>) -> tensor<2x3x5x17xf32>
  %m_r6 = bufferization.to_buffer %r6 : tensor<2x3x5x17xf32> to memref<2x3x5x17xf32>
  %u_r6 = memref.cast %m_r6 : memref<2x3x5x17xf32> to memref<*xf32>
  call @printMemrefF32(%u_r6) : (memref<*xf32>) -> ()
  %a4d = tensor.cast %a4 : tensor<2x3x5x4xf32> to tensor<?x3x5x4xf32>
  %b4d = tensor.cast %b4 : tensor<2x3x4x17xf32> to tensor<?x3x4x17xf32>
  %r7d = call @generic_two_batch_dyn(%a4d, %b4d) : (tensor<?x3x5x4xf32>, tensor<?x3x4x17xf32>) -> tensor<?x3x5x17xf32>
  %r7 = tensor.cast %r7d : tensor<?x3x5x17xf32> to tensor<2x3x5x17xf32>
  %m_r7 = bufferization.to_buffer %r7 : tensor<2x3x5x17xf32> to memref<2x3x5x17xf32>
  %u_r7 = memref.cast %m_r7 : memref<2x3x5x17xf32> to memref<*xf32>
  call @printMemrefF32(%u_r7) : (memref<*xf32>) -> ()
  %bo = arith.constant dense<[[3.0, 1.0, 1.0, 3.0, 1.0, 2.0, 2.0, -2.0, -3.0, -1.0, -2.0, 3.0, 3.0, -3.0, 0.0, 2.0, -3.0, 2.0, -3.0, 0.0, 2.0, -1.0, -1.0, -2.0, 2.0, -2.0, 3.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0, 3.0, 2.0, 2.0, 1.0, 1.0, -1.0, 3.0, 0.0, -2.0, 2.0, -2.0, 3.0, 1.0, -3.0, -3.0, 0.0, -3.0, -3.0, 0.0, 3.0, 0.0, 2.0, 3.0, 2.0, 1.0], [0.0, 0.0, -2.0, 0.0, -1.0, -2.0, 3.0, -3.0, -3.0, -2.0, 3.0, 1.0, 3.0, -2.0, 2.0, -1.0, 0.0, -3.0, 1.0, 2.0, 1.0, -2.0, 0.0, -2.0, 3.0, 3.0, -2.0, 0.0, 3.0], [2.0, 1.0, 1.0, -3.0, 2.0, 0.0, -3.0, -2.0, 0.0, 2.0, 0.0, 1.0, 3.0, 1.0, -1.0, 1.0, 1.0, -3.0, -3.0, 1.0, -1.0, 1.0, -1.0, -2.0, -2.0, -1.0, 2.0, -1.0, -1.0], [1.0, 3.0, -1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 3.0, -2.0, 0.0, 0.0, -1.0, -2.0, -3.0, -1.0, 2.0, -3.0, -1.0, 3.0, 3.0, -2.0, -3.0, 1.0, -3.0, -1.0, 0.0], [3.0, -3.0, 1.0, 0.0, -3.0, 2.0, 2.0, 0.0, 3.0, 1.0, 3.0, 3.0, 0.0, -2.0, -2.0, 0.0, -2.0, 2.0, 3.0, -2.0, 0.0, -3.0, -2.0, -1.0, 3.0, 3.0, 1.0, 1.0, 0.0], [-3.0, -1.0, 3.0, -1.0, -2.0, -2.0, 1.0, -3.0, 3.0, 3.0, 0.0, 0.0, 2.0, 0.0, 0.0, -1.0, 0.0, 2.0, -3.0, -3.0, 2.0, -1.0, 2.0, -3.0, 3.0, -3.0, -1.0, 3.0, -3.0]]> : tensor<7x29xf32>
  %r8 = call @matmul_odd(%a, %bo) : (tensor<13x7xf32>, tensor<7x29xf32>) -> tensor<13x29xf32>
  %m_r8 = bufferization.to_buffer %r8 : tensor<13x29xf32> to memref<13x29xf32>
  %u_r8 = memref.cast %m_r8 : memref<13x29xf32> to memref<*xf32>
  call @printMemrefF32(%u_r8) : (memref<*xf32>) -> ()
  %r9d = call @matmul_odd_dyn(%ad, %bo) : (tensor<?x7xf32>, tensor<7x29xf32>) -> tensor<?x29xf32>
  %r9 = tensor.cast %r9d : tensor<?x29xf32> to tensor<13x29xf32>
  %m_r9 = bufferization.to_buffer %r9 : tensor<13x29xf32> to memref<13x29xf32>
  %u_r9 = memref.cast %m_r9 : memref<13x29xf32> to memref<*xf32>
  call @printMemrefF32(%u_r9) : (memref<*xf32>) -> ()
  %px = arith.constant dense<[[[[2.0, -3.0, -2.0, -2.0], [-2.0, 2.0, 3.0, 1.0], [-3.0, -3.0, -1.0, 0.0]], [[1.0, 0.0, -2.0, -2.0], [1.0, 2.0, -3.0, -3.0], [0.0, -1.0, 3.0, 0.0]]], [[[-1.0, 0.0, 1.0, 1.0], [-2.0, 2.0, 2.0, 3.0], [2.0, -2.0, -1.0, 1.0]], [[1.0, 1.0, 3.0, -1.0], [3.0, -3.0, -3.0, 3.0], [3.0, -1.0, -3.0, -1.0]]]]> : tensor<2x2x3x4xf32>
  %r10 = call @pad_relu(%px) : (tensor<2x2x3x4xf32>) -> tensor<2x2x6x7xf32>
  %m_r10 = bufferization.to_buffer %r10 : tensor<2x2x6x7xf32> to memref<2x2x6x7xf32>
  %u_r10 = memref.cast %m_r10 : memref<2x2x6x7xf32> to memref<*xf32>
  call @printMemrefF32(%u_r10) : (memref<*xf32>) -> ()
  %cb = arith.constant dense<[1.0, -2.0, 3.0, -4.0, 5.0, -6.0, 7.0]> : tensor<7xf32>
  %r11d = call @conv_bias(%id, %w, %cb) : (tensor<?x2x6x6xf32>, tensor<7x2x3x3xf32>, tensor<7xf32>) -> tensor<?x7x6x6xf32>
  %r11 = tensor.cast %r11d : tensor<?x7x6x6xf32> to tensor<2x7x6x6xf32>
  %m_r11 = bufferization.to_buffer %r11 : tensor<2x7x6x6xf32> to memref<2x7x6x6xf32>
  %u_r11 = memref.cast %m_r11 : memref<2x7x6x6xf32> to memref<*xf32>
  call @printMemrefF32(%u_r11) : (memref<*xf32>) -> ()
  %cx = arith.constant dense<[[[[1.0, 2.0, -3.0], [2.0, 0.0, 0.0]], [[1.0, -1.0, 3.0], [-3.0, -2.0, -1.0]]], [[[0.0, -1.0, -3.0], [-3.0, -3.0, -3.0]], [[-2.0, 3.0, -2.0], [1.0, 2.0, -2.0]]]]> : tensor<2x2x2x3xf32>
  %cy = arith.constant dense<[[[[-2.0, 0.0, -2.0], [3.0, -2.0, 3.0]]], [[[2.0, 2.0, -3.0], [-1.0, 1.0, 0.0]]]]> : tensor<2x1x2x3xf32>
  %r12 = call @concat_relu_neg(%cx, %cy) : (tensor<2x2x2x3xf32>, tensor<2x1x2x3xf32>) -> tensor<2x3x2x3xf32>
  %m_r12 = bufferization.to_buffer %r12 : tensor<2x3x2x3xf32> to memref<2x3x2x3xf32>
  %u_r12 = memref.cast %m_r12 : memref<2x3x2x3xf32> to memref<*xf32>
  call @printMemrefF32(%u_r12) : (memref<*xf32>) -> ()
  %r13 = call @conv_dil2(%i, %w) : (tensor<2x2x6x6xf32>, tensor<7x2x3x3xf32>) -> tensor<2x7x2x2xf32>
  %m_r13 = bufferization.to_buffer %r13 : tensor<2x7x2x2xf32> to memref<2x7x2x2xf32>
  %u_r13 = memref.cast %m_r13 : memref<2x7x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u_r13) : (memref<*xf32>) -> ()
  return
}

// matmul, static
// CHECK: {{.*}}[3, -9, 4, -17, -9, 15, 5, 3, 17, 5, 20, 8, -7, -17, -14, -2, -15, 25]
// CHECK-NEXT: {{.*}}[4, 18, 10, 8, -7, -5, 12, 11, -18, 3, -13, -32, -12, 37, -3, 7, -14, -12]
// CHECK-NEXT: {{.*}}[-5, -6, 4, 4, 12, 18, -6, -19, 18, 0, 5, 8, 9, -10, 0, 11, 9, 13]
// CHECK-NEXT: {{.*}}[-6, 9, 16, 11, 0, 17, 1, -12, 1, 2, 6, -4, -5, 5, -5, 15, -7, 7]
// CHECK-NEXT: {{.*}}[-17, 7, 15, -7, 0, 7, -3, -4, -6, -1, 15, -4, -13, -3, 0, -1, -8, 15]
// CHECK-NEXT: {{.*}}[13, -3, -15, -9, -5, -9, 7, 20, 6, 2, -7, -9, 0, 8, -7, -3, -8, 0]
// CHECK-NEXT: {{.*}}[3, -2, -10, 4, -7, -4, -8, -3, -6, -1, 2, 32, 6, -32, -1, -7, 6, -14]
// CHECK-NEXT: {{.*}}[-9, 0, 33, 0, -12, 13, 6, -15, -11, 3, 22, 3, -15, -2, 1, -5, -9, 9]
// CHECK-NEXT: {{.*}}[0, 3, -11, 4, 5, 3, -6, 0, 7, -1, -4, 7, 6, -9, -4, 8, 2, 0]
// CHECK-NEXT: {{.*}}[-28, 15, 9, 7, 26, 6, -13, -14, -2, -7, -4, -22, -1, 18, 12, 15, 10, 11]
// CHECK-NEXT: {{.*}}[7, -3, -12, -9, -4, -4, -3, 2, -3, 2, -5, 16, 5, -22, -3, -11, 5, -11]
// CHECK-NEXT: {{.*}}[-17, 8, 10, -6, 13, 23, -8, -16, 10, 1, 8, -4, -3, -9, -5, 12, -1, 21]
// CHECK-NEXT: {{.*}}[5, -2, 2, 7, -17, -14, 7, 16, -9, -2, 10, 4, -9, 7, 0, -5, -13, -3]
// matmul, dynamic rows
// CHECK: {{.*}}[3, -9, 4, -17, -9, 15, 5, 3, 17, 5, 20, 8, -7, -17, -14, -2, -15, 25]
// CHECK-NEXT: {{.*}}[4, 18, 10, 8, -7, -5, 12, 11, -18, 3, -13, -32, -12, 37, -3, 7, -14, -12]
// CHECK-NEXT: {{.*}}[-5, -6, 4, 4, 12, 18, -6, -19, 18, 0, 5, 8, 9, -10, 0, 11, 9, 13]
// CHECK-NEXT: {{.*}}[-6, 9, 16, 11, 0, 17, 1, -12, 1, 2, 6, -4, -5, 5, -5, 15, -7, 7]
// CHECK-NEXT: {{.*}}[-17, 7, 15, -7, 0, 7, -3, -4, -6, -1, 15, -4, -13, -3, 0, -1, -8, 15]
// CHECK-NEXT: {{.*}}[13, -3, -15, -9, -5, -9, 7, 20, 6, 2, -7, -9, 0, 8, -7, -3, -8, 0]
// CHECK-NEXT: {{.*}}[3, -2, -10, 4, -7, -4, -8, -3, -6, -1, 2, 32, 6, -32, -1, -7, 6, -14]
// CHECK-NEXT: {{.*}}[-9, 0, 33, 0, -12, 13, 6, -15, -11, 3, 22, 3, -15, -2, 1, -5, -9, 9]
// CHECK-NEXT: {{.*}}[0, 3, -11, 4, 5, 3, -6, 0, 7, -1, -4, 7, 6, -9, -4, 8, 2, 0]
// CHECK-NEXT: {{.*}}[-28, 15, 9, 7, 26, 6, -13, -14, -2, -7, -4, -22, -1, 18, 12, 15, 10, 11]
// CHECK-NEXT: {{.*}}[7, -3, -12, -9, -4, -4, -3, 2, -3, 2, -5, 16, 5, -22, -3, -11, 5, -11]
// CHECK-NEXT: {{.*}}[-17, 8, 10, -6, 13, 23, -8, -16, 10, 1, 8, -4, -3, -9, -5, 12, -1, 21]
// CHECK-NEXT: {{.*}}[5, -2, 2, 7, -17, -14, 7, 16, -9, -2, 10, 4, -9, 7, 0, -5, -13, -3]
// batch_matmul, dynamic batch
// CHECK: {{.*}}[-5, -2, -8, -1, -1, 9, 6, -7, 8, 4, 1, 5, -1, 5, -11, 7, 13]
// CHECK-NEXT: {{.*}}[12, 7, 9, 8, -4, 18, 1, -2, -9, 8, -6, 7, 12, 15, 1, 3, -11]
// CHECK-NEXT: {{.*}}[10, -9, -9, 0, -4, 1, -9, -8, -7, -6, -9, -4, 11, 1, 6, 8, -4]
// CHECK-NEXT: {{.*}}[9, -8, -6, -3, -11, 7, -4, -9, -2, -8, -17, 9, 13, 1, -11, 15, 5]
// CHECK-NEXT: {{.*}}[-6, 12, 14, 2, 4, 2, 11, 11, 8, 7, 8, 9, -7, 1, -6, -5, 5]
// CHECK-NEXT: {{.*}}[-2, 23, 12, 11, 13, 2, 0, 11, -7, -9, -15, -20, 7, -10, -9, -15, -8]
// CHECK-NEXT: {{.*}}[-1, 19, 11, 7, 19, -4, 7, 18, -7, -14, -13, -20, -4, -17, 1, -14, -6]
// CHECK-NEXT: {{.*}}[6, -8, -6, 14, 1, -3, 5, 1, 8, -9, 5, 4, -1, -7, -8, 10, 16]
// CHECK-NEXT: {{.*}}[5, -21, -9, -7, -13, 3, 1, -11, 9, 13, 17, 23, -1, 15, 7, 17, 11]
// CHECK-NEXT: {{.*}}[4, 1, 4, 3, 13, -5, 12, 14, -1, -10, -1, -5, -10, -12, 7, -2, 5]
// CHECK-NEXT: {{.*}}[-2, 1, -7, -13, 3, 7, 8, 8, 0, -9, -2, 3, 7, 6, -2, 6, -7]
// CHECK-NEXT: {{.*}}[2, 5, 14, 30, -5, -8, -13, -17, 5, 19, 9, -1, -12, -9, 9, 1, 15]
// CHECK-NEXT: {{.*}}[3, -1, -7, -24, 14, 4, 8, 24, -6, -16, -11, -2, 6, 10, -4, -2, -11]
// CHECK-NEXT: {{.*}}[11, -3, 8, -2, 13, -8, -4, 16, -6, 1, -8, -7, -4, 2, 0, -16, 3]
// CHECK-NEXT: {{.*}}[6, 12, 8, 13, -2, -18, -9, 1, -6, 6, -3, -17, -14, 2, 5, -1, 18]
// generic [?, 5, 4] x [4, 17]
// CHECK: {{.*}}[-6, -3, -9, -2, -2, 8, 5, -8, 7, 3, 0, 4, -2, 4, -12, 6, 12]
// CHECK-NEXT: {{.*}}[11, 6, 8, 7, -5, 17, 0, -3, -10, 7, -7, 6, 11, 14, 0, 2, -12]
// CHECK-NEXT: {{.*}}[9, -10, -10, -1, -5, 0, -10, -9, -8, -7, -10, -5, 10, 0, 5, 7, -5]
// CHECK-NEXT: {{.*}}[8, -9, -7, -4, -12, 6, -5, -10, -3, -9, -18, 8, 12, 0, -12, 14, 4]
// CHECK-NEXT: {{.*}}[-7, 11, 13, 1, 3, 1, 10, 10, 7, 6, 7, 8, -8, 0, -7, -6, 4]
// CHECK-NEXT: {{.*}}[8, -2, 0, 0, -10, 12, -1, -7, -4, -2, -14, 10, 11, 6, -11, 10, 0]
// CHECK-NEXT: {{.*}}[-3, -10, -16, -5, -7, 8, 1, -14, 6, -3, -8, 5, 3, 2, -16, 13, 15]
// CHECK-NEXT: {{.*}}[-12, 3, -9, 4, 10, 8, 8, -5, 7, 15, 18, -8, -11, 10, 3, -6, 6]
// CHECK-NEXT: {{.*}}[-6, 6, 6, 2, 10, -10, 2, 10, 2, 4, 14, -8, -10, -4, 12, -12, -4]
// CHECK-NEXT: {{.*}}[-15, -8, -20, -5, 3, 2, 6, -11, 14, 3, 8, -3, -10, 0, -11, 5, 21]
// CHECK-NEXT: {{.*}}[-3, -6, -6, -5, -1, -8, -2, -1, 4, -7, -2, -1, -2, -8, -3, 3, 7]
// CHECK-NEXT: {{.*}}[3, 11, 11, 7, -1, 17, 7, 1, -3, 12, 1, 8, 3, 14, -4, -2, -6]
// CHECK-NEXT: {{.*}}[-6, -4, -4, -4, 6, -17, -3, 5, 4, -6, 7, -9, -8, -12, 8, -5, 3]
// CHECK-NEXT: {{.*}}[0, 7, 7, 6, 10, -5, -1, 8, -5, 7, 13, -11, -5, 2, 19, -13, -13]
// CHECK-NEXT: {{.*}}[10, 12, 22, 6, 0, 0, -1, 13, -10, 2, -2, 4, 5, 2, 9, -8, -18]
// conv 3x3 pad 1 + bias 2, dynamic batch
// CHECK: {{.*}}[6, 8, -5, -3, 3, 4]
// CHECK-NEXT: {{.*}}[-5, 1, -2, 0, 13, 9]
// CHECK-NEXT: {{.*}}[5, -6, 5, -6, 10, -1]
// CHECK-NEXT: {{.*}}[15, 10, 5, -6, -4, -12]
// CHECK-NEXT: {{.*}}[5, -1, 11, 5, -5, 6]
// CHECK-NEXT: {{.*}}[4, -11, 2, 9, 2, -2]
// CHECK-NEXT: {{.*}}[-5, -5, 6, 12, 9, 2]
// CHECK-NEXT: {{.*}}[9, 4, 8, 0, -8, -4]
// CHECK-NEXT: {{.*}}[6, -20, 4, -8, 11, 1]
// CHECK-NEXT: {{.*}}[1, -9, 15, 2, -5, -2]
// CHECK-NEXT: {{.*}}[-7, -2, 24, -1, -16, 8]
// CHECK-NEXT: {{.*}}[-4, 0, 7, -1, 0, 12]
// CHECK-NEXT: {{.*}}[-11, -9, 7, 17, 16, 10]
// CHECK-NEXT: {{.*}}[-7, 5, 6, -1, -4, -6]
// CHECK-NEXT: {{.*}}[-3, -4, 4, -6, 0, 4]
// CHECK-NEXT: {{.*}}[-5, -14, 8, -1, 16, 6]
// CHECK-NEXT: {{.*}}[-4, -11, 12, 8, 9, 3]
// CHECK-NEXT: {{.*}}[-5, -5, 2, -4, -8, 12]
// CHECK-NEXT: {{.*}}[10, 3, 2, -5, -7, 1]
// CHECK-NEXT: {{.*}}[11, 0, 7, -1, 4, -5]
// CHECK-NEXT: {{.*}}[9, -6, 16, 1, 13, -6]
// CHECK-NEXT: {{.*}}[25, -4, 13, -5, -6, -4]
// CHECK-NEXT: {{.*}}[21, -3, 10, 2, -7, 6]
// CHECK-NEXT: {{.*}}[7, -4, 10, 13, -5, 4]
// CHECK-NEXT: {{.*}}[3, 5, -1, 13, 10, 14]
// CHECK-NEXT: {{.*}}[4, 7, 5, -3, -6, -11]
// CHECK-NEXT: {{.*}}[10, 14, 6, 1, 1, -9]
// CHECK-NEXT: {{.*}}[11, 5, -5, -9, -8, -1]
// CHECK-NEXT: {{.*}}[10, 5, 15, 12, 14, 7]
// CHECK-NEXT: {{.*}}[-1, -6, 6, 3, -7, -3]
// CHECK-NEXT: {{.*}}[2, -4, 8, 0, 3, 1]
// CHECK-NEXT: {{.*}}[16, -10, -6, 5, -4, 10]
// CHECK-NEXT: {{.*}}[5, 4, 12, 8, 4, 0]
// CHECK-NEXT: {{.*}}[9, -15, 6, 9, 3, 1]
// CHECK-NEXT: {{.*}}[15, -4, -6, 8, 6, 2]
// CHECK-NEXT: {{.*}}[5, -2, -4, 7, -4, 7]
// CHECK-NEXT: {{.*}}[6, 0, 2, 4, -15, -2]
// CHECK-NEXT: {{.*}}[15, -1, 3, 5, -2, 11]
// CHECK-NEXT: {{.*}}[4, -10, 6, 8, 13, 6]
// CHECK-NEXT: {{.*}}[1, 0, 12, 22, 4, 0]
// CHECK-NEXT: {{.*}}[4, 3, -3, 3, -16, -4]
// CHECK-NEXT: {{.*}}[7, 7, -3, 5, 8, 13]
// CHECK-NEXT: {{.*}}[10, -1, 0, 6, -3, -10]
// CHECK-NEXT: {{.*}}[0, 0, -7, 3, 8, 3]
// CHECK-NEXT: {{.*}}[0, -8, 9, -6, -3, -4]
// CHECK-NEXT: {{.*}}[4, 6, 5, 2, 6, -10]
// CHECK-NEXT: {{.*}}[3, 8, 4, 6, -14, 14]
// CHECK-NEXT: {{.*}}[3, -2, -6, 0, 20, 2]
// CHECK-NEXT: {{.*}}[-15, -3, 9, -2, -7, 7]
// CHECK-NEXT: {{.*}}[7, 20, -5, 2, -4, -4]
// CHECK-NEXT: {{.*}}[-3, 5, -16, -13, 19, 18]
// CHECK-NEXT: {{.*}}[-5, 7, 7, 10, 4, 0]
// CHECK-NEXT: {{.*}}[7, 3, 2, 19, 6, 7]
// CHECK-NEXT: {{.*}}[-3, -2, 0, 1, 7, -2]
// CHECK-NEXT: {{.*}}[8, -8, -11, -3, -1, 7]
// CHECK-NEXT: {{.*}}[5, 28, 5, 5, 7, 0]
// CHECK-NEXT: {{.*}}[-2, 15, 10, -5, 10, 9]
// CHECK-NEXT: {{.*}}[-7, -4, 3, 2, 14, 16]
// CHECK-NEXT: {{.*}}[-2, 16, 7, 12, -1, -1]
// CHECK-NEXT: {{.*}}[-7, 2, 6, 8, -9, 0]
// CHECK-NEXT: {{.*}}[3, 4, 6, 12, 1, 1]
// CHECK-NEXT: {{.*}}[-3, 4, -9, 11, 7, -3]
// CHECK-NEXT: {{.*}}[-12, 1, 0, -11, 6, -1]
// CHECK-NEXT: {{.*}}[-4, 16, 5, -4, -16, -4]
// CHECK-NEXT: {{.*}}[7, 9, -10, -5, -1, 13]
// CHECK-NEXT: {{.*}}[-1, 5, -8, -5, 6, -1]
// CHECK-NEXT: {{.*}}[0, -16, -3, -4, -12, -3]
// CHECK-NEXT: {{.*}}[5, 3, 0, 15, 2, 5]
// CHECK-NEXT: {{.*}}[-1, 11, 1, 0, -3, -8]
// CHECK-NEXT: {{.*}}[0, -7, 1, -9, -2, 6]
// CHECK-NEXT: {{.*}}[16, 17, 3, 0, 8, 8]
// CHECK-NEXT: {{.*}}[-5, -9, -4, 5, 3, -3]
// CHECK-NEXT: {{.*}}[-3, 9, -1, 1, 10, 1]
// CHECK-NEXT: {{.*}}[-1, 5, 10, -4, 3, 2]
// CHECK-NEXT: {{.*}}[-9, 14, 11, 7, -5, 5]
// CHECK-NEXT: {{.*}}[-12, -2, 2, -2, -5, 4]
// CHECK-NEXT: {{.*}}[0, 12, -9, -7, 1, 8]
// CHECK-NEXT: {{.*}}[-3, 4, 8, -1, -8, 3]
// CHECK-NEXT: {{.*}}[-11, 6, 9, 3, 16, 9]
// CHECK-NEXT: {{.*}}[0, 11, 0, -10, -14, -8]
// CHECK-NEXT: {{.*}}[1, 11, -3, 1, 4, 15]
// CHECK-NEXT: {{.*}}[-11, 5, 5, 7, -8, 3]
// CHECK-NEXT: {{.*}}[-4, -2, 2, -3, -3, 5]
// CHECK-NEXT: {{.*}}[9, 11, 8, -11, 6, 8]
// conv 3x3 stride 2
// CHECK: {{.*}}[-1, -2]
// CHECK-NEXT: {{.*}}[8, -8]
// CHECK-NEXT: {{.*}}[2, -2]
// CHECK-NEXT: {{.*}}[-11, 0]
// CHECK-NEXT: {{.*}}[3, -3]
// CHECK-NEXT: {{.*}}[-16, -3]
// CHECK-NEXT: {{.*}}[-2, -3]
// CHECK-NEXT: {{.*}}[-6, -7]
// CHECK-NEXT: {{.*}}[5, -5]
// CHECK-NEXT: {{.*}}[3, -11]
// CHECK-NEXT: {{.*}}[-12, 3]
// CHECK-NEXT: {{.*}}[-17, 7]
// CHECK-NEXT: {{.*}}[-3, 3]
// CHECK-NEXT: {{.*}}[-2, 20]
// CHECK-NEXT: {{.*}}[-2, 1]
// CHECK-NEXT: {{.*}}[4, 0]
// CHECK-NEXT: {{.*}}[18, 0]
// CHECK-NEXT: {{.*}}[5, 8]
// CHECK-NEXT: {{.*}}[26, 3]
// CHECK-NEXT: {{.*}}[-6, 0]
// CHECK-NEXT: {{.*}}[2, 9]
// CHECK-NEXT: {{.*}}[14, -6]
// CHECK-NEXT: {{.*}}[1, 13]
// CHECK-NEXT: {{.*}}[-9, -11]
// CHECK-NEXT: {{.*}}[3, -6]
// CHECK-NEXT: {{.*}}[-4, -4]
// CHECK-NEXT: {{.*}}[9, -12]
// CHECK-NEXT: {{.*}}[3, 5]
// generic [2, 3, 5, 4] x [2, 3, 4, 17] (two batch dims)
// CHECK: {{.*}}[7, 12, 1, -9, -4, 7, 5, -14, -1, 3, -13, 3, -6, -3, 7, 0, 3]
// CHECK-NEXT: {{.*}}[6, 11, 2, 1, 0, -15, 3, -2, 14, -2, 3, -8, -21, -1, 4, -1, 11]
// CHECK-NEXT: {{.*}}[-2, -9, -4, -9, 0, 13, -11, 4, -13, 0, -3, 15, 27, 5, -6, 9, -6]
// CHECK-NEXT: {{.*}}[-7, -4, 6, 6, -5, 18, 10, -10, -13, 11, -12, 0, 6, -9, 0, -5, -12]
// CHECK-NEXT: {{.*}}[3, -6, -13, -9, 8, -3, -11, 12, 0, -15, 11, 6, 12, 13, 1, 0, 0]
// CHECK-NEXT: {{.*}}[-5, -8, 3, 0, -10, -10, 2, -2, 2, 0, -1, -7, 2, 10, -4, -3, 2]
// CHECK-NEXT: {{.*}}[8, 13, 9, -2, -15, 1, 3, -5, 5, 4, 10, -6, 3, -9, 0, -1, 6]
// CHECK-NEXT: {{.*}}[2, 3, 3, -2, -1, 3, -1, -3, 1, 2, 2, 2, 1, -3, 2, -1, 2]
// CHECK-NEXT: {{.*}}[5, 3, 0, 2, 9, 9, -1, -9, 5, -8, 11, 9, -5, -1, 0, 4, 8]
// CHECK-NEXT: {{.*}}[3, 2, -12, 13, 4, -5, 8, 8, 2, -16, 8, -8, -9, 3, -11, 11, -1]
// CHECK-NEXT: {{.*}}[-6, 16, -8, -18, -10, -4, -8, -6, -2, 0, 6, -4, 12, -2, 0, 6, -6]
// CHECK-NEXT: {{.*}}[-18, -8, 3, 0, -6, 15, 21, 2, 14, -17, -8, 8, -7, 6, 0, -1, -13]
// CHECK-NEXT: {{.*}}[-15, -3, 9, 0, 6, -9, -3, -6, -6, -12, -9, 0, -3, -15, -12, 0, 6]
// CHECK-NEXT: {{.*}}[1, -9, -6, 0, 2, 6, 2, 6, 6, 9, -11, -16, -14, 13, -10, -1, 1]
// CHECK-NEXT: {{.*}}[-3, -6, -2, 1, -2, 9, 9, 4, 8, -1, -5, -2, -7, 9, -1, -1, -5]
// CHECK-NEXT: {{.*}}[0, 3, -1, 1, -1, -10, -4, -9, 1, 2, 4, -3, 1, 11, 12, 3, -6]
// CHECK-NEXT: {{.*}}[6, 25, -5, -17, 4, 0, 13, -21, -6, 4, 3, 5, -8, 9, -5, 15, -2]
// CHECK-NEXT: {{.*}}[18, -1, 17, -3, 14, 0, 17, 5, 0, 8, 11, 11, -6, -5, -9, 9, 6]
// CHECK-NEXT: {{.*}}[13, 12, 7, -8, 9, -4, 14, -11, -1, 7, 10, 8, -7, 6, -2, 12, -1]
// CHECK-NEXT: {{.*}}[10, -1, 10, -4, 9, -9, 5, 1, -5, 7, 6, 0, 0, 4, 3, 12, 4]
// CHECK-NEXT: {{.*}}[-11, 8, 0, 7, -4, -9, 0, 9, -13, 12, 6, -20, 11, 11, 14, 16, 12]
// CHECK-NEXT: {{.*}}[-1, 11, -7, 6, -1, -13, -1, 13, -8, 2, -1, -17, 12, 10, 14, 15, 0]
// CHECK-NEXT: {{.*}}[-3, -5, 8, -11, 7, 2, 5, -2, -3, -7, 2, 5, -7, 3, -5, -11, 3]
// CHECK-NEXT: {{.*}}[-1, 1, 15, 2, -4, 2, -11, -15, -6, 5, 11, 3, -1, -10, -1, 0, 9]
// CHECK-NEXT: {{.*}}[-13, -2, 0, -3, 2, -1, 10, 9, -7, 6, 2, -10, 1, 13, 4, 2, 10]
// CHECK-NEXT: {{.*}}[-3, 0, -8, 0, 2, 6, 2, 2, -3, -7, -6, -8, 6, 1, -3, -5, 0]
// CHECK-NEXT: {{.*}}[1, 0, 4, -12, 4, -6, 4, -22, 11, -1, 2, 6, 8, -11, 1, -1, 20]
// CHECK-NEXT: {{.*}}[3, -6, -2, -3, -4, 3, 2, -4, -3, -1, 6, 4, -3, -2, 12, -2, 3]
// CHECK-NEXT: {{.*}}[3, 1, 11, 3, -3, -8, -4, 1, 3, 10, 7, 9, -9, 0, 2, 7, -3]
// CHECK-NEXT: {{.*}}[1, 2, 2, 8, -2, 0, -4, 16, -5, 5, 0, 0, -8, 9, -3, 5, -16]
// the same, dynamic outer batch dim, init 1
// CHECK: {{.*}}[8, 13, 2, -8, -3, 8, 6, -13, 0, 4, -12, 4, -5, -2, 8, 1, 4]
// CHECK-NEXT: {{.*}}[7, 12, 3, 2, 1, -14, 4, -1, 15, -1, 4, -7, -20, 0, 5, 0, 12]
// CHECK-NEXT: {{.*}}[-1, -8, -3, -8, 1, 14, -10, 5, -12, 1, -2, 16, 28, 6, -5, 10, -5]
// CHECK-NEXT: {{.*}}[-6, -3, 7, 7, -4, 19, 11, -9, -12, 12, -11, 1, 7, -8, 1, -4, -11]
// CHECK-NEXT: {{.*}}[4, -5, -12, -8, 9, -2, -10, 13, 1, -14, 12, 7, 13, 14, 2, 1, 1]
// CHECK-NEXT: {{.*}}[-4, -7, 4, 1, -9, -9, 3, -1, 3, 1, 0, -6, 3, 11, -3, -2, 3]
// CHECK-NEXT: {{.*}}[9, 14, 10, -1, -14, 2, 4, -4, 6, 5, 11, -5, 4, -8, 1, 0, 7]
// CHECK-NEXT: {{.*}}[3, 4, 4, -1, 0, 4, 0, -2, 2, 3, 3, 3, 2, -2, 3, 0, 3]
// CHECK-NEXT: {{.*}}[6, 4, 1, 3, 10, 10, 0, -8, 6, -7, 12, 10, -4, 0, 1, 5, 9]
// CHECK-NEXT: {{.*}}[4, 3, -11, 14, 5, -4, 9, 9, 3, -15, 9, -7, -8, 4, -10, 12, 0]
// CHECK-NEXT: {{.*}}[-5, 17, -7, -17, -9, -3, -7, -5, -1, 1, 7, -3, 13, -1, 1, 7, -5]
// CHECK-NEXT: {{.*}}[-17, -7, 4, 1, -5, 16, 22, 3, 15, -16, -7, 9, -6, 7, 1, 0, -12]
// CHECK-NEXT: {{.*}}[-14, -2, 10, 1, 7, -8, -2, -5, -5, -11, -8, 1, -2, -14, -11, 1, 7]
// CHECK-NEXT: {{.*}}[2, -8, -5, 1, 3, 7, 3, 7, 7, 10, -10, -15, -13, 14, -9, 0, 2]
// CHECK-NEXT: {{.*}}[-2, -5, -1, 2, -1, 10, 10, 5, 9, 0, -4, -1, -6, 10, 0, 0, -4]
// CHECK-NEXT: {{.*}}[1, 4, 0, 2, 0, -9, -3, -8, 2, 3, 5, -2, 2, 12, 13, 4, -5]
// CHECK-NEXT: {{.*}}[7, 26, -4, -16, 5, 1, 14, -20, -5, 5, 4, 6, -7, 10, -4, 16, -1]
// CHECK-NEXT: {{.*}}[19, 0, 18, -2, 15, 1, 18, 6, 1, 9, 12, 12, -5, -4, -8, 10, 7]
// CHECK-NEXT: {{.*}}[14, 13, 8, -7, 10, -3, 15, -10, 0, 8, 11, 9, -6, 7, -1, 13, 0]
// CHECK-NEXT: {{.*}}[11, 0, 11, -3, 10, -8, 6, 2, -4, 8, 7, 1, 1, 5, 4, 13, 5]
// CHECK-NEXT: {{.*}}[-10, 9, 1, 8, -3, -8, 1, 10, -12, 13, 7, -19, 12, 12, 15, 17, 13]
// CHECK-NEXT: {{.*}}[0, 12, -6, 7, 0, -12, 0, 14, -7, 3, 0, -16, 13, 11, 15, 16, 1]
// CHECK-NEXT: {{.*}}[-2, -4, 9, -10, 8, 3, 6, -1, -2, -6, 3, 6, -6, 4, -4, -10, 4]
// CHECK-NEXT: {{.*}}[0, 2, 16, 3, -3, 3, -10, -14, -5, 6, 12, 4, 0, -9, 0, 1, 10]
// CHECK-NEXT: {{.*}}[-12, -1, 1, -2, 3, 0, 11, 10, -6, 7, 3, -9, 2, 14, 5, 3, 11]
// CHECK-NEXT: {{.*}}[-2, 1, -7, 1, 3, 7, 3, 3, -2, -6, -5, -7, 7, 2, -2, -4, 1]
// CHECK-NEXT: {{.*}}[2, 1, 5, -11, 5, -5, 5, -21, 12, 0, 3, 7, 9, -10, 2, 0, 21]
// CHECK-NEXT: {{.*}}[4, -5, -1, -2, -3, 4, 3, -3, -2, 0, 7, 5, -2, -1, 13, -1, 4]
// CHECK-NEXT: {{.*}}[4, 2, 12, 4, -2, -7, -3, 2, 4, 11, 8, 10, -8, 1, 3, 8, -2]
// CHECK-NEXT: {{.*}}[2, 3, 3, 9, -1, 1, -3, 17, -4, 6, 1, 1, -7, 10, -2, 6, -15]
// matmul, 29 columns
// CHECK: {{.*}}[16, 2, 11, -1, 1, 7, 8, -19, 1, 9, 9, 17, 23, -10, -8, 7, -12, -2, -18, -8, 4, -10, -3, -21, 12, -3, 13, 6, -5]
// CHECK-NEXT: {{.*}}[11, -4, -11, 6, -17, 7, -4, 20, 6, 0, 10, -6, -15, -6, -3, -17, -14, 11, 44, -10, -3, 14, 1, 1, -12, 18, -20, -13, 5]
// CHECK-NEXT: {{.*}}[-5, -7, 17, -11, 9, 3, -9, -2, 17, 11, -12, 5, -3, 12, -9, 15, 13, 4, -27, -1, -4, -9, -7, 8, 2, -16, 23, 11, -15]
// CHECK-NEXT: {{.*}}[8, -15, 10, -11, -7, 4, -10, 1, 17, 11, -4, 10, -1, 1, -8, 3, 4, 9, 3, -2, -1, -5, -13, 0, 3, -1, 11, 1, -9]
// CHECK-NEXT: {{.*}}[3, -11, 7, -2, -14, 0, 11, -9, 12, 7, 12, 10, 7, -8, -4, -3, -6, 7, 4, -10, 5, -13, -2, -11, 18, 6, -1, 9, -3]
// CHECK-NEXT: {{.*}}[13, 13, -10, 14, 6, 11, 10, 5, -14, -10, 11, 0, 0, -7, -2, 1, -15, -6, 7, -2, -4, 3, 4, -1, -6, 11, -2, -6, 11]
// CHECK-NEXT: {{.*}}[-4, 1, -3, 0, 4, -15, 0, -20, -26, -10, -19, 7, 22, -9, 18, 2, 8, -5, -15, 22, 15, -1, -6, -9, 11, -12, 2, -5, 6]
// CHECK-NEXT: {{.*}}[-6, -12, 11, -21, -18, -14, -14, -12, 21, 23, 3, 0, 12, 2, -1, -15, 5, 4, 6, -10, 6, 6, 2, -20, 3, -6, -13, 2, -15]
// CHECK-NEXT: {{.*}}[7, -2, 1, 5, 7, 6, 5, -2, -8, -8, -7, 10, 2, -4, 0, 12, 1, 1, -10, 9, 1, -10, -10, 6, 7, -1, 16, 1, 4]
// CHECK-NEXT: {{.*}}[-8, -18, 9, 0, -7, 10, 9, 17, 30, 3, 7, 1, -28, 9, -13, 8, 6, 15, 5, -12, -9, -20, -5, 23, 11, 8, 11, 17, -6]
// CHECK-NEXT: {{.*}}[-5, 8, -2, 11, 0, -10, 6, -15, -23, -7, -15, 1, 18, -12, 15, -4, -6, 5, -10, 6, 17, 6, 6, -14, 8, -15, -7, -3, 2]
// CHECK-NEXT: {{.*}}[4, -15, 20, 1, -8, 8, 9, -8, 19, 11, -4, 17, 4, -6, -10, 10, -5, 21, -15, -13, 7, -19, -8, -5, 22, -10, 19, 16, -14]
// CHECK-NEXT: {{.*}}[11, 3, -15, -8, 2, -1, -2, 1, -9, -7, 19, 0, 3, 0, 1, -4, 3, -24, 17, 12, -10, 1, -5, 0, -8, 24, -7, -11, 16]
// matmul, 29 columns, dynamic rows
// CHECK: {{.*}}[16, 2, 11, -1, 1, 7, 8, -19, 1, 9, 9, 17, 23, -10, -8, 7, -12, -2, -18, -8, 4, -10, -3, -21, 12, -3, 13, 6, -5]
// CHECK-NEXT: {{.*}}[11, -4, -11, 6, -17, 7, -4, 20, 6, 0, 10, -6, -15, -6, -3, -17, -14, 11, 44, -10, -3, 14, 1, 1, -12, 18, -20, -13, 5]
// CHECK-NEXT: {{.*}}[-5, -7, 17, -11, 9, 3, -9, -2, 17, 11, -12, 5, -3, 12, -9, 15, 13, 4, -27, -1, -4, -9, -7, 8, 2, -16, 23, 11, -15]
// CHECK-NEXT: {{.*}}[8, -15, 10, -11, -7, 4, -10, 1, 17, 11, -4, 10, -1, 1, -8, 3, 4, 9, 3, -2, -1, -5, -13, 0, 3, -1, 11, 1, -9]
// CHECK-NEXT: {{.*}}[3, -11, 7, -2, -14, 0, 11, -9, 12, 7, 12, 10, 7, -8, -4, -3, -6, 7, 4, -10, 5, -13, -2, -11, 18, 6, -1, 9, -3]
// CHECK-NEXT: {{.*}}[13, 13, -10, 14, 6, 11, 10, 5, -14, -10, 11, 0, 0, -7, -2, 1, -15, -6, 7, -2, -4, 3, 4, -1, -6, 11, -2, -6, 11]
// CHECK-NEXT: {{.*}}[-4, 1, -3, 0, 4, -15, 0, -20, -26, -10, -19, 7, 22, -9, 18, 2, 8, -5, -15, 22, 15, -1, -6, -9, 11, -12, 2, -5, 6]
// CHECK-NEXT: {{.*}}[-6, -12, 11, -21, -18, -14, -14, -12, 21, 23, 3, 0, 12, 2, -1, -15, 5, 4, 6, -10, 6, 6, 2, -20, 3, -6, -13, 2, -15]
// CHECK-NEXT: {{.*}}[7, -2, 1, 5, 7, 6, 5, -2, -8, -8, -7, 10, 2, -4, 0, 12, 1, 1, -10, 9, 1, -10, -10, 6, 7, -1, 16, 1, 4]
// CHECK-NEXT: {{.*}}[-8, -18, 9, 0, -7, 10, 9, 17, 30, 3, 7, 1, -28, 9, -13, 8, 6, 15, 5, -12, -9, -20, -5, 23, 11, 8, 11, 17, -6]
// CHECK-NEXT: {{.*}}[-5, 8, -2, 11, 0, -10, 6, -15, -23, -7, -15, 1, 18, -12, 15, -4, -6, 5, -10, 6, 17, 6, 6, -14, 8, -15, -7, -3, 2]
// CHECK-NEXT: {{.*}}[4, -15, 20, 1, -8, 8, 9, -8, 19, 11, -4, 17, 4, -6, -10, 10, -5, 21, -15, -13, 7, -19, -8, -5, 22, -10, 19, 16, -14]
// CHECK-NEXT: {{.*}}[11, 3, -15, -8, 2, -1, -2, 1, -9, -7, 19, 0, 3, 0, 1, -4, 3, -24, 17, 12, -10, 1, -5, 0, -8, 24, -7, -11, 16]
// pad of a ReLU
// CHECK: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 2, 0, 0, 0, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 0, 2, 3, 1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 0, 0, 0, 0, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 1, 0, 0, 0, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 1, 2, 0, 0, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 0, 0, 3, 0, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 0, 0, 1, 1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 0, 2, 2, 3, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 2, 0, 0, 1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 1, 1, 3, 0, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 3, 0, 0, 3, -1]
// CHECK-NEXT: {{.*}}[-1, -1, 3, 0, 0, 0, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// CHECK-NEXT: {{.*}}[-1, -1, -1, -1, -1, -1, -1]
// conv 3x3 pad 1 + per-channel bias, dynamic batch
// CHECK: {{.*}}[5, 7, -6, -4, 2, 3]
// CHECK-NEXT: {{.*}}[-6, 0, -3, -1, 12, 8]
// CHECK-NEXT: {{.*}}[4, -7, 4, -7, 9, -2]
// CHECK-NEXT: {{.*}}[14, 9, 4, -7, -5, -13]
// CHECK-NEXT: {{.*}}[4, -2, 10, 4, -6, 5]
// CHECK-NEXT: {{.*}}[3, -12, 1, 8, 1, -3]
// CHECK-NEXT: {{.*}}[-9, -9, 2, 8, 5, -2]
// CHECK-NEXT: {{.*}}[5, 0, 4, -4, -12, -8]
// CHECK-NEXT: {{.*}}[2, -24, 0, -12, 7, -3]
// CHECK-NEXT: {{.*}}[-3, -13, 11, -2, -9, -6]
// CHECK-NEXT: {{.*}}[-11, -6, 20, -5, -20, 4]
// CHECK-NEXT: {{.*}}[-8, -4, 3, -5, -4, 8]
// CHECK-NEXT: {{.*}}[-10, -8, 8, 18, 17, 11]
// CHECK-NEXT: {{.*}}[-6, 6, 7, 0, -3, -5]
// CHECK-NEXT: {{.*}}[-2, -3, 5, -5, 1, 5]
// CHECK-NEXT: {{.*}}[-4, -13, 9, 0, 17, 7]
// CHECK-NEXT: {{.*}}[-3, -10, 13, 9, 10, 4]
// CHECK-NEXT: {{.*}}[-4, -4, 3, -3, -7, 13]
// CHECK-NEXT: {{.*}}[4, -3, -4, -11, -13, -5]
// CHECK-NEXT: {{.*}}[5, -6, 1, -7, -2, -11]
// CHECK-NEXT: {{.*}}[3, -12, 10, -5, 7, -12]
// CHECK-NEXT: {{.*}}[19, -10, 7, -11, -12, -10]
// CHECK-NEXT: {{.*}}[15, -9, 4, -4, -13, 0]
// CHECK-NEXT: {{.*}}[1, -10, 4, 7, -11, -2]
// CHECK-NEXT: {{.*}}[6, 8, 2, 16, 13, 17]
// CHECK-NEXT: {{.*}}[7, 10, 8, 0, -3, -8]
// CHECK-NEXT: {{.*}}[13, 17, 9, 4, 4, -6]
// CHECK-NEXT: {{.*}}[14, 8, -2, -6, -5, 2]
// CHECK-NEXT: {{.*}}[13, 8, 18, 15, 17, 10]
// CHECK-NEXT: {{.*}}[2, -3, 9, 6, -4, 0]
// CHECK-NEXT: {{.*}}[-6, -12, 0, -8, -5, -7]
// CHECK-NEXT: {{.*}}[8, -18, -14, -3, -12, 2]
// CHECK-NEXT: {{.*}}[-3, -4, 4, 0, -4, -8]
// CHECK-NEXT: {{.*}}[1, -23, -2, 1, -5, -7]
// CHECK-NEXT: {{.*}}[7, -12, -14, 0, -2, -6]
// CHECK-NEXT: {{.*}}[-3, -10, -12, -1, -12, -1]
// CHECK-NEXT: {{.*}}[11, 5, 7, 9, -10, 3]
// CHECK-NEXT: {{.*}}[20, 4, 8, 10, 3, 16]
// CHECK-NEXT: {{.*}}[9, -5, 11, 13, 18, 11]
// CHECK-NEXT: {{.*}}[6, 5, 17, 27, 9, 5]
// CHECK-NEXT: {{.*}}[9, 8, 2, 8, -11, 1]
// CHECK-NEXT: {{.*}}[12, 12, 2, 10, 13, 18]
// CHECK-NEXT: {{.*}}[9, -2, -1, 5, -4, -11]
// CHECK-NEXT: {{.*}}[-1, -1, -8, 2, 7, 2]
// CHECK-NEXT: {{.*}}[-1, -9, 8, -7, -4, -5]
// CHECK-NEXT: {{.*}}[3, 5, 4, 1, 5, -11]
// CHECK-NEXT: {{.*}}[2, 7, 3, 5, -15, 13]
// CHECK-NEXT: {{.*}}[2, -3, -7, -1, 19, 1]
// CHECK-NEXT: {{.*}}[-19, -7, 5, -6, -11, 3]
// CHECK-NEXT: {{.*}}[3, 16, -9, -2, -8, -8]
// CHECK-NEXT: {{.*}}[-7, 1, -20, -17, 15, 14]
// CHECK-NEXT: {{.*}}[-9, 3, 3, 6, 0, -4]
// CHECK-NEXT: {{.*}}[3, -1, -2, 15, 2, 3]
// CHECK-NEXT: {{.*}}[-7, -6, -4, -3, 3, -6]
// CHECK-NEXT: {{.*}}[9, -7, -10, -2, 0, 8]
// CHECK-NEXT: {{.*}}[6, 29, 6, 6, 8, 1]
// CHECK-NEXT: {{.*}}[-1, 16, 11, -4, 11, 10]
// CHECK-NEXT: {{.*}}[-6, -3, 4, 3, 15, 17]
// CHECK-NEXT: {{.*}}[-1, 17, 8, 13, 0, 0]
// CHECK-NEXT: {{.*}}[-6, 3, 7, 9, -8, 1]
// CHECK-NEXT: {{.*}}[-3, -2, 0, 6, -5, -5]
// CHECK-NEXT: {{.*}}[-9, -2, -15, 5, 1, -9]
// CHECK-NEXT: {{.*}}[-18, -5, -6, -17, 0, -7]
// CHECK-NEXT: {{.*}}[-10, 10, -1, -10, -22, -10]
// CHECK-NEXT: {{.*}}[1, 3, -16, -11, -7, 7]
// CHECK-NEXT: {{.*}}[-7, -1, -14, -11, 0, -7]
// CHECK-NEXT: {{.*}}[3, -13, 0, -1, -9, 0]
// CHECK-NEXT: {{.*}}[8, 6, 3, 18, 5, 8]
// CHECK-NEXT: {{.*}}[2, 14, 4, 3, 0, -5]
// CHECK-NEXT: {{.*}}[3, -4, 4, -6, 1, 9]
// CHECK-NEXT: {{.*}}[19, 20, 6, 3, 11, 11]
// CHECK-NEXT: {{.*}}[-2, -6, -1, 8, 6, 0]
// CHECK-NEXT: {{.*}}[-11, 1, -9, -7, 2, -7]
// CHECK-NEXT: {{.*}}[-9, -3, 2, -12, -5, -6]
// CHECK-NEXT: {{.*}}[-17, 6, 3, -1, -13, -3]
// CHECK-NEXT: {{.*}}[-20, -10, -6, -10, -13, -4]
// CHECK-NEXT: {{.*}}[-8, 4, -17, -15, -7, 0]
// CHECK-NEXT: {{.*}}[-11, -4, 0, -9, -16, -5]
// CHECK-NEXT: {{.*}}[-6, 11, 14, 8, 21, 14]
// CHECK-NEXT: {{.*}}[5, 16, 5, -5, -9, -3]
// CHECK-NEXT: {{.*}}[6, 16, 2, 6, 9, 20]
// CHECK-NEXT: {{.*}}[-6, 10, 10, 12, -3, 8]
// CHECK-NEXT: {{.*}}[1, 3, 7, 2, 2, 10]
// CHECK-NEXT: {{.*}}[14, 16, 13, -6, 11, 13]
// concat(neg(y), relu(x))
// CHECK: {{.*}}[2, -0, 2]
// CHECK-NEXT: {{.*}}[-3, 2, -3]
// CHECK-NEXT: {{.*}}[1, 2, 0]
// CHECK-NEXT: {{.*}}[2, 0, 0]
// CHECK-NEXT: {{.*}}[1, 0, 3]
// CHECK-NEXT: {{.*}}[0, 0, 0]
// CHECK-NEXT: {{.*}}[-2, -2, 3]
// CHECK-NEXT: {{.*}}[1, -1, -0]
// CHECK-NEXT: {{.*}}[0, 0, 0]
// CHECK-NEXT: {{.*}}[0, 0, 0]
// CHECK-NEXT: {{.*}}[0, 3, 0]
// CHECK-NEXT: {{.*}}[1, 2, 0]
// conv_dil2 (torch.nn.functional.conv2d with dilation=2)
// CHECK: {{.*}}[-1, 1]
// CHECK-NEXT: {{.*}}[12, 1]
// CHECK-NEXT: {{.*}}[-2, 1]
// CHECK-NEXT: {{.*}}[-9, 4]
// CHECK-NEXT: {{.*}}[-7, 2]
// CHECK-NEXT: {{.*}}[-13, 3]
// CHECK-NEXT: {{.*}}[0, -2]
// CHECK-NEXT: {{.*}}[8, 4]
// CHECK-NEXT: {{.*}}[0, -25]
// CHECK-NEXT: {{.*}}[-1, -6]
// CHECK-NEXT: {{.*}}[6, 3]
// CHECK-NEXT: {{.*}}[3, 5]
// CHECK-NEXT: {{.*}}[7, 15]
// CHECK-NEXT: {{.*}}[-3, 9]
// CHECK-NEXT: {{.*}}[-5, 3]
// CHECK-NEXT: {{.*}}[-9, -11]
// CHECK-NEXT: {{.*}}[7, -9]
// CHECK-NEXT: {{.*}}[-26, 4]
// CHECK-NEXT: {{.*}}[5, 0]
// CHECK-NEXT: {{.*}}[1, -9]
// CHECK-NEXT: {{.*}}[8, -4]
// CHECK-NEXT: {{.*}}[-9, -18]
// CHECK-NEXT: {{.*}}[3, -5]
// CHECK-NEXT: {{.*}}[-5, 5]
// CHECK-NEXT: {{.*}}[1, 4]
// CHECK-NEXT: {{.*}}[6, -5]
// CHECK-NEXT: {{.*}}[2, -9]
// CHECK-NEXT: {{.*}}[-1, 6]
