//===- Passes.td - dfg CPU code generation passes --------------*- tablegen -*-===//

#ifndef DFG_TRANSFORMS_CODEGEN_PASSES_TD
#define DFG_TRANSFORMS_CODEGEN_PASSES_TD

include "mlir/Pass/PassBase.td"

// The CPU code generator, one step per pass, in the order the
// `dfg-tile-and-vectorize` pipeline (and `dfg-lower-to-llvm`) runs them on
// linalg on tensors, before bufferization:
//
//   dfg-conv-to-contraction      convolutions as im2col or direct contractions
//   dfg-window-to-elementwise    depthwise convolutions and poolings
//   dfg-specialize-contractions  contraction generics as named matmuls
//   dfg-tile-contractions        register tiles, peeling, panel packing
//   dfg-vectorize-tiles          the marked tiles as vector code
//   dfg-lower-contractions-to-fma
//   dfg-write-in-place           pads and concats written in place
//
// and, after bufferization, dfg-parallelize-tile-loops (the tile loops the
// tiling passes marked with `dfg.parallel`, as scf.parallel).
//
// The passes that tile mark what they tiled with the vector sizes it is to
// be vectorized with (`dfg.vector_sizes`, a DenseI64ArrayAttr with one size
// per loop); `dfg-vectorize-tiles` vectorizes what is marked. The marks are
// the only state that travels between the passes.

