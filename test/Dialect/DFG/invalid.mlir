// RUN: dfg-opt %s -split-input-file -verify-diagnostics
// One case per verifier message. Messages from result type inference
// are followed by the generic 'failed to infer returned types'.

func.func @case0(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected broadcast-compatible operand shapes, but got 2x3 and 4}}
  %0 = dfg.add %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @case1(%c: tensor<2x1xi1>, %a: tensor<3xf32>, %b: tensor<2xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected broadcast-compatible operand shapes, but got 2x1 and 3 and 2}}
  %0 = dfg.select %c, %a, %b : (tensor<2x1xi1>, tensor<3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @case2(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{'dfg.mul' op inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<2x4xf32>'}}
  %0 = dfg.mul %a, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @case3() {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a ranked tensor value, but got 'vector<2xf32>'}}
  %0 = "dfg.constant"() {value = dense<1.0> : vector<2xf32>} : () -> tensor<2xf32>
  return
}

// -----

func.func @case4(%a: tensor<4xf32>) {
  // expected-error @+1 {{'dfg.clamp' op expected min <= max, but got min = 6 and max = 0}}
  %0 = dfg.clamp %a {min = 6.0 : f64, max = 0.0 : f64} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @case5(%c: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<4xi32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected on_true and on_false of one element type, but got 'f32' and 'i32'}}
  %0 = "dfg.select"(%c, %a, %b) : (tensor<4xi1>, tensor<4xf32>, tensor<4xi32>) -> tensor<4xf32>
  return
}

// -----

func.func @case6(%a: tensor<4xf32>, %b: tensor<4x2xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected operands of rank 2 or more, but got ranks 1 and 2}}
  %0 = dfg.matmul %a, %b : (tensor<4xf32>, tensor<4x2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @case7(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected matching contracting dimensions, but got 3 (lhs) and 4 (rhs)}}
  %0 = dfg.matmul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @case8(%a: tensor<2x4x3xf32>, %b: tensor<3x3x5xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected broadcast-compatible batch dimensions, but got 2 and 3}}
  %0 = dfg.matmul %a, %b : (tensor<2x4x3xf32>, tensor<3x3x5xf32>) -> tensor<2x4x5xf32>
  return
}

// -----

func.func @case9(%x: tensor<1x3xf32>, %w: tensor<4x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected input of rank 3 or more [N, C, spatial...], but got rank 2}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3xf32>, tensor<4x3xf32>) -> tensor<1x4xf32>
  return
}

// -----

func.func @case10(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected weight of rank 4 like the input, but got 3}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case11(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf16>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected input and weight of one element type, but got 'f32' and 'f16'}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf16>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case12(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf16>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a 1-D bias of element type 'f32', but got 'tensor<4xf16>'}}
  %0 = dfg.conv %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf16>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case13(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected groups >= 1, but got 0}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 0 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case14(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected input channels (3) divisible by groups (2)}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case15(%x: tensor<1x4x8x8xf32>, %w: tensor<3x2x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected output channels (3) divisible by groups (2)}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @case16(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected weight dimension 1 to be input channels / groups = 3, but got 2}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case17(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<5xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected bias of 4 elements (the output channels), but got 5}}
  %0 = dfg.conv %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<5xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case18(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected 2 strides for 2 spatial dimensions, but got 1}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case19(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected 2 dilations for 2 spatial dimensions, but got 3}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case20(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected 4 pads for 2 spatial dimensions, but got 2}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case21(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected positive strides, but got [1, 0]}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 0>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case22(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected positive dilations, but got [-1, 1]}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: -1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case23(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected non-negative pads, but got [1, -1, 1, 1]}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, -1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case24(%x: tensor<1x3x2x8xf32>, %w: tensor<4x3x5x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a window that fits the padded input in spatial dimension 0, but the output size would be -2}}
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 1, 0, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x2x8xf32>, tensor<4x3x5x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case25(%x: tensor<1x8x4x4xf32>, %w: tensor<8x4x2x2xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected 2 output_padding for 2 spatial dimensions, but got 1}}
  %0 = dfg.conv_transpose %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, output_padding = array<i64: 0>, groups = 1 : i64} : (tensor<1x8x4x4xf32>, tensor<8x4x2x2xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case26(%x: tensor<1x8x4x4xf32>, %w: tensor<6x4x2x2xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected weight dimension 0 to be the input channels 8, but got 6}}
  %0 = dfg.conv_transpose %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, output_padding = array<i64: 0, 0>, groups = 1 : i64} : (tensor<1x8x4x4xf32>, tensor<6x4x2x2xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @case27(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected input of rank 3 or more [N, C, spatial...], but got rank 2}}
  %0 = dfg.pool max, %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, count_include_pad = false, ceil_mode = false} : (tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @case28(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected 2 kernel for 2 spatial dimensions, but got 1}}
  %0 = dfg.pool avg, %x {kernel = array<i64: 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, count_include_pad = false, ceil_mode = false} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  return
}

// -----

func.func @case29(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected positive kernel sizes, but got [2, 0]}}
  %0 = dfg.pool avg, %x {kernel = array<i64: 2, 0>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, count_include_pad = false, ceil_mode = false} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  return
}

// -----

func.func @case30(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected axes in [0, 2), but got 2}}
  %0 = dfg.reduce sum, %x {axes = array<i64: 2>, keep_dims = false} : (tensor<4x4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @case31(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected distinct axes, but axis 1 appears twice}}
  %0 = dfg.reduce max, %x {axes = array<i64: 1, 1>, keep_dims = false} : (tensor<4x4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @case32(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected axis in [0, 2), but got -1}}
  %0 = dfg.arg_reduce argmax, %x {axis = -1 : i64, keep_dims = false, select_last_index = false} : (tensor<4x4xf32>) -> tensor<4xi64>
  return
}

