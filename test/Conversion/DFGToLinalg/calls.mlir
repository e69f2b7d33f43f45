// RUN: dfg-opt %s --dfg-lower-to-linalg | FileCheck %s

// Unsigned element types become signless in every signature, and every call
// follows its callee's new type, whatever the order of the functions, for
// private and public callees and recursive calls (the module verifies the
// calls against the callees after the pass).

// CHECK-LABEL: func.func @caller(%{{.*}}: tensor<2xi8>) -> tensor<2xi8>
// CHECK: call @callee(%{{.*}}) : (tensor<2xi8>) -> tensor<2xi8>
// CHECK-LABEL: func.func private @callee(%{{.*}}: tensor<2xi8>) -> tensor<2xi8>
// CHECK-LABEL: func.func @recursive(%{{.*}}: tensor<2xi16>) -> tensor<2xi16>
// CHECK: call @recursive(%{{.*}}) : (tensor<2xi16>) -> tensor<2xi16>
// CHECK-LABEL: func.func @public_callee(%{{.*}}: tensor<2xi32>) -> tensor<2xi32>
// CHECK-LABEL: func.func @public_caller(%{{.*}}: tensor<2xi32>) -> tensor<2xi32>
// CHECK: call @public_callee(%{{.*}}) : (tensor<2xi32>) -> tensor<2xi32>
func.func @caller(%a: tensor<2xui8>) -> tensor<2xui8> {
  %0 = call @callee(%a) : (tensor<2xui8>) -> tensor<2xui8>
  %1 = dfg.add %0, %a : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  return %1 : tensor<2xui8>
}
func.func private @callee(%a: tensor<2xui8>) -> tensor<2xui8> {
  %0 = dfg.add %a, %a : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  return %0 : tensor<2xui8>
}
func.func @recursive(%a: tensor<2xui16>) -> tensor<2xui16> {
  %0 = call @recursive(%a) : (tensor<2xui16>) -> tensor<2xui16>
  return %0 : tensor<2xui16>
}
func.func @public_callee(%a: tensor<2xui32>) -> tensor<2xui32> {
  return %a : tensor<2xui32>
}
func.func @public_caller(%a: tensor<2xui32>) -> tensor<2xui32> {
  %0 = call @public_callee(%a) : (tensor<2xui32>) -> tensor<2xui32>
  return %0 : tensor<2xui32>
}
