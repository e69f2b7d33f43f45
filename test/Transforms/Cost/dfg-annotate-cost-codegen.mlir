// RUN: dfg-opt %s -split-input-file --dfg-annotate-cost=profile=%S/Inputs/portable-profile.json -verify-diagnostics | FileCheck %s
// RUN: not dfg-opt %s -split-input-file --dfg-choose-codegen=profile=%S/Inputs/portable-profile.json --dfg-annotate-cost=profile=%S/Inputs/portable-profile.json 2>&1 | FileCheck %s --check-prefix=CHOSEN

// An op's dfg.codegen is the choice the code generator will make for it:
// the prediction is for that choice, not the options' (6x16 tiles, whose
// efficiency is 1.00 on this profile; see dfg-annotate-cost-profile.mlir).
// 2x8 tiles: two accumulators hide a quarter of the FMA latency.
// CHECK-LABEL: func.func @chosen_tiles
func.func @chosen_tiles(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>,
                        %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  // expected-remark @+1 {{256-bit vectors, efficiency 0.25}}
  %r = linalg.matmul {dfg.codegen = {tile_m = 2 : i64, tile_n = 8 : i64}}
                     ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                     outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// im2col = false: a 3x3 convolution runs as scalar loops.
// CHECK-LABEL: func.func @direct_conv
func.func @direct_conv(%x: tensor<1x8x10x10xf32>, %w: tensor<16x8x3x3xf32>, %o: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-remark @+1 {{scalar loops}}
  %r = linalg.conv_2d_nchw_fchw {dfg.codegen = {im2col = false}, dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x8x10x10xf32>, tensor<16x8x3x3xf32>) outs(%o : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %r : tensor<1x16x8x8xf32>
}

// -----

// A malformed choice is an error, as for the code generation passes (and
// fails the second RUN line).
func.func @bad_choice(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>,
                      %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  // expected-error @+1 {{dfg-annotate-cost: dfg.codegen tile_n must be a positive integer, found -8 : i64}}
  %r = linalg.matmul {dfg.codegen = {tile_n = -8 : i64}}
                     ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                     outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// After dfg-choose-codegen, the annotated time is the chosen candidate's
// (dfg-choose-codegen.mlir: 215.296 us for 12x32 tiles), not the fixed
// rule's (346.176 us).
// CHOSEN-LABEL: func.func @after_choice
//       CHOSEN:   linalg.matmul {dfg.bytes_read = {{.*}}, dfg.codegen = {pack_rhs = false, tile_m = 12 : i64, tile_n = 32 : i64}, {{.*}}dfg.predicted_time_ns = 2.152960e+05 : f64}
func.func @after_choice(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>, %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  // Alone, annotated for the options' 6x16 tiles (unpacked by default).
  // expected-remark @+1 {{analytic cost: contraction 329.792 us}}
  %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}
