// The structure, on loops too small to be worth threads by default:
// RUN: dfg-opt %s -split-input-file \
// RUN:   --pass-pipeline='builtin.module(func.func(dfg-parallelize-tile-loops{min-work=0}))' \
// RUN:   | FileCheck %s
// With the default min-work, small loops stay sequential:
// RUN: dfg-opt %s -split-input-file \
// RUN:   --pass-pipeline='builtin.module(func.func(dfg-parallelize-tile-loops))' \
// RUN:   | FileCheck %s --check-prefix=WORK
// Before planning, scratch allocations move into their loops:
// RUN: dfg-opt %s -split-input-file \
// RUN:   --pass-pipeline='builtin.module(func.func(dfg-parallelize-tile-loops{privatize-only=true}))' \
// RUN:   | FileCheck %s --check-prefix=PRIV
// RUN: not dfg-opt %s \
// RUN:   --pass-pipeline='builtin.module(func.func(dfg-parallelize-tile-loops{min-trips=0}))' \
// RUN:   2>&1 | FileCheck %s --check-prefix=BAD
// BAD: error: dfg-parallelize-tile-loops: min-trips must be at least 1 and min-work at least 0, got min-trips=0 min-work=65536

// The outermost marked loop (10 iterations) runs in parallel; the marked
// loop inside it stays sequential; every mark goes.
// WORK-LABEL: func.func @outermost
// WORK-NOT:   scf.parallel
// WORK-NOT:   dfg.parallel
// CHECK-LABEL: func.func @outermost
// CHECK:       scf.parallel (%[[N:.*]]) = (%c0) to (%c320) step (%c32) {
// CHECK:         scf.for %{{.*}} = %c0 to %c12 step %c6 {
// CHECK:           memref.subview %{{.*}}[%{{.*}}, %[[N]]] [6, 32]
// CHECK:         }
// CHECK-NOT:     dfg.parallel
// CHECK:         scf.reduce
func.func @outermost(%out: memref<12x320xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c6 = arith.constant 6 : index
  %c12 = arith.constant 12 : index
  %c32 = arith.constant 32 : index
  %c320 = arith.constant 320 : index
  scf.for %n = %c0 to %c320 step %c32 {
    scf.for %m = %c0 to %c12 step %c6 {
      %tile = memref.subview %out[%m, %n] [6, 32] [1, 1] : memref<12x320xf32> to memref<6x32xf32, strided<[320, 1], offset: ?>>
      linalg.fill ins(%v : f32) outs(%tile : memref<6x32xf32, strided<[320, 1], offset: ?>>)
    } {dfg.parallel}
  } {dfg.parallel}
  return
}

// -----

// Two iterations (below min-trips) or a run-time count (a batch) around
// marked loops: the loops inside run in parallel, each its own region.
// CHECK-LABEL: func.func @inner
// CHECK:       scf.for %{{.*}} = %c0 to %[[B:.*]] step %c1 {
// CHECK-NEXT:    scf.for %{{.*}} = %c0 to %c64 step %c32 {
// CHECK-NEXT:      scf.parallel (%{{.*}}) = (%c0) to (%c60) step (%c6) {
// CHECK:           scf.parallel (%{{.*}}) = (%c0) to (%c60) step (%c6) {
// CHECK-NOT:   dfg.parallel
func.func @inner(%out: memref<?x60x64xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %c32 = arith.constant 32 : index
  %c60 = arith.constant 60 : index
  %c64 = arith.constant 64 : index
  %batch = memref.dim %out, %c0 : memref<?x60x64xf32>
  scf.for %b = %c0 to %batch step %c1 {
    scf.for %n = %c0 to %c64 step %c32 {
      scf.for %m = %c0 to %c60 step %c6 {
        %tile = memref.subview %out[%b, %m, %n] [1, 6, 32] [1, 1, 1] : memref<?x60x64xf32> to memref<1x6x32xf32, strided<[3840, 64, 1], offset: ?>>
        linalg.fill ins(%v : f32) outs(%tile : memref<1x6x32xf32, strided<[3840, 64, 1], offset: ?>>)
      } {dfg.parallel}
      scf.for %m = %c0 to %c60 step %c6 {
        %tile = memref.subview %out[%b, %m, %n] [1, 6, 32] [1, 1, 1] : memref<?x60x64xf32> to memref<1x6x32xf32, strided<[3840, 64, 1], offset: ?>>
        linalg.fill ins(%v : f32) outs(%tile : memref<1x6x32xf32, strided<[3840, 64, 1], offset: ?>>)
      } {dfg.parallel}
    } {dfg.parallel}
  } {dfg.parallel}
  return
}

