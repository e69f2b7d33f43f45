//===- Vision.cpp - ONNX vision and signal ops to dfg ---------------------===//
//
// NonMaxSuppression, Unique, GridSample and RoiAlign map to dfg ops of their
// own (their results depend on the data in ways no fixed decomposition
// captures). The signal ops decompose:
//
// - the window functions are constants: their length is the size input
//   when it is constant, else the output size ONNX shape inference derives
//   (a run-time size different from it would break the model's own type);
// - DFT over a static length is one matmul with a constant matrix: the
//   transformed axis and the trailing real/imaginary dimension are merged
//   into one vector, so the matrix holds the cos and sin terms of both
//   parts;
// - STFT gathers the frames, multiplies by the window and applies the same
//   matrix;
// - MelWeightMatrix is a constant when its inputs are, and elementwise
//   arithmetic over the bin indices otherwise;
// - MaxUnpool scatters the values into a zero tensor by their flat indices.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/ADT/StringSwitch.h"

#include <cmath>
#include <numeric>
#include <optional>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {

/// A one-element input (a scalar or a 1-element vector) as a 0-d tensor of
/// `elementType`.
FailureOr<Value> scalarInput(NodeContext &ctx, unsigned index,
                             Type elementType, StringRef what) {
  Value value = ctx.input(index);
  RankedTensorType type = ctx.inputType(index);
  if (!type.hasStaticShape() || type.getNumElements() != 1)
    return ctx.error("expected a one-element " + what + ", but got shape " +
                     Twine(type.getRank()) + "-d");
  FailureOr<Value> reshaped = reshapeWithOneDynamic(ctx, value, {});
  if (failed(reshaped))
    return failure();
  return castTo(ctx, *reshaped, elementType);
}

/// A constant of `type` holding `values` (converted to its element type).
FailureOr<Value> constantOf(NodeContext &ctx, RankedTensorType type,
                            ArrayRef<double> values) {
  Type elementType = type.getElementType();
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    SmallVector<APFloat> elements;
    for (double v : values) {
      APFloat f(v);
      bool losesInfo;
      f.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                &losesInfo);
      elements.push_back(f);
    }
    return ctx.constant(DenseElementsAttr::get(type, elements));
  }
  if (auto intType = dyn_cast<IntegerType>(elementType)) {
    SmallVector<APInt> elements;
    for (double v : values)
      elements.push_back(APInt(intType.getWidth(), static_cast<int64_t>(v),
                               /*isSigned=*/!intType.isUnsigned(),
                               /*implicitTrunc=*/true));
    return ctx.constant(DenseElementsAttr::get(type, elements));
  }
  return ctx.error("unsupported element type for a constant");
}

/// The integer value of a one-element constant input, or none.
std::optional<int64_t> constantInt(NodeContext &ctx, unsigned index) {
  DenseElementsAttr value = ctx.constantInput(index);
  if (!value || value.getNumElements() != 1)
    return std::nullopt;
  if (isa<IntegerType>(value.getElementType()))
    return (*value.getValues<APInt>().begin()).getSExtValue();
  return std::nullopt;
}

/// The `output_datatype` attribute as an element type (float by default).
FailureOr<Type> outputDataType(NodeContext &ctx) {
  int64_t dataType = ctx.intAttr("output_datatype", 1);
  FailureOr<Type> type =
      convertElementType(ctx.context(), static_cast<int32_t>(dataType));
  if (failed(type))
    return ctx.error("unsupported output_datatype " + Twine(dataType));
  return type;
}

//===----------------------------------------------------------------------===//
// Window functions
//===----------------------------------------------------------------------===//

/// Hann, Hamming and Blackman windows as `a0 - a1 cos(2 pi n / N) +
/// a2 cos(4 pi n / N)`, N being the size (periodic) or the size minus 1.
LogicalResult convertWindow(NodeContext &ctx, double a0, double a1,
                            double a2) {
  if (failed(ctx.requiredInput(0)))
    return failure();
  FailureOr<Type> elementType = outputDataType(ctx);
  if (failed(elementType))
    return failure();
  std::optional<int64_t> size = constantInt(ctx, 0);
  if (!size) {
    RankedTensorType hint = ctx.outputTypeHint(0);
    if (!hint || hint.getRank() != 1 || hint.isDynamicDim(0))
      return ctx.error("expected a constant size, or a known output size");
    size = hint.getDimSize(0);
  }
  if (*size < 0)
    return ctx.error("expected a non-negative size, but got " + Twine(*size));
  bool periodic = ctx.intAttr("periodic", 1) != 0;
  double n = static_cast<double>(periodic ? *size : *size - 1);
  SmallVector<double> values;
  for (int64_t i = 0; i < *size; ++i) {
    double x = 2.0 * M_PI * static_cast<double>(i) / n;
    values.push_back(a0 - a1 * std::cos(x) + a2 * std::cos(2.0 * x));
  }
  FailureOr<Value> result =
      constantOf(ctx, RankedTensorType::get({*size}, *elementType), values);
  if (failed(result))
    return failure();
  ctx.setOutput(0, *result);
  return success();
}

