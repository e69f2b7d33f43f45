//===- Quantization.cpp - ONNX quantization ops to dfg --------------------===//
//
// QuantizeLinear, DequantizeLinear, DynamicQuantizeLinear and the integer
// and quantized-linear MatMul and Conv, decomposed into the dfg core:
//
//   quantize    y = cast(clamp(round(x / scale) + zp, qmin, qmax))
//   dequantize  y = f32(i32(x) - i32(zp)) * scale
//   integer op  acc = op(i32(a) - i32(a_zp), i32(b) - i32(b_zp))
//   requantize  y = cast(clamp(round(f32(acc) * (a_scale * b_scale /
//                   y_scale)) + y_zp, qmin, qmax))
//
// dfg.round rounds half to even, as ONNX asks; the clamp comes before the
// cast, which would otherwise truncate or wrap. The requantization follows
// ONNX Runtime (one f32 multiplier applied to the exact accumulator). dfg.conv
// takes floats only, so integer convolutions run on integer-valued floats:
// f32 when every partial sum provably stays below 2^24, f64 otherwise (the
// 8-bit products are below 2^16, so f64 is exact for any realistic kernel).
//
//===----------------------------------------------------------------------===//

#include "Common.h"
#include "Window.h"

#include "llvm/ADT/STLExtras.h"

#include <string>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {
bool isUnsigned8(Type type) {
  auto integer = dyn_cast<IntegerType>(type);
  return integer && integer.getWidth() == 8 && integer.isUnsigned();
}

bool isSigned8(Type type) {
  auto integer = dyn_cast<IntegerType>(type);
  return integer && integer.getWidth() == 8 && integer.isSignless();
}

/// The representable range of a quantized (8-bit) element type.
struct QuantRange {
  double min, max;
};

FailureOr<QuantRange> quantRange(NodeContext &ctx, Type type, StringRef what) {
  if (isUnsigned8(type))
    return QuantRange{0, 255};
  if (isSigned8(type))
    return QuantRange{-128, 127};
  return ctx.emitError() << "expected " << what
                         << " of type int8 or uint8, but got " << type;
}

LogicalResult requireElementType(NodeContext &ctx, Value value,
                                 function_ref<bool(Type)> accepts,
                                 StringRef what, StringRef expected) {
  if (accepts(elementTypeOf(value)))
    return success();
  return ctx.emitError() << "expected " << what << " of type " << expected
                         << ", but got " << value.getType();
}

LogicalResult requireQuantized(NodeContext &ctx, Value value, StringRef what) {
  return requireElementType(
      ctx, value, [](Type t) { return isUnsigned8(t) || isSigned8(t); }, what,
      "int8 or uint8");
}

LogicalResult requireF32(NodeContext &ctx, Value value, StringRef what) {
  return requireElementType(
      ctx, value, [](Type t) { return t.isF32(); }, what, "float");
}

/// Checks that a zero point has the element type of the tensor it belongs to.
LogicalResult requireSameType(NodeContext &ctx, Value zeroPoint, Value x,
                              StringRef what) {
  if (elementTypeOf(zeroPoint) == elementTypeOf(x))
    return success();
  return ctx.emitError() << "expected " << what << " of element type "
                         << elementTypeOf(x) << " like its tensor, but got "
                         << zeroPoint.getType();
}

/// Shapes a scale or zero point to broadcast against a tensor of rank
/// `rank`: a scalar or a one-element 1-D tensor becomes a scalar; any other
/// 1-D tensor lines up with dimension `axis`; a higher-rank parameter
/// (QLinearMatMul's [D1, D2, M, 1]) broadcasts as it is.
FailureOr<Value> alignParam(NodeContext &ctx, Value param, int64_t rank,
                            int64_t axis, StringRef what) {
  auto type = typeOf(param);
  if (type.getRank() == 0)
    return param;
  if (type.getRank() > 1)
    return param;
  if (type.getDimSize(0) == 1)
    return reshapeTo(ctx, param, {});
  if (axis < 0 || axis >= rank)
    return ctx.error("a 1-D " + what + " of size " +
                     formatInts(type.getShape()) +
                     " needs an axis in range for rank " + Twine(rank) +
                     ", but the axis is " + Twine(axis));
  SmallVector<int64_t> shape(rank, 1);
  shape[axis] = type.getDimSize(0);
  return reshapeTo(ctx, param, shape);
}

