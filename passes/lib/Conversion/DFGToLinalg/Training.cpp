//===- Training.cpp - lowering of the optimizer updates -------------------===//
//
// Each optimizer update becomes one elementwise `linalg.generic` with one
// output per result (the new parameter and the new optimizer state), so the
// state is read once per element. The step-dependent scalars (learning-rate
// decay, bias correction) are computed once, outside the loop nest, in f64
// like the ONNX reference, and captured by the body in the element type.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

namespace {

using ScalarBody = llvm::function_ref<SmallVector<Value>(OpBuilder &, Location,
                                                         ValueRange)>;

/// Builds a `linalg.generic` over `operands` (all of `resultType`) with
/// `numResults` outputs of `resultType`, each element computed by `body`.
SmallVector<Value> buildElementwiseResults(OpBuilder &b, Location loc,
                                           RankedTensorType resultType,
                                           unsigned numResults,
                                           ValueRange operands,
                                           ScalarBody body) {
  SmallVector<Value> dynamicSizes =
      broadcastDynamicSizes(b, loc, resultType, operands);
  SmallVector<Value> inits;
  for (unsigned i = 0; i < numResults; ++i)
    inits.push_back(emptyTensor(b, loc, resultType, dynamicSizes));
  SmallVector<AffineMap> maps(operands.size() + numResults,
                              b.getMultiDimIdentityMap(resultType.getRank()));
  SmallVector<utils::IteratorType> iterators(resultType.getRank(),
                                             utils::IteratorType::parallel);
  SmallVector<Type> resultTypes(numResults, resultType);
  auto generic = linalg::GenericOp::create(
      b, loc, resultTypes, operands, inits, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        SmallVector<Value> results =
            body(nested, nestedLoc, args.take_front(operands.size()));
        linalg::YieldOp::create(nested, nestedLoc, results);
      });
  return SmallVector<Value>(generic.getResults());
}

/// The element of a 0-d tensor, converted to f64.
Value extractF64(OpBuilder &b, Location loc, Value scalarTensor) {
  Value element = tensor::ExtractOp::create(b, loc, scalarTensor);
  return convertScalar(b, loc, element, b.getF64Type(), /*fromUnsigned=*/false,
                       /*toUnsigned=*/false);
}

/// Scalar arithmetic in one float type, to keep the formulas readable.
struct FloatMath {
  OpBuilder &b;
  Location loc;
  Type type;

  Value constant(double value) { return scalarConstant(b, loc, type, value); }
  Value add(Value x, Value y) { return arith::AddFOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubFOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); }
  Value div(Value x, Value y) { return arith::DivFOp::create(b, loc, x, y); }
  Value mul(double x, Value y) { return mul(constant(x), y); }
  Value sqrt(Value x) { return math::SqrtOp::create(b, loc, x); }
  /// `x` converted to this type.
  Value from(Value x) {
    return convertScalar(b, loc, x, type, /*fromUnsigned=*/false,
                         /*toUnsigned=*/false);
  }
  /// `g + coefficient * p`, leaving `g` alone for a zero coefficient.
  Value regularized(Value g, Value p, double coefficient) {
    if (coefficient == 0.0)
      return g;
    return add(g, mul(coefficient, p));
  }
};

/// The converted type of the parameter, the type of every tensor result.
FailureOr<RankedTensorType> paramType(ConversionPatternRewriter &rewriter,
                                      Operation *op, Type type,
                                      const TypeConverter *converter) {
  RankedTensorType converted = convertTensorType(*converter, type);
  if (!converted)
    return rewriter.notifyMatchFailure(op, "unsupported parameter type");
  return converted;
}

