//===- AddSelfToMul.cpp - dfg.add(x, x) -> dfg.mul(x, 2) -----------------===//

#include "AddSelfToMul/Passes.h"

#include "dfg/Dialect/DFG/IR/DFGDialect.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace addselftomul {
#define GEN_PASS_DEF_DFGEXAMPLEADDSELFTOMUL
#include "AddSelfToMul/Passes.h.inc"
} // namespace addselftomul

using namespace mlir;

namespace {

struct AddSelfToMul : OpRewritePattern<dfg::AddOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(dfg::AddOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getLhs() != op.getRhs())
      return rewriter.notifyMatchFailure(op, "the operands differ");
    auto type = cast<RankedTensorType>(op.getLhs().getType());
    Type elementType = type.getElementType();
    Attribute two;
    if (isa<FloatType>(elementType))
      two = rewriter.getFloatAttr(elementType, 2.0);
    else if (elementType.isInteger() && elementType.getIntOrFloatBitWidth() > 2)
      two = rewriter.getIntegerAttr(elementType, 2);
    else
      return rewriter.notifyMatchFailure(op, "2 is not a value of the type");
    // A rank-0 constant: dfg.mul broadcasts it.
    auto scalarType = RankedTensorType::get({}, elementType);
    Value constant = dfg::ConstantOp::create(
        rewriter, op.getLoc(), DenseElementsAttr::get(scalarType, two));
    rewriter.replaceOpWithNewOp<dfg::MulOp>(op, op.getType(), op.getLhs(),
                                            constant);
    return success();
  }
};

struct DFGExampleAddSelfToMulPass
    : addselftomul::impl::DFGExampleAddSelfToMulBase<
          DFGExampleAddSelfToMulPass> {
  void runOnOperation() override {
    // A plugin that carries its own copy of the dialect sees op TypeIDs that
    // match nothing in the IR; say so instead of silently doing nothing.
    Dialect *loaded = getContext().getLoadedDialect("dfg");
    if (loaded && !isa<dfg::DFGDialect>(loaded)) {
      getOperation()->emitError()
          << "the loaded 'dfg' dialect is not the one this pass was built "
             "against (two copies of the dialect: a plugin must link "
             "DFG::DFGHeaders only and be loaded into dfg-opt)";
      return signalPassFailure();
    }
    RewritePatternSet patterns(&getContext());
    addselftomul::populateAddSelfToMulPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void addselftomul::populateAddSelfToMulPatterns(RewritePatternSet &patterns) {
  patterns.add<AddSelfToMul>(patterns.getContext());
}
