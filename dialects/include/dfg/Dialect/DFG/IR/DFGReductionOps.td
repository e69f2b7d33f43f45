//===- DFGReductionOps.td - dfg reductions -----------------------*- tablegen -*-===//
//
// Included from DFGOps.td, which defines the base classes.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGREDUCTIONOPS_TD
#define DFG_DIALECT_DFG_IR_DFGREDUCTIONOPS_TD

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

#endif // DFG_DIALECT_DFG_IR_DFGREDUCTIONOPS_TD
