//===- WriteInPlace.cpp - pads and concats written in place ---------------===//
//
// Pads bufferize to a memref.copy into a strided view, which lowers to a
// generic runtime call copying element by element; a linalg.copy becomes a
// loop nest with contiguous rows. Producers that compute into a fresh
// tensor only to be padded or concatenated compute into the final tensor
// instead.
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Codegen/Passes.h"

#include "mlir/IR/Dominance.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGWRITEINPLACEPASS
#include "dfg/Transforms/Codegen/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

/// The linalg op that computes `value` (its one result) into a
/// `tensor.empty` init without reading it, when `value` has one use: it may
/// as well compute into a slice of a larger tensor.
static linalg::LinalgOp getProducerIntoEmpty(Value value) {
  auto producer = value.getDefiningOp<linalg::LinalgOp>();
  if (!producer || !value.hasOneUse() || producer->getNumResults() != 1 ||
      !producer.hasPureTensorSemantics() || producer.getNumDpsInits() != 1)
    return {};
  Value init = producer.getDpsInitOperand(0)->get();
  if (!init.getDefiningOp<tensor::EmptyOp>() ||
      init.getType() != value.getType())
    return {};
  // The body must not read the init: its contents are undefined.
  if (producer.payloadUsesValueFromOperand(producer.getDpsInitOperand(0)))
    return {};
  return producer;
}

/// The linalg op that produces `source` into a `tensor.empty` init, when
/// the pad is its only user: it can write straight into the interior of the
/// padded tensor. Low and high pads must be static (they position the
/// interior, which has to exist before the producer runs).
static linalg::LinalgOp getProducerIntoEmpty(tensor::PadOp pad) {
  linalg::LinalgOp producer = getProducerIntoEmpty(pad.getSource());
  if (!producer)
    return {};
  for (OpFoldResult ofr :
       llvm::concat<OpFoldResult>(pad.getMixedLowPad(), pad.getMixedHighPad()))
    if (!getConstantIntValue(ofr))
      return {};
  return producer;
}

FailureOr<linalg::LinalgOp>
mlir::dfg::decomposePadAsCopy(RewriterBase &rewriter, tensor::PadOp pad) {
  Value padValue = pad.getConstantPaddingValue();
  RankedTensorType resultType = pad.getResultType();
  if (!padValue || !resultType.getElementType().isF32())
    return rewriter.notifyMatchFailure(pad, "expected a constant f32 pad");
  Location loc = pad.getLoc();
  linalg::LinalgOp producer = getProducerIntoEmpty(pad);
  // A padding value defined after the producer (it is usually a constant
  // at the top of the function) keeps the copy.
  if (producer && !DominanceInfo().properlyDominates(padValue, producer))
    producer = {};
  rewriter.setInsertionPoint(producer ? producer.getOperation()
                                      : pad.getOperation());
  // Dynamic result sizes are source + low + high (tensor.dim of the pad
  // itself would refer to the op being replaced); the source's sizes are
  // read from the producer's init when the producer is to write into the
  // padded tensor, which must then exist before it.
  SmallVector<OpFoldResult> resultSizes =
      getAsIndexOpFoldResult(rewriter.getContext(), resultType.getShape());
  SmallVector<OpFoldResult> low = pad.getMixedLowPad();
  SmallVector<OpFoldResult> high = pad.getMixedHighPad();
  SmallVector<OpFoldResult> sourceSizes = tensor::getMixedSizes(
      rewriter, loc,
      producer ? producer.getDpsInitOperand(0)->get() : pad.getSource());
  unsigned rank = resultType.getRank();
  for (unsigned d = 0; d < rank; ++d) {
    if (!resultType.isDynamicDim(d))
      continue;
    AffineExpr s0, s1, s2;
    bindSymbols(rewriter.getContext(), s0, s1, s2);
    resultSizes[d] = affine::makeComposedFoldedAffineApply(
        rewriter, loc, s0 + s1 + s2, {sourceSizes[d], low[d], high[d]});
  }
  Value padded = tensor::EmptyOp::create(rewriter, loc, resultSizes,
                                         resultType.getElementType());
  SmallVector<OpFoldResult> unitStrides(rank, rewriter.getIndexAttr(1));

  // Only the border is filled: per padded dimension, the slab below and the
  // slab above the interior (corners are filled twice). The interior is
  // written once, by the copy or by the producer.
  auto fillSlab = [&](unsigned d, OpFoldResult offset, OpFoldResult size) {
    SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
    SmallVector<OpFoldResult> sizes = resultSizes;
    offsets[d] = offset;
    sizes[d] = size;
    Value slab = tensor::ExtractSliceOp::create(rewriter, loc, padded, offsets,
                                                sizes, unitStrides);
    Value filled =
        linalg::FillOp::create(rewriter, loc, padValue, slab).getResult(0);
    padded = tensor::InsertSliceOp::create(rewriter, loc, filled, padded,
                                           offsets, sizes, unitStrides);
  };
  for (unsigned d = 0; d < rank; ++d) {
    if (!isConstantIntValue(low[d], 0))
      fillSlab(d, rewriter.getIndexAttr(0), low[d]);
    if (!isConstantIntValue(high[d], 0)) {
      AffineExpr s0, s1;
      bindSymbols(rewriter.getContext(), s0, s1);
      OpFoldResult above = affine::makeComposedFoldedAffineApply(
          rewriter, loc, s0 + s1, {low[d], sourceSizes[d]});
      fillSlab(d, above, high[d]);
    }
  }
  Value interior = tensor::ExtractSliceOp::create(
      rewriter, loc, cast<RankedTensorType>(pad.getSource().getType()), padded,
      low, sourceSizes, unitStrides);

  linalg::LinalgOp writer = producer;
  if (producer) {
    // The producer computes into the interior: no copy at all.
    rewriter.modifyOpInPlace(
        producer, [&] { producer.getDpsInitOperand(0)->set(interior); });
    rewriter.setInsertionPoint(pad);
  } else {
    writer = cast<linalg::LinalgOp>(
        linalg::CopyOp::create(rewriter, loc, pad.getSource(), interior)
            .getOperation());
  }
  Value result =
      tensor::InsertSliceOp::create(rewriter, loc, writer->getResult(0), padded,
                                    low, sourceSizes, unitStrides);
  rewriter.replaceOp(pad, result);
  return writer;
}