LogicalResult convertHannWindow(NodeContext &ctx) {
  return convertWindow(ctx, 0.5, 0.5, 0.0);
}

LogicalResult convertHammingWindow(NodeContext &ctx) {
  return convertWindow(ctx, 25.0 / 46.0, 21.0 / 46.0, 0.0);
}

LogicalResult convertBlackmanWindow(NodeContext &ctx) {
  return convertWindow(ctx, 0.42, 0.5, 0.08);
}

//===----------------------------------------------------------------------===//
// DFT and STFT
//===----------------------------------------------------------------------===//

/// The real matrix that maps the `length` complex (or real, `parts` = 1)
/// values of a signal, interleaved with their parts, to the first `bins`
/// terms of its transform of length `transform` (interleaved real and
/// imaginary parts): `[length * parts, bins * 2]`. Samples past `transform`
/// get zero rows (the signal is truncated); a `transform` past `length`
/// zero-pads it.
SmallVector<double> dftMatrix(int64_t length, int64_t parts, int64_t transform,
                              int64_t bins, bool inverse) {
  SmallVector<double> matrix(length * parts * bins * 2, 0.0);
  double sign = inverse ? 1.0 : -1.0;
  double scale = inverse ? 1.0 / static_cast<double>(transform) : 1.0;
  for (int64_t n = 0; n < std::min(length, transform); ++n) {
    for (int64_t k = 0; k < bins; ++k) {
      // Reduce k * n modulo the length so the angle stays small and exact.
      double angle = 2.0 * M_PI * static_cast<double>((k * n) % transform) /
                     static_cast<double>(transform);
      double c = std::cos(angle) * scale;
      double s = sign * std::sin(angle) * scale;
      int64_t column = k * 2;
      matrix[(n * parts) * bins * 2 + column] = c;
      matrix[(n * parts) * bins * 2 + column + 1] = s;
      if (parts == 2) {
        matrix[(n * parts + 1) * bins * 2 + column] = -s;
        matrix[(n * parts + 1) * bins * 2 + column + 1] = c;
      }
    }
  }
  return matrix;
}

/// Transforms `x` `[B..., length, parts]` (the signal along the next to last
/// dimension) into `[B..., bins, 2]`.
FailureOr<Value> applyDft(NodeContext &ctx, Value x, int64_t transform,
                          int64_t bins, bool inverse) {
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  int64_t length = type.getDimSize(rank - 2);
  int64_t parts = type.getDimSize(rank - 1);
  SmallVector<int64_t> batch(type.getShape().drop_back(2));
  SmallVector<int64_t> vectorShape(batch);
  vectorShape.append({1, length * parts});
  FailureOr<Value> vector = reshapeWithOneDynamic(ctx, x, vectorShape);
  if (failed(vector))
    return failure();
  FailureOr<Value> matrix = constantOf(
      ctx,
      RankedTensorType::get({length * parts, bins * 2}, type.getElementType()),
      dftMatrix(length, parts, transform, bins, inverse));
  if (failed(matrix))
    return failure();
  Value product = ctx.create<MatmulOp>(*vector, *matrix);
  SmallVector<int64_t> resultShape(batch);
  resultShape.append({bins, 2});
  return reshapeWithOneDynamic(ctx, product, resultShape);
}

