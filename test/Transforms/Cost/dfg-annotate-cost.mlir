// RUN: dfg-opt %s -split-input-file --dfg-annotate-cost -verify-diagnostics | FileCheck %s
// The choice options are spelled as the code generation passes spell them,
// so that one option string configures both (bench/cost-model/compare.py).
// RUN: dfg-opt %s -split-input-file --dfg-annotate-cost="tile-m=6 tile-n=16 im2col=false pack-rhs=true" 2>&1 | FileCheck %s --check-prefix=OPTS
// RUN: dfg-opt %s -split-input-file --pass-pipeline="builtin.module(func.func(dfg-tile-and-vectorize{tile-m=6 tile-n=16 im2col=false pack-rhs=true}))" -o /dev/null
// OPTS: remark: analytic cost

// The work and traffic attributes are exact counts, checked against hand
// computation; the time depends on the (here built-in) profile and is only
// required to be there (dfg-annotate-cost-profile.mlir pins it for a given
// profile).

// 2 * 64^3 FLOPs; A, B and the accumulator read (16 KiB each), C written.
// CHECK-LABEL: func.func @matmul
// CHECK: linalg.matmul
// CHECK-SAME: dfg.bytes_read = 49152 : i64
// CHECK-SAME: dfg.bytes_written = 16384 : i64
// CHECK-SAME: dfg.flops = 524288 : i64
// CHECK-SAME: dfg.predicted_time_ns = {{[0-9]+\.[0-9]+(e[+-][0-9]+)?}} : f64
func.func @matmul(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>,
                  %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  // expected-remark @+1 {{analytic cost: contraction}}
  %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                     outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// 2 * N*F*OH*OW * C*KH*KW = 2 * 512 * 27 FLOPs; input 1200 B, filter 864 B,
// accumulator 2048 B read.
// CHECK-LABEL: func.func @conv
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: dfg.bytes_read = 4112 : i64
// CHECK-SAME: dfg.bytes_written = 2048 : i64
// CHECK-SAME: dfg.flops = 27648 : i64
// CHECK-SAME: dfg.predicted_time_ns
func.func @conv(%x: tensor<1x3x10x10xf32>, %w: tensor<8x3x3x3xf32>,
                %o: tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32> {
  // expected-remark @+1 {{analytic cost: convolution}}
  %r = linalg.conv_2d_nchw_fchw
         {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%x, %w : tensor<1x3x10x10xf32>, tensor<8x3x3x3xf32>)
         outs(%o : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  return %r : tensor<1x8x8x8xf32>
}

// -----

// One add per element; the output's initial value is not read. exp counts
// as ten operations.
// CHECK-LABEL: func.func @elementwise
// CHECK: linalg.add
// CHECK-SAME: dfg.bytes_read = 256 : i64
// CHECK-SAME: dfg.bytes_written = 128 : i64
// CHECK-SAME: dfg.flops = 32 : i64
// CHECK: linalg.exp
// CHECK-SAME: dfg.flops = 320 : i64
func.func @elementwise(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  // expected-remark @+1 {{analytic cost: elementwise}}
  %s = linalg.add ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>)
                  outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  // expected-remark @+1 {{analytic cost: elementwise}}
  %x = linalg.exp ins(%s : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %x : tensor<4x8xf32>
}

// -----

// A sum over 32 columns reads its accumulator; a fill does no arithmetic.
// CHECK-LABEL: func.func @reduction
// CHECK: linalg.fill
// CHECK-SAME: dfg.flops = 0 : i64
// CHECK: linalg.reduce
// CHECK-SAME: dfg.bytes_read = 2112 : i64
// CHECK-SAME: dfg.bytes_written = 64 : i64
// CHECK-SAME: dfg.flops = 512 : i64
func.func @reduction(%x: tensor<16x32xf32>) -> tensor<16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16xf32>
  // expected-remark @+1 {{analytic cost: data-movement}}
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<16xf32>) -> tensor<16xf32>
  // expected-remark @+1 {{analytic cost: reduction}}
  %r = linalg.reduce ins(%x : tensor<16x32xf32>) outs(%init : tensor<16xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  return %r : tensor<16xf32>
}

// -----

// A dynamic batch is assumed to be 1, and the remark says so.
// CHECK-LABEL: func.func @dynamic
// CHECK: linalg.matmul
// CHECK-SAME: dfg.flops = 128 : i64
func.func @dynamic(%a: tensor<?x64xf32>, %b: tensor<64x1xf32>,
                   %c: tensor<?x1xf32>) -> tensor<?x1xf32> {
  // expected-remark @+1 {{(assuming 1 for 1 dynamic loop extent)}}
  %r = linalg.matmul ins(%a, %b : tensor<?x64xf32>, tensor<64x1xf32>)
                     outs(%c : tensor<?x1xf32>) -> tensor<?x1xf32>
  return %r : tensor<?x1xf32>
}

// -----

// Elements the model cannot size: a remark, no attributes.
// CHECK-LABEL: func.func @complex
// CHECK: linalg.generic
// CHECK-NOT: dfg.predicted_time_ns
func.func @complex(%a: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  // expected-remark @+1 {{no cost estimate: operand #0 of type 'tensor<4xcomplex<f32>>' has no static rank or a non-integer, non-float element type}}
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>],
                       iterator_types = ["parallel"]}
      ins(%a : tensor<4xcomplex<f32>>) outs(%a : tensor<4xcomplex<f32>>) {
    ^bb0(%in: complex<f32>, %out: complex<f32>):
      linalg.yield %in : complex<f32>
  } -> tensor<4xcomplex<f32>>
  return %r : tensor<4xcomplex<f32>>
}
