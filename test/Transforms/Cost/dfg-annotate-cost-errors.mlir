// Bad profiles and model files are warnings and fall back (the ops are
// still annotated); bad option values are errors. More model files in
// dfg-annotate-cost-learned.mlir.

// RUN: rm -f %t.missing.json
// RUN: dfg-opt %s --dfg-annotate-cost=profile=%t.missing.json 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: dfg-opt %s --dfg-annotate-cost=profile=%S/Inputs/corrupt-profile.json 2>&1 | FileCheck %s --check-prefix=CORRUPT
// RUN: dfg-opt %s --dfg-annotate-cost=profile=%S/Inputs/foreign-profile.json 2>&1 | FileCheck %s --check-prefix=FOREIGN
// RUN: dfg-opt %s --dfg-annotate-cost=profile=%S/Inputs/negative-bandwidth-profile.json 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: dfg-opt %s --dfg-annotate-cost=profile=%S/Inputs/future-profile.json 2>&1 | FileCheck %s --check-prefix=FUTURE
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.missing.json 2>&1 | FileCheck %s --check-prefix=NOMODEL
// RUN: dfg-opt %s --dfg-annotate-cost=model=%S/Inputs/portable-profile.json 2>&1 | FileCheck %s --check-prefix=BADMODEL
// RUN: rm -rf %t.no-models && mkdir %t.no-models
// RUN: env DFG_COST_MODEL_DIR=%t.no-models dfg-opt %s --dfg-annotate-cost=model=learned 2>&1 | FileCheck %s --check-prefix=LEARNED
// RUN: not dfg-opt %s --dfg-annotate-cost=tile-m=0 2>&1 | FileCheck %s --check-prefix=TILE
// RUN: not dfg-opt %s --dfg-annotate-cost=vector-bits=100 2>&1 | FileCheck %s --check-prefix=BITS
// RUN: not dfg-opt %s --dfg-annotate-cost=dynamic-size=0 2>&1 | FileCheck %s --check-prefix=DYNAMIC

// MISSING: warning: dfg-annotate-cost: cannot read '{{.*}}missing.json': No such file or directory; using the built-in default machine profile
// MISSING: dfg.predicted_time_ns
// CORRUPT: warning: dfg-annotate-cost: '{{.*}}corrupt-profile.json' is not a valid machine profile: not JSON: {{.*}}; using the built-in default machine profile
// CORRUPT: dfg.predicted_time_ns
// FOREIGN: warning: dfg-annotate-cost: machine profile '{{.*}}foreign-profile.json' was measured on a 'not-a-real-cpu' CPU but this machine is '{{.+}}'; using the built-in default machine profile (measure this machine with dfg-machine-profile)
// FOREIGN: dfg.predicted_time_ns
// NEGATIVE: warning: dfg-annotate-cost: '{{.*}}negative-bandwidth-profile.json' is not a valid machine profile: 'memory': read_bytes_per_second must be positive; using the built-in default machine profile
// NEGATIVE: dfg.predicted_time_ns
// FUTURE: warning: dfg-annotate-cost: '{{.*}}future-profile.json' is not a valid machine profile: unsupported 'version' (this build reads version 1)
// FUTURE: dfg.predicted_time_ns
// NOMODEL: warning: dfg-annotate-cost: cost model file '{{.*}}missing.json' does not exist; using the analytic cost model
// NOMODEL: dfg.predicted_time_ns
// BADMODEL: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}portable-profile.json': not a DFG cost model (expected "format": "dfg-cost-model"); using the analytic cost model
// BADMODEL: dfg.predicted_time_ns
// LEARNED: warning: dfg-annotate-cost: no learned cost model for this machine ('{{.*}}'; looked for {{.*}}no-models/{{.+}}.json); using the analytic cost model (train one with bench/cost-model/train-and-evaluate.sh --collect)
// LEARNED: dfg.predicted_time_ns
// TILE: error: dfg-annotate-cost: tile sizes must be at least 1, found tile-m=0 tile-n=16 tile-k=1
// BITS: error: dfg-annotate-cost: vector-bits must be 0 or a multiple of 32 up to 4096, found 100
// DYNAMIC: error: dfg-annotate-cost: dynamic-size must be at least 1, found 0

func.func @matmul(%a: tensor<8x8xf32>, %b: tensor<8x8xf32>,
                  %c: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<8x8xf32>, tensor<8x8xf32>)
                     outs(%c : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %r : tensor<8x8xf32>
}
