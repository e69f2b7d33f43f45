//===- TileContractions.cpp - register tiles of f32 matmuls ---------------===//
//
// A contraction becomes a loop nest over register tiles of the output, each
// tile marked to be vectorized (by dfg-vectorize-tiles) into a
// vector.contract per reduction step whose accumulator stays in vector
// registers across the reduction loop.
//
// Non-divisible and dynamic trip counts are handled by peeling, never by
// assuming divisibility: the main loop runs full tiles with static shapes
// (vectorized without masks) and the remainder runs one partial tile with
// masked vectors.
//
//===----------------------------------------------------------------------===//

#include "Utils.h"

#include "dfg/Transforms/Codegen/CodegenAttr.h"
#include "dfg/Transforms/Codegen/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGTILECONTRACTIONSPASS
#include "dfg/Transforms/Codegen/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;
using codegen::peelLoops;

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
                             const ContractionTilingOptions &tile) {
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
static void packRhsPanel(
    RewriterBase &rewriter, linalg::LinalgOp tileOp, unsigned mDim,
    unsigned nDim, int64_t width,
    DenseMap<Block *, SmallVector<std::pair<Operation *, Value>>> &packs) {
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
static SmallVector<linalg::LinalgOp> splitOddWidth(RewriterBase &rewriter,
                                                   linalg::LinalgOp op,
                                                   unsigned nDim,
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

/// Splits a partial register tile whose width (`nDim` extent) is known only
/// at run time (the remainder of a run-time n: 1 to maxWidth - 1 columns)
/// into tiles of static power-of-two widths, each run when its bit of the
/// width is set (for maxWidth 32: 16, 8, 4, 2 and 1 columns, at offsets
/// width & ~31, width & ~15, ...): the run-time counterpart of
/// splitOddWidth, dispatching among its variants. Every piece is vectorized
/// without masks and keeps its accumulator in registers across the
/// reduction, where one masked tile would read and write it at every step.
static SmallVector<linalg::LinalgOp> splitDynamicWidth(RewriterBase &rewriter,
                                                       linalg::LinalgOp op,
                                                       unsigned nDim,
                                                       int64_t maxWidth) {
  if (getConstantLoopExtent(op, nDim) || maxWidth < 2 ||
      op.getNumDpsInits() != 1 || op->getNumResults() != 1)
    return {op};
  auto tiling = cast<TilingInterface>(op.getOperation());
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  SmallVector<OpFoldResult> offsets, sizes;
  for (Range range : tiling.getIterationDomain(rewriter)) {
    offsets.push_back(range.offset);
    sizes.push_back(range.size);
  }
  if (!isZeroInteger(offsets[nDim]))
    return {op};
  // The pieces cover the widths below 2 * the widest one: a width that may
  // be larger (a full tile whose size did not fold to a constant) stays one
  // masked tile.
  int64_t widest = static_cast<int64_t>(
      llvm::bit_floor(static_cast<uint64_t>(maxWidth - 1)));
  FailureOr<int64_t> maxExtent = ValueBoundsConstraintSet::computeConstantBound(
      presburger::BoundType::UB,
      ValueBoundsConstraintSet::Variable(sizes[nDim]),
      /*stopCondition=*/nullptr, /*closedUB=*/true);
  if (failed(maxExtent) || *maxExtent >= 2 * widest)
    return {op};
  Value width = getValueOrCreateConstantIndexOp(rewriter, loc, sizes[nDim]);
  Value dest = op.getDpsInitOperand(0)->get();
  SmallVector<linalg::LinalgOp> pieces;
  for (int64_t piece = widest; piece >= 1; piece /= 2) {
    // The piece of `piece` columns exists when that bit of the width is
    // set; the wider pieces before it cover the higher bits. As a loop of
    // zero or one iteration rather than an scf.if: bufferization keeps the
    // accumulator of a loop in place, that of an scf.if it copies.
    Value lower = arith::AndIOp::create(
        rewriter, loc, width,
        arith::ConstantIndexOp::create(rewriter, loc, ~(2 * piece - 1)));
    Value bit = arith::AndIOp::create(
        rewriter, loc, width,
        arith::ConstantIndexOp::create(rewriter, loc, piece));
    Value upper = arith::AddIOp::create(rewriter, loc, lower, bit);
    Value step = arith::ConstantIndexOp::create(rewriter, loc, piece);
    auto loop =
        scf::ForOp::create(rewriter, loc, lower, upper, step, ValueRange{dest});
    rewriter.setInsertionPointToStart(loop.getBody());
    Value iterDest = loop.getRegionIterArgs().front();
    offsets[nDim] = loop.getInductionVar();
    sizes[nDim] = rewriter.getIndexAttr(piece);
    rewriter.modifyOpInPlace(op,
                             [&] { op.getDpsInitOperand(0)->set(iterDest); });
    FailureOr<TilingResult> tiled =
        tiling.getTiledImplementation(rewriter, offsets, sizes);
    SmallVector<OpFoldResult> resultOffsets, resultSizes;
    if (failed(tiled) ||
        failed(tiling.getResultTilePosition(rewriter, 0, offsets, sizes,
                                            resultOffsets, resultSizes))) {
      // Nothing uses the half-built pieces; the whole tile stays masked.
      rewriter.modifyOpInPlace(op, [&] { op.getDpsInitOperand(0)->set(dest); });
      rewriter.eraseOp(loop);
      return pieces.empty() ? SmallVector<linalg::LinalgOp>{op} : pieces;
    }
    SmallVector<OpFoldResult> strides(resultOffsets.size(),
                                      rewriter.getIndexAttr(1));
    Value inserted = tensor::InsertSliceOp::create(
        rewriter, loc, tiled->tiledValues.front(), iterDest, resultOffsets,
        resultSizes, strides);
    scf::YieldOp::create(rewriter, loc, inserted);
    pieces.push_back(cast<linalg::LinalgOp>(tiled->tiledOps.front()));
    dest = loop.getResult(0);
    rewriter.setInsertionPointAfter(loop);
  }
  rewriter.replaceOp(op, dest);
  return pieces;
}

LogicalResult
mlir::dfg::tileContraction(RewriterBase &rewriter, linalg::LinalgOp op,
                           const ContractionTilingOptions &options) {
  FailureOr<linalg::ContractionDimensions> dims = getTileableContraction(op);
  if (failed(dims))
    return rewriter.notifyMatchFailure(op, "not an f32 m/n/k contraction");
  unsigned numLoops = op.getNumLoops();
  unsigned mDim = dims->m.front(), nDim = dims->n.front(),
           kDim = dims->k.front();
  ContractionTilingOptions tile = options;
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

  FailureOr<scf::SCFTilingResult> outer =
      codegen::tileAndReplace(rewriter, op, outerSizes, interchange);
  if (failed(outer))
    return rewriter.notifyMatchFailure(op, "tiling the parallel dims failed");

  // Peeling clones the tile into the partial iterations; the mark finds
  // every copy afterwards.
  Operation *tiledOp = outer->tiledOps.front();
  fuseInitProducer(rewriter, cast<linalg::LinalgOp>(tiledOp), outer->loops,
                   mDim, nDim, tile);
  // Every tile loop (batch, n, m) writes its own slice of the output:
  // dfg-parallelize-tile-loops may run them in parallel once bufferized.
  // Peeling drops the mark from the partial iterations (one at most).
  for (LoopLikeOpInterface loop : outer->loops)
    loop->setAttr(kParallelLoopAttr, rewriter.getUnitAttr());
  Operation *scope = outer->loops.empty() ? tiledOp->getParentOp()
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
  if (tile.packRhs && !ShapedType::isDynamic(mExtent) && mExtent >= 2 * tile.m)
    for (linalg::LinalgOp tileOp : tiles)
      packRhsPanel(rewriter, tileOp, mDim, nDim, tile.n, packs);
  // The copies are vectorized along the tile width asked for (before the
  // halving above), which may differ from contraction to contraction.
  for (auto &blockPacks : packs)
    for (auto &pack : blockPacks.second)
      if (Operation *copy = pack.second.getDefiningOp())
        copy->setAttr(kPackAttr, rewriter.getI64IntegerAttr(options.n));

  SmallVector<linalg::LinalgOp> pieces;
  for (linalg::LinalgOp tileOp : tiles)
    for (linalg::LinalgOp piece :
         splitDynamicWidth(rewriter, tileOp, nDim, tile.n))
      pieces.append(splitOddWidth(rewriter, piece, nDim, tile.n));

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
      FailureOr<scf::SCFTilingResult> rows =
          codegen::tileAndReplace(rewriter, tileOp, rowSizes);
      if (failed(rows))
        return rewriter.notifyMatchFailure(tileOp, "tiling the rows failed");
      tileOp = cast<linalg::LinalgOp>(rows->tiledOps.front());
      vectorSizes[mDim] = 1;
    }

    // Level 2: the reduction.
    SmallVector<int64_t> innerSizes(numLoops, 0);
    innerSizes[kDim] = tile.k;
    FailureOr<scf::SCFTilingResult> inner =
        codegen::tileAndReplace(rewriter, tileOp, innerSizes);
    if (failed(inner))
      return rewriter.notifyMatchFailure(tileOp, "tiling the reduction failed");
    for (Operation *tiledOp : inner->tiledOps)
      tiledOp->setAttr(kVectorSizesAttr,
                       rewriter.getDenseI64ArrayAttr(vectorSizes));
    peelLoops(rewriter, inner->loops);
  }
  return success();
}
/// Vectorizes the copies that pack panels of contractions, each along the
/// width its mark holds.
static void vectorizePanelPacks(RewriterBase &rewriter, func::FuncOp func) {
  SmallVector<std::pair<linalg::CopyOp, int64_t>> packs;
  func.walk([&](linalg::CopyOp copy) {
    if (auto width = copy->getAttrOfType<IntegerAttr>(kPackAttr)) {
      copy->removeAttr(kPackAttr);
      packs.push_back({copy, width.getInt()});
    }
  });
  for (auto [copy, width] : packs) {
    (void)tileInnermostForVectorization(
        rewriter, cast<linalg::LinalgOp>(copy.getOperation()), width);
  }
}
namespace {
struct TileContractionsPass
    : public dfg::impl::DFGTileContractionsPassBase<TileContractionsPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (tileM <= 0 || tileN <= 0 || tileK <= 0) {
      func.emitError() << "dfg-tile-contractions: tile sizes must be "
                          "positive, got tile-m="
                       << tileM.getValue() << " tile-n=" << tileN.getValue()
                       << " tile-k=" << tileK.getValue();
      return signalPassFailure();
    }
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::LinalgOp> contractions;
    func.walk([&](linalg::LinalgOp op) {
      if (succeeded(getTileableContraction(op)))
        contractions.push_back(op);
    });
    ContractionTilingOptions defaults;
    defaults.m = tileM;
    defaults.n = tileN;
    defaults.k = tileK;
    defaults.packRhs = packRhs;
    // A contraction's own choice (dfg.codegen) wins over the options; all
    // are checked before any is tiled, so that a bad one changes nothing.
    SmallVector<ContractionTilingOptions> choices;
    for (linalg::LinalgOp op : contractions) {
      FailureOr<CodegenOverrides> overrides =
          getCodegenOverrides(op, getArgument());
      if (failed(overrides))
        return signalPassFailure();
      ContractionTilingOptions options = defaults;
      options.m = overrides->tileM.value_or(options.m);
      options.n = overrides->tileN.value_or(options.n);
      options.packRhs = overrides->packRhs.value_or(options.packRhs);
      choices.push_back(options);
    }
    for (auto [op, options] : llvm::zip(contractions, choices)) {
      // The tiles are clones of the op: the choice is spent here.
      op->removeAttr(kCodegenAttr);
      (void)tileContraction(rewriter, op, options);
    }
    vectorizePanelPacks(rewriter, func);
  }
};
} // namespace
