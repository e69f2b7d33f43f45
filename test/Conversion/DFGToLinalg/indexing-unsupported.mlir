// A resize whose result size is only known at run time needs the scales
// operand to compute it; without it the op is reported, never guessed.
// RUN: not dfg-opt %s --dfg-lower-to-linalg 2>&1 | FileCheck %s

// CHECK: indexing-unsupported.mlir:[[@LINE+2]]:8: error: failed to legalize operation 'dfg.resize'
func.func @resize_dynamic(%x: tensor<1x1x?x2xf32>) -> tensor<1x1x?x4xf32> {
  %y = dfg.resize %x {mode = #dfg<resize_mode linear>, coordinate_mode = #dfg<coordinate_mode half_pixel>, nearest_mode = #dfg<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.75 : f64, exclude_outside = false, extrapolation_value = 0.0 : f64} : (tensor<1x1x?x2xf32>) -> tensor<1x1x?x4xf32>
  return %y : tensor<1x1x?x4xf32>
}