// -----

func.func @case33(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a permutation of [0, 3), but got [0, 0, 1]}}
  %0 = dfg.transpose %x {permutation = array<i64: 0, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<2x2x3xf32>
  return
}

// -----

func.func @case34(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dfg.reshape' op expected a result of element type 'f32' like the input, but got 'i32'}}
  %0 = dfg.reshape %x : (tensor<2x3xf32>) -> tensor<6xi32>
  return
}

// -----

func.func @case35(%x: tensor<?x?xf32>, %s: tensor<2xi64>) {
  // expected-error @+1 {{'dfg.reshape' op expected a shape operand of 3 elements (the result rank), but got 2}}
  %0 = dfg.reshape %x, %s : (tensor<?x?xf32>, tensor<2xi64>) -> tensor<?x?x4xf32>
  return
}

// -----

func.func @case36(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'dfg.reshape' op expected a result with 6 elements like the input, but got 8}}
  %0 = dfg.reshape %x : (tensor<2x3xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @case37(%x: tensor<?x4xf32>) {
  // expected-error @+1 {{'dfg.reshape' op expected a shape operand for a result with 2 dynamic dimensions (at most 1 is implied by the element count)}}
  %0 = dfg.reshape %x : (tensor<?x4xf32>) -> tensor<?x?x2xf32>
  return
}

// -----

func.func @case38(%x: tensor<3x4xf32>) {
  // expected-error @+1 {{'dfg.broadcast_to' op expected the input shape 3x4 to broadcast to the result shape 2x5x4}}
  %0 = dfg.broadcast_to %x : (tensor<3x4xf32>) -> tensor<2x5x4xf32>
  return
}

// -----

func.func @case39() {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected at least one input}}
  %0 = dfg.concat {axis = 0 : i64} : () -> tensor<1xf32>
  return
}

// -----

func.func @case40(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected axis in [0, 2), but got 2}}
  %0 = dfg.concat %x, %x {axis = 2 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @case41(%x: tensor<2x3xf32>, %y: tensor<2x3xf16>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected inputs like the first, 'tensor<2x3xf32>', but input 1 is 'tensor<2x3xf16>'}}
  %0 = dfg.concat %x, %y {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3xf16>) -> tensor<4x3xf32>
  return
}

// -----

func.func @case42(%x: tensor<2x3xf32>, %y: tensor<2x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected input 1 to match dimension 1 (3) of the others, but got 4}}
  %0 = dfg.concat %x, %y {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @case43(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected 2 starts, limits and strides (the input rank), but got 1, 2 and 2}}
  %0 = dfg.slice %x {starts = array<i64: 0>, limits = array<i64: 2, 2>, strides = array<i64: 1, 1>} : (tensor<4x4xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @case44(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected non-zero strides, but got [1, 0]}}
  %0 = dfg.slice %x {starts = array<i64: 0, 0>, limits = array<i64: 2, 2>, strides = array<i64: 1, 0>} : (tensor<4x4xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @case45(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected 2 low and high pads (the input rank), but got 1 and 2}}
  %0 = dfg.pad %x {low = array<i64: 1>, high = array<i64: 1, 1>, mode = #dfg<pad_mode edge>, value = 0.0 : f64} : (tensor<4x4xf32>) -> tensor<6x6xf32>
  return
}

// -----

func.func @case46(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected pads that leave a non-negative size in dimension 0, but got -2}}
  %0 = dfg.pad %x {low = array<i64: -3, 0>, high = array<i64: -3, 0>, mode = #dfg<pad_mode constant>, value = 0.0 : f64} : (tensor<4x4xf32>) -> tensor<0x4xf32>
  return
}

// -----

func.func @case47(%x: tensor<4x4xf32>, %i: tensor<2xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected axis in [0, 2), but got 3}}
  %0 = dfg.gather %x, %i {axis = 3 : i64} : (tensor<4x4xf32>, tensor<2xi64>) -> tensor<4x2xf32>
  return
}

// -----

func.func @case48(%w: tensor<4xf32>, %g: tensor<4xf32>, %s: tensor<4xf32>, %v: tensor<4xf32>, %lr: tensor<f32>, %t: tensor<i64>, %lr16: tensor<f16>) {
  // expected-error @+1 {{'dfg.sgd_update' op expected a learning rate of element type 'f32' like the parameter, but got 'f16'}}
  %0 = "dfg.sgd_update"(%w, %g, %lr16) {weight_decay = 0.0 : f64} : (tensor<4xf32>, tensor<4xf32>, tensor<f16>) -> tensor<4xf32>
  return
}

// -----

func.func @case49(%w: tensor<4xf32>, %g: tensor<4xf32>, %s: tensor<4xf32>, %v: tensor<4xf32>, %lr: tensor<f32>, %t: tensor<i64>, %lr16: tensor<f16>) {
  // expected-error @+1 {{'dfg.sgd_update' op expected weight_decay in [0, inf), but got -1}}
  %0 = dfg.sgd_update %w, %g, %lr {weight_decay = -1.0 : f64} : tensor<4xf32>, tensor<f32>
  return
}

// -----

