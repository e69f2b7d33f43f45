//===- Passes.h - dfg CPU code generation passes ----------------*- C++ -*-===//

#ifndef DFG_TRANSFORMS_CODEGEN_PASSES_H
#define DFG_TRANSFORMS_CODEGEN_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir::dfg {

#define GEN_PASS_DECL
#include "dfg/Transforms/Codegen/Passes.h.inc"

/// The mark the tiling passes put on the linalg ops they tiled: the vector
/// sizes (one per loop, a DenseI64ArrayAttr) each is to be vectorized with
/// by `dfg-vectorize-tiles`. It survives peeling (which clones loop bodies)
/// and canonicalization (which may recreate an op with static types).
inline constexpr llvm::StringLiteral kVectorSizesAttr = "dfg.vector_sizes";

/// The mark the tiling passes put on the tile loops whose iterations are
/// independent (each writes its own slice of the output):
/// `dfg-parallelize-tile-loops` runs them in parallel after bufferization.
inline constexpr llvm::StringLiteral kParallelLoopAttr = "dfg.parallel";

/// How `tileContraction` tiles a contraction: the register tile's output
/// rows (`m`) and columns (`n`), the reduction steps per vector.contract
/// (`k`), and whether right-hand-side panels whose rows straddle cache
/// lines are packed.
struct ContractionTilingOptions {
  int64_t m = 6;
  int64_t n = 16;
  int64_t k = 1;
  bool packRhs = true;
};

/// Tiles `op` (a contraction with one m, one n and one k dimension and any
/// number of batch dimensions) into register tiles of `options`, peels the
/// loops whose trip count the tile does not divide and marks every tile
/// with `kVectorSizesAttr` (partial tiles are vectorized with masks). Once
/// vectorized, the accumulator is a transfer_read/contract/transfer_write
/// per k step; `hoistVectorAccumulators` keeps it in registers.
LogicalResult tileContraction(RewriterBase &rewriter, linalg::LinalgOp op,
                              const ContractionTilingOptions &options);

/// Rewrites an f32 `linalg.conv_2d_nchw_fchw` with static C, H, W, F (the
/// batch may be dynamic) as a contraction out[n, f, oh*ow] += W[f, c*kh*kw]
/// * col[n, c*kh*kw, oh*ow], where `col` is the collapsed input for a 1x1
/// unit-stride convolution and an im2col tensor filled by a strided
/// `linalg.copy` per filter tap otherwise (one copy, in an scf.for nest over
/// the taps). Returns the contraction; the copy is appended to `copies` when
/// given.
/// With `allowIm2Col` false, only the 1x1 unit-stride case is rewritten.
FailureOr<linalg::LinalgOp>
rewriteConvAsContraction(RewriterBase &rewriter, linalg::Conv2DNchwFchwOp conv,
                         bool allowIm2Col = true,
                         SmallVectorImpl<linalg::LinalgOp> *copies = nullptr);

/// Rewrites an f32 grouped `linalg.conv_2d_ngchw_gfchw` (input
/// [N, G, C/G, H, W], filter [G, F/G, C/G, KH, KW] with static groups,
/// channels and filter; batch and image sizes may be known only at run time)
/// as one `linalg.batch_matmul` over the groups per image:
/// out[g, f, oh*ow] += W[g, f, c*kh*kw] * col[g, c*kh*kw, oh*ow], with the
/// columns built as rewriteConvAsContraction builds them. A batch of one
/// needs no loop; other batches loop over the images. Returns the (last
/// built) contraction; the copies are appended to `copies` when given.
FailureOr<linalg::LinalgOp> rewriteGroupedConvAsContraction(
    RewriterBase &rewriter, linalg::Conv2DNgchwGfchwOp conv,
    bool allowIm2Col = true,
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

/// Adds the canonicalization patterns the code generation passes simplify
/// with: those of the affine, arith, linalg, scf, tensor and vector dialects
/// and their ops, whichever other dialects are loaded.
void populateCodegenCanonicalizationPatterns(RewritePatternSet &patterns);

/// Hoists matching transfer_read/transfer_write (and extract_slice/
/// insert_slice) pairs of loop-carried tensors out of every scf.for loop in
/// `root`, innermost first, so that accumulators live in vector registers.
void hoistVectorAccumulators(RewriterBase &rewriter, Operation *root);

/// Patterns that lower vector.contract to vector.outerproduct and then to
/// vector.fma, and simplify transfer permutation maps, so that what is left
/// are minor-identity transfers, broadcasts and FMAs.
void populateContractionToFMAPatterns(RewritePatternSet &patterns);

/// Options of the `dfg-tile-and-vectorize` pipeline.
struct TileAndVectorizeOptions
    : public PassPipelineOptions<TileAndVectorizeOptions> {
  PassOptions::Option<int64_t> tileM{
      *this, "tile-m", llvm::cl::desc("dfg-tile-contractions' tile-m"),
      llvm::cl::init(6)};
  PassOptions::Option<int64_t> tileN{
      *this, "tile-n", llvm::cl::desc("dfg-tile-contractions' tile-n"),
      llvm::cl::init(16)};
  PassOptions::Option<int64_t> tileK{
      *this, "tile-k", llvm::cl::desc("dfg-tile-contractions' tile-k"),
      llvm::cl::init(1)};
  PassOptions::Option<bool> packRhs{
      *this, "pack-rhs", llvm::cl::desc("dfg-tile-contractions' pack-rhs"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> convToContraction{
      *this, "conv-to-contraction",
      llvm::cl::desc("Run dfg-conv-to-contraction"), llvm::cl::init(true)};
  PassOptions::Option<bool> im2col{
      *this, "im2col", llvm::cl::desc("dfg-conv-to-contraction's im2col"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> windowOps{
      *this, "window-ops", llvm::cl::desc("Run dfg-window-to-elementwise"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> elementwiseTile{
      *this, "elementwise-tile",
      llvm::cl::desc("Vector length of the im2col copies and the window "
                     "ops (copy-tile and vector-tile)"),
      llvm::cl::init(16)};
};

/// Adds the code generation passes to `pm` (anchored on func.func), in
/// order: conv-to-contraction, window-to-elementwise,
/// specialize-contractions, tile-contractions, vectorize-tiles,
/// lower-contractions-to-fma, write-in-place.
void buildTileAndVectorizePipeline(OpPassManager &pm,
                                   const TileAndVectorizeOptions &options);

#define GEN_PASS_REGISTRATION
#include "dfg/Transforms/Codegen/Passes.h.inc"

/// Registers the code generation passes and the `dfg-tile-and-vectorize`
/// pipeline.
void registerDFGCodegenPassesAndPipelines();

} // namespace mlir::dfg

#endif // DFG_TRANSFORMS_CODEGEN_PASSES_H
