//===- DFGTrainingOps.cpp - dfg optimizer update verifiers ------------------===//

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
// Optimizer updates
//===----------------------------------------------------------------------===//

/// The learning rate must share the parameter's element type.
static LogicalResult verifyLearningRate(Operation *op, Value param, Value lr) {
  Type paramElement = tensorOf(param.getType()).getElementType();
  Type lrElement = tensorOf(lr.getType()).getElementType();
  if (paramElement == lrElement)
    return success();
  return op->emitOpError("expected a learning rate of element type ")
         << paramElement << " like the parameter, but got " << lrElement;
}

/// Checks `lo <= value < hi` (or `<= hi` when `closed`) for a coefficient.
static LogicalResult verifyCoefficient(Operation *op, StringRef name,
                                       APFloat value, double lo, double hi,
                                       bool closed) {
  double v = value.convertToDouble();
  bool inRange = v >= lo && (closed ? v <= hi : v < hi);
  if (inRange)
    return success();
  return op->emitOpError("expected ")
         << name << " in [" << formatNumber(lo) << ", " << formatNumber(hi)
         << (closed ? "]" : ")") << ", but got " << formatNumber(v);
}

static constexpr double kInf = std::numeric_limits<double>::infinity();

LogicalResult SgdUpdateOp::verify() {
  if (failed(verifyLearningRate(*this, getParam(), getLr())))
    return failure();
  return verifyCoefficient(*this, "weight_decay", getWeightDecay(), 0, kInf,
                           false);
}

LogicalResult MomentumUpdateOp::verify() {
  if (failed(verifyLearningRate(*this, getParam(), getLr())))
    return failure();
  return verifyCoefficient(*this, "norm_coefficient", getNormCoefficient(), 0,
                           kInf, false);
}

LogicalResult AdagradUpdateOp::verify() {
  if (failed(verifyLearningRate(*this, getParam(), getLr())) ||
      failed(verifyCoefficient(*this, "decay_factor", getDecayFactor(), 0,
                               kInf, false)) ||
      failed(verifyCoefficient(*this, "norm_coefficient", getNormCoefficient(),
                               0, kInf, false)))
    return failure();
  if (getEpsilon().convertToDouble() <= 0)
    return emitOpError("expected a positive epsilon, but got ")
           << formatNumber(getEpsilon().convertToDouble());
  return success();
}

LogicalResult AdamUpdateOp::verify() {
  if (failed(verifyLearningRate(*this, getParam(), getLr())) ||
      failed(verifyCoefficient(*this, "alpha", getAlpha(), 0, 1, false)) ||
      failed(verifyCoefficient(*this, "beta", getBeta(), 0, 1, false)) ||
      failed(verifyCoefficient(*this, "norm_coefficient", getNormCoefficient(),
                               0, kInf, false)) ||
      failed(verifyCoefficient(*this, "norm_coefficient_post",
                               getNormCoefficientPost(), 0, 1, true)))
    return failure();
  if (getEpsilon().convertToDouble() <= 0)
    return emitOpError("expected a positive epsilon, but got ")
           << formatNumber(getEpsilon().convertToDouble());
  return success();
}
