//===- Passes.td - dfg memory passes ---------------------------*- tablegen -*-===//

#ifndef DFG_TRANSFORMS_MEMORY_PASSES_TD
#define DFG_TRANSFORMS_MEMORY_PASSES_TD

include "mlir/Pass/PassBase.td"

def DFGResolveTensorDimsPass
    : Pass<"dfg-resolve-tensor-dims", "func::FuncOp"> {
  let summary = "Express every tensor.dim in terms of the values the sizes "
                "come from, before bufferization";
  let description = [{
    Replaces each `tensor.dim` of an op's result by the size the op was
    given: the dim of a DPS op's init, of an `insert_slice`'s destination,
    the size operand of a `tensor.empty`, ... (the ops'
    `ReifyRankedShapedTypeOpInterface`), the dim of an `scf.for` result or
    iter_arg by the dim of its init when the loop yields a value of the same
    sizes, repeatedly, so that a dynamic size (a batch) is read from the
    function argument it comes from.

    Why: one-shot-bufferize decides whether an `insert_slice` writes in
    place by comparing its offsets and sizes with those of the matching
    `extract_slice`, through `ValueBoundsConstraintSet`. Two sizes that are
    `tensor.dim`s of two different tensors are compared by walking the IR
    from both, through every producer back to the argument, with a
    Presburger emptiness check at every step: on resnet18 with a dynamic
    batch, that analysis took 85 s of CPU. Sizes that are one SSA value
    compare without a walk.

    Only `tensor.dim` ops are rewritten, and nothing is folded: in
    particular an `extract_slice` of an `insert_slice` at the same place
    stays, as the in-place decisions of dfg-write-in-place need (folded to
    the inserted value, its later read would conflict with the write of
    the `insert_slice`, and bufferization would copy).

    ```mlir
    // Before:
    %e = tensor.empty(%n) : tensor<?x8xf32>
    %f = linalg.fill ins(%cst : f32) outs(%e : tensor<?x8xf32>) -> tensor<?x8xf32>
    %d = tensor.dim %f, %c0 : tensor<?x8xf32>
    // After: uses of %d read %n.
    ```
  }];
  let dependentDialects = [
    "affine::AffineDialect", "arith::ArithDialect", "tensor::TensorDialect"
  ];
}

def DFGFlattenGlobalsPass : Pass<"dfg-flatten-globals", "ModuleOp"> {
  let summary = "Give each multi-dimensional memref.global a one-dimensional "
                "type";
  let description = [{
    A `memref.global` of a statically shaped memref with the identity
    layout and more than one dimension becomes a one-dimensional global of
    the same elements (its initial value, `dense` or `dense_resource`,
    reshaped; a resource keeps its blob), and each `memref.get_global` of
    it a `get_global` of the new type expanded back to the old one.

    Why: `finalize-memref-to-llvm` types a global as nested LLVM arrays, and
    LLVM makes one uniqued constant per innermost row of its initializer: a
    512x512x3x3 convolution weight is 786,432 constants of 3 floats, which
    LLVM hashes, walks in every pass over the module's references, emits one
    by one and frees (on resnet18, more than half of the time spent in
    LLVM). One-dimensional, each weight is one constant. The code that reads
    the weights does not change: the expanded view has the old type.

    ```mlir
    // Before:
    memref.global "private" constant @w : memref<2x3xf32> = dense<...>
    %0 = memref.get_global @w : memref<2x3xf32>
    // After:
    memref.global "private" constant @w : memref<6xf32> = dense<...>
    %1 = memref.get_global @w : memref<6xf32>
    %0 = memref.expand_shape %1 [[0, 1]] output_shape [2, 3]
        : memref<6xf32> into memref<2x3xf32>
    ```

    A public global, one that is named otherwise than by
    `memref.get_global`, or one whose initial value is neither `dense` nor
    `dense_resource` is left alone.
  }];
  let dependentDialects = ["memref::MemRefDialect"];
}

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
