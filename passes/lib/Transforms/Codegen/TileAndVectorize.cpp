//===- TileAndVectorize.cpp - register tiling and vectorization -----------===//
//
// CPU code generation for the heavy linalg ops, on tensors before
// bufferization. A contraction becomes a loop nest over register tiles of
// the output, each tile a vector.contract per reduction step whose
// accumulator stays in vector registers across the reduction loop; the
// contract then lowers to broadcasts and FMAs. Convolutions reach the same
// code through im2col.
//
// Non-divisible and dynamic trip counts are handled by peeling, never by
// assuming divisibility: the main loop runs full tiles with static shapes
// (vectorized without masks) and the remainder runs one partial tile with
// masked vectors.
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Codegen/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorTransforms.h"
#include "mlir/IR/Dominance.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGTILEANDVECTORIZEPASS
#include "dfg/Transforms/Codegen/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

/// Marks a tiled op with the vector sizes it is to be vectorized with. The
/// mark survives peeling (which clones loop bodies) and canonicalization
/// (which may recreate the op with static types), so that vectorization can
/// run once over whatever copies exist.
static constexpr StringLiteral kVectorSizesAttr = "dfg.vector_sizes";

/// Marks the register tile of a contraction while its loops are peeled.
static constexpr StringLiteral kRegisterTileAttr = "dfg.register_tile";

/// The dimensions of `op` if it is an f32 matmul or batch_matmul (any
/// indexing maps: transposed or broadcast operands) with one reduction
/// dimension: the m and n dims the register tile covers and, as `batch`,
/// every other parallel dimension (tiled by 1).
static FailureOr<linalg::ContractionDimensions>
getTileableContraction(linalg::LinalgOp op) {
  // Named contractions only: they vectorize straight to vector.contract,
  // generics to a multi_reduction that canonicalization breaks up.
  if (!op.hasPureTensorSemantics() ||
      !isa<linalg::MatmulOp, linalg::BatchMatmulOp>(op.getOperation()) ||
      !linalg::isaContractionOpInterface(op))
    return failure();
  for (Type type : op->getOperandTypes())
    if (!getElementTypeOrSelf(type).isF32())
      return failure();
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || dims->m.empty() || dims->n.empty() || dims->k.size() != 1)
    return failure();
  // Of several m (or n) dims, the register tile covers the innermost; the
  // others are tiled by 1 like batch dims.
  auto innermost = [&](ArrayRef<unsigned> candidates) {
    unsigned best = candidates.front();
    for (unsigned d : candidates)
      if (d > best)
        best = d;
    return best;
  };
  linalg::ContractionDimensions result;
  result.batch = dims->batch;
  unsigned m = innermost(dims->m), n = innermost(dims->n);
  for (unsigned d : dims->m)
    if (d != m)
      result.batch.push_back(d);
  for (unsigned d : dims->n)
    if (d != n)
      result.batch.push_back(d);
  llvm::sort(result.batch);
  result.m = {m};
  result.n = {n};
  result.k = dims->k;
  return result;
}

/// Peels every scf.for in `loops` whose step may not divide its trip count,
/// innermost first so that the partial iterations of outer loops contain
/// already-peeled inner loops.
static void peelLoops(RewriterBase &rewriter,
                      ArrayRef<LoopLikeOpInterface> loops) {
  for (LoopLikeOpInterface loop : llvm::reverse(loops)) {
    auto forOp = dyn_cast<scf::ForOp>(loop.getOperation());
    if (!forOp)
      continue;
    scf::ForOp partial;
    // Fails (and changes nothing) when the step divides the trip count.
    (void)scf::peelForLoopAndSimplifyBounds(rewriter, forOp, partial);
  }
}

/// Marks the copies that pack a panel of a contraction's right-hand side.
static constexpr StringLiteral kPackAttr = "dfg.pack";

/// Fuses the producer of a register tile's accumulator, a fill (zero) or a
/// broadcast (a bias), into the tile loops: each tile then starts from a
/// vector built in registers instead of reading back a whole output that a
/// separate pass wrote (the write of that pass and the read of each tile
/// both go away). The fused op is marked to be vectorized like the tile.
static void fuseInitProducer(RewriterBase &rewriter, linalg::LinalgOp tileOp,
                             MutableArrayRef<LoopLikeOpInterface> loops,
                             unsigned mDim, unsigned nDim,
                             const ContractionTileSizes &tile) {
  if (loops.empty() || tileOp.getNumDpsInits() != 1)
    return;
  OpOperand *init = tileOp.getDpsInitOperand(0);
  auto slice = init->get().getDefiningOp<tensor::ExtractSliceOp>();
  if (!slice)
    return;
  // The producer is the init of the outermost loop's iter_arg.
  Value source = slice.getSource();
  for (LoopLikeOpInterface loop : llvm::reverse(loops)) {
    auto arg = dyn_cast<BlockArgument>(source);
    if (!arg || arg.getOwner()->getParentOp() != loop.getOperation())
      return;
    source = loop.getTiedLoopInit(arg)->get();
  }
  Operation *producer = source.getDefiningOp();
  // Besides the loop, only size queries (from tiling) may use it.
  if (!isa_and_present<linalg::FillOp, linalg::BroadcastOp>(producer) ||
      llvm::count_if(producer->getUsers(), [](Operation *user) {
        return !isa<tensor::DimOp>(user);
      }) != 1)
    return;
  std::optional<scf::SCFFuseProducerOfSliceResult> fused =
      scf::tileAndFuseProducerOfSlice(rewriter, slice, loops);
  if (!fused)
    return;
  AffineMap initMap = tileOp.getMatchingIndexingMap(init);
  SmallVector<int64_t> vectorSizes;
  for (unsigned i = 0, e = initMap.getNumResults(); i < e; ++i) {
    unsigned d = initMap.getDimPosition(i);
    vectorSizes.push_back(d == mDim ? tile.m : d == nDim ? tile.n : 1);
  }
  for (Operation *op : fused->tiledOps)
    if (isa<linalg::FillOp, linalg::BroadcastOp>(op))
      op->setAttr(kVectorSizesAttr, rewriter.getDenseI64ArrayAttr(vectorSizes));
}

