//===- ModelSignature.cpp - a model's inputs and outputs ------------------===//

#include "dfg/Transforms/Runtime/ModelSignature.h"

#include "dfg/Runtime/DTypes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace mlir::dfg;

static DictionaryAttr tensorEntry(Builder &builder, StringRef kind,
                                  unsigned index, Type type, StringAttr name,
                                  ArrayAttr dimNames) {
  SmallVector<NamedAttribute> fields = {
      builder.getNamedAttr(
          "name", name ? name : builder.getStringAttr(kind + Twine(index))),
      builder.getNamedAttr("type", TypeAttr::get(type))};
  if (dimNames)
    fields.push_back(builder.getNamedAttr("dim_names", dimNames));
  return builder.getDictionaryAttr(fields);
}

DictionaryAttr dfg::buildModelSignatureAttr(func::FuncOp func) {
  Builder builder(func.getContext());
  SmallVector<Attribute> inputs, outputs;
  for (auto [i, type] : llvm::enumerate(func.getArgumentTypes()))
    inputs.push_back(
        tensorEntry(builder, "input", i, type,
                    func.getArgAttrOfType<StringAttr>(i, "dfg.name"),
                    func.getArgAttrOfType<ArrayAttr>(i, "dfg.dim_params")));
  for (auto [i, type] : llvm::enumerate(func.getResultTypes()))
    outputs.push_back(tensorEntry(
        builder, "output", i, type,
        func.getResultAttrOfType<StringAttr>(i, "dfg.name"), ArrayAttr()));
  return builder.getDictionaryAttr(
      {builder.getNamedAttr("inputs", builder.getArrayAttr(inputs)),
       builder.getNamedAttr("outputs", builder.getArrayAttr(outputs))});
}

static FailureOr<TensorSignature> parseTensor(Attribute attr, StringRef kind,
                                              unsigned index, Location loc) {
  auto entry = dyn_cast<DictionaryAttr>(attr);
  auto name = entry ? entry.getAs<StringAttr>("name") : nullptr;
  auto typeAttr = entry ? entry.getAs<TypeAttr>("type") : nullptr;
  if (!name || !typeAttr)
    return emitError(loc) << "malformed " << kModelSignatureAttrName << ": "
                          << kind << " #" << index
                          << " is not a {name, type} dictionary";
  TensorSignature result;
  result.name = name.str();
  auto tensorType = dyn_cast<RankedTensorType>(typeAttr.getValue());
  if (!tensorType)
    return emitError(loc) << kind << " '" << result.name << "' has type "
                          << typeAttr.getValue()
                          << "; a compiled model takes and returns ranked "
                             "tensors only";
  std::optional<int32_t> dtype = getDTypeCode(tensorType.getElementType());
  if (!dtype)
    return emitError(loc) << kind << " '" << result.name
                          << "' has element type "
                          << tensorType.getElementType()
                          << ", which the runtime does not support";
  result.dtype = *dtype;
  for (int64_t dim : tensorType.getShape())
    result.shape.push_back(ShapedType::isDynamic(dim) ? -1 : dim);
  // The importer's names of dynamic dimensions (a static one needs none).
  auto dimNames = entry.getAs<ArrayAttr>("dim_names");
  if (dimNames && dimNames.size() == result.shape.size())
    for (auto [dim, nameAttr] : llvm::zip_equal(result.shape, dimNames)) {
      auto text = dyn_cast<StringAttr>(nameAttr);
      result.dimNames.push_back(dim < 0 && text ? text.str() : "");
    }
  if (llvm::all_of(result.dimNames,
                   [](const std::string &n) { return n.empty(); }))
    result.dimNames.clear();
  return result;
}

FailureOr<ModelSignature> dfg::parseModelSignature(Attribute attr,
                                                   Location loc) {
  auto dict = dyn_cast_or_null<DictionaryAttr>(attr);
  auto inputs = dict ? dict.getAs<ArrayAttr>("inputs") : nullptr;
  auto outputs = dict ? dict.getAs<ArrayAttr>("outputs") : nullptr;
  if (!inputs || !outputs)
    return emitError(loc) << "malformed " << kModelSignatureAttrName
                          << ": expected a dictionary {inputs = [...], "
                             "outputs = [...]}";
  ModelSignature signature;
  for (auto [i, input] : llvm::enumerate(inputs)) {
    FailureOr<TensorSignature> tensor = parseTensor(input, "input", i, loc);
    if (failed(tensor))
      return failure();
    signature.inputs.push_back(std::move(*tensor));
  }
  for (auto [i, output] : llvm::enumerate(outputs)) {
    FailureOr<TensorSignature> tensor = parseTensor(output, "output", i, loc);
    if (failed(tensor))
      return failure();
    signature.outputs.push_back(std::move(*tensor));
  }
  return signature;
}
