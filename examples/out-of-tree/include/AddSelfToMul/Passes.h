//===- Passes.h - the example's pass ----------------------------*- C++ -*-===//

#ifndef ADDSELFTOMUL_PASSES_H
#define ADDSELFTOMUL_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace addselftomul {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "AddSelfToMul/Passes.h.inc"

/// Adds the pattern rewriting `dfg.add(x, x)` into `dfg.mul(x, 2)`.
void populateAddSelfToMulPatterns(mlir::RewritePatternSet &patterns);

} // namespace addselftomul

#endif // ADDSELFTOMUL_PASSES_H
