//===- Indexing.cpp - ONNX indexing ops to dfg ----------------------------===//
//
// Element-wise and N-d gathers and scatters, CumSum, TopK, NonZero and
// Compress, OneHot and ReverseSequence (decomposed), Resize and Upsample.
//
// Several of these ops take a tensor input that fixes a size or an axis
// (TopK's k, OneHot's depth, CumSum's axis, Resize's sizes). When it is not
// a constant, sizes come from the output type the model declares (or ONNX
// shape inference derives), and a computed CumSum axis selects among the
// cumulative sums along every axis at run time.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/ADT/StringSwitch.h"

#include <cmath>
#include <limits>
#include <optional>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {

/// The values of a constant numeric input as doubles, or none.
std::optional<SmallVector<double>> constantDoubles(NodeContext &ctx,
                                                   unsigned index) {
  DenseElementsAttr value = ctx.constantInput(index);
  if (!value)
    return std::nullopt;
  SmallVector<double> result;
  if (isa<FloatType>(value.getElementType())) {
    for (const APFloat &v : value.getValues<APFloat>())
      result.push_back(v.convertToDouble());
    return result;
  }
  if (!isa<IntegerType>(value.getElementType()))
    return std::nullopt;
  bool isUnsigned = value.getElementType().isUnsignedInteger();
  for (const APInt &v : value.getValues<APInt>())
    result.push_back(isUnsigned ? static_cast<double>(v.getZExtValue())
                                : static_cast<double>(v.getSExtValue()));
  return result;
}

/// Whether optional input `index` is given: present, and not an empty
/// tensor (how opsets 10 to 12 leave out Resize's roi and scales).
bool isGiven(NodeContext &ctx, unsigned index) {
  if (!ctx.input(index))
    return false;
  RankedTensorType type = ctx.inputType(index);
  return !(type.hasStaticShape() && type.getNumElements() == 0);
}

/// Size `axis` of the output type ONNX shape inference (or the model)
/// declares for output `output`, when it is static.
std::optional<int64_t> hintedDim(NodeContext &ctx, unsigned output,
                                 int64_t rank, int64_t axis) {
  RankedTensorType hint = ctx.outputTypeHint(output);
  if (!hint || hint.getRank() != rank || hint.isDynamicDim(axis))
    return std::nullopt;
  return hint.getDimSize(axis);
}

/// A 1-D i64 constant `0, 1, ..., size - 1` shaped as a rank-`rank` tensor
/// with `size` at `axis` and 1 elsewhere, to broadcast against.
Value iota(NodeContext &ctx, int64_t size, int64_t rank, int64_t axis) {
  SmallVector<int64_t> shape(rank, 1);
  shape[axis] = size;
  SmallVector<int64_t> values;
  for (int64_t i = 0; i < size; ++i)
    values.push_back(i);
  auto type = RankedTensorType::get(shape, ctx.builder().getI64Type());
  return ctx.constant(DenseElementsAttr::get(type, ArrayRef<int64_t>(values)));
}

FailureOr<ScatterReduction> parseReduction(NodeContext &ctx) {
  std::string reduction = ctx.stringAttr("reduction", "none");
  std::optional<ScatterReduction> kind =
      llvm::StringSwitch<std::optional<ScatterReduction>>(reduction)
          .Case("none", ScatterReduction::None)
          .Case("add", ScatterReduction::Add)
          .Case("mul", ScatterReduction::Mul)
          .Case("max", ScatterReduction::Max)
          .Case("min", ScatterReduction::Min)
          .Default(std::nullopt);
  if (!kind)
    return ctx.error("unknown reduction '" + reduction + "'");
  return *kind;
}

//===----------------------------------------------------------------------===//
// Gathers and scatters
//===----------------------------------------------------------------------===//

LogicalResult convertGatherElements(NodeContext &ctx) {
  FailureOr<Value> data = ctx.requiredInput(0);
  FailureOr<Value> indices = ctx.requiredInput(1);
  if (failed(data) || failed(indices))
    return failure();
  FailureOr<int64_t> axis =
      normalizeAxis(ctx, ctx.intAttr("axis", 0), typeOf(*data).getRank());
  if (failed(axis))
    return failure();
  ctx.setOutput(0, ctx.create<GatherElementsOp>(*data, *indices, *axis));
  return success();
}

