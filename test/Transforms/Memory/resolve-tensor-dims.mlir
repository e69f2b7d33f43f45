// RUN: dfg-opt %s --split-input-file --dfg-resolve-tensor-dims | FileCheck %s

// Every size is read from the argument it comes from, through a fill, an
// insert_slice, a collapse and a loop that yields its iter_arg; the
// extract_slice of the insert_slice at the same place is not folded, and the
// unused dims are gone.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[ARG:.*]]: tensor<?x8xf32>, %[[X:.*]]: tensor<?x4xf32>)
// CHECK: %[[N:.*]] = tensor.dim %[[ARG]], %c0
// CHECK-NOT: tensor.dim {{.*}}tensor<?x8xf32>
// CHECK-NOT: tensor.dim {{.*}}tensor<?xf32>
// CHECK: %[[E:.*]] = tensor.empty(%[[N]]) : tensor<?x8xf32>
// CHECK: %[[F:.*]] = linalg.fill {{.*}} outs(%[[E]]
// CHECK: %[[I:.*]] = tensor.insert_slice %[[X]] into %[[F]][0, 2] [%[[N]], 4]
// CHECK: %[[S:.*]] = tensor.extract_slice %[[I]][0, 2] [%[[N]], 4]
// CHECK: %[[SIZE:.*]] = affine.apply #{{.*}}()[%[[N]]]
// CHECK: scf.for %{{.*}} = %c0 to %[[SIZE]] step %c1
// CHECK: return %[[S]], %[[N]]
func.func @chain(%arg: tensor<?x8xf32>, %x: tensor<?x4xf32>) -> (tensor<?x4xf32>, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cst = arith.constant 0.0 : f32
  %n = tensor.dim %arg, %c0 : tensor<?x8xf32>
  %e = tensor.empty(%n) : tensor<?x8xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<?x8xf32>) -> tensor<?x8xf32>
  %nf = tensor.dim %f, %c0 : tensor<?x8xf32>
  %i = tensor.insert_slice %x into %f[0, 2] [%nf, 4] [1, 1] : tensor<?x4xf32> into tensor<?x8xf32>
  %ni = tensor.dim %i, %c0 : tensor<?x8xf32>
  %s = tensor.extract_slice %i[0, 2] [%ni, 4] [1, 1] : tensor<?x8xf32> to tensor<?x4xf32>
  %c = tensor.collapse_shape %i [[0, 1]] : tensor<?x8xf32> into tensor<?xf32>
  %nc = tensor.dim %c, %c0 : tensor<?xf32>
  %l = scf.for %iv = %c0 to %nc step %c1 iter_args(%acc = %i) -> (tensor<?x8xf32>) {
    scf.yield %acc : tensor<?x8xf32>
  }
  %nl = tensor.dim %l, %c0 : tensor<?x8xf32>
  return %s, %nl : tensor<?x4xf32>, index
}
