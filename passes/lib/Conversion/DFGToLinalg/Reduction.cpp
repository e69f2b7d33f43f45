//===- Reduction.cpp - lowering of reduce and arg_reduce ------------------===//
//
// `dfg.reduce` becomes a `linalg.reduce` over the reduced dimensions (with a
// `linalg.generic` dividing by the element count for `mean`), followed by a
// `tensor.expand_shape` that reinserts the unit dimensions of `keep_dims`.
// `dfg.arg_reduce` becomes a `linalg.generic` with a reduction iterator and
// two outputs, the running extreme and its index.
//
// NaN follows numpy, which the reference interpreter uses: `max`/`min`
// propagate it, and argmax/argmin return the first NaN (the last with
// `select_last_index`).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

namespace {

/// The identity of a max (`isMax`) or min reduction: -inf/+inf for floats,
/// the smallest/largest value of the (signed or unsigned) integer type.
Value extremeIdentity(OpBuilder &b, Location loc, Type type, bool isMax,
                      bool isUnsignedType) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(
        b, loc,
        b.getFloatAttr(floatType, APFloat::getInf(floatType.getFloatSemantics(),
                                                  /*Negative=*/isMax)));
  unsigned width = type.getIntOrFloatBitWidth();
  // Booleans order as unsigned: false < true.
  bool asUnsigned = isUnsignedType || width == 1;
  APInt value = asUnsigned ? (isMax ? APInt::getMinValue(width)
                                    : APInt::getMaxValue(width))
                           : (isMax ? APInt::getSignedMinValue(width)
                                    : APInt::getSignedMaxValue(width));
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

/// Combines an element with the running value of a reduction of `kind`.
Value combine(OpBuilder &b, Location loc, ReduceKind kind, Value element,
              Value accumulator, bool isUnsignedType) {
  Type type = element.getType();
  bool isFloat = isa<FloatType>(type);
  bool isBool = type.isInteger(1);
  switch (kind) {
  case ReduceKind::Sum:
  case ReduceKind::Mean:
    if (isFloat)
      return arith::AddFOp::create(b, loc, element, accumulator);
    if (isBool)
      return arith::OrIOp::create(b, loc, element, accumulator);
    return arith::AddIOp::create(b, loc, element, accumulator);
  case ReduceKind::Prod:
    if (isFloat)
      return arith::MulFOp::create(b, loc, element, accumulator);
    if (isBool)
      return arith::AndIOp::create(b, loc, element, accumulator);
    return arith::MulIOp::create(b, loc, element, accumulator);
  case ReduceKind::Max:
    if (isFloat) // propagates NaN, as numpy's max does
      return arith::MaximumFOp::create(b, loc, element, accumulator);
    if (isUnsignedType || isBool)
      return arith::MaxUIOp::create(b, loc, element, accumulator);
    return arith::MaxSIOp::create(b, loc, element, accumulator);
  case ReduceKind::Min:
    if (isFloat)
      return arith::MinimumFOp::create(b, loc, element, accumulator);
    if (isUnsignedType || isBool)
      return arith::MinUIOp::create(b, loc, element, accumulator);
    return arith::MinSIOp::create(b, loc, element, accumulator);
  }
  llvm_unreachable("unknown reduce kind");
}

/// Reinserts unit dimensions at `axes` (sorted) into `value`, whose sizes are
/// those of `full` without the `axes`, giving a tensor of `full`'s rank.
/// Each unit dimension joins the group of the kept dimension before it (the
/// first kept one for leading units).
Value expandReducedDims(OpBuilder &b, Location loc, Value value, Value full,
                        ArrayRef<int64_t> axes) {
  auto fullType = cast<RankedTensorType>(full.getType());
  auto valueType = cast<RankedTensorType>(value.getType());
  int64_t rank = fullType.getRank();
  SmallVector<OpFoldResult> fullSizes = tensorSizes(b, loc, full);
  SmallVector<int64_t> shape;
  SmallVector<OpFoldResult> outputShape;
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices pending; // unit dims waiting for their group
  for (int64_t dim = 0; dim < rank; ++dim) {
    if (llvm::is_contained(axes, dim)) {
      shape.push_back(1);
      outputShape.push_back(b.getIndexAttr(1));
      if (groups.empty())
        pending.push_back(dim);
      else
        groups.back().push_back(dim);
      continue;
    }
    shape.push_back(fullType.getDimSize(dim));
    outputShape.push_back(fullSizes[dim]);
    ReassociationIndices group = pending;
    pending.clear();
    group.push_back(dim);
    groups.push_back(group);
  }
  // Everything reduced: a rank-0 value expands with no groups.
  auto type = RankedTensorType::get(shape, valueType.getElementType());
  return tensor::ExpandShapeOp::create(b, loc, type, value, groups,
                                       outputShape);
}

/// `value` with the type `type` when they differ only in static information.
Value castIfNeeded(OpBuilder &b, Location loc, Value value,
                   RankedTensorType type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

struct ReduceOpLowering : OpConversionPattern<ReduceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = dyn_cast<RankedTensorType>(input.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    if (!inputType || !resultType)
      return rewriter.notifyMatchFailure(op, "expected ranked tensors");
    int64_t rank = inputType.getRank();
    SmallVector<int64_t> axes(op.getAxes());
    for (int64_t &axis : axes) {
      if (axis < 0)
        axis += rank;
      if (axis < 0 || axis >= rank)
        return rewriter.notifyMatchFailure(op, "axis out of range");
    }
    llvm::sort(axes);
    axes.erase(llvm::unique(axes), axes.end());

    // No axes: nothing is reduced.
    if (axes.empty()) {
      rewriter.replaceOp(op, castIfNeeded(rewriter, loc, input, resultType));
      return success();
    }

    Type elementType = inputType.getElementType();
    bool isUnsignedType = isUnsigned(op.getInput().getType());
    ReduceKind kind = op.getKind();
    Value identity;
    switch (kind) {
    case ReduceKind::Sum:
    case ReduceKind::Mean:
      identity = scalarConstant(rewriter, loc, elementType, 0.0);
      break;
    case ReduceKind::Prod:
      identity = scalarConstant(rewriter, loc, elementType, 1.0);
      break;
    case ReduceKind::Max:
    case ReduceKind::Min:
      identity = extremeIdentity(rewriter, loc, elementType,
                                 kind == ReduceKind::Max, isUnsignedType);
      break;
    }

    SmallVector<OpFoldResult> sizes = tensorSizes(rewriter, loc, input);
    SmallVector<int64_t> keptShape;
    SmallVector<Value> keptDynamic;
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (llvm::is_contained(axes, dim))
        continue;
      keptShape.push_back(inputType.getDimSize(dim));
      if (inputType.isDynamicDim(dim))
        keptDynamic.push_back(cast<Value>(sizes[dim]));
    }
    auto keptType = RankedTensorType::get(keptShape, elementType);
    Value init = emptyTensor(rewriter, loc, keptType, keptDynamic);
    Value filled =
        linalg::FillOp::create(rewriter, loc, identity, init).getResult(0);
    Value reduced =
        linalg::ReduceOp::create(
            rewriter, loc, ValueRange{input}, ValueRange{filled}, axes,
            [&](OpBuilder &b, Location nestedLoc, ValueRange args) {
              linalg::YieldOp::create(b, nestedLoc,
                                      combine(b, nestedLoc, kind, args[0],
                                              args[1], isUnsignedType));
            })
            .getResult(0);

    if (kind == ReduceKind::Mean && !elementType.isInteger(1)) {
      // The count is a product of runtime sizes when any reduced dim is
      // dynamic; a zero count (an empty reduction) divides floats into NaN,
      // as numpy does, and integers by 1 instead of trapping.
      Value count = arith::ConstantIndexOp::create(rewriter, loc, 1);
      for (int64_t axis : axes)
        count = arith::MulIOp::create(
            rewriter, loc, count,
            getValueOrCreateConstantIndexOp(rewriter, loc, sizes[axis]));
      Value count64 = arith::IndexCastUIOp::create(
          rewriter, loc, rewriter.getI64Type(), count);
      Value divisor = convertScalar(rewriter, loc, count64, elementType,
                                    /*fromUnsigned=*/true, isUnsignedType);
      bool isFloat = isa<FloatType>(elementType);
      if (!isFloat) {
        Value zero = scalarConstant(rewriter, loc, elementType, 0.0);
        Value one = scalarConstant(rewriter, loc, elementType, 1.0);
        Value isZero = arith::CmpIOp::create(
            rewriter, loc, arith::CmpIPredicate::eq, divisor, zero);
        divisor = arith::SelectOp::create(rewriter, loc, isZero, one, divisor);
      }
      reduced = buildElementwise(
          rewriter, loc, keptType, ValueRange{reduced},
          [&](OpBuilder &b, Location nestedLoc, ValueRange x) -> Value {
            if (isFloat)
              return arith::DivFOp::create(b, nestedLoc, x[0], divisor);
            if (isUnsignedType)
              return arith::DivUIOp::create(b, nestedLoc, x[0], divisor);
            return arith::DivSIOp::create(b, nestedLoc, x[0], divisor);
          });
    }

    if (op.getKeepDims())
      reduced = expandReducedDims(rewriter, loc, reduced, input, axes);
    rewriter.replaceOp(op, castIfNeeded(rewriter, loc, reduced, resultType));
    return success();
  }
};

