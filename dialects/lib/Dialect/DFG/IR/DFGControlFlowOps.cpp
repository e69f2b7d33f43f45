//===- DFGControlFlowOps.cpp - dfg.if, dfg.loop and dfg.yield -------------===//
//
// Verifiers and the region-branch model of the control flow ops. Values
// crossing a region boundary may change how refined their type is (a `?`
// where one path knows a size, an unranked sequence element where one path
// knows the rank), so types along control flow edges are compared up to
// refinement rather than for equality.
//
//===----------------------------------------------------------------------===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"
#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "DFGOpsCommon.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::detail;

/// Whether values of `lhs` and `rhs` may flow into each other: equal types,
/// tensor types equal up to dynamic sizes, or sequences and optionals whose
/// element types are (a sequence's unranked element tensor type is
/// compatible with any tensor type of its element type).
static bool compatibleAcrossRegions(Type lhs, Type rhs) {
  return areCompatibleValueTypes(TypeRange(lhs), TypeRange(rhs));
}

/// The terminator of `region` when it is a dfg.yield, or null.
static YieldOp getYield(Region &region) {
  if (region.empty() || region.front().empty())
    return nullptr;
  return dyn_cast<YieldOp>(region.front().back());
}

static bool isScalarTensorOf(Type type, Type elementType) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getRank() == 0 &&
         tensor.getElementType() == elementType;
}

//===----------------------------------------------------------------------===//
// IfOp
//===----------------------------------------------------------------------===//

/// Checks that `region` of an if yields one value per result, of a
/// compatible type.
static LogicalResult verifyIfBranch(IfOp op, Region &region, StringRef name) {
  YieldOp yield = getYield(region);
  if (!yield)
    return op.emitOpError("expected the ")
           << name << " region to end in dfg.yield";
  if (yield.getValues().size() != op.getNumResults())
    return op.emitOpError("expected the ")
           << name << " region to yield " << op.getNumResults()
           << " values like the results, but it yields "
           << yield.getValues().size();
  for (auto [index, value, result] :
       llvm::enumerate(yield.getValues(), op.getResults()))
    if (!compatibleAcrossRegions(value.getType(), result.getType()))
      return op.emitOpError("expected ")
             << name << " value " << index << " of a type compatible with "
             << "result type " << result.getType() << ", but got "
             << value.getType();
  return success();
}

LogicalResult IfOp::verify() {
  if (failed(verifyIfBranch(*this, getThenRegion(), "then")))
    return failure();
  return verifyIfBranch(*this, getElseRegion(), "else");
}

void IfOp::getSuccessorRegions(RegionBranchPoint point,
                               SmallVectorImpl<RegionSuccessor> &regions) {
  // From either region, control leaves the op.
  if (!point.isParent()) {
    regions.push_back(RegionSuccessor(getOperation(), getResults()));
    return;
  }
  regions.push_back(RegionSuccessor(&getThenRegion()));
  regions.push_back(RegionSuccessor(&getElseRegion()));
}

bool IfOp::areTypesCompatible(Type lhs, Type rhs) {
  return compatibleAcrossRegions(lhs, rhs);
}

//===----------------------------------------------------------------------===//
// LoopOp
//===----------------------------------------------------------------------===//

