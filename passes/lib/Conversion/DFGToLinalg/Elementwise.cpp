//===- Elementwise.cpp - dfg elementwise ops to linalg.generic ------------===//
//
// Every elementwise op becomes one broadcasting `linalg.generic` whose body
// is the scalar computation; linalg's elementwise fusion later merges chains
// of them. Integer ops that trap or are poison in LLVM (division by zero,
// INT_MIN / -1, over-wide shifts) are guarded, so a model can never crash
// the process on such data.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include "llvm/Support/xxhash.h"

#include <cmath>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

namespace {

/// What a scalar body needs besides the operands.
struct ScalarContext {
  Type elementType; // converted element type of the operands
  bool isUnsigned;  // whether the operands were unsigned integers
};

bool isFloat(Type type) { return isa<FloatType>(type); }

Value one(OpBuilder &b, Location loc, Type type) {
  return scalarConstant(b, loc, type, 1.0);
}
Value zero(OpBuilder &b, Location loc, Type type) {
  return scalarConstant(b, loc, type, 0.0);
}

#define FLOAT_UNARY(OP, MATH)                                                  \
  Value scalarOf(OP, OpBuilder &b, Location loc, ValueRange x,                 \
                 const ScalarContext &) {                                      \
    return MATH::create(b, loc, x[0]);                                         \
  }
FLOAT_UNARY(ExpOp, math::ExpOp)
FLOAT_UNARY(LogOp, math::LogOp)
FLOAT_UNARY(SqrtOp, math::SqrtOp)
FLOAT_UNARY(RsqrtOp, math::RsqrtOp)
FLOAT_UNARY(TanhOp, math::TanhOp)
FLOAT_UNARY(ErfOp, math::ErfOp)
FLOAT_UNARY(SinOp, math::SinOp)
FLOAT_UNARY(CosOp, math::CosOp)
FLOAT_UNARY(FloorOp, math::FloorOp)
FLOAT_UNARY(CeilOp, math::CeilOp)
FLOAT_UNARY(RoundOp, math::RoundEvenOp)
FLOAT_UNARY(TanOp, math::TanOp)
FLOAT_UNARY(AsinOp, math::AsinOp)
FLOAT_UNARY(AcosOp, math::AcosOp)
FLOAT_UNARY(AtanOp, math::AtanOp)
FLOAT_UNARY(SinhOp, math::SinhOp)
FLOAT_UNARY(CoshOp, math::CoshOp)
FLOAT_UNARY(AsinhOp, math::AsinhOp)
FLOAT_UNARY(AcoshOp, math::AcoshOp)
FLOAT_UNARY(AtanhOp, math::AtanhOp)
#undef FLOAT_UNARY

Value scalarOf(ReciprocalOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  return arith::DivFOp::create(b, loc, one(b, loc, ctx.elementType), x[0]);
}

Value scalarOf(SigmoidOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  Value negated = arith::NegFOp::create(b, loc, x[0]);
  Value exp = math::ExpOp::create(b, loc, negated);
  Value denominator =
      arith::AddFOp::create(b, loc, one(b, loc, ctx.elementType), exp);
  return arith::DivFOp::create(b, loc, one(b, loc, ctx.elementType),
                               denominator);
}

Value scalarOf(NegOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  if (isFloat(ctx.elementType))
    return arith::NegFOp::create(b, loc, x[0]);
  return arith::SubIOp::create(b, loc, zero(b, loc, ctx.elementType), x[0]);
}

Value scalarOf(AbsOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  if (isFloat(ctx.elementType))
    return math::AbsFOp::create(b, loc, x[0]);
  if (ctx.isUnsigned)
    return x[0];
  return math::AbsIOp::create(b, loc, x[0]);
}

Value scalarOf(SignOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  Type type = ctx.elementType;
  Value zeroValue = zero(b, loc, type);
  Value oneValue = one(b, loc, type);
  if (isFloat(type)) {
    // NaN and zeros pass through unchanged, as numpy's sign does.
    Value positive = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT,
                                           x[0], zeroValue);
    Value negative = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT,
                                           x[0], zeroValue);
    Value minusOne = scalarConstant(b, loc, type, -1.0);
    Value negOrSame = arith::SelectOp::create(b, loc, negative, minusOne, x[0]);
    return arith::SelectOp::create(b, loc, positive, oneValue, negOrSame);
  }
  Value nonZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x[0], zeroValue);
  Value magnitude = arith::SelectOp::create(b, loc, nonZero, oneValue, zeroValue);
  if (ctx.isUnsigned)
    return magnitude;
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x[0], zeroValue);
  Value minusOne = scalarConstant(b, loc, type, -1.0);
  return arith::SelectOp::create(b, loc, negative, minusOne, magnitude);
}

