// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-specialize-contractions))' | FileCheck %s

// x @ W with a batch-less W: one linalg.matmul over all the rows of x
// (batch * 5), not a batch_matmul of 5-row batches.
// CHECK-LABEL: func.func @x_times_w
//       CHECK:   %[[X:.*]] = tensor.collapse_shape %arg0 {{\[}}[0, 1], [2]] : tensor<?x5x4xf32> into tensor<?x4xf32>
//       CHECK:   %[[R:.*]] = linalg.matmul ins(%[[X]], %arg1 : tensor<?x4xf32>, tensor<4x17xf32>) outs(%{{.*}} : tensor<?x17xf32>)
//       CHECK:   tensor.expand_shape %[[R]] {{\[}}[0, 1], [2]] output_shape [%{{.*}}, 5, 17] : tensor<?x17xf32> into tensor<?x5x17xf32>
//   CHECK-NOT:   linalg.generic

#lhs3 = affine_map<(b, m, n, k) -> (b, m, k)>
#rhs2 = affine_map<(b, m, n, k) -> (k, n)>
#out3 = affine_map<(b, m, n, k) -> (b, m, n)>
func.func @x_times_w(%x: tensor<?x5x4xf32>, %w: tensor<4x17xf32>, %init: tensor<?x5x17xf32>) -> tensor<?x5x17xf32> {
  %r = linalg.generic {indexing_maps = [#lhs3, #rhs2, #out3], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<?x5x4xf32>, tensor<4x17xf32>) outs(%init : tensor<?x5x17xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  } -> tensor<?x5x17xf32>
  return %r : tensor<?x5x17xf32>
}

// -----

// Two batch dims (either operand order in the body) collapse into the one
// batch dim linalg.batch_matmul has.
// CHECK-LABEL: func.func @two_batch_dims
//       CHECK:   linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<6x5x4xf32>, tensor<6x4x6xf32>) outs(%{{.*}} : tensor<6x5x6xf32>)
//       CHECK:   tensor.expand_shape {{.*}} output_shape [2, 3, 5, 6]
//   CHECK-NOT:   linalg.generic

#lhs4 = affine_map<(b0, b1, m, n, k) -> (b0, b1, m, k)>
#rhs4 = affine_map<(b0, b1, m, n, k) -> (b0, b1, k, n)>
#out4 = affine_map<(b0, b1, m, n, k) -> (b0, b1, m, n)>
func.func @two_batch_dims(%a: tensor<2x3x5x4xf32>, %b: tensor<2x3x4x6xf32>, %init: tensor<2x3x5x6xf32>) -> tensor<2x3x5x6xf32> {
  %r = linalg.generic {indexing_maps = [#lhs4, #rhs4, #out4], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<2x3x5x4xf32>, tensor<2x3x4x6xf32>) outs(%init : tensor<2x3x5x6xf32>) {
  ^bb0(%x: f32, %y: f32, %c: f32):
    %p = arith.mulf %y, %x : f32
    %s = arith.addf %p, %c : f32
    linalg.yield %s : f32
  } -> tensor<2x3x5x6xf32>
  return %r : tensor<2x3x5x6xf32>
}

// -----

// The default (m, k) x (k, n) layout as a generic: linalg.matmul.
// CHECK-LABEL: func.func @plain_matmul
//       CHECK:   linalg.matmul ins(%arg0, %arg1 : tensor<5x4xf32>, tensor<4x6xf32>) outs(%arg2 : tensor<5x6xf32>)
//   CHECK-NOT:   linalg.generic
#lhs = affine_map<(m, n, k) -> (m, k)>
#rhs = affine_map<(m, n, k) -> (k, n)>
#out = affine_map<(m, n, k) -> (m, n)>
func.func @plain_matmul(%a: tensor<5x4xf32>, %b: tensor<4x6xf32>, %init: tensor<5x6xf32>) -> tensor<5x6xf32> {
  %r = linalg.generic {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<5x4xf32>, tensor<4x6xf32>) outs(%init : tensor<5x6xf32>) {
  ^bb0(%x: f32, %y: f32, %c: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  } -> tensor<5x6xf32>
  return %r : tensor<5x6xf32>
}

// -----

// A transposed operand: the named op's default maps would drop the
// transposition, so the generic stays.
// CHECK-LABEL: func.func @transposed_lhs
//       CHECK:   linalg.generic
//   CHECK-NOT:   linalg.matmul

#lhsT = affine_map<(m, n, k) -> (k, m)>
#rhs = affine_map<(m, n, k) -> (k, n)>
#out = affine_map<(m, n, k) -> (m, n)>
func.func @transposed_lhs(%a: tensor<4x5xf32>, %b: tensor<4x6xf32>, %init: tensor<5x6xf32>) -> tensor<5x6xf32> {
  %r = linalg.generic {indexing_maps = [#lhsT, #rhs, #out], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<4x5xf32>, tensor<4x6xf32>) outs(%init : tensor<5x6xf32>) {
  ^bb0(%x: f32, %y: f32, %c: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  } -> tensor<5x6xf32>
  return %r : tensor<5x6xf32>
}

// -----

// Not a contraction: untouched.
// CHECK-LABEL: func.func @elementwise
//       CHECK:   linalg.generic
//   CHECK-NOT:   linalg.matmul

#id = affine_map<(m, n) -> (m, n)>
func.func @elementwise(%a: tensor<5x6xf32>, %init: tensor<5x6xf32>) -> tensor<5x6xf32> {
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<5x6xf32>) outs(%init : tensor<5x6xf32>) {
  ^bb0(%x: f32, %c: f32):
    %s = arith.addf %c, %x : f32
    linalg.yield %s : f32
  } -> tensor<5x6xf32>
  return %r : tensor<5x6xf32>
}
