//===- DFGTypes.td - dfg types ---------------------------------*- tablegen -*-===//
//
// Included from DFGOps.td. Graph values are builtin ranked tensors; these
// types add ONNX's other value kinds: sequences of tensors and optional
// values.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGTYPES_TD
#define DFG_DIALECT_DFG_IR_DFGTYPES_TD

include "dfg/Dialect/DFG/IR/DFGDialect.td"

class DFG_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<DFG_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def DFG_SequenceType : DFG_Type<"Sequence", "sequence"> {
  let summary = "an ordered list of tensors of one element type";
  let description = [{
    ONNX's `seq(tensor(T))`: a list, of a length known only at run time, of
    tensors that share an element type. The element tensor type describes
    every tensor of the list: a `?` where their sizes may differ, and an
    unranked tensor type when even their ranks may differ or are unknown
    (an ONNX sequence declared without shape, or built from an empty one).

    ```mlir
    !dfg.sequence<tensor<?x3xf32>>
    !dfg.sequence<tensor<*xi64>>
    ```
  }];
  let parameters = (ins "::mlir::TensorType":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
  let builders = [
    TypeBuilderWithInferredContext<(ins "::mlir::TensorType":$elementType), [{
      return $_get(elementType.getContext(), elementType);
    }]>
  ];
  let genVerifyDecl = 1;
}

def DFG_OptionalType : DFG_Type<"Optional", "optional"> {
  let summary = "a value that may be absent";
  let description = [{
    ONNX's `optional(T)`: either no value or a value of `T`, a ranked
    tensor type or a `!dfg.sequence`.

    ```mlir
    !dfg.optional<tensor<4xf32>>
    !dfg.optional<!dfg.sequence<tensor<5xf32>>>
    ```
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
  let builders = [
    TypeBuilderWithInferredContext<(ins "::mlir::Type":$elementType), [{
      return $_get(elementType.getContext(), elementType);
    }]>
  ];
  let genVerifyDecl = 1;
}

#endif // DFG_DIALECT_DFG_IR_DFGTYPES_TD
