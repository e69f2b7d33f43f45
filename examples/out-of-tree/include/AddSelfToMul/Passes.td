//===- Passes.td - the example's pass ----------------------*- tablegen -*-===//

#ifndef ADDSELFTOMUL_PASSES
#define ADDSELFTOMUL_PASSES

include "mlir/Pass/PassBase.td"

def DFGExampleAddSelfToMul : Pass<"dfg-example-add-self-to-mul"> {
  let summary = "Rewrites dfg.add(x, x) into dfg.mul(x, 2)";
  let description = [{
    An example of a pass written outside DFG against its installed headers:

    ```mlir
    %0 = dfg.add %x, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    // becomes
    %two = dfg.constant dense<2.000000e+00> : tensor<f32>
    %0 = dfg.mul %x, %two : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
    ```

    No `dependentDialects`: the pass only creates dfg ops where it found
    one, so the dfg dialect is loaded already, and a plugin registering the
    dialect would insert a second copy into the host's registry.
  }];
}

#endif // ADDSELFTOMUL_PASSES
