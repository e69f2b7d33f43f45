//===- Pipelines.h - named DFG pass pipelines -------------------*- C++ -*-===//

#ifndef DFG_PIPELINES_PIPELINES_H
#define DFG_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

#include <string>

namespace mlir::dfg {

/// Where `dfg-lower-to-llvm` places intermediate buffers: the same words as
/// `dfg-compile --memory-plan` and `dfg-plan-memory`'s `solver`.
enum class MemoryPlan { Search, Greedy, None };

/// Options of the `dfg-lower-to-llvm` pipeline.
struct LowerToLLVMOptions : public PassPipelineOptions<LowerToLLVMOptions> {
  PassOptions::Option<bool> fuseElementwise{
      *this, "fuse-elementwise",
      llvm::cl::desc("Fuse producer-consumer elementwise linalg ops"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> vectorize{
      *this, "vectorize",
      llvm::cl::desc("Tile and vectorize matmul, convolution and pooling "
                     "(dfg-tile-and-vectorize)"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> tileN{
      *this, "tile-n",
      llvm::cl::desc("Columns of a contraction's register tile "
                     "(dfg-tile-contractions' tile-n); 0: 16 here, and in "
                     "dfg-compile the target's choice (32 with AVX-512)"),
      llvm::cl::init(0)};
  PassOptions::Option<std::string> costModel{
      *this, "cost-model",
      llvm::cl::desc("Choose each contraction's and convolution's register "
                     "tile, packing and im2col with this cost model "
                     "(dfg-choose-codegen before dfg-tile-and-vectorize): "
                     "analytic, learned or a model file; none: the fixed "
                     "rules"),
      llvm::cl::init("none")};
  PassOptions::Option<std::string> costProfile{
      *this, "cost-profile",
      llvm::cl::desc("Machine profile the cost model uses (written by "
                     "dfg-machine-profile; default: the built-in "
                     "conservative profile)")};
  PassOptions::Option<bool> costRemarks{
      *this, "cost-remarks",
      llvm::cl::desc("Explain each choice of the cost model in a remark "
                     "(dfg-choose-codegen's remarks)"),
      llvm::cl::init(false)};
  PassOptions::Option<unsigned> vectorBits{
      *this, "vector-bits",
      llvm::cl::desc("Hardware vector width the cost model's candidates "
                     "assume; 0: the profile's fastest here, and in "
                     "dfg-compile the target's widest"),
      llvm::cl::init(0)};
  PassOptions::Option<MemoryPlan> memoryPlan{
      *this, "memory-plan",
      llvm::cl::desc("How intermediate buffers are placed (dfg-plan-memory)"),
      llvm::cl::init(MemoryPlan::Search),
      llvm::cl::values(
          clEnumValN(MemoryPlan::Search, "search",
                     "one arena, planned as small as the planner can make "
                     "it"),
          clEnumValN(MemoryPlan::Greedy, "greedy", "one arena, best-fit plan"),
          clEnumValN(MemoryPlan::None, "none",
                     "each buffer allocated at run time"))};
  PassOptions::Option<bool> arenaArgument{
      *this, "arena-argument",
      llvm::cl::desc("The caller passes the arena as a trailing argument "
                     "(dfg-plan-memory's arena-argument)"),
      llvm::cl::init(false)};
  PassOptions::Option<std::string> memoryMap{
      *this, "memory-map",
      llvm::cl::desc("Write an SVG picture of the memory plan to this file")};
  PassOptions::Option<std::string> memoryPlanCSV{
      *this, "memory-plan-csv",
      llvm::cl::desc(
          "Write the planned buffers as CSV (dfg-memplan's format)")};
  PassOptions::Option<bool> runtimeAllocator{
      *this, "runtime-allocator",
      llvm::cl::desc("Allocate and free buffers through "
                     "_mlir_memref_to_llvm_{alloc,aligned_alloc,free}, which "
                     "the DFG runtime implements with a block cache (off for "
                     "code run against plain libc, e.g. by mlir-runner)"),
      llvm::cl::init(false)};
  PassOptions::Option<bool> runtimeGuards{
      *this, "runtime-guards",
      llvm::cl::desc("Check the sizes of tensors created at run time "
                     "through the DFG runtime's guards before allocating "
                     "them (dfg-guard-dynamic-sizes; off for code run "
                     "without the runtime)"),
      llvm::cl::init(false)};
  PassOptions::Option<bool> parallel{
      *this, "parallel",
      llvm::cl::desc("Run the tile loops of contractions and of tiled "
                     "elementwise ops over the cores (OpenMP: the code "
                     "calls libomp; off for code run by mlir-runner)"),
      llvm::cl::init(false)};
};

/// Adds the `dfg-lower-to-llvm` pipeline to `pm` (anchored on a module):
/// the tensor stages (buildLowerToTensorCodegenPipeline) then the stages
/// from bufferization on (buildBufferizeToLLVMPipeline).
void buildLowerToLLVMPipeline(OpPassManager &pm,
                              const LowerToLLVMOptions &options);

/// The `dfg` level to vectorized linalg on tensors: shape inference, the
/// lowering to linalg, elementwise fusion and `dfg-tile-and-vectorize`.
void buildLowerToTensorCodegenPipeline(OpPassManager &pm,
                                       const LowerToLLVMOptions &options);

/// Bufferization, memory planning, deallocation and the conversions to the
/// LLVM dialect: the tail of `dfg-lower-to-llvm`, registered as
/// `dfg-bufferize-to-llvm` so that tests of one stage can run the rest.
void buildBufferizeToLLVMPipeline(OpPassManager &pm,
                                  const LowerToLLVMOptions &options);

/// The textual form of `pm` (`dfg-opt --pass-pipeline=...` accepts it).
std::string printPipeline(const OpPassManager &pm);

/// Registers the named pipelines with the pass registry (for `dfg-opt`).
void registerPipelines();

} // namespace mlir::dfg

#endif // DFG_PIPELINES_PIPELINES_H
