// RUN: dfg-opt %s | dfg-opt | FileCheck %s
// RUN: dfg-opt %s --mlir-print-op-generic | dfg-opt | FileCheck %s
// Round trip of every dfg op, in custom and generic form.

// CHECK-LABEL: func.func @constants
func.func @constants() -> (tensor<2xf32>, tensor<2x2xi64>) {
  // CHECK: dfg.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
  %0 = dfg.constant dense<[1.0, 2.0]> : tensor<2xf32>
  // CHECK: dfg.constant dense_resource<weights> : tensor<2x2xi64>
  %1 = dfg.constant dense_resource<weights> : tensor<2x2xi64>
  return %0, %1 : tensor<2xf32>, tensor<2x2xi64>
}

// CHECK-LABEL: func.func @unary_float
func.func @unary_float(%x: tensor<2x?xf32>) -> tensor<2x?xf32> {
  // CHECK: dfg.exp %{{.*}} : (tensor<2x?xf32>) -> tensor<2x?xf32>
  %0 = dfg.exp %x : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.log
  %1 = dfg.log %0 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.sqrt
  %2 = dfg.sqrt %1 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.rsqrt
  %3 = dfg.rsqrt %2 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.reciprocal
  %4 = dfg.reciprocal %3 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.tanh
  %5 = dfg.tanh %4 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.sigmoid
  %6 = dfg.sigmoid %5 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.erf
  %7 = dfg.erf %6 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.sin
  %8 = dfg.sin %7 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.cos
  %9 = dfg.cos %8 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.floor
  %10 = dfg.floor %9 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.ceil
  %11 = dfg.ceil %10 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.round
  %12 = dfg.round %11 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  return %12 : tensor<2x?xf32>
}

// CHECK-LABEL: func.func @unary_any
func.func @unary_any(%x: tensor<4xi32>, %b: tensor<4xi1>, %f: tensor<4xf16>)
    -> (tensor<4xi32>, tensor<4xi1>, tensor<4xf16>, tensor<4xi32>) {
  // CHECK: dfg.neg %{{.*}} : (tensor<4xi32>) -> tensor<4xi32>
  %0 = dfg.neg %x : (tensor<4xi32>) -> tensor<4xi32>
  // CHECK: dfg.abs
  %1 = dfg.abs %0 : (tensor<4xi32>) -> tensor<4xi32>
  // CHECK: dfg.sign
  %2 = dfg.sign %1 : (tensor<4xi32>) -> tensor<4xi32>
  // CHECK: dfg.not %{{.*}} : (tensor<4xi1>) -> tensor<4xi1>
  %3 = dfg.not %b : (tensor<4xi1>) -> tensor<4xi1>
  // CHECK: dfg.clamp %{{.*}} {max = 6.000000e+00 : f64, min = 0.000000e+00 : f64}
  %4 = dfg.clamp %f {min = 0.0 : f64, max = 6.0 : f64} : (tensor<4xf16>) -> tensor<4xf16>
  // CHECK: dfg.cast %{{.*}} : (tensor<4xf16>) -> tensor<4xi32>
  %5 = dfg.cast %4 : (tensor<4xf16>) -> tensor<4xi32>
  return %2, %3, %4, %5 : tensor<4xi32>, tensor<4xi1>, tensor<4xf16>, tensor<4xi32>
}

