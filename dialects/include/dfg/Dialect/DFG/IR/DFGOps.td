//===- DFGOps.td - dfg op definitions --------------------------*- tablegen -*-===//
//
// The op set's base classes; the ops themselves live in one file per family
// (included below): elementwise (with constants), linear algebra and
// windows, reductions, data movement, indexing, training updates, random
// number generation, vision and signal, sequences and optionals, and control
// flow.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGOPS_TD
#define DFG_DIALECT_DFG_IR_DFGOPS_TD

include "dfg/Dialect/DFG/IR/DFGDialect.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

/// Ops whose result type is inferred but may be declared less refined (a `?`
/// where the inferred size is known); `dfg-infer-shapes` refines them.
class DFG_InferredOp<string mnemonic, list<Trait> traits = []>
    : DFG_Op<mnemonic, traits # [Pure, InferTypeOpAdaptorWithIsCompatible]> {
  code refinableDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange l,
                                            ::mlir::TypeRange r) {
      return ::mlir::dfg::areCompatibleTensorTypes(l, r);
    }
  }];
  let extraClassDefinition = refinableDefinition;
}

include "dfg/Dialect/DFG/IR/DFGElementwiseOps.td"
include "dfg/Dialect/DFG/IR/DFGLinalgOps.td"
include "dfg/Dialect/DFG/IR/DFGReductionOps.td"
include "dfg/Dialect/DFG/IR/DFGDataMovementOps.td"
include "dfg/Dialect/DFG/IR/DFGIndexingOps.td"
include "dfg/Dialect/DFG/IR/DFGTrainingOps.td"
include "dfg/Dialect/DFG/IR/DFGRandomOps.td"
include "dfg/Dialect/DFG/IR/DFGVisionOps.td"
include "dfg/Dialect/DFG/IR/DFGSequenceOps.td"
include "dfg/Dialect/DFG/IR/DFGControlFlowOps.td"

#endif // DFG_DIALECT_DFG_IR_DFGOPS_TD
