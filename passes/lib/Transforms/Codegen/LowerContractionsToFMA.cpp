//===- LowerContractionsToFMA.cpp - vector.contract as FMAs ---------------===//

#include "Utils.h"

#include "dfg/Transforms/Codegen/Passes.h"

#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGLOWERCONTRACTIONSTOFMAPASS
#include "dfg/Transforms/Codegen/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

void mlir::dfg::populateContractionToFMAPatterns(RewritePatternSet &patterns) {
  vector::populateVectorContractLoweringPatterns(
      patterns, vector::VectorContractLowering::OuterProduct);
  vector::populateVectorOuterProductLoweringPatterns(patterns);
  vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
  vector::populateVectorMultiReductionLoweringPatterns(
      patterns, vector::VectorMultiReductionLowering::InnerParallel);
  // Partial tiles: vector.mask regions around transfers become masked
  // transfers, which bufferize and lower like unmasked ones.
  vector::populateVectorMaskLoweringPatternsForSideEffectingOps(patterns);
}

namespace {
struct LowerContractionsToFMAPass
    : public dfg::impl::DFGLowerContractionsToFMAPassBase<
          LowerContractionsToFMAPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    RewritePatternSet patterns(&getContext());
    populateContractionToFMAPatterns(patterns);
    (void)applyPatternsGreedily(func, std::move(patterns));
    // Drops the tensor iter_args the hoisting left unused.
    codegen::canonicalize(func);
  }
};
} // namespace
