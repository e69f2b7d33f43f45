// RUN: dfg-opt %s -dfg-infer-shapes -split-input-file | FileCheck %s
// RUN: dfg-opt %s -dfg-infer-shapes="refine-function-results=false" -split-input-file | FileCheck %s --check-prefix=KEEP
// Nested on each function, the pass sees no calls: signatures stay.
// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-infer-shapes))' -split-input-file | FileCheck %s --check-prefix=NESTED

// Sizes flow forward from the arguments through every kind of op.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: -> tensor<2x4xf32>
// CHECK: dfg.add {{.*}} -> tensor<2x3xf32>
// CHECK: dfg.exp {{.*}} -> tensor<2x3xf32>
// CHECK: dfg.matmul {{.*}} -> tensor<2x4xf32>
// CHECK: return {{.*}} : tensor<2x4xf32>
// KEEP-LABEL: func.func @chain
// KEEP-SAME: -> tensor<?x?xf32>
// KEEP: dfg.matmul {{.*}} -> tensor<2x4xf32>
// KEEP: %[[C:.*]] = tensor.cast %{{.*}} : tensor<2x4xf32> to tensor<?x?xf32>
// KEEP: return %[[C]]
func.func @chain(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %w: tensor<3x4xf32>) -> tensor<?x?xf32> {
  %0 = dfg.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<?x?xf32>
  %1 = dfg.exp %0 : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %2 = dfg.matmul %1, %w : (tensor<?x?xf32>, tensor<3x4xf32>) -> tensor<?x?xf32>
  return %2 : tensor<?x?xf32>
}

// -----

