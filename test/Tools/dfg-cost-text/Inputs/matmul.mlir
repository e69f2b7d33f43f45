func.func @matmul(%a: tensor<24x16xf32>, %b: tensor<16x48xf32>, %c: tensor<24x48xf32>) -> tensor<24x48xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<24x16xf32>, tensor<16x48xf32>) outs(%c : tensor<24x48xf32>) -> tensor<24x48xf32>
  return %r : tensor<24x48xf32>
}
