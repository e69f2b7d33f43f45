//===- NN.cpp - ONNX neural-network ops to dfg ----------------------------===//
//
// Convolutions, pooling, normalizations, Gemm/MatMul and the softmax
// family. Composite ops (normalizations, LRN, softmax) are decomposed into
// the dfg core in numerically stable forms that follow the ONNX function
// bodies, so that compiled models agree with the reference outputs.
//
//===----------------------------------------------------------------------===//

#include "Common.h"
#include "Window.h"

#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <limits>
#include <numeric>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {
constexpr int64_t kToEnd = std::numeric_limits<int64_t>::max();

/// A per-channel parameter `[C]` reshaped to `[C, 1, ..., 1]` so that it
/// broadcasts against an `[N, C, D1, ..., Dk]` tensor of rank `rank`.
FailureOr<Value> perChannel(NodeContext &ctx, Value value, int64_t rank) {
  auto type = typeOf(value);
  if (type.getRank() != 1 || rank <= 2)
    return value;
  SmallVector<int64_t> shape = {type.getDimSize(0)};
  shape.append(rank - 2, 1);
  return reshapeTo(ctx, value, shape);
}

Value reduce(NodeContext &ctx, ReduceKind kind, Value x, ArrayRef<int64_t> axes,
             bool keepDims = true) {
  return ctx.create<ReduceOp>(kind, x, axes, keepDims);
}

SmallVector<int64_t> range(int64_t begin, int64_t end) {
  SmallVector<int64_t> values(end - begin);
  std::iota(values.begin(), values.end(), begin);
  return values;
}

/// Normalizes an ONNX axis attribute against `rank`; an error naming it
/// when out of range.
FailureOr<int64_t> normalizedAxis(NodeContext &ctx, int64_t axis,
                                  int64_t rank) {
  if (std::optional<int64_t> normalized = normalizeAxis(axis, rank))
    return *normalized;
  return ctx.error("axis " + Twine(axis) + " is out of range for rank " +
                   Twine(rank));
}

/// Requires a floating-point tensor; the dfg window ops take no others.
LogicalResult requireFloat(NodeContext &ctx, Value value, StringRef what) {
  if (isa<FloatType>(elementTypeOf(value)))
    return success();
  return ctx.emitError() << "expected a floating-point " << what << ", but got "
                         << value.getType();
}

/// Cross-checks a static result shape against ONNX shape inference: a
/// disagreement means the attributes were read differently, which would
/// make the compiled model wrong.
LogicalResult checkAgainstHint(NodeContext &ctx, Value result, unsigned index) {
  RankedTensorType hint = ctx.outputTypeHint(index);
  if (!hint || ctx.hasFailed())
    return success();
  auto type = typeOf(result);
  if (hint.getRank() == type.getRank() &&
      areCompatibleShapes(hint.getShape(), type.getShape()))
    return success();
  return ctx.error("computed output shape " + formatInts(type.getShape()) +
                   " disagrees with ONNX shape inference's " +
                   formatInts(hint.getShape()));
}

//===----------------------------------------------------------------------===//
// Convolution and pooling
//===----------------------------------------------------------------------===//

FailureOr<SmallVector<int64_t>> spatialAttr(NodeContext &ctx, StringRef name,
                                            int64_t count,
                                            int64_t defaultValue) {
  SmallVector<int64_t> values =
      ctx.intsAttr(name, SmallVector<int64_t>(count, defaultValue));
  if (static_cast<int64_t>(values.size()) != count)
    return ctx.error("expected " + Twine(count) + " values in '" + name +
                     "', but got " + Twine(values.size()));
  return values;
}

} // namespace

