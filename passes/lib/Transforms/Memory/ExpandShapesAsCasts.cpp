//===- ExpandShapesAsCasts.cpp - multi-dynamic expand_shapes as casts -----===//
//
// dfg-expand-shapes-as-casts: a memref.expand_shape with more than one
// run-time size in a reassociation group becomes a memref.reinterpret_cast,
// since LLVM 22's expand-strided-metadata crashes on it (see Passes.td).
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Memory/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGEXPANDSHAPESASCASTSPASS
#include "dfg/Transforms/Memory/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

namespace {
struct ExpandShapeAsCast : public OpRewritePattern<memref::ExpandShapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(memref::ExpandShapeOp op,
                                PatternRewriter &rewriter) const override {
    MemRefType resultType = op.getResultType();
    SmallVector<ReassociationIndices> groups = op.getReassociationIndices();
    if (llvm::none_of(groups, [&](const ReassociationIndices &group) {
          return llvm::count_if(group, [&](int64_t d) {
                   return resultType.isDynamicDim(d);
                 }) > 1;
        }))
      return rewriter.notifyMatchFailure(op, "expand-strided-metadata's case");
    SmallVector<int64_t> resultStrides;
    int64_t resultOffset;
    if (failed(resultType.getStridesAndOffset(resultStrides, resultOffset)))
      return rewriter.notifyMatchFailure(op, "result is not strided");

    Location loc = op.getLoc();
    auto metadata =
        memref::ExtractStridedMetadataOp::create(rewriter, loc, op.getSrc());
    SmallVector<OpFoldResult> sourceStrides =
        metadata.getConstifiedMixedStrides();
    SmallVector<OpFoldResult> sizes = op.getMixedOutputShape();
    SmallVector<OpFoldResult> strides(resultType.getRank());
    AffineExpr s0, s1;
    bindSymbols(rewriter.getContext(), s0, s1);
    for (auto [source, group] : llvm::enumerate(groups)) {
      // Innermost first: the last dimension of a group has the source
      // dimension's stride, each other one the next stride times the next
      // size.
      OpFoldResult stride = sourceStrides[source];
      for (int64_t d : llvm::reverse(group)) {
        strides[d] = stride;
        stride = affine::makeComposedFoldedAffineApply(rewriter, loc, s0 * s1,
                                                       {stride, sizes[d]});
      }
    }
    // What the result type states statically, the operands state the same
    // (the verifier compares them).
    for (auto [stride, known] : llvm::zip(strides, resultStrides))
      if (!ShapedType::isDynamic(known))
        stride = rewriter.getIndexAttr(known);
    OpFoldResult offset = ShapedType::isDynamic(resultOffset)
                              ? metadata.getConstifiedMixedOffset()
                              : rewriter.getIndexAttr(resultOffset);
    for (auto [size, known] : llvm::zip(sizes, resultType.getShape()))
      if (!ShapedType::isDynamic(known))
        size = rewriter.getIndexAttr(known);
    rewriter.replaceOpWithNewOp<memref::ReinterpretCastOp>(
        op, resultType, metadata.getBaseBuffer(), offset, sizes, strides);
    return success();
  }
};

struct ExpandShapesAsCastsPass
    : public dfg::impl::DFGExpandShapesAsCastsPassBase<
          ExpandShapesAsCastsPass> {
  using Base::Base;

  void runOnOperation() override {
    // One rewrite per op, none creating another: a walk, not a fixpoint.
    SmallVector<memref::ExpandShapeOp> expands;
    getOperation().walk(
        [&](memref::ExpandShapeOp op) { expands.push_back(op); });
    PatternRewriter rewriter(&getContext());
    ExpandShapeAsCast pattern(&getContext());
    for (memref::ExpandShapeOp op : expands) {
      rewriter.setInsertionPoint(op);
      (void)pattern.matchAndRewrite(op, rewriter);
    }
  }
};
} // namespace
