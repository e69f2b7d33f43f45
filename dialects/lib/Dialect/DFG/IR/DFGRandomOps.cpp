//===- DFGRandomOps.cpp - dfg random number generation verifiers ----------===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"
#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "DFGOpsCommon.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::detail;

/// The result takes its shape from `like` when there is one, and must be
/// static otherwise (nothing else gives the sizes at run time).
static LogicalResult verifyRandomShape(Operation *op, Value like,
                                       RankedTensorType result) {
  if (!like) {
    if (!result.hasStaticShape())
      return op->emitOpError("expected a static result shape without a "
                             "like operand, but got ")
             << formatShape(result.getShape());
    return success();
  }
  RankedTensorType likeType = tensorOf(like.getType());
  if (!areCompatibleShapes(likeType.getShape(), result.getShape()))
    return op->emitOpError("expected a result of shape ")
           << formatShape(likeType.getShape())
           << " (the like operand's), but got "
           << formatShape(result.getShape());
  return success();
}

LogicalResult RandomUniformOp::verify() {
  if (failed(verifyRandomShape(*this, getLike(), getOutput().getType())))
    return failure();
  double low = getLow().convertToDouble(), high = getHigh().convertToDouble();
  if (!(low <= high))
    return emitOpError("expected low <= high, but got low = ")
           << formatNumber(low) << " and high = " << formatNumber(high);
  return success();
}

LogicalResult RandomNormalOp::verify() {
  if (failed(verifyRandomShape(*this, getLike(), getOutput().getType())))
    return failure();
  double scale = getScale().convertToDouble();
  if (!(scale >= 0))
    return emitOpError("expected a non-negative scale, but got ")
           << formatNumber(scale);
  return success();
}
