//===- InferShapes.cpp - Refine dfg tensor types --------------------------===//

#include "dfg/Transforms/Shape/Passes.h"

#include "dfg/Dialect/DFG/IR/DFGOps.h"
#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <algorithm>
#include <functional>

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
static void refineResult(RewriterBase &rewriter, OpResult result,
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

/// The dimensions of a tensor that a 1-D `piece` reads, when it is a
/// unit-stride dfg.slice of dfg.shape_of (the importer derives reshape sizes
/// that way): the tensor's static sizes, std::nullopt for its dynamic ones.
static std::optional<SmallVector<std::optional<int64_t>>>
dimensionsRead(Value piece) {
  auto slice = piece.getDefiningOp<SliceOp>();
  if (!slice || slice.getStarts().size() != 1 || slice.getStrides()[0] != 1)
    return std::nullopt;
  auto shapeOf = slice.getInput().getDefiningOp<ShapeOfOp>();
  if (!shapeOf)
    return std::nullopt;
  ArrayRef<int64_t> dims = shapeOf.getInput().getType().getShape();
  int64_t rank = dims.size();
  int64_t start = std::clamp<int64_t>(slice.getStarts()[0], 0, rank);
  int64_t limit = std::clamp<int64_t>(slice.getLimits()[0], start, rank);
  SmallVector<std::optional<int64_t>> sizes;
  for (int64_t size : dims.slice(start, limit - start))
    sizes.push_back(ShapedType::isDynamic(size) ? std::nullopt
                                                : std::optional(size));
  return sizes;
}

/// The elements of a static 0-d or 1-d integer tensor that are known at
/// compile time (std::nullopt for the others), or std::nullopt when `value`
/// is not such a tensor. Follows what exporters build reshape sizes from:
/// constants, dfg.shape_of read by a slice or a gather with a constant
/// index, reshapes between 0-d and 1-d, concatenations, products, and the
/// compare/select chains that spell out ONNX Reshape's 0 and -1 (PyTorch's
/// exporter with a dynamic batch): an element is known where the condition
/// and the chosen operand are.
static std::optional<SmallVector<std::optional<int64_t>>>
partialValues(Value value, unsigned depth = 0) {
  using Values = SmallVector<std::optional<int64_t>>;
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || type.getRank() > 1 || !type.hasStaticShape() ||
      !type.getElementType().isSignlessInteger() || depth > 16)
    return std::nullopt;
  int64_t count = type.getRank() == 0 ? 1 : type.getDimSize(0);
  DenseIntElementsAttr constant;
  if (matchPattern(value, m_Constant(&constant))) {
    Values result;
    for (const APInt &v : constant.getValues<APInt>())
      result.push_back(v.getBitWidth() == 1 ? int64_t(v.getZExtValue())
                                            : v.getSExtValue());
    if (static_cast<int64_t>(result.size()) != count)
      return std::nullopt;
    return result;
  }
  if (type.getRank() == 1)
    if (std::optional<Values> dims = dimensionsRead(value))
      if (static_cast<int64_t>(dims->size()) == count)
        return dims;
  // `operand` broadcast to `count` elements (one element repeats).
  auto broadcast = [&](Value operand) -> std::optional<Values> {
    std::optional<Values> values = partialValues(operand, depth + 1);
    if (!values)
      return std::nullopt;
    if (static_cast<int64_t>(values->size()) == count)
      return values;
    if (values->size() == 1)
      return Values(count, values->front());
    return std::nullopt;
  };
  Operation *op = value.getDefiningOp();
  if (!op)
    return std::nullopt;
  if (auto gather = dyn_cast<GatherOp>(op)) {
    auto shapeOf = gather.getInput().getDefiningOp<ShapeOfOp>();
    std::optional<Values> indices =
        partialValues(gather.getIndices(), depth + 1);
    if (!shapeOf || gather.getAxis() != 0 || !indices ||
        static_cast<int64_t>(indices->size()) != count)
      return std::nullopt;
    ArrayRef<int64_t> dims = shapeOf.getInput().getType().getShape();
    int64_t rank = dims.size();
    Values result;
    for (std::optional<int64_t> index : *indices) {
      if (index && *index < 0)
        index = *index + rank;
      if (!index || *index < 0 || *index >= rank ||
          ShapedType::isDynamic(dims[*index]))
        result.push_back(std::nullopt);
      else
        result.push_back(dims[*index]);
    }
    return result;
  }
  if (auto reshape = dyn_cast<ReshapeOp>(op)) {
    std::optional<Values> values = partialValues(reshape.getInput(), depth + 1);
    if (values && static_cast<int64_t>(values->size()) == count)
      return values;
    return std::nullopt;
  }
  if (auto concat = dyn_cast<ConcatOp>(op)) {
    if (concat.getAxis() != 0 || type.getRank() != 1)
      return std::nullopt;
    Values result;
    for (Value piece : concat.getInputs()) {
      auto pieceType = dyn_cast<RankedTensorType>(piece.getType());
      if (!pieceType || pieceType.getRank() != 1 || !pieceType.hasStaticShape())
        return std::nullopt;
      std::optional<Values> values = partialValues(piece, depth + 1);
      if (!values)
        values = Values(pieceType.getDimSize(0), std::nullopt);
      result.append(values->begin(), values->end());
    }
    if (static_cast<int64_t>(result.size()) != count)
      return std::nullopt;
    return result;
  }
  if (auto product = dyn_cast<ReduceOp>(op)) {
    if (product.getKind() != ReduceKind::Prod || count != 1)
      return std::nullopt;
    std::optional<Values> values = partialValues(product.getInput(), depth + 1);
    if (!values)
      return std::nullopt;
    std::optional<int64_t> total = 1;
    for (std::optional<int64_t> v : *values)
      total = total && v ? std::optional(*total * *v) : std::nullopt;
    return Values{total};
  }
  if (auto compare = dyn_cast<CompareOp>(op)) {
    if (compare.getPredicate() != ComparePredicate::EQ &&
        compare.getPredicate() != ComparePredicate::NE)
      return std::nullopt;
    std::optional<Values> lhs = broadcast(compare.getLhs());
    std::optional<Values> rhs = broadcast(compare.getRhs());
    if (!lhs || !rhs)
      return std::nullopt;
    bool equal = compare.getPredicate() == ComparePredicate::EQ;
    Values result;
    for (auto [l, r] : llvm::zip_equal(*lhs, *rhs))
      result.push_back(l && r ? std::optional<int64_t>((*l == *r) == equal)
                              : std::nullopt);
    return result;
  }
  if (auto select = dyn_cast<SelectOp>(op)) {
    std::optional<Values> condition = broadcast(select.getCondition());
    std::optional<Values> onTrue = broadcast(select.getOnTrue());
    std::optional<Values> onFalse = broadcast(select.getOnFalse());
    if (!condition)
      return std::nullopt;
    Values result;
    for (int64_t i = 0; i < count; ++i) {
      std::optional<int64_t> c = (*condition)[i];
      std::optional<Values> &chosen = c && *c ? onTrue : onFalse;
      result.push_back(c && chosen ? (*chosen)[i] : std::nullopt);
    }
    return result;
  }
  return std::nullopt;
}

