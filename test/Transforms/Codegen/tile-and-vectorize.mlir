// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-tile-and-vectorize))' --split-input-file | FileCheck %s
// RUN: not dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-tile-and-vectorize{tile-m=0}))' --split-input-file 2>&1 | FileCheck %s --check-prefix=ERR

// ERR: tile sizes must be positive, got tile-m=0 tile-n=16 tile-k=1

// dfg-lower-to-llvm's tile-n reaches the pass as it is (0 is the default).
// RUN: not dfg-opt %s --pass-pipeline='builtin.module(dfg-lower-to-llvm{tile-n=-4})' --split-input-file 2>&1 | FileCheck %s --check-prefix=PIPE
// PIPE: error: dfg-tile-contractions: tile sizes must be positive, got tile-m=6 tile-n=-4 tile-k=1

// 64 = 10 * 6 + 4: the m loop is peeled into 10 full 6x16 tiles and one
// 4x16 tile; the accumulator is carried in registers across the k loop.
// Rows of 64 floats are whole vectors: no packing.
// CHECK-LABEL: func.func @matmul_static
//   CHECK-NOT:   tensor.empty
//       CHECK:   scf.for %{{.*}} = %c0 to %c64 step %c16
//       CHECK:     scf.for %{{.*}} = %c0 to %c60 step %c6
//       CHECK:       vector.transfer_read {{.*}} : tensor<6x16xf32>, vector<6x16xf32>
//       CHECK:       scf.for %{{.*}} = %c0 to %c32 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<6x16xf32>)
//   CHECK-COUNT-6:     vector.fma {{.*}} : vector<16xf32>
//       CHECK:         scf.yield {{.*}} : vector<6x16xf32>
//       CHECK:       vector.transfer_write {{.*}} : vector<6x16xf32>, tensor<6x16xf32>
//       CHECK:     scf.for %{{.*}} = %c0 to %c32 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<4x16xf32>)
//   CHECK-COUNT-4:     vector.fma {{.*}} : vector<16xf32>
//   CHECK-NOT:   linalg.matmul
func.func @matmul_static(%a: tensor<64x32xf32>, %b: tensor<32x64xf32>,
                         %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x64xf32>)
                     outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// 77 columns = 4 * 16 + 13: the partial column tile of 13 is split into
// tiles of 8, 4 and 1 columns (machine-sized vectors; a vector of 13 floats
// would be legalized with shuffles and spills at every k step), each
// carrying its accumulator across the k loop.
// The rows of the right-hand side (77 floats) straddle cache lines: the
// 32x16 panel of each full column of tiles is packed into a contiguous
// buffer once, before the m loop whose tiles all read it.
// CHECK-LABEL: func.func @matmul_odd_width
//       CHECK:   %[[P:.*]] = tensor.empty() : tensor<32x16xf32>
//       CHECK:   scf.for %{{.*}} = %c0 to %c64 step %c16
//       CHECK:     %[[PANEL:.*]] = scf.for %{{.*}} = %c0 to %c32 step %c1 iter_args(%{{.*}} = %[[P]]) -> (tensor<32x16xf32>)
//       CHECK:       tensor.insert_slice %{{.*}} : tensor<1x16xf32> into tensor<32x16xf32>
//       CHECK:     scf.for %{{.*}} = %c0 to %c12 step %c6
//       CHECK:       iter_args(%{{.*}} = %{{.*}}) -> (vector<6x16xf32>)
//       CHECK:         tensor.extract_slice %[[PANEL]][%{{.*}}, 0] [1, 16]
//       CHECK:   %[[REST:.*]] = tensor.extract_slice %{{.*}}[0, 64] [32, 13]
//   CHECK-DAG:   tensor.extract_slice %[[REST]][0, 0] [32, 8]
//   CHECK-DAG:   tensor.extract_slice %[[REST]][0, 8] [32, 4]
//   CHECK-DAG:   tensor.extract_slice %[[REST]][0, 12] [32, 1]
//       CHECK:   scf.for %{{.*}} = %c0 to %c12 step %c6
//       CHECK:     iter_args(%{{.*}} = %{{.*}}) -> (vector<6x8xf32>)
//       CHECK:     iter_args(%{{.*}} = %{{.*}}) -> (vector<6x4xf32>)
//       CHECK:     iter_args(%{{.*}} = %{{.*}}) -> (vector<6x1xf32>)
//   CHECK-NOT:   vector<6x13xf32>
//   CHECK-NOT:   linalg.matmul
func.func @matmul_odd_width(%a: tensor<12x32xf32>, %b: tensor<32x77xf32>,
                            %c: tensor<12x77xf32>) -> tensor<12x77xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<12x32xf32>, tensor<32x77xf32>)
                     outs(%c : tensor<12x77xf32>) -> tensor<12x77xf32>
  return %r : tensor<12x77xf32>
}

