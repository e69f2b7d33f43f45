// RUN: dfg-opt %s --dfg-lower-to-linalg --split-input-file | FileCheck %s

// Branches yielding different sizes are cast to the dynamic result type;
// the ops inside the branches are lowered too.
// CHECK-LABEL: func.func @if_shapes
// CHECK: %[[C:.*]] = tensor.extract %{{.*}}[] : tensor<i1>
// CHECK: %[[R:.*]] = scf.if %[[C]] -> (tensor<?xf32>) {
// CHECK: %[[A:.*]] = linalg.generic
// CHECK: %[[AC:.*]] = tensor.cast %[[A]] : tensor<5xf32> to tensor<?xf32>
// CHECK: scf.yield %[[AC]] : tensor<?xf32>
// CHECK: } else {
// CHECK: %[[BC:.*]] = tensor.cast %{{.*}} : tensor<3xf32> to tensor<?xf32>
// CHECK: scf.yield %[[BC]] : tensor<?xf32>
// CHECK: return %[[R]]
// CHECK-NOT: dfg.
func.func @if_shapes(%c: tensor<i1>, %a: tensor<5xf32>, %b: tensor<3xf32>) -> tensor<?xf32> {
  %0 = dfg.if %c -> (tensor<?xf32>) {
    %n = dfg.neg %a : (tensor<5xf32>) -> tensor<5xf32>
    dfg.yield %n : tensor<5xf32>
  } else {
    dfg.yield %b : tensor<3xf32>
  }
  return %0 : tensor<?xf32>
}

// -----

// Unsigned values cross the branches as signless.
// CHECK-LABEL: func.func @if_unsigned
// CHECK: scf.if %{{.*}} -> (tensor<2xi8>)
// CHECK: scf.yield %{{.*}} : tensor<2xi8>
// CHECK: scf.yield %{{.*}} : tensor<2xi8>
func.func @if_unsigned(%c: tensor<i1>, %a: tensor<2xui8>) -> tensor<2xui8> {
  %0 = dfg.if %c -> (tensor<2xui8>) {
    %d = dfg.add %a, %a : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
    dfg.yield %d : tensor<2xui8>
  } else {
    dfg.yield %a : tensor<2xui8>
  }
  return %0 : tensor<2xui8>
}

// -----

// A fixed trip count (the body passes its condition through): the scan
// buffer is allocated at the trip count before the loop; the body checks
// for room before it writes a row.
// CHECK-LABEL: func.func @loop_fixed_trips
// CHECK: %[[MAX:.*]] = tensor.extract %{{.*}}[] : tensor<i64>
// CHECK: %[[POS:.*]] = arith.maxsi %[[MAX]], %{{.*}} : i64
// CHECK-NOT: arith.minsi
// CHECK: %[[SEL:.*]] = arith.select %{{.*}}, %[[POS]], %{{.*}} : i64
// CHECK: %[[ROWS:.*]] = arith.index_cast %[[SEL]]
// CHECK: %[[BUF:.*]] = tensor.empty(%[[ROWS]]) : tensor<?x2xf32>
// CHECK: %[[W:.*]]:4 = scf.while (%[[I:.*]] = %{{.*}}, %[[GO:.*]] = %{{.*}}, %[[Y:.*]] = %{{.*}}, %[[S:.*]] = %[[BUF]]) : (i64, i1, tensor<2xf32>, tensor<?x2xf32>)
// CHECK: %[[LT:.*]] = arith.cmpi slt, %[[I]], %[[MAX]] : i64
// CHECK: %[[AND:.*]] = arith.andi %[[LT]], %[[GO]] : i1
// CHECK: scf.condition(%[[AND]])
// CHECK: } do {
// CHECK: ^bb0(%[[I2:.*]]: i64, %{{.*}}: i1, %[[Y2:.*]]: tensor<2xf32>, %[[S2:.*]]: tensor<?x2xf32>):
// CHECK: %[[N:.*]] = linalg.generic
// CHECK: %[[NEXT:.*]] = arith.addi %[[I2]], %{{.*}} : i64
// CHECK: %[[IDX:.*]] = arith.index_cast %[[I2]] : i64 to index
// CHECK: %[[CAP:.*]] = tensor.dim %[[S2]], %{{.*}} : tensor<?x2xf32>
// CHECK: %[[FULL:.*]] = arith.cmpi eq, %[[IDX]], %[[CAP]] : index
// CHECK-NOT: cf.assert
// CHECK: %[[ROOM:.*]] = scf.if %[[FULL]] -> (tensor<?x2xf32>) {
// CHECK: %[[TWICE:.*]] = arith.muli %[[CAP]], %{{.*}} : index
// CHECK: %[[NEWCAP:.*]] = arith.maxui %[[TWICE]], %{{.*}} : index
// CHECK: %[[LARGER:.*]] = tensor.empty(%[[NEWCAP]]) : tensor<?x2xf32>
// CHECK: %[[OLD:.*]] = tensor.extract_slice %[[S2]][0, 0] [%[[IDX]], 2] [1, 1]
// CHECK: %[[MOVED:.*]] = tensor.insert_slice %[[OLD]] into %[[LARGER]][0, 0] [%[[IDX]], 2] [1, 1]
// CHECK: scf.yield %[[MOVED]]
// CHECK: } else {
// CHECK: scf.yield %[[S2]]
// CHECK: %[[INS:.*]] = tensor.insert_slice %[[N]] into %[[ROOM]][%[[IDX]], 0] [1, 2] [1, 1] : tensor<2xf32> into tensor<?x2xf32>
// CHECK: scf.yield %[[NEXT]], %{{.*}}, %[[N]], %[[INS]]
// CHECK: %[[TRIPS:.*]] = arith.index_cast %[[W]]#0 : i64 to index
// CHECK: %[[SCAN:.*]] = tensor.extract_slice %[[W]]#3[0, 0] [%[[TRIPS]], 2] [1, 1] : tensor<?x2xf32> to tensor<?x2xf32>
// CHECK: return %[[W]]#2, %[[SCAN]]
func.func @loop_fixed_trips(%m: tensor<i64>, %y0: tensor<2xf32>, %x: tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>) {
  %y, %ys = dfg.loop max_trip_count(%m) iter_args(%y0 : tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %yy: tensor<2xf32>):
    %n = dfg.add %yy, %x : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    dfg.yield %c, %n, %n : tensor<i1>, tensor<2xf32>, tensor<2xf32>
  }
  return %y, %ys : tensor<2xf32>, tensor<?x2xf32>
}