/// The extent of loop `dim` of `op`, if it is a constant: read from the
/// operand slices, since the types of freshly tiled and peeled ops are
/// still dynamic.
static std::optional<int64_t> getConstantLoopExtent(linalg::LinalgOp op,
                                                    unsigned dim) {
  AffineExpr expr = getAffineDimExpr(dim, op.getContext());
  for (OpOperand &operand : op->getOpOperands()) {
    if (!isa<RankedTensorType>(operand.get().getType()))
      continue;
    std::optional<unsigned> pos =
        op.getMatchingIndexingMap(&operand).getResultPosition(expr);
    if (!pos)
      continue;
    FailureOr<int64_t> extent = ValueBoundsConstraintSet::computeConstantBound(
        presburger::BoundType::EQ,
        ValueBoundsConstraintSet::Variable(operand.get(), *pos));
    if (succeeded(extent))
      return *extent;
  }
  return std::nullopt;
}

/// Copies the k x n panel of the right-hand side that a full-width register
/// tile reads into a contiguous buffer, once per column of tiles (in front
/// of the m loop around the tile, shared by the tiles of the loops after it
/// in the same column: `packs` remembers them per block), when the rows of
/// the right-hand side are not a whole number of vectors: each vector of a
/// panel row then straddles two cache lines (e.g. 13x13 = 169 pixels per
/// row), and a 6x16 kernel over such rows runs at about 70% of its speed
/// over aligned ones.
static void
packRhsPanel(RewriterBase &rewriter, linalg::LinalgOp tileOp, unsigned mDim,
             unsigned nDim, int64_t width,
             DenseMap<Block *, SmallVector<std::pair<Operation *, Value>>>
                 &packs) {
  MLIRContext *ctx = rewriter.getContext();
  OpOperand *rhs = nullptr;
  for (OpOperand *input : tileOp.getDpsInputOperands()) {
    AffineMap map = tileOp.getMatchingIndexingMap(input);
    if (!map.getResultPosition(getAffineDimExpr(mDim, ctx)) &&
        map.getResultPosition(getAffineDimExpr(nDim, ctx)) ==
            map.getNumResults() - 1)
      rhs = input;
  }
  auto loop = tileOp->getParentOfType<scf::ForOp>();
  if (!rhs || !loop || getConstantLoopExtent(tileOp, nDim) != width)
    return;
  auto slice = rhs->get().getDefiningOp<tensor::ExtractSliceOp>();
  if (!slice || !slice.hasUnitStride() ||
      !loop.isDefinedOutsideOfLoop(slice.getSource()))
    return;
  int64_t rowLength = slice.getSourceType().getShape().back();
  if (ShapedType::isDynamic(rowLength) || rowLength % width == 0)
    return;

  // A static slice of the panel, its offsets taken from outside the loop.
  SmallVector<OpFoldResult> offsets, sizes;
  SmallVector<int64_t> shape;
  for (auto [i, offset] : llvm::enumerate(slice.getMixedOffsets())) {
    if (auto value = dyn_cast<Value>(offset);
        value && !loop.isDefinedOutsideOfLoop(value)) {
      std::optional<int64_t> constant = getConstantIntValue(value);
      if (!constant)
        return;
      offset = rewriter.getIndexAttr(*constant);
    }
    offsets.push_back(offset);
    FailureOr<int64_t> size = ValueBoundsConstraintSet::computeConstantBound(
        presburger::BoundType::EQ,
        ValueBoundsConstraintSet::Variable(slice.getResult(), i));
    if (failed(size))
      return;
    sizes.push_back(rewriter.getIndexAttr(*size));
    shape.push_back(*size);
  }

  Value packed;
  for (auto [source, value] : packs[loop->getBlock()]) {
    auto other = cast<tensor::ExtractSliceOp>(source);
    if (other.getSource() == slice.getSource() &&
        llvm::all_of(llvm::zip(other.getMixedOffsets(), offsets),
                     [](auto pair) {
                       return isEqualConstantIntOrValue(std::get<0>(pair),
                                                        std::get<1>(pair));
                     }) &&
        other.getType().getShape() == ArrayRef<int64_t>(shape))
      packed = value;
  }
  Location loc = tileOp.getLoc();
  if (!packed) {
    rewriter.setInsertionPoint(loop);
    auto panel = tensor::ExtractSliceOp::create(
        rewriter, loc, slice.getSource(), offsets, sizes,
        SmallVector<OpFoldResult>(shape.size(), rewriter.getIndexAttr(1)));
    Value empty = tensor::EmptyOp::create(rewriter, loc, shape,
                                          slice.getType().getElementType());
    auto copy = linalg::CopyOp::create(rewriter, loc, panel.getResult(), empty);
    copy->setAttr(kPackAttr, rewriter.getUnitAttr());
    packed = copy.getResult(0);
    packs[loop->getBlock()].push_back({panel, packed});
  }
  rewriter.setInsertionPoint(tileOp);
  Value cast = tensor::CastOp::create(rewriter, loc, slice.getType(), packed);
  rewriter.modifyOpInPlace(tileOp, [&] { rhs->set(cast); });
}