// -----

// Dynamic batch and rows: batch tiles of 1; the m loop is peeled into
// full 6-row tiles and a partial tile of up to 5 rows, which runs row by
// row as unmasked 1x16 tiles whose accumulator stays in registers across
// the k loop (a masked tile would read and write it at every k step).
// CHECK-LABEL: func.func @batch_matmul_dynamic
//       CHECK:   %[[B:.*]] = tensor.dim %{{.*}}, %c0
//       CHECK:   scf.for %{{.*}} = %c0 to %[[B]] step %c1
//       CHECK:     scf.for
//       CHECK:       vector.transfer_read {{.*}} : tensor<1x6x16xf32>, vector<1x6x16xf32>
//       CHECK:       vector.fma {{.*}} : vector<16xf32>
//       CHECK:     scf.for
//       CHECK:       scf.for %{{.*}} = %c0 to %{{.*}} step %c1 iter_args(%{{.*}} = %{{.*}}) -> (tensor<1x?x16xf32>)
//       CHECK:         vector.transfer_read {{.*}} : tensor<1x1x16xf32>, vector<1x1x16xf32>
//       CHECK:         scf.for %{{.*}} = %c0 to %c8 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<1x1x16xf32>)
//  CHECK-NEXT:           tensor.extract_slice
//   CHECK-NOT:           vector.transfer_write
//       CHECK:           vector.fma {{.*}} : vector<16xf32>
//       CHECK:         vector.transfer_write {{.*}} : vector<1x1x16xf32>, tensor<1x1x16xf32>
//   CHECK-NOT:   vector.create_mask
//   CHECK-NOT:   linalg.batch_matmul
func.func @batch_matmul_dynamic(%a: tensor<?x?x8xf32>, %b: tensor<?x8x16xf32>,
                                %c: tensor<?x?x16xf32>) -> tensor<?x?x16xf32> {
  %r = linalg.batch_matmul ins(%a, %b : tensor<?x?x8xf32>, tensor<?x8x16xf32>)
                           outs(%c : tensor<?x?x16xf32>) -> tensor<?x?x16xf32>
  return %r : tensor<?x?x16xf32>
}

// -----

// Convolutions become an im2col copy in a loop over the filter taps (rows
// vectorized) and a contraction [16, 72] x [1, 72, 100] on the same path as
// matmuls.
// CHECK-LABEL: func.func @conv
//       CHECK:   tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2, 3]] : tensor<16x8x3x3xf32> into tensor<16x72xf32>
//       CHECK:   tensor.empty() : tensor<1x8x3x3x10x10xf32>
//       CHECK:   scf.for %{{.*}} = %c0 to %c3 step %c1
//       CHECK:     scf.for %{{.*}} = %c0 to %c3 step %c1
//       CHECK:       scf.for %{{.*}} = %c0 to %c8 step %c1
//       CHECK:         scf.for %{{.*}} = %c0 to %c10 step %c1
//       CHECK:           tensor.insert_slice %{{.*}} : tensor<1x1x1x10xf32> into tensor<1x8x10x10xf32>
//       CHECK:       tensor.insert_slice %{{.*}} : tensor<1x8x10x10xf32> into tensor<1x8x3x3x10x10xf32>
//   CHECK-NOT:   tensor.insert_slice %{{.*}} : tensor<1x8x10x10xf32> into tensor<1x8x3x3x10x10xf32>
//       CHECK:   tensor.collapse_shape %{{.*}} : tensor<1x8x3x3x10x10xf32> into tensor<1x72x100xf32>
//       CHECK:   scf.for %{{.*}} = %c0 to %c96 step %c16
//       CHECK:     scf.for %{{.*}} = %c0 to %c12 step %c6
//       CHECK:       scf.for %{{.*}} = %c0 to %c72 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<1x6x16xf32>)
//   CHECK-COUNT-6:     vector.fma {{.*}} : vector<16xf32>
//       CHECK:   tensor.expand_shape %{{.*}} output_shape [1, 16, 10, 10]
//   CHECK-NOT:   linalg.conv_2d_nchw_fchw
//   CHECK-NOT:   linalg.generic
func.func @conv(%x: tensor<1x8x12x12xf32>, %w: tensor<16x8x3x3xf32>,
                %init: tensor<1x16x10x10xf32>) -> tensor<1x16x10x10xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<1x8x12x12xf32>, tensor<16x8x3x3xf32>)
    outs(%init : tensor<1x16x10x10xf32>) -> tensor<1x16x10x10xf32>
  return %r : tensor<1x16x10x10xf32>
}