/// Requires a parameter that ONNX defines as a per-tensor scalar.
LogicalResult requireScalar(NodeContext &ctx, Value param, StringRef what) {
  auto type = typeOf(param);
  if (type.getRank() == 0 || (type.getRank() == 1 && type.getDimSize(0) == 1))
    return success();
  return ctx.error("expected a scalar " + what + ", but got shape " +
                   formatInts(type.getShape()));
}

/// saturate(round_half_to_even(x) + zeroPoint) cast to `resultType`; `x`
/// and `zeroPoint` (null for 0) are floats of the same type.
Value saturateRound(NodeContext &ctx, Value x, Value zeroPoint, Type resultType,
                    QuantRange range) {
  Value q = ctx.create<RoundOp>(x);
  if (zeroPoint)
    q = ctx.create<AddOp>(q, zeroPoint);
  return castTo(ctx, clamp(ctx, q, range.min, range.max), resultType);
}

/// i32(x) - i32(zeroPoint), or i32(x) without a zero point.
Value centered(NodeContext &ctx, Value x, Value zeroPoint) {
  Type i32 = ctx.builder().getI32Type();
  Value wide = castTo(ctx, x, i32);
  if (!zeroPoint)
    return wide;
  return ctx.create<SubOp>(wide, castTo(ctx, zeroPoint, i32));
}

/// The axis of per-axis QuantizeLinear/DequantizeLinear (opset 13; opset
/// 10 is per-tensor only). Only a 1-D parameter uses it, and alignParam
/// reports it there when it is out of range.
int64_t quantAxis(NodeContext &ctx, int64_t rank) {
  int64_t axis = ctx.version() >= 13 ? ctx.intAttr("axis", 1) : 1;
  return axis < 0 ? axis + rank : axis;
}

/// The scale of QuantizeLinear/DequantizeLinear (a scalar before opset 13)
/// aligned with `axis` of a rank-`rank` input.
FailureOr<Value> alignScale(NodeContext &ctx, Value scale, int64_t rank,
                            int64_t axis) {
  if (ctx.version() < 13 && failed(requireScalar(ctx, scale, "scale")))
    return failure();
  return alignParam(ctx, scale, rank, axis, "scale");
}

LogicalResult convertQuantizeLinear(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> scale = ctx.requiredInput(1);
  if (failed(x) || failed(scale))
    return failure();
  Value zeroPoint = ctx.input(2);
  Type xType = elementTypeOf(*x);
  if (!xType.isF32() && !xType.isSignlessInteger(32))
    return ctx.emitError() << "expected an input of type float or int32, "
                              "but got "
                           << x->getType();
  if (failed(requireF32(ctx, *scale, "a scale")))
    return failure();
  Type resultType =
      zeroPoint ? elementTypeOf(zeroPoint)
                : IntegerType::get(ctx.context(), 8, IntegerType::Unsigned);
  FailureOr<QuantRange> range = quantRange(ctx, resultType, "a zero point");
  if (failed(range))
    return failure();
  int64_t rank = typeOf(*x).getRank();
  int64_t axis = quantAxis(ctx, rank);
  FailureOr<Value> s = alignScale(ctx, *scale, rank, axis);
  if (failed(s))
    return failure();
  // An int32 input divides in f64, as numpy (the ONNX reference) promotes.
  Type computeType = xType.isF32() ? xType : ctx.builder().getF64Type();
  Value divisor = castTo(ctx, *s, computeType);
  Value dividend = castTo(ctx, *x, computeType);
  Value quotient = ctx.create<DivOp>(dividend, divisor);
  Value zp;
  if (zeroPoint) {
    FailureOr<Value> aligned =
        alignParam(ctx, zeroPoint, rank, axis, "zero point");
    if (failed(aligned))
      return failure();
    zp = castTo(ctx, *aligned, computeType);
  }
  ctx.setOutput(0, saturateRound(ctx, quotient, zp, resultType, *range));
  return success();
}

