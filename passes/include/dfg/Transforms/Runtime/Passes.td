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

def DFGGuardDynamicSizesPass
    : Pass<"dfg-guard-dynamic-sizes", "::mlir::ModuleOp"> {
  let summary = "Check the sizes of tensors created at run time before they "
                "are allocated";
  let description = [{
    A tensor whose dimensions are known only at run time may get them from
    data: ConstantOfShape, Expand, Tile, Range or a Pad whose amounts are
    an input. A negative dimension, an element count that overflows 64
    bits, or a size beyond what the machine can give would otherwise
    become a wrong answer, an out-of-bounds write or an allocation the
    out-of-memory killer ends.

    Before each `tensor.empty`, `tensor.pad` and `tensor.generate` with a
    dynamic result dimension, this pass inserts calls of the runtime's
    guards (lib/Runtime): `dfg_rt_guard_dim(acc, dim)` once per dimension,
    which fails on a negative one and returns the saturated product, and
    `dfg_rt_guard_bytes(bytes, site)`, which fails when the tensor's bytes
    exceed the model's limit (`dfg_model_set_arena_limit`; by default the
    machine's physical memory). A failing guard ends the run with
    `DFG_ERR_OUT_OF_MEMORY` (or `DFG_ERR_SHAPE_MISMATCH` for a negative
    dimension) and a message naming `site`: the op's source location, which
    names the ONNX node. Only for code linked with DFG's runtime
    (`dfg-compile`; the `runtime-guards` option of `dfg-lower-to-llvm`).

    ```mlir
    %e = tensor.empty(%n) : tensor<?x4xf32>
    // becomes
    %c16 = arith.constant 16 : i64     // 4 x 4 bytes
    %n64 = arith.index_cast %n : index to i64
    %b = func.call @dfg_rt_guard_dim(%c16, %n64) : (i64, i64) -> i64
    func.call @dfg_rt_guard_bytes(%b, %site) : (i64, !llvm.ptr) -> ()
    %e = tensor.empty(%n) : tensor<?x4xf32>
    ```
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::arith::ArithDialect"];
}

#endif // DFG_TRANSFORMS_RUNTIME_PASSES_TD
