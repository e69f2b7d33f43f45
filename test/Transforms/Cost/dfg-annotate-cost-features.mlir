// RUN: dfg-opt %s --dfg-annotate-cost="profile=%S/Inputs/portable-profile.json features-file=%t" -o /dev/null 2>/dev/null
// RUN: FileCheck %s < %t
// RUN: dfg-opt %s --dfg-annotate-cost="profile=%S/Inputs/portable-profile.json tile-m=4 tile-n=8 features-file=-" -o /dev/null 2>/dev/null | FileCheck %s --check-prefix=TILE
// RUN: not dfg-opt %s --dfg-annotate-cost="features-file=%S/no/such/dir/f.jsonl" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERR

// features-file: the names once, then one line per single-kernel function,
// in module order, with the feature vector and the analytic prediction for
// the options' choice. Functions with several kernels or none are left out;
// one the model cannot describe gets its reason.

// CHECK: {"feature_names":["kind_contraction","kind_convolution",{{.*}}"tile_m","tile_n",{{.*}}],"feature_version":1}
// CHECK-NEXT: {"analytic_ns":{{[0-9.e+]+}},"feature_version":1,"features":[1,0,0,0,0,0,0,32,1,{{.*}}],"func":"matmul","op":"linalg.matmul"}
// CHECK-NEXT: {"analytic_ns":{{[0-9.e+]+}},"feature_version":1,"features":[0,0,0,0,1,{{.*}},6,16,1,1,0,{{[0-9]+}},{{.*}}],"func":"add","op":"linalg.add"}
// CHECK-NEXT: {"error":"{{.*}}","func":"complex"}
// CHECK-NOT: two_kernels
// CHECK-NOT: no_kernel

// The choice is in the vector (tile_m, tile_n, tile_k, im2col, packing,
// vector_bits: the profile's best width).
// TILE: "features":[0,0,0,0,1,{{.*}},4,8,1,1,0,{{[0-9]+}},{{.*}}"func":"add"
// ERR: error: dfg-annotate-cost: cannot write '{{.*}}f.jsonl'

func.func @matmul(%a: tensor<64x32xf32>, %b: tensor<32x48xf32>) -> tensor<64x48xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x48xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<64x48xf32>) -> tensor<64x48xf32>
  %r = linalg.matmul ins(%a, %b : tensor<64x32xf32>, tensor<32x48xf32>) outs(%f : tensor<64x48xf32>) -> tensor<64x48xf32>
  return %r : tensor<64x48xf32>
}

func.func @two_kernels(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %s = linalg.add ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %t = linalg.mul ins(%s, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %t : tensor<4x8xf32>
}

func.func @no_kernel(%a: tensor<4x8xf32>) -> tensor<4x8xf32> {
  return %a : tensor<4x8xf32>
}

func.func @add(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %s = linalg.add ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %s : tensor<4x8xf32>
}

func.func @complex(%a: tensor<4xcomplex<f32>>, %b: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %e = tensor.empty() : tensor<4xcomplex<f32>>
  %s = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>],
                       iterator_types = ["parallel"]}
         ins(%a, %b : tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>) outs(%e : tensor<4xcomplex<f32>>) {
  ^bb0(%x: complex<f32>, %y: complex<f32>, %o: complex<f32>):
    %z = complex.add %x, %y : complex<f32>
    linalg.yield %z : complex<f32>
  } -> tensor<4xcomplex<f32>>
  return %s : tensor<4xcomplex<f32>>
}
