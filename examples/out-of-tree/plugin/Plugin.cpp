//===- Plugin.cpp - the example pass as a dfg-opt plugin -----------------===//

#include "AddSelfToMul/Passes.h"

#include "mlir/Tools/Plugins/PassPlugin.h"

#include "llvm/Config/llvm-config.h"

/// The entry point --load-pass-plugin looks up.
extern "C" LLVM_ATTRIBUTE_WEAK ::mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "DFGExampleAddSelfToMul",
          LLVM_VERSION_STRING,
          []() { addselftomul::registerAddSelfToMulPasses(); }};
}
