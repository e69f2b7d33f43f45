//===- Linalg.cpp - lowering of matmul, conv, conv_transpose and pool
//----------------------------===//
//
// These ops carry almost all of a model's arithmetic, and the passes after
// this one (tiling, vectorization) key on linalg's named ops, so every case
// that a named op expresses becomes that op: linalg.matmul and
// linalg.batch_matmul behind reshapes and broadcasts of the batch
// dimensions; linalg.conv_{1d_ncw_fcw,2d_nchw_fchw,3d_ncdhw_fcdhw}, the
// depthwise_conv_*_nc*_c* ops and conv_2d_ngchw_gfchw behind a zero
// tensor.pad; linalg.pooling_nc{w,hw}_{max,sum} behind a -inf or zero pad.
// What no named op covers (grouped 1-D/3-D convolutions, depthwise with a
// channel multiplier outside 2-D, 3-D pooling, 4-D and higher windows) is
// one linalg.generic of the same shape.
//
// conv_transpose is a convolution of the input with stride-sized holes
// (tensor.insert_slice with strides into zeros) and the spatially flipped,
// in/out-swapped weights, which keeps it on the named convolution path.
//
// Sizes of windowed results are taken from the result type where static and
// computed with index arithmetic where not, so dynamic batch and spatial
// sizes both lower.
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

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/SmallVectorExtras.h"
#include "llvm/Support/MathExtras.h"

#include <limits>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

