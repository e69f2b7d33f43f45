// RUN: dfg-opt %s -canonicalize -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @add_neg_zero
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-NEXT: return %[[X]]
func.func @add_neg_zero(%x: tensor<4xf32>) -> tensor<4xf32> {
  %z = dfg.constant dense<-0.0> : tensor<4xf32>
  %0 = dfg.add %x, %z : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// x + 0.0 maps -0.0 to +0.0, so it stays.
// CHECK-LABEL: func.func @add_pos_zero_kept
// CHECK: dfg.add
func.func @add_pos_zero_kept(%x: tensor<4xf32>) -> tensor<4xf32> {
  %z = dfg.constant dense<0.0> : tensor<4xf32>
  %0 = dfg.add %x, %z : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A broadcasting identity changes the shape: not folded.
// CHECK-LABEL: func.func @mul_one_broadcast_kept
// CHECK: dfg.mul
func.func @mul_one_broadcast_kept(%x: tensor<4xf32>) -> tensor<3x4xf32> {
  %one = dfg.constant dense<1.0> : tensor<3x4xf32>
  %0 = dfg.mul %x, %one : (tensor<4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func.func @identities
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[I:.*]]: tensor<4xi32>)
// CHECK-NEXT: return %[[X]], %[[X]], %[[I]], %[[X]], %[[X]]
func.func @identities(%x: tensor<4xf32>, %i: tensor<4xi32>)
    -> (tensor<4xf32>, tensor<4xf32>, tensor<4xi32>, tensor<4xf32>, tensor<4xf32>) {
  %one = dfg.constant dense<1.0> : tensor<4xf32>
  %zero = dfg.constant dense<0.0> : tensor<4xf32>
  %izero = dfg.constant dense<0> : tensor<4xi32>
  %0 = dfg.mul %one, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = dfg.div %0, %one : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %2 = dfg.add %i, %izero : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %3 = dfg.sub %1, %zero : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %4 = dfg.max %3, %3 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1, %3, %2, %4, %0 : tensor<4xf32>, tensor<4xf32>, tensor<4xi32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @constant_fold
// CHECK-DAG: %[[A:.*]] = dfg.constant dense<[4.000000e+00, 6.000000e+00]> : tensor<2xf32>
// CHECK-DAG: %[[M:.*]] = dfg.constant dense<[3, 8]> : tensor<2xi32>
// CHECK-DAG: %[[D:.*]] = dfg.constant dense<[3.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK: return %[[A]], %[[M]], %[[D]]
func.func @constant_fold() -> (tensor<2xf32>, tensor<2xi32>, tensor<2xf32>) {
  %a = dfg.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %b = dfg.constant dense<[3.0, 4.0]> : tensor<2xf32>
  %0 = dfg.add %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %i = dfg.constant dense<[1, 2]> : tensor<2xi32>
  %j = dfg.constant dense<[3, 4]> : tensor<2xi32>
  %1 = dfg.mul %i, %j : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %2 = dfg.div %b, %a : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0, %1, %2 : tensor<2xf32>, tensor<2xi32>, tensor<2xf32>
}

// -----

// Integer division by zero has no value: never folded.
// CHECK-LABEL: func.func @int_div_not_folded
// CHECK: dfg.div
func.func @int_div_not_folded() -> tensor<2xi32> {
  %a = dfg.constant dense<[1, 2]> : tensor<2xi32>
  %b = dfg.constant dense<[0, 1]> : tensor<2xi32>
  %0 = dfg.div %a, %b : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

// CHECK-LABEL: func.func @involutions
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xi1>)
// CHECK-NEXT: return %[[X]], %[[B]]
func.func @involutions(%x: tensor<4xf32>, %b: tensor<4xi1>) -> (tensor<4xf32>, tensor<4xi1>) {
  %0 = dfg.neg %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = dfg.neg %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = dfg.not %b : (tensor<4xi1>) -> tensor<4xi1>
  %3 = dfg.not %2 : (tensor<4xi1>) -> tensor<4xi1>
  return %1, %3 : tensor<4xf32>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @transposes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[T:.*]] = dfg.transpose %[[X]] {permutation = array<i64: 1, 0, 2>}
// CHECK-NEXT: return %[[T]], %[[X]]
func.func @transposes(%x: tensor<2x3x4xf32>) -> (tensor<3x2x4xf32>, tensor<2x3x4xf32>) {
  %0 = dfg.transpose %x {permutation = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %1 = dfg.transpose %0 {permutation = array<i64: 2, 1, 0>} : (tensor<4x2x3xf32>) -> tensor<3x2x4xf32>
  %2 = dfg.transpose %x {permutation = array<i64: 0, 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %1, %2 : tensor<3x2x4xf32>, tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @reshapes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-DAG: %[[R:.*]] = dfg.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
// CHECK-DAG: %[[C:.*]] = dfg.constant dense<{{\[}}[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
// CHECK-NOT: dfg.reshape
// CHECK: return %[[R]], %[[X]], %[[C]]
func.func @reshapes(%x: tensor<2x3x4xf32>) -> (tensor<4x6xf32>, tensor<2x3x4xf32>, tensor<2x3xi32>) {
  %0 = dfg.reshape %x : (tensor<2x3x4xf32>) -> tensor<24xf32>
  %1 = dfg.reshape %0 : (tensor<24xf32>) -> tensor<4x6xf32>
  %2 = dfg.reshape %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %c = dfg.constant dense<[1, 2, 3, 4, 5, 6]> : tensor<6xi32>
  %3 = dfg.reshape %c : (tensor<6xi32>) -> tensor<2x3xi32>
  return %1, %2, %3 : tensor<4x6xf32>, tensor<2x3x4xf32>, tensor<2x3xi32>
}

// -----

// CHECK-LABEL: func.func @no_op_data_movement
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[S:.*]] = dfg.constant dense<2.000000e+00> : tensor<4x3xf32>
// CHECK: return %[[X]], %[[X]], %[[X]], %[[X]], %[[X]], %[[X]], %[[S]]
func.func @no_op_data_movement(%x: tensor<2x3xf32>)
    -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<4x3xf32>) {
  %0 = dfg.concat %x {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = dfg.slice %x {starts = array<i64: 0, 0>, limits = array<i64: 2, 9223372036854775807>,
      strides = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = dfg.pad %x {low = array<i64: 0, 0>, high = array<i64: 0, 0>, mode = #dfg<pad_mode constant>,
      value = 0.0 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = dfg.broadcast_to %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = dfg.cast %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = dfg.reduce sum, %x {axes = array<i64>, keep_dims = false} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %s = dfg.constant dense<2.0> : tensor<3xf32>
  %6 = dfg.broadcast_to %s : (tensor<3xf32>) -> tensor<4x3xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<4x3xf32>
}

// -----

// A reversing slice selects every element but is not an identity.
// CHECK-LABEL: func.func @reverse_slice_kept
// CHECK: dfg.slice
func.func @reverse_slice_kept(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = dfg.slice %x {starts = array<i64: 9223372036854775807>, limits = array<i64: -9223372036854775808>,
      strides = array<i64: -1>} : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @select_constant_condition
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK-NEXT: return %[[Y]], %[[X]]
func.func @select_constant_condition(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %f = dfg.constant dense<false> : tensor<4xi1>
  %0 = dfg.select %f, %x, %y : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %c = dfg.constant dense<true> : tensor<4xi1>
  %1 = dfg.select %c, %x, %x : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @unbounded_clamp
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-NEXT: %[[R:.*]] = dfg.clamp %[[X]] {max = 0x7FF0000000000000 : f64, min = 0.000000e+00 : f64}
// CHECK-NEXT: return %[[X]], %[[R]]
func.func @unbounded_clamp(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = dfg.clamp %x {min = 0xFFF0000000000000 : f64, max = 0x7FF0000000000000 : f64} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = dfg.clamp %x {min = 0.0 : f64, max = 0x7FF0000000000000 : f64} : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// A transposed constant is folded at compile time: dense literals, any rank
// and element width, and dense_resource blobs (a new blob); a transpose of a
// non-constant stays.
// CHECK-LABEL: func.func @transposed_constants
// CHECK-DAG: dfg.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK-DAG: dfg.constant dense<{{\[}}[{{\[}}1, 3, 5], [7, 9, 11]], {{\[}}[2, 4, 6], [8, 10, 12]]]> : tensor<2x2x3xi8>
// CHECK-DAG: dfg.constant dense<2.500000e+00> : tensor<3x2xf32>
// CHECK-DAG: dfg.constant dense_resource<blob1_transposed> : tensor<3x2xf32>
// CHECK-DAG: dfg.transpose %arg0
// CHECK: blob1_transposed: "0x080000000000803F00008040000000400000A040000040400000C040"
func.func @transposed_constants(%x: tensor<2x3xf32>) -> (tensor<3x2xf32>, tensor<2x2x3xi8>, tensor<3x2xf32>, tensor<3x2xf32>, tensor<3x2xf32>) {
  %a = dfg.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %t = dfg.transpose %a {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %b = dfg.constant dense<[[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 10], [11, 12]]]> : tensor<2x3x2xi8>
  %u = dfg.transpose %b {permutation = array<i64: 2, 0, 1>} : (tensor<2x3x2xi8>) -> tensor<2x2x3xi8>
  %s = dfg.constant dense<2.5> : tensor<2x3xf32>
  %w = dfg.transpose %s {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %c = dfg.constant dense_resource<blob1> : tensor<2x3xf32>
  %v = dfg.transpose %c {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %y = dfg.transpose %x {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %t, %u, %w, %v, %y : tensor<3x2xf32>, tensor<2x2x3xi8>, tensor<3x2xf32>, tensor<3x2xf32>, tensor<3x2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x040000000000803F0000004000004040000080400000A0400000C040"
    }
  }
#-}
