//===- Elementwise.cpp - ONNX elementwise ops to dfg ----------------------===//
//
// Arithmetic, comparisons, logic, activations (decomposed into the dfg
// core), casts, Identity, Constant and Dropout in inference mode (training
// mode is in Random.cpp).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

/// Before opset 7, binary ops broadcast only with `broadcast = 1`, and then
/// align the right operand's dimensions at `axis` of the left one.
FailureOr<Value> legacyBroadcastRhs(NodeContext &ctx, Value lhs, Value rhs) {
  if (ctx.version() >= 7 || !ctx.intAttr("broadcast", 0))
    return rhs;
  auto lhsType = cast<RankedTensorType>(lhs.getType());
  auto rhsType = cast<RankedTensorType>(rhs.getType());
  if (!ctx.hasAttr("axis"))
    return rhs; // suffix alignment: numpy broadcasting does the same
  int64_t axis = ctx.intAttr("axis", 0);
  if (axis < 0)
    axis += lhsType.getRank();
  int64_t trailing = lhsType.getRank() - axis - rhsType.getRank();
  if (axis < 0 || trailing < 0)
    return ctx.error("legacy broadcast axis " + Twine(ctx.intAttr("axis", 0)) +
                     " does not fit operand ranks " +
                     Twine(lhsType.getRank()) + " and " +
                     Twine(rhsType.getRank()));
  if (!rhsType.hasStaticShape())
    return ctx.error("legacy broadcast needs a static right operand shape");
  SmallVector<int64_t> shape(rhsType.getShape());
  shape.append(trailing, 1);
  return Value(ctx.create<ReshapeOp>(rhsType.clone(shape), rhs, Value()));
}

/// Sets output 0 to `build(lhs, rhs)` of inputs 0 and 1, the right one
/// broadcast as the legacy opsets ask.
LogicalResult
convertLegacyBroadcastBinary(NodeContext &ctx,
                             llvm::function_ref<Value(Value, Value)> build) {
  FailureOr<Value> lhs = ctx.requiredInput(0);
  FailureOr<Value> rhs = ctx.requiredInput(1);
  if (failed(lhs) || failed(rhs))
    return failure();
  FailureOr<Value> broadcastRhs = legacyBroadcastRhs(ctx, *lhs, *rhs);
  if (failed(broadcastRhs))
    return failure();
  ctx.setOutput(0, build(*lhs, *broadcastRhs));
  return success();
}

template <typename OpTy>
LogicalResult convertBinary(NodeContext &ctx) {
  return convertLegacyBroadcastBinary(ctx, [&](Value lhs, Value rhs) {
    return Value(ctx.create<OpTy>(lhs, rhs));
  });
}

/// Pow(T, T1): the exponent may have another element type than the base.
/// A float exponent of an integer base is computed in floating point and
/// truncated back, as the ONNX reference does (numpy's power, then astype).
LogicalResult convertPow(NodeContext &ctx) {
  FailureOr<Value> base = ctx.requiredInput(0);
  FailureOr<Value> exponent = ctx.requiredInput(1);
  if (failed(base) || failed(exponent))
    return failure();
  auto baseType = cast<RankedTensorType>(base->getType());
  auto expType = cast<RankedTensorType>(exponent->getType());
  Type baseElement = baseType.getElementType();
  Type expElement = expType.getElementType();
  if (baseElement == expElement) {
    ctx.setOutput(0, ctx.create<PowOp>(*base, *exponent));
    return success();
  }
  if (isa<FloatType>(baseElement) || !isa<FloatType>(expElement)) {
    Value cast = ctx.create<CastOp>(expType.clone(baseElement), *exponent);
    ctx.setOutput(0, ctx.create<PowOp>(*base, cast));
    return success();
  }
  Value floatBase = ctx.create<CastOp>(baseType.clone(expElement), *base);
  Value power = ctx.create<PowOp>(floatBase, *exponent);
  auto powerType = cast<RankedTensorType>(power.getType());
  ctx.setOutput(0, ctx.create<CastOp>(powerType.clone(baseElement), power));
  return success();
}

template <ComparePredicate predicate>
LogicalResult convertCompare(NodeContext &ctx) {
  return convertLegacyBroadcastBinary(ctx, [&](Value lhs, Value rhs) {
    return Value(ctx.create<CompareOp>(predicate, lhs, rhs));
  });
}

template <typename OpTy>
LogicalResult convertUnary(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  ctx.setOutput(0, ctx.create<OpTy>(*x));
  return success();
}

