//===- DFGOps.h - dfg ops ---------------------------------------*- C++ -*-===//

#ifndef DFG_DIALECT_DFG_IR_DFGOPS_H
#define DFG_DIALECT_DFG_IR_DFGOPS_H

#include "dfg/Dialect/DFG/IR/DFGDialect.h"
#include "dfg/Dialect/DFG/IR/DFGTypes.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dfg/Dialect/DFG/IR/DFGOpsEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dfg/Dialect/DFG/IR/DFGOpsAttributes.h.inc"

namespace mlir::dfg {

/// Returns true when each pair of types in `lhs` and `rhs` is the same
/// tensor type up to dynamic dimensions: same rank and element type, and
/// sizes that agree wherever both are static. A declared result type may be
/// more or less refined than the inferred one.
bool areCompatibleTensorTypes(TypeRange lhs, TypeRange rhs);

/// Infers the numpy-style broadcast of `operandTypes` (ranked tensors). The
/// result element type is `elementType`, or the first operand's when null.
/// Emits an error at `location` when the shapes do not broadcast.
LogicalResult inferBroadcastType(std::optional<Location> location,
                                 ArrayRef<Type> operandTypes, Type elementType,
                                 SmallVectorImpl<Type> &inferredReturnTypes);

/// The state of the random number generator that dfg.random_uniform and
/// dfg.random_normal read and advance: ops drawing from it keep their order
/// and are never merged or hoisted.
struct RandomGeneratorResource
    : public SideEffects::Resource::Base<RandomGeneratorResource> {
  StringRef getName() final { return "RandomGenerator"; }
};

} // namespace mlir::dfg

#define GET_OP_CLASSES
#include "dfg/Dialect/DFG/IR/DFGOps.h.inc"

#endif // DFG_DIALECT_DFG_IR_DFGOPS_H
