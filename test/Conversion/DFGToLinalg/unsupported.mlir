// Every op without a lowering is named at its location, all in one run.
// RUN: not dfg-opt %s --dfg-lower-to-linalg 2>&1 | FileCheck %s

// CHECK: unsupported.mlir:[[@LINE+3]]:8: error: no lowering to linalg for 'dfg.sequence_empty' yet
// CHECK: "node_b (SequenceLength)"
func.func @f() -> (tensor<i64>, !dfg.sequence<tensor<2xf32>>) {
  %0 = dfg.sequence_empty : !dfg.sequence<tensor<2xf32>>
  %1 = dfg.sequence_length %0 : (!dfg.sequence<tensor<2xf32>>) -> tensor<i64> loc("node_b (SequenceLength)")
  return %1, %0 : tensor<i64>, !dfg.sequence<tensor<2xf32>>
}
