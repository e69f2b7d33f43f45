// RUN: dfg-opt %s --dfg-lower-to-linalg --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @transpose
// CHECK: %[[D:.+]] = tensor.dim %arg0, %c0
// CHECK: %[[E:.+]] = tensor.empty(%[[D]]) : tensor<4x?xf32>
// CHECK: linalg.transpose ins(%arg0 : tensor<?x4xf32>) outs(%[[E]] : tensor<4x?xf32>) permutation = [1, 0]
func.func @transpose(%x: tensor<?x4xf32>) -> tensor<4x?xf32> {
  %0 = dfg.transpose %x {permutation = array<i64: 1, 0>} : (tensor<?x4xf32>) -> tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}

// -----

// The grouping follows from the static sizes, with a dynamic batch.
// CHECK-LABEL: func.func @reshape_collapse_expand
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0], [1, 2]] : tensor<?x4x8xf32> into tensor<?x32xf32>
// CHECK: tensor.expand_shape %{{.+}} {{\[}}[0], [1, 2, 3]] output_shape [%{{.+}}, 2, 4, 4] : tensor<?x32xf32> into tensor<?x2x4x4xf32>
func.func @reshape_collapse_expand(%x: tensor<?x4x8xf32>) -> tensor<?x2x4x4xf32> {
  %0 = dfg.reshape %x : (tensor<?x4x8xf32>) -> tensor<?x32xf32>
  %1 = dfg.reshape %0 : (tensor<?x32xf32>) -> tensor<?x2x4x4xf32>
  return %1 : tensor<?x2x4x4xf32>
}

// -----

