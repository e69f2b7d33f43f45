//===- Passes.td - dfg memory passes ---------------------------*- tablegen -*-===//

#ifndef DFG_TRANSFORMS_MEMORY_PASSES_TD
#define DFG_TRANSFORMS_MEMORY_PASSES_TD

include "mlir/Pass/PassBase.td"

def DFGPlanMemoryPass : Pass<"dfg-plan-memory", "ModuleOp"> {
  let summary = "Place the intermediate buffers of each function in one "
                "arena planned at compile time";
  let description = [{
    Runs on bufferized IR, after `one-shot-bufferize` and before the
    deallocation pipeline (there must be no `memref.dealloc` yet). In every
    function with a body of one block, each `memref.alloc` of that block
    whose buffer never escapes is given a lifetime and an offset in an
    arena:

    - The lifetime runs from the allocation to the last use of the buffer
      or of any alias of it (views, casts, loop-carried values, values
      yielded by `scf.for`/`scf.if`), counted in the order of the
      function's top-level ops; a use inside a loop or a branch counts at
      the op that holds it.
    - A buffer that is returned, passed to a call, deallocated or
      reallocated, or consumed by an op whose results may alias it in ways
      the pass does not model, escapes: it stays a `memref.alloc`.
    - The size in bytes must be `c * d1 * ... * dk`, a constant times
      dimensions of the function's arguments (a dynamic batch, say), as
      seen through `memref.dim`, `arith.muli` and the sizes of other
      allocations. Buffers whose size depends on anything else (values
      computed from data) stay `memref.alloc`s.

    Buffers with the same product of argument dimensions and the same
    memory space form a group, planned with the `DFGMemoryPlanning`
    library in units of that product: at run time a group of `D` bytes per
    unit takes `D * d1 * ... * dk` bytes and its offsets scale the same way,
    so one plan serves every value of the dynamic dimensions. The arena of
    a memory space is the groups of that space one after the other. Offsets
    and sizes are multiples of `alignment`; every planned allocation
    becomes a `memref.view` into the arena.

    The arena is one `memref.alloc` at the top of the function (freed by
    the deallocation pipeline like any other buffer), or, with
    `arena-argument`, a trailing function argument `memref<?xi8>` that the
    caller provides (`dfg-compile` does this: its
    runtime allocates the arena once and reuses it). Either way the
    function gets a `dfg.arena` attribute describing the size of the
    default memory space's arena: a list of terms
    `[bytes, arg, dim, arg, dim, ...]`, the size being the sum over terms of
    `bytes` times the listed argument dimensions.

    ```mlir
    // Before:
    %a = memref.alloc(%n) {alignment = 64 : i64} : memref<?x256xf32>
    ...
    // After:
    %arena = memref.alloc(%size) {alignment = 64 : i64} : memref<?xi8>
    %a = memref.view %arena[%offset][%n] : memref<?xi8> to memref<?x256xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::memref::MemRefDialect",
  ];
  let options = [
    Option<"solver", "solver", "std::string", /*default=*/"\"search\"",
           "The planner's solver: greedy (best fit, largest first) or search "
           "(optimal when time allows, never worse than greedy)">,
    Option<"timeLimit", "time-limit", "double", /*default=*/"2.0",
           "Seconds the search solver may spend per group of buffers">,
    Option<"alignment", "alignment", "int64_t", /*default=*/"64",
           "Alignment in bytes of every planned buffer (at least the "
           "alignment each allocation asks for)">,
    Option<"arenaArgument", "arena-argument", "bool", /*default=*/"false",
           "Take the arena of the default memory space as a trailing "
           "function argument instead of allocating it (public functions "
           "that nothing in the module calls only)">,
    Option<"memoryMap", "memory-map", "std::string", /*default=*/"",
           "Write an SVG picture of each function's plan to this file "
           "(the function name is inserted before the extension when the "
           "module has several planned functions)">,
    Option<"buffersCSV", "buffers-csv", "std::string", /*default=*/"",
           "Write the planned buffers (lifetimes, sizes at unit dimensions, "
           "offsets) as CSV in dfg-memplan's format, for benchmarks">,
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark per function with the arena size, the lower bound, "
           "the sum of the planned buffers and what was left unplanned">,
  ];
}

def DFGExpandShapesAsCastsPass
    : Pass<"dfg-expand-shapes-as-casts", "func::FuncOp"> {
  let summary = "Rewrite memref.expand_shape ops with several run-time sizes "
                "in one group as memref.reinterpret_cast";
  let description = [{
    `expand-strided-metadata` of LLVM 22 assumes at most one dynamic size
    per reassociation group of a `memref.expand_shape` and crashes on more
    (llvm-project issue 186830, fixed for LLVM 23), which a convolution over
    an image of run-time height and width produces: its [N, F, OH*OW]
    result is expanded to [N, F, OH, OW]. This pass runs before it and
    rewrites exactly those expand_shapes as a `memref.reinterpret_cast` of
    the source's base buffer, with the sizes of `output_shape` and strides
    computed from the source's (within a group, each stride is the next
    one times the next size). Others are left to `expand-strided-metadata`.

    ```mlir
    // Before:
    %e = memref.expand_shape %c [[0], [1], [2, 3]] output_shape [%n, 5, %h, %w]
        : memref<?x5x?xf32> into memref<?x5x?x?xf32>
    // After (schematically):
    %base, %offset, %sizes:3, %strides:3 = memref.extract_strided_metadata %c
    %e = memref.reinterpret_cast %base to offset: [0],
        sizes: [%n, 5, %h, %w], strides: [%strides#0, %strides#1, %w, 1]
    ```
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::memref::MemRefDialect",
  ];
}

#endif // DFG_TRANSFORMS_MEMORY_PASSES_TD
