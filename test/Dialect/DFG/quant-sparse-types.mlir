// RUN: dfg-opt %s | dfg-opt | FileCheck %s
// The upstream types that docs/quantized-and-sparse-tensors.md commits to,
// parsed and printed by dfg-opt: if an upstream change breaks the plan, this
// test says so.

#NV24 = #sparse_tensor.encoding<{ map = (i, j) -> (i : dense, j floordiv 4 : dense, j mod 4 : structured[2, 4]) }>
#BSR = #sparse_tensor.encoding<{ map = (i, j) -> (i floordiv 4 : dense, j floordiv 4 : compressed, i mod 4 : dense, j mod 4 : dense) }>

// CHECK-DAG: #[[NV24:.*]] = #sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : dense, d1 floordiv 4 : dense, d1 mod 4 : structured[2, 4]) }>
// CHECK-DAG: #[[BSR:.*]] = #sparse_tensor.encoding<{ map = (d0, d1) -> (d0 floordiv 4 : dense, d1 floordiv 4 : compressed, d0 mod 4 : dense, d1 mod 4 : dense) }>
// CHECK-LABEL: func.func @types
// CHECK-SAME: tensor<64x128x!quant.uniform<i8:f32, 2.000000e-02:-3>>
// CHECK-SAME: tensor<4x3x3x3x!quant.uniform<i8<-127:127>:f32:0, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>>
// CHECK-SAME: tensor<2x256x!quant.uniform<i4:f32:{0:1, 1:128}, {{\{}}{5.000000e-01, 2.500000e-01}, {1.250000e-01, 7.500000e-01}}>>
// CHECK-SAME: tensor<64x128xf16, #[[NV24]]>
// CHECK-SAME: tensor<64x128xf32, #[[BSR]]>
func.func @types(%a: tensor<64x128x!quant.uniform<i8:f32, 0.02:-3>>,
                 %b: tensor<4x3x3x3x!quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2, 0.3, 0.4}>>,
                 %c: tensor<2x256x!quant.uniform<i4:f32:{0:1, 1:128}, {{0.5, 0.25}, {0.125, 0.75}}>>,
                 %d: tensor<64x128xf16, #NV24>,
                 %e: tensor<64x128xf32, #BSR>) -> tensor<64x128xf32> {
  // CHECK: quant.dcast
  %0 = quant.dcast %a : tensor<64x128x!quant.uniform<i8:f32, 0.02:-3>> to tensor<64x128xf32>
  return %0 : tensor<64x128xf32>
}
