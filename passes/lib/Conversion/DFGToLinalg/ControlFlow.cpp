//===- ControlFlow.cpp - lowering of if and loop --------------------------===//
//
// `dfg.if` becomes `scf.if` on the extracted condition. `dfg.loop` (ONNX
// Loop) becomes an `scf.while` carrying the iteration number (i64), the
// condition (i1), the loop-carried tensors and one buffer per scan output;
// the body is inlined into the `do` region and its `dfg.yield` becomes the
// `scf.yield` that also appends the scan values to their buffers.
//
// Loop-carried values are yielded as the body computed them: their sizes
// may change between iterations (the pipeline lets loops yield new
// buffers). A scan buffer holds the rows yielded so far: allocated before
// the loop at the trip count when the body keeps the condition (the loop
// then runs exactly that often), at a guess otherwise, and moved into one
// twice as large when full; the result is the prefix of the rows written.
// Row sizes the types leave open are fixed by the first row: a later row of
// other sizes stops the program (cf.assert), never writes out of bounds.
//
// Types along control-flow edges may differ in how much of the shape they
// know (a branch yielding tensor<5xf32> for a tensor<?xf32> result), so
// values entering or leaving a region are `tensor.cast` to the common type.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

/// Marks a loop body's dfg.yield (between the loop's and the yield's
/// lowering) with its number of scan outputs, which the scf.while block
/// arguments alone do not tell apart from the loop-carried values.
static constexpr StringLiteral kNumScanAttr = "dfg.num_scan_outputs";

/// The rows a scan output starts with when the trip count is not known
/// before the loop runs (the buffer doubles when full).
static constexpr double kInitialScanRows = 16;

namespace {

/// `value` as `type` (a tensor.cast between compatible tensor types), or
/// `value` itself when it already has that type.
Value castTo(OpBuilder &b, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

/// The most refined tensor type every one of `types` converts to: a size
/// stays static where all agree on it and becomes dynamic elsewhere. Null
/// when they are not ranked tensors of one rank and element type.
RankedTensorType joinTensorTypes(ArrayRef<Type> types) {
  RankedTensorType joined;
  for (Type type : types) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor)
      return nullptr;
    if (!joined) {
      joined = tensor;
      continue;
    }
    if (tensor.getRank() != joined.getRank() ||
        tensor.getElementType() != joined.getElementType())
      return nullptr;
    SmallVector<int64_t> shape(joined.getShape());
    for (auto [size, other] : llvm::zip(shape, tensor.getShape()))
      if (size != other)
        size = ShapedType::kDynamic;
    joined = RankedTensorType::get(shape, joined.getElementType());
  }
  return joined;
}

/// The converted types of `types`, joined; null when any does not convert.
RankedTensorType joinConverted(const TypeConverter &converter,
                               ArrayRef<Type> types) {
  SmallVector<Type> converted;
  for (Type type : types) {
    Type result = converter.convertType(type);
    if (!result)
      return nullptr;
    converted.push_back(result);
  }
  return joinTensorTypes(converted);
}

struct IfLowering : OpConversionPattern<IfOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(IfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(
            getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    Value condition =
        tensor::ExtractOp::create(rewriter, loc, adaptor.getCondition());
    auto newIf = scf::IfOp::create(rewriter, loc, resultTypes, condition,
                                   /*addThenBlock=*/false,
                                   /*addElseBlock=*/false);
    // The branches' ops are converted after this op, inside the scf.if; their
    // dfg.yield casts to the scf.if result types.
    rewriter.inlineRegionBefore(op.getThenRegion(), newIf.getThenRegion(),
                                newIf.getThenRegion().end());
    rewriter.inlineRegionBefore(op.getElseRegion(), newIf.getElseRegion(),
                                newIf.getElseRegion().end());
    rewriter.replaceOp(op, newIf.getResults());
    return success();
  }
};

/// Whether the body of `op` yields a condition that is always true when the
/// loop starts: the condition it was given, or the constant true. Then the
/// loop runs exactly its maximum trip count (when it starts at all).
bool keepsCondition(LoopOp op, Value yieldedCondition) {
  if (yieldedCondition == op.getBody().getArgument(1))
    return true;
  DenseElementsAttr value;
  return matchPattern(yieldedCondition, m_Constant(&value)) &&
         value.isSplat() && value.getSplatValue<bool>();
}