/// ScatterElements, and Scatter (its deprecated name, opsets 9 and 10).
LogicalResult convertScatterElements(NodeContext &ctx) {
  FailureOr<Value> data = ctx.requiredInput(0);
  FailureOr<Value> indices = ctx.requiredInput(1);
  FailureOr<Value> updates = ctx.requiredInput(2);
  if (failed(data) || failed(indices) || failed(updates))
    return failure();
  FailureOr<int64_t> axis =
      normalizeAxis(ctx, ctx.intAttr("axis", 0), typeOf(*data).getRank());
  FailureOr<ScatterReduction> reduction = parseReduction(ctx);
  if (failed(axis) || failed(reduction))
    return failure();
  ctx.setOutput(0, ctx.create<ScatterElementsOp>(*data, *indices, *updates,
                                                 *axis, *reduction));
  return success();
}

LogicalResult convertGatherND(NodeContext &ctx) {
  FailureOr<Value> data = ctx.requiredInput(0);
  FailureOr<Value> indices = ctx.requiredInput(1);
  if (failed(data) || failed(indices))
    return failure();
  ctx.setOutput(0, ctx.create<GatherNdOp>(*data, *indices,
                                          ctx.intAttr("batch_dims", 0)));
  return success();
}

LogicalResult convertScatterND(NodeContext &ctx) {
  FailureOr<Value> data = ctx.requiredInput(0);
  FailureOr<Value> indices = ctx.requiredInput(1);
  FailureOr<Value> updates = ctx.requiredInput(2);
  if (failed(data) || failed(indices) || failed(updates))
    return failure();
  FailureOr<ScatterReduction> reduction = parseReduction(ctx);
  if (failed(reduction))
    return failure();
  ctx.setOutput(
      0, ctx.create<ScatterNdOp>(*data, *indices, *updates, *reduction));
  return success();
}

//===----------------------------------------------------------------------===//
// CumSum, TopK, NonZero, Compress
//===----------------------------------------------------------------------===//

LogicalResult convertCumSum(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> axisInput = ctx.requiredInput(1);
  if (failed(x) || failed(axisInput))
    return failure();
  int64_t rank = typeOf(*x).getRank();
  if (rank == 0)
    return ctx.error("expected an input of rank at least 1");
  bool exclusive = ctx.intAttr("exclusive", 0);
  bool reverse = ctx.intAttr("reverse", 0);
  auto cumsum = [&](int64_t axis) -> Value {
    return ctx.create<CumSumOp>(*x, axis, exclusive, reverse);
  };
  if (DenseElementsAttr axisValue = ctx.constantInput(1)) {
    if (axisValue.getNumElements() != 1 ||
        !isa<IntegerType>(axisValue.getElementType()))
      return ctx.error("expected the axis to be one integer");
    FailureOr<int64_t> axis = normalizeAxis(
        ctx, (*axisValue.getValues<APInt>().begin()).getSExtValue(), rank);
    if (failed(axis))
      return failure();
    ctx.setOutput(0, cumsum(*axis));
    return success();
  }
  // A computed axis: only 0 (or -1) is valid for a 1-D input; otherwise
  // select among the sums along every axis at run time.
  Value result = cumsum(rank - 1);
  Type axisType = typeOf(*axisInput).getElementType();
  for (int64_t axis = rank - 2; axis >= 0; --axis) {
    Value isAxis = ctx.create<CompareOp>(ComparePredicate::EQ, *axisInput,
                                         ctx.scalar(axisType, axis));
    Value isNegative = ctx.create<CompareOp>(
        ComparePredicate::EQ, *axisInput, ctx.scalar(axisType, axis - rank));
    Value matches = ctx.create<OrOp>(isAxis, isNegative);
    result = ctx.create<SelectOp>(matches, cumsum(axis), result);
  }
  ctx.setOutput(0, result);
  return success();
}

