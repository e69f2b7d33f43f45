//===- Passes.h - dfg memory passes -----------------------------*- C++ -*-===//

#ifndef DFG_TRANSFORMS_MEMORY_PASSES_H
#define DFG_TRANSFORMS_MEMORY_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"

namespace mlir::dfg {

#define GEN_PASS_DECL
#include "dfg/Transforms/Memory/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "dfg/Transforms/Memory/Passes.h.inc"

} // namespace mlir::dfg

#endif // DFG_TRANSFORMS_MEMORY_PASSES_H
