//===- DFGElementwiseOps.td - dfg elementwise ops and constants --*- tablegen -*-===//
//
// Included from DFGOps.td, which defines the base classes.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGELEMENTWISEOPS_TD
#define DFG_DIALECT_DFG_IR_DFGELEMENTWISEOPS_TD

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def DFG_ConstantOp : DFG_InferredOp<"constant", [ConstantLike]> {
  let summary = "tensor constant";
  let description = [{
    A constant tensor. Large weights are `dense_resource` blobs, so that the
    textual IR stays small; small constants are `dense` literals.

    ```mlir
    %w = dfg.constant dense<[1.0, 2.0]> : tensor<2xf32>
    %big = dfg.constant dense_resource<conv1_weight> : tensor<64x3x7x7xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise unary
//===----------------------------------------------------------------------===//

class DFG_UnaryOp<string mnemonic, Type operandType, list<Trait> traits = []>
    : DFG_InferredOp<mnemonic, traits # [SameOperandsAndResultElementType,
                                        SameOperandsAndResultShape]> {
  let arguments = (ins operandType:$input);
  let results = (outs operandType:$output);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, $output)";
  let extraClassDefinition = refinableDefinition # [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location>,
        Adaptor adaptor,
        ::llvm::SmallVectorImpl<::mlir::Type> &inferredReturnTypes) {
      inferredReturnTypes.push_back(adaptor.getInput().getType());
      return ::llvm::success();
    }
  }];
}

class DFG_FloatUnaryOp<string mnemonic, string what>
    : DFG_UnaryOp<mnemonic, DFG_FloatTensor> {
  let summary = "elementwise " # what;
  let description = [{
    Applies }] # what # [{ to every element of a floating-point tensor.

    ```mlir
    %y = dfg.}] # mnemonic # [{ %x : (tensor<2x?xf32>) -> tensor<2x?xf32>
    ```
  }];
}

def DFG_ExpOp : DFG_FloatUnaryOp<"exp", "the natural exponential">;
def DFG_LogOp : DFG_FloatUnaryOp<"log", "the natural logarithm">;
def DFG_SqrtOp : DFG_FloatUnaryOp<"sqrt", "the square root">;
def DFG_RsqrtOp : DFG_FloatUnaryOp<"rsqrt", "the reciprocal square root">;
def DFG_ReciprocalOp : DFG_FloatUnaryOp<"reciprocal", "1 / x">;
def DFG_TanhOp : DFG_FloatUnaryOp<"tanh", "the hyperbolic tangent">;
def DFG_SigmoidOp : DFG_FloatUnaryOp<"sigmoid", "the logistic function 1 / (1 + exp(-x))">;
def DFG_ErfOp : DFG_FloatUnaryOp<"erf", "the Gauss error function">;
def DFG_SinOp : DFG_FloatUnaryOp<"sin", "the sine">;
def DFG_CosOp : DFG_FloatUnaryOp<"cos", "the cosine">;
def DFG_FloorOp : DFG_FloatUnaryOp<"floor", "rounding towards negative infinity"> {
  let hasFolder = 1;
}
def DFG_CeilOp : DFG_FloatUnaryOp<"ceil", "rounding towards positive infinity"> {
  let hasFolder = 1;
}
def DFG_RoundOp : DFG_FloatUnaryOp<"round", "rounding to the nearest even integer">;
def DFG_TanOp : DFG_FloatUnaryOp<"tan", "the tangent">;
def DFG_AsinOp : DFG_FloatUnaryOp<"asin", "the arcsine">;
def DFG_AcosOp : DFG_FloatUnaryOp<"acos", "the arccosine">;
def DFG_AtanOp : DFG_FloatUnaryOp<"atan", "the arctangent">;
def DFG_SinhOp : DFG_FloatUnaryOp<"sinh", "the hyperbolic sine">;
def DFG_CoshOp : DFG_FloatUnaryOp<"cosh", "the hyperbolic cosine">;
def DFG_AsinhOp : DFG_FloatUnaryOp<"asinh", "the inverse hyperbolic sine">;
def DFG_AcoshOp : DFG_FloatUnaryOp<"acosh", "the inverse hyperbolic cosine">;
def DFG_AtanhOp : DFG_FloatUnaryOp<"atanh", "the inverse hyperbolic tangent">;

def DFG_NegOp : DFG_UnaryOp<"neg", DFG_Tensor> {
  let summary = "elementwise negation";
  let description = [{
    Negates every element.

    ```mlir
    %y = dfg.neg %x : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def DFG_AbsOp : DFG_UnaryOp<"abs", DFG_Tensor> {
  let summary = "elementwise absolute value";
  let description = [{
    ```mlir
    %y = dfg.abs %x : (tensor<4xi32>) -> tensor<4xi32>
    ```
  }];
  let hasFolder = 1;
}

def DFG_SignOp : DFG_UnaryOp<"sign", DFG_Tensor> {
  let summary = "elementwise sign (-1, 0 or 1)";
  let description = [{
    ```mlir
    %y = dfg.sign %x : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
}

def DFG_NotOp : DFG_UnaryOp<"not", DFG_BoolTensor> {
  let summary = "elementwise logical not";
  let description = [{
    ```mlir
    %y = dfg.not %x : (tensor<4xi1>) -> tensor<4xi1>
    ```
  }];
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def DFG_ClampOp : DFG_InferredOp<"clamp", [SameOperandsAndResultElementType,
                                           SameOperandsAndResultShape]> {
  let summary = "elementwise clamp to [min, max]";
  let description = [{
    Clamps every element to `[min, max]`. ReLU is `clamp` with `min = 0` and
    `max = +inf`; ReLU6 and ONNX `Clip` with constant bounds map here too.

    ```mlir
    %y = dfg.clamp %x {min = 0.0 : f64, max = 6.0 : f64}
        : (tensor<1x8xf32>) -> tensor<1x8xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, F64Attr:$min, F64Attr:$max);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, $output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def DFG_CastOp : DFG_Op<"cast", [Pure, SameOperandsAndResultShape]> {
  let summary = "elementwise element-type conversion";
  let description = [{
    Converts every element to the result's element type: float to float
    rounds to nearest even, float to integer truncates towards zero,
    integer to `i1` tests for non-zero.

    ```mlir
    %y = dfg.cast %x : (tensor<4xf32>) -> tensor<4xi32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, $output)";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise binary and ternary (numpy-style broadcasting)
//===----------------------------------------------------------------------===//

class DFG_BinaryOp<string mnemonic, string what, Type operandType,
                   list<Trait> traits = []>
    : DFG_InferredOp<mnemonic, traits # [SameOperandsAndResultElementType]> {
  let summary = "elementwise " # what # " with broadcasting";
  let description = [{
    Computes }] # what # [{ element by element. The operands broadcast
    numpy-style: shapes are aligned on the right, and a dimension of size 1
    stretches to match the other.

    ```mlir
    %z = dfg.}] # mnemonic # [{ %x, %y
        : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins operandType:$lhs, operandType:$rhs);
  let results = (outs operandType:$output);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = refinableDefinition # [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> location,
        Adaptor adaptor,
        ::llvm::SmallVectorImpl<::mlir::Type> &inferredReturnTypes) {
      return ::mlir::dfg::inferBroadcastType(
          location, {adaptor.getLhs().getType(), adaptor.getRhs().getType()},
          /*elementType=*/nullptr, inferredReturnTypes);
    }
  }];
}