/// Splits a partial register tile whose static width (`nDim` extent) is not
/// a power of two into tiles of decreasing powers of two (13 = 8 + 4 + 1):
/// a vector of 9 or 13 floats is no machine vector, and LLVM legalizes the
/// accumulators of such a tile with shuffles and spills at every k step.
/// Each piece reads its part of the accumulator from what the previous one
/// wrote (the slices are disjoint; chaining keeps bufferization in place).
static SmallVector<linalg::LinalgOp>
splitOddWidth(RewriterBase &rewriter, linalg::LinalgOp op, unsigned nDim,
              int64_t maxWidth) {
  std::optional<int64_t> width = getConstantLoopExtent(op, nDim);
  if (!width || *width >= maxWidth || *width <= 0 ||
      llvm::isPowerOf2_64(*width) || op.getNumDpsInits() != 1)
    return {op};
  auto tiling = cast<TilingInterface>(op.getOperation());
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  SmallVector<OpFoldResult> offsets, sizes;
  for (Range range : tiling.getIterationDomain(rewriter)) {
    offsets.push_back(range.offset);
    sizes.push_back(range.size);
  }
  Value dest = op.getDpsInitOperand(0)->get();
  SmallVector<linalg::LinalgOp> pieces;
  for (int64_t offset = 0; offset < *width;) {
    int64_t piece = static_cast<int64_t>(
        llvm::bit_floor(static_cast<uint64_t>(*width - offset)));
    offsets[nDim] = rewriter.getIndexAttr(offset);
    sizes[nDim] = rewriter.getIndexAttr(piece);
    rewriter.modifyOpInPlace(op, [&] { op.getDpsInitOperand(0)->set(dest); });
    FailureOr<TilingResult> tiled =
        tiling.getTiledImplementation(rewriter, offsets, sizes);
    SmallVector<OpFoldResult> resultOffsets, resultSizes;
    if (failed(tiled) ||
        failed(tiling.getResultTilePosition(rewriter, 0, offsets, sizes,
                                            resultOffsets, resultSizes)))
      return {op};
    SmallVector<OpFoldResult> strides(resultOffsets.size(),
                                      rewriter.getIndexAttr(1));
    dest = tensor::InsertSliceOp::create(rewriter, loc,
                                         tiled->tiledValues.front(), dest,
                                         resultOffsets, resultSizes, strides);
    pieces.push_back(cast<linalg::LinalgOp>(tiled->tiledOps.front()));
    offset += piece;
  }
  rewriter.replaceOp(op, dest);
  return pieces;
}

