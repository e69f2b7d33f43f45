//===- dfg-opt.cpp - mlir-opt for DFG -------------------------------------===//

#include "dfg/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::dfg::registerAllPasses();
  mlir::DialectRegistry registry;
  mlir::dfg::registerAllDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "DFG optimizer driver\n", registry));
}