// -----

// A convolution over an image of run-time height and width (the im2col
// columns [1, 72, OH*OW] of run-time width) takes the same path: full 6x16
// FMA tiles, then the partial column as unmasked tiles of 8, 4, 2 and 1.
// CHECK-LABEL: func.func @conv_dynamic_image
//       CHECK:   tensor.collapse_shape %{{.*}} : tensor<1x8x3x3x?x?xf32> into tensor<1x72x?xf32>
//       CHECK:   scf.for %{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (vector<1x6x16xf32>)
//   CHECK-COUNT-6:     vector.fma {{.*}} : vector<16xf32>
//       CHECK:   scf.for %{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (vector<1x6x8xf32>)
//       CHECK:   scf.for %{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (vector<1x6x4xf32>)
//       CHECK:   scf.for %{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (vector<1x6x2xf32>)
//       CHECK:   scf.for %{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (vector<1x6x1xf32>)
//       CHECK:   tensor.expand_shape %{{.*}} output_shape [1, 16, %{{.*}}, %{{.*}}]
//   CHECK-NOT:   linalg.conv_2d_nchw_fchw
//   CHECK-NOT:   linalg.batch_matmul
func.func @conv_dynamic_image(%x: tensor<1x8x?x?xf32>, %w: tensor<16x8x3x3xf32>,
                              %init: tensor<1x16x?x?xf32>) -> tensor<1x16x?x?xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<1x8x?x?xf32>, tensor<16x8x3x3xf32>)
    outs(%init : tensor<1x16x?x?xf32>) -> tensor<1x16x?x?xf32>
  return %r : tensor<1x16x?x?xf32>
}

// -----

// Attention's two batch matmuls with a sequence length known only at run
// time (m, n, or the reduction k dynamic): vectorized FMA tiles only.
// CHECK-LABEL: func.func @attention_dynamic_sequence
//       CHECK:   vector.fma
//   CHECK-NOT:   linalg.batch_matmul
func.func @attention_dynamic_sequence(%q: tensor<?x?x8xf32>, %k: tensor<?x8x?xf32>, %v: tensor<?x?x8xf32>) -> tensor<?x?x8xf32> {
  %z = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %b = tensor.dim %q, %c0 : tensor<?x?x8xf32>
  %s = tensor.dim %q, %c1 : tensor<?x?x8xf32>
  %t = tensor.dim %k, %c2 : tensor<?x8x?xf32>
  %e = tensor.empty(%b, %s, %t) : tensor<?x?x?xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %p = linalg.batch_matmul ins(%q, %k : tensor<?x?x8xf32>, tensor<?x8x?xf32>) outs(%f : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %e2 = tensor.empty(%b, %s) : tensor<?x?x8xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<?x?x8xf32>) -> tensor<?x?x8xf32>
  %r = linalg.batch_matmul ins(%p, %v : tensor<?x?x?xf32>, tensor<?x?x8xf32>) outs(%f2 : tensor<?x?x8xf32>) -> tensor<?x?x8xf32>
  return %r : tensor<?x?x8xf32>
}