func.func @case50(%w: tensor<4xf32>, %g: tensor<4xf32>, %s: tensor<4xf32>, %v: tensor<4xf32>, %lr: tensor<f32>, %t: tensor<i64>, %lr16: tensor<f16>) {
  // expected-error @+1 {{'dfg.momentum_update' op expected norm_coefficient in [0, inf), but got -0.5}}
  %0:2 = dfg.momentum_update %w, %g, %s, %lr, %t {alpha = 0.9 : f64, beta = 1.0 : f64, norm_coefficient = -0.5 : f64, mode = #dfg<momentum_mode standard>} : tensor<4xf32>, tensor<f32>
  return
}

// -----

func.func @case51(%w: tensor<4xf32>, %g: tensor<4xf32>, %s: tensor<4xf32>, %v: tensor<4xf32>, %lr: tensor<f32>, %t: tensor<i64>, %lr16: tensor<f16>) {
  // expected-error @+1 {{'dfg.adagrad_update' op expected decay_factor in [0, inf), but got -0.1}}
  %0:2 = dfg.adagrad_update %w, %g, %s, %lr, %t {decay_factor = -0.1 : f64, epsilon = 1.0e-6 : f64, norm_coefficient = 0.0 : f64} : tensor<4xf32>, tensor<f32>
  return
}

// -----

func.func @case52(%w: tensor<4xf32>, %g: tensor<4xf32>, %s: tensor<4xf32>, %v: tensor<4xf32>, %lr: tensor<f32>, %t: tensor<i64>, %lr16: tensor<f16>) {
  // expected-error @+1 {{'dfg.adagrad_update' op expected a positive epsilon, but got 0}}
  %0:2 = dfg.adagrad_update %w, %g, %s, %lr, %t {decay_factor = 0.0 : f64, epsilon = 0.0 : f64, norm_coefficient = 0.0 : f64} : tensor<4xf32>, tensor<f32>
  return
}

// -----

func.func @case53(%w: tensor<4xf32>, %g: tensor<4xf32>, %s: tensor<4xf32>, %v: tensor<4xf32>, %lr: tensor<f32>, %t: tensor<i64>, %lr16: tensor<f16>) {
  // expected-error @+1 {{'dfg.adam_update' op expected alpha in [0, 1), but got 1.5}}
  %0:3 = dfg.adam_update %w, %g, %s, %v, %lr, %t {alpha = 1.5 : f64, beta = 0.999 : f64, epsilon = 1.0e-8 : f64, norm_coefficient = 0.0 : f64, norm_coefficient_post = 0.0 : f64} : tensor<4xf32>, tensor<f32>
  return
}

// -----

func.func @case54(%w: tensor<4xf32>, %g: tensor<4xf32>, %s: tensor<4xf32>, %v: tensor<4xf32>, %lr: tensor<f32>, %t: tensor<i64>, %lr16: tensor<f16>) {
  // expected-error @+1 {{'dfg.adam_update' op expected beta in [0, 1), but got 1}}
  %0:3 = dfg.adam_update %w, %g, %s, %v, %lr, %t {alpha = 0.9 : f64, beta = 1.0 : f64, epsilon = 1.0e-8 : f64, norm_coefficient = 0.0 : f64, norm_coefficient_post = 0.0 : f64} : tensor<4xf32>, tensor<f32>
  return
}

// -----

func.func @case55(%w: tensor<4xf32>, %g: tensor<4xf32>, %s: tensor<4xf32>, %v: tensor<4xf32>, %lr: tensor<f32>, %t: tensor<i64>, %lr16: tensor<f16>) {
  // expected-error @+1 {{'dfg.adam_update' op expected norm_coefficient_post in [0, 1], but got 2}}
  %0:3 = dfg.adam_update %w, %g, %s, %v, %lr, %t {alpha = 0.9 : f64, beta = 0.999 : f64, epsilon = 1.0e-8 : f64, norm_coefficient = 0.0 : f64, norm_coefficient_post = 2.0 : f64} : tensor<4xf32>, tensor<f32>
  return
}

// -----

func.func @case56(%w: tensor<4xf32>, %g: tensor<4xf32>, %s: tensor<4xf32>, %v: tensor<4xf32>, %lr: tensor<f32>, %t: tensor<i64>, %lr16: tensor<f16>) {
  // expected-error @+1 {{'dfg.adam_update' op expected a positive epsilon, but got -1}}
  %0:3 = dfg.adam_update %w, %g, %s, %v, %lr, %t {alpha = 0.9 : f64, beta = 0.999 : f64, epsilon = -1.0 : f64, norm_coefficient = 0.0 : f64, norm_coefficient_post = 0.0 : f64} : tensor<4xf32>, tensor<f32>
  return
}

// -----

func.func @case57(%w: tensor<4xf32>, %g: tensor<5xf32>, %lr: tensor<f32>, %t: tensor<i64>) {
  // expected-error @+1 {{'dfg.adam_update' op failed to verify that all of {param, grad, first_moment, second_moment, new_param, new_first_moment, new_second_moment} have same type}}
  %0:3 = "dfg.adam_update"(%w, %g, %w, %w, %lr, %t) {alpha = 0.9 : f64, beta = 0.999 : f64, epsilon = 1.0e-8 : f64, norm_coefficient = 0.0 : f64, norm_coefficient_post = 0.0 : f64} : (tensor<4xf32>, tensor<5xf32>, tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<i64>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
  return
}

// -----

func.func @gather_elements_rank(%x: tensor<3x4xf32>, %i: tensor<2xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected indices of rank 2 (the input rank), but got 1}}
  %0 = dfg.gather_elements %x, %i {axis = 0 : i64} : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_elements_axis(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected axis in [0, 2), but got 2}}
  %0 = dfg.gather_elements %x, %i {axis = 2 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  return
}

// -----

func.func @scatter_elements_updates_type(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf16>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected updates of element type 'f32' like the input, but got 'f16'}}
  %0 = dfg.scatter_elements %x, %i, %u {axis = 1 : i64, reduction = #dfg<scatter_reduction none>} : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf16>) -> tensor<3x4xf32>
  return
}

// -----

