// RUN: not dfg-opt %s --dfg-plan-memory=solver=best 2>&1 | FileCheck %s --check-prefix=SOLVER
// RUN: not dfg-opt %s --dfg-plan-memory=alignment=48 2>&1 | FileCheck %s --check-prefix=ALIGN
// RUN: not dfg-opt %s --split-input-file --dfg-plan-memory 2>&1 | FileCheck %s
// RUN: rm -rf %t && not dfg-opt %s --split-input-file --dfg-plan-memory=memory-map=%t/no/dir/map.svg 2>&1 | FileCheck %s --check-prefix=MAP

// SOLVER: error: dfg-plan-memory: unknown solver 'best' (expected greedy or search)
// ALIGN: error: dfg-plan-memory: alignment must be a power of two and time-limit non-negative

// The pass runs before deallocation: buffers with deallocs are somebody
// else's plan.
// CHECK: error: dfg-plan-memory runs before deallocation: the function already has memref.dealloc ops
// MAP: error: dfg-plan-memory: cannot write '{{.*}}map.svg'
func.func @deallocated(%x: memref<4xf32>, %y: memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %y : memref<4xf32> to memref<4xf32>
  memref.dealloc %a : memref<4xf32>
  return
}

// -----

// An unwritable memory map is an error, not a silently missing picture.
func.func @plannable(%x: memref<4xf32>, %y: memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %y : memref<4xf32> to memref<4xf32>
  return
}
