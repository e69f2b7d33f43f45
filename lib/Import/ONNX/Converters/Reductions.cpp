//===- Reductions.cpp - ONNX reductions and losses to dfg -----------------===//
//
// Reduce* (decomposed around dfg.reduce), ArgMax/ArgMin, and the two
// classification losses, NegativeLogLikelihoodLoss and
// SoftmaxCrossEntropyLoss, which pick the target class with a one-hot mask
// (a comparison against the class indices) rather than a gather, so that
// ignored and out-of-range targets need no clamping.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/ADT/STLExtras.h"

#include <functional>
#include <limits>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

int64_t rankOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getRank();
}

SmallVector<int64_t> allAxes(int64_t rank) {
  return llvm::to_vector(llvm::seq<int64_t>(0, rank));
}

/// Normalizes negative axes, checks the range and that no axis repeats, and
/// sorts them (the order of ONNX axes does not matter).
FailureOr<SmallVector<int64_t>>
normalizeAxes(NodeContext &ctx, ArrayRef<int64_t> axes, int64_t rank) {
  SmallVector<int64_t> result;
  for (int64_t axis : axes) {
    int64_t normalized = axis < 0 ? axis + rank : axis;
    if (normalized < 0 || normalized >= rank)
      return ctx.error("axis " + Twine(axis) + " is out of range for rank " +
                       Twine(rank));
    if (llvm::is_contained(result, normalized))
      return ctx.error("axis " + Twine(axis) + " appears twice");
    result.push_back(normalized);
  }
  llvm::sort(result);
  return result;
}

Value reduce(NodeContext &ctx, ReduceKind kind, Value x, ArrayRef<int64_t> axes,
             bool keepDims) {
  if (axes.empty())
    return x;
  return ctx.create<ReduceOp>(kind, x, axes, keepDims);
}

/// Builds one ONNX reduction over a known set of axes (empty: none).
Value buildReduction(NodeContext &ctx, Value x, ArrayRef<int64_t> axes,
                     bool keep) {
  StringRef op = ctx.opType();
  Type et = elementTypeOf(x);
  auto sum = [&](Value v) {
    return reduce(ctx, ReduceKind::Sum, v, axes, keep);
  };
  if (op == "ReduceSum")
    return sum(x);
  if (op == "ReduceMean")
    return reduce(ctx, ReduceKind::Mean, x, axes, keep);
  if (op == "ReduceMax")
    return reduce(ctx, ReduceKind::Max, x, axes, keep);
  if (op == "ReduceMin")
    return reduce(ctx, ReduceKind::Min, x, axes, keep);
  if (op == "ReduceProd")
    return reduce(ctx, ReduceKind::Prod, x, axes, keep);
  if (op == "ReduceL1")
    return sum(ctx.create<AbsOp>(x));
  if (op == "ReduceSumSquare")
    return sum(ctx.create<MulOp>(x, x));
  if (op == "ReduceL2")
    return ctx.create<SqrtOp>(sum(ctx.create<MulOp>(x, x)));
  if (op == "ReduceLogSum")
    return ctx.create<LogOp>(sum(x));
  // ReduceLogSumExp: log(sum(exp(x - m))) + m with m the maximum, so that
  // large inputs do not overflow. A non-finite maximum (all -inf, or an inf
  // or NaN input) is replaced by 0, which gives what the plain formula
  // gives.
  if (axes.empty())
    return x;
  Value maxKeep = reduce(ctx, ReduceKind::Max, x, axes, /*keepDims=*/true);
  Value zero = ctx.scalar(et, 0.0);
  auto finite = [&](Value m) -> Value {
    Value inf = ctx.scalar(et, kInf);
    Value magnitude = ctx.create<AbsOp>(m);
    Value isFinite =
        ctx.create<CompareOp>(ComparePredicate::LT, magnitude, inf);
    return ctx.create<SelectOp>(isFinite, m, zero);
  };
  Value shift = finite(maxKeep);
  Value exps = ctx.create<ExpOp>(ctx.create<SubOp>(x, shift));
  Value logSum = ctx.create<LogOp>(sum(exps));
  Value shiftOut =
      keep ? shift : finite(reduce(ctx, ReduceKind::Max, x, axes, false));
  return ctx.create<AddOp>(logSum, shiftOut);
}

bool needsFloat(StringRef op) {
  return op == "ReduceL2" || op == "ReduceLogSum" || op == "ReduceLogSumExp";
}

