// Runs the lowered vision ops and checks the numbers against values computed
// independently with numpy from the ONNX specification.
// RUN: dfg-opt %s --dfg-lower-to-llvm | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI64(memref<*xi64>)

func.func @printF32(%t: tensor<?xf32>) {
  %m = bufferization.to_buffer %t : tensor<?xf32> to memref<?xf32>
  %u = memref.cast %m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @printF32x2(%t: tensor<?x?xf32>) {
  %m = bufferization.to_buffer %t : tensor<?x?xf32> to memref<?x?xf32>
  %u = memref.cast %m : memref<?x?xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @printI64(%t: tensor<?xi64>) {
  %m = bufferization.to_buffer %t : tensor<?xi64> to memref<?xi64>
  %u = memref.cast %m : memref<?xi64> to memref<*xi64>
  call @printMemrefI64(%u) : (memref<*xi64>) -> ()
  return
}

func.func @printI64x2(%t: tensor<?x3xi64>) {
  %m = bufferization.to_buffer %t : tensor<?x3xi64> to memref<?x3xi64>
  %u = memref.cast %m : memref<?x3xi64> to memref<*xi64>
  call @printMemrefI64(%u) : (memref<*xi64>) -> ()
  return
}

func.func @gridSample(%x: tensor<1x1x3x3xf32>, %g: tensor<1x2x2x2xf32>) {
  %0 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode linear>, padding_mode = #dfg<grid_padding_mode zeros>, align_corners = false} : (tensor<1x1x3x3xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xf32>
  %1 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode linear>, padding_mode = #dfg<grid_padding_mode border>, align_corners = false} : (tensor<1x1x3x3xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xf32>
  %2 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode linear>, padding_mode = #dfg<grid_padding_mode reflection>, align_corners = true} : (tensor<1x1x3x3xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xf32>
  %3 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode nearest>, padding_mode = #dfg<grid_padding_mode reflection>, align_corners = false} : (tensor<1x1x3x3xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xf32>
  %4 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode cubic>, padding_mode = #dfg<grid_padding_mode zeros>, align_corners = true} : (tensor<1x1x3x3xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xf32>
  %5 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode cubic>, padding_mode = #dfg<grid_padding_mode border>, align_corners = false} : (tensor<1x1x3x3xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xf32>
  %all = dfg.concat %0, %1, %2, %3, %4, %5 {axis = 1 : i64} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x6x2x2xf32>
  %flat = tensor.collapse_shape %all [[0, 1], [2, 3]] : tensor<1x6x2x2xf32> into tensor<6x4xf32>
  %d = tensor.cast %flat : tensor<6x4xf32> to tensor<?x?xf32>
  call @printF32x2(%d) : (tensor<?x?xf32>) -> ()
  return
}

func.func @main() {
  %x = dfg.constant dense<[0.0, 1.0, 2.8284270763397217, 5.196152210235596, 8.0, 11.180339813232422, 14.696938514709473, 18.520259857177734, 22.627416610717773]> : tensor<9xf32>
  %x4 = dfg.reshape %x : (tensor<9xf32>) -> tensor<1x1x3x3xf32>
  %g = dfg.constant dense<[[[[-1.2, -0.9], [0.3, 0.1]], [[0.95, 1.4], [-0.5, 0.7]]]]> : tensor<1x2x2x2xf32>
  // Rows: linear zeros, linear border, linear reflection (align_corners),
  // nearest reflection, cubic zeros (align_corners), cubic border.
  // CHECK: {{\[}}[0,   11.0718,   0,   14.8701],
  // CHECK-NEXT: [0,   11.0718,   22.6274,   15.6528],
  // CHECK-NEXT: [0.755692,   10.0339,   17.8618,   13.6054],
  // CHECK-NEXT: [0,   8,   22.6274,   14.6969],
  // CHECK-NEXT: [0.182879,   11.2892,   15.4964,   16.8299],
  // CHECK-NEXT: [-0.576286,   11.7396,   23.0603,   15.747]]
  call @gridSample(%x4, %g) : (tensor<1x1x3x3xf32>, tensor<1x2x2x2xf32>) -> ()

  // Two images, three boxes (one partly outside), 2x2 bins.
  %img = dfg.constant dense<[[[[1.0, 5.0, 2.0, 8.0], [3.0, 0.0, 7.0, 4.0], [6.0, 9.0, 1.0, 2.0], [4.0, 4.0, 0.0, 3.0]]], [[[4.0, 1.0, 2.5, 0.5], [2.0, 3.5, 0.0, 1.5], [1.0, 0.5, 4.5, 3.0], [1.5, 0.0, 2.0, 2.0]]]]> : tensor<2x1x4x4xf32>
  %rois = dfg.constant dense<[[0.5, 0.5, 3.0, 2.5], [1.0, 0.0, 2.2, 3.1], [-0.5, 1.0, 5.0, 5.0]]> : tensor<3x4xf32>
  %bi = dfg.constant dense<[0, 1, 1]> : tensor<3xi64>
  %r0 = dfg.roi_align %img, %rois, %bi {mode = #dfg<pool_kind avg>, output_height = 2 : i64, output_width = 2 : i64, sampling_ratio = 2 : i64, spatial_scale = 1.0 : f64, half_pixel = true} : (tensor<2x1x4x4xf32>, tensor<3x4xf32>, tensor<3xi64>) -> tensor<3x1x2x2xf32>
  %r1 = dfg.roi_align %img, %rois, %bi {mode = #dfg<pool_kind avg>, output_height = 2 : i64, output_width = 2 : i64, sampling_ratio = 0 : i64, spatial_scale = 1.0 : f64, half_pixel = false} : (tensor<2x1x4x4xf32>, tensor<3x4xf32>, tensor<3xi64>) -> tensor<3x1x2x2xf32>
  %r2 = dfg.roi_align %img, %rois, %bi {mode = #dfg<pool_kind max>, output_height = 2 : i64, output_width = 2 : i64, sampling_ratio = 0 : i64, spatial_scale = 1.0 : f64, half_pixel = true} : (tensor<2x1x4x4xf32>, tensor<3x4xf32>, tensor<3xi64>) -> tensor<3x1x2x2xf32>
  %rall = dfg.concat %r0, %r1, %r2 {axis = 1 : i64} : (tensor<3x1x2x2xf32>, tensor<3x1x2x2xf32>, tensor<3x1x2x2xf32>) -> tensor<3x3x2x2xf32>
  %rflat = tensor.collapse_shape %rall [[0, 1], [2, 3]] : tensor<3x3x2x2xf32> into tensor<9x4xf32>
  %rd = tensor.cast %rflat : tensor<9x4xf32> to tensor<?x?xf32>
  // Rows: per box, avg sampling 2 half_pixel, avg adaptive, max adaptive.
  // CHECK: {{\[}}[2.3125,   4.20312,   4.5,   4.01562],
  // CHECK-NEXT: [1.8125,   5.875,   6.96875,   1.375],
  // CHECK-NEXT: [2.34375,   2.84375,   4.21875,   2.84375],
  // CHECK-NEXT: [2.13,   1.76562,   1.29938,   1.96188],
  // CHECK-NEXT: [2.08281,   1.26719,   1.33156,   3.16344],
  // CHECK-NEXT: [1.855,   1.39125,   1.575,   1.4175],
  // CHECK-NEXT: [1.75781,   2.25,   0.8125,   2],
  // CHECK-NEXT: [1.64757,   1.61979,   0.545139,   0.666667],
  // CHECK-NEXT: [2.47917,   3.5625,   1.5,   2]]
  call @printF32x2(%rd) : (tensor<?x?xf32>) -> ()

  // Class 0 keeps 1 and 4 (0 and 3, tied, overlap 1); box 2 is below the
  // score threshold. Class 1 keeps 2 before 3 (tie), then suppresses 4 and 1.
  %boxes = dfg.constant dense<[[[0.0, 0.0, 2.0, 2.0], [2.1, 2.1, 0.1, 0.1], [3.0, 3.0, 4.0, 4.0], [0.0, 1.0, 2.0, 3.0], [3.2, 3.0, 4.2, 4.0]]]> : tensor<1x5x4xf32>
  %scores = dfg.constant dense<[[[0.6, 0.9, 0.2, 0.6, 0.7], [0.1, 0.3, 0.8, 0.8, 0.35]]]> : tensor<1x2x5xf32>
  %three = dfg.constant dense<3> : tensor<i64>
  %one = dfg.constant dense<1> : tensor<i64>
  %iou = dfg.constant dense<0.3> : tensor<f32>
  %sthr = dfg.constant dense<0.25> : tensor<f32>
  // CHECK: {{\[}}[0,   0,   1],
  // CHECK-NEXT: [0,   0,   4],
  // CHECK-NEXT: [0,   1,   2],
  // CHECK-NEXT: [0,   1,   3]]
  // CHECK: {{\[}}[0,   0,   1],
  // CHECK-NEXT: [0,   1,   2]]
  // CHECK: {{\[}}[0,   0,   1],
  // CHECK-NEXT: [0,   0,   2]]
  %n0 = dfg.non_max_suppression %boxes, %scores, %three, %iou score %sthr {center_point_box = false} : (tensor<1x5x4xf32>, tensor<1x2x5xf32>, tensor<i64>, tensor<f32>, tensor<f32>) -> tensor<?x3xi64>
  call @printI64x2(%n0) : (tensor<?x3xi64>) -> ()
  %n1 = dfg.non_max_suppression %boxes, %scores, %one, %iou {center_point_box = false} : (tensor<1x5x4xf32>, tensor<1x2x5xf32>, tensor<i64>, tensor<f32>) -> tensor<?x3xi64>
  call @printI64x2(%n1) : (tensor<?x3xi64>) -> ()
  %cboxes = dfg.constant dense<[[[1.0, 1.0, 2.0, 2.0], [1.2, 1.0, 2.0, 2.0], [4.0, 4.0, 1.0, 1.0]]]> : tensor<1x3x4xf32>
  %cscores = dfg.constant dense<[[[0.5, 0.7, 0.6]]]> : tensor<1x1x3xf32>
  %ten = dfg.constant dense<10> : tensor<i64>
  %half = dfg.constant dense<0.5> : tensor<f32>
  %n2 = dfg.non_max_suppression %cboxes, %cscores, %ten, %half {center_point_box = true} : (tensor<1x3x4xf32>, tensor<1x1x3xf32>, tensor<i64>, tensor<f32>) -> tensor<?x3xi64>
  call @printI64x2(%n2) : (tensor<?x3xi64>) -> ()

  // CHECK: [-1,  2,  3,  7]
  // CHECK: [1,  3,  0,  5]
  // CHECK: [2,  0,  2,  1,  0,  3]
  // CHECK: [2,  1,  2,  1]
  // CHECK: [3,  -1,  2,  7]
  // CHECK: [0,  1,  3,  5]
  // CHECK: [0,  1,  0,  2,  1,  3]
  // CHECK: [2,  2,  1,  1]
  // CHECK: [3,  200,  255]
  // CHECK: {{\[}}[1,   2],
  // CHECK-NEXT: [0,   5]]
  // CHECK: [1,  0]
  // CHECK: [1,  0,  1,  0]
  // CHECK: [2,  2]
  // CHECK: [-2,  -0,  1.5,  nan]
  // CHECK: [5,  2,  0,  1]
  // CHECK: [2,  3,  1,  1,  3,  0]
  // CHECK: [1,  2,  1,  2]
  %ui = dfg.constant dense<[3, -1, 3, 2, -1, 7]> : tensor<6xi64>
  %s0, %s1, %s2, %s3 = dfg.unique %ui {sorted = true} : (tensor<6xi64>) -> (tensor<?xi64>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>)
  %s2d = tensor.cast %s2 : tensor<6xi64> to tensor<?xi64>
  call @printI64(%s0) : (tensor<?xi64>) -> ()
  call @printI64(%s1) : (tensor<?xi64>) -> ()
  call @printI64(%s2d) : (tensor<?xi64>) -> ()
  call @printI64(%s3) : (tensor<?xi64>) -> ()
  %u0, %u1, %u2, %u3 = dfg.unique %ui {sorted = false} : (tensor<6xi64>) -> (tensor<?xi64>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>)
  %u2d = tensor.cast %u2 : tensor<6xi64> to tensor<?xi64>
  call @printI64(%u0) : (tensor<?xi64>) -> ()
  call @printI64(%u1) : (tensor<?xi64>) -> ()
  call @printI64(%u2d) : (tensor<?xi64>) -> ()
  call @printI64(%u3) : (tensor<?xi64>) -> ()
  // Unsigned order: 200 and 255 are above 3.
  %uu = dfg.constant dense<[200, 3, 200, 255]> : tensor<4xui32>
  %v0, %v1, %v2, %v3 = dfg.unique %uu {sorted = true} : (tensor<4xui32>) -> (tensor<?xui32>, tensor<?xi64>, tensor<4xi64>, tensor<?xi64>)
  %v0w = dfg.cast %v0 : (tensor<?xui32>) -> tensor<?xi64>
  call @printI64(%v0w) : (tensor<?xi64>) -> ()
  // Columns, sorted; the 2-d input is 2x4 with two distinct columns.
  %m = dfg.constant dense<[[2.0, 1.0, 2.0, 1.0], [5.0, 0.0, 5.0, 0.0]]> : tensor<2x4xf32>
  %w0, %w1, %w2, %w3 = dfg.unique %m {axis = 1 : i64, sorted = true} : (tensor<2x4xf32>) -> (tensor<2x?xf32>, tensor<?xi64>, tensor<4xi64>, tensor<?xi64>)
  %w0d = tensor.cast %w0 : tensor<2x?xf32> to tensor<?x?xf32>
  %w2d = tensor.cast %w2 : tensor<4xi64> to tensor<?xi64>
  call @printF32x2(%w0d) : (tensor<?x?xf32>) -> ()
  call @printI64(%w1) : (tensor<?xi64>) -> ()
  call @printI64(%w2d) : (tensor<?xi64>) -> ()
  call @printI64(%w3) : (tensor<?xi64>) -> ()
  // NaNs are one value, after all numbers; -0 equals 0.
  %fn = dfg.constant dense<[1.5, 0x7FC00000, -0.0, 0.0, 0x7FC00000, -2.0]> : tensor<6xf32>
  %f0, %f1, %f2, %f3 = dfg.unique %fn {sorted = true} : (tensor<6xf32>) -> (tensor<?xf32>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>)
  %f2d = tensor.cast %f2 : tensor<6xi64> to tensor<?xi64>
  call @printF32(%f0) : (tensor<?xf32>) -> ()
  call @printI64(%f1) : (tensor<?xi64>) -> ()
  call @printI64(%f2d) : (tensor<?xi64>) -> ()
  call @printI64(%f3) : (tensor<?xi64>) -> ()
  return
}
