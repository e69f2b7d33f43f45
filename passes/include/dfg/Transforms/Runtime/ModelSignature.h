//===- ModelSignature.h - a model's inputs and outputs ----------*- C++ -*-===//
//
// The names, element types and shapes of a compiled model's inputs and
// outputs: what the model descriptor (dfg/Runtime/ModelABI.h) and the
// generated C header describe. The compiler records them on the entry
// function, as the `dfg.model_signature` attribute, before lowering erases
// the tensor types and the names; dfg-emit-model-descriptor reads them back
// from the lowered function.
//
//   dfg.model_signature = {
//     inputs = [{name = "x", type = tensor<?x3xf32>, dim_names = ["N", ""]}],
//     outputs = [{name = "y", type = tensor<?x3xf32>}]}
//
//===----------------------------------------------------------------------===//

#ifndef DFG_TRANSFORMS_RUNTIME_MODELSIGNATURE_H
#define DFG_TRANSFORMS_RUNTIME_MODELSIGNATURE_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/Support/LLVM.h"

#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <string>

namespace mlir::dfg {

/// One input or output of a model. `dtype` is a `dfg_dtype` code (ONNX's
/// TensorProto.DataType); `shape` holds -1 for a dynamic dimension.
struct TensorSignature {
  std::string name;
  int32_t dtype = 0;
  SmallVector<int64_t> shape;
  /// The ONNX name of each dimension ("" where it has none), or empty when
  /// no dimension is named. Inputs' dimensions with one name must agree.
  SmallVector<std::string> dimNames;
};

/// The inputs and outputs of a model, in the entry function's order.
struct ModelSignature {
  SmallVector<TensorSignature> inputs;
  SmallVector<TensorSignature> outputs;
};

/// The name of the attribute that carries a model's signature on its entry
/// function.
inline constexpr llvm::StringLiteral kModelSignatureAttrName =
    "dfg.model_signature";

/// The `dfg.model_signature` attribute of `func` in the imported form: its
/// argument and result types, their `dfg.name`s (`input<i>`/`output<i>`
/// where there is none) and the inputs' `dfg.dim_params`. Checks nothing:
/// `parseModelSignature` does.
DictionaryAttr buildModelSignatureAttr(func::FuncOp func);

/// Reads a `dfg.model_signature` attribute. Diagnoses at `loc` what a
/// compiled model cannot take or return (a type other than a ranked tensor,
/// an element type the runtime does not carry) and a malformed attribute.
FailureOr<ModelSignature> parseModelSignature(Attribute attr, Location loc);

} // namespace mlir::dfg

#endif // DFG_TRANSFORMS_RUNTIME_MODELSIGNATURE_H