// -----

// Integer matmuls are not taken (yet): left as they are.
// CHECK-LABEL: func.func @matmul_i32
//       CHECK:   linalg.matmul
//   CHECK-NOT:   vector.
func.func @matmul_i32(%a: tensor<8x8xi32>, %b: tensor<8x8xi32>,
                      %c: tensor<8x8xi32>) -> tensor<8x8xi32> {
  %r = linalg.matmul ins(%a, %b : tensor<8x8xi32>, tensor<8x8xi32>)
                     outs(%c : tensor<8x8xi32>) -> tensor<8x8xi32>
  return %r : tensor<8x8xi32>
}

// -----

// A depthwise convolution becomes one elementwise op over the output reading
// the 9 shifted input slices and the 9 per-channel filter taps, vectorized
// along the output width (10 < 16: one static 10-wide tile per row).
// CHECK-LABEL: func.func @depthwise
//   CHECK-COUNT-9: tensor.extract_slice %arg0[0, 0, {{[0-2]}}, {{[0-2]}}] [1, 8, 10, 10] [1, 1, 1, 1]
//       CHECK:   scf.for %{{.*}} = %c0 to %c8 step %c1
//       CHECK:     scf.for %{{.*}} = %c0 to %c10 step %c1
//       CHECK:       vector.transfer_read {{.*}} : tensor<1x1x1x10xf32>, vector<1x1x1x10xf32>
//       CHECK:       arith.mulf {{.*}} : vector<1x1x1x10xf32>
//       CHECK:       vector.transfer_write {{.*}} : vector<1x1x1x10xf32>, tensor<1x1x1x10xf32>
//   CHECK-NOT:   linalg.depthwise_conv_2d_nchw_chw
func.func @depthwise(%x: tensor<1x8x12x12xf32>, %w: tensor<8x3x3xf32>,
                     %init: tensor<1x8x10x10xf32>) -> tensor<1x8x10x10xf32> {
  %r = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<1x8x12x12xf32>, tensor<8x3x3xf32>)
    outs(%init : tensor<1x8x10x10xf32>) -> tensor<1x8x10x10xf32>
  return %r : tensor<1x8x10x10xf32>
}

// -----

// A constant pad becomes fills of the border only (per padded dimension,
// the slab below and above the interior) and a linalg.copy into the
// interior (loops over contiguous rows after bufferization, where the pad
// would be a strided memref.copy, i.e. a generic runtime call). The batch
// size of the result is the source's: low and high pads are 0 in that
// dimension.
// CHECK-LABEL: func.func @pad
//       CHECK:   %[[N:.*]] = tensor.dim %arg0, %c0 : tensor<?x3x5x20xf32>
//       CHECK:   %[[E:.*]] = tensor.empty(%[[N]]) : tensor<?x3x7x22xf32>
//       CHECK:   tensor.extract_slice %[[E]][0, 0, 0, 0] [%[[N]], 3, 1, 22]
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<?x3x1x22xf32>)
//       CHECK:   tensor.extract_slice %{{.*}}[0, 0, 6, 0] [%[[N]], 3, 1, 22]
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<?x3x1x22xf32>)
//       CHECK:   tensor.extract_slice %{{.*}}[0, 0, 0, 0] [%[[N]], 3, 7, 1]
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<?x3x7x1xf32>)
//       CHECK:   tensor.extract_slice %{{.*}}[0, 0, 0, 21] [%[[N]], 3, 7, 1]
//       CHECK:   %[[B:.*]] = tensor.insert_slice
//       CHECK:   %[[I:.*]] = tensor.extract_slice %[[B]][0, 0, 1, 1] [%[[N]], 3, 5, 20] [1, 1, 1, 1]
//       CHECK:   %[[C:.*]] = linalg.copy ins(%arg0 : tensor<?x3x5x20xf32>) outs(%[[I]] : tensor<?x3x5x20xf32>)
//       CHECK:   tensor.insert_slice %[[C]] into %[[B]][0, 0, 1, 1] [%[[N]], 3, 5, 20] [1, 1, 1, 1]
//   CHECK-NOT:   linalg.fill
//   CHECK-NOT:   tensor.pad
func.func @pad(%x: tensor<?x3x5x20xf32>) -> tensor<?x3x7x22xf32> {
  %z = arith.constant -1.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %z : f32
  } : tensor<?x3x5x20xf32> to tensor<?x3x7x22xf32>
  return %p : tensor<?x3x7x22xf32>
}