Value scalarOf(NotOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  return arith::XOrIOp::create(b, loc, x[0], one(b, loc, ctx.elementType));
}

Value scalarOf(AddOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  if (isFloat(ctx.elementType))
    return arith::AddFOp::create(b, loc, x[0], x[1]);
  if (ctx.elementType.isInteger(1))
    return arith::OrIOp::create(b, loc, x[0], x[1]);
  return arith::AddIOp::create(b, loc, x[0], x[1]);
}

Value scalarOf(SubOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  if (isFloat(ctx.elementType))
    return arith::SubFOp::create(b, loc, x[0], x[1]);
  return arith::SubIOp::create(b, loc, x[0], x[1]);
}

Value scalarOf(MulOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  if (isFloat(ctx.elementType))
    return arith::MulFOp::create(b, loc, x[0], x[1]);
  if (ctx.elementType.isInteger(1))
    return arith::AndIOp::create(b, loc, x[0], x[1]);
  return arith::MulIOp::create(b, loc, x[0], x[1]);
}

/// Integer division and remainder that never trap: a zero divisor gives 0,
/// and INT_MIN / -1 wraps (x86 raises SIGFPE on both).
template <typename SignedOp, typename UnsignedOp>
Value safeIntegerDivision(OpBuilder &b, Location loc, Value lhs, Value rhs,
                          const ScalarContext &ctx) {
  Type type = ctx.elementType;
  Value zeroValue = zero(b, loc, type);
  Value oneValue = one(b, loc, type);
  Value isZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs, zeroValue);
  Value divisor = arith::SelectOp::create(b, loc, isZero, oneValue, rhs);
  Value result;
  if (ctx.isUnsigned) {
    result = UnsignedOp::create(b, loc, lhs, divisor);
  } else {
    // -1 divides exactly: x / -1 = -x (wrapping), x % -1 = 0.
    Value minusOne = scalarConstant(b, loc, type, -1.0);
    Value isMinusOne = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                             divisor, minusOne);
    Value safeDivisor =
        arith::SelectOp::create(b, loc, isMinusOne, oneValue, divisor);
    Value quotient = SignedOp::create(b, loc, lhs, safeDivisor);
    Value negated =
        std::is_same_v<SignedOp, arith::DivSIOp>
            ? arith::SubIOp::create(b, loc, zeroValue, lhs).getResult()
            : zeroValue;
    result = arith::SelectOp::create(b, loc, isMinusOne, negated, quotient);
  }
  return arith::SelectOp::create(b, loc, isZero, zeroValue, result);
}

Value scalarOf(DivOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  if (isFloat(ctx.elementType))
    return arith::DivFOp::create(b, loc, x[0], x[1]);
  return safeIntegerDivision<arith::DivSIOp, arith::DivUIOp>(b, loc, x[0], x[1],
                                                             ctx);
}

Value scalarOf(RemOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  if (isFloat(ctx.elementType))
    return arith::RemFOp::create(b, loc, x[0], x[1]);
  return safeIntegerDivision<arith::RemSIOp, arith::RemUIOp>(b, loc, x[0], x[1],
                                                             ctx);
}

Value scalarOf(PowOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  if (isFloat(ctx.elementType))
    return math::PowFOp::create(b, loc, x[0], x[1]);
  // math.ipowi has the semantics the op states (wrapping, 0 for negative
  // exponents unless the base is 1 or -1); unsigned exponents are never
  // negative, so only the sign of the exponent matters here.
  return math::IPowIOp::create(b, loc, x[0], x[1]);
}

Value scalarOf(MaxOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  if (isFloat(ctx.elementType))
    return arith::MaximumFOp::create(b, loc, x[0], x[1]);
  if (ctx.isUnsigned || ctx.elementType.isInteger(1))
    return arith::MaxUIOp::create(b, loc, x[0], x[1]);
  return arith::MaxSIOp::create(b, loc, x[0], x[1]);
}

