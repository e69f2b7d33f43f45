//===- DFGIndexingOps.td - dfg indexing ops ----------------------*- tablegen -*-===//
//
// Included from DFGOps.td, which defines the base classes. Element-wise and
// N-d gathers and scatters, cumulative sums, top-k selection, the indices
// of non-zero elements, and resampling (resize).
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGINDEXINGOPS_TD
#define DFG_DIALECT_DFG_IR_DFGINDEXINGOPS_TD

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def DFG_ScatterReduction : I32EnumAttr<"ScatterReduction",
    "how a scatter combines an update with the value it lands on", [
    I32EnumAttrCase<"None", 0, "none">,
    I32EnumAttrCase<"Add", 1, "add">,
    I32EnumAttrCase<"Mul", 2, "mul">,
    I32EnumAttrCase<"Max", 3, "max">,
    I32EnumAttrCase<"Min", 4, "min">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_ScatterReductionAttr
    : EnumAttr<DFG_Dialect, DFG_ScatterReduction, "scatter_reduction">;

def DFG_ResizeMode : I32EnumAttr<"ResizeMode", "resize interpolation", [
    I32EnumAttrCase<"Nearest", 0, "nearest">,
    I32EnumAttrCase<"Linear", 1, "linear">,
    I32EnumAttrCase<"Cubic", 2, "cubic">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_ResizeModeAttr : EnumAttr<DFG_Dialect, DFG_ResizeMode, "resize_mode">;

def DFG_CoordinateMode : I32EnumAttr<"CoordinateMode",
    "how resize maps an output coordinate to an input coordinate", [
    I32EnumAttrCase<"HalfPixel", 0, "half_pixel">,
    I32EnumAttrCase<"PytorchHalfPixel", 1, "pytorch_half_pixel">,
    I32EnumAttrCase<"AlignCorners", 2, "align_corners">,
    I32EnumAttrCase<"Asymmetric", 3, "asymmetric">,
    I32EnumAttrCase<"TfHalfPixelForNn", 4, "tf_half_pixel_for_nn">,
    I32EnumAttrCase<"TfCropAndResize", 5, "tf_crop_and_resize">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_CoordinateModeAttr
    : EnumAttr<DFG_Dialect, DFG_CoordinateMode, "coordinate_mode">;

def DFG_NearestMode : I32EnumAttr<"NearestMode",
    "how nearest-neighbour resize rounds an input coordinate", [
    I32EnumAttrCase<"RoundPreferFloor", 0, "round_prefer_floor">,
    I32EnumAttrCase<"RoundPreferCeil", 1, "round_prefer_ceil">,
    I32EnumAttrCase<"Floor", 2, "floor">,
    I32EnumAttrCase<"Ceil", 3, "ceil">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_NearestModeAttr
    : EnumAttr<DFG_Dialect, DFG_NearestMode, "nearest_mode">;

//===----------------------------------------------------------------------===//
// Gathers and scatters
//===----------------------------------------------------------------------===//

def DFG_GatherElementsOp : DFG_InferredOp<"gather_elements"> {
  let summary = "element-wise gather along an axis";
  let description = [{
    For `indices` of the input's rank, `output[i][j][k] =
    input[indices[i][j][k]][j][k]` when `axis = 0` (likewise for the other
    axes): the result has the shape of `indices` and the element type of
    `input`. Negative indices count from the end of the axis.

    ```mlir
    %y = dfg.gather_elements %x, %i {axis = 1 : i64}
        : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, DFG_IndexTensor:$indices,
                       I64Attr:$axis);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$input `,` $indices attr-dict `:` "
                       "functional-type(operands, results)";
}

def DFG_ScatterElementsOp : DFG_InferredOp<"scatter_elements"> {
  let summary = "element-wise scatter along an axis";
  let description = [{
    The inverse of `dfg.gather_elements`: a copy of `input` where, for every
    position `p` of `indices` (and of `updates`, of the same shape), the
    element at `p` with coordinate `axis` replaced by `indices[p]` is
    combined with `updates[p]`. With reduction `none` it is overwritten
    (which of several updates to the same element wins is unspecified);
    `add`, `mul`, `max` and `min` accumulate all of them. Negative indices
    count from the end of the axis.

    ```mlir
    %y = dfg.scatter_elements %x, %i, %u {axis = 1 : i64,
        reduction = #dfg<scatter_reduction add>}
        : (tensor<1x5xf32>, tensor<1x2xi64>, tensor<1x2xf32>) -> tensor<1x5xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, DFG_IndexTensor:$indices,
                       DFG_Tensor:$updates, I64Attr:$axis,
                       DFG_ScatterReductionAttr:$reduction);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$input `,` $indices `,` $updates attr-dict `:` "
                       "functional-type(operands, results)";
  let hasFolder = 1;
}

def DFG_GatherNdOp : DFG_InferredOp<"gather_nd"> {
  let summary = "gather of slices addressed by index tuples";
  let description = [{
    ONNX `GatherND`. The last dimension of `indices` (static, `d`) holds
    tuples of `d` coordinates into the input dimensions after the first
    `batch_dims`, which `input` and `indices` share. Each tuple selects the
    slice of the remaining dimensions: the result shape is
    `indices[:-1] ++ input[batch_dims + d:]`. Negative coordinates count
    from the end.

    ```mlir
    %y = dfg.gather_nd %x, %i {batch_dims = 0 : i64}
        : (tensor<2x2x2xf32>, tensor<2x1x2xi64>) -> tensor<2x1x2xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, DFG_IndexTensor:$indices,
                       I64Attr:$batch_dims);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$input `,` $indices attr-dict `:` "
                       "functional-type(operands, results)";
}

def DFG_ScatterNdOp : DFG_InferredOp<"scatter_nd"> {
  let summary = "scatter of slices addressed by index tuples";
  let description = [{
    ONNX `ScatterND`, the inverse of `dfg.gather_nd` without batch
    dimensions: a copy of `input` where the slice addressed by each tuple
    `indices[p]` (the static last dimension of `indices`, `d` coordinates)
    is combined with `updates[p]`. `updates` has the shape
    `indices[:-1] ++ input[d:]`. The `reduction` is as in
    `dfg.scatter_elements`.

    ```mlir
    %y = dfg.scatter_nd %x, %i, %u {reduction = #dfg<scatter_reduction none>}
        : (tensor<4x4x4xf32>, tensor<2x1xi64>, tensor<2x4x4xf32>) -> tensor<4x4x4xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, DFG_IndexTensor:$indices,
                       DFG_Tensor:$updates, DFG_ScatterReductionAttr:$reduction);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$input `,` $indices `,` $updates attr-dict `:` "
                       "functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Scans and selection
//===----------------------------------------------------------------------===//

def DFG_CumSumOp : DFG_InferredOp<"cumsum", [SameOperandsAndResultElementType]> {
  let summary = "cumulative sum along an axis";
  let description = [{
    `output[..., i, ...] = sum(input[..., j, ...])` over `j <= i` along
    `axis`; `j < i` when `exclusive` (the first element is 0), and `j >= i`
    (`j > i`) when `reverse`.

    ```mlir
    %y = dfg.cumsum %x {axis = 0 : i64, exclusive = false, reverse = true}
        : (tensor<5xf64>) -> tensor<5xf64>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, I64Attr:$axis, BoolAttr:$exclusive,
                       BoolAttr:$reverse);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, $output)";
}

def DFG_TopKOp : DFG_InferredOp<"top_k"> {
  let summary = "the k largest or smallest elements along an axis";
  let description = [{
    Returns the `k` largest (or, with `largest = false`, smallest) elements
    along `axis` and their `i64` indices; dimension `axis` of both results
    is `k`. With `sorted`, they come in order (descending for largest,
    ascending for smallest) and equal values keep the lower index first;
    without it the order is unspecified.

    ```mlir
    %v, %i = dfg.top_k %x {axis = 1 : i64, k = 3 : i64, largest = true,
        sorted = true} : (tensor<3x4xf32>) -> (tensor<3x3xf32>, tensor<3x3xi64>)
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, I64Attr:$axis, I64Attr:$k,
                       BoolAttr:$largest, BoolAttr:$sorted);
  let results = (outs DFG_Tensor:$values, RankedTensorOf<[I64]>:$indices);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, results)";
}

def DFG_NonZeroOp : DFG_InferredOp<"non_zero"> {
  let summary = "coordinates of the non-zero elements";
  let description = [{
    ONNX `NonZero`: a `rank x n` tensor of `i64` whose column `j` holds the
    coordinates of the `j`-th non-zero element of `input` in row-major
    order. `n` is only known at run time.

    ```mlir
    %i = dfg.non_zero %c : (tensor<2x2xi1>) -> tensor<2x?xi64>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input);
  let results = (outs RankedTensorOf<[I64]>:$output);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, $output)";
}

//===----------------------------------------------------------------------===//
// Resampling
//===----------------------------------------------------------------------===//

def DFG_ResizeOp : DFG_Op<"resize", [Pure, AttrSizedOperandSegments]> {
  let summary = "nearest, linear or cubic resampling to the result shape";
  let description = [{
    ONNX `Resize` (and `Upsample`): each result element interpolates the
    input around the coordinate its own maps to, dimension by dimension.
    The scale `s` of dimension `i` is `scales[i]` when the `scales` operand
    is present and `result[i] / input[i]` otherwise. With input size `n`
    and `m = s * n` (not rounded, as in the ONNX reference), the
    `coordinate_mode` maps a result coordinate `x` to:

    - `half_pixel`: `(x + 0.5) / s - 0.5`;
    - `pytorch_half_pixel`: the same, but `-0.5` when `m` is 1;
    - `align_corners`: `x * (n - 1) / (m - 1)`, `0` when `m` is 1;
    - `asymmetric`: `x / s`;
    - `tf_half_pixel_for_nn`: `(x + 0.5) / s`;
    - `tf_crop_and_resize`: `roi[i] * (n - 1) + x * (roi[rank + i] -
      roi[i]) * (n - 1) / (m - 1)` (the middle of the box when `m` is 1);
      coordinates outside `[0, n - 1]` yield `extrapolation_value`.

    `nearest` rounds the coordinate by `nearest_mode`; `linear` is
    (multi)linear; `cubic` uses the cubic kernel with coefficient
    `cubic_coeff_a`. Neighbours past the edges repeat the edge element or,
    with `exclude_outside`, get weight 0 (the other weights renormalised).
    `roi` defaults to the whole input. The result shape is given.

    ```mlir
    %y = dfg.resize %x scales %s {mode = #dfg<resize_mode linear>,
        coordinate_mode = #dfg<coordinate_mode half_pixel>,
        nearest_mode = #dfg<nearest_mode round_prefer_floor>,
        cubic_coeff_a = -0.75 : f64, exclude_outside = false,
        extrapolation_value = 0.0 : f64}
        : (tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<1x1x4x4xf32>
    ```
  }];
  let arguments = (ins DFG_Tensor:$input,
                       Optional<1DTensorOf<[AnyFloat]>>:$scales,
                       Optional<1DTensorOf<[AnyFloat]>>:$roi,
                       DFG_ResizeModeAttr:$mode,
                       DFG_CoordinateModeAttr:$coordinate_mode,
                       DFG_NearestModeAttr:$nearest_mode,
                       F64Attr:$cubic_coeff_a, BoolAttr:$exclude_outside,
                       F64Attr:$extrapolation_value);
  let results = (outs DFG_Tensor:$output);
  let assemblyFormat = "$input (`scales` $scales^)? (`roi` $roi^)? attr-dict "
                       "`:` functional-type(operands, results)";
  let hasVerifier = 1;
}

#endif // DFG_DIALECT_DFG_IR_DFGINDEXINGOPS_TD
