// RUN: dfg-opt %s --split-input-file --dfg-flatten-globals | FileCheck %s

// A weight of two dimensions becomes one row, read through a view of its old
// shape; a resource keeps its blob (the bytes below, not a copy).
// CHECK-LABEL: module @weights
// CHECK: memref.global "private" constant @w : memref<6xf32> = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00, 6.000000e+00]> {alignment = 64 : i64}
// CHECK: memref.global "private" constant @r : memref<4xf32> = dense_resource<blob> {alignment = 64 : i64}
// CHECK: memref.global "private" constant @v : memref<3xf32> = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]>
// CHECK: func.func @read
// CHECK: %[[W:.*]] = memref.get_global @w : memref<6xf32>
// CHECK: %[[W2:.*]] = memref.expand_shape %[[W]] {{\[\[}}0, 1]] output_shape [2, 3] : memref<6xf32> into memref<2x3xf32>
// CHECK: %[[R:.*]] = memref.get_global @r : memref<4xf32>
// CHECK: %[[R2:.*]] = memref.expand_shape %[[R]] {{\[\[}}0, 1, 2]] output_shape [1, 2, 2] : memref<4xf32> into memref<1x2x2xf32>
// CHECK: %[[V:.*]] = memref.get_global @v : memref<3xf32>
// CHECK: return %[[W2]], %[[R2]], %[[V]]
// CHECK: dialect_resources
// CHECK: blob: "0x04000000000080
module @weights {
  memref.global "private" constant @w : memref<2x3xf32> = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> {alignment = 64 : i64}
  memref.global "private" constant @r : memref<1x2x2xf32> = dense_resource<blob> {alignment = 64 : i64}
  memref.global "private" constant @v : memref<3xf32> = dense<[1.0, 2.0, 3.0]>
  func.func @read() -> (memref<2x3xf32>, memref<1x2x2xf32>, memref<3xf32>) {
    %w = memref.get_global @w : memref<2x3xf32>
    %r = memref.get_global @r : memref<1x2x2xf32>
    %v = memref.get_global @v : memref<3xf32>
    return %w, %r, %v : memref<2x3xf32>, memref<1x2x2xf32>, memref<3xf32>
  }
}
{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F000000400000404000008040"
    }
  }
#-}

// -----

// Left alone: a public global (others may name it), a strided layout, a
// global named by something else than get_global, and one without elements
// for an initial value.
// CHECK-LABEL: module @kept
// CHECK: memref.global @public : memref<2x2xf32> = dense<1.000000e+00>
// CHECK: memref.global "private" constant @strided : memref<2x2xf32, strided<[4, 1]>> = dense<1.000000e+00>
// CHECK: memref.global "private" @named : memref<2x2xf32> = dense<1.000000e+00>
// CHECK: memref.global "private" @uninitialized : memref<2x2xf32> = uninitialized
// CHECK: func.func @read
// CHECK: memref.get_global @public : memref<2x2xf32>
// CHECK: memref.get_global @strided : memref<2x2xf32, strided<[4, 1]>>
// CHECK: memref.get_global @named : memref<2x2xf32>
// CHECK: memref.get_global @uninitialized : memref<2x2xf32>
// CHECK-NOT: memref.expand_shape
module @kept {
  memref.global @public : memref<2x2xf32> = dense<1.0>
  memref.global "private" constant @strided : memref<2x2xf32, strided<[4, 1]>> = dense<1.0>
  memref.global "private" @named : memref<2x2xf32> = dense<1.0>
  memref.global "private" @uninitialized : memref<2x2xf32> = uninitialized
  func.func @read() -> (memref<2x2xf32>, memref<2x2xf32, strided<[4, 1]>>, memref<2x2xf32>, memref<2x2xf32>) attributes {uses = @named} {
    %p = memref.get_global @public : memref<2x2xf32>
    %s = memref.get_global @strided : memref<2x2xf32, strided<[4, 1]>>
    %n = memref.get_global @named : memref<2x2xf32>
    %u = memref.get_global @uninitialized : memref<2x2xf32>
    return %p, %s, %n, %u : memref<2x2xf32>, memref<2x2xf32, strided<[4, 1]>>, memref<2x2xf32>, memref<2x2xf32>
  }
}