LogicalResult convertDequantizeLinear(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> scale = ctx.requiredInput(1);
  if (failed(x) || failed(scale))
    return failure();
  Value zeroPoint = ctx.input(2);
  Type xType = elementTypeOf(*x);
  if (!isUnsigned8(xType) && !isSigned8(xType) && !xType.isSignlessInteger(32))
    return ctx.emitError() << "expected an input of type int8, uint8 or "
                              "int32, but got "
                           << x->getType();
  if (failed(requireF32(ctx, *scale, "a scale")))
    return failure();
  int64_t rank = typeOf(*x).getRank();
  int64_t axis = quantAxis(ctx, rank);
  FailureOr<Value> s = alignScale(ctx, *scale, rank, axis);
  if (failed(s))
    return failure();
  Value zp;
  if (zeroPoint) {
    if (failed(requireSameType(ctx, zeroPoint, *x, "a zero point")))
      return failure();
    FailureOr<Value> aligned =
        alignParam(ctx, zeroPoint, rank, axis, "zero point");
    if (failed(aligned))
      return failure();
    zp = *aligned;
  }
  Value diff = castTo(ctx, centered(ctx, *x, zp), ctx.builder().getF32Type());
  ctx.setOutput(0, ctx.create<MulOp>(diff, *s));
  return success();
}

/// The function body of the ONNX schema, in f32:
///   scale = (max(max(x), 0) - min(min(x), 0)) / 255
///   zp = round(clamp(0 - min(min(x), 0) / scale, 0, 255))
///   y = saturate(round(x / scale) + zp)
LogicalResult convertDynamicQuantizeLinear(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  if (failed(requireF32(ctx, *x, "an input")))
    return failure();
  Type f32 = elementTypeOf(*x);
  int64_t rank = typeOf(*x).getRank();
  SmallVector<int64_t> all = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  Value zero = ctx.scalar(f32, 0.0);
  Value min = ctx.create<MinOp>(
      ctx.create<ReduceOp>(ReduceKind::Min, *x, all, /*keepDims=*/false), zero);
  Value max = ctx.create<MaxOp>(
      ctx.create<ReduceOp>(ReduceKind::Max, *x, all, /*keepDims=*/false), zero);
  Value levels = ctx.scalar(f32, 255.0);
  Value span = ctx.create<SubOp>(max, min);
  Value scale = ctx.create<DivOp>(span, levels);
  Value initial = ctx.create<SubOp>(zero, ctx.create<DivOp>(min, scale));
  Value zpFloat = ctx.create<RoundOp>(clamp(ctx, initial, 0, 255));
  Type u8 = IntegerType::get(ctx.context(), 8, IntegerType::Unsigned);
  Value quotient = ctx.create<DivOp>(*x, scale);
  ctx.setOutput(0, saturateRound(ctx, quotient, zpFloat, u8, {0, 255}));
  ctx.setOutput(1, scale);
  ctx.setOutput(2, castTo(ctx, zpFloat, u8));
  return success();
}

//===----------------------------------------------------------------------===//
// Integer and quantized-linear matmul
//===----------------------------------------------------------------------===//

/// The zero points of a matmul: per tensor, per row of A ([M] or
/// [..., M, 1]) and per column of B ([N] or [..., 1, N]).
FailureOr<Value> matmulZeroPoint(NodeContext &ctx, Value zeroPoint,
                                 Value operand, bool isLhs, StringRef what) {
  if (!zeroPoint)
    return Value();
  if (failed(requireSameType(ctx, zeroPoint, operand, what)))
    return failure();
  int64_t rank = typeOf(operand).getRank();
  return alignParam(ctx, zeroPoint, rank, isLhs ? rank - 2 : rank - 1, what);
}

