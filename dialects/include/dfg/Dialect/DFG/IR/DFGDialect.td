//===- DFGDialect.td - The dfg dialect -------------------------*- tablegen -*-===//
//
// The dataflow-graph dialect: a compact, orthogonal tensor op set for ML
// inference and training graphs, in the spirit of TOSA and StableHLO.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGDIALECT_TD
#define DFG_DIALECT_DFG_IR_DFGDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def DFG_Dialect : Dialect {
  let name = "dfg";
  let cppNamespace = "::mlir::dfg";
  let summary = "Dataflow graphs for ML inference and training";
  let description = [{
    The `dfg` dialect expresses the tensor programs of machine-learning
    models: the forward graph of inference, and for training the loss, the
    backward graph and the optimizer updates. Graphs are `func.func` bodies
    over builtin ranked tensors (dimensions may be dynamic); large constants
    are `dense_resource` attributes so that weights stay out of the textual
    IR.

    The op set is small and orthogonal: composite ONNX operators (softmax,
    layer and batch normalization, GELU, Gemm, ...) are decomposed into it at
    import, so that every later pass has few ops to understand. Elementwise
    binary ops broadcast numpy-style; every op infers its result type from
    its operands and attributes, and accepts a declared result type that is
    less refined (a `?` where a size is known) so that `dfg-infer-shapes` can
    refine graphs imported with unknown sizes.

    Signed and signless integers are both "signed" in `dfg`; unsigned ONNX
    types use MLIR's `ui8`..`ui64`; booleans are `i1`.
  }];
  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 1;
}

class DFG_Op<string mnemonic, list<Trait> traits = []>
    : Op<DFG_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def DFG_ReduceKind : I32EnumAttr<"ReduceKind", "reduction combiner", [
    I32EnumAttrCase<"Sum", 0, "sum">,
    I32EnumAttrCase<"Prod", 1, "prod">,
    I32EnumAttrCase<"Max", 2, "max">,
    I32EnumAttrCase<"Min", 3, "min">,
    I32EnumAttrCase<"Mean", 4, "mean">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_ReduceKindAttr : EnumAttr<DFG_Dialect, DFG_ReduceKind, "reduce_kind">;

def DFG_ArgKind : I32EnumAttr<"ArgKind", "arg-reduction kind", [
    I32EnumAttrCase<"ArgMax", 0, "argmax">,
    I32EnumAttrCase<"ArgMin", 1, "argmin">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_ArgKindAttr : EnumAttr<DFG_Dialect, DFG_ArgKind, "arg_kind">;

def DFG_PoolKind : I32EnumAttr<"PoolKind", "pooling combiner", [
    I32EnumAttrCase<"Max", 0, "max">,
    I32EnumAttrCase<"Avg", 1, "avg">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_PoolKindAttr : EnumAttr<DFG_Dialect, DFG_PoolKind, "pool_kind">;

def DFG_ComparePredicate : I32EnumAttr<"ComparePredicate",
    "elementwise comparison predicate", [
    I32EnumAttrCase<"EQ", 0, "eq">,
    I32EnumAttrCase<"NE", 1, "ne">,
    I32EnumAttrCase<"LT", 2, "lt">,
    I32EnumAttrCase<"LE", 3, "le">,
    I32EnumAttrCase<"GT", 4, "gt">,
    I32EnumAttrCase<"GE", 5, "ge">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_ComparePredicateAttr
    : EnumAttr<DFG_Dialect, DFG_ComparePredicate, "predicate">;

def DFG_PadMode : I32EnumAttr<"PadMode", "padding mode", [
    I32EnumAttrCase<"Constant", 0, "constant">,
    I32EnumAttrCase<"Reflect", 1, "reflect">,
    I32EnumAttrCase<"Edge", 2, "edge">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_PadModeAttr : EnumAttr<DFG_Dialect, DFG_PadMode, "pad_mode">;

def DFG_MomentumMode : I32EnumAttr<"MomentumMode", "momentum update rule", [
    I32EnumAttrCase<"Standard", 0, "standard">,
    I32EnumAttrCase<"Nesterov", 1, "nesterov">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_MomentumModeAttr
    : EnumAttr<DFG_Dialect, DFG_MomentumMode, "momentum_mode">;

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def DFG_Element : AnyTypeOf<[AnyFloat, AnyInteger]>;
def DFG_Tensor : RankedTensorOf<[AnyFloat, AnyInteger]>;
def DFG_FloatTensor : RankedTensorOf<[AnyFloat]>;
def DFG_IntTensor : RankedTensorOf<[AnyInteger]>;
def DFG_BoolTensor : RankedTensorOf<[I1]>;
def DFG_IndexTensor : RankedTensorOf<[AnySignlessInteger]>;
def DFG_ShapeTensor : 1DTensorOf<[I64]>;
def DFG_FloatScalarTensor : 0DTensorOf<[AnyFloat]>;
def DFG_StepTensor : 0DTensorOf<[I64]>,
    BuildableType<"::mlir::RankedTensorType::get({}, $_builder.getI64Type())">;

#endif // DFG_DIALECT_DFG_IR_DFGDIALECT_TD
