//===- ResolveTensorDims.cpp - sizes from where they come from ------------===//
//
// tensor.dim of an op's result rewritten, repeatedly, as the size the op was
// given (its ReifyRankedShapedTypeOpInterface), with upstream's patterns but
// without the folding of the greedy driver's default: see Passes.td for why
// one-shot-bufferize needs this and must not see anything else change.
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Memory/Passes.h"

#include "mlir/Dialect/MemRef/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGRESOLVETENSORDIMSPASS
#include "dfg/Transforms/Memory/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

namespace {
struct ResolveTensorDimsPass
    : public dfg::impl::DFGResolveTensorDimsPassBase<ResolveTensorDimsPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<Operation *> dims;
    getOperation().walk([&](tensor::DimOp op) { dims.push_back(op); });
    if (dims.empty())
      return;
    RewritePatternSet patterns(&getContext());
    memref::populateResolveRankedShapedTypeResultDimsPatterns(patterns);
    // A loop's result and iter_arg have the init's sizes when the loop
    // yields a value of the iter_arg's (through insert_slices and
    // destination-passing ops). Also affine.min/max patterns, which have
    // nothing to match below: only tensor.dim ops are rewritten.
    scf::populateSCFForLoopCanonicalizationPatterns(patterns);
    // The dims and the dims the patterns create in their place, nothing
    // else; no folding, no constant deduplication.
    GreedyRewriteConfig config;
    config.setStrictness(GreedyRewriteStrictness::ExistingAndNewOps);
    config.enableFolding(false);
    config.enableConstantCSE(false);
    (void)applyOpPatternsGreedily(dims, std::move(patterns), config);
  }
};
} // namespace
