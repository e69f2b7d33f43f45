//===- DataMovement.cpp - lowering of the data movement ops
//----------------===//
//
// Layout changes become the named ops that later tiling and bufferization
// understand (linalg.transpose, linalg.broadcast, tensor.collapse_shape /
// expand_shape / concat / extract_slice / pad). What has no named
// form (negative strides, reflect and edge padding, gather, run-time strides)
// is a linalg.generic that computes the source index from linalg.index and
// reads it with tensor.extract.
//
// Sizes the types leave dynamic are computed with index arithmetic built by
// `createOrFold`, so that static dimensions fold back to constants and give
// the static result types the dfg ops were inferred with.
//
// Ops are created one per statement, never two among the arguments of one
// call: C++ leaves the order in which arguments are evaluated unspecified
// (GCC goes right to left, clang left to right), and the IR must not depend
// on the compiler that built DFG. The statements keep the order GCC builds
// have always produced.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"
#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"

#include <limits>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

namespace {

//===----------------------------------------------------------------------===//
// Index arithmetic
//===----------------------------------------------------------------------===//

/// Signed `index` arithmetic that folds when its operands are constants.
struct IndexMath {
  OpBuilder &b;
  Location loc;

  Value c(int64_t value) { return arith::ConstantIndexOp::create(b, loc, value); }
  Value add(Value x, Value y) { return b.createOrFold<arith::AddIOp>(loc, x, y); }
  Value sub(Value x, Value y) { return b.createOrFold<arith::SubIOp>(loc, x, y); }
  Value mul(Value x, Value y) { return b.createOrFold<arith::MulIOp>(loc, x, y); }
  Value div(Value x, Value y) { return b.createOrFold<arith::DivSIOp>(loc, x, y); }
  Value rem(Value x, Value y) { return b.createOrFold<arith::RemSIOp>(loc, x, y); }
  Value ceilDiv(Value x, Value y) {
    return b.createOrFold<arith::CeilDivSIOp>(loc, x, y);
  }
  Value min(Value x, Value y) { return b.createOrFold<arith::MinSIOp>(loc, x, y); }
  Value max(Value x, Value y) { return b.createOrFold<arith::MaxSIOp>(loc, x, y); }
  Value clamp(Value x, Value lo, Value hi) { return min(max(x, lo), hi); }
  Value cmp(arith::CmpIPredicate predicate, Value x, Value y) {
    return b.createOrFold<arith::CmpIOp>(loc, predicate, x, y);
  }
  Value lt(Value x, Value y) { return cmp(arith::CmpIPredicate::slt, x, y); }
  Value select(Value condition, Value x, Value y) {
    return b.createOrFold<arith::SelectOp>(loc, condition, x, y);
  }
  /// Size `d` of a ranked tensor: a constant when static.
  Value dim(Value tensor, int64_t d) {
    auto type = cast<RankedTensorType>(tensor.getType());
    if (!type.isDynamicDim(d))
      return c(type.getDimSize(d));
    return tensor::DimOp::create(b, loc, tensor, d);
  }
  /// Element `i` of a 1-D integer tensor, as an index.
  Value element(Value tensor, int64_t i) {
    Value value = tensor::ExtractOp::create(b, loc, tensor, ValueRange{c(i)});
    return b.createOrFold<arith::IndexCastOp>(loc, b.getIndexType(), value);
  }
  Value value(OpFoldResult ofr) {
    return getValueOrCreateConstantIndexOp(b, loc, ofr);
  }
};

/// `value` with type `type` (a compatible ranked tensor type).
Value castTo(OpBuilder &b, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

/// The dynamic sizes of `type` among `sizes` (one per dimension).
SmallVector<Value> dynamicSizesOf(IndexMath &m, RankedTensorType type,
                                  ArrayRef<Value> sizes) {
  SmallVector<Value> dynamic;
  for (auto [d, size] : llvm::enumerate(sizes))
    if (type.isDynamicDim(d))
      dynamic.push_back(size);
  return dynamic;
}

/// A `linalg.generic` producing `type` (dynamic sizes from `sizes`, one per
/// dimension) whose element at each index is `body(b, loc, index)`.
Value buildIndexedGeneric(
    OpBuilder &b, Location loc, RankedTensorType type, ArrayRef<Value> sizes,
    ValueRange inputs, ArrayRef<AffineMap> inputMaps,
    function_ref<Value(OpBuilder &, Location, ValueRange, ValueRange)> body) {
  IndexMath m{b, loc};
  Value init = emptyTensor(b, loc, type, dynamicSizesOf(m, type, sizes));
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(b.getMultiDimIdentityMap(type.getRank()));
  SmallVector<utils::IteratorType> iterators(type.getRank(),
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{type}, inputs, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        SmallVector<Value> index;
        for (int64_t d = 0; d < type.getRank(); ++d)
          index.push_back(linalg::IndexOp::create(nested, nestedLoc, d));
        linalg::YieldOp::create(
            nested, nestedLoc,
            body(nested, nestedLoc, index, args.drop_back()));
      });
  return generic.getResult(0);
}

//===----------------------------------------------------------------------===//
// transpose, reshape, broadcast_to, concat
//===----------------------------------------------------------------------===//

struct TransposeLowering : OpConversionPattern<TransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    ArrayRef<int64_t> permutation = op.getPermutation();
    SmallVector<Value> dynamic;
    for (auto [d, p] : llvm::enumerate(permutation))
      if (resultType.isDynamicDim(d))
        dynamic.push_back(tensor::DimOp::create(rewriter, loc, input, p));
    Value init = emptyTensor(rewriter, loc, resultType, dynamic);
    auto transpose =
        linalg::TransposeOp::create(rewriter, loc, input, init, permutation);
    rewriter.replaceOp(op, transpose->getResults());
    return success();
  }
};