FailureOr<Window> onnx_import::readWindow(NodeContext &ctx,
                                          RankedTensorType input,
                                          ArrayRef<int64_t> kernel,
                                          bool hasDilations) {
  int64_t spatial = kernel.size();
  Window w;
  FailureOr<SmallVector<int64_t>> strides =
      spatialAttr(ctx, "strides", spatial, 1);
  if (failed(strides))
    return failure();
  w.strides = *strides;
  if (hasDilations) {
    FailureOr<SmallVector<int64_t>> dilations =
        spatialAttr(ctx, "dilations", spatial, 1);
    if (failed(dilations))
      return failure();
    w.dilations = *dilations;
  } else {
    w.dilations.assign(spatial, 1);
  }
  std::string autoPad = ctx.stringAttr("auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    FailureOr<SmallVector<int64_t>> pads =
        spatialAttr(ctx, "pads", 2 * spatial, 0);
    if (failed(pads))
      return failure();
    w.pads = *pads;
    return w;
  }
  w.pads.assign(2 * spatial, 0);
  if (autoPad == "VALID")
    return w;
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER")
    return ctx.error("unknown auto_pad '" + autoPad + "'");
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t size = input.getDimSize(2 + i);
    if (ShapedType::isDynamic(size) || ShapedType::isDynamic(kernel[i]))
      return ctx.error("auto_pad " + autoPad +
                       " needs static spatial input and kernel sizes");
    int64_t stride = w.strides[i];
    if (stride <= 0)
      return ctx.error("expected positive strides, but got " +
                       formatInts(w.strides));
    int64_t out = (size + stride - 1) / stride;
    int64_t extent = (kernel[i] - 1) * w.dilations[i] + 1;
    int64_t total = std::max<int64_t>(0, (out - 1) * stride + extent - size);
    int64_t small = total / 2;
    bool upper = autoPad == "SAME_UPPER";
    w.pads[i] = upper ? small : total - small;
    w.pads[spatial + i] = upper ? total - small : small;
  }
  return w;
}

FailureOr<SmallVector<int64_t>>
onnx_import::convKernel(NodeContext &ctx, RankedTensorType weight,
                        int64_t spatial) {
  SmallVector<int64_t> kernel(weight.getShape().drop_front(2));
  if (!ctx.hasAttr("kernel_shape"))
    return kernel;
  SmallVector<int64_t> attr = ctx.intsAttr("kernel_shape");
  if (static_cast<int64_t>(attr.size()) != spatial)
    return ctx.error("expected " + Twine(spatial) +
                     " values in 'kernel_shape', but got " +
                     Twine(attr.size()));
  for (int64_t i = 0; i < spatial; ++i) {
    if (ShapedType::isDynamic(kernel[i]))
      kernel[i] = attr[i];
    else if (kernel[i] != attr[i])
      return ctx.error("kernel_shape " + formatInts(attr) +
                       " disagrees with the weight's spatial sizes " +
                       formatInts(weight.getShape().drop_front(2)));
  }
  return kernel;
}

