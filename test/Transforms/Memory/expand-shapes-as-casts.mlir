// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-expand-shapes-as-casts))' | FileCheck %s
// What the pass leaves must get through expand-strided-metadata (which
// crashes on multi-dynamic groups in LLVM 22) and down to LLVM.
// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-expand-shapes-as-casts),expand-strided-metadata,finalize-memref-to-llvm,convert-to-llvm,reconcile-unrealized-casts)' | FileCheck %s --check-prefix=LLVM

// A convolution's [N, F, OH*OW] result expanded to [N, F, OH, OW] with OH and
// OW known only at run time: strides from the source's, within the group
// the next stride times the next size.
// CHECK-LABEL: func.func @two_dynamic
//       CHECK:   %[[BASE:.*]], %{{.*}}, %{{.*}}:3, %[[STRIDES:.*]]:3 = memref.extract_strided_metadata %arg0
//       CHECK:   memref.reinterpret_cast %[[BASE]] to offset: [0], sizes: [%arg1, 5, %arg2, %arg3], strides: [%[[STRIDES]]#0, %[[STRIDES]]#1, %arg3, 1] : memref<f32> to memref<?x5x?x?xf32>
//   CHECK-NOT:   memref.expand_shape
// LLVM-LABEL: llvm.func @two_dynamic
func.func @two_dynamic(%c: memref<?x5x?xf32>, %n: index, %h: index, %w: index) -> memref<?x5x?x?xf32> {
  %e = memref.expand_shape %c [[0], [1], [2, 3]] output_shape [%n, 5, %h, %w] : memref<?x5x?xf32> into memref<?x5x?x?xf32>
  return %e : memref<?x5x?x?xf32>
}

// -----

// A strided source (a view of a tile) with static strides: the static
// strides and the run-time offset carry over.
// CHECK-LABEL: func.func @strided_source
//       CHECK:   %[[BASE:.*]], %[[OFFSET:.*]], %{{.*}}:2, %{{.*}}:2 = memref.extract_strided_metadata %arg0
//       CHECK:   memref.reinterpret_cast %[[BASE]] to offset: [%[[OFFSET]]], sizes: [4, %arg1, %arg2], strides: [100, %arg2, 1]
// LLVM-LABEL: llvm.func @strided_source
func.func @strided_source(%c: memref<4x?xf32, strided<[100, 1], offset: ?>>, %h: index, %w: index) -> memref<4x?x?xf32, strided<[100, ?, 1], offset: ?>> {
  %e = memref.expand_shape %c [[0], [1, 2]] output_shape [4, %h, %w] : memref<4x?xf32, strided<[100, 1], offset: ?>> into memref<4x?x?xf32, strided<[100, ?, 1], offset: ?>>
  return %e : memref<4x?x?xf32, strided<[100, ?, 1], offset: ?>>
}

// -----

// At most one run-time size per group: left to expand-strided-metadata.
// CHECK-LABEL: func.func @one_dynamic
//       CHECK:   memref.expand_shape
// LLVM-LABEL: llvm.func @one_dynamic
func.func @one_dynamic(%c: memref<?x20xf32>, %n: index) -> memref<?x4x5xf32> {
  %e = memref.expand_shape %c [[0], [1, 2]] output_shape [%n, 4, 5] : memref<?x20xf32> into memref<?x4x5xf32>
  return %e : memref<?x4x5xf32>
}
