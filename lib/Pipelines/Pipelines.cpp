//===- Pipelines.cpp - named DFG pass pipelines ---------------------------===//
//
// Built from typed pass constructors and option structs, so that no option
// value (a user's file path, say) is ever spliced into pipeline text;
// `printPipeline` gives the textual form for reproducing a stage by hand
// with `dfg-opt --pass-pipeline=...`.
//
//===----------------------------------------------------------------------===//

#include "dfg/Pipelines/Pipelines.h"

#include "dfg/Conversion/Passes.h"
#include "dfg/Transforms/Codegen/Passes.h"
#include "dfg/Transforms/Cost/Passes.h"
#include "dfg/Transforms/Memory/Passes.h"
#include "dfg/Transforms/Runtime/Passes.h"
#include "dfg/Transforms/Shape/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::dfg;

void mlir::dfg::buildLowerToTensorCodegenPipeline(
    OpPassManager &pm, const LowerToLLVMOptions &options) {
  // dfg level: static shapes wherever the inputs have them.
  pm.addPass(createDFGInferShapesPass());
  pm.addPass(createCanonicalizerPass());
  // tensor level.
  pm.addPass(createDFGLowerToLinalgPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // Before code generation adds tile loops: a guard per tensor created at
  // run time, not per tile.
  if (options.runtimeGuards)
    pm.addPass(createDFGGuardDynamicSizesPass());
  if (options.fuseElementwise)
    pm.addNestedPass<func::FuncOp>(createDFGFuseElementwisePass());
  // Register tiles and vector code for matmul, convolution, depthwise and
  // pooling. Nothing may canonicalize between it and bufferization: the
  // pads and concats it writes in place would turn out of place.
  if (options.vectorize) {
    TileAndVectorizeOptions codegen;
    // 0 is "the default"; anything else, a bad value included, goes to
    // dfg-tile-contractions, which diagnoses it.
    if (options.tileN != 0)
      codegen.tileN = options.tileN;
    // Per-op choices (dfg.codegen) by the cost model, which the code
    // generation passes take over their options; the options are the fixed
    // rule the remarks compare with.
    if (options.costModel != "none") {
      DFGChooseCodegenPassOptions choose;
      choose.costModel = options.costModel;
      choose.profile = options.costProfile;
      choose.vectorBits = options.vectorBits;
      choose.remarks = options.costRemarks;
      choose.tileM = codegen.tileM;
      choose.tileN = codegen.tileN;
      choose.packRhs = codegen.packRhs;
      choose.im2col = codegen.im2col;
      pm.addPass(createDFGChooseCodegenPass(choose));
    }
    buildTileAndVectorizePipeline(pm.nest<func::FuncOp>(), codegen);
  }
}

void mlir::dfg::buildBufferizeToLLVMPipeline(
    OpPassManager &pm, const LowerToLLVMOptions &options) {
  // Function arguments are the caller's tensors: never written in place.
  // Every returned buffer is owned by the caller (the deallocation pipeline
  // clones what would alias an argument or a constant), so the runtime
  // releases every output. Loops may yield fresh tensors (ONNX Loop values
  // change size, scan outputs grow); the deallocation pipeline frees the
  // replaced ones.
  //
  // Sizes first read from where they come from (a dynamic batch from the
  // argument): the analysis compares slice sizes, and compares sizes of
  // different tensors by walking the IR between them (on resnet18, 85 s).
  pm.addNestedPass<func::FuncOp>(createDFGResolveTensorDimsPass());
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  bufferize.allowReturnAllocsFromLoops = true;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // Scratch buffers of the tile loops (packed panels, hoisted out of their
  // loop as tensors) move back into the loops before the arena is planned,
  // so that parallel iterations never share one.
  if (options.parallel) {
    DFGParallelizeTileLoopsPassOptions privatize;
    privatize.privatizeOnly = true;
    pm.addNestedPass<func::FuncOp>(
        createDFGParallelizeTileLoopsPass(privatize));
  }
  // Intermediate buffers into one arena, planned over the program order;
  // what escapes or has a data-dependent size stays an allocation.
  if (options.memoryPlan != MemoryPlan::None) {
    DFGPlanMemoryPassOptions plan;
    plan.solver =
        options.memoryPlan == MemoryPlan::Greedy ? "greedy" : "search";
    plan.arenaArgument = options.arenaArgument;
    plan.memoryMap = options.memoryMap;
    plan.buffersCSV = options.memoryPlanCSV;
    pm.addPass(createDFGPlanMemoryPass(plan));
  }
  bufferization::buildBufferDeallocationPipeline(
      pm, bufferization::BufferDeallocationPipelineOptions());
  // The clones the deallocation pipeline leaves for returned values.
  pm.addPass(createConvertBufferizationToMemRefPass());
  pm.addPass(createCanonicalizerPass());
  // The marked tile loops become scf.parallel, now that each is known to
  // write its tiles in place; their scratch buffers become per iteration.
  if (options.parallel)
    pm.addNestedPass<func::FuncOp>(createDFGParallelizeTileLoopsPass());
  // loops and LLVM. Weights as one-dimensional globals: LLVM would make a
  // constant of every innermost row of a nested array.
  pm.addPass(createDFGFlattenGlobalsPass());
  pm.addPass(createConvertLinalgToLoopsPass());
  VectorTransferToSCFOptions vectorToSCF;
  vectorToSCF.enableFullUnroll();
  pm.addNestedPass<func::FuncOp>(createConvertVectorToSCFPass(vectorToSCF));
  // Before expand-strided-metadata, which crashes on what this rewrites.
  pm.addNestedPass<func::FuncOp>(createDFGExpandShapesAsCastsPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  // scf.parallel as an OpenMP parallel region with a static schedule; the
  // runtime sets the team's size (omp_set_num_threads) at each run.
  // The conversion wraps each loop body in a memref.alloca_scope, which
  // must hold a single block: canonicalization inlines the scopes (the
  // bodies have no allocas) before convert-scf-to-cf splits them.
  if (options.parallel) {
    pm.addPass(createConvertSCFToOpenMPPass());
    pm.addPass(createCanonicalizerPass());
  }
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertVectorToLLVMPass());
  // Integer powers become small outlined functions (no LLVM intrinsic).
  pm.addPass(createConvertMathToFuncs());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  // memref.alloc/dealloc (the clones included) become calls of the generic
  // functions rather than malloc/free, so that the runtime can keep large
  // blocks between runs instead of page-faulting fresh mmap'ed memory in.
  // convert-to-llvm would lower them to malloc/free: this runs first.
  if (options.runtimeAllocator) {
    FinalizeMemRefToLLVMConversionPassOptions memrefToLLVM;
    memrefToLLVM.useGenericFunctions = true;
    pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefToLLVM));
  }
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

void mlir::dfg::buildLowerToLLVMPipeline(OpPassManager &pm,
                                         const LowerToLLVMOptions &options) {
  buildLowerToTensorCodegenPipeline(pm, options);
  buildBufferizeToLLVMPipeline(pm, options);
}

std::string mlir::dfg::printPipeline(const OpPassManager &pm) {
  std::string text;
  llvm::raw_string_ostream os(text);
  pm.printAsTextualPipeline(os);
  return text;
}

void mlir::dfg::registerPipelines() {
  PassPipelineRegistration<LowerToLLVMOptions>(
      "dfg-lower-to-llvm",
      "Lower a module of dfg functions to the LLVM dialect (CPU)",
      buildLowerToLLVMPipeline);
  PassPipelineRegistration<LowerToLLVMOptions>(
      "dfg-bufferize-to-llvm",
      "The tail of dfg-lower-to-llvm: bufferize vectorized linalg on "
      "tensors, plan memory, and lower to the LLVM dialect",
      buildBufferizeToLLVMPipeline);
}
