//===- Random.cpp - ONNX random ops to dfg --------------------------------===//
//
// RandomUniform(Like) and RandomNormal(Like) become dfg.random_uniform and
// dfg.random_normal. Bernoulli and Dropout in training mode are built on
// dfg.random_uniform over [0, 1): Bernoulli draws 1 where the uniform value
// falls below the input probability; Dropout keeps the elements where it is
// at least the ratio and scales them by 1 / (1 - ratio), as ONNX's
// reference does (so a ratio of 0 keeps the input exactly).
//
// The dfg generator is not numpy's, which the ONNX reference implementation
// uses: the values differ from the backend tests' expected outputs, seed or
// no seed (docs/onnx-import-numerics.md).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {

std::string number(double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%g", value);
  return text;
}

/// The 'seed' attribute (a float for the Random ops and Bernoulli, an int
/// for Dropout), or null when absent.
FloatAttr seedAttr(NodeContext &ctx) {
  const onnx::AttributeProto *attr = ctx.findAttr("seed");
  if (!attr)
    return nullptr;
  double seed = attr->type() == onnx::AttributeProto::INT
                    ? static_cast<double>(attr->i())
                    : static_cast<double>(attr->f());
  return ctx.builder().getF64FloatAttr(seed);
}

/// The element type the 'dtype' attribute names, or `fallback` without one.
FailureOr<Type> dtypeAttr(NodeContext &ctx, Type fallback) {
  if (!ctx.hasAttr("dtype"))
    return fallback;
  int64_t dtype = ctx.intAttr("dtype", 0);
  FailureOr<Type> type = convertElementType(ctx.context(), dtype);
  if (failed(type))
    return ctx.error("unsupported dtype " + Twine(dtype));
  return type;
}

/// A dfg.random_uniform over [0, 1) of the shape and element type of `x`.
Value uniformLike(NodeContext &ctx, Value x) {
  OpBuilder &b = ctx.builder();
  return ctx.create<RandomUniformOp>(x.getType(), x, b.getF64FloatAttr(0.0),
                                     b.getF64FloatAttr(1.0), seedAttr(ctx));
}

/// RandomUniform, RandomNormal and their Like forms.
LogicalResult convertRandom(NodeContext &ctx) {
  bool like = ctx.opType().ends_with("Like");
  bool normal = ctx.opType().starts_with("RandomNormal");
  Value input;
  RankedTensorType shaped;
  if (like) {
    FailureOr<Value> x = ctx.requiredInput(0);
    if (failed(x))
      return failure();
    input = *x;
    shaped = ctx.inputType(0);
  } else {
    if (!ctx.hasAttr("shape"))
      return ctx.error("expected a 'shape' attribute");
    SmallVector<int64_t> shape = ctx.intsAttr("shape");
    if (llvm::any_of(shape, [](int64_t size) { return size < 0; }))
      return ctx.error("expected non-negative sizes in 'shape'");
    shaped = RankedTensorType::get(shape, ctx.builder().getF32Type());
  }
  // The Like forms default to the input's element type, the others to f32.
  FailureOr<Type> elementType = dtypeAttr(ctx, shaped.getElementType());
  if (failed(elementType))
    return failure();
  if (!isa<FloatType>(*elementType))
    return ctx.error("expected a float element type for the result, but got " +
                     typeString(*elementType));
  auto resultType = shaped.clone(*elementType);

  OpBuilder &b = ctx.builder();
  Value result;
  if (normal) {
    double mean = ctx.floatAttr("mean", 0.0);
    double scale = ctx.floatAttr("scale", 1.0);
    if (!(scale >= 0))
      return ctx.error("expected a non-negative scale, but got " +
                       number(scale));
    result = ctx.create<RandomNormalOp>(resultType, input,
                                        b.getF64FloatAttr(mean),
                                        b.getF64FloatAttr(scale),
                                        seedAttr(ctx));
  } else {
    double low = ctx.floatAttr("low", 0.0);
    double high = ctx.floatAttr("high", 1.0);
    if (!(low <= high))
      return ctx.error("expected low <= high, but got low = " + number(low) +
                       " and high = " + number(high));
    result = ctx.create<RandomUniformOp>(resultType, input,
                                         b.getF64FloatAttr(low),
                                         b.getF64FloatAttr(high),
                                         seedAttr(ctx));
  }
  ctx.setOutput(0, result);
  return success();
}