// CHECK-LABEL: func.func @binary
func.func @binary(%x: tensor<2x3xf32>, %y: tensor<3xf32>, %p: tensor<2x1xi1>,
                  %q: tensor<3xi1>) -> (tensor<2x3xf32>, tensor<2x3xi1>) {
  // CHECK: dfg.add %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = dfg.add %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: dfg.sub
  %1 = dfg.sub %0, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: dfg.mul
  %2 = dfg.mul %1, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: dfg.div
  %3 = dfg.div %2, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: dfg.rem
  %4 = dfg.rem %3, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: dfg.pow
  %5 = dfg.pow %4, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: dfg.max
  %6 = dfg.max %5, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: dfg.min
  %7 = dfg.min %6, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: dfg.and %{{.*}}, %{{.*}} : (tensor<2x1xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  %8 = dfg.and %p, %q : (tensor<2x1xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  // CHECK: dfg.or
  %9 = dfg.or %8, %q : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  // CHECK: dfg.xor
  %10 = dfg.xor %9, %p : (tensor<2x3xi1>, tensor<2x1xi1>) -> tensor<2x3xi1>
  // CHECK: dfg.compare ge, %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %11 = dfg.compare ge, %7, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: dfg.select %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %12 = dfg.select %11, %7, %y : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %12, %10 : tensor<2x3xf32>, tensor<2x3xi1>
}

// CHECK-LABEL: func.func @linalg
func.func @linalg(%a: tensor<8x?x64xf32>, %b: tensor<64x32xf32>,
                  %x: tensor<?x3x224x224xf32>, %w: tensor<64x3x7x7xf32>,
                  %bias: tensor<64xf32>, %t: tensor<1x8x4x4xf32>,
                  %tw: tensor<8x4x2x2xf32>)
    -> (tensor<8x?x32xf32>, tensor<?x64x56x56xf32>, tensor<1x4x8x8xf32>) {
  // CHECK: dfg.matmul %{{.*}}, %{{.*}} : (tensor<8x?x64xf32>, tensor<64x32xf32>) -> tensor<8x?x32xf32>
  %0 = dfg.matmul %a, %b : (tensor<8x?x64xf32>, tensor<64x32xf32>) -> tensor<8x?x32xf32>
  // CHECK: dfg.conv %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 3, 3, 3, 3>, strides = array<i64: 2, 2>}
  %1 = dfg.conv %x, %w, %bias {strides = array<i64: 2, 2>, pads = array<i64: 3, 3, 3, 3>,
      dilations = array<i64: 1, 1>, groups = 1 : i64}
      : (tensor<?x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<?x64x112x112xf32>
  // CHECK: dfg.pool max, %{{.*}} {ceil_mode = false, count_include_pad = false
  %2 = dfg.pool max, %1 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
      pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>,
      count_include_pad = false, ceil_mode = false}
      : (tensor<?x64x112x112xf32>) -> tensor<?x64x56x56xf32>
  // CHECK: dfg.conv_transpose %{{.*}}, %{{.*}} {{.*}}output_padding = array<i64: 0, 0>
  %3 = dfg.conv_transpose %t, %tw {strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>,
      dilations = array<i64: 1, 1>, output_padding = array<i64: 0, 0>, groups = 1 : i64}
      : (tensor<1x8x4x4xf32>, tensor<8x4x2x2xf32>) -> tensor<1x4x8x8xf32>
  return %0, %2, %3 : tensor<8x?x32xf32>, tensor<?x64x56x56xf32>, tensor<1x4x8x8xf32>
}

// CHECK-LABEL: func.func @reductions
func.func @reductions(%x: tensor<4x?xf32>) -> (tensor<4x1xf32>, tensor<?xi64>) {
  // CHECK: dfg.reduce sum, %{{.*}} {axes = array<i64: 1>, keep_dims = true}
  %0 = dfg.reduce sum, %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x?xf32>) -> tensor<4x1xf32>
  // CHECK: dfg.arg_reduce argmin, %{{.*}} {axis = 0 : i64, keep_dims = false, select_last_index = true}
  %1 = dfg.arg_reduce argmin, %x {axis = 0 : i64, keep_dims = false, select_last_index = true}
      : (tensor<4x?xf32>) -> tensor<?xi64>
  return %0, %1 : tensor<4x1xf32>, tensor<?xi64>
}

// CHECK-LABEL: func.func @data_movement
func.func @data_movement(%x: tensor<2x3x4xf32>, %r: tensor<?x?xf32>,
                         %s: tensor<3xi64>, %e: tensor<1x4xf32>,
                         %table: tensor<1000x64xf32>, %ids: tensor<?x16xi64>)
    -> (tensor<2x4x3xf32>, tensor<24xf32>, tensor<?x?x4xf32>, tensor<3x4xf32>,
        tensor<2x6x4xf32>, tensor<2x1x4xf32>, tensor<2x5x4xf32>, tensor<?x16x64xf32>) {
  // CHECK: dfg.transpose %{{.*}} {permutation = array<i64: 0, 2, 1>}
  %0 = dfg.transpose %x {permutation = array<i64: 0, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  // CHECK: dfg.reshape %{{.*}} : (tensor<2x3x4xf32>) -> tensor<24xf32>
  %1 = dfg.reshape %x : (tensor<2x3x4xf32>) -> tensor<24xf32>
  // CHECK: dfg.reshape %{{.*}}, %{{.*}} : (tensor<?x?xf32>, tensor<3xi64>) -> tensor<?x?x4xf32>
  %2 = dfg.reshape %r, %s : (tensor<?x?xf32>, tensor<3xi64>) -> tensor<?x?x4xf32>
  // CHECK: dfg.broadcast_to %{{.*}} : (tensor<1x4xf32>) -> tensor<3x4xf32>
  %3 = dfg.broadcast_to %e : (tensor<1x4xf32>) -> tensor<3x4xf32>
  // CHECK: dfg.concat %{{.*}}, %{{.*}} {axis = 1 : i64}
  %4 = dfg.concat %x, %x {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x6x4xf32>
  // CHECK: dfg.slice %{{.*}} {limits = array<i64: 9223372036854775807, 3, 4>, starts = array<i64: 0, -1, 0>, strides = array<i64: 1, 1, 1>}
  %5 = dfg.slice %x {starts = array<i64: 0, -1, 0>, limits = array<i64: 9223372036854775807, 3, 4>,
      strides = array<i64: 1, 1, 1>} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  // CHECK: dfg.pad %{{.*}} {high = array<i64: 0, 1, 0>, low = array<i64: 0, 1, 0>, mode = #dfg<pad_mode reflect>
  %6 = dfg.pad %x {low = array<i64: 0, 1, 0>, high = array<i64: 0, 1, 0>,
      mode = #dfg<pad_mode reflect>, value = 0.0 : f64} : (tensor<2x3x4xf32>) -> tensor<2x5x4xf32>
  // CHECK: dfg.gather %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<1000x64xf32>, tensor<?x16xi64>) -> tensor<?x16x64xf32>
  %7 = dfg.gather %table, %ids {axis = 0 : i64} : (tensor<1000x64xf32>, tensor<?x16xi64>) -> tensor<?x16x64xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<2x4x3xf32>, tensor<24xf32>, tensor<?x?x4xf32>,
      tensor<3x4xf32>, tensor<2x6x4xf32>, tensor<2x1x4xf32>, tensor<2x5x4xf32>, tensor<?x16x64xf32>
}

// CHECK-LABEL: func.func @optimizers
func.func @optimizers(%w: tensor<16x8xf32>, %g: tensor<16x8xf32>,
                      %s1: tensor<16x8xf32>, %s2: tensor<16x8xf32>,
                      %lr: tensor<f32>, %t: tensor<i64>)
    -> (tensor<16x8xf32>, tensor<16x8xf32>, tensor<16x8xf32>, tensor<16x8xf32>) {
  // CHECK: dfg.sgd_update %{{.*}}, %{{.*}}, %{{.*}} {weight_decay = 0.000000e+00 : f64} : tensor<16x8xf32>, tensor<f32>
  %0 = dfg.sgd_update %w, %g, %lr {weight_decay = 0.0 : f64} : tensor<16x8xf32>, tensor<f32>
  // CHECK: dfg.momentum_update {{.*}}mode = #dfg<momentum_mode nesterov>
  %1:2 = dfg.momentum_update %w, %g, %s1, %lr, %t {alpha = 0.9 : f64, beta = 1.0 : f64,
      norm_coefficient = 0.0 : f64, mode = #dfg<momentum_mode nesterov>} : tensor<16x8xf32>, tensor<f32>
  // CHECK: dfg.adagrad_update {{.*}}decay_factor = 1.000000e-01 : f64
  %2:2 = dfg.adagrad_update %w, %g, %s1, %lr, %t {decay_factor = 0.1 : f64, epsilon = 1.0e-6 : f64,
      norm_coefficient = 0.0 : f64} : tensor<16x8xf32>, tensor<f32>
  // CHECK: dfg.adam_update {{.*}}beta = 0.99899999999999999 : f64
  %3:3 = dfg.adam_update %w, %g, %s1, %s2, %lr, %t {alpha = 0.9 : f64, beta = 0.999 : f64,
      epsilon = 1.0e-8 : f64, norm_coefficient = 0.0 : f64, norm_coefficient_post = 0.0 : f64}
      : tensor<16x8xf32>, tensor<f32>
  return %0, %1#0, %2#0, %3#0 : tensor<16x8xf32>, tensor<16x8xf32>, tensor<16x8xf32>, tensor<16x8xf32>
}

{-#
  dialect_resources: {
    builtin: {
      weights: "0x08000000010000000000000002000000000000000300000000000000040000000000000000"
    }
  }
#-}

// CHECK-LABEL: func.func @indexing
func.func @indexing(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf32>,
                    %d: tensor<2x2x2xf32>, %t: tensor<2x1x2xi32>, %c: tensor<2x2xi1>)
    -> (tensor<3x2xf32>, tensor<3x4xf32>, tensor<2x1x2xf32>, tensor<2x2x2xf32>,
        tensor<3x4xf32>, tensor<3x3xf32>, tensor<3x3xi64>, tensor<2x?xi64>) {
  // CHECK: dfg.gather_elements %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  %0 = dfg.gather_elements %x, %i {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  // CHECK: dfg.scatter_elements {{.*}}reduction = #dfg<scatter_reduction add>
  %1 = dfg.scatter_elements %x, %i, %u {axis = 1 : i64, reduction = #dfg<scatter_reduction add>}
      : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x4xf32>
  // CHECK: dfg.gather_nd %{{.*}}, %{{.*}} {batch_dims = 0 : i64} : (tensor<2x2x2xf32>, tensor<2x1x2xi32>) -> tensor<2x1x2xf32>
  %2 = dfg.gather_nd %d, %t {batch_dims = 0 : i64} : (tensor<2x2x2xf32>, tensor<2x1x2xi32>) -> tensor<2x1x2xf32>
  // CHECK: dfg.scatter_nd {{.*}}reduction = #dfg<scatter_reduction none>
  %3 = dfg.scatter_nd %d, %t, %2 {reduction = #dfg<scatter_reduction none>}
      : (tensor<2x2x2xf32>, tensor<2x1x2xi32>, tensor<2x1x2xf32>) -> tensor<2x2x2xf32>
  // CHECK: dfg.cumsum %{{.*}} {axis = 0 : i64, exclusive = true, reverse = false} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  %4 = dfg.cumsum %x {axis = 0 : i64, exclusive = true, reverse = false} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  // CHECK: dfg.top_k %{{.*}} {axis = 1 : i64, k = 3 : i64, largest = false, sorted = true} : (tensor<3x4xf32>) -> (tensor<3x3xf32>, tensor<3x3xi64>)
  %5:2 = dfg.top_k %x {axis = 1 : i64, k = 3 : i64, largest = false, sorted = true}
      : (tensor<3x4xf32>) -> (tensor<3x3xf32>, tensor<3x3xi64>)
  // CHECK: dfg.non_zero %{{.*}} : (tensor<2x2xi1>) -> tensor<2x?xi64>
  %6 = dfg.non_zero %c : (tensor<2x2xi1>) -> tensor<2x?xi64>
  return %0, %1, %2, %3, %4, %5#0, %5#1, %6 : tensor<3x2xf32>, tensor<3x4xf32>, tensor<2x1x2xf32>,
      tensor<2x2x2xf32>, tensor<3x4xf32>, tensor<3x3xf32>, tensor<3x3xi64>, tensor<2x?xi64>
}

// CHECK-LABEL: func.func @resize
func.func @resize(%x: tensor<1x1x4x4xf32>, %s: tensor<4xf32>, %r: tensor<8xf32>)
    -> (tensor<1x1x8x8xf32>, tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) {
  // CHECK: dfg.resize %{{.*}} {coordinate_mode = #dfg<coordinate_mode asymmetric>, cubic_coeff_a = -7.500000e-01 : f64, exclude_outside = false, extrapolation_value = 0.000000e+00 : f64, mode = #dfg<resize_mode nearest>, nearest_mode = #dfg<nearest_mode floor>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x8x8xf32>
  %0 = dfg.resize %x {mode = #dfg<resize_mode nearest>, coordinate_mode = #dfg<coordinate_mode asymmetric>,
      nearest_mode = #dfg<nearest_mode floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false,
      extrapolation_value = 0.0 : f64} : (tensor<1x1x4x4xf32>) -> tensor<1x1x8x8xf32>
  // CHECK: dfg.resize %{{.*}} scales %{{.*}} {{.*}}mode = #dfg<resize_mode cubic>{{.*}} : (tensor<1x1x4x4xf32>, tensor<4xf32>) -> tensor<1x1x2x2xf32>
  %1 = dfg.resize %x scales %s {mode = #dfg<resize_mode cubic>, coordinate_mode = #dfg<coordinate_mode half_pixel>,
      nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.5 : f64, exclude_outside = true,
      extrapolation_value = 0.0 : f64} : (tensor<1x1x4x4xf32>, tensor<4xf32>) -> tensor<1x1x2x2xf32>
  // CHECK: dfg.resize %{{.*}} roi %{{.*}} {coordinate_mode = #dfg<coordinate_mode tf_crop_and_resize>{{.*}}extrapolation_value = 1.000000e+01 : f64, mode = #dfg<resize_mode linear>
  %2 = dfg.resize %x roi %r {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode tf_crop_and_resize>,
      nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false,
      extrapolation_value = 10.0 : f64} : (tensor<1x1x4x4xf32>, tensor<8xf32>) -> tensor<1x1x3x3xf32>
  return %0, %1, %2 : tensor<1x1x8x8xf32>, tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>
}

// CHECK-LABEL: func.func @trig_and_shifts
func.func @trig_and_shifts(%x: tensor<2x?xf32>, %a: tensor<3xui8>, %b: tensor<ui8>)
    -> (tensor<2x?xf32>, tensor<3xui8>, tensor<3xui8>) {
  // CHECK: dfg.tan %{{.*}} : (tensor<2x?xf32>) -> tensor<2x?xf32>
  %0 = dfg.tan %x : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.asin
  %1 = dfg.asin %0 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.acos
  %2 = dfg.acos %1 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.atan
  %3 = dfg.atan %2 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.sinh
  %4 = dfg.sinh %3 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.cosh
  %5 = dfg.cosh %4 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.asinh
  %6 = dfg.asinh %5 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.acosh
  %7 = dfg.acosh %6 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.atanh
  %8 = dfg.atanh %7 : (tensor<2x?xf32>) -> tensor<2x?xf32>
  // CHECK: dfg.shift_left %{{.*}}, %{{.*}} : (tensor<3xui8>, tensor<ui8>) -> tensor<3xui8>
  %9 = dfg.shift_left %a, %b : (tensor<3xui8>, tensor<ui8>) -> tensor<3xui8>
  // CHECK: dfg.shift_right %{{.*}}, %{{.*}} : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  %10 = dfg.shift_right %a, %9 : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  return %8, %9, %10 : tensor<2x?xf32>, tensor<3xui8>, tensor<3xui8>
}

// CHECK-LABEL: func.func @dynamic_shapes
func.func @dynamic_shapes(%x: tensor<?x3xf32>, %i: tensor<2xi64>,
                          %v: tensor<f32>, %n: tensor<i32>)
    -> (tensor<2xi64>, tensor<?x?xf32>, tensor<?x5xf32>, tensor<?xi32>) {
  // CHECK: dfg.shape_of %{{.*}} : (tensor<?x3xf32>) -> tensor<2xi64>
  %0 = dfg.shape_of %x : (tensor<?x3xf32>) -> tensor<2xi64>
  // CHECK: dfg.dynamic_slice %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x3xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x?xf32>
  %1 = dfg.dynamic_slice %x, %i, %0, %i : (tensor<?x3xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x?xf32>
  // CHECK: dfg.dynamic_pad %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {mode = #dfg<pad_mode constant>} : (tensor<?x3xf32>, tensor<2xi64>, tensor<2xi64>, tensor<f32>) -> tensor<?x5xf32>
  %2 = dfg.dynamic_pad %x, %i, %i, %v {mode = #dfg<pad_mode constant>} : (tensor<?x3xf32>, tensor<2xi64>, tensor<2xi64>, tensor<f32>) -> tensor<?x5xf32>
  // CHECK: dfg.dynamic_pad %{{.*}}, %{{.*}}, %{{.*}} {mode = #dfg<pad_mode edge>} : (tensor<?x3xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x?xf32>
  %3 = dfg.dynamic_pad %x, %i, %i {mode = #dfg<pad_mode edge>} : (tensor<?x3xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x?xf32>
  // CHECK: dfg.range %{{.*}}, %{{.*}}, %{{.*}} : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
  %4 = dfg.range %n, %n, %n : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
  return %0, %1, %2, %4 : tensor<2xi64>, tensor<?x?xf32>, tensor<?x5xf32>, tensor<?xi32>
}

// CHECK-LABEL: func.func @vision
func.func @vision(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x2x6xf32>, %max: tensor<i64>, %iou: tensor<f32>, %x: tensor<2x3x4xf32>, %img: tensor<1x3x8x8xf32>, %grid: tensor<1x5x6x2xf32>, %rois: tensor<4x4xf32>, %bi: tensor<4xi64>) -> (tensor<?x3xi64>, tensor<?x3xi64>, tensor<?xf32>, tensor<2x?x4xf32>, tensor<1x3x5x6xf32>, tensor<4x3x2x2xf32>) {
  // CHECK: dfg.non_max_suppression %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} score %{{.*}} {center_point_box = false}
  %0 = dfg.non_max_suppression %boxes, %scores, %max, %iou score %iou {center_point_box = false} : (tensor<1x6x4xf32>, tensor<1x2x6xf32>, tensor<i64>, tensor<f32>, tensor<f32>) -> tensor<?x3xi64>
  // CHECK: dfg.non_max_suppression %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {center_point_box = true}
  %1 = dfg.non_max_suppression %boxes, %scores, %max, %iou {center_point_box = true} : (tensor<1x6x4xf32>, tensor<1x2x6xf32>, tensor<i64>, tensor<f32>) -> tensor<?x3xi64>
  // CHECK: dfg.unique %{{.*}} {sorted = true} : (tensor<2x3x4xf32>) -> (tensor<?xf32>, tensor<?xi64>, tensor<24xi64>, tensor<?xi64>)
  %2:4 = dfg.unique %x {sorted = true} : (tensor<2x3x4xf32>) -> (tensor<?xf32>, tensor<?xi64>, tensor<24xi64>, tensor<?xi64>)
  // CHECK: dfg.unique %{{.*}} {axis = 1 : i64, sorted = false} : (tensor<2x3x4xf32>) -> (tensor<2x?x4xf32>, tensor<?xi64>, tensor<3xi64>, tensor<?xi64>)
  %3:4 = dfg.unique %x {axis = 1 : i64, sorted = false} : (tensor<2x3x4xf32>) -> (tensor<2x?x4xf32>, tensor<?xi64>, tensor<3xi64>, tensor<?xi64>)
  // CHECK: dfg.grid_sample %{{.*}}, %{{.*}} {align_corners = true, mode = #dfg<grid_sample_mode cubic>, padding_mode = #dfg<grid_padding_mode reflection>}
  %4 = dfg.grid_sample %img, %grid {mode = #dfg<grid_sample_mode cubic>, padding_mode = #dfg<grid_padding_mode reflection>, align_corners = true} : (tensor<1x3x8x8xf32>, tensor<1x5x6x2xf32>) -> tensor<1x3x5x6xf32>
  // CHECK: dfg.roi_align %{{.*}}, %{{.*}}, %{{.*}} {half_pixel = true, mode = #dfg<pool_kind max>, output_height = 2 : i64, output_width = 2 : i64, sampling_ratio = 0 : i64, spatial_scale = 5.000000e-01 : f64}
  %5 = dfg.roi_align %img, %rois, %bi {mode = #dfg<pool_kind max>, output_height = 2 : i64, output_width = 2 : i64, sampling_ratio = 0 : i64, spatial_scale = 0.5 : f64, half_pixel = true} : (tensor<1x3x8x8xf32>, tensor<4x4xf32>, tensor<4xi64>) -> tensor<4x3x2x2xf32>
  return %0, %1, %2#0, %3#0, %4, %5 : tensor<?x3xi64>, tensor<?x3xi64>, tensor<?xf32>, tensor<2x?x4xf32>, tensor<1x3x5x6xf32>, tensor<4x3x2x2xf32>
}

// CHECK-LABEL: func.func @control_flow
func.func @control_flow(%c: tensor<i1>, %m: tensor<i64>, %a: tensor<5xf32>,
                        %b: tensor<3xf32>, %y0: tensor<2xf32>)
    -> (tensor<?xf32>, tensor<2xf32>, tensor<?x2xf32>) {
  // CHECK: dfg.if %{{.*}} -> (tensor<?xf32>) {
  // CHECK:   dfg.yield %{{.*}} : tensor<5xf32>
  // CHECK: } else {
  // CHECK:   dfg.yield %{{.*}} : tensor<3xf32>
  %0 = dfg.if %c -> (tensor<?xf32>) {
    dfg.yield %a : tensor<5xf32>
  } else {
    dfg.yield %b : tensor<3xf32>
  }
  // CHECK: dfg.loop max_trip_count(%{{.*}}) condition(%{{.*}}) iter_args(%{{.*}} : tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>) {
  // CHECK: ^bb0(%{{.*}}: tensor<i64>, %{{.*}}: tensor<i1>, %{{.*}}: tensor<2xf32>):
  // CHECK:   dfg.yield %{{.*}}, %{{.*}}, %{{.*}} : tensor<i1>, tensor<2xf32>, tensor<2xf32>
  %1:2 = dfg.loop max_trip_count(%m) condition(%c)
      iter_args(%y0 : tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>) {
  ^bb0(%i: tensor<i64>, %cond: tensor<i1>, %y: tensor<2xf32>):
    %next = dfg.add %y, %y0 : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    dfg.yield %cond, %next, %next : tensor<i1>, tensor<2xf32>, tensor<2xf32>
  }
  // A loop with neither trip count nor initial condition, nor values.
  // CHECK: dfg.loop {
  dfg.loop {
  ^bb0(%i: tensor<i64>, %cond: tensor<i1>):
    dfg.yield %c : tensor<i1>
  }
  return %0, %1#0, %1#1 : tensor<?xf32>, tensor<2xf32>, tensor<?x2xf32>
}

// CHECK-LABEL: func.func @loop_over_sequences
func.func @loop_over_sequences(%m: tensor<i64>, %s0: !dfg.sequence<tensor<f32>>,
                               %o0: !dfg.optional<!dfg.sequence<tensor<2xf32>>>,
                               %x: tensor<3xf32>, %y: tensor<2xf32>)
    -> (!dfg.sequence<tensor<*xf32>>, !dfg.optional<!dfg.sequence<tensor<2xf32>>>) {
  // A sequence of rank-0 elements into which rank-1 tensors go: carried
  // with unranked elements.
  // CHECK: dfg.loop max_trip_count(%{{.*}}) iter_args(%{{.*}}, %{{.*}} : !dfg.sequence<tensor<f32>>, !dfg.optional<!dfg.sequence<tensor<2xf32>>>) -> (!dfg.sequence<tensor<*xf32>>, !dfg.optional<!dfg.sequence<tensor<2xf32>>>) {
  // CHECK: ^bb0(%{{.*}}: tensor<i64>, %{{.*}}: tensor<i1>, %{{.*}}: !dfg.sequence<tensor<*xf32>>, %{{.*}}: !dfg.optional<!dfg.sequence<tensor<2xf32>>>):
  %0:2 = dfg.loop max_trip_count(%m)
      iter_args(%s0, %o0 : !dfg.sequence<tensor<f32>>, !dfg.optional<!dfg.sequence<tensor<2xf32>>>)
      -> (!dfg.sequence<tensor<*xf32>>, !dfg.optional<!dfg.sequence<tensor<2xf32>>>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %s: !dfg.sequence<tensor<*xf32>>,
       %o: !dfg.optional<!dfg.sequence<tensor<2xf32>>>):
    %t = dfg.sequence_insert %s, %x : (!dfg.sequence<tensor<*xf32>>, tensor<3xf32>) -> !dfg.sequence<tensor<*xf32>>
    %e = dfg.optional_get_element %o : (!dfg.optional<!dfg.sequence<tensor<2xf32>>>) -> !dfg.sequence<tensor<2xf32>>
    %u = dfg.sequence_insert %e, %y : (!dfg.sequence<tensor<2xf32>>, tensor<2xf32>) -> !dfg.sequence<tensor<2xf32>>
    %w = dfg.optional_construct %u : (!dfg.sequence<tensor<2xf32>>) -> !dfg.optional<!dfg.sequence<tensor<2xf32>>>
    dfg.yield %c, %t, %w : tensor<i1>, !dfg.sequence<tensor<*xf32>>, !dfg.optional<!dfg.sequence<tensor<2xf32>>>
  }
  return %0#0, %0#1 : !dfg.sequence<tensor<*xf32>>, !dfg.optional<!dfg.sequence<tensor<2xf32>>>
}

// CHECK-LABEL: func.func @random
func.func @random(%x: tensor<?x4xf16>) -> (tensor<?x4xf32>, tensor<2x3xf64>, tensor<?x4xf16>) {
  // CHECK: dfg.random_uniform %{{.*}} {high = 1.000000e+00 : f64, low = 0.000000e+00 : f64, seed = 3.000000e+00 : f64} : (tensor<?x4xf16>) -> tensor<?x4xf32>
  %0 = dfg.random_uniform %x {high = 1.0 : f64, low = 0.0 : f64, seed = 3.0 : f64}
      : (tensor<?x4xf16>) -> tensor<?x4xf32>
  // CHECK: dfg.random_uniform {high = 2.000000e+00 : f64, low = -2.000000e+00 : f64} : () -> tensor<2x3xf64>
  %1 = dfg.random_uniform {high = 2.0 : f64, low = -2.0 : f64} : () -> tensor<2x3xf64>
  // CHECK: dfg.random_normal %{{.*}} {mean = 0.000000e+00 : f64, scale = 1.000000e+00 : f64} : (tensor<?x4xf16>) -> tensor<?x4xf16>
  %2 = dfg.random_normal %x {mean = 0.0 : f64, scale = 1.0 : f64}
      : (tensor<?x4xf16>) -> tensor<?x4xf16>
  return %0, %1, %2 : tensor<?x4xf32>, tensor<2x3xf64>, tensor<?x4xf16>
}

// CHECK-LABEL: func.func @sequences
func.func @sequences(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>, %p: tensor<i64>,
                     %q: tensor<2xi64>)
    -> (tensor<2x3xf32>, tensor<?x3xf32>, tensor<i64>, !dfg.sequence<tensor<2x?xf32>>,
        tensor<?x3xf32>, tensor<3x?xf32>) {
  // CHECK: dfg.sequence_empty : !dfg.sequence<tensor<*xf32>>
  %0 = dfg.sequence_empty : !dfg.sequence<tensor<*xf32>>
  // CHECK: dfg.sequence_construct %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<4x3xf32>) -> !dfg.sequence<tensor<?x3xf32>>
  %1 = dfg.sequence_construct %a, %b : (tensor<2x3xf32>, tensor<4x3xf32>) -> !dfg.sequence<tensor<?x3xf32>>
  // CHECK: dfg.sequence_insert %{{.*}}, %{{.*}} at %{{.*}} : (!dfg.sequence<tensor<?x3xf32>>, tensor<2x3xf32>, tensor<i64>) -> !dfg.sequence<tensor<?x3xf32>>
  %2 = dfg.sequence_insert %1, %a at %p : (!dfg.sequence<tensor<?x3xf32>>, tensor<2x3xf32>, tensor<i64>) -> !dfg.sequence<tensor<?x3xf32>>
  // CHECK: dfg.sequence_insert %{{.*}}, %{{.*}} : (!dfg.sequence<tensor<*xf32>>, tensor<2x3xf32>) -> !dfg.sequence<tensor<*xf32>>
  %3 = dfg.sequence_insert %0, %a : (!dfg.sequence<tensor<*xf32>>, tensor<2x3xf32>) -> !dfg.sequence<tensor<*xf32>>
  // CHECK: dfg.sequence_at %{{.*}}, %{{.*}} : (!dfg.sequence<tensor<*xf32>>, tensor<i64>) -> tensor<2x3xf32>
  %4 = dfg.sequence_at %3, %p : (!dfg.sequence<tensor<*xf32>>, tensor<i64>) -> tensor<2x3xf32>
  // CHECK: dfg.sequence_at %{{.*}}, %{{.*}} : (!dfg.sequence<tensor<?x3xf32>>, tensor<i64>) -> tensor<?x3xf32>
  %5 = dfg.sequence_at %2, %p : (!dfg.sequence<tensor<?x3xf32>>, tensor<i64>) -> tensor<?x3xf32>
  // CHECK: dfg.sequence_erase %{{.*}} at %{{.*}} : (!dfg.sequence<tensor<?x3xf32>>, tensor<i64>) -> !dfg.sequence<tensor<?x3xf32>>
  %6 = dfg.sequence_erase %2 at %p : (!dfg.sequence<tensor<?x3xf32>>, tensor<i64>) -> !dfg.sequence<tensor<?x3xf32>>
  // CHECK: dfg.sequence_erase %{{.*}} : (!dfg.sequence<tensor<?x3xf32>>) -> !dfg.sequence<tensor<?x3xf32>>
  %7 = dfg.sequence_erase %6 : (!dfg.sequence<tensor<?x3xf32>>) -> !dfg.sequence<tensor<?x3xf32>>
  // CHECK: dfg.sequence_length %{{.*}} : (!dfg.sequence<tensor<?x3xf32>>) -> tensor<i64>
  %8 = dfg.sequence_length %7 : (!dfg.sequence<tensor<?x3xf32>>) -> tensor<i64>
  // CHECK: dfg.split_to_sequence %{{.*}} {axis = 0 : i64, keepdims = false} : (tensor<2x3xf32>) -> !dfg.sequence<tensor<3xf32>>
  %9 = dfg.split_to_sequence %a {axis = 0 : i64, keepdims = false} : (tensor<2x3xf32>) -> !dfg.sequence<tensor<3xf32>>
  // CHECK: dfg.split_to_sequence %{{.*}} split %{{.*}} {axis = 1 : i64, keepdims = true} : (tensor<2x3xf32>, tensor<2xi64>) -> !dfg.sequence<tensor<2x?xf32>>
  %10 = dfg.split_to_sequence %a split %q {axis = 1 : i64, keepdims = true} : (tensor<2x3xf32>, tensor<2xi64>) -> !dfg.sequence<tensor<2x?xf32>>
  // CHECK: dfg.concat_from_sequence %{{.*}} {axis = 0 : i64, new_axis = false} : (!dfg.sequence<tensor<?x3xf32>>) -> tensor<?x3xf32>
  %11 = dfg.concat_from_sequence %2 {axis = 0 : i64, new_axis = false} : (!dfg.sequence<tensor<?x3xf32>>) -> tensor<?x3xf32>
  // CHECK: dfg.concat_from_sequence %{{.*}} {axis = 1 : i64, new_axis = true} : (!dfg.sequence<tensor<3xf32>>) -> tensor<3x?xf32>
  %12 = dfg.concat_from_sequence %9 {axis = 1 : i64, new_axis = true} : (!dfg.sequence<tensor<3xf32>>) -> tensor<3x?xf32>
  return %4, %5, %8, %10, %11, %12 : tensor<2x3xf32>, tensor<?x3xf32>, tensor<i64>, !dfg.sequence<tensor<2x?xf32>>, tensor<?x3xf32>, tensor<3x?xf32>
}

// CHECK-LABEL: func.func @optionals
func.func @optionals(%x: tensor<4xf32>, %s: !dfg.sequence<tensor<5xf32>>)
    -> (tensor<i1>, tensor<4xf32>, !dfg.optional<!dfg.sequence<tensor<5xf32>>>,
        !dfg.sequence<tensor<5xf32>>) {
  // CHECK: dfg.optional_construct %{{.*}} : (tensor<4xf32>) -> !dfg.optional<tensor<4xf32>>
  %0 = dfg.optional_construct %x : (tensor<4xf32>) -> !dfg.optional<tensor<4xf32>>
  // CHECK: dfg.optional_has_element %{{.*}} : (!dfg.optional<tensor<4xf32>>) -> tensor<i1>
  %1 = dfg.optional_has_element %0 : (!dfg.optional<tensor<4xf32>>) -> tensor<i1>
  // CHECK: dfg.optional_get_element %{{.*}} : (!dfg.optional<tensor<4xf32>>) -> tensor<4xf32>
  %2 = dfg.optional_get_element %0 : (!dfg.optional<tensor<4xf32>>) -> tensor<4xf32>
  // CHECK: dfg.optional_none : !dfg.optional<!dfg.sequence<tensor<5xf32>>>
  %3 = dfg.optional_none : !dfg.optional<!dfg.sequence<tensor<5xf32>>>
  // CHECK: dfg.optional_construct %{{.*}} : (!dfg.sequence<tensor<5xf32>>) -> !dfg.optional<!dfg.sequence<tensor<5xf32>>>
  %4 = dfg.optional_construct %s : (!dfg.sequence<tensor<5xf32>>) -> !dfg.optional<!dfg.sequence<tensor<5xf32>>>
  // CHECK: dfg.optional_get_element %{{.*}} : (!dfg.optional<!dfg.sequence<tensor<5xf32>>>) -> !dfg.sequence<tensor<5xf32>>
  %5 = dfg.optional_get_element %4 : (!dfg.optional<!dfg.sequence<tensor<5xf32>>>) -> !dfg.sequence<tensor<5xf32>>
  return %1, %2, %3, %5 : tensor<i1>, tensor<4xf32>, !dfg.optional<!dfg.sequence<tensor<5xf32>>>, !dfg.sequence<tensor<5xf32>>
}
