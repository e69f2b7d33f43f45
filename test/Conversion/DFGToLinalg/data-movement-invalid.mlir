// Data movement the lowering cannot express is an error at the op, never
// silently wrong code.
// RUN: dfg-opt %s --dfg-lower-to-linalg --split-input-file -verify-diagnostics

// A dynamic size for a stretched 1 with no shape operand to give it.
func.func @broadcast_unknown_size(%x: tensor<1xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{failed to legalize operation 'dfg.broadcast_to'}}
  %0 = dfg.broadcast_to %x : (tensor<1xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// Edge padding of an empty dimension has no value to repeat.
func.func @edge_pad_empty(%x: tensor<0xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{failed to legalize operation 'dfg.pad'}}
  %0 = dfg.pad %x {low = array<i64: 1>, high = array<i64: 1>, mode = #dfg<pad_mode edge>, value = 0.0 : f64} : (tensor<0xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
