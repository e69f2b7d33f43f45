// RUN: dfg-opt %s --dfg-lower-to-linalg --split-input-file --verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @matmul_2d
// CHECK: %[[Z:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<4x16xf32>)
// CHECK: linalg.matmul ins(%arg0, %arg1 : tensor<4x8xf32>, tensor<8x16xf32>) outs(%[[Z]] : tensor<4x16xf32>)
func.func @matmul_2d(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) -> tensor<4x16xf32> {
  %0 = dfg.matmul %a, %b : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

// x @ W: the lhs batch folds into the rows of one linalg.matmul. Two
// dynamic sizes in one group are expanded back by a copy, not expand_shape
// (which crashes upstream's expand-strided-metadata once bufferized).
// CHECK-LABEL: func.func @matmul_x_w
// CHECK: %[[ROWS:.+]] = tensor.collapse_shape %arg0 {{\[\[}}0, 1], [2]] : tensor<?x?x64xf32> into tensor<?x64xf32>
// CHECK: %[[P:.+]] = linalg.matmul ins(%[[ROWS]], %arg1 : tensor<?x64xf32>, tensor<64x32xf32>)
// CHECK-NOT: tensor.expand_shape
// CHECK: linalg.generic
// CHECK: tensor.extract %[[P]]
// CHECK: } -> tensor<?x?x32xf32>
func.func @matmul_x_w(%x: tensor<?x?x64xf32>, %w: tensor<64x32xf32>) -> tensor<?x?x32xf32> {
  %0 = dfg.matmul %x, %w : (tensor<?x?x64xf32>, tensor<64x32xf32>) -> tensor<?x?x32xf32>
  return %0 : tensor<?x?x32xf32>
}

// -----

// Stretched unit dims are dropped, then broadcast; batches fold into one.
// CHECK-LABEL: func.func @matmul_broadcast
// CHECK: %[[L:.+]] = tensor.collapse_shape %arg0 {{\[\[}}0], [1, 2], [3]] : tensor<2x1x4x8xf32> into tensor<2x4x8xf32>
// CHECK: %[[LB:.+]] = linalg.broadcast ins(%[[L]] : tensor<2x4x8xf32>) outs(%{{.+}} : tensor<2x3x4x8xf32>) dimensions = [1]
// CHECK: %[[RB:.+]] = linalg.broadcast ins(%arg1 : tensor<3x8x5xf32>) outs(%{{.+}} : tensor<2x3x8x5xf32>) dimensions = [0]
// CHECK: %[[L3:.+]] = tensor.collapse_shape %[[LB]] {{\[\[}}0, 1], [2], [3]] : tensor<2x3x4x8xf32> into tensor<6x4x8xf32>
// CHECK: %[[R3:.+]] = tensor.collapse_shape %[[RB]] {{\[\[}}0, 1], [2], [3]] : tensor<2x3x8x5xf32> into tensor<6x8x5xf32>
// CHECK: %[[P:.+]] = linalg.batch_matmul ins(%[[L3]], %[[R3]] : tensor<6x4x8xf32>, tensor<6x8x5xf32>)
// CHECK: tensor.expand_shape %[[P]] {{\[\[}}0, 1], [2], [3]] output_shape [2, 3, 4, 5] : tensor<6x4x5xf32> into tensor<2x3x4x5xf32>
func.func @matmul_broadcast(%a: tensor<2x1x4x8xf32>, %b: tensor<3x8x5xf32>) -> tensor<2x3x4x5xf32> {
  %0 = dfg.matmul %a, %b : (tensor<2x1x4x8xf32>, tensor<3x8x5xf32>) -> tensor<2x3x4x5xf32>
  return %0 : tensor<2x3x4x5xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_batch_dynamic
// CHECK: %[[E:.+]] = tensor.empty(%{{.+}}) : tensor<?x4x5xf32>
// CHECK: %[[Z:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%[[E]] : tensor<?x4x5xf32>)
// CHECK: linalg.batch_matmul ins(%arg0, %arg1 : tensor<?x4x8xf32>, tensor<?x8x5xf32>) outs(%[[Z]] : tensor<?x4x5xf32>)
func.func @matmul_batch_dynamic(%a: tensor<?x4x8xf32>, %b: tensor<?x8x5xf32>) -> tensor<?x4x5xf32> {
  %0 = dfg.matmul %a, %b : (tensor<?x4x8xf32>, tensor<?x8x5xf32>) -> tensor<?x4x5xf32>
  return %0 : tensor<?x4x5xf32>
}

// -----

// Unsigned integers multiply as signless, wrapping in the element type.
// CHECK-LABEL: func.func @matmul_unsigned
// CHECK: %[[ZERO:.+]] = arith.constant 0 : i8
// CHECK: linalg.fill ins(%[[ZERO]] : i8)
// CHECK: linalg.matmul ins(%arg0, %arg1 : tensor<2x3xi8>, tensor<3x2xi8>) outs(%{{.+}} : tensor<2x2xi8>)
func.func @matmul_unsigned(%a: tensor<2x3xui8>, %b: tensor<3x2xui8>) -> tensor<2x2xui8> {
  %0 = dfg.matmul %a, %b : (tensor<2x3xui8>, tensor<3x2xui8>) -> tensor<2x2xui8>
  return %0 : tensor<2x2xui8>
}

// -----

// The bias is the accumulator's initial value.
// CHECK-LABEL: func.func @conv_2d
// CHECK: %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[PAD:.+]] = tensor.pad %arg0 low[0, 0, 3, 3] high[0, 0, 3, 3]
// CHECK: tensor.yield %[[ZERO]]
// CHECK: } : tensor<?x3x224x224xf32> to tensor<?x3x230x230xf32>
// CHECK: %[[E:.+]] = tensor.empty(%{{.+}}) : tensor<?x64x112x112xf32>
// CHECK: %[[BIAS:.+]] = linalg.broadcast ins(%arg2 : tensor<64xf32>) outs(%[[E]] : tensor<?x64x112x112xf32>) dimensions = [0, 2, 3]
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PAD]], %arg1 : tensor<?x3x230x230xf32>, tensor<64x3x7x7xf32>) outs(%[[BIAS]] : tensor<?x64x112x112xf32>)
func.func @conv_2d(%x: tensor<?x3x224x224xf32>, %w: tensor<64x3x7x7xf32>, %b: tensor<64xf32>) -> tensor<?x64x112x112xf32> {
  %0 = dfg.conv %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 3, 3, 3, 3>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<?x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<?x64x112x112xf32>
  return %0 : tensor<?x64x112x112xf32>
}