func.func @scatter_elements_updates_shape(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>, %u: tensor<3x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected updates of shape 3x2, but got 3x3}}
  %0 = dfg.scatter_elements %x, %i, %u {axis = 1 : i64, reduction = #dfg<scatter_reduction none>} : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x3xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @gather_nd_batch_dims(%x: tensor<2x2xf32>, %i: tensor<2x1xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected batch_dims in [0, 2), but got 2}}
  %0 = dfg.gather_nd %x, %i {batch_dims = 2 : i64} : (tensor<2x2xf32>, tensor<2x1xi64>) -> tensor<2xf32>
  return
}

// -----

func.func @scatter_nd_rank(%x: tensor<2x2xf32>, %i: tensor<i64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected indices of rank at least 1, but got 0}}
  %0 = dfg.scatter_nd %x, %i, %x {reduction = #dfg<scatter_reduction none>} : (tensor<2x2xf32>, tensor<i64>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @gather_nd_dynamic_depth(%x: tensor<2x2xf32>, %i: tensor<3x?xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a static last dimension of indices (the index depth), but got 3x?}}
  %0 = dfg.gather_nd %x, %i {batch_dims = 0 : i64} : (tensor<2x2xf32>, tensor<3x?xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @gather_nd_depth(%x: tensor<2x2xf32>, %i: tensor<3x3xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected an index depth in [1, 2], but got 3}}
  %0 = dfg.gather_nd %x, %i {batch_dims = 0 : i64} : (tensor<2x2xf32>, tensor<3x3xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @gather_nd_batch_mismatch(%x: tensor<2x2x2xf32>, %i: tensor<3x1xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected indices to match batch dimension 0 (2) of the input, but got 3}}
  %0 = dfg.gather_nd %x, %i {batch_dims = 1 : i64} : (tensor<2x2x2xf32>, tensor<3x1xi64>) -> tensor<3x2xf32>
  return
}

// -----

func.func @scatter_nd_updates_shape(%x: tensor<4x4x4xf32>, %i: tensor<2x1xi64>, %u: tensor<2x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected updates of shape 2x4x4, but got 2x4}}
  %0 = dfg.scatter_nd %x, %i, %u {reduction = #dfg<scatter_reduction mul>} : (tensor<4x4x4xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<4x4x4xf32>
  return
}

// -----

func.func @cumsum_axis(%x: tensor<5xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected axis in [0, 1), but got -1}}
  %0 = dfg.cumsum %x {axis = -1 : i64, exclusive = false, reverse = false} : (tensor<5xf32>) -> tensor<5xf32>
  return
}

// -----

func.func @top_k_k(%x: tensor<3x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected k in [0, 4] (the size of the axis), but got 5}}
  %0:2 = dfg.top_k %x {axis = 1 : i64, k = 5 : i64, largest = true, sorted = true} : (tensor<3x4xf32>) -> (tensor<3x5xf32>, tensor<3x5xi64>)
  return
}

// -----