struct ArgReduceOpLowering : OpConversionPattern<ArgReduceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ArgReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = dyn_cast<RankedTensorType>(input.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    if (!inputType || !resultType)
      return rewriter.notifyMatchFailure(op, "expected ranked tensors");
    int64_t rank = inputType.getRank();
    int64_t axis = op.getAxis();
    if (axis < 0)
      axis += rank;
    if (axis < 0 || axis >= rank)
      return rewriter.notifyMatchFailure(op, "axis out of range");

    Type elementType = inputType.getElementType();
    bool isFloat = isa<FloatType>(elementType);
    bool isUnsignedType =
        isUnsigned(op.getInput().getType()) || elementType.isInteger(1);
    bool isMax = op.getKind() == ArgKind::ArgMax;
    bool last = op.getSelectLastIndex();
    Type i64 = rewriter.getI64Type();

    SmallVector<OpFoldResult> sizes = tensorSizes(rewriter, loc, input);
    SmallVector<int64_t> keptShape;
    SmallVector<Value> keptDynamic;
    SmallVector<AffineExpr> keptExprs;
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (dim == axis)
        continue;
      keptShape.push_back(inputType.getDimSize(dim));
      keptExprs.push_back(rewriter.getAffineDimExpr(dim));
      if (inputType.isDynamicDim(dim))
        keptDynamic.push_back(cast<Value>(sizes[dim]));
    }
    auto valueType = RankedTensorType::get(keptShape, elementType);
    auto indexType = RankedTensorType::get(keptShape, i64);
    Value valuesInit = emptyTensor(rewriter, loc, valueType, keptDynamic);
    Value identity =
        extremeIdentity(rewriter, loc, elementType, isMax, isUnsignedType);
    Value values =
        linalg::FillOp::create(rewriter, loc, identity, valuesInit)
            .getResult(0);
    Value indicesInit = emptyTensor(rewriter, loc, indexType, keptDynamic);
    Value zero = scalarConstant(rewriter, loc, i64, 0.0);
    Value indices =
        linalg::FillOp::create(rewriter, loc, zero, indicesInit).getResult(0);

    MLIRContext *context = rewriter.getContext();
    AffineMap keptMap = AffineMap::get(rank, 0, keptExprs, context);
    SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(rank),
                                   keptMap, keptMap};
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators[axis] = utils::IteratorType::reduction;
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{valueType, indexType}, ValueRange{input},
        ValueRange{values, indices}, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value x = args[0], best = args[1], bestIndex = args[2];
          Value take;
          if (isFloat) {
            // Strict comparisons keep the first of equal values; the
            // non-strict ones move to the last.
            arith::CmpFPredicate predicate =
                isMax ? (last ? arith::CmpFPredicate::OGE
                              : arith::CmpFPredicate::OGT)
                      : (last ? arith::CmpFPredicate::OLE
                              : arith::CmpFPredicate::OLT);
            Value better = arith::CmpFOp::create(b, l, predicate, x, best);
            // A NaN wins over every number, and stays unless a later NaN
            // takes its place with `select_last_index`.
            Value xIsNaN =
                arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, x, x);
            Value bestIsNaN = arith::CmpFOp::create(
                b, l, arith::CmpFPredicate::UNO, best, best);
            Value bestNotNaN = arith::XOrIOp::create(
                b, l, bestIsNaN, scalarConstant(b, l, b.getI1Type(), 1.0));
            Value numeric = arith::AndIOp::create(b, l, better, bestNotNaN);
            Value nanTakes =
                last ? xIsNaN
                     : arith::AndIOp::create(b, l, xIsNaN, bestNotNaN)
                           .getResult();
            take = arith::OrIOp::create(b, l, numeric, nanTakes);
          } else {
            arith::CmpIPredicate predicate;
            if (isUnsignedType)
              predicate = isMax ? (last ? arith::CmpIPredicate::uge
                                        : arith::CmpIPredicate::ugt)
                                : (last ? arith::CmpIPredicate::ule
                                        : arith::CmpIPredicate::ult);
            else
              predicate = isMax ? (last ? arith::CmpIPredicate::sge
                                        : arith::CmpIPredicate::sgt)
                                : (last ? arith::CmpIPredicate::sle
                                        : arith::CmpIPredicate::slt);
            take = arith::CmpIOp::create(b, l, predicate, x, best);
          }
          Value index = arith::IndexCastOp::create(
              b, l, b.getI64Type(), linalg::IndexOp::create(b, l, axis));
          // The first element is always taken: an all -inf (or all INT_MIN)
          // row must still give index 0, which the initial index already
          // is, and with `select_last_index` the non-strict test takes it.
          Value newBest = arith::SelectOp::create(b, l, take, x, best);
          Value newIndex =
              arith::SelectOp::create(b, l, take, index, bestIndex);
          linalg::YieldOp::create(b, l, ValueRange{newBest, newIndex});
        });
    Value result = generic.getResult(1);
    if (op.getKeepDims())
      result = expandReducedDims(rewriter, loc, result, input, {axis});
    rewriter.replaceOp(op, castIfNeeded(rewriter, loc, result, resultType));
    return success();
  }
};

} // namespace

void mlir::dfg::populateReductionToLinalgPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<ReduceOpLowering, ArgReduceOpLowering>(converter,
                                                      patterns.getContext());
}