LogicalResult convertDFT(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  if (!isa<FloatType>(type.getElementType()))
    return ctx.error("expected a float input");
  if (rank < 2 || (type.getDimSize(rank - 1) != 1 &&
                   type.getDimSize(rank - 1) != 2))
    return ctx.error("expected an input with a last dimension of 1 (real) or "
                     "2 (complex)");
  int64_t axis = ctx.intAttr("axis", 1);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank - 1)
    return ctx.error("expected axis in [" + Twine(-rank) + ", -2] or [0, " +
                     Twine(rank - 2) + "]");
  int64_t length = type.getDimSize(axis);
  if (ShapedType::isDynamic(length))
    return ctx.error("expected a static size of the transformed axis");
  int64_t transform = length;
  if (ctx.input(1)) {
    std::optional<int64_t> given = constantInt(ctx, 1);
    if (!given)
      return ctx.error("expected a constant dft_length");
    if (*given < 1)
      return ctx.error("expected a positive dft_length, but got " +
                       Twine(*given));
    transform = *given;
  }
  bool inverse = ctx.intAttr("inverse", 0) != 0;
  bool onesided = ctx.intAttr("onesided", 0) != 0;
  int64_t bins = onesided ? transform / 2 + 1 : transform;

  // Move the axis next to the trailing real/imaginary dimension.
  SmallVector<int64_t> permutation;
  for (int64_t i = 0; i < rank - 1; ++i)
    if (i != axis)
      permutation.push_back(i);
  permutation.append({axis, rank - 1});
  bool identity = axis == rank - 2;
  Value input = *x;
  if (!identity)
    input = ctx.create<TransposeOp>(input, permutation);
  FailureOr<Value> result = applyDft(ctx, input, transform, bins, inverse);
  if (failed(result))
    return failure();
  Value output = *result;
  if (!identity) {
    SmallVector<int64_t> inversePermutation(rank);
    for (int64_t i = 0; i < rank; ++i)
      inversePermutation[permutation[i]] = i;
    output = ctx.create<TransposeOp>(output, inversePermutation);
  }
  ctx.setOutput(0, output);
  return success();
}

/// The DFT matrix of `dftMatrix` for a frame length known only at run time
/// (`length`, a 0-d i64, at most `rows`): `[rows * parts, bins * 2]`, the
/// angles reduced modulo the length before they are scaled.
Value runtimeDftMatrix(NodeContext &ctx, Value length, int64_t rows,
                       int64_t parts, int64_t bins, Type elementType) {
  Type i64 = ctx.builder().getI64Type();
  SmallVector<int64_t> products;
  for (int64_t n = 0; n < rows; ++n)
    for (int64_t k = 0; k < bins; ++k)
      products.push_back(n * k);
  Value kn = ctx.constant(DenseElementsAttr::get(
      RankedTensorType::get({rows, bins, 1}, i64), ArrayRef<int64_t>(products)));
  Value reduced = castTo(ctx, ctx.create<RemOp>(kn, length), elementType);
  Value twoPi = ctx.scalar(elementType, 2.0 * M_PI);
  Value lengthValue = castTo(ctx, length, elementType);
  Value angle =
      ctx.create<MulOp>(ctx.create<DivOp>(reduced, lengthValue), twoPi);
  Value c = ctx.create<CosOp>(angle);
  Value s = ctx.create<SinOp>(angle);
  Value negS = ctx.create<NegOp>(s);
  // Real part of sample n: [cos, -sin] per bin; imaginary part: [sin, cos].
  Value realRow = ctx.create<ConcatOp>(ValueRange{c, negS}, int64_t{2});
  Value matrix = realRow;
  if (parts == 2) {
    Value imagRow = ctx.create<ConcatOp>(ValueRange{s, c}, int64_t{2});
    matrix = ctx.create<ConcatOp>(ValueRange{realRow, imagRow}, int64_t{1});
  }
  return ctx.create<ReshapeOp>(
      RankedTensorType::get({rows * parts, bins * 2}, elementType), matrix,
      Value());
}