LogicalResult convertTopK(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  FailureOr<int64_t> axis =
      normalizeAxis(ctx, ctx.intAttr("axis", -1), type.getRank());
  if (failed(axis))
    return failure();
  std::optional<int64_t> k;
  if (ctx.version() < 10) {
    k = ctx.intAttr("k", -1);
  } else if (DenseElementsAttr value = ctx.constantInput(1)) {
    if (value.getNumElements() != 1 ||
        !isa<IntegerType>(value.getElementType()))
      return ctx.error("expected k to be one integer");
    k = (*value.getValues<APInt>().begin()).getSExtValue();
  } else {
    k = hintedDim(ctx, 0, type.getRank(), *axis);
    if (!k)
      k = hintedDim(ctx, 1, type.getRank(), *axis);
    if (!k)
      return ctx.error("expected k (input 1) to be a constant, or the output "
                       "size along the axis to be known");
  }
  int64_t size = type.getDimSize(*axis);
  if (*k < 0 || (!ShapedType::isDynamic(size) && *k > size))
    return ctx.error("expected k in [0, " + Twine(size) + "], but got " +
                     Twine(*k));
  SmallVector<int64_t> shape(type.getShape());
  shape[*axis] = *k;
  auto values = RankedTensorType::get(shape, type.getElementType());
  auto indices = RankedTensorType::get(shape, ctx.builder().getI64Type());
  bool largest = ctx.version() < 11 || ctx.intAttr("largest", 1);
  bool sorted = ctx.version() < 11 || ctx.intAttr("sorted", 1);
  auto op = ctx.create<TopKOp>(values, indices, *x, *axis, *k, largest, sorted);
  ctx.setOutput(0, op.getValues());
  ctx.setOutput(1, op.getIndices());
  return success();
}

LogicalResult convertNonZero(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  ctx.setOutput(0, ctx.create<NonZeroOp>(*x));
  return success();
}

/// Compress: the positions of the true conditions (dfg.non_zero) gathered
/// along the axis, or from the flattened input without one.
LogicalResult convertCompress(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  FailureOr<Value> condition = ctx.requiredInput(1);
  if (failed(input) || failed(condition))
    return failure();
  RankedTensorType type = typeOf(*input);
  if (typeOf(*condition).getRank() != 1)
    return ctx.error("expected a 1-D condition, but got rank " +
                     Twine(typeOf(*condition).getRank()));
  Value data = *input;
  int64_t axis = 0;
  if (ctx.hasAttr("axis")) {
    FailureOr<int64_t> normalized =
        normalizeAxis(ctx, ctx.intAttr("axis", 0), type.getRank());
    if (failed(normalized))
      return failure();
    axis = *normalized;
  } else {
    int64_t count = type.hasStaticShape() ? type.getNumElements()
                                          : ShapedType::kDynamic;
    if (!type.hasStaticShape() && type.getNumDynamicDims() > 1)
      return ctx.error("flattening an input with several dynamic dimensions "
                       "is not supported");
    FailureOr<Value> flat = reshapeWithOneDynamic(ctx, data, {count});
    if (failed(flat))
      return failure();
    data = *flat;
  }
  Value positions = ctx.create<NonZeroOp>(*condition);
  FailureOr<Value> indices =
      reshapeWithOneDynamic(ctx, positions, {ShapedType::kDynamic});
  if (failed(indices))
    return failure();
  ctx.setOutput(0, ctx.create<GatherOp>(data, *indices, axis));
  return success();
}

//===----------------------------------------------------------------------===//
// OneHot, ReverseSequence
//===----------------------------------------------------------------------===//

