// RUN: dfg-opt %s --dfg-lower-to-linalg --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @nms
// CHECK: tensor.empty(%{{.*}}) : tensor<?x3xi64>
// CHECK: scf.for
// CHECK: scf.for
// CHECK: linalg.fill
// CHECK: scf.for
// CHECK: arith.cmpf ogt
// CHECK: arith.divf
// CHECK: tensor.extract_slice %{{.*}}[0, 0] [%{{.*}}, 3] [1, 1] : tensor<?x3xi64> to tensor<?x3xi64>
// CHECK-NOT: dfg.non_max_suppression
func.func @nms(%b: tensor<?x6x4xf32>, %s: tensor<?x2x6xf32>, %m: tensor<i64>, %i: tensor<f32>, %t: tensor<f32>) -> tensor<?x3xi64> {
  %0 = dfg.non_max_suppression %b, %s, %m, %i score %t {center_point_box = true} : (tensor<?x6x4xf32>, tensor<?x2x6xf32>, tensor<i64>, tensor<f32>, tensor<f32>) -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// -----

// CHECK-LABEL: func.func @grid_sample_dynamic
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel"]
// CHECK: linalg.index 0
// CHECK: math.floor
// CHECK-COUNT-4: tensor.extract %arg0
// CHECK: -> tensor<?x3x?x5xf32>
func.func @grid_sample_dynamic(%x: tensor<?x3x8x8xf32>, %g: tensor<?x?x5x2xf32>) -> tensor<?x3x?x5xf32> {
  %0 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode linear>, padding_mode = #dfg<grid_padding_mode zeros>, align_corners = false} : (tensor<?x3x8x8xf32>, tensor<?x?x5x2xf32>) -> tensor<?x3x?x5xf32>
  return %0 : tensor<?x3x?x5xf32>
}

// -----

// Cubic reads 4 x 4 taps; nearest one.
// CHECK-LABEL: func.func @grid_sample_cubic
// CHECK: linalg.generic
// CHECK-COUNT-16: tensor.extract %arg0
// CHECK-NOT: tensor.extract %arg0
// CHECK: linalg.yield
func.func @grid_sample_cubic(%x: tensor<1x1x3x2xf64>, %g: tensor<1x2x4x2xf64>) -> tensor<1x1x2x4xf64> {
  %0 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode cubic>, padding_mode = #dfg<grid_padding_mode reflection>, align_corners = true} : (tensor<1x1x3x2xf64>, tensor<1x2x4x2xf64>) -> tensor<1x1x2x4xf64>
  return %0 : tensor<1x1x2x4xf64>
}

// -----

// CHECK-LABEL: func.func @grid_sample_nearest_3d
// CHECK: linalg.generic
// CHECK: math.round
// CHECK: tensor.extract %arg0
// CHECK-NOT: tensor.extract %arg0
// CHECK: linalg.yield
func.func @grid_sample_nearest_3d(%x: tensor<1x2x3x4x5xf32>, %g: tensor<1x2x2x2x3xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = dfg.grid_sample %x, %g {mode = #dfg<grid_sample_mode nearest>, padding_mode = #dfg<grid_padding_mode border>, align_corners = false} : (tensor<1x2x3x4x5xf32>, tensor<1x2x2x2x3xf32>) -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}

// -----

// The number of samples per bin is known only at run time without a
// sampling ratio.
// CHECK-LABEL: func.func @roi_align
// CHECK: linalg.generic
// CHECK: math.ceil
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.if
// CHECK-COUNT-4: tensor.extract %arg0
// CHECK: arith.maximumf
// CHECK: -> tensor<?x4x3x3xf32>
func.func @roi_align(%x: tensor<2x4x8x8xf32>, %r: tensor<?x4xf32>, %b: tensor<?xi32>) -> tensor<?x4x3x3xf32> {
  %0 = dfg.roi_align %x, %r, %b {mode = #dfg<pool_kind max>, output_height = 3 : i64, output_width = 3 : i64, sampling_ratio = 0 : i64, spatial_scale = 0.5 : f64, half_pixel = false} : (tensor<2x4x8x8xf32>, tensor<?x4xf32>, tensor<?xi32>) -> tensor<?x4x3x3xf32>
  return %0 : tensor<?x4x3x3xf32>
}

// -----

// Unsigned elements compare unsigned; slices along an axis are copied whole.
// CHECK-LABEL: func.func @unique_axis
// CHECK: scf.for
// CHECK: arith.cmpi ult
// CHECK: tensor.extract_slice %arg0
// CHECK: tensor.insert_slice
// CHECK: tensor.extract_slice %{{.*}}[0, 0] [%{{.*}}, %{{.*}}] [1, 1] : tensor<?x?xi16> to tensor<?x?xi16>
// CHECK: tensor.cast %{{.*}} : tensor<?x?xi16> to tensor<3x?xi16>
func.func @unique_axis(%x: tensor<3x5xui16>) -> (tensor<3x?xui16>, tensor<?xi64>, tensor<5xi64>, tensor<?xi64>) {
  %0:4 = dfg.unique %x {axis = 1 : i64, sorted = true} : (tensor<3x5xui16>) -> (tensor<3x?xui16>, tensor<?xi64>, tensor<5xi64>, tensor<?xi64>)
  return %0#0, %0#1, %0#2, %0#3 : tensor<3x?xui16>, tensor<?xi64>, tensor<5xi64>, tensor<?xi64>
}

// -----

// Without an axis the input is flattened.
// CHECK-LABEL: func.func @unique_flat
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0, 1]] : tensor<?x3xf32> into tensor<?xf32>
// CHECK: arith.cmpf uno
// CHECK-NOT: dfg.unique
func.func @unique_flat(%x: tensor<?x3xf32>) -> (tensor<?xf32>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>) {
  %0:4 = dfg.unique %x {sorted = false} : (tensor<?x3xf32>) -> (tensor<?xf32>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>)
  return %0#0, %0#1, %0#2, %0#3 : tensor<?xf32>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>
}
