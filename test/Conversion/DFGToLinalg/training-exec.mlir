// Runs lowered optimizer updates and checks the numbers (computed with numpy
// from the ONNX reference formulas), including the first step (step == 0)
// where momentum and Adam skip beta and the bias correction.
// RUN: dfg-opt %s --dfg-lower-to-llvm | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)

func.func @print(%t: tensor<4xf32>) {
  %m = bufferization.to_buffer %t : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %m : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @main() {
  %p = dfg.constant dense<[1.0, -2.0, 0.5, 3.0]> : tensor<4xf32>
  %g = dfg.constant dense<[0.1, 0.2, -0.3, 0.4]> : tensor<4xf32>
  %lr = dfg.constant dense<0.1> : tensor<f32>
  %t0 = dfg.constant dense<0> : tensor<i64>
  %t1 = dfg.constant dense<1> : tensor<i64>
  %t2 = dfg.constant dense<2> : tensor<i64>
  %t3 = dfg.constant dense<3> : tensor<i64>

  // CHECK: [0.94, -1.92, 0.505, 2.81]
  %sgd = dfg.sgd_update %p, %g, %lr {weight_decay = 0.5 : f64} : tensor<4xf32>, tensor<f32>
  call @print(%sgd) : (tensor<4xf32>) -> ()

  %v = dfg.constant dense<[0.5, -0.5, 1.0, 0.0]> : tensor<4xf32>
  // CHECK: [0.939, -1.955, 0.43, 2.944]
  // CHECK: [0.61, -0.45, 0.7, 0.56]
  %m1p, %m1v = dfg.momentum_update %p, %g, %v, %lr, %t1 {alpha = 0.9 : f64, beta = 0.8 : f64, norm_coefficient = 0.1 : f64, mode = #dfg<momentum_mode standard>} : tensor<4xf32>, tensor<f32>
  call @print(%m1p) : (tensor<4xf32>) -> ()
  call @print(%m1v) : (tensor<4xf32>) -> ()
  // The first step takes the whole gradient (beta' = 1).
  // CHECK: [0.935, -1.955, 0.435, 2.93]
  // CHECK: [0.65, -0.45, 0.65, 0.7]
  %m0p, %m0v = dfg.momentum_update %p, %g, %v, %lr, %t0 {alpha = 0.9 : f64, beta = 0.8 : f64, norm_coefficient = 0.1 : f64, mode = #dfg<momentum_mode standard>} : tensor<4xf32>, tensor<f32>
  call @print(%m0p) : (tensor<4xf32>) -> ()
  call @print(%m0v) : (tensor<4xf32>) -> ()
  // CHECK: [0.9251, -1.9595, 0.462, 2.8796]
  // CHECK: [0.61, -0.45, 0.7, 0.56]
  %mnp, %mnv = dfg.momentum_update %p, %g, %v, %lr, %t1 {alpha = 0.9 : f64, beta = 0.8 : f64, norm_coefficient = 0.1 : f64, mode = #dfg<momentum_mode nesterov>} : tensor<4xf32>, tensor<f32>
  call @print(%mnp) : (tensor<4xf32>) -> ()
  call @print(%mnv) : (tensor<4xf32>) -> ()

  %h = dfg.constant dense<[0.1, 0.2, 0.3, 0.4]> : tensor<4xf32>
  // CHECK: [0.972622, -2.03112, 0.539516, 2.95315]
  // CHECK: [0.1121, 0.2324, 0.387025, 0.5849]
  %ap, %ah = dfg.adagrad_update %p, %g, %h, %lr, %t2 {decay_factor = 0.1 : f64, epsilon = 1.0e-6 : f64, norm_coefficient = 0.01 : f64} : tensor<4xf32>, tensor<f32>
  call @print(%ap) : (tensor<4xf32>) -> ()
  call @print(%ah) : (tensor<4xf32>) -> ()

  %m = dfg.constant dense<[0.05, -0.1, 0.2, 0.0]> : tensor<4xf32>
  %s = dfg.constant dense<[0.01, 0.02, 0.0, 0.04]> : tensor<4xf32>
  // CHECK: [0.889098, -1.78971, 0.131178, 2.69502]
  // CHECK: [0.06, -0.08, 0.1525, 0.055]
  // CHECK: [0.0100125, 0.01999, 7.5625e-05, 0.0402625]
  %dp, %dm, %dv = dfg.adam_update %p, %g, %m, %s, %lr, %t3 {alpha = 0.9 : f64, beta = 0.999 : f64, epsilon = 1.0e-7 : f64, norm_coefficient = 0.05 : f64, norm_coefficient_post = 0.1 : f64} : tensor<4xf32>, tensor<f32>
  call @print(%dp) : (tensor<4xf32>) -> ()
  call @print(%dm) : (tensor<4xf32>) -> ()
  call @print(%dv) : (tensor<4xf32>) -> ()
  // No bias correction on the first step: r = lr.
  // CHECK: [0.846034, -1.74908, -1.12825, 2.67533]
  %ep, %em, %ev = dfg.adam_update %p, %g, %m, %s, %lr, %t0 {alpha = 0.9 : f64, beta = 0.999 : f64, epsilon = 1.0e-7 : f64, norm_coefficient = 0.05 : f64, norm_coefficient_post = 0.1 : f64} : tensor<4xf32>, tensor<f32>
  call @print(%ep) : (tensor<4xf32>) -> ()
  return
}