LogicalResult convertBernoulli(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = ctx.inputType(0);
  if (!isa<FloatType>(type.getElementType()))
    return ctx.error("expected a float input (the probabilities), but got " +
                     typeString(type));
  FailureOr<Type> elementType = dtypeAttr(ctx, type.getElementType());
  if (failed(elementType))
    return failure();
  // P(u < p) = p for u uniform on [0, 1).
  Value drawn =
      ctx.create<CompareOp>(ComparePredicate::LT, uniformLike(ctx, *x), *x);
  ctx.setOutput(0, elementType->isInteger(1)
                       ? drawn
                       : Value(ctx.create<CastOp>(type.clone(*elementType),
                                                  drawn)));
  return success();
}

/// A single-element tensor input as a 0-d tensor, or an error naming
/// `what`.
FailureOr<Value> scalarInput(NodeContext &ctx, unsigned index,
                             StringRef what) {
  Value value = ctx.input(index);
  if (!value)
    return ctx.error("expected " + what + " to be present");
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape() || type.getNumElements() != 1)
    return ctx.error("expected " + what + " to be a single element, but got " +
                     typeString(value.getType()));
  if (type.getRank() == 0)
    return value;
  return Value(ctx.create<ReshapeOp>(type.clone(ArrayRef<int64_t>{}), value,
                                     Value()));
}

} // namespace

LogicalResult onnx_import::convertDropoutTraining(NodeContext &ctx,
                                                  bool trainingKnown) {
  FailureOr<Value> input = ctx.requiredInput(0);
  if (failed(input))
    return failure();
  Value x = *input;
  RankedTensorType type = ctx.inputType(0);
  Type elementType = type.getElementType();
  if (!isa<FloatType>(elementType))
    return ctx.error("expected a float input, but got " + typeString(type));

  // The ratio defaults to 0.5; it may have another float type than x.
  Value ratio;
  if (ctx.input(1)) {
    FailureOr<Value> given = scalarInput(ctx, 1, "the ratio (input 1)");
    if (failed(given))
      return failure();
    ratio = *given;
    auto ratioType = cast<RankedTensorType>(ratio.getType());
    if (!isa<FloatType>(ratioType.getElementType()))
      return ctx.error("expected a float ratio, but got " +
                       typeString(ratioType));
    if (ratioType.getElementType() != elementType)
      ratio = ctx.create<CastOp>(ratioType.clone(elementType), ratio);
  } else {
    ratio = ctx.scalar(elementType, 0.5);
  }

  Value mask =
      ctx.create<CompareOp>(ComparePredicate::GE, uniformLike(ctx, x), ratio);
  Value one = ctx.scalar(elementType, 1.0);
  Value scale = ctx.create<DivOp>(one, ctx.create<SubOp>(one, ratio));
  Value output = ctx.create<MulOp>(
      ctx.create<MulOp>(x, ctx.create<CastOp>(type, mask)), scale);
  if (!trainingKnown) {
    // The training flag is known at run time only: in inference the
    // output is the input and the mask all true.
    FailureOr<Value> training =
        scalarInput(ctx, 2, "the training mode (input 2)");
    if (failed(training))
      return failure();
    if (!cast<RankedTensorType>(training->getType())
             .getElementType()
             .isInteger(1))
      return ctx.error("expected a bool training mode");
    output = ctx.create<SelectOp>(*training, output, x);
    mask = ctx.create<OrOp>(mask, ctx.create<NotOp>(*training));
  }
  ctx.setOutput(0, output);
  ctx.setOutput(1, mask);
  return success();
}

void onnx_import::registerRandomConverters(ConverterRegistry &r) {
  for (StringRef op : {"RandomUniform", "RandomUniformLike", "RandomNormal",
                       "RandomNormalLike"})
    r.add("", op, 1, convertRandom);
  r.add("", "Bernoulli", 15, convertBernoulli);
}
