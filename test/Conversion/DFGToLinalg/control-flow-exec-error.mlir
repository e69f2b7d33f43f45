// A scan output whose rows change size between iterations cannot be
// stacked: the lowered loop stops the program with a message instead of
// writing the rows out of bounds. The message goes to stdout (puts) right
// before abort(), so stdout must be unbuffered to reach FileCheck.
// RUN: dfg-opt %s --dfg-lower-to-llvm | not --crash stdbuf -o0 %mlir_runner 2>&1 | FileCheck %s

// CHECK: dfg.loop: a scan output's rows change size between iterations
// CHECK-NOT: sizes =

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  %a = dfg.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %b = dfg.constant dense<[4.0, 5.0]> : tensor<2xf32>
  %one = dfg.constant dense<1> : tensor<i64>
  %three = dfg.constant dense<3> : tensor<i64>
  %rows = dfg.loop max_trip_count(%three) -> (tensor<?x?xf32>) {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    %first = dfg.compare lt, %i, %one : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %row = dfg.if %first -> (tensor<?xf32>) {
      dfg.yield %a : tensor<3xf32>
    } else {
      dfg.yield %b : tensor<2xf32>
    }
    dfg.yield %c, %row : tensor<i1>, tensor<?xf32>
  }
  %m = bufferization.to_buffer %rows : tensor<?x?xf32> to memref<?x?xf32>
  %u = memref.cast %m : memref<?x?xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
