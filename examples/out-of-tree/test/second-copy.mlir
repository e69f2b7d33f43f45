// A plugin that links its own copy of the dfg dialect gets TypeIDs of its
// own: the pass reports it (once per function here) instead of silently
// matching nothing.
// RUN: not %dfg_opt %s --load-pass-plugin=%second_copy_plugin --pass-pipeline='builtin.module(dfg-example-add-self-to-mul)' 2>&1 | FileCheck %s

// CHECK: error: the loaded 'dfg' dialect is not the one this pass was built against
module {
  func.func @float(%x: tensor<4xf32>) -> tensor<4xf32> {
    %0 = dfg.add %x, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    return %0 : tensor<4xf32>
  }
}
