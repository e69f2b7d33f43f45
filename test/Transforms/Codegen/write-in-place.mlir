// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-write-in-place))' | FileCheck %s

// A pad of a function argument: only the border is filled (one slab below
// and one above the interior per padded dimension), and the source is
// copied into the interior with a linalg.copy (contiguous rows) instead of a
// strided memref copy.
// CHECK-LABEL: func.func @pad_of_argument
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<1x2x6x6xf32>
//       CHECK:   tensor.extract_slice %[[E]][0, 0, 0, 0] [1, 2, 1, 6]
//       CHECK:   linalg.fill {{.*}} -> tensor<1x2x1x6xf32>
//       CHECK:   tensor.extract_slice %{{.*}}[0, 0, 5, 0] [1, 2, 1, 6]
//       CHECK:   linalg.fill {{.*}} -> tensor<1x2x1x6xf32>
//       CHECK:   tensor.extract_slice %{{.*}}[0, 0, 0, 0] [1, 2, 6, 1]
//       CHECK:   linalg.fill {{.*}} -> tensor<1x2x6x1xf32>
//       CHECK:   tensor.extract_slice %{{.*}}[0, 0, 0, 5] [1, 2, 6, 1]
//       CHECK:   linalg.fill {{.*}} -> tensor<1x2x6x1xf32>
//       CHECK:   %[[IN:.*]] = tensor.extract_slice %{{.*}}[0, 0, 1, 1] [1, 2, 4, 4]
//       CHECK:   linalg.copy ins(%arg0 : tensor<1x2x4x4xf32>) outs(%[[IN]] : tensor<1x2x4x4xf32>)
//   CHECK-NOT:   tensor.pad

func.func @pad_of_argument(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x6x6xf32> {
  %z = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %z : f32
  } : tensor<1x2x4x4xf32> to tensor<1x2x6x6xf32>
  return %p : tensor<1x2x6x6xf32>
}

// -----

// The padded value is computed here into a tensor.empty: the producer
// writes the interior itself, no copy.
// CHECK-LABEL: func.func @pad_of_producer
//   CHECK-NOT:   linalg.copy
//       CHECK:   %[[IN:.*]] = tensor.extract_slice %{{.*}}[0, 0, 1, 1] [1, 2, 4, 4]
//       CHECK:   %[[R:.*]] = linalg.generic {{.*}} ins(%arg0 : tensor<1x2x4x4xf32>) outs(%[[IN]] : tensor<1x2x4x4xf32>)
//       CHECK:   tensor.insert_slice %[[R]] into %{{.*}}[0, 0, 1, 1] [1, 2, 4, 4]
//   CHECK-NOT:   tensor.pad

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @pad_of_producer(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x6x6xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x4x4xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x2x4x4xf32>) outs(%e : tensor<1x2x4x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.maximumf %a, %z : f32
    linalg.yield %m : f32
  } -> tensor<1x2x4x4xf32>
  %p = tensor.pad %r low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %z : f32
  } : tensor<1x2x4x4xf32> to tensor<1x2x6x6xf32>
  return %p : tensor<1x2x6x6xf32>
}

// -----

// Each concatenated value is computed into its slice of the result; the
// slices chain (the second op writes into what the first one wrote).
// CHECK-LABEL: func.func @concat_of_producers
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<2x8xf32>
//       CHECK:   %[[S0:.*]] = tensor.extract_slice %[[E]][0, 0] [2, 3]
//       CHECK:   %[[A:.*]] = linalg.generic {{.*}} outs(%[[S0]] : tensor<2x3xf32>)
//       CHECK:   %[[C0:.*]] = tensor.insert_slice %[[A]] into %[[E]][0, 0] [2, 3]
//       CHECK:   %[[S1:.*]] = tensor.extract_slice %[[C0]][0, 3] [2, 5]
//       CHECK:   %[[B:.*]] = linalg.generic {{.*}} outs(%[[S1]] : tensor<2x5xf32>)
//       CHECK:   %[[C1:.*]] = tensor.insert_slice %[[B]] into %[[C0]][0, 3] [2, 5]
//       CHECK:   return %[[C1]]
//   CHECK-NOT:   tensor.concat

#id2 = affine_map<(d0, d1) -> (d0, d1)>
func.func @concat_of_producers(%x: tensor<2x3xf32>, %y: tensor<2x5xf32>) -> tensor<2x8xf32> {
  %ex = tensor.empty() : tensor<2x3xf32>
  %a = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<2x3xf32>) outs(%ex : tensor<2x3xf32>) {
  ^bb0(%v: f32, %o: f32):
    %n = arith.negf %v : f32
    linalg.yield %n : f32
  } -> tensor<2x3xf32>
  %ey = tensor.empty() : tensor<2x5xf32>
  %b = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%y : tensor<2x5xf32>) outs(%ey : tensor<2x5xf32>) {
  ^bb0(%v: f32, %o: f32):
    %n = arith.negf %v : f32
    linalg.yield %n : f32
  } -> tensor<2x5xf32>
  %c = tensor.concat dim(1) %a, %b : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  return %c : tensor<2x8xf32>
}

// -----

// Operands not computed here: the concat stays.
// CHECK-LABEL: func.func @concat_of_arguments
//       CHECK:   tensor.concat dim(1) %arg0, %arg1

func.func @concat_of_arguments(%x: tensor<2x3xf32>, %y: tensor<2x5xf32>) -> tensor<2x8xf32> {
  %c = tensor.concat dim(1) %x, %y : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  return %c : tensor<2x8xf32>
}
