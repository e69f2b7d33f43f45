//===- Passes.td - dfg cost-model passes -----------------------*- tablegen -*-===//

#ifndef DFG_TRANSFORMS_COST_PASSES_TD
#define DFG_TRANSFORMS_COST_PASSES_TD

include "mlir/Pass/PassBase.td"

def DFGAnnotateCostPass : Pass<"dfg-annotate-cost", "ModuleOp"> {
  let summary = "Attach the cost model's predicted time to every linalg op";
  let description = [{
    Runs on linalg on tensors (after `dfg-lower-to-linalg`, before
    `dfg-tile-and-vectorize`). For every linalg op the cost model can
    describe, extracts its kernel features (FLOPs, bytes, loop extents,
    the register tiles of the code-generation choice given by the options)
    and attaches the prediction:

    - `dfg.predicted_time_ns` (f64): the predicted single-core time;
    - `dfg.flops`, `dfg.bytes_read`, `dfg.bytes_written` (i64): the work and
      the operands' traffic the prediction is based on.

    Each annotated op also gets an optimization remark explaining the
    estimate (kind, compute and memory times, the bound, the cache level
    holding the working set); ops the model cannot describe get a remark
    saying why and no attributes.

    The machine comes from `profile`, a file written by
    `dfg-machine-profile`. A missing or unreadable profile, or one measured
    on another CPU, is a warning and the built-in conservative defaults.
    `model=learned` uses the model trained for this machine (a file
    `cost-models/<cpu>.json`, see docs/cost-model.md), `model=FILE` that
    model file: the attribute is then the learned prediction and the remark
    gives it with the analytic one. A model that is missing, corrupt, of
    another format or feature list, or trained on another kind of machine is
    a warning naming the file and the reason, and the analytic model.

    ```mlir
    %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                       outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
    // After, with the built-in default profile:
    %r = linalg.matmul {dfg.bytes_read = 49152 : i64,
                        dfg.bytes_written = 16384 : i64,
                        dfg.flops = 524288 : i64,
                        dfg.predicted_time_ns = 6.659200e+04 : f64} ...
    // remark: analytic cost: contraction 66.592 us, compute-bound: ...
    ```
  }];
  let options = [
    Option<"model", "model", "std::string", /*default=*/"\"analytic\"",
           "Cost model: analytic, learned (the model trained for this "
           "machine) or a model file">,
    Option<"profile", "profile", "std::string", /*default=*/"",
           "Machine profile written by dfg-machine-profile (default: the "
           "built-in conservative profile)">,
    Option<"tileM", "tile-m", "int64_t", /*default=*/"6",
           "Rows of the register tile of a contraction, as in "
           "dfg-tile-and-vectorize">,
    Option<"tileN", "tile-n", "int64_t", /*default=*/"16",
           "Columns of the register tile of a contraction">,
    Option<"tileK", "tile-k", "int64_t", /*default=*/"1",
           "Reduction steps per vector.contract of a contraction">,
    Option<"im2col", "im2col", "bool", /*default=*/"true",
           "Convolutions as im2col and a contraction (else direct loops for "
           "all but 1x1 ones), as dfg-conv-to-contraction's im2col">,
    Option<"packRhs", "pack-rhs", "bool", /*default=*/"false",
           "Pack the right-hand-side panels of contractions, as "
           "dfg-tile-contractions' pack-rhs">,
    Option<"vectorBits", "vector-bits", "unsigned", /*default=*/"0",
           "Hardware vector width in bits (0: the width with the highest "
           "peak in the profile)">,
    Option<"dynamicSize", "dynamic-size", "int64_t", /*default=*/"1",
           "Size assumed for dynamic dimensions (a dynamic batch)">,
  ];
}

#endif // DFG_TRANSFORMS_COST_PASSES_TD