/// Sum, Max, Min, Mean: a left fold of a binary op over every input.
template <typename OpTy, bool mean = false>
LogicalResult convertVariadic(NodeContext &ctx) {
  Value acc;
  unsigned count = 0;
  for (unsigned i = 0; i < ctx.numInputs(); ++i) {
    Value x = ctx.input(i);
    if (!x)
      continue;
    acc = acc ? ctx.create<OpTy>(acc, x).getResult() : x;
    ++count;
  }
  if (!acc)
    return ctx.error("expected at least one input");
  if (mean && count > 1)
    acc = ctx.create<DivOp>(acc, ctx.scalar(elementTypeOf(acc), count));
  ctx.setOutput(0, acc);
  return success();
}

LogicalResult convertRelu(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  ctx.setOutput(0, clamp(ctx, *x, 0.0, kInf));
  return success();
}

/// Clip: attributes before opset 11, optional inputs after. Constant
/// bounds become a dfg.clamp, computed ones max/min.
LogicalResult convertClip(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  if (ctx.version() < 11) {
    ctx.setOutput(0, clamp(ctx, *x, ctx.floatAttr("min", -kInf),
                           ctx.floatAttr("max", kInf)));
    return success();
  }
  auto bound = [&](unsigned index, double absent) -> std::optional<double> {
    if (!ctx.input(index))
      return absent;
    DenseElementsAttr value = ctx.constantInput(index);
    if (!value || value.getNumElements() != 1)
      return std::nullopt;
    if (isa<FloatType>(value.getElementType()))
      return (*value.getValues<APFloat>().begin()).convertToDouble();
    return static_cast<double>((*value.getValues<APInt>().begin())
                                   .getSExtValue());
  };
  std::optional<double> lo = bound(1, -kInf), hi = bound(2, kInf);
  if (lo && hi && *lo <= *hi) {
    ctx.setOutput(0, clamp(ctx, *x, *lo, *hi));
    return success();
  }
  // Computed bounds (or min > max, where ONNX yields max everywhere).
  Value result = *x;
  if (Value min = ctx.input(1))
    result = ctx.create<MaxOp>(result, min);
  if (Value max = ctx.input(2))
    result = ctx.create<MinOp>(result, max);
  ctx.setOutput(0, result);
  return success();
}

/// select(x > 0, x, alpha * (exp(x) - 1)), the core of Elu, Selu and Celu.
Value expLinear(NodeContext &ctx, Value x, double alpha) {
  Type et = elementTypeOf(x);
  Value zero = ctx.scalar(et, 0.0);
  Value one = ctx.scalar(et, 1.0);
  Value exp = ctx.create<ExpOp>(x);
  Value em1 = ctx.create<SubOp>(exp, one);
  Value neg = ctx.create<MulOp>(em1, ctx.scalar(et, alpha));
  Value positive = ctx.create<CompareOp>(ComparePredicate::GT, x, zero);
  return ctx.create<SelectOp>(positive, x, neg);
}