// -----

// A marked loop with nothing marked inside runs in parallel whatever its
// trip count. When the count is known at run time only, so is the choice:
// 18 operations an iteration (the fill's 16 elements, the subview, the
// yield): 65536 / 18 = 3641 iterations at least, else the sequential loop.
// CHECK-LABEL: func.func @dynamic_innermost
// CHECK:       scf.parallel (%{{.*}}) = (%c0) to (%{{.*}}) step (%c16) {
// WORK-LABEL: func.func @dynamic_innermost
// WORK:       %[[SIZE:.*]] = memref.dim
// WORK:       %[[SPAN:.*]] = arith.subi %[[SIZE]], %c0
// WORK:       %[[MIN:.*]] = arith.muli %c16, %c3641
// WORK:       %[[LARGE:.*]] = arith.cmpi sge, %[[SPAN]], %[[MIN]]
// WORK:       scf.if %[[LARGE]] {
// WORK-NEXT:    scf.parallel (%{{.*}}) = (%c0) to (%[[SIZE]]) step (%c16) {
// WORK:       } else {
// WORK-NEXT:    scf.for %{{.*}} = %c0 to %[[SIZE]] step %c16 {
// WORK-NOT:   dfg.parallel
func.func @dynamic_innermost(%out: memref<?xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %size = memref.dim %out, %c0 : memref<?xf32>
  scf.for %i = %c0 to %size step %c16 {
    %tile = memref.subview %out[%i] [16] [1] : memref<?xf32> to memref<16xf32, strided<[1], offset: ?>>
    linalg.fill ins(%v : f32) outs(%tile : memref<16xf32, strided<[1], offset: ?>>)
  } {dfg.parallel}
  return
}

// -----

// A packed panel in the arena, used only inside the loop, is scratch: each
// iteration gets its own allocation, freed at its end. The output, used
// after the loop, is shared (each iteration writes its own tile).
// CHECK-LABEL: func.func @scratch_view
// CHECK:       memref.view %{{.*}}[%c0][] : memref<?xi8> to memref<6x96xf32>
// CHECK-NOT:   memref.view
// CHECK:       scf.parallel (%[[N:.*]]) = (%c0) to (%c96) step (%c32) {
// CHECK-NEXT:    %[[PANEL:.*]] = memref.alloc() {alignment = 64 : i64} : memref<8x32xf32>
// CHECK:         memref.copy %{{.*}}, %[[PANEL]]
// CHECK:         linalg.matmul ins(%{{.*}}, %[[PANEL]] : {{.*}}) outs(%{{.*}} :
// CHECK:         memref.dealloc %[[PANEL]]
// CHECK-NEXT:    scf.reduce
// CHECK:       return %{{.*}} : memref<6x96xf32>
func.func @scratch_view(%a: memref<6x8xf32>, %b: memref<8x96xf32>, %arena: memref<?xi8>) -> memref<6x96xf32> {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c96 = arith.constant 96 : index
  %c1024 = arith.constant 1024 : index
  %out = memref.view %arena[%c0][] : memref<?xi8> to memref<6x96xf32>
  %panel = memref.view %arena[%c1024][] : memref<?xi8> to memref<8x32xf32>
  scf.for %n = %c0 to %c96 step %c32 {
    %src = memref.subview %b[0, %n] [8, 32] [1, 1] : memref<8x96xf32> to memref<8x32xf32, strided<[96, 1], offset: ?>>
    memref.copy %src, %panel : memref<8x32xf32, strided<[96, 1], offset: ?>> to memref<8x32xf32>
    %tile = memref.subview %out[0, %n] [6, 32] [1, 1] : memref<6x96xf32> to memref<6x32xf32, strided<[96, 1], offset: ?>>
    linalg.matmul ins(%a, %panel : memref<6x8xf32>, memref<8x32xf32>) outs(%tile : memref<6x32xf32, strided<[96, 1], offset: ?>>)
  } {dfg.parallel}
  return %out : memref<6x96xf32>
}