/// OneHot: `select(expand(indices) == iota(depth), on, off)`, negative
/// indices counting from depth.
LogicalResult convertOneHot(NodeContext &ctx) {
  FailureOr<Value> indicesInput = ctx.requiredInput(0);
  FailureOr<Value> depthInput = ctx.requiredInput(1);
  FailureOr<Value> values = ctx.requiredInput(2);
  if (failed(indicesInput) || failed(depthInput) || failed(values))
    return failure();
  RankedTensorType indicesType = typeOf(*indicesInput);
  int64_t rank = indicesType.getRank() + 1;
  FailureOr<int64_t> axis = normalizeAxis(ctx, ctx.intAttr("axis", -1), rank);
  if (failed(axis))
    return failure();
  std::optional<int64_t> depth;
  if (std::optional<SmallVector<double>> value = constantDoubles(ctx, 1)) {
    if (value->size() != 1)
      return ctx.error("expected depth to be one value");
    depth = static_cast<int64_t>(value->front());
  } else {
    depth = hintedDim(ctx, 0, rank, *axis);
  }
  if (!depth)
    return ctx.error("expected depth (input 1) to be a constant, or the "
                     "output size along the axis to be known");
  if (*depth < 1)
    return ctx.error("expected a positive depth, but got " + Twine(*depth));
  RankedTensorType valuesType = typeOf(*values);
  if (valuesType.getRank() != 1 || valuesType.isDynamicDim(0) ||
      valuesType.getDimSize(0) != 2)
    return ctx.error("expected values of shape 2 (off, on), but got " +
                     Twine(valuesType.getRank()) + "-d tensor");

  Type i64 = ctx.builder().getI64Type();
  Value indices = castTo(ctx, *indicesInput, i64);
  Value negative = ctx.create<CompareOp>(ComparePredicate::LT, indices,
                                         ctx.scalar(i64, 0));
  indices = ctx.create<SelectOp>(
      negative, ctx.create<AddOp>(indices, ctx.scalar(i64, *depth)), indices);
  SmallVector<int64_t> expanded(indicesType.getShape());
  expanded.insert(expanded.begin() + *axis, 1);
  FailureOr<Value> column = reshapeWithOneDynamic(ctx, indices, expanded);
  if (failed(column))
    return failure();
  Value hot = ctx.create<CompareOp>(ComparePredicate::EQ, *column,
                                    iota(ctx, *depth, rank, *axis));
  auto pick = [&](int64_t i) -> Value {
    return ctx.create<SliceOp>(*values, ArrayRef<int64_t>{i},
                               ArrayRef<int64_t>{i + 1},
                               ArrayRef<int64_t>{1});
  };
  Value on = pick(1);
  Value off = pick(0);
  ctx.setOutput(0, ctx.create<SelectOp>(hot, on, off));
  return success();
}

/// ReverseSequence: a dfg.gather_elements along the time axis whose index
/// is `len - 1 - t` for `t < len` and `t` past the sequence length.
LogicalResult convertReverseSequence(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> lensInput = ctx.requiredInput(1);
  if (failed(x) || failed(lensInput))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  if (rank < 2)
    return ctx.error("expected an input of rank at least 2, but got " +
                     Twine(rank));
  FailureOr<int64_t> batchAxis =
      normalizeAxis(ctx, ctx.intAttr("batch_axis", 1), rank, "batch_axis");
  FailureOr<int64_t> timeAxis =
      normalizeAxis(ctx, ctx.intAttr("time_axis", 0), rank, "time_axis");
  if (failed(batchAxis) || failed(timeAxis))
    return failure();
  if (*batchAxis == *timeAxis)
    return ctx.error("expected different batch and time axes");
  int64_t time = type.getDimSize(*timeAxis);
  if (ShapedType::isDynamic(time))
    return ctx.error("expected a static size of the time axis");
  if (rank > 2 && !type.hasStaticShape())
    return ctx.error("expected a static input shape for rank above 2");

  Type i64 = ctx.builder().getI64Type();
  SmallVector<int64_t> lensShape(rank, 1);
  lensShape[*batchAxis] = typeOf(*lensInput).getRank() == 1
                              ? typeOf(*lensInput).getDimSize(0)
                              : ShapedType::kDynamic;
  FailureOr<Value> lens =
      reshapeWithOneDynamic(ctx, castTo(ctx, *lensInput, i64), lensShape);
  if (failed(lens))
    return failure();
  Value t = iota(ctx, time, rank, *timeAxis);
  Value inSequence = ctx.create<CompareOp>(ComparePredicate::LT, t, *lens);
  Value reversed = ctx.create<SubOp>(
      ctx.create<SubOp>(*lens, ctx.scalar(i64, 1)), t);
  Value index = ctx.create<SelectOp>(inSequence, reversed, t);
  if (rank > 2)
    index = ctx.create<BroadcastToOp>(type.clone(i64), index, Value());
  ctx.setOutput(0, ctx.create<GatherElementsOp>(*x, index, *timeAxis));
  return success();
}

