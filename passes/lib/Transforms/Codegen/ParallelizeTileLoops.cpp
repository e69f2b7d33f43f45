//===- ParallelizeTileLoops.cpp - tile loops as scf.parallel --------------===//
//
// The tiling passes mark the loops whose iterations write disjoint slices
// of their op's output (kParallelLoopAttr). After bufferization those loops
// are plain scf.for ops over memrefs; this pass turns the outermost useful
// one of each nest into an scf.parallel, which convert-scf-to-openmp then
// runs over the cores.
//
// What keeps the iterations apart:
// - the output: each iteration writes its own tile of it (the mark's
//   contract), and bufferization wrote the tiles in place (a loop still
//   carrying a memref, i.e. not written in place, stays sequential);
// - scratch buffers: a buffer allocated outside the loop and used only
//   inside it (a packed panel of a contraction's right-hand side, which the
//   arena planner or loop-invariant code motion put outside the loop) holds
//   nothing from one iteration to the next, since the iterations are
//   independent at the tensor level; shared by concurrent iterations, it
//   would be a race. Each iteration gets its own allocation instead.
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGPARALLELIZETILELOOPSPASS
#include "dfg/Transforms/Codegen/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

/// Whether `loop` is worth running in parallel rather than the marked loops
/// inside it: a loop with fewer than `minTrips` iterations, or a run-time
/// trip count (a dynamic batch, mostly 1), leaves the cores idle when an
/// inner loop has more.
static bool isOuterParallelism(scf::ForOp loop, int64_t minTrips) {
  bool hasMarkedInner = false;
  loop.getBody()->walk([&](scf::ForOp inner) {
    if (inner->hasAttr(kParallelLoopAttr))
      hasMarkedInner = true;
    return hasMarkedInner ? WalkResult::interrupt() : WalkResult::advance();
  });
  if (!hasMarkedInner)
    return true;
  std::optional<APInt> trips = loop.getStaticTripCount();
  return trips && trips->getSExtValue() >= minTrips;
}

/// A rough count of the operations one run of `block` executes, after
/// vectorization: each op counts 1, a loop its body times its trip count
/// (1 when known at run time only), a linalg op or copy on memrefs (not yet
/// loops) its static iteration space. Saturates at `cap`.
static int64_t estimateWork(Block &block, int64_t cap) {
  int64_t work = 0;
  auto add = [&](int64_t amount) {
    work = amount >= cap - work ? cap : work + amount;
  };
  auto times = [&](int64_t a, int64_t b) {
    return b != 0 && a > cap / b ? cap : a * b;
  };
  for (Operation &op : block) {
    if (auto loop = dyn_cast<scf::ForOp>(op)) {
      std::optional<APInt> trips = loop.getStaticTripCount();
      int64_t count = trips ? std::max<int64_t>(trips->getSExtValue(), 0) : 1;
      add(times(count, estimateWork(*loop.getBody(), cap)));
      continue;
    }
    if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op)) {
      int64_t size = 1;
      for (int64_t range : linalgOp.getStaticLoopRanges())
        if (!ShapedType::isDynamic(range))
          size = times(size, range);
      add(size);
      continue;
    }
    if (auto copy = dyn_cast<memref::CopyOp>(op)) {
      auto type = cast<MemRefType>(copy.getSource().getType());
      int64_t size = 1;
      for (int64_t dim : type.getShape())
        if (!ShapedType::isDynamic(dim))
          size = times(size, dim);
      add(size);
      continue;
    }
    add(1);
    for (Region &region : op.getRegions())
      for (Block &inner : region)
        add(estimateWork(inner, cap));
  }
  return work;
}

