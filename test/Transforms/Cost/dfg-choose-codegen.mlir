// RUN: dfg-opt %s -split-input-file --dfg-choose-codegen=profile=%S/Inputs/portable-profile.json -verify-diagnostics | FileCheck %s
// RUN: dfg-opt %s -split-input-file --dfg-choose-codegen="profile=%S/Inputs/portable-profile.json tile-m=12 tile-n=32 pack-rhs=false" 2>&1 | FileCheck %s --check-prefix=FIXED
// RUN: dfg-opt %s -split-input-file --dfg-choose-codegen="profile=%S/Inputs/portable-profile.json min-gain=0.7" 2>&1 | FileCheck %s --check-prefix=GAIN
// RUN: dfg-opt %s -split-input-file --dfg-choose-codegen="profile=%S/Inputs/portable-profile.json remarks=false" 2>&1 | FileCheck %s --check-prefix=QUIET
// RUN: dfg-opt %s -split-input-file --dfg-choose-codegen=profile=%S/Inputs/portable-profile.json > %t.first 2>&1
// RUN: dfg-opt %s -split-input-file --dfg-choose-codegen=profile=%S/Inputs/portable-profile.json > %t.second 2>&1
// RUN: diff %t.first %t.second

// The choices follow from the test profile's round numbers (Inputs/
// portable-profile.json: 8 GFLOP/s with 256-bit vectors, L1 (32 KiB) at
// 1 GB/s, L2 (1 MiB) at 0.5 GB/s). Its slow caches make these kernels
// memory-bound, so the widest tiles win: they re-read the operands least.
// Running twice gives the same output (the diff above).

// QUIET-NOT: remark:

// 64^3: 12x32 tiles re-read the 16 KiB left-hand side twice rather than
// four times (6x16 tiles), and their 49 KB working set (A, B, C) sits in
// L2 either way. Packing the right-hand side copies it for nothing: its
// rows (64 floats) are whole vectors.
// CHECK-LABEL: func.func @matmul
//       CHECK:   linalg.matmul {dfg.codegen = {pack_rhs = false, tile_m = 12 : i64, tile_n = 32 : i64}}
// With that as the fixed rule, the fixed rule is kept.
// FIXED: remark: dfg-choose-codegen: chose tile_m=12 tile_n=32 pack_rhs=false (the fixed rule): 215.296 us by the analytic model; fastest of 36: 12x32 215.296 us
// A gain below min-gain (61% < 70%) keeps the fixed rule.
// GAIN: remark: dfg-choose-codegen: chose tile_m=6 tile_n=16 pack_rhs=true (the fixed rule): 346.176 us by the analytic model; the fastest candidate is only 1.61x faster, below min-gain; fastest of 36: 12x32 215.296 us
// GAIN: linalg.matmul {dfg.codegen = {pack_rhs = true, tile_m = 6 : i64, tile_n = 16 : i64}}
// QUIET-LABEL: func.func @matmul
//       QUIET:   linalg.matmul {dfg.codegen = {pack_rhs = false, tile_m = 12 : i64, tile_n = 32 : i64}}
func.func @matmul(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>, %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  // expected-remark @+1 {{dfg-choose-codegen: chose tile_m=12 tile_n=32 pack_rhs=false: 215.296 us by the analytic model; fixed rule tile_m=6 tile_n=16 pack_rhs=true: 346.176 us, 1.61x slower; fastest of 36: 12x32 215.296 us, 12x32 packed 231.680 us, 8x32 247.808 us; why: contraction 215.296 us, memory-bound: compute 131.072 us (524 KFLOP at 4 GFLOP/s, 256-bit vectors, efficiency 0.50); memory 212.992 us (164 KB moved, working set 49.2 KB in L2 at 500 MB/s); overhead 2.304 us}}
  %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// A 3x3 convolution has a 37th candidate, the direct loops, predicted far
// slower (scalar code); the choice records im2col too.
// CHECK-LABEL: func.func @conv3x3
//       CHECK:   linalg.conv_2d_nchw_fchw {dfg.codegen = {im2col = true, pack_rhs = false, tile_m = 8 : i64, tile_n = 32 : i64}
func.func @conv3x3(%x: tensor<1x8x10x10xf32>, %w: tensor<16x8x3x3xf32>, %o: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-remark @+1 {{chose tile_m=8 tile_n=32 pack_rhs=false im2col=true: 76.416 us by the analytic model; fixed rule tile_m=6 tile_n=16 pack_rhs=true im2col=true: 149.184 us, 1.95x slower; fastest of 37: 8x32 76.416 us, 12x32 76.672 us, 8x16 85.632 us; why: convolution 76.416 us}}
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x8x10x10xf32>, tensor<16x8x3x3xf32>) outs(%o : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %r : tensor<1x16x8x8xf32>
}

// -----

// A 1x1 unit-stride convolution is its own im2col: 36 candidates.
// CHECK-LABEL: func.func @pointwise
//       CHECK:   linalg.conv_2d_nchw_fchw {dfg.codegen = {im2col = true, pack_rhs = false, tile_m = 8 : i64, tile_n = 32 : i64}
func.func @pointwise(%x: tensor<1x8x10x10xf32>, %w: tensor<16x8x1x1xf32>, %o: tensor<1x16x10x10xf32>) -> tensor<1x16x10x10xf32> {
  // expected-remark @+1 {{fastest of 36: 8x32 23.872 us}}
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x8x10x10xf32>, tensor<16x8x1x1xf32>) outs(%o : tensor<1x16x10x10xf32>) -> tensor<1x16x10x10xf32>
  return %r : tensor<1x16x10x10xf32>
}

// -----

// Candidates predicted equal keep their order in the candidate set (tile_n
// 8 before 16): the choice does not depend on anything else.
// CHECK-LABEL: func.func @batch_matmul
//       CHECK:   linalg.batch_matmul {dfg.codegen = {pack_rhs = false, tile_m = 8 : i64, tile_n = 8 : i64}}
func.func @batch_matmul(%a: tensor<4x8x16xf32>, %b: tensor<4x16x8xf32>, %c: tensor<4x8x8xf32>) -> tensor<4x8x8xf32> {
  // expected-remark @+1 {{fastest of 36: 8x8 6.272 us, 8x16 packed 6.272 us, 8x16 6.272 us}}
  %r = linalg.batch_matmul ins(%a, %b : tensor<4x8x16xf32>, tensor<4x16x8xf32>) outs(%c : tensor<4x8x8xf32>) -> tensor<4x8x8xf32>
  return %r : tensor<4x8x8xf32>
}

// -----

// An op that already has a choice keeps it; other kernels (elementwise)
// have no choice to make: no attribute, no remark.
// CHECK-LABEL: func.func @kept_and_elementwise
//       CHECK:   linalg.matmul {dfg.codegen = {tile_m = 2 : i64}}
//       CHECK:   linalg.add ins
//   CHECK-NOT:   dfg.codegen
func.func @kept_and_elementwise(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>, %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul {dfg.codegen = {tile_m = 2 : i64}} ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  %s = linalg.add ins(%r, %a : tensor<64x64xf32>, tensor<64x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %s : tensor<64x64xf32>
}