//===----------------------------------------------------------------------===//
// Resize, Upsample
//===----------------------------------------------------------------------===//

struct ResizeAttrs {
  ResizeMode mode = ResizeMode::Nearest;
  CoordinateMode coordinates = CoordinateMode::HalfPixel;
  NearestMode nearest = NearestMode::RoundPreferFloor;
  double cubicCoeffA = -0.75;
  bool excludeOutside = false;
  double extrapolationValue = 0.0;
};

FailureOr<ResizeMode> parseResizeMode(NodeContext &ctx) {
  std::string mode = ctx.stringAttr("mode", "nearest");
  if (mode == "nearest")
    return ResizeMode::Nearest;
  if (mode == "linear" || mode == "bilinear")
    return ResizeMode::Linear;
  if (mode == "cubic")
    return ResizeMode::Cubic;
  return ctx.error("unknown mode '" + mode + "'");
}

/// The output shape and (when it is not `output / input`) the scales
/// operand of a resize.
struct ResizeShape {
  SmallVector<int64_t> shape;
  Value scales;
};

/// Output sizes from constant or computed scales (Resize with scales, and
/// Upsample): `floor(input * scale)`, or the declared output shape.
FailureOr<ResizeShape> shapeFromScales(NodeContext &ctx, Value x,
                                       Value scalesInput,
                                       std::optional<SmallVector<double>>
                                           scales,
                                       ArrayRef<int64_t> axes) {
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  ResizeShape result;
  if (!scales) {
    if (!axes.empty())
      return ctx.error("expected constant scales when axes are given");
    RankedTensorType hint = ctx.outputTypeHint(0);
    if (hint && hint.getRank() == rank)
      result.shape.assign(hint.getShape().begin(), hint.getShape().end());
    else
      result.shape.assign(rank, ShapedType::kDynamic);
    result.scales = scalesInput;
    return result;
  }
  SmallVector<double> full(rank, 1.0);
  if (axes.empty()) {
    if (static_cast<int64_t>(scales->size()) != rank)
      return ctx.error("expected " + Twine(rank) + " scales (the input rank), "
                       "but got " + Twine(scales->size()));
    full.assign(scales->begin(), scales->end());
  } else {
    if (scales->size() != axes.size())
      return ctx.error("expected one scale per axis");
    for (auto [axis, scale] : llvm::zip_equal(axes, *scales))
      full[axis] = scale;
  }
  bool exact = true;
  for (int64_t i = 0; i < rank; ++i) {
    if (!(full[i] > 0))
      return ctx.error("expected positive scales, but scale " + Twine(i) +
                       " is " + std::to_string(full[i]));
    int64_t size = type.getDimSize(i);
    if (ShapedType::isDynamic(size)) {
      result.shape.push_back(size);
      exact &= full[i] == 1.0;
      continue;
    }
    int64_t out = static_cast<int64_t>(std::floor(size * full[i]));
    result.shape.push_back(out);
    exact &= static_cast<double>(out) == size * full[i];
  }
  // The scales matter where they differ from output / input (0.6 of 4 gives
  // 2, but samples at multiples of 1 / 0.6).
  if (!exact) {
    if (axes.empty() && scalesInput) {
      result.scales = scalesInput;
    } else {
      SmallVector<float> values(full.begin(), full.end());
      auto scalesType = RankedTensorType::get(
          {rank}, Float32Type::get(ctx.context()));
      result.scales = ctx.constant(
          DenseElementsAttr::get(scalesType, ArrayRef<float>(values)));
    }
  }
  return result;
}

