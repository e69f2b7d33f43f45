//===- Indexing.cpp - lowering of the indexing ops ------------------------===//
//
// Gathers and resize become one `linalg.generic` over the result whose body
// computes source coordinates and reads them with `tensor.extract`.
// Scatters, top-k and non-zero are sequential by nature (later updates see
// earlier ones, a selection depends on the previous one, an output position
// depends on a running count): they are `scf.for` nests over scalar
// `tensor.extract`/`tensor.insert` carrying the result tensor. Cumsum is an
// `scf.for` along the axis over whole slices added with `linalg.generic`.
//
// Every index read from data is wrapped (negative counts from the end) and
// then clamped into range. An out-of-range index is invalid input for which
// ONNX defines no result; clamping keeps such a model from reading or writing
// outside its buffers, which is what matters for a compiled program.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

namespace {

Value indexConstant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

/// The size of dimension `dim` of `value` as an index value.
Value dimSize(OpBuilder &b, Location loc, Value value, int64_t dim) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.isDynamicDim(dim))
    return tensor::DimOp::create(b, loc, value, dim);
  return indexConstant(b, loc, type.getDimSize(dim));
}

SmallVector<Value> dimSizes(OpBuilder &b, Location loc, Value value) {
  SmallVector<Value> sizes;
  for (int64_t dim = 0, e = cast<RankedTensorType>(value.getType()).getRank();
       dim < e; ++dim)
    sizes.push_back(dimSize(b, loc, value, dim));
  return sizes;
}

/// Clamps `index` (index type) into `[0, size - 1]`.
Value clampIndex(OpBuilder &b, Location loc, Value index, Value size) {
  Value zero = indexConstant(b, loc, 0);
  Value last = arith::SubIOp::create(b, loc, size, indexConstant(b, loc, 1));
  Value upper = arith::MinSIOp::create(b, loc, index, last);
  return arith::MaxSIOp::create(b, loc, upper, zero);
}

/// An index read from data (any signless integer) as an `index` into a
/// dimension of `size`: negative values count from the end, and the result
/// is clamped into range so that invalid data never accesses out of bounds.
Value normalizeIndex(OpBuilder &b, Location loc, Value raw, Value size) {
  Value index = arith::IndexCastOp::create(b, loc, b.getIndexType(), raw);
  Value zero = indexConstant(b, loc, 0);
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, index, zero);
  Value wrapped = arith::AddIOp::create(b, loc, index, size);
  index = arith::SelectOp::create(b, loc, negative, wrapped, index);
  return clampIndex(b, loc, index, size);
}

/// `tensor.empty` of `type` whose dynamic sizes are taken from `sizes` (one
/// per dimension).
Value emptyWithSizes(OpBuilder &b, Location loc, RankedTensorType type,
                     ArrayRef<Value> sizes) {
  SmallVector<Value> dynamic;
  for (int64_t dim = 0; dim < type.getRank(); ++dim)
    if (type.isDynamicDim(dim))
      dynamic.push_back(sizes[dim]);
  return emptyTensor(b, loc, type, dynamic);
}

/// Combines the current element with an update per a scatter reduction.
Value scatterCombine(OpBuilder &b, Location loc, ScatterReduction reduction,
                     Value current, Value update, bool isUnsignedType) {
  Type type = update.getType();
  bool isFloat = isa<FloatType>(type);
  bool asUnsigned = isUnsignedType || type.isInteger(1);
  switch (reduction) {
  case ScatterReduction::None:
    return update;
  case ScatterReduction::Add:
    if (isFloat)
      return arith::AddFOp::create(b, loc, current, update);
    return arith::AddIOp::create(b, loc, current, update);
  case ScatterReduction::Mul:
    if (isFloat)
      return arith::MulFOp::create(b, loc, current, update);
    return arith::MulIOp::create(b, loc, current, update);
  case ScatterReduction::Max:
    if (isFloat)
      return arith::MaximumFOp::create(b, loc, current, update);
    if (asUnsigned)
      return arith::MaxUIOp::create(b, loc, current, update);
    return arith::MaxSIOp::create(b, loc, current, update);
  case ScatterReduction::Min:
    if (isFloat)
      return arith::MinimumFOp::create(b, loc, current, update);
    if (asUnsigned)
      return arith::MinUIOp::create(b, loc, current, update);
    return arith::MinSIOp::create(b, loc, current, update);
  }
  llvm_unreachable("unknown scatter reduction");
}

/// A nest of `scf.for` loops from 0 to each of `upperBounds`, threading
/// `iterArgs`; `body` gets the induction variables and the current values.
SmallVector<Value>
loopNest(OpBuilder &b, Location loc, ArrayRef<Value> upperBounds,
         ValueRange iterArgs,
         function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange,
                                         ValueRange)>
             body) {
  SmallVector<Value> lbs(upperBounds.size(), indexConstant(b, loc, 0));
  SmallVector<Value> steps(upperBounds.size(), indexConstant(b, loc, 1));
  return scf::buildLoopNest(b, loc, lbs, upperBounds, steps, iterArgs, body)
      .results;
}