func.func @resize_element_type(%x: tensor<1x4xf32>) {
  // expected-error @+1 {{'dfg.resize' op expected a result of element type 'f32' like the input, but got 'f16'}}
  %0 = dfg.resize %x {mode = #dfg<resize_mode nearest>, coordinate_mode = #dfg<coordinate_mode asymmetric>, nearest_mode = #dfg<nearest_mode floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x4xf32>) -> tensor<1x8xf16>
  return
}

// -----

func.func @resize_rank(%x: tensor<1x4xf32>) {
  // expected-error @+1 {{'dfg.resize' op expected a result of rank 2 like the input, but got 1}}
  %0 = dfg.resize %x {mode = #dfg<resize_mode nearest>, coordinate_mode = #dfg<coordinate_mode asymmetric>, nearest_mode = #dfg<nearest_mode floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x4xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @resize_integer_linear(%x: tensor<1x4xi32>) {
  // expected-error @+1 {{'dfg.resize' op expected a float input for linear interpolation, but got 'i32'}}
  %0 = dfg.resize %x {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode asymmetric>, nearest_mode = #dfg<nearest_mode floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x4xi32>) -> tensor<1x8xi32>
  return
}

// -----

func.func @resize_scales(%x: tensor<1x4xf32>, %s: tensor<3xf32>) {
  // expected-error @+1 {{'dfg.resize' op expected 2 scales (the input rank), but got 3}}
  %0 = dfg.resize %x scales %s {mode = #dfg<resize_mode nearest>, coordinate_mode = #dfg<coordinate_mode asymmetric>, nearest_mode = #dfg<nearest_mode floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x4xf32>, tensor<3xf32>) -> tensor<1x8xf32>
  return
}

// -----

func.func @resize_roi_mode(%x: tensor<1x4xf32>, %r: tensor<4xf32>) {
  // expected-error @+1 {{'dfg.resize' op expected a roi operand only with coordinate mode tf_crop_and_resize, but the mode is half_pixel}}
  %0 = dfg.resize %x roi %r {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode half_pixel>, nearest_mode = #dfg<nearest_mode floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x4xf32>, tensor<4xf32>) -> tensor<1x8xf32>
  return
}

// -----

func.func @resize_roi_size(%x: tensor<1x4xf32>, %r: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.resize' op expected a roi of 4 elements (twice the input rank), but got 2}}
  %0 = dfg.resize %x roi %r {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode tf_crop_and_resize>, nearest_mode = #dfg<nearest_mode floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x4xf32>, tensor<2xf32>) -> tensor<1x8xf32>
  return
}

// -----

func.func @dynamic_slice_element_type(%x: tensor<4xf32>, %i: tensor<1xi64>) {
  // expected-error @+1 {{'dfg.dynamic_slice' op expected a result of element type 'f32' like the input, but got 'i32'}}
  %0 = dfg.dynamic_slice %x, %i, %i, %i : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xi32>
  return
}

// -----

func.func @dynamic_slice_rank(%x: tensor<4xf32>, %i: tensor<1xi64>) {
  // expected-error @+1 {{'dfg.dynamic_slice' op expected a result of rank 1 like the input, but got 2}}
  %0 = dfg.dynamic_slice %x, %i, %i, %i : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x?xf32>
  return
}

// -----

func.func @dynamic_slice_parameters(%x: tensor<4xf32>, %i: tensor<1xi64>, %j: tensor<2xi64>) {
  // expected-error @+1 {{'dfg.dynamic_slice' op expected starts, limits and strides of 1 elements (the input rank), but got [1, 2, 1]}}
  %0 = dfg.dynamic_slice %x, %i, %j, %i : (tensor<4xf32>, tensor<1xi64>, tensor<2xi64>, tensor<1xi64>) -> tensor<?xf32>
  return
}

// -----

func.func @dynamic_slice_larger(%x: tensor<4xf32>, %i: tensor<1xi64>) {
  // expected-error @+1 {{'dfg.dynamic_slice' op expected result dimension 0 to be at most the input's 4, but got 5}}
  %0 = dfg.dynamic_slice %x, %i, %i, %i : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<5xf32>
  return
}

// -----

func.func @dynamic_pad_amounts(%x: tensor<4x4xf32>, %i: tensor<1xi64>) {
  // expected-error @+1 {{'dfg.dynamic_pad' op expected low and high of 2 elements (the input rank), but got [1, 1]}}
  %0 = dfg.dynamic_pad %x, %i, %i {mode = #dfg<pad_mode edge>} : (tensor<4x4xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x?xf32>
  return
}

// -----

func.func @dynamic_pad_value_mode(%x: tensor<4xf32>, %i: tensor<1xi64>, %v: tensor<f32>) {
  // expected-error @+1 {{'dfg.dynamic_pad' op expected no value operand in reflect mode}}
  %0 = dfg.dynamic_pad %x, %i, %i, %v {mode = #dfg<pad_mode reflect>} : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<f32>) -> tensor<?xf32>
  return
}

// -----

func.func @dynamic_pad_value_type(%x: tensor<4xf32>, %i: tensor<1xi64>, %v: tensor<f16>) {
  // expected-error @+1 {{'dfg.dynamic_pad' op expected a value of element type 'f32' like the input, but got 'f16'}}
  %0 = dfg.dynamic_pad %x, %i, %i, %v {mode = #dfg<pad_mode constant>} : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<f16>) -> tensor<?xf32>
  return
}

// -----

func.func @range_element_type(%a: tensor<f32>, %b: tensor<i32>) {
  // expected-error @+1 {{'dfg.range' op expected start, limit and delta of the result's element type 'f32', but got 'f32', 'i32' and 'f32'}}
  %0 = dfg.range %a, %b, %a : (tensor<f32>, tensor<i32>, tensor<f32>) -> tensor<?xf32>
  return
}

// -----

func.func @nms_boxes(%b: tensor<1x6x5xf32>, %s: tensor<1x1x6xf32>, %m: tensor<i64>, %t: tensor<f32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected boxes of shape [B, N, 4], but got 1x6x5}}
  %0 = dfg.non_max_suppression %b, %s, %m, %t {center_point_box = false} : (tensor<1x6x5xf32>, tensor<1x1x6xf32>, tensor<i64>, tensor<f32>) -> tensor<?x3xi64>
  return
}

// -----

func.func @nms_scores_rank(%b: tensor<1x6x4xf32>, %s: tensor<1x6xf32>, %m: tensor<i64>, %t: tensor<f32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected scores of rank 3 ([B, C, N]), but got 2}}
  %0 = dfg.non_max_suppression %b, %s, %m, %t {center_point_box = false} : (tensor<1x6x4xf32>, tensor<1x6xf32>, tensor<i64>, tensor<f32>) -> tensor<?x3xi64>
  return
}

// -----

func.func @nms_scores_shape(%b: tensor<1x6x4xf32>, %s: tensor<1x1x5xf32>, %m: tensor<i64>, %t: tensor<f32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected scores of shape [1, C, 6] like the boxes, but got 1x1x5}}
  %0 = dfg.non_max_suppression %b, %s, %m, %t {center_point_box = false} : (tensor<1x6x4xf32>, tensor<1x1x5xf32>, tensor<i64>, tensor<f32>) -> tensor<?x3xi64>
  return
}

// -----

func.func @nms_types(%b: tensor<1x6x4xf32>, %s: tensor<1x1x6xf32>, %m: tensor<i64>, %t: tensor<f16>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected scores and thresholds of element type 'f32' like the boxes, but got 'f16'}}
  %0 = dfg.non_max_suppression %b, %s, %m, %t {center_point_box = false} : (tensor<1x6x4xf32>, tensor<1x1x6xf32>, tensor<i64>, tensor<f16>) -> tensor<?x3xi64>
  return
}

// -----

func.func @unique_axis(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected axis in [0, 2), but got 2}}
  %0:4 = dfg.unique %x {axis = 2 : i64, sorted = true} : (tensor<2x3xf32>) -> (tensor<2x?xf32>, tensor<?xi64>, tensor<3xi64>, tensor<?xi64>)
  return
}

// -----

func.func @grid_sample_rank(%x: tensor<3x8xf32>, %g: tensor<3x8xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected an input of rank at least 3 ([N, C, D1, ...]), but got 2}}
  %0 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode linear>, padding_mode = #dfg<grid_padding_mode zeros>, align_corners = false} : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  return
}

// -----

