//===- ConvToContraction.cpp - NCHW convolution as a contraction ----------===//
//
// conv_2d_nchw_fchw as out[n, f, p] += W[f, k] * col[n, k, p] with
// k = (c, kh, kw) and p = (oh, ow): the filter is already [F, C*KH*KW] after
// a collapse, and `col` is
//   * the input itself, collapsed to [N, C, H*W], for a 1x1 unit-stride
//     convolution (no copy at all), or
//   * an im2col tensor [N, C, KH, KW, OH, OW] filled by one strided copy
//     per filter tap: a `linalg.copy` of a [N, C, OH, OW] window in an
//     scf.for nest over (kh, kw).
// Upstream's rewriteInIm2Col fills the same tensor with one generic whose
// input map recomputes (c, kh, kw, oh, ow) from the flattened indices with
// divisions per element; the per-tap copy is a plain strided copy.
//
//===----------------------------------------------------------------------===//

#include "Utils.h"

#include "dfg/Transforms/Codegen/CodegenAttr.h"
#include "dfg/Transforms/Codegen/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGCONVTOCONTRACTIONPASS
#include "dfg/Transforms/Codegen/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

/// The (static) values of a 2-element i64 attribute such as strides.
static SmallVector<int64_t> getPair(DenseIntElementsAttr attr) {
  return llvm::to_vector(
      llvm::map_range(attr.getValues<int64_t>(), [](int64_t v) { return v; }));
}

/// The convolution's init [N, F, OH, OW] as [N, F, OH*OW]. A fill or a
/// broadcast of a bias over (n, oh, ow) used only here is rebuilt in the
/// collapsed shape rather than collapsed, so that it stays the direct
/// producer of the contraction's init and can be fused into its tiles.
/// `pixels` is OH*OW (a value when either is known only at run time).
static Value collapseInit(RewriterBase &rewriter, Location loc, Value init,
                          OpFoldResult pixels) {
  SmallVector<ReassociationIndices> reassociation = {{0}, {1}, {2, 3}};
  auto type = cast<RankedTensorType>(init.getType());
  Operation *producer = init.getDefiningOp();
  if (producer && init.hasOneUse() &&
      isa<linalg::FillOp, linalg::BroadcastOp>(producer)) {
    Value producerInit =
        cast<DestinationStyleOpInterface>(producer).getDpsInitOperand(0)->get();
    auto bcast = dyn_cast<linalg::BroadcastOp>(producer);
    if (producerInit.getDefiningOp<tensor::EmptyOp>() &&
        (!bcast || ArrayRef<int64_t>(bcast.getDimensions()) ==
                       ArrayRef<int64_t>{0, 2, 3})) {
      SmallVector<OpFoldResult> sizes = {
          tensor::getMixedSize(rewriter, loc, producerInit, 0),
          rewriter.getIndexAttr(type.getDimSize(1)), pixels};
      Value empty =
          tensor::EmptyOp::create(rewriter, loc, sizes, type.getElementType());
      if (auto fill = dyn_cast<linalg::FillOp>(producer))
        return linalg::FillOp::create(rewriter, loc, fill.getInputs().front(),
                                      empty)
            .getResult(0);
      return linalg::BroadcastOp::create(rewriter, loc, bcast.getInput(), empty,
                                         ArrayRef<int64_t>{0, 2})
          ->getResult(0);
    }
  }
  return tensor::CollapseShapeOp::create(rewriter, loc, init, reassociation);
}

/// A tensor of the same shape as `value` that is not `value` itself when
/// `value` is computed in place into one (the init of a fill or bias
/// broadcast): its sizes are read from there, so that `value` keeps the one
/// use collapseInit looks for.
static Value getShapeSource(Value value) {
  while (auto producer = value.getDefiningOp<DestinationStyleOpInterface>()) {
    if (!producer.hasPureTensorSemantics())
      break;
    value = producer.getTiedOpOperand(cast<OpResult>(value))->get();
  }
  return value;
}

/// Whether dimension `dim` of `a` and of `b` are the same, statically or
/// provably at run time (e.g. both read from the same `tensor.dim`).
static bool haveEqualDim(Value a, Value b, int64_t dim) {
  FailureOr<bool> equal = ValueBoundsConstraintSet::areEqual(
      ValueBoundsConstraintSet::Variable(a, dim),
      ValueBoundsConstraintSet::Variable(b, dim));
  return succeeded(equal) && *equal;
}

