//===- DFGDialect.h - The dfg dialect ---------------------------*- C++ -*-===//

#ifndef DFG_DIALECT_DFG_IR_DFGDIALECT_H
#define DFG_DIALECT_DFG_IR_DFGDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dfg/Dialect/DFG/IR/DFGOpsDialect.h.inc"

#endif // DFG_DIALECT_DFG_IR_DFGDIALECT_H
