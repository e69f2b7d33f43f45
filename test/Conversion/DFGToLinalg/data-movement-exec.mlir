// Runs the lowered data movement ops and checks the numbers (computed with
// numpy). The ops live in functions of dynamically shaped arguments so that
// no folder sees the constants and the dynamic-size paths are exercised.
// RUN: dfg-opt %s --dfg-lower-to-llvm | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI64(memref<*xi64>)

func.func @transpose(%x: tensor<?x3xf32>) -> tensor<3x?xf32> {
  %0 = dfg.transpose %x {permutation = array<i64: 1, 0>} : (tensor<?x3xf32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// Rank kept, one dynamic size implied by the element count. The result is
// a view of the argument: printed here, since returning it makes the
// deallocation pipeline insert a bufferization.clone that dfg-lower-to-llvm
// does not lower.
func.func @reshape_implied(%x: tensor<?x3xf32>) {
  %0 = dfg.reshape %x : (tensor<?x3xf32>) -> tensor<?x2xf32>
  %m = bufferization.to_buffer %0 : tensor<?x2xf32> to memref<?x2xf32>
  %u = memref.cast %m : memref<?x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

// Sizes from the shape operand; -1 takes the rest.
func.func @reshape_shape(%x: tensor<?x?xf32>, %s: tensor<3xi64>) -> tensor<?x?x?xf32> {
  %0 = dfg.reshape %x, %s : (tensor<?x?xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

func.func @expand_collapse(%x: tensor<?x6xf32>) -> tensor<?xf32> {
  %0 = dfg.reshape %x : (tensor<?x6xf32>) -> tensor<?x2x3xf32>
  %1 = dfg.transpose %0 {permutation = array<i64: 0, 2, 1>} : (tensor<?x2x3xf32>) -> tensor<?x3x2xf32>
  %2 = dfg.reshape %1 : (tensor<?x3x2xf32>) -> tensor<?xf32>
  return %2 : tensor<?xf32>
}

func.func @broadcast(%x: tensor<2x1xf32>) -> tensor<2x2x3xf32> {
  %0 = dfg.broadcast_to %x : (tensor<2x1xf32>) -> tensor<2x2x3xf32>
  return %0 : tensor<2x2x3xf32>
}

func.func @broadcast_shape(%x: tensor<f32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = dfg.broadcast_to %x, %s : (tensor<f32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

func.func @concat(%a: tensor<?x2xf32>, %b: tensor<?x1xf32>) -> tensor<?x3xf32> {
  %0 = dfg.concat %a, %b, %a {axis = 1 : i64} : (tensor<?x2xf32>, tensor<?x1xf32>, tensor<?x2xf32>) -> tensor<?x5xf32>
  %1 = dfg.slice %0 {starts = array<i64: 0, 0>, limits = array<i64: 9223372036854775807, 3>, strides = array<i64: 1, 1>} : (tensor<?x5xf32>) -> tensor<?x3xf32>
  %2 = dfg.concat %1, %1 {axis = 0 : i64} : (tensor<?x3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
  return %2 : tensor<?x3xf32>
}

func.func @slice(%x: tensor<?xf32>) -> (tensor<?xf32>, tensor<?xf32>) {
  %0 = dfg.slice %x {starts = array<i64: 1>, limits = array<i64: 8>, strides = array<i64: 3>} : (tensor<?xf32>) -> tensor<?xf32>
  %1 = dfg.slice %x {starts = array<i64: -2>, limits = array<i64: -9223372036854775808>, strides = array<i64: -3>} : (tensor<?xf32>) -> tensor<?xf32>
  return %0, %1 : tensor<?xf32>, tensor<?xf32>
}

func.func @slice_2d(%x: tensor<3x4xf32>) -> tensor<3x2xf32> {
  %0 = dfg.slice %x {starts = array<i64: -1, 1>, limits = array<i64: -9223372036854775808, 3>, strides = array<i64: -1, 1>} : (tensor<3x4xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

func.func @pad(%x: tensor<?x3xf32>) -> tensor<?x4xf32> {
  %0 = dfg.pad %x {low = array<i64: 0, 2>, high = array<i64: 1, -1>, mode = #dfg<pad_mode constant>, value = 9.5 : f64} : (tensor<?x3xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

func.func @pad_reflect(%x: tensor<?x3xf32>) -> tensor<?x6xf32> {
  %0 = dfg.pad %x {low = array<i64: 1, 2>, high = array<i64: 0, 1>, mode = #dfg<pad_mode reflect>, value = 0.0 : f64} : (tensor<?x3xf32>) -> tensor<?x6xf32>
  return %0 : tensor<?x6xf32>
}

func.func @pad_1d(%x: tensor<?xf32>) -> (tensor<?xf32>, tensor<?xf32>) {
  %0 = dfg.pad %x {low = array<i64: 5>, high = array<i64: 5>, mode = #dfg<pad_mode reflect>, value = 0.0 : f64} : (tensor<?xf32>) -> tensor<?xf32>
  %1 = dfg.pad %x {low = array<i64: 2>, high = array<i64: 3>, mode = #dfg<pad_mode edge>, value = 0.0 : f64} : (tensor<?xf32>) -> tensor<?xf32>
  return %0, %1 : tensor<?xf32>, tensor<?xf32>
}

func.func @gather(%t: tensor<?x2xf32>, %i: tensor<2x2xi64>) -> tensor<2x2x2xf32> {
  %0 = dfg.gather %t, %i {axis = 0 : i64} : (tensor<?x2xf32>, tensor<2x2xi64>) -> tensor<2x2x2xf32>
  return %0 : tensor<2x2x2xf32>
}

func.func @gather_axis1(%t: tensor<?x2xf32>, %i: tensor<2xi32>) -> tensor<?x2xf32> {
  %0 = dfg.gather %t, %i {axis = 1 : i64} : (tensor<?x2xf32>, tensor<2xi32>) -> tensor<?x2xf32>
  return %0 : tensor<?x2xf32>
}

func.func @shape_of(%x: tensor<?x3x?xf32>) -> tensor<3xi64> {
  %0 = dfg.shape_of %x : (tensor<?x3x?xf32>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

func.func @dynamic_slice(%x: tensor<?xf32>, %s: tensor<1xi64>, %l: tensor<1xi64>, %s2: tensor<1xi64>, %l2: tensor<1xi64>, %st: tensor<1xi64>) -> (tensor<?xf32>, tensor<?xf32>) {
  %one = dfg.constant dense<1> : tensor<1xi64>
  %0 = dfg.dynamic_slice %x, %s, %l, %one : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  %1 = dfg.dynamic_slice %x, %s2, %l2, %st : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return %0, %1 : tensor<?xf32>, tensor<?xf32>
}

func.func @dynamic_pad(%x: tensor<?xf32>, %lo: tensor<1xi64>, %hi: tensor<1xi64>, %v: tensor<f32>) -> (tensor<?xf32>, tensor<?xf32>) {
  %0 = dfg.dynamic_pad %x, %lo, %hi, %v {mode = #dfg<pad_mode constant>} : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>, tensor<f32>) -> tensor<?xf32>
  %1 = dfg.dynamic_pad %x, %hi, %hi {mode = #dfg<pad_mode reflect>} : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return %0, %1 : tensor<?xf32>, tensor<?xf32>
}

func.func @range_f32(%s: tensor<f32>, %l: tensor<f32>, %d: tensor<f32>) -> tensor<?xf32> {
  %0 = dfg.range %s, %l, %d : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

func.func @range_i64(%s: tensor<i64>, %l: tensor<i64>, %d: tensor<i64>) -> tensor<?xi64> {
  %0 = dfg.range %s, %l, %d : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}

func.func @main() {
  %x23 = dfg.constant dense<[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]> : tensor<2x3xf32>
  %xd3 = tensor.cast %x23 : tensor<2x3xf32> to tensor<?x3xf32>

  // CHECK: {{\[}}[0, 3],
  // CHECK-NEXT: [1, 4],
  // CHECK-NEXT: [2, 5]]
  %t = call @transpose(%xd3) : (tensor<?x3xf32>) -> tensor<3x?xf32>
  %tm = bufferization.to_buffer %t : tensor<3x?xf32> to memref<3x?xf32>
  %tu = memref.cast %tm : memref<3x?xf32> to memref<*xf32>
  call @printMemrefF32(%tu) : (memref<*xf32>) -> ()

  // CHECK: {{\[}}[0, 1],
  // CHECK-NEXT: [2, 3],
  // CHECK-NEXT: [4, 5]]
  call @reshape_implied(%xd3) : (tensor<?x3xf32>) -> ()

  // CHECK: rank = 3 offset = 0 sizes = [3, 1, 2]
  // CHECK: {{\[}}{{\[}}[0, 1]],
  // CHECK: {{\[}}[2, 3]],
  // CHECK: {{\[}}[4, 5]]]
  %xdd = tensor.cast %x23 : tensor<2x3xf32> to tensor<?x?xf32>
  %shape = dfg.constant dense<[-1, 1, 2]> : tensor<3xi64>
  %rs = call @reshape_shape(%xdd, %shape) : (tensor<?x?xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  %rsm = bufferization.to_buffer %rs : tensor<?x?x?xf32> to memref<?x?x?xf32>
  %rsu = memref.cast %rsm : memref<?x?x?xf32> to memref<*xf32>
  call @printMemrefF32(%rsu) : (memref<*xf32>) -> ()

  // [[0,1,2],[3,4,5]] transposed to [[0,3],[1,4],[2,5]], then flattened.
  // CHECK: [0, 3, 1, 4, 2, 5]
  %x16 = dfg.constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]]> : tensor<1x6xf32>
  %x16d = tensor.cast %x16 : tensor<1x6xf32> to tensor<?x6xf32>
  %ec = call @expand_collapse(%x16d) : (tensor<?x6xf32>) -> tensor<?xf32>
  %ecm = bufferization.to_buffer %ec : tensor<?xf32> to memref<?xf32>
  %ecu = memref.cast %ecm : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%ecu) : (memref<*xf32>) -> ()

  // CHECK: {{\[}}{{\[}}[1, 1, 1],
  // CHECK-NEXT: [2, 2, 2]],
  // CHECK-NEXT: {{\[}}[1, 1, 1],
  // CHECK-NEXT: [2, 2, 2]]]
  %col = dfg.constant dense<[[1.0], [2.0]]> : tensor<2x1xf32>
  %b = call @broadcast(%col) : (tensor<2x1xf32>) -> tensor<2x2x3xf32>
  %bm = bufferization.to_buffer %b : tensor<2x2x3xf32> to memref<2x2x3xf32>
  %bu = memref.cast %bm : memref<2x2x3xf32> to memref<*xf32>
  call @printMemrefF32(%bu) : (memref<*xf32>) -> ()

  // CHECK: rank = 2 offset = 0 sizes = [2, 3]
  // CHECK-NEXT: {{\[}}[7, 7, 7],
  // CHECK-NEXT: [7, 7, 7]]
  %seven = dfg.constant dense<7.0> : tensor<f32>
  %bshape = dfg.constant dense<[2, 3]> : tensor<2xi64>
  %bs = call @broadcast_shape(%seven, %bshape) : (tensor<f32>, tensor<2xi64>) -> tensor<?x?xf32>
  %bsm = bufferization.to_buffer %bs : tensor<?x?xf32> to memref<?x?xf32>
  %bsu = memref.cast %bsm : memref<?x?xf32> to memref<*xf32>
  call @printMemrefF32(%bsu) : (memref<*xf32>) -> ()

  // CHECK: {{\[}}[1, 2, 5],
  // CHECK-NEXT: [3, 4, 6],
  // CHECK-NEXT: [1, 2, 5],
  // CHECK-NEXT: [3, 4, 6]]
  %ca = dfg.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %cb = dfg.constant dense<[[5.0], [6.0]]> : tensor<2x1xf32>
  %cad = tensor.cast %ca : tensor<2x2xf32> to tensor<?x2xf32>
  %cbd = tensor.cast %cb : tensor<2x1xf32> to tensor<?x1xf32>
  %c = call @concat(%cad, %cbd) : (tensor<?x2xf32>, tensor<?x1xf32>) -> tensor<?x3xf32>
  %cm = bufferization.to_buffer %c : tensor<?x3xf32> to memref<?x3xf32>
  %cu = memref.cast %cm : memref<?x3xf32> to memref<*xf32>
  call @printMemrefF32(%cu) : (memref<*xf32>) -> ()

  // CHECK: [1, 4, 7]
  // CHECK: [8, 5, 2]
  %ten = dfg.constant dense<[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]> : tensor<10xf32>
  %tend = tensor.cast %ten : tensor<10xf32> to tensor<?xf32>
  %s0, %s1 = call @slice(%tend) : (tensor<?xf32>) -> (tensor<?xf32>, tensor<?xf32>)
  %s0m = bufferization.to_buffer %s0 : tensor<?xf32> to memref<?xf32>
  %s0u = memref.cast %s0m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%s0u) : (memref<*xf32>) -> ()
  %s1m = bufferization.to_buffer %s1 : tensor<?xf32> to memref<?xf32>
  %s1u = memref.cast %s1m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%s1u) : (memref<*xf32>) -> ()

  // CHECK: {{\[}}[9, 10],
  // CHECK-NEXT: [5, 6],
  // CHECK-NEXT: [1, 2]]
  %x34 = dfg.constant dense<[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]]> : tensor<3x4xf32>
  %s2 = call @slice_2d(%x34) : (tensor<3x4xf32>) -> tensor<3x2xf32>
  %s2m = bufferization.to_buffer %s2 : tensor<3x2xf32> to memref<3x2xf32>
  %s2u = memref.cast %s2m : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%s2u) : (memref<*xf32>) -> ()

  // Cropped by one column at the end, then padded.
  // CHECK: {{\[}}[9.5, 9.5, 0, 1],
  // CHECK-NEXT: [9.5, 9.5, 3, 4],
  // CHECK-NEXT: [9.5, 9.5, 9.5, 9.5]]
  %p = call @pad(%xd3) : (tensor<?x3xf32>) -> tensor<?x4xf32>
  %pm = bufferization.to_buffer %p : tensor<?x4xf32> to memref<?x4xf32>
  %pu = memref.cast %pm : memref<?x4xf32> to memref<*xf32>
  call @printMemrefF32(%pu) : (memref<*xf32>) -> ()

  // CHECK: {{\[}}[5, 4, 3, 4, 5, 4],
  // CHECK-NEXT: [2, 1, 0, 1, 2, 1],
  // CHECK-NEXT: [5, 4, 3, 4, 5, 4]]
  %pr = call @pad_reflect(%xd3) : (tensor<?x3xf32>) -> tensor<?x6xf32>
  %prm = bufferization.to_buffer %pr : tensor<?x6xf32> to memref<?x6xf32>
  %pru = memref.cast %prm : memref<?x6xf32> to memref<*xf32>
  call @printMemrefF32(%pru) : (memref<*xf32>) -> ()

  // Reflection wider than the input repeats, as numpy's does.
  // CHECK: [2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2]
  // CHECK: [1, 1, 1, 2, 3, 3, 3, 3]
  %x3 = dfg.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %x3d = tensor.cast %x3 : tensor<3xf32> to tensor<?xf32>
  %p0, %p1 = call @pad_1d(%x3d) : (tensor<?xf32>) -> (tensor<?xf32>, tensor<?xf32>)
  %p0m = bufferization.to_buffer %p0 : tensor<?xf32> to memref<?xf32>
  %p0u = memref.cast %p0m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%p0u) : (memref<*xf32>) -> ()
  %p1m = bufferization.to_buffer %p1 : tensor<?xf32> to memref<?xf32>
  %p1u = memref.cast %p1m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%p1u) : (memref<*xf32>) -> ()

  // -1 is the last row; 7 and -5 are out of range and clamp to the last
  // and the first row.
  // CHECK: {{\[}}{{\[}}[1, 2],
  // CHECK-NEXT: [5, 6]],
  // CHECK-NEXT: {{\[}}[5, 6],
  // CHECK-NEXT: [1, 2]]]
  %table = dfg.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %tabled = tensor.cast %table : tensor<3x2xf32> to tensor<?x2xf32>
  %ids = dfg.constant dense<[[0, -1], [7, -5]]> : tensor<2x2xi64>
  %g = call @gather(%tabled, %ids) : (tensor<?x2xf32>, tensor<2x2xi64>) -> tensor<2x2x2xf32>
  %gm = bufferization.to_buffer %g : tensor<2x2x2xf32> to memref<2x2x2xf32>
  %gu = memref.cast %gm : memref<2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%gu) : (memref<*xf32>) -> ()

  // CHECK: {{\[}}[2, 1],
  // CHECK-NEXT: [4, 3],
  // CHECK-NEXT: [6, 5]]
  %ids1 = dfg.constant dense<[-1, 0]> : tensor<2xi32>
  %g1 = call @gather_axis1(%tabled, %ids1) : (tensor<?x2xf32>, tensor<2xi32>) -> tensor<?x2xf32>
  %g1m = bufferization.to_buffer %g1 : tensor<?x2xf32> to memref<?x2xf32>
  %g1u = memref.cast %g1m : memref<?x2xf32> to memref<*xf32>
  call @printMemrefF32(%g1u) : (memref<*xf32>) -> ()

  // CHECK: [2, 3, 1]
  %x231 = dfg.constant dense<0.0> : tensor<2x3x1xf32>
  %x231d = tensor.cast %x231 : tensor<2x3x1xf32> to tensor<?x3x?xf32>
  %sh = call @shape_of(%x231d) : (tensor<?x3x?xf32>) -> tensor<3xi64>
  %shm = bufferization.to_buffer %sh : tensor<3xi64> to memref<3xi64>
  %shu = memref.cast %shm : memref<3xi64> to memref<*xi64>
  call @printMemrefI64(%shu) : (memref<*xi64>) -> ()

  // x[-3:] with constant strides, then x[9:-100:-2] with run-time ones.
  // CHECK: [7, 8, 9]
  // CHECK: [9, 7, 5, 3, 1]
  %ds_s = dfg.constant dense<[-3]> : tensor<1xi64>
  %ds_l = dfg.constant dense<[9223372036854775807]> : tensor<1xi64>
  %ds_s2 = dfg.constant dense<[9]> : tensor<1xi64>
  %ds_l2 = dfg.constant dense<[-100]> : tensor<1xi64>
  %ds_st = dfg.constant dense<[-2]> : tensor<1xi64>
  %d0, %d1 = call @dynamic_slice(%tend, %ds_s, %ds_l, %ds_s2, %ds_l2, %ds_st) : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> (tensor<?xf32>, tensor<?xf32>)
  %d0m = bufferization.to_buffer %d0 : tensor<?xf32> to memref<?xf32>
  %d0u = memref.cast %d0m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%d0u) : (memref<*xf32>) -> ()
  %d1m = bufferization.to_buffer %d1 : tensor<?xf32> to memref<?xf32>
  %d1u = memref.cast %d1m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%d1u) : (memref<*xf32>) -> ()

  // CHECK: [-4, 1, 2]
  // CHECK: [3, 2, 1, 2, 3, 2, 1]
  %lo = dfg.constant dense<[1]> : tensor<1xi64>
  %hi = dfg.constant dense<[2]> : tensor<1xi64>
  %hi_neg = dfg.constant dense<[-1]> : tensor<1xi64>
  %pv = dfg.constant dense<-4.0> : tensor<f32>
  %dp0, %unused = call @dynamic_pad(%x3d, %lo, %hi_neg, %pv) : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>, tensor<f32>) -> (tensor<?xf32>, tensor<?xf32>)
  %unused2, %dp1 = call @dynamic_pad(%x3d, %lo, %hi, %pv) : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>, tensor<f32>) -> (tensor<?xf32>, tensor<?xf32>)
  %dp0m = bufferization.to_buffer %dp0 : tensor<?xf32> to memref<?xf32>
  %dp0u = memref.cast %dp0m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%dp0u) : (memref<*xf32>) -> ()
  %dp1m = bufferization.to_buffer %dp1 : tensor<?xf32> to memref<?xf32>
  %dp1u = memref.cast %dp1m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%dp1u) : (memref<*xf32>) -> ()

  // CHECK: [1, 1.25, 1.5, 1.75]
  %f1 = dfg.constant dense<1.0> : tensor<f32>
  %f2 = dfg.constant dense<2.0> : tensor<f32>
  %fq = dfg.constant dense<0.25> : tensor<f32>
  %rf = call @range_f32(%f1, %f2, %fq) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %rfm = bufferization.to_buffer %rf : tensor<?xf32> to memref<?xf32>
  %rfu = memref.cast %rfm : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%rfu) : (memref<*xf32>) -> ()

  // CHECK: [10, 7, 4, 1]
  // A zero delta gives an empty range, not a trap.
  // CHECK: rank = 1 offset = 0 sizes = [0]
  %i10 = dfg.constant dense<10> : tensor<i64>
  %i0 = dfg.constant dense<0> : tensor<i64>
  %im3 = dfg.constant dense<-3> : tensor<i64>
  %ri = call @range_i64(%i10, %i0, %im3) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %rim = bufferization.to_buffer %ri : tensor<?xi64> to memref<?xi64>
  %riu = memref.cast %rim : memref<?xi64> to memref<*xi64>
  call @printMemrefI64(%riu) : (memref<*xi64>) -> ()
  %rz = call @range_i64(%i10, %i0, %i0) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %rzm = bufferization.to_buffer %rz : tensor<?xi64> to memref<?xi64>
  %rzu = memref.cast %rzm : memref<?xi64> to memref<*xi64>
  call @printMemrefI64(%rzu) : (memref<*xi64>) -> ()
  return
}