// -----

// Without an arena, the panel is an allocation freed after the loop: the
// allocation moves into the loop and the free outside goes.
// CHECK-LABEL: func.func @scratch_alloc
// CHECK-NOT:   memref.alloc
// CHECK:       scf.parallel
// CHECK-NEXT:    %[[PANEL:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?x32xf32>
// CHECK:         memref.dealloc %[[PANEL]]
// CHECK-NEXT:    scf.reduce
// CHECK-NOT:   memref.dealloc
// CHECK:       return
func.func @scratch_alloc(%b: memref<?x96xf32>, %out: memref<?x96xf32>) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c96 = arith.constant 96 : index
  %k = memref.dim %b, %c0 : memref<?x96xf32>
  %panel = memref.alloc(%k) : memref<?x32xf32>
  scf.for %n = %c0 to %c96 step %c32 {
    %src = memref.subview %b[0, %n] [%k, 32] [1, 1] : memref<?x96xf32> to memref<?x32xf32, strided<[96, 1], offset: ?>>
    memref.copy %src, %panel : memref<?x32xf32, strided<[96, 1], offset: ?>> to memref<?x32xf32>
    %tile = memref.subview %out[0, %n] [%k, 32] [1, 1] : memref<?x96xf32> to memref<?x32xf32, strided<[96, 1], offset: ?>>
    memref.copy %panel, %tile : memref<?x32xf32> to memref<?x32xf32, strided<[96, 1], offset: ?>>
  } {dfg.parallel}
  memref.dealloc %panel : memref<?x32xf32>
  return
}

// -----

// A loop that carries a buffer it does not write in place (a fresh buffer
// each iteration) stays sequential; an unmarked loop is left alone.
// CHECK-LABEL: func.func @carried
// CHECK-NOT:   scf.parallel
// CHECK:       scf.for {{.*}} iter_args
// CHECK-NOT:   dfg.parallel
// CHECK:       scf.for
// CHECK-NOT:   scf.parallel
func.func @carried(%init: memref<16xf32>, %v: f32) -> memref<16xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %init) -> (memref<16xf32>) {
    %fresh = memref.alloc() : memref<16xf32>
    memref.copy %acc, %fresh : memref<16xf32> to memref<16xf32>
    memref.store %v, %fresh[%i] : memref<16xf32>
    scf.yield %fresh : memref<16xf32>
  } {dfg.parallel}
  scf.for %i = %c0 to %c16 step %c1 {
    memref.store %v, %r[%i] : memref<16xf32>
  }
  return %r : memref<16xf32>
}

// -----

// An iter_arg yielded as is (written in place) is dropped.
// CHECK-LABEL: func.func @in_place
// CHECK:       scf.parallel
// CHECK:         memref.store %{{.*}}, %[[OUT:.*]][
// CHECK:       return %[[OUT]]
func.func @in_place(%out: memref<16xf32>, %v: f32) -> memref<16xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %out) -> (memref<16xf32>) {
    memref.store %v, %acc[%i] : memref<16xf32>
    scf.yield %acc : memref<16xf32>
  } {dfg.parallel}
  return %r : memref<16xf32>
}

// -----

