// Runs the lowered indexing ops and checks the numbers (numpy, and the
// reference interpreter utils/dfg-interp.py for resize): negative indices,
// duplicate scatter targets, ties and NaN in top-k, every resize coordinate
// mode. Out-of-range indices are clamped into range.
// RUN: dfg-opt %s --dfg-lower-to-llvm | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)

func.func @pf(%t: tensor<*xf32>) {
  %m = bufferization.to_buffer %t : tensor<*xf32> to memref<*xf32>
  call @printMemrefF32(%m) : (memref<*xf32>) -> ()
  return
}
func.func @pi32(%t: tensor<*xi32>) {
  %m = bufferization.to_buffer %t : tensor<*xi32> to memref<*xi32>
  call @printMemrefI32(%m) : (memref<*xi32>) -> ()
  return
}
func.func @pi64(%t: tensor<*xi64>) {
  %m = bufferization.to_buffer %t : tensor<*xi64> to memref<*xi64>
  call @printMemrefI64(%m) : (memref<*xi64>) -> ()
  return
}

func.func @main() {
  // gather_elements along axis 1; -1 is the last column, 5 clamps to it.
  // CHECK: {{\[}}[2, 3],
  // CHECK-NEXT: [4, 6],
  // CHECK-NEXT: [9, 7]]
  %x = dfg.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]> : tensor<3x3xf32>
  %gi = dfg.constant dense<[[1, -1], [0, 2], [5, 0]]> : tensor<3x2xi64>
  %g = dfg.gather_elements %x, %gi {axis = 1 : i64} : (tensor<3x3xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  %g_ = tensor.cast %g : tensor<3x2xf32> to tensor<*xf32>
  call @pf(%g_) : (tensor<*xf32>) -> ()

  // scatter_elements with duplicate targets (1, 1) and a negative one.
  %s = dfg.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0]]> : tensor<1x5xf32>
  %si = dfg.constant dense<[[1, 1, -1]]> : tensor<1x3xi32>
  %su = dfg.constant dense<[[10.0, 20.0, 30.0]]> : tensor<1x3xf32>
  // CHECK: {{\[}}[1, 20, 3, 4, 30]]
  %s0 = dfg.scatter_elements %s, %si, %su {axis = 1 : i64, reduction = #dfg<scatter_reduction none>} : (tensor<1x5xf32>, tensor<1x3xi32>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %s0_ = tensor.cast %s0 : tensor<1x5xf32> to tensor<*xf32>
  call @pf(%s0_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1, 32, 3, 4, 35]]
  %s1 = dfg.scatter_elements %s, %si, %su {axis = 1 : i64, reduction = #dfg<scatter_reduction add>} : (tensor<1x5xf32>, tensor<1x3xi32>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %s1_ = tensor.cast %s1 : tensor<1x5xf32> to tensor<*xf32>
  call @pf(%s1_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1, 400, 3, 4, 150]]
  %s2 = dfg.scatter_elements %s, %si, %su {axis = 1 : i64, reduction = #dfg<scatter_reduction mul>} : (tensor<1x5xf32>, tensor<1x3xi32>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %s2_ = tensor.cast %s2 : tensor<1x5xf32> to tensor<*xf32>
  call @pf(%s2_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1, 2, 3, 4, 5]]
  %s3 = dfg.scatter_elements %s, %si, %su {axis = 1 : i64, reduction = #dfg<scatter_reduction min>} : (tensor<1x5xf32>, tensor<1x3xi32>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %s3_ = tensor.cast %s3 : tensor<1x5xf32> to tensor<*xf32>
  call @pf(%s3_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1, 20, 3, 4, 30]]
  %s4 = dfg.scatter_elements %s, %si, %su {axis = 1 : i64, reduction = #dfg<scatter_reduction max>} : (tensor<1x5xf32>, tensor<1x3xi32>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %s4_ = tensor.cast %s4 : tensor<1x5xf32> to tensor<*xf32>
  call @pf(%s4_) : (tensor<*xf32>) -> ()

  // gather_nd, no batch dims: pairs (0, 1) and (1, -2) select rows.
  %n = dfg.constant dense<[[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]]]> : tensor<2x2x2xf32>
  %ni = dfg.constant dense<[[[0, 1]], [[1, -2]]]> : tensor<2x1x2xi64>
  // CHECK: {{\[}}{{\[}}[2, 3]],
  // CHECK-NEXT: {{\[}}[4, 5]]]
  %n0 = dfg.gather_nd %n, %ni {batch_dims = 0 : i64} : (tensor<2x2x2xf32>, tensor<2x1x2xi64>) -> tensor<2x1x2xf32>
  %n0_ = tensor.cast %n0 : tensor<2x1x2xf32> to tensor<*xf32>
  call @pf(%n0_) : (tensor<*xf32>) -> ()
  // One batch dim: row 1 (as -1) of batch 0, row 0 of batch 1.
  // CHECK: {{\[}}[2, 3],
  // CHECK-NEXT: [4, 5]]
  %nb = dfg.constant dense<[[-1], [0]]> : tensor<2x1xi64>
  %n1 = dfg.gather_nd %n, %nb {batch_dims = 1 : i64} : (tensor<2x2x2xf32>, tensor<2x1xi64>) -> tensor<2x2xf32>
  %n1_ = tensor.cast %n1 : tensor<2x2xf32> to tensor<*xf32>
  call @pf(%n1_) : (tensor<*xf32>) -> ()

  // scatter_nd of rows, row 1 updated twice.
  %t = dfg.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %ti = dfg.constant dense<[[1], [0], [1]]> : tensor<3x1xi64>
  %tu = dfg.constant dense<[[10.0, 20.0, 30.0], [40.0, 50.0, 60.0], [1.0, 1.0, 1.0]]> : tensor<3x3xf32>
  // CHECK: {{\[}}[41, 52, 63],
  // CHECK-NEXT: [15, 26, 37]]
  %t0 = dfg.scatter_nd %t, %ti, %tu {reduction = #dfg<scatter_reduction add>} : (tensor<2x3xf32>, tensor<3x1xi64>, tensor<3x3xf32>) -> tensor<2x3xf32>
  %t0_ = tensor.cast %t0 : tensor<2x3xf32> to tensor<*xf32>
  call @pf(%t0_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[40, 50, 60],
  // CHECK-NEXT: [1, 1, 1]]
  %t1 = dfg.scatter_nd %t, %ti, %tu {reduction = #dfg<scatter_reduction none>} : (tensor<2x3xf32>, tensor<3x1xi64>, tensor<3x3xf32>) -> tensor<2x3xf32>
  %t1_ = tensor.cast %t1 : tensor<2x3xf32> to tensor<*xf32>
  call @pf(%t1_) : (tensor<*xf32>) -> ()
  // Element tuples, one of them negative.
  // CHECK: {{\[}}[1, 2, 100],
  // CHECK-NEXT: [4, 5, 200]]
  %te = dfg.constant dense<[[0, 2], [-1, -1]]> : tensor<2x2xi64>
  %teu = dfg.constant dense<[100.0, 200.0]> : tensor<2xf32>
  %t2 = dfg.scatter_nd %t, %te, %teu {reduction = #dfg<scatter_reduction none>} : (tensor<2x3xf32>, tensor<2x2xi64>, tensor<2xf32>) -> tensor<2x3xf32>
  %t2_ = tensor.cast %t2 : tensor<2x3xf32> to tensor<*xf32>
  call @pf(%t2_) : (tensor<*xf32>) -> ()

  // cumsum, all four variants along axis 1, and integers along axis 0.
  // CHECK: {{\[}}[1, 3, 6],
  // CHECK-NEXT: [4, 9, 15]]
  %c0 = dfg.cumsum %t {axis = 1 : i64, exclusive = false, reverse = false} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %c0_ = tensor.cast %c0 : tensor<2x3xf32> to tensor<*xf32>
  call @pf(%c0_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[0, 1, 3],
  // CHECK-NEXT: [0, 4, 9]]
  %c1 = dfg.cumsum %t {axis = 1 : i64, exclusive = true, reverse = false} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %c1_ = tensor.cast %c1 : tensor<2x3xf32> to tensor<*xf32>
  call @pf(%c1_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[6, 5, 3],
  // CHECK-NEXT: [15, 11, 6]]
  %c2 = dfg.cumsum %t {axis = 1 : i64, exclusive = false, reverse = true} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %c2_ = tensor.cast %c2 : tensor<2x3xf32> to tensor<*xf32>
  call @pf(%c2_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[5, 3, 0],
  // CHECK-NEXT: [11, 6, 0]]
  %c3 = dfg.cumsum %t {axis = 1 : i64, exclusive = true, reverse = true} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %c3_ = tensor.cast %c3 : tensor<2x3xf32> to tensor<*xf32>
  call @pf(%c3_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1, 2, 3],
  // CHECK-NEXT: [5, 7, 9]]
  %ci = dfg.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %c4 = dfg.cumsum %ci {axis = 0 : i64, exclusive = false, reverse = false} : (tensor<2x3xi32>) -> tensor<2x3xi32>
  %c4_ = tensor.cast %c4 : tensor<2x3xi32> to tensor<*xi32>
  call @pi32(%c4_) : (tensor<*xi32>) -> ()

  // top_k: ties keep the lower index first, NaN sorts after every number.
  %k = dfg.constant dense<[[1.0, 3.0, 3.0, 0x7FC00000, 0.0], [5.0, -1.0, 2.0, 2.0, 8.0]]> : tensor<2x5xf32>
  // CHECK: {{\[}}[3, 3, 1],
  // CHECK-NEXT: [8, 5, 2]]
  // CHECK: {{\[}}[1, 2, 0],
  // CHECK-NEXT: [4, 0, 2]]
  %kv, %ki = dfg.top_k %k {axis = 1 : i64, k = 3 : i64, largest = true, sorted = true} : (tensor<2x5xf32>) -> (tensor<2x3xf32>, tensor<2x3xi64>)
  %kv_ = tensor.cast %kv : tensor<2x3xf32> to tensor<*xf32>
  call @pf(%kv_) : (tensor<*xf32>) -> ()
  %ki_ = tensor.cast %ki : tensor<2x3xi64> to tensor<*xi64>
  call @pi64(%ki_) : (tensor<*xi64>) -> ()
  // CHECK: {{\[}}[0, 1, 3],
  // CHECK-NEXT: [-1, 2, 2]]
  // CHECK: {{\[}}[4, 0, 1],
  // CHECK-NEXT: [1, 2, 3]]
  %sv, %sk = dfg.top_k %k {axis = 1 : i64, k = 3 : i64, largest = false, sorted = true} : (tensor<2x5xf32>) -> (tensor<2x3xf32>, tensor<2x3xi64>)
  %sv_ = tensor.cast %sv : tensor<2x3xf32> to tensor<*xf32>
  call @pf(%sv_) : (tensor<*xf32>) -> ()
  %sk_ = tensor.cast %sk : tensor<2x3xi64> to tensor<*xi64>
  call @pi64(%sk_) : (tensor<*xi64>) -> ()
  // Integers along axis 0.
  // CHECK: {{\[}}[3, 5],
  // CHECK-NEXT: [3, 2]]
  // CHECK: {{\[}}[0, 2],
  // CHECK-NEXT: [1, 1]]
  %kk = dfg.constant dense<[[3, 1], [3, 2], [1, 5]]> : tensor<3x2xi32>
  %iv, %ii = dfg.top_k %kk {axis = 0 : i64, k = 2 : i64, largest = true, sorted = true} : (tensor<3x2xi32>) -> (tensor<2x2xi32>, tensor<2x2xi64>)
  %iv_ = tensor.cast %iv : tensor<2x2xi32> to tensor<*xi32>
  call @pi32(%iv_) : (tensor<*xi32>) -> ()
  %ii_ = tensor.cast %ii : tensor<2x2xi64> to tensor<*xi64>
  call @pi64(%ii_) : (tensor<*xi64>) -> ()

  // non_zero: coordinates in row-major order, as columns.
  // CHECK: {{\[}}[0, 1, 1],
  // CHECK-NEXT: [1, 0, 2]]
  %z = dfg.constant dense<[[0.0, 1.0, 0.0], [2.0, 0.0, 3.0]]> : tensor<2x3xf32>
  %zn = dfg.non_zero %z : (tensor<2x3xf32>) -> tensor<2x?xi64>
  %zn_ = tensor.cast %zn : tensor<2x?xi64> to tensor<*xi64>
  call @pi64(%zn_) : (tensor<*xi64>) -> ()

  // resize (expected values from utils/dfg-interp.py).
  %r = dfg.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  // CHECK: {{\[}}[1, 1.25, 1.75, 2],
  // CHECK-NEXT: [1.5, 1.75, 2.25, 2.5],
  // CHECK-NEXT: [2.5, 2.75, 3.25, 3.5],
  // CHECK-NEXT: [3, 3.25, 3.75, 4]]
  %r0 = dfg.resize %r {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode half_pixel>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  %r0_ = tensor.cast %r0 : tensor<1x1x4x4xf32> to tensor<*xf32>
  call @pf(%r0_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1, 1.5, 2],
  // CHECK-NEXT: [2, 2.5, 3],
  // CHECK-NEXT: [3, 3.5, 4]]
  %r1 = dfg.resize %r {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode align_corners>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  %r1_ = tensor.cast %r1 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @pf(%r1_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1, 1, 2, 2, 2, 2],
  // CHECK-NEXT: [3, 3, 4, 4, 4, 4],
  // CHECK-NEXT: [3, 3, 4, 4, 4, 4],
  // CHECK-NEXT: [3, 3, 4, 4, 4, 4]]
  %sc = dfg.constant dense<[1.0, 1.0, 2.0, 3.0]> : tensor<4xf32>
  %r2 = dfg.resize %r scales %sc {mode = #dfg<resize_mode nearest>, coordinate_mode = #dfg<coordinate_mode asymmetric>, nearest_mode = #dfg<nearest_mode round_prefer_ceil>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<1x1x4x6xf32>
  %r2_ = tensor.cast %r2 : tensor<1x1x4x6xf32> to tensor<*xf32>
  call @pf(%r2_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1, 1, 2],
  // CHECK-NEXT: [1, 1, 2],
  // CHECK-NEXT: [3, 3, 4]]
  %r3 = dfg.resize %r {mode = #dfg<resize_mode nearest>, coordinate_mode = #dfg<coordinate_mode pytorch_half_pixel>, nearest_mode = #dfg<nearest_mode floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  %r3_ = tensor.cast %r3 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @pf(%r3_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[4, 4, 4],
  // CHECK-NEXT: [4, 4, 4],
  // CHECK-NEXT: [4, 4, 4]]
  %r4 = dfg.resize %r {mode = #dfg<resize_mode nearest>, coordinate_mode = #dfg<coordinate_mode tf_half_pixel_for_nn>, nearest_mode = #dfg<nearest_mode ceil>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  %r4_ = tensor.cast %r4 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @pf(%r4_) : (tensor<*xf32>) -> ()

  %w = dfg.constant dense<[[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]]]> : tensor<1x1x2x4xf32>
  // Downsampling with an explicit scale that is not size / size.
  // CHECK: {{\[}}[2.66667, 4.33333]]
  %sd = dfg.constant dense<[1.0, 1.0, 0.6, 0.6]> : tensor<4xf32>
  %r5 = dfg.resize %w scales %sd {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode half_pixel>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x4xf32>, tensor<4xf32>) -> tensor<1x1x1x2xf32>
  %r5_ = tensor.cast %r5 : tensor<1x1x1x2xf32> to tensor<*xf32>
  call @pf(%r5_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1.16667, 2.5, 3.83333]]
  %r6 = dfg.resize %w {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode pytorch_half_pixel>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x4xf32>) -> tensor<1x1x1x3xf32>
  %r6_ = tensor.cast %r6 : tensor<1x1x1x3xf32> to tensor<*xf32>
  call @pf(%r6_) : (tensor<*xf32>) -> ()
  // Crop box past the right edge: extrapolation value -1 there.
  // CHECK: {{\[}}[1.75, 3.625, -1],
  // CHECK-NEXT: [5.75, 7.625, -1]]
  %roi = dfg.constant dense<[0.0, 0.0, 0.0, 0.25, 1.0, 1.0, 1.0, 1.5]> : tensor<8xf32>
  %r7 = dfg.resize %w roi %roi {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode tf_crop_and_resize>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = -1.0 : f64} : (tensor<1x1x2x4xf32>, tensor<8xf32>) -> tensor<1x1x2x3xf32>
  %r7_ = tensor.cast %r7 : tensor<1x1x2x3xf32> to tensor<*xf32>
  call @pf(%r7_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1, 3],
  // CHECK-NEXT: [3.66667, 5.66667],
  // CHECK-NEXT: [5, 7]]
  %r8 = dfg.resize %w {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode asymmetric>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x4xf32>) -> tensor<1x1x3x2xf32>
  %r8_ = tensor.cast %r8 : tensor<1x1x3x2xf32> to tensor<*xf32>
  call @pf(%r8_) : (tensor<*xf32>) -> ()
  // cubic (the ONNX kernel with a = -0.75, and a = -0.5 excluding outside
  // neighbours), then align_corners in both dimensions.
  %q = dfg.constant dense<[[[[1.0, 2.0, 4.0, 8.0], [0.0, -1.0, 3.0, 5.0]]]]> : tensor<1x1x2x4xf32>
  // CHECK: {{\[}}[0.91319{{[0-9]*}}, 1.3125, 2.3044{{[0-9]*}}, 3.3831{{[0-9]*}}, 6.1875, 8.3472{{[0-9]*}}],
  // CHECK-NEXT: [0.08680{{[0-9]*}}, -0.875, -0.54745{{[0-9]*}}, 2.23495{{[0-9]*}}, 4.375, 5.17361{{[0-9]*}}]]
  %q0 = dfg.resize %q {mode = #dfg<resize_mode cubic>, coordinate_mode = #dfg<coordinate_mode half_pixel>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x4xf32>) -> tensor<1x1x2x6xf32>
  %q0_ = tensor.cast %q0 : tensor<1x1x2x6xf32> to tensor<*xf32>
  call @pf(%q0_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[0.93421{{[0-9]*}}, 1.35294{{[0-9]*}}, 2.25231{{[0-9]*}}, 3.53935{{[0-9]*}}, 6.23529{{[0-9]*}}, 8.26316{{[0-9]*}}],
  // CHECK-NEXT: [0.065789{{[0-9]*}}, -0.70588{{[0-9]*}}, -0.59953{{[0-9]*}}, 2.3912{{[0-9]*}}, 4.29412{{[0-9]*}}, 5.13158{{[0-9]*}}]]
  %q1 = dfg.resize %q {mode = #dfg<resize_mode cubic>, coordinate_mode = #dfg<coordinate_mode half_pixel>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.5 : f64, exclude_outside = true, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x4xf32>) -> tensor<1x1x2x6xf32>
  %q1_ = tensor.cast %q1 : tensor<1x1x2x6xf32> to tensor<*xf32>
  call @pf(%q1_) : (tensor<*xf32>) -> ()
  // CHECK: {{\[}}[1, 2.71875, 8],
  // CHECK-NEXT: [0.5, 1.71875, 6.5],
  // CHECK-NEXT: [0, 0.71875, 5]]
  %q2 = dfg.resize %q {mode = #dfg<resize_mode cubic>, coordinate_mode = #dfg<coordinate_mode align_corners>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x2x4xf32>) -> tensor<1x1x3x3xf32>
  %q2_ = tensor.cast %q2 : tensor<1x1x3x3xf32> to tensor<*xf32>
  call @pf(%q2_) : (tensor<*xf32>) -> ()
  return
}