// -----

// CHECK-LABEL: func.func @conv_depthwise
// CHECK: %[[PAD:.+]] = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: %[[W:.+]] = tensor.collapse_shape %arg1 {{\[\[}}0, 1], [2], [3]] : tensor<32x1x3x3xf32> into tensor<32x3x3xf32>
// CHECK: linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[PAD]], %[[W]] : tensor<1x32x58x58xf32>, tensor<32x3x3xf32>)
func.func @conv_depthwise(%x: tensor<1x32x56x56xf32>, %w: tensor<32x1x3x3xf32>) -> tensor<1x32x56x56xf32> {
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 32 : i64} : (tensor<1x32x56x56xf32>, tensor<32x1x3x3xf32>) -> tensor<1x32x56x56xf32>
  return %0 : tensor<1x32x56x56xf32>
}

// -----

// CHECK-LABEL: func.func @conv_grouped
// CHECK: %[[X:.+]] = tensor.expand_shape %arg0 {{\[\[}}0], [1, 2], [3], [4]] output_shape [1, 2, 4, 5, 5]
// CHECK: %[[W:.+]] = tensor.expand_shape %arg1 {{\[\[}}0, 1], [2], [3], [4]] output_shape [2, 2, 4, 3, 3]
// CHECK: %[[B:.+]] = tensor.expand_shape %arg2 {{\[\[}}0, 1]] output_shape [2, 2]
// CHECK: %[[INIT:.+]] = linalg.broadcast ins(%[[B]] : tensor<2x2xf32>) outs(%{{.+}} : tensor<1x2x2x3x3xf32>) dimensions = [0, 3, 4]
// CHECK: %[[Y:.+]] = linalg.conv_2d_ngchw_gfchw {{.+}} ins(%[[X]], %[[W]] : tensor<1x2x4x5x5xf32>, tensor<2x2x4x3x3xf32>) outs(%[[INIT]]
// CHECK: tensor.collapse_shape %[[Y]] {{\[\[}}0], [1, 2], [3], [4]] : tensor<1x2x2x3x3xf32> into tensor<1x4x3x3xf32>
func.func @conv_grouped(%x: tensor<1x8x5x5xf32>, %w: tensor<4x4x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x3x3xf32> {
  %0 = dfg.conv %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x8x5x5xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @conv_1d
// CHECK: %[[PAD:.+]] = tensor.pad %arg0 low[0, 0, 1] high[0, 0, 2]
// CHECK: linalg.conv_1d_ncw_fcw {dilations = dense<2> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%[[PAD]], %arg1 : tensor<1x2x10xf32>, tensor<3x2x3xf32>)
func.func @conv_1d(%x: tensor<1x2x7xf32>, %w: tensor<3x2x3xf32>) -> tensor<1x3x3xf32> {
  %0 = dfg.conv %x, %w {strides = array<i64: 2>, pads = array<i64: 1, 2>, dilations = array<i64: 2>, groups = 1 : i64} : (tensor<1x2x7xf32>, tensor<3x2x3xf32>) -> tensor<1x3x3xf32>
  return %0 : tensor<1x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @conv_3d
// CHECK: linalg.conv_3d_ncdhw_fcdhw {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>} ins(%arg0, %arg1 : tensor<1x1x3x3x3xf32>, tensor<2x1x2x2x2xf32>)
func.func @conv_3d(%x: tensor<1x1x3x3x3xf32>, %w: tensor<2x1x2x2x2xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = dfg.conv %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x1x3x3x3xf32>, tensor<2x1x2x2x2xf32>) -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}

// -----

// No named op: one generic over [N, G, O/G, OW] with reductions over C/G, KW.
// CHECK-DAG: #[[IN:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d4, d3 + d5)>
// CHECK-DAG: #[[W:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d2, d4, d5)>
// CHECK-DAG: #[[OUT:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_1d_grouped
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[W]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%{{.+}}, %{{.+}} : tensor<1x2x2x7xf32>, tensor<2x1x2x3xf32>) outs(%{{.+}} : tensor<1x2x1x5xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: tensor.collapse_shape %{{.+}} {{\[\[}}0], [1, 2], [3]] : tensor<1x2x1x5xf32> into tensor<1x2x5xf32>
func.func @conv_1d_grouped(%x: tensor<1x4x5xf32>, %w: tensor<2x2x3xf32>) -> tensor<1x2x5xf32> {
  %0 = dfg.conv %x, %w {strides = array<i64: 1>, pads = array<i64: 1, 1>, dilations = array<i64: 1>, groups = 2 : i64} : (tensor<1x4x5xf32>, tensor<2x2x3xf32>) -> tensor<1x2x5xf32>
  return %0 : tensor<1x2x5xf32>
}

// -----

// Output sizes: (size + 2 - 3) / 2 + 1.
// CHECK-LABEL: func.func @conv_dynamic_spatial
// CHECK: %[[H:.+]] = tensor.dim %arg0, %c2
// CHECK: %[[H1:.+]] = arith.subi %[[H]], %c3
// CHECK: %[[H2:.+]] = arith.addi %[[H1]], %c2
// CHECK: %[[H3:.+]] = arith.divsi %[[H2]], %c2
// CHECK: %[[OH:.+]] = arith.addi %[[H3]], %c1
// CHECK: %[[PAD:.+]] = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: %[[N:.+]] = tensor.dim %[[PAD]], %c0
// CHECK: tensor.empty(%[[N]], %[[OH]], %{{.+}}) : tensor<?x3x?x?xf32>
// CHECK: linalg.conv_2d_nchw_fchw
func.func @conv_dynamic_spatial(%x: tensor<?x2x?x?xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<?x3x?x?xf32> {
  %0 = dfg.conv %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<?x2x?x?xf32>, tensor<3x2x3x3xf32>) -> tensor<?x3x?x?xf32>
  return %0 : tensor<?x3x?x?xf32>
}

// -----

// Weights swapped in/out and flipped; input spread by the stride with
// dilation * (K - 1) - pad = 1 zero around, plus output_padding after.
// CHECK-DAG: #[[FLIP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d1, -d3 + 2, -d4 + 2)>
// CHECK-LABEL: func.func @conv_transpose
// CHECK: %[[WG:.+]] = tensor.expand_shape %arg1 {{\[\[}}0, 1], [2], [3], [4]] output_shape [1, 8, 4, 3, 3]
// CHECK: %[[F:.+]] = linalg.generic {indexing_maps = [#[[FLIP]], {{.+}}]{{.+}} ins(%[[WG]] : tensor<1x8x4x3x3xf32>) outs(%{{.+}} : tensor<1x4x8x3x3xf32>)
// CHECK: %[[W:.+]] = tensor.collapse_shape %[[F]] {{\[\[}}0, 1], [2], [3], [4]] : tensor<1x4x8x3x3xf32> into tensor<4x8x3x3xf32>
// CHECK: %[[Z:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<1x8x10x10xf32>)
// CHECK: %[[X:.+]] = tensor.insert_slice %arg0 into %[[Z]][0, 0, 1, 1] [1, 8, 4, 4] [1, 1, 2, 2] : tensor<1x8x4x4xf32> into tensor<1x8x10x10xf32>
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[X]], %[[W]] : tensor<1x8x10x10xf32>, tensor<4x8x3x3xf32>) outs(%{{.+}} : tensor<1x4x8x8xf32>)
func.func @conv_transpose(%x: tensor<1x8x4x4xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %0 = dfg.conv_transpose %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, output_padding = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x4x4xf32>, tensor<8x4x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @max_pool
// CHECK: %[[NEG:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[PAD:.+]] = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor.yield %[[NEG]]
// CHECK: %[[INIT:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<?x64x56x56xf32>)
// CHECK: %[[WIN:.+]] = tensor.empty() : tensor<3x3xf32>
// CHECK: linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PAD]], %[[WIN]] : tensor<?x64x114x114xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<?x64x56x56xf32>)
func.func @max_pool(%x: tensor<?x64x112x112xf32>) -> tensor<?x64x56x56xf32> {
  %0 = dfg.pool max, %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, count_include_pad = false, ceil_mode = false} : (tensor<?x64x112x112xf32>) -> tensor<?x64x56x56xf32>
  return %0 : tensor<?x64x56x56xf32>
}

