// A learned model file: its prediction becomes the attribute and the
// remark gives it with the analytic one. Every model this build cannot use
// is a warning naming the file and the reason, and the analytic model. The
// model is trained at test time on the synthetic corpus of the
// dfg-cost-model tests (its machine has an empty cpu: any machine).

// RUN: dfg-cost-model train --corpus %S/../../Tools/dfg-cost-model/Inputs/tiny-corpus.jsonl --rounds 20 -o %t.model.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.model.json 2>&1 | FileCheck %s
// RUN: dfg-opt %s '--dfg-annotate-cost=model=%t.model.json tile-m=1 tile-n=8' 2>&1 | FileCheck %s

// RUN: sed -e 's/"cpu": ""/"cpu": "not-a-real-cpu"/' %t.model.json > %t.foreign.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.foreign.json 2>&1 | FileCheck %s --check-prefix=FOREIGN
// RUN: sed -e 's/"features": \[\]/"features": ["not-a-cpu-feature"]/' %t.model.json > %t.feature.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.feature.json 2>&1 | FileCheck %s --check-prefix=FEATURE
// RUN: sed -e 's/"log_flops"/"log_work"/' %t.model.json > %t.names.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.names.json 2>&1 | FileCheck %s --check-prefix=NAMES
// RUN: sed -e 's/"feature_version": 1/"feature_version": 999/' %t.model.json > %t.feature-version.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.feature-version.json 2>&1 | FileCheck %s --check-prefix=FEATURE-VERSION
// RUN: sed -e 's/"version": 1,/"version": 2,/' %t.model.json > %t.version.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.version.json 2>&1 | FileCheck %s --check-prefix=VERSION
// RUN: sed -e 's/"kind": "xgboost"/"kind": "torch"/' %t.model.json > %t.kind.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.kind.json 2>&1 | FileCheck %s --check-prefix=KIND
// RUN: head -c 2000 %t.model.json > %t.cut.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.cut.json 2>&1 | FileCheck %s --check-prefix=CUT
// RUN: sed -e 's/"data": ".*"/"data": "AAAAAAAA"/' %t.model.json > %t.booster.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.booster.json 2>&1 | FileCheck %s --check-prefix=BOOSTER
// RUN: sed -e 's/"data": ".*"/"data": "@@@@"/' %t.model.json > %t.base64.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.base64.json 2>&1 | FileCheck %s --check-prefix=BASE64
// RUN: sed -e 's/"size": [0-9]*/"size": 99999999999999/' %t.model.json > %t.size.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.size.json 2>&1 | FileCheck %s --check-prefix=SIZE
// RUN: sed -e 's/"target": "log2_time_over_analytic"/"target": "seconds"/' %t.model.json > %t.target.json
// RUN: dfg-opt %s --dfg-annotate-cost=model=%t.target.json 2>&1 | FileCheck %s --check-prefix=TARGET

// CHECK-NOT: warning
// CHECK: remark: learned cost: xgboost contraction {{[0-9.]+}} {{n|u|m}}s; analytic {{[0-9.]+}} {{n|u|m}}s (model '{{.*}}model.json')
// CHECK: linalg.matmul {{.*}}dfg.predicted_time_ns

// FOREIGN: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}foreign.json': it was trained on a 'not-a-real-cpu' CPU but this machine is '{{.+}}'; using the analytic cost model
// FOREIGN: remark: analytic cost:
// FEATURE: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}feature.json': it was trained on a CPU with 'not-a-cpu-feature', which this machine lacks; using the analytic cost model
// FEATURE: remark: analytic cost:
// NAMES: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}names.json': its feature list differs from this build's at feature 22 ('log_work', expected 'log_flops'); retrain it; using the analytic cost model
// FEATURE-VERSION: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}feature-version.json': its features are version 999 but this build's are version 1; retrain it; using the analytic cost model
// VERSION: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}version.json': unsupported 'version' (this build reads version 1); using the analytic cost model
// KIND: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}kind.json': model kind 'torch' is not one this build reads (xgboost); using the analytic cost model
// CUT: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}cut.json': not JSON: {{.+}}; using the analytic cost model
// BOOSTER: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}booster.json': 'booster': cannot decompress it: {{.+}}; using the analytic cost model
// BASE64: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}base64.json': 'booster': {{.+}}; using the analytic cost model
// SIZE: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}size.json': 'booster' has no 'size' between 1 byte and 1 GiB; using the analytic cost model
// TARGET: warning: dfg-annotate-cost: cannot use cost model file '{{.*}}target.json': unknown 'target' 'seconds' (expected log2_time_ns or log2_time_over_analytic); using the analytic cost model

func.func @matmul(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>,
                  %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                     outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}
