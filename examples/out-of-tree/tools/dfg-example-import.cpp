//===- dfg-example-import.cpp - ONNX model -> dfg IR, rewritten ----------===//
//
// Imports an ONNX model with the installed importer, prints the dtype of each
// input (the compiler library's names), applies the example pass and prints
// the module.
//
//===----------------------------------------------------------------------===//

#include "AddSelfToMul/Passes.h"

#include "dfg/Compiler/Compiler.h"
#include "dfg/Import/ONNX/Importer.h"
#include "dfg/InitAll.h"
#include "dfg/Runtime/DTypes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

static llvm::cl::opt<std::string> inputFile(llvm::cl::Positional,
                                            llvm::cl::desc("<model.onnx>"),
                                            llvm::cl::Required);

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::cl::ParseCommandLineOptions(argc, argv, "DFG example importer\n");

  DialectRegistry registry;
  dfg::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();

  // Import errors are already reported with their location.
  FailureOr<OwningOpRef<ModuleOp>> module =
      dfg::onnx_import::importModelFile(&context, inputFile);
  if (failed(module))
    return 1;

  // The signature the compiler would give the compiled model: dtypes as the
  // C API numbers them.
  FailureOr<dfg::ModelSignature> signature =
      dfg::compiler::collectSignature(**module);
  if (failed(signature))
    return 1;
  for (auto [index, input] : llvm::enumerate(signature->inputs))
    llvm::outs() << "input " << index << ": " << dfg::getDTypeName(input.dtype)
                 << "\n";

  PassManager pm(&context);
  pm.addPass(addselftomul::createDFGExampleAddSelfToMul());
  if (failed(pm.run(**module)))
    return 1;
  (*module)->print(llvm::outs());
  llvm::outs() << "\n";
  return 0;
}
