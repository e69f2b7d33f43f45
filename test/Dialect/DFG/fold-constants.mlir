// RUN: dfg-opt %s -canonicalize -split-input-file | FileCheck %s

// Constant folding computes what the generated code computes
// (DFGToLinalg/Elementwise.cpp), NaN and signed zeros included.

// arith.maximumf / minimumf: NaN wins, and -0.0 < +0.0.
// CHECK-LABEL: func.func @max_min_nan_signed_zero
// CHECK-DAG: %[[MAX:.*]] = dfg.constant dense<[0x7FC00000, 0.000000e+00]> : tensor<2xf32>
// CHECK-DAG: %[[MIN:.*]] = dfg.constant dense<[0x7FC00000, -0.000000e+00]> : tensor<2xf32>
// CHECK-NOT: dfg.max
// CHECK-NOT: dfg.min
// CHECK: return %[[MAX]], %[[MIN]]
func.func @max_min_nan_signed_zero() -> (tensor<2xf32>, tensor<2xf32>) {
  %a = dfg.constant dense<[1.0, -0.0]> : tensor<2xf32>
  %b = dfg.constant dense<[0x7FC00000, 0.0]> : tensor<2xf32>
  %0 = dfg.max %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = dfg.min %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// -----

// Signed, unsigned and boolean integers order as the lowering's maxsi /
// maxui / minsi / minui.
// CHECK-LABEL: func.func @int_max_min
// CHECK-DAG: %[[S:.*]] = dfg.constant dense<[1, -1]> : tensor<2xi32>
// CHECK-DAG: %[[U:.*]] = dfg.constant dense<[255, 1]> : tensor<2xui8>
// CHECK-DAG: %[[B:.*]] = dfg.constant dense<[true, false]> : tensor<2xi1>
// CHECK: return %[[S]], %[[U]], %[[B]]
func.func @int_max_min() -> (tensor<2xi32>, tensor<2xui8>, tensor<2xi1>) {
  %a = dfg.constant dense<[-1, -1]> : tensor<2xi32>
  %b = dfg.constant dense<[1, -7]> : tensor<2xi32>
  %0 = dfg.max %a, %b : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %u = dfg.constant dense<[255, 1]> : tensor<2xui8>
  %v = dfg.constant dense<[1, 0]> : tensor<2xui8>
  %1 = dfg.max %u, %v : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  %t = dfg.constant dense<[true, false]> : tensor<2xi1>
  %f = dfg.constant dense<[false, true]> : tensor<2xi1>
  %2 = dfg.min %t, %t : (tensor<2xi1>, tensor<2xi1>) -> tensor<2xi1>
  %3 = dfg.max %2, %f : (tensor<2xi1>, tensor<2xi1>) -> tensor<2xi1>
  %4 = dfg.min %3, %t : (tensor<2xi1>, tensor<2xi1>) -> tensor<2xi1>
  return %0, %1, %4 : tensor<2xi32>, tensor<2xui8>, tensor<2xi1>
}

// -----

// Constant operands broadcast numpy-style to the static result type.
// CHECK-LABEL: func.func @broadcast_arithmetic
// CHECK-DAG: %[[ADD:.*]] = dfg.constant dense<{{\[}}[11, 22], [13, 24]]> : tensor<2x2xi64>
// CHECK-DAG: %[[SUB:.*]] = dfg.constant dense<{{\[}}[-9, -18], [-7, -16]]> : tensor<2x2xi64>
// CHECK-DAG: %[[MUL:.*]] = dfg.constant dense<{{\[}}[10, 40], [30, 80]]> : tensor<2x2xi64>
// CHECK-DAG: %[[DIV:.*]] = dfg.constant dense<{{\[}}[5.000000e-01, 2.500000e-01], [0x7F800000, -0.000000e+00]]> : tensor<2x2xf32>
// CHECK: return %[[ADD]], %[[SUB]], %[[MUL]], %[[DIV]]
func.func @broadcast_arithmetic()
    -> (tensor<2x2xi64>, tensor<2x2xi64>, tensor<2x2xi64>, tensor<2x2xf32>) {
  %a = dfg.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>
  %b = dfg.constant dense<[10, 20]> : tensor<2xi64>
  %0 = dfg.add %a, %b : (tensor<2x2xi64>, tensor<2xi64>) -> tensor<2x2xi64>
  %1 = dfg.sub %a, %b : (tensor<2x2xi64>, tensor<2xi64>) -> tensor<2x2xi64>
  %2 = dfg.mul %a, %b : (tensor<2x2xi64>, tensor<2xi64>) -> tensor<2x2xi64>
  %x = dfg.constant dense<[[1.0], [-1.0]]> : tensor<2x1xf32>
  %y = dfg.constant dense<[[2.0, 4.0], [-0.0, 0x7F800000]]> : tensor<2x2xf32>
  %3 = dfg.div %x, %y : (tensor<2x1xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0, %1, %2, %3 : tensor<2x2xi64>, tensor<2x2xi64>, tensor<2x2xi64>, tensor<2x2xf32>
}

// -----

// Booleans add as `or` and multiply as `and`; integers wrap.
// CHECK-LABEL: func.func @bool_and_wrapping_arithmetic
// CHECK-DAG: %[[OR:.*]] = dfg.constant dense<[true, true, false]> : tensor<3xi1>
// CHECK-DAG: %[[AND:.*]] = dfg.constant dense<[true, false, false]> : tensor<3xi1>
// CHECK-DAG: %[[WRAP:.*]] = dfg.constant dense<[-128, 126]> : tensor<2xi8>
// CHECK: return %[[OR]], %[[AND]], %[[WRAP]]
func.func @bool_and_wrapping_arithmetic() -> (tensor<3xi1>, tensor<3xi1>, tensor<2xi8>) {
  %a = dfg.constant dense<[true, true, false]> : tensor<3xi1>
  %b = dfg.constant dense<[true, false, false]> : tensor<3xi1>
  %0 = dfg.add %a, %b : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  %1 = dfg.mul %a, %b : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  %c = dfg.constant dense<[127, -1]> : tensor<2xi8>
  %d = dfg.constant dense<[1, 127]> : tensor<2xi8>
  %2 = dfg.add %c, %d : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
  return %0, %1, %2 : tensor<3xi1>, tensor<3xi1>, tensor<2xi8>
}

// -----

// The generated code gives 0 for x / 0 and wraps INT_MIN / -1: neither is
// folded. Division by other constants truncates (signed) or not (unsigned).
// CHECK-LABEL: func.func @int_division
// CHECK-DAG: %[[Q:.*]] = dfg.constant dense<[-3, 3]> : tensor<2xi32>
// CHECK-DAG: %[[U:.*]] = dfg.constant dense<[127, 3]> : tensor<2xui8>
// CHECK: %[[Z:.*]] = dfg.div
// CHECK: %[[M:.*]] = dfg.div
// CHECK: return %[[Q]], %[[U]], %[[Z]], %[[M]]
func.func @int_division() -> (tensor<2xi32>, tensor<2xui8>, tensor<2xi32>, tensor<i32>) {
  %a = dfg.constant dense<[-7, 7]> : tensor<2xi32>
  %b = dfg.constant dense<2> : tensor<2xi32>
  %0 = dfg.div %a, %b : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %u = dfg.constant dense<[254, 7]> : tensor<2xui8>
  %v = dfg.constant dense<2> : tensor<ui8>
  %1 = dfg.div %u, %v : (tensor<2xui8>, tensor<ui8>) -> tensor<2xui8>
  %z = dfg.constant dense<[1, 0]> : tensor<2xi32>
  %2 = dfg.div %a, %z : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %min = dfg.constant dense<-2147483648> : tensor<i32>
  %m1 = dfg.constant dense<-1> : tensor<i32>
  %3 = dfg.div %min, %m1 : (tensor<i32>, tensor<i32>) -> tensor<i32>
  return %0, %1, %2, %3 : tensor<2xi32>, tensor<2xui8>, tensor<2xi32>, tensor<i32>
}

// -----

// Ordered float comparisons (false with NaN) except `ne`; -0.0 == +0.0.
// CHECK-LABEL: func.func @compare_float
// CHECK-DAG: %[[EQ:.*]] = dfg.constant dense<[false, false, true]> : tensor<3xi1>
// CHECK-DAG: %[[NE:.*]] = dfg.constant dense<[true, true, false]> : tensor<3xi1>
// CHECK-DAG: %[[LT:.*]] = dfg.constant dense<[true, false, false]> : tensor<3xi1>
// CHECK-DAG: %[[LE:.*]] = dfg.constant dense<[true, false, true]> : tensor<3xi1>
// CHECK-DAG: %[[GT:.*]] = dfg.constant dense<false> : tensor<3xi1>
// CHECK-NOT: dfg.compare
// CHECK: return %[[EQ]], %[[NE]], %[[LT]], %[[LE]], %[[GT]], %[[EQ]]
func.func @compare_float() -> (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>,
                               tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) {
  %a = dfg.constant dense<[1.0, 0x7FC00000, -0.0]> : tensor<3xf32>
  %b = dfg.constant dense<[2.0, 0x7FC00000, 0.0]> : tensor<3xf32>
  %0 = dfg.compare eq, %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %1 = dfg.compare ne, %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %2 = dfg.compare lt, %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %3 = dfg.compare le, %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %4 = dfg.compare gt, %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %5 = dfg.compare ge, %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  return %0, %1, %2, %3, %4, %5 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}

// -----

// Signless integers compare signed; unsigned ones and booleans unsigned
// (true >= false, where a signed i1 true would be -1).
// CHECK-LABEL: func.func @compare_int
// CHECK-DAG: %[[S:.*]] = dfg.constant dense<[false, true]> : tensor<2xi1>
// CHECK-DAG: %[[U:.*]] = dfg.constant dense<[true, false]> : tensor<2xi1>
// CHECK-DAG: %[[B:.*]] = dfg.constant dense<true> : tensor<2xi1>
// CHECK-NOT: dfg.compare
// CHECK: return %[[S]], %[[U]], %[[B]], %[[B]], %[[U]]
func.func @compare_int() -> (tensor<2xi1>, tensor<2xi1>, tensor<2xi1>,
                             tensor<2xi1>, tensor<2xi1>) {
  %a = dfg.constant dense<[-56, 127]> : tensor<2xi8>
  %b = dfg.constant dense<100> : tensor<i8>
  %0 = dfg.compare gt, %a, %b : (tensor<2xi8>, tensor<i8>) -> tensor<2xi1>
  %u = dfg.constant dense<[200, 3]> : tensor<2xui8>
  %v = dfg.constant dense<100> : tensor<ui8>
  %1 = dfg.compare gt, %u, %v : (tensor<2xui8>, tensor<ui8>) -> tensor<2xi1>
  %t = dfg.constant dense<[true, false]> : tensor<2xi1>
  %f = dfg.constant dense<false> : tensor<2xi1>
  %2 = dfg.compare ge, %t, %f : (tensor<2xi1>, tensor<2xi1>) -> tensor<2xi1>
  %3 = dfg.compare ne, %u, %v : (tensor<2xui8>, tensor<ui8>) -> tensor<2xi1>
  %4 = dfg.compare le, %u, %u : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xi1>
  %5 = dfg.compare eq, %4, %t : (tensor<2xi1>, tensor<2xi1>) -> tensor<2xi1>
  return %0, %1, %2, %3, %5 : tensor<2xi1>, tensor<2xi1>, tensor<2xi1>, tensor<2xi1>, tensor<2xi1>
}

// -----

// Casts convert as the lowering does: fptosi truncates, une 0 to bool (so
// NaN is true), booleans and unsigned sources extend with zeros, f32 to f16
// rounds to nearest even.
// CHECK-LABEL: func.func @cast
// CHECK-DAG: %[[I:.*]] = dfg.constant dense<[-1, 2, 0]> : tensor<3xi32>
// CHECK-DAG: %[[B:.*]] = dfg.constant dense<[true, false, true]> : tensor<3xi1>
// CHECK-DAG: %[[F:.*]] = dfg.constant dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf32>
// CHECK-DAG: %[[S:.*]] = dfg.constant dense<[-1, 255]> : tensor<2xi32>
// CHECK-DAG: %[[H:.*]] = dfg.constant dense<[1.000000e+00, 2.048000e+03, 0x7E00]> : tensor<3xf16>
// CHECK-DAG: %[[T:.*]] = dfg.constant dense<[-1, 0]> : tensor<2xi8>
// CHECK-NOT: dfg.cast
// CHECK: return %[[I]], %[[B]], %[[F]], %[[S]], %[[H]], %[[T]]
func.func @cast() -> (tensor<3xi32>, tensor<3xi1>, tensor<2xf32>, tensor<2xi32>,
                      tensor<3xf16>, tensor<2xi8>) {
  %f = dfg.constant dense<[-1.5, 2.7, -0.0]> : tensor<3xf32>
  %0 = dfg.cast %f : (tensor<3xf32>) -> tensor<3xi32>
  %g = dfg.constant dense<[0x7FC00000, -0.0, 0.5]> : tensor<3xf32>
  %1 = dfg.cast %g : (tensor<3xf32>) -> tensor<3xi1>
  %b = dfg.constant dense<[true, false]> : tensor<2xi1>
  %2 = dfg.cast %b : (tensor<2xi1>) -> tensor<2xf32>
  %s = dfg.constant dense<[-1, 255]> : tensor<2xi16>
  %3 = dfg.cast %s : (tensor<2xi16>) -> tensor<2xi32>
  // 2049 is a tie between 2048 and 2050 in f16: to even.
  %h = dfg.constant dense<[1.0, 2049.0, 0x7FC00000]> : tensor<3xf32>
  %4 = dfg.cast %h : (tensor<3xf32>) -> tensor<3xf16>
  %w = dfg.constant dense<[255, 256]> : tensor<2xi32>
  %5 = dfg.cast %w : (tensor<2xi32>) -> tensor<2xi8>
  return %0, %1, %2, %3, %4, %5 : tensor<3xi32>, tensor<3xi1>, tensor<2xf32>, tensor<2xi32>, tensor<3xf16>, tensor<2xi8>
}

// -----

// Unsigned sources zero-extend and convert to float as unsigned.
// CHECK-LABEL: func.func @cast_unsigned
// CHECK-DAG: %[[I:.*]] = dfg.constant dense<[255, 1]> : tensor<2xi32>
// CHECK-DAG: %[[F:.*]] = dfg.constant dense<[2.550000e+02, 1.000000e+00]> : tensor<2xf32>
// CHECK-DAG: %[[U:.*]] = dfg.constant dense<[3, 0]> : tensor<2xui8>
// CHECK: return %[[I]], %[[F]], %[[U]]
func.func @cast_unsigned() -> (tensor<2xi32>, tensor<2xf32>, tensor<2xui8>) {
  %u = dfg.constant dense<[255, 1]> : tensor<2xui8>
  %0 = dfg.cast %u : (tensor<2xui8>) -> tensor<2xi32>
  %1 = dfg.cast %u : (tensor<2xui8>) -> tensor<2xf32>
  %f = dfg.constant dense<[3.9, -0.5]> : tensor<2xf32>
  %2 = dfg.cast %f : (tensor<2xf32>) -> tensor<2xui8>
  return %0, %1, %2 : tensor<2xi32>, tensor<2xf32>, tensor<2xui8>
}

// -----

// NaN and out-of-range floats have no integer value: left to run time.
// CHECK-LABEL: func.func @cast_undefined_kept
// CHECK: dfg.cast
// CHECK: dfg.cast
// CHECK: dfg.cast
func.func @cast_undefined_kept() -> (tensor<2xi32>, tensor<i32>, tensor<ui8>) {
  %n = dfg.constant dense<[1.0, 0x7FC00000]> : tensor<2xf32>
  %0 = dfg.cast %n : (tensor<2xf32>) -> tensor<2xi32>
  %big = dfg.constant dense<3.0e9> : tensor<f32>
  %1 = dfg.cast %big : (tensor<f32>) -> tensor<i32>
  %neg = dfg.constant dense<-1.0> : tensor<f32>
  %2 = dfg.cast %neg : (tensor<f32>) -> tensor<ui8>
  return %0, %1, %2 : tensor<2xi32>, tensor<i32>, tensor<ui8>
}

// -----

// A non-splat constant condition picks between constant branches,
// broadcasting all three.
// CHECK-LABEL: func.func @select_constants
// CHECK: %[[R:.*]] = dfg.constant dense<{{\[}}[1.000000e+00, -0.000000e+00], [1.000000e+00, 0x7FC00000]]> : tensor<2x2xf32>
// CHECK-NOT: dfg.select
// CHECK: return %[[R]]
func.func @select_constants() -> tensor<2x2xf32> {
  %c = dfg.constant dense<[true, false]> : tensor<2xi1>
  %t = dfg.constant dense<1.0> : tensor<f32>
  %f = dfg.constant dense<[[-0.0], [0x7FC00000]]> : tensor<2x1xf32>
  %0 = dfg.select %c, %t, %f : (tensor<2xi1>, tensor<f32>, tensor<2x1xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// A non-splat condition with a branch computed at run time stays.
// CHECK-LABEL: func.func @select_computed_branch_kept
// CHECK: dfg.select
func.func @select_computed_branch_kept(%x: tensor<2xf32>) -> tensor<2xf32> {
  %c = dfg.constant dense<[true, false]> : tensor<2xi1>
  %f = dfg.constant dense<0.0> : tensor<2xf32>
  %0 = dfg.select %c, %x, %f : (tensor<2xi1>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// negf and absf act on the sign bit, NaN and zeros included; integer
// negation and absi wrap at INT_MIN; unsigned abs is the identity.
// CHECK-LABEL: func.func @neg_abs
// CHECK-DAG: %[[NEG:.*]] = dfg.constant dense<[0.000000e+00, 0xFFC00000, -1.000000e+00]> : tensor<3xf32>
// CHECK-DAG: %[[ABS:.*]] = dfg.constant dense<[0.000000e+00, 0x7FC00000, 1.000000e+00]> : tensor<3xf32>
// CHECK-DAG: %[[INEG:.*]] = dfg.constant dense<[-128, -5]> : tensor<2xi8>
// CHECK-DAG: %[[IABS:.*]] = dfg.constant dense<[-128, 5]> : tensor<2xi8>
// CHECK-DAG: %[[UABS:.*]] = dfg.constant dense<[200, 1]> : tensor<2xui8>
// CHECK-NOT: dfg.neg
// CHECK-NOT: dfg.abs
// CHECK: return %[[NEG]], %[[ABS]], %[[INEG]], %[[IABS]], %[[UABS]]
func.func @neg_abs() -> (tensor<3xf32>, tensor<3xf32>, tensor<2xi8>, tensor<2xi8>, tensor<2xui8>) {
  %f = dfg.constant dense<[-0.0, 0x7FC00000, 1.0]> : tensor<3xf32>
  %0 = dfg.neg %f : (tensor<3xf32>) -> tensor<3xf32>
  %1 = dfg.abs %0 : (tensor<3xf32>) -> tensor<3xf32>
  %i = dfg.constant dense<[-128, 5]> : tensor<2xi8>
  %2 = dfg.neg %i : (tensor<2xi8>) -> tensor<2xi8>
  %3 = dfg.abs %2 : (tensor<2xi8>) -> tensor<2xi8>
  %u = dfg.constant dense<[200, 1]> : tensor<2xui8>
  %4 = dfg.abs %u : (tensor<2xui8>) -> tensor<2xui8>
  return %0, %1, %2, %3, %4 : tensor<3xf32>, tensor<3xf32>, tensor<2xi8>, tensor<2xi8>, tensor<2xui8>
}

// -----

// math.floor / math.ceil keep NaN and the sign of zero.
// CHECK-LABEL: func.func @floor_ceil_not
// CHECK-DAG: %[[FLOOR:.*]] = dfg.constant dense<[-1.000000e+00, 1.000000e+00, -0.000000e+00, 0x7FC00000]> : tensor<4xf32>
// CHECK-DAG: %[[CEIL:.*]] = dfg.constant dense<[-0.000000e+00, 2.000000e+00, -0.000000e+00, 0x7FC00000]> : tensor<4xf32>
// CHECK-DAG: %[[NOT:.*]] = dfg.constant dense<[false, true]> : tensor<2xi1>
// CHECK-NOT: dfg.floor
// CHECK-NOT: dfg.ceil
// CHECK-NOT: dfg.not
// CHECK: return %[[FLOOR]], %[[CEIL]], %[[NOT]]
func.func @floor_ceil_not() -> (tensor<4xf32>, tensor<4xf32>, tensor<2xi1>) {
  %f = dfg.constant dense<[-0.5, 1.5, -0.0, 0x7FC00000]> : tensor<4xf32>
  %0 = dfg.floor %f : (tensor<4xf32>) -> tensor<4xf32>
  %1 = dfg.ceil %f : (tensor<4xf32>) -> tensor<4xf32>
  %b = dfg.constant dense<[true, false]> : tensor<2xi1>
  %2 = dfg.not %b : (tensor<2xi1>) -> tensor<2xi1>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<2xi1>
}

// -----

// Splats fold to splats of any size; other results of more than 4096
// elements are left to run time.
// CHECK-LABEL: func.func @size_guard
// CHECK-DAG: %[[SPLAT:.*]] = dfg.constant dense<3.000000e+00> : tensor<100x100xf32>
// CHECK-DAG: %[[BIG:.*]] = dfg.add
// CHECK: return %[[SPLAT]], %[[BIG]]
func.func @size_guard() -> (tensor<100x100xf32>, tensor<2049x2xf32>) {
  %a = dfg.constant dense<1.0> : tensor<100x100xf32>
  %b = dfg.constant dense<2.0> : tensor<f32>
  %0 = dfg.add %a, %b : (tensor<100x100xf32>, tensor<f32>) -> tensor<100x100xf32>
  %c = dfg.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %d = dfg.constant dense<1.0> : tensor<2049x1xf32>
  %1 = dfg.add %c, %d : (tensor<2xf32>, tensor<2049x1xf32>) -> tensor<2049x2xf32>
  return %0, %1 : tensor<100x100xf32>, tensor<2049x2xf32>
}

// -----

// Booleans (narrower than a byte) transpose element by element.
// CHECK-LABEL: func.func @transpose_bool
// CHECK: %[[T:.*]] = dfg.constant dense<{{\[}}[true, false], [false, false], [true, true]]> : tensor<3x2xi1>
// CHECK-NOT: dfg.transpose
// CHECK: return %[[T]]
func.func @transpose_bool() -> tensor<3x2xi1> {
  %b = dfg.constant dense<[[true, false, true], [false, false, true]]> : tensor<2x3xi1>
  %0 = dfg.transpose %b {permutation = array<i64: 1, 0>} : (tensor<2x3xi1>) -> tensor<3x2xi1>
  return %0 : tensor<3x2xi1>
}
