//===- DFGSequenceOps.td - dfg sequence and optional ops ---------*- tablegen -*-===//
//
// Included from DFGOps.td, which defines the base classes. Building, reading
// and editing `!dfg.sequence` values, splitting a tensor into one and
// concatenating one back, and wrapping and unwrapping `!dfg.optional`
// values. Ops that produce a tensor from a sequence take their result type
// explicitly: a sequence's element type may be unranked, and only the
// importer (from ONNX shape inference) knows the rank then.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGSEQUENCEOPS_TD
#define DFG_DIALECT_DFG_IR_DFGSEQUENCEOPS_TD

include "dfg/Dialect/DFG/IR/DFGTypes.td"

/// Like DFG_InferredOp, for ops whose results may be sequences or
/// optionals.
class DFG_SequenceInferredOp<string mnemonic, list<Trait> traits = []>
    : DFG_Op<mnemonic, traits # [Pure, InferTypeOpAdaptorWithIsCompatible]> {
  let extraClassDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange l,
                                            ::mlir::TypeRange r) {
      return ::mlir::dfg::areCompatibleValueTypes(l, r);
    }
  }];
}

/// A position in a sequence: negative positions count from the end.
def DFG_PositionTensor : 0DTensorOf<[I32, I64]>;
def DFG_OptionalElement : AnyTypeOf<[DFG_Tensor, DFG_SequenceType]>;

//===----------------------------------------------------------------------===//
// Sequences
//===----------------------------------------------------------------------===//

