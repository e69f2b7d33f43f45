// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-tile-contractions,canonicalize))' | FileCheck %s --check-prefix=TILE
// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-conv-to-contraction,canonicalize))' | FileCheck %s --check-prefix=CONV
// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-conv-to-contraction{im2col=false},canonicalize))' | FileCheck %s --check-prefix=NOIM2COL
// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-specialize-contractions))' | FileCheck %s --check-prefix=SPEC

// A contraction's dfg.codegen wins over dfg-tile-contractions' options
// (6x16 tiles by default): 4x8 tiles here, the next matmul keeps 6x16. The
// choice is spent by the tiling: no tile carries it.
// TILE-LABEL: func.func @tile_sizes
//       TILE:   scf.for %{{.*}} = %c0 to %c64 step %c8
//       TILE:     scf.for %{{.*}} = %c0 to %c64 step %c4
//       TILE:         linalg.matmul {dfg.vector_sizes = array<i64: 4, 8, 1>} ins({{.*}} : tensor<4x1xf32>, tensor<1x8xf32>)
//       TILE:   scf.for %{{.*}} = %c0 to %c64 step %c16
//       TILE:     scf.for %{{.*}} = %c0 to %c60 step %c6
//       TILE:         linalg.matmul {dfg.vector_sizes = array<i64: 6, 16, 1>} ins({{.*}} : tensor<6x1xf32>, tensor<1x16xf32>)
//   TILE-NOT:   dfg.codegen
func.func @tile_sizes(%a: tensor<64x32xf32>, %b: tensor<32x64xf32>, %c: tensor<64x64xf32>) -> (tensor<64x64xf32>, tensor<64x64xf32>) {
  %r = linalg.matmul {dfg.codegen = {tile_m = 4 : i64, tile_n = 8 : i64}} ins(%a, %b : tensor<64x32xf32>, tensor<32x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  %s = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r, %s : tensor<64x64xf32>, tensor<64x64xf32>
}

// -----

// pack_rhs = false: rows of 77 floats straddle cache lines, which the
// option (pack-rhs=true by default) would pack; this matmul's choice
// says not to.
// TILE-LABEL: func.func @no_packing
//   TILE-NOT:   linalg.copy
//       TILE:   linalg.matmul {{.*}} outs({{.*}} : tensor<6x16xf32>)
func.func @no_packing(%a: tensor<12x32xf32>, %b: tensor<32x77xf32>, %c: tensor<12x77xf32>) -> tensor<12x77xf32> {
  %r = linalg.matmul {dfg.codegen = {pack_rhs = false}} ins(%a, %b : tensor<12x32xf32>, tensor<32x77xf32>) outs(%c : tensor<12x77xf32>) -> tensor<12x77xf32>
  return %r : tensor<12x77xf32>
}

// -----

// pack_rhs = true with 32-column tiles: each panel is packed with copies
// vectorized along the tile's own width.
// TILE-LABEL: func.func @packing_wide_tiles
//       TILE:   scf.for %{{.*}} = %c0 to %c64 step %c32
//       TILE:     tensor.empty() : tensor<32x32xf32>
//       TILE:     linalg.copy {dfg.vector_sizes = array<i64: 1, 32>} {{.*}} -> tensor<1x32xf32>
//       TILE:     linalg.matmul {dfg.vector_sizes = array<i64: 6, 32, 1>}
func.func @packing_wide_tiles(%a: tensor<12x32xf32>, %b: tensor<32x77xf32>, %c: tensor<12x77xf32>) -> tensor<12x77xf32> {
  %r = linalg.matmul {dfg.codegen = {tile_n = 32 : i64, pack_rhs = true}} ins(%a, %b : tensor<12x32xf32>, tensor<32x77xf32>) outs(%c : tensor<12x77xf32>) -> tensor<12x77xf32>
  return %r : tensor<12x77xf32>
}

// -----

// A convolution's im2col choice wins over dfg-conv-to-contraction's
// option either way, and its contraction inherits the whole choice (for
// dfg-tile-contractions). @direct stays a convolution even with im2col on;
// @with_im2col is rewritten even with it off (NOIM2COL).
// CONV-LABEL: func.func @direct
//       CONV:   linalg.conv_2d_nchw_fchw {dfg.codegen = {im2col = false}
//   CONV-NOT:   linalg.batch_matmul
// CONV-LABEL: func.func @with_im2col
//   CONV-NOT:   linalg.conv_2d_nchw_fchw
//       CONV:   linalg.batch_matmul indexing_maps = {{.*}} {dfg.codegen = {im2col = true, tile_m = 2 : i64, tile_n = 8 : i64}
// NOIM2COL-LABEL: func.func @direct
//       NOIM2COL:   linalg.conv_2d_nchw_fchw
// NOIM2COL-LABEL: func.func @with_im2col
//   NOIM2COL-NOT:   linalg.conv_2d_nchw_fchw
//       NOIM2COL:   linalg.batch_matmul indexing_maps = {{.*}} {dfg.codegen = {im2col = true, tile_m = 2 : i64, tile_n = 8 : i64}
func.func @direct(%x: tensor<1x2x6x6xf32>, %w: tensor<4x2x3x3xf32>, %o: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %r = linalg.conv_2d_nchw_fchw {dfg.codegen = {im2col = false}, dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>) outs(%o : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %r : tensor<1x4x4x4xf32>
}
func.func @with_im2col(%x: tensor<1x2x6x6xf32>, %w: tensor<4x2x3x3xf32>, %o: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %r = linalg.conv_2d_nchw_fchw {dfg.codegen = {im2col = true, tile_m = 2 : i64, tile_n = 8 : i64}, dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>) outs(%o : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %r : tensor<1x4x4x4xf32>
}

// -----

// A contraction generic's choice moves onto the named op it becomes.
// SPEC-LABEL: func.func @generic_matmul
//       SPEC:   linalg.matmul {dfg.codegen = {pack_rhs = false, tile_m = 12 : i64, tile_n = 32 : i64}}
//   SPEC-NOT:   linalg.generic
#lhs = affine_map<(m, n, k) -> (m, k)>
#rhs = affine_map<(m, n, k) -> (k, n)>
#out = affine_map<(m, n, k) -> (m, n)>
func.func @generic_matmul(%a: tensor<8x4xf32>, %b: tensor<4x16xf32>, %c: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %r = linalg.generic {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<8x4xf32>, tensor<4x16xf32>) outs(%c : tensor<8x16xf32>)
      attrs = {dfg.codegen = {pack_rhs = false, tile_m = 12 : i64, tile_n = 32 : i64}} {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %z, %p : f32
    linalg.yield %s : f32
  } -> tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}
