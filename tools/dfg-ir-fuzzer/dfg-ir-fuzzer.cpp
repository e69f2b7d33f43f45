//===- dfg-ir-fuzzer.cpp - libFuzzer target for dfg-opt's IR parsing ------===//
//
// Feeds arbitrary bytes to what dfg-opt does first with a file: parse it as
// MLIR with every dialect dfg-opt registers, verify it (the dfg ops'
// verifiers, type and attribute parsers included), and print what verified
// (the custom printers) and parse that again. Any outcome but a crash, a
// hang or unbounded memory is fine: a malformed file is a diagnostic,
// swallowed here.
//
//===----------------------------------------------------------------------===//

#include "dfg/InitAll.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"

#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace mlir;

static OwningOpRef<ModuleOp> parseAndVerify(MLIRContext &context,
                                            llvm::StringRef text) {
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(text, ParserConfig(&context));
  if (!module || failed(verify(*module)))
    return nullptr;
  return module;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // One context for all inputs: loading every dialect per input would make
  // a bounded run ten times slower. Types and attributes interned by one
  // input stay, which changes no parse.
  static MLIRContext *context = [] {
    DialectRegistry registry;
    dfg::registerAllDialects(registry);
    auto *created = new MLIRContext(registry, MLIRContext::Threading::DISABLED);
    created->loadAllAvailableDialects();
    return created;
  }();
  ScopedDiagnosticHandler swallow(context,
                                  [](Diagnostic &) { return success(); });

  // The parser reads past the end to the NUL that files read by dfg-opt
  // (null-terminated MemoryBuffers) have; libFuzzer's buffer has none.
  std::string text(reinterpret_cast<const char *>(data), size);
  OwningOpRef<ModuleOp> module = parseAndVerify(*context, text);
  if (!module)
    return 0;
  // What verified prints, and the printed form parses back.
  std::string printed;
  llvm::raw_string_ostream os(printed);
  module->print(os);
  (void)parseAndVerify(*context, printed);
  return 0;
}
