// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-tile-contractions))' -verify-diagnostics
// RUN: not dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-conv-to-contraction))' 2>&1 | FileCheck %s --check-prefix=CONV

// Malformed dfg.codegen attributes are errors on the op, named after the
// pass that reads them, like bad options; nothing is tiled.

func.func @zero_rows(%a: tensor<8x4xf32>, %b: tensor<4x16xf32>, %c: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // expected-error @+1 {{dfg-tile-contractions: dfg.codegen tile_m must be a positive integer, found 0 : i64}}
  %r = linalg.matmul {dfg.codegen = {tile_m = 0 : i64}} ins(%a, %b : tensor<8x4xf32>, tensor<4x16xf32>) outs(%c : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}

// -----

func.func @float_columns(%a: tensor<8x4xf32>, %b: tensor<4x16xf32>, %c: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // expected-error @+1 {{dfg-tile-contractions: dfg.codegen tile_n must be a positive integer, found 1.600000e+01 : f32}}
  %r = linalg.matmul {dfg.codegen = {tile_n = 16.0 : f32}} ins(%a, %b : tensor<8x4xf32>, tensor<4x16xf32>) outs(%c : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}

// -----

func.func @integer_flag(%a: tensor<8x4xf32>, %b: tensor<4x16xf32>, %c: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // expected-error @+1 {{dfg-tile-contractions: dfg.codegen pack_rhs must be a boolean, found 1 : i64}}
  %r = linalg.matmul {dfg.codegen = {pack_rhs = 1 : i64}} ins(%a, %b : tensor<8x4xf32>, tensor<4x16xf32>) outs(%c : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}

// -----

func.func @unknown_key(%a: tensor<8x4xf32>, %b: tensor<4x16xf32>, %c: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // expected-error @+1 {{dfg-tile-contractions: dfg.codegen has an unknown key 'tile_k' (expected tile_m, tile_n, pack_rhs, im2col)}}
  %r = linalg.matmul {dfg.codegen = {tile_k = 2 : i64}} ins(%a, %b : tensor<8x4xf32>, tensor<4x16xf32>) outs(%c : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}

// -----

func.func @not_a_dictionary(%a: tensor<8x4xf32>, %b: tensor<4x16xf32>, %c: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // expected-error @+1 {{dfg-tile-contractions: dfg.codegen must be a dictionary, found "6x16"}}
  %r = linalg.matmul {dfg.codegen = "6x16"} ins(%a, %b : tensor<8x4xf32>, tensor<4x16xf32>) outs(%c : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}

// -----

// CONV: dfg-conv-to-contraction: dfg.codegen im2col must be a boolean, found "yes"
func.func @conv_string_im2col(%x: tensor<1x2x6x6xf32>, %w: tensor<4x2x3x3xf32>, %o: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %r = linalg.conv_2d_nchw_fchw {dfg.codegen = {im2col = "yes"}, dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>) outs(%o : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %r : tensor<1x4x4x4xf32>
}