func.func @grid_sample_type(%x: tensor<1x1x4x4xf32>, %g: tensor<1x2x2x2xf16>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a grid of element type 'f32' like the input, but got 'f16'}}
  %0 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode linear>, padding_mode = #dfg<grid_padding_mode zeros>, align_corners = false} : (tensor<1x1x4x4xf32>, tensor<1x2x2x2xf16>) -> tensor<1x1x2x2xf32>
  return
}

// -----

func.func @grid_sample_grid(%x: tensor<1x1x4x4xf32>, %g: tensor<1x2x2x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a grid of rank 4 with last dimension 2 (the spatial rank), but got 1x2x2x3}}
  %0 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode linear>, padding_mode = #dfg<grid_padding_mode zeros>, align_corners = false} : (tensor<1x1x4x4xf32>, tensor<1x2x2x3xf32>) -> tensor<1x1x2x2xf32>
  return
}

// -----

func.func @grid_sample_batch(%x: tensor<1x1x4x4xf32>, %g: tensor<2x2x2x2xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a grid of batch size 1 like the input, but got 2}}
  %0 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode linear>, padding_mode = #dfg<grid_padding_mode zeros>, align_corners = false} : (tensor<1x1x4x4xf32>, tensor<2x2x2x2xf32>) -> tensor<2x1x2x2xf32>
  return
}

// -----

func.func @grid_sample_cubic(%x: tensor<1x1x4x4x4xf32>, %g: tensor<1x2x2x2x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected 2 spatial dimensions for cubic sampling, but got 3}}
  %0 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode cubic>, padding_mode = #dfg<grid_padding_mode zeros>, align_corners = false} : (tensor<1x1x4x4x4xf32>, tensor<1x2x2x2x3xf32>) -> tensor<1x1x2x2x2xf32>
  return
}

// -----

func.func @roi_align_rank(%x: tensor<1x4x4xf32>, %r: tensor<2x4xf32>, %b: tensor<2xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected an input of rank 4 ([N, C, H, W]), but got 3}}
  %0 = dfg.roi_align %x, %r, %b {mode = #dfg<pool_kind avg>, output_height = 1 : i64, output_width = 1 : i64, sampling_ratio = 0 : i64, spatial_scale = 1.0 : f64, half_pixel = true} : (tensor<1x4x4xf32>, tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x1x1x1xf32>
  return
}

// -----

func.func @roi_align_type(%x: tensor<1x1x4x4xf32>, %r: tensor<2x4xf16>, %b: tensor<2xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected rois of element type 'f32' like the input, but got 'f16'}}
  %0 = dfg.roi_align %x, %r, %b {mode = #dfg<pool_kind avg>, output_height = 1 : i64, output_width = 1 : i64, sampling_ratio = 0 : i64, spatial_scale = 1.0 : f64, half_pixel = true} : (tensor<1x1x4x4xf32>, tensor<2x4xf16>, tensor<2xi64>) -> tensor<2x1x1x1xf32>
  return
}

// -----

func.func @roi_align_rois(%x: tensor<1x1x4x4xf32>, %r: tensor<2x3xf32>, %b: tensor<2xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected rois of shape [R, 4], but got 2x3}}
  %0 = dfg.roi_align %x, %r, %b {mode = #dfg<pool_kind avg>, output_height = 1 : i64, output_width = 1 : i64, sampling_ratio = 0 : i64, spatial_scale = 1.0 : f64, half_pixel = true} : (tensor<1x1x4x4xf32>, tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x1x1x1xf32>
  return
}

// -----

func.func @roi_align_batch(%x: tensor<1x1x4x4xf32>, %r: tensor<2x4xf32>, %b: tensor<3xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected batch indices of shape [2] (one per roi), but got 3}}
  %0 = dfg.roi_align %x, %r, %b {mode = #dfg<pool_kind avg>, output_height = 1 : i64, output_width = 1 : i64, sampling_ratio = 0 : i64, spatial_scale = 1.0 : f64, half_pixel = true} : (tensor<1x1x4x4xf32>, tensor<2x4xf32>, tensor<3xi64>) -> tensor<2x1x1x1xf32>
  return
}

// -----

func.func @roi_align_size(%x: tensor<1x1x4x4xf32>, %r: tensor<2x4xf32>, %b: tensor<2xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a positive output size, but got 0x1}}
  %0 = dfg.roi_align %x, %r, %b {mode = #dfg<pool_kind avg>, output_height = 0 : i64, output_width = 1 : i64, sampling_ratio = 0 : i64, spatial_scale = 1.0 : f64, half_pixel = true} : (tensor<1x1x4x4xf32>, tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x1x0x1xf32>
  return
}

// -----

func.func @roi_align_ratio(%x: tensor<1x1x4x4xf32>, %r: tensor<2x4xf32>, %b: tensor<2xi64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a non-negative sampling ratio, but got -1}}
  %0 = dfg.roi_align %x, %r, %b {mode = #dfg<pool_kind avg>, output_height = 1 : i64, output_width = 1 : i64, sampling_ratio = -1 : i64, spatial_scale = 1.0 : f64, half_pixel = true} : (tensor<1x1x4x4xf32>, tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x1x1x1xf32>
  return
}

// -----

func.func @if_yield_count(%c: tensor<i1>, %a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.if' op expected the then region to yield 1 values like the results, but it yields 0}}
  %0 = dfg.if %c -> (tensor<2xf32>) {
    dfg.yield
  } else {
    dfg.yield %a : tensor<2xf32>
  }
  return
}

// -----

func.func @if_yield_type(%c: tensor<i1>, %a: tensor<2xf32>, %b: tensor<2xi32>) {
  // expected-error @+1 {{'dfg.if' op expected else value 0 of a type compatible with result type 'tensor<2xf32>', but got 'tensor<2xi32>'}}
  %0 = dfg.if %c -> (tensor<2xf32>) {
    dfg.yield %a : tensor<2xf32>
  } else {
    dfg.yield %b : tensor<2xi32>
  }
  return
}

