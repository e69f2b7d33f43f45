// The plugin inside the installed dfg-opt, and the same pass linked into
// dfg-example-opt: the rewrite goes through the dfg op classes (dyn_cast,
// ::create), so it only happens with one copy of the dialect's TypeIDs.
// RUN: %dfg_opt %s --load-pass-plugin=%plugin --pass-pipeline='builtin.module(dfg-example-add-self-to-mul)' -split-input-file | FileCheck %s
// RUN: %example_opt %s --dfg-example-add-self-to-mul -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @float
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[TWO:.*]] = dfg.constant dense<2.000000e+00> : tensor<f32>
// CHECK: %[[MUL:.*]] = dfg.mul %[[X]], %[[TWO]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK-NOT: dfg.add
// CHECK: return %[[MUL]]
func.func @float(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = dfg.add %x, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @integer
// CHECK: dfg.constant dense<2> : tensor<i32>
// CHECK: dfg.mul
func.func @integer(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
  %0 = dfg.add %x, %x : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

// Different operands, and i1 (no 2 to multiply by): left alone.
// CHECK-LABEL: func.func @untouched
// CHECK: dfg.add %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<4xf32>)
// CHECK: dfg.add %{{.*}}, %{{.*}} : (tensor<4xi1>, tensor<4xi1>)
// CHECK-NOT: dfg.mul
func.func @untouched(%x: tensor<4xf32>, %y: tensor<4xf32>, %b: tensor<4xi1>) -> (tensor<4xf32>, tensor<4xi1>) {
  %0 = dfg.add %x, %y : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = dfg.add %b, %b : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0, %1 : tensor<4xf32>, tensor<4xi1>
}
