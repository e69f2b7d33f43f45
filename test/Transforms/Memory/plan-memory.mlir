// RUN: dfg-opt %s --split-input-file --dfg-plan-memory | FileCheck %s
// RUN: dfg-opt %s --split-input-file --dfg-plan-memory=arena-argument | FileCheck %s --check-prefix=ARG
// RUN: dfg-opt %s --split-input-file --dfg-plan-memory=solver=greedy | FileCheck %s --check-prefix=GREEDY
// RUN: dfg-opt %s --split-input-file --dfg-plan-memory=report -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// Three buffers live one after the other: the first and the third share
// bytes, the second (live with both) does not.
// CHECK-LABEL: func.func @sequential
// CHECK-SAME: attributes {dfg.arena = [array<i64: 128>]}
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[SIZE:.*]] = arith.constant 128 : index
// CHECK: %[[ARENA:.*]] = memref.alloc(%[[SIZE]]) {alignment = 64 : i64} : memref<?xi8>
// CHECK: %[[A:.*]] = memref.view %[[ARENA]][%[[C0]]][] : memref<?xi8> to memref<16xf32>
// CHECK: %[[C64:.*]] = arith.constant 64 : index
// CHECK: %[[B:.*]] = memref.view %[[ARENA]][%[[C64]]][] : memref<?xi8> to memref<16xf32>
// CHECK: memref.copy %[[A]], %[[B]]
// CHECK: %[[C:.*]] = memref.view %[[ARENA]][%[[C0]]][] : memref<?xi8> to memref<16xf32>
// CHECK: memref.copy %[[B]], %[[C]]
// CHECK-NOT: memref.alloc
// CHECK: return
// REPORT: remark: dfg-plan-memory: 3 buffers in an arena of 128 bytes at unit dimensions (lower bound 128, sum 192, 1 group(s), optimal)
// GREEDY-LABEL: func.func @sequential
// GREEDY-SAME: attributes {dfg.arena = [array<i64: 128>]}
// ARG-LABEL: func.func @sequential
// ARG-SAME: (%{{.*}}: memref<16xf32>, %{{.*}}: memref<16xf32>, %[[ARENA:.*]]: memref<?xi8>)
// ARG-NOT: memref.alloc
// ARG: memref.view %[[ARENA]]
func.func @sequential(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
  memref.copy %in, %a : memref<16xf32> to memref<16xf32>
  %b = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
  memref.copy %a, %b : memref<16xf32> to memref<16xf32>
  %c = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
  memref.copy %b, %c : memref<16xf32> to memref<16xf32>
  memref.copy %c, %out : memref<16xf32> to memref<16xf32>
  return
}

// -----

// A use through a view, inside a loop, keeps the buffer live: %a (whose row
// the loop reads) and %b (carried by the loop) never overlap.
// CHECK-LABEL: func.func @alias
// CHECK-SAME: attributes {dfg.arena = [array<i64: 320>]}
// CHECK: %[[ARENA:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// CHECK: %[[OFF:.*]] = arith.constant 256 : index
// CHECK: %[[A:.*]] = memref.view %[[ARENA]][%{{.*}}][] : memref<?xi8> to memref<4x16xf32>
// CHECK: %[[ROW:.*]] = memref.subview %[[A]][1, 0]
// CHECK: %[[B:.*]] = memref.view %[[ARENA]][%[[OFF]]][] : memref<?xi8> to memref<16xf32>
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[B]])
// CHECK-NOT: memref.alloc
// REPORT: remark: dfg-plan-memory: 2 buffers in an arena of 320 bytes at unit dimensions (lower bound 320, sum 320, 1 group(s), optimal)
func.func @alias(%in: memref<4x16xf32>, %out: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = memref.alloc() {alignment = 64 : i64} : memref<4x16xf32>
  memref.copy %in, %a : memref<4x16xf32> to memref<4x16xf32>
  %row = memref.subview %a[1, 0] [1, 16] [1, 1] : memref<4x16xf32> to memref<16xf32, strided<[1], offset: 16>>
  %b = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
  memref.copy %row, %b : memref<16xf32, strided<[1], offset: 16>> to memref<16xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %b) -> (memref<16xf32>) {
    memref.copy %row, %acc : memref<16xf32, strided<[1], offset: 16>> to memref<16xf32>
    scf.yield %acc : memref<16xf32>
  }
  memref.copy %r, %out : memref<16xf32> to memref<16xf32>
  return
}

// -----