/// `value` with the type `type` when they differ only in static information.
Value castIfNeeded(OpBuilder &b, Location loc, Value value,
                   RankedTensorType type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

int64_t normalizeAxis(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

//===----------------------------------------------------------------------===//
// gather_elements, scatter_elements
//===----------------------------------------------------------------------===//

struct GatherElementsLowering : OpConversionPattern<GatherElementsOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GatherElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), indices = adaptor.getIndices();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto indicesType = cast<RankedTensorType>(indices.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    int64_t rank = inputType.getRank();
    int64_t axis = normalizeAxis(op.getAxis(), rank);
    if (!resultType || axis < 0 || axis >= rank ||
        indicesType.getRank() != rank)
      return rewriter.notifyMatchFailure(op, "unsupported operand types");

    SmallVector<Value> inputSizes = dimSizes(rewriter, loc, input);
    Value init = emptyWithSizes(rewriter, loc, resultType,
                                dimSizes(rewriter, loc, indices));
    SmallVector<AffineMap> maps(2, rewriter.getMultiDimIdentityMap(rank));
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType}, ValueRange{indices},
        ValueRange{init}, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) {
          SmallVector<Value> coords;
          for (int64_t dim = 0; dim < rank; ++dim) {
            if (dim == axis) {
              coords.push_back(normalizeIndex(b, l, args[0], inputSizes[axis]));
              continue;
            }
            Value index = linalg::IndexOp::create(b, l, dim);
            // Indices may be smaller than the input but never larger.
            bool inRange =
                !inputType.isDynamicDim(dim) &&
                !indicesType.isDynamicDim(dim) &&
                indicesType.getDimSize(dim) <= inputType.getDimSize(dim);
            coords.push_back(
                inRange ? index : clampIndex(b, l, index, inputSizes[dim]));
          }
          Value element = tensor::ExtractOp::create(b, l, input, coords);
          linalg::YieldOp::create(b, l, element);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

struct ScatterElementsLowering : OpConversionPattern<ScatterElementsOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ScatterElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), indices = adaptor.getIndices(),
          updates = adaptor.getUpdates();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    int64_t rank = inputType.getRank();
    int64_t axis = normalizeAxis(op.getAxis(), rank);
    if (!resultType || axis < 0 || axis >= rank ||
        cast<RankedTensorType>(indices.getType()).getRank() != rank)
      return rewriter.notifyMatchFailure(op, "unsupported operand types");
    bool isUnsignedType = isUnsigned(op.getInput().getType());
    ScatterReduction reduction = op.getReduction();

    SmallVector<Value> inputSizes = dimSizes(rewriter, loc, input);
    // Updates apply in row-major order, one after the other, so duplicates
    // accumulate (and the last one wins with `none`).
    SmallVector<Value> results = loopNest(
        rewriter, loc, dimSizes(rewriter, loc, indices), ValueRange{input},
        [&](OpBuilder &b, Location l, ValueRange ivs,
            ValueRange iterArgs) -> SmallVector<Value> {
          Value raw = tensor::ExtractOp::create(b, l, indices, ivs);
          Value update = tensor::ExtractOp::create(b, l, updates, ivs);
          SmallVector<Value> coords;
          for (int64_t dim = 0; dim < rank; ++dim)
            coords.push_back(dim == axis
                                 ? normalizeIndex(b, l, raw, inputSizes[dim])
                                 : clampIndex(b, l, ivs[dim], inputSizes[dim]));
          Value value = update;
          if (reduction != ScatterReduction::None) {
            Value current =
                tensor::ExtractOp::create(b, l, iterArgs[0], coords);
            value = scatterCombine(b, l, reduction, current, update,
                                   isUnsignedType);
          }
          return {tensor::InsertOp::create(b, l, value, iterArgs[0], coords)};
        });
    rewriter.replaceOp(op, castIfNeeded(rewriter, loc, results[0], resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// gather_nd, scatter_nd
//===----------------------------------------------------------------------===//

struct GatherNdLowering : OpConversionPattern<GatherNdOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GatherNdOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), indices = adaptor.getIndices();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto indicesType = cast<RankedTensorType>(indices.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    int64_t batch = op.getBatchDims();
    int64_t q = indicesType.getRank();
    if (!resultType || q < 1 || indicesType.isDynamicDim(q - 1))
      return rewriter.notifyMatchFailure(
          op, "expected a static last dimension of the indices");
    int64_t depth = indicesType.getDimSize(q - 1);
    int64_t rank = inputType.getRank();
    if (batch < 0 || batch + depth > rank || batch > q - 1 ||
        resultType.getRank() != q - 1 + rank - batch - depth)
      return rewriter.notifyMatchFailure(op, "inconsistent shapes");

    SmallVector<Value> inputSizes = dimSizes(rewriter, loc, input);
    SmallVector<Value> indicesSizes = dimSizes(rewriter, loc, indices);
    SmallVector<Value> resultSizes(indicesSizes.begin(),
                                   indicesSizes.end() - 1);
    resultSizes.append(inputSizes.begin() + batch + depth, inputSizes.end());
    Value init = emptyWithSizes(rewriter, loc, resultType, resultSizes);
    int64_t resultRank = resultType.getRank();
    SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(resultRank)};
    SmallVector<utils::IteratorType> iterators(resultRank,
                                               utils::IteratorType::parallel);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType}, ValueRange{}, ValueRange{init},
        maps, iterators, [&](OpBuilder &b, Location l, ValueRange) {
          SmallVector<Value> ivs;
          for (int64_t dim = 0; dim < resultRank; ++dim)
            ivs.push_back(linalg::IndexOp::create(b, l, dim));
          SmallVector<Value> coords;
          // Batch dimensions are shared (clamped in case the input's are
          // smaller, which the shapes do not rule out when dynamic).
          for (int64_t dim = 0; dim < batch; ++dim)
            coords.push_back(clampIndex(b, l, ivs[dim], inputSizes[dim]));
          SmallVector<Value> tuplePosition(
              ArrayRef<Value>(ivs).take_front(q - 1));
          tuplePosition.push_back(Value());
          for (int64_t k = 0; k < depth; ++k) {
            tuplePosition.back() = indexConstant(b, l, k);
            Value raw = tensor::ExtractOp::create(b, l, indices, tuplePosition);
            coords.push_back(normalizeIndex(b, l, raw, inputSizes[batch + k]));
          }
          coords.append(ivs.begin() + q - 1, ivs.end());
          Value element = tensor::ExtractOp::create(b, l, input, coords);
          linalg::YieldOp::create(b, l, element);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

struct ScatterNdLowering : OpConversionPattern<ScatterNdOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ScatterNdOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), indices = adaptor.getIndices(),
          updates = adaptor.getUpdates();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto indicesType = cast<RankedTensorType>(indices.getType());
    auto updatesType = cast<RankedTensorType>(updates.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    int64_t q = indicesType.getRank();
    if (!resultType || q < 1 || indicesType.isDynamicDim(q - 1))
      return rewriter.notifyMatchFailure(
          op, "expected a static last dimension of the indices");
    int64_t depth = indicesType.getDimSize(q - 1);
    int64_t rank = inputType.getRank();
    if (depth > rank || updatesType.getRank() != q - 1 + rank - depth)
      return rewriter.notifyMatchFailure(op, "inconsistent shapes");
    bool isUnsignedType = isUnsigned(op.getInput().getType());
    ScatterReduction reduction = op.getReduction();

    SmallVector<Value> inputSizes = dimSizes(rewriter, loc, input);
    // One update element at a time, in order: duplicates of a tuple see the
    // earlier updates.
    SmallVector<Value> results = loopNest(
        rewriter, loc, dimSizes(rewriter, loc, updates), ValueRange{input},
        [&](OpBuilder &b, Location l, ValueRange ivs,
            ValueRange iterArgs) -> SmallVector<Value> {
          SmallVector<Value> tuplePosition(ivs.take_front(q - 1));
          tuplePosition.push_back(Value());
          SmallVector<Value> coords;
          for (int64_t k = 0; k < depth; ++k) {
            tuplePosition.back() = indexConstant(b, l, k);
            Value raw = tensor::ExtractOp::create(b, l, indices, tuplePosition);
            coords.push_back(normalizeIndex(b, l, raw, inputSizes[k]));
          }
          for (int64_t dim = depth; dim < rank; ++dim)
            coords.push_back(
                clampIndex(b, l, ivs[q - 1 + dim - depth], inputSizes[dim]));
          Value value = tensor::ExtractOp::create(b, l, updates, ivs);
          if (reduction != ScatterReduction::None) {
            Value current =
                tensor::ExtractOp::create(b, l, iterArgs[0], coords);
            value =
                scatterCombine(b, l, reduction, current, value, isUnsignedType);
          }
          return {tensor::InsertOp::create(b, l, value, iterArgs[0], coords)};
        });
    rewriter.replaceOp(op, castIfNeeded(rewriter, loc, results[0], resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// cumsum
//===----------------------------------------------------------------------===//

struct CumSumLowering : OpConversionPattern<CumSumOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(CumSumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    int64_t rank = inputType.getRank();
    int64_t axis = normalizeAxis(op.getAxis(), rank);
    if (!resultType || axis < 0 || axis >= rank)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    Type elementType = inputType.getElementType();
    bool exclusive = op.getExclusive(), reverse = op.getReverse();

    SmallVector<Value> sizes = dimSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> foldSizes = tensorSizes(rewriter, loc, input);
    SmallVector<int64_t> sliceShape;
    SmallVector<Value> sliceSizes;
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (dim == axis)
        continue;
      sliceShape.push_back(inputType.getDimSize(dim));
      sliceSizes.push_back(sizes[dim]);
    }
    auto sliceType = RankedTensorType::get(sliceShape, elementType);
    Value zero = scalarConstant(rewriter, loc, elementType, 0.0);
    Value running = linalg::FillOp::create(
                        rewriter, loc, zero,
                        emptyWithSizes(rewriter, loc, sliceType, sliceSizes))
                        .getResult(0);
    Value result = emptyWithSizes(rewriter, loc, inputType, sizes);

    // A running sum of whole slices along the axis: each step adds the
    // slice at the current position (after storing it when exclusive).
    Value n = sizes[axis];
    Value step = indexConstant(rewriter, loc, 1);
    Value start = indexConstant(rewriter, loc, 0);
    auto loop = scf::ForOp::create(
        rewriter, loc, start, n, step, ValueRange{result, running},
        [&](OpBuilder &b, Location l, Value iv, ValueRange iterArgs) {
          Value position = iv;
          if (reverse) {
            Value last = arith::SubIOp::create(b, l, n, indexConstant(b, l, 1));
            position = arith::SubIOp::create(b, l, last, iv);
          }
          SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
          SmallVector<OpFoldResult> sliceSizesFold,
              strides(rank, b.getIndexAttr(1));
          offsets[axis] = position;
          for (int64_t dim = 0; dim < rank; ++dim)
            sliceSizesFold.push_back(
                dim == axis ? OpFoldResult(b.getIndexAttr(1)) : foldSizes[dim]);
          Value slice = tensor::ExtractSliceOp::create(
              b, l, sliceType, input, offsets, sliceSizesFold, strides);
          Value sum = buildElementwise(
              b, l, sliceType, ValueRange{iterArgs[1], slice},
              [&](OpBuilder &nb, Location nl, ValueRange x) -> Value {
                if (isa<FloatType>(elementType))
                  return arith::AddFOp::create(nb, nl, x[0], x[1]);
                return arith::AddIOp::create(nb, nl, x[0], x[1]);
              });
          Value stored = exclusive ? iterArgs[1] : sum;
          Value updated = tensor::InsertSliceOp::create(
              b, l, stored, iterArgs[0], offsets, sliceSizesFold, strides);
          scf::YieldOp::create(b, l, ValueRange{updated, sum});
        });
    rewriter.replaceOp(
        op, castIfNeeded(rewriter, loc, loop.getResult(0), resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// top_k
//===----------------------------------------------------------------------===//

/// Whether (`a`, `ai`) comes before (`b`, `bi`) in top-k order: better value
/// first, then lower index. NaN comes after every number, as in the stable
/// argsort of the reference.
Value topKBefore(OpBuilder &b, Location loc, Value a, Value ai, Value v,
                 Value vi, bool largest, bool isUnsignedType) {
  Value lowerIndex =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, ai, vi);
  if (!isa<FloatType>(a.getType())) {
    arith::CmpIPredicate better =
        isUnsignedType || a.getType().isInteger(1)
            ? (largest ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::ult)
            : (largest ? arith::CmpIPredicate::sgt : arith::CmpIPredicate::slt);
    Value isBetter = arith::CmpIOp::create(b, loc, better, a, v);
    Value equal = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, a, v);
    Value tie = arith::AndIOp::create(b, loc, equal, lowerIndex);
    return arith::OrIOp::create(b, loc, isBetter, tie);
  }
  Value isBetter = arith::CmpFOp::create(
      b, loc, largest ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
      a, v);
  Value equal = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, a, v);
  Value aNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, a, a);
  Value vNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, v, v);
  Value bothNaN = arith::AndIOp::create(b, loc, aNaN, vNaN);
  Value same = arith::OrIOp::create(b, loc, equal, bothNaN);
  Value tie = arith::AndIOp::create(b, loc, same, lowerIndex);
  Value trueValue = scalarConstant(b, loc, b.getI1Type(), 1.0);
  Value aNumber = arith::XOrIOp::create(b, loc, aNaN, trueValue);
  Value numberFirst = arith::AndIOp::create(b, loc, aNumber, vNaN);
  Value ordered = arith::OrIOp::create(b, loc, isBetter, tie);
  return arith::OrIOp::create(b, loc, ordered, numberFirst);
}

