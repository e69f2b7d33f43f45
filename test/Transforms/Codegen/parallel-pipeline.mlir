// dfg-lower-to-llvm's parallel option: the tile loops of a matmul become an
// OpenMP parallel region over a worksharing loop (in the LLVM dialect);
// without it, no OpenMP op appears.
// RUN: dfg-opt %s --pass-pipeline='builtin.module(dfg-lower-to-llvm{parallel=true})' | FileCheck %s
// RUN: dfg-opt %s --pass-pipeline='builtin.module(dfg-lower-to-llvm)' | FileCheck %s --check-prefix=SEQ

// CHECK-LABEL: llvm.func @matmul
// CHECK:       omp.parallel {
// CHECK:         omp.wsloop {
// CHECK:           omp.loop_nest
// CHECK:             llvm.intr.fmuladd
// SEQ-LABEL:   llvm.func @matmul
// SEQ-NOT:     omp.
func.func @matmul(%a: tensor<192x256xf32>, %b: tensor<256x512xf32>) -> tensor<192x512xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<192x512xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<192x512xf32>) -> tensor<192x512xf32>
  %r = linalg.matmul ins(%a, %b : tensor<192x256xf32>, tensor<256x512xf32>) outs(%init : tensor<192x512xf32>) -> tensor<192x512xf32>
  return %r : tensor<192x512xf32>
}
