//===- DFGDataMovementOps.cpp - dfg data movement inference and verifiers ---===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"
#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "DFGOpsCommon.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallBitVector.h"

#include <limits>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::detail;

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  ArrayRef<int64_t> permutation = adaptor.getPermutation();
  int64_t rank = input.getRank();
  llvm::SmallBitVector seen(rank);
  bool valid = static_cast<int64_t>(permutation.size()) == rank;
  for (int64_t p : permutation) {
    if (!valid)
      break;
    valid = p >= 0 && p < rank && !seen.test(p);
    if (valid)
      seen.set(p);
  }
  if (!valid)
    return emitOptionalError(location, "expected a permutation of [0, ", rank,
                             "), but got ", formatList(permutation));
  SmallVector<int64_t> shape;
  for (int64_t p : permutation)
    shape.push_back(input.getDimSize(p));
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// ReshapeOp, BroadcastToOp
//===----------------------------------------------------------------------===//

/// Checks the element types and the optional run-time shape operand of
/// reshape and broadcast_to.
static LogicalResult verifyShapeOperand(Operation *op, RankedTensorType input,
                                        Value shape, RankedTensorType result) {
  if (input.getElementType() != result.getElementType())
    return op->emitOpError("expected a result of element type ")
           << input.getElementType() << " like the input, but got "
           << result.getElementType();
  if (!shape)
    return success();
  int64_t size = tensorOf(shape.getType()).getDimSize(0);
  if (knownAndDiffer(size, result.getRank()))
    return op->emitOpError("expected a shape operand of ")
           << result.getRank() << " elements (the result rank), but got "
           << size;
  return success();
}

LogicalResult ReshapeOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType result = getOutput().getType();
  if (failed(verifyShapeOperand(*this, input, getShape(), result)))
    return failure();
  int64_t inputCount = shapeProduct(input.getShape());
  int64_t resultCount = shapeProduct(result.getShape());
  if (knownAndDiffer(inputCount, resultCount))
    return emitOpError("expected a result with ")
           << inputCount << " elements like the input, but got "
           << resultCount;
  if (!getShape() && result.getNumDynamicDims() > 1)
    return emitOpError("expected a shape operand for a result with ")
           << result.getNumDynamicDims()
           << " dynamic dimensions (at most 1 is implied by the element "
              "count)";
  return success();
}

LogicalResult BroadcastToOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType result = getOutput().getType();
  if (failed(verifyShapeOperand(*this, input, getShape(), result)))
    return failure();
  bool valid = input.getRank() <= result.getRank();
  int64_t offset = result.getRank() - input.getRank();
  for (int64_t i = 0; valid && i < input.getRank(); ++i) {
    int64_t in = input.getDimSize(i);
    int64_t out = result.getDimSize(offset + i);
    valid = in == 1 || !knownAndDiffer(in, out);
  }
  if (!valid)
    return emitOpError("expected the input shape ")
           << formatShape(input.getShape())
           << " to broadcast to the result shape "
           << formatShape(result.getShape());
  return success();
}