struct TopKLowering : OpConversionPattern<TopKOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto valuesType =
        convertTensorType(*getTypeConverter(), op.getValues().getType());
    auto indicesType =
        convertTensorType(*getTypeConverter(), op.getIndices().getType());
    int64_t rank = inputType.getRank();
    int64_t axis = normalizeAxis(op.getAxis(), rank);
    int64_t k = op.getK();
    if (!valuesType || !indicesType || axis < 0 || axis >= rank || k < 0)
      return rewriter.notifyMatchFailure(op, "unsupported operand types");
    bool largest = op.getLargest();
    bool isUnsignedType = isUnsigned(op.getInput().getType());
    Type elementType = inputType.getElementType();
    Type i64 = rewriter.getI64Type();

    SmallVector<Value> sizes = dimSizes(rewriter, loc, input);
    SmallVector<Value> resultSizes = sizes;
    resultSizes[axis] = indexConstant(rewriter, loc, k);
    Value values = emptyWithSizes(rewriter, loc, valuesType, resultSizes);
    Value indices = emptyWithSizes(rewriter, loc, indicesType, resultSizes);
    SmallVector<Value> outerSizes = sizes;
    outerSizes[axis] = indexConstant(rewriter, loc, 1);
    Value n = sizes[axis];

    // Per row: the r-th element is the best one coming after the (r-1)-th
    // in the order (value, index), which is a selection sort that needs no
    // scratch copy. Results are always sorted, which `sorted = false`
    // allows. k larger than the row repeats its last element instead of
    // reading out of bounds (the verifier and importer rule it out).
    SmallVector<Value> results = loopNest(
        rewriter, loc, outerSizes, ValueRange{values, indices},
        [&](OpBuilder &b, Location l, ValueRange outer,
            ValueRange iterArgs) -> SmallVector<Value> {
          SmallVector<Value> coords(outer.begin(), outer.end());
          // Created last to first, the order GCC gave before: IR that
          // does not depend on the compiler that built DFG.
          Value noValue = scalarConstant(b, l, elementType, 0.0);
          Value noIndex = scalarConstant(b, l, i64, -1.0);
          Value one = indexConstant(b, l, 1);
          Value count = indexConstant(b, l, k);
          Value zero = indexConstant(b, l, 0);
          auto rLoop = scf::ForOp::create(
              b, l, zero, count, one,
              ValueRange{iterArgs[0], iterArgs[1], noValue, noIndex},
              [&](OpBuilder &rb, Location rl, Value r, ValueRange rArgs) {
                Value prev = rArgs[2], prevIndex = rArgs[3];
                Value isFirst =
                    arith::CmpIOp::create(rb, rl, arith::CmpIPredicate::eq, r,
                                          indexConstant(rb, rl, 0));
                Value falseValue = scalarConstant(rb, rl, rb.getI1Type(), 0.0);
                Value jOne = indexConstant(rb, rl, 1);
                Value jZero = indexConstant(rb, rl, 0);
                auto jLoop = scf::ForOp::create(
                    rb, rl, jZero, n, jOne,
                    ValueRange{prev, prevIndex, falseValue},
                    [&](OpBuilder &jb, Location jl, Value j, ValueRange jArgs) {
                      SmallVector<Value> at = coords;
                      at[axis] = j;
                      Value x = tensor::ExtractOp::create(jb, jl, input, at);
                      Value xi = arith::IndexCastOp::create(jb, jl, i64, j);
                      Value afterPrev = arith::OrIOp::create(
                          jb, jl, isFirst,
                          topKBefore(jb, jl, prev, prevIndex, x, xi, largest,
                                     isUnsignedType));
                      Value trueValue =
                          scalarConstant(jb, jl, jb.getI1Type(), 1.0);
                      Value noBest =
                          arith::XOrIOp::create(jb, jl, jArgs[2], trueValue);
                      Value beatsBest = arith::OrIOp::create(
                          jb, jl, noBest,
                          topKBefore(jb, jl, x, xi, jArgs[0], jArgs[1], largest,
                                     isUnsignedType));
                      Value take =
                          arith::AndIOp::create(jb, jl, afterPrev, beatsBest);
                      Value best =
                          arith::SelectOp::create(jb, jl, take, x, jArgs[0]);
                      Value bestIndex =
                          arith::SelectOp::create(jb, jl, take, xi, jArgs[1]);
                      Value found =
                          arith::OrIOp::create(jb, jl, jArgs[2], take);
                      scf::YieldOp::create(jb, jl,
                                           ValueRange{best, bestIndex, found});
                    });
                SmallVector<Value> at = coords;
                at[axis] = r;
                Value best = jLoop.getResult(0), bestIndex = jLoop.getResult(1);
                Value newValues =
                    tensor::InsertOp::create(rb, rl, best, rArgs[0], at);
                Value newIndices =
                    tensor::InsertOp::create(rb, rl, bestIndex, rArgs[1], at);
                scf::YieldOp::create(
                    rb, rl, ValueRange{newValues, newIndices, best, bestIndex});
              });
          return {rLoop.getResult(0), rLoop.getResult(1)};
        });
    rewriter.replaceOp(op, results);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// non_zero