// -----

// A pad whose source is computed by a linalg op into a tensor.empty (and
// used only by the pad): the op computes straight into the interior of the
// padded tensor, whose border is filled first. No copy.
// CHECK-LABEL: func.func @pad_of_producer
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<1x2x6x7xf32>
//       CHECK:   linalg.fill {{.*}} -> tensor<1x2x1x7xf32>
//       CHECK:   linalg.fill {{.*}} -> tensor<1x2x1x7xf32>
//       CHECK:   linalg.fill {{.*}} -> tensor<1x2x6x1xf32>
//       CHECK:   %[[B:.*]] = tensor.insert_slice
//       CHECK:   %[[I:.*]] = tensor.extract_slice %[[B]][0, 0, 1, 0] [1, 2, 4, 6] [1, 1, 1, 1]
//       CHECK:   %[[R:.*]] = linalg.generic {{.*}} outs(%[[I]] : tensor<1x2x4x6xf32>)
//       CHECK:     arith.maximumf
//       CHECK:   tensor.insert_slice %[[R]] into %[[B]][0, 0, 1, 0] [1, 2, 4, 6] [1, 1, 1, 1]
//   CHECK-NOT:   linalg.copy
func.func @pad_of_producer(%x: tensor<1x2x4x6xf32>) -> tensor<1x2x6x7xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x4x6xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x2x4x6xf32>) outs(%e : tensor<1x2x4x6xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %z : f32
    linalg.yield %m : f32
  } -> tensor<1x2x4x6xf32>
  %p = tensor.pad %r low[0, 0, 1, 0] high[0, 0, 1, 1] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %z : f32
  } : tensor<1x2x4x6xf32> to tensor<1x2x6x7xf32>
  return %p : tensor<1x2x6x7xf32>
}

// -----

// A matmul with a broadcast right-hand side as a generic becomes a
// linalg.batch_matmul and takes the contraction path.
// CHECK-LABEL: func.func @generic_broadcast_matmul
//       CHECK:   scf.for %{{.*}} = %c0 to %{{.*}} step %c1
//       CHECK:     vector.fma {{.*}} : vector<16xf32>
//   CHECK-NOT:   linalg.generic
func.func @generic_broadcast_matmul(%a: tensor<?x16x64xf32>, %b: tensor<64x64xf32>,
                                    %c: tensor<?x16x64xf32>) -> tensor<?x16x64xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>,
                                        affine_map<(d0, d1, d2, d3) -> (d3, d2)>,
                                        affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>],
                       iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<?x16x64xf32>, tensor<64x64xf32>) outs(%c : tensor<?x16x64xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<?x16x64xf32>
  return %r : tensor<?x16x64xf32>
}

// -----

// A generic that is not a multiply-accumulate is left alone.
// CHECK-LABEL: func.func @generic_not_contraction
//       CHECK:   linalg.generic
//   CHECK-NOT:   vector.fma
func.func @generic_not_contraction(%a: tensor<4x8x8xf32>, %b: tensor<8x8xf32>,
                                   %c: tensor<4x8x8xf32>) -> tensor<4x8x8xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>,
                                        affine_map<(d0, d1, d2, d3) -> (d3, d2)>,
                                        affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>],
                       iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<4x8x8xf32>, tensor<8x8xf32>) outs(%c : tensor<4x8x8xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.maximumf %x, %y : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x8x8xf32>
  return %r : tensor<4x8x8xf32>
}

// -----