LogicalResult LoopOp::verify() {
  unsigned numCarried = getNumCarried();
  Block &body = getBody().front();
  if (body.getNumArguments() != numCarried + 2)
    return emitOpError("expected the body to take ")
           << numCarried + 2
           << " arguments (iteration number, condition and one per "
              "loop-carried value), but it takes "
           << body.getNumArguments();
  Builder builder(getContext());
  if (!isScalarTensorOf(body.getArgument(0).getType(), builder.getI64Type()))
    return emitOpError("expected the iteration number argument to be "
                       "tensor<i64>, but got ")
           << body.getArgument(0).getType();
  if (!isScalarTensorOf(body.getArgument(1).getType(), builder.getI1Type()))
    return emitOpError("expected the condition argument to be tensor<i1>, "
                       "but got ")
           << body.getArgument(1).getType();
  if (getNumResults() < numCarried)
    return emitOpError("expected at least ")
           << numCarried << " results (one per loop-carried value), but got "
           << getNumResults();
  for (auto [index, init, arg, result] :
       llvm::enumerate(getInitValues(), getRegionIterArgs(),
                       getCarriedResults())) {
    if (!compatibleAcrossRegions(init.getType(), arg.getType()))
      return emitOpError("expected loop-carried argument ")
             << index << " of a type compatible with its initial value's "
             << init.getType() << ", but got " << arg.getType();
    if (!compatibleAcrossRegions(init.getType(), result.getType()))
      return emitOpError("expected loop-carried result ")
             << index << " of a type compatible with its initial value's "
             << init.getType() << ", but got " << result.getType();
  }

  YieldOp yield = getYield(getBody());
  if (!yield)
    return emitOpError("expected the body to end in dfg.yield");
  OperandRange yielded = yield.getValues();
  if (yielded.size() != getNumResults() + 1)
    return emitOpError("expected the body to yield ")
           << getNumResults() + 1
           << " values (condition, loop-carried values and scan outputs), "
              "but it yields "
           << yielded.size();
  if (!isScalarTensorOf(yielded[0].getType(), builder.getI1Type()))
    return emitOpError("expected the body to yield a tensor<i1> condition, "
                       "but got ")
           << yielded[0].getType();
  for (auto [index, value, arg] :
       llvm::enumerate(yielded.slice(1, numCarried), getRegionIterArgs()))
    if (!compatibleAcrossRegions(value.getType(), arg.getType()))
      return emitOpError("expected yielded loop-carried value ")
             << index << " of a type compatible with its argument's "
             << arg.getType() << ", but got " << value.getType();
  for (auto [index, value, result] :
       llvm::enumerate(yielded.drop_front(numCarried + 1), getScanResults())) {
    auto element = dyn_cast<RankedTensorType>(value.getType());
    auto stacked = dyn_cast<RankedTensorType>(result.getType());
    if (!element || !stacked ||
        stacked.getRank() != element.getRank() + 1 ||
        stacked.getElementType() != element.getElementType() ||
        !areCompatibleShapes(stacked.getShape().drop_front(),
                             element.getShape()))
      return emitOpError("expected scan output ")
             << index << " to stack the yielded " << value.getType()
             << " along a new leading dimension, but got "
             << result.getType();
  }
  return success();
}

void LoopOp::getSuccessorRegions(RegionBranchPoint point,
                                 SmallVectorImpl<RegionSuccessor> &regions) {
  // On entry and after each iteration, control either runs the body (again)
  // or leaves the op. The iteration number and condition arguments are not
  // forwarded values, nor are the scan outputs.
  regions.push_back(RegionSuccessor(&getBody(), getRegionIterArgs()));
  regions.push_back(RegionSuccessor(getOperation(), getCarriedResults()));
}

OperandRange LoopOp::getEntrySuccessorOperands(RegionSuccessor successor) {
  return getInitValues();
}

bool LoopOp::areTypesCompatible(Type lhs, Type rhs) {
  return compatibleAcrossRegions(lhs, rhs);
}

//===----------------------------------------------------------------------===//
// YieldOp
//===----------------------------------------------------------------------===//

MutableOperandRange YieldOp::getMutableSuccessorOperands(RegionSuccessor) {
  // A loop body forwards its loop-carried values, whether to the next
  // iteration or to the results; the condition and scan values are consumed
  // by the loop itself.
  auto loop = dyn_cast<LoopOp>((*this)->getParentOp());
  if (!loop || getValues().empty())
    return getValuesMutable();
  // Clamped: the loop's verifier diagnoses a yield of the wrong length.
  return getValuesMutable().slice(
      1, std::min<unsigned>(loop.getNumCarried(), getValues().size() - 1));
}