LogicalResult
mlir::dfg::tileAndVectorizeContraction(RewriterBase &rewriter,
                                       linalg::LinalgOp op,
                                       const ContractionTileSizes &sizes) {
  FailureOr<linalg::ContractionDimensions> dims = getTileableContraction(op);
  if (failed(dims))
    return rewriter.notifyMatchFailure(op, "not an f32 m/n/k contraction");
  unsigned numLoops = op.getNumLoops();
  unsigned mDim = dims->m.front(), nDim = dims->n.front(),
           kDim = dims->k.front();
  ContractionTileSizes tile = sizes;
  // A small static n extent with an odd remainder (e.g. 49 = 7x7 pixels at
  // tile-n 32: 32 + 17) runs much of its work in the partial tile; half
  // the tile width leaves a smaller remainder (48 + 1).
  int64_t nExtent = op.getStaticLoopRanges()[nDim];
  int64_t mExtent = op.getStaticLoopRanges()[mDim];
  if (!ShapedType::isDynamic(nExtent) && nExtent < 4 * tile.n &&
      tile.n % 2 == 0 && nExtent % (tile.n / 2) < nExtent % tile.n)
    tile.n /= 2;

  // Level 1: batch dims by 1, then n, then m (n outside m: the k x n
  // panel of the right-hand side is reused by every m tile).
  SmallVector<int64_t> outerSizes(numLoops, 0);
  for (unsigned b : dims->batch)
    outerSizes[b] = 1;
  outerSizes[mDim] = tile.m;
  outerSizes[nDim] = tile.n;
  SmallVector<int64_t> interchange;
  interchange.append(dims->batch.begin(), dims->batch.end());
  interchange.push_back(nDim);
  interchange.push_back(mDim);
  interchange.push_back(kDim);
  // The interchange vector lists every loop; the tiled ones come first.
  for (unsigned d = 0; d < numLoops; ++d)
    if (!llvm::is_contained(interchange, d))
      interchange.push_back(d);

  rewriter.setInsertionPoint(op);
  scf::SCFTilingOptions outerOptions;
  outerOptions.setTileSizes(
      getAsIndexOpFoldResult(rewriter.getContext(), outerSizes));
  outerOptions.setInterchange(interchange);
  FailureOr<scf::SCFTilingResult> outer = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), outerOptions);
  if (failed(outer))
    return rewriter.notifyMatchFailure(op, "tiling the parallel dims failed");
  rewriter.replaceOp(op, outer->replacements);

  // Peeling clones the tile into the partial iterations; the mark finds
  // every copy afterwards.
  Operation *tiledOp = outer->tiledOps.front();
  fuseInitProducer(rewriter, cast<linalg::LinalgOp>(tiledOp), outer->loops,
                   mDim, nDim, tile);
  Operation *scope = outer->loops.empty()
                         ? tiledOp->getParentOp()
                         : outer->loops.front()->getParentOp();
  tiledOp->setAttr(kRegisterTileAttr, rewriter.getUnitAttr());
  peelLoops(rewriter, outer->loops);
  SmallVector<linalg::LinalgOp> tiles;
  scope->walk([&](linalg::LinalgOp tileOp) {
    if (tileOp->removeAttr(kRegisterTileAttr))
      tiles.push_back(tileOp);
  });

  // Several rows of tiles reuse a packed panel of the right-hand side.
  DenseMap<Block *, SmallVector<std::pair<Operation *, Value>>> packs;
  if (!ShapedType::isDynamic(mExtent) && mExtent >= 2 * tile.m)
    for (linalg::LinalgOp tileOp : tiles)
      packRhsPanel(rewriter, tileOp, mDim, nDim, tile.n, packs);

  SmallVector<linalg::LinalgOp> pieces;
  for (linalg::LinalgOp tileOp : tiles)
    pieces.append(splitOddWidth(rewriter, tileOp, nDim, tile.n));

  for (linalg::LinalgOp tileOp : pieces) {
    SmallVector<int64_t> vectorSizes(numLoops, 1);
    vectorSizes[mDim] = tile.m;
    vectorSizes[nDim] = tile.n;
    vectorSizes[kDim] = tile.k;
    // A row count known only at run time (a dynamic batch) leaves a
    // partial tile of 1 to tile.m - 1 rows. As one masked tile, its
    // accumulator is read and written back at every reduction step (masked
    // transfers are not hoisted); row by row, each row is a full 1 x n tile
    // whose accumulator stays in registers.
    OpOperand *init = tileOp.getDpsInitOperand(0);
    std::optional<unsigned> mPos =
        tileOp.getMatchingIndexingMap(init).getResultPosition(
            getAffineDimExpr(mDim, rewriter.getContext()));
    if (mPos && failed(ValueBoundsConstraintSet::computeConstantBound(
                    presburger::BoundType::EQ,
                    ValueBoundsConstraintSet::Variable(init->get(), *mPos)))) {
      SmallVector<int64_t> rowSizes(numLoops, 0);
      rowSizes[mDim] = 1;
      rewriter.setInsertionPoint(tileOp);
      scf::SCFTilingOptions rowOptions;
      rowOptions.setTileSizes(
          getAsIndexOpFoldResult(rewriter.getContext(), rowSizes));
      FailureOr<scf::SCFTilingResult> rows = scf::tileUsingSCF(
          rewriter, cast<TilingInterface>(tileOp.getOperation()), rowOptions);
      if (failed(rows))
        return rewriter.notifyMatchFailure(tileOp, "tiling the rows failed");
      rewriter.replaceOp(tileOp, rows->replacements);
      tileOp = cast<linalg::LinalgOp>(rows->tiledOps.front());
      vectorSizes[mDim] = 1;
    }

    // Level 2: the reduction.
    SmallVector<int64_t> innerSizes(numLoops, 0);
    innerSizes[kDim] = tile.k;
    rewriter.setInsertionPoint(tileOp);
    scf::SCFTilingOptions innerOptions;
    innerOptions.setTileSizes(
        getAsIndexOpFoldResult(rewriter.getContext(), innerSizes));
    FailureOr<scf::SCFTilingResult> inner = scf::tileUsingSCF(
        rewriter, cast<TilingInterface>(tileOp.getOperation()), innerOptions);
    if (failed(inner))
      return rewriter.notifyMatchFailure(tileOp, "tiling the reduction failed");
    rewriter.replaceOp(tileOp, inner->replacements);
    for (Operation *tiledOp : inner->tiledOps)
      tiledOp->setAttr(kVectorSizesAttr,
                       rewriter.getDenseI64ArrayAttr(vectorSizes));
    peelLoops(rewriter, inner->loops);
  }
  return success();
}