/// The buffers `loop` uses as scratch: allocations (or views into the
/// arena) made outside the loop whose every use, but deallocation, is in
/// the loop.
static SmallVector<Value> findScratchBuffers(scf::ForOp loop) {
  SetVector<Value> used;
  loop.getBody()->walk([&](Operation *op) {
    for (Value operand : op->getOperands())
      if (isa<MemRefType>(operand.getType()) &&
          !loop->isAncestor(operand.getParentBlock()->getParentOp()))
        used.insert(operand);
  });
  SmallVector<Value> scratch;
  for (Value buffer : used) {
    Operation *def = buffer.getDefiningOp();
    // An arena view, or an allocation the planner did not place.
    if (!isa_and_present<memref::AllocOp, memref::AllocaOp, memref::ViewOp>(
            def))
      continue;
    if (!llvm::all_of(buffer.getUsers(), [&](Operation *user) {
          return loop->isProperAncestor(user) || isa<memref::DeallocOp>(user);
        }))
      continue;
    scratch.push_back(buffer);
  }
  return scratch;
}

/// Gives each iteration of `loop` its own copy of the scratch `buffer`: an
/// allocation at the start of the body, freed at its end (the arena holds
/// one copy, not one per thread). The allocation outside the loop and its
/// deallocations go when nothing else uses them.
static void privatize(RewriterBase &rewriter, Block &body, Value buffer) {
  auto type = cast<MemRefType>(buffer.getType());
  SmallVector<Value> dynamicSizes;
  Operation *def = buffer.getDefiningOp();
  if (auto view = dyn_cast<memref::ViewOp>(def))
    llvm::append_range(dynamicSizes, view.getSizes());
  else if (auto alloc = dyn_cast<memref::AllocOp>(def))
    llvm::append_range(dynamicSizes, alloc.getDynamicSizes());
  else
    llvm::append_range(dynamicSizes,
                       cast<memref::AllocaOp>(def).getDynamicSizes());
  rewriter.setInsertionPointToStart(&body);
  Location loc = def->getLoc();
  auto alloc = memref::AllocOp::create(
      rewriter, loc, MemRefType::get(type.getShape(), type.getElementType()),
      dynamicSizes, rewriter.getI64IntegerAttr(64));
  rewriter.replaceUsesWithIf(buffer, alloc, [&](OpOperand &use) {
    return body.getParentOp()->isAncestor(use.getOwner());
  });
  rewriter.setInsertionPoint(body.getTerminator());
  memref::DeallocOp::create(rewriter, loc, alloc);
  for (Operation *user : llvm::make_early_inc_range(buffer.getUsers()))
    if (isa<memref::DeallocOp>(user))
      rewriter.eraseOp(user);
  if (buffer.use_empty())
    rewriter.eraseOp(def);
}

/// Replaces `loop` by an scf.parallel with the same bounds when it carries
/// no value (a memref it carries was not written in place, and its
/// iterations would race on it) and does at least `minWork` operations
/// (estimateWork): a fork and join of the threads costs microseconds, more
/// than a small loop gains. With a run-time trip count, the choice is made
/// at run time (the loop is kept, sequential, for the small case).
static LogicalResult parallelize(RewriterBase &rewriter, scf::ForOp loop,
                                 int64_t minWork) {
  // After bufferization an iter_arg written in place is yielded as is.
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  for (auto [arg, yielded] :
       llvm::zip(loop.getRegionIterArgs(), yield.getOperands()))
    if (arg != yielded)
      return failure();
  if (!loop.getInductionVar().getType().isIndex())
    return failure();
  int64_t perIteration =
      std::max<int64_t>(estimateWork(*loop.getBody(), minWork), 1);
  // The fewest iterations that reach minWork (a division: no overflow).
  int64_t minTrips =
      minWork / perIteration + (minWork % perIteration != 0 ? 1 : 0);
  std::optional<APInt> trips = loop.getStaticTripCount();
  if (trips && trips->getSExtValue() < minTrips)
    return failure();
  SmallVector<Value> scratch = findScratchBuffers(loop);

  for (auto [arg, init, result] : llvm::zip(
           loop.getRegionIterArgs(), loop.getInitArgs(), loop.getResults())) {
    rewriter.replaceAllUsesWith(arg, init);
    rewriter.replaceAllUsesWith(result, init);
  }
  for (Value buffer : scratch)
    privatize(rewriter, *loop.getBody(), buffer);

  rewriter.setInsertionPoint(loop);
  if (!trips) {
    // if ((ub - lb) >= ceil(minWork / perIteration) * step): parallel;
    // otherwise the sequential loop, cloned before its body moves.
    Location loc = loop.getLoc();
    Value span = arith::SubIOp::create(rewriter, loc, loop.getUpperBound(),
                                       loop.getLowerBound());
    Value threshold = arith::MulIOp::create(
        rewriter, loc, loop.getStep(),
        arith::ConstantIndexOp::create(rewriter, loc, minTrips));
    Value large = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::sge, span, threshold);
    auto choice = scf::IfOp::create(rewriter, loc, large,
                                    /*withElseRegion=*/true);
    rewriter.setInsertionPoint(choice.elseBlock()->getTerminator());
    rewriter.clone(*loop);
    rewriter.setInsertionPoint(choice.thenBlock()->getTerminator());
  }
  auto parallel = scf::ParallelOp::create(
      rewriter, loop.getLoc(), ValueRange{loop.getLowerBound()},
      ValueRange{loop.getUpperBound()}, ValueRange{loop.getStep()});
  Block *body = parallel.getBody();
  rewriter.eraseOp(yield);
  rewriter.inlineBlockBefore(loop.getBody(), body->getTerminator(),
                             body->getArguments());
  rewriter.eraseOp(loop);
  return success();
}

