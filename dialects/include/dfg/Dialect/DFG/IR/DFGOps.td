//===- DFGOps.td - dfg op definitions --------------------------*- tablegen -*-===//
//
// The op set, grouped by family: constants, elementwise, linear algebra and
// convolution, reductions, data movement, and training updates.
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
def DFG_FloorOp : DFG_FloatUnaryOp<"floor", "rounding towards negative infinity">;
def DFG_CeilOp : DFG_FloatUnaryOp<"ceil", "rounding towards positive infinity">;
def DFG_RoundOp : DFG_FloatUnaryOp<"round", "rounding to the nearest even integer">;

def DFG_NegOp : DFG_UnaryOp<"neg", DFG_Tensor> {
  let summary = "elementwise negation";
  let description = [{
    Negates every element.

    ```mlir
    %y = dfg.neg %x : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let hasCanonicalizer = 1;
}

def DFG_AbsOp : DFG_UnaryOp<"abs", DFG_Tensor> {
  let summary = "elementwise absolute value";
  let description = [{
    ```mlir
    %y = dfg.abs %x : (tensor<4xi32>) -> tensor<4xi32>
    ```
  }];
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
def DFG_PowOp : DFG_BinaryOp<"pow", "exponentiation", DFG_FloatTensor>;
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

//===----------------------------------------------------------------------===//
// Linear algebra and convolution
//===----------------------------------------------------------------------===//

def DFG_MatmulOp : DFG_InferredOp<"matmul", [SameOperandsAndResultElementType]> {
  let summary = "batched matrix multiplication with broadcasting";
  let description = [{
    Multiplies `[..., M, K]` by `[..., K, N]` into `[..., M, N]`. Both
    operands have rank 2 or more; their batch dimensions broadcast
    numpy-style (ONNX `MatMul` once 1-D operands are reshaped).

    ```mlir
    %c = dfg.matmul %a, %b
        : (tensor<8x?x64xf32>, tensor<64x32xf32>) -> tensor<8x?x32xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$lhs, DFG_Tensor:$rhs);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
}

def DFG_ConvOp : DFG_InferredOp<"conv"> {
  let summary = "N-d grouped convolution (channels first)";
  let description = [{
    Convolves `input` `[N, C, D1, ..., Dk]` with `weight`
    `[O, C / groups, K1, ..., Kk]` and adds the optional `bias` `[O]`.
    `pads` holds the k leading pads then the k trailing pads, as in ONNX;
    `strides` and `dilations` have k entries.

    ```mlir
    %y = dfg.conv %x, %w, %b {strides = array<i64: 2, 2>,
        pads = array<i64: 3, 3, 3, 3>, dilations = array<i64: 1, 1>,
        groups = 1 : i64}
        : (tensor<?x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>)
        -> tensor<?x64x112x112xf32>
    ```
  }];
  let arguments = (ins DFG_FloatTensor:$input, DFG_FloatTensor:$weight,
                       Optional<DFG_FloatTensor>:$bias,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$dilations, I64Attr:$groups);
  let results = (outs DFG_FloatTensor:$output);
  let assemblyFormat = "$input `,` $weight (`,` $bias^)? attr-dict `:` "
                       "functional-type(operands, results)";
}

def DFG_ConvTransposeOp : DFG_InferredOp<"conv_transpose"> {
  let summary = "N-d grouped transposed convolution (channels first)";
  let description = [{
    The gradient of `dfg.conv` with respect to its input, also used as an
    upsampling layer. `input` is `[N, C, D1, ..., Dk]`, `weight` is
    `[C, O / groups, K1, ..., Kk]`; each output size is
    `stride * (D - 1) + output_padding + dilation * (K - 1) + 1 - pads`.

    ```mlir
    %y = dfg.conv_transpose %x, %w {strides = array<i64: 2, 2>,
        pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>,
        output_padding = array<i64: 0, 0>, groups = 1 : i64}
        : (tensor<1x8x4x4xf32>, tensor<8x4x2x2xf32>) -> tensor<1x4x8x8xf32>
    ```
  }];
  let arguments = (ins DFG_FloatTensor:$input, DFG_FloatTensor:$weight,
                       Optional<DFG_FloatTensor>:$bias,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$dilations,
                       DenseI64ArrayAttr:$output_padding, I64Attr:$groups);
  let results = (outs DFG_FloatTensor:$output);
  let assemblyFormat = "$input `,` $weight (`,` $bias^)? attr-dict `:` "
                       "functional-type(operands, results)";
}

def DFG_PoolOp : DFG_InferredOp<"pool", [SameOperandsAndResultElementType]> {
  let summary = "N-d max or average pooling (channels first)";
  let description = [{
    Pools windows of `kernel` over the spatial dimensions of
    `[N, C, D1, ..., Dk]`. `pads` holds k leading then k trailing pads.
    Average pooling divides by the window size including padding when
    `count_include_pad` is set, else by the number of real elements.
    `ceil_mode` rounds the output size up, as in ONNX.

    ```mlir
    %y = dfg.pool max, %x {kernel = array<i64: 3, 3>,
        strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,
        dilations = array<i64: 1, 1>, count_include_pad = false,
        ceil_mode = false}
        : (tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = (ins DFG_PoolKindAttr:$kind, DFG_FloatTensor:$input,
                       DenseI64ArrayAttr:$kernel, DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$pads, DenseI64ArrayAttr:$dilations,
                       BoolAttr:$count_include_pad, BoolAttr:$ceil_mode);
  let results = (outs DFG_FloatTensor:$output);
  let assemblyFormat = "`` $kind `,` $input attr-dict `:` "
                       "functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

def DFG_ReduceOp : DFG_InferredOp<"reduce", [SameOperandsAndResultElementType]> {
  let summary = "reduction over a set of axes";
  let description = [{
    Reduces `input` over `axes` (distinct, in `[0, rank)`) with the given
    combiner. With `keep_dims` the reduced dimensions stay as size 1.
    An empty `axes` reduces nothing and folds away.

    ```mlir
    %s = dfg.reduce sum, %x {axes = array<i64: 1>, keep_dims = true}
        : (tensor<4x?xf32>) -> tensor<4x1xf32>
    ```
  }];
  let arguments = (ins DFG_ReduceKindAttr:$kind, DFG_Tensor:$input,
                       DenseI64ArrayAttr:$axes, BoolAttr:$keep_dims);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "`` $kind `,` $input attr-dict `:` "
                       "functional-type(operands, results)";
  let hasFolder = 1;
}

def DFG_ArgReduceOp : DFG_InferredOp<"arg_reduce"> {
  let summary = "index of the largest or smallest element along an axis";
  let description = [{
    Yields, as `i64`, the index of the maximum (`argmax`) or minimum
    (`argmin`) along `axis`; ties resolve to the first index unless
    `select_last_index` is set.

    ```mlir
    %i = dfg.arg_reduce argmax, %x {axis = 1 : i64, keep_dims = false,
        select_last_index = false} : (tensor<4x10xf32>) -> tensor<4xi64>
    ```
  }];
  let arguments = (ins DFG_ArgKindAttr:$kind, DFG_Tensor:$input,
                       I64Attr:$axis, BoolAttr:$keep_dims,
                       BoolAttr:$select_last_index);
  let results = (outs RankedTensorOf<[I64]>:$output);
  let assemblyFormat = "`` $kind `,` $input attr-dict `:` "
                       "functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def DFG_TransposeOp : DFG_InferredOp<"transpose",
                                     [SameOperandsAndResultElementType]> {
  let summary = "permutation of dimensions";
  let description = [{
    Result dimension `i` is input dimension `permutation[i]`.

    ```mlir
    %y = dfg.transpose %x {permutation = array<i64: 0, 2, 1>}
        : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, DenseI64ArrayAttr:$permutation);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, $output)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def DFG_ReshapeOp : DFG_Op<"reshape", [Pure]> {
  let summary = "change of shape with the same elements in row-major order";
  let description = [{
    Reinterprets `input` with the result's shape. When the result has more
    than one dynamic dimension, the `shape` operand gives the sizes at run
    time; with at most one, it is implied by the element count.

    ```mlir
    %y = dfg.reshape %x : (tensor<?x512x1x1xf32>) -> tensor<?x512xf32>
    %z = dfg.reshape %x, %s : (tensor<?x?xf32>, tensor<3xi64>) -> tensor<?x?x4xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, Optional<DFG_ShapeTensor>:$shape);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$input (`,` $shape^)? attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def DFG_BroadcastToOp : DFG_Op<"broadcast_to", [Pure]> {
  let summary = "numpy-style broadcast to a larger shape";
  let description = [{
    Stretches `input` to the result's shape (ONNX `Expand`, once the target
    shape is known). The optional `shape` operand gives dynamic sizes at run
    time.

    ```mlir
    %y = dfg.broadcast_to %x : (tensor<1x4xf32>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, Optional<DFG_ShapeTensor>:$shape);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$input (`,` $shape^)? attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def DFG_ConcatOp : DFG_InferredOp<"concat"> {
  let summary = "concatenation along an axis";
  let description = [{
    Joins tensors of equal rank and element type along `axis`; the other
    dimensions must agree.

    ```mlir
    %y = dfg.concat %a, %b {axis = 1 : i64}
        : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
    ```
  }];
  let arguments = (ins Variadic<DFG_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat =
      "$inputs attr-dict `:` functional-type($inputs, $output)";
  let hasFolder = 1;
}

def DFG_SliceOp : DFG_InferredOp<"slice", [SameOperandsAndResultElementType]> {
  let summary = "strided slice with numpy semantics";
  let description = [{
    Takes `input[starts[i] : limits[i] : strides[i]]` in every dimension,
    with numpy's rules: negative starts and limits count from the end, both
    are clamped to the dimension, strides are non-zero and may be negative.
    `limits` of `9223372036854775807` (INT64_MAX) means "to the end", which
    keeps dynamic dimensions expressible.

    ```mlir
    %y = dfg.slice %x {starts = array<i64: 0, 1>, limits = array<i64: 2, 3>,
        strides = array<i64: 1, 1>} : (tensor<4x4xf32>) -> tensor<2x2xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, DenseI64ArrayAttr:$starts,
                       DenseI64ArrayAttr:$limits, DenseI64ArrayAttr:$strides);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, $output)";
  let hasFolder = 1;
}

def DFG_PadOp : DFG_InferredOp<"pad", [SameOperandsAndResultElementType]> {
  let summary = "padding with a constant, reflected or edge values";
  let description = [{
    Adds `low[i]` elements before and `high[i]` after dimension `i`;
    negative amounts crop. `value` fills in `constant` mode.

    ```mlir
    %y = dfg.pad %x {low = array<i64: 0, 1>, high = array<i64: 0, 1>,
        mode = #dfg<pad_mode constant>, value = 0.0 : f64}
        : (tensor<2x2xf32>) -> tensor<2x4xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, DenseI64ArrayAttr:$low,
                       DenseI64ArrayAttr:$high, DFG_PadModeAttr:$mode,
                       F64Attr:$value);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, $output)";
  let hasFolder = 1;
}

def DFG_GatherOp : DFG_InferredOp<"gather"> {
  let summary = "gather slices along an axis by index";
  let description = [{
    ONNX `Gather`: the result shape is `input[:axis] ++ indices ++
    input[axis+1:]`. Negative indices count from the end of the axis.

    ```mlir
    %e = dfg.gather %table, %ids {axis = 0 : i64}
        : (tensor<1000x64xf32>, tensor<?x16xi64>) -> tensor<?x16x64xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, DFG_IndexTensor:$indices,
                       I64Attr:$axis);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$input `,` $indices attr-dict `:` "
                       "functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Training: optimizer updates (ai.onnx.preview.training)
//===----------------------------------------------------------------------===//

def DFG_SgdUpdateOp : DFG_Op<"sgd_update", [Pure, AllTypesMatch<["param", "grad", "new_param"]>]> {
  let summary = "plain stochastic gradient descent step";
  let description = [{
    `new_param = param - lr * (grad + weight_decay * param)`.

    ```mlir
    %w1 = dfg.sgd_update %w, %g, %lr {weight_decay = 0.0 : f64}
        : tensor<16x8xf32>, tensor<f32>
    ```
  }];
  let arguments = (ins DFG_FloatTensor:$param, DFG_FloatTensor:$grad,
                       DFG_FloatScalarTensor:$lr, F64Attr:$weight_decay);
  let results = (outs DFG_FloatTensor:$new_param);
  let assemblyFormat = "$param `,` $grad `,` $lr attr-dict `:` type($param) "
                       "`,` type($lr)";
  let hasVerifier = 1;
}

def DFG_MomentumUpdateOp : DFG_Op<"momentum_update", [Pure,
    AllTypesMatch<["param", "grad", "velocity", "new_param", "new_velocity"]>]> {
  let summary = "SGD with momentum (ONNX Momentum)";
  let description = [{
    With `g = grad + norm_coefficient * param`:
    `new_velocity = alpha * velocity + beta * g` (the very first step,
    `step == 0`, uses `beta = 1`), then `new_param = param - lr *
    new_velocity` in `standard` mode, or `new_param = param - lr * (g +
    alpha * new_velocity)` in `nesterov` mode.

    ```mlir
    %w1, %v1 = dfg.momentum_update %w, %g, %v, %lr, %t {alpha = 0.9 : f64,
        beta = 1.0 : f64, norm_coefficient = 0.0 : f64,
        mode = #dfg<momentum_mode standard>}
        : tensor<16x8xf32>, tensor<f32>
    ```
  }];
  let arguments = (ins DFG_FloatTensor:$param, DFG_FloatTensor:$grad,
                       DFG_FloatTensor:$velocity, DFG_FloatScalarTensor:$lr,
                       DFG_StepTensor:$step, F64Attr:$alpha, F64Attr:$beta,
                       F64Attr:$norm_coefficient,
                       DFG_MomentumModeAttr:$mode);
  let results = (outs DFG_FloatTensor:$new_param,
                      DFG_FloatTensor:$new_velocity);
  let assemblyFormat = "$param `,` $grad `,` $velocity `,` $lr `,` $step "
                       "attr-dict `:` type($param) `,` type($lr)";
  let hasVerifier = 1;
}

def DFG_AdagradUpdateOp : DFG_Op<"adagrad_update", [Pure,
    AllTypesMatch<["param", "grad", "accumulator", "new_param",
                   "new_accumulator"]>]> {
  let summary = "Adagrad step (ONNX Adagrad)";
  let description = [{
    With `r = lr / (1 + step * decay_factor)` and
    `g = grad + norm_coefficient * param`:
    `new_accumulator = accumulator + g * g` and
    `new_param = param - r * g / (sqrt(new_accumulator) + epsilon)`.

    ```mlir
    %w1, %h1 = dfg.adagrad_update %w, %g, %h, %lr, %t {decay_factor = 0.0 : f64,
        epsilon = 1.0e-6 : f64, norm_coefficient = 0.0 : f64}
        : tensor<16x8xf32>, tensor<f32>
    ```
  }];
  let arguments = (ins DFG_FloatTensor:$param, DFG_FloatTensor:$grad,
                       DFG_FloatTensor:$accumulator, DFG_FloatScalarTensor:$lr,
                       DFG_StepTensor:$step, F64Attr:$decay_factor,
                       F64Attr:$epsilon, F64Attr:$norm_coefficient);
  let results = (outs DFG_FloatTensor:$new_param,
                      DFG_FloatTensor:$new_accumulator);
  let assemblyFormat = "$param `,` $grad `,` $accumulator `,` $lr `,` $step "
                       "attr-dict `:` type($param) `,` type($lr)";
  let hasVerifier = 1;
}

def DFG_AdamUpdateOp : DFG_Op<"adam_update", [Pure,
    AllTypesMatch<["param", "grad", "first_moment", "second_moment",
                   "new_param", "new_first_moment", "new_second_moment"]>]> {
  let summary = "Adam step (ONNX Adam)";
  let description = [{
    With `g = grad + norm_coefficient * param`:
    `m' = alpha * m + (1 - alpha) * g`, `v' = beta * v + (1 - beta) * g * g`,
    `r = lr * sqrt(1 - beta^step) / (1 - alpha^step)` once `step > 0`
    (`r = lr` at step 0), `p' = param - r * m' / (sqrt(v') + epsilon)`,
    and finally `new_param = (1 - norm_coefficient_post) * p'`.

    ```mlir
    %w1, %m1, %v1 = dfg.adam_update %w, %g, %m, %v, %lr, %t {alpha = 0.9 : f64,
        beta = 0.999 : f64, epsilon = 1.0e-8 : f64,
        norm_coefficient = 0.0 : f64, norm_coefficient_post = 0.0 : f64}
        : tensor<16x8xf32>, tensor<f32>
    ```
  }];
  let arguments = (ins DFG_FloatTensor:$param, DFG_FloatTensor:$grad,
                       DFG_FloatTensor:$first_moment,
                       DFG_FloatTensor:$second_moment,
                       DFG_FloatScalarTensor:$lr, DFG_StepTensor:$step,
                       F64Attr:$alpha, F64Attr:$beta, F64Attr:$epsilon,
                       F64Attr:$norm_coefficient,
                       F64Attr:$norm_coefficient_post);
  let results = (outs DFG_FloatTensor:$new_param,
                      DFG_FloatTensor:$new_first_moment,
                      DFG_FloatTensor:$new_second_moment);
  let assemblyFormat = "$param `,` $grad `,` $first_moment `,` $second_moment "
                       "`,` $lr `,` $step attr-dict `:` type($param) `,` "
                       "type($lr)";
  let hasVerifier = 1;
}

#endif // DFG_DIALECT_DFG_IR_DFGOPS_TD