LogicalResult mlir::dfg::tileInnermostForVectorization(RewriterBase &rewriter,
                                                       linalg::LinalgOp op,
                                                       int64_t innerTile) {
  if (!op.hasPureTensorSemantics() || op.getNumLoops() == 0 ||
      op.getNumReductionLoops() != 0 ||
      !llvm::all_of(op.getIndexingMapsArray(),
                    [](AffineMap map) { return map.isProjectedPermutation(); }))
    return rewriter.notifyMatchFailure(op, "not an elementwise op");
  unsigned numLoops = op.getNumLoops();
  SmallVector<int64_t> tileSizes(numLoops, 1);
  tileSizes.back() = innerTile;
  rewriter.setInsertionPoint(op);
  scf::SCFTilingOptions options;
  options.setTileSizes(
      getAsIndexOpFoldResult(rewriter.getContext(), tileSizes));
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled))
    return rewriter.notifyMatchFailure(op, "tiling failed");
  rewriter.replaceOp(op, tiled->replacements);
  SmallVector<int64_t> vectorSizes(numLoops, 1);
  vectorSizes.back() = innerTile;
  for (Operation *tiledOp : tiled->tiledOps)
    tiledOp->setAttr(kVectorSizesAttr,
                     rewriter.getDenseI64ArrayAttr(vectorSizes));
  peelLoops(rewriter, tiled->loops);
  return success();
}

/// The linalg op that computes `value` (its one result) into a
/// `tensor.empty` init without reading it, when `value` has one use: it may
/// as well compute into a slice of a larger tensor.
static linalg::LinalgOp getProducerIntoEmpty(Value value) {
  auto producer = value.getDefiningOp<linalg::LinalgOp>();
  if (!producer || !value.hasOneUse() || producer->getNumResults() != 1 ||
      !producer.hasPureTensorSemantics() || producer.getNumDpsInits() != 1)
    return {};
  Value init = producer.getDpsInitOperand(0)->get();
  if (!init.getDefiningOp<tensor::EmptyOp>() || init.getType() != value.getType())
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
  for (OpFoldResult ofr : llvm::concat<OpFoldResult>(pad.getMixedLowPad(),
                                                      pad.getMixedHighPad()))
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
    rewriter.modifyOpInPlace(producer, [&] {
      producer.getDpsInitOperand(0)->set(interior);
    });
    rewriter.setInsertionPoint(pad);
  } else {
    writer = cast<linalg::LinalgOp>(
        linalg::CopyOp::create(rewriter, loc, pad.getSource(), interior)
            .getOperation());
  }
  Value result = tensor::InsertSliceOp::create(rewriter, loc,
                                               writer->getResult(0), padded,
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
    current = tensor::InsertSliceOp::create(rewriter, loc,
                                            producer->getResult(0), current,
                                            sliceOffsets, sliceSizes,
                                            unitStrides);
  }
  rewriter.replaceOp(concat, current);
  return success();
}

/// Vectorizes every op marked with kVectorSizesAttr below `root`: without
/// masks when its shape is static (a full tile after peeling), with the
/// marked sizes and masks otherwise.
static void vectorizeMarkedOps(RewriterBase &rewriter, Operation *root) {
  SmallVector<linalg::LinalgOp> marked;
  root->walk([&](linalg::LinalgOp op) {
    if (op->hasAttr(kVectorSizesAttr))
      marked.push_back(op);
  });
  for (linalg::LinalgOp op : marked) {
    auto sizesAttr = op->getAttrOfType<DenseI64ArrayAttr>(kVectorSizesAttr);
    op->removeAttr(kVectorSizesAttr);
    SmallVector<int64_t> vectorSizes;
    if (op.hasDynamicShape())
      vectorSizes = llvm::to_vector(sizesAttr.asArrayRef());
    rewriter.setInsertionPoint(op);
    FailureOr<linalg::VectorizationResult> result = linalg::vectorize(
        rewriter, op, vectorSizes, /*inputScalableVecDims=*/{},
        /*vectorizeNDExtract=*/false, /*flatten1DDepthwiseConv=*/false,
        /*assumeDynamicDimsMatchVecSizes=*/false,
        /*createNamedContraction=*/true);
    // An op the vectorizer does not take stays a (tiled) linalg op, which
    // is slower but still correct.
    if (failed(result))
      continue;
    rewriter.replaceOp(op, result->replacements);
  }
}

void mlir::dfg::hoistVectorAccumulators(RewriterBase &rewriter,
                                        Operation *root) {
  // Post-order walk: inner loops first, so that what an inner loop hoists
  // becomes a candidate of the loop around it.
  SmallVector<scf::ForOp> loops;
  root->walk([&](scf::ForOp forOp) { loops.push_back(forOp); });
  for (scf::ForOp forOp : loops) {
    moveLoopInvariantCode(cast<LoopLikeOpInterface>(forOp.getOperation()));
    (void)hoistLoopInvariantSubsets(
        rewriter, cast<LoopLikeOpInterface>(forOp.getOperation()));
  }
}

