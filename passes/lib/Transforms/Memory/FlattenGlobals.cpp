//===- FlattenGlobals.cpp - one-dimensional memref globals ----------------===//
//
// A multi-dimensional global as a one-dimensional one and an expand_shape
// at each use, so that LLVM sees one constant per weight rather than one
// per innermost row (see Passes.td).
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Memory/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGFLATTENGLOBALSPASS
#include "dfg/Transforms/Memory/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

/// `value` with the type `type` (the same elements), if it is a dense or a
/// dense resource attribute; a resource keeps its blob.
static Attribute reshapeInitialValue(Attribute value, RankedTensorType type) {
  if (auto dense = dyn_cast<DenseElementsAttr>(value))
    return dense.reshape(type);
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
    return DenseResourceElementsAttr::get(type, resource.getRawHandle());
  return {};
}

namespace {
struct FlattenGlobalsPass
    : public dfg::impl::DFGFlattenGlobalsPassBase<FlattenGlobalsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    // The uses of every global, in one walk (a symbol-use query per global
    // would walk the module once per weight).
    llvm::StringMap<SmallVector<memref::GetGlobalOp>> getGlobals;
    DenseSet<StringRef> otherUses;
    module.walk([&](Operation *op) {
      if (auto getGlobal = dyn_cast<memref::GetGlobalOp>(op)) {
        getGlobals[getGlobal.getName()].push_back(getGlobal);
        return;
      }
      if (isa<memref::GlobalOp>(op))
        return;
      for (NamedAttribute attr : op->getAttrs())
        attr.getValue().walk([&](SymbolRefAttr ref) {
          otherUses.insert(ref.getRootReference().getValue());
        });
    });

    for (auto global : module.getOps<memref::GlobalOp>()) {
      MemRefType type = global.getType();
      if (type.getRank() < 2 || !type.hasStaticShape() ||
          !type.getLayout().isIdentity() || global.isPublic() ||
          otherUses.contains(global.getSymName()))
        continue;
      MemRefType flatType =
          MemRefType::get({type.getNumElements()}, type.getElementType(),
                          MemRefLayoutAttrInterface(), type.getMemorySpace());
      Attribute initialValue;
      if (std::optional<Attribute> value = global.getInitialValue()) {
        initialValue = reshapeInitialValue(
            *value,
            RankedTensorType::get(flatType.getShape(), type.getElementType()));
        if (!initialValue)
          continue;
      }

      global.setType(flatType);
      if (initialValue)
        global.setInitialValueAttr(initialValue);
      ReassociationIndices all =
          llvm::to_vector(llvm::seq<int64_t>(0, type.getRank()));
      for (memref::GetGlobalOp getGlobal : getGlobals[global.getSymName()]) {
        OpBuilder builder(getGlobal);
        Location loc = getGlobal.getLoc();
        auto flat = memref::GetGlobalOp::create(builder, loc, flatType,
                                                global.getSymName());
        auto expanded = memref::ExpandShapeOp::create(builder, loc, type, flat,
                                                      ArrayRef{all});
        getGlobal.replaceAllUsesWith(expanded.getResult());
        getGlobal.erase();
      }
    }
  }
};
} // namespace