// Two batch dims (a 4-D batched matmul): linalg.batch_matmul has one, so
// they are collapsed into one and the result expanded back.
// CHECK-LABEL: func.func @generic_two_batch_dims
//       CHECK:   tensor.collapse_shape %{{.*}} {{\[}}[0, 1], [2], [3]] : tensor<3x2x5x3xf32> into tensor<6x5x3xf32>
//       CHECK:   scf.for %{{.*}} = %c0 to %c6 step %c1
//       CHECK:     vector.fma {{.*}} : vector<2xf32>
//       CHECK:   tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2], [3]] output_shape [3, 2, 5, 2]
//   CHECK-NOT:   linalg.generic
func.func @generic_two_batch_dims(%a: tensor<3x2x5x3xf32>, %b: tensor<3x2x3x2xf32>,
                                  %c: tensor<3x2x5x2xf32>) -> tensor<3x2x5x2xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>,
                                        affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>,
                                        affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<3x2x5x3xf32>, tensor<3x2x3x2xf32>) outs(%c : tensor<3x2x5x2xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<3x2x5x2xf32>
  return %r : tensor<3x2x5x2xf32>
}

// -----

// Two batch dims, one dynamic, with a broadcast (batch-less) right-hand side:
// x @ W, so the batch dims and the rows collapse into the rows of one matmul.
// CHECK-LABEL: func.func @generic_two_batch_dims_dynamic
//       CHECK:   tensor.collapse_shape %arg0 {{\[}}[0, 1, 2], [3]] : tensor<?x4x16x8xf32> into tensor<?x8xf32>
//       CHECK:   vector.fma {{.*}} : vector<16xf32>
//       CHECK:   tensor.expand_shape %{{.*}} {{\[}}[0, 1, 2], [3]] output_shape [%{{.*}}, 4, 16, 16]
//   CHECK-NOT:   linalg.generic
func.func @generic_two_batch_dims_dynamic(%a: tensor<?x4x16x8xf32>, %b: tensor<8x16xf32>,
                                          %c: tensor<?x4x16x16xf32>) -> tensor<?x4x16x16xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>,
                                        affine_map<(d0, d1, d2, d3, d4) -> (d4, d3)>,
                                        affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<?x4x16x8xf32>, tensor<8x16xf32>) outs(%c : tensor<?x4x16x16xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<?x4x16x16xf32>
  return %r : tensor<?x4x16x16xf32>
}

// -----

// A transposed operand: linalg::specializeGenericOp would build a
// linalg.matmul with the default maps (dropping the transposition), so the
// generic is left as it is.
// CHECK-LABEL: func.func @generic_transposed_lhs
//       CHECK:   linalg.generic
//   CHECK-NOT:   vector.fma
func.func @generic_transposed_lhs(%a: tensor<8x8xf32>, %b: tensor<8x8xf32>,
                                  %c: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d2, d0)>,
                                        affine_map<(d0, d1, d2) -> (d2, d1)>,
                                        affine_map<(d0, d1, d2) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<8x8xf32>, tensor<8x8xf32>) outs(%c : tensor<8x8xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<8x8xf32>
  return %r : tensor<8x8xf32>
}

// -----

// An accumulator initialized by a broadcast (a bias) or a fill: the
// producer is fused into the register tiles, which start from a vector
// built in registers; the loops carry a tensor.empty instead of a
// materialized bias tensor that each tile would read back.
// CHECK-LABEL: func.func @matmul_bias_init
//   CHECK-NOT:   linalg.broadcast
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<12x48xf32>
//       CHECK:   scf.for %{{.*}} iter_args(%{{.*}} = %[[E]])
//       CHECK:     scf.for
//       CHECK:       %[[B:.*]] = vector.transfer_read %{{.*}} : tensor<6xf32>, vector<6xf32>
//       CHECK:       %[[BB:.*]] = vector.broadcast %[[B]] : vector<6xf32> to vector<16x6xf32>
//       CHECK:       %[[ACC:.*]] = vector.transpose %[[BB]], [1, 0]
//       CHECK:       scf.for %{{.*}} iter_args(%{{.*}} = %[[ACC]]) -> (vector<6x16xf32>)
func.func @matmul_bias_init(%a: tensor<12x64xf32>, %b: tensor<64x48xf32>,
                            %bias: tensor<12xf32>) -> tensor<12x48xf32> {
  %e = tensor.empty() : tensor<12x48xf32>
  %c = linalg.broadcast ins(%bias : tensor<12xf32>) outs(%e : tensor<12x48xf32>) dimensions = [1]
  %r = linalg.matmul ins(%a, %b : tensor<12x64xf32>, tensor<64x48xf32>)
                     outs(%c : tensor<12x48xf32>) -> tensor<12x48xf32>
  return %r : tensor<12x48xf32>
}

