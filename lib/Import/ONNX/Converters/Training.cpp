//===- Training.cpp - ONNX ai.onnx.preview.training ops to dfg ------------===//
//
// The optimizers (Momentum, Adagrad, Adam) update N tensors per node, with
// inputs [R, T, X_1..X_N, G_1..G_N, <state>_1..<state>_N] and outputs
// [X_1_new..X_N_new, <state>_1_new..]: each tensor becomes one dfg update
// op. Gradient needs automatic differentiation, which the importer does not
// do.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {
constexpr StringLiteral kTrainingDomain = "ai.onnx.preview.training";

/// The learning rate R and update count T, as the 0-d tensors the dfg ops
/// take (a one-element 1-D tensor is reshaped).
FailureOr<std::pair<Value, Value>> rateAndStep(NodeContext &ctx) {
  auto scalarOf = [&](unsigned index, StringRef what) -> FailureOr<Value> {
    FailureOr<Value> value = ctx.requiredInput(index);
    if (failed(value))
      return failure();
    auto type = cast<RankedTensorType>(value->getType());
    if (type.getRank() == 0)
      return *value;
    if (type.getRank() == 1 && type.getDimSize(0) == 1)
      return Value(ctx.create<ReshapeOp>(type.clone(ArrayRef<int64_t>{}),
                                         *value, Value()));
    return ctx.error("expected " + what + " to be a scalar");
  };
  FailureOr<Value> rate = scalarOf(0, "the learning rate R (input 0)");
  FailureOr<Value> step = scalarOf(1, "the update count T (input 1)");
  if (failed(rate) || failed(step))
    return failure();
  if (elementTypeOf(*step) != ctx.builder().getI64Type())
    return ctx.error("expected the update count T to be int64");
  return std::make_pair(*rate, *step);
}

/// The number N of optimized tensors, when the node has `2 + groups * N`
/// inputs and `outputs * N` outputs.
FailureOr<unsigned> tensorCount(NodeContext &ctx, unsigned groups,
                                unsigned outputs) {
  unsigned variadic = ctx.numInputs() < 2 ? 0 : ctx.numInputs() - 2;
  if (variadic == 0 || variadic % groups)
    return ctx.error("expected R, T and " + Twine(groups) +
                     " inputs per optimized tensor, but got " +
                     Twine(ctx.numInputs()) + " inputs");
  unsigned n = variadic / groups;
  if (ctx.numOutputs() != outputs * n)
    return ctx.error("expected " + Twine(outputs * n) + " outputs for " +
                     Twine(n) + " optimized tensors, but got " +
                     Twine(ctx.numOutputs()));
  return n;
}

/// Inputs 2 + g * n + i for g in [0, groups), all required.
FailureOr<SmallVector<Value>> groupInputs(NodeContext &ctx, unsigned groups,
                                          unsigned n, unsigned i) {
  SmallVector<Value> values;
  for (unsigned g = 0; g < groups; ++g) {
    FailureOr<Value> value = ctx.requiredInput(2 + g * n + i);
    if (failed(value))
      return failure();
    values.push_back(*value);
  }
  return values;
}

LogicalResult convertMomentum(NodeContext &ctx) {
  FailureOr<unsigned> n = tensorCount(ctx, 3, 2);
  FailureOr<std::pair<Value, Value>> rs = rateAndStep(ctx);
  if (failed(n) || failed(rs))
    return failure();
  for (StringRef name : {"alpha", "beta", "norm_coefficient", "mode"})
    if (!ctx.hasAttr(name))
      return ctx.error("expected attribute '" + name + "'");
  std::string modeName = ctx.stringAttr("mode", "");
  MomentumMode mode;
  if (modeName == "standard")
    mode = MomentumMode::Standard;
  else if (modeName == "nesterov")
    mode = MomentumMode::Nesterov;
  else
    return ctx.error("expected mode \"standard\" or \"nesterov\", but got \"" +
                     modeName + "\"");
  OpBuilder &b = ctx.builder();
  for (unsigned i = 0; i < *n; ++i) {
    FailureOr<SmallVector<Value>> xgv = groupInputs(ctx, 3, *n, i);
    if (failed(xgv))
      return failure();
    Type type = (*xgv)[0].getType();
    auto op = ctx.create<MomentumUpdateOp>(
        type, type, (*xgv)[0], (*xgv)[1], (*xgv)[2], rs->first, rs->second,
        b.getF64FloatAttr(ctx.floatAttr("alpha", 0)),
        b.getF64FloatAttr(ctx.floatAttr("beta", 0)),
        b.getF64FloatAttr(ctx.floatAttr("norm_coefficient", 0)),
        MomentumModeAttr::get(ctx.context(), mode));
    ctx.setOutput(i, op.getNewParam());
    ctx.setOutput(*n + i, op.getNewVelocity());
  }
  return success();
}

