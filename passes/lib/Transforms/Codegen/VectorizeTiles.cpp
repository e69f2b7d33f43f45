//===- VectorizeTiles.cpp - the marked tiles as vector code ---------------===//

#include "Utils.h"

#include "dfg/Transforms/Codegen/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGVECTORIZETILESPASS
#include "dfg/Transforms/Codegen/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

/// Vectorizes every op marked with kVectorSizesAttr below `root`: without
/// masks when its shape is static (a full tile after peeling), with the
/// marked sizes and masks otherwise.
static void vectorizeMarkedOps(RewriterBase &rewriter, Operation *root) {
  SmallVector<linalg::LinalgOp> marked;
  root->walk([&](linalg::LinalgOp op) {
    if (op->hasAttr(kVectorSizesAttr))
      marked.push_back(op);
  });
  for (linalg::LinalgOp op : marked) {
    auto sizesAttr = op->getAttrOfType<DenseI64ArrayAttr>(kVectorSizesAttr);
    op->removeAttr(kVectorSizesAttr);
    SmallVector<int64_t> vectorSizes;
    if (op.hasDynamicShape())
      vectorSizes = llvm::to_vector(sizesAttr.asArrayRef());
    rewriter.setInsertionPoint(op);
    FailureOr<linalg::VectorizationResult> result = linalg::vectorize(
        rewriter, op, vectorSizes,
        // Spelled out rather than left empty: with an empty list, LLVM
        // 22.1.8's vectorizer builds masks whose type is a distinct
        // vector<...xi1> from the one the transfers expect (it prints the
        // same), which fails verification or leaves masked transfers that no
        // later lowering matches.
        /*inputScalableVecDims=*/SmallVector<bool>(vectorSizes.size(), false),
        /*vectorizeNDExtract=*/false, /*flatten1DDepthwiseConv=*/false,
        /*assumeDynamicDimsMatchVecSizes=*/false,
        /*createNamedContraction=*/true);
    // An op the vectorizer does not take stays a (tiled) linalg op, which
    // is slower but still correct.
    if (failed(result))
      continue;
    rewriter.replaceOp(op, result->replacements);
  }
}

void mlir::dfg::hoistVectorAccumulators(RewriterBase &rewriter,
                                        Operation *root) {
  // Post-order walk: inner loops first, so that what an inner loop hoists
  // becomes a candidate of the loop around it.
  SmallVector<scf::ForOp> loops;
  root->walk([&](scf::ForOp forOp) { loops.push_back(forOp); });
  for (scf::ForOp forOp : loops) {
    moveLoopInvariantCode(cast<LoopLikeOpInterface>(forOp.getOperation()));
    (void)hoistLoopInvariantSubsets(
        rewriter, cast<LoopLikeOpInterface>(forOp.getOperation()));
  }
}

namespace {
struct VectorizeTilesPass
    : public dfg::impl::DFGVectorizeTilesPassBase<VectorizeTilesPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    IRRewriter rewriter(&getContext());
    // Full tiles get their static shapes from the peeled bounds.
    codegen::canonicalize(func);
    vectorizeMarkedOps(rewriter, func);
    codegen::canonicalize(func);
    hoistVectorAccumulators(rewriter, func);
  }
};
} // namespace