// A dynamic batch stays dynamic; the sizes that are known become static.
// CHECK-LABEL: func.func @conv_pool_flatten
// CHECK: dfg.conv {{.*}} -> tensor<?x8x16x16xf32>
// CHECK: dfg.pool {{.*}} -> tensor<?x8x1x1xf32>
// CHECK: dfg.reshape {{.*}} -> tensor<?x8xf32>
func.func @conv_pool_flatten(%x: tensor<?x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<?x?xf32> {
  %0 = dfg.conv %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,
      dilations = array<i64: 1, 1>, groups = 1 : i64}
      : (tensor<?x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<?x?x?x?xf32>
  %1 = dfg.pool avg, %0 {kernel = array<i64: 16, 16>, strides = array<i64: 1, 1>,
      pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>,
      count_include_pad = false, ceil_mode = false} : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %2 = dfg.reshape %1 : (tensor<?x?x?x?xf32>) -> tensor<?x8xf32>
  %3 = dfg.cast %2 : (tensor<?x8xf32>) -> tensor<?x?xf32>
  return %3 : tensor<?x?xf32>
}

// -----

// A reshape's one dynamic size follows from the element count.
// CHECK-LABEL: func.func @reshape_from_count
// CHECK: dfg.reshape {{.*}} -> tensor<6x4xf32>
// CHECK: dfg.cast {{.*}} -> tensor<6x4xi32>
func.func @reshape_from_count(%x: tensor<2x3x4xf32>) -> tensor<?x4xi32> {
  %0 = dfg.reshape %x : (tensor<2x3x4xf32>) -> tensor<?x4xf32>
  %1 = dfg.cast %0 : (tensor<?x4xf32>) -> tensor<?x4xi32>
  return %1 : tensor<?x4xi32>
}

// -----

// Users that need the old type exactly keep it through a tensor.cast.
// CHECK-LABEL: func.func @optimizer_user
// CHECK: %[[E:.*]] = dfg.exp {{.*}} -> tensor<4xf32>
// CHECK: %[[C:.*]] = tensor.cast %[[E]] : tensor<4xf32> to tensor<?xf32>
// CHECK: dfg.sgd_update %{{.*}}, %[[C]], %{{.*}} {{.*}} : tensor<?xf32>, tensor<f32>
func.func @optimizer_user(%w: tensor<?xf32>, %g: tensor<4xf32>, %lr: tensor<f32>) -> tensor<?xf32> {
  %0 = dfg.exp %g : (tensor<4xf32>) -> tensor<?xf32>
  %1 = dfg.sgd_update %w, %0, %lr {weight_decay = 0.0 : f64} : tensor<?xf32>, tensor<f32>
  return %1 : tensor<?xf32>
}

// -----

// Nothing to refine: the IR is left as it is.
// CHECK-LABEL: func.func @already_static
// CHECK-NEXT: dfg.neg %{{.*}} : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: return
func.func @already_static(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = dfg.neg %x : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Run-time parameters leave sizes dynamic; once shapes are known, the
// sizes read with dfg.shape_of fold, and the slice they parameterise
// becomes a dfg.slice (here of everything, which folds away).
// CHECK-LABEL: func.func @dynamic_parameters
// CHECK: %[[R:.*]] = dfg.range {{.*}} -> tensor<?xf32>
// CHECK: %[[S:.*]] = dfg.dynamic_slice {{.*}} -> tensor<?xf32>
// CHECK: %[[Y:.*]] = dfg.exp {{.*}} -> tensor<4x2xf32>
// CHECK-NOT: dfg.shape_of
// CHECK-NOT: dfg.dynamic_slice
// CHECK: return %[[R]], %[[S]], %[[Y]] :
func.func @dynamic_parameters(%n: tensor<f32>, %s: tensor<1xi64>, %x: tensor<4x2xf32>)
    -> (tensor<?xf32>, tensor<?xf32>, tensor<?x?xf32>) {
  %r = dfg.range %n, %n, %n : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %0 = dfg.dynamic_slice %r, %s, %s, %s : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  %y = dfg.exp %x : (tensor<4x2xf32>) -> tensor<?x?xf32>
  %shape = dfg.shape_of %y : (tensor<?x?xf32>) -> tensor<2xi64>
  %zero = dfg.constant dense<0> : tensor<2xi64>
  %one = dfg.constant dense<1> : tensor<2xi64>
  %1 = dfg.dynamic_slice %y, %zero, %shape, %one : (tensor<?x?xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x?xf32>
  return %r, %0, %1 : tensor<?xf32>, tensor<?xf32>, tensor<?x?xf32>
}

// -----

// A reshape's shape built as a concatenation with constant pieces (as
// exporters do): the constant sizes refine the result; with one dynamic
// size left the shape operand goes (the element count implies it), which
// also happens to a fully known shape.
// CHECK-LABEL: func.func @reshape_from_shape_pieces
// CHECK: %[[A:.*]] = dfg.reshape %arg0 : (tensor<16x?x64xf32>) -> tensor<16x?x16xf32>
// CHECK: %[[B:.*]] = dfg.reshape %arg0, %{{.*}} : (tensor<16x?x64xf32>, tensor<3xi64>) -> tensor<?x?x16xf32>
// CHECK: return %[[A]], %[[B]]
func.func @reshape_from_shape_pieces(%x: tensor<16x?x64xf32>, %n: tensor<1xi64>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>) {
  %sixteen = dfg.constant dense<16> : tensor<1xi64>
  %heads = dfg.mul %n, %sixteen : (tensor<1xi64>, tensor<1xi64>) -> tensor<1xi64>
  %shape = dfg.concat %sixteen, %heads, %sixteen {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3xi64>
  %0 = dfg.reshape %x, %shape : (tensor<16x?x64xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  %other = dfg.concat %n, %heads, %sixteen {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3xi64>
  %1 = dfg.reshape %x, %other : (tensor<16x?x64xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  return %0, %1 : tensor<?x?x?xf32>, tensor<?x?x?xf32>
}

// -----

// Reshape sizes the importer derived from the input's dimensions (slices
// of dfg.shape_of, and products of them) are known once refinement makes
// those dimensions static: here the batch, from the broadcast with %s.
// CHECK-LABEL: func.func @reshape_from_input_dims
// CHECK: %[[Y:.*]] = dfg.add %arg0, %arg1 : (tensor<?x1x?x4xf32>, tensor<2x1x1x1xf32>) -> tensor<2x1x?x4xf32>
// CHECK: %[[A:.*]] = dfg.reshape %[[Y]] : (tensor<2x1x?x4xf32>) -> tensor<2x?x4xf32>
// CHECK: %[[B:.*]] = dfg.reshape %[[Y]] : (tensor<2x1x?x4xf32>) -> tensor<2x?xf32>
// CHECK: %[[C:.*]] = dfg.reshape %arg0, %{{.*}} : (tensor<?x1x?x4xf32>, tensor<3xi64>) -> tensor<?x?x4xf32>
// CHECK: return %[[A]], %[[B]], %[[C]]
func.func @reshape_from_input_dims(%x: tensor<?x1x?x4xf32>, %s: tensor<2x1x1x1xf32>) -> (tensor<?x?x?xf32>, tensor<?x?xf32>, tensor<?x?x?xf32>) {
  %y = dfg.add %x, %s : (tensor<?x1x?x4xf32>, tensor<2x1x1x1xf32>) -> tensor<?x1x?x4xf32>
  %dims = dfg.shape_of %y : (tensor<?x1x?x4xf32>) -> tensor<4xi64>
  %n = dfg.slice %dims {limits = array<i64: 1>, starts = array<i64: 0>, strides = array<i64: 1>} : (tensor<4xi64>) -> tensor<1xi64>
  %hw = dfg.slice %dims {limits = array<i64: 4>, starts = array<i64: 2>, strides = array<i64: 1>} : (tensor<4xi64>) -> tensor<2xi64>
  %squeezed = dfg.concat %n, %hw {axis = 0 : i64} : (tensor<1xi64>, tensor<2xi64>) -> tensor<3xi64>
  %0 = dfg.reshape %y, %squeezed : (tensor<?x1x?x4xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  %lead = dfg.slice %dims {limits = array<i64: 2>, starts = array<i64: 0>, strides = array<i64: 1>} : (tensor<4xi64>) -> tensor<2xi64>
  %rows = dfg.reduce prod, %lead {axes = array<i64: 0>, keep_dims = true} : (tensor<2xi64>) -> tensor<1xi64>
  %cols = dfg.reduce prod, %hw {axes = array<i64: 0>, keep_dims = true} : (tensor<2xi64>) -> tensor<1xi64>
  %flat = dfg.concat %rows, %cols {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %1 = dfg.reshape %y, %flat : (tensor<?x1x?x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  %xdims = dfg.shape_of %x : (tensor<?x1x?x4xf32>) -> tensor<4xi64>
  %xn = dfg.slice %xdims {limits = array<i64: 1>, starts = array<i64: 0>, strides = array<i64: 1>} : (tensor<4xi64>) -> tensor<1xi64>
  %xhw = dfg.slice %xdims {limits = array<i64: 4>, starts = array<i64: 2>, strides = array<i64: 1>} : (tensor<4xi64>) -> tensor<2xi64>
  %xsqueezed = dfg.concat %xn, %xhw {axis = 0 : i64} : (tensor<1xi64>, tensor<2xi64>) -> tensor<3xi64>
  %2 = dfg.reshape %x, %xsqueezed : (tensor<?x1x?x4xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  return %0, %1, %2 : tensor<?x?x?xf32>, tensor<?x?xf32>, tensor<?x?x?xf32>
}

// -----

// A callee is refined before its caller (here it comes first in the file):
// its result type changes with its calls', and the refined call result
// flows on through the caller.
// CHECK-LABEL: func.func @callee_first_callee
// CHECK-SAME: -> tensor<4xf32>
// CHECK-LABEL: func.func @callee_first_caller
// CHECK-SAME: -> tensor<4xf32>
// CHECK: %[[R:.*]] = call @callee_first_callee(%{{.*}}) : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: dfg.neg %[[R]] : (tensor<4xf32>) -> tensor<4xf32>
// KEEP-LABEL: func.func @callee_first_callee
// KEEP-SAME: -> tensor<?xf32>
// KEEP-LABEL: func.func @callee_first_caller
// KEEP-SAME: -> tensor<?xf32>
// KEEP: call @callee_first_callee(%{{.*}}) : (tensor<4xf32>) -> tensor<?xf32>
// NESTED-LABEL: func.func @callee_first_callee
// NESTED-SAME: -> tensor<?xf32>
// NESTED: %[[C:.*]] = tensor.cast %{{.*}} : tensor<4xf32> to tensor<?xf32>
// NESTED: return %[[C]]
// NESTED-LABEL: func.func @callee_first_caller
// NESTED-SAME: -> tensor<?xf32>
// NESTED: call @callee_first_callee(%{{.*}}) : (tensor<4xf32>) -> tensor<?xf32>
func.func @callee_first_callee(%x: tensor<4xf32>) -> tensor<?xf32> {
  %0 = dfg.exp %x : (tensor<4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
func.func @callee_first_caller(%x: tensor<4xf32>) -> tensor<?xf32> {
  %0 = call @callee_first_callee(%x) : (tensor<4xf32>) -> tensor<?xf32>
  %1 = dfg.neg %0 : (tensor<?xf32>) -> tensor<?xf32>
  return %1 : tensor<?xf32>
}

// -----

// The same with the caller first in the file: the order is the calls',
// not the file's.
// CHECK-LABEL: func.func @caller_first_caller
// CHECK-SAME: -> tensor<2x3xf32>
// CHECK: %[[R:.*]] = call @caller_first_callee(%{{.*}}) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: dfg.neg %[[R]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-LABEL: func.func @caller_first_callee
// CHECK-SAME: -> tensor<2x3xf32>
// NESTED-LABEL: func.func @caller_first_caller
// NESTED: call @caller_first_callee(%{{.*}}) : (tensor<2x3xf32>) -> tensor<?x?xf32>
// NESTED-LABEL: func.func @caller_first_callee
// NESTED-SAME: -> tensor<?x?xf32>
func.func @caller_first_caller(%x: tensor<2x3xf32>) -> tensor<?x?xf32> {
  %0 = call @caller_first_callee(%x) : (tensor<2x3xf32>) -> tensor<?x?xf32>
  %1 = dfg.neg %0 : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %1 : tensor<?x?xf32>
}
func.func @caller_first_callee(%x: tensor<2x3xf32>) -> tensor<?x?xf32> {
  %0 = dfg.exp %x : (tensor<2x3xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// A public function called from another: its calls are updated, and a user
// of the call that needs the old type exactly (another call's argument)
// reads it through a tensor.cast.
// CHECK-LABEL: func.func @public_callee
// CHECK-SAME: -> tensor<4xf32>
// CHECK-LABEL: func.func private @identity
// CHECK-SAME: (%{{.*}}: tensor<?xf32>) -> tensor<?xf32>
// CHECK-LABEL: func.func @public_user
// CHECK: %[[R:.*]] = call @public_callee(%{{.*}}) : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: %[[C:.*]] = tensor.cast %[[R]] : tensor<4xf32> to tensor<?xf32>
// CHECK: %[[S:.*]] = call @identity(%[[C]]) : (tensor<?xf32>) -> tensor<?xf32>
// CHECK: %[[T:.*]] = call @public_callee(%{{.*}}) : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: return %[[S]], %[[T]] : tensor<?xf32>, tensor<4xf32>
func.func @public_callee(%x: tensor<4xf32>) -> tensor<?xf32> {
  %0 = dfg.exp %x : (tensor<4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
func.func private @identity(%x: tensor<?xf32>) -> tensor<?xf32> {
  return %x : tensor<?xf32>
}
func.func @public_user(%x: tensor<4xf32>) -> (tensor<?xf32>, tensor<?xf32>) {
  %0 = call @public_callee(%x) : (tensor<4xf32>) -> tensor<?xf32>
  %1 = call @identity(%0) : (tensor<?xf32>) -> tensor<?xf32>
  %2 = call @public_callee(%x) : (tensor<4xf32>) -> tensor<?xf32>
  return %1, %2 : tensor<?xf32>, tensor<?xf32>
}

// -----

// Functions in a recursive cycle (one calling itself, two calling each
// other) keep their signatures: refined returned values are cast back.
// CHECK-LABEL: func.func @recursive
// CHECK-SAME: -> tensor<?xf32>
// CHECK: %[[E:.*]] = dfg.exp %{{.*}} -> tensor<4xf32>
// CHECK: call @recursive(%{{.*}}) : (tensor<4xf32>) -> tensor<?xf32>
// CHECK: %[[C:.*]] = tensor.cast %[[E]] : tensor<4xf32> to tensor<?xf32>
// CHECK: return %[[C]]
// CHECK-LABEL: func.func @ping
// CHECK-SAME: -> tensor<?xf32>
// CHECK: call @pong(%{{.*}}) : (tensor<4xf32>) -> tensor<?xf32>
// CHECK: tensor.cast
// CHECK-LABEL: func.func @pong
// CHECK-SAME: -> tensor<?xf32>
// CHECK: call @ping(%{{.*}}) : (tensor<4xf32>) -> tensor<?xf32>
// CHECK: tensor.cast
func.func @recursive(%x: tensor<4xf32>) -> tensor<?xf32> {
  %0 = dfg.exp %x : (tensor<4xf32>) -> tensor<?xf32>
  %1 = call @recursive(%x) : (tensor<4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
func.func @ping(%x: tensor<4xf32>) -> tensor<?xf32> {
  %0 = dfg.exp %x : (tensor<4xf32>) -> tensor<?xf32>
  %1 = call @pong(%x) : (tensor<4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
func.func @pong(%x: tensor<4xf32>) -> tensor<?xf32> {
  %0 = dfg.neg %x : (tensor<4xf32>) -> tensor<?xf32>
  %1 = call @ping(%x) : (tensor<4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// A function whose symbol is used other than by a call (here taken as a
// value) keeps its signature.
// CHECK-LABEL: func.func @taken
// CHECK-SAME: -> tensor<?xf32>
// CHECK: tensor.cast %{{.*}} : tensor<4xf32> to tensor<?xf32>
// CHECK-LABEL: func.func @takes_address
// CHECK: constant @taken : (tensor<4xf32>) -> tensor<?xf32>
func.func @taken(%x: tensor<4xf32>) -> tensor<?xf32> {
  %0 = dfg.exp %x : (tensor<4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
func.func @takes_address() -> ((tensor<4xf32>) -> tensor<?xf32>) {
  %f = func.constant @taken : (tensor<4xf32>) -> tensor<?xf32>
  return %f : (tensor<4xf32>) -> tensor<?xf32>
}

// -----

// Several returns: the signature follows them where they agree, and keeps
// its type (each return casting back) where they do not.
// CHECK-LABEL: func.func @two_returns
// CHECK-SAME: -> tensor<?xf32>
// CHECK: tensor.cast %{{.*}} : tensor<4xf32> to tensor<?xf32>
// CHECK: tensor.cast %{{.*}} : tensor<3xf32> to tensor<?xf32>
// CHECK-LABEL: func.func @same_returns
// CHECK-SAME: -> tensor<4xf32>
// CHECK-NOT: tensor.cast
// CHECK: return %{{.*}} : tensor<4xf32>
// CHECK: return %{{.*}} : tensor<4xf32>
// NESTED-LABEL: func.func @two_returns
// NESTED-COUNT-2: tensor.cast
// NESTED-LABEL: func.func @same_returns
// NESTED-SAME: -> tensor<?xf32>
// NESTED-COUNT-2: tensor.cast
func.func @two_returns(%c: i1, %x: tensor<4xf32>, %y: tensor<3xf32>) -> tensor<?xf32> {
  cf.cond_br %c, ^a, ^b
^a:
  %0 = dfg.exp %x : (tensor<4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
^b:
  %1 = dfg.exp %y : (tensor<3xf32>) -> tensor<?xf32>
  return %1 : tensor<?xf32>
}
func.func @same_returns(%c: i1, %x: tensor<4xf32>) -> tensor<?xf32> {
  cf.cond_br %c, ^a, ^b
^a:
  %0 = dfg.exp %x : (tensor<4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
^b:
  %1 = dfg.neg %x : (tensor<4xf32>) -> tensor<?xf32>
  return %1 : tensor<?xf32>
}

// -----

// A channel shuffle's reshape as PyTorch exports it with a dynamic batch:
// [batch, 2, 24, 28, 28] built from a gather of dfg.shape_of and constants,
// then passed through the compare/select chain that spells out Reshape's 0
// and -1. Where the conditions are known the chosen sizes are: only the
// batch stays dynamic (and the shape operand goes). With a -1 among the
// constants its size is known only from the batch: the result keeps two
// dynamic sizes and its shape operand.
// CHECK-LABEL: func.func @reshape_through_select_chain
// CHECK: %[[A:.*]] = dfg.reshape %arg0 : (tensor<?x48x28x28xf32>) -> tensor<?x2x24x28x28xf32>
// CHECK: %[[B:.*]] = dfg.reshape %arg0, %{{.*}} : (tensor<?x48x28x28xf32>, tensor<5xi64>) -> tensor<?x2x?x28x28xf32>
// CHECK: return %[[A]], %[[B]]
func.func @reshape_through_select_chain(%x: tensor<?x48x28x28xf32>) -> (tensor<?x?x?x?x?xf32>, tensor<?x?x?x?x?xf32>) {
  %zero = dfg.constant dense<0> : tensor<i64>
  %zeros = dfg.constant dense<0> : tensor<1xi64>
  %minus = dfg.constant dense<-1> : tensor<1xi64>
  %ones = dfg.constant dense<1> : tensor<1xi64>
  %two = dfg.constant dense<2> : tensor<1xi64>
  %c24 = dfg.constant dense<24> : tensor<1xi64>
  %c28 = dfg.constant dense<28> : tensor<1xi64>
  %dims = dfg.shape_of %x : (tensor<?x48x28x28xf32>) -> tensor<4xi64>
  %batch = dfg.gather %dims, %zero {axis = 0 : i64} : (tensor<4xi64>, tensor<i64>) -> tensor<i64>
  %batch1 = dfg.reshape %batch : (tensor<i64>) -> tensor<1xi64>
  %padded = dfg.concat %dims, %ones {axis = 0 : i64} : (tensor<4xi64>, tensor<1xi64>) -> tensor<5xi64>
  %count = dfg.reduce prod, %dims {axes = array<i64: 0>, keep_dims = true} : (tensor<4xi64>) -> tensor<1xi64>
  %shape = dfg.concat %batch1, %two, %c24, %c28, %c28 {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<5xi64>
  %isZero = dfg.compare eq, %shape, %zeros : (tensor<5xi64>, tensor<1xi64>) -> tensor<5xi1>
  %s1 = dfg.select %isZero, %padded, %shape : (tensor<5xi1>, tensor<5xi64>, tensor<5xi64>) -> tensor<5xi64>
  %isInferred = dfg.compare eq, %s1, %minus : (tensor<5xi64>, tensor<1xi64>) -> tensor<5xi1>
  %s2 = dfg.select %isInferred, %count, %s1 : (tensor<5xi1>, tensor<1xi64>, tensor<5xi64>) -> tensor<5xi64>
  %0 = dfg.reshape %x, %s2 : (tensor<?x48x28x28xf32>, tensor<5xi64>) -> tensor<?x?x?x?x?xf32>
  %other = dfg.concat %batch1, %two, %minus, %c28, %c28 {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<5xi64>
  %isZero2 = dfg.compare eq, %other, %zeros : (tensor<5xi64>, tensor<1xi64>) -> tensor<5xi1>
  %t1 = dfg.select %isZero2, %padded, %other : (tensor<5xi1>, tensor<5xi64>, tensor<5xi64>) -> tensor<5xi64>
  %isInferred2 = dfg.compare eq, %t1, %minus : (tensor<5xi64>, tensor<1xi64>) -> tensor<5xi1>
  %t2 = dfg.select %isInferred2, %count, %t1 : (tensor<5xi1>, tensor<1xi64>, tensor<5xi64>) -> tensor<5xi64>
  %1 = dfg.reshape %x, %t2 : (tensor<?x48x28x28xf32>, tensor<5xi64>) -> tensor<?x?x?x?x?xf32>
  return %0, %1 : tensor<?x?x?x?x?xf32>, tensor<?x?x?x?x?xf32>
}
