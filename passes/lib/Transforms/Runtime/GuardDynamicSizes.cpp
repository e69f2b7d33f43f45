//===- GuardDynamicSizes.cpp - check run-time sizes before allocating ----===//
//
// Calls of the runtime's size guards in front of every tensor that is
// created with a dimension known only at run time (see Passes.td).
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Runtime/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGGUARDDYNAMICSIZESPASS
#include "dfg/Transforms/Runtime/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

static constexpr StringLiteral kGuardDim = "dfg_rt_guard_dim";
static constexpr StringLiteral kGuardBytes = "dfg_rt_guard_bytes";

/// What a failing guard names: the ONNX node of the op, or its source
/// location.
static std::string describeSite(Location loc) {
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (isa<NameLoc, FileLineColLoc>(inner))
        return describeSite(inner);
  if (auto name = dyn_cast<NameLoc>(loc)) {
    StringRef text = name.getName().getValue();
    size_t paren = text.rfind(" (");
    if (paren != StringRef::npos && text.ends_with(")"))
      return ("node '" + text.substr(0, paren) + "'" + text.substr(paren))
          .str();
    return ("'" + text + "'").str();
  }
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return (file.getFilename().getValue() + ":" + Twine(file.getLine()) + ":" +
            Twine(file.getColumn()))
        .str();
  return "an op with no location";
}

/// Bytes of one element of `type`, rounded up to whole bytes (i1 is one).
static int64_t elementBytes(Type type) {
  return std::max<int64_t>(1, (type.getIntOrFloatBitWidth() + 7) / 8);
}

namespace {
struct GuardDynamicSizesPass
    : public dfg::impl::DFGGuardDynamicSizesPassBase<GuardDynamicSizesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    SmallVector<Operation *> sites;
    module.walk([&](Operation *op) {
      if (!isa<tensor::EmptyOp, tensor::PadOp, tensor::GenerateOp>(op))
        return;
      auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
      // A static zero: no elements whatever the dynamic sizes are.
      if (type && !type.hasStaticShape() &&
          type.getElementType().isIntOrFloat() &&
          !llvm::is_contained(type.getShape(), 0))
        sites.push_back(op);
    });
    if (sites.empty())
      return;

    OpBuilder builder(ctx);
    builder.setInsertionPointToStart(module.getBody());
    Type i64 = builder.getI64Type();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    auto declare = [&](StringRef name, FunctionType type) {
      if (module.lookupSymbol(name))
        return;
      auto func = func::FuncOp::create(builder, module.getLoc(), name, type);
      func.setPrivate();
    };
    declare(kGuardDim, builder.getFunctionType({i64, i64}, {i64}));
    declare(kGuardBytes, builder.getFunctionType({i64, ptr}, {}));

    llvm::StringMap<LLVM::GlobalOp> siteNames;
    for (Operation *op : sites) {
      std::string site = describeSite(op->getLoc());
      LLVM::GlobalOp global = siteNames.lookup(site);
      if (!global) {
        OpBuilder::InsertionGuard guard(builder);
        builder.setInsertionPointToStart(module.getBody());
        std::string text = site + '\0';
        auto arrayType =
            LLVM::LLVMArrayType::get(builder.getI8Type(), text.size());
        global = LLVM::GlobalOp::create(
            builder, module.getLoc(), arrayType, /*isConstant=*/true,
            LLVM::Linkage::Internal,
            ("dfg_guard_site_" + Twine(siteNames.size())).str(),
            builder.getStringAttr(text));
        siteNames[site] = global;
      }

      // The result's sizes in terms of the op's operands.
      builder.setInsertionPoint(op);
      Location loc = op->getLoc();
      ReifiedRankedShapedTypeDims reified;
      if (failed(reifyResultShapes(builder, op, reified))) {
        op->emitError() << "dfg-guard-dynamic-sizes: cannot compute the "
                           "result's sizes";
        return signalPassFailure();
      }
      auto type = cast<RankedTensorType>(op->getResult(0).getType());
      // The element size and the static dimensions start the product,
      // saturated like the guards'.
      uint64_t staticBytes = elementBytes(type.getElementType());
      for (int64_t d : type.getShape())
        if (!ShapedType::isDynamic(d))
          staticBytes = llvm::SaturatingMultiply<uint64_t>(staticBytes, d);
      Value bytes = arith::ConstantIntOp::create(
          builder, loc, i64,
          static_cast<int64_t>(std::min<uint64_t>(
              staticBytes, std::numeric_limits<int64_t>::max())));
      for (auto [d, size] : llvm::enumerate(reified.front())) {
        if (!type.isDynamicDim(d))
          continue;
        Value dim = getValueOrCreateConstantIndexOp(builder, loc, size);
        Value dim64 = arith::IndexCastOp::create(builder, loc, i64, dim);
        bytes = func::CallOp::create(builder, loc, kGuardDim, TypeRange{i64},
                                     ValueRange{bytes, dim64})
                    .getResult(0);
      }
      Value name = LLVM::AddressOfOp::create(builder, loc, global);
      func::CallOp::create(builder, loc, kGuardBytes, TypeRange{},
                           ValueRange{bytes, name});
    }
  }
};
} // namespace