LogicalResult convertAdagrad(NodeContext &ctx) {
  FailureOr<unsigned> n = tensorCount(ctx, 3, 2);
  FailureOr<std::pair<Value, Value>> rs = rateAndStep(ctx);
  if (failed(n) || failed(rs))
    return failure();
  OpBuilder &b = ctx.builder();
  for (unsigned i = 0; i < *n; ++i) {
    FailureOr<SmallVector<Value>> xgh = groupInputs(ctx, 3, *n, i);
    if (failed(xgh))
      return failure();
    Type type = (*xgh)[0].getType();
    auto op = ctx.create<AdagradUpdateOp>(
        type, type, (*xgh)[0], (*xgh)[1], (*xgh)[2], rs->first, rs->second,
        b.getF64FloatAttr(ctx.floatAttr("decay_factor", 0.0)),
        b.getF64FloatAttr(ctx.floatAttr("epsilon", 1e-6f)),
        b.getF64FloatAttr(ctx.floatAttr("norm_coefficient", 0.0)));
    ctx.setOutput(i, op.getNewParam());
    ctx.setOutput(*n + i, op.getNewAccumulator());
  }
  return success();
}

LogicalResult convertAdam(NodeContext &ctx) {
  FailureOr<unsigned> n = tensorCount(ctx, 4, 3);
  FailureOr<std::pair<Value, Value>> rs = rateAndStep(ctx);
  if (failed(n) || failed(rs))
    return failure();
  OpBuilder &b = ctx.builder();
  for (unsigned i = 0; i < *n; ++i) {
    FailureOr<SmallVector<Value>> xgvh = groupInputs(ctx, 4, *n, i);
    if (failed(xgvh))
      return failure();
    Type type = (*xgvh)[0].getType();
    auto op = ctx.create<AdamUpdateOp>(
        type, type, type, (*xgvh)[0], (*xgvh)[1], (*xgvh)[2], (*xgvh)[3],
        rs->first, rs->second, b.getF64FloatAttr(ctx.floatAttr("alpha", 0.9f)),
        b.getF64FloatAttr(ctx.floatAttr("beta", 0.999f)),
        b.getF64FloatAttr(ctx.floatAttr("epsilon", 1e-6f)),
        b.getF64FloatAttr(ctx.floatAttr("norm_coefficient", 0.0)),
        b.getF64FloatAttr(ctx.floatAttr("norm_coefficient_post", 0.0)));
    ctx.setOutput(i, op.getNewParam());
    ctx.setOutput(*n + i, op.getNewFirstMoment());
    ctx.setOutput(2 * *n + i, op.getNewSecondMoment());
  }
  return success();
}

LogicalResult convertGradient(NodeContext &ctx) {
  return ctx.error("Gradient needs automatic differentiation, not supported "
                   "yet");
}
} // namespace

void mlir::dfg::onnx_import::registerTrainingConverters(ConverterRegistry &r) {
  r.add(kTrainingDomain, "Momentum", 1, convertMomentum);
  r.add(kTrainingDomain, "Adagrad", 1, convertAdagrad);
  r.add(kTrainingDomain, "Adam", 1, convertAdam);
  r.add(kTrainingDomain, "Gradient", 1, convertGradient);
}