LogicalResult convertActivation(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  if (failed(input))
    return failure();
  Value x = *input;
  Type et = elementTypeOf(x);
  StringRef op = ctx.opType();
  auto s = [&](double v) { return ctx.scalar(et, v); };
  Value result;
  if (op == "LeakyRelu") {
    Value scaled = ctx.create<MulOp>(x, s(ctx.floatAttr("alpha", 0.01)));
    Value positive = ctx.create<CompareOp>(ComparePredicate::GE, x, s(0));
    result = ctx.create<SelectOp>(positive, x, scaled);
  } else if (op == "Elu") {
    result = expLinear(ctx, x, ctx.floatAttr("alpha", 1.0));
  } else if (op == "Selu") {
    Value e = expLinear(ctx, x, ctx.floatAttr("alpha", 1.67326319217681884765625));
    result = ctx.create<MulOp>(e, s(ctx.floatAttr("gamma", 1.05070102214813232421875)));
  } else if (op == "Celu") {
    double alpha = ctx.floatAttr("alpha", 1.0);
    Value scaled = ctx.create<DivOp>(x, s(alpha));
    Value one = s(1);
    Value exp = ctx.create<ExpOp>(scaled);
    Value em1 = ctx.create<SubOp>(exp, one);
    Value alphaValue = s(alpha);
    Value scaledEm1 = ctx.create<MulOp>(em1, alphaValue);
    Value zero = s(0);
    Value neg = ctx.create<MinOp>(zero, scaledEm1);
    result = ctx.create<AddOp>(clamp(ctx, x, 0, kInf), neg);
  } else if (op == "HardSigmoid" || op == "HardSwish") {
    double alpha = op == "HardSwish" ? 1.0 / 6 : ctx.floatAttr("alpha", 0.2);
    double beta = op == "HardSwish" ? 0.5 : ctx.floatAttr("beta", 0.5);
    Value betaValue = s(beta);
    Value alphaValue = s(alpha);
    Value scaled = ctx.create<MulOp>(x, alphaValue);
    Value lin = ctx.create<AddOp>(scaled, betaValue);
    result = clamp(ctx, lin, 0, 1);
    if (op == "HardSwish")
      result = ctx.create<MulOp>(x, result);
  } else if (op == "Softplus") {
    Value one = s(1);
    Value exp = ctx.create<ExpOp>(x);
    result = ctx.create<LogOp>(ctx.create<AddOp>(exp, one));
  } else if (op == "Softsign") {
    Value one = s(1);
    Value abs = ctx.create<AbsOp>(x);
    result = ctx.create<DivOp>(x, ctx.create<AddOp>(abs, one));
  } else if (op == "ThresholdedRelu") {
    Value above = ctx.create<CompareOp>(ComparePredicate::GT, x,
                                        s(ctx.floatAttr("alpha", 1.0)));
    result = ctx.create<SelectOp>(above, x, s(0));
  } else if (op == "Shrink") {
    double lambd = ctx.floatAttr("lambd", 0.5), bias = ctx.floatAttr("bias", 0);
    Value below = ctx.create<CompareOp>(ComparePredicate::LT, x, s(-lambd));
    Value above = ctx.create<CompareOp>(ComparePredicate::GT, x, s(lambd));
    Value zero = s(0);
    Value biasValue = s(bias);
    Value shifted = ctx.create<SubOp>(x, biasValue);
    Value inner = ctx.create<SelectOp>(above, shifted, zero);
    result = ctx.create<SelectOp>(below, ctx.create<AddOp>(x, s(bias)), inner);
  } else {
    return ctx.error("no activation named " + op);
  }
  ctx.setOutput(0, result);
  return success();
}

LogicalResult convertPRelu(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> slope = ctx.requiredInput(1);
  if (failed(x) || failed(slope))
    return failure();
  // Before opset 7 a 1-D slope applied per channel (dimension 1).
  auto xType = cast<RankedTensorType>(x->getType());
  auto slopeType = cast<RankedTensorType>(slope->getType());
  if (ctx.version() < 7 && slopeType.getRank() == 1 && xType.getRank() > 2 &&
      slopeType.hasStaticShape()) {
    SmallVector<int64_t> shape = {slopeType.getDimSize(0)};
    shape.append(xType.getRank() - 2, 1);
    slope = Value(ctx.create<ReshapeOp>(slopeType.clone(shape), *slope,
                                        Value()));
  }
  Value negative = ctx.create<CompareOp>(ComparePredicate::LT, *x,
                                         ctx.scalar(elementTypeOf(*x), 0));
  Value scaled = ctx.create<MulOp>(*x, *slope);
  ctx.setOutput(0, ctx.create<SelectOp>(negative, scaled, *x));
  return success();
}

/// Mod: C fmod with `fmod = 1`; otherwise the result takes the divisor's
/// sign, as Python's %.
LogicalResult convertMod(NodeContext &ctx) {
  FailureOr<Value> a = ctx.requiredInput(0);
  FailureOr<Value> b = ctx.requiredInput(1);
  if (failed(a) || failed(b))
    return failure();
  Value r = ctx.create<RemOp>(*a, *b);
  if (ctx.intAttr("fmod", 0)) {
    ctx.setOutput(0, r);
    return success();
  }
  if (isa<FloatType>(elementTypeOf(*a)))
    return ctx.error("fmod = 0 is only defined for integer inputs");
  Value zero = ctx.scalar(elementTypeOf(*a), 0);
  Value nonZero = ctx.create<CompareOp>(ComparePredicate::NE, r, zero);
  Value rNeg = ctx.create<CompareOp>(ComparePredicate::LT, r, zero);
  Value bNeg = ctx.create<CompareOp>(ComparePredicate::LT, *b, zero);
  Value differ = ctx.create<XorOp>(rNeg, bNeg);
  Value fix = ctx.create<AndOp>(nonZero, differ);
  ctx.setOutput(0, ctx.create<SelectOp>(fix, ctx.create<AddOp>(r, *b), r));
  return success();
}