//===----------------------------------------------------------------------===//

Value isNonZero(OpBuilder &b, Location loc, Value x) {
  Value zero = scalarConstant(b, loc, x.getType(), 0.0);
  if (isa<FloatType>(x.getType()))
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, x, zero);
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x, zero);
}

struct NonZeroLowering : OpConversionPattern<NonZeroOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(NonZeroOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    int64_t rank = inputType.getRank();
    if (!resultType || resultType.getRank() != 2)
      return rewriter.notifyMatchFailure(op, "expected a rank-2 result");
    Type i64 = rewriter.getI64Type();

    // First pass: the number of non-zero elements, a reduction.
    Value countInit =
        tensor::EmptyOp::create(rewriter, loc, ArrayRef<int64_t>{}, i64);
    Value zero = scalarConstant(rewriter, loc, i64, 0.0);
    Value zeroCount =
        linalg::FillOp::create(rewriter, loc, zero, countInit).getResult(0);
    SmallVector<int64_t> allDims = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    Value counted =
        linalg::ReduceOp::create(
            rewriter, loc, ValueRange{input}, ValueRange{zeroCount}, allDims,
            [&](OpBuilder &b, Location l, ValueRange args) {
              Value one = arith::ExtUIOp::create(b, l, b.getI64Type(),
                                                 isNonZero(b, l, args[0]));
              linalg::YieldOp::create(
                  b, l, arith::AddIOp::create(b, l, args[1], one).getResult());
            })
            .getResult(0);
    Value count = arith::IndexCastOp::create(
        rewriter, loc, rewriter.getIndexType(),
        tensor::ExtractOp::create(rewriter, loc, counted, ValueRange{}));

    auto exactType = RankedTensorType::get({rank, ShapedType::kDynamic}, i64);
    Value init = emptyTensor(rewriter, loc, exactType, ValueRange{count});

    // Second pass, in row-major order: each non-zero element writes its
    // coordinates into the next column.
    Value firstColumn = indexConstant(rewriter, loc, 0);
    SmallVector<Value> inputSizes = dimSizes(rewriter, loc, input);
    SmallVector<Value> results = loopNest(
        rewriter, loc, inputSizes, ValueRange{init, firstColumn},
        [&](OpBuilder &b, Location l, ValueRange ivs,
            ValueRange iterArgs) -> SmallVector<Value> {
          Value x = tensor::ExtractOp::create(b, l, input, ivs);
          auto ifOp = scf::IfOp::create(
              b, l, isNonZero(b, l, x),
              [&](OpBuilder &tb, Location tl) {
                Value out = iterArgs[0];
                for (int64_t dim = 0; dim < rank; ++dim) {
                  Value coord =
                      arith::IndexCastOp::create(tb, tl, i64, ivs[dim]);
                  out = tensor::InsertOp::create(
                      tb, tl, coord, out,
                      ValueRange{indexConstant(tb, tl, dim), iterArgs[1]});
                }
                Value next = arith::AddIOp::create(tb, tl, iterArgs[1],
                                                   indexConstant(tb, tl, 1));
                scf::YieldOp::create(tb, tl, ValueRange{out, next});
              },
              [&](OpBuilder &eb, Location el) {
                scf::YieldOp::create(eb, el, iterArgs);
              });
          return {ifOp.getResult(0), ifOp.getResult(1)};
        });
    rewriter.replaceOp(op, castIfNeeded(rewriter, loc, results[0], resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// resize
//===----------------------------------------------------------------------===//

/// One input position a result element reads along a dimension, and its
/// weight.
struct Tap {
  Value index;
  Value weight; // f64
};

/// The constant scale of dimension `dim` if `scales` is a constant.
std::optional<double> constantScale(Value scales, int64_t dim) {
  DenseElementsAttr attr;
  if (!scales || !matchPattern(scales, m_Constant(&attr)))
    return std::nullopt;
  return attr.getValues<APFloat>()[dim].convertToDouble();
}

struct ResizeLowering : OpConversionPattern<ResizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ResizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    Value scales = adaptor.getScales(), roi = adaptor.getRoi();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto resultType =
        convertTensorType(*getTypeConverter(), op.getOutput().getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "expected a ranked result");
    ResizeMode mode = op.getMode();
    CoordinateMode coordinateMode = op.getCoordinateMode();
    NearestMode nearestMode = op.getNearestMode();
    int64_t rank = inputType.getRank();
    Type f64 = rewriter.getF64Type();
    Type elementType = inputType.getElementType();
    bool isUnsignedType = isUnsigned(op.getInput().getType());
    bool cropAndResize = coordinateMode == CoordinateMode::TfCropAndResize;

    SmallVector<Value> inputSizes = dimSizes(rewriter, loc, input);
    // Per dimension: the scale (f64) and the result size.
    SmallVector<Value> scaleValues, resultSizes;
    SmallVector<bool> identity;
    for (int64_t dim = 0; dim < rank; ++dim) {
      Value inSize = arith::UIToFPOp::create(
          rewriter, loc, f64,
          arith::IndexCastUIOp::create(rewriter, loc, rewriter.getI64Type(),
                                       inputSizes[dim]));
      Value scale;
      if (scales) {
        Value s = tensor::ExtractOp::create(
            rewriter, loc, scales,
            ValueRange{indexConstant(rewriter, loc, dim)});
        scale = convertScalar(rewriter, loc, s, f64, false, false);
      }
      Value outSize;
      if (!resultType.isDynamicDim(dim)) {
        outSize = indexConstant(rewriter, loc, resultType.getDimSize(dim));
      } else if (scale) {
        // ONNX: floor(input size * scale).
        Value product = arith::MulFOp::create(rewriter, loc, inSize, scale);
        Value floored = math::FloorOp::create(rewriter, loc, product);
        outSize = arith::IndexCastUIOp::create(
            rewriter, loc, rewriter.getIndexType(),
            arith::FPToUIOp::create(rewriter, loc, rewriter.getI64Type(),
                                    floored));
      } else {
        return rewriter.notifyMatchFailure(
            op, "a dynamic result size needs the scales operand");
      }
      if (!scale) {
        Value outF = arith::UIToFPOp::create(
            rewriter, loc, f64,
            arith::IndexCastUIOp::create(rewriter, loc, rewriter.getI64Type(),
                                         outSize));
        scale = arith::DivFOp::create(rewriter, loc, outF, inSize);
      }
      scaleValues.push_back(scale);
      resultSizes.push_back(outSize);
      // A dimension that statically keeps its size at scale 1 maps every
      // coordinate to itself in all modes but crop-and-resize.
      bool sameSize = !inputType.isDynamicDim(dim) &&
                      inputType.getDimSize(dim) == resultType.getDimSize(dim);
      bool unitScale = !scales || constantScale(op.getScales(), dim) == 1.0;
      identity.push_back(sameSize && unitScale && !cropAndResize);
    }

    Value init = emptyWithSizes(rewriter, loc, resultType, resultSizes);
    SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(rank)};
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    double extrapolation = op.getExtrapolationValue().convertToDouble();
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType}, ValueRange{}, ValueRange{init},
        maps, iterators, [&](OpBuilder &b, Location l, ValueRange) {
          auto f = [&](double v) { return scalarConstant(b, l, f64, v); };
          auto toF64 = [&](Value index) -> Value {
            return arith::SIToFPOp::create(
                b, l, f64,
                arith::IndexCastOp::create(b, l, b.getI64Type(), index));
          };
          SmallVector<SmallVector<Tap>> taps;
          Value outside = scalarConstant(b, l, b.getI1Type(), 0.0);
          for (int64_t dim = 0; dim < rank; ++dim) {
            Value x = linalg::IndexOp::create(b, l, dim);
            if (identity[dim]) {
              taps.push_back({{x, f(1.0)}});
              continue;
            }
            Value xf = toF64(x);
            Value scale = scaleValues[dim];
            Value n = toF64(inputSizes[dim]);
            Value nMinus1 = arith::SubFOp::create(b, l, n, f(1.0));
            Value m = arith::MulFOp::create(b, l, scale, n);
            Value mIsOne = arith::CmpFOp::create(
                b, l, arith::CmpFPredicate::OEQ, m, f(1.0));
            Value mMinus1 = arith::SubFOp::create(b, l, m, f(1.0));
            Value half = f(0.5);
            Value center = arith::AddFOp::create(b, l, xf, f(0.5));
            Value halfPixel = arith::SubFOp::create(
                b, l, arith::DivFOp::create(b, l, center, scale), half);
            Value coord;
            switch (coordinateMode) {
            case CoordinateMode::HalfPixel:
              coord = halfPixel;
              break;
            case CoordinateMode::PytorchHalfPixel:
              coord = arith::SelectOp::create(b, l, mIsOne, f(-0.5), halfPixel);
              break;
            case CoordinateMode::AlignCorners: {
              Value c = arith::DivFOp::create(
                  b, l, arith::MulFOp::create(b, l, xf, nMinus1), mMinus1);
              coord = arith::SelectOp::create(b, l, mIsOne, f(0.0), c);
              break;
            }
            case CoordinateMode::Asymmetric:
              coord = arith::DivFOp::create(b, l, xf, scale);
              break;
            case CoordinateMode::TfHalfPixelForNn:
              coord = arith::DivFOp::create(
                  b, l, arith::AddFOp::create(b, l, xf, f(0.5)), scale);
              break;
            case CoordinateMode::TfCropAndResize: {
              Value lo = f(0.0), hi = f(1.0);
              if (roi) {
                auto read = [&](int64_t i) {
                  Value v = tensor::ExtractOp::create(
                      b, l, roi, ValueRange{indexConstant(b, l, i)});
                  return convertScalar(b, l, v, f64, false, false);
                };
                lo = read(dim);
                hi = read(rank + dim);
              }
              Value extent = arith::MulFOp::create(
                  b, l, arith::SubFOp::create(b, l, hi, lo), nMinus1);
              Value middle = arith::DivFOp::create(b, l, extent, f(2.0));
              Value spread = arith::DivFOp::create(
                  b, l, arith::MulFOp::create(b, l, xf, extent), mMinus1);
              Value c = arith::SelectOp::create(b, l, mIsOne, middle, spread);
              coord = arith::AddFOp::create(
                  b, l, c, arith::MulFOp::create(b, l, lo, nMinus1));
              Value below = arith::CmpFOp::create(
                  b, l, arith::CmpFPredicate::OLT, coord, f(0.0));
              Value above = arith::CmpFOp::create(
                  b, l, arith::CmpFPredicate::OGT, coord, nMinus1);
              outside = arith::OrIOp::create(
                  b, l, outside, arith::OrIOp::create(b, l, below, above));
              break;
            }
            }
            Value floor = math::FloorOp::create(b, l, coord);
            Value fraction = arith::SubFOp::create(b, l, coord, floor);
            Value base = arith::IndexCastOp::create(
                b, l, b.getIndexType(),
                arith::FPToSIOp::create(b, l, b.getI64Type(), floor));
            auto rawIndex = [&](int64_t offset) -> Value {
              return arith::AddIOp::create(b, l, base,
                                           indexConstant(b, l, offset));
            };
            // Neighbours past the edges repeat the edge element.
            auto tapIndex = [&](int64_t offset) {
              return clampIndex(b, l, rawIndex(offset), inputSizes[dim]);
            };
            if (mode == ResizeMode::Cubic) {
              // The cubic convolution kernel of the ONNX reference at the
              // four neighbours floor - 1 .. floor + 2.
              double a = op.getCubicCoeffA().convertToDouble();
              auto near = [&](Value t) { // |t| in [0, 1]
                Value aPlus3 = f(a + 3);
                Value aPlus2 = f(a + 2);
                Value p = arith::SubFOp::create(
                    b, l, arith::MulFOp::create(b, l, aPlus2, t), aPlus3);
                Value one = f(1.0);
                Value pt = arith::MulFOp::create(b, l, p, t);
                return arith::AddFOp::create(
                    b, l, arith::MulFOp::create(b, l, pt, t), one);
              };
              auto far = [&](Value t) { // |t| in [1, 2]
                Value fiveA = f(5 * a);
                Value aValue = f(a);
                Value p = arith::SubFOp::create(
                    b, l, arith::MulFOp::create(b, l, aValue, t), fiveA);
                Value eightA = f(8 * a);
                p = arith::AddFOp::create(
                    b, l, arith::MulFOp::create(b, l, p, t), eightA);
                Value fourA = f(4 * a);
                return arith::SubFOp::create(
                    b, l, arith::MulFOp::create(b, l, p, t), fourA);
              };
              Value rest = arith::SubFOp::create(b, l, f(1.0), fraction);
              SmallVector<Value> weights = {
                  far(arith::AddFOp::create(b, l, fraction, f(1.0))),
                  near(fraction), near(rest),
                  far(arith::AddFOp::create(b, l, rest, f(1.0)))};
              SmallVector<Tap> cubicTaps;
              if (op.getExcludeOutside()) {
                // Neighbours outside the input get weight 0, the others
                // are renormalised.
                Value total = f(0.0);
                for (int64_t j = 0; j < 4; ++j) {
                  Value raw = rawIndex(j - 1);
                  Value belowSize = arith::CmpIOp::create(
                      b, l, arith::CmpIPredicate::slt, raw, inputSizes[dim]);
                  Value nonNegative =
                      arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge,
                                            raw, indexConstant(b, l, 0));
                  Value inside =
                      arith::AndIOp::create(b, l, nonNegative, belowSize);
                  weights[j] =
                      arith::SelectOp::create(b, l, inside, weights[j], f(0.0));
                  total = arith::AddFOp::create(b, l, total, weights[j]);
                }
                for (Value &weight : weights)
                  weight = arith::DivFOp::create(b, l, weight, total);
              }
              for (int64_t j = 0; j < 4; ++j)
                cubicTaps.push_back({tapIndex(j - 1), weights[j]});
              taps.push_back(cubicTaps);
              continue;
            }
            Value floorIndex = tapIndex(0);
            Value ceilIndex = tapIndex(1);
            if (mode == ResizeMode::Linear) {
              Value w0 = arith::SubFOp::create(b, l, f(1.0), fraction);
              taps.push_back({{floorIndex, w0}, {ceilIndex, fraction}});
              continue;
            }
            // Nearest: an integral coordinate is itself; otherwise round the
            // fraction per the nearest mode.
            Value up;
            switch (nearestMode) {
            case NearestMode::RoundPreferFloor:
              up = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT,
                                         fraction, f(0.5));
              break;
            case NearestMode::RoundPreferCeil:
              up = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGE,
                                         fraction, f(0.5));
              break;
            case NearestMode::Floor:
              up = scalarConstant(b, l, b.getI1Type(), 0.0);
              break;
            case NearestMode::Ceil:
              up = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT,
                                         fraction, f(0.0));
              break;
            }
            taps.push_back(
                {{arith::SelectOp::create(b, l, up, ceilIndex, floorIndex),
                  f(1.0)}});
          }

          // The sum over every combination of the per-dimension taps.
          Value acc = f(0.0);
          SmallVector<size_t> choice(rank, 0);
          while (true) {
            SmallVector<Value> coords;
            Value weight = f(1.0);
            for (int64_t dim = 0; dim < rank; ++dim) {
              const Tap &tap = taps[dim][choice[dim]];
              coords.push_back(tap.index);
              if (taps[dim].size() > 1)
                weight = arith::MulFOp::create(b, l, weight, tap.weight);
            }
            Value element = tensor::ExtractOp::create(b, l, input, coords);
            Value value =
                convertScalar(b, l, element, f64, isUnsignedType, false);
            acc = arith::AddFOp::create(
                b, l, acc, arith::MulFOp::create(b, l, weight, value));
            int64_t dim = rank - 1;
            while (dim >= 0 && ++choice[dim] == taps[dim].size())
              choice[dim--] = 0;
            if (dim < 0)
              break;
          }
          if (cropAndResize)
            acc = arith::SelectOp::create(b, l, outside, f(extrapolation), acc);
          // Integers round half to even, as the reference's rint.
          if (!isa<FloatType>(elementType))
            acc = math::RoundEvenOp::create(b, l, acc);
          Value result =
              convertScalar(b, l, acc, elementType, false, isUnsignedType);
          linalg::YieldOp::create(b, l, result);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void mlir::dfg::populateIndexingToLinalgPatterns(const TypeConverter &converter,
                                                 RewritePatternSet &patterns) {
  patterns.add<GatherElementsLowering, ScatterElementsLowering,
               GatherNdLowering, ScatterNdLowering, CumSumLowering,
               TopKLowering, NonZeroLowering, ResizeLowering>(
      converter, patterns.getContext());
}