/// Inputs 0 and 1 of MatMulInteger and ConvInteger, both required and of an
/// 8-bit integer type; `lhs` and `rhs` name them in errors.
FailureOr<std::pair<Value, Value>>
quantizedOperands(NodeContext &ctx, StringRef lhs, StringRef rhs) {
  FailureOr<Value> a = ctx.requiredInput(0);
  FailureOr<Value> b = ctx.requiredInput(1);
  if (failed(a) || failed(b))
    return failure();
  if (failed(requireQuantized(ctx, *a, lhs)) ||
      failed(requireQuantized(ctx, *b, rhs)))
    return failure();
  return std::make_pair(*a, *b);
}

LogicalResult convertMatMulInteger(NodeContext &ctx) {
  FailureOr<std::pair<Value, Value>> operands =
      quantizedOperands(ctx, "A", "B");
  if (failed(operands))
    return failure();
  Value a = operands->first, b = operands->second;
  FailureOr<Value> aZero =
      matmulZeroPoint(ctx, ctx.input(2), a, /*isLhs=*/true, "a_zero_point");
  FailureOr<Value> bZero =
      matmulZeroPoint(ctx, ctx.input(3), b, /*isLhs=*/false, "b_zero_point");
  if (failed(aZero) || failed(bZero))
    return failure();
  Value bCentered = centered(ctx, b, *bZero);
  Value aCentered = centered(ctx, a, *aZero);
  FailureOr<Value> y = numpyMatmul(ctx, aCentered, bCentered);
  if (failed(y))
    return failure();
  ctx.setOutput(0, *y);
  return success();
}

/// saturate(round(f32(acc) * multiplier) + zp) with the output's type.
FailureOr<Value> requantize(NodeContext &ctx, Value acc, Value multiplier,
                            Value yZero) {
  FailureOr<QuantRange> range =
      quantRange(ctx, elementTypeOf(yZero), "y_zero_point");
  if (failed(range))
    return failure();
  Type f32 = ctx.builder().getF32Type();
  Value scaled = ctx.create<MulOp>(castTo(ctx, acc, f32), multiplier);
  return saturateRound(ctx, scaled, castTo(ctx, yZero, f32),
                       elementTypeOf(yZero), *range);
}

LogicalResult convertQLinearMatMul(NodeContext &ctx) {
  FailureOr<SmallVector<Value>> inputs = requiredInputs(ctx, 8);
  if (failed(inputs))
    return failure();
  SmallVector<Value> &in = *inputs;
  Value a = in[0], aScale = in[1], b = in[3], bScale = in[4], yScale = in[6],
        yZero = in[7];
  if (failed(requireQuantized(ctx, a, "a")) ||
      failed(requireQuantized(ctx, b, "b")) ||
      failed(requireF32(ctx, aScale, "a_scale")) ||
      failed(requireF32(ctx, bScale, "b_scale")) ||
      failed(requireF32(ctx, yScale, "y_scale")) ||
      failed(requireScalar(ctx, yScale, "y_scale")) ||
      failed(requireScalar(ctx, yZero, "y_zero_point")))
    return failure();
  FailureOr<Value> aZero =
      matmulZeroPoint(ctx, in[2], a, /*isLhs=*/true, "a_zero_point");
  FailureOr<Value> bZero =
      matmulZeroPoint(ctx, in[5], b, /*isLhs=*/false, "b_zero_point");
  int64_t aRank = typeOf(a).getRank(), bRank = typeOf(b).getRank();
  FailureOr<Value> as = alignParam(ctx, aScale, aRank, aRank - 2, "a_scale");
  FailureOr<Value> bs = alignParam(ctx, bScale, bRank, bRank - 1, "b_scale");
  FailureOr<Value> ys = alignParam(ctx, yScale, 0, 0, "y_scale");
  FailureOr<Value> yz = alignParam(ctx, yZero, 0, 0, "y_zero_point");
  if (failed(aZero) || failed(bZero) || failed(as) || failed(bs) ||
      failed(ys) || failed(yz))
    return failure();
  Value bCentered = centered(ctx, b, *bZero);
  Value aCentered = centered(ctx, a, *aZero);
  FailureOr<Value> acc = numpyMatmul(ctx, aCentered, bCentered);
  if (failed(acc))
    return failure();
  if ((aRank == 1 && typeOf(*as).getRank() > 0) ||
      (bRank == 1 && typeOf(*bs).getRank() > 0))
    return ctx.error("per-row or per-column scales need operands of rank 2 "
                     "or more");
  Value multiplier = ctx.create<DivOp>(ctx.create<MulOp>(*as, *bs), *ys);
  FailureOr<Value> y = requantize(ctx, *acc, multiplier, *yz);
  if (failed(y))
    return failure();
  ctx.setOutput(0, *y);
  return success();
}