/// The reassociation of a reshape between `from` and `to` when it follows
/// from their static sizes alone. A dynamic dimension on each side (one at
/// most) is the same size when the static sizes multiply to the same
/// non-zero product; it is stood in for by a prime larger than that
/// product, so that the static grouping keeps it in one group and the
/// grouping holds for every value it takes.
std::optional<SmallVector<ReassociationIndices>>
obviousReassociation(RankedTensorType from, RankedTensorType to) {
  if (from.getRank() == to.getRank())
    return std::nullopt;
  // To or from a 0-d tensor: every size of the other side is 1, and the
  // reassociation has no groups at all.
  if (from.getRank() == 0 || to.getRank() == 0) {
    RankedTensorType other = from.getRank() == 0 ? to : from;
    if (llvm::all_of(other.getShape(), [](int64_t size) { return size == 1; }))
      return SmallVector<ReassociationIndices>{};
    return std::nullopt;
  }
  // Flattening to 1-D, or unflattening from it to at most one unknown size.
  auto all = [](int64_t rank) {
    return SmallVector<ReassociationIndices>{
        llvm::to_vector(llvm::seq<int64_t>(0, rank))};
  };
  if (to.getRank() == 1 && from.getRank() > 1)
    return all(from.getRank());
  if (from.getRank() == 1 && to.getNumDynamicDims() <= 1)
    return all(to.getRank());
  if (from.getNumDynamicDims() != to.getNumDynamicDims() ||
      from.getNumDynamicDims() > 1)
    return std::nullopt;
  constexpr int64_t kPrime = 2147483647; // 2^31 - 1
  auto staticProduct = [&](ArrayRef<int64_t> shape) -> int64_t {
    int64_t product = 1;
    for (int64_t size : shape) {
      if (ShapedType::isDynamic(size))
        continue;
      if (size != 0 && product > kPrime / size)
        return -1; // too large to reason about
      product *= size;
    }
    return product;
  };
  int64_t product = staticProduct(from.getShape());
  if (product <= 0 || product >= kPrime ||
      product != staticProduct(to.getShape()))
    return std::nullopt;
  auto substitute = [&](ArrayRef<int64_t> shape) {
    SmallVector<int64_t> result(shape);
    for (int64_t &size : result)
      if (ShapedType::isDynamic(size))
        size = kPrime;
    return result;
  };
  SmallVector<int64_t> source = substitute(from.getShape());
  SmallVector<int64_t> target = substitute(to.getShape());
  if (from.getRank() > to.getRank())
    return getReassociationIndicesForCollapse(source, target);
  return getReassociationIndicesForCollapse(target, source);
}