/// All subsets of `k` axes of `inShape` whose removal leaves `outShape`.
void removalCandidates(ArrayRef<int64_t> inShape, ArrayRef<int64_t> outShape,
                       int64_t k, SmallVectorImpl<SmallVector<int64_t>> &result,
                       size_t limit) {
  SmallVector<int64_t> chosen;
  std::function<void(int64_t, int64_t)> visit = [&](int64_t in, int64_t out) {
    if (result.size() > limit)
      return;
    if (in == static_cast<int64_t>(inShape.size())) {
      if (out == static_cast<int64_t>(outShape.size()) &&
          static_cast<int64_t>(chosen.size()) == k)
        result.push_back(chosen);
      return;
    }
    if (static_cast<int64_t>(chosen.size()) < k) {
      chosen.push_back(in);
      visit(in + 1, out);
      chosen.pop_back();
    }
    if (out < static_cast<int64_t>(outShape.size()) &&
        inShape[in] == outShape[out])
      visit(in + 1, out + 1);
  };
  visit(0, 0);
}

/// A 0-d i1 that holds when the (distinct) axes in `axes`, a runtime 1-D
/// tensor of as many elements as `candidate`, are exactly `candidate`.
Value axesMatch(NodeContext &ctx, Value axes, ArrayRef<int64_t> candidate,
                int64_t rank) {
  Type i64 = ctx.builder().getI64Type();
  if (elementTypeOf(axes) != i64)
    axes = ctx.create<CastOp>(cast<RankedTensorType>(axes.getType()).clone(i64),
                              axes);
  Value negative =
      ctx.create<CompareOp>(ComparePredicate::LT, axes, ctx.scalar(i64, 0));
  Value normalized = ctx.create<SelectOp>(
      negative, ctx.create<AddOp>(axes, ctx.scalar(i64, rank)), axes);
  Value member;
  for (int64_t axis : candidate) {
    Value eq = ctx.create<CompareOp>(ComparePredicate::EQ, normalized,
                                     ctx.scalar(i64, axis));
    member = member ? ctx.create<OrOp>(member, eq).getResult() : eq;
  }
  Value zero = ctx.scalar(i64, 0);
  Value one = ctx.scalar(i64, 1);
  Value asInt = ctx.create<SelectOp>(member, one, zero);
  Value all = reduce(ctx, ReduceKind::Min, asInt, {0}, false);
  return ctx.create<CompareOp>(ComparePredicate::EQ, all, ctx.scalar(i64, 1));
}

/// Reduction axes given as a computed input: the output shape ONNX declares
/// tells which axes can have been reduced. With one possibility that is the
/// answer; with several (dropped dimensions of equal size), each is built
/// and the runtime axes choose.
LogicalResult convertRuntimeAxes(NodeContext &ctx, Value x, Value axes,
                                 bool keep) {
  auto inType = cast<RankedTensorType>(x.getType());
  auto axesType = cast<RankedTensorType>(axes.getType());
  RankedTensorType hint = ctx.outputTypeHint(0);
  if (axesType.getRank() != 1 || axesType.isDynamicDim(0) ||
      !inType.hasStaticShape() || !hint || !hint.hasStaticShape())
    return ctx.error("computed axes (input 1) need a static input shape, a "
                     "static number of axes and a statically known output "
                     "shape");
  int64_t k = axesType.getDimSize(0), rank = inType.getRank();
  ArrayRef<int64_t> in = inType.getShape(), out = hint.getShape();
  SmallVector<SmallVector<int64_t>> candidates;
  if (keep) {
    // Reducing a dimension of size 1 changes nothing, so the dimensions
    // that shrink to 1 are the whole answer.
    SmallVector<int64_t> reduced;
    bool consistent = hint.getRank() == rank;
    for (int64_t i = 0; consistent && i < rank; ++i) {
      if (in[i] != 1 && out[i] == 1)
        reduced.push_back(i);
      else if (in[i] != out[i])
        consistent = false;
    }
    if (consistent && static_cast<int64_t>(reduced.size()) <= k)
      candidates.push_back(reduced);
  } else if (hint.getRank() == rank - k) {
    removalCandidates(in, out, k, candidates, /*limit=*/8);
  }
  if (candidates.empty())
    return ctx.error("no set of " + Twine(k) +
                     " axes reduces the input to the declared output shape");
  if (candidates.size() > 8)
    return ctx.error("too many sets of axes fit the declared output shape; "
                     "computed axes are not supported here");
  Value result = buildReduction(ctx, x, candidates.back(), keep);
  for (ArrayRef<int64_t> candidate :
       llvm::reverse(ArrayRef(candidates).drop_back())) {
    Value reduced = buildReduction(ctx, x, candidate, keep);
    Value matches = axesMatch(ctx, axes, candidate, rank);
    result = ctx.create<SelectOp>(matches, reduced, result);
  }
  ctx.setOutput(0, result);
  return success();
}

