//===- DFGVisionOps.td - dfg vision ops --------------------------*- tablegen -*-===//
//
// Included from DFGOps.td, which defines the base classes. Ops whose
// semantics are data dependent enough that a decomposition into the other
// dfg ops would be unreasonable: box suppression, unique elements, grid
// sampling and region-of-interest pooling.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGVISIONOPS_TD
#define DFG_DIALECT_DFG_IR_DFGVISIONOPS_TD

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def DFG_GridSampleMode : I32EnumAttr<"GridSampleMode",
    "grid sample interpolation", [
    I32EnumAttrCase<"Linear", 0, "linear">,
    I32EnumAttrCase<"Nearest", 1, "nearest">,
    I32EnumAttrCase<"Cubic", 2, "cubic">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_GridSampleModeAttr
    : EnumAttr<DFG_Dialect, DFG_GridSampleMode, "grid_sample_mode">;

def DFG_GridPaddingMode : I32EnumAttr<"GridPaddingMode",
    "what grid sample reads outside the input", [
    I32EnumAttrCase<"Zeros", 0, "zeros">,
    I32EnumAttrCase<"Border", 1, "border">,
    I32EnumAttrCase<"Reflection", 2, "reflection">
  ]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::dfg";
}
def DFG_GridPaddingModeAttr
    : EnumAttr<DFG_Dialect, DFG_GridPaddingMode, "grid_padding_mode">;

//===----------------------------------------------------------------------===//
// Data-dependent selection
//===----------------------------------------------------------------------===//

def DFG_NonMaxSuppressionOp : DFG_InferredOp<"non_max_suppression"> {
  let summary = "greedy selection of boxes by score and overlap";
  let description = [{
    ONNX `NonMaxSuppression`. `boxes` is `[B, N, 4]` and `scores`
    `[B, C, N]`, of the same float type. For each batch `b` and class `c`,
    the boxes whose score exceeds `score_threshold` (when present) are
    visited by decreasing score (ties keep the lower index first); a box is
    selected unless its intersection over union with an already selected
    box of the same batch and class exceeds `iou_threshold`, and at most
    `max_output_boxes_per_class` are selected. The result lists the
    selections as `[b, c, box index]` rows, by batch, then class, then
    selection order; its length is only known at run time.

    Boxes are `[y1, x1, y2, x2]` (any two opposite corners) or, with
    `center_point_box`, `[x_center, y_center, width, height]`. The scalars
    are 0-d tensors: `i64` for the count, the boxes' type for thresholds.

    ```mlir
    %s = dfg.non_max_suppression %boxes, %scores, %max, %iou score %thr
        {center_point_box = false}
        : (tensor<1x6x4xf32>, tensor<1x1x6xf32>, tensor<i64>, tensor<f32>,
           tensor<f32>) -> tensor<?x3xi64>
    ```
  }];
  let arguments = (ins RankedTensorOf<[AnyFloat]>:$boxes,
                       RankedTensorOf<[AnyFloat]>:$scores,
                       0DTensorOf<[I64]>:$max_output_boxes_per_class,
                       0DTensorOf<[AnyFloat]>:$iou_threshold,
                       Optional<0DTensorOf<[AnyFloat]>>:$score_threshold,
                       BoolAttr:$center_point_box);
  let results = (outs RankedTensorOf<[I64]>:$selected);
  let assemblyFormat =
      "$boxes `,` $scores `,` $max_output_boxes_per_class `,` $iou_threshold "
      "(`score` $score_threshold^)? attr-dict `:` "
      "functional-type(operands, results)";
}

def DFG_UniqueOp : DFG_InferredOp<"unique"> {
  let summary = "the distinct elements or slices of a tensor";
  let description = [{
    ONNX `Unique`. Without `axis`, the distinct elements of the flattened
    input; with it, the distinct slices along `axis`. Results: the distinct
    values (`output`: dimension `axis`, or the only dimension, is the
    number `u` of distinct values), the index of the first occurrence of
    each in the input (`indices`, `[u]`), the index in `output` of each
    element or slice of the input (`inverse_indices`, the number of input
    elements or the size of `axis`), and how often each occurs (`counts`,
    `[u]`). With `sorted`, the distinct values come in ascending
    (lexicographic for slices) order; otherwise in order of first
    occurrence.

    ```mlir
    %y, %i, %inv, %n = dfg.unique %x {sorted = true}
        : (tensor<6xf32>) -> (tensor<?xf32>, tensor<?xi64>, tensor<6xi64>,
                              tensor<?xi64>)
    ```
  }];
  let arguments = (ins DFG_Tensor:$input, OptionalAttr<I64Attr>:$axis,
                       BoolAttr:$sorted);
  let results = (outs DFG_Tensor:$output, RankedTensorOf<[I64]>:$indices,
                      RankedTensorOf<[I64]>:$inverse_indices,
                      RankedTensorOf<[I64]>:$counts);
  let assemblyFormat =
      "$input attr-dict `:` functional-type($input, results)";
}

