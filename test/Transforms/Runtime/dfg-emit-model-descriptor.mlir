// RUN: dfg-opt %s --dfg-emit-model-descriptor | FileCheck %s

// Two inputs sharing the named dimension N, three outputs of other element
// types (a signed integer maps as the signless one), and an arena whose
// size scales with input 0's dimension 0.

// The trampoline passes the result pointer, the two inputs and the arena.
// CHECK-LABEL: llvm.func @dfg_model_entry(%{{.*}}: !llvm.ptr)
// CHECK-COUNT-4: llvm.load
// CHECK: llvm.call @_mlir_ciface_main_graph(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> ()

// CHECK: llvm.mlir.global private constant @dfg_model.inputs.0.name("x\00")
// CHECK: llvm.mlir.global private constant @dfg_model.inputs.0.dims(dense<[-1, 4]> : tensor<2xi64>)
// CHECK: llvm.mlir.global private constant @dfg_model.inputs.1.name("y\00")
// CHECK: llvm.mlir.global private constant @dfg_model.inputs.1.dims(dense<-1> : tensor<1xi64>)
// CHECK-LABEL: llvm.mlir.global private constant @dfg_model.inputs()
// CHECK-SAME: !llvm.array<2 x struct<(ptr, i32, i32, ptr)>>
// x: float32 (1), rank 2.
// CHECK: llvm.mlir.addressof @dfg_model.inputs.0.name
// CHECK-NEXT: llvm.insertvalue %{{.*}}[0]
// CHECK-NEXT: llvm.mlir.constant(1 : i32)
// CHECK-NEXT: llvm.insertvalue %{{.*}}[1]
// CHECK-NEXT: llvm.mlir.constant(2 : i32)
// CHECK-NEXT: llvm.insertvalue %{{.*}}[2]
// CHECK-NEXT: llvm.mlir.addressof @dfg_model.inputs.0.dims
// CHECK-NEXT: llvm.insertvalue %{{.*}}[3]
// y: uint8 (2), rank 1.
// CHECK: llvm.mlir.addressof @dfg_model.inputs.1.name
// CHECK-NEXT: llvm.insertvalue %{{.*}}[0]
// CHECK-NEXT: llvm.mlir.constant(2 : i32)
// CHECK-NEXT: llvm.insertvalue %{{.*}}[1]
// CHECK-NEXT: llvm.mlir.constant(1 : i32)
// CHECK-NEXT: llvm.insertvalue %{{.*}}[2]

// A rank-0 output has no dims table: a null pointer.
// CHECK: llvm.mlir.global private constant @dfg_model.outputs.0.name("flag\00")
// CHECK-NOT: @dfg_model.outputs.0.dims
// CHECK: llvm.mlir.global private constant @dfg_model.outputs.1.dims(dense<[2, 3]> : tensor<2xi64>)
// CHECK: llvm.mlir.global private constant @dfg_model.outputs.2.dims(dense<5> : tensor<1xi64>)
// CHECK-LABEL: llvm.mlir.global private constant @dfg_model.outputs()
// CHECK-SAME: !llvm.array<3 x struct<(ptr, i32, i32, ptr)>>
// flag: bool (9), rank 0, dims null.
// CHECK: llvm.mlir.addressof @dfg_model.outputs.0.name
// CHECK-NEXT: llvm.insertvalue %{{.*}}[0]
// CHECK-NEXT: llvm.mlir.constant(9 : i32)
// CHECK-NEXT: llvm.insertvalue %{{.*}}[1]
// CHECK-NEXT: llvm.mlir.constant(0 : i32)
// CHECK-NEXT: llvm.insertvalue %{{.*}}[2]
// CHECK-NEXT: llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT: llvm.insertvalue %{{.*}}[3]
// half: bfloat16 (16); count: int64 (7).
// CHECK: llvm.mlir.addressof @dfg_model.outputs.1.name
// CHECK-NEXT: llvm.insertvalue %{{.*}}[0]
// CHECK-NEXT: llvm.mlir.constant(16 : i32)
// CHECK: llvm.mlir.addressof @dfg_model.outputs.2.name
// CHECK-NEXT: llvm.insertvalue %{{.*}}[0]
// CHECK-NEXT: llvm.mlir.constant(7 : i32)

// One arena term: 256 bytes times input 0's dimension 0. One group of
// named dimensions: N, shared by (0, 0) and (1, 0).
// CHECK: llvm.mlir.global private constant @dfg_model.arena(dense<[1, 256, 1, 0, 0]> : tensor<5xi64>)
// CHECK: llvm.mlir.global private constant @dfg_model.dim_groups(dense<[1, 2, 0, 0, 1, 0]> : tensor<6xi64>)
// CHECK: llvm.mlir.global private constant @dfg_model.dim_group_names("N\00")

// CHECK-LABEL: llvm.mlir.global external hidden constant @dfg_model_descriptor()
// CHECK-SAME: !llvm.struct<(i64, i64, i64, ptr, ptr, ptr, ptr, ptr, ptr)>
// CHECK: llvm.mlir.constant(3 : i64)
// CHECK-NEXT: llvm.insertvalue %{{.*}}[0]
// CHECK-NEXT: llvm.mlir.constant(2 : i64)
// CHECK-NEXT: llvm.insertvalue %{{.*}}[1]
// CHECK-NEXT: llvm.mlir.constant(3 : i64)
// CHECK-NEXT: llvm.insertvalue %{{.*}}[2]
// CHECK-NEXT: llvm.mlir.addressof @dfg_model.inputs
// CHECK-NEXT: llvm.insertvalue %{{.*}}[3]
// CHECK-NEXT: llvm.mlir.addressof @dfg_model.outputs
// CHECK-NEXT: llvm.insertvalue %{{.*}}[4]
// CHECK-NEXT: llvm.mlir.addressof @dfg_model_entry
// CHECK-NEXT: llvm.insertvalue %{{.*}}[5]
// CHECK-NEXT: llvm.mlir.addressof @dfg_model.arena
// CHECK-NEXT: llvm.insertvalue %{{.*}}[6]
// CHECK-NEXT: llvm.mlir.addressof @dfg_model.dim_groups
// CHECK-NEXT: llvm.insertvalue %{{.*}}[7]
// CHECK-NEXT: llvm.mlir.addressof @dfg_model.dim_group_names
// CHECK-NEXT: llvm.insertvalue %{{.*}}[8]
llvm.func @main_graph() attributes {
  dfg.model_signature = {
    inputs = [{name = "x", type = tensor<?x4xf32>, dim_names = ["N", ""]},
              {name = "y", type = tensor<?xui8>, dim_names = ["N"]}],
    outputs = [{name = "flag", type = tensor<i1>},
               {name = "half", type = tensor<2x3xbf16>},
               {name = "count", type = tensor<5xsi64>}]},
  dfg.arena = [array<i64: 256, 0, 0>]}
llvm.func @_mlir_ciface_main_graph(!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr)
