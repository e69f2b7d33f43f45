//===- DFGDataMovementOps.cpp - dfg data movement inference and verifiers ---===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"
#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "DFGOpsCommon.h"

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
