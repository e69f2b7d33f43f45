//===- Passes.h - dfg CPU code generation passes ----------------*- C++ -*-===//

#ifndef DFG_TRANSFORMS_CODEGEN_PASSES_H
#define DFG_TRANSFORMS_CODEGEN_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"

namespace mlir::dfg {

#define GEN_PASS_DECL
#include "dfg/Transforms/Codegen/Passes.h.inc"

/// Register tile of a contraction: output rows (`m`), output columns
/// (`n`) and reduction steps (`k`) handled by one vector.contract.
struct ContractionTileSizes {
  int64_t m = 6;
  int64_t n = 16;
  int64_t k = 1;
};

/// Tiles `op` (a contraction with one m, one n and one k dimension and any
/// number of batch dimensions) into register tiles of `sizes`, peels the
/// loops whose trip count the tile does not divide and vectorizes every
/// tile (with masks for the partial ones). The accumulator is left as a
/// transfer_read/contract/transfer_write per k step; hoisting it out of
/// the reduction loop is done by `hoistVectorAccumulators`.
LogicalResult tileAndVectorizeContraction(RewriterBase &rewriter,
                                          linalg::LinalgOp op,
                                          const ContractionTileSizes &sizes);

/// Rewrites an f32 `linalg.conv_2d_nchw_fchw` with static C, H, W, F (the
/// batch may be dynamic) as a contraction out[n, f, oh*ow] += W[f, c*kh*kw]
/// * col[n, c*kh*kw, oh*ow], where `col` is the collapsed input for a 1x1
/// unit-stride convolution and an im2col tensor filled by one strided
/// `linalg.copy` per filter tap otherwise. Returns the contraction; the
/// copies are appended to `copies` when given.
FailureOr<linalg::LinalgOp>
rewriteConvAsContraction(RewriterBase &rewriter, linalg::Conv2DNchwFchwOp conv,
                         SmallVectorImpl<linalg::LinalgOp> *copies = nullptr);

/// Rewrites an f32 NCHW `linalg.depthwise_conv_2d_nchw_chw`,
/// `linalg.pooling_nchw_max` or `linalg.pooling_nchw_sum` with a static
/// window of at most 64 taps (and static C, OH, OW; the batch may be
/// dynamic) as one elementwise `linalg.generic` over the output that reads
/// one strided input slice per tap, combining the taps in the op's order.
FailureOr<linalg::LinalgOp> rewriteWindowOpAsElementwise(RewriterBase &rewriter,
                                                         linalg::LinalgOp op);

/// Rewrites a `tensor.pad` of an f32 tensor with a constant padding value
/// as fills of the padded tensor's border and a `linalg.copy` of the source
/// into its interior, which lowers to loops over contiguous rows where the
/// pad would bufferize to a strided memref.copy (a runtime call). When the
/// source is computed by a linalg op into a `tensor.empty` and used only by
/// the pad, that op computes straight into the interior instead (no copy).
/// Returns the op that writes the interior. Do not canonicalize between
/// this and bufferization: folding the slices makes the writes out of place.
FailureOr<linalg::LinalgOp> decomposePadAsCopy(RewriterBase &rewriter,
                                               tensor::PadOp pad);

/// Rewrites a `tensor.concat` whose operands are each computed by a linalg
/// op into a `tensor.empty` (and used only by the concat) so that each op
/// computes straight into its slice of the concatenated tensor: the concat
/// becomes a chain of in-place `tensor.insert_slice`s instead of copies.
LogicalResult writeConcatOperandsInPlace(RewriterBase &rewriter,
                                         tensor::ConcatOp concat);

/// Rewrites an f32 `linalg.generic` computing out[b, m, n] += A * B with A
/// indexed (b, m, k) or (m, k) and B (b, k, n) or (k, n) as the equivalent
/// `linalg.batch_matmul` (with explicit indexing maps for the broadcast
/// forms), which the contraction path takes. `b` may be several leading
/// batch loops (b0, b1, ...); they are collapsed into one, reshaping the
/// operands and the result.
FailureOr<linalg::LinalgOp>
specializeBroadcastBatchMatmul(RewriterBase &rewriter,
                               linalg::GenericOp generic);

/// Tiles an all-parallel linalg op whose indexing maps are projected
/// permutations (a copy, an elementwise generic) by 1 in every dimension
/// but the innermost, which it tiles by `innerTile`, peels the innermost
/// loop and marks the tiles for vectorization.
LogicalResult tileInnermostForVectorization(RewriterBase &rewriter,
                                            linalg::LinalgOp op,
                                            int64_t innerTile);

/// Hoists matching transfer_read/transfer_write (and extract_slice/
/// insert_slice) pairs of loop-carried tensors out of every scf.for loop in
/// `root`, innermost first, so that accumulators live in vector registers.
void hoistVectorAccumulators(RewriterBase &rewriter, Operation *root);

/// Patterns that lower vector.contract to vector.outerproduct and then to
/// vector.fma, and simplify transfer permutation maps, so that what is left
/// are minor-identity transfers, broadcasts and FMAs.
void populateContractionToFMAPatterns(RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "dfg/Transforms/Codegen/Passes.h.inc"

} // namespace mlir::dfg

#endif // DFG_TRANSFORMS_CODEGEN_PASSES_H
