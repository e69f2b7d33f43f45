//===- DFGIndexingOps.cpp - dfg indexing inference and verifiers -----------===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "DFGOpsCommon.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::detail;

/// Requires `0 <= axis < rank`.
static LogicalResult checkAxis(std::optional<Location> location, int64_t axis,
                               int64_t rank) {
  if (axis < 0 || axis >= rank)
    return emitOptionalError(location, "expected axis in [0, ", rank,
                             "), but got ", axis);
  return success();
}

/// Requires `actual` to be `expected` up to dynamic sizes.
static bool compatibleShapes(ArrayRef<int64_t> expected,
                             ArrayRef<int64_t> actual) {
  if (expected.size() != actual.size())
    return false;
  return llvm::none_of(llvm::zip_equal(expected, actual), [](auto pair) {
    return knownAndDiffer(std::get<0>(pair), std::get<1>(pair));
  });
}

/// Checks the updates of a scatter: of `shape` and of the input's element
/// type.
static LogicalResult checkUpdates(std::optional<Location> location,
                                  RankedTensorType input,
                                  RankedTensorType updates,
                                  ArrayRef<int64_t> shape) {
  if (updates.getElementType() != input.getElementType())
    return emitOptionalError(location, "expected updates of element type ",
                             input.getElementType(), " like the input, but got ",
                             updates.getElementType());
  if (!compatibleShapes(shape, updates.getShape()))
    return emitOptionalError(location, "expected updates of shape ",
                             formatShape(shape), ", but got ",
                             formatShape(updates.getShape()));
  return success();
}

//===----------------------------------------------------------------------===//
// GatherElementsOp, ScatterElementsOp
//===----------------------------------------------------------------------===//

LogicalResult GatherElementsOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  RankedTensorType indices = tensorOf(adaptor.getIndices().getType());
  if (indices.getRank() != input.getRank())
    return emitOptionalError(location, "expected indices of rank ",
                             input.getRank(), " (the input rank), but got ",
                             indices.getRank());
  if (failed(checkAxis(location, adaptor.getAxis(), input.getRank())))
    return failure();
  inferredReturnTypes.push_back(indices.clone(input.getElementType()));
  return success();
}

LogicalResult ScatterElementsOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  RankedTensorType indices = tensorOf(adaptor.getIndices().getType());
  RankedTensorType updates = tensorOf(adaptor.getUpdates().getType());
  if (indices.getRank() != input.getRank())
    return emitOptionalError(location, "expected indices of rank ",
                             input.getRank(), " (the input rank), but got ",
                             indices.getRank());
  if (failed(checkAxis(location, adaptor.getAxis(), input.getRank())) ||
      failed(checkUpdates(location, input, updates, indices.getShape())))
    return failure();
  inferredReturnTypes.push_back(input);
  return success();
}

//===----------------------------------------------------------------------===//
// GatherNdOp, ScatterNdOp
//===----------------------------------------------------------------------===//

/// The number of coordinates per index tuple (the last dimension of
/// `indices`), checked to lie in [1, `available`].
static FailureOr<int64_t> indexDepth(std::optional<Location> location,
                                     RankedTensorType indices,
                                     int64_t available) {
  if (indices.getRank() < 1)
    return emitOptionalError(location,
                             "expected indices of rank at least 1, but got 0");
  int64_t depth = indices.getShape().back();
  if (ShapedType::isDynamic(depth))
    return emitOptionalError(location,
                             "expected a static last dimension of indices "
                             "(the index depth), but got ",
                             formatShape(indices.getShape()));
  if (depth < 1 || depth > available)
    return emitOptionalError(location, "expected an index depth in [1, ",
                             available, "], but got ", depth);
  return depth;
}