namespace {

/// Checks that an input of rank `rank` can be [N, C, D1, ...].
LogicalResult requireChannelsFirst(NodeContext &ctx, int64_t rank) {
  if (rank >= 3)
    return success();
  return ctx.error("expected an input of rank 3 or more [N, C, D1, ...], "
                   "but got rank " +
                   Twine(rank));
}

/// Checks the ranks a convolution needs and returns its spatial rank.
FailureOr<int64_t> convSpatialRank(NodeContext &ctx, Value x, Value w) {
  if (failed(requireFloat(ctx, x, "input")) ||
      failed(requireFloat(ctx, w, "weight")))
    return failure();
  int64_t rank = typeOf(x).getRank();
  if (failed(requireChannelsFirst(ctx, rank)))
    return failure();
  if (typeOf(w).getRank() != rank)
    return ctx.error("expected a weight of rank " + Twine(rank) +
                     " like the input, but got rank " +
                     Twine(typeOf(w).getRank()));
  return rank - 2;
}

LogicalResult convertConv(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> w = ctx.requiredInput(1);
  if (failed(x) || failed(w))
    return failure();
  FailureOr<int64_t> spatial = convSpatialRank(ctx, *x, *w);
  if (failed(spatial))
    return failure();
  FailureOr<SmallVector<int64_t>> kernel =
      convKernel(ctx, typeOf(*w), *spatial);
  if (failed(kernel))
    return failure();
  FailureOr<Window> window =
      readWindow(ctx, typeOf(*x), *kernel, /*hasDilations=*/true);
  if (failed(window))
    return failure();
  Value y =
      ctx.create<ConvOp>(*x, *w, ctx.input(2), window->strides, window->pads,
                         window->dilations, ctx.intAttr("group", 1));
  ctx.setOutput(0, y);
  return checkAgainstHint(ctx, y, 0);
}

/// ConvTranspose: pads come from `pads`, from `auto_pad` (output size
/// input * stride) or from `output_shape`; an output larger than the
/// unpadded result becomes extra output padding at the end.
LogicalResult convertConvTranspose(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> w = ctx.requiredInput(1);
  if (failed(x) || failed(w))
    return failure();
  FailureOr<int64_t> spatialOr = convSpatialRank(ctx, *x, *w);
  if (failed(spatialOr))
    return failure();
  int64_t spatial = *spatialOr;
  FailureOr<SmallVector<int64_t>> kernel = convKernel(ctx, typeOf(*w), spatial);
  FailureOr<SmallVector<int64_t>> strides =
      spatialAttr(ctx, "strides", spatial, 1);
  FailureOr<SmallVector<int64_t>> dilations =
      spatialAttr(ctx, "dilations", spatial, 1);
  FailureOr<SmallVector<int64_t>> outputPadding =
      spatialAttr(ctx, "output_padding", spatial, 0);
  if (failed(kernel) || failed(strides) || failed(dilations) ||
      failed(outputPadding))
    return failure();
  std::string autoPad = ctx.stringAttr("auto_pad", "NOTSET");
  if (autoPad != "NOTSET" && autoPad != "VALID" && autoPad != "SAME_UPPER" &&
      autoPad != "SAME_LOWER")
    return ctx.error("unknown auto_pad '" + autoPad + "'");

  SmallVector<int64_t> pads(2 * spatial, 0);
  SmallVector<int64_t> outputShape = ctx.intsAttr("output_shape");
  // Some exporters list the full output shape rather than its spatial part.
  if (static_cast<int64_t>(outputShape.size()) == spatial + 2)
    outputShape.erase(outputShape.begin(), outputShape.begin() + 2);
  if (!outputShape.empty() &&
      static_cast<int64_t>(outputShape.size()) != spatial)
    return ctx.error("expected " + Twine(spatial) +
                     " values in 'output_shape', but got " +
                     Twine(outputShape.size()));
  bool same = autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER";
  if (outputShape.empty() && same) {
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t size = typeOf(*x).getDimSize(2 + i);
      outputShape.push_back(ShapedType::isDynamic(size) ? ShapedType::kDynamic
                                                        : size * (*strides)[i]);
    }
  }
  if (!outputShape.empty()) {
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t size = typeOf(*x).getDimSize(2 + i);
      if (ShapedType::isDynamic(size) || ShapedType::isDynamic((*kernel)[i]) ||
          ShapedType::isDynamic(outputShape[i]))
        return ctx.error("computing pads from the output shape needs static "
                         "spatial input and kernel sizes");
      int64_t total = (*strides)[i] * (size - 1) + (*outputPadding)[i] +
                      ((*kernel)[i] - 1) * (*dilations)[i] + 1 - outputShape[i];
      if (total < 0) {
        (*outputPadding)[i] -= total;
        continue;
      }
      int64_t half = total / 2;
      bool upper = autoPad == "SAME_UPPER";
      pads[i] = upper ? half : total - half;
      pads[spatial + i] = upper ? total - half : half;
    }
  } else if (autoPad == "NOTSET") {
    FailureOr<SmallVector<int64_t>> padsAttr =
        spatialAttr(ctx, "pads", 2 * spatial, 0);
    if (failed(padsAttr))
      return failure();
    pads = *padsAttr;
  }
  Value y = ctx.create<ConvTransposeOp>(*x, *w, ctx.input(2), *strides, pads,
                                        *dilations, *outputPadding,
                                        ctx.intAttr("group", 1));
  ctx.setOutput(0, y);
  return checkAgainstHint(ctx, y, 0);
}

