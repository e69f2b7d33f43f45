//===- Passes.h - dfg shape passes ------------------------------*- C++ -*-===//

#ifndef DFG_TRANSFORMS_SHAPE_PASSES_H
#define DFG_TRANSFORMS_SHAPE_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"

namespace mlir::dfg {

#define GEN_PASS_DECL
#include "dfg/Transforms/Shape/Passes.h.inc"

/// Patterns that replace a `dfg` op's declared result types by the more
/// refined types it infers, casting back for users that need the old type.
void populateShapeRefinementPatterns(RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "dfg/Transforms/Shape/Passes.h.inc"

} // namespace mlir::dfg

#endif // DFG_TRANSFORMS_SHAPE_PASSES_H