struct ReshapeLowering : OpConversionPattern<ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());

    // Same rank, and the sizes differ in at most one dimension, where one
    // side is dynamic: the element count makes it the same tensor.
    if (inputType.getRank() == resultType.getRank()) {
      int64_t unknown = 0;
      bool same = true;
      for (auto [in, out] :
           llvm::zip_equal(inputType.getShape(), resultType.getShape())) {
        if (ShapedType::isDynamic(in) || ShapedType::isDynamic(out))
          ++unknown;
        else
          same = same && in == out;
      }
      if (same && unknown <= 1) {
        rewriter.replaceOp(op, castTo(rewriter, loc, input, resultType));
        return success();
      }
    }

    if (std::optional<SmallVector<ReassociationIndices>> reassociation =
            obviousReassociation(inputType, resultType)) {
      if (inputType.getRank() > resultType.getRank()) {
        rewriter.replaceOpWithNewOp<tensor::CollapseShapeOp>(
            op, resultType, input, *reassociation);
        return success();
      }
      // The output sizes are inferred from the input's dynamic size.
      rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(op, resultType, input,
                                                         *reassociation);
      return success();
    }

    // Otherwise the sizes are computed at run time.
    IndexMath m{rewriter, loc};
    Value count = m.c(1);
    for (int64_t d = 0; d < inputType.getRank(); ++d)
      count = m.mul(count, m.dim(input, d));
    SmallVector<Value> sizes;
    if (Value shape = adaptor.getShape()) {
      // An entry of -1 takes what the others leave, as numpy's reshape
      // (and the reference interpreter) does.
      Value known = m.c(1);
      Value minusOne = m.c(-1);
      for (int64_t d = 0; d < resultType.getRank(); ++d) {
        Value size = resultType.isDynamicDim(d)
                         ? m.element(shape, d)
                         : m.c(resultType.getDimSize(d));
        sizes.push_back(size);
        Value isInferred = m.cmp(arith::CmpIPredicate::eq, size, minusOne);
        known = m.mul(known, m.select(isInferred, m.c(1), size));
      }
      Value inferred = m.div(count, m.max(known, m.c(1)));
      for (Value &size : sizes)
        size = m.select(m.cmp(arith::CmpIPredicate::eq, size, minusOne),
                        inferred, size);
    } else {
      // At most one dynamic size (the verifier's rule): the element count
      // over the static ones.
      int64_t known = 1;
      for (int64_t size : resultType.getShape())
        if (!ShapedType::isDynamic(size))
          known *= size;
      for (int64_t d = 0; d < resultType.getRank(); ++d)
        sizes.push_back(resultType.isDynamicDim(d)
                            ? m.div(count, m.c(std::max<int64_t>(known, 1)))
                            : m.c(resultType.getDimSize(d)));
    }
    // Through 1-D: collapse everything, expand to the computed sizes (one
    // group, its dynamic sizes given). Unlike tensor.reshape, both stay
    // views after bufferization and lower to LLVM.
    Value flat = input;
    int64_t inRank = inputType.getRank();
    if (inRank == 0) {
      flat = tensor::ExpandShapeOp::create(
          rewriter, loc, inputType.clone(ArrayRef<int64_t>{1}), input,
          ArrayRef<ReassociationIndices>{},
          ArrayRef<OpFoldResult>{rewriter.getIndexAttr(1)});
    } else if (inRank > 1) {
      flat = tensor::CollapseShapeOp::create(
          rewriter, loc, input,
          ArrayRef<ReassociationIndices>{
              llvm::to_vector(llvm::seq<int64_t>(0, inRank))});
    }
    int64_t outRank = resultType.getRank();
    Value result;
    if (outRank == 0) {
      result = tensor::CollapseShapeOp::create(
          rewriter, loc, resultType, flat, ArrayRef<ReassociationIndices>{});
    } else if (outRank == 1) {
      result = castTo(rewriter, loc, flat, resultType);
    } else {
      SmallVector<OpFoldResult> outputShape;
      for (int64_t d = 0; d < outRank; ++d)
        outputShape.push_back(
            resultType.isDynamicDim(d)
                ? OpFoldResult(sizes[d])
                : OpFoldResult(rewriter.getIndexAttr(resultType.getDimSize(d))));
      result = expandShape(rewriter, loc, flat,
                           ArrayRef<ReassociationIndices>{
                               llvm::to_vector(llvm::seq<int64_t>(0, outRank))},
                           outputShape);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct BroadcastToLowering : OpConversionPattern<BroadcastToOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BroadcastToOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    Value shape = adaptor.getShape();
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t rank = resultType.getRank();
    int64_t offset = rank - inputType.getRank();
    // A dimension the input has (not as a static 1) keeps the input's size:
    // like the elementwise lowering, a dynamic input size is taken not to
    // be a 1 that stretches. New and stretched ones need the shape operand
    // when they are dynamic.
    auto fromInput = [&](int64_t d) {
      return d >= offset && inputType.getDimSize(d - offset) != 1;
    };
    for (int64_t d = 0; d < rank; ++d)
      if (resultType.isDynamicDim(d) && !fromInput(d) && !shape)
        return rewriter.notifyMatchFailure(
            op, "dynamic result dimension " + Twine(d) +
                    " that the input does not give needs a shape operand");

    IndexMath m{rewriter, loc};
    SmallVector<Value> dynamic;
    for (int64_t d = 0; d < rank; ++d) {
      if (!resultType.isDynamicDim(d))
        continue;
      dynamic.push_back(fromInput(d) ? m.dim(input, d - offset)
                                     : m.element(shape, d));
    }

    // linalg.broadcast only adds dimensions: the stretched 1s are collapsed
    // away first and added back as broadcast dimensions.
    SmallVector<int64_t> added;
    SmallVector<ReassociationIndices> reassociation;
    ReassociationIndices pending;
    for (int64_t d = 0; d < rank; ++d) {
      if (d < offset) {
        added.push_back(d);
        continue;
      }
      int64_t inputDim = d - offset;
      pending.push_back(inputDim);
      if (inputType.getDimSize(inputDim) == 1 &&
          resultType.getDimSize(d) != 1) {
        added.push_back(d);
        continue;
      }
      reassociation.push_back(pending);
      pending.clear();
    }
    if (!pending.empty() && !reassociation.empty())
      llvm::append_range(reassociation.back(), pending);
    if (added.empty()) {
      rewriter.replaceOp(op, castTo(rewriter, loc, input, resultType));
      return success();
    }
    if (static_cast<int64_t>(reassociation.size()) != inputType.getRank())
      input = tensor::CollapseShapeOp::create(rewriter, loc, input,
                                              reassociation);
    // linalg.broadcast wants the kept sizes spelled as the result has them.
    SmallVector<int64_t> kept;
    for (int64_t d = 0; d < rank; ++d)
      if (!llvm::is_contained(added, d))
        kept.push_back(resultType.getDimSize(d));
    input = castTo(rewriter, loc, input, resultType.clone(kept));
    Value init = emptyTensor(rewriter, loc, resultType, dynamic);
    auto broadcast =
        linalg::BroadcastOp::create(rewriter, loc, input, init, added);
    rewriter.replaceOp(op, broadcast->getResults());
    return success();
  }
};