def DFG_AddOp : DFG_BinaryOp<"add", "addition", DFG_Tensor, [Commutative]> {
  let hasFolder = 1;
}
def DFG_SubOp : DFG_BinaryOp<"sub", "subtraction", DFG_Tensor> {
  let hasFolder = 1;
}
def DFG_MulOp : DFG_BinaryOp<"mul", "multiplication", DFG_Tensor,
                             [Commutative]> {
  let hasFolder = 1;
}
def DFG_DivOp : DFG_BinaryOp<"div",
    "division (integers truncate towards zero)", DFG_Tensor> {
  let hasFolder = 1;
}
def DFG_RemOp : DFG_BinaryOp<"rem",
    "remainder with the sign of the dividend (C fmod)", DFG_Tensor>;
def DFG_PowOp : DFG_BinaryOp<"pow",
    "exponentiation (integers: repeated multiplication, wrapping; a negative "
    "exponent gives 0 unless the base is 1 or -1)", DFG_Tensor>;
def DFG_MaxOp : DFG_BinaryOp<"max", "maximum", DFG_Tensor, [Commutative]> {
  let hasFolder = 1;
}
def DFG_MinOp : DFG_BinaryOp<"min", "minimum", DFG_Tensor, [Commutative]> {
  let hasFolder = 1;
}
def DFG_AndOp : DFG_BinaryOp<"and", "logical and", DFG_BoolTensor,
                             [Commutative]>;
