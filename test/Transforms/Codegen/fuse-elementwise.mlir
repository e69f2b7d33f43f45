// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-fuse-elementwise{max-body-ops=5}))' | FileCheck %s
// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-fuse-elementwise))' | FileCheck %s --check-prefix=ALL
// RUN: not dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-fuse-elementwise{max-body-ops=0}))' 2>&1 | FileCheck %s --check-prefix=BAD

// A chain of five one-op elementwise kernels. Each body is one op and the
// yield; a fusion is taken while the fused body has at most max-body-ops
// operations: with 5, groups of four ops (4 + yield) and one of one.
// CHECK-LABEL: func.func @chain
// CHECK-COUNT-2: linalg.generic
// CHECK-NOT: linalg.generic
// The default bound (64) fuses the whole chain.
// ALL-LABEL: func.func @chain
// ALL-COUNT-1: linalg.generic
// ALL-NOT: linalg.generic
// ALL: math.exp
// ALL-NEXT: arith.negf
// ALL-NEXT: math.absf
// ALL-NEXT: math.sqrt
// ALL-NEXT: arith.negf
// BAD: error: dfg-fuse-elementwise: max-body-ops must be positive, got 0
#id = affine_map<(d0) -> (d0)>
func.func @chain(%x: tensor<8xf32>) -> tensor<8xf32> {
  %e = tensor.empty() : tensor<8xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = math.exp %a : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%0 : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = arith.negf %a : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%1 : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = math.absf %a : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %3 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%2 : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = math.sqrt %a : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %4 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%3 : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = arith.negf %a : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  return %4 : tensor<8xf32>
}
