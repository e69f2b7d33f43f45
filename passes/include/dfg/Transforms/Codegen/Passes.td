//===- Passes.td - dfg CPU code generation passes --------------*- tablegen -*-===//

#ifndef DFG_TRANSFORMS_CODEGEN_PASSES_TD
#define DFG_TRANSFORMS_CODEGEN_PASSES_TD

include "mlir/Pass/PassBase.td"

def DFGTileAndVectorizePass : Pass<"dfg-tile-and-vectorize", "func::FuncOp"> {
  let summary = "Tile the heavy linalg ops on tensors and vectorize the tiles";
  let description = [{
    Runs on linalg on tensors, before bufferization. Contractions
    (`linalg.matmul`, `linalg.batch_matmul` and contraction-shaped
    `linalg.generic`s) are tiled into register tiles of
    `tile-m` x `tile-n` output elements (batch dimensions by 1, the loop
    over `n` outside the loop over `m` so that a `k` x `tile-n` panel of the
    right-hand side stays in cache), the reduction by `tile-k`, and every
    tile is vectorized to a `vector.contract` whose accumulator is carried
    in registers across the reduction loop and then lowered to
    broadcasts and `vector.fma`s.

    `linalg.conv_2d_nchw_fchw` is first rewritten as a contraction (filter
    [F, C*KH*KW] times columns [N, C*KH*KW, OH*OW], a `linalg.batch_matmul`
    with a broadcast filter) that then takes the contraction path; the
    columns are the input itself for 1x1 unit-stride convolutions and an
    im2col tensor filled by one vectorized strided copy per filter tap
    otherwise. NCHW depthwise convolutions and poolings become one
    elementwise op over the output reading one strided input slice per tap,
    vectorized along the output width.

    Loops whose trip count the tile does not divide (including dynamic
    sizes such as a dynamic batch) are peeled: the main loop has static,
    full tiles and is vectorized without masks; the last partial tile is
    vectorized with masks.

    ```mlir
    // Before:
    %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                       outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
    // After (schematically):
    scf.for %j = 0 to 64 step 16 {
      scf.for %i = 0 to 64 step 6 {        // peeled: 60 + a 4-row tile
        %acc = vector.transfer_read ...     : vector<6x16xf32>
        scf.for %k = 0 to 64 step 1 iter_args(%acc) {
          ... vector.fma ...                // 6 per k
        }
        vector.transfer_write ...
      }
    }
    ```

    The output still contains n-D `vector.transfer_read`/`write` ops on
    tensors; after bufferization they need `convert-vector-to-scf` (with
    `full-unroll`) and `convert-vector-to-llvm`.
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect",
  ];
  let options = [
    Option<"tileM", "tile-m", "int64_t", /*default=*/"6",
           "Rows of the output register tile of a contraction">,
    Option<"tileN", "tile-n", "int64_t", /*default=*/"16",
           "Columns of the output register tile of a contraction (a "
           "multiple of the hardware vector width)">,
    Option<"tileK", "tile-k", "int64_t", /*default=*/"1",
           "Reduction steps per vector.contract of a contraction">,
    Option<"convIm2Col", "conv-im2col", "bool", /*default=*/"true",
           "Rewrite 2-D NCHW convolutions as im2col and a contraction">,
    Option<"windowOps", "window-ops", "bool", /*default=*/"true",
           "Rewrite NCHW depthwise convolutions and poolings as elementwise "
           "ops over strided input slices and vectorize them">,
    Option<"elementwiseTile", "elementwise-tile", "int64_t", /*default=*/"16",
           "Vector length of the im2col copies and the elementwise ops from "
           "window-ops (innermost dimension)">,
  ];
}

#endif // DFG_TRANSFORMS_CODEGEN_PASSES_TD