/// STFT: frames gathered at `frame * step + offset`, times the window, then
/// the DFT. The frame length is the window's size or a constant; when it
/// is computed at run time, the output type fixes the number of bins, the
/// frames span the longest length consistent with it, samples past the
/// actual length are masked out, and the DFT matrix is built at run time.
LogicalResult convertSTFT(NodeContext &ctx) {
  FailureOr<Value> signal = ctx.requiredInput(0);
  if (failed(signal) || failed(ctx.requiredInput(1)))
    return failure();
  RankedTensorType type = typeOf(*signal);
  Type elementType = type.getElementType();
  if (!isa<FloatType>(elementType))
    return ctx.error("expected a float signal");
  if (type.getRank() != 3 ||
      (type.getDimSize(2) != 1 && type.getDimSize(2) != 2))
    return ctx.error("expected a signal of shape [batch, length, 1 or 2]");
  int64_t signalLength = type.getDimSize(1);
  int64_t parts = type.getDimSize(2);
  bool onesided = ctx.intAttr("onesided", 1) != 0;
  RankedTensorType hint = ctx.outputTypeHint(0);
  if (hint && hint.getRank() != 4)
    hint = nullptr;

  Value window = ctx.input(2);
  std::optional<int64_t> frameLength;
  if (ctx.input(3))
    frameLength = constantInt(ctx, 3);
  if (window) {
    RankedTensorType windowType = ctx.inputType(2);
    if (windowType.getRank() != 1 || windowType.isDynamicDim(0))
      return ctx.error("expected a 1-d window of static size");
    if (frameLength && *frameLength != windowType.getDimSize(0))
      return ctx.error("expected a window of frame_length elements");
    frameLength = windowType.getDimSize(0);
  }
  // Without a static length: the most samples a frame can have given the
  // bins of the output type.
  int64_t span;
  int64_t bins;
  if (frameLength) {
    if (*frameLength < 1)
      return ctx.error("expected a positive frame length, but got " +
                       Twine(*frameLength));
    span = *frameLength;
    bins = onesided ? span / 2 + 1 : span;
  } else {
    if (!ctx.input(3))
      return ctx.error("expected a window or a frame_length");
    if (!hint || hint.isDynamicDim(2))
      return ctx.error("expected a constant frame_length, a window, or a "
                       "known number of frequency bins");
    bins = hint.getDimSize(2);
    span = onesided ? 2 * bins - 1 : bins;
    if (!ShapedType::isDynamic(signalLength))
      span = std::min(span, signalLength);
  }

  // The number of frames: from a constant step, else from the output type.
  std::optional<int64_t> step = constantInt(ctx, 1);
  int64_t frames = ShapedType::kDynamic;
  if (frameLength && step && *step > 0 && !ShapedType::isDynamic(signalLength))
    frames = (signalLength - *frameLength) / *step + 1;
  else if (hint && !hint.isDynamicDim(1))
    frames = hint.getDimSize(1);
  if (ShapedType::isDynamic(frames) || frames < 1)
    return ctx.error("expected a constant frame_step or a known number of "
                     "frames");

  Type i64 = ctx.builder().getI64Type();
  SmallVector<int64_t> frameIds, offsets;
  for (int64_t i = 0; i < frames; ++i)
    frameIds.push_back(i);
  for (int64_t i = 0; i < span; ++i)
    offsets.push_back(i);
  Value frameIota = ctx.constant(DenseElementsAttr::get(
      RankedTensorType::get({frames, 1}, i64), ArrayRef<int64_t>(frameIds)));
  Value offsetIota = ctx.constant(DenseElementsAttr::get(
      RankedTensorType::get({1, span}, i64), ArrayRef<int64_t>(offsets)));
  FailureOr<Value> stepValue = scalarInput(ctx, 1, i64, "frame_step");
  if (failed(stepValue))
    return failure();
  Value starts = ctx.create<MulOp>(frameIota, *stepValue);
  Value indices = ctx.create<AddOp>(starts, offsetIota);
  Value lengthValue;
  if (!frameLength) {
    if (ShapedType::isDynamic(signalLength))
      return ctx.error("expected a static signal length");
    FailureOr<Value> length = scalarInput(ctx, 3, i64, "frame_length");
    if (failed(length))
      return failure();
    lengthValue = *length;
    // Samples past the end of the signal only occur past the frame length.
    indices = ctx.create<MinOp>(indices, ctx.scalar(i64, signalLength - 1));
  }
  // [batch, frames, span, parts]
  Value framed = ctx.create<GatherOp>(*signal, indices, int64_t{1});
  if (window) {
    FailureOr<Value> shaped = reshapeWithOneDynamic(
        ctx, castTo(ctx, window, elementType), {1, 1, span, 1});
    if (failed(shaped))
      return failure();
    framed = ctx.create<MulOp>(framed, *shaped);
  }
  if (frameLength) {
    FailureOr<Value> result =
        applyDft(ctx, framed, *frameLength, bins, /*inverse=*/false);
    if (failed(result))
      return failure();
    ctx.setOutput(0, *result);
    return success();
  }
  FailureOr<Value> offsetsShaped =
      reshapeWithOneDynamic(ctx, offsetIota, {1, 1, span, 1});
  if (failed(offsetsShaped))
    return failure();
  Value inFrame = ctx.create<CompareOp>(ComparePredicate::LT, *offsetsShaped,
                                        lengthValue);
  framed = ctx.create<SelectOp>(inFrame, framed,
                                ctx.scalar(elementType, 0.0));
  SmallVector<int64_t> batch(typeOf(framed).getShape().drop_back(2));
  SmallVector<int64_t> vectorShape(batch);
  vectorShape.append({1, span * parts});
  FailureOr<Value> vector = reshapeWithOneDynamic(ctx, framed, vectorShape);
  if (failed(vector))
    return failure();
  Value matrix =
      runtimeDftMatrix(ctx, lengthValue, span, parts, bins, elementType);
  Value product = ctx.create<MatmulOp>(*vector, matrix);
  SmallVector<int64_t> resultShape(batch);
  resultShape.append({bins, 2});
  FailureOr<Value> result = reshapeWithOneDynamic(ctx, product, resultShape);
  if (failed(result))
    return failure();
  ctx.setOutput(0, *result);
  return success();
}

