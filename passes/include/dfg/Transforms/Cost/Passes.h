//===- Passes.h - dfg cost-model passes -------------------------*- C++ -*-===//

#ifndef DFG_TRANSFORMS_COST_PASSES_H
#define DFG_TRANSFORMS_COST_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::dfg {

#define GEN_PASS_DECL
#include "dfg/Transforms/Cost/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "dfg/Transforms/Cost/Passes.h.inc"

} // namespace mlir::dfg

#endif // DFG_TRANSFORMS_COST_PASSES_H
