//===- WindowToElementwise.cpp - channelwise window ops as elementwise ----===//
//
// A depthwise convolution or a pooling in NCHW combines, for every output
// element, the KH*KW input elements of its window, one per filter tap. With
// one strided slice of the input per tap ([N, C, OH, OW], rows i*dh + oh*sh,
// columns j*dw + ow*sw), that is an elementwise op over the output:
//   out = op(...op(op(init, tap_0), tap_1)..., tap_{KH*KW-1})
// (for a depthwise convolution tap_t = window_t * w[c, t]), in the order the
// linalg op accumulates, so sums round the same way. Elementwise ops then
// vectorize along OW like any other.
//
//===----------------------------------------------------------------------===//

#include "Utils.h"

#include "dfg/Transforms/Codegen/Passes.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGWINDOWTOELEMENTWISEPASS
#include "dfg/Transforms/Codegen/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

/// Taps above this are left to the loops: every tap is an operand.
static constexpr int64_t kMaxTaps = 64;

namespace {
enum class WindowKind { Depthwise, Max, Sum };
} // namespace

static FailureOr<linalg::LinalgOp>
rewriteWindowOp(RewriterBase &rewriter, linalg::LinalgOp op, WindowKind kind,
                DenseIntElementsAttr stridesAttr,
                DenseIntElementsAttr dilationsAttr) {
  if (!op.hasPureTensorSemantics())
    return rewriter.notifyMatchFailure(op, "expected tensor semantics");
  Value input = op.getDpsInputs()[0], window = op.getDpsInputs()[1];
  Value init = op.getDpsInits()[0];
  auto inputType = cast<RankedTensorType>(input.getType());
  auto windowType = cast<RankedTensorType>(window.getType());
  auto outType = cast<RankedTensorType>(init.getType());
  if (!outType.getElementType().isF32() || !inputType.getElementType().isF32())
    return rewriter.notifyMatchFailure(op, "expected f32");
  // The filter of a depthwise convolution is [C, KH, KW], the window of a
  // pooling [KH, KW] (only its shape matters). Only the window must be
  // static (it fixes the taps); the batch, the channels and the image sizes
  // may be known only at run time.
  ArrayRef<int64_t> windowShape = windowType.getShape().take_back(2);
  if (ShapedType::isDynamicShape(windowShape))
    return rewriter.notifyMatchFailure(op, "expected a static window");
  if (kind == WindowKind::Depthwise && !windowType.getElementType().isF32())
    return rewriter.notifyMatchFailure(op, "expected an f32 filter");
  int64_t kh = windowShape[0], kw = windowShape[1];
  if (kh * kw > kMaxTaps)
    return rewriter.notifyMatchFailure(op, "window too large");
  SmallVector<int64_t> strides(stridesAttr.getValues<int64_t>());
  SmallVector<int64_t> dilations(dilationsAttr.getValues<int64_t>());

  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  SmallVector<OpFoldResult> outSizes =
      tensor::getMixedSizes(rewriter, loc, init);
  OpFoldResult zero = rewriter.getIndexAttr(0), one = rewriter.getIndexAttr(1);
  // The [C] weights of one tap of a depthwise filter [C, KH, KW].
  auto tapWeightType = RankedTensorType::get({windowType.getDimSize(0)},
                                             outType.getElementType());
  OpFoldResult weightChannels = tensor::getMixedSize(rewriter, loc, window, 0);

  SmallVector<Value> operands;
  MLIRContext *ctx = rewriter.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(4, ctx);
  AffineMap channel = AffineMap::get(4, 0, {getAffineDimExpr(1, ctx)}, ctx);
  SmallVector<AffineMap> maps;
  for (int64_t i = 0; i < kh; ++i) {
    for (int64_t j = 0; j < kw; ++j) {
      // Result types are inferred from the sizes: `?` where they are
      // known only at run time.
      operands.push_back(tensor::ExtractSliceOp::create(
          rewriter, loc, input,
          ArrayRef<OpFoldResult>{zero, zero,
                                 rewriter.getIndexAttr(i * dilations[0]),
                                 rewriter.getIndexAttr(j * dilations[1])},
          outSizes,
          ArrayRef<OpFoldResult>{one, one, rewriter.getIndexAttr(strides[0]),
                                 rewriter.getIndexAttr(strides[1])}));
      maps.push_back(identity);
      if (kind != WindowKind::Depthwise)
        continue;
      operands.push_back(tensor::ExtractSliceOp::create(
          rewriter, loc, tapWeightType, window,
          ArrayRef<OpFoldResult>{zero, rewriter.getIndexAttr(i),
                                 rewriter.getIndexAttr(j)},
          ArrayRef<OpFoldResult>{weightChannels, one, one},
          ArrayRef<OpFoldResult>{one, one, one}));
      maps.push_back(channel);
    }
  }
  maps.push_back(identity);
  SmallVector<utils::IteratorType> iterators(4, utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      rewriter, loc, TypeRange{outType}, operands, ValueRange{init}, maps,
      iterators, [&](OpBuilder &b, Location nestedLoc, ValueRange args) {
        Value acc = args.back();
        unsigned step = kind == WindowKind::Depthwise ? 2 : 1;
        for (unsigned t = 0; t + 1 < args.size(); t += step) {
          switch (kind) {
          case WindowKind::Depthwise: {
            Value mul =
                arith::MulFOp::create(b, nestedLoc, args[t], args[t + 1]);
            acc = arith::AddFOp::create(b, nestedLoc, acc, mul);
            break;
          }
          case WindowKind::Max:
            acc = arith::MaximumFOp::create(b, nestedLoc, acc, args[t]);
            break;
          case WindowKind::Sum:
            acc = arith::AddFOp::create(b, nestedLoc, acc, args[t]);
            break;
          }
        }
        linalg::YieldOp::create(b, nestedLoc, acc);
      });
  rewriter.replaceOp(op, generic.getResults());
  return cast<linalg::LinalgOp>(generic.getOperation());
}