Value scalarOf(MinOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  if (isFloat(ctx.elementType))
    return arith::MinimumFOp::create(b, loc, x[0], x[1]);
  if (ctx.isUnsigned || ctx.elementType.isInteger(1))
    return arith::MinUIOp::create(b, loc, x[0], x[1]);
  return arith::MinSIOp::create(b, loc, x[0], x[1]);
}

Value scalarOf(AndOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &) {
  return arith::AndIOp::create(b, loc, x[0], x[1]);
}
Value scalarOf(OrOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &) {
  return arith::OrIOp::create(b, loc, x[0], x[1]);
}
Value scalarOf(XorOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &) {
  return arith::XOrIOp::create(b, loc, x[0], x[1]);
}

/// Whether the shift amount (read as unsigned) is below the bit width.
Value shiftInRange(OpBuilder &b, Location loc, Value amount, Type type) {
  Value width =
      scalarConstant(b, loc, type, type.getIntOrFloatBitWidth());
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, amount,
                               width);
}

Value scalarOf(ShiftLeftOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  Type type = ctx.elementType;
  Value inRange = shiftInRange(b, loc, x[1], type);
  Value amount = arith::SelectOp::create(b, loc, inRange, x[1], zero(b, loc, type));
  Value shifted = arith::ShLIOp::create(b, loc, x[0], amount);
  return arith::SelectOp::create(b, loc, inRange, shifted, zero(b, loc, type));
}

Value scalarOf(ShiftRightOp, OpBuilder &b, Location loc, ValueRange x,
               const ScalarContext &ctx) {
  Type type = ctx.elementType;
  Value inRange = shiftInRange(b, loc, x[1], type);
  if (ctx.isUnsigned) {
    Value amount =
        arith::SelectOp::create(b, loc, inRange, x[1], zero(b, loc, type));
    Value shifted = arith::ShRUIOp::create(b, loc, x[0], amount);
    return arith::SelectOp::create(b, loc, inRange, shifted,
                                   zero(b, loc, type));
  }
  // An arithmetic shift by width - 1 already fills every bit with the sign.
  Value maxAmount =
      scalarConstant(b, loc, type, type.getIntOrFloatBitWidth() - 1);
  Value amount = arith::SelectOp::create(b, loc, inRange, x[1], maxAmount);
  return arith::ShRSIOp::create(b, loc, x[0], amount);
}

