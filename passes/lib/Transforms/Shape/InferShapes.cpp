//===- InferShapes.cpp - Refine dfg tensor types --------------------------===//

#include "dfg/Transforms/Shape/Passes.h"

#include "dfg/Dialect/DFG/IR/DFGOps.h"
#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGINFERSHAPESPASS
#include "dfg/Transforms/Shape/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

/// Whether the user of `use` stays valid when the operand becomes more
/// refined: dfg ops compare shapes up to dynamic sizes, except the
/// optimizer updates, which require one exact type for the parameter, its
/// gradient and its state. func.return is handled by updating the
/// signature after the rewrite.
static bool acceptsRefinedOperand(OpOperand &use) {
  Operation *user = use.getOwner();
  if (isa<func::ReturnOp>(user))
    return true;
  if (!isa_and_present<DFGDialect>(user->getDialect()))
    return false;
  return !isa<SgdUpdateOp, MomentumUpdateOp, AdagradUpdateOp, AdamUpdateOp>(
      user);
}

/// Gives `result` the type `refined`; users that need the old type read it
/// through a tensor.cast.
static void refineResult(PatternRewriter &rewriter, OpResult result,
                         Type refined) {
  Type old = result.getType();
  SmallVector<OpOperand *> needCast;
  for (OpOperand &use : result.getUses())
    if (!acceptsRefinedOperand(use))
      needCast.push_back(&use);
  rewriter.modifyOpInPlace(result.getOwner(),
                           [&] { result.setType(refined); });
  if (needCast.empty())
    return;
  rewriter.setInsertionPointAfter(result.getOwner());
  Value cast = tensor::CastOp::create(rewriter, result.getLoc(), old, result);
  for (OpOperand *use : needCast)
    rewriter.modifyOpInPlace(use->getOwner(), [&] { use->set(cast); });
}

/// Refines `result` towards `shape` (compatible by construction); returns
/// whether anything changed.
static bool refineToShape(PatternRewriter &rewriter, OpResult result,
                          ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(result.getType());
  if (!areCompatibleShapes(type.getShape(), shape))
    return false;
  SmallVector<int64_t> joined = joinShapes(type.getShape(), shape);
  if (joined == type.getShape())
    return false;
  refineResult(rewriter, result, type.clone(joined));
  return true;
}

namespace {
/// Sets the result types of ops implementing InferTypeOpInterface to the
/// inferred ones where those are more refined.
struct RefineInferredTypes : RewritePattern {
  explicit RefineInferredTypes(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isa_and_present<DFGDialect>(op->getDialect()))
      return rewriter.notifyMatchFailure(op, "not a dfg op");
    auto infer = dyn_cast<InferTypeOpInterface>(op);
    if (!infer)
      return rewriter.notifyMatchFailure(op, "no result type inference");
    SmallVector<Type> inferred;
    // No location: a failure here is the verifier's to report, not ours.
    if (failed(infer.inferReturnTypes(
            op->getContext(), /*location=*/std::nullopt, op->getOperands(),
            op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
            op->getRegions(), inferred)))
      return rewriter.notifyMatchFailure(op, "type inference failed");
    bool changed = false;
    for (auto [result, type] : llvm::zip_equal(op->getResults(), inferred)) {
      // Sequences and optionals are not refined.
      auto tensor = dyn_cast<RankedTensorType>(type);
      if (tensor && isa<RankedTensorType>(result.getType()))
        changed |= refineToShape(rewriter, cast<OpResult>(result),
                                 tensor.getShape());
    }
    return success(changed);
  }
};

/// The sizes a reshape's shape operand fixes at compile time, one per
/// result dimension (std::nullopt where only the run knows): all of a
/// constant, the constant pieces of a concatenation (exporters build shapes
/// as Concat(Unsqueeze(Gather(Shape(x))), constant, ...)).
static SmallVector<std::optional<int64_t>> knownSizes(Value shape,
                                                      int64_t rank) {
  SmallVector<std::optional<int64_t>> sizes;
  auto append = [&](Value piece) {
    auto type = dyn_cast<RankedTensorType>(piece.getType());
    if (!type || type.getRank() != 1 || type.isDynamicDim(0))
      return false;
    DenseIntElementsAttr values;
    if (matchPattern(piece, m_Constant(&values))) {
      for (const APInt &v : values.getValues<APInt>())
        sizes.push_back(v.getSExtValue());
    } else {
      sizes.append(type.getDimSize(0), std::nullopt);
    }
    return true;
  };
  bool ok = true;
  if (auto concat = shape.getDefiningOp<ConcatOp>();
      concat && concat.getAxis() == 0)
    for (Value piece : concat.getInputs())
      ok &= append(piece);
  else
    ok = append(shape);
  if (!ok || static_cast<int64_t>(sizes.size()) != rank)
    return SmallVector<std::optional<int64_t>>(rank, std::nullopt);
  return sizes;
}

