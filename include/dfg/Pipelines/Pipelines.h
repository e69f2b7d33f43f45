//===- Pipelines.h - named DFG pass pipelines -------------------*- C++ -*-===//

#ifndef DFG_PIPELINES_PIPELINES_H
#define DFG_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

#include <string>

namespace mlir::dfg {

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
  PassOptions::Option<bool> planMemory{
      *this, "plan-memory",
      llvm::cl::desc("Place intermediate buffers in one arena planned at "
                     "compile time (dfg-plan-memory)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> arenaArgument{
      *this, "arena-argument",
      llvm::cl::desc("The caller passes the arena as a trailing argument "
                     "(dfg-plan-memory's arena-argument)"),
      llvm::cl::init(false)};
  PassOptions::Option<std::string> memoryMap{
      *this, "memory-map",
      llvm::cl::desc("Write an SVG picture of the memory plan to this file "
                     "(the path may not contain '\"', '{' or '}')")};
  PassOptions::Option<std::string> memoryPlanSolver{
      *this, "memory-plan-solver",
      llvm::cl::desc("The memory planner's solver: greedy or search"),
      llvm::cl::init("search")};
  PassOptions::Option<std::string> memoryPlanCSV{
      *this, "memory-plan-csv",
      llvm::cl::desc("Write the planned buffers as CSV (dfg-memplan's format)")};
  PassOptions::Option<bool> runtimeAllocator{
      *this, "runtime-allocator",
      llvm::cl::desc("Allocate and free buffers through "
                     "_mlir_memref_to_llvm_{alloc,aligned_alloc,free}, which "
                     "the DFG runtime implements with a block cache (off for "
                     "code run against plain libc, e.g. by mlir-runner)"),
      llvm::cl::init(false)};
};

/// The textual form of the `dfg-lower-to-llvm` pipeline, the passes to run
/// on a module of `dfg` functions to reach the LLVM dialect:
/// `dfg-opt --pass-pipeline='builtin.module(<this>)'` reproduces it.
std::string lowerToLLVMPipeline(const LowerToLLVMOptions &options);

/// Adds the `dfg-lower-to-llvm` pipeline to `pm` (a module pass manager).
LogicalResult buildLowerToLLVMPipeline(OpPassManager &pm,
                                       const LowerToLLVMOptions &options);

/// Registers the named pipelines with the pass registry (for `dfg-opt`).
void registerPipelines();

} // namespace mlir::dfg

#endif // DFG_PIPELINES_PIPELINES_H