/// MaxPool and AveragePool. Integer max pooling (int8/uint8 since opset 12)
/// runs in f32, which holds those values exactly.
LogicalResult convertPool(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  if (failed(input))
    return failure();
  bool isMax = ctx.opType() == "MaxPool";
  if (isMax && ctx.hasOutput(1))
    return ctx.error("the Indices output of MaxPool is not supported");
  Value x = *input;
  Type elementType = elementTypeOf(x);
  if (!isa<FloatType>(elementType)) {
    if (!isMax || elementType.getIntOrFloatBitWidth() > 16)
      return ctx.emitError() << "expected a floating-point input (or an "
                                "8/16-bit integer one for MaxPool), but got "
                             << x.getType();
    x = castTo(ctx, x, ctx.builder().getF32Type());
  }
  if (!ctx.hasAttr("kernel_shape"))
    return ctx.error("expected attribute 'kernel_shape'");
  SmallVector<int64_t> kernel = ctx.intsAttr("kernel_shape");
  int64_t rank = typeOf(x).getRank();
  if (rank != static_cast<int64_t>(kernel.size()) + 2)
    return ctx.error("expected an input of rank " + Twine(kernel.size() + 2) +
                     " for kernel_shape " + formatInts(kernel) +
                     ", but got rank " + Twine(rank));
  bool hasDilations = isMax && ctx.version() >= 10;
  FailureOr<Window> window = readWindow(ctx, typeOf(x), kernel, hasDilations);
  if (failed(window))
    return failure();
  bool ceilMode = ctx.version() >= 10 && ctx.intAttr("ceil_mode", 0);
  bool countIncludePad =
      !isMax && ctx.version() >= 7 && ctx.intAttr("count_include_pad", 0);
  Value y = ctx.create<PoolOp>(isMax ? PoolKind::Max : PoolKind::Avg, x, kernel,
                               window->strides, window->pads, window->dilations,
                               countIncludePad, ceilMode);
  y = castTo(ctx, y, elementType);
  ctx.setOutput(0, y);
  return checkAgainstHint(ctx, y, 0);
}

/// GlobalAveragePool, GlobalMaxPool: a reduction over the spatial axes.
template <ReduceKind kind> LogicalResult convertGlobalPool(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  int64_t rank = typeOf(*x).getRank();
  if (rank < 2)
    return ctx.error("expected an input of rank 2 or more [N, C, ...], but "
                     "got rank " +
                     Twine(rank));
  ctx.setOutput(0, reduce(ctx, kind, *x, range(2, rank)));
  return success();
}

//===----------------------------------------------------------------------===//
// Normalizations
//===----------------------------------------------------------------------===//

/// BatchNormalization in inference form:
///   (x - mean) * (scale / sqrt(var + epsilon)) + B
/// with the per-channel factor folded on the [C] parameters. Before opset
/// 14 the training form is selected by requesting the statistics outputs;
/// like common runtimes, a lone Y is read as inference even with
/// `is_test = 0` (opsets 1 and 6).
LogicalResult convertBatchNorm(NodeContext &ctx) {
  FailureOr<SmallVector<Value>> inputs = requiredInputs(ctx, 5);
  if (failed(inputs))
    return failure();
  SmallVector<Value> &in = *inputs;
  if (ctx.version() >= 14 && ctx.intAttr("training_mode", 0))
    return convertBatchNormTraining(ctx);
  for (unsigned i = 1; i < ctx.numOutputs(); ++i) {
    if (!ctx.hasOutput(i))
      continue;
    if (ctx.version() >= 14)
      return ctx.error("the running statistics outputs need training_mode = "
                       "1");
    if (ctx.version() < 7 && ctx.intAttr("is_test", 0))
      return ctx.error("the training outputs (running and saved statistics) "
                       "need is_test = 0");
    return convertBatchNormTraining(ctx);
  }
  Value x = in[0];
  if (failed(requireFloat(ctx, x, "input")))
    return failure();
  int64_t rank = typeOf(x).getRank();
  if (rank < 2)
    return ctx.error("expected an input of rank 2 or more [N, C, ...], but "
                     "got rank " +
                     Twine(rank));
  Type et = elementTypeOf(x);
  Value scale = castTo(ctx, in[1], et), bias = castTo(ctx, in[2], et);
  Value mean = castTo(ctx, in[3], et), var = castTo(ctx, in[4], et);
  Value eps = ctx.scalar(et, ctx.floatAttr("epsilon", 1e-5));
  Value factor =
      ctx.create<DivOp>(scale, ctx.create<SqrtOp>(ctx.create<AddOp>(var, eps)));
  FailureOr<Value> meanC = perChannel(ctx, mean, rank);
  FailureOr<Value> factorC = perChannel(ctx, factor, rank);
  FailureOr<Value> biasC = perChannel(ctx, bias, rank);
  if (failed(meanC) || failed(factorC) || failed(biasC))
    return failure();
  Value y = ctx.create<SubOp>(x, *meanC);
  y = ctx.create<MulOp>(y, *factorC);
  y = ctx.create<AddOp>(y, *biasC);
  ctx.setOutput(0, y);
  return checkAgainstHint(ctx, y, 0);
}