//===----------------------------------------------------------------------===//
// ConcatOp
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return emitOptionalError(location, "expected at least one input");
  RankedTensorType first = tensorOf(inputs.front().getType());
  int64_t rank = first.getRank();
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= rank)
    return emitOptionalError(location, "expected axis in [0, ", rank,
                             "), but got ", axis);
  SmallVector<int64_t> shape(first.getShape());
  for (auto [index, value] : llvm::enumerate(inputs.drop_front())) {
    RankedTensorType type = tensorOf(value.getType());
    if (type.getRank() != rank ||
        type.getElementType() != first.getElementType())
      return emitOptionalError(location, "expected inputs like the first, ",
                               first, ", but input ", index + 1, " is ",
                               type);
    for (int64_t d = 0; d < rank; ++d) {
      int64_t size = type.getDimSize(d);
      if (d == axis) {
        shape[d] = ShapedType::isDynamic(shape[d]) ||
                           ShapedType::isDynamic(size)
                       ? ShapedType::kDynamic
                       : shape[d] + size;
        continue;
      }
      if (knownAndDiffer(shape[d], size))
        return emitOptionalError(location, "expected input ", index + 1,
                                 " to match dimension ", d, " (", shape[d],
                                 ") of the others, but got ", size);
      if (ShapedType::isDynamic(shape[d]))
        shape[d] = size;
    }
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, first.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// SliceOp, PadOp, GatherOp
//===----------------------------------------------------------------------===//

LogicalResult SliceOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  ArrayRef<int64_t> starts = adaptor.getStarts();
  ArrayRef<int64_t> limits = adaptor.getLimits();
  ArrayRef<int64_t> strides = adaptor.getStrides();
  if (static_cast<int64_t>(starts.size()) != rank ||
      limits.size() != starts.size() || strides.size() != starts.size())
    return emitOptionalError(location, "expected ", rank,
                             " starts, limits and strides (the input rank), "
                             "but got ",
                             starts.size(), ", ", limits.size(), " and ",
                             strides.size());
  if (llvm::is_contained(strides, 0))
    return emitOptionalError(location, "expected non-zero strides, but got ",
                             formatList(strides));
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i)
    shape.push_back(sliceOutputSize(input.getDimSize(i), starts[i], limits[i],
                                    strides[i]));
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult PadOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  ArrayRef<int64_t> low = adaptor.getLow();
  ArrayRef<int64_t> high = adaptor.getHigh();
  if (static_cast<int64_t>(low.size()) != rank ||
      static_cast<int64_t>(high.size()) != rank)
    return emitOptionalError(location, "expected ", rank,
                             " low and high pads (the input rank), but got ",
                             low.size(), " and ", high.size());
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t size = input.getDimSize(i);
    if (!ShapedType::isDynamic(size)) {
      size += low[i] + high[i];
      if (size < 0)
        return emitOptionalError(location, "expected pads that leave a "
                                           "non-negative size in dimension ",
                                 i, ", but got ", size);
    }
    shape.push_back(size);
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult GatherOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  RankedTensorType indices = tensorOf(adaptor.getIndices().getType());
  int64_t rank = input.getRank();
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= rank)
    return emitOptionalError(location, "expected axis in [0, ", rank,
                             "), but got ", axis);
  SmallVector<int64_t> shape(input.getShape().take_front(axis));
  llvm::append_range(shape, indices.getShape());
  llvm::append_range(shape, input.getShape().drop_front(axis + 1));
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// ShapeOfOp, DynamicSliceOp, DynamicPadOp, RangeOp
//===----------------------------------------------------------------------===//

LogicalResult ShapeOfOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  inferredReturnTypes.push_back(
      RankedTensorType::get({input.getRank()}, IntegerType::get(context, 64)));
  return success();
}

OpFoldResult ShapeOfOp::fold(FoldAdaptor) {
  RankedTensorType input = getInput().getType();
  if (!input.hasStaticShape())
    return {};
  return DenseIntElementsAttr::get(getOutput().getType(), input.getShape());
}

/// Checks what the run-time parameterised ops share: a result of the
/// input's element type and rank, and `operands` (named `what`) of one
/// element per input dimension.
static LogicalResult verifyRuntimeParameters(Operation *op,
                                             RankedTensorType input,
                                             RankedTensorType result,
                                             ValueRange operands,
                                             StringRef what) {
  if (input.getElementType() != result.getElementType())
    return op->emitOpError("expected a result of element type ")
           << input.getElementType() << " like the input, but got "
           << result.getElementType();
  if (input.getRank() != result.getRank())
    return op->emitOpError("expected a result of rank ")
           << input.getRank() << " like the input, but got "
           << result.getRank();
  bool valid = true;
  std::string sizes;
  for (Value operand : operands) {
    int64_t size = tensorOf(operand.getType()).getDimSize(0);
    valid = valid && !knownAndDiffer(size, input.getRank());
    sizes += (sizes.empty() ? "[" : ", ") +
             (ShapedType::isDynamic(size) ? "?" : std::to_string(size));
  }
  if (!valid)
    return op->emitOpError("expected ")
           << what << " of " << input.getRank()
           << " elements (the input rank), but got " << sizes << "]";
  return success();
}

LogicalResult DynamicSliceOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType result = getOutput().getType();
  if (failed(verifyRuntimeParameters(*this, input, result,
                                     {getStarts(), getLimits(), getStrides()},
                                     "starts, limits and strides")))
    return failure();
  for (int64_t d = 0; d < input.getRank(); ++d) {
    int64_t in = input.getDimSize(d);
    int64_t out = result.getDimSize(d);
    if (!ShapedType::isDynamic(in) && !ShapedType::isDynamic(out) && out > in)
      return emitOpError("expected result dimension ")
             << d << " to be at most the input's " << in << ", but got "
             << out;
  }
  return success();
}

LogicalResult DynamicPadOp::verify() {
  RankedTensorType input = getInput().getType();
  if (failed(verifyRuntimeParameters(*this, input, getOutput().getType(),
                                     {getLow(), getHigh()}, "low and high")))
    return failure();
  Value value = getValue();
  if (!value)
    return success();
  if (getMode() != PadMode::Constant)
    return emitOpError("expected no value operand in ")
           << stringifyPadMode(getMode()) << " mode";
  Type elementType = tensorOf(value.getType()).getElementType();
  if (elementType != input.getElementType())
    return emitOpError("expected a value of element type ")
           << input.getElementType() << " like the input, but got "
           << elementType;
  return success();
}