struct ConcatLowering : OpConversionPattern<ConcatOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs();
    Value result =
        inputs.size() == 1
            ? inputs.front()
            : tensor::ConcatOp::create(rewriter, loc, op.getAxis(), inputs)
                  .getResult();
    rewriter.replaceOp(op, castTo(rewriter, loc, result, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// slice, dynamic_slice
//===----------------------------------------------------------------------===//

/// Where a numpy slice of one dimension starts and how many elements it has.
struct SliceExtent {
  Value first;
  Value count;
};

/// numpy's `x[start:limit:stride]` of a dimension of `size` for a stride of
/// known sign: negative starts and limits count from the end, then both are
/// clamped (to [0, size] going forward, [-1, size - 1] going backward).
SliceExtent sliceExtent(IndexMath &m, Value size, Value start, Value limit,
                        Value stride, bool forward) {
  auto resolve = [&](Value index, Value lo, Value hi) {
    Value wrapped = m.add(index, size);
    Value zero = m.c(0);
    Value isNegative = m.lt(index, zero);
    Value counted = m.select(isNegative, wrapped, index);
    return m.clamp(counted, lo, hi);
  };
  Value lo = forward ? m.c(0) : m.c(-1);
  Value hi = forward ? size : m.sub(size, m.c(1));
  Value first = resolve(start, lo, hi);
  Value last = resolve(limit, lo, hi);
  Value distance = forward ? m.sub(last, first) : m.sub(first, last);
  Value step = forward ? stride : m.sub(m.c(0), stride);
  Value zero = m.c(0);
  Value steps = m.ceilDiv(distance, step);
  Value count = m.max(steps, zero);
  return {first, count};
}

/// `input` with its dimensions `reversed` read back to front.
Value reverseDims(OpBuilder &b, Location loc, Value input,
                  ArrayRef<int64_t> reversed) {
  IndexMath m{b, loc};
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    sizes.push_back(m.dim(input, d));
  SmallVector<Value> lastIndex;
  for (int64_t d = 0; d < type.getRank(); ++d)
    lastIndex.push_back(m.sub(sizes[d], m.c(1)));
  return buildIndexedGeneric(
      b, loc, type, sizes, {}, {},
      [&](OpBuilder &nested, Location nestedLoc, ValueRange index,
          ValueRange) -> Value {
        SmallVector<Value> from(index);
        for (int64_t d : reversed)
          from[d] = arith::SubIOp::create(nested, nestedLoc, lastIndex[d],
                                          index[d]);
        return tensor::ExtractOp::create(nested, nestedLoc, input, from);
      });
}

struct SliceLowering : OpConversionPattern<SliceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    if (llvm::is_contained(op.getStrides(), 0))
      return rewriter.notifyMatchFailure(op, "zero stride");
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    IndexMath m{rewriter, loc};
    // A negative stride is the positive one over the same elements, read
    // back to front.
    SmallVector<OpFoldResult> offsets, sizes, strides;
    SmallVector<int64_t> reversed;
    for (auto [d, start, limit, stride] :
         llvm::enumerate(op.getStarts(), op.getLimits(), op.getStrides())) {
      // A whole dimension ("to the end" from 0): its size as is, without
      // clamping arithmetic, so later passes still see a dimension.
      if (start == 0 && stride == 1 &&
          limit == std::numeric_limits<int64_t>::max()) {
        offsets.push_back(rewriter.getIndexAttr(0));
        sizes.push_back(getAsOpFoldResult(m.dim(input, d)));
        strides.push_back(rewriter.getIndexAttr(1));
        continue;
      }
      // One value per statement, last argument first (as GCC evaluates
      // arguments): argument evaluation order is unspecified, and the IR
      // must not depend on the compiler that built DFG.
      Value strideValue = m.c(stride);
      Value limitValue = m.c(limit);
      Value startValue = m.c(start);
      Value extentValue = m.dim(input, d);
      SliceExtent extent = sliceExtent(m, extentValue, startValue, limitValue,
                                       strideValue, stride > 0);
      Value offset = extent.first;
      if (stride < 0) {
        reversed.push_back(d);
        // The last element selected; 0 when there is none.
        Value step = m.c(stride);
        Value one = m.c(1);
        Value lastStep = m.mul(m.sub(extent.count, one), step);
        Value last = m.add(extent.first, lastStep);
        Value noneSelected = m.c(0);
        Value zero = m.c(0);
        Value any = m.cmp(arith::CmpIPredicate::sgt, extent.count, zero);
        offset = m.select(any, last, noneSelected);
      }
      offsets.push_back(getAsOpFoldResult(offset));
      sizes.push_back(getAsOpFoldResult(extent.count));
      strides.push_back(rewriter.getIndexAttr(std::abs(stride)));
    }
    Value result = tensor::ExtractSliceOp::create(rewriter, loc, input,
                                                  offsets, sizes, strides);
    if (!reversed.empty())
      result = reverseDims(rewriter, loc, result, reversed);
    rewriter.replaceOp(op, castTo(rewriter, loc, result, resultType));
    return success();
  }
};