//===----------------------------------------------------------------------===//
// Sampling
//===----------------------------------------------------------------------===//

def DFG_GridSampleOp : DFG_InferredOp<"grid_sample"> {
  let summary = "interpolation of the input at the grid's coordinates";
  let description = [{
    ONNX `GridSample`. `input` is `[N, C, D1, ..., Dr]` and `grid`
    `[N, O1, ..., Or, r]`, of the same float type; the result is
    `[N, C, O1, ..., Or]`. Each grid entry holds normalised coordinates in
    `[-1, 1]`, innermost dimension first (`x`, then `y`, ...). With
    `align_corners`, -1 and 1 are the centres of the corner elements;
    otherwise their outer edges. The input is interpolated there by `mode`
    (`cubic`, with coefficient -0.75, for r = 2 only); locations outside it
    read 0 (`zeros`), the nearest edge element (`border`) or the input
    reflected at its edges (`reflection`).

    ```mlir
    %y = dfg.grid_sample %x, %grid {mode = #dfg<grid_sample_mode linear>,
        padding_mode = #dfg<grid_padding_mode zeros>, align_corners = false}
        : (tensor<1x1x4x4xf32>, tensor<1x6x6x2xf32>) -> tensor<1x1x6x6xf32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[AnyFloat]>:$input,
                       RankedTensorOf<[AnyFloat]>:$grid,
                       DFG_GridSampleModeAttr:$mode,
                       DFG_GridPaddingModeAttr:$padding_mode,
                       BoolAttr:$align_corners);
  let results = (outs RankedTensorOf<[AnyFloat]>:$output);
  let assemblyFormat = "$input `,` $grid attr-dict `:` "
                       "functional-type(operands, results)";
}

def DFG_RoiAlignOp : DFG_InferredOp<"roi_align"> {
  let summary = "bilinear pooling of regions of interest";
  let description = [{
    ONNX `RoiAlign`. `input` is `[N, C, H, W]`, `rois` `[R, 4]` boxes
    `[x1, y1, x2, y2]` in input coordinates before `spatial_scale`, of the
    input's type, and `batch_indices` `[R]` the image of each box. Each box
    is divided into `output_height x output_width` bins; each bin averages
    (or takes the maximum of, by `mode`) bilinear samples on a regular grid
    of `sampling_ratio` points per side (`ceil(bin size)` when 0). With
    `half_pixel`, box coordinates are shifted by -0.5 after scaling (and
    boxes may be smaller than one element); otherwise boxes are at least
    1x1. The result is `[R, C, output_height, output_width]`.

    ```mlir
    %y = dfg.roi_align %x, %rois, %b {mode = #dfg<pool_kind avg>,
        output_height = 5 : i64, output_width = 5 : i64,
        sampling_ratio = 2 : i64, spatial_scale = 1.0 : f64,
        half_pixel = true}
        : (tensor<1x1x10x10xf32>, tensor<3x4xf32>, tensor<3xi64>)
        -> tensor<3x1x5x5xf32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[AnyFloat]>:$input,
                       RankedTensorOf<[AnyFloat]>:$rois,
                       DFG_IndexTensor:$batch_indices,
                       DFG_PoolKindAttr:$mode, I64Attr:$output_height,
                       I64Attr:$output_width, I64Attr:$sampling_ratio,
                       F64Attr:$spatial_scale, BoolAttr:$half_pixel);
  let results = (outs RankedTensorOf<[AnyFloat]>:$output);
  let assemblyFormat = "$input `,` $rois `,` $batch_indices attr-dict `:` "
                       "functional-type(operands, results)";
}

#endif // DFG_DIALECT_DFG_IR_DFGVISIONOPS_TD