LogicalResult GatherNdOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  RankedTensorType indices = tensorOf(adaptor.getIndices().getType());
  int64_t batchDims = adaptor.getBatchDims();
  int64_t maxBatch = std::min(input.getRank(), indices.getRank());
  if (batchDims < 0 || batchDims >= maxBatch)
    return emitOptionalError(location, "expected batch_dims in [0, ",
                             maxBatch, "), but got ", batchDims);
  FailureOr<int64_t> depth =
      indexDepth(location, indices, input.getRank() - batchDims);
  if (failed(depth))
    return failure();
  SmallVector<int64_t> shape(indices.getShape().drop_back());
  for (int64_t i = 0; i < batchDims; ++i) {
    if (knownAndDiffer(input.getDimSize(i), shape[i]))
      return emitOptionalError(location, "expected indices to match batch "
                                         "dimension ",
                               i, " (", input.getDimSize(i),
                               ") of the input, but got ", shape[i]);
    if (ShapedType::isDynamic(shape[i]))
      shape[i] = input.getDimSize(i);
  }
  llvm::append_range(shape, input.getShape().drop_front(batchDims + *depth));
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult ScatterNdOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  RankedTensorType indices = tensorOf(adaptor.getIndices().getType());
  RankedTensorType updates = tensorOf(adaptor.getUpdates().getType());
  FailureOr<int64_t> depth = indexDepth(location, indices, input.getRank());
  if (failed(depth))
    return failure();
  SmallVector<int64_t> shape(indices.getShape().drop_back());
  llvm::append_range(shape, input.getShape().drop_front(*depth));
  if (failed(checkUpdates(location, input, updates, shape)))
    return failure();
  inferredReturnTypes.push_back(input);
  return success();
}

//===----------------------------------------------------------------------===//
// CumSumOp, TopKOp, NonZeroOp
//===----------------------------------------------------------------------===//

LogicalResult CumSumOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  if (failed(checkAxis(location, adaptor.getAxis(), input.getRank())))
    return failure();
  inferredReturnTypes.push_back(input);
  return success();
}

LogicalResult TopKOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  int64_t axis = adaptor.getAxis();
  if (failed(checkAxis(location, axis, input.getRank())))
    return failure();
  int64_t k = adaptor.getK();
  int64_t size = input.getDimSize(axis);
  if (k < 0 || (!ShapedType::isDynamic(size) && k > size))
    return emitOptionalError(location, "expected k in [0, ",
                             ShapedType::isDynamic(size)
                                 ? std::string("?")
                                 : std::to_string(size),
                             "] (the size of the axis), but got ", k);
  SmallVector<int64_t> shape(input.getShape());
  shape[axis] = k;
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, IntegerType::get(context, 64)));
  return success();
}

LogicalResult NonZeroOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  inferredReturnTypes.push_back(RankedTensorType::get(
      {input.getRank(), ShapedType::kDynamic}, IntegerType::get(context, 64)));
  return success();
}

//===----------------------------------------------------------------------===//
// ResizeOp
//===----------------------------------------------------------------------===//

LogicalResult ResizeOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType result = getOutput().getType();
  int64_t rank = input.getRank();
  if (result.getElementType() != input.getElementType())
    return emitOpError("expected a result of element type ")
           << input.getElementType() << " like the input, but got "
           << result.getElementType();
  if (result.getRank() != rank)
    return emitOpError("expected a result of rank ")
           << rank << " like the input, but got " << result.getRank();
  if (getMode() != ResizeMode::Nearest &&
      !isa<FloatType>(input.getElementType()))
    return emitOpError("expected a float input for ")
           << stringifyResizeMode(getMode()) << " interpolation, but got "
           << input.getElementType();
  if (Value scales = getScales()) {
    int64_t size = tensorOf(scales.getType()).getDimSize(0);
    if (knownAndDiffer(size, rank))
      return emitOpError("expected ")
             << rank << " scales (the input rank), but got " << size;
  }
  if (Value roi = getRoi()) {
    if (getCoordinateMode() != CoordinateMode::TfCropAndResize)
      return emitOpError("expected a roi operand only with coordinate mode "
                         "tf_crop_and_resize, but the mode is ")
             << stringifyCoordinateMode(getCoordinateMode());
    int64_t size = tensorOf(roi.getType()).getDimSize(0);
    if (knownAndDiffer(size, 2 * rank))
      return emitOpError("expected a roi of ")
             << 2 * rank << " elements (twice the input rank), but got "
             << size;
  }
  return success();
}
