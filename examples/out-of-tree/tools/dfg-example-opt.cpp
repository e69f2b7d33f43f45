//===- dfg-example-opt.cpp - dfg-opt plus the example pass ---------------===//

#include "AddSelfToMul/Passes.h"

#include "dfg/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::dfg::registerAllPasses();
  addselftomul::registerAddSelfToMulPasses();
  mlir::DialectRegistry registry;
  mlir::dfg::registerAllDialects(registry);
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "DFG optimizer driver with the example pass\n", registry));
}