/// (x - mean) / sqrt(variance + epsilon) over `axes`, with the mean and
/// the reciprocal standard deviation (reduced dimensions kept).
struct Standardized {
  Value normalized, mean, invStdDev;
};

Standardized standardize(NodeContext &ctx, Value x, ArrayRef<int64_t> axes,
                         double epsilon) {
  Type et = elementTypeOf(x);
  Value mean = reduce(ctx, ReduceKind::Mean, x, axes);
  Value d = ctx.create<SubOp>(x, mean);
  Value var = reduce(ctx, ReduceKind::Mean, ctx.create<MulOp>(d, d), axes);
  Value stdDev =
      ctx.create<SqrtOp>(ctx.create<AddOp>(var, ctx.scalar(et, epsilon)));
  Value inv = ctx.create<ReciprocalOp>(stdDev);
  return {ctx.create<MulOp>(d, inv), mean, inv};
}

LogicalResult convertInstanceNorm(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> scale = ctx.requiredInput(1);
  FailureOr<Value> bias = ctx.requiredInput(2);
  if (failed(x) || failed(scale) || failed(bias) ||
      failed(requireFloat(ctx, *x, "input")))
    return failure();
  int64_t rank = typeOf(*x).getRank();
  if (failed(requireChannelsFirst(ctx, rank)))
    return failure();
  Standardized s =
      standardize(ctx, *x, range(2, rank), ctx.floatAttr("epsilon", 1e-5));
  FailureOr<Value> scaleC = perChannel(ctx, *scale, rank);
  FailureOr<Value> biasC = perChannel(ctx, *bias, rank);
  if (failed(scaleC) || failed(biasC))
    return failure();
  Value y = ctx.create<AddOp>(ctx.create<MulOp>(s.normalized, *scaleC), *biasC);
  ctx.setOutput(0, y);
  return success();
}

/// LayerNormalization (opset 17): standardization over the axes from
/// `axis` on, computed in the `stash_type` precision, then scale and bias.
LogicalResult convertLayerNorm(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> scale = ctx.requiredInput(1);
  if (failed(x) || failed(scale) || failed(requireFloat(ctx, *x, "input")))
    return failure();
  int64_t rank = typeOf(*x).getRank();
  FailureOr<int64_t> axis = normalizedAxis(ctx, ctx.intAttr("axis", -1), rank);
  if (failed(axis))
    return failure();
  FailureOr<Type> stashType =
      convertElementType(ctx.context(), ctx.intAttr("stash_type", 1));
  if (failed(stashType) || !isa<FloatType>(*stashType))
    return ctx.error("expected a floating-point stash_type, but got " +
                     Twine(ctx.intAttr("stash_type", 1)));
  Type et = elementTypeOf(*x);
  Standardized s =
      standardize(ctx, castTo(ctx, *x, *stashType), range(*axis, rank),
                  ctx.floatAttr("epsilon", 1e-5));
  Value y = ctx.create<MulOp>(castTo(ctx, s.normalized, et), *scale);
  if (Value bias = ctx.input(2))
    y = ctx.create<AddOp>(y, bias);
  ctx.setOutput(0, y);
  ctx.setOutput(1, s.mean);
  ctx.setOutput(2, s.invStdDev);
  return checkAgainstHint(ctx, y, 0);
}