// -----

// A body that computes its condition: the scan buffer starts with at most
// 16 rows (fewer when the maximum trip count is smaller). A row of a size
// the result type fixes is checked before it is written.
// CHECK-LABEL: func.func @loop_condition
// CHECK: %[[MAX:.*]] = tensor.extract %{{.*}}[] : tensor<i64>
// CHECK: %[[POS:.*]] = arith.maxsi %[[MAX]], %{{.*}} : i64
// CHECK: %[[GUESS:.*]] = arith.minsi %[[POS]], %c16_i64 : i64
// CHECK: %[[SEL:.*]] = arith.select %{{.*}}, %[[GUESS]], %{{.*}} : i64
// CHECK: %[[ROWS:.*]] = arith.index_cast %[[SEL]]
// CHECK: %[[BUF:.*]] = tensor.empty(%[[ROWS]]) : tensor<?x3xf32>
// CHECK: scf.while ({{.*}}) : (i64, i1, tensor<?x3xf32>) -> (i64, i1, tensor<?x3xf32>)
// CHECK: } do {
// CHECK: ^bb0(%[[I:.*]]: i64, %{{.*}}: i1, %[[S:.*]]: tensor<?x3xf32>):
// CHECK: %[[GO:.*]] = tensor.extract %{{.*}}[] : tensor<i1>
// CHECK: %[[SIZE:.*]] = tensor.dim %{{.*}}, %{{.*}} : tensor<?xf32>
// CHECK: %[[OK:.*]] = arith.cmpi eq, %[[SIZE]], %{{c3(_[0-9]+)?}}
// CHECK: cf.assert %[[OK]], "dfg.loop: a scan output row does not have the result's size"
// CHECK: %[[ROOM:.*]] = scf.if
// CHECK: %[[ROW:.*]] = tensor.cast %{{.*}} : tensor<?xf32> to tensor<3xf32>
// CHECK: %[[INS:.*]] = tensor.insert_slice %[[ROW]] into %[[ROOM]]
// CHECK: scf.yield %{{.*}}, %[[GO]], %[[INS]]
func.func @loop_condition(%m: tensor<i64>, %x: tensor<?xf32>, %limit: tensor<i64>) -> tensor<?x3xf32> {
  %rows = dfg.loop max_trip_count(%m) -> (tensor<?x3xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    %go = dfg.compare lt, %i, %limit : (tensor<i64>, tensor<i64>) -> tensor<i1>
    dfg.yield %go, %x : tensor<i1>, tensor<?xf32>
  }
  return %rows : tensor<?x3xf32>
}

// -----