//===----------------------------------------------------------------------===//
// Integer and quantized-linear convolution
//===----------------------------------------------------------------------===//

/// Strides, dilations and pads with auto_pad resolved, as for Conv.
FailureOr<Window> readConvWindow(NodeContext &ctx, RankedTensorType input,
                                 RankedTensorType weight) {
  FailureOr<SmallVector<int64_t>> kernel =
      convKernel(ctx, weight, input.getRank() - 2);
  if (failed(kernel))
    return failure();
  return readWindow(ctx, input, *kernel, /*hasDilations=*/true);
}

/// The exact i32 convolution of centered 8-bit operands (|v| <= 255, so
/// each product is below 2^16). A sum of K such products stays below 2^24,
/// where f32 is exact, when K <= 258; larger or unknown reduction sizes use
/// f64 (exact below 2^53).
FailureOr<Value> integerConv(NodeContext &ctx, Value x, Value xZero, Value w,
                             Value wZero) {
  auto xType = typeOf(x), wType = typeOf(w);
  int64_t rank = xType.getRank();
  if (rank < 3)
    return ctx.error("expected an input of rank 3 or more [N, C, D1, ...], "
                     "but got rank " +
                     Twine(rank));
  if (wType.getRank() != rank)
    return ctx.error("expected a weight of rank " + Twine(rank) +
                     " like the input, but got rank " + Twine(wType.getRank()));
  FailureOr<Window> window = readConvWindow(ctx, xType, wType);
  if (failed(window))
    return failure();
  Value xc = centered(ctx, x, xZero), wc = centered(ctx, w, wZero);
  int64_t reduction = 1;
  for (int64_t d : wType.getShape().drop_front(1))
    reduction = ShapedType::isDynamic(d) || ShapedType::isDynamic(reduction)
                    ? ShapedType::kDynamic
                    : reduction * d;
  Type floatType = !ShapedType::isDynamic(reduction) && reduction <= 258
                       ? Type(ctx.builder().getF32Type())
                       : Type(ctx.builder().getF64Type());
  Value wFloat = castTo(ctx, wc, floatType);
  Value xFloat = castTo(ctx, xc, floatType);
  Value acc =
      ctx.create<ConvOp>(xFloat, wFloat, Value(), window->strides, window->pads,
                         window->dilations, ctx.intAttr("group", 1));
  if (ctx.hasFailed())
    return failure();
  return castTo(ctx, acc, ctx.builder().getI32Type());
}

LogicalResult convertConvInteger(NodeContext &ctx) {
  FailureOr<std::pair<Value, Value>> operands =
      quantizedOperands(ctx, "x", "w");
  if (failed(operands))
    return failure();
  Value x = operands->first, w = operands->second;
  Value xZero = ctx.input(2), wZero = ctx.input(3);
  if (xZero) {
    if (failed(requireSameType(ctx, xZero, x, "x_zero_point")) ||
        failed(requireScalar(ctx, xZero, "x_zero_point")))
      return failure();
    FailureOr<Value> aligned = alignParam(ctx, xZero, 0, 0, "x_zero_point");
    if (failed(aligned))
      return failure();
    xZero = *aligned;
  }
  if (wZero) {
    if (failed(requireSameType(ctx, wZero, w, "w_zero_point")))
      return failure();
    FailureOr<Value> aligned =
        alignParam(ctx, wZero, typeOf(w).getRank(), 0, "w_zero_point");
    if (failed(aligned))
      return failure();
    wZero = *aligned;
  }
  FailureOr<Value> y = integerConv(ctx, x, xZero, w, wZero);
  if (failed(y))
    return failure();
  ctx.setOutput(0, *y);
  return success();
}