// No grouping and two unknown sizes: the sizes come from the shape operand
// (-1 resolved from the element count) and the flat input is copied, read
// at each element's row-major position.
// CHECK-LABEL: func.func @reshape_shape_operand
// CHECK: %[[S0:.+]] = tensor.extract %arg1[%{{.+}}] : tensor<3xi64>
// CHECK: %[[I0:.+]] = arith.index_cast %[[S0]]
// CHECK: arith.cmpi eq, %[[I0]], %c-1
// CHECK: arith.divsi
// CHECK: %[[FLAT:.+]] = tensor.collapse_shape %arg0 {{\[}}[0, 1]] : tensor<?x?xf32> into tensor<?xf32>
// CHECK: tensor.empty(%{{.+}}, %{{.+}}) : tensor<?x?x4xf32>
// CHECK: linalg.generic
// CHECK: tensor.extract %[[FLAT]][%{{.+}}] : tensor<?xf32>
func.func @reshape_shape_operand(%x: tensor<?x?xf32>, %s: tensor<3xi64>) -> tensor<?x?x4xf32> {
  %0 = dfg.reshape %x, %s : (tensor<?x?xf32>, tensor<3xi64>) -> tensor<?x?x4xf32>
  return %0 : tensor<?x?x4xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_same_rank
// CHECK: %[[D:.+]] = tensor.dim %arg0
// CHECK: %[[N:.+]] = arith.muli %[[D]], %c3
// CHECK: %[[M:.+]] = arith.divsi %[[N]], %c2
// CHECK: %[[F:.+]] = tensor.collapse_shape %arg0 {{\[}}[0, 1]] : tensor<?x3xf32> into tensor<?xf32>
// CHECK: tensor.expand_shape %[[F]] {{\[}}[0, 1]] output_shape [%[[M]], 2] : tensor<?xf32> into tensor<?x2xf32>
func.func @reshape_same_rank(%x: tensor<?x3xf32>) -> tensor<?x2xf32> {
  %0 = dfg.reshape %x : (tensor<?x3xf32>) -> tensor<?x2xf32>
  return %0 : tensor<?x2xf32>
}

// -----

// A stretched 1 is collapsed away and broadcast back.
// CHECK-LABEL: func.func @broadcast_stretch
// CHECK: %[[C:.+]] = tensor.collapse_shape %arg0 {{\[}}[0, 1]] : tensor<3x1xf32> into tensor<3xf32>
// CHECK: %[[E:.+]] = tensor.empty() : tensor<2x3x4xf32>
// CHECK: linalg.broadcast ins(%[[C]] : tensor<3xf32>) outs(%[[E]] : tensor<2x3x4xf32>) dimensions = [0, 2]
func.func @broadcast_stretch(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = dfg.broadcast_to %x : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// New dynamic dimensions take their sizes from the shape operand, the
// input's from the input.
// CHECK-LABEL: func.func @broadcast_dynamic
// CHECK: %[[S:.+]] = tensor.extract %arg1[%c0]
// CHECK: %[[N:.+]] = arith.index_cast %[[S]]
// CHECK: %[[D:.+]] = tensor.dim %arg0, %c0
// CHECK: tensor.empty(%[[N]], %[[D]]) : tensor<?x?xi8>
// CHECK: linalg.broadcast ins(%arg0 : tensor<?xi8>) outs({{.+}}) dimensions = [0]
func.func @broadcast_dynamic(%x: tensor<?xui8>, %s: tensor<2xi64>) -> tensor<?x?xui8> {
  %0 = dfg.broadcast_to %x, %s : (tensor<?xui8>, tensor<2xi64>) -> tensor<?x?xui8>
  return %0 : tensor<?x?xui8>
}

// -----

// CHECK-LABEL: func.func @concat
// CHECK: tensor.concat dim(1) %arg0, %arg1 : (tensor<?x2xf32>, tensor<?x3xf32>) -> tensor<?x5xf32>
func.func @concat(%a: tensor<?x2xf32>, %b: tensor<?x3xf32>) -> tensor<?x5xf32> {
  %0 = dfg.concat %a, %b {axis = 1 : i64} : (tensor<?x2xf32>, tensor<?x3xf32>) -> tensor<?x5xf32>
  return %0 : tensor<?x5xf32>
}

// -----

// Static: the clamped extents fold to constants.
// CHECK-LABEL: func.func @slice_static
// CHECK: tensor.extract_slice %arg0[1, 0] [2, 4] [2, 1] : tensor<6x4xf32> to tensor<2x4xf32>
func.func @slice_static(%x: tensor<6x4xf32>) -> tensor<2x4xf32> {
  %0 = dfg.slice %x {starts = array<i64: 1, 0>, limits = array<i64: 4, 9223372036854775807>, strides = array<i64: 2, 1>} : (tensor<6x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// A dynamic dimension: a negative start counts from the end at run time.
// CHECK-LABEL: func.func @slice_dynamic
// CHECK: %[[D:.+]] = tensor.dim %arg0, %c0
// CHECK: %[[A:.+]] = arith.addi %[[D]], %c-3
// CHECK: %[[LO:.+]] = arith.maxsi %[[A]], %{{.+}}
// CHECK: %[[FIRST:.+]] = arith.minsi %[[LO]], %[[D]]
// CHECK: %[[N:.+]] = arith.subi %[[D]], %[[FIRST]]
// CHECK: %[[COUNT:.+]] = arith.maxsi %[[N]]
// CHECK: tensor.extract_slice %arg0[%[[FIRST]]] [%[[COUNT]]] [1] : tensor<?xf32> to tensor<?xf32>
func.func @slice_dynamic(%x: tensor<?xf32>) -> tensor<?xf32> {
  %0 = dfg.slice %x {starts = array<i64: -3>, limits = array<i64: 9223372036854775807>, strides = array<i64: 1>} : (tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// A whole dynamic dimension (from 0 to the end) keeps its size as is, with
// no clamping arithmetic, so that later passes (memory planning) still see a
// dimension of the input.
// CHECK-LABEL: func.func @slice_whole_dynamic_dim
// CHECK: %[[D:.+]] = tensor.dim %arg0, %c0
// CHECK-NOT: arith.minsi
// CHECK-NOT: arith.maxsi
// CHECK: tensor.extract_slice %arg0[0, 2] [%[[D]], 3] [1, 1] : tensor<?x8xf32> to tensor<?x3xf32>
func.func @slice_whole_dynamic_dim(%x: tensor<?x8xf32>) -> tensor<?x3xf32> {
  %0 = dfg.slice %x {starts = array<i64: 0, 2>, limits = array<i64: 9223372036854775807, 5>, strides = array<i64: 1, 1>} : (tensor<?x8xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// A negative stride: the same elements with a positive one, reversed.
// CHECK-LABEL: func.func @slice_reverse
// CHECK: %[[S:.+]] = tensor.extract_slice %arg0[0, 1] [3, 2] [1, 1] : tensor<3x4xf32> to tensor<3x2xf32>
// CHECK: linalg.generic
// CHECK: %[[I:.+]] = linalg.index 0
// CHECK: %[[J:.+]] = linalg.index 1
// CHECK: %[[R:.+]] = arith.subi %{{.+}}, %[[I]]
// CHECK: tensor.extract %[[S]][%[[R]], %[[J]]]
func.func @slice_reverse(%x: tensor<3x4xf32>) -> tensor<3x2xf32> {
  %0 = dfg.slice %x {starts = array<i64: -1, 1>, limits = array<i64: -9223372036854775808, 3>, strides = array<i64: -1, 1>} : (tensor<3x4xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Negative amounts crop first; the rest is a tensor.pad.
// CHECK-LABEL: func.func @pad_constant
// CHECK: %[[V:.+]] = arith.constant 7 : i32
// CHECK: %[[C:.+]] = tensor.extract_slice %arg0[0, 0] [2, 2] [1, 1] : tensor<2x3xi32> to tensor<2x2xi32>
// CHECK: tensor.pad %[[C]] low[0, 2] high[1, 0]
// CHECK: tensor.yield %[[V]]
// CHECK: } : tensor<2x2xi32> to tensor<3x4xi32>
func.func @pad_constant(%x: tensor<2x3xi32>) -> tensor<3x4xi32> {
  %0 = dfg.pad %x {low = array<i64: 0, 2>, high = array<i64: 1, -1>, mode = #dfg<pad_mode constant>, value = 7.0 : f64} : (tensor<2x3xi32>) -> tensor<3x4xi32>
  return %0 : tensor<3x4xi32>
}

// -----

// Reflect: the source index folds back into range.
// CHECK-LABEL: func.func @pad_reflect
// CHECK: tensor.empty(%{{.+}}) : tensor<?xf32>
// CHECK: linalg.generic
// CHECK: linalg.index 0
// CHECK: arith.remsi
// CHECK: arith.cmpi sle
// CHECK: tensor.extract %arg0
func.func @pad_reflect(%x: tensor<?xf32>) -> tensor<?xf32> {
  %0 = dfg.pad %x {low = array<i64: 2>, high = array<i64: 1>, mode = #dfg<pad_mode reflect>, value = 0.0 : f64} : (tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @pad_edge
// CHECK: linalg.generic
// CHECK: %[[I:.+]] = linalg.index 0
// CHECK: %[[J:.+]] = arith.subi %[[I]], %c1
// CHECK: arith.maxsi %[[J]], %c0
// CHECK: arith.minsi
// CHECK: tensor.extract %arg0
// CHECK: } -> tensor<6xf32>
func.func @pad_edge(%x: tensor<3xf32>) -> tensor<6xf32> {
  %0 = dfg.pad %x {low = array<i64: 1>, high = array<i64: 2>, mode = #dfg<pad_mode edge>, value = 0.0 : f64} : (tensor<3xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

// CHECK-DAG: #[[IDX:.+]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @gather
// CHECK: %[[N:.+]] = tensor.dim %arg0, %c1
// CHECK: %[[LAST:.+]] = arith.subi %[[N]], %{{.+}}
// CHECK: linalg.generic {indexing_maps = [#[[IDX]], {{.+}}]
// CHECK-SAME: ins(%arg1 : tensor<5xi32>)
// CHECK: ^bb0(%[[ID:.+]]: i32, %{{.+}}: f32):
// CHECK: %[[D0:.+]] = linalg.index 0
// CHECK: %[[D2:.+]] = linalg.index 2
// CHECK: %[[I:.+]] = arith.index_cast %[[ID]] : i32 to index
// CHECK: %[[WRAP:.+]] = arith.addi %[[I]], %[[N]]
// CHECK: %[[NEG:.+]] = arith.cmpi slt, %[[I]], %{{.+}}
// CHECK: %[[W:.+]] = arith.select %[[NEG]], %[[WRAP]], %[[I]]
// CHECK: %[[LO:.+]] = arith.maxsi %[[W]], %{{.+}}
// CHECK: %[[C:.+]] = arith.minsi %[[LO]], %[[LAST]]
// CHECK: tensor.extract %arg0[%[[D0]], %[[C]], %[[D2]]] : tensor<2x?x3xf32>
func.func @gather(%x: tensor<2x?x3xf32>, %i: tensor<5xi32>) -> tensor<2x5x3xf32> {
  %0 = dfg.gather %x, %i {axis = 1 : i64} : (tensor<2x?x3xf32>, tensor<5xi32>) -> tensor<2x5x3xf32>
  return %0 : tensor<2x5x3xf32>
}

// -----

// CHECK-LABEL: func.func @shape_of
// CHECK: %[[D:.+]] = tensor.dim %arg0, %c0
// CHECK: %[[I:.+]] = arith.index_cast %[[D]] : index to i64
// CHECK: tensor.from_elements %[[I]], %c3_i64 : tensor<2xi64>
func.func @shape_of(%x: tensor<?x3xf32>) -> tensor<2xi64> {
  %0 = dfg.shape_of %x : (tensor<?x3xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// Constant positive strides: an extract_slice of run-time extents.
// CHECK-LABEL: func.func @dynamic_slice_forward
// CHECK: tensor.extract %arg1
// CHECK: tensor.extract %arg2
// CHECK: tensor.extract_slice %arg0[%{{.+}}, %{{.+}}] [%{{.+}}, 4] [1, 2] : tensor<?x8xf32> to tensor<?x4xf32>
func.func @dynamic_slice_forward(%x: tensor<?x8xf32>, %s: tensor<2xi64>, %l: tensor<2xi64>) -> tensor<?x4xf32> {
  %st = dfg.constant dense<[1, 2]> : tensor<2xi64>
  %0 = dfg.dynamic_slice %x, %s, %l, %st : (tensor<?x8xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// Strides known at run time only: a generic reading first + i * stride.
// CHECK-LABEL: func.func @dynamic_slice_strides
// CHECK: linalg.generic
// CHECK: %[[I:.+]] = linalg.index 0
// CHECK: %[[M:.+]] = arith.muli %[[I]],
// CHECK: %[[A:.+]] = arith.addi %{{.+}}, %[[M]]
// CHECK: tensor.extract %arg0[%[[A]]]
func.func @dynamic_slice_strides(%x: tensor<?xf32>, %s: tensor<1xi64>, %l: tensor<1xi64>, %st: tensor<1xi64>) -> tensor<?xf32> {
  %0 = dfg.dynamic_slice %x, %s, %l, %st : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_pad
// CHECK: %[[V:.+]] = tensor.extract %arg3[] : tensor<f32>
// CHECK: tensor.extract_slice %arg0
// CHECK: tensor.pad
// CHECK: tensor.yield %[[V]]
// CHECK: tensor.cast %{{.+}} : tensor<?x?xf32> to tensor<2x?xf32>
func.func @dynamic_pad(%x: tensor<2x3xf32>, %lo: tensor<2xi64>, %hi: tensor<2xi64>, %v: tensor<f32>) -> tensor<2x?xf32> {
  %0 = dfg.dynamic_pad %x, %lo, %hi, %v {mode = #dfg<pad_mode constant>} : (tensor<2x3xf32>, tensor<2xi64>, tensor<2xi64>, tensor<f32>) -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// CHECK-LABEL: func.func @range_i32
// CHECK: arith.extsi %{{.+}} : i32 to i64
// CHECK: arith.ceildivsi
// CHECK: %[[N:.+]] = arith.index_cast %{{.+}} : i64 to index
// CHECK: tensor.empty(%[[N]]) : tensor<?xi32>
// CHECK: linalg.generic
// CHECK: linalg.index 0
// CHECK: arith.muli
// CHECK: arith.addi
func.func @range_i32(%s: tensor<i32>, %l: tensor<i32>, %d: tensor<i32>) -> tensor<?xi32> {
  %0 = dfg.range %s, %l, %d : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
  return %0 : tensor<?xi32>
}

// -----

// CHECK-LABEL: func.func @range_f32
// CHECK: arith.extf %{{.+}} : f32 to f64
// CHECK: math.ceil
// CHECK: arith.fptosi
// CHECK: linalg.generic
// CHECK: arith.sitofp %{{.+}} : i64 to f32
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @range_f32(%s: tensor<f32>, %l: tensor<f32>, %d: tensor<f32>) -> tensor<?xf32> {
  %0 = dfg.range %s, %l, %d : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