// Sizes in units of max(1, the dynamic batch): the function says so in
// dfg.arena ([bytes, arg, dim]). A returned buffer and one whose size is
// read from data stay allocations.
// CHECK-LABEL: func.func @dynamic
// CHECK-SAME: attributes {dfg.arena = [array<i64: 128, 0, 0>]}
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[N:.*]] = memref.dim %arg0, %[[C0]] : memref<?x8xf32>
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: %[[UNIT:.*]] = arith.maxui %[[N]], %[[ONE]] : index
// CHECK: %[[BYTES:.*]] = arith.constant 128 : index
// CHECK: %[[SIZE:.*]] = arith.muli %[[UNIT]], %[[BYTES]] : index
// CHECK: %[[ARENA:.*]] = memref.alloc(%[[SIZE]]) {alignment = 64 : i64} : memref<?xi8>
// CHECK: %[[C64:.*]] = arith.constant 64 : index
// CHECK: %[[OFF:.*]] = arith.muli %[[UNIT]], %[[C64]] : index
// CHECK: %[[A:.*]] = memref.view %[[ARENA]][%[[OFF]]][%{{.*}}] : memref<?xi8> to memref<?x8xf32>
// CHECK: %[[B:.*]] = memref.view %[[ARENA]][%[[C0]]][%{{.*}}] : memref<?xi8> to memref<?x8xf32>
// CHECK: %[[K:.*]] = memref.load
// CHECK: memref.alloc(%[[K]]) {alignment = 64 : i64} : memref<?xf32>
// CHECK: %[[OUT:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?x8xf32>
// CHECK: return %[[OUT]]
// REPORT: remark: dfg-plan-memory: 2 buffers in an arena of 128 bytes at unit dimensions (lower bound 128, sum 128, 1 group(s), optimal); 1 left to the allocator for a size computed from data; 1 left to the allocator for escaping
// ARG-LABEL: func.func @dynamic
// ARG-SAME: (%{{.*}}: memref<?x8xf32>, %{{.*}}: memref<1xindex>, %{{.*}}: memref<?xi8>) -> memref<?x8xf32>
func.func @dynamic(%x: memref<?x8xf32>, %shape: memref<1xindex>) -> memref<?x8xf32> {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?x8xf32>
  %a = memref.alloc(%n) {alignment = 64 : i64} : memref<?x8xf32>
  memref.copy %x, %a : memref<?x8xf32> to memref<?x8xf32>
  %m = memref.dim %a, %c0 : memref<?x8xf32>
  %b = memref.alloc(%m) {alignment = 64 : i64} : memref<?x8xf32>
  memref.copy %a, %b : memref<?x8xf32> to memref<?x8xf32>
  %k = memref.load %shape[%c0] : memref<1xindex>
  %d = memref.alloc(%k) {alignment = 64 : i64} : memref<?xf32>
  %out = memref.alloc(%n) {alignment = 64 : i64} : memref<?x8xf32>
  memref.copy %b, %out : memref<?x8xf32> to memref<?x8xf32>
  return %out : memref<?x8xf32>
}

// -----

// Sizes through views and reshapes: a dimension of an expand_shape whose
// size is an exact quotient (16 * n * 64 / 256 = 4 * n) and of a whole-
// dimension subview are still multiples of the batch.
// CHECK-LABEL: func.func @through_views
// CHECK-SAME: attributes {dfg.arena = [array<i64: 8192, 0, 0>]}
// CHECK-NOT: memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<16x?x16xf32>
// REPORT: remark: dfg-plan-memory: 3 buffers in an arena of 8192 bytes at unit dimensions (lower bound 8192, sum 12288, 1 group(s), optimal)
func.func @through_views(%x: memref<?x64xf32>, %out: memref<16x?x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c1024 = arith.constant 1024 : index
  %c256 = arith.constant 256 : index
  %n = memref.dim %x, %c0 : memref<?x64xf32>
  %a = memref.alloc(%n) {alignment = 64 : i64} : memref<16x?x64xf32>
  %sub = memref.subview %a[0, 0, 0] [16, %n, 64] [1, 1, 1] : memref<16x?x64xf32> to memref<16x?x64xf32, strided<[?, 64, 1]>>
  %m = memref.dim %sub, %c1 : memref<16x?x64xf32, strided<[?, 64, 1]>>
  %b = memref.alloc(%m) {alignment = 64 : i64} : memref<16x?x64xf32>
  memref.copy %sub, %b : memref<16x?x64xf32, strided<[?, 64, 1]>> to memref<16x?x64xf32>
  %flat = memref.collapse_shape %b [[0, 1, 2]] : memref<16x?x64xf32> into memref<?xf32>
  %count = arith.muli %m, %c1024 : index
  %rows = arith.divsi %count, %c256 : index
  %r = memref.expand_shape %flat [[0, 1, 2]] output_shape [16, %rows, 16] : memref<?xf32> into memref<16x?x16xf32>
  %k = memref.dim %r, %c1 : memref<16x?x16xf32>
  %c = memref.alloc(%k) {alignment = 64 : i64} : memref<16x?x16xf32>
  memref.copy %r, %c : memref<16x?x16xf32> to memref<16x?x16xf32>
  memref.copy %c, %out : memref<16x?x16xf32> to memref<16x?x16xf32>
  return
}

