//===- DFGVisionOps.cpp - dfg vision op type inference ---------------------===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "DFGOpsCommon.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::detail;

//===----------------------------------------------------------------------===//
// NonMaxSuppressionOp
//===----------------------------------------------------------------------===//

LogicalResult NonMaxSuppressionOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType boxes = tensorOf(adaptor.getBoxes().getType());
  RankedTensorType scores = tensorOf(adaptor.getScores().getType());
  if (boxes.getRank() != 3 || knownAndDiffer(boxes.getDimSize(2), 4))
    return emitOptionalError(location, "expected boxes of shape [B, N, 4], "
                                       "but got ",
                             formatShape(boxes.getShape()));
  if (scores.getRank() != 3)
    return emitOptionalError(location, "expected scores of rank 3 "
                                       "([B, C, N]), but got ",
                             scores.getRank());
  if (knownAndDiffer(boxes.getDimSize(0), scores.getDimSize(0)) ||
      knownAndDiffer(boxes.getDimSize(1), scores.getDimSize(2)))
    return emitOptionalError(location, "expected scores of shape [",
                             formatShape(boxes.getShape().take_front()),
                             ", C, ", formatShape(boxes.getShape()[1]),
                             "] like the boxes, but got ",
                             formatShape(scores.getShape()));
  Type elementType = boxes.getElementType();
  for (Value value : {adaptor.getScores(), adaptor.getIouThreshold(),
                      adaptor.getScoreThreshold()}) {
    if (!value)
      continue;
    Type type = tensorOf(value.getType()).getElementType();
    if (type != elementType)
      return emitOptionalError(location, "expected scores and thresholds of "
                                         "element type ",
                               elementType, " like the boxes, but got ", type);
  }
  inferredReturnTypes.push_back(RankedTensorType::get(
      {ShapedType::kDynamic, 3}, IntegerType::get(context, 64)));
  return success();
}

//===----------------------------------------------------------------------===//
// UniqueOp
//===----------------------------------------------------------------------===//

LogicalResult UniqueOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  auto i64 = IntegerType::get(context, 64);
  auto dynamic1d = RankedTensorType::get({ShapedType::kDynamic}, i64);
  SmallVector<int64_t> shape;
  int64_t inverseSize;
  if (std::optional<int64_t> axis = adaptor.getAxis()) {
    if (*axis < 0 || *axis >= input.getRank())
      return emitOptionalError(location, "expected axis in [0, ",
                               input.getRank(), "), but got ", *axis);
    shape.assign(input.getShape().begin(), input.getShape().end());
    inverseSize = shape[*axis];
    shape[*axis] = ShapedType::kDynamic;
  } else {
    shape.push_back(ShapedType::kDynamic);
    inverseSize =
        input.hasStaticShape() ? input.getNumElements() : ShapedType::kDynamic;
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  inferredReturnTypes.push_back(dynamic1d);
  inferredReturnTypes.push_back(RankedTensorType::get({inverseSize}, i64));
  inferredReturnTypes.push_back(dynamic1d);
  return success();
}

//===----------------------------------------------------------------------===//
// GridSampleOp
//===----------------------------------------------------------------------===//

LogicalResult GridSampleOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  RankedTensorType grid = tensorOf(adaptor.getGrid().getType());
  int64_t rank = input.getRank();
  if (rank < 3)
    return emitOptionalError(location, "expected an input of rank at least 3 "
                                       "([N, C, D1, ...]), but got ",
                             rank);
  if (grid.getElementType() != input.getElementType())
    return emitOptionalError(location, "expected a grid of element type ",
                             input.getElementType(),
                             " like the input, but got ",
                             grid.getElementType());
  int64_t spatial = rank - 2;
  if (grid.getRank() != rank || knownAndDiffer(grid.getShape().back(), spatial))
    return emitOptionalError(location, "expected a grid of rank ", rank,
                             " with last dimension ", spatial,
                             " (the spatial rank), but got ",
                             formatShape(grid.getShape()));
  if (knownAndDiffer(grid.getDimSize(0), input.getDimSize(0)))
    return emitOptionalError(location, "expected a grid of batch size ",
                             input.getDimSize(0), " like the input, but got ",
                             grid.getDimSize(0));
  if (adaptor.getMode() == GridSampleMode::Cubic && spatial != 2)
    return emitOptionalError(location, "expected 2 spatial dimensions for "
                                       "cubic sampling, but got ",
                             spatial);
  SmallVector<int64_t> shape = {
      ShapedType::isDynamic(grid.getDimSize(0)) ? input.getDimSize(0)
                                                : grid.getDimSize(0),
      input.getDimSize(1)};
  llvm::append_range(shape, grid.getShape().slice(1, spatial));
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// RoiAlignOp
//===----------------------------------------------------------------------===//

LogicalResult RoiAlignOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  RankedTensorType rois = tensorOf(adaptor.getRois().getType());
  RankedTensorType batchIndices =
      tensorOf(adaptor.getBatchIndices().getType());
  if (input.getRank() != 4)
    return emitOptionalError(location, "expected an input of rank 4 "
                                       "([N, C, H, W]), but got ",
                             input.getRank());
  if (rois.getElementType() != input.getElementType())
    return emitOptionalError(location, "expected rois of element type ",
                             input.getElementType(),
                             " like the input, but got ",
                             rois.getElementType());
  if (rois.getRank() != 2 || knownAndDiffer(rois.getDimSize(1), 4))
    return emitOptionalError(location, "expected rois of shape [R, 4], but "
                                       "got ",
                             formatShape(rois.getShape()));
  if (batchIndices.getRank() != 1 ||
      knownAndDiffer(batchIndices.getDimSize(0), rois.getDimSize(0)))
    return emitOptionalError(location, "expected batch indices of shape [",
                             formatShape(rois.getShape().take_front()),
                             "] (one per roi), but got ",
                             formatShape(batchIndices.getShape()));
  auto height = static_cast<int64_t>(adaptor.getOutputHeight());
  auto width = static_cast<int64_t>(adaptor.getOutputWidth());
  if (height < 1 || width < 1)
    return emitOptionalError(location, "expected a positive output size, but "
                                       "got ",
                             height, "x", width);
  auto samplingRatio = static_cast<int64_t>(adaptor.getSamplingRatio());
  if (samplingRatio < 0)
    return emitOptionalError(location, "expected a non-negative sampling "
                                       "ratio, but got ",
                             samplingRatio);
  int64_t numRois = ShapedType::isDynamic(rois.getDimSize(0))
                        ? batchIndices.getDimSize(0)
                        : rois.getDimSize(0);
  inferredReturnTypes.push_back(RankedTensorType::get(
      {numRois, input.getDimSize(1), height, width}, input.getElementType()));
  return success();
}