FailureOr<linalg::LinalgOp> mlir::dfg::rewriteConvAsContraction(
    RewriterBase &rewriter, linalg::Conv2DNchwFchwOp conv, bool allowIm2Col,
    SmallVectorImpl<linalg::LinalgOp> *copies) {
  if (!conv.hasPureTensorSemantics())
    return rewriter.notifyMatchFailure(conv, "expected tensor semantics");
  Value input = conv.getInputs()[0], filter = conv.getInputs()[1];
  Value init = conv.getOutputs()[0];
  auto inputType = cast<RankedTensorType>(input.getType());
  auto filterType = cast<RankedTensorType>(filter.getType());
  auto outType = cast<RankedTensorType>(init.getType());
  if (!inputType.getElementType().isF32() ||
      !filterType.getElementType().isF32() || !outType.getElementType().isF32())
    return rewriter.notifyMatchFailure(conv, "expected f32");
  // The filter fixes the contraction's k = C*KH*KW and its m = F; the batch
  // and the image sizes (H, W, OH, OW) may be known only at run time.
  if (!filterType.hasStaticShape() || inputType.isDynamicDim(1))
    return rewriter.notifyMatchFailure(conv, "expected a static filter and C");

  SmallVector<int64_t> strides = getPair(conv.getStrides());
  SmallVector<int64_t> dilations = getPair(conv.getDilations());
  int64_t f = filterType.getDimSize(0), c = filterType.getDimSize(1),
          kh = filterType.getDimSize(2), kw = filterType.getDimSize(3);
  // A 1x1 unit-stride convolution whose output covers its whole input
  // (always, unless the init was made smaller than the image) reads the
  // input as its columns.
  bool isPointwise = kh == 1 && kw == 1 && strides[0] == 1 && strides[1] == 1 &&
                     haveEqualDim(input, init, 2) &&
                     haveEqualDim(input, init, 3);
  if (!isPointwise && !allowIm2Col)
    return rewriter.notifyMatchFailure(conv, "needs im2col, which is off");
  Location loc = conv.getLoc();
  rewriter.setInsertionPoint(conv);

  OpFoldResult batch = tensor::getMixedSize(rewriter, loc, input, 0);
  Value outShapeSource = getShapeSource(init);
  OpFoldResult oh = tensor::getMixedSize(rewriter, loc, outShapeSource, 2);
  OpFoldResult ow = tensor::getMixedSize(rewriter, loc, outShapeSource, 3);
  AffineExpr s0, s1;
  bindSymbols(rewriter.getContext(), s0, s1);
  OpFoldResult pixels =
      affine::makeComposedFoldedAffineApply(rewriter, loc, s0 * s1, {oh, ow});

  Value filter2 = tensor::CollapseShapeOp::create(
      rewriter, loc, filter, SmallVector<ReassociationIndices>{{0}, {1, 2, 3}});
  Value out2 = collapseInit(rewriter, loc, init, pixels);

  Value col;
  if (isPointwise) {
    col = tensor::CollapseShapeOp::create(
        rewriter, loc, input,
        SmallVector<ReassociationIndices>{{0}, {1}, {2, 3}});
  } else {
    Type f32 = rewriter.getF32Type();
    OpFoldResult zero = rewriter.getIndexAttr(0),
                 one = rewriter.getIndexAttr(1);
    OpFoldResult channels = rewriter.getIndexAttr(c);
    SmallVector<OpFoldResult> colSizes = {
        batch, channels, rewriter.getIndexAttr(kh), rewriter.getIndexAttr(kw),
        oh,    ow};
    Value colTensor = tensor::EmptyOp::create(rewriter, loc, colSizes, f32);
    // The copy of tap (i, j) into `dest`: the input window of rows
    // i*dh + oh*sh, columns j*dw + ow*sw. Result types are inferred from the
    // sizes, so run-time sizes give `?` dimensions.
    auto copyTap = [&](OpBuilder &b, Location loc, OpFoldResult i,
                       OpFoldResult j, OpFoldResult rowOffset,
                       OpFoldResult colOffset, Value dest) -> Value {
      Value window = tensor::ExtractSliceOp::create(
          b, loc, input,
          ArrayRef<OpFoldResult>{zero, zero, rowOffset, colOffset},
          ArrayRef<OpFoldResult>{batch, channels, oh, ow},
          ArrayRef<OpFoldResult>{one, one, b.getIndexAttr(strides[0]),
                                 b.getIndexAttr(strides[1])});
      SmallVector<OpFoldResult> dstOffsets = {zero, zero, i, j, zero, zero};
      SmallVector<OpFoldResult> dstSizes = {batch, channels, one, one, oh, ow};
      SmallVector<OpFoldResult> dstStrides(6, one);
      Value dst = tensor::ExtractSliceOp::create(
          b, loc, cast<RankedTensorType>(window.getType()), dest, dstOffsets,
          dstSizes, dstStrides);
      auto copy = linalg::CopyOp::create(b, loc, window, dst);
      if (copies)
        copies->push_back(cast<linalg::LinalgOp>(copy.getOperation()));
      return tensor::InsertSliceOp::create(b, loc, copy.getResult(0), dest,
                                           dstOffsets, dstSizes, dstStrides);
    };
    if (kh * kw == 1) {
      colTensor = copyTap(rewriter, loc, zero, zero, zero, zero, colTensor);
    } else {
      // One copy in a loop nest over the taps (i, j), not KH*KW copies: the
      // copy's tile loops are emitted once per convolution, which keeps the
      // IR, and LLVM's time on it, small.
      Value c0 = arith::ConstantIndexOp::create(rewriter, loc, 0);
      Value c1 = arith::ConstantIndexOp::create(rewriter, loc, 1);
      auto tapOffset = [&](OpBuilder &b, Location loc, Value tap,
                           int64_t dilation) -> OpFoldResult {
        if (dilation == 1)
          return tap;
        return arith::MulIOp::create(
                   b, loc, tap,
                   arith::ConstantIndexOp::create(b, loc, dilation))
            .getResult();
      };
      auto rows = scf::ForOp::create(
          rewriter, loc, c0, arith::ConstantIndexOp::create(rewriter, loc, kh),
          c1, ValueRange{colTensor},
          [&](OpBuilder &b, Location loc, Value i, ValueRange rowArgs) {
            auto cols = scf::ForOp::create(
                b, loc, c0, arith::ConstantIndexOp::create(b, loc, kw), c1,
                rowArgs,
                [&](OpBuilder &b, Location loc, Value j, ValueRange colArgs) {
                  Value inserted = copyTap(
                      b, loc, i, j, tapOffset(b, loc, i, dilations[0]),
                      tapOffset(b, loc, j, dilations[1]), colArgs.front());
                  scf::YieldOp::create(b, loc, inserted);
                });
            scf::YieldOp::create(b, loc, cols.getResults());
          });
      colTensor = rows.getResult(0);
    }
    col = tensor::CollapseShapeOp::create(
        rewriter, loc, colTensor,
        SmallVector<ReassociationIndices>{{0}, {1, 2, 3}, {4, 5}});
  }

  // (n, f, p, k): out[n, f, p] += W[f, k] * col[n, k, p], a batch_matmul
  // whose left operand is broadcast over the batch. A named op (rather than
  // a generic) vectorizes straight to vector.contract.
  MLIRContext *ctx = rewriter.getContext();
  AffineExpr n, fe, p, k;
  bindDims(ctx, n, fe, p, k);
  SmallVector<Attribute> maps = {
      AffineMapAttr::get(AffineMap::get(4, 0, {fe, k}, ctx)),
      AffineMapAttr::get(AffineMap::get(4, 0, {n, k, p}, ctx)),
      AffineMapAttr::get(AffineMap::get(4, 0, {n, fe, p}, ctx))};
  auto contraction = linalg::BatchMatmulOp::create(
      rewriter, loc, TypeRange{out2.getType()}, ValueRange{filter2, col},
      ValueRange{out2},
      {rewriter.getNamedAttr("indexing_maps", rewriter.getArrayAttr(maps))});

  SmallVector<OpFoldResult> outShape = {
      tensor::getMixedSize(rewriter, loc, outShapeSource, 0),
      rewriter.getIndexAttr(f), oh, ow};
  Value result = tensor::ExpandShapeOp::create(
      rewriter, loc, outType, contraction.getResult(0),
      SmallVector<ReassociationIndices>{{0}, {1}, {2, 3}}, outShape);
  rewriter.replaceOp(conv, result);
  return cast<linalg::LinalgOp>(contraction.getOperation());
}