LogicalResult convertWhere(NodeContext &ctx) {
  FailureOr<Value> c = ctx.requiredInput(0);
  FailureOr<Value> a = ctx.requiredInput(1);
  FailureOr<Value> b = ctx.requiredInput(2);
  if (failed(c) || failed(a) || failed(b))
    return failure();
  ctx.setOutput(0, ctx.create<SelectOp>(*c, *a, *b));
  return success();
}

LogicalResult convertCast(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  Type target;
  if (ctx.opType() == "CastLike") {
    FailureOr<Value> like = ctx.requiredInput(1);
    if (failed(like))
      return failure();
    target = elementTypeOf(*like);
  } else {
    const onnx::AttributeProto *to = ctx.findAttr("to");
    if (!to)
      return ctx.error("expected attribute 'to'");
    int32_t dataType = to->i();
    onnx::TensorProto::DataType parsed;
    // Opset 1 spelled the type as a string ("FLOAT").
    if (to->has_s() && onnx::TensorProto::DataType_Parse(to->s(), &parsed))
      dataType = parsed;
    FailureOr<Type> converted = convertElementType(ctx.context(), dataType);
    if (failed(converted))
      return ctx.error("unsupported target type " + Twine(dataType));
    target = *converted;
  }
  ctx.setOutput(0, castTo(ctx, *x, target));
  return success();
}

LogicalResult convertIdentity(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  ctx.setOutput(0, *x);
  return success();
}

LogicalResult convertConstant(NodeContext &ctx) {
  MLIRContext *context = ctx.context();
  Builder b(context);
  ElementsAttr value;
  if (ctx.hasAttr("value")) {
    FailureOr<ElementsAttr> tensor = ctx.tensorAttr("value");
    if (failed(tensor))
      return failure();
    value = *tensor;
  } else if (const onnx::AttributeProto *a = ctx.findAttr("value_float")) {
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getF32Type()),
                                   a->f());
  } else if (const onnx::AttributeProto *a = ctx.findAttr("value_int")) {
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getI64Type()),
                                   static_cast<int64_t>(a->i()));
  } else if (const onnx::AttributeProto *a = ctx.findAttr("value_floats")) {
    SmallVector<float> v(a->floats().begin(), a->floats().end());
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(v.size())},
                              b.getF32Type()),
        ArrayRef<float>(v));
  } else if (const onnx::AttributeProto *a = ctx.findAttr("value_ints")) {
    SmallVector<int64_t> v(a->ints().begin(), a->ints().end());
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(v.size())},
                              b.getI64Type()),
        ArrayRef<int64_t>(v));
  } else {
    return ctx.error("only tensor, float and int constants are supported "
                     "(not sparse or string values)");
  }
  ctx.setOutput(0, ctx.constant(value));
  return success();
}

/// Dropout at inference, or in training with a constant ratio of 0: the
/// identity, and an all-true mask. Other training modes drop at random
/// (convertDropoutTraining).
LogicalResult convertDropout(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  if (ctx.version() >= 12 && ctx.input(2)) {
    DenseElementsAttr training = ctx.constantInput(2);
    bool trainingKnown = training && training.getNumElements() == 1;
    bool inference = trainingKnown &&
                     !(*training.getValues<APInt>().begin()).getBoolValue();
    // A ratio of 0 keeps every element; it defaults to 0.5 when absent.
    DenseElementsAttr ratio = ctx.constantInput(1);
    bool zeroRatio = ratio && ratio.getNumElements() == 1 &&
                     isa<FloatType>(ratio.getElementType()) &&
                     (*ratio.getValues<APFloat>().begin()).isZero();
    if (!inference && !zeroRatio)
      return convertDropoutTraining(ctx, trainingKnown);
  }
  ctx.setOutput(0, *x);
  if (ctx.hasOutput(1)) {
    // All kept: true, or up to opset 9 a mask of the input's type holding 1.
    auto type = cast<RankedTensorType>(x->getType());
    Type elementType =
        ctx.version() < 10 ? type.getElementType() : ctx.builder().getI1Type();
    Attribute one = isa<FloatType>(elementType)
                        ? Attribute(FloatAttr::get(elementType, 1.0))
                        : Attribute(IntegerAttr::get(elementType, 1));
    RankedTensorType maskType = type.clone(elementType);
    if (type.hasStaticShape()) {
      ctx.setOutput(1, ctx.constant(DenseElementsAttr::get(maskType, one)));
      return success();
    }
    // Dynamic sizes (batch, height, width) are the input's at run time.
    Value scalar = ctx.constant(
        DenseElementsAttr::get(RankedTensorType::get({}, elementType), one));
    Value sizes = ctx.create<ShapeOfOp>(*x);
    ctx.setOutput(1, ctx.create<BroadcastToOp>(maskType, scalar, sizes));
  }
  return success();
}

