// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-tile-contractions,canonicalize))' | FileCheck %s
// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-tile-contractions{pack-rhs=false},canonicalize))' | FileCheck %s --check-prefix=NOPACK
// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-tile-contractions{tile-m=4 tile-n=8 tile-k=2},canonicalize))' | FileCheck %s --check-prefix=SMALL
// RUN: not dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-tile-contractions{tile-m=0}))' 2>&1 | FileCheck %s --check-prefix=ERR

// ERR: dfg-tile-contractions: tile sizes must be positive, got tile-m=0 tile-n=16 tile-k=1

// n outside m; 64 = 10 * 6 + 4: the m loop is peeled into full 6x16 tiles
// and one 4x16 tile. Every tile is a matmul over one k step, marked with the
// vector sizes (m, n, k) it is to be vectorized with. The n and m loops,
// whose iterations write disjoint tiles, are marked parallel; the k loop
// is not.
// CHECK-LABEL: func.func @matmul_static
//       CHECK:   scf.for %{{.*}} = %c0 to %c64 step %c16
//       CHECK:     scf.for %{{.*}} = %c0 to %c60 step %c6
//       CHECK:       scf.for %{{.*}} = %c0 to %c32 step %c1
//       CHECK:         linalg.matmul {dfg.vector_sizes = array<i64: 6, 16, 1>} ins({{.*}} : tensor<6x1xf32>, tensor<1x16xf32>) outs({{.*}} : tensor<6x16xf32>)
//  CHECK-NEXT:         scf.yield
//  CHECK-NEXT:       }{{$}}
//       CHECK:     } {dfg.parallel}
//       CHECK:     scf.for %{{.*}} = %c0 to %c32 step %c1
//       CHECK:       linalg.matmul {dfg.vector_sizes = array<i64: 6, 16, 1>} ins({{.*}} : tensor<4x1xf32>, tensor<1x16xf32>) outs({{.*}} : tensor<4x16xf32>)
//       CHECK:   } {dfg.parallel}
// With other tile sizes: 64 = 16 * 4 rows, 8 columns, 2 k steps.
// SMALL-LABEL: func.func @matmul_static
//       SMALL:   scf.for %{{.*}} = %c0 to %c64 step %c8
//       SMALL:     scf.for %{{.*}} = %c0 to %c64 step %c4
//       SMALL:       scf.for %{{.*}} = %c0 to %c32 step %c2
//       SMALL:         linalg.matmul {dfg.vector_sizes = array<i64: 4, 8, 2>} ins({{.*}} : tensor<4x2xf32>, tensor<2x8xf32>) outs({{.*}} : tensor<4x8xf32>)

func.func @matmul_static(%a: tensor<64x32xf32>, %b: tensor<32x64xf32>, %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// 77 = 4 * 16 + 13. Rows of 77 floats straddle cache lines: the 32x16 panel
// of each full column is packed (a marked copy) before the m loop; the
// partial column of 13 is split into tiles of 8, 4 and 1 columns.
// CHECK-LABEL: func.func @matmul_odd_width
//       CHECK:   scf.for %{{.*}} = %c0 to %c64 step %c16
//       CHECK:     tensor.empty() : tensor<32x16xf32>
//       CHECK:     linalg.copy {dfg.vector_sizes = array<i64: 1, 16>} {{.*}} -> tensor<1x16xf32>
//       CHECK:     scf.for %{{.*}} = %c0 to %c12 step %c6
//   CHECK-NOT:   linalg.matmul {{.*}} outs({{.*}} : tensor<6x13xf32>)
//       CHECK:   linalg.matmul {{.*}} outs({{.*}} : tensor<6x8xf32>)
//   CHECK-NOT:   linalg.matmul {{.*}} outs({{.*}} : tensor<6x13xf32>)
//       CHECK:   linalg.matmul {{.*}} outs({{.*}} : tensor<6x4xf32>)
//       CHECK:   linalg.matmul {{.*}} outs({{.*}} : tensor<6x1xf32>)
// NOPACK-LABEL: func.func @matmul_odd_width
//   NOPACK-NOT:   linalg.copy
//       NOPACK:   linalg.matmul {{.*}} outs({{.*}} : tensor<6x16xf32>)

func.func @matmul_odd_width(%a: tensor<12x32xf32>, %b: tensor<32x77xf32>, %c: tensor<12x77xf32>) -> tensor<12x77xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<12x32xf32>, tensor<32x77xf32>) outs(%c : tensor<12x77xf32>) -> tensor<12x77xf32>
  return %r : tensor<12x77xf32>
}

