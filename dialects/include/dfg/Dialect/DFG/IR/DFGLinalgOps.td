//===- DFGLinalgOps.td - dfg matmul, convolution and pooling -----*- tablegen -*-===//
//
// Included from DFGOps.td, which defines the base classes.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGLINALGOPS_TD
#define DFG_DIALECT_DFG_IR_DFGLINALGOPS_TD

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

#endif // DFG_DIALECT_DFG_IR_DFGLINALGOPS_TD
