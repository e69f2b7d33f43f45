// RUN: dfg-opt %s -split-input-file -verify-diagnostics
// RUN: not dfg-opt %s -split-input-file 2>&1 | FileCheck %s --check-prefix=EXIT
// Malformed IR handed to dfg-opt: a located diagnostic and exit code 1,
// never a crash, whatever the op's C++ verifier would have read.

// EXIT: malformed.mlir:[[@LINE+3]]:8: error: 'dfg.conv' op expected 2 or more operands, but found 1
func.func @missing_operand(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'dfg.conv' op expected 2 or more operands, but found 1}}
  %0 = "dfg.conv"(%x) {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @missing_attribute(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dfg.transpose' op requires attribute 'permutation'}}
  %0 = "dfg.transpose"(%x) : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @unranked(%u: tensor<*xf32>) {
  // expected-error @+1 {{'dfg.add' op operand #0 must be ranked tensor of floating-point or integer values, but got 'tensor<*xf32>'}}
  %0 = "dfg.add"(%u, %u) : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @wrong_result_count(%x: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.add' op requires one result}}
  %0:2 = "dfg.add"(%x, %x) : (tensor<2xf32>, tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>)
  return
}

// -----

func.func @unknown_op(%x: tensor<2xf32>) {
  // expected-error @+1 {{custom op 'dfg.frobnicate' is unknown}}
  %0 = dfg.frobnicate %x : tensor<2xf32>
  return
}

// -----

func.func @bad_enum(%x: tensor<2xf32>) {
  // expected-error @+2 {{expected ::mlir::dfg::ReduceKind to be one of: sum, prod, max, min, mean}}
  // expected-error @+1 {{failed to parse DFG_ReduceKindAttr parameter 'value'}}
  %0 = dfg.reduce median, %x {axes = array<i64: 0>, keep_dims = false} : (tensor<2xf32>) -> tensor<f32>
  return
}

// -----

func.func @float_op_on_ints(%x: tensor<2xi32>) {
  // expected-error @+1 {{'dfg.exp' op operand #0 must be ranked tensor of floating-point values, but got 'tensor<2xi32>'}}
  %0 = dfg.exp %x : (tensor<2xi32>) -> tensor<2xi32>
  return
}