//===----------------------------------------------------------------------===//
// MelWeightMatrix
//===----------------------------------------------------------------------===//

/// As in the ONNX reference: `num_mel_bins + 2` band edges evenly spaced on
/// the mel scale (the step divides the range by `num_mel_bins + 2`), mapped
/// to spectrogram bins `floor((dft_length + 1) * hz / sample_rate)`; band
/// `i` rises linearly from edge `i` to edge `i + 1` and falls to edge
/// `i + 2` (a band whose first two edges coincide is 1 at that bin). The
/// arithmetic runs in f64 over the bin indices, so the inputs may be
/// computed at run time as long as the output size is known.
LogicalResult convertMelWeightMatrix(NodeContext &ctx) {
  for (unsigned i = 0; i < 5; ++i)
    if (failed(ctx.requiredInput(i)))
      return failure();
  FailureOr<Type> outType = outputDataType(ctx);
  if (failed(outType))
    return failure();
  RankedTensorType hint = ctx.outputTypeHint(0);
  std::optional<int64_t> mels = constantInt(ctx, 0);
  if (!mels && hint && hint.getRank() == 2 && !hint.isDynamicDim(1))
    mels = hint.getDimSize(1);
  std::optional<int64_t> bins;
  if (std::optional<int64_t> dft = constantInt(ctx, 1))
    bins = *dft / 2 + 1;
  else if (hint && hint.getRank() == 2 && !hint.isDynamicDim(0))
    bins = hint.getDimSize(0);
  if (!mels || !bins)
    return ctx.error("expected constant num_mel_bins and dft_length, or a "
                     "known output shape");
  if (*mels < 1 || *bins < 1)
    return ctx.error("expected a positive number of mel and spectrogram bins");

  Type f64 = ctx.builder().getF64Type();
  FailureOr<Value> dft = scalarInput(ctx, 1, f64, "dft_length");
  FailureOr<Value> rate = scalarInput(ctx, 2, f64, "sample_rate");
  FailureOr<Value> lower = scalarInput(ctx, 3, f64, "lower_edge_hertz");
  FailureOr<Value> upper = scalarInput(ctx, 4, f64, "upper_edge_hertz");
  if (failed(dft) || failed(rate) || failed(lower) || failed(upper))
    return failure();
  auto scalar = [&](double v) { return ctx.scalar(f64, v); };
  // 2595 * log10(1 + hz / 700).
  auto toMel = [&](Value hz) -> Value {
    Value one = scalar(1.0);
    Value scaled = ctx.create<DivOp>(hz, scalar(700.0));
    Value ratio = ctx.create<AddOp>(scaled, one);
    Value ln = ctx.create<LogOp>(ratio);
    return ctx.create<MulOp>(ln, scalar(2595.0 / std::log(10.0)));
  };
  Value lowMel = toMel(*lower);
  Value highMel = toMel(*upper);
  Value intervals = scalar(static_cast<double>(*mels + 2));
  Value range = ctx.create<SubOp>(highMel, lowMel);
  Value step = ctx.create<DivOp>(range, intervals);
  SmallVector<double> edgeIds, binIds;
  for (int64_t i = 0; i < *mels + 2; ++i)
    edgeIds.push_back(static_cast<double>(i));
  for (int64_t i = 0; i < *bins; ++i)
    binIds.push_back(static_cast<double>(i));
  FailureOr<Value> edges =
      constantOf(ctx, RankedTensorType::get({*mels + 2}, f64), edgeIds);
  FailureOr<Value> j =
      constantOf(ctx, RankedTensorType::get({*bins, 1}, f64), binIds);
  if (failed(edges) || failed(j))
    return failure();
  Value mel = ctx.create<AddOp>(ctx.create<MulOp>(*edges, step), lowMel);
  // 700 * (10^(mel / 2595) - 1)
  Value exponent = ctx.create<DivOp>(mel, scalar(2595.0));
  Value ten = scalar(10.0);
  Value power = ctx.create<PowOp>(ten, exponent);
  Value sevenHundred = scalar(700.0);
  Value hz =
      ctx.create<MulOp>(ctx.create<SubOp>(power, scalar(1.0)), sevenHundred);
  Value scaled = ctx.create<MulOp>(
      ctx.create<AddOp>(*dft, scalar(1.0)), hz);
  Value edgeBins = ctx.create<FloorOp>(ctx.create<DivOp>(scaled, *rate));
  auto edge = [&](int64_t offset) -> FailureOr<Value> {
    Value slice = ctx.create<SliceOp>(
        edgeBins, ArrayRef<int64_t>{offset},
        ArrayRef<int64_t>{offset + *mels}, ArrayRef<int64_t>{1});
    return reshapeWithOneDynamic(ctx, slice, {1, *mels});
  };
  FailureOr<Value> left = edge(0), center = edge(1), right = edge(2);
  if (failed(left) || failed(center) || failed(right))
    return failure();
  auto compare = [&](ComparePredicate predicate, Value a, Value b) -> Value {
    return ctx.create<CompareOp>(predicate, a, b);
  };
  Value zero = scalar(0.0), one = scalar(1.0);
  // Denominators that are 0 only where their branch is not selected.
  auto safe = [&](Value d) -> Value {
    return ctx.create<SelectOp>(compare(ComparePredicate::EQ, d, zero), one,
                                d);
  };
  Value riseWidth = safe(ctx.create<SubOp>(*center, *left));
  Value rise = ctx.create<DivOp>(ctx.create<SubOp>(*j, *left), riseWidth);
  Value fallWidth = safe(ctx.create<SubOp>(*right, *center));
  Value fall = ctx.create<DivOp>(ctx.create<SubOp>(*right, *j), fallWidth);
  Value belowCenter = compare(ComparePredicate::LE, *j, *center);
  Value inRise =
      ctx.create<AndOp>(compare(ComparePredicate::LE, *left, *j), belowCenter);
  Value belowRight = compare(ComparePredicate::LT, *j, *right);
  Value inFall =
      ctx.create<AndOp>(compare(ComparePredicate::LE, *center, *j), belowRight);
  Value atCenter = ctx.create<SelectOp>(
      compare(ComparePredicate::EQ, *j, *center), one, zero);
  Value rising = ctx.create<SelectOp>(inRise, rise, zero);
  Value first = ctx.create<SelectOp>(
      compare(ComparePredicate::EQ, *left, *center), atCenter, rising);
  Value weights = ctx.create<SelectOp>(inFall, fall, first);
  ctx.setOutput(0, castTo(ctx, weights, *outType));
  return success();
}

