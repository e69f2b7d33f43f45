// Loops carrying values that are not tensors (sequences, optionals: no
// lowering yet) are reported at the loop, not lowered wrongly.
// RUN: dfg-opt %s --dfg-lower-to-linalg --split-input-file -verify-diagnostics

func.func @carried_sequence(%m: tensor<i64>, %s0: !dfg.sequence<tensor<f32>>) -> !dfg.sequence<tensor<f32>> {
  // expected-error @+1 {{failed to legalize operation 'dfg.loop'}}
  %s = dfg.loop max_trip_count(%m) iter_args(%s0 : !dfg.sequence<tensor<f32>>) -> (!dfg.sequence<tensor<f32>>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %q: !dfg.sequence<tensor<f32>>):
    dfg.yield %c, %q : tensor<i1>, !dfg.sequence<tensor<f32>>
  }
  return %s : !dfg.sequence<tensor<f32>>
}

// -----

func.func @carried_optional(%m: tensor<i64>, %o0: !dfg.optional<tensor<2xf32>>, %x: tensor<2xf32>) -> tensor<?x2xf32> {
  // expected-error @+1 {{failed to legalize operation 'dfg.loop'}}
  %o, %rows = dfg.loop max_trip_count(%m) iter_args(%o0 : !dfg.optional<tensor<2xf32>>) -> (!dfg.optional<tensor<2xf32>>, tensor<?x2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %q: !dfg.optional<tensor<2xf32>>):
    dfg.yield %c, %q, %x : tensor<i1>, !dfg.optional<tensor<2xf32>>, tensor<2xf32>
  }
  return %rows : tensor<?x2xf32>
}