namespace {
struct ConvToContractionPass
    : public dfg::impl::DFGConvToContractionPassBase<ConvToContractionPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (copyTile <= 0) {
      func.emitError() << "dfg-conv-to-contraction: copy-tile must be "
                          "positive, got "
                       << copyTile.getValue();
      return signalPassFailure();
    }
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::Conv2DNchwFchwOp> convs;
    func.walk([&](linalg::Conv2DNchwFchwOp op) {
      if (op.hasPureTensorSemantics())
        convs.push_back(op);
    });
    // A convolution's own choice (dfg.codegen) wins over the option; all
    // are checked before any is rewritten.
    SmallVector<bool> allowIm2Col;
    for (linalg::Conv2DNchwFchwOp conv : convs) {
      FailureOr<CodegenOverrides> overrides =
          getCodegenOverrides(conv, getArgument());
      if (failed(overrides))
        return signalPassFailure();
      allowIm2Col.push_back(overrides->im2col.value_or(im2col));
    }
    for (auto [conv, allow] : llvm::zip(convs, allowIm2Col)) {
      // Strided rows would be read element by element into vectors, slower
      // than the scalar loops LLVM makes of them: their copies stay loops.
      bool unitStride = codegen::hasUnitStrides(conv);
      // Leaves convolutions it does not take (dynamic channels or filter
      // sizes) as they are: slower, still correct.
      SmallVector<linalg::LinalgOp> copies;
      Attribute choice = conv->getAttr(kCodegenAttr);
      FailureOr<linalg::LinalgOp> contraction =
          rewriteConvAsContraction(rewriter, conv, allow, &copies);
      if (failed(contraction))
        continue;
      // The contraction inherits the choice: its tile sizes and packing
      // are dfg-tile-contractions' to apply.
      if (choice)
        (*contraction)->setAttr(kCodegenAttr, choice);
      if (!unitStride)
        continue;
      for (linalg::LinalgOp copy : copies)
        (void)tileInnermostForVectorization(rewriter, copy, copyTile);
    }
  }
};
} // namespace
