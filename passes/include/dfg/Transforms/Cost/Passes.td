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
    the register tiles of the code-generation choice: the op's `dfg.codegen`
    attribute, as `dfg-choose-codegen` sets it, where it has one, the
    options for the fields it lacks) and attaches the prediction:

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
    `model=learned` uses the XGBoost model trained for this machine (a file
    `cost-models/<cpu>.json`, see docs/cost-model.md), `model=FILE` that
    model file, an XGBoost one or a text model (`dfg-cost-text train`): the
    attribute is then the learned prediction. A model that is missing,
    corrupt, of another format or feature list, or trained on another kind
    of machine is a warning naming the file and the reason, and the analytic
    model.

    With `features-file`, the pass also writes one JSON line per function
    of the module that holds one kernel (one linalg op besides fills, as
    `dfg-extract-kernels` writes them) to that file, for the cost-model
    corpus, after a first line naming the features
    (`{"feature_names": [...], "feature_version": N}`):
    `{"func": name, "op": "linalg.matmul", "feature_version": N,
    "features": [...], "analytic_ns": t}` with the features in
    `featureVectorNames()` order for the choice given by the options;
    a function the model cannot describe gets `{"func": name, "error":
    why}` instead. `-` writes to standard output.

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
    Option<"featuresFile", "features-file", "std::string",
           /*default=*/"",
           "Write each single-kernel function's feature vector and "
           "predicted time to this file as JSON lines ('-': stdout)">,
  ];
}

def DFGExtractKernelsPass : Pass<"dfg-extract-kernels", "ModuleOp"> {
  let summary = "Outline every linalg op into a function of its own, one "
                "function per distinct kernel";
  let description = [{
    Builds the kernels of the cost-model corpus from linalg on tensors
    (`dfg-compile --emit=tensor`: where `dfg-tile-and-vectorize` would
    run). Every linalg op except fills, with ranked tensor operands and
    results, becomes a function `@kernel_<i>` that takes the op's operands
    as arguments and returns its results, so that the kernel can be
    compiled and timed alone:

    - an output initialized by a `tensor.empty`, or by a `linalg.fill` of
      a `tensor.empty` with a constant, is created inside the function (the
      fill is part of the kernel, as it is of the op's code);
    - a splat constant operand and the constants the op's body uses from
      above are cloned; every other operand (weights included) is an
      argument, one per distinct value;
    - an op whose body uses a value from above that is not a constant is
      skipped.

    Kernels are deduplicated by their printed form: each function carries
    `dfg.kernel_count` (how many ops of the input it stands for) and
    `dfg.kernel_source` (the function the first of them was in). The module
    afterwards holds only these functions.

    ```mlir
    func.func @main_graph(%x: tensor<1x64xf32>, ...) {
      %w = arith.constant dense<...> : tensor<64x10xf32>
      %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x10xf32>) -> tensor<1x10xf32>
      %y = linalg.matmul ins(%x, %w : ...) outs(%f : ...) -> tensor<1x10xf32>
      ...
    // becomes
    func.func @kernel_0(%arg0: tensor<1x64xf32>, %arg1: tensor<64x10xf32>)
        -> tensor<1x10xf32> attributes {dfg.kernel_count = 1 : i64, ...} {
      %cst = arith.constant 0.000000e+00 : f32
      %0 = tensor.empty() : tensor<1x10xf32>
      %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x10xf32>) -> tensor<1x10xf32>
      %2 = linalg.matmul ins(%arg0, %arg1 : ...) outs(%1 : ...) -> tensor<1x10xf32>
      return %2 : tensor<1x10xf32>
    }
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::func::FuncDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def DFGChooseCodegenPass : Pass<"dfg-choose-codegen", "ModuleOp"> {
  let summary = "Choose each contraction's and convolution's code generation "
                "by the cost model";
  let description = [{
    Runs on linalg on tensors, before `dfg-tile-and-vectorize` (the
    `dfg-lower-to-llvm` pipeline runs it there when its `cost-model` option
    is not `none`). For every f32 `linalg.matmul`, `linalg.batch_matmul`,
    `linalg.conv_2d_nchw_fchw` and contraction `linalg.generic`, it
    enumerates the shared candidate set (`codegenCandidates`: register
    tiles of 1, 2, 4, 6, 8 or 12 rows by 8, 16 or 32 columns, with and
    without right-hand-side packing; a convolution that is not 1x1 with unit
    stride may also run direct, without im2col), ranks them with the cost
    model and records the fastest as the op's `dfg.codegen` attribute,
    which `dfg-conv-to-contraction` and `dfg-tile-contractions` use in
    preference to their options:

    ```mlir
    %r = linalg.matmul {dfg.codegen = {pack_rhs = true, tile_m = 12 : i64,
                                       tile_n = 32 : i64}} ...
    ```

    Each choice is explained by an optimization remark: the choice and its
    predicted time, the fixed rule's (the choice the options `tile-m`,
    `tile-n`, `pack-rhs` and `im2col` describe: what the code generator
    would do without this pass) and how much slower it is predicted to be,
    the fastest few candidates, and the provider's explanation of the
    winner. The fixed rule stays unless a candidate is predicted at least
    `min-gain` faster (5% by default: smaller differences are within any
    model's error); an op that already has a `dfg.codegen` attribute keeps
    it.

    The model is `cost-model` (`analytic`, `learned` or a model file) over
    the machine in `profile` (written by `dfg-machine-profile`; default: the
    built-in conservative profile). A missing or unreadable model file or
    profile is a warning and the analytic model or the defaults; a model
    that cannot be created at all is an error. The candidates' vector
    width is `vector-bits`, or the profile's fastest. Deterministic: the
    same input, model and profile give the same choices.
  }];
  let options = [
    Option<"costModel", "cost-model", "std::string", /*default=*/"\"analytic\"",
           "Cost model: analytic, learned or a model file">,
    Option<"profile", "profile", "std::string", /*default=*/"",
           "Machine profile written by dfg-machine-profile (default: the "
           "built-in conservative profile)">,
    Option<"vectorBits", "vector-bits", "unsigned", /*default=*/"0",
           "Hardware vector width in bits of the candidates (0: the width "
           "with the highest peak in the profile)">,
    Option<"tileM", "tile-m", "int64_t", /*default=*/"6",
           "The fixed rule's register tile rows (dfg-tile-contractions' "
           "tile-m), which remarks compare with">,
    Option<"tileN", "tile-n", "int64_t", /*default=*/"16",
           "The fixed rule's register tile columns">,
    Option<"packRhs", "pack-rhs", "bool", /*default=*/"true",
           "The fixed rule's packing">,
    Option<"im2col", "im2col", "bool", /*default=*/"true",
           "The fixed rule's im2col (dfg-conv-to-contraction's im2col)">,
    Option<"minGain", "min-gain", "double", /*default=*/"0.05",
           "Keep the fixed rule unless a candidate is predicted at least "
           "this much faster (0.05: 5%)">,
    Option<"dynamicSize", "dynamic-size", "int64_t", /*default=*/"1",
           "Size assumed for dynamic dimensions (a dynamic batch)">,
    Option<"remarks", "remarks", "bool", /*default=*/"true",
           "Explain each choice in a remark">,
    Option<"remarkCandidates", "remark-candidates", "unsigned",
           /*default=*/"3",
           "How many of the fastest candidates each remark lists">,
  ];
}

#endif // DFG_TRANSFORMS_COST_PASSES_TD
