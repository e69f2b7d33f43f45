// RUN: dfg-opt %s --pass-pipeline='builtin.module(func.func(dfg-lower-contractions-to-fma))' | FileCheck %s

// A 6x16 register tile over one k step: six broadcasts of a left-hand-side
// element times the 16-wide right-hand-side row, added to each accumulator
// row with one FMA each.
// CHECK-LABEL: func.func @contract
//       CHECK:   %[[ROW:.*]] = vector.extract %arg1[0] : vector<16xf32> from vector<1x16xf32>
// CHECK-COUNT-6:   vector.fma %{{.*}}, %[[ROW]], %{{.*}} : vector<16xf32>
//   CHECK-NOT:   vector.contract
//   CHECK-NOT:   vector.outerproduct
#lhs = affine_map<(m, n, k) -> (m, k)>
#rhs = affine_map<(m, n, k) -> (k, n)>
#out = affine_map<(m, n, k) -> (m, n)>
func.func @contract(%a: vector<6x1xf32>, %b: vector<1x16xf32>, %c: vector<6x16xf32>) -> vector<6x16xf32> {
  %r = vector.contract {indexing_maps = [#lhs, #rhs, #out], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<6x1xf32>, vector<1x16xf32> into vector<6x16xf32>
  return %r : vector<6x16xf32>
}