/// The integers of a constant, if `value` is one.
std::optional<SmallVector<int64_t>> constantInts(Value value) {
  DenseIntElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  SmallVector<int64_t> result;
  for (const APInt &v : attr.getValues<APInt>())
    result.push_back(v.getSExtValue());
  return result;
}

struct DynamicSliceLowering : OpConversionPattern<DynamicSliceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DynamicSliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    int64_t rank = resultType.getRank();
    IndexMath m{rewriter, loc};

    std::optional<SmallVector<int64_t>> constantStrides =
        constantInts(op.getStrides());
    if (!constantStrides)
      constantStrides = constantInts(adaptor.getStrides());
    bool forward = constantStrides &&
                   static_cast<int64_t>(constantStrides->size()) == rank &&
                   llvm::all_of(*constantStrides,
                                [](int64_t s) { return s > 0; });

    SmallVector<Value> first, counts, strides;
    for (int64_t d = 0; d < rank; ++d) {
      Value size = m.dim(input, d);
      Value start = m.element(adaptor.getStarts(), d);
      Value limit = m.element(adaptor.getLimits(), d);
      if (forward) {
        Value stride = m.c((*constantStrides)[d]);
        SliceExtent extent = sliceExtent(m, size, start, limit, stride, true);
        first.push_back(extent.first);
        counts.push_back(extent.count);
        strides.push_back(stride);
        continue;
      }
      // The sign of the stride is known at run time only: both extents,
      // chosen between. A zero stride (invalid) is taken as 1 rather than
      // dividing by zero.
      Value stride = m.element(adaptor.getStrides(), d);
      Value one = m.c(1);
      Value zero = m.c(0);
      Value isZero = m.cmp(arith::CmpIPredicate::eq, stride, zero);
      stride = m.select(isZero, one, stride);
      Value isForward = m.cmp(arith::CmpIPredicate::sgt, stride, m.c(0));
      SliceExtent ahead = sliceExtent(m, size, start, limit, stride, true);
      SliceExtent back = sliceExtent(m, size, start, limit, stride, false);
      first.push_back(m.select(isForward, ahead.first, back.first));
      counts.push_back(m.select(isForward, ahead.count, back.count));
      strides.push_back(stride);
    }
    // Sizes the result type states are taken as they are.
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < rank; ++d)
      sizes.push_back(resultType.isDynamicDim(d)
                          ? counts[d]
                          : m.c(resultType.getDimSize(d)));

    if (forward) {
      SmallVector<OpFoldResult> offsetsOfr, sizesOfr, stridesOfr;
      for (int64_t d = 0; d < rank; ++d) {
        offsetsOfr.push_back(getAsOpFoldResult(first[d]));
        sizesOfr.push_back(resultType.isDynamicDim(d)
                               ? getAsOpFoldResult(counts[d])
                               : rewriter.getIndexAttr(
                                     resultType.getDimSize(d)));
        stridesOfr.push_back(getAsOpFoldResult(strides[d]));
      }
      Value result = tensor::ExtractSliceOp::create(
          rewriter, loc, input, offsetsOfr, sizesOfr, stridesOfr);
      rewriter.replaceOp(op, castTo(rewriter, loc, result, resultType));
      return success();
    }
    Value result = buildIndexedGeneric(
        rewriter, loc, resultType, sizes, {}, {},
        [&](OpBuilder &b, Location nestedLoc, ValueRange index,
            ValueRange) -> Value {
          SmallVector<Value> from;
          for (int64_t d = 0; d < rank; ++d) {
            Value step = arith::MulIOp::create(b, nestedLoc, index[d],
                                               strides[d]);
            from.push_back(
                arith::AddIOp::create(b, nestedLoc, first[d], step));
          }
          return tensor::ExtractOp::create(b, nestedLoc, input, from);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// pad, dynamic_pad
//===----------------------------------------------------------------------===//

/// `input` padded by `low` and `high` (signed: negative amounts crop) in
/// `mode`, with `padValue` in constant mode, as `resultType`.
Value buildPad(OpBuilder &b, Location loc, Value input, ArrayRef<Value> low,
               ArrayRef<Value> high, PadMode mode, Value padValue,
               RankedTensorType resultType) {
  IndexMath m{b, loc};
  int64_t rank = resultType.getRank();
  Value zero = m.c(0);

  // Cropping first, as numpy's reference does.
  SmallVector<OpFoldResult> cropOffsets, cropSizes, unitStrides;
  SmallVector<Value> padLow, padHigh, sizes;
  bool crops = false;
  for (int64_t d = 0; d < rank; ++d) {
    Value cropLow = m.max(zero, m.sub(zero, low[d]));
    Value cropHigh = m.max(zero, m.sub(zero, high[d]));
    Value size = m.sub(m.sub(m.dim(input, d), cropLow), cropHigh);
    crops = crops || !isConstantIntValue(cropLow, 0) ||
            !isConstantIntValue(cropHigh, 0);
    cropOffsets.push_back(getAsOpFoldResult(cropLow));
    cropSizes.push_back(getAsOpFoldResult(size));
    unitStrides.push_back(b.getIndexAttr(1));
    padLow.push_back(m.max(zero, low[d]));
    padHigh.push_back(m.max(zero, high[d]));
    sizes.push_back(size);
  }
  if (crops)
    input = tensor::ExtractSliceOp::create(b, loc, input, cropOffsets,
                                           cropSizes, unitStrides);
  auto croppedType = cast<RankedTensorType>(input.getType());

  if (mode == PadMode::Constant) {
    bool pads = llvm::any_of(llvm::concat<Value>(padLow, padHigh),
                             [](Value v) { return !isConstantIntValue(v, 0); });
    if (!pads)
      return castTo(b, loc, input, resultType);
    SmallVector<int64_t> shape;
    for (int64_t d = 0; d < rank; ++d) {
      std::optional<int64_t> lo = getConstantIntValue(padLow[d]);
      std::optional<int64_t> hi = getConstantIntValue(padHigh[d]);
      shape.push_back(croppedType.isDynamicDim(d) || !lo || !hi
                          ? ShapedType::kDynamic
                          : croppedType.getDimSize(d) + *lo + *hi);
    }
    Value padded = tensor::PadOp::create(
        b, loc, croppedType.clone(shape), input, getAsOpFoldResult(padLow),
        getAsOpFoldResult(padHigh), padValue);
    return castTo(b, loc, padded, resultType);
  }

  // Reflect and edge: each result element reads the input at an index
  // folded back into range.
  SmallVector<Value> outSizes, lastIndex, periods;
  for (int64_t d = 0; d < rank; ++d) {
    outSizes.push_back(m.add(m.add(sizes[d], padLow[d]), padHigh[d]));
    lastIndex.push_back(m.max(m.sub(sizes[d], m.c(1)), zero));
    // numpy's reflection repeats with period 2 (n - 1) (1 for n = 1).
    Value one = m.c(1);
    Value two = m.c(2);
    periods.push_back(m.max(m.mul(two, lastIndex[d]), one));
  }
  return buildIndexedGeneric(
      b, loc, resultType, outSizes, {}, {},
      [&](OpBuilder &nested, Location nestedLoc, ValueRange index,
          ValueRange) -> Value {
        IndexMath n{nested, nestedLoc};
        SmallVector<Value> from;
        for (int64_t d = 0; d < rank; ++d) {
          Value i = n.sub(index[d], padLow[d]);
          if (mode == PadMode::Reflect) {
            Value p = periods[d];
            Value r = n.rem(n.add(n.rem(i, p), p), p);
            Value mirrored = n.sub(p, r);
            Value inFirstHalf =
                n.cmp(arith::CmpIPredicate::sle, r, lastIndex[d]);
            i = n.select(inFirstHalf, r, mirrored);
          }
          from.push_back(n.clamp(i, n.c(0), lastIndex[d]));
        }
        return tensor::ExtractOp::create(nested, nestedLoc, input, from);
      });
}

/// Reflect and edge padding of an empty dimension has nothing to read.
bool padsEmptyDim(RankedTensorType type, ArrayRef<int64_t> low,
                  ArrayRef<int64_t> high) {
  for (int64_t d = 0; d < type.getRank(); ++d) {
    if (type.isDynamicDim(d))
      continue;
    int64_t size = type.getDimSize(d) - std::max<int64_t>(0, -low[d]) -
                   std::max<int64_t>(0, -high[d]);
    if (size <= 0 && (low[d] > 0 || high[d] > 0))
      return true;
  }
  return false;
}

struct PadLowering : OpConversionPattern<PadOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    if (op.getMode() != PadMode::Constant &&
        padsEmptyDim(op.getInput().getType(), op.getLow(), op.getHigh()))
      return rewriter.notifyMatchFailure(
          op, "reflect or edge padding of an empty dimension");
    Location loc = op.getLoc();
    IndexMath m{rewriter, loc};
    SmallVector<Value> low, high;
    for (int64_t v : op.getLow())
      low.push_back(m.c(v));
    for (int64_t v : op.getHigh())
      high.push_back(m.c(v));
    Value padValue;
    if (op.getMode() == PadMode::Constant)
      padValue = scalarConstant(rewriter, loc, resultType.getElementType(),
                                op.getValue().convertToDouble());
    rewriter.replaceOp(op, buildPad(rewriter, loc, adaptor.getInput(), low,
                                    high, op.getMode(), padValue, resultType));
    return success();
  }
};