void mlir::dfg::populateContractionToFMAPatterns(RewritePatternSet &patterns) {
  vector::populateVectorContractLoweringPatterns(
      patterns, vector::VectorContractLowering::OuterProduct);
  vector::populateVectorOuterProductLoweringPatterns(patterns);
  vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
  vector::populateVectorMultiReductionLoweringPatterns(
      patterns, vector::VectorMultiReductionLowering::InnerParallel);
  // Partial tiles: vector.mask regions around transfers become masked
  // transfers, which bufferize and lower like unmasked ones.
  vector::populateVectorMaskLoweringPatternsForSideEffectingOps(patterns);
}

/// Whether `body` is `out + in0 * in1` (f32, either operand order).
static bool isMulAddBody(Block &body) {
  // mulf, addf, yield.
  if (body.getNumArguments() != 3 || body.getOperations().size() != 3)
    return false;
  auto yield = dyn_cast<linalg::YieldOp>(body.getTerminator());
  if (!yield || yield.getNumOperands() != 1)
    return false;
  auto add = yield.getOperand(0).getDefiningOp<arith::AddFOp>();
  if (!add)
    return false;
  Value in0 = body.getArgument(0), in1 = body.getArgument(1),
        out = body.getArgument(2);
  Value mulValue = add.getLhs() == out ? add.getRhs() : add.getLhs();
  if ((add.getLhs() == out) == (add.getRhs() == out))
    return false;
  auto mul = mulValue.getDefiningOp<arith::MulFOp>();
  return mul && ((mul.getLhs() == in0 && mul.getRhs() == in1) ||
                 (mul.getLhs() == in1 && mul.getRhs() == in0));
}

/// Builds a `linalg.batch_matmul` from a 4-loop (b, m, n, k) generic whose
/// indexing maps the caller checked, and replaces the generic with it.
static linalg::LinalgOp replaceWithBatchMatmul(RewriterBase &rewriter,
                                               linalg::GenericOp generic) {
  SmallVector<Attribute> mapAttrs = llvm::to_vector(
      llvm::map_range(generic.getIndexingMapsArray(),
                      [](AffineMap m) -> Attribute {
                        return AffineMapAttr::get(m);
                      }));
  rewriter.setInsertionPoint(generic);
  auto matmul = linalg::BatchMatmulOp::create(
      rewriter, generic.getLoc(), generic.getResultTypes(),
      generic.getDpsInputs(), generic.getDpsInits(),
      {rewriter.getNamedAttr("indexing_maps",
                             rewriter.getArrayAttr(mapAttrs))});
  rewriter.replaceOp(generic, matmul.getResults());
  return cast<linalg::LinalgOp>(matmul.getOperation());
}

