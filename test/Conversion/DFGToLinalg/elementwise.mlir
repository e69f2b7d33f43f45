// RUN: dfg-opt %s --dfg-lower-to-linalg --split-input-file | FileCheck %s

// CHECK: #[[ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK: #[[ROW:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @add_broadcast
// CHECK: %[[E:.+]] = tensor.empty() : tensor<2x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]]
// CHECK-SAME: ins(%arg0, %arg1 : tensor<2x3xf32>, tensor<3xf32>) outs(%[[E]]
// CHECK: arith.addf
func.func @add_broadcast(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = dfg.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A statically-1 dimension stretches (index 0); a dynamic one is taken as
// equal, and the result's size comes from the operand that has it.
// CHECK-DAG: #[[BCAST:.+]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-LABEL: func.func @dynamic
// CHECK: %[[D:.+]] = tensor.dim %arg1, %c0
// CHECK: tensor.empty(%[[D]]) : tensor<?x4xf32>
// CHECK: linalg.generic {indexing_maps = [#[[BCAST]],
// CHECK: arith.mulf
func.func @dynamic(%a: tensor<1x4xf32>, %b: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %0 = dfg.mul %a, %b : (tensor<1x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// Unsigned element types become signless; the ops stay unsigned.
// CHECK-LABEL: func.func @unsigned
// CHECK-SAME: (%{{.+}}: tensor<4xi8>, %{{.+}}: tensor<4xi8>) -> tensor<4xi1>
// CHECK: arith.divui
// CHECK: arith.cmpi ult
func.func @unsigned(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xi1> {
  %0 = dfg.div %a, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  %1 = dfg.compare lt, %0, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
  return %1 : tensor<4xi1>
}

// -----

// Float comparisons are ordered, except `ne`.
// CHECK-LABEL: func.func @compare
// CHECK: arith.cmpf oge
// CHECK: arith.cmpf une
func.func @compare(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xi1>) {
  %0 = dfg.compare ge, %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = dfg.compare ne, %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0, %1 : tensor<4xi1>, tensor<4xi1>
}

// -----

// ReLU: only the bound that binds is emitted.
// CHECK-LABEL: func.func @relu
// CHECK: arith.maximumf
// CHECK-NOT: arith.minimumf
func.func @relu(%a: tensor<8xf32>) -> tensor<8xf32> {
  %0 = dfg.clamp %a {min = 0.0 : f64, max = 0x7FF0000000000000 : f64} : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @cast
// CHECK: arith.fptoui
// CHECK: arith.uitofp
func.func @cast(%a: tensor<4xf32>) -> tensor<4xf64> {
  %0 = dfg.cast %a : (tensor<4xf32>) -> tensor<4xui16>
  %1 = dfg.cast %0 : (tensor<4xui16>) -> tensor<4xf64>
  return %1 : tensor<4xf64>
}

// -----

// CHECK-LABEL: func.func @constant
// CHECK: arith.constant dense<[1, -1]> : tensor<2xi8>
func.func @constant() -> tensor<2xui8> {
  %0 = dfg.constant dense<[1, 255]> : tensor<2xui8>
  return %0 : tensor<2xui8>
}
