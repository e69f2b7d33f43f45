// The random ops draw from a counter-based generator: checks statistical
// properties of 65536 draws (range, mean, standard deviation) and that the
// same seed draws the same numbers while another seed does not.
// RUN: dfg-opt %s --dfg-lower-to-llvm | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)

func.func @pf(%t: tensor<*xf32>) {
  %m = bufferization.to_buffer %t : tensor<*xf32> to memref<*xf32>
  call @printMemrefF32(%m) : (memref<*xf32>) -> ()
  return
}

func.func @check(%x: tensor<65536xf32>) {
  %min = dfg.reduce min, %x {axes = array<i64: 0>, keep_dims = false} : (tensor<65536xf32>) -> tensor<f32>
  %max = dfg.reduce max, %x {axes = array<i64: 0>, keep_dims = false} : (tensor<65536xf32>) -> tensor<f32>
  %mean = dfg.reduce mean, %x {axes = array<i64: 0>, keep_dims = false} : (tensor<65536xf32>) -> tensor<f32>
  %d = dfg.sub %x, %mean : (tensor<65536xf32>, tensor<f32>) -> tensor<65536xf32>
  %d2 = dfg.mul %d, %d : (tensor<65536xf32>, tensor<65536xf32>) -> tensor<65536xf32>
  %var = dfg.reduce mean, %d2 {axes = array<i64: 0>, keep_dims = false} : (tensor<65536xf32>) -> tensor<f32>
  %std = dfg.sqrt %var : (tensor<f32>) -> tensor<f32>
  %min1 = dfg.reshape %min : (tensor<f32>) -> tensor<1xf32>
  %max1 = dfg.reshape %max : (tensor<f32>) -> tensor<1xf32>
  %mean1 = dfg.reshape %mean : (tensor<f32>) -> tensor<1xf32>
  %std1 = dfg.reshape %std : (tensor<f32>) -> tensor<1xf32>
  // Rounded to 2 decimals, so that the printed digits are stable.
  %s = dfg.constant dense<100.0> : tensor<f32>
  %stats = dfg.concat %min1, %max1, %mean1, %std1 {axis = 0 : i64} : (tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<4xf32>
  %scaled = dfg.mul %stats, %s : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %r = dfg.round %scaled : (tensor<4xf32>) -> tensor<4xf32>
  %c = tensor.cast %r : tensor<4xf32> to tensor<*xf32>
  call @pf(%c) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  // Uniform on [2, 3): min 2.00, max 3.00 (rounded), mean 2.50, std 0.29 (1/sqrt(12)).
  // CHECK: [200,  300,  250,  29]
  %u = dfg.random_uniform {low = 2.0 : f64, high = 3.0 : f64, seed = 7.0 : f64} : () -> tensor<65536xf32>
  call @check(%u) : (tensor<65536xf32>) -> ()
  // Normal(1, 2): mean 1.00 and std 2.00 to two decimals at this sample size.
  // CHECK: [{{-?[0-9]+}},  {{[0-9]+}},  {{99|100|101}},  {{199|200|201}}]
  %n = dfg.random_normal {mean = 1.0 : f64, scale = 2.0 : f64, seed = 7.0 : f64} : () -> tensor<65536xf32>
  call @check(%n) : (tensor<65536xf32>) -> ()

  // Same seed: the same numbers; another seed: different ones.
  // CHECK: [1,  0]
  %a = dfg.random_uniform {low = 0.0 : f64, high = 1.0 : f64, seed = 1.0 : f64} : () -> tensor<64xf32>
  %b = dfg.random_uniform {low = 0.0 : f64, high = 1.0 : f64, seed = 1.0 : f64} : () -> tensor<64xf32>
  %c = dfg.random_uniform {low = 0.0 : f64, high = 1.0 : f64, seed = 2.0 : f64} : () -> tensor<64xf32>
  %ab = dfg.compare eq, %a, %b : (tensor<64xf32>, tensor<64xf32>) -> tensor<64xi1>
  %ac = dfg.compare eq, %a, %c : (tensor<64xf32>, tensor<64xf32>) -> tensor<64xi1>
  %abi = dfg.cast %ab : (tensor<64xi1>) -> tensor<64xi32>
  %aci = dfg.cast %ac : (tensor<64xi1>) -> tensor<64xi32>
  %abm = dfg.reduce min, %abi {axes = array<i64: 0>, keep_dims = true} : (tensor<64xi32>) -> tensor<1xi32>
  %acm = dfg.reduce max, %aci {axes = array<i64: 0>, keep_dims = true} : (tensor<64xi32>) -> tensor<1xi32>
  %both = dfg.concat %abm, %acm {axis = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
  %bm = bufferization.to_buffer %both : tensor<2xi32> to memref<2xi32>
  %bu = memref.cast %bm : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%bu) : (memref<*xi32>) -> ()
  return
}
