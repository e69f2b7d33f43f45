//===- DFGControlFlowOps.td - dfg control flow ops -------------*- tablegen -*-===//
//
// Included from DFGOps.td, which defines the base classes. Region ops for
// data-dependent control flow: a two-way conditional (`dfg.if`), a loop with
// ONNX `Loop` semantics (`dfg.loop`, which also expresses ONNX `Scan`), and
// their terminator (`dfg.yield`). The regions read values of the enclosing
// region directly: they are not isolated from above.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGCONTROLFLOWOPS_TD
#define DFG_DIALECT_DFG_IR_DFGCONTROLFLOWOPS_TD

include "mlir/Interfaces/ControlFlowInterfaces.td"

def DFG_BoolScalarTensor : 0DTensorOf<[I1]>,
    BuildableType<"::mlir::RankedTensorType::get({}, $_builder.getI1Type())">;

def DFG_IfOp : DFG_Op<"if", [
    RecursiveMemoryEffects, NoRegionArguments,
    DeclareOpInterfaceMethods<RegionBranchOpInterface,
                              ["areTypesCompatible"]>]> {
  let summary = "two-way conditional with region branches";
  let description = [{
    Runs `thenRegion` when the 0-d `condition` holds and `elseRegion`
    otherwise; the results are the values the region that ran yields with
    `dfg.yield` (ONNX `If`). Both regions yield one value per result, of a
    type compatible with the result's: a result size may be dynamic where
    the two regions yield different sizes. The regions take no arguments and
    read values of the enclosing region directly.

    ```mlir
    %r = dfg.if %cond -> (tensor<?xf32>) {
      dfg.yield %a : tensor<5xf32>
    } else {
      dfg.yield %b : tensor<3xf32>
    }
    ```
  }];
  let arguments = (ins DFG_BoolScalarTensor:$condition);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$thenRegion,
                        SizedRegion<1>:$elseRegion);
  let assemblyFormat = [{
    $condition (`->` `(` type($results)^ `)`)? $thenRegion `else` $elseRegion
    attr-dict
  }];
  let hasVerifier = 1;
}

def DFG_LoopOp : DFG_Op<"loop", [
    RecursiveMemoryEffects, AttrSizedOperandSegments,
    DeclareOpInterfaceMethods<RegionBranchOpInterface,
                              ["getEntrySuccessorOperands",
                               "areTypesCompatible"]>]> {
  let summary = "loop with a trip count, a condition and scan outputs";
  let description = [{
    ONNX `Loop`. The body runs while the iteration number is below the 0-d
    `max_trip_count` (when given) and the condition holds (initially
    `condition` when given, then the condition the body yields); with
    neither, the loop runs until the body yields false.

    The body takes the iteration number (`tensor<i64>`, from 0), the current
    condition (`tensor<i1>`, true when `condition` is absent) and one
    argument per loop-carried value, initially `init_values`. It yields, with
    `dfg.yield`, the next condition, the next loop-carried values, and then
    one value per scan output. The first results are the final loop-carried
    values (the initial ones when the body never runs); each further result
    is a scan output: the values the body yielded for it in each iteration,
    stacked along a new leading dimension (of size 0 when the body never
    runs). Loop-carried values may be tensors, sequences or optionals; they
    keep a type compatible with their initial value's across iterations (a
    sequence of unranked tensors is compatible with any sequence of its
    element type). Scan outputs are tensors.

    ```mlir
    %y, %ys = dfg.loop max_trip_count(%m) condition(%c)
        iter_args(%y0 : tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>) {
    ^bb0(%i: tensor<i64>, %cond: tensor<i1>, %y: tensor<2xf32>):
      %next = dfg.add %y, %x
          : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
      dfg.yield %cond, %next, %next : tensor<i1>, tensor<2xf32>, tensor<2xf32>
    }
    ```
  }];
  let arguments = (ins Optional<DFG_StepTensor>:$maxTripCount,
                       Optional<DFG_BoolScalarTensor>:$condition,
                       Variadic<AnyType>:$initValues);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    (`max_trip_count` `(` $maxTripCount^ `)`)?
    (`condition` `(` $condition^ `)`)?
    (`iter_args` `(` $initValues^ `:` type($initValues) `)`)?
    (`->` `(` type($results)^ `)`)? $body attr-dict
  }];
  let extraClassDeclaration = [{
    /// The number of loop-carried values.
    unsigned getNumCarried() { return getInitValues().size(); }
    /// The final loop-carried values.
    ::mlir::ResultRange getCarriedResults() {
      return getResults().take_front(getNumCarried());
    }
    /// The stacked scan outputs.
    ::mlir::ResultRange getScanResults() {
      return getResults().drop_front(getNumCarried());
    }
    /// The body arguments of the loop-carried values.
    ::mlir::Block::BlockArgListType getRegionIterArgs() {
      return getBody().front().getArguments().drop_front(2);
    }
  }];
  let hasVerifier = 1;
}

def DFG_YieldOp : DFG_Op<"yield", [
    Pure, Terminator, HasParent<"IfOp, LoopOp">,
    DeclareOpInterfaceMethods<RegionBranchTerminatorOpInterface>]> {
  let summary = "terminator of the regions of dfg.if and dfg.loop";
  let description = [{
    Yields the values of a region: the results of the enclosing `dfg.if`,
    or, in a `dfg.loop` body, the next condition, the next loop-carried
    values and the scan output values of the iteration.

    ```mlir
    dfg.yield %cond, %next : tensor<i1>, tensor<2xf32>
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

#endif // DFG_DIALECT_DFG_IR_DFGCONTROLFLOWOPS_TD
