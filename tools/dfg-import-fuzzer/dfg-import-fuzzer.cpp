//===- dfg-import-fuzzer.cpp - libFuzzer target for the ONNX importer -----===//
//
// Feeds arbitrary bytes to the importer as an .onnx file. Any outcome but a
// crash, a hang or unbounded memory is fine: most inputs are rejected with a
// diagnostic, which is swallowed here.
//
//===----------------------------------------------------------------------===//

#include "dfg/Import/ONNX/Importer.h"

#include "dfg/InitAll.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static mlir::MLIRContext *context = [] {
    mlir::DialectRegistry registry;
    mlir::dfg::registerAllDialects(registry);
    auto *ctx = new mlir::MLIRContext(registry);
    ctx->loadAllAvailableDialects();
    return ctx;
  }();
  mlir::ScopedDiagnosticHandler silence(
      context, [](mlir::Diagnostic &) { return mlir::success(); });
  llvm::MemoryBufferRef buffer(
      llvm::StringRef(reinterpret_cast<const char *>(data), size),
      "fuzz.onnx");
  mlir::dfg::onnx_import::ImportOptions options;
  // External data paths are resolved against a folder that does not exist.
  options.externalDataDir = "/nonexistent-dfg-fuzz-dir";
  (void)mlir::dfg::onnx_import::importModel(context, buffer, options);
  return 0;
}