/// Output sizes computed at run time (deeplabv3 resizes to the input's
/// height and width, read with Shape): the result has the sizes ONNX shape
/// inference knows and dynamic ones elsewhere, and the scales operand is
/// `sizes / input` in f64, which the lowering multiplies back and floors.
/// Where the rounded quotient times the input size falls short of the size
/// (1 / 49 * 49 < 1), the scale is raised by one unit in the last place, so
/// that the floor gives the requested size; the coordinates then move by
/// about 1e-16 of a pixel.
FailureOr<ResizeShape> shapeFromComputedSizes(NodeContext &ctx, Value x,
                                              Value sizes,
                                              ArrayRef<int64_t> axes,
                                              RankedTensorType hint) {
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  RankedTensorType sizesType = typeOf(sizes);
  if (!axes.empty())
    return ctx.error("expected constant sizes (input 3) when axes are given");
  if (sizesType.getRank() != 1 || sizesType.getDimSize(0) != rank ||
      !isa<IntegerType>(sizesType.getElementType()))
    return ctx.error("expected " + Twine(rank) +
                     " integer sizes (input 3, one per input dimension)");
  ResizeShape result;
  if (hint && hint.getRank() == rank)
    result.shape.assign(hint.getShape().begin(), hint.getShape().end());
  else
    result.shape.assign(rank, ShapedType::kDynamic);
  Type f64 = ctx.builder().getF64Type();
  auto vectorType = RankedTensorType::get({rank}, f64);
  Value wanted = ctx.create<CastOp>(vectorType, sizes);
  Value from = ctx.create<CastOp>(vectorType, ctx.create<ShapeOfOp>(x));
  Value scale = ctx.create<DivOp>(wanted, from);
  Value back = ctx.create<MulOp>(scale, from);
  Value short_ = ctx.create<CompareOp>(ComparePredicate::LT, back, wanted);
  Value raised = ctx.create<MulOp>(
      scale, ctx.scalar(f64, 1.0 + std::numeric_limits<double>::epsilon()));
  result.scales = ctx.create<SelectOp>(short_, raised, scale);
  return result;
}

/// Nearest-neighbour rounding of Upsample and Resize-10 with asymmetric
/// coordinates: floor when enlarging, ceil when shrinking (as ONNX Runtime
/// and the reference outputs of those opsets do).
FailureOr<NearestMode> legacyNearestMode(NodeContext &ctx, RankedTensorType in,
                                         const ResizeShape &out,
                                         std::optional<SmallVector<double>>
                                             scales) {
  bool up = false, down = false;
  for (int64_t i = 0; i < in.getRank(); ++i) {
    if (scales && static_cast<int64_t>(scales->size()) == in.getRank()) {
      up |= (*scales)[i] > 1.0;
      down |= (*scales)[i] < 1.0;
      continue;
    }
    int64_t from = in.getDimSize(i), to = out.shape[i];
    if (ShapedType::isDynamic(from) || ShapedType::isDynamic(to))
      continue;
    up |= to > from;
    down |= to < from;
  }
  if (up && down)
    return ctx.error("nearest resizing that enlarges some dimensions and "
                     "shrinks others is not supported at this opset");
  return down ? NearestMode::Ceil : NearestMode::Floor;
}

LogicalResult buildResize(NodeContext &ctx, Value x, const ResizeShape &shape,
                          Value roi, const ResizeAttrs &attrs) {
  RankedTensorType type = typeOf(x);
  if (attrs.mode != ResizeMode::Nearest &&
      !isa<FloatType>(type.getElementType()))
    return ctx.error("linear and cubic resizing of integer tensors is not "
                     "supported");
  MLIRContext *context = ctx.context();
  OpBuilder &b = ctx.builder();
  Value result = ctx.create<ResizeOp>(
      type.clone(shape.shape), x, shape.scales, roi,
      ResizeModeAttr::get(context, attrs.mode),
      CoordinateModeAttr::get(context, attrs.coordinates),
      NearestModeAttr::get(context, attrs.nearest),
      b.getF64FloatAttr(attrs.cubicCoeffA),
      b.getBoolAttr(attrs.excludeOutside),
      b.getF64FloatAttr(attrs.extrapolationValue));
  ctx.setOutput(0, result);
  return success();
}

