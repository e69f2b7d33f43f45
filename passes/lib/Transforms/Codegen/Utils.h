//===- Utils.h - helpers shared by the code generation passes ---*- C++ -*-===//

#ifndef DFG_LIB_TRANSFORMS_CODEGEN_UTILS_H
#define DFG_LIB_TRANSFORMS_CODEGEN_UTILS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

namespace mlir::dfg::codegen {

/// Peels every scf.for in `loops` whose step may not divide its trip count,
/// innermost first so that the partial iterations of outer loops contain
/// already-peeled inner loops.
void peelLoops(RewriterBase &rewriter, ArrayRef<LoopLikeOpInterface> loops);

/// Tiles `op` with `sizes` (0: not tiled; loops in `interchange` order when
/// given) and replaces it with the tiled loop nest.
FailureOr<scf::SCFTilingResult>
tileAndReplace(RewriterBase &rewriter, linalg::LinalgOp op,
               ArrayRef<int64_t> sizes, ArrayRef<int64_t> interchange = {});

/// Whether a convolution or pooling has all strides 1.
bool hasUnitStrides(Operation *op);

/// Applies the codegen canonicalization patterns
/// (populateCodegenCanonicalizationPatterns) to `root`. Not converging
/// within the driver's limit leaves valid IR, so it is not an error.
void canonicalize(Operation *root);

} // namespace mlir::dfg::codegen

#endif // DFG_LIB_TRANSFORMS_CODEGEN_UTILS_H