struct LoopLowering : OpConversionPattern<LoopOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(LoopOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    const TypeConverter &converter = *getTypeConverter();
    Location loc = op.getLoc();
    Block &body = op.getBody().front();
    auto yield = dyn_cast<YieldOp>(body.getTerminator());
    if (!yield)
      return rewriter.notifyMatchFailure(op, "expected a dfg.yield body");
    unsigned numCarried = op.getNumCarried();
    unsigned numScan = op.getScanResults().size();
    ValueRange yielded = yield.getValues();

    // One type per loop-carried value, general enough for the initial
    // value, the body argument, the yielded value and the result: the loop
    // yields whatever the body computed (possibly a new size).
    SmallVector<Type> carriedTypes;
    for (unsigned i = 0; i < numCarried; ++i) {
      RankedTensorType type = joinConverted(
          converter,
          {op.getInitValues()[i].getType(), op.getRegionIterArgs()[i].getType(),
           yielded[1 + i].getType(), op.getResult(i).getType()});
      if (!type)
        return rewriter.notifyMatchFailure(
            op, "loop-carried values must be ranked tensors");
      carriedTypes.push_back(type);
    }
    // One buffer per scan output, holding the rows yielded so far and room
    // for more: a dynamic leading dimension, the row sizes either side
    // knows (they agree where both do).
    SmallVector<RankedTensorType> bufferTypes;
    for (unsigned k = 0; k < numScan; ++k) {
      auto resultType = dyn_cast_or_null<RankedTensorType>(
          converter.convertType(op.getScanResults()[k].getType()));
      auto rowType = dyn_cast_or_null<RankedTensorType>(
          converter.convertType(yielded[1 + numCarried + k].getType()));
      if (!resultType || !rowType ||
          rowType.getRank() + 1 != resultType.getRank() ||
          rowType.getElementType() != resultType.getElementType())
        return rewriter.notifyMatchFailure(
            op, "scan values must be ranked tensors matching the result");
      SmallVector<int64_t> shape{ShapedType::kDynamic};
      for (auto [size, known] :
           llvm::zip(resultType.getShape().drop_front(), rowType.getShape()))
        shape.push_back(ShapedType::isDynamic(size) ? known : size);
      bufferTypes.push_back(
          RankedTensorType::get(shape, resultType.getElementType()));
    }
    SmallVector<Type> resultTypes;
    if (failed(converter.convertTypes(op.getResultTypes(), resultTypes)))
      return rewriter.notifyMatchFailure(op, "unsupported result type");

    Type i64 = rewriter.getI64Type();
    Type i1 = rewriter.getI1Type();
    Type indexType = rewriter.getIndexType();
    Value maxTrip;
    if (adaptor.getMaxTripCount())
      maxTrip =
          tensor::ExtractOp::create(rewriter, loc, adaptor.getMaxTripCount());
    Value initialCondition =
        adaptor.getCondition()
            ? tensor::ExtractOp::create(rewriter, loc, adaptor.getCondition())
                  .getResult()
            : scalarConstant(rewriter, loc, i1, 1.0);

    // The rows allocated before the loop: the trip count when the body
    // keeps the condition (exact), else a guess no larger than the maximum
    // trip count, grown by the body when it runs out; none when the loop
    // does not start. Sizes unknown until a row arrives start at 0.
    SmallVector<Value> inits{scalarConstant(rewriter, loc, i64, 0.0),
                             initialCondition};
    for (auto [init, type] : llvm::zip(adaptor.getInitValues(), carriedTypes))
      inits.push_back(castTo(rewriter, loc, init, type));
    if (numScan != 0) {
      Value zero = scalarConstant(rewriter, loc, i64, 0.0);
      Value capacity = scalarConstant(rewriter, loc, i64, kInitialScanRows);
      if (maxTrip) {
        Value trips = arith::MaxSIOp::create(rewriter, loc, maxTrip, zero);
        capacity = keepsCondition(op, yielded[0])
                       ? trips
                       : arith::MinSIOp::create(rewriter, loc, trips, capacity)
                             .getResult();
      }
      capacity = arith::SelectOp::create(rewriter, loc, initialCondition,
                                         capacity, zero);
      capacity = arith::IndexCastOp::create(rewriter, loc, indexType, capacity);
      Value zeroIndex = scalarConstant(rewriter, loc, indexType, 0.0);
      for (RankedTensorType type : bufferTypes) {
        SmallVector<Value> sizes(type.getNumDynamicDims(), zeroIndex);
        sizes[0] = capacity;
        inits.push_back(emptyTensor(rewriter, loc, type, sizes));
      }
    }
    SmallVector<Type> whileTypes =
        llvm::to_vector(ValueRange(inits).getTypes());

    auto whileOp = scf::WhileOp::create(
        rewriter, loc, whileTypes, inits,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value proceed = args[1];
          if (maxTrip) {
            Value belowMax = arith::CmpIOp::create(
                b, l, arith::CmpIPredicate::slt, args[0], maxTrip);
            proceed = arith::AndIOp::create(b, l, belowMax, proceed);
          }
          scf::ConditionOp::create(b, l, proceed, args);
        },
        /*afterBuilder=*/nullptr);

    // The body's arguments as tensors of the body's (converted) types.
    Block *after = whileOp.getAfterBody();
    FailureOr<Block *> converted =
        rewriter.convertRegionTypes(&op.getBody(), converter);
    if (failed(converted))
      return rewriter.notifyMatchFailure(op, "unsupported body argument type");
    rewriter.setInsertionPointToStart(after);
    SmallVector<Value> bodyArgs;
    bodyArgs.push_back(tensor::FromElementsOp::create(
        rewriter, loc, RankedTensorType::get({}, i64), after->getArgument(0)));
    bodyArgs.push_back(tensor::FromElementsOp::create(
        rewriter, loc, RankedTensorType::get({}, i1), after->getArgument(1)));
    for (unsigned i = 0; i < numCarried; ++i)
      bodyArgs.push_back(castTo(rewriter, loc, after->getArgument(2 + i),
                                (*converted)->getArgument(2 + i).getType()));
    rewriter.inlineBlockBefore(*converted, after, after->end(), bodyArgs);
    rewriter.modifyOpInPlace(yield, [&] {
      yield->setAttr(kNumScanAttr, rewriter.getI64IntegerAttr(numScan));
    });

    // Final loop-carried values, and the rows written to each scan buffer.
    rewriter.setInsertionPointAfter(whileOp);
    SmallVector<Value> results;
    for (unsigned i = 0; i < numCarried; ++i)
      results.push_back(
          castTo(rewriter, loc, whileOp.getResult(2 + i), resultTypes[i]));
    Value trips = arith::IndexCastOp::create(rewriter, loc, indexType,
                                             whileOp.getResult(0));
    for (unsigned k = 0; k < numScan; ++k) {
      Value buffer = whileOp.getResult(2 + numCarried + k);
      SmallVector<OpFoldResult> sizes = tensorSizes(rewriter, loc, buffer);
      sizes[0] = trips;
      SmallVector<OpFoldResult> offsets(sizes.size(), rewriter.getIndexAttr(0));
      SmallVector<OpFoldResult> strides(sizes.size(), rewriter.getIndexAttr(1));
      Value rows = tensor::ExtractSliceOp::create(rewriter, loc, buffer,
                                                  offsets, sizes, strides);
      results.push_back(
          castTo(rewriter, loc, rows, resultTypes[numCarried + k]));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// The first `count` rows of `buffer` (all sizes but the leading one its
/// own), copied into `into` at the same place.
Value copyRows(OpBuilder &b, Location loc, Value buffer, Value count,
               Value into) {
  int64_t rank = cast<RankedTensorType>(buffer.getType()).getRank();
  SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
  SmallVector<OpFoldResult> strides(rank, b.getIndexAttr(1));
  SmallVector<OpFoldResult> sizes = tensorSizes(b, loc, buffer);
  sizes[0] = count;
  Value rows =
      tensor::ExtractSliceOp::create(b, loc, buffer, offsets, sizes, strides);
  return tensor::InsertSliceOp::create(b, loc, rows, into, offsets, sizes,
                                       strides);
}

/// Writes `row` as row `index` of the scan buffer `buffer`, first moving
/// the rows into a larger buffer when `buffer` is full (twice the rows) or
/// when its row sizes are not yet the row's (the first row fixes them; a
/// later row of other sizes is a run-time error, never a write out of
/// bounds).
Value appendRow(OpBuilder &b, Location loc, Value buffer, Value row,
                Value index) {
  auto bufferType = cast<RankedTensorType>(buffer.getType());
  int64_t rank = bufferType.getRank();
  Type indexType = b.getIndexType();
  Value zero = scalarConstant(b, loc, indexType, 0.0);
  Value one = scalarConstant(b, loc, indexType, 1.0);
  Value capacity = tensor::DimOp::create(b, loc, buffer, 0);
  Value full =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, index, capacity);
  auto rowType = cast<RankedTensorType>(row.getType());
  Value sameRows;
  SmallVector<Value> rowSizes;
  for (int64_t dim = 1; dim < rank; ++dim) {
    if (!rowType.isDynamicDim(dim - 1) && !bufferType.isDynamicDim(dim))
      continue;
    Value size = tensor::DimOp::create(b, loc, row, dim - 1);
    if (!bufferType.isDynamicDim(dim)) {
      // The result type knows the size the row will be cast to.
      Value expected =
          scalarConstant(b, loc, indexType, bufferType.getDimSize(dim));
      cf::AssertOp::create(
          b, loc,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, size,
                                expected),
          "dfg.loop: a scan output row does not have the result's size");
      continue;
    }
    rowSizes.push_back(size);
    Value same =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, size,
                              tensor::DimOp::create(b, loc, buffer, dim));
    sameRows = sameRows ? arith::AndIOp::create(b, loc, sameRows, same) : same;
  }
  Value grow = full;
  if (sameRows) {
    Value first =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, index, zero);
    cf::AssertOp::create(
        b, loc, arith::OrIOp::create(b, loc, sameRows, first),
        "dfg.loop: a scan output's rows change size between iterations");
    Value differ = arith::XOrIOp::create(
        b, loc, sameRows, scalarConstant(b, loc, b.getI1Type(), 1.0));
    grow = arith::OrIOp::create(b, loc, full, differ);
  }
  auto ifOp = scf::IfOp::create(
      b, loc, grow,
      [&](OpBuilder &then, Location l) {
        Value doubled = arith::MulIOp::create(
            then, l, capacity, scalarConstant(then, l, indexType, 2.0));
        Value rows = arith::MaxUIOp::create(then, l, doubled, one);
        if (sameRows)
          rows = arith::SelectOp::create(then, l, full, rows, capacity);
        SmallVector<Value> sizes{rows};
        llvm::append_range(sizes, rowSizes);
        Value larger = emptyTensor(then, l, bufferType, sizes);
        scf::YieldOp::create(then, l, copyRows(then, l, buffer, index, larger));
      },
      [&](OpBuilder &otherwise, Location l) {
        scf::YieldOp::create(otherwise, l, buffer);
      });
  Value target = ifOp.getResult(0);
  Value cast = castTo(b, loc, row,
                      RankedTensorType::get(bufferType.getShape().drop_front(),
                                            bufferType.getElementType()));
  SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
  offsets[0] = index;
  SmallVector<OpFoldResult> sizes{b.getIndexAttr(1)};
  llvm::append_range(sizes, tensorSizes(b, loc, cast));
  SmallVector<OpFoldResult> strides(rank, b.getIndexAttr(1));
  return tensor::InsertSliceOp::create(b, loc, cast, target, offsets, sizes,
                                       strides);
}