namespace {

//===----------------------------------------------------------------------===//
// Index arithmetic on OpFoldResults: folded when static, arith when not.
//===----------------------------------------------------------------------===//

Value indexValue(OpBuilder &b, Location loc, OpFoldResult value) {
  if (auto dynamic = dyn_cast<Value>(value))
    return dynamic;
  return arith::ConstantIndexOp::create(b, loc, *getConstantIntValue(value));
}

/// `x * mul + add`.
OpFoldResult linear(OpBuilder &b, Location loc, OpFoldResult x, int64_t mul,
                    int64_t add) {
  if (std::optional<int64_t> constant = getConstantIntValue(x))
    return b.getIndexAttr(*constant * mul + add);
  Value value = cast<Value>(x);
  if (mul != 1)
    value = arith::MulIOp::create(
        b, loc, value, arith::ConstantIndexOp::create(b, loc, mul));
  if (add != 0)
    value = arith::AddIOp::create(
        b, loc, value, arith::ConstantIndexOp::create(b, loc, add));
  return value;
}

OpFoldResult subtract(OpBuilder &b, Location loc, OpFoldResult x,
                      OpFoldResult y) {
  std::optional<int64_t> lhs = getConstantIntValue(x);
  std::optional<int64_t> rhs = getConstantIntValue(y);
  if (lhs && rhs)
    return b.getIndexAttr(*lhs - *rhs);
  if (rhs && *rhs == 0)
    return x;
  Value rhsValue = indexValue(b, loc, y);
  Value lhsValue = indexValue(b, loc, x);
  return arith::SubIOp::create(b, loc, lhsValue, rhsValue).getResult();
}

/// `floor(x / divisor)`; dynamic values are sizes, never negative.
OpFoldResult divide(OpBuilder &b, Location loc, OpFoldResult x,
                    int64_t divisor) {
  if (std::optional<int64_t> constant = getConstantIntValue(x))
    return b.getIndexAttr(llvm::divideFloorSigned(*constant, divisor));
  if (divisor == 1)
    return x;
  return arith::DivSIOp::create(
             b, loc, cast<Value>(x),
             arith::ConstantIndexOp::create(b, loc, divisor))
      .getResult();
}

OpFoldResult maxWithZero(OpBuilder &b, Location loc, OpFoldResult x) {
  if (std::optional<int64_t> constant = getConstantIntValue(x))
    return b.getIndexAttr(std::max<int64_t>(*constant, 0));
  return arith::MaxSIOp::create(b, loc, cast<Value>(x),
                                arith::ConstantIndexOp::create(b, loc, 0))
      .getResult();
}

bool isZero(OpFoldResult x) {
  std::optional<int64_t> constant = getConstantIntValue(x);
  return constant && *constant == 0;
}

/// The output size of a window of `kernel` (a size: `dilation * (kernel - 1)
/// + 1` taps) sliding with `stride` over `input` padded by `padLow` and
/// `padHigh`.
OpFoldResult slidingOutputSize(OpBuilder &b, Location loc, OpFoldResult input,
                              OpFoldResult kernel, int64_t stride,
                              int64_t padLow, int64_t padHigh,
                              int64_t dilation, bool ceilMode) {
  // span = input + pads - dilation * (kernel - 1) - 1
  OpFoldResult taps = linear(b, loc, kernel, dilation, 1 - dilation);
  OpFoldResult span =
      linear(b, loc, subtract(b, loc, input, taps), 1, padLow + padHigh);
  if (ceilMode)
    span = linear(b, loc, span, 1, stride - 1);
  return linear(b, loc, divide(b, loc, span, stride), 1, 1);
}

/// Size `dim` of `resultType` if static, else `compute()`.
OpFoldResult staticOr(OpBuilder &b, RankedTensorType resultType, int64_t dim,
                      llvm::function_ref<OpFoldResult()> compute) {
  if (!resultType.isDynamicDim(dim))
    return b.getIndexAttr(resultType.getDimSize(dim));
  return compute();
}

//===----------------------------------------------------------------------===//
// Tensor helpers
//===----------------------------------------------------------------------===//

Value emptyOf(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
              Type elementType) {
  return tensor::EmptyOp::create(b, loc, sizes, elementType);
}

Value filled(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
             Type elementType, double value) {
  Value empty = emptyOf(b, loc, sizes, elementType);
  Value scalar = scalarConstant(b, loc, elementType, value);
  return linalg::FillOp::create(b, loc, ValueRange{scalar}, ValueRange{empty})
      .getResult(0);
}

RankedTensorType typeOfSizes(ArrayRef<OpFoldResult> sizes, Type elementType) {
  SmallVector<int64_t> shape;
  for (OpFoldResult size : sizes)
    shape.push_back(getConstantIntValue(size).value_or(ShapedType::kDynamic));
  return RankedTensorType::get(shape, elementType);
}

/// Casts to `type` where the computed type is more or less static than the
/// op's result type.
Value castTo(OpBuilder &b, Location loc, Value value, RankedTensorType type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

/// Pads the spatial dimensions (2 and on) of `input` by `low` and `high`
/// with `padValue`; unchanged when nothing is padded.
Value padSpatial(OpBuilder &b, Location loc, Value input,
                 ArrayRef<OpFoldResult> low, ArrayRef<OpFoldResult> high,
                 double padValue) {
  if (llvm::all_of(low, isZero) && llvm::all_of(high, isZero))
    return input;
  SmallVector<OpFoldResult> lows = {b.getIndexAttr(0), b.getIndexAttr(0)};
  SmallVector<OpFoldResult> highs = lows;
  llvm::append_range(lows, low);
  llvm::append_range(highs, high);
  Type elementType = cast<RankedTensorType>(input.getType()).getElementType();
  Value value = scalarConstant(b, loc, elementType, padValue);
  return tensor::PadOp::create(b, loc, /*resultType=*/Type(), input, lows,
                               highs, value);
}

/// linalg.broadcast of `input` into `init` along `addedDims`; the input is
/// first cast to the sizes of `init` it must match, since the verifier does
/// not take a dynamic size as equal to a static one.
Value broadcastInto(OpBuilder &b, Location loc, Value input, Value init,
                    ArrayRef<int64_t> addedDims) {
  auto initType = cast<RankedTensorType>(init.getType());
  SmallVector<int64_t> shape;
  for (auto [dim, size] : llvm::enumerate(initType.getShape()))
    if (!llvm::is_contained(addedDims, static_cast<int64_t>(dim)))
      shape.push_back(size);
  auto expected = RankedTensorType::get(shape, initType.getElementType());
  if (input.getType() != expected)
    input = tensor::CastOp::create(b, loc, expected, input);
  return linalg::BroadcastOp::create(b, loc, input, init, addedDims)
      ->getResult(0);
}

SmallVector<OpFoldResult> indexAttrs(OpBuilder &b, ArrayRef<int64_t> values) {
  return llvm::map_to_vector(values, [&](int64_t value) -> OpFoldResult {
    return b.getIndexAttr(value);
  });
}

AffineExpr windowExpr(MLIRContext *context, unsigned outDim, unsigned tapDim,
                      int64_t stride, int64_t dilation) {
  return getAffineDimExpr(outDim, context) * stride +
         getAffineDimExpr(tapDim, context) * dilation;
}

//===----------------------------------------------------------------------===//
// matmul
//===----------------------------------------------------------------------===//

/// `operand` [batch..., X, Y] broadcast to [resultBatch..., X, Y]: missing
/// leading dimensions and statically-1 dimensions that the result stretches
/// are dropped (collapse_shape) and added back by linalg.broadcast.
Value broadcastBatch(OpBuilder &b, Location loc, Value operand,
                     RankedTensorType resultType,
                     ArrayRef<OpFoldResult> resultBatch) {
  auto type = cast<RankedTensorType>(operand.getType());
  int64_t batchRank = resultType.getRank() - 2;
  int64_t offset = batchRank - (type.getRank() - 2);
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices pending;
  SmallVector<int64_t> addedDims;
  for (int64_t dim = 0; dim < offset; ++dim)
    addedDims.push_back(dim);
  for (int64_t dim = 0; dim < type.getRank(); ++dim) {
    pending.push_back(dim);
    bool stretched = dim < type.getRank() - 2 && type.getDimSize(dim) == 1 &&
                     resultType.getDimSize(offset + dim) != 1;
    if (stretched) {
      addedDims.push_back(offset + dim);
      continue;
    }
    groups.push_back(pending);
    pending.clear();
  }
  if (addedDims.empty())
    return operand;
  Value kept = operand;
  if (static_cast<int64_t>(groups.size()) != type.getRank())
    kept = tensor::CollapseShapeOp::create(b, loc, operand, groups);
  SmallVector<OpFoldResult> sizes(resultBatch);
  SmallVector<OpFoldResult> operandSizes = tensorSizes(b, loc, operand);
  sizes.append(operandSizes.end() - 2, operandSizes.end());
  Value init = emptyOf(b, loc, sizes, type.getElementType());
  return broadcastInto(b, loc, kept, init, addedDims);
}

/// Collapses [B1, ..., Bb, X, Y] to [B1 * ... * Bb, X, Y].
Value collapseBatch(OpBuilder &b, Location loc, Value value) {
  int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
  if (rank == 3)
    return value;
  ReassociationIndices batch;
  for (int64_t dim = 0; dim < rank - 2; ++dim)
    batch.push_back(dim);
  return tensor::CollapseShapeOp::create(
      b, loc, value,
      SmallVector<ReassociationIndices>{batch, {rank - 2}, {rank - 1}});
}

struct MatmulLowering : OpConversionPattern<MatmulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MatmulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    Value lhs = adaptor.getLhs();
    Value rhs = adaptor.getRhs();
    auto lhsType = cast<RankedTensorType>(lhs.getType());
    auto rhsType = cast<RankedTensorType>(rhs.getType());
    Type elementType = resultType.getElementType();
    int64_t rank = resultType.getRank();
    int64_t batchRank = rank - 2;

    // The result's batch sizes: static from the type, dynamic from the
    // operand whose aligned dimension is not a stretched 1.
    SmallVector<OpFoldResult> resultBatch;
    for (int64_t dim = 0; dim < batchRank; ++dim) {
      resultBatch.push_back(staticOr(rewriter, resultType, dim, [&] {
        for (Value operand : {lhs, rhs}) {
          auto type = cast<RankedTensorType>(operand.getType());
          int64_t operandDim = dim - (rank - type.getRank());
          if (operandDim >= 0 && type.getDimSize(operandDim) != 1)
            return OpFoldResult(
                tensor::DimOp::create(rewriter, loc, operand, operandDim)
                    .getResult());
        }
        return OpFoldResult(rewriter.getIndexAttr(1));
      }));
    }

    auto zeroInit = [&](Value a, Value bMatrix, int64_t aDims) {
      SmallVector<OpFoldResult> sizes = tensorSizes(rewriter, loc, a);
      sizes.pop_back();
      sizes.push_back(tensor::getMixedSize(rewriter, loc, bMatrix,
                                           aDims - 1));
      return filled(rewriter, loc, sizes, elementType, 0.0);
    };

    // The weight of `x @ W` (rank 2, or with only unit batch dimensions):
    // the lhs batch folds into the rows of one linalg.matmul.
    bool rhsUnbatched = llvm::all_of(rhsType.getShape().drop_back(2),
                                     [](int64_t size) { return size == 1; });
    if (rhsUnbatched) {
      Value matrix = rhs;
      if (rhsType.getRank() > 2) {
        ReassociationIndices rows;
        for (int64_t dim = 0; dim < rhsType.getRank() - 1; ++dim)
          rows.push_back(dim);
        matrix = tensor::CollapseShapeOp::create(
            rewriter, loc, rhs,
            SmallVector<ReassociationIndices>{rows, {rhsType.getRank() - 1}});
      }
      Value rows = lhs;
      if (lhsType.getRank() > 2) {
        ReassociationIndices batch;
        for (int64_t dim = 0; dim < lhsType.getRank() - 1; ++dim)
          batch.push_back(dim);
        rows = tensor::CollapseShapeOp::create(
            rewriter, loc, lhs,
            SmallVector<ReassociationIndices>{batch,
                                              {lhsType.getRank() - 1}});
      }
      Value init = zeroInit(rows, matrix, 2);
      Value product =
          linalg::MatmulOp::create(rewriter, loc, ValueRange{rows, matrix},
                                   ValueRange{init})
              .getResult(0);
      if (rank > 2) {
        SmallVector<OpFoldResult> sizes(resultBatch);
        sizes.push_back(tensor::getMixedSize(rewriter, loc, lhs,
                                             lhsType.getRank() - 2));
        sizes.push_back(tensor::getMixedSize(rewriter, loc, matrix, 1));
        ReassociationIndices outer;
        for (int64_t dim = 0; dim < rank - 1; ++dim)
          outer.push_back(dim);
        product = expandShape(rewriter, loc, product,
                         SmallVector<ReassociationIndices>{outer, {rank - 1}},
                         sizes);
      }
      rewriter.replaceOp(op, castTo(rewriter, loc, product, resultType));
      return success();
    }

    // A batched rhs: both operands get the full batch (materialized where
    // broadcast), which folds into one dimension of linalg.batch_matmul.
    Value lhsFull = broadcastBatch(rewriter, loc, lhs, resultType, resultBatch);
    Value rhsFull = broadcastBatch(rewriter, loc, rhs, resultType, resultBatch);
    Value lhs3 = collapseBatch(rewriter, loc, lhsFull);
    Value rhs3 = collapseBatch(rewriter, loc, rhsFull);
    Value init = zeroInit(lhs3, rhs3, 3);
    Value product =
        linalg::BatchMatmulOp::create(rewriter, loc, ValueRange{lhs3, rhs3},
                                      ValueRange{init})
            .getResult(0);
    if (batchRank > 1) {
      SmallVector<OpFoldResult> sizes(resultBatch);
      sizes.push_back(tensor::getMixedSize(rewriter, loc, lhs3, 1));
      sizes.push_back(tensor::getMixedSize(rewriter, loc, rhs3, 2));
      ReassociationIndices batch;
      for (int64_t dim = 0; dim < batchRank; ++dim)
        batch.push_back(dim);
      product = expandShape(
          rewriter, loc, product,
          SmallVector<ReassociationIndices>{batch, {rank - 2}, {rank - 1}},
          sizes);
    }
    rewriter.replaceOp(op, castTo(rewriter, loc, product, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// conv
//===----------------------------------------------------------------------===//

struct ConvWindow {
  SmallVector<int64_t> strides;
  SmallVector<int64_t> dilations;
  int64_t groups;
};

/// The accumulator a convolution starts from: `bias` broadcast along
/// dimension `channelDim` of `sizes`, or zeros.
Value convInit(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
               Type elementType, Value bias, ArrayRef<int64_t> biasDims) {
  if (!bias)
    return filled(b, loc, sizes, elementType, 0.0);
  Value empty = emptyOf(b, loc, sizes, elementType);
  SmallVector<int64_t> added;
  for (int64_t dim = 0; dim < static_cast<int64_t>(sizes.size()); ++dim)
    if (!llvm::is_contained(biasDims, dim))
      added.push_back(dim);
  return broadcastInto(b, loc, bias, empty, added);
}

/// The grouped convolution as one linalg.generic over the expanded layout
/// input [N, G, C/G, D...], weight [G, O/G, C/G, K...], init
/// [N, G, O/G, OD...]: loops n, g, f, od... (parallel), c, k... (reduction).
Value genericGroupedConv(OpBuilder &b, Location loc, Value input, Value weight,
                         Value init, const ConvWindow &window) {
  MLIRContext *context = b.getContext();
  int64_t spatial = window.strides.size();
  unsigned loops = 4 + 2 * spatial;
  auto dim = [&](unsigned i) { return getAffineDimExpr(i, context); };
  unsigned channelDim = 3 + spatial;
  auto tap = [&](int64_t i) { return 4 + spatial + i; };
  SmallVector<AffineExpr> inputExprs = {dim(0), dim(1), dim(channelDim)};
  SmallVector<AffineExpr> weightExprs = {dim(1), dim(2), dim(channelDim)};
  SmallVector<AffineExpr> outputExprs = {dim(0), dim(1), dim(2)};
  for (int64_t i = 0; i < spatial; ++i) {
    inputExprs.push_back(windowExpr(context, 3 + i, tap(i), window.strides[i],
                                    window.dilations[i]));
    weightExprs.push_back(dim(tap(i)));
    outputExprs.push_back(dim(3 + i));
  }
  SmallVector<AffineMap> maps = {
      AffineMap::get(loops, 0, inputExprs, context),
      AffineMap::get(loops, 0, weightExprs, context),
      AffineMap::get(loops, 0, outputExprs, context)};
  SmallVector<utils::IteratorType> iterators(3 + spatial,
                                             utils::IteratorType::parallel);
  iterators.append(1 + spatial, utils::IteratorType::reduction);
  return linalg::GenericOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{input, weight},
             ValueRange{init}, maps, iterators,
             [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value product =
                   arith::MulFOp::create(nested, nestedLoc, args[0], args[1]);
               Value sum =
                   arith::AddFOp::create(nested, nestedLoc, args[2], product);
               linalg::YieldOp::create(nested, nestedLoc, sum);
             })
      .getResult(0);
}

/// Convolves the already padded `input` [N, C, D...] with `weight`
/// [O, C/G, K...] into [N, O, outSpatial...], adding `bias` [O] if given.
Value buildConv(OpBuilder &b, Location loc, Value input, Value weight,
                Value bias, const ConvWindow &window,
                ArrayRef<OpFoldResult> outSpatial) {
  auto inputType = cast<RankedTensorType>(input.getType());
  auto weightType = cast<RankedTensorType>(weight.getType());
  Type elementType = inputType.getElementType();
  int64_t spatial = window.strides.size();
  int64_t groups = window.groups;
  OpFoldResult batch = tensor::getMixedSize(b, loc, input, 0);
  OpFoldResult outChannels = tensor::getMixedSize(b, loc, weight, 0);
  SmallVector<OpFoldResult> outSizes = {batch, outChannels};
  llvm::append_range(outSizes, outSpatial);
  Attribute strides = b.getI64TensorAttr(window.strides);
  Attribute dilations = b.getI64TensorAttr(window.dilations);

  if (groups == 1 && spatial <= 3) {
    Value init = convInit(b, loc, outSizes, elementType, bias, {1});
    Type type = init.getType();
    TypeRange types(type);
    SmallVector<Value> inputs = {input, weight};
    SmallVector<Value> outputs = {init};
    Operation *conv;
    if (spatial == 1)
      conv = linalg::Conv1DNcwFcwOp::create(b, loc, types, inputs, outputs,
                                            strides, dilations);
    else if (spatial == 2)
      conv = linalg::Conv2DNchwFchwOp::create(b, loc, types, inputs, outputs,
                                              strides, dilations);
    else
      conv = linalg::Conv3DNcdhwFcdhwOp::create(b, loc, types, inputs,
                                                outputs, strides, dilations);
    return conv->getResult(0);
  }

  // Depthwise: one input and one output channel per group.
  bool depthwise = groups > 1 && weightType.getDimSize(0) == groups &&
                   weightType.getDimSize(1) == 1;
  if (depthwise && spatial <= 3) {
    SmallVector<ReassociationIndices> reassociation = {{0, 1}};
    for (int64_t i = 0; i < spatial; ++i)
      reassociation.push_back({2 + i});
    Value filter =
        tensor::CollapseShapeOp::create(b, loc, weight, reassociation);
    Value init = convInit(b, loc, outSizes, elementType, bias, {1});
    Type type = init.getType();
    TypeRange types(type);
    SmallVector<Value> inputs = {input, filter};
    SmallVector<Value> outputs = {init};
    Operation *conv;
    if (spatial == 1)
      conv = linalg::DepthwiseConv1DNcwCwOp::create(b, loc, types, inputs,
                                                    outputs, strides,
                                                    dilations);
    else if (spatial == 2)
      conv = linalg::DepthwiseConv2DNchwChwOp::create(b, loc, types, inputs,
                                                      outputs, strides,
                                                      dilations);
    else
      conv = linalg::DepthwiseConv3DNcdhwCdhwOp::create(
          b, loc, types, inputs, outputs, strides, dilations);
    return conv->getResult(0);
  }

  // Groups as a dimension of their own.
  OpFoldResult groupCount = b.getIndexAttr(groups);
  OpFoldResult channels = tensor::getMixedSize(b, loc, input, 1);
  SmallVector<OpFoldResult> inputSizes = tensorSizes(b, loc, input);
  SmallVector<OpFoldResult> expandedInputSizes = {
      inputSizes[0], groupCount, divide(b, loc, channels, groups)};
  llvm::append_range(expandedInputSizes, ArrayRef(inputSizes).drop_front(2));
  SmallVector<OpFoldResult> weightSizes = tensorSizes(b, loc, weight);
  SmallVector<OpFoldResult> expandedWeightSizes = {
      groupCount, divide(b, loc, outChannels, groups), weightSizes[1]};
  llvm::append_range(expandedWeightSizes, ArrayRef(weightSizes).drop_front(2));
  SmallVector<ReassociationIndices> splitChannels = {{0}, {1, 2}};
  SmallVector<ReassociationIndices> splitOutChannels = {{0, 1}, {2}};
  for (int64_t i = 0; i < spatial; ++i) {
    splitChannels.push_back({3 + i});
    splitOutChannels.push_back({3 + i});
  }
  Value groupedInput =
      expandShape(b, loc, input, splitChannels, expandedInputSizes);
  Value groupedWeight =
      expandShape(b, loc, weight, splitOutChannels, expandedWeightSizes);
  SmallVector<OpFoldResult> groupedOutSizes = {
      batch, groupCount, divide(b, loc, outChannels, groups)};
  llvm::append_range(groupedOutSizes, outSpatial);
  Value groupedBias;
  if (bias)
    groupedBias =
        expandShape(b, loc, bias, SmallVector<ReassociationIndices>{{0, 1}},
               {groupCount, divide(b, loc, outChannels, groups)});
  Value init =
      convInit(b, loc, groupedOutSizes, elementType, groupedBias, {1, 2});
  Value result;
  if (spatial == 2)
    result = linalg::Conv2DNgchwGfchwOp::create(
                 b, loc, TypeRange{init.getType()},
                 ValueRange{groupedInput, groupedWeight}, ValueRange{init},
                 strides, dilations)
                 ->getResult(0);
  else
    result =
        genericGroupedConv(b, loc, groupedInput, groupedWeight, init, window);
  SmallVector<ReassociationIndices> merge = {{0}, {1, 2}};
  for (int64_t i = 0; i < spatial; ++i)
    merge.push_back({3 + i});
  return tensor::CollapseShapeOp::create(b, loc, result, merge);
}

struct ConvLowering : OpConversionPattern<ConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    Value weight = adaptor.getWeight();
    int64_t spatial = resultType.getRank() - 2;
    ArrayRef<int64_t> pads = op.getPads();
    ConvWindow window{llvm::to_vector(op.getStrides()),
                      llvm::to_vector(op.getDilations()),
                      static_cast<int64_t>(op.getGroups())};

    SmallVector<OpFoldResult> outSpatial;
    for (int64_t i = 0; i < spatial; ++i)
      outSpatial.push_back(staticOr(rewriter, resultType, 2 + i, [&] {
        OpFoldResult kernelSize =
            tensor::getMixedSize(rewriter, loc, weight, 2 + i);
        OpFoldResult inputSize =
            tensor::getMixedSize(rewriter, loc, input, 2 + i);
        return slidingOutputSize(rewriter, loc, inputSize, kernelSize,
                                 window.strides[i], pads[i], pads[spatial + i],
                                 window.dilations[i], /*ceilMode=*/false);
      }));
    Value padded =
        padSpatial(rewriter, loc, input, indexAttrs(rewriter, pads.take_front(spatial)),
                   indexAttrs(rewriter, pads.drop_front(spatial)), 0.0);
    Value result = buildConv(rewriter, loc, padded, weight, adaptor.getBias(),
                             window, outSpatial);
    rewriter.replaceOp(op, castTo(rewriter, loc, result, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// conv_transpose
//===----------------------------------------------------------------------===//

struct ConvTransposeLowering : OpConversionPattern<ConvTransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConvTransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    Value input = adaptor.getInput();
    Value weight = adaptor.getWeight();
    auto weightType = cast<RankedTensorType>(weight.getType());
    Type elementType = resultType.getElementType();
    int64_t spatial = resultType.getRank() - 2;
    int64_t groups = op.getGroups();
    ArrayRef<int64_t> strides = op.getStrides();
    ArrayRef<int64_t> dilations = op.getDilations();
    ArrayRef<int64_t> pads = op.getPads();
    ArrayRef<int64_t> outputPadding = op.getOutputPadding();
    ArrayRef<int64_t> kernel = weightType.getShape().drop_front(2);
    // The flip needs K - 1 - k as an affine map.
    if (ShapedType::isDynamicShape(kernel))
      return rewriter.notifyMatchFailure(op, "the kernel size is dynamic");

    // Weight [C, O/G, K...] as a convolution weight [O, C/G, K...]: group
    // split, in/out channels swapped, every spatial dimension reversed.
    SmallVector<OpFoldResult> weightSizes = tensorSizes(rewriter, loc, weight);
    OpFoldResult groupCount = rewriter.getIndexAttr(groups);
    OpFoldResult groupChannels = divide(rewriter, loc, weightSizes[0], groups);
    SmallVector<OpFoldResult> splitSizes = {groupCount, groupChannels,
                                            weightSizes[1]};
    SmallVector<ReassociationIndices> split = {{0, 1}, {2}};
    for (int64_t i = 0; i < spatial; ++i) {
      splitSizes.push_back(weightSizes[2 + i]);
      split.push_back({3 + i});
    }
    Value splitWeight = expandShape(rewriter, loc, weight, split, splitSizes);
    SmallVector<OpFoldResult> flippedSizes = {groupCount, weightSizes[1],
                                              groupChannels};
    llvm::append_range(flippedSizes, ArrayRef(weightSizes).drop_front(2));
    unsigned loops = 3 + spatial;
    auto dim = [&](unsigned i) { return getAffineDimExpr(i, context); };
    SmallVector<AffineExpr> readExprs = {dim(0), dim(2), dim(1)};
    for (int64_t i = 0; i < spatial; ++i)
      readExprs.push_back(kernel[i] - 1 - dim(3 + i));
    SmallVector<AffineMap> maps = {
        AffineMap::get(loops, 0, readExprs, context),
        rewriter.getMultiDimIdentityMap(loops)};
    Value flipped =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{typeOfSizes(flippedSizes, elementType)},
            ValueRange{splitWeight},
            ValueRange{emptyOf(rewriter, loc, flippedSizes, elementType)}, maps,
            SmallVector<utils::IteratorType>(loops,
                                             utils::IteratorType::parallel),
            [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
              linalg::YieldOp::create(nested, nestedLoc, args[0]);
            })
            .getResult(0);
    SmallVector<ReassociationIndices> merge = {{0, 1}, {2}};
    for (int64_t i = 0; i < spatial; ++i)
      merge.push_back({3 + i});
    Value convWeight =
        tensor::CollapseShapeOp::create(rewriter, loc, flipped, merge);

    // The input with stride - 1 zeros between elements and
    // dilation * (K - 1) - pad zeros around; pads beyond that are cropped
    // from the result instead.
    SmallVector<OpFoldResult> inputSizes = tensorSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> low, high, spreadSizes = {inputSizes[0],
                                                        inputSizes[1]};
    SmallVector<OpFoldResult> offsets = {rewriter.getIndexAttr(0),
                                         rewriter.getIndexAttr(0)};
    SmallVector<OpFoldResult> cropOffsets = offsets;
    bool crop = false;
    SmallVector<OpFoldResult> fullSpatial, outSpatial;
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t reach = dilations[i] * (kernel[i] - 1);
      int64_t before = reach - pads[i];
      int64_t after = reach - pads[spatial + i] + outputPadding[i];
      crop |= before < 0 || after < 0;
      low.push_back(rewriter.getIndexAttr(std::max<int64_t>(before, 0)));
      high.push_back(rewriter.getIndexAttr(std::max<int64_t>(after, 0)));
      cropOffsets.push_back(rewriter.getIndexAttr(std::max<int64_t>(-before, 0)));
      OpFoldResult spread =
          linear(rewriter, loc, inputSizes[2 + i], strides[i], 1 - strides[i]);
      OpFoldResult padded =
          linear(rewriter, loc, spread, 1,
                 std::max<int64_t>(before, 0) + std::max<int64_t>(after, 0));
      spreadSizes.push_back(padded);
      offsets.push_back(low.back());
      fullSpatial.push_back(linear(rewriter, loc, padded, 1, -reach));
      outSpatial.push_back(staticOr(rewriter, resultType, 2 + i, [&] {
        return linear(rewriter, loc, spread, 1,
                      outputPadding[i] + reach - pads[i] - pads[spatial + i]);
      }));
    }
    Value spreadInput;
    if (llvm::all_of(strides, [](int64_t s) { return s == 1; })) {
      spreadInput = padSpatial(rewriter, loc, input, low, high, 0.0);
    } else {
      Value zeros = filled(rewriter, loc, spreadSizes, elementType, 0.0);
      SmallVector<OpFoldResult> steps = {rewriter.getIndexAttr(1),
                                         rewriter.getIndexAttr(1)};
      llvm::append_range(steps, indexAttrs(rewriter, strides));
      spreadInput = tensor::InsertSliceOp::create(rewriter, loc, input, zeros,
                                                  offsets, inputSizes, steps);
    }

    ConvWindow window{SmallVector<int64_t>(spatial, 1),
                      llvm::to_vector(dilations), groups};
    Value result = buildConv(rewriter, loc, spreadInput, convWeight,
                             adaptor.getBias(), window, fullSpatial);
    if (crop) {
      SmallVector<OpFoldResult> sizes = {
          tensor::getMixedSize(rewriter, loc, result, 0),
          tensor::getMixedSize(rewriter, loc, result, 1)};
      llvm::append_range(sizes, outSpatial);
      SmallVector<OpFoldResult> ones(sizes.size(), rewriter.getIndexAttr(1));
      result = tensor::ExtractSliceOp::create(rewriter, loc, result,
                                              cropOffsets, sizes, ones);
    }
    rewriter.replaceOp(op, castTo(rewriter, loc, result, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// pool
//===----------------------------------------------------------------------===//

/// Max or sum of windows of the already padded `input` [N, C, D...] into
/// `init` [N, C, OD...].
Value buildPooling(OpBuilder &b, Location loc, Value input, Value init,
                   bool isMax, ArrayRef<int64_t> kernel,
                   ArrayRef<int64_t> strides, ArrayRef<int64_t> dilations) {
  int64_t spatial = kernel.size();
  Type elementType = cast<RankedTensorType>(init.getType()).getElementType();
  if (spatial <= 2) {
    Value window = tensor::EmptyOp::create(b, loc, kernel, elementType);
    Type type = init.getType();
    TypeRange types(type);
    SmallVector<Value> inputs = {input, window};
    SmallVector<Value> outputs = {init};
    Attribute strideAttr = b.getI64TensorAttr(strides);
    Attribute dilationAttr = b.getI64TensorAttr(dilations);
    Operation *pool;
    if (spatial == 1 && isMax)
      pool = linalg::PoolingNcwMaxOp::create(b, loc, types, inputs, outputs,
                                             strideAttr, dilationAttr);
    else if (spatial == 1)
      pool = linalg::PoolingNcwSumOp::create(b, loc, types, inputs, outputs,
                                             strideAttr, dilationAttr);
    else if (isMax)
      pool = linalg::PoolingNchwMaxOp::create(b, loc, types, inputs, outputs,
                                              strideAttr, dilationAttr);
    else
      pool = linalg::PoolingNchwSumOp::create(b, loc, types, inputs, outputs,
                                              strideAttr, dilationAttr);
    return pool->getResult(0);
  }
  // Channels-first 3-D (and higher) pooling has no named op. As in the
  // named ops, an empty window-shaped operand gives the window loops their
  // bounds.
  MLIRContext *context = b.getContext();
  unsigned loops = 2 + 2 * spatial;
  SmallVector<AffineExpr> inputExprs = {getAffineDimExpr(0, context),
                                        getAffineDimExpr(1, context)};
  SmallVector<AffineExpr> outputExprs = inputExprs;
  SmallVector<AffineExpr> windowExprs;
  for (int64_t i = 0; i < spatial; ++i) {
    inputExprs.push_back(windowExpr(context, 2 + i, 2 + spatial + i,
                                    strides[i], dilations[i]));
    windowExprs.push_back(getAffineDimExpr(2 + spatial + i, context));
    outputExprs.push_back(getAffineDimExpr(2 + i, context));
  }
  Value window = tensor::EmptyOp::create(b, loc, kernel, elementType);
  SmallVector<AffineMap> maps = {AffineMap::get(loops, 0, inputExprs, context),
                                 AffineMap::get(loops, 0, windowExprs, context),
                                 AffineMap::get(loops, 0, outputExprs, context)};
  SmallVector<utils::IteratorType> iterators(2 + spatial,
                                             utils::IteratorType::parallel);
  iterators.append(spatial, utils::IteratorType::reduction);
  return linalg::GenericOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{input, window},
             ValueRange{init}, maps, iterators,
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value combined =
                   isMax ? arith::MaximumFOp::create(nested, nestedLoc,
                                                     args[2], args[0])
                               .getResult()
                         : arith::AddFOp::create(nested, nestedLoc, args[2],
                                                 args[0])
                               .getResult();
               linalg::YieldOp::create(nested, nestedLoc, combined);
             })
      .getResult(0);
}

struct PoolLowering : OpConversionPattern<PoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(PoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertTensorType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "unsupported result type");
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    Value input = adaptor.getInput();
    Type elementType = resultType.getElementType();
    int64_t spatial = resultType.getRank() - 2;
    ArrayRef<int64_t> kernel = op.getKernel();
    ArrayRef<int64_t> strides = op.getStrides();
    ArrayRef<int64_t> dilations = op.getDilations();
    ArrayRef<int64_t> pads = op.getPads();
    bool isMax = op.getKind() == PoolKind::Max;
    bool ceilMode = op.getCeilMode();

    // ceil_mode lets the last windows run past the padded input: they see
    // `extra` more padding that never counts as an element.
    SmallVector<OpFoldResult> inputSizes = tensorSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> outSizes = {inputSizes[0], inputSizes[1]};
    SmallVector<OpFoldResult> low, high, extra;
    for (int64_t i = 0; i < spatial; ++i) {
      OpFoldResult out = staticOr(rewriter, resultType, 2 + i, [&] {
        return slidingOutputSize(rewriter, loc, inputSizes[2 + i],
                                rewriter.getIndexAttr(kernel[i]), strides[i],
                                pads[i], pads[spatial + i], dilations[i],
                                ceilMode);
      });
      outSizes.push_back(out);
      // extra = max(0, stride * (out - 1) + dilation * (K - 1) + 1
      //                 - (input + pads))
      OpFoldResult reach =
          linear(rewriter, loc, out, strides[i],
                 dilations[i] * (kernel[i] - 1) + 1 - strides[i] - pads[i] -
                     pads[spatial + i]);
      OpFoldResult over = rewriter.getIndexAttr(0);
      if (ceilMode)
        over = maxWithZero(rewriter, loc,
                           subtract(rewriter, loc, reach, inputSizes[2 + i]));
      extra.push_back(over);
      low.push_back(rewriter.getIndexAttr(pads[i]));
      high.push_back(linear(rewriter, loc, over, 1, pads[spatial + i]));
    }

    double lowest = isMax ? -std::numeric_limits<double>::infinity() : 0.0;
    Value padded = padSpatial(rewriter, loc, input, low, high, lowest);
    Value init = filled(rewriter, loc, outSizes, elementType, lowest);
    Value pooled = buildPooling(rewriter, loc, padded, init, isMax, kernel,
                                strides, dilations);
    if (isMax) {
      rewriter.replaceOp(op, castTo(rewriter, loc, pooled, resultType));
      return success();
    }

    // The divisor: the window size when every window covers only counted
    // positions, else a [1, 1, OD...] count of them, pooled from ones.
    bool countPads = op.getCountIncludePad();
    bool noExtra = llvm::all_of(extra, isZero);
    bool noPads = llvm::all_of(pads, [](int64_t pad) { return pad == 0; });
    RankedTensorType pooledType = cast<RankedTensorType>(pooled.getType());
    Value average;
    if (noExtra && (countPads || noPads)) {
      int64_t size = 1;
      for (int64_t k : kernel)
        size *= k;
      Value divisor =
          scalarConstant(rewriter, loc, elementType, static_cast<double>(size));
      average = buildElementwise(
          rewriter, loc, pooledType, pooled,
          [&](OpBuilder &b, Location nestedLoc, ValueRange x) -> Value {
            return arith::DivFOp::create(b, nestedLoc, x[0], divisor);
          });
    } else {
      SmallVector<OpFoldResult> onesSizes = {rewriter.getIndexAttr(1),
                                             rewriter.getIndexAttr(1)};
      llvm::append_range(onesSizes, ArrayRef(inputSizes).drop_front(2));
      Value ones = filled(rewriter, loc, onesSizes, elementType, 1.0);
      Value counted;
      if (countPads) {
        counted = padSpatial(rewriter, loc, ones, low,
                             indexAttrs(rewriter, pads.drop_front(spatial)),
                             1.0);
        SmallVector<OpFoldResult> none(spatial, rewriter.getIndexAttr(0));
        counted = padSpatial(rewriter, loc, counted, none, extra, 0.0);
      } else {
        counted = padSpatial(rewriter, loc, ones, low, high, 0.0);
      }
      SmallVector<OpFoldResult> countSizes = {rewriter.getIndexAttr(1),
                                              rewriter.getIndexAttr(1)};
      llvm::append_range(countSizes, ArrayRef(outSizes).drop_front(2));
      Value countInit = filled(rewriter, loc, countSizes, elementType, 0.0);
      Value count = buildPooling(rewriter, loc, counted, countInit,
                                 /*isMax=*/false, kernel, strides, dilations);
      int64_t rank = pooledType.getRank();
      SmallVector<AffineExpr> countExprs(2, getAffineConstantExpr(0, context));
      for (int64_t i = 0; i < spatial; ++i)
        countExprs.push_back(getAffineDimExpr(2 + i, context));
      AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
      SmallVector<AffineMap> maps = {
          identity, AffineMap::get(rank, 0, countExprs, context), identity};
      average =
          linalg::GenericOp::create(
              rewriter, loc, TypeRange{pooledType}, ValueRange{pooled, count},
              ValueRange{emptyOf(rewriter, loc, outSizes, elementType)}, maps,
              SmallVector<utils::IteratorType>(rank,
                                               utils::IteratorType::parallel),
              [](OpBuilder &b, Location nestedLoc, ValueRange args) {
                Value quotient =
                    arith::DivFOp::create(b, nestedLoc, args[0], args[1]);
                linalg::YieldOp::create(b, nestedLoc, quotient);
              })
              .getResult(0);
    }
    rewriter.replaceOp(op, castTo(rewriter, loc, average, resultType));
    return success();
  }
};

} // namespace

void mlir::dfg::populateLinalgOpsToLinalgPatterns(const TypeConverter &converter,
                                                  RewritePatternSet &patterns) {
  patterns.add<MatmulLowering, ConvLowering, ConvTransposeLowering,
               PoolLowering>(converter, patterns.getContext());
}
