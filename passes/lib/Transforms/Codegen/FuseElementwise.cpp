//===- FuseElementwise.cpp - bounded elementwise fusion ------------------===//
//
// The patterns of upstream's linalg-fuse-elementwise-ops, under a control
// function that also bounds the size of the fused body (see Passes.td).
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Codegen/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGFUSEELEMENTWISEPASS
#include "dfg/Transforms/Codegen/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

/// Operations in the body of a linalg op (its yield included); 0 for any
/// other producer.
static int64_t bodySize(Operation *op) {
  auto linalgOp = dyn_cast_or_null<linalg::LinalgOp>(op);
  if (!linalgOp || linalgOp->getNumRegions() != 1 ||
      linalgOp->getRegion(0).empty())
    return 0;
  return static_cast<int64_t>(linalgOp.getBlock()->getOperations().size());
}

namespace {
struct FuseElementwisePass
    : public dfg::impl::DFGFuseElementwisePassBase<FuseElementwisePass> {
  using Base::Base;

  void runOnOperation() override {
    if (maxBodyOps < 1) {
      getOperation().emitError() << "dfg-fuse-elementwise: max-body-ops must "
                                    "be positive, got "
                                 << maxBodyOps.getValue();
      return signalPassFailure();
    }
    MLIRContext *context = &getContext();
    int64_t limit = maxBodyOps;
    // Upstream's rule (the producer has no other user), plus the bound: the
    // fused body holds both bodies less the producer's yield.
    linalg::ControlFusionFn fuse = [limit](OpOperand *fused) {
      Operation *producer = fused->get().getDefiningOp();
      if (!producer || !producer->hasOneUse())
        return false;
      return bodySize(producer) - 1 + bodySize(fused->getOwner()) <= limit;
    };
    linalg::ControlFusionFn oneUse = [](OpOperand *fused) {
      Operation *producer = fused->get().getDefiningOp();
      return producer && producer->hasOneUse();
    };
    RewritePatternSet patterns(context);
    linalg::populateElementwiseOpsFusionPatterns(patterns, fuse);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, oneUse);
    tensor::populateBubbleUpExpandShapePatterns(patterns);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, context);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, context);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, context);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, context);
    context->getLoadedDialect<linalg::LinalgDialect>()
        ->getCanonicalizationPatterns(patterns);
    linalg::populateConstantFoldLinalgOperations(patterns, oneUse);
    GreedyRewriteConfig config;
    config.setUseTopDownTraversal(true);
    config.setMaxIterations(GreedyRewriteConfig::kNoLimit);
    if (failed(
            applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      getOperation().emitWarning()
          << "dfg-fuse-elementwise: the patterns did not converge";
  }
};
} // namespace