FailureOr<linalg::LinalgOp>
mlir::dfg::rewriteWindowOpAsElementwise(RewriterBase &rewriter,
                                        linalg::LinalgOp op) {
  if (auto dw = dyn_cast<linalg::DepthwiseConv2DNchwChwOp>(op.getOperation()))
    return rewriteWindowOp(rewriter, op, WindowKind::Depthwise, dw.getStrides(),
                           dw.getDilations());
  if (auto max = dyn_cast<linalg::PoolingNchwMaxOp>(op.getOperation()))
    return rewriteWindowOp(rewriter, op, WindowKind::Max, max.getStrides(),
                           max.getDilations());
  if (auto sum = dyn_cast<linalg::PoolingNchwSumOp>(op.getOperation()))
    return rewriteWindowOp(rewriter, op, WindowKind::Sum, sum.getStrides(),
                           sum.getDilations());
  return rewriter.notifyMatchFailure(op, "not an NCHW depthwise conv/pooling");
}

namespace {
struct WindowToElementwisePass
    : public dfg::impl::DFGWindowToElementwisePassBase<
          WindowToElementwisePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (vectorTile <= 0) {
      func.emitError() << "dfg-window-to-elementwise: vector-tile must be "
                          "positive, got "
                       << vectorTile.getValue();
      return signalPassFailure();
    }
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::LinalgOp> windows;
    func.walk([&](linalg::LinalgOp op) {
      if (isa<linalg::DepthwiseConv2DNchwChwOp, linalg::PoolingNchwMaxOp,
              linalg::PoolingNchwSumOp>(op.getOperation()))
        windows.push_back(op);
    });
    for (linalg::LinalgOp op : windows) {
      bool unitStride = codegen::hasUnitStrides(op);
      FailureOr<linalg::LinalgOp> elementwise =
          rewriteWindowOpAsElementwise(rewriter, op);
      // Strided windows: left to LLVM's loop vectorizer (see the copies of
      // dfg-conv-to-contraction).
      if (succeeded(elementwise) && unitStride)
        (void)tileInnermostForVectorization(rewriter, *elementwise, vectorTile);
    }
  }
};
} // namespace
