//===- Importer.h - ONNX model to dfg IR ------------------------*- C++ -*-===//
//
// Reads an ONNX model (protobuf, with external data files) and builds a
// module holding one `func.func` of `dfg` ops. Every op is located at its
// ONNX node: `loc("<node name> (<op type>)")`.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_IMPORT_ONNX_IMPORTER_H
#define DFG_IMPORT_ONNX_IMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/LLVM.h"

#include <string>

namespace llvm {
class MemoryBufferRef;
} // namespace llvm

namespace mlir::dfg::onnx_import {

/// Sizes a user fixes for a graph input at compile time
/// (`dfg-compile --input-shape NAME=DIMS`); kDynamic leaves a dimension as
/// the model has it.
struct InputShape {
  std::string name;
  SmallVector<int64_t> dims;
  /// The text it was parsed from, for diagnostics.
  std::string spec;
};

/// Parses `NAME=DIMS`, DIMS being sizes joined by `x` with `?` for a
/// dimension left dynamic (`x=1x3x224x224`, `x=?x3x?x?`; a scalar is
/// `x=`). The error says what is wrong with `spec`.
FailureOr<InputShape> parseInputShape(StringRef spec, std::string &error);

struct ImportOptions {
  /// Folder that external data paths are relative to; by default the
  /// model file's folder.
  std::string externalDataDir;
  /// Name of the generated function.
  std::string functionName = "main_graph";
  /// Initializers with more elements than this become `dense_resource`
  /// blobs; smaller ones stay readable `dense` literals.
  int64_t denseLiteralLimit = 64;
  /// Largest model file accepted, in bytes (protobuf itself stops at 2 GiB).
  uint64_t maxModelBytes = uint64_t(2) << 30;
  /// Input sizes fixed before ONNX shape inference runs, so that every
  /// type derived from them is static. A `dim_param` fixed on one input is
  /// fixed on every input that names it.
  SmallVector<InputShape> inputShapes;
};

/// Imports the model in `buffer`. Errors are reported through the
/// context's diagnostic handler, every one of them, and the result is a
/// failure.
FailureOr<OwningOpRef<ModuleOp>> importModel(MLIRContext *context,
                                             llvm::MemoryBufferRef buffer,
                                             const ImportOptions &options);

/// Reads and imports the model file at `path`.
FailureOr<OwningOpRef<ModuleOp>> importModelFile(MLIRContext *context,
                                                 StringRef path,
                                                 ImportOptions options = {});

/// Registers `--import-onnx` with the translation registry (for
/// dfg-translate).
void registerImportTranslation();

} // namespace mlir::dfg::onnx_import

#endif // DFG_IMPORT_ONNX_IMPORTER_H