// -----

func.func @if_terminator(%c: tensor<i1>, %a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.if' op expected the then region to end in dfg.yield}}
  %0 = dfg.if %c -> (tensor<2xf32>) {
    %1 = dfg.neg %a : (tensor<2xf32>) -> tensor<2xf32>
  } else {
    dfg.yield %a : tensor<2xf32>
  }
  return
}

// -----

func.func @loop_arg_count(%a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.loop' op expected the body to take 3 arguments (iteration number, condition and one per loop-carried value), but it takes 2}}
  %0 = dfg.loop iter_args(%a : tensor<2xf32>) -> (tensor<2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    dfg.yield %c, %a : tensor<i1>, tensor<2xf32>
  }
  return
}

// -----

func.func @loop_iteration_type() {
  // expected-error @+1 {{'dfg.loop' op expected the iteration number argument to be tensor<i64>, but got 'tensor<i32>'}}
  dfg.loop {
  ^bb0(%i: tensor<i32>, %c: tensor<i1>):
    dfg.yield %c : tensor<i1>
  }
  return
}

// -----

func.func @loop_condition_type() {
  // expected-error @+1 {{'dfg.loop' op expected the condition argument to be tensor<i1>, but got 'tensor<1xi1>'}}
  dfg.loop {
  ^bb0(%i: tensor<i64>, %c: tensor<1xi1>):
    %0 = dfg.constant dense<true> : tensor<i1>
    dfg.yield %0 : tensor<i1>
  }
  return
}

// -----

func.func @loop_result_count(%a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.loop' op expected at least 1 results (one per loop-carried value), but got 0}}
  dfg.loop iter_args(%a : tensor<2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %y: tensor<2xf32>):
    dfg.yield %c, %y : tensor<i1>, tensor<2xf32>
  }
  return
}

// -----

func.func @loop_arg_type(%a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.loop' op expected loop-carried argument 0 of a type compatible with its initial value's 'tensor<2xf32>', but got 'tensor<3xf32>'}}
  %0 = dfg.loop iter_args(%a : tensor<2xf32>) -> (tensor<2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %y: tensor<3xf32>):
    dfg.yield %c, %a : tensor<i1>, tensor<2xf32>
  }
  return
}

// -----

func.func @loop_result_type(%a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.loop' op expected loop-carried result 0 of a type compatible with its initial value's 'tensor<2xf32>', but got 'tensor<2xf16>'}}
  %0 = dfg.loop iter_args(%a : tensor<2xf32>) -> (tensor<2xf16>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %y: tensor<2xf32>):
    dfg.yield %c, %y : tensor<i1>, tensor<2xf32>
  }
  return
}

// -----

func.func @loop_terminator(%a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.loop' op expected the body to end in dfg.yield}}
  dfg.loop {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    %0 = dfg.neg %a : (tensor<2xf32>) -> tensor<2xf32>
  }
  return
}

// -----

func.func @loop_yield_count(%a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.loop' op expected the body to yield 2 values (condition, loop-carried values and scan outputs), but it yields 1}}
  %0 = dfg.loop iter_args(%a : tensor<2xf32>) -> (tensor<2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %y: tensor<2xf32>):
    dfg.yield %c : tensor<i1>
  }
  return
}

// -----

func.func @loop_yield_condition(%a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.loop' op expected the body to yield a tensor<i1> condition, but got 'tensor<2xf32>'}}
  dfg.loop {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    dfg.yield %a : tensor<2xf32>
  }
  return
}

// -----

func.func @loop_yield_carried(%a: tensor<2xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'dfg.loop' op expected yielded loop-carried value 0 of a type compatible with its argument's 'tensor<2xf32>', but got 'tensor<4xf32>'}}
  %0 = dfg.loop iter_args(%a : tensor<2xf32>) -> (tensor<2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %y: tensor<2xf32>):
    dfg.yield %c, %b : tensor<i1>, tensor<4xf32>
  }
  return
}

// -----

func.func @loop_scan_type(%a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.loop' op expected scan output 0 to stack the yielded 'tensor<2xf32>' along a new leading dimension, but got 'tensor<?x3xf32>'}}
  %0 = dfg.loop -> (tensor<?x3xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    dfg.yield %c, %a : tensor<i1>, tensor<2xf32>
  }
  return
}

// -----

func.func @yield_parent(%a: tensor<2xf32>) {
  // expected-error @+1 {{'dfg.yield' op expects parent op to be one of 'dfg.if, dfg.loop'}}
  dfg.yield %a : tensor<2xf32>
}

// -----

// expected-error @+1 {{expected sequence elements of a float or integer element type, but got 'index'}}
func.func @sequence_element(%s: !dfg.sequence<tensor<*xindex>>) {
  return
}

// -----

// expected-error @+1 {{expected an optional of a ranked tensor of a float or integer element type or of a sequence, but got 'tensor<*xf32>'}}
func.func @optional_element(%o: !dfg.optional<tensor<*xf32>>) {
  return
}

// -----

func.func @sequence_construct_empty() {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected at least one tensor}}
  %0 = dfg.sequence_construct : () -> !dfg.sequence<tensor<*xf32>>
  return
}

// -----

func.func @sequence_construct_mixed(%a: tensor<2xf32>, %b: tensor<2xi32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected tensors of element type 'f32' like the first, but input 1 has 'i32'}}
  %0 = dfg.sequence_construct %a, %b : (tensor<2xf32>, tensor<2xi32>) -> !dfg.sequence<tensor<2xf32>>
  return
}

// -----

