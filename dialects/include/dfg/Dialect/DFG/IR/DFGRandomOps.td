//===- DFGRandomOps.td - dfg random number generation ----------*- tablegen -*-===//
//
// Included from DFGOps.td, which defines the base classes. Tensors of
// random values (ONNX RandomUniform(Like), RandomNormal(Like); Bernoulli and
// Dropout in training mode are built on dfg.random_uniform). The ops read
// and advance a generator's state, so they are not pure: two of them never
// merge, and each run of the program draws new values unless a seed is
// given.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGRANDOMOPS_TD
#define DFG_DIALECT_DFG_IR_DFGRANDOMOPS_TD

def DFG_RandomGenerator : Resource<"::mlir::dfg::RandomGeneratorResource">;

class DFG_RandomOp<string mnemonic, list<Trait> traits = []>
    : DFG_Op<mnemonic, traits # [
        MemoryEffects<[MemRead<DFG_RandomGenerator>,
                       MemWrite<DFG_RandomGenerator>]>]> {
  let results = (outs DFG_FloatTensor:$output);
  let assemblyFormat =
      "($like^)? attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def DFG_RandomUniformOp : DFG_RandomOp<"random_uniform"> {
  let summary = "tensor of values drawn uniformly from [low, high)";
  let description = [{
    A tensor of independent values drawn from the uniform distribution on
    `[low, high)`, with `low <= high`. Its shape is that of the optional
    `like` operand (whose values and element type do not matter), or the
    result type's own, which must then be static; the element type is the
    result's, a float type.

    With a `seed`, the values depend on the seed alone; without one, each
    evaluation draws new values. The generator is not specified (in
    particular it is not numpy's, which the ONNX reference implementation
    uses), so no seed reproduces the values of the ONNX backend tests.

    ```mlir
    %u = dfg.random_uniform %x {high = 1.0 : f64, low = 0.0 : f64,
                                seed = 3.0 : f64}
        : (tensor<?x4xf16>) -> tensor<?x4xf32>
    %v = dfg.random_uniform {high = 2.0 : f64, low = -2.0 : f64}
        : () -> tensor<2x3xf64>
    ```
  }];
  let arguments = (ins Optional<DFG_Tensor>:$like, F64Attr:$low,
                       F64Attr:$high, OptionalAttr<F64Attr>:$seed);
}

def DFG_RandomNormalOp : DFG_RandomOp<"random_normal"> {
  let summary = "tensor of normally distributed values";
  let description = [{
    A tensor of independent values drawn from the normal distribution of
    mean `mean` and standard deviation `scale` (non-negative). Its shape is
    that of the optional `like` operand, or the result type's own, which
    must then be static; the element type is the result's, a float type.
    `seed` works as for `dfg.random_uniform`: the values depend on it alone,
    but the generator is not numpy's.

    ```mlir
    %n = dfg.random_normal {mean = 0.0 : f64, scale = 1.0 : f64}
        : () -> tensor<4x4xf32>
    ```
  }];
  let arguments = (ins Optional<DFG_Tensor>:$like, F64Attr:$mean,
                       F64Attr:$scale, OptionalAttr<F64Attr>:$seed);
}

#endif // DFG_DIALECT_DFG_IR_DFGRANDOMOPS_TD