/// MeanVarianceNormalization, as its function body:
///   (X - E[X]) / (sqrt(E[X^2] - E[X]^2) + 1e-9).
LogicalResult convertMVN(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  if (failed(input) || failed(requireFloat(ctx, *input, "input")))
    return failure();
  Value x = *input;
  int64_t rank = typeOf(x).getRank();
  SmallVector<int64_t> axes;
  for (int64_t axis : ctx.intsAttr("axes", {0, 2, 3})) {
    FailureOr<int64_t> normalized = normalizedAxis(ctx, axis, rank);
    if (failed(normalized))
      return failure();
    if (llvm::is_contained(axes, *normalized))
      return ctx.error("axis " + Twine(axis) + " is repeated in 'axes'");
    axes.push_back(*normalized);
  }
  llvm::sort(axes);
  Type et = elementTypeOf(x);
  Value mean = reduce(ctx, ReduceKind::Mean, x, axes);
  Value meanOfSquares =
      reduce(ctx, ReduceKind::Mean, ctx.create<MulOp>(x, x), axes);
  Value var = ctx.create<SubOp>(meanOfSquares, ctx.create<MulOp>(mean, mean));
  Value epsilon = ctx.scalar(et, 1e-9);
  Value stddev = ctx.create<SqrtOp>(var);
  Value denom = ctx.create<AddOp>(stddev, epsilon);
  ctx.setOutput(0, ctx.create<DivOp>(ctx.create<SubOp>(x, mean), denom));
  return success();
}

/// LRN: x / (bias + alpha / size * sum of squares over a channel window)^beta.
/// The window sum adds `size` shifted slices of the zero-padded squares,
/// which keeps every dimension dynamic-friendly.
LogicalResult convertLRN(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  if (failed(input) || failed(requireFloat(ctx, *input, "input")))
    return failure();
  Value x = *input;
  int64_t rank = typeOf(x).getRank();
  if (failed(requireChannelsFirst(ctx, rank)))
    return failure();
  int64_t size = ctx.intAttr("size", 0);
  if (size < 1)
    return ctx.error("expected a positive 'size', but got " + Twine(size));
  Type et = elementTypeOf(x);
  Value squares = ctx.create<MulOp>(x, x);
  SmallVector<int64_t> low(rank, 0), high(rank, 0);
  low[1] = (size - 1) / 2;
  high[1] = size - 1 - low[1];
  Value padded =
      ctx.create<PadOp>(squares, low, high, PadMode::Constant, APFloat(0.0));
  Value sum;
  for (int64_t i = 0; i < size; ++i) {
    SmallVector<int64_t> starts(rank, 0), limits(rank, kToEnd), steps(rank, 1);
    starts[1] = i;
    // Channel c of the window sum reads padded[c + i].
    limits[1] = i == size - 1 ? kToEnd : i - (size - 1);
    Value shifted = ctx.create<SliceOp>(padded, starts, limits, steps);
    sum = sum ? ctx.create<AddOp>(sum, shifted).getResult() : shifted;
  }
  double alpha = ctx.floatAttr("alpha", 1e-4);
  Value scaled = ctx.create<MulOp>(sum, ctx.scalar(et, alpha / size));
  Value base =
      ctx.create<AddOp>(scaled, ctx.scalar(et, ctx.floatAttr("bias", 1.0)));
  Value denom =
      ctx.create<PowOp>(base, ctx.scalar(et, ctx.floatAttr("beta", 0.75)));
  ctx.setOutput(0, ctx.create<DivOp>(x, denom));
  return success();
}

//===----------------------------------------------------------------------===//
// Gemm, MatMul
//===----------------------------------------------------------------------===//

/// Y = alpha * A' * B' + beta * C, C broadcasting to Y (optional from
/// opset 11). Before opset 7, `broadcast = 0` asks for a C of Y's shape,
/// which numpy broadcasting accepts as well.
LogicalResult convertGemm(NodeContext &ctx) {
  FailureOr<Value> a = ctx.requiredInput(0);
  FailureOr<Value> b = ctx.requiredInput(1);
  if (failed(a) || failed(b))
    return failure();
  if (typeOf(*a).getRank() != 2 || typeOf(*b).getRank() != 2)
    return ctx.error("expected 2-D A and B, but got ranks " +
                     Twine(typeOf(*a).getRank()) + " and " +
                     Twine(typeOf(*b).getRank()));
  Value c = ctx.input(2);
  if (!c && ctx.version() < 11)
    return ctx.error("expected input C before opset 11");
  auto transpose = [&](Value v) -> Value {
    return ctx.create<TransposeOp>(v, ArrayRef<int64_t>{1, 0});
  };
  Value lhs = ctx.intAttr("transA", 0) ? transpose(*a) : *a;
  Value rhs = ctx.intAttr("transB", 0) ? transpose(*b) : *b;
  Type et = elementTypeOf(lhs);
  double alpha = ctx.floatAttr("alpha", 1.0), beta = ctx.floatAttr("beta", 1.0);
  if (!isa<FloatType>(et) &&
      (alpha != std::trunc(alpha) || beta != std::trunc(beta)))
    return ctx.error("fractional alpha or beta on integer tensors is not "
                     "supported");
  Value y = ctx.create<MatmulOp>(lhs, rhs);
  if (alpha != 1.0)
    y = ctx.create<MulOp>(y, ctx.scalar(et, alpha));
  if (c) {
    if (beta != 1.0)
      c = ctx.create<MulOp>(c, ctx.scalar(et, beta));
    y = ctx.create<AddOp>(y, c);
  }
  ctx.setOutput(0, y);
  return checkAgainstHint(ctx, y, 0);
}