FailureOr<linalg::LinalgOp>
mlir::dfg::specializeBroadcastBatchMatmul(RewriterBase &rewriter,
                                          linalg::GenericOp generic) {
  unsigned numLoops = generic.getNumLoops();
  if (!generic.hasPureTensorSemantics() || generic.getNumDpsInputs() != 2 ||
      generic.getNumDpsInits() != 1 || numLoops < 4 ||
      generic.getNumReductionLoops() != 1 ||
      !linalg::isReductionIterator(
          generic.getIteratorTypesArray()[numLoops - 1]))
    return rewriter.notifyMatchFailure(generic, "not a batched contraction");
  for (Type type : generic->getOperandTypes())
    if (!getElementTypeOrSelf(type).isF32())
      return rewriter.notifyMatchFailure(generic, "expected f32");
  if (!isMulAddBody(*generic.getBlock()))
    return rewriter.notifyMatchFailure(generic, "body is not out + a * b");
  // Loops (b_0, ..., b_{nb-1}, m, n, k): the leading batch loops, in order,
  // lead every batched operand.
  unsigned numBatch = numLoops - 3;
  MLIRContext *ctx = rewriter.getContext();
  SmallVector<AffineExpr> batch;
  for (unsigned d = 0; d < numBatch; ++d)
    batch.push_back(getAffineDimExpr(d, ctx));
  AffineExpr m = getAffineDimExpr(numBatch, ctx),
             n = getAffineDimExpr(numBatch + 1, ctx),
             k = getAffineDimExpr(numBatch + 2, ctx);
  auto map = [&](bool batched, AffineExpr row, AffineExpr col) {
    SmallVector<AffineExpr> exprs;
    if (batched)
      exprs.append(batch);
    exprs.push_back(row);
    exprs.push_back(col);
    return AffineMap::get(numLoops, 0, exprs, ctx);
  };
  SmallVector<AffineMap> maps = generic.getIndexingMapsArray();
  // The forms linalg.batch_matmul accepts: a batched or broadcast
  // (batch-less) left and right operand, output (b, m, n).
  bool lhsOk = maps[0] == map(true, m, k) || maps[0] == map(false, m, k);
  bool rhsOk = maps[1] == map(true, k, n) || maps[1] == map(false, k, n);
  if (!lhsOk || !rhsOk || maps[2] != map(true, m, n))
    return rewriter.notifyMatchFailure(generic, "not a batch_matmul form");

  // x @ W with a batch-less W: one linalg.matmul over all the rows of x
  // (b_0 * ... * m) rather than a batch_matmul of many small batches, whose
  // few rows each (one, at batch size 1) would all take the masked edge
  // tiles. The collapsed loops (rows, n, k) have matmul's default maps.
  if (maps[0] == map(true, m, k) && maps[1] == map(false, k, n)) {
    SmallVector<ReassociationIndices> rows(1);
    for (unsigned d = 0; d <= numBatch; ++d)
      rows.front().push_back(d);
    if (linalg::areDimSequencesPreserved(maps, rows)) {
      rewriter.setInsertionPoint(generic);
      FailureOr<linalg::CollapseResult> collapsed =
          linalg::collapseOpIterationDims(generic, rows, rewriter);
      if (succeeded(collapsed)) {
        rewriter.replaceOp(generic, collapsed->results);
        auto rowsGeneric =
            dyn_cast<linalg::GenericOp>(collapsed->collapsedOp.getOperation());
        if (!rowsGeneric)
          return collapsed->collapsedOp;
        rewriter.setInsertionPoint(rowsGeneric);
        auto matmul = linalg::MatmulOp::create(
            rewriter, rowsGeneric.getLoc(), rowsGeneric.getResultTypes(),
            rowsGeneric.getDpsInputs(), rowsGeneric.getDpsInits());
        rewriter.replaceOp(rowsGeneric, matmul.getResults());
        return cast<linalg::LinalgOp>(matmul.getOperation());
      }
    }
  }
  if (numBatch == 1)
    return replaceWithBatchMatmul(rewriter, generic);

  // Several batch dims: linalg.batch_matmul has exactly one, so collapse
  // them into one (reshapes of the operands; the maps checked above keep
  // the batch dims contiguous and in order in every operand).
  // Only the folded group is listed; the other loops stay as they are.
  SmallVector<ReassociationIndices> reassociation(1);
  for (unsigned d = 0; d < numBatch; ++d)
    reassociation.front().push_back(d);
  if (!linalg::areDimSequencesPreserved(maps, reassociation))
    return rewriter.notifyMatchFailure(generic, "batch dims not contiguous");
  rewriter.setInsertionPoint(generic);
  FailureOr<linalg::CollapseResult> collapsed =
      linalg::collapseOpIterationDims(generic, reassociation, rewriter);
  if (failed(collapsed))
    return rewriter.notifyMatchFailure(generic,
                                       "could not collapse the batch dims");
  rewriter.replaceOp(generic, collapsed->results);
  // The collapsed generic has loops (b, m, n, k) and the maps checked
  // above with the batch dims merged into b: a batch_matmul form.
  auto collapsedGeneric =
      dyn_cast<linalg::GenericOp>(collapsed->collapsedOp.getOperation());
  if (!collapsedGeneric)
    return collapsed->collapsedOp;
  return replaceWithBatchMatmul(rewriter, collapsedGeneric);
}

/// Whether `linalg::specializeGenericOp` turns the contraction `generic`
/// into an equivalent named op. It builds `linalg.matmul` and
/// `linalg.batch_matmul` with their default indexing maps, so it is wrong
/// for a transposed operand (it drops the transposition) and for several
/// batch dims (the named op has one: an invalid op).
static bool isSafeToSpecialize(linalg::GenericOp generic) {
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(generic);
  if (failed(dims) || dims->batch.size() > 1 || dims->m.size() != 1 ||
      dims->n.size() != 1 || dims->k.size() != 1 ||
      generic.getNumDpsInputs() != 2 || generic.getNumDpsInits() != 1)
    return false;
  // Each operand must be laid out as the named op's default: (b, m, k),
  // (b, k, n), (b, m, n), with b the only batch dim if there is one.
  MLIRContext *ctx = generic.getContext();
  unsigned numLoops = generic.getNumLoops();
  auto expected = [&](unsigned row, unsigned col) {
    SmallVector<AffineExpr> exprs;
    for (unsigned b : dims->batch)
      exprs.push_back(getAffineDimExpr(b, ctx));
    exprs.push_back(getAffineDimExpr(row, ctx));
    exprs.push_back(getAffineDimExpr(col, ctx));
    return AffineMap::get(numLoops, 0, exprs, ctx);
  };
  unsigned m = dims->m.front(), n = dims->n.front(), k = dims->k.front();
  SmallVector<AffineMap> maps = generic.getIndexingMapsArray();
  return maps[0] == expected(m, k) && maps[1] == expected(k, n) &&
         maps[2] == expected(m, n);
}

/// Vectorizes the copies that pack panels of contractions (rows of `width`).
static void vectorizePanelPacks(RewriterBase &rewriter, func::FuncOp func,
                                int64_t width) {
  SmallVector<linalg::CopyOp> packs;
  func.walk([&](linalg::CopyOp copy) {
    if (copy->removeAttr(kPackAttr))
      packs.push_back(copy);
  });
  for (linalg::CopyOp copy : packs) {
    (void)tileInnermostForVectorization(
        rewriter, cast<linalg::LinalgOp>(copy.getOperation()), width);
  }
}

