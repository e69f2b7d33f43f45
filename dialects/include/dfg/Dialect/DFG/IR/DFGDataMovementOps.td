//===- DFGDataMovementOps.td - dfg data movement -----------------*- tablegen -*-===//
//
// Included from DFGOps.td, which defines the base classes.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGDATAMOVEMENTOPS_TD
#define DFG_DIALECT_DFG_IR_DFGDATAMOVEMENTOPS_TD

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
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Shapes and parameters known only at run time
//===----------------------------------------------------------------------===//

def DFG_ShapeOfOp : DFG_InferredOp<"shape_of"> {
  let summary = "the sizes of a tensor's dimensions, as a tensor";
  let description = [{
    A 1-D `i64` tensor with one element per dimension of `input`: its sizes
    at run time (ONNX `Shape` of a tensor with dynamic dimensions). Folds to
    a constant when the input shape is static.

    ```mlir
    %s = dfg.shape_of %x : (tensor<?x3xf32>) -> tensor<2xi64>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input);
  let results = (outs DFG_ShapeTensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, $output)";
  let hasFolder = 1;
}

def DFG_DynamicSliceOp : DFG_Op<"dynamic_slice", [Pure]> {
  let summary = "strided slice with parameters given at run time";
  let description = [{
    `dfg.slice` with `starts`, `limits` and `strides` as 1-D `i64` operands
    of one element per input dimension, and the same numpy semantics:
    negative starts and limits count from the end, both are clamped to the
    dimension, and `9223372036854775807` (INT64_MAX) as a limit means "to
    the end". Strides must be non-zero at run time. The result type is
    given: its sizes are dynamic where they depend on the operands' values.
    Canonicalizes to `dfg.slice` when the operands are constants.

    ```mlir
    %y = dfg.dynamic_slice %x, %starts, %limits, %strides
        : (tensor<20x10xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>)
        -> tensor<?x?xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, DFG_ShapeTensor:$starts,
                       DFG_ShapeTensor:$limits, DFG_ShapeTensor:$strides);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$input `,` $starts `,` $limits `,` $strides attr-dict "
                       "`:` functional-type(operands, results)";
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def DFG_DynamicPadOp : DFG_Op<"dynamic_pad", [Pure]> {
  let summary = "padding by amounts given at run time";
  let description = [{
    `dfg.pad` with the `low` and `high` amounts as 1-D `i64` operands of one
    element per input dimension (negative amounts crop), and in `constant`
    mode an optional 0-d `value` operand of the input's element type (zero
    when absent). The result type is given: its sizes are dynamic where
    they depend on the operands' values. Canonicalizes to `dfg.pad` when the
    operands are constants.

    ```mlir
    %y = dfg.dynamic_pad %x, %low, %high, %v {mode = #dfg<pad_mode constant>}
        : (tensor<1x3x4x5xf32>, tensor<4xi64>, tensor<4xi64>, tensor<f32>)
        -> tensor<?x?x?x?xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, DFG_ShapeTensor:$low,
                       DFG_ShapeTensor:$high,
                       Optional<0DTensorOf<[AnyFloat, AnyInteger]>>:$value,
                       DFG_PadModeAttr:$mode);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$input `,` $low `,` $high (`,` $value^)? attr-dict "
                       "`:` functional-type(operands, results)";
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def DFG_RangeOp : DFG_Op<"range", [Pure]> {
  let summary = "arithmetic progression with bounds given at run time";
  let description = [{
    ONNX `Range`: `max(ceil((limit - start) / delta), 0)` elements, element
    `i` being `start + i * delta`. `start`, `limit` and `delta` are 0-d
    tensors of the result's element type; `delta` must be non-zero at run
    time. The result length is dynamic unless it is known otherwise.

    ```mlir
    %r = dfg.range %start, %limit, %delta
        : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
    ```
  }];
  let arguments = (ins 0DTensorOf<[AnyFloat, AnyInteger]>:$start,
                       0DTensorOf<[AnyFloat, AnyInteger]>:$limit,
                       0DTensorOf<[AnyFloat, AnyInteger]>:$delta);
  let results = (outs 1DTensorOf<[AnyFloat, AnyInteger]>:$output);
  let assemblyFormat = "$start `,` $limit `,` $delta attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
}

#endif // DFG_DIALECT_DFG_IR_DFGDATAMOVEMENTOPS_TD
