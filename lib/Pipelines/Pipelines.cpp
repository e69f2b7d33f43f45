//===- Pipelines.cpp - named DFG pass pipelines ---------------------------===//
//
// The pipeline is kept in textual form on purpose: it is exactly what
// `dfg-opt --pass-pipeline=...` accepts, so any stage can be reproduced and
// bisected by hand from the printed string.
//
//===----------------------------------------------------------------------===//

#include "dfg/Pipelines/Pipelines.h"

#include "mlir/Pass/PassRegistry.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::dfg;

std::string mlir::dfg::lowerToLLVMPipeline(const LowerToLLVMOptions &options) {
  SmallVector<std::string> stages = {
      // dfg level: static shapes wherever the inputs have them (on the
      // module, so that calls follow their callees' refined results).
      "dfg-infer-shapes",
      "canonicalize",
      // tensor level.
      "dfg-lower-to-linalg",
      "canonicalize",
      "cse",
  };
  if (options.fuseElementwise)
    stages.push_back("linalg-fuse-elementwise-ops");
  // Register tiles and vector code for matmul, convolution, depthwise and
  // pooling. Nothing may canonicalize between it and bufferization: the
  // copies it emits for padding would turn out of place.
  if (options.vectorize)
    stages.push_back("func.func(dfg-tile-and-vectorize)");
  stages.append({
      // Function arguments are the caller's tensors: never written in
      // place. Every returned buffer is owned by the caller (the
      // deallocation pipeline clones what would alias an argument or a
      // constant), so the runtime releases every output. Loops may
      // yield fresh tensors (ONNX Loop values change size, scan outputs
      // grow); the deallocation pipeline frees the replaced ones.
      "one-shot-bufferize{bufferize-function-boundaries "
      "function-boundary-type-conversion=identity-layout-map "
      "allow-return-allocs-from-loops}",
  });
  // Intermediate buffers into one arena, planned over the program order;
  // what escapes or has a data-dependent size stays an allocation.
  if (options.planMemory) {
    std::string plan = "dfg-plan-memory{solver=" +
                       options.memoryPlanSolver.getValue();
    if (options.arenaArgument)
      plan += " arena-argument";
    if (!options.memoryMap.empty())
      plan += " memory-map=\"" + options.memoryMap.getValue() + "\"";
    if (!options.memoryPlanCSV.empty())
      plan += " buffers-csv=\"" + options.memoryPlanCSV.getValue() + "\"";
    stages.push_back(plan + "}");
  }
  stages.append({
      "buffer-deallocation-pipeline",
      // The clones the deallocation pipeline leaves for returned values.
      "convert-bufferization-to-memref",
      "canonicalize",
      // loops and LLVM.
      "convert-linalg-to-loops",
      "func.func(convert-vector-to-scf{full-unroll=true})",
      "expand-strided-metadata",
      "lower-affine",
      "convert-scf-to-cf",
      "convert-vector-to-llvm",
      // Integer powers become small outlined functions (no LLVM intrinsic).
      "convert-math-to-funcs",
      "convert-math-to-llvm",
      "convert-math-to-libm",
  });
  // memref.alloc/dealloc (the clones included) become calls of the generic
  // functions rather than malloc/free, so that the runtime can keep large
  // blocks between runs instead of page-faulting fresh mmap'ed memory in.
  // convert-to-llvm would lower them to malloc/free: this runs first.
  if (options.runtimeAllocator)
    stages.push_back("finalize-memref-to-llvm{use-generic-functions=true}");
  stages.append({
      "convert-to-llvm",
      "reconcile-unrealized-casts",
  });
  return llvm::join(stages, ",");
}

LogicalResult
mlir::dfg::buildLowerToLLVMPipeline(OpPassManager &pm,
                                    const LowerToLLVMOptions &options) {
  // The stages are nested in whatever `pm` is anchored on (a module).
  return parsePassPipeline(lowerToLLVMPipeline(options), pm);
}

void mlir::dfg::registerPipelines() {
  PassPipelineRegistration<LowerToLLVMOptions>(
      "dfg-lower-to-llvm",
      "Lower a module of dfg functions to the LLVM dialect (CPU)",
      [](OpPassManager &pm, const LowerToLLVMOptions &options) {
        if (failed(buildLowerToLLVMPipeline(pm, options)))
          llvm::report_fatal_error("dfg-lower-to-llvm: invalid pipeline");
      });
}
