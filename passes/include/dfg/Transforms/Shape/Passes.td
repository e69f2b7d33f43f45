//===- Passes.td - dfg shape passes ----------------------------*- tablegen -*-===//

#ifndef DFG_TRANSFORMS_SHAPE_PASSES_TD
#define DFG_TRANSFORMS_SHAPE_PASSES_TD

include "mlir/Pass/PassBase.td"

def DFGInferShapesPass : Pass<"dfg-infer-shapes"> {
  let summary = "Refine tensor types from the shapes of the graph's inputs";
  let description = [{
    Propagates static sizes forward through a `dfg` graph: every op whose
    declared result type is less refined than the one it infers (a `?` where
    the size is known) gets the inferred type, and its users see the
    refined type in turn. Reshapes with one dynamic result dimension get it
    from the element count. Users outside `dfg` that require the old type
    get a `tensor.cast` back to it; with `refine-function-results`, the
    function's result types follow the returned values.

    Run on a module, it refines each function after the functions it calls,
    and with a function's result types it updates its calls, so that the
    refined results flow on into the callers. A function keeps its
    signature (returning casts) where a use of it is not a call, or where it
    is part of a recursive cycle. Run on one function (nested,
    `func.func(dfg-infer-shapes)`), it cannot see the calls in other
    functions: it refines the body and keeps the signature.

    ```mlir
    // Before:
    %0 = dfg.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<?x?xf32>
    // After:
    %0 = dfg.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
  let options = [
    Option<"refineFunctionResults", "refine-function-results", "bool",
           /*default=*/"true",
           "Update the functions' result types to the refined returned "
           "types, and their calls (when run on a module)">,
  ];
}

#endif // DFG_TRANSFORMS_SHAPE_PASSES_TD