/// MatMul with numpy's rules for 1-D operands: a 1-D left operand is a row
/// `[1, K]`, a 1-D right operand a column `[K, 1]`, and the inserted
/// dimension is dropped from the result.
LogicalResult convertMatMul(NodeContext &ctx) {
  FailureOr<Value> a = ctx.requiredInput(0);
  FailureOr<Value> b = ctx.requiredInput(1);
  if (failed(a) || failed(b))
    return failure();
  int64_t lhsRank = typeOf(*a).getRank(), rhsRank = typeOf(*b).getRank();
  if (lhsRank < 1 || rhsRank < 1)
    return ctx.error("expected operands of rank 1 or more, but got ranks " +
                     Twine(lhsRank) + " and " + Twine(rhsRank));
  Value lhs = *a, rhs = *b;
  // With several unknown dimensions the dropped dimension cannot be
  // reshaped away; a broadcast multiply and a sum over K compute the same
  // matrix-vector product without it.
  auto dynamicDims = [](Value v) {
    return llvm::count_if(typeOf(v).getShape(), ShapedType::isDynamic);
  };
  if (lhsRank >= 2 && rhsRank == 1 && dynamicDims(lhs) > 1) {
    Value y = reduce(ctx, ReduceKind::Sum, ctx.create<MulOp>(lhs, rhs),
                     {lhsRank - 1}, /*keepDims=*/false);
    ctx.setOutput(0, y);
    return checkAgainstHint(ctx, y, 0);
  }
  if (lhsRank == 1 && rhsRank >= 2 && dynamicDims(rhs) > 1) {
    FailureOr<Value> column =
        reshapeTo(ctx, lhs, {typeOf(lhs).getDimSize(0), 1});
    if (failed(column))
      return failure();
    Value y = reduce(ctx, ReduceKind::Sum, ctx.create<MulOp>(*column, rhs),
                     {rhsRank - 2}, /*keepDims=*/false);
    ctx.setOutput(0, y);
    return checkAgainstHint(ctx, y, 0);
  }
  FailureOr<Value> product = numpyMatmul(ctx, lhs, rhs);
  if (failed(product))
    return failure();
  Value y = *product;
  ctx.setOutput(0, y);
  return checkAgainstHint(ctx, y, 0);
}

//===----------------------------------------------------------------------===//
// Softmax, LogSoftmax, Hardmax
//===----------------------------------------------------------------------===//

/// The axes a softmax-like op works over: before opset 13 the input is
/// coerced to 2-D at `axis` (default 1), i.e. every axis from `axis` on;
/// from opset 13 the single `axis` (default -1).
FailureOr<SmallVector<int64_t>> softmaxAxes(NodeContext &ctx, int64_t rank) {
  bool coerce = ctx.version() < 13;
  FailureOr<int64_t> axis =
      normalizedAxis(ctx, ctx.intAttr("axis", coerce ? 1 : -1), rank);
  if (failed(axis))
    return failure();
  return coerce ? range(*axis, rank) : SmallVector<int64_t>{*axis};
}

