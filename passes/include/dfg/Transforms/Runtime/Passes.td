//===- Passes.td - dfg passes for the runtime ------------------*- tablegen -*-===//

#ifndef DFG_TRANSFORMS_RUNTIME_PASSES_TD
#define DFG_TRANSFORMS_RUNTIME_PASSES_TD

include "mlir/Pass/PassBase.td"

def DFGEmitModelDescriptorPass
    : Pass<"dfg-emit-model-descriptor", "::mlir::ModuleOp"> {
  let summary = "Emit the model descriptor and entry trampoline the runtime "
                "calls";
  let description = [{
    The last step of `dfg-compile` on the LLVM dialect: adds the globals of
    `dfg/Runtime/ModelABI.h` that the C runtime linked next to the model
    reads, the `dfg_model_descriptor` table (ABI version, the inputs' and
    outputs' names, `dfg_dtype` codes and dimensions, the arena size
    formula, the named dimensions that must agree) and the trampoline
    `dfg_model_entry(void **args)` that calls `_mlir_ciface_<entry>`.

    The signature comes from the entry function's `dfg.model_signature`
    attribute, which `dfg-compile` records before lowering (the names and
    the tensor types are gone by then); the arena formula from its
    `dfg.arena` attribute (`dfg-plan-memory{arena-argument}`). Element types
    map to codes through `dfg/Runtime/DTypes.def`, the table the runtime is
    built from; the structs' fields come from the X-macros of ModelABI.h.

    ```mlir
    llvm.func @main_graph(...) attributes {dfg.model_signature = {
      inputs = [
        {name = "x", type = tensor<?x4xf32>, dim_names = ["N", ""]}
      ],
      outputs = [
        {name = "y", type = tensor<?x4xf32>}
      ]}}
    llvm.func @_mlir_ciface_main_graph(%result: !llvm.ptr, %x: !llvm.ptr)
    // Adds:
    llvm.mlir.global external hidden constant @dfg_model_descriptor()
        : !llvm.struct<(i64, i64, i64, ptr, ptr, ptr, ptr, ptr, ptr)>
    llvm.func @dfg_model_entry(%args: !llvm.ptr)
    ```
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"main_graph\"",
           "The model's entry function">,
  ];
}

#endif // DFG_TRANSFORMS_RUNTIME_PASSES_TD
