// RUN: dfg-opt %s --split-input-file --verify-diagnostics --dfg-emit-model-descriptor

// expected-error@+1 {{dfg-emit-model-descriptor: the module has no entry function 'main_graph'}}
module {
  llvm.func @other()
}

// -----

// expected-error@+1 {{dfg-emit-model-descriptor: the entry function 'main_graph' has no dfg.model_signature attribute (dfg-compile records it before lowering)}}
llvm.func @main_graph()
llvm.func @_mlir_ciface_main_graph(!llvm.ptr)

// -----

// expected-error@+1 {{malformed dfg.model_signature: expected a dictionary {inputs = [...], outputs = [...]}}}
llvm.func @main_graph() attributes {dfg.model_signature = [tensor<4xf32>]}

// -----

// expected-error@+1 {{malformed dfg.model_signature: output #0 is not a {name, type} dictionary}}
llvm.func @main_graph() attributes {dfg.model_signature = {
    inputs = [], outputs = [{name = "y"}]}}

// -----

// expected-error@+1 {{input 'x' has type 'memref<4xf32>'; a compiled model takes and returns ranked tensors only}}
llvm.func @main_graph() attributes {dfg.model_signature = {
    inputs = [{name = "x", type = memref<4xf32>}], outputs = []}}

// -----

// expected-error@+1 {{output 'y' has element type 'complex<f32>', which the runtime does not support}}
llvm.func @main_graph() attributes {dfg.model_signature = {
    inputs = [], outputs = [{name = "y", type = tensor<4xcomplex<f32>>}]}}

// -----

// expected-error@+1 {{input 'x' has element type 'i4', which the runtime does not support}}
llvm.func @main_graph() attributes {dfg.model_signature = {
    inputs = [{name = "x", type = tensor<4xi4>}], outputs = []}}

// -----

// expected-error@+1 {{the lowered module has no '_mlir_ciface_main_graph' (was the entry marked for the C interface?)}}
module {
  llvm.func @main_graph() attributes {dfg.model_signature = {
      inputs = [{name = "x", type = tensor<4xf32>}], outputs = []}}
}

// -----

llvm.func @main_graph() attributes {dfg.model_signature = {
    inputs = [{name = "x", type = tensor<4xf32>}],
    outputs = [{name = "y", type = tensor<4xf32>}]}}
// expected-error@+1 {{'_mlir_ciface_main_graph' takes 1 arguments; expected a result pointer, 1 input descriptors}}
llvm.func @_mlir_ciface_main_graph(!llvm.ptr)

// -----

// expected-error@+1 {{dfg.arena refers to argument 1, not an input}}
llvm.func @main_graph() attributes {dfg.model_signature = {
    inputs = [{name = "x", type = tensor<?xf32>}], outputs = []},
    dfg.arena = [array<i64: 64, 1, 0>]}
llvm.func @_mlir_ciface_main_graph(!llvm.ptr, !llvm.ptr)

// -----

// expected-error@+1 {{malformed dfg.arena attribute}}
llvm.func @main_graph() attributes {dfg.model_signature = {
    inputs = [{name = "x", type = tensor<?xf32>}], outputs = []},
    dfg.arena = [array<i64: 64, 0>]}
llvm.func @_mlir_ciface_main_graph(!llvm.ptr, !llvm.ptr)

// -----

// expected-error@+1 {{the module already defines 'dfg_model_descriptor'}}
module {
  llvm.func @main_graph() attributes {dfg.model_signature = {
      inputs = [{name = "x", type = tensor<4xf32>}], outputs = []}}
  llvm.func @_mlir_ciface_main_graph(!llvm.ptr)
  llvm.mlir.global external constant @dfg_model_descriptor(0 : i64) : i64
}
