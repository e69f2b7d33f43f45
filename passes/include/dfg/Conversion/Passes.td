//===- Passes.td - dfg conversion passes -----------------------*- tablegen -*-===//

#ifndef DFG_CONVERSION_PASSES_TD
#define DFG_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def DFGLowerToLinalgPass : Pass<"dfg-lower-to-linalg", "ModuleOp"> {
  let summary = "Lower `dfg` ops to linalg, tensor, arith, math and scf";
  let description = [{
    Rewrites every `dfg` op into upstream tensor-level dialects, ready for
    one-shot bufferization: elementwise ops and broadcasts become
    `linalg.generic`, matmul and convolution named linalg ops, data movement
    `tensor` ops. Unsigned integer element types become signless; the
    patterns read signedness from the original types, so `ui8` division
    stays unsigned. An op with no lowering is an error at its location
    (the ONNX node it came from), never silently kept.

    Dynamic dimensions that broadcast are assumed equal at run time (a `?`
    only stretches when it is statically 1), as in other tensor compilers.

    ```mlir
    // Before:
    %0 = dfg.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    // After:
    %e = tensor.empty() : tensor<2x3xf32>
    %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>,
        affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], ...}
        ins(%a, %b : tensor<2x3xf32>, tensor<3xf32>) outs(%e : tensor<2x3xf32>)
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::cf::ControlFlowDialect",
  ];
}

#endif // DFG_CONVERSION_PASSES_TD