struct DynamicPadLowering : OpConversionPattern<DynamicPadOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DynamicPadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    IndexMath m{rewriter, loc};
    SmallVector<Value> low, high;
    for (int64_t d = 0; d < resultType.getRank(); ++d) {
      low.push_back(m.element(adaptor.getLow(), d));
      high.push_back(m.element(adaptor.getHigh(), d));
    }
    Value padValue;
    if (op.getMode() == PadMode::Constant) {
      padValue = adaptor.getValue()
                     ? tensor::ExtractOp::create(rewriter, loc,
                                                 adaptor.getValue(),
                                                 ValueRange{})
                           .getResult()
                     : scalarConstant(rewriter, loc,
                                      resultType.getElementType(), 0.0);
    }
    rewriter.replaceOp(op, buildPad(rewriter, loc, adaptor.getInput(), low,
                                    high, op.getMode(), padValue, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// gather
//===----------------------------------------------------------------------===//

struct GatherLowering : OpConversionPattern<GatherOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    Value indices = adaptor.getIndices();
    auto indicesType = cast<RankedTensorType>(indices.getType());
    int64_t axis = op.getAxis();
    int64_t k = indicesType.getRank();
    int64_t rank = resultType.getRank();
    IndexMath m{rewriter, loc};

    // Result dimension d comes from the input before the axis, from the
    // indices inside [axis, axis + k), and from the input after.
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < rank; ++d) {
      if (d < axis)
        sizes.push_back(m.dim(input, d));
      else if (d < axis + k)
        sizes.push_back(m.dim(indices, d - axis));
      else
        sizes.push_back(m.dim(input, d - k + 1));
    }
    SmallVector<AffineExpr> indexExprs;
    for (int64_t d = axis; d < axis + k; ++d)
      indexExprs.push_back(rewriter.getAffineDimExpr(d));
    AffineMap indicesMap =
        AffineMap::get(rank, 0, indexExprs, rewriter.getContext());
    Value axisSize = m.dim(input, axis);
    Value lastIndex = m.sub(axisSize, m.c(1));

    Value result = buildIndexedGeneric(
        rewriter, loc, resultType, sizes, indices, indicesMap,
        [&](OpBuilder &b, Location nestedLoc, ValueRange index,
            ValueRange args) -> Value {
          IndexMath n{b, nestedLoc};
          Value i = arith::IndexCastOp::create(b, nestedLoc, b.getIndexType(),
                                               args[0]);
          // Negative indices count from the end. An index still out of
          // [0, size) is invalid input (the reference interpreter rejects
          // it); it is clamped to the axis so that it can never read out
          // of bounds, instead of trapping at run time.
          Value wrapped = n.add(i, axisSize);
          Value zero = n.c(0);
          Value isNegative = n.lt(i, zero);
          i = n.select(isNegative, wrapped, i);
          i = n.clamp(i, n.c(0), lastIndex);
          SmallVector<Value> from(index.take_front(axis));
          from.push_back(i);
          llvm::append_range(from, index.drop_front(axis + k));
          return tensor::ExtractOp::create(b, nestedLoc, input, from);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// shape_of, range
//===----------------------------------------------------------------------===//

struct ShapeOfLowering : OpConversionPattern<ShapeOfOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ShapeOfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    if (inputType.getRank() == 0) {
      rewriter.replaceOpWithNewOp<arith::ConstantOp>(
          op, DenseElementsAttr::get(resultType, ArrayRef<int64_t>{}));
      return success();
    }
    IndexMath m{rewriter, loc};
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < inputType.getRank(); ++d)
      sizes.push_back(rewriter.createOrFold<arith::IndexCastOp>(
          loc, rewriter.getI64Type(), m.dim(input, d)));
    rewriter.replaceOpWithNewOp<tensor::FromElementsOp>(op, resultType, sizes);
    return success();
  }
};