// -----

// ceil_mode: one more row/column of padding that is never counted; the
// divisor is pooled from ones padded with 1 (pads) then 0 (ceil extra).
// CHECK-DAG: #[[ID:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[BC:.+]] = affine_map<(d0, d1, d2, d3) -> (0, 0, d2, d3)>
// CHECK-LABEL: func.func @avg_pool_ceil
// CHECK: %[[PAD:.+]] = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 2, 2]
// CHECK: %[[SUM:.+]] = linalg.pooling_nchw_sum {{.+}} ins(%[[PAD]], %{{.+}} : tensor<1x1x9x9xf32>, tensor<3x3xf32>)
// CHECK: %[[ONES:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<1x1x6x6xf32>)
// CHECK: %[[P1:.+]] = tensor.pad %[[ONES]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: %[[P2:.+]] = tensor.pad %[[P1]] low[0, 0, 0, 0] high[0, 0, 1, 1]
// CHECK: %[[COUNT:.+]] = linalg.pooling_nchw_sum {{.+}} ins(%[[P2]], %{{.+}} : tensor<1x1x9x9xf32>, tensor<3x3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[BC]], #[[ID]]], {{.+}} ins(%[[SUM]], %[[COUNT]] :
// CHECK: arith.divf
func.func @avg_pool_ceil(%x: tensor<1x1x6x6xf32>) -> tensor<1x1x4x4xf32> {
  %0 = dfg.pool avg, %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, count_include_pad = true, ceil_mode = true} : (tensor<1x1x6x6xf32>) -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @global_avg_pool