// -----

// A convolution's bias broadcast [N, F, H, W] is rebuilt as [N, F, H*W]
// (not collapsed) so that it stays the contraction's init producer and is
// fused as well.
// CHECK-LABEL: func.func @conv1x1_bias_init
//   CHECK-NOT:   linalg.broadcast
//   CHECK-NOT:   tensor.collapse_shape %{{.*}} {{\[}}[0], [1], [2, 3]] : tensor<?x16x10x10xf32>
//       CHECK:   %[[E:.*]] = tensor.empty(%{{.*}}) : tensor<?x16x100xf32>
//       CHECK:   scf.for %{{.*}} iter_args(%{{.*}} = %[[E]])
//       CHECK:     vector.transfer_read %{{.*}} : tensor<6xf32>, vector<6xf32>
func.func @conv1x1_bias_init(%x: tensor<?x8x10x10xf32>, %w: tensor<16x8x1x1xf32>,
                             %bias: tensor<16xf32>) -> tensor<?x16x10x10xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x8x10x10xf32>
  %e = tensor.empty(%n) : tensor<?x16x10x10xf32>
  %b = linalg.broadcast ins(%bias : tensor<16xf32>) outs(%e : tensor<?x16x10x10xf32>) dimensions = [0, 2, 3]
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<?x8x10x10xf32>, tensor<16x8x1x1xf32>)
    outs(%b : tensor<?x16x10x10xf32>) -> tensor<?x16x10x10xf32>
  return %r : tensor<?x16x10x10xf32>
}

// -----

// A concat of ops that each compute into a tensor.empty: each computes
// straight into its slice of the concatenated tensor (in block order, each
// slice taken from what the previous op wrote), and no concat is left.
// CHECK-LABEL: func.func @concat_in_place
//   CHECK-NOT:   tensor.concat
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<1x5x4x4xf32>
//       CHECK:   %[[S0:.*]] = tensor.extract_slice %[[E]][0, 0, 0, 0] [1, 2, 4, 4]
//       CHECK:   %[[R0:.*]] = linalg.generic {{.*}} outs(%[[S0]] : tensor<1x2x4x4xf32>)
//       CHECK:   %[[C0:.*]] = tensor.insert_slice %[[R0]] into %[[E]][0, 0, 0, 0] [1, 2, 4, 4]
//       CHECK:   %[[S1:.*]] = tensor.extract_slice %[[C0]][0, 2, 0, 0] [1, 3, 4, 4]
//       CHECK:   %[[R1:.*]] = linalg.generic {{.*}} outs(%[[S1]] : tensor<1x3x4x4xf32>)
//       CHECK:   %[[C1:.*]] = tensor.insert_slice %[[R1]] into %[[C0]][0, 2, 0, 0] [1, 3, 4, 4]
//       CHECK:   return %[[C1]]
#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @concat_in_place(%x: tensor<1x2x4x4xf32>, %y: tensor<1x3x4x4xf32>) -> tensor<1x5x4x4xf32> {
  %z = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<1x2x4x4xf32>
  %r0 = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x2x4x4xf32>) outs(%e0 : tensor<1x2x4x4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %z : f32
    linalg.yield %m : f32
  } -> tensor<1x2x4x4xf32>
  %e1 = tensor.empty() : tensor<1x3x4x4xf32>
  %r1 = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%y : tensor<1x3x4x4xf32>) outs(%e1 : tensor<1x3x4x4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.negf %in : f32
    linalg.yield %m : f32
  } -> tensor<1x3x4x4xf32>
  %c = tensor.concat dim(1) %r0, %r1 : (tensor<1x2x4x4xf32>, tensor<1x3x4x4xf32>) -> tensor<1x5x4x4xf32>
  return %c : tensor<1x5x4x4xf32>
}
