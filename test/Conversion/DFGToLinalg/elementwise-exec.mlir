// Runs lowered elementwise ops and checks the numbers, including the integer
// cases that trap or are poison in plain LLVM.
// RUN: dfg-opt %s --dfg-lower-to-llvm | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)

func.func @printF32(%t: tensor<2x3xf32>) {
  %m = bufferization.to_buffer %t : tensor<2x3xf32> to memref<2x3xf32>
  %u = memref.cast %m : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @printI32(%t: tensor<4xi32>) {
  %m = bufferization.to_buffer %t : tensor<4xi32> to memref<4xi32>
  %u = memref.cast %m : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}

func.func @main() {
  %a = dfg.constant dense<[[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]]> : tensor<2x3xf32>
  %b = dfg.constant dense<[10.0, 20.0, 30.0]> : tensor<3xf32>
  // CHECK: {{\[}}[11, 18, 33],
  // CHECK-NEXT: [14, 25, 24]]
  %sum = dfg.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  call @printF32(%sum) : (tensor<2x3xf32>) -> ()
  // CHECK: {{\[}}[1, 0, 3],
  // CHECK-NEXT: [4, 5, 0]]
  %relu = dfg.clamp %a {min = 0.0 : f64, max = 0x7FF0000000000000 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  call @printF32(%relu) : (tensor<2x3xf32>) -> ()
  // CHECK: {{\[}}[1, -1, 1],
  // CHECK-NEXT: [1, 1, -1]]
  %sign = dfg.sign %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  call @printF32(%sign) : (tensor<2x3xf32>) -> ()

  // x / 0 gives 0 and INT_MIN / -1 wraps, instead of SIGFPE.
  // CHECK: [3, -3, 0, -2147483648]
  %i = dfg.constant dense<[7, -7, 5, -2147483648]> : tensor<4xi32>
  %j = dfg.constant dense<[2, 2, 0, -1]> : tensor<4xi32>
  %div = dfg.div %i, %j : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  call @printI32(%div) : (tensor<4xi32>) -> ()
  // C fmod semantics: the sign of the dividend.
  // CHECK: [1, -1, 0, 0]
  %rem = dfg.rem %i, %j : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  call @printI32(%rem) : (tensor<4xi32>) -> ()
  // Shifts of at least the bit width shift everything out.
  // CHECK: [-8, -1, 0, -1]
  %s = dfg.constant dense<[3, 40, 32, 31]> : tensor<4xi32>
  %m1 = dfg.constant dense<[-1, -1, 1, -1]> : tensor<4xi32>
  %shl = dfg.shift_left %m1, %s : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %sra = dfg.shift_right %m1, %s : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %cond = dfg.constant dense<[true, false, true, false]> : tensor<4xi1>
  %both = dfg.select %cond, %shl, %sra : (tensor<4xi1>, tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  call @printI32(%both) : (tensor<4xi32>) -> ()
  return
}
