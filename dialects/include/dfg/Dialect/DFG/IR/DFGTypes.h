//===- DFGTypes.h - dfg types -----------------------------------*- C++ -*-===//

#ifndef DFG_DIALECT_DFG_IR_DFGTYPES_H
#define DFG_DIALECT_DFG_IR_DFGTYPES_H

#include "dfg/Dialect/DFG/IR/DFGDialect.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/TypeRange.h"

#define GET_TYPEDEF_CLASSES
#include "dfg/Dialect/DFG/IR/DFGOpsTypes.h.inc"

namespace mlir::dfg {

/// Returns true when each pair of types in `lhs` and `rhs` describes the
/// same values up to refinement: tensors as in areCompatibleTensorTypes, an
/// unranked sequence element against any of its element type, sequences
/// and optionals by their element types.
bool areCompatibleValueTypes(TypeRange lhs, TypeRange rhs);

} // namespace mlir::dfg

#endif // DFG_DIALECT_DFG_IR_DFGTYPES_H
