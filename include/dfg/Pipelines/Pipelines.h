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