/// Upsample (opsets 7 and 9) and Resize-10: asymmetric coordinates.
LogicalResult convertUpsample(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  ResizeAttrs attrs;
  FailureOr<ResizeMode> mode = parseResizeMode(ctx);
  if (failed(mode))
    return failure();
  if (*mode == ResizeMode::Cubic)
    return ctx.error("cubic mode is only defined from Resize-11 on");
  attrs.mode = *mode;
  attrs.coordinates = CoordinateMode::Asymmetric;
  Value scalesInput;
  std::optional<SmallVector<double>> scales;
  if (ctx.opType() == "Upsample" && ctx.version() < 9) {
    scales = ctx.floatsAttr("scales");
  } else {
    FailureOr<Value> input = ctx.requiredInput(1);
    if (failed(input))
      return failure();
    scalesInput = *input;
    scales = constantDoubles(ctx, 1);
  }
  FailureOr<ResizeShape> shape =
      shapeFromScales(ctx, *x, scalesInput, scales, {});
  if (failed(shape))
    return failure();
  if (attrs.mode == ResizeMode::Nearest) {
    FailureOr<NearestMode> nearest =
        legacyNearestMode(ctx, typeOf(*x), *shape, scales);
    if (failed(nearest))
      return failure();
    attrs.nearest = *nearest;
  }
  return buildResize(ctx, *x, *shape, Value(), attrs);
}

