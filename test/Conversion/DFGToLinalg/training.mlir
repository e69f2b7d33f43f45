// RUN: dfg-opt %s --dfg-lower-to-linalg --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @sgd
// CHECK: %[[LR:.*]] = tensor.extract %{{.*}}[] : tensor<f32>
// CHECK: %[[R:.*]] = linalg.generic
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<16x8xf32>, tensor<16x8xf32>) outs(%{{.*}} : tensor<16x8xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: arith.mulf %[[LR]]
// CHECK: arith.subf
// CHECK: return %[[R]]
func.func @sgd(%w: tensor<16x8xf32>, %g: tensor<16x8xf32>, %lr: tensor<f32>) -> tensor<16x8xf32> {
  %0 = dfg.sgd_update %w, %g, %lr {weight_decay = 0.5 : f64} : tensor<16x8xf32>, tensor<f32>
  return %0 : tensor<16x8xf32>
}

// -----

// Both results come from one loop nest with two outputs; the dynamic
// batch size is read from the parameter. beta applies only after step 0.
// CHECK-LABEL: func.func @momentum_dynamic
// CHECK: %[[STEP:.*]] = tensor.extract %{{.*}}[] : tensor<i64>
// CHECK: %[[STARTED:.*]] = arith.cmpi sgt, %[[STEP]]
// CHECK: %[[BETA:.*]] = arith.select %[[STARTED]]
// CHECK: %[[DIM:.*]] = tensor.dim %{{.*}}, %c0
// CHECK: %[[E0:.*]] = tensor.empty(%[[DIM]]) : tensor<?x8xf32>
// CHECK: %[[E1:.*]] = tensor.empty(%[[DIM]]) : tensor<?x8xf32>
// CHECK: %[[R:.*]]:2 = linalg.generic
// CHECK-SAME: outs(%[[E0]], %[[E1]] : tensor<?x8xf32>, tensor<?x8xf32>)
// CHECK: arith.mulf %[[BETA]]
// CHECK: linalg.yield %{{.*}}, %{{.*}} : f32, f32
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @momentum_dynamic(%w: tensor<?x8xf32>, %g: tensor<?x8xf32>, %v: tensor<?x8xf32>, %lr: tensor<f32>, %t: tensor<i64>) -> (tensor<?x8xf32>, tensor<?x8xf32>) {
  %0, %1 = dfg.momentum_update %w, %g, %v, %lr, %t {alpha = 0.9 : f64, beta = 0.1 : f64, norm_coefficient = 0.0 : f64, mode = #dfg<momentum_mode nesterov>} : tensor<?x8xf32>, tensor<f32>
  return %0, %1 : tensor<?x8xf32>, tensor<?x8xf32>
}

// -----

// The learning-rate decay is a scalar computed once, in f64.
// CHECK-LABEL: func.func @adagrad
// CHECK: %[[DECAY:.*]] = arith.addf %{{.*}}, %{{.*}} : f64
// CHECK: %[[RATE64:.*]] = arith.divf %{{.*}}, %[[DECAY]] : f64
// CHECK: %[[RATE:.*]] = arith.truncf %[[RATE64]] : f64 to f32
// CHECK: %[[R:.*]]:2 = linalg.generic
// CHECK: math.sqrt
// CHECK: arith.mulf %[[RATE]]
// CHECK: linalg.yield
func.func @adagrad(%w: tensor<3xf32>, %g: tensor<3xf32>, %h: tensor<3xf32>, %lr: tensor<f32>, %t: tensor<i64>) -> (tensor<3xf32>, tensor<3xf32>) {
  %0, %1 = dfg.adagrad_update %w, %g, %h, %lr, %t {decay_factor = 0.1 : f64, epsilon = 1.0e-6 : f64, norm_coefficient = 0.0 : f64} : tensor<3xf32>, tensor<f32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @adam_f64
// CHECK: math.powf
// CHECK: math.powf
// CHECK: %[[RATE:.*]] = arith.select
// CHECK: %[[R:.*]]:3 = linalg.generic
// CHECK-SAME: outs(%{{.*}}, %{{.*}}, %{{.*}} : tensor<2x2xf64>, tensor<2x2xf64>, tensor<2x2xf64>)
// CHECK: arith.mulf %[[RATE]]
// CHECK: linalg.yield %{{.*}}, %{{.*}}, %{{.*}} : f64, f64, f64
// CHECK: return %[[R]]#0, %[[R]]#1, %[[R]]#2
func.func @adam_f64(%w: tensor<2x2xf64>, %g: tensor<2x2xf64>, %m: tensor<2x2xf64>, %v: tensor<2x2xf64>, %lr: tensor<f64>, %t: tensor<i64>) -> (tensor<2x2xf64>, tensor<2x2xf64>, tensor<2x2xf64>) {
  %0, %1, %2 = dfg.adam_update %w, %g, %m, %v, %lr, %t {alpha = 0.9 : f64, beta = 0.999 : f64, epsilon = 1.0e-8 : f64, norm_coefficient = 0.0 : f64, norm_coefficient_post = 0.1 : f64} : tensor<2x2xf64>, tensor<f64>
  return %0, %1, %2 : tensor<2x2xf64>, tensor<2x2xf64>, tensor<2x2xf64>
}
