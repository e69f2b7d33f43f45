//===- CodegenAttr.cpp - per-op code-generation choices -------------------===//

#include "dfg/Transforms/Codegen/CodegenAttr.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace mlir::dfg;

FailureOr<CodegenOverrides> mlir::dfg::getCodegenOverrides(Operation *op,
                                                           StringRef passName) {
  CodegenOverrides overrides;
  Attribute attr = op->getAttr(kCodegenAttr);
  if (!attr)
    return overrides;
  auto dict = dyn_cast<DictionaryAttr>(attr);
  if (!dict)
    return op->emitError() << passName << ": " << kCodegenAttr
                           << " must be a dictionary, found " << attr;
  for (NamedAttribute entry : dict) {
    StringRef key = entry.getName().strref();
    Attribute value = entry.getValue();
    if (key == "tile_m" || key == "tile_n") {
      auto size = dyn_cast<IntegerAttr>(value);
      if (!size || !isa<IntegerType>(size.getType()) ||
          size.getValue().getSignificantBits() > 64 || size.getInt() <= 0)
        return op->emitError()
               << passName << ": " << kCodegenAttr << " " << key
               << " must be a positive integer, found " << value;
      (key == "tile_m" ? overrides.tileM : overrides.tileN) = size.getInt();
      continue;
    }
    if (key == "pack_rhs" || key == "im2col") {
      auto flag = dyn_cast<BoolAttr>(value);
      if (!flag)
        return op->emitError() << passName << ": " << kCodegenAttr << " " << key
                               << " must be a boolean, found " << value;
      (key == "pack_rhs" ? overrides.packRhs : overrides.im2col) =
          flag.getValue();
      continue;
    }
    return op->emitError() << passName << ": " << kCodegenAttr
                           << " has an unknown key '" << key
                           << "' (expected tile_m, tile_n, pack_rhs, im2col)";
  }
  return overrides;
}

DictionaryAttr mlir::dfg::buildCodegenAttr(MLIRContext *context,
                                           const CodegenOverrides &overrides) {
  Builder builder(context);
  SmallVector<NamedAttribute> entries;
  if (overrides.tileM)
    entries.push_back(builder.getNamedAttr(
        "tile_m", builder.getI64IntegerAttr(*overrides.tileM)));
  if (overrides.tileN)
    entries.push_back(builder.getNamedAttr(
        "tile_n", builder.getI64IntegerAttr(*overrides.tileN)));
  if (overrides.packRhs)
    entries.push_back(builder.getNamedAttr(
        "pack_rhs", builder.getBoolAttr(*overrides.packRhs)));
  if (overrides.im2col)
    entries.push_back(
        builder.getNamedAttr("im2col", builder.getBoolAttr(*overrides.im2col)));
  return builder.getDictionaryAttr(entries);
}
