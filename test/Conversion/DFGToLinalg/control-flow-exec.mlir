// Runs lowered dfg.if and dfg.loop (ONNX If and Loop) and checks the values
// and the run-time sizes: branches of different shapes, fixed trip counts,
// loops stopped by their condition (fewer scan rows than the maximum trip
// count), a loop without a maximum trip count whose scan outputs outgrow
// their first buffer twice, scan rows of a size known only at run time,
// loop-carried values that change size, loops that never run, and an if and
// a loop nested in a loop.
// RUN: dfg-opt %s --dfg-lower-to-llvm | %mlir_runner | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI64(memref<*xi64>)

func.func @print1(%t: tensor<?xf32>) {
  %m = bufferization.to_buffer %t : tensor<?xf32> to memref<?xf32>
  %u = memref.cast %m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @print2(%t: tensor<?x?xf32>) {
  %m = bufferization.to_buffer %t : tensor<?x?xf32> to memref<?x?xf32>
  %u = memref.cast %m : memref<?x?xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @printI64(%t: tensor<?xi64>) {
  %m = bufferization.to_buffer %t : tensor<?xi64> to memref<?xi64>
  %u = memref.cast %m : memref<?xi64> to memref<*xi64>
  call @printMemrefI64(%u) : (memref<*xi64>) -> ()
  return
}

func.func @main() {
  %true = dfg.constant dense<true> : tensor<i1>
  %false = dfg.constant dense<false> : tensor<i1>
  %a = dfg.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %b = dfg.constant dense<[4.0, 5.0]> : tensor<2xf32>

  // Branches of different sizes.
  // CHECK: sizes = [3]
  // CHECK-NEXT: [1, 2, 3]
  %r1 = dfg.if %true -> (tensor<?xf32>) {
    dfg.yield %a : tensor<3xf32>
  } else {
    dfg.yield %b : tensor<2xf32>
  }
  call @print1(%r1) : (tensor<?xf32>) -> ()
  // CHECK: sizes = [2]
  // CHECK-NEXT: [4, 5]
  %r2 = dfg.if %false -> (tensor<?xf32>) {
    dfg.yield %a : tensor<3xf32>
  } else {
    dfg.yield %b : tensor<2xf32>
  }
  call @print1(%r2) : (tensor<?xf32>) -> ()

  // A fixed trip count: y += x four times, scanning y.
  %four = dfg.constant dense<4> : tensor<i64>
  %y0 = dfg.constant dense<[0.0, 10.0]> : tensor<2xf32>
  %x = dfg.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %y, %ys = dfg.loop max_trip_count(%four) iter_args(%y0 : tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %yy: tensor<2xf32>):
    %n = dfg.add %yy, %x : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    dfg.yield %c, %n, %n : tensor<i1>, tensor<2xf32>, tensor<2xf32>
  }
  // CHECK: sizes = [2]
  // CHECK-NEXT: [4, 6]
  %yd = tensor.cast %y : tensor<2xf32> to tensor<?xf32>
  call @print1(%yd) : (tensor<?xf32>) -> ()
  // CHECK: sizes = [4, 2]
  // CHECK-NEXT: {{\[}}[1, 9],
  // CHECK-NEXT: [2, 8],
  // CHECK-NEXT: [3, 7],
  // CHECK-NEXT: [4, 6]]
  %ysd = tensor.cast %ys : tensor<?x2xf32> to tensor<?x?xf32>
  call @print2(%ysd) : (tensor<?x?xf32>) -> ()

  // Stopped by the condition: s doubles while below 100, scanning the
  // iteration number and s; with a maximum trip count and without one.
  %hundred = dfg.constant dense<100> : tensor<i64>
  %limit = dfg.constant dense<100.0> : tensor<f32>
  %one = dfg.constant dense<1.0> : tensor<f32>
  %two = dfg.constant dense<2.0> : tensor<f32>
  %s, %is, %ss = dfg.loop max_trip_count(%hundred) condition(%true) iter_args(%one : tensor<f32>) -> (tensor<f32>, tensor<?xi64>, tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    %n = dfg.mul %v, %two : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %go = dfg.compare lt, %n, %limit : (tensor<f32>, tensor<f32>) -> tensor<i1>
    dfg.yield %go, %n, %i, %n : tensor<i1>, tensor<f32>, tensor<i64>, tensor<f32>
  }
  // CHECK: sizes = [7]
  // CHECK-NEXT: [0, 1, 2, 3, 4, 5, 6]
  call @printI64(%is) : (tensor<?xi64>) -> ()
  // CHECK: sizes = [7]
  // CHECK-NEXT: [2, 4, 8, 16, 32, 64, 128]
  call @print1(%ss) : (tensor<?xf32>) -> ()
  %u = dfg.loop condition(%true) iter_args(%one : tensor<f32>) -> (tensor<f32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<f32>):
    %n = dfg.mul %v, %two : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %go = dfg.compare lt, %n, %limit : (tensor<f32>, tensor<f32>) -> tensor<i1>
    dfg.yield %go, %n : tensor<i1>, tensor<f32>
  }
  // CHECK: sizes = [1]
  // CHECK-NEXT: [128]
  %ue = tensor.expand_shape %u [] output_shape [1] : tensor<f32> into tensor<1xf32>
  %ud = tensor.cast %ue : tensor<1xf32> to tensor<?xf32>
  call @print1(%ud) : (tensor<?xf32>) -> ()

  %two64 = dfg.constant dense<2> : tensor<i64>
  %oneI = dfg.constant dense<1> : tensor<i64>
  %onef = dfg.constant dense<1.0> : tensor<f32>

  // Loops that never run: a zero trip count, a false initial condition.
  %zero = dfg.constant dense<0> : tensor<i64>
  %z, %zs = dfg.loop max_trip_count(%zero) iter_args(%y0 : tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %yy: tensor<2xf32>):
    %n = dfg.add %yy, %x : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    dfg.yield %c, %n, %n : tensor<i1>, tensor<2xf32>, tensor<2xf32>
  }
  // CHECK: sizes = [2]
  // CHECK-NEXT: [0, 10]
  %zd = tensor.cast %z : tensor<2xf32> to tensor<?xf32>
  call @print1(%zd) : (tensor<?xf32>) -> ()
  // CHECK: sizes = [0, 2]
  %zsd = tensor.cast %zs : tensor<?x2xf32> to tensor<?x?xf32>
  call @print2(%zsd) : (tensor<?x?xf32>) -> ()
  %w, %ws = dfg.loop max_trip_count(%four) condition(%false) iter_args(%y0 : tensor<2xf32>) -> (tensor<2xf32>, tensor<?x2xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %yy: tensor<2xf32>):
    %n = dfg.add %yy, %x : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    dfg.yield %c, %n, %n : tensor<i1>, tensor<2xf32>, tensor<2xf32>
  }
  // CHECK: sizes = [0, 2]
  %wsd = tensor.cast %ws : tensor<?x2xf32> to tensor<?x?xf32>
  call @print2(%wsd) : (tensor<?x?xf32>) -> ()

  // An if and a loop in the body; the inner loop adds 1 four times.
  %vs1 = dfg.loop max_trip_count(%two64) iter_args(%r2 : tensor<?xf32>) -> (tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<?xf32>):
    %first1 = dfg.compare lt, %i, %oneI : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %e1 = dfg.if %first1 -> (tensor<?xf32>) {
      %inc1 = dfg.loop max_trip_count(%four) iter_args(%v : tensor<?xf32>) -> (tensor<?xf32>) {
      ^bb0(%j: tensor<i64>, %d: tensor<i1>, %q: tensor<?xf32>):
        %qq = dfg.add %q, %onef : (tensor<?xf32>, tensor<f32>) -> tensor<?xf32>
        dfg.yield %d, %qq : tensor<i1>, tensor<?xf32>
      }
      dfg.yield %inc1 : tensor<?xf32>
    } else {
      %sum1 = dfg.add %v, %v : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
      dfg.yield %sum1 : tensor<?xf32>
    }
    dfg.yield %c, %e1 : tensor<i1>, tensor<?xf32>
  }
  // CHECK: sizes = [2]
  // CHECK-NEXT: [16, 18]
  call @print1(%vs1) : (tensor<?xf32>) -> ()

  // No maximum trip count, 40 iterations (the scan buffers start with 16
  // rows): scans the iteration number and the running sum of it.
  %forty = dfg.constant dense<40> : tensor<i64>
  %zeroI = dfg.constant dense<0> : tensor<i64>
  %sum, %its, %sums = dfg.loop condition(%true) iter_args(%zeroI : tensor<i64>) -> (tensor<i64>, tensor<?xi64>, tensor<?xi64>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %acc: tensor<i64>):
    %n = dfg.add %acc, %i : (tensor<i64>, tensor<i64>) -> tensor<i64>
    %i1 = dfg.add %i, %oneI : (tensor<i64>, tensor<i64>) -> tensor<i64>
    %go = dfg.compare lt, %i1, %forty : (tensor<i64>, tensor<i64>) -> tensor<i1>
    dfg.yield %go, %n, %i, %n : tensor<i1>, tensor<i64>, tensor<i64>, tensor<i64>
  }
  // CHECK: sizes = [40]
  // CHECK-NEXT: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]
  call @printI64(%its) : (tensor<?xi64>) -> ()
  // CHECK: sizes = [40]
  // CHECK-NEXT: [0, 1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 66, 78, 91, 105, 120, 136, 153, 171, 190, 210, 231, 253, 276, 300, 325, 351, 378, 406, 435, 465, 496, 528, 561, 595, 630, 666, 703, 741, 780]
  call @printI64(%sums) : (tensor<?xi64>) -> ()
  // CHECK: sizes = [1]
  // CHECK-NEXT: [780]
  %sume = tensor.expand_shape %sum [] output_shape [1] : tensor<i64> into tensor<1xi64>
  %sumd = tensor.cast %sume : tensor<1xi64> to tensor<?xi64>
  call @printI64(%sumd) : (tensor<?xi64>) -> ()

  // Scan rows whose size only the run time knows: the negated value, three
  // times.
  %three = dfg.constant dense<3> : tensor<i64>
  %ad = tensor.cast %a : tensor<3xf32> to tensor<?xf32>
  %q, %qs = dfg.loop max_trip_count(%three) iter_args(%ad : tensor<?xf32>) -> (tensor<?xf32>, tensor<?x?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<?xf32>):
    %n = dfg.neg %v : (tensor<?xf32>) -> tensor<?xf32>
    dfg.yield %c, %n, %n : tensor<i1>, tensor<?xf32>, tensor<?xf32>
  }
  // CHECK: sizes = [3, 3]
  // CHECK-NEXT: {{\[}}[-1, -2, -3],
  // CHECK-NEXT: [1, 2, 3],
  // CHECK-NEXT: [-1, -2, -3]]
  call @print2(%qs) : (tensor<?x?xf32>) -> ()

  // A loop-carried value that changes size: 2 values initially, a + 1 (3
  // values) after the first iteration, b + 1 (2 values) after the others.
  %g = dfg.loop max_trip_count(%three) iter_args(%b : tensor<2xf32>) -> (tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<?xf32>):
    %even = dfg.compare lt, %i, %oneI : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %e = dfg.if %even -> (tensor<?xf32>) {
      %s3 = dfg.add %a, %onef : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
      dfg.yield %s3 : tensor<3xf32>
    } else {
      %s2 = dfg.add %b, %onef : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
      dfg.yield %s2 : tensor<2xf32>
    }
    dfg.yield %c, %e : tensor<i1>, tensor<?xf32>
  }
  // CHECK: sizes = [2]
  // CHECK-NEXT: [5, 6]
  call @print1(%g) : (tensor<?xf32>) -> ()
  %g1 = dfg.loop max_trip_count(%oneI) iter_args(%b : tensor<2xf32>) -> (tensor<?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %v: tensor<?xf32>):
    %even = dfg.compare lt, %i, %oneI : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %e = dfg.if %even -> (tensor<?xf32>) {
      %s3 = dfg.add %a, %onef : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
      dfg.yield %s3 : tensor<3xf32>
    } else {
      dfg.yield %v : tensor<?xf32>
    }
    dfg.yield %c, %e : tensor<i1>, tensor<?xf32>
  }
  // CHECK: sizes = [3]
  // CHECK-NEXT: [2, 3, 4]
  call @print1(%g1) : (tensor<?xf32>) -> ()
  return
}
