// RUN: dfg-opt %s --dfg-emit-model-descriptor=entry=run | FileCheck %s --check-prefix=ENTRY

// Another entry (the `entry` option), no outputs, no arena, no named
// dimension: the trampoline passes the input alone, and the descriptor
// holds null pointers.
// ENTRY-LABEL: llvm.func @dfg_model_entry(%{{.*}}: !llvm.ptr)
// ENTRY: llvm.getelementptr %{{.*}}[1]
// ENTRY: llvm.call @_mlir_ciface_run(%{{.*}}) : (!llvm.ptr) -> ()
// ENTRY-NOT: @dfg_model.outputs
// ENTRY-NOT: @dfg_model.arena
// ENTRY-NOT: @dfg_model.dim_groups
// ENTRY-LABEL: @dfg_model_descriptor()
// ENTRY: llvm.mlir.constant(1 : i64)
// ENTRY-NEXT: llvm.insertvalue %{{.*}}[1]
// ENTRY-NEXT: llvm.mlir.constant(0 : i64)
// ENTRY-NEXT: llvm.insertvalue %{{.*}}[2]
// ENTRY-NEXT: llvm.mlir.addressof @dfg_model.inputs
// ENTRY-NEXT: llvm.insertvalue %{{.*}}[3]
// ENTRY-NEXT: llvm.mlir.zero : !llvm.ptr
// ENTRY-NEXT: llvm.insertvalue %{{.*}}[4]
// ENTRY: llvm.mlir.zero : !llvm.ptr
// ENTRY-NEXT: llvm.insertvalue %{{.*}}[6]
// ENTRY-NEXT: llvm.mlir.zero : !llvm.ptr
// ENTRY-NEXT: llvm.insertvalue %{{.*}}[7]
// ENTRY-NEXT: llvm.mlir.zero : !llvm.ptr
// ENTRY-NEXT: llvm.insertvalue %{{.*}}[8]
llvm.func @run() attributes {
  dfg.model_signature = {
    inputs = [{name = "in", type = tensor<3xf64>}], outputs = []}}
llvm.func @_mlir_ciface_run(!llvm.ptr)
