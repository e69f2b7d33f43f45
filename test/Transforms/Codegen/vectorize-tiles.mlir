// RUN: dfg-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(dfg-vectorize-tiles))' | FileCheck %s

// A marked tile of static shape is vectorized without masks to a
// vector.contract, and its accumulator is hoisted out of the k loop: read
// once before, carried as a vector iter_arg, written once after.
// CHECK-LABEL: func.func @tile_in_k_loop
//       CHECK:   %[[INIT:.*]] = vector.transfer_read %arg2{{.*}} : tensor<6x16xf32>, vector<6x16xf32>
//       CHECK:   %[[LOOP:.*]]:2 = scf.for {{.*}} iter_args(%{{.*}} = %arg2, %[[ACC:.*]] = %[[INIT]]) -> (tensor<6x16xf32>, vector<6x16xf32>)
//   CHECK-NOT:     vector.transfer_write
//       CHECK:     %[[C:.*]] = vector.contract {{.*}} %[[ACC]] : vector<6x1xf32>, vector<1x16xf32> into vector<6x16xf32>
//       CHECK:     scf.yield %{{.*}}, %[[C]]
//       CHECK:   vector.transfer_write %[[LOOP]]#1, %[[LOOP]]#0
//   CHECK-NOT:   linalg.matmul
//   CHECK-NOT:   dfg.vector_sizes

func.func @tile_in_k_loop(%a: tensor<6x32xf32>, %b: tensor<32x16xf32>, %c: tensor<6x16xf32>) -> tensor<6x16xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  %r = scf.for %k = %c0 to %c32 step %c1 iter_args(%acc = %c) -> (tensor<6x16xf32>) {
    %sa = tensor.extract_slice %a[0, %k] [6, 1] [1, 1] : tensor<6x32xf32> to tensor<6x1xf32>
    %sb = tensor.extract_slice %b[%k, 0] [1, 16] [1, 1] : tensor<32x16xf32> to tensor<1x16xf32>
    %m = linalg.matmul {dfg.vector_sizes = array<i64: 6, 16, 1>} ins(%sa, %sb : tensor<6x1xf32>, tensor<1x16xf32>) outs(%acc : tensor<6x16xf32>) -> tensor<6x16xf32>
    scf.yield %m : tensor<6x16xf32>
  }
  return %r : tensor<6x16xf32>
}

// -----

// A dynamic shape: vectorized with the marked sizes and masks.
// CHECK-LABEL: func.func @partial_copy
//       CHECK:   %[[M:.*]] = vector.create_mask %{{.*}}, %{{.*}} : vector<1x16xi1>
//       CHECK:   %[[V:.*]] = vector.mask %[[M]] { vector.transfer_read {{.*}} : tensor<1x?xf32>, vector<1x16xf32> }
//       CHECK:   vector.mask %[[M]] { vector.transfer_write %[[V]]
//   CHECK-NOT:   linalg.copy

func.func @partial_copy(%x: tensor<1x?xf32>, %y: tensor<1x?xf32>) -> tensor<1x?xf32> {
  %r = linalg.copy {dfg.vector_sizes = array<i64: 1, 16>} ins(%x : tensor<1x?xf32>) outs(%y : tensor<1x?xf32>) -> tensor<1x?xf32>
  return %r : tensor<1x?xf32>
}

// -----

// A mask over two dimensions (the fused fill of a partial tile of a run-time
// number of rows).
// CHECK-LABEL: func.func @fill_dynamic_rows
//       CHECK:   vector.create_mask %{{.*}}, %{{.*}} : vector<6x16xi1>
//       CHECK:   vector.mask %{{.*}} { vector.transfer_write {{.*}} : vector<6x16xf32>, tensor<?x16xf32> }
//   CHECK-NOT:   linalg.fill

func.func @fill_dynamic_rows(%y: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %z = arith.constant 0.0 : f32
  %r = linalg.fill {dfg.vector_sizes = array<i64: 6, 16>} ins(%z : f32) outs(%y : tensor<?x16xf32>) -> tensor<?x16xf32>
  return %r : tensor<?x16xf32>
}

// -----

// Unmarked ops are left alone.
// CHECK-LABEL: func.func @unmarked
//       CHECK:   linalg.copy ins(%arg0 : tensor<4x16xf32>)
//   CHECK-NOT:   vector.transfer_read

func.func @unmarked(%x: tensor<4x16xf32>, %y: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %r = linalg.copy ins(%x : tensor<4x16xf32>) outs(%y : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}
