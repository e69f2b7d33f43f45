// RUN: dfg-opt %s --dfg-guard-dynamic-sizes --split-input-file | FileCheck %s

// A tensor.empty with run-time sizes: one guard call per dynamic dimension,
// starting from the element size times the static dimensions (4 x 3), then
// the bytes check naming the op's location.
// CHECK-DAG: llvm.mlir.global internal constant @[[SITE:dfg_guard_site_[0-9]+]]("node 'Expand_7' (Expand)\00")
// CHECK-DAG: func.func private @dfg_rt_guard_dim(i64, i64) -> i64
// CHECK-DAG: func.func private @dfg_rt_guard_bytes(i64, !llvm.ptr)
// CHECK-LABEL: func.func @empty
// CHECK-SAME: (%[[N:[a-z0-9]+]]: index, %[[M:[a-z0-9]+]]: index)
// CHECK: %[[C12:.*]] = arith.constant 12 : i64
// CHECK: %[[N64:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK: %[[B1:.*]] = call @dfg_rt_guard_dim(%[[C12]], %[[N64]])
// CHECK: %[[M64:.*]] = arith.index_cast %[[M]] : index to i64
// CHECK: %[[B2:.*]] = call @dfg_rt_guard_dim(%[[B1]], %[[M64]])
// CHECK: %[[S:.*]] = llvm.mlir.addressof @[[SITE]] : !llvm.ptr
// CHECK: call @dfg_rt_guard_bytes(%[[B2]], %[[S]])
// CHECK-NEXT: tensor.empty(%[[N]], %[[M]]) : tensor<?x3x?xf32>
func.func @empty(%n: index, %m: index) -> tensor<?x3x?xf32> {
  %0 = tensor.empty(%n, %m) : tensor<?x3x?xf32> loc("Expand_7 (Expand)")
  return %0 : tensor<?x3x?xf32>
}

// -----

// Static shapes, and a static zero (no elements whatever %n is), need no
// guard; nor does anything when no op needs one (no declarations either).
// CHECK: return
// CHECK-NOT: dfg_rt_guard
// CHECK-LABEL: func.func @static
// CHECK-NOT: call
// CHECK: return
func.func @static(%n: index) -> (tensor<4x3xf32>, tensor<0x?xf32>) {
  %0 = tensor.empty() : tensor<4x3xf32>
  %1 = tensor.empty(%n) : tensor<0x?xf32>
  return %0, %1 : tensor<4x3xf32>, tensor<0x?xf32>
}

// -----

// A pad whose amounts are run-time values: its result size is the source's
// plus the amounts, computed in front of the pad; i1 counts as one byte.
// CHECK-LABEL: func.func @pad
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x?xi1>, %[[LO:[a-z0-9]+]]: index, %[[HI:[a-z0-9]+]]: index)
// CHECK: %[[C2:.*]] = arith.constant 2 : i64
// CHECK: call @dfg_rt_guard_dim(%[[C2]], %{{.*}})
// CHECK: call @dfg_rt_guard_bytes
// CHECK: tensor.pad %[[X]] low[0, %[[LO]]] high[0, %[[HI]]]
func.func @pad(%x: tensor<2x?xi1>, %lo: index, %hi: index) -> tensor<2x?xi1> {
  %false = arith.constant false
  %0 = tensor.pad %x low[0, %lo] high[0, %hi] {
  ^bb0(%i: index, %j: index):
    tensor.yield %false : i1
  } : tensor<2x?xi1> to tensor<2x?xi1>
  return %0 : tensor<2x?xi1>
}
