//===- SpecializeContractions.cpp - contraction generics as matmuls -------===//

#include "dfg/Transforms/Codegen/CodegenAttr.h"
#include "dfg/Transforms/Codegen/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGSPECIALIZECONTRACTIONSPASS
#include "dfg/Transforms/Codegen/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

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
  SmallVector<Attribute> mapAttrs = llvm::to_vector(llvm::map_range(
      generic.getIndexingMapsArray(),
      [](AffineMap m) -> Attribute { return AffineMapAttr::get(m); }));
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
namespace {
struct SpecializeContractionsPass
    : public dfg::impl::DFGSpecializeContractionsPassBase<
          SpecializeContractionsPass> {
  using Base::Base;

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::GenericOp> generics;
    getOperation().walk([&](linalg::GenericOp op) { generics.push_back(op); });
    for (linalg::GenericOp op : generics) {
      // The named op inherits the generic's code-generation choice.
      Attribute choice = op->getAttr(kCodegenAttr);
      FailureOr<linalg::LinalgOp> named =
          specializeBroadcastBatchMatmul(rewriter, op);
      if (failed(named) && linalg::isaContractionOpInterface(op) &&
          isSafeToSpecialize(op)) {
        rewriter.setInsertionPoint(op);
        named = linalg::specializeGenericOp(rewriter, op);
      }
      if (succeeded(named) && choice)
        (*named)->setAttr(kCodegenAttr, choice);
    }
  }
};
} // namespace
