//===- DFGElementwiseOps.cpp - dfg elementwise type inference ---------------===//

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
// ConstantOp
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  ElementsAttr value = adaptor.getValueAttr();
  if (!value)
    return emitOptionalError(location, "expected a 'value' attribute");
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type)
    return emitOptionalError(location, "expected a ranked tensor value, but "
                                       "got ",
                             value.getType());
  inferredReturnTypes.push_back(type);
  return success();
}

//===----------------------------------------------------------------------===//
// ClampOp
//===----------------------------------------------------------------------===//

LogicalResult ClampOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  inferredReturnTypes.push_back(adaptor.getInput().getType());
  return success();
}

LogicalResult ClampOp::verify() {
  double min = getMin().convertToDouble();
  double max = getMax().convertToDouble();
  if (std::isnan(min) || std::isnan(max) || min > max)
    return emitOpError("expected min <= max, but got min = ")
           << formatNumber(min) << " and max = " << formatNumber(max);
  return success();
}

//===----------------------------------------------------------------------===//
// CompareOp, SelectOp
//===----------------------------------------------------------------------===//

LogicalResult CompareOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  return inferBroadcastType(
      location, {adaptor.getLhs().getType(), adaptor.getRhs().getType()},
      IntegerType::get(context, 1), inferredReturnTypes);
}

LogicalResult SelectOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  Type trueElement = tensorOf(adaptor.getOnTrue().getType()).getElementType();
  Type falseElement =
      tensorOf(adaptor.getOnFalse().getType()).getElementType();
  if (trueElement != falseElement)
    return emitOptionalError(location,
                             "expected on_true and on_false of one element "
                             "type, but got ",
                             trueElement, " and ", falseElement);
  return inferBroadcastType(location,
                            {adaptor.getCondition().getType(),
                             adaptor.getOnTrue().getType(),
                             adaptor.getOnFalse().getType()},
                            trueElement, inferredReturnTypes);
}