/// dfg.reshape: sizes its shape operand fixes at compile time, then one
/// dynamic result size from the element count. Once at most one size is
/// dynamic the shape operand is dropped: the element count implies it.
struct RefineReshape : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    if (Value shape = op.getShape()) {
      RankedTensorType type = op.getType();
      SmallVector<std::optional<int64_t>> known =
          knownSizes(shape, type.getRank());
      SmallVector<int64_t> refined(type.getShape());
      for (auto [size, value] : llvm::zip_equal(refined, known))
        if (ShapedType::isDynamic(size) && value && *value >= 0)
          size = *value;
      bool changed =
          refineToShape(rewriter, cast<OpResult>(op.getOutput()), refined);
      if (op.getType().getNumDynamicDims() <= 1) {
        rewriter.modifyOpInPlace(op, [&] { op.getShapeMutable().clear(); });
        changed = true;
      }
      if (changed)
        return success();
    }
    RankedTensorType type = op.getType();
    int64_t count = shapeProduct(op.getInput().getType().getShape());
    if (type.getNumDynamicDims() != 1 || ShapedType::isDynamic(count))
      return rewriter.notifyMatchFailure(op, "size not implied");
    int64_t known = 1;
    for (int64_t size : type.getShape())
      if (!ShapedType::isDynamic(size))
        known *= size;
    if (known == 0 || count % known != 0)
      return rewriter.notifyMatchFailure(op, "element count does not divide");
    SmallVector<int64_t> shape(type.getShape());
    for (int64_t &size : shape)
      if (ShapedType::isDynamic(size))
        size = count / known;
    return success(
        refineToShape(rewriter, cast<OpResult>(op.getOutput()), shape));
  }
};

/// dfg.cast keeps the shape of its input.
struct RefineCast : OpRewritePattern<CastOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(CastOp op,
                                PatternRewriter &rewriter) const override {
    return success(refineToShape(rewriter, cast<OpResult>(op.getOutput()),
                                 op.getInput().getType().getShape()));
  }
};

struct DFGInferShapesPass
    : dfg::impl::DFGInferShapesPassBase<DFGInferShapesPass> {
  using DFGInferShapesPassBase::DFGInferShapesPassBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    RewritePatternSet patterns(&getContext());
    populateShapeRefinementPatterns(patterns);
    GreedyRewriteConfig config;
    config.setMaxIterations(64);
    if (failed(applyPatternsGreedily(func, std::move(patterns), config))) {
      func.emitError("shape refinement did not converge");
      return signalPassFailure();
    }
    if (func.isExternal())
      return;
    auto ret = dyn_cast<func::ReturnOp>(func.getBody().back().getTerminator());
    if (!ret || func.getBody().getBlocks().size() != 1)
      return;
    if (refineFunctionResults) {
      func.setType(FunctionType::get(&getContext(), func.getArgumentTypes(),
                                     ret.getOperandTypes()));
      return;
    }
    // Keep the signature: returned values that were refined are cast back.
    OpBuilder builder(ret);
    for (auto [operand, type] :
         llvm::zip_equal(ret->getOpOperands(), func.getResultTypes())) {
      if (operand.get().getType() == type)
        continue;
      operand.set(tensor::CastOp::create(builder, ret.getLoc(), type,
                                         operand.get()));
    }
  }
};
} // namespace

void dfg::populateShapeRefinementPatterns(RewritePatternSet &patterns) {
  patterns.add<RefineInferredTypes, RefineReshape, RefineCast>(
      patterns.getContext());
  // Run-time parameters that refinement made constant (dfg.shape_of folds
  // once its input is static) turn the dynamic ops into their static forms,
  // whose results the patterns above then refine.
  DynamicSliceOp::getCanonicalizationPatterns(patterns, patterns.getContext());
  DynamicPadOp::getCanonicalizationPatterns(patterns, patterns.getContext());
}
