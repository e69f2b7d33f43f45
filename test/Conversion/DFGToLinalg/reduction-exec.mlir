// Runs lowered reductions and arg-reductions and checks the numbers (from
// numpy), including ties, NaN, all -inf rows, unsigned order and a mean over
// a dimension only known at run time.
// RUN: dfg-opt %s --dfg-lower-to-llvm | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)

func.func @mean_rows(%x: tensor<?x3xf32>) -> tensor<3xf32> {
  %m = dfg.reduce mean, %x {axes = array<i64: 0>, keep_dims = false} : (tensor<?x3xf32>) -> tensor<3xf32>
  return %m : tensor<3xf32>
}

func.func @main() {
  %x = dfg.constant dense<[[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]]> : tensor<2x3xf32>

  // CHECK: {{\[}}[2],
  // CHECK-NEXT: [3]]
  %sum = dfg.reduce sum, %x {axes = array<i64: 1>, keep_dims = true} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  %m0 = bufferization.to_buffer %sum : tensor<2x1xf32> to memref<2x1xf32>
  %u0 = memref.cast %m0 : memref<2x1xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()

  // CHECK: [2.5, 1.5, -1.5]
  %mean = dfg.reduce mean, %x {axes = array<i64: 0>, keep_dims = false} : (tensor<2x3xf32>) -> tensor<3xf32>
  %m1 = bufferization.to_buffer %mean : tensor<3xf32> to memref<3xf32>
  %u1 = memref.cast %m1 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()

  // CHECK: [5]
  %max = dfg.reduce max, %x {axes = array<i64: 0, 1>, keep_dims = true} : (tensor<2x3xf32>) -> tensor<1x1xf32>
  %maxf = tensor.collapse_shape %max [[0, 1]] : tensor<1x1xf32> into tensor<1xf32>
  %m2 = bufferization.to_buffer %maxf : tensor<1xf32> to memref<1xf32>
  %u2 = memref.cast %m2 : memref<1xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()

  // CHECK: [-2, -6]
  %min = dfg.reduce min, %x {axes = array<i64: 1>, keep_dims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %m3 = bufferization.to_buffer %min : tensor<2xf32> to memref<2xf32>
  %u3 = memref.cast %m3 : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()

  // CHECK: [4, -10, -18]
  %prod = dfg.reduce prod, %x {axes = array<i64: 0>, keep_dims = false} : (tensor<2x3xf32>) -> tensor<3xf32>
  %m4 = bufferization.to_buffer %prod : tensor<3xf32> to memref<3xf32>
  %u4 = memref.cast %m4 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u4) : (memref<*xf32>) -> ()

  // The mean of a ?x3 tensor divides by the runtime row count (3).
  // CHECK: [4, 5, 6.33333]
  %d = dfg.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]]> : tensor<3x3xf32>
  %dd = tensor.cast %d : tensor<3x3xf32> to tensor<?x3xf32>
  %dm = call @mean_rows(%dd) : (tensor<?x3xf32>) -> tensor<3xf32>
  %m5 = bufferization.to_buffer %dm : tensor<3xf32> to memref<3xf32>
  %u5 = memref.cast %m5 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u5) : (memref<*xf32>) -> ()

  %i = dfg.constant dense<[[7, -3, 2], [1, 8, -10]]> : tensor<2x3xi32>
  // CHECK: [7, 8, 2]
  %imax = dfg.reduce max, %i {axes = array<i64: 0>, keep_dims = false} : (tensor<2x3xi32>) -> tensor<3xi32>
  %m6 = bufferization.to_buffer %imax : tensor<3xi32> to memref<3xi32>
  %u6 = memref.cast %m6 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u6) : (memref<*xi32>) -> ()
  // Integer means truncate towards zero: -1 / 3 is 0.
  // CHECK: [2, 0]
  %imean = dfg.reduce mean, %i {axes = array<i64: 1>, keep_dims = false} : (tensor<2x3xi32>) -> tensor<2xi32>
  %m7 = bufferization.to_buffer %imean : tensor<2xi32> to memref<2xi32>
  %u7 = memref.cast %m7 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u7) : (memref<*xi32>) -> ()

  // Unsigned order: 3000000000 is the largest.
  // CHECK: [3000000000]
  %w = dfg.constant dense<[5, 3000000000, 7]> : tensor<3xui32>
  %wmax = dfg.reduce max, %w {axes = array<i64: 0>, keep_dims = true} : (tensor<3xui32>) -> tensor<1xui32>
  %wmaxs = dfg.cast %wmax : (tensor<1xui32>) -> tensor<1xi64>
  %m8 = bufferization.to_buffer %wmaxs : tensor<1xi64> to memref<1xi64>
  %u8 = memref.cast %m8 : memref<1xi64> to memref<*xi64>
  call @printMemrefI64(%u8) : (memref<*xi64>) -> ()

  // Ties, NaN (which wins both argmax and argmin) and an all -inf row.
  %a = dfg.constant dense<[[1.0, 3.0, 3.0, 0.0], [0x7FC00000, 2.0, 0x7FC00000, 5.0], [0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000]]> : tensor<3x4xf32>
  // CHECK: [1, 0, 0]
  %amax = dfg.arg_reduce argmax, %a {axis = 1 : i64, keep_dims = false, select_last_index = false} : (tensor<3x4xf32>) -> tensor<3xi64>
  %m9 = bufferization.to_buffer %amax : tensor<3xi64> to memref<3xi64>
  %u9 = memref.cast %m9 : memref<3xi64> to memref<*xi64>
  call @printMemrefI64(%u9) : (memref<*xi64>) -> ()
  // CHECK: {{\[}}[2],
  // CHECK-NEXT: [2],
  // CHECK-NEXT: [3]]
  %amaxl = dfg.arg_reduce argmax, %a {axis = 1 : i64, keep_dims = true, select_last_index = true} : (tensor<3x4xf32>) -> tensor<3x1xi64>
  %m10 = bufferization.to_buffer %amaxl : tensor<3x1xi64> to memref<3x1xi64>
  %u10 = memref.cast %m10 : memref<3x1xi64> to memref<*xi64>
  call @printMemrefI64(%u10) : (memref<*xi64>) -> ()
  // CHECK: [3, 0, 0]
  %amin = dfg.arg_reduce argmin, %a {axis = 1 : i64, keep_dims = false, select_last_index = false} : (tensor<3x4xf32>) -> tensor<3xi64>
  %m11 = bufferization.to_buffer %amin : tensor<3xi64> to memref<3xi64>
  %u11 = memref.cast %m11 : memref<3xi64> to memref<*xi64>
  call @printMemrefI64(%u11) : (memref<*xi64>) -> ()
  // CHECK: [3, 2, 3]
  %aminl = dfg.arg_reduce argmin, %a {axis = 1 : i64, keep_dims = false, select_last_index = true} : (tensor<3x4xf32>) -> tensor<3xi64>
  %m12 = bufferization.to_buffer %aminl : tensor<3xi64> to memref<3xi64>
  %u12 = memref.cast %m12 : memref<3xi64> to memref<*xi64>
  call @printMemrefI64(%u12) : (memref<*xi64>) -> ()
  // Along axis 0 of the integers: [[7,-3,2],[1,8,-10]].
  // CHECK: [0, 1, 0]
  %iarg = dfg.arg_reduce argmax, %i {axis = 0 : i64, keep_dims = false, select_last_index = false} : (tensor<2x3xi32>) -> tensor<3xi64>
  %m13 = bufferization.to_buffer %iarg : tensor<3xi64> to memref<3xi64>
  %u13 = memref.cast %m13 : memref<3xi64> to memref<*xi64>
  call @printMemrefI64(%u13) : (memref<*xi64>) -> ()
  return
}