LogicalResult RangeOp::verify() {
  Type elementType = getOutput().getType().getElementType();
  SmallVector<Type> types;
  for (Value operand : {getStart(), getLimit(), getDelta()})
    types.push_back(tensorOf(operand.getType()).getElementType());
  if (llvm::any_of(types, [&](Type type) { return type != elementType; }))
    return emitOpError("expected start, limit and delta of the result's "
                       "element type ")
           << elementType << ", but got " << types[0] << ", " << types[1]
           << " and " << types[2];
  return success();
}

namespace {
/// The integers of a constant 1-D operand.
std::optional<SmallVector<int64_t>> constantInts(Value value) {
  DenseIntElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  SmallVector<int64_t> result;
  for (const APInt &v : attr.getValues<APInt>())
    result.push_back(v.getSExtValue());
  return result;
}

/// dfg.dynamic_slice of constant parameters is a dfg.slice.
struct DynamicSliceToSlice : OpRewritePattern<DynamicSliceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynamicSliceOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<SmallVector<int64_t>> starts = constantInts(op.getStarts());
    std::optional<SmallVector<int64_t>> limits = constantInts(op.getLimits());
    std::optional<SmallVector<int64_t>> strides =
        constantInts(op.getStrides());
    if (!starts || !limits || !strides)
      return rewriter.notifyMatchFailure(op, "parameters not constant");
    RankedTensorType input = op.getInput().getType();
    if (llvm::is_contained(*strides, 0))
      return rewriter.notifyMatchFailure(op, "zero stride");
    SmallVector<int64_t> shape;
    for (int64_t d = 0; d < input.getRank(); ++d)
      shape.push_back(sliceOutputSize(input.getDimSize(d), (*starts)[d],
                                      (*limits)[d], (*strides)[d]));
    // The declared type may be less refined than dfg.slice's, not
    // incompatible with it.
    if (!areCompatibleShapes(shape, op.getType().getShape()))
      return rewriter.notifyMatchFailure(op, "declared type disagrees");
    rewriter.replaceOpWithNewOp<SliceOp>(op, op.getType(), op.getInput(),
                                         *starts, *limits, *strides);
    return success();
  }
};

/// dfg.dynamic_pad of constant amounts (and value) is a dfg.pad.
struct DynamicPadToPad : OpRewritePattern<DynamicPadOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynamicPadOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<SmallVector<int64_t>> low = constantInts(op.getLow());
    std::optional<SmallVector<int64_t>> high = constantInts(op.getHigh());
    if (!low || !high)
      return rewriter.notifyMatchFailure(op, "amounts not constant");
    double value = 0;
    if (Value operand = op.getValue()) {
      DenseElementsAttr attr;
      if (!matchPattern(operand, m_Constant(&attr)))
        return rewriter.notifyMatchFailure(op, "value not constant");
      Attribute element = *attr.getValues<Attribute>().begin();
      if (auto f = dyn_cast<FloatAttr>(element))
        value = f.getValueAsDouble();
      else
        value = static_cast<double>(
            cast<IntegerAttr>(element).getValue().getSExtValue());
    }
    RankedTensorType input = op.getInput().getType();
    SmallVector<int64_t> shape;
    for (int64_t d = 0; d < input.getRank(); ++d) {
      int64_t size = input.getDimSize(d);
      shape.push_back(ShapedType::isDynamic(size)
                          ? size
                          : size + (*low)[d] + (*high)[d]);
    }
    bool valid = llvm::all_of(shape, [](int64_t s) {
      return s >= 0 || ShapedType::isDynamic(s);
    });
    if (!valid || !areCompatibleShapes(shape, op.getType().getShape()))
      return rewriter.notifyMatchFailure(op, "declared type disagrees");
    rewriter.replaceOpWithNewOp<PadOp>(
        op, op.getType(), op.getInput(), rewriter.getDenseI64ArrayAttr(*low),
        rewriter.getDenseI64ArrayAttr(*high), op.getModeAttr(),
        rewriter.getF64FloatAttr(value));
    return success();
  }
};
} // namespace

void DynamicSliceOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                 MLIRContext *context) {
  results.add<DynamicSliceToSlice>(context);
}

void DynamicPadOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                               MLIRContext *context) {
  results.add<DynamicPadToPad>(context);
}