LogicalResult convertReduce(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  if (failed(input))
    return failure();
  Value x = *input;
  StringRef op = ctx.opType();
  if (needsFloat(op) && !isa<FloatType>(elementTypeOf(x)))
    return ctx.error("expected a floating-point input");
  int64_t rank = rankOf(x);
  bool keep = ctx.intAttr("keepdims", 1) != 0;
  bool noop = ctx.intAttr("noop_with_empty_axes", 0) != 0;
  bool axesInput = ctx.version() >= (op == "ReduceSum" ? 13 : 18);

  SmallVector<int64_t> axes;
  if (!axesInput) {
    axes = ctx.intsAttr("axes");
  } else if (Value axesValue = ctx.input(1)) {
    auto axesType = cast<RankedTensorType>(axesValue.getType());
    bool knownEmpty =
        axesType.hasStaticShape() && axesType.getNumElements() == 0;
    if (!knownEmpty && !ctx.constantInput(1))
      return convertRuntimeAxes(ctx, x, axesValue, keep);
    if (!knownEmpty) {
      FailureOr<SmallVector<int64_t>> values = ctx.constantInts(1, "axes");
      if (failed(values))
        return failure();
      axes = std::move(*values);
    }
  }
  if (axes.empty() && !noop)
    axes = allAxes(rank);
  FailureOr<SmallVector<int64_t>> normalized = normalizeAxes(ctx, axes, rank);
  if (failed(normalized))
    return failure();
  ctx.setOutput(0, buildReduction(ctx, x, *normalized, keep));
  return success();
}

template <ArgKind kind> LogicalResult convertArgReduce(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  int64_t rank = rankOf(*x);
  int64_t axis = ctx.intAttr("axis", 0);
  FailureOr<SmallVector<int64_t>> normalized = normalizeAxes(ctx, {axis}, rank);
  if (failed(normalized))
    return failure();
  ctx.setOutput(
      0, ctx.create<ArgReduceOp>(kind, *x, normalized->front(),
                                 ctx.intAttr("keepdims", 1) != 0,
                                 ctx.intAttr("select_last_index", 0) != 0));
  return success();
}

//===----------------------------------------------------------------------===//
// Losses
//===----------------------------------------------------------------------===//

