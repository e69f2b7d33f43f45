//===- Utils.cpp - helpers shared by the code generation passes -----------===//

#include "Utils.h"

#include "dfg/Transforms/Codegen/Passes.h"

#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;
using namespace mlir::dfg;

void codegen::peelLoops(RewriterBase &rewriter,
                        ArrayRef<LoopLikeOpInterface> loops) {
  for (LoopLikeOpInterface loop : llvm::reverse(loops)) {
    auto forOp = dyn_cast<scf::ForOp>(loop.getOperation());
    if (!forOp)
      continue;
    scf::ForOp partial;
    // Fails (and changes nothing) when the step divides the trip count.
    if (failed(scf::peelForLoopAndSimplifyBounds(rewriter, forOp, partial)))
      continue;
    // The partial iteration runs once at most: nothing to run in parallel
    // (the marked loops inside it still may).
    partial->removeAttr(kParallelLoopAttr);
  }
}

/// Whether a convolution or pooling has all strides 1.
FailureOr<scf::SCFTilingResult>
codegen::tileAndReplace(RewriterBase &rewriter, linalg::LinalgOp op,
                        ArrayRef<int64_t> sizes,
                        ArrayRef<int64_t> interchange) {
  rewriter.setInsertionPoint(op);
  scf::SCFTilingOptions options;
  options.setTileSizes(getAsIndexOpFoldResult(rewriter.getContext(), sizes));
  if (!interchange.empty())
    options.setInterchange(interchange);
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (succeeded(tiled))
    rewriter.replaceOp(op, tiled->replacements);
  return tiled;
}

bool codegen::hasUnitStrides(Operation *op) {
  auto strides = op->getAttrOfType<DenseIntElementsAttr>("strides");
  return strides && llvm::all_of(strides.getValues<int64_t>(),
                                 [](int64_t stride) { return stride == 1; });
}

LogicalResult mlir::dfg::tileInnermostForVectorization(RewriterBase &rewriter,
                                                       linalg::LinalgOp op,
                                                       int64_t innerTile) {
  if (!op.hasPureTensorSemantics() || op.getNumLoops() == 0 ||
      op.getNumReductionLoops() != 0 ||
      !llvm::all_of(op.getIndexingMapsArray(),
                    [](AffineMap map) { return map.isProjectedPermutation(); }))
    return rewriter.notifyMatchFailure(op, "not an elementwise op");
  unsigned numLoops = op.getNumLoops();
  SmallVector<int64_t> tileSizes(numLoops, 1);
  tileSizes.back() = innerTile;
  FailureOr<scf::SCFTilingResult> tiled =
      codegen::tileAndReplace(rewriter, op, tileSizes);
  if (failed(tiled))
    return rewriter.notifyMatchFailure(op, "tiling failed");
  SmallVector<int64_t> vectorSizes(numLoops, 1);
  vectorSizes.back() = innerTile;
  for (Operation *tiledOp : tiled->tiledOps)
    tiledOp->setAttr(kVectorSizesAttr,
                     rewriter.getDenseI64ArrayAttr(vectorSizes));
  // Every loop of an elementwise op is parallel.
  for (LoopLikeOpInterface loop : tiled->loops)
    loop->setAttr(kParallelLoopAttr, rewriter.getUnitAttr());
  codegen::peelLoops(rewriter, tiled->loops);
  return success();
}

void mlir::dfg::populateCodegenCanonicalizationPatterns(
    RewritePatternSet &patterns) {
  // A fixed list, so that the result does not depend on which other
  // dialects the tool happens to have loaded: the dialects the tiled and
  // vectorized code is made of.
  static constexpr StringLiteral kDialects[] = {"affine", "arith",  "linalg",
                                                "scf",    "tensor", "vector"};
  MLIRContext *ctx = patterns.getContext();
  for (StringRef name : kDialects)
    if (Dialect *dialect = ctx->getLoadedDialect(name))
      dialect->getCanonicalizationPatterns(patterns);
  for (RegisteredOperationName op : ctx->getRegisteredOperations())
    if (llvm::is_contained(kDialects, op.getDialectNamespace()))
      op.getCanonicalizationPatterns(patterns, ctx);
}

void codegen::canonicalize(Operation *root) {
  RewritePatternSet patterns(root->getContext());
  populateCodegenCanonicalizationPatterns(patterns);
  (void)applyPatternsGreedily(root, std::move(patterns));
}