// CHECK: %[[SUM:.+]] = linalg.pooling_nchw_sum {{.+}} ins(%arg0, %{{.+}} : tensor<?x512x7x7xf32>, tensor<7x7xf32>)
// CHECK: %[[K:.+]] = arith.constant 4.900000e+01 : f32
// CHECK: linalg.generic {{.+}} ins(%[[SUM]] : tensor<?x512x1x1xf32>)
// CHECK: arith.divf %{{.+}}, %[[K]]
func.func @global_avg_pool(%x: tensor<?x512x7x7xf32>) -> tensor<?x512x1x1xf32> {
  %0 = dfg.pool avg, %x {kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, count_include_pad = false, ceil_mode = false} : (tensor<?x512x7x7xf32>) -> tensor<?x512x1x1xf32>
  return %0 : tensor<?x512x1x1xf32>
}

// -----

// CHECK-LABEL: func.func @max_pool_1d
// CHECK: linalg.pooling_ncw_max {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%{{.+}}, %{{.+}} : tensor<1x2x9xf32>, tensor<3xf32>)
func.func @max_pool_1d(%x: tensor<1x2x7xf32>) -> tensor<1x2x4xf32> {
  %0 = dfg.pool max, %x {kernel = array<i64: 3>, strides = array<i64: 2>, pads = array<i64: 1, 1>, dilations = array<i64: 1>, count_include_pad = false, ceil_mode = false} : (tensor<1x2x7xf32>) -> tensor<1x2x4xf32>
  return %0 : tensor<1x2x4xf32>
}

