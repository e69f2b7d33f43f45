//===- Passes.h - dfg conversion passes -------------------------*- C++ -*-===//

#ifndef DFG_CONVERSION_PASSES_H
#define DFG_CONVERSION_PASSES_H

#include "dfg/Conversion/DFGToLinalg/DFGToLinalg.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::dfg {

#define GEN_PASS_DECL
#include "dfg/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "dfg/Conversion/Passes.h.inc"

} // namespace mlir::dfg

#endif // DFG_CONVERSION_PASSES_H