func.func @sequence_insert_element(%s: !dfg.sequence<tensor<*xf32>>, %a: tensor<2xi32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected a tensor of element type 'f32' (the sequence's), but got 'i32'}}
  %0 = dfg.sequence_insert %s, %a : (!dfg.sequence<tensor<*xf32>>, tensor<2xi32>) -> !dfg.sequence<tensor<*xf32>>
  return
}

// -----

func.func @sequence_at_element(%s: !dfg.sequence<tensor<*xf32>>, %p: tensor<i64>) {
  // expected-error @+1 {{'dfg.sequence_at' op expected a result of element type 'f32' (the sequence's), but got 'i32'}}
  %0 = dfg.sequence_at %s, %p : (!dfg.sequence<tensor<*xf32>>, tensor<i64>) -> tensor<2xi32>
  return
}

// -----

func.func @sequence_at_shape(%s: !dfg.sequence<tensor<?x3xf32>>, %p: tensor<i64>) {
  // expected-error @+1 {{'dfg.sequence_at' op expected a result of shape ?x3 (the sequence elements'), but got 2x4}}
  %0 = dfg.sequence_at %s, %p : (!dfg.sequence<tensor<?x3xf32>>, tensor<i64>) -> tensor<2x4xf32>
  return
}

// -----

func.func @split_to_sequence_axis(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected axis in [0, 2), but got 2}}
  %0 = dfg.split_to_sequence %x {axis = 2 : i64, keepdims = true} : (tensor<2x3xf32>) -> !dfg.sequence<tensor<2x3xf32>>
  return
}

// -----

func.func @split_to_sequence_keepdims(%x: tensor<2x3xf32>, %n: tensor<i64>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{expected keepdims = true with a split operand}}
  %0 = dfg.split_to_sequence %x split %n {axis = 0 : i64, keepdims = false} : (tensor<2x3xf32>, tensor<i64>) -> !dfg.sequence<tensor<?x3xf32>>
  return
}

// -----

func.func @concat_from_sequence_element(%s: !dfg.sequence<tensor<2x3xf32>>) {
  // expected-error @+1 {{'dfg.concat_from_sequence' op expected a result of element type 'f32' (the sequence's), but got 'i64'}}
  %0 = dfg.concat_from_sequence %s {axis = 0 : i64, new_axis = false} : (!dfg.sequence<tensor<2x3xf32>>) -> tensor<?x3xi64>
  return
}

// -----

func.func @concat_from_sequence_axis(%s: !dfg.sequence<tensor<2x3xf32>>) {
  // expected-error @+1 {{'dfg.concat_from_sequence' op expected axis in [0, 2), but got 2}}
  %0 = dfg.concat_from_sequence %s {axis = 2 : i64, new_axis = false} : (!dfg.sequence<tensor<2x3xf32>>) -> tensor<2x?xf32>
  return
}

// -----

func.func @concat_from_sequence_shape(%s: !dfg.sequence<tensor<2x3xf32>>) {
  // expected-error @+1 {{'dfg.concat_from_sequence' op expected a result of shape 2x?x3, but got 2x3}}
  %0 = dfg.concat_from_sequence %s {axis = 1 : i64, new_axis = true} : (!dfg.sequence<tensor<2x3xf32>>) -> tensor<2x3xf32>
  return
}

// -----

func.func @loop_sequence_element_type(%s: !dfg.sequence<tensor<*xf32>>) {
  // expected-error @+1 {{'dfg.loop' op expected loop-carried argument 0 of a type compatible with its initial value's '!dfg.sequence<tensor<*xf32>>', but got '!dfg.sequence<tensor<*xi64>>'}}
  %0 = dfg.loop iter_args(%s : !dfg.sequence<tensor<*xf32>>) -> (!dfg.sequence<tensor<*xf32>>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %t: !dfg.sequence<tensor<*xi64>>):
    dfg.yield %c, %s : tensor<i1>, !dfg.sequence<tensor<*xf32>>
  }
  return
}

// -----

func.func @loop_scan_sequence(%s: !dfg.sequence<tensor<2xf32>>) {
  // expected-error @+1 {{'dfg.loop' op expected scan output 0 to stack the yielded '!dfg.sequence<tensor<2xf32>>' along a new leading dimension, but got 'tensor<?x2xf32>'}}
  %0 = dfg.loop -> (tensor<?x2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    dfg.yield %c, %s : tensor<i1>, !dfg.sequence<tensor<2xf32>>
  }
  return
}

// -----

func.func @random_static_shape() {
  // expected-error @+1 {{'dfg.random_uniform' op expected a static result shape without a like operand, but got ?x3}}
  %0 = dfg.random_uniform {high = 1.0 : f64, low = 0.0 : f64} : () -> tensor<?x3xf32>
  return
}

// -----

func.func @random_like_shape(%x: tensor<2x4xi64>) {
  // expected-error @+1 {{'dfg.random_normal' op expected a result of shape 2x4 (the like operand's), but got 2x5}}
  %0 = dfg.random_normal %x {mean = 0.0 : f64, scale = 1.0 : f64} : (tensor<2x4xi64>) -> tensor<2x5xf32>
  return
}

// -----

func.func @random_uniform_range() {
  // expected-error @+1 {{'dfg.random_uniform' op expected low <= high, but got low = 2 and high = 1}}
  %0 = dfg.random_uniform {high = 1.0 : f64, low = 2.0 : f64} : () -> tensor<3xf32>
  return
}

// -----

func.func @random_normal_scale() {
  // expected-error @+1 {{'dfg.random_normal' op expected a non-negative scale, but got -1}}
  %0 = dfg.random_normal {mean = 0.0 : f64, scale = -1.0 : f64} : () -> tensor<3xf32>
  return
}