/// Whether a convolution or pooling has all strides 1.
static bool hasUnitStrides(Operation *op) {
  auto strides = op->getAttrOfType<DenseIntElementsAttr>("strides");
  return strides && llvm::all_of(strides.getValues<int64_t>(),
                                 [](int64_t stride) { return stride == 1; });
}

/// Canonicalization patterns of every loaded dialect. Not converging within
/// the driver's limit leaves valid IR, so it is not an error.
static void canonicalize(Operation *root) {
  MLIRContext *ctx = root->getContext();
  RewritePatternSet patterns(ctx);
  for (Dialect *dialect : ctx->getLoadedDialects())
    dialect->getCanonicalizationPatterns(patterns);
  for (RegisteredOperationName op : ctx->getRegisteredOperations())
    op.getCanonicalizationPatterns(patterns, ctx);
  (void)applyPatternsGreedily(root, std::move(patterns));
}

namespace {
struct TileAndVectorizePass
    : public dfg::impl::DFGTileAndVectorizePassBase<TileAndVectorizePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    MLIRContext *ctx = &getContext();
    if (tileM <= 0 || tileN <= 0 || tileK <= 0 || elementwiseTile <= 0) {
      func.emitError() << "dfg-tile-and-vectorize: tile sizes must be "
                          "positive, got tile-m="
                       << tileM.getValue() << " tile-n=" << tileN.getValue()
                       << " tile-k=" << tileK.getValue();
      return signalPassFailure();
    }
    IRRewriter rewriter(ctx);

    if (convIm2Col) {
      SmallVector<linalg::Conv2DNchwFchwOp> convs;
      func.walk([&](linalg::Conv2DNchwFchwOp op) {
        if (op.hasPureTensorSemantics())
          convs.push_back(op);
      });
      for (linalg::Conv2DNchwFchwOp conv : convs) {
        // Leaves convolutions it does not take (dynamic channels or image
        // sizes) as they are: slower, still correct.
        SmallVector<linalg::LinalgOp> copies;
        if (failed(rewriteConvAsContraction(rewriter, conv, &copies)))
          continue;
        // Strided rows would be read element by element into vectors,
        // slower than the scalar loops LLVM makes of them.
        if (!hasUnitStrides(conv))
          continue;
        for (linalg::LinalgOp copy : copies)
          (void)tileInnermostForVectorization(rewriter, copy, elementwiseTile);
      }
    }

    if (windowOps) {
      SmallVector<linalg::LinalgOp> windows;
      func.walk([&](linalg::LinalgOp op) {
        if (isa<linalg::DepthwiseConv2DNchwChwOp, linalg::PoolingNchwMaxOp,
                linalg::PoolingNchwSumOp>(op.getOperation()))
          windows.push_back(op);
      });
      for (linalg::LinalgOp op : windows) {
        bool unitStride = hasUnitStrides(op);
        FailureOr<linalg::LinalgOp> elementwise =
            rewriteWindowOpAsElementwise(rewriter, op);
        // Strided windows: left to LLVM's loop vectorizer (see the copies).
        if (succeeded(elementwise) && unitStride)
          (void)tileInnermostForVectorization(rewriter, *elementwise,
                                              elementwiseTile);
      }
    }

    // Contractions as generics (e.g. [B, M, K] x [K, N] from a matmul with
    // a broadcast right-hand side): named ops vectorize to vector.contract.
    SmallVector<linalg::GenericOp> generics;
    func.walk([&](linalg::GenericOp op) { generics.push_back(op); });
    for (linalg::GenericOp op : generics) {
      if (failed(specializeBroadcastBatchMatmul(rewriter, op)) &&
          linalg::isaContractionOpInterface(op) && isSafeToSpecialize(op)) {
        rewriter.setInsertionPoint(op);
        (void)linalg::specializeGenericOp(rewriter, op);
      }
    }

    SmallVector<linalg::LinalgOp> contractions;
    func.walk([&](linalg::LinalgOp op) {
      if (succeeded(getTileableContraction(op)))
        contractions.push_back(op);
    });
    ContractionTileSizes sizes{tileM, tileN, tileK};
    for (linalg::LinalgOp op : contractions)
      (void)tileAndVectorizeContraction(rewriter, op, sizes);
    vectorizePanelPacks(rewriter, func, sizes.n);

    // Full tiles get their static shapes from the peeled bounds.
    canonicalize(func);
    vectorizeMarkedOps(rewriter, func);
    canonicalize(func);
    hoistVectorAccumulators(rewriter, func);

    RewritePatternSet patterns(ctx);
    populateContractionToFMAPatterns(patterns);
    (void)applyPatternsGreedily(func, std::move(patterns));
    // Drops the tensor iter_args the hoisting left unused.
    canonicalize(func);

    // Pads bufferize to a memref.copy into a strided view, which lowers to
    // a generic runtime call copying element by element; a linalg.copy
    // becomes a loop nest with contiguous rows. Last, because
    // canonicalization would fold the copy's destination (a slice of the
    // fill) into a separate fill, and the copy would no longer be in place.
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
