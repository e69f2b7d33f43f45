//===- Passes.h - dfg passes for the runtime --------------------*- C++ -*-===//

#ifndef DFG_TRANSFORMS_RUNTIME_PASSES_H
#define DFG_TRANSFORMS_RUNTIME_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::dfg {

#define GEN_PASS_DECL
#include "dfg/Transforms/Runtime/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "dfg/Transforms/Runtime/Passes.h.inc"

} // namespace mlir::dfg

#endif // DFG_TRANSFORMS_RUNTIME_PASSES_H