/// Softmax as exp(x - max) / sum(exp(x - max)); LogSoftmax as
/// (x - max) - log(sum(exp(x - max))). Subtracting the max keeps exp from
/// overflowing.
template <bool isLog> LogicalResult convertSoftmax(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x) || failed(requireFloat(ctx, *x, "input")))
    return failure();
  FailureOr<SmallVector<int64_t>> axes = softmaxAxes(ctx, typeOf(*x).getRank());
  if (failed(axes))
    return failure();
  Value shifted =
      ctx.create<SubOp>(*x, reduce(ctx, ReduceKind::Max, *x, *axes));
  Value exp = ctx.create<ExpOp>(shifted);
  Value sum = reduce(ctx, ReduceKind::Sum, exp, *axes);
  Value y = isLog ? Value(ctx.create<SubOp>(shifted, ctx.create<LogOp>(sum)))
                  : Value(ctx.create<DivOp>(exp, sum));
  ctx.setOutput(0, y);
  return success();
}

/// One-hot of the first maximum along `axis`: argmax compared with an iota
/// along that axis.
FailureOr<Value> hardmaxAlong(NodeContext &ctx, Value x, int64_t axis) {
  auto type = typeOf(x);
  int64_t size = type.getDimSize(axis);
  if (ShapedType::isDynamic(size))
    return ctx.error("Hardmax needs a static size along its axis");
  Value index = ctx.create<ArgReduceOp>(ArgKind::ArgMax, x, axis,
                                        /*keep_dims=*/true,
                                        /*select_last_index=*/false);
  SmallVector<int64_t> iotaShape(type.getRank(), 1);
  iotaShape[axis] = size;
  auto iotaType = RankedTensorType::get(iotaShape, ctx.builder().getI64Type());
  Value iota = ctx.constant(
      DenseElementsAttr::get(iotaType, ArrayRef<int64_t>(range(0, size))));
  Value hot = ctx.create<CompareOp>(ComparePredicate::EQ, index, iota);
  return castTo(ctx, hot, type.getElementType());
}

LogicalResult convertHardmax(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  if (failed(input))
    return failure();
  Value x = *input;
  auto type = typeOf(x);
  int64_t rank = type.getRank();
  FailureOr<SmallVector<int64_t>> axes = softmaxAxes(ctx, rank);
  if (failed(axes))
    return failure();
  if (axes->size() == 1) {
    FailureOr<Value> y = hardmaxAlong(ctx, x, axes->front());
    if (failed(y))
      return failure();
    ctx.setOutput(0, *y);
    return success();
  }
  // Before opset 13 the maximum is taken over the flattened trailing axes.
  int64_t axis = axes->front();
  ArrayRef<int64_t> shape = type.getShape();
  int64_t inner = shapeProduct(shape.drop_front(axis));
  int64_t outer = shapeProduct(shape.take_front(axis));
  if (ShapedType::isDynamic(inner))
    return ctx.error("Hardmax before opset 13 needs static sizes from the "
                     "axis on");
  FailureOr<Value> flat = reshapeTo(ctx, x, {outer, inner});
  if (failed(flat))
    return failure();
  FailureOr<Value> hot = hardmaxAlong(ctx, *flat, 1);
  if (failed(hot))
    return failure();
  FailureOr<Value> y = reshapeTo(ctx, *hot, shape);
  if (failed(y))
    return failure();
  ctx.setOutput(0, *y);
  return success();
}
} // namespace

void mlir::dfg::onnx_import::registerNNConverters(ConverterRegistry &r) {
  r.add("", "Conv", 1, convertConv);
  r.add("", "ConvTranspose", 1, convertConvTranspose);
  r.add("", "MaxPool", 1, convertPool);
  r.add("", "AveragePool", 1, convertPool);
  r.add("", "GlobalAveragePool", 1, convertGlobalPool<ReduceKind::Mean>);
  r.add("", "GlobalMaxPool", 1, convertGlobalPool<ReduceKind::Max>);
  r.add("", "BatchNormalization", 1, convertBatchNorm);
  r.add("", "InstanceNormalization", 1, convertInstanceNorm);
  r.add("", "LayerNormalization", 17, convertLayerNorm);
  r.add("", "MeanVarianceNormalization", 9, convertMVN);
  r.add("", "LRN", 1, convertLRN);
  r.add("", "Gemm", 1, convertGemm);
  r.add("", "MatMul", 1, convertMatMul);
  r.add("", "Softmax", 1, convertSoftmax</*isLog=*/false>);
  r.add("", "LogSoftmax", 1, convertSoftmax</*isLog=*/true>);
  r.add("", "Hardmax", 1, convertHardmax);
}