def DFG_OrOp : DFG_BinaryOp<"or", "logical or", DFG_BoolTensor,
                            [Commutative]>;
def DFG_XorOp : DFG_BinaryOp<"xor", "logical exclusive or", DFG_BoolTensor,
                             [Commutative]>;
def DFG_ShiftLeftOp : DFG_BinaryOp<"shift_left", "left bit shift",
                                   DFG_IntTensor> {
  let description = [{
    Shifts the bits of `lhs` left by `rhs` positions, filling with zeros
    (ONNX `BitShift` with `direction = "LEFT"`). Shift amounts are read as
    unsigned; an amount of at least the bit width yields 0. The operands
    broadcast numpy-style.

    ```mlir
    %z = dfg.shift_left %x, %y
        : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
    ```
  }];
}
def DFG_ShiftRightOp : DFG_BinaryOp<"shift_right", "right bit shift",
                                    DFG_IntTensor> {
  let description = [{
    Shifts the bits of `lhs` right by `rhs` positions (ONNX `BitShift` with
    `direction = "RIGHT"`): a logical shift, filling with zeros, for
    unsigned element types, and an arithmetic shift, copying the sign bit,
    for signed and signless ones. Shift amounts are read as unsigned; an
    amount of at least the bit width shifts every bit out. The operands
    broadcast numpy-style.

    ```mlir
    %z = dfg.shift_right %x, %y
        : (tensor<3xui32>, tensor<ui32>) -> tensor<3xui32>
    ```
  }];
}

def DFG_CompareOp : DFG_InferredOp<"compare", [SameOperandsElementType]> {
  let summary = "elementwise comparison with broadcasting";
  let description = [{
    Compares element by element with the given predicate, broadcasting
    numpy-style, and yields `i1`. Floating-point comparisons are ordered:
    any comparison with NaN is false, except `ne`.

    ```mlir
    %m = dfg.compare gt, %x, %y
        : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
    ```
  }];
  let arguments = (ins DFG_ComparePredicateAttr:$predicate, DFG_Tensor:$lhs,
                       DFG_Tensor:$rhs);
  let results = (outs DFG_BoolTensor:$output);
  let assemblyFormat = "`` $predicate `,` $lhs `,` $rhs attr-dict `:` "
                       "functional-type(operands, results)";
  let hasFolder = 1;
}

def DFG_SelectOp : DFG_InferredOp<"select"> {
  let summary = "elementwise choice with broadcasting";
  let description = [{
    Yields `on_true` where `condition` holds and `on_false` elsewhere; the
    three operands broadcast numpy-style (ONNX `Where`).

    ```mlir
    %z = dfg.select %c, %x, %y
        : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins DFG_BoolTensor:$condition, DFG_Tensor:$on_true,
                       DFG_Tensor:$on_false);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$condition `,` $on_true `,` $on_false attr-dict `:` "
                       "functional-type(operands, results)";
  let hasFolder = 1;
}

#endif // DFG_DIALECT_DFG_IR_DFGELEMENTWISEOPS_TD
