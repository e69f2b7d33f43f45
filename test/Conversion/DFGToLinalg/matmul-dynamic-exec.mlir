// x @ W where x has two dynamic leading dims: the [?, ?, K] -> [? * ?, K]
// collapse is expanded back by a copy (an expand_shape with two dynamic
// sizes in one group crashes upstream's expand-strided-metadata).
// RUN: dfg-opt %s --dfg-lower-to-llvm | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)

func.func @xw(%x: tensor<?x?x2xf32>, %w: tensor<2x3xf32>) -> tensor<?x?x3xf32> {
  %0 = dfg.matmul %x, %w : (tensor<?x?x2xf32>, tensor<2x3xf32>) -> tensor<?x?x3xf32>
  return %0 : tensor<?x?x3xf32>
}

func.func @main() {
  %x = dfg.constant dense<[[[1.0, 2.0]], [[3.0, 4.0]]]> : tensor<2x1x2xf32>
  %w = dfg.constant dense<[[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]]> : tensor<2x3xf32>
  %xd = tensor.cast %x : tensor<2x1x2xf32> to tensor<?x?x2xf32>
  %r = call @xw(%xd, %w) : (tensor<?x?x2xf32>, tensor<2x3xf32>) -> tensor<?x?x3xf32>
  // CHECK: sizes = [2, 1, 3]
  // CHECK: {{\[\[\[}}1,{{ +}}2,{{ +}}0]],
  // CHECK-NEXT: {{\[\[}}3,{{ +}}4,{{ +}}2]]]
  %u = tensor.cast %r : tensor<?x?x3xf32> to tensor<*xf32>
  %m = bufferization.to_buffer %u : tensor<*xf32> to memref<*xf32>
  call @printMemrefF32(%m) : (memref<*xf32>) -> ()
  return
}