LogicalResult convertQLinearConv(NodeContext &ctx) {
  FailureOr<SmallVector<Value>> inputs = requiredInputs(ctx, 8);
  if (failed(inputs))
    return failure();
  SmallVector<Value> &in = *inputs;
  Value x = in[0], xScale = in[1], xZero = in[2], w = in[3], wScale = in[4],
        wZero = in[5], yScale = in[6], yZero = in[7], bias = ctx.input(8);
  if (failed(requireQuantized(ctx, x, "x")) ||
      failed(requireQuantized(ctx, w, "w")) ||
      failed(requireSameType(ctx, xZero, x, "x_zero_point")) ||
      failed(requireSameType(ctx, wZero, w, "w_zero_point")) ||
      failed(requireF32(ctx, xScale, "x_scale")) ||
      failed(requireF32(ctx, wScale, "w_scale")) ||
      failed(requireF32(ctx, yScale, "y_scale")) ||
      failed(requireScalar(ctx, xScale, "x_scale")) ||
      failed(requireScalar(ctx, xZero, "x_zero_point")) ||
      failed(requireScalar(ctx, yScale, "y_scale")) ||
      failed(requireScalar(ctx, yZero, "y_zero_point")))
    return failure();
  if (bias && !elementTypeOf(bias).isSignlessInteger(32))
    return ctx.emitError() << "expected a bias of type int32, but got "
                           << bias.getType();
  int64_t rank = typeOf(x).getRank();
  // Weight zero points line up with the weight's output channels (dim 0),
  // weight scales and the bias with the result's channels (dim 1).
  FailureOr<Value> wz =
      alignParam(ctx, wZero, typeOf(w).getRank(), 0, "w_zero_point");
  FailureOr<Value> ws = alignParam(ctx, wScale, rank, 1, "w_scale");
  FailureOr<Value> xs = alignParam(ctx, xScale, 0, 0, "x_scale");
  FailureOr<Value> xz = alignParam(ctx, xZero, 0, 0, "x_zero_point");
  FailureOr<Value> ys = alignParam(ctx, yScale, 0, 0, "y_scale");
  FailureOr<Value> yz = alignParam(ctx, yZero, 0, 0, "y_zero_point");
  if (failed(wz) || failed(ws) || failed(xs) || failed(xz) || failed(ys) ||
      failed(yz))
    return failure();
  FailureOr<Value> acc = integerConv(ctx, x, *xz, w, *wz);
  if (failed(acc))
    return failure();
  Value sum = *acc;
  if (bias) {
    if (typeOf(bias).getRank() != 1)
      return ctx.error("expected a 1-D bias, but got shape " +
                       formatInts(typeOf(bias).getShape()));
    SmallVector<int64_t> shape(rank - 1, 1);
    shape[0] = typeOf(bias).getDimSize(0);
    FailureOr<Value> b = reshapeTo(ctx, bias, shape);
    if (failed(b))
      return failure();
    sum = ctx.create<AddOp>(sum, *b);
  }
  Value multiplier = ctx.create<DivOp>(ctx.create<MulOp>(*xs, *ws), *ys);
  FailureOr<Value> y = requantize(ctx, sum, multiplier, *yz);
  if (failed(y))
    return failure();
  ctx.setOutput(0, *y);
  return success();
}
} // namespace

void mlir::dfg::onnx_import::registerQuantizationConverters(
    ConverterRegistry &r) {
  r.add("", "QuantizeLinear", 10, convertQuantizeLinear);
  r.add("", "DequantizeLinear", 10, convertDequantizeLinear);
  r.add("", "DynamicQuantizeLinear", 11, convertDynamicQuantizeLinear);
  r.add("", "MatMulInteger", 10, convertMatMulInteger);
  r.add("", "QLinearMatMul", 10, convertQLinearMatMul);
  r.add("", "ConvInteger", 10, convertConvInteger);
  r.add("", "QLinearConv", 10, convertQLinearConv);
}