def DFGFuseElementwisePass
    : Pass<"dfg-fuse-elementwise", "func::FuncOp"> {
  let summary = "Fuse producer-consumer elementwise linalg ops, with a bound "
                "on the fused body";
  let description = [{
    Upstream's `linalg-fuse-elementwise-ops` (elementwise producers with one
    use fused into their consumers, reshapes folded by expansion, constant
    folding of linalg ops), with one difference: a fusion is taken only
    while the fused body stays within `max-body-ops` operations. Each
    fusion copies the producer's body into the consumer, so fusing a chain
    of n elementwise ops without a bound copies O(n^2) operations: a chain
    of 3,000 took 9.5 s, one of 10,000 did not finish in 5 minutes. With the
    bound a long chain becomes kernels of at most `max-body-ops` operations
    each, in linear time; the chains of real models (activations, folded
    normalizations, residual adds) are far shorter.

    ```mlir
    %1 = linalg.generic ... ins(%0) { math.exp } -> tensor<4x8xf32>
    %2 = linalg.generic ... ins(%1) { arith.negf } -> tensor<4x8xf32>
    // becomes one linalg.generic whose body does both
    ```
  }];
  let options = [
    Option<"maxBodyOps", "max-body-ops", "int64_t", /*default=*/"64",
           "Largest number of operations in a fused body (its yield "
           "included); a fusion that would exceed it is left undone">,
  ];
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def DFGConvToContractionPass
    : Pass<"dfg-conv-to-contraction", "func::FuncOp"> {
  let summary = "Rewrite 2-D NCHW convolutions as contractions";
  let description = [{
    Every f32 `linalg.conv_2d_nchw_fchw` with a static filter and input
    channels (the batch, height and width may be known only at run time)
    becomes a contraction (filter
    [F, C*KH*KW] times columns [N, C*KH*KW, OH*OW], a `linalg.batch_matmul`
    with a broadcast filter). The columns are the input itself for a 1x1
    unit-stride convolution whose output provably covers its input
    (`direct`) and an im2col tensor filled by a strided `linalg.copy` per
    filter tap otherwise, one copy in an `scf.for` nest over the taps.
    A grouped `linalg.conv_2d_ngchw_gfchw` (static groups, channels and
    filter) becomes one `linalg.batch_matmul` over the groups per image
    (filter [G, F/G, C/G*KH*KW] times columns [G, C/G*KH*KW, OH*OW], the
    columns built the same way), in an `scf.for` over the images unless the
    batch is statically one. The
    copy of a unit-stride convolution is tiled by `copy-tile` along its
    innermost dimension and marked for `dfg-vectorize-tiles`.

    ```mlir
    // Before:
    %r = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x8x10x10xf32>, tensor<4x8x3x3xf32>) ...
    // After (schematically):
    %col = scf.for 0..3 { scf.for 0..3 { linalg.copy of one tap } }  // tensor<1x8x3x3x8x8xf32>
    %r = linalg.batch_matmul ins(%wf, %colf : tensor<4x72xf32>, tensor<1x72x64xf32>) ...
    ```
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
  let options = [
    Option<"im2col", "im2col", "bool", /*default=*/"true",
           "Rewrite convolutions that are not 1x1 unit-stride through an "
           "im2col tensor (off: only the direct 1x1 case is rewritten)">,
    Option<"copyTile", "copy-tile", "int64_t", /*default=*/"16",
           "Vector length of the im2col copies (innermost dimension)">,
  ];
}

def DFGWindowToElementwisePass
    : Pass<"dfg-window-to-elementwise", "func::FuncOp"> {
  let summary = "Rewrite NCHW depthwise convolutions and poolings as "
                "elementwise ops over strided input slices";
  let description = [{
    An f32 NCHW `linalg.depthwise_conv_2d_nchw_chw`,
    `linalg.pooling_nchw_max` or `linalg.pooling_nchw_sum` with a static
    window of at most 64 taps (the batch, channels, height and width may be
    known only at run time) becomes one elementwise `linalg.generic` over
    the output that reads one strided input slice per tap. Unit-stride ones
    are tiled by `vector-tile` along the output width and marked for
    `dfg-vectorize-tiles`; strided ones are left to LLVM's loop vectorizer.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
  let options = [
    Option<"vectorTile", "vector-tile", "int64_t", /*default=*/"16",
           "Vector length along the output width">,
  ];
}

def DFGSpecializeContractionsPass
    : Pass<"dfg-specialize-contractions", "func::FuncOp"> {
  let summary = "Rewrite contraction generics as named matmuls";
  let description = [{
    An f32 `linalg.generic` computing out[b..., m, n] += A * B with a
    batched or broadcast (batch-less) left and right operand becomes a
    `linalg.batch_matmul` (several batch loops collapsed into one) or, for
    x @ W with a batch-less W, one `linalg.matmul` over all the rows of x.
    Other contraction generics whose operands have the named op's default
    layout become `linalg.matmul`/`linalg.batch_matmul`. Named contractions
    vectorize to `vector.contract`; generics would not.
  }];
  let dependentDialects = [
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def DFGTileContractionsPass
    : Pass<"dfg-tile-contractions", "func::FuncOp"> {
  let summary = "Tile f32 matmuls into register tiles and mark them for "
                "vectorization";
  let description = [{
    `linalg.matmul` and `linalg.batch_matmul` (f32, one reduction
    dimension, any indexing maps) are tiled into register tiles of `tile-m`
    x `tile-n` output elements (batch dimensions by 1; the loop over `n`
    outside the loop over `m`, so that the k x n panel of the right-hand side
    is reused by every m tile) and the reduction into steps of `tile-k`.
    Loops whose step may not divide the trip count are peeled: full tiles
    have static shapes, the last partial tile is vectorized with masks. A
    fill or bias broadcast that initializes the accumulator is fused into the
    tiles. With `pack-rhs`, the k x n panel of a right-hand side whose rows
    are not a whole number of vectors is copied into a contiguous buffer once
    per column of tiles. A partial tile of static width that is not a power
    of two is split into power-of-two tiles; one of run-time width (a
    dynamic n, such as a convolution's OH*OW pixels) into static tiles of
    `tile-n`/2, `tile-n`/4, ..., 1 columns, each in a loop that runs once
    when its bit of the width is set; a partial tile of a run-time number of
    rows runs row by row.

    Every tile is marked with its vector sizes (`dfg.vector_sizes`) for
    `dfg-vectorize-tiles`.
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
  let options = [
    Option<"tileM", "tile-m", "int64_t", /*default=*/"6",
           "Rows of the output register tile">,
    Option<"tileN", "tile-n", "int64_t", /*default=*/"16",
           "Columns of the output register tile (a multiple of the hardware "
           "vector width)">,
    Option<"tileK", "tile-k", "int64_t", /*default=*/"1",
           "Reduction steps per vector.contract">,
    Option<"packRhs", "pack-rhs", "bool", /*default=*/"true",
           "Pack right-hand-side panels whose rows straddle cache lines">,
  ];
}

def DFGVectorizeTilesPass : Pass<"dfg-vectorize-tiles", "func::FuncOp"> {
  let summary = "Vectorize the linalg ops marked with dfg.vector_sizes";
  let description = [{
    Every linalg op marked by the tiling passes is vectorized: without masks
    when its shape is static (a full tile after peeling), with the marked
    sizes and masks otherwise; ops the vectorizer does not take stay tiled
    linalg ops (slower, still correct). Then the transfer_read/write pairs
    of loop-carried accumulators are hoisted out of the loops, innermost
    first, so that accumulators live in vector registers. Simplification
    before and after uses a fixed set of canonicalization patterns (those of
    the affine, arith, linalg, scf, tensor and vector dialects), whatever
    the tool registered.
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def DFGLowerContractionsToFMAPass
    : Pass<"dfg-lower-contractions-to-fma", "func::FuncOp"> {
  let summary = "Lower vector.contract to broadcasts and vector.fma";
  let description = [{
    `vector.contract` becomes `vector.outerproduct` and then `vector.fma`;
    transfer permutation maps are simplified and masked transfers lowered,
    so that what is left are minor-identity transfers, broadcasts and FMAs.
    Ends with the codegen canonicalization patterns (dropping the tensor
    iter_args the hoisting left unused).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def DFGWriteInPlacePass : Pass<"dfg-write-in-place", "func::FuncOp"> {
  let summary = "Write pads and concats in place";
  let description = [{
    A `tensor.pad` of an f32 tensor with a constant value becomes fills of
    its border and a `linalg.copy` of the source into its interior (a loop
    nest over contiguous rows, where the pad would bufferize to an
    element-by-element runtime copy); when the source is computed by a
    linalg op into a `tensor.empty` and used only by the pad, that op writes
    the interior itself. A `tensor.concat` whose operands are each computed
    that way has each op compute into its slice of the result. Run it last
    before bufferization: canonicalization would fold the slices and the
    writes would no longer be in place.
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def DFGParallelizeTileLoopsPass
    : Pass<"dfg-parallelize-tile-loops", "func::FuncOp"> {
  let summary = "Run the marked tile loops in parallel (after bufferization)";
  let description = [{
    The tiling passes mark the loops whose iterations write disjoint
    slices of the output (`dfg.parallel`: the batch, n and m loops of a
    contraction's register tiles, every loop of a tiled elementwise op).
    After bufferization, this pass turns the outermost marked loop of each
    nest into an `scf.parallel` (which `convert-scf-to-openmp` runs over
    the cores), unless it has fewer than `min-trips` iterations or a
    run-time trip count and a marked loop inside it: then the loops inside
    are considered instead. A loop that still carries a memref (not written
    in place) stays sequential, and so does one estimated to run fewer
    than `min-work` operations (a fork and join of the threads costs
    microseconds): the estimate counts each op once, a loop its body times
    its trip count, a linalg op or copy its static iteration space; with a
    run-time trip count, an `scf.if` chooses between the parallel loop and
    a sequential copy. A buffer allocated outside the loop (an
    arena view or an allocation) and used only inside it is scratch (a
    packed panel): each iteration gets its own allocation of it, freed at
    the end of the iteration. Every mark is removed.

    With `privatize-only`, the pass does one thing only, and keeps the
    marks: an allocation made outside the marked loops whose every use is
    inside one moves into the innermost marked loop holding all its uses.
    The pipeline runs it right after bufferization, before the arena is
    planned: planned, such a buffer would share one slot across
    iterations, and CSE may merge the views of equal slots used by several
    loops into one value that no longer looks like scratch.

    ```mlir
    scf.for %i = %c0 to %c96 step %c32 { ... } {dfg.parallel}
    // becomes
    scf.parallel (%i) = (%c0) to (%c96) step (%c32) { ... }
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
  ];
  let options = [
    Option<"minTrips", "min-trips", "int64_t", /*default=*/"8",
           "A marked loop with fewer iterations, around other marked loops, "
           "leaves the parallelism to them">,
    Option<"privatizeOnly", "privatize-only", "bool", /*default=*/"false",
           "Only move each allocation used inside marked loops alone into "
           "the innermost marked loop holding its uses (before "
           "dfg-plan-memory), keeping the marks">,
    Option<"minWork", "min-work", "int64_t", /*default=*/"65536",
           "A loop estimated to run fewer operations (vector ops, elements "
           "of linalg ops) stays sequential; decided at run time when its "
           "trip count is dynamic">,
  ];
}

#endif // DFG_TRANSFORMS_CODEGEN_PASSES_TD