/// Inserts a unit dimension at `axis`; an error past one dynamic dimension.
FailureOr<Value> unsqueeze(NodeContext &ctx, Value x, int64_t axis) {
  auto type = cast<RankedTensorType>(x.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape.insert(shape.begin() + axis, 1);
  if (llvm::count(shape, ShapedType::kDynamic) > 1)
    return ctx.error("expected at most one dynamic dimension in the target");
  return Value(ctx.create<ReshapeOp>(type.clone(shape), x, Value()));
}

/// The NLL loss of `logProb` ([N, C, d1..dk]) against `target` ([N,
/// d1..dk]) with ONNX's reduction, class weights and ignore_index.
LogicalResult negativeLogLikelihood(NodeContext &ctx, Value logProb,
                                    Value target, Value weight) {
  auto probType = cast<RankedTensorType>(logProb.getType());
  auto targetType = cast<RankedTensorType>(target.getType());
  int64_t rank = probType.getRank();
  if (rank < 2 || targetType.getRank() != rank - 1)
    return ctx.error("expected input of shape [N, C, d1..dk] and target of "
                     "shape [N, d1..dk], but got ranks " +
                     Twine(rank) + " and " + Twine(targetType.getRank()));
  if (!isa<IntegerType>(targetType.getElementType()))
    return ctx.error("expected an integer target");
  int64_t classes = probType.getDimSize(1);
  if (ShapedType::isDynamic(classes))
    return ctx.error("expected a static number of classes (dimension 1)");
  std::string reduction = ctx.stringAttr("reduction", "mean");
  if (reduction != "none" && reduction != "sum" && reduction != "mean")
    return ctx.error("unknown reduction '" + reduction + "'");

  // The class index of every position of [1, C, 1, ...].
  Type indexType = targetType.getElementType();
  SmallVector<int64_t> classShape(rank, 1);
  classShape[1] = classes;
  SmallVector<APInt> indices;
  for (int64_t c = 0; c < classes; ++c)
    indices.push_back(APInt(indexType.getIntOrFloatBitWidth(), c));
  Value classIds = ctx.constant(DenseElementsAttr::get(
      RankedTensorType::get(classShape, indexType), indices));
  FailureOr<Value> target1 = unsqueeze(ctx, target, 1);
  if (failed(target1))
    return failure();
  Value oneHot =
      ctx.create<CompareOp>(ComparePredicate::EQ, *target1, classIds);

  Type et = probType.getElementType();
  Value zero = ctx.scalar(et, 0.0);
  auto pick = [&](Value perClass) {
    return reduce(ctx, ReduceKind::Sum,
                  ctx.create<SelectOp>(oneHot, perClass, zero), {1}, false);
  };
  Value loss = ctx.create<NegOp>(pick(logProb));
  Value valid;
  if (ctx.hasAttr("ignore_index")) {
    Value ignored = ctx.scalar(indexType, ctx.intAttr("ignore_index", 0));
    valid = ctx.create<CompareOp>(ComparePredicate::NE, target, ignored);
    loss = ctx.create<SelectOp>(valid, loss, zero);
  }
  // The weight of every position's target (0 where ignored); null when
  // every weight is 1.
  Value weights;
  if (weight) {
    auto weightType = cast<RankedTensorType>(weight.getType());
    if (weightType.getRank() != 1)
      return ctx.error("expected a 1-D weight");
    Value perClass =
        ctx.create<ReshapeOp>(weightType.clone(classShape), weight, Value());
    weights = pick(perClass);
    if (valid)
      weights = ctx.create<SelectOp>(valid, weights, zero);
    loss = ctx.create<MulOp>(loss, weights);
  } else if (valid) {
    weights = ctx.create<SelectOp>(valid, ctx.scalar(et, 1.0), zero);
  }

  SmallVector<int64_t> axes = allAxes(rank - 1);
  if (reduction == "sum") {
    loss = reduce(ctx, ReduceKind::Sum, loss, axes, false);
  } else if (reduction == "mean") {
    if (weights) {
      Value weightSum = reduce(ctx, ReduceKind::Sum, weights, axes, false);
      Value lossSum = reduce(ctx, ReduceKind::Sum, loss, axes, false);
      loss = ctx.create<DivOp>(lossSum, weightSum);
    } else {
      loss = reduce(ctx, ReduceKind::Mean, loss, axes, false);
    }
  }
  ctx.setOutput(0, loss);
  return success();
}

LogicalResult convertNegativeLogLikelihoodLoss(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  FailureOr<Value> target = ctx.requiredInput(1);
  if (failed(input) || failed(target))
    return failure();
  return negativeLogLikelihood(ctx, *input, *target, ctx.input(2));
}

LogicalResult convertSoftmaxCrossEntropyLoss(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  FailureOr<Value> target = ctx.requiredInput(1);
  if (failed(input) || failed(target))
    return failure();
  Value scores = *input;
  if (!isa<FloatType>(elementTypeOf(scores)))
    return ctx.error("expected floating-point scores");
  if (rankOf(scores) < 2)
    return ctx.error("expected scores of shape [N, C, d1..dk]");
  // log_softmax over the classes, shifted by the maximum.
  Value max = reduce(ctx, ReduceKind::Max, scores, {1}, true);
  Value shifted = ctx.create<SubOp>(scores, max);
  Value sum =
      reduce(ctx, ReduceKind::Sum, ctx.create<ExpOp>(shifted), {1}, true);
  Value logProb = ctx.create<SubOp>(shifted, ctx.create<LogOp>(sum));
  ctx.setOutput(1, logProb);
  return negativeLogLikelihood(ctx, logProb, *target, ctx.input(2));
}
} // namespace

void mlir::dfg::onnx_import::registerReductionConverters(ConverterRegistry &r) {
  for (StringRef op : {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin",
                       "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum",
                       "ReduceLogSumExp", "ReduceSumSquare"})
    r.add("", op, 1, convertReduce);
  r.add("", "ArgMax", 1, convertArgReduce<ArgKind::ArgMax>);
  r.add("", "ArgMin", 1, convertArgReduce<ArgKind::ArgMin>);
  r.add("", "NegativeLogLikelihoodLoss", 12, convertNegativeLogLikelihoodLoss);
  r.add("", "SoftmaxCrossEntropyLoss", 12, convertSoftmaxCrossEntropyLoss);
}