//===----------------------------------------------------------------------===//
// MaxUnpool
//===----------------------------------------------------------------------===//

LogicalResult convertMaxUnpool(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> indices = ctx.requiredInput(1);
  if (failed(x) || failed(indices))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  if (rank < 3)
    return ctx.error("expected an input of rank at least 3");
  if (!type.hasStaticShape() || !typeOf(*indices).hasStaticShape())
    return ctx.error("expected static input and indices shapes");
  if (typeOf(*indices).getShape() != type.getShape())
    return ctx.error("expected indices of the input's shape");
  int64_t spatial = rank - 2;

  SmallVector<int64_t> outputShape;
  if (ctx.input(2)) {
    DenseElementsAttr shape = ctx.constantInput(2);
    if (shape) {
      FailureOr<SmallVector<int64_t>> values =
          ctx.constantInts(2, "output_shape");
      if (failed(values))
        return failure();
      outputShape = *values;
    } else if (RankedTensorType hint = ctx.outputTypeHint(0);
               hint && hint.hasStaticShape()) {
      outputShape.assign(hint.getShape().begin(), hint.getShape().end());
    } else {
      return ctx.error("expected a constant output_shape or a known output "
                       "shape");
    }
    if (static_cast<int64_t>(outputShape.size()) != rank)
      return ctx.error("expected an output_shape of " + Twine(rank) +
                       " elements");
  } else {
    SmallVector<int64_t> kernel = ctx.intsAttr("kernel_shape");
    SmallVector<int64_t> strides =
        ctx.intsAttr("strides", SmallVector<int64_t>(spatial, 1));
    SmallVector<int64_t> pads =
        ctx.intsAttr("pads", SmallVector<int64_t>(2 * spatial, 0));
    if (static_cast<int64_t>(kernel.size()) != spatial ||
        static_cast<int64_t>(strides.size()) != spatial ||
        static_cast<int64_t>(pads.size()) != 2 * spatial)
      return ctx.error("expected kernel_shape and strides of " +
                       Twine(spatial) + " values and pads of " +
                       Twine(2 * spatial));
    outputShape = {type.getDimSize(0), type.getDimSize(1)};
    for (int64_t i = 0; i < spatial; ++i)
      outputShape.push_back((type.getDimSize(i + 2) - 1) * strides[i] +
                            kernel[i] - pads[i] - pads[spatial + i]);
  }
  int64_t total = 1;
  for (int64_t size : outputShape) {
    if (size < 0)
      return ctx.error("expected a non-negative output shape");
    total *= size;
  }
  auto flatType = RankedTensorType::get({total}, type.getElementType());
  Value zeros = ctx.constant(DenseElementsAttr::get(
      flatType, ctx.builder().getZeroAttr(type.getElementType())));
  int64_t count = type.getNumElements();
  FailureOr<Value> values = reshapeWithOneDynamic(ctx, *x, {count});
  FailureOr<Value> flatIndices = reshapeWithOneDynamic(ctx, *indices, {count});
  if (failed(values) || failed(flatIndices))
    return failure();
  Value scattered = ctx.create<ScatterElementsOp>(
      zeros, *flatIndices, *values, int64_t{0}, ScatterReduction::None);
  FailureOr<Value> result = reshapeWithOneDynamic(ctx, scattered, outputShape);
  if (failed(result))
    return failure();
  ctx.setOutput(0, *result);
  return success();
}

