// The text model's tokens of known kernels: op names (op variant), plus
// types with bucketed sizes, attributes, maps (op+operand), and the choice.

// RUN: dfg-cost-text tokens --variant op %s | FileCheck %s --check-prefix=OP
// RUN: dfg-cost-text tokens --variant op+operand %s | FileCheck %s --check-prefix=OPERAND
// RUN: not dfg-cost-text tokens --variant words %s 2>&1 | FileCheck %s --check-prefix=VARIANT

// OP: matmul: linalg.matmul arith.mulf arith.addf linalg.yield tile_m=6 tile_n=16 pack_rhs=0 im2col=1 vector_bits=256
// OPERAND: matmul: linalg.matmul ins tensor 12 ~2^6 f32 tensor ~2^6 ~2^7.5 f32 outs tensor 12 ~2^7.5 f32 { f32 f32 f32 arith.mulf f32 f32 -> f32 arith.addf f32 f32 -> f32 linalg.yield f32 } tile_m=6 tile_n=16 pack_rhs=0 im2col=1 vector_bits=256
func.func @matmul(%a: tensor<12x64xf32>, %b: tensor<64x180xf32>) -> tensor<12x180xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<12x180xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<12x180xf32>) -> tensor<12x180xf32>
  %r = linalg.matmul ins(%a, %b : tensor<12x64xf32>, tensor<64x180xf32>) outs(%f : tensor<12x180xf32>) -> tensor<12x180xf32>
  return %r : tensor<12x180xf32>
}

// OP: conv: linalg.conv_2d_nchw_fchw arith.mulf arith.addf linalg.yield
// OPERAND: conv: linalg.conv_2d_nchw_fchw dilations 1 1 strides 2 2 ins tensor 1 3 ~2^7 ~2^7 f32 tensor 8 3 3 3 f32 outs tensor 1 8 ~2^6 ~2^6 f32 {
func.func @conv(%x: tensor<1x3x129x129xf32>, %w: tensor<8x3x3x3xf32>, %init: tensor<1x8x64x64xf32>) -> tensor<1x8x64x64xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %w : tensor<1x3x129x129xf32>, tensor<8x3x3x3xf32>) outs(%init : tensor<1x8x64x64xf32>) -> tensor<1x8x64x64xf32>
  return %r : tensor<1x8x64x64xf32>
}

// A generic reads as its iterators and maps; the body's math ops count.
// OP: rowsum: linalg.generic math.exp arith.addf linalg.yield tile_m=6
// OPERAND: rowsum: linalg.generic parallel reduction map d0 d1 map d0 ins tensor 4 ? f32 outs tensor 4 f32 { f32 f32 math.exp f32 -> f32 arith.addf f32 f32 -> f32 linalg.yield f32 } tile_m=6
#rows = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
func.func @rowsum(%x: tensor<4x?xf32>, %init: tensor<4xf32>) -> tensor<4xf32> {
  %r = linalg.generic {indexing_maps = [#rows, #row], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x?xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %e = math.exp %in : f32
    %s = arith.addf %e, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// VARIANT: dfg-cost-text: error: --variant must be 'op' or 'op+operand'