def DFG_SequenceEmptyOp : DFG_Op<"sequence_empty", [Pure]> {
  let summary = "an empty sequence";
  let description = [{
    A sequence of no tensors, of the declared type.

    ```mlir
    %s = dfg.sequence_empty : !dfg.sequence<tensor<*xf32>>
    ```
  }];
  let results = (outs DFG_SequenceType:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def DFG_SequenceConstructOp : DFG_SequenceInferredOp<"sequence_construct"> {
  let summary = "a sequence of the given tensors";
  let description = [{
    The sequence of `inputs`, in order: tensors of one element type. The
    sequence's element shape keeps the sizes all inputs agree on and is `?`
    elsewhere; unranked when the ranks differ.

    ```mlir
    %s = dfg.sequence_construct %a, %b
        : (tensor<2x3xf32>, tensor<4x3xf32>) -> !dfg.sequence<tensor<?x3xf32>>
    ```
  }];
  let arguments = (ins Variadic<DFG_Tensor>:$inputs);
  let results = (outs DFG_SequenceType:$result);
  let assemblyFormat = "$inputs attr-dict `:` functional-type($inputs, results)";
}

def DFG_SequenceInsertOp : DFG_SequenceInferredOp<"sequence_insert"> {
  let summary = "a sequence with a tensor inserted";
  let description = [{
    A copy of `input_sequence` with `tensor` inserted before the element at
    `position` (negative positions count from the end), or appended when
    there is no position. The position must lie in `[-n, n]` for a
    sequence of `n` tensors.

    ```mlir
    %t = dfg.sequence_insert %s, %x at %p
        : (!dfg.sequence<tensor<2x3xf32>>, tensor<4x3xf32>, tensor<i64>)
        -> !dfg.sequence<tensor<?x3xf32>>
    ```
  }];
  let arguments = (ins DFG_SequenceType:$input_sequence, DFG_Tensor:$tensor,
                       Optional<DFG_PositionTensor>:$position);
  let results = (outs DFG_SequenceType:$result);
  let assemblyFormat = "$input_sequence `,` $tensor (`at` $position^)? "
                       "attr-dict `:` functional-type(operands, results)";
}

def DFG_SequenceAtOp : DFG_Op<"sequence_at", [Pure]> {
  let summary = "the tensor at a position of a sequence";
  let description = [{
    The tensor at `position` of `input_sequence` (negative positions count
    from the end; the position must lie in `[-n, n)`). The result type is
    declared: it has the sequence's element type and, when the sequence's
    element shape is ranked, a shape compatible with it.

    ```mlir
    %x = dfg.sequence_at %s, %p
        : (!dfg.sequence<tensor<*xf32>>, tensor<i64>) -> tensor<?x3x4xf32>
    ```
  }];
  let arguments = (ins DFG_SequenceType:$input_sequence,
                       DFG_PositionTensor:$position);
  let results = (outs DFG_Tensor:$result);
  let assemblyFormat = "$input_sequence `,` $position attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
}

def DFG_SequenceEraseOp : DFG_SequenceInferredOp<"sequence_erase"> {
  let summary = "a sequence with one tensor removed";
  let description = [{
    A copy of `input_sequence` without the tensor at `position` (negative
    positions count from the end), or without its last tensor when there is
    no position.

    ```mlir
    %t = dfg.sequence_erase %s at %p
        : (!dfg.sequence<tensor<?x3xf32>>, tensor<i64>)
        -> !dfg.sequence<tensor<?x3xf32>>
    ```
  }];
  let arguments = (ins DFG_SequenceType:$input_sequence,
                       Optional<DFG_PositionTensor>:$position);
  let results = (outs DFG_SequenceType:$result);
  let assemblyFormat = "$input_sequence (`at` $position^)? attr-dict `:` "
                       "functional-type(operands, results)";
}

def DFG_SequenceLengthOp : DFG_SequenceInferredOp<"sequence_length"> {
  let summary = "the number of tensors in a sequence";
  let description = [{
    ```mlir
    %n = dfg.sequence_length %s : (!dfg.sequence<tensor<*xf32>>) -> tensor<i64>
    ```
  }];
  let arguments = (ins DFG_SequenceType:$input_sequence);
  let results = (outs 0DTensorOf<[I64]>:$length);
  let assemblyFormat = "$input_sequence attr-dict `:` "
                       "functional-type(operands, results)";
}

def DFG_SplitToSequenceOp : DFG_SequenceInferredOp<"split_to_sequence"> {
  let summary = "a tensor split along an axis into a sequence";
  let description = [{
    Splits `input` along `axis` (in `[0, rank)`). Without `split`, into
    slices of size 1, which `keepdims = false` squeezes away. With a 0-d
    `split`, into chunks of that size (the last one smaller when the size
    does not divide the axis); with a 1-d `split`, into chunks of the sizes
    it lists, which must sum to the axis size. With a `split`, `keepdims`
    must be true.

    ```mlir
    %s = dfg.split_to_sequence %x {axis = 0 : i64, keepdims = false}
        : (tensor<2x3x4xf32>) -> !dfg.sequence<tensor<3x4xf32>>
    %t = dfg.split_to_sequence %x split %n {axis = 2 : i64, keepdims = true}
        : (tensor<2x3x4xf32>, tensor<2xi64>) -> !dfg.sequence<tensor<2x3x?xf32>>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input,
                       Optional<TensorRankOf<[I32, I64], [0, 1]>>:$split,
                       I64Attr:$axis, BoolAttr:$keepdims);
  let results = (outs DFG_SequenceType:$result);
  let assemblyFormat = "$input (`split` $split^)? attr-dict `:` "
                       "functional-type(operands, results)";
}

def DFG_ConcatFromSequenceOp : DFG_Op<"concat_from_sequence", [Pure]> {
  let summary = "the tensors of a sequence concatenated";
  let description = [{
    Concatenates the tensors of a non-empty `input_sequence` along `axis`,
    or, with `new_axis`, stacks them along a new dimension inserted at
    `axis`. `axis` lies in `[0, rank)` (`[0, rank]` with `new_axis`) of the
    element rank. The result type is declared: the sequence's element type
    and shape, with the concatenation dimension free.

    ```mlir
    %y = dfg.concat_from_sequence %s {axis = 1 : i64, new_axis = false}
        : (!dfg.sequence<tensor<2x3x4xf32>>) -> tensor<2x?x4xf32>
    ```
  }];
  let arguments = (ins DFG_SequenceType:$input_sequence, I64Attr:$axis,
                       BoolAttr:$new_axis);
  let results = (outs DFG_Tensor:$result);
  let assemblyFormat = "$input_sequence attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Optionals
//===----------------------------------------------------------------------===//

def DFG_OptionalConstructOp : DFG_SequenceInferredOp<"optional_construct"> {
  let summary = "an optional holding a value";
  let description = [{
    ```mlir
    %o = dfg.optional_construct %x : (tensor<4xf32>) -> !dfg.optional<tensor<4xf32>>
    ```
  }];
  let arguments = (ins DFG_OptionalElement:$input);
  let results = (outs DFG_OptionalType:$result);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def DFG_OptionalNoneOp : DFG_Op<"optional_none", [Pure]> {
  let summary = "an empty optional";
  let description = [{
    An optional of the declared type that holds no value.

    ```mlir
    %o = dfg.optional_none : !dfg.optional<!dfg.sequence<tensor<5xf32>>>
    ```
  }];
  let results = (outs DFG_OptionalType:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def DFG_OptionalHasElementOp
    : DFG_SequenceInferredOp<"optional_has_element"> {
  let summary = "whether an optional holds a value";
  let description = [{
    ```mlir
    %b = dfg.optional_has_element %o : (!dfg.optional<tensor<4xf32>>) -> tensor<i1>
    ```
  }];
  let arguments = (ins DFG_OptionalType:$input);
  let results = (outs 0DTensorOf<[I1]>:$result);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def DFG_OptionalGetElementOp
    : DFG_SequenceInferredOp<"optional_get_element"> {
  let summary = "the value an optional holds";
  let description = [{
    The value of an optional that holds one; undefined behaviour for an
    empty optional.

    ```mlir
    %x = dfg.optional_get_element %o : (!dfg.optional<tensor<4xf32>>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins DFG_OptionalType:$input);
  let results = (outs DFG_OptionalElement:$result);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

#endif // DFG_DIALECT_DFG_IR_DFGSEQUENCEOPS_TD
