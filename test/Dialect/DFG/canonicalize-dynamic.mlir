// RUN: dfg-opt %s -canonicalize -split-input-file | FileCheck %s
// The run-time parameterised ops become their static forms once their
// parameters are constants, keeping the declared result type.

// CHECK-LABEL: func.func @static_shape_of
// CHECK: %[[C:.*]] = dfg.constant dense<[2, 3]> : tensor<2xi64>
// CHECK-NEXT: return %[[C]]
func.func @static_shape_of(%x: tensor<2x3xf32>) -> tensor<2xi64> {
  %0 = dfg.shape_of %x : (tensor<2x3xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// CHECK-LABEL: func.func @dynamic_shape_of
// CHECK: dfg.shape_of
func.func @dynamic_shape_of(%x: tensor<?x3xf32>) -> tensor<2xi64> {
  %0 = dfg.shape_of %x : (tensor<?x3xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// CHECK-LABEL: func.func @constant_slice
// CHECK: dfg.slice %{{.*}} {limits = array<i64: 9223372036854775807, 3>, starts = array<i64: 0, -1>, strides = array<i64: 1, -1>} : (tensor<4x5xf32>) -> tensor<?x?xf32>
// CHECK-NOT: dfg.dynamic_slice
func.func @constant_slice(%x: tensor<4x5xf32>) -> tensor<?x?xf32> {
  %s = dfg.constant dense<[0, -1]> : tensor<2xi64>
  %l = dfg.constant dense<[9223372036854775807, 3]> : tensor<2xi64>
  %t = dfg.constant dense<[1, -1]> : tensor<2xi64>
  %0 = dfg.dynamic_slice %x, %s, %l, %t : (tensor<4x5xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @computed_slice
// CHECK: dfg.dynamic_slice
func.func @computed_slice(%x: tensor<4xf32>, %s: tensor<1xi64>) -> tensor<?xf32> {
  %0 = dfg.dynamic_slice %x, %s, %s, %s : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @constant_pad
// CHECK: dfg.pad %{{.*}} {high = array<i64: 2>, low = array<i64: 1>, mode = #dfg<pad_mode constant>, value = 1.500000e+00 : f64} : (tensor<4xf32>) -> tensor<?xf32>
func.func @constant_pad(%x: tensor<4xf32>) -> tensor<?xf32> {
  %l = dfg.constant dense<1> : tensor<1xi64>
  %h = dfg.constant dense<2> : tensor<1xi64>
  %v = dfg.constant dense<1.5> : tensor<f32>
  %0 = dfg.dynamic_pad %x, %l, %h, %v {mode = #dfg<pad_mode constant>} : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<f32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// A computed fill value keeps the dynamic form.
// CHECK-LABEL: func.func @computed_value_pad
// CHECK: dfg.dynamic_pad
func.func @computed_value_pad(%x: tensor<4xf32>, %v: tensor<f32>) -> tensor<?xf32> {
  %l = dfg.constant dense<1> : tensor<1xi64>
  %0 = dfg.dynamic_pad %x, %l, %l, %v {mode = #dfg<pad_mode constant>} : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<f32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// Shape arithmetic of exported models folds as far as the static sizes
// reach: gathers of static sizes, integer division (not by zero), scatters
// and concatenations of known vectors. The dynamic size stays a gather.
// CHECK-LABEL: func.func @shape_arithmetic
// CHECK-DAG: %[[CAT:.*]] = dfg.constant dense<16> : tensor<3xi64>
// CHECK-DAG: %[[ENDS:.*]] = dfg.constant dense<[9223372036854775807, 9223372036854775807, 16]> : tensor<3xi64>
// CHECK-DAG: %[[C16V:.*]] = dfg.constant dense<16> : tensor<1xi64>
// CHECK-DAG: %[[C16:.*]] = dfg.constant dense<16> : tensor<i64>
// CHECK-DAG: %[[ZERO:.*]] = dfg.constant dense<0> : tensor<i64>
// CHECK-DAG: %[[SHAPE:.*]] = dfg.shape_of %arg0
// CHECK-DAG: %[[N:.*]] = dfg.gather %[[SHAPE]], %{{.*}} {axis = 0 : i64}
// CHECK-DAG: %[[BYZERO:.*]] = dfg.div %[[C16]], %[[ZERO]]
// CHECK-DAG: %[[NV:.*]] = dfg.reshape %[[N]]
// CHECK-DAG: %[[PARTIAL:.*]] = dfg.concat %[[C16V]], %[[NV]], %[[C16V]]
// CHECK: return %[[C16]], %[[N]], %[[C16]], %[[ENDS]], %[[CAT]], %[[BYZERO]], %[[PARTIAL]]
func.func @shape_arithmetic(%x: tensor<16x?x64xf32>) -> (tensor<i64>, tensor<i64>, tensor<i64>, tensor<3xi64>, tensor<3xi64>, tensor<i64>, tensor<3xi64>) {
  %s = dfg.shape_of %x : (tensor<16x?x64xf32>) -> tensor<3xi64>
  %i0 = dfg.constant dense<0> : tensor<i64>
  %i1 = dfg.constant dense<1> : tensor<i64>
  %im1 = dfg.constant dense<-1> : tensor<i64>
  %d0 = dfg.gather %s, %i0 {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %d1 = dfg.gather %s, %i1 {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %d2 = dfg.gather %s, %im1 {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %four = dfg.constant dense<4> : tensor<i64>
  %q = dfg.div %d2, %four : (tensor<i64>, tensor<i64>) -> tensor<i64>
  %q1 = dfg.reshape %q : (tensor<i64>) -> tensor<1xi64>
  %max = dfg.constant dense<9223372036854775807> : tensor<3xi64>
  %at2 = dfg.constant dense<[2]> : tensor<1xi64>
  %ends = dfg.scatter_elements %max, %at2, %q1 {axis = 0 : i64, reduction = #dfg<scatter_reduction none>} : (tensor<3xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3xi64>
  %d01 = dfg.reshape %d0 : (tensor<i64>) -> tensor<1xi64>
  %cat = dfg.concat %d01, %q1, %q1 {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3xi64>
  %zero = dfg.constant dense<0> : tensor<i64>
  %byzero = dfg.div %d0, %zero : (tensor<i64>, tensor<i64>) -> tensor<i64>
  %d11 = dfg.reshape %d1 : (tensor<i64>) -> tensor<1xi64>
  %partial = dfg.concat %d01, %d11, %q1 {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3xi64>
  return %d0, %d1, %q, %ends, %cat, %byzero, %partial : tensor<i64>, tensor<i64>, tensor<i64>, tensor<3xi64>, tensor<3xi64>, tensor<i64>, tensor<3xi64>
}