/// The rewrite shared by every op lowered through a `scalarOf` overload.
template <typename OpTy>
struct ElementwiseLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        convertTensorType(*this->getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Value first = op->getOperand(0);
    ScalarContext ctx{elementTypeOf(adaptor.getOperands()[0].getType()),
                      isUnsigned(first.getType())};
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange args) {
          return scalarOf(op, b, loc, args, ctx);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ClampLowering : OpConversionPattern<ClampOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ClampOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Type type = resultType.getElementType();
    bool isUnsignedType = isUnsigned(op.getType());
    double min = op.getMin().convertToDouble();
    double max = op.getMax().convertToDouble();
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, adaptor.getInput(),
        [&](OpBuilder &b, Location loc, ValueRange x) -> Value {
          Value value = x[0];
          if (isFloat(type)) {
            // maximumf/minimumf keep NaN, as ONNX Clip does.
            if (!std::isinf(min) || min > 0)
              value = arith::MaximumFOp::create(
                  b, loc, value, scalarConstant(b, loc, type, min));
            if (!std::isinf(max) || max < 0)
              value = arith::MinimumFOp::create(
                  b, loc, value, scalarConstant(b, loc, type, max));
            return value;
          }
          // Integer bounds outside the type's range do not bind.
          unsigned width = type.getIntOrFloatBitWidth();
          APSInt low = APSInt::getMinValue(width, isUnsignedType);
          APSInt high = APSInt::getMaxValue(width, isUnsignedType);
          double lowest = low.isUnsigned() ? low.getZExtValue()
                                           : static_cast<double>(low.getSExtValue());
          double highest = high.isUnsigned()
                               ? static_cast<double>(high.getZExtValue())
                               : static_cast<double>(high.getSExtValue());
          if (min > lowest) {
            Value bound = scalarConstant(b, loc, type, std::ceil(min));
            value = isUnsignedType
                        ? arith::MaxUIOp::create(b, loc, value, bound).getResult()
                        : arith::MaxSIOp::create(b, loc, value, bound).getResult();
          }
          if (max < highest) {
            Value bound = scalarConstant(b, loc, type, std::floor(max));
            value = isUnsignedType
                        ? arith::MinUIOp::create(b, loc, value, bound).getResult()
                        : arith::MinSIOp::create(b, loc, value, bound).getResult();
          }
          return value;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct CastLowering : OpConversionPattern<CastOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    bool fromUnsigned = isUnsigned(op.getInput().getType());
    bool toUnsigned = isUnsigned(op.getType());
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, adaptor.getInput(),
        [&](OpBuilder &b, Location loc, ValueRange x) {
          return convertScalar(b, loc, x[0], resultType.getElementType(),
                               fromUnsigned, toUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct CompareLowering : OpConversionPattern<CompareOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(CompareOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Type type = elementTypeOf(adaptor.getLhs().getType());
    bool isUnsignedType = isUnsigned(op.getLhs().getType()) || type.isInteger(1);
    ComparePredicate predicate = op.getPredicate();
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType,
        ValueRange{adaptor.getLhs(), adaptor.getRhs()},
        [&](OpBuilder &b, Location loc, ValueRange x) -> Value {
          if (isFloat(type)) {
            // Ordered comparisons: false with a NaN, except `ne`.
            arith::CmpFPredicate p = arith::CmpFPredicate::OEQ;
            switch (predicate) {
            case ComparePredicate::EQ: p = arith::CmpFPredicate::OEQ; break;
            case ComparePredicate::NE: p = arith::CmpFPredicate::UNE; break;
            case ComparePredicate::LT: p = arith::CmpFPredicate::OLT; break;
            case ComparePredicate::LE: p = arith::CmpFPredicate::OLE; break;
            case ComparePredicate::GT: p = arith::CmpFPredicate::OGT; break;
            case ComparePredicate::GE: p = arith::CmpFPredicate::OGE; break;
            }
            return arith::CmpFOp::create(b, loc, p, x[0], x[1]);
          }
          arith::CmpIPredicate p = arith::CmpIPredicate::eq;
          switch (predicate) {
          case ComparePredicate::EQ: p = arith::CmpIPredicate::eq; break;
          case ComparePredicate::NE: p = arith::CmpIPredicate::ne; break;
          case ComparePredicate::LT:
            p = isUnsignedType ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt;
            break;
          case ComparePredicate::LE:
            p = isUnsignedType ? arith::CmpIPredicate::ule : arith::CmpIPredicate::sle;
            break;
          case ComparePredicate::GT:
            p = isUnsignedType ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt;
            break;
          case ComparePredicate::GE:
            p = isUnsignedType ? arith::CmpIPredicate::uge : arith::CmpIPredicate::sge;
            break;
          }
          return arith::CmpIOp::create(b, loc, p, x[0], x[1]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SelectLowering : OpConversionPattern<SelectOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SelectOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Value result = buildElementwise(
        rewriter, op.getLoc(), resultType, adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange x) {
          return arith::SelectOp::create(b, loc, x[0], x[1], x[2]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ConstantLowering : OpConversionPattern<ConstantOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    TypedAttr value = dyn_cast<TypedAttr>(op.getValue());
    if (!value)
      return rewriter.notifyMatchFailure(op, "value is not a typed attribute");
    // Unsigned constants are reinterpreted as signless: same bits.
    if (value.getType() != resultType) {
      if (auto dense = dyn_cast<DenseIntElementsAttr>(value))
        value = dense.bitcast(resultType.getElementType());
      else if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
        value = DenseResourceElementsAttr::get(resultType,
                                               resource.getRawHandle());
      else
        return rewriter.notifyMatchFailure(op, "cannot retype the constant");
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, resultType, value);
    return success();
  }
};

/// The 64-bit finalizer of SplitMix64: a bijective mix whose outputs for
/// consecutive inputs are statistically independent.
Value splitMix64(OpBuilder &b, Location loc, Value x) {
  Type i64 = b.getI64Type();
  auto constant = [&](uint64_t value) -> Value {
    return arith::ConstantOp::create(
        b, loc, b.getIntegerAttr(i64, APInt(64, value)));
  };
  auto xorShift = [&](Value v, uint64_t shift) -> Value {
    Value shifted = arith::ShRUIOp::create(b, loc, v, constant(shift));
    return arith::XOrIOp::create(b, loc, v, shifted);
  };
  Value z = arith::AddIOp::create(b, loc, x, constant(0x9E3779B97F4A7C15ull));
  Value multiplier1 = constant(0xBF58476D1CE4E5B9ull);
  z = arith::MulIOp::create(b, loc, xorShift(z, 30), multiplier1);
  Value multiplier2 = constant(0x94D049BB133111EBull);
  z = arith::MulIOp::create(b, loc, xorShift(z, 27), multiplier2);
  return xorShift(z, 31);
}

/// A uniform draw in [0, 1) of `type` from 64 random bits: the top
/// mantissa-width bits scaled down, so every value is exactly representable.
Value unitInterval(OpBuilder &b, Location loc, Value bits, FloatType type) {
  unsigned mantissa = type.getFPMantissaWidth();
  Value top = arith::ShRUIOp::create(
      b, loc, bits,
      arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(64 - mantissa)));
  Value asFloat = arith::UIToFPOp::create(b, loc, b.getF64Type(), top);
  Value scale = arith::ConstantOp::create(
      b, loc, b.getF64FloatAttr(std::ldexp(1.0, -static_cast<int>(mantissa))));
  return arith::MulFOp::create(b, loc, asFloat, scale);
}

/// Draws random tensors from a counter-based generator: element i of the
/// result is a pure function of (key, i), so the lowering is one parallel
/// linalg.generic. The key is the seed's bits; without a seed it is a hash
/// of the op's location, so every run of a compiled model draws the same
/// numbers (documented on the ops).
template <typename OpTy>
struct RandomLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        convertTensorType(*this->getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    auto floatType = cast<FloatType>(resultType.getElementType());
    Location loc = op.getLoc();
    uint64_t key;
    if (std::optional<APFloat> seed = op.getSeed()) {
      key = seed->bitcastToAPInt().getZExtValue();
    } else {
      std::string text;
      llvm::raw_string_ostream os(text);
      op.getLoc().print(os);
      key = llvm::xxh3_64bits(text);
    }
    SmallVector<Value> dynamicSizes;
    if (Value like = adaptor.getLike()) {
      for (int64_t dim = 0; dim < resultType.getRank(); ++dim)
        if (resultType.isDynamicDim(dim))
          dynamicSizes.push_back(tensor::DimOp::create(rewriter, loc, like, dim));
    } else if (!resultType.hasStaticShape()) {
      return rewriter.notifyMatchFailure(op, "dynamic shape without `like`");
    }
    Value init = emptyTensor(rewriter, loc, resultType, dynamicSizes);
    int64_t rank = resultType.getRank();
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(rank)};
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType}, ValueRange{}, ValueRange{init},
        maps, iterators, [&](OpBuilder &b, Location l, ValueRange) {
          Type i64 = b.getI64Type();
          // Row-major linear index of the element.
          Value linear = arith::ConstantOp::create(b, l, b.getI64IntegerAttr(0));
          for (int64_t dim = 0; dim < rank; ++dim) {
            Value size = arith::IndexCastOp::create(
                b, l, i64, tensor::DimOp::create(b, l, init, dim));
            Value index = arith::IndexCastOp::create(
                b, l, i64, linalg::IndexOp::create(b, l, dim));
            linear = arith::AddIOp::create(
                b, l, arith::MulIOp::create(b, l, linear, size), index);
          }
          // Two independent streams per element (Box-Muller needs two).
          Value two = arith::ConstantOp::create(b, l, b.getI64IntegerAttr(2));
          Value keyValue = arith::ConstantOp::create(
              b, l, b.getIntegerAttr(i64, APInt(64, key)));
          Value stream = arith::MulIOp::create(b, l, linear, two);
          Value counter = arith::AddIOp::create(
              b, l, splitMix64(b, l, keyValue), stream);
          Value first = unitInterval(b, l, splitMix64(b, l, counter), floatType);
          Value value = drawFrom(op, b, l, first, counter);
          Value narrowed = value;
          if (floatType != b.getF64Type())
            narrowed = arith::TruncFOp::create(b, l, floatType, value);
          linalg::YieldOp::create(b, l, narrowed);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }

  static Value drawFrom(RandomUniformOp op, OpBuilder &b, Location l,
                        Value unit, Value) {
    double low = op.getLow().convertToDouble();
    double high = op.getHigh().convertToDouble();
    Value width = arith::ConstantOp::create(b, l, b.getF64FloatAttr(high - low));
    Value lowValue = arith::ConstantOp::create(b, l, b.getF64FloatAttr(low));
    return arith::AddFOp::create(b, l, lowValue,
                                 arith::MulFOp::create(b, l, width, unit));
  }

  static Value drawFrom(RandomNormalOp op, OpBuilder &b, Location l,
                        Value unit, Value counter) {
    // Box-Muller: z = sqrt(-2 ln(1 - u1)) cos(2 pi u2); 1 - u1 is in (0, 1].
    Value one = arith::ConstantOp::create(b, l, b.getF64FloatAttr(1.0));
    Value u1 = arith::SubFOp::create(b, l, one, unit);
    Value next = arith::AddIOp::create(
        b, l, counter, arith::ConstantOp::create(b, l, b.getI64IntegerAttr(1)));
    Value u2 =
        unitInterval(b, l, splitMix64(b, l, next), b.getF64Type());
    Value logU1 = math::LogOp::create(b, l, u1);
    Value minusTwo = arith::ConstantOp::create(b, l, b.getF64FloatAttr(-2.0));
    Value radius = math::SqrtOp::create(
        b, l, arith::MulFOp::create(b, l, minusTwo, logU1));
    Value angle = arith::MulFOp::create(
        b, l, arith::ConstantOp::create(b, l, b.getF64FloatAttr(2.0 * M_PI)),
        u2);
    Value z = arith::MulFOp::create(b, l, radius, math::CosOp::create(b, l, angle));
    Value mean = arith::ConstantOp::create(
        b, l, b.getF64FloatAttr(op.getMean().convertToDouble()));
    Value scale = arith::ConstantOp::create(
        b, l, b.getF64FloatAttr(op.getScale().convertToDouble()));
    return arith::AddFOp::create(b, l, mean,
                                 arith::MulFOp::create(b, l, scale, z));
  }
};

} // namespace

void mlir::dfg::populateElementwiseToLinalgPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<
      ElementwiseLowering<ExpOp>, ElementwiseLowering<LogOp>,
      ElementwiseLowering<SqrtOp>, ElementwiseLowering<RsqrtOp>,
      ElementwiseLowering<ReciprocalOp>, ElementwiseLowering<TanhOp>,
      ElementwiseLowering<SigmoidOp>, ElementwiseLowering<ErfOp>,
      ElementwiseLowering<SinOp>, ElementwiseLowering<CosOp>,
      ElementwiseLowering<FloorOp>, ElementwiseLowering<CeilOp>,
      ElementwiseLowering<RoundOp>, ElementwiseLowering<TanOp>,
      ElementwiseLowering<AsinOp>, ElementwiseLowering<AcosOp>,
      ElementwiseLowering<AtanOp>, ElementwiseLowering<SinhOp>,
      ElementwiseLowering<CoshOp>, ElementwiseLowering<AsinhOp>,
      ElementwiseLowering<AcoshOp>, ElementwiseLowering<AtanhOp>,
      ElementwiseLowering<NegOp>, ElementwiseLowering<AbsOp>,
      ElementwiseLowering<SignOp>, ElementwiseLowering<NotOp>,
      ElementwiseLowering<AddOp>, ElementwiseLowering<SubOp>,
      ElementwiseLowering<MulOp>, ElementwiseLowering<DivOp>,
      ElementwiseLowering<RemOp>, ElementwiseLowering<PowOp>,
      ElementwiseLowering<MaxOp>, ElementwiseLowering<MinOp>,
      ElementwiseLowering<AndOp>, ElementwiseLowering<OrOp>,
      ElementwiseLowering<XorOp>, ElementwiseLowering<ShiftLeftOp>,
      ElementwiseLowering<ShiftRightOp>, ClampLowering, CastLowering,
      CompareLowering, SelectLowering, ConstantLowering,
      RandomLowering<RandomUniformOp>, RandomLowering<RandomNormalOp>>(
      converter, patterns.getContext());
}