// -----

// A run-time number of columns (a convolution's OH*OW pixels): full 6x16
// tiles, then the partial column of 1 to 15 columns as static tiles of 8,
// 4, 2 and 1 columns, each in a loop that runs when its bit of the width is
// set (no masks, the accumulator stays in registers).
// CHECK-LABEL: func.func @matmul_dynamic_columns
//       CHECK:   scf.for %{{.*}} = %c0 to %{{.*}} step %c16
//       CHECK:     linalg.matmul {dfg.vector_sizes = array<i64: 6, 16, 1>} {{.*}} outs({{.*}} : tensor<6x16xf32>)
//       CHECK:   scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c16
//       CHECK:     %[[LOW:.*]] = arith.andi %[[W:.*]], %c-16
//       CHECK:     %[[BIT:.*]] = arith.andi %[[W]], %c8
//       CHECK:     %[[HIGH:.*]] = arith.addi %[[LOW]], %[[BIT]]
//       CHECK:     scf.for %{{.*}} = %[[LOW]] to %[[HIGH]] step %c8
//       CHECK:       linalg.matmul {{.*}} outs({{.*}} : tensor<6x8xf32>)
//       CHECK:     scf.for %{{.*}} step %c4
//       CHECK:       linalg.matmul {{.*}} outs({{.*}} : tensor<6x4xf32>)
//       CHECK:     scf.for %{{.*}} step %c2
//       CHECK:       linalg.matmul {{.*}} outs({{.*}} : tensor<6x2xf32>)
//       CHECK:     scf.for %{{.*}} step %c1
//       CHECK:       linalg.matmul {{.*}} outs({{.*}} : tensor<6x1xf32>)
//   CHECK-NOT:   linalg.matmul {{.*}} outs({{.*}} : tensor<6x?xf32>)

func.func @matmul_dynamic_columns(%a: tensor<6x7xf32>, %b: tensor<7x?xf32>, %c: tensor<6x?xf32>) -> tensor<6x?xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<6x7xf32>, tensor<7x?xf32>) outs(%c : tensor<6x?xf32>) -> tensor<6x?xf32>
  return %r : tensor<6x?xf32>
}

// -----

// A run-time number of rows: the zero fill that initializes the
// accumulator is fused into each tile (marked like it); the partial tile of
// 1 to 5 rows runs row by row as 1x16 tiles.
// CHECK-LABEL: func.func @matmul_dynamic_rows
//       CHECK:   scf.for %{{.*}} = %c0 to %{{.*}} step %c6
//       CHECK:     linalg.fill {dfg.vector_sizes = array<i64: 6, 16>} {{.*}} -> tensor<6x16xf32>
//       CHECK:     linalg.matmul {dfg.vector_sizes = array<i64: 6, 16, 1>}
//       CHECK:   scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c6
//       CHECK:     linalg.fill {{.*}} -> tensor<?x16xf32>
//       CHECK:     scf.for %{{.*}} = %c0 to %{{.*}} step %c1
//       CHECK:       scf.for %{{.*}} = %c0 to %c7 step %c1
//       CHECK:         linalg.matmul {dfg.vector_sizes = array<i64: 1, 16, 1>} {{.*}} outs({{.*}} : tensor<1x16xf32>)

func.func @matmul_dynamic_rows(%a: tensor<?x7xf32>, %b: tensor<7x16xf32>) -> tensor<?x16xf32> {
  %z = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %m = tensor.dim %a, %c0 : tensor<?x7xf32>
  %e = tensor.empty(%m) : tensor<?x16xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<?x16xf32>) -> tensor<?x16xf32>
  %r = linalg.matmul ins(%a, %b : tensor<?x7xf32>, tensor<7x16xf32>) outs(%f : tensor<?x16xf32>) -> tensor<?x16xf32>
  return %r : tensor<?x16xf32>
}