struct SgdUpdateLowering : OpConversionPattern<SgdUpdateOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SgdUpdateOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type = paramType(
        rewriter, op, op.getParam().getType(), getTypeConverter());
    if (failed(type))
      return failure();
    Location loc = op.getLoc();
    FloatMath outer{rewriter, loc, type->getElementType()};
    Value lr = outer.from(tensor::ExtractOp::create(rewriter, loc,
                                                    adaptor.getLr()));
    double weightDecay = op.getWeightDecay().convertToDouble();
    SmallVector<Value> results = buildElementwiseResults(
        rewriter, loc, *type, 1, {adaptor.getParam(), adaptor.getGrad()},
        [&](OpBuilder &b, Location l, ValueRange x) -> SmallVector<Value> {
          FloatMath m{b, l, type->getElementType()};
          Value g = m.regularized(x[1], x[0], weightDecay);
          return {m.sub(x[0], m.mul(lr, g))};
        });
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct MomentumUpdateLowering : OpConversionPattern<MomentumUpdateOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MomentumUpdateOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type = paramType(
        rewriter, op, op.getParam().getType(), getTypeConverter());
    if (failed(type))
      return failure();
    Location loc = op.getLoc();
    Type elementType = type->getElementType();
    FloatMath outer{rewriter, loc, elementType};
    Value lr = outer.from(tensor::ExtractOp::create(rewriter, loc,
                                                    adaptor.getLr()));
    // The gradient enters the velocity with weight beta, except on the very
    // first step (step == 0), where the velocity starts from the gradient.
    Value step = tensor::ExtractOp::create(rewriter, loc, adaptor.getStep());
    Value started = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::sgt, step,
        scalarConstant(rewriter, loc, step.getType(), 0.0));
    Value one = outer.constant(1.0);
    Value betaValue = outer.constant(op.getBeta().convertToDouble());
    Value beta = arith::SelectOp::create(rewriter, loc, started, betaValue, one);
    double alpha = op.getAlpha().convertToDouble();
    double norm = op.getNormCoefficient().convertToDouble();
    bool nesterov = op.getMode() == MomentumMode::Nesterov;

    SmallVector<Value> results = buildElementwiseResults(
        rewriter, loc, *type, 2,
        {adaptor.getParam(), adaptor.getGrad(), adaptor.getVelocity()},
        [&](OpBuilder &b, Location l, ValueRange x) -> SmallVector<Value> {
          FloatMath m{b, l, elementType};
          Value g = m.regularized(x[1], x[0], norm);
          Value scaledGrad = m.mul(beta, g);
          Value velocity = m.add(m.mul(alpha, x[2]), scaledGrad);
          Value direction =
              nesterov ? m.add(g, m.mul(alpha, velocity)) : velocity;
          return {m.sub(x[0], m.mul(lr, direction)), velocity};
        });
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct AdagradUpdateLowering : OpConversionPattern<AdagradUpdateOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(AdagradUpdateOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type = paramType(
        rewriter, op, op.getParam().getType(), getTypeConverter());
    if (failed(type))
      return failure();
    Location loc = op.getLoc();
    Type elementType = type->getElementType();
    // r = lr / (1 + step * decay_factor), in f64.
    FloatMath wide{rewriter, loc, rewriter.getF64Type()};
    Value lr = extractF64(rewriter, loc, adaptor.getLr());
    Value step = extractF64(rewriter, loc, adaptor.getStep());
    Value decay = wide.mul(op.getDecayFactor().convertToDouble(), step);
    Value decayed = wide.add(wide.constant(1.0), decay);
    Value rate = FloatMath{rewriter, loc, elementType}.from(
        wide.div(lr, decayed));
    double epsilon = op.getEpsilon().convertToDouble();
    double norm = op.getNormCoefficient().convertToDouble();

    SmallVector<Value> results = buildElementwiseResults(
        rewriter, loc, *type, 2,
        {adaptor.getParam(), adaptor.getGrad(), adaptor.getAccumulator()},
        [&](OpBuilder &b, Location l, ValueRange x) -> SmallVector<Value> {
          FloatMath m{b, l, elementType};
          Value g = m.regularized(x[1], x[0], norm);
          Value accumulator = m.add(x[2], m.mul(g, g));
          Value epsilonValue = m.constant(epsilon);
          Value denominator = m.add(m.sqrt(accumulator), epsilonValue);
          Value param = m.sub(x[0], m.div(m.mul(rate, g), denominator));
          return {param, accumulator};
        });
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct AdamUpdateLowering : OpConversionPattern<AdamUpdateOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(AdamUpdateOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type = paramType(
        rewriter, op, op.getParam().getType(), getTypeConverter());
    if (failed(type))
      return failure();
    Location loc = op.getLoc();
    Type elementType = type->getElementType();
    double alpha = op.getAlpha().convertToDouble();
    double beta = op.getBeta().convertToDouble();
    double epsilon = op.getEpsilon().convertToDouble();
    double norm = op.getNormCoefficient().convertToDouble();
    double normPost = op.getNormCoefficientPost().convertToDouble();

    // Bias correction once step > 0:
    // r = lr * sqrt(1 - beta^step) / (1 - alpha^step), in f64.
    FloatMath wide{rewriter, loc, rewriter.getF64Type()};
    Value lr = extractF64(rewriter, loc, adaptor.getLr());
    Value stepInt = tensor::ExtractOp::create(rewriter, loc, adaptor.getStep());
    Value step = wide.from(stepInt);
    Value betaPow = math::PowFOp::create(rewriter, loc,
                                         wide.constant(beta), step);
    Value alphaPow = math::PowFOp::create(rewriter, loc,
                                          wide.constant(alpha), step);
    Value alphaCorrection = wide.sub(wide.constant(1.0), alphaPow);
    Value betaCorrection = wide.sub(wide.constant(1.0), betaPow);
    Value corrected =
        wide.div(wide.mul(lr, wide.sqrt(betaCorrection)), alphaCorrection);
    Value started = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::sgt, stepInt,
        scalarConstant(rewriter, loc, stepInt.getType(), 0.0));
    Value rate = FloatMath{rewriter, loc, elementType}.from(
        arith::SelectOp::create(rewriter, loc, started, corrected, lr));

    SmallVector<Value> results = buildElementwiseResults(
        rewriter, loc, *type, 3,
        {adaptor.getParam(), adaptor.getGrad(), adaptor.getFirstMoment(),
         adaptor.getSecondMoment()},
        [&](OpBuilder &b, Location l, ValueRange x) -> SmallVector<Value> {
          FloatMath m{b, l, elementType};
          Value g = m.regularized(x[1], x[0], norm);
          Value firstUpdate = m.mul(1.0 - alpha, g);
          Value first = m.add(m.mul(alpha, x[2]), firstUpdate);
          Value secondUpdate = m.mul(m.mul(1.0 - beta, g), g);
          Value second = m.add(m.mul(beta, x[3]), secondUpdate);
          Value epsilonValue = m.constant(epsilon);
          Value denominator = m.add(m.sqrt(second), epsilonValue);
          Value param = m.sub(x[0], m.div(m.mul(rate, first), denominator));
          if (normPost != 0.0)
            param = m.mul(1.0 - normPost, param);
          return {param, first, second};
        });
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace

void mlir::dfg::populateTrainingToLinalgPatterns(const TypeConverter &converter,
                                                 RewritePatternSet &patterns) {
  patterns.add<SgdUpdateLowering, MomentumUpdateLowering,
               AdagradUpdateLowering, AdamUpdateLowering>(
      converter, patterns.getContext());
}