LogicalResult convertIsNaN(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  ctx.setOutput(0, ctx.create<CompareOp>(ComparePredicate::NE, *x, *x));
  return success();
}

LogicalResult convertIsInf(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  Type et = elementTypeOf(*x);
  Value pos = ctx.create<CompareOp>(ComparePredicate::EQ, *x, ctx.scalar(et, kInf));
  Value neg = ctx.create<CompareOp>(ComparePredicate::EQ, *x, ctx.scalar(et, -kInf));
  bool detectPos = ctx.intAttr("detect_positive", 1);
  bool detectNeg = ctx.intAttr("detect_negative", 1);
  Value result;
  if (detectPos && detectNeg)
    result = ctx.create<OrOp>(pos, neg);
  else if (detectPos)
    result = pos;
  else if (detectNeg)
    result = neg;
  else // nothing to detect: all false (no value is both +inf and -inf)
    result = ctx.create<AndOp>(pos, neg);
  ctx.setOutput(0, result);
  return success();
}
} // namespace

void mlir::dfg::onnx_import::registerElementwiseConverters(
    ConverterRegistry &r) {
  r.add("", "Add", 1, convertBinary<AddOp>);
  r.add("", "Sub", 1, convertBinary<SubOp>);
  r.add("", "Mul", 1, convertBinary<MulOp>);
  r.add("", "Div", 1, convertBinary<DivOp>);
  r.add("", "Pow", 1, convertPow);
  r.add("", "And", 1, convertBinary<AndOp>);
  r.add("", "Or", 1, convertBinary<OrOp>);
  r.add("", "Xor", 1, convertBinary<XorOp>);
  r.add("", "Equal", 1, convertCompare<ComparePredicate::EQ>);
  r.add("", "Less", 1, convertCompare<ComparePredicate::LT>);
  r.add("", "LessOrEqual", 1, convertCompare<ComparePredicate::LE>);
  r.add("", "Greater", 1, convertCompare<ComparePredicate::GT>);
  r.add("", "GreaterOrEqual", 1, convertCompare<ComparePredicate::GE>);
  r.add("", "Max", 1, convertVariadic<MaxOp>);
  r.add("", "Min", 1, convertVariadic<MinOp>);
  r.add("", "Sum", 1, convertVariadic<AddOp>);
  r.add("", "Mean", 1, convertVariadic<AddOp, /*mean=*/true>);
  r.add("", "Neg", 1, convertUnary<NegOp>);
  r.add("", "Abs", 1, convertUnary<AbsOp>);
  r.add("", "Sign", 1, convertUnary<SignOp>);
  r.add("", "Not", 1, convertUnary<NotOp>);
  r.add("", "Exp", 1, convertUnary<ExpOp>);
  r.add("", "Log", 1, convertUnary<LogOp>);
  r.add("", "Sqrt", 1, convertUnary<SqrtOp>);
  r.add("", "Reciprocal", 1, convertUnary<ReciprocalOp>);
  r.add("", "Tanh", 1, convertUnary<TanhOp>);
  r.add("", "Sigmoid", 1, convertUnary<SigmoidOp>);
  r.add("", "Erf", 1, convertUnary<ErfOp>);
  r.add("", "Sin", 1, convertUnary<SinOp>);
  r.add("", "Cos", 1, convertUnary<CosOp>);
  r.add("", "Floor", 1, convertUnary<FloorOp>);
  r.add("", "Ceil", 1, convertUnary<CeilOp>);
  r.add("", "Round", 1, convertUnary<RoundOp>);
  r.add("", "Relu", 1, convertRelu);
  r.add("", "Clip", 1, convertClip);
  for (StringRef op : {"LeakyRelu", "Elu", "Selu", "Celu", "HardSigmoid",
                       "HardSwish", "Softplus", "Softsign", "ThresholdedRelu",
                       "Shrink"})
    r.add("", op, 1, convertActivation);
  r.add("", "PRelu", 1, convertPRelu);
  r.add("", "Mod", 1, convertMod);
  r.add("", "Where", 1, convertWhere);
  r.add("", "Cast", 1, convertCast);
  r.add("", "CastLike", 1, convertCast);
  r.add("", "Identity", 1, convertIdentity);
  r.add("", "Constant", 1, convertConstant);
  r.add("", "Dropout", 1, convertDropout);
  r.add("", "IsNaN", 1, convertIsNaN);
  r.add("", "IsInf", 1, convertIsInf);
}