struct YieldLowering : OpConversionPattern<YieldOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(YieldOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Operation *parent = op->getParentOp();
    Location loc = op.getLoc();
    if (auto ifOp = dyn_cast<scf::IfOp>(parent)) {
      SmallVector<Value> values;
      for (auto [value, type] :
           llvm::zip(adaptor.getValues(), ifOp.getResultTypes()))
        values.push_back(castTo(rewriter, loc, value, type));
      rewriter.replaceOpWithNewOp<scf::YieldOp>(op, values);
      return success();
    }

    auto whileOp = dyn_cast<scf::WhileOp>(parent);
    auto numScanAttr = op->getAttrOfType<IntegerAttr>(kNumScanAttr);
    if (!whileOp || !numScanAttr)
      return rewriter.notifyMatchFailure(
          op, "expected the parent dfg.if or dfg.loop to be lowered first");
    Block *block = op->getBlock();
    unsigned numScan = numScanAttr.getInt();
    unsigned numCarried = block->getNumArguments() - 2 - numScan;
    ValueRange values = adaptor.getValues();
    Value iteration = block->getArgument(0);

    SmallVector<Value> next;
    next.push_back(arith::AddIOp::create(
        rewriter, loc, iteration,
        scalarConstant(rewriter, loc, iteration.getType(), 1.0)));
    next.push_back(tensor::ExtractOp::create(rewriter, loc, values[0]));
    for (unsigned i = 0; i < numCarried; ++i)
      next.push_back(castTo(rewriter, loc, values[1 + i],
                            block->getArgument(2 + i).getType()));
    Value index = arith::IndexCastOp::create(
        rewriter, loc, rewriter.getIndexType(), iteration);
    for (unsigned k = 0; k < numScan; ++k)
      next.push_back(appendRow(rewriter, loc,
                               block->getArgument(2 + numCarried + k),
                               values[1 + numCarried + k], index));
    rewriter.replaceOpWithNewOp<scf::YieldOp>(op, next);
    return success();
  }
};

} // namespace

void mlir::dfg::populateControlFlowToSCFPatterns(const TypeConverter &converter,
                                                 RewritePatternSet &patterns) {
  patterns.add<IfLowering, LoopLowering, YieldLowering>(converter,
                                                        patterns.getContext());
}
