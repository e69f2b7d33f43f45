// RUN: dfg-opt %s -split-input-file --dfg-annotate-cost=profile=%S/Inputs/portable-profile.json -verify-diagnostics | FileCheck %s
// RUN: dfg-opt %s -split-input-file --dfg-annotate-cost="profile=%S/Inputs/portable-profile.json tile-m=2 tile-n=8" 2>&1 | FileCheck %s --check-prefix=TILE
// RUN: dfg-opt %s -split-input-file --dfg-annotate-cost=profile=%S/Inputs/slow-512-profile.json 2>&1 | FileCheck %s --check-prefix=BEST
// RUN: dfg-opt %s -split-input-file --dfg-annotate-cost="profile=%S/Inputs/slow-512-profile.json vector-bits=512" 2>&1 | FileCheck %s --check-prefix=WIDE

// Without vector-bits, the width with the highest peak, not the widest.
// BEST-NOT: 512-bit
// BEST: 256-bit vectors
// WIDE: contraction {{.*}}, 512-bit vectors

// The predictions follow from the profile's round numbers (Inputs/
// portable-profile.json: its empty cpu fits any machine): 8 GFLOP/s with
// 256-bit vectors, L1 (32 KiB) 1 GB/s, L2 (1 MiB) 0.5 GB/s, memory
// 0.1 GB/s.

// 32 adds at half the FMA peak (one operation per instruction): 8 ns;
// 384 bytes from L1: 384 ns. Memory-bound: 384 ns.
// CHECK-LABEL: func.func @add_in_l1
// CHECK: linalg.add
// CHECK-SAME: dfg.predicted_time_ns = 3.840000e+02 : f64
func.func @add_in_l1(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  // expected-remark @+1 {{analytic cost: elementwise 384.0 ns, memory-bound: compute 8.0 ns (32 FLOP at 4 GFLOP/s, 256-bit vectors, efficiency 1.00); memory 384.0 ns (384 B moved, working set 384 B in L1 at 1 GB/s)}}
  %s = linalg.add ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>)
                  outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %s : tensor<4x8xf32>
}

// -----

// Three 2 MiB tensors fit in no cache: 6291456 bytes at 0.1 GB/s.
// CHECK-LABEL: func.func @add_in_dram
func.func @add_in_dram(%a: tensor<512x1024xf32>, %b: tensor<512x1024xf32>) -> tensor<512x1024xf32> {
  %e = tensor.empty() : tensor<512x1024xf32>
  // expected-remark @+1 {{memory 62.915 ms (6.29 MB moved, working set 6.29 MB in DRAM at 100 MB/s)}}
  %s = linalg.add ins(%a, %b : tensor<512x1024xf32>, tensor<512x1024xf32>)
                  outs(%e : tensor<512x1024xf32>) -> tensor<512x1024xf32>
  return %s : tensor<512x1024xf32>
}

// -----

// 6x16 tiles of 256-bit vectors: 12 accumulators hide the FMA latency, 8
// loads feed 12 FMAs per step, 15 registers do not spill: efficiency 1.
// With 2x8 tiles (TILE), two accumulators hide a quarter of the latency, the
// lower of that and 2 FMAs per 3 loads.
// CHECK-LABEL: func.func @matmul
// TILE: efficiency 0.25
func.func @matmul(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>,
                  %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  // expected-remark @+1 {{compute 65.536 us (524 KFLOP at 8 GFLOP/s, 256-bit vectors, efficiency 1.00)}}
  %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                     outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}