// 16 iterations of 6x1024 elements: enough work for threads by default.
// WORK-LABEL: func.func @large
// WORK:       scf.parallel (%{{.*}}) = (%c0) to (%c96) step (%c6) {
// CHECK-LABEL: func.func @large
// CHECK:       scf.parallel
func.func @large(%out: memref<96x1024xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c6 = arith.constant 6 : index
  %c96 = arith.constant 96 : index
  scf.for %m = %c0 to %c96 step %c6 {
    %tile = memref.subview %out[%m, 0] [6, 1024] [1, 1] : memref<96x1024xf32> to memref<6x1024xf32, strided<[1024, 1], offset: ?>>
    linalg.fill ins(%v : f32) outs(%tile : memref<6x1024xf32, strided<[1024, 1], offset: ?>>)
  } {dfg.parallel}
  return
}

// -----

// privatize-only: the panel, used in the column loop alone, moves into it
// (the innermost marked loop holding every use: the row loop inside reads
// it too); the output, used after the loops, and a buffer that two loops
// share stay. Nothing else changes and the marks stay.
// PRIV-LABEL: func.func @privatize_only
// PRIV:       %[[OUT:.*]] = memref.alloc() : memref<12x320xf32>
// PRIV:       %[[SHARED:.*]] = memref.alloc() : memref<32xf32>
// PRIV:       scf.for %[[N:.*]] = %c0 to %c320 step %c32 {
// PRIV-NEXT:    %[[PANEL:.*]] = memref.alloc() : memref<8x32xf32>
// PRIV:         memref.copy %{{.*}}, %[[PANEL]]
// PRIV:         scf.for
// PRIV:           linalg.matmul ins(%{{.*}}, %[[PANEL]] :
// PRIV:         } {dfg.parallel}
// PRIV:       } {dfg.parallel}
// PRIV:       scf.for
// PRIV-NOT:     memref.alloc
// PRIV:       } {dfg.parallel}
// PRIV:       return %[[OUT]]
func.func @privatize_only(%a: memref<12x8xf32>, %b: memref<8x320xf32>, %v: f32) -> memref<12x320xf32> {
  %c0 = arith.constant 0 : index
  %c6 = arith.constant 6 : index
  %c12 = arith.constant 12 : index
  %c32 = arith.constant 32 : index
  %c320 = arith.constant 320 : index
  %out = memref.alloc() : memref<12x320xf32>
  %panel = memref.alloc() : memref<8x32xf32>
  %shared = memref.alloc() : memref<32xf32>
  scf.for %n = %c0 to %c320 step %c32 {
    %src = memref.subview %b[0, %n] [8, 32] [1, 1] : memref<8x320xf32> to memref<8x32xf32, strided<[320, 1], offset: ?>>
    memref.copy %src, %panel : memref<8x32xf32, strided<[320, 1], offset: ?>> to memref<8x32xf32>
    scf.for %m = %c0 to %c12 step %c6 {
      %rows = memref.subview %a[%m, 0] [6, 8] [1, 1] : memref<12x8xf32> to memref<6x8xf32, strided<[8, 1], offset: ?>>
      %tile = memref.subview %out[%m, %n] [6, 32] [1, 1] : memref<12x320xf32> to memref<6x32xf32, strided<[320, 1], offset: ?>>
      linalg.matmul ins(%rows, %panel : memref<6x8xf32, strided<[8, 1], offset: ?>>, memref<8x32xf32>) outs(%tile : memref<6x32xf32, strided<[320, 1], offset: ?>>)
    } {dfg.parallel}
    linalg.fill ins(%v : f32) outs(%shared : memref<32xf32>)
  } {dfg.parallel}
  scf.for %m = %c0 to %c12 step %c6 {
    %row = memref.subview %out[%m, 0] [1, 32] [1, 1] : memref<12x320xf32> to memref<32xf32, strided<[1], offset: ?>>
    memref.copy %shared, %row : memref<32xf32> to memref<32xf32, strided<[1], offset: ?>>
  } {dfg.parallel}
  return %out : memref<12x320xf32>
}