// No maximum trip count: 16 rows to start with. Rows of a size no type
// knows: the buffer starts with rows of size 0, the first row fixes the
// size (a move into a new buffer), and a later row of another size fails.
// CHECK-LABEL: func.func @loop_dynamic_rows
// CHECK: %[[BUF:.*]] = tensor.empty(%{{.*}}, %{{c0(_[0-9]+)?}}) : tensor<?x?xf32>
// CHECK: scf.while
// CHECK: } do {
// CHECK: ^bb0(%[[I:.*]]: i64, %{{.*}}: i1, %[[S:.*]]: tensor<?x?xf32>):
// CHECK: %[[IDX:.*]] = arith.index_cast %[[I]] : i64 to index
// CHECK: %[[CAP:.*]] = tensor.dim %[[S]], %{{c0(_[0-9]+)?}}
// CHECK: %[[FULL:.*]] = arith.cmpi eq, %[[IDX]], %[[CAP]] : index
// CHECK: %[[SIZE:.*]] = tensor.dim %[[ROW:.*]], %{{c0(_[0-9]+)?}} : tensor<?xf32>
// CHECK: %[[HAVE:.*]] = tensor.dim %[[S]], %{{c1(_[0-9]+)?}} : tensor<?x?xf32>
// CHECK: %[[SAME:.*]] = arith.cmpi eq, %[[SIZE]], %[[HAVE]] : index
// CHECK: %[[FIRST:.*]] = arith.cmpi eq, %[[IDX]], %{{c0(_[0-9]+)?}} : index
// CHECK: %[[OK:.*]] = arith.ori %[[SAME]], %[[FIRST]] : i1
// CHECK: cf.assert %[[OK]], "dfg.loop: a scan output's rows change size between iterations"
// CHECK: %[[DIFFER:.*]] = arith.xori %[[SAME]], %{{true(_[0-9]+)?}}
// CHECK: %[[GROW:.*]] = arith.ori %[[FULL]], %[[DIFFER]] : i1
// CHECK: %[[ROOM:.*]] = scf.if %[[GROW]] -> (tensor<?x?xf32>) {
// CHECK: %[[NEWCAP:.*]] = arith.select %[[FULL]], %{{.*}}, %[[CAP]] : index
// CHECK: tensor.empty(%[[NEWCAP]], %[[SIZE]]) : tensor<?x?xf32>
// CHECK: tensor.insert_slice %[[ROW]] into %[[ROOM]][%[[IDX]], 0] [1, %{{.*}}] [1, 1] : tensor<?xf32> into tensor<?x?xf32>
func.func @loop_dynamic_rows(%c: tensor<i1>, %x: tensor<?xf32>) -> tensor<?x?xf32> {
  %rows = dfg.loop condition(%c) -> (tensor<?x?xf32>) {
  ^bb0(%i: tensor<i64>, %cc: tensor<i1>):
    %n = dfg.neg %x : (tensor<?xf32>) -> tensor<?xf32>
    dfg.yield %cc, %n : tensor<i1>, tensor<?xf32>
  }
  return %rows : tensor<?x?xf32>
}

// -----

// Loop-carried values of different static-ness are carried with the
// general type and yielded as computed (no copy, no write back).
// CHECK-LABEL: func.func @loop_carried_cast
// CHECK: %[[INIT:.*]] = tensor.cast %{{.*}} : tensor<2xf32> to tensor<?xf32>
// CHECK: %[[W:.*]]:3 = scf.while ({{.*}}, %{{.*}} = %[[INIT]]) : (i64, i1, tensor<?xf32>)
// CHECK: %[[T:.*]] = tensor.from_elements %{{.*}} : tensor<i64>
// CHECK: %[[C:.*]] = tensor.from_elements %{{.*}} : tensor<i1>
// CHECK: %[[N:.*]] = linalg.generic
// CHECK-NOT: materialize_in_destination
// CHECK-NOT: linalg.copy
// CHECK: scf.yield %{{.*}}, %{{.*}}, %[[N]]
// CHECK: return %[[W]]#2 : tensor<?xf32>
func.func @loop_carried_cast(%m: tensor<i64>, %c: tensor<i1>, %y0: tensor<2xf32>) -> tensor<?xf32> {
  %y = dfg.loop max_trip_count(%m) condition(%c) iter_args(%y0 : tensor<2xf32>) -> (tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %cc: tensor<i1>, %yy: tensor<?xf32>):
    %n = dfg.neg %yy : (tensor<?xf32>) -> tensor<?xf32>
    dfg.yield %cc, %n : tensor<i1>, tensor<?xf32>
  }
  return %y : tensor<?xf32>
}