//===----------------------------------------------------------------------===//
// NonMaxSuppression, Unique
//===----------------------------------------------------------------------===//

LogicalResult convertNonMaxSuppression(NodeContext &ctx) {
  FailureOr<Value> boxes = ctx.requiredInput(0);
  FailureOr<Value> scores = ctx.requiredInput(1);
  if (failed(boxes) || failed(scores))
    return failure();
  Type elementType = typeOf(*boxes).getElementType();
  if (!isa<FloatType>(elementType))
    return ctx.error("expected float boxes");
  Type i64 = ctx.builder().getI64Type();
  // An absent count selects no boxes; an absent IoU threshold is 0.
  Value maxOutput;
  if (!ctx.input(2)) {
    maxOutput = ctx.scalar(i64, 0);
  } else {
    FailureOr<Value> value =
        scalarInput(ctx, 2, i64, "max_output_boxes_per_class");
    if (failed(value))
      return failure();
    maxOutput = *value;
  }
  Value iou;
  if (!ctx.input(3)) {
    iou = ctx.scalar(elementType, 0.0);
  } else {
    FailureOr<Value> value =
        scalarInput(ctx, 3, elementType, "iou_threshold");
    if (failed(value))
      return failure();
    iou = *value;
  }
  Value scoreThreshold;
  if (ctx.input(4)) {
    FailureOr<Value> value =
        scalarInput(ctx, 4, elementType, "score_threshold");
    if (failed(value))
      return failure();
    scoreThreshold = *value;
  }
  Value s = castTo(ctx, *scores, elementType);
  bool centerPointBox = ctx.intAttr("center_point_box", 0) != 0;
  ctx.setOutput(0, ctx.create<NonMaxSuppressionOp>(
                       *boxes, s, maxOutput, iou, scoreThreshold,
                       centerPointBox));
  return success();
}

LogicalResult convertUnique(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  Type i64 = ctx.builder().getI64Type();
  auto dynamic1d = RankedTensorType::get({ShapedType::kDynamic}, i64);
  IntegerAttr axisAttr;
  SmallVector<int64_t> shape;
  int64_t inverseSize;
  if (ctx.hasAttr("axis")) {
    int64_t axis = ctx.intAttr("axis", 0);
    if (axis < 0)
      axis += rank;
    if (axis < 0 || axis >= rank)
      return ctx.error("expected axis in [" + Twine(-rank) + ", " +
                       Twine(rank) + "), but got " +
                       Twine(ctx.intAttr("axis", 0)));
    axisAttr = ctx.builder().getI64IntegerAttr(axis);
    shape.assign(type.getShape().begin(), type.getShape().end());
    inverseSize = shape[axis];
    shape[axis] = ShapedType::kDynamic;
  } else {
    shape.push_back(ShapedType::kDynamic);
    inverseSize =
        type.hasStaticShape() ? type.getNumElements() : ShapedType::kDynamic;
  }
  bool sorted = ctx.intAttr("sorted", 1) != 0;
  auto op = ctx.create<UniqueOp>(
      RankedTensorType::get(shape, type.getElementType()), dynamic1d,
      RankedTensorType::get({inverseSize}, i64), dynamic1d, *x, axisAttr,
      ctx.builder().getBoolAttr(sorted));
  for (unsigned i = 0; i < 4; ++i)
    if (ctx.hasOutput(i))
      ctx.setOutput(i, op->getResult(i));
  return success();
}

