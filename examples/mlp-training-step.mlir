// One SGD training step of a two-layer MLP (4 -> 16 -> 2), written the way
// an importer hands a graph over: sizes it did not know are `?`, and the
// graph carries redundant work (a multiplication by one, a transpose of a
// transpose, a reshape chain, a recomputed subexpression).
//
// forward:  h = relu(x W1 + b1), y = h W2 + b2, loss = mean((y - t)^2)
// backward: the gradients of loss by hand-written chain rule
// update:   W <- W - lr * dW for every parameter
func.func @train_step(%x: tensor<8x4xf32>, %t: tensor<8x2xf32>,
                      %w1: tensor<4x16xf32>, %b1: tensor<16xf32>,
                      %w2: tensor<16x2xf32>, %b2: tensor<2xf32>,
                      %lr: tensor<f32>)
    -> (tensor<?xf32>, tensor<4x16xf32>, tensor<16xf32>, tensor<16x2xf32>, tensor<2xf32>) {
  %one = dfg.constant dense<1.0> : tensor<8x4xf32>
  %zero = dfg.constant dense<0.0> : tensor<f32>
  %scale = dfg.constant dense<0.125> : tensor<f32>
  // Forward.
  %x1 = dfg.mul %x, %one : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<?x?xf32>
  %z1 = dfg.matmul %x1, %w1 : (tensor<?x?xf32>, tensor<4x16xf32>) -> tensor<?x?xf32>
  %a1 = dfg.add %z1, %b1 : (tensor<?x?xf32>, tensor<16xf32>) -> tensor<?x?xf32>
  %h = dfg.clamp %a1 {min = 0.0 : f64, max = 0x7FF0000000000000 : f64} : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %z2 = dfg.matmul %h, %w2 : (tensor<?x?xf32>, tensor<16x2xf32>) -> tensor<?x?xf32>
  %y = dfg.add %z2, %b2 : (tensor<?x?xf32>, tensor<2xf32>) -> tensor<?x?xf32>
  // Loss: mean squared error, computed per sample then averaged.
  %d = dfg.sub %y, %t : (tensor<?x?xf32>, tensor<8x2xf32>) -> tensor<?x?xf32>
  %d2 = dfg.mul %d, %d : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  %flat = dfg.reshape %d2 : (tensor<?x?xf32>) -> tensor<16xf32>
  %row = dfg.reshape %flat : (tensor<16xf32>) -> tensor<1x?xf32>
  %loss = dfg.reduce mean, %row {axes = array<i64: 1>, keep_dims = false} : (tensor<1x?xf32>) -> tensor<?xf32>
  // Backward: dL/dy = 2 (y - t) / N with N = 16 elements.
  %dd = dfg.add %d, %d : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  %dy = dfg.mul %dd, %scale : (tensor<?x?xf32>, tensor<f32>) -> tensor<?x?xf32>
  %ht = dfg.transpose %h {permutation = array<i64: 1, 0>} : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %dw2 = dfg.matmul %ht, %dy : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  %db2 = dfg.reduce sum, %dy {axes = array<i64: 0>, keep_dims = false} : (tensor<?x?xf32>) -> tensor<?xf32>
  %w2t = dfg.transpose %w2 {permutation = array<i64: 1, 0>} : (tensor<16x2xf32>) -> tensor<?x?xf32>
  %dh = dfg.matmul %dy, %w2t : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  %active = dfg.compare gt, %a1, %zero : (tensor<?x?xf32>, tensor<f32>) -> tensor<?x?xi1>
  %da1 = dfg.select %active, %dh, %zero : (tensor<?x?xi1>, tensor<?x?xf32>, tensor<f32>) -> tensor<?x?xf32>
  %xt = dfg.transpose %x1 {permutation = array<i64: 1, 0>} : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %xtt = dfg.transpose %xt {permutation = array<i64: 1, 0>} : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %xt2 = dfg.transpose %xtt {permutation = array<i64: 1, 0>} : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %dw1 = dfg.matmul %xt2, %da1 : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  %db1 = dfg.reduce sum, %da1 {axes = array<i64: 0>, keep_dims = false} : (tensor<?x?xf32>) -> tensor<?xf32>
  // Updates: the optimizer ops take the parameter's exact type.
  %gw1 = dfg.cast %dw1 : (tensor<?x?xf32>) -> tensor<4x16xf32>
  %gb1 = dfg.cast %db1 : (tensor<?xf32>) -> tensor<16xf32>
  %gw2 = dfg.cast %dw2 : (tensor<?x?xf32>) -> tensor<16x2xf32>
  %gb2 = dfg.cast %db2 : (tensor<?xf32>) -> tensor<2xf32>
  %nw1 = dfg.sgd_update %w1, %gw1, %lr {weight_decay = 0.0 : f64} : tensor<4x16xf32>, tensor<f32>
  %nb1 = dfg.sgd_update %b1, %gb1, %lr {weight_decay = 0.0 : f64} : tensor<16xf32>, tensor<f32>
  %nw2 = dfg.sgd_update %w2, %gw2, %lr {weight_decay = 0.0 : f64} : tensor<16x2xf32>, tensor<f32>
  %nb2 = dfg.sgd_update %b2, %gb2, %lr {weight_decay = 0.0 : f64} : tensor<2xf32>, tensor<f32>
  return %loss, %nw1, %nb1, %nw2, %nb2 : tensor<?xf32>, tensor<4x16xf32>, tensor<16xf32>, tensor<16x2xf32>, tensor<2xf32>
}
