// A cost model file that is missing or cannot be read is a warning and the
// analytic model: the choices are still made.
// RUN: dfg-opt %s --dfg-choose-codegen="cost-model=%S/Inputs/no-such-model.json profile=%S/Inputs/portable-profile.json" 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: dfg-opt %s --dfg-choose-codegen="cost-model=%S/Inputs/corrupt-profile.json profile=%S/Inputs/portable-profile.json" 2>&1 | FileCheck %s --check-prefix=CORRUPT
// A missing profile: a warning and the built-in defaults.
// RUN: dfg-opt %s --dfg-choose-codegen=profile=%S/Inputs/no-such-profile.json 2>&1 | FileCheck %s --check-prefix=PROFILE
// Bad options are errors.
// RUN: not dfg-opt %s --dfg-choose-codegen=tile-m=0 2>&1 | FileCheck %s --check-prefix=TILE
// RUN: not dfg-opt %s --dfg-choose-codegen=vector-bits=100 2>&1 | FileCheck %s --check-prefix=BITS
// RUN: not dfg-opt %s --dfg-choose-codegen=min-gain=-1 2>&1 | FileCheck %s --check-prefix=GAIN
// RUN: not dfg-opt %s --dfg-choose-codegen=cost-model= 2>&1 | FileCheck %s --check-prefix=EMPTY

// MISSING: warning: dfg-choose-codegen: cost model file '{{.*}}no-such-model.json' {{.*}}analytic cost model
// MISSING: remark: dfg-choose-codegen: chose {{.*}} by the analytic model
// MISSING: linalg.matmul {dfg.codegen = {pack_rhs = false, tile_m = 12 : i64, tile_n = 32 : i64}}
// CORRUPT: warning: dfg-choose-codegen: {{.*}}corrupt-profile.json{{.*}}analytic cost model
// CORRUPT: linalg.matmul {dfg.codegen =
// PROFILE: warning: dfg-choose-codegen: {{.*}}no-such-profile.json
// PROFILE: linalg.matmul {dfg.codegen =
// TILE: error: dfg-choose-codegen: tile sizes must be at least 1, found tile-m=0 tile-n=16
// BITS: error: dfg-choose-codegen: vector-bits must be 0 or a multiple of 32 up to 4096, found 100
// GAIN: error: dfg-choose-codegen: min-gain must be between 0 and 10, found -1
// EMPTY: error: dfg-choose-codegen: expected a cost model

func.func @matmul(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>, %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}