struct RangeLowering : OpConversionPattern<RangeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(RangeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Type elementType = resultType.getElementType();
    if (elementType.isInteger(1))
      return rewriter.notifyMatchFailure(op, "range of booleans");
    Location loc = op.getLoc();
    bool isUnsignedRange = isUnsigned(op.getType());
    auto scalar = [&](Value tensor) -> Value {
      return tensor::ExtractOp::create(rewriter, loc, tensor, ValueRange{});
    };
    Value start = scalar(adaptor.getStart());
    Value limit = scalar(adaptor.getLimit());
    Value delta = scalar(adaptor.getDelta());

    // The length, max(ceil((limit - start) / delta), 0), in f64 or i64; a
    // zero delta (invalid) gives an empty range rather than a trap.
    Type i64 = rewriter.getI64Type();
    Value count;
    if (isa<FloatType>(elementType)) {
      Type f64 = rewriter.getF64Type();
      Value s = convertScalar(rewriter, loc, start, f64, false, false);
      Value l = convertScalar(rewriter, loc, limit, f64, false, false);
      Value d = convertScalar(rewriter, loc, delta, f64, false, false);
      Value q = math::CeilOp::create(
          rewriter, loc,
          arith::DivFOp::create(rewriter, loc,
                                arith::SubFOp::create(rewriter, loc, l, s), d));
      // Ordered comparisons: NaN (and an infinite count) give no elements.
      Value positive =
          arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGT, q,
                                scalarConstant(rewriter, loc, f64, 0.0));
      Value bounded =
          arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OLT, q,
                                scalarConstant(rewriter, loc, f64, 0x1p62));
      Value valid = arith::AndIOp::create(rewriter, loc, positive, bounded);
      q = arith::SelectOp::create(rewriter, loc, valid, q,
                                  scalarConstant(rewriter, loc, f64, 0.0));
      count = arith::FPToSIOp::create(rewriter, loc, i64, q);
    } else {
      Value s = convertScalar(rewriter, loc, start, i64, isUnsignedRange,
                              false);
      Value l = convertScalar(rewriter, loc, limit, i64, isUnsignedRange,
                              false);
      Value d = convertScalar(rewriter, loc, delta, i64, isUnsignedRange,
                              false);
      Value zero = scalarConstant(rewriter, loc, i64, 0.0);
      Value one = scalarConstant(rewriter, loc, i64, 1.0);
      Value isZero = arith::CmpIOp::create(
          rewriter, loc, arith::CmpIPredicate::eq, d, zero);
      Value divisor = arith::SelectOp::create(rewriter, loc, isZero, one, d);
      Value steps = arith::CeilDivSIOp::create(
          rewriter, loc, arith::SubIOp::create(rewriter, loc, l, s), divisor);
      steps = arith::MaxSIOp::create(rewriter, loc, steps, zero);
      count = arith::SelectOp::create(rewriter, loc, isZero, zero, steps);
    }
    Value length = arith::IndexCastOp::create(rewriter, loc,
                                              rewriter.getIndexType(), count);
    // A length the result type states is taken as it is.
    IndexMath m{rewriter, loc};
    if (!resultType.isDynamicDim(0))
      length = m.c(resultType.getDimSize(0));

    Value result = buildIndexedGeneric(
        rewriter, loc, resultType, {length}, {}, {},
        [&](OpBuilder &b, Location nestedLoc, ValueRange index,
            ValueRange) -> Value {
          Value i = arith::IndexCastOp::create(b, nestedLoc, b.getI64Type(),
                                               index[0]);
          if (isa<FloatType>(elementType)) {
            Value fi = arith::SIToFPOp::create(b, nestedLoc, elementType, i);
            Value step = arith::MulFOp::create(b, nestedLoc, fi, delta);
            return arith::AddFOp::create(b, nestedLoc, start, step);
          }
          Value ii = convertScalar(b, nestedLoc, i, elementType, false, false);
          Value step = arith::MulIOp::create(b, nestedLoc, ii, delta);
          return arith::AddIOp::create(b, nestedLoc, start, step);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::dfg::populateDataMovementToLinalgPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<TransposeLowering, ReshapeLowering, BroadcastToLowering,
               ConcatLowering, SliceLowering, DynamicSliceLowering,
               PadLowering, DynamicPadLowering, GatherLowering,
               ShapeOfLowering, RangeLowering>(converter,
                                               patterns.getContext());
}