/// Resize from opset 11: roi, scales and sizes inputs; from 18, axes,
/// keep_aspect_ratio_policy and antialias.
LogicalResult convertResize(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  ResizeAttrs attrs;
  FailureOr<ResizeMode> mode = parseResizeMode(ctx);
  if (failed(mode))
    return failure();
  attrs.mode = *mode;
  std::string coordinates =
      ctx.stringAttr("coordinate_transformation_mode", "half_pixel");
  std::optional<CoordinateMode> coordinateMode =
      symbolizeCoordinateMode(coordinates);
  if (!coordinateMode)
    return ctx.error("unsupported coordinate_transformation_mode '" +
                     coordinates + "'");
  attrs.coordinates = *coordinateMode;
  std::string nearest = ctx.stringAttr("nearest_mode", "round_prefer_floor");
  std::optional<NearestMode> nearestMode = symbolizeNearestMode(nearest);
  if (!nearestMode)
    return ctx.error("unsupported nearest_mode '" + nearest + "'");
  attrs.nearest = *nearestMode;
  attrs.cubicCoeffA = ctx.floatAttr("cubic_coeff_a", -0.75);
  attrs.excludeOutside = ctx.intAttr("exclude_outside", 0);
  attrs.extrapolationValue = ctx.floatAttr("extrapolation_value", 0.0);
  if (ctx.intAttr("antialias", 0))
    return ctx.error("antialiased resizing is not supported");

  SmallVector<int64_t> axes;
  for (int64_t axis : ctx.intsAttr("axes")) {
    FailureOr<int64_t> normalized = normalizeAxis(ctx, axis, rank, "axes");
    if (failed(normalized))
      return failure();
    axes.push_back(*normalized);
  }

  FailureOr<ResizeShape> shape = failure();
  if (isGiven(ctx, 3)) {
    ResizeShape sizesShape;
    if (ctx.constantInput(3)) {
      FailureOr<SmallVector<int64_t>> sizes = ctx.constantInts(3, "sizes");
      if (failed(sizes))
        return failure();
      ArrayRef<int64_t> over = axes;
      SmallVector<int64_t> all;
      if (axes.empty()) {
        for (int64_t i = 0; i < rank; ++i)
          all.push_back(i);
        over = all;
      }
      if (sizes->size() != over.size())
        return ctx.error("expected " + Twine(over.size()) + " sizes, but got " +
                         Twine(sizes->size()));
      sizesShape.shape.assign(type.getShape().begin(), type.getShape().end());
      for (auto [axis, size] : llvm::zip_equal(over, *sizes))
        sizesShape.shape[axis] = size;
      std::string policy = ctx.stringAttr("keep_aspect_ratio_policy", "stretch");
      if (policy != "stretch") {
        // One scale for every resized axis, the smallest (not_larger) or
        // largest (not_smaller) of the requested ones.
        std::optional<double> scale;
        for (int64_t axis : over) {
          if (type.isDynamicDim(axis))
            return ctx.error("keep_aspect_ratio_policy needs static input "
                             "sizes");
          double s = static_cast<double>(sizesShape.shape[axis]) /
                     type.getDimSize(axis);
          if (!scale || (policy == "not_larger" ? s < *scale : s > *scale))
            scale = s;
        }
        if (policy != "not_larger" && policy != "not_smaller")
          return ctx.error("unknown keep_aspect_ratio_policy '" + policy + "'");
        SmallVector<double> scales(rank, 1.0);
        for (int64_t axis : over) {
          scales[axis] = *scale;
          sizesShape.shape[axis] = static_cast<int64_t>(
              std::round(*scale * type.getDimSize(axis)));
        }
        SmallVector<float> values(scales.begin(), scales.end());
        auto scalesType = RankedTensorType::get(
            {rank}, Float32Type::get(ctx.context()));
        sizesShape.scales = ctx.constant(
            DenseElementsAttr::get(scalesType, ArrayRef<float>(values)));
      }
    } else {
      if (ctx.hasAttr("keep_aspect_ratio_policy") &&
          ctx.stringAttr("keep_aspect_ratio_policy", "") != "stretch")
        return ctx.error("keep_aspect_ratio_policy needs constant sizes");
      RankedTensorType hint = ctx.outputTypeHint(0);
      if (hint && hint.getRank() == rank && hint.hasStaticShape()) {
        sizesShape.shape.assign(hint.getShape().begin(), hint.getShape().end());
      } else {
        FailureOr<ResizeShape> computed =
            shapeFromComputedSizes(ctx, *x, ctx.input(3), axes, hint);
        if (failed(computed))
          return failure();
        sizesShape = *computed;
      }
    }
    for (auto [i, size] : llvm::enumerate(sizesShape.shape))
      if (!ShapedType::isDynamic(size) && size < 1)
        return ctx.error("expected positive output sizes, but size " +
                         Twine(i) + " is " + Twine(size));
    shape = sizesShape;
  } else if (isGiven(ctx, 2)) {
    shape = shapeFromScales(ctx, *x, ctx.input(2), constantDoubles(ctx, 2),
                            axes);
  } else {
    return ctx.error("expected one of scales (input 2) and sizes (input 3)");
  }
  if (failed(shape))
    return failure();

  Value roi;
  if (attrs.coordinates == CoordinateMode::TfCropAndResize && isGiven(ctx, 1)) {
    roi = ctx.input(1);
    if (!axes.empty()) {
      std::optional<SmallVector<double>> values = constantDoubles(ctx, 1);
      if (!values || values->size() != 2 * axes.size())
        return ctx.error("expected a constant roi of two values per axis");
      SmallVector<float> full(rank, 0.0f);
      full.append(rank, 1.0f);
      for (auto [i, axis] : llvm::enumerate(axes)) {
        full[axis] = (*values)[i];
        full[rank + axis] = (*values)[axes.size() + i];
      }
      auto roiType = RankedTensorType::get({2 * rank},
                                           Float32Type::get(ctx.context()));
      roi = ctx.constant(DenseElementsAttr::get(roiType, ArrayRef<float>(full)));
    }
  }
  return buildResize(ctx, *x, *shape, roi, attrs);
}

} // namespace

void mlir::dfg::onnx_import::registerIndexingConverters(ConverterRegistry &r) {
  r.add("", "GatherElements", 11, convertGatherElements);
  r.add("", "ScatterElements", 11, convertScatterElements);
  r.add("", "Scatter", 9, convertScatterElements);
  r.add("", "GatherND", 11, convertGatherND);
  r.add("", "ScatterND", 11, convertScatterND);
  r.add("", "CumSum", 11, convertCumSum);
  r.add("", "TopK", 1, convertTopK);
  r.add("", "NonZero", 9, convertNonZero);
  r.add("", "Compress", 9, convertCompress);
  r.add("", "OneHot", 9, convertOneHot);
  r.add("", "ReverseSequence", 10, convertReverseSequence);
  r.add("", "Upsample", 7, convertUpsample);
  r.add("", "Resize", 10, convertUpsample);
  r.add("", "Resize", 11, convertResize);
}
