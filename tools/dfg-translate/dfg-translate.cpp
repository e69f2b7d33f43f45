//===- dfg-translate.cpp - mlir-translate for DFG -------------------------===//
//
// `dfg-translate --import-onnx model.onnx -o model.mlir`.
//
//===----------------------------------------------------------------------===//

#include "dfg/Import/ONNX/Importer.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  mlir::dfg::onnx_import::registerImportTranslation();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "DFG translation driver\n"));
}