//===----------------------------------------------------------------------===//
// GridSample, RoiAlign
//===----------------------------------------------------------------------===//

LogicalResult convertGridSample(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> grid = ctx.requiredInput(1);
  if (failed(x) || failed(grid))
    return failure();
  Type elementType = typeOf(*x).getElementType();
  if (!isa<FloatType>(elementType) ||
      !isa<FloatType>(typeOf(*grid).getElementType()))
    return ctx.error("expected float input and grid");
  std::string modeName = ctx.stringAttr("mode", "bilinear");
  std::optional<GridSampleMode> mode =
      llvm::StringSwitch<std::optional<GridSampleMode>>(modeName)
          .Cases({"bilinear", "linear"}, GridSampleMode::Linear)
          .Case("nearest", GridSampleMode::Nearest)
          .Cases({"bicubic", "cubic"}, GridSampleMode::Cubic)
          .Default(std::nullopt);
  if (!mode)
    return ctx.error("unknown mode '" + modeName + "'");
  std::string paddingName = ctx.stringAttr("padding_mode", "zeros");
  std::optional<GridPaddingMode> padding =
      llvm::StringSwitch<std::optional<GridPaddingMode>>(paddingName)
          .Case("zeros", GridPaddingMode::Zeros)
          .Case("border", GridPaddingMode::Border)
          .Case("reflection", GridPaddingMode::Reflection)
          .Default(std::nullopt);
  if (!padding)
    return ctx.error("unknown padding_mode '" + paddingName + "'");
  bool alignCorners = ctx.intAttr("align_corners", 0) != 0;
  ctx.setOutput(0, ctx.create<GridSampleOp>(
                       *x, castTo(ctx, *grid, elementType), *mode, *padding,
                       alignCorners));
  return success();
}

LogicalResult convertRoiAlign(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> rois = ctx.requiredInput(1);
  FailureOr<Value> batchIndices = ctx.requiredInput(2);
  if (failed(x) || failed(rois) || failed(batchIndices))
    return failure();
  Type elementType = typeOf(*x).getElementType();
  if (!isa<FloatType>(elementType))
    return ctx.error("expected a float input");
  std::string modeName = ctx.stringAttr("mode", "avg");
  std::optional<PoolKind> mode =
      llvm::StringSwitch<std::optional<PoolKind>>(modeName)
          .Case("avg", PoolKind::Avg)
          .Case("max", PoolKind::Max)
          .Default(std::nullopt);
  if (!mode)
    return ctx.error("unknown mode '" + modeName + "'");
  // Opset 10 has no coordinate_transformation_mode and behaves as
  // output_half_pixel; opset 16 defaults to half_pixel.
  std::string transform = ctx.stringAttr(
      "coordinate_transformation_mode",
      ctx.version() < 16 ? "output_half_pixel" : "half_pixel");
  if (transform != "half_pixel" && transform != "output_half_pixel")
    return ctx.error("unknown coordinate_transformation_mode '" + transform +
                     "'");
  int64_t height = ctx.intAttr("output_height", 1);
  int64_t width = ctx.intAttr("output_width", 1);
  int64_t samplingRatio = ctx.intAttr("sampling_ratio", 0);
  if (height < 1 || width < 1)
    return ctx.error("expected a positive output_height and output_width");
  if (samplingRatio < 0)
    return ctx.error("expected a non-negative sampling_ratio");
  ctx.setOutput(0, ctx.create<RoiAlignOp>(
                       *x, castTo(ctx, *rois, elementType), *batchIndices,
                       *mode, height, width, samplingRatio,
                       APFloat(ctx.floatAttr("spatial_scale", 1.0)),
                       transform == "half_pixel"));
  return success();
}

} // namespace

void mlir::dfg::onnx_import::registerVisionConverters(ConverterRegistry &r) {
  r.add("", "HannWindow", 17, convertHannWindow);
  r.add("", "HammingWindow", 17, convertHammingWindow);
  r.add("", "BlackmanWindow", 17, convertBlackmanWindow);
  r.add("", "DFT", 17, convertDFT);
  r.add("", "STFT", 17, convertSTFT);
  r.add("", "MelWeightMatrix", 17, convertMelWeightMatrix);
  r.add("", "MaxUnpool", 9, convertMaxUnpool);
  r.add("", "NonMaxSuppression", 10, convertNonMaxSuppression);
  r.add("", "Unique", 11, convertUnique);
  r.add("", "GridSample", 16, convertGridSample);
  r.add("", "RoiAlign", 10, convertRoiAlign);
}