// -----

// Channels-first 3-D pooling has no named op: a generic with a window operand.
// CHECK-DAG: #[[IN:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2 * 2 + d5, d3 * 2 + d6, d4 * 2 + d7)>
// CHECK-DAG: #[[WIN:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d6, d7)>
// CHECK-LABEL: func.func @avg_pool_3d
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[WIN]], {{.+}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
// CHECK: arith.addf
// CHECK: %[[K:.+]] = arith.constant 8.000000e+00 : f32
// CHECK: arith.divf %{{.+}}, %[[K]]
func.func @avg_pool_3d(%x: tensor<1x1x4x4x4xf32>) -> tensor<1x1x2x2x2xf32> {
  %0 = dfg.pool avg, %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, count_include_pad = false, ceil_mode = false} : (tensor<1x1x4x4x4xf32>) -> tensor<1x1x2x2x2xf32>
  return %0 : tensor<1x1x2x2x2xf32>
}

// -----

// The flip needs a static kernel size.
func.func @conv_transpose_dynamic_kernel(%x: tensor<1x2x4xf32>, %w: tensor<2x3x?xf32>) -> tensor<1x3x?xf32> {
  // expected-error @+1 {{failed to legalize operation 'dfg.conv_transpose'}}
  %0 = dfg.conv_transpose %x, %w {strides = array<i64: 1>, pads = array<i64: 0, 0>, dilations = array<i64: 1>, output_padding = array<i64: 0>, groups = 1 : i64} : (tensor<1x2x4xf32>, tensor<2x3x?xf32>) -> tensor<1x3x?xf32>
  return %0 : tensor<1x3x?xf32>
}