/// The sizes a reshape's shape operand fixes at compile time, one per
/// result dimension (std::nullopt where only the run knows): all of a
/// constant, the constant pieces of a concatenation (exporters build shapes
/// as Concat(Unsqueeze(Gather(Shape(x))), constant, ...)), pieces that read
/// static dimensions of a tensor (a slice or gather of dfg.shape_of, or the
/// product of one) once refinement has made them static, and the
/// compare/select chains around them (see partialValues).
static SmallVector<std::optional<int64_t>> knownSizes(Value shape,
                                                      int64_t rank) {
  std::optional<SmallVector<std::optional<int64_t>>> sizes =
      partialValues(shape);
  if (!sizes || static_cast<int64_t>(sizes->size()) != rank)
    return SmallVector<std::optional<int64_t>>(rank, std::nullopt);
  return *sizes;
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

/// The func.return ops of `func`'s body.
static SmallVector<func::ReturnOp> returnOps(func::FuncOp func) {
  SmallVector<func::ReturnOp> returns;
  for (Block &block : func.getBody())
    if (auto ret = dyn_cast<func::ReturnOp>(block.getTerminator()))
      returns.push_back(ret);
  return returns;
}

/// The result types all of `func`'s returns agree on, or std::nullopt when
/// they differ (or nothing returns).
static std::optional<SmallVector<Type>> returnedTypes(func::FuncOp func) {
  SmallVector<func::ReturnOp> returns = returnOps(func);
  if (returns.empty())
    return std::nullopt;
  SmallVector<Type> types(returns.front().getOperandTypes());
  for (func::ReturnOp ret : returns)
    if (!llvm::equal(ret.getOperandTypes(), types))
      return std::nullopt;
  return types;
}

/// Casts every returned value whose type refinement changed back to the
/// declared result type, so that the signature stays valid.
static void castReturnsBack(func::FuncOp func) {
  for (func::ReturnOp ret : returnOps(func)) {
    OpBuilder builder(ret);
    for (auto [operand, type] :
         llvm::zip_equal(ret->getOpOperands(), func.getResultTypes())) {
      if (operand.get().getType() == type)
        continue;
      operand.set(tensor::CastOp::create(builder, ret.getLoc(), type,
                                         operand.get()));
    }
  }
}

/// The calls of `func` in `symbolTable`, or std::nullopt when the symbol is
/// used otherwise (taken as a value, named in an attribute): then its
/// signature cannot change.
static std::optional<SmallVector<CallOpInterface>>
callSites(func::FuncOp func, Operation *symbolTable) {
  std::optional<SymbolTable::UseRange> uses =
      SymbolTable::getSymbolUses(func, symbolTable);
  if (!uses)
    return std::nullopt;
  SmallVector<CallOpInterface> calls;
  for (const SymbolTable::SymbolUse &use : *uses) {
    auto call = dyn_cast<CallOpInterface>(use.getUser());
    if (!call || call.resolveCallable() != func.getOperation() ||
        call->getNumResults() != func.getNumResults())
      return std::nullopt;
    calls.push_back(call);
  }
  return calls;
}

struct DFGInferShapesPass
    : dfg::impl::DFGInferShapesPassBase<DFGInferShapesPass> {
  using DFGInferShapesPassBase::DFGInferShapesPassBase;

  LogicalResult initialize(MLIRContext *context) override {
    RewritePatternSet set(context);
    populateShapeRefinementPatterns(set);
    patterns = std::move(set);
    return success();
  }

  void runOnOperation() override {
    // Nested on one function, the pass cannot see (nor update) the calls in
    // its siblings: the body is refined, the signature kept.
    if (auto func = dyn_cast<func::FuncOp>(getOperation())) {
      if (failed(refineBody(func)))
        return signalPassFailure();
      castReturnsBack(func);
      return;
    }
    // On a module: callees before callers, so that a call's refined results
    // flow on into its caller. Functions in a recursive cycle keep their
    // signatures.
    recursive.clear();
    for (func::FuncOp func : callOrder()) {
      if (func.isExternal())
        continue;
      if (failed(refineBody(func)))
        return signalPassFailure();
      if (!refineFunctionResults || recursive.contains(func) ||
          failed(refineSignature(func)))
        castReturnsBack(func);
    }
  }

private:
  LogicalResult refineBody(func::FuncOp func) {
    GreedyRewriteConfig config;
    config.setMaxIterations(64);
    if (failed(applyPatternsGreedily(func, patterns, config)))
      return func.emitError("shape refinement did not converge");
    return success();
  }

  /// Sets `func`'s result types to the returned ones, and the result types
  /// of its calls with them (users of a call that need the old type read it
  /// through a tensor.cast). Fails, changing nothing, where a use of the
  /// function is not a call.
  LogicalResult refineSignature(func::FuncOp func) {
    std::optional<SmallVector<Type>> types = returnedTypes(func);
    if (!types)
      return failure();
    if (llvm::equal(*types, func.getResultTypes()))
      return success();
    Operation *symbolTable =
        SymbolTable::getNearestSymbolTable(func->getParentOp());
    if (!symbolTable)
      return failure();
    std::optional<SmallVector<CallOpInterface>> calls =
        callSites(func, symbolTable);
    if (!calls)
      return failure();
    IRRewriter rewriter(func.getContext());
    for (CallOpInterface call : *calls)
      for (auto [result, type] : llvm::zip_equal(call->getResults(), *types))
        if (result.getType() != type)
          refineResult(rewriter, cast<OpResult>(result), type);
    func.setType(
        FunctionType::get(func.getContext(), func.getArgumentTypes(), *types));
    return success();
  }

  /// The functions under the pass's operation, each after the functions it
  /// calls (but for cycles, whose members go to `recursive`).
  SmallVector<func::FuncOp> callOrder() {
    SymbolTableCollection symbolTables;
    DenseMap<Operation *, bool> onStack; // false once done
    SmallVector<Operation *> stack;
    SmallVector<func::FuncOp> order;
    std::function<void(func::FuncOp)> visit = [&](func::FuncOp func) {
      onStack[func] = true;
      stack.push_back(func);
      func.walk([&](CallOpInterface call) {
        auto callee = dyn_cast_or_null<func::FuncOp>(
            call.resolveCallableInTable(&symbolTables));
        if (!callee)
          return;
        auto it = onStack.find(callee);
        if (it == onStack.end())
          return visit(callee);
        if (!it->second)
          return;
        // A cycle: every function on the stack from the callee up.
        for (Operation *member : llvm::reverse(stack)) {
          recursive.insert(member);
          if (member == callee.getOperation())
            break;
        }
      });
      stack.pop_back();
      onStack[func] = false;
      order.push_back(func);
    };
    getOperation()->walk([&](func::FuncOp func) {
      if (!onStack.contains(func))
        visit(func);
    });
    return order;
  }

  FrozenRewritePatternSet patterns;
  DenseSet<Operation *> recursive;
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