/// Moves each allocation made outside the marked loops whose every use is
/// inside one into the body of the innermost marked loop holding all its
/// uses, so that each iteration has its own (scratch such as a packed
/// panel: see the file comment). Run before the arena is planned: planned,
/// such buffers share one slot, and CSE may merge the views of slots that
/// two loops use into one value that no longer looks like scratch.
static void privatizeScratchAllocations(func::FuncOp func) {
  SmallVector<memref::AllocOp> allocs;
  func.walk([&](memref::AllocOp alloc) { allocs.push_back(alloc); });
  for (memref::AllocOp alloc : allocs) {
    if (alloc->use_empty())
      continue;
    // The marked loops around the first use, innermost first; keep those
    // that hold every use.
    SmallVector<scf::ForOp> candidates;
    Operation *first = *alloc->user_begin();
    for (auto loop = first->getParentOfType<scf::ForOp>(); loop;
         loop = loop->getParentOfType<scf::ForOp>())
      if (loop->hasAttr(kParallelLoopAttr))
        candidates.push_back(loop);
    for (scf::ForOp loop : candidates) {
      if (loop->isAncestor(alloc))
        break; // already per iteration of this loop and those around it
      if (!llvm::all_of(alloc->getUsers(), [&](Operation *user) {
            return loop->isProperAncestor(user);
          }))
        continue;
      alloc->moveBefore(&loop.getBody()->front());
      break;
    }
  }
}

namespace {
struct ParallelizeTileLoopsPass
    : public dfg::impl::DFGParallelizeTileLoopsPassBase<
          ParallelizeTileLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (minTrips < 1 || minWork < 0) {
      func.emitError() << "dfg-parallelize-tile-loops: min-trips must be at "
                          "least 1 and min-work at least 0, got min-trips="
                       << minTrips.getValue()
                       << " min-work=" << minWork.getValue();
      return signalPassFailure();
    }
    if (privatizeOnly) {
      privatizeScratchAllocations(func);
      return;
    }
    SmallVector<scf::ForOp> loops;
    func.walk<WalkOrder::PreOrder>([&](scf::ForOp loop) {
      if (loop->hasAttr(kParallelLoopAttr))
        loops.push_back(loop);
    });
    IRRewriter rewriter(&getContext());
    // Outermost first; a loop inside one already parallel stays sequential
    // (nested parallel regions would only add fork-join overhead).
    for (scf::ForOp loop : loops) {
      loop->removeAttr(kParallelLoopAttr);
      if (loop->getParentOfType<scf::ParallelOp>() ||
          !isOuterParallelism(loop, minTrips))
        continue;
      (void)parallelize(rewriter, loop, minWork);
    }
    // The sequential copies made for small run-time trip counts keep the
    // marks of their inner loops.
    func.walk([](scf::ForOp loop) { loop->removeAttr(kParallelLoopAttr); });
  }
};
} // namespace