// -----

// A buffer of fixed size joins the batch-scaled group when that packs
// tighter: %s (64 bytes) is live with %a only, %b (64 bytes per unit) with
// %a only, so the joint plan needs 128 bytes per unit where two groups
// would need 64 + 128.
// CHECK-LABEL: func.func @mixed
// CHECK-SAME: attributes {dfg.arena = [array<i64: 128, 0, 0>]}
// CHECK-NOT: memref.alloc(
// CHECK: memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// CHECK-NOT: memref.alloc(
// CHECK: return
// REPORT: remark: dfg-plan-memory: 3 buffers in an arena of 128 bytes at unit dimensions (lower bound 128, sum 192, 1 group(s), optimal)
func.func @mixed(%x: memref<?x16xf32>, %w: memref<16xf32>, %out: memref<?x16xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?x16xf32>
  %a = memref.alloc(%n) {alignment = 64 : i64} : memref<?x16xf32>
  memref.copy %x, %a : memref<?x16xf32> to memref<?x16xf32>
  %s = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
  memref.copy %w, %s : memref<16xf32> to memref<16xf32>
  memref.copy %s, %w : memref<16xf32> to memref<16xf32>
  %b = memref.alloc(%n) {alignment = 64 : i64} : memref<?x16xf32>
  memref.copy %a, %b : memref<?x16xf32> to memref<?x16xf32>
  memref.copy %b, %out : memref<?x16xf32> to memref<?x16xf32>
  return
}

// -----

// Nothing to plan: no arena and no attribute.
// CHECK-LABEL: func.func @nothing
// CHECK-NOT: dfg.arena
// CHECK-NOT: memref.view
// ARG-LABEL: func.func @nothing(%{{.*}}: memref<4xf32>) -> memref<4xf32> {
func.func @nothing(%x: memref<4xf32>) -> memref<4xf32> {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  return %a : memref<4xf32>
}

// -----

// With arena-argument, only a public function that nothing calls takes the
// arena from its caller: a called (or private) one allocates its own, so
// that no call site is left without the argument.
// CHECK-LABEL: func.func @callee
// ARG-LABEL: func.func @callee
// ARG-SAME: (%{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32>) attributes
// ARG: memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// ARG-LABEL: func.func @caller
// ARG-SAME: (%{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32>, %[[ARENA:.*]]: memref<?xi8>)
// ARG: memref.view %[[ARENA]]
// ARG: call @callee
func.func @callee(%x: memref<4xf32>, %y: memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %y : memref<4xf32> to memref<4xf32>
  return
}
func.func @caller(%x: memref<4xf32>, %y: memref<4xf32>) {
  %b = memref.alloc() : memref<4xf32>
  memref.copy %x, %b : memref<4xf32> to memref<4xf32>
  memref.copy %b, %y : memref<4xf32> to memref<4xf32>
  call @callee(%x, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}

// -----

// The same with the caller first in the file, and a callee that is private:
// only the public function nothing calls takes the arena; every call site
// keeps its arguments.
// ARG-LABEL: func.func @caller_first
// ARG-SAME: (%{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32>, %[[ARENA:.*]]: memref<?xi8>)
// ARG: memref.view %[[ARENA]]
// ARG: call @private_callee(%{{.*}}, %{{.*}}) : (memref<4xf32>, memref<4xf32>) -> ()
// ARG-LABEL: func.func private @private_callee
// ARG-SAME: (%{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32>) attributes
// ARG: memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// ARG-LABEL: func.func private @never_called
// ARG-SAME: (%{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32>) attributes
// ARG: memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
func.func @caller_first(%x: memref<4xf32>, %y: memref<4xf32>) {
  %b = memref.alloc() : memref<4xf32>
  memref.copy %x, %b : memref<4xf32> to memref<4xf32>
  memref.copy %b, %y : memref<4xf32> to memref<4xf32>
  call @private_callee(%x, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
func.func private @private_callee(%x: memref<4xf32>, %y: memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %y : memref<4xf32> to memref<4xf32>
  return
}
func.func private @never_called(%x: memref<4xf32>, %y: memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %y : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A public function that calls itself has a call site: it allocates its
// arena rather than take it as an argument the recursive call lacks.
// ARG-LABEL: func.func @recursive
// ARG-SAME: (%{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32>) attributes
// ARG: memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// ARG: call @recursive(%{{.*}}, %{{.*}}) : (memref<4xf32>, memref<4xf32>) -> ()
func.func @recursive(%x: memref<4xf32>, %y: memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  memref.copy %a, %y : memref<4xf32> to memref<4xf32>
  call @recursive(%x, %y) : (memref<4xf32>, memref<4xf32>) -> ()
  return
}
