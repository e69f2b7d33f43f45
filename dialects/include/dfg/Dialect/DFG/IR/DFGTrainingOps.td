//===- DFGTrainingOps.td - dfg optimizer updates -----------------*- tablegen -*-===//
//
// Included from DFGOps.td, which defines the base classes.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_IR_DFGTRAININGOPS_TD
#define DFG_DIALECT_DFG_IR_DFGTRAININGOPS_TD

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
    `new_velocity = alpha * velocity + beta' * g`, where `beta' = beta`
    once `step > 0` and `beta' = 1` before (the very first step); then
    `new_param = param - lr * new_velocity` in `standard` mode, or
    `new_param = param - lr * (g + alpha * new_velocity)` in `nesterov`
    mode.

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
    (`r = lr` before), `p' = param - r * m' / (sqrt(v') + epsilon)`,
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

#endif // DFG_DIALECT_DFG_IR_DFGTRAININGOPS_TD