LogicalResult mlir::dfg::writeConcatOperandsInPlace(RewriterBase &rewriter,
                                                    tensor::ConcatOp concat) {
  RankedTensorType type = concat.getResultType();
  int64_t dim = concat.getDim();
  SmallVector<linalg::LinalgOp> producers;
  for (Value input : concat.getInputs()) {
    linalg::LinalgOp producer = getProducerIntoEmpty(input);
    if (!producer || producer->getBlock() != concat->getBlock() ||
        ShapedType::isDynamic(
            cast<RankedTensorType>(input.getType()).getDimSize(dim)))
      return rewriter.notifyMatchFailure(concat, "operand not computed here");
    producers.push_back(producer);
  }
  // Offsets along the concatenated dimension, in operand order.
  DenseMap<Operation *, int64_t> offsets;
  int64_t offset = 0;
  for (auto [producer, input] : llvm::zip(producers, concat.getInputs())) {
    offsets[producer] = offset;
    offset += cast<RankedTensorType>(input.getType()).getDimSize(dim);
  }
  // Each op computes into a slice of what the ops before it in the block
  // wrote, so that the slices chain and bufferize in place.
  SmallVector<linalg::LinalgOp> ordered = producers;
  llvm::sort(ordered, [](linalg::LinalgOp a, linalg::LinalgOp b) {
    return a->isBeforeInBlock(b);
  });
  Location loc = concat.getLoc();
  rewriter.setInsertionPoint(ordered.front());
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(
      rewriter, loc, ordered.front().getDpsInitOperand(0)->get());
  sizes[dim] = rewriter.getIndexAttr(type.getDimSize(dim));
  // The other dimensions match the operands' (dynamic ones from the first
  // op's init, which exists before every op).
  Value current =
      tensor::EmptyOp::create(rewriter, loc, sizes, type.getElementType());
  SmallVector<OpFoldResult> unitStrides(type.getRank(),
                                        rewriter.getIndexAttr(1));
  for (linalg::LinalgOp producer : ordered) {
    Value init = producer.getDpsInitOperand(0)->get();
    rewriter.setInsertionPoint(producer);
    SmallVector<OpFoldResult> sliceSizes =
        tensor::getMixedSizes(rewriter, loc, init);
    SmallVector<OpFoldResult> sliceOffsets(type.getRank(),
                                           rewriter.getIndexAttr(0));
    sliceOffsets[dim] = rewriter.getIndexAttr(offsets[producer]);
    Value slice = tensor::ExtractSliceOp::create(
        rewriter, loc, cast<RankedTensorType>(init.getType()), current,
        sliceOffsets, sliceSizes, unitStrides);
    rewriter.modifyOpInPlace(
        producer, [&] { producer.getDpsInitOperand(0)->set(slice); });
    rewriter.setInsertionPointAfter(producer);
    current = tensor::InsertSliceOp::create(
        rewriter, loc, producer->getResult(0), current, sliceOffsets,
        sliceSizes, unitStrides);
  }
  rewriter.replaceOp(concat, current);
  return success();
}

namespace {
struct WriteInPlacePass
    : public dfg::impl::DFGWriteInPlacePassBase<WriteInPlacePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    IRRewriter rewriter(&getContext());
    SmallVector<tensor::PadOp> pads;
    func.walk([&](tensor::PadOp pad) { pads.push_back(pad); });
    for (tensor::PadOp pad : pads)
      (void)decomposePadAsCopy(rewriter, pad);
    SmallVector<tensor::ConcatOp> concats;
    func.walk([&](tensor::ConcatOp concat) { concats.push_back(concat); });
    for (tensor::ConcatOp concat : concats)
      (void)writeConcatOperandsInPlace(rewriter, concat);
  }
};
} // namespace
