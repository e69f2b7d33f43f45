//===- GraphImporter.h - ONNX graph to a dfg function -----------*- C++ -*-===//
//
// Internal to the importer: the state of importing one ONNX graph (values by
// name, known constants, ONNX shape-inference hints), shared with the
// converters through NodeContext.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_LIB_IMPORT_ONNX_GRAPHIMPORTER_H
#define DFG_LIB_IMPORT_ONNX_GRAPHIMPORTER_H

#include "NodeImporter.h"

#include "dfg/Import/ONNX/Importer.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>

namespace mlir::dfg::onnx_import {

/// Model-wide facts the graph importer needs.
struct ModelInfo {
  std::string path;         ///< for diagnostics
  std::string externalDir;  ///< external data paths are relative to this
  /// The external data file read last (by its real path), kept mapped for
  /// the next tensor: exporters put many tensors in one file, and at most
  /// one file is open or mapped at a time whatever the tensor count.
  std::string externalFilePath;
  std::shared_ptr<llvm::MemoryBuffer> externalFile;
  std::map<std::string, int64_t> opsets; ///< domain ("" for ONNX) -> version
  llvm::StringMap<onnx::TypeProto> typeHints; ///< from ONNX shape inference
  const ImportOptions *options = nullptr;
};

class GraphImporter {
public:
  GraphImporter(MLIRContext *context, ModelInfo &model)
      : context(context), model(model) {}

  /// Imports `graph` into a new function named `name` at the end of
  /// `module`. Reports every unsupported operator before failing.
  FailureOr<func::FuncOp> importMainGraph(const onnx::GraphProto &graph,
                                          ModuleOp module, StringRef name);

  /// Imports the nodes of `graph`, a subgraph (an If branch, a Loop or Scan
  /// body), at `builder`'s insertion point, with the graph's inputs bound in
  /// order to `inputs`. The subgraph reads the values of the enclosing graphs
  /// by name; the names it defines are visible only inside it. Returns the
  /// values of the graph's outputs.
  FailureOr<SmallVector<Value>> importSubgraph(const onnx::GraphProto &graph,
                                               OpBuilder &builder,
                                               ValueRange inputs);

  // For NodeContext.
  Value lookup(StringRef name) const;
  DenseElementsAttr lookupConstant(StringRef name) const;
  RankedTensorType typeHint(StringRef name) const;
  void define(StringRef name, Value value);
  /// Converts an ONNX tensor (initializer, attribute) to an elements
  /// attribute: `dense` when small, `dense_resource` otherwise.
  FailureOr<ElementsAttr> convertTensor(const onnx::TensorProto &tensor,
                                        Location loc);
  const ModelInfo &modelInfo() const { return model; }
  /// An error at the model file, prefixed with the node's name.
  InFlightDiagnostic emitNodeError(const onnx::NodeProto &node,
                                   Location loc) const;
  MLIRContext *getContext() const { return context; }
  /// Constants read by ops that folded away (see foldCreatedOps); those
  /// unused once the graph is complete are erased.
  llvm::SetVector<Operation *> &getFoldedConstants() { return foldedConstants; }

private:
  LogicalResult checkSupported(const onnx::GraphProto &graph);
  LogicalResult importNodes(const onnx::GraphProto &graph, OpBuilder &builder);
  Location nodeLoc(const onnx::NodeProto &node, int index) const;

  MLIRContext *context;
  ModelInfo &model;
  llvm::StringMap<Value> values;
  llvm::StringMap<DenseElementsAttr> constants;
  llvm::SetVector<Operation *> foldedConstants;
  /// Prefixes the generated names of unnamed nodes of subgraphs
  /// ("body/Add_3"), which would otherwise repeat those of the main graph.
  std::string locPrefix;
};

/// Runs the ONNX checker; returns its message on failure. (Compiled with
/// exceptions: the ONNX library reports errors by throwing.)
std::optional<std::string> runOnnxChecker(const onnx::ModelProto &model);

/// Runs ONNX shape inference with data propagation, adding value_info to
/// `model`; returns the message of a failure.
std::optional<std::string> runOnnxShapeInference(onnx::ModelProto &model);

/// The opset versions the ONNX library knows for `domain`, or none for a
/// domain it does not know.
std::optional<std::pair<int64_t, int64_t>> knownOpsetRange(StringRef domain);

/// The since_version of the schema `opType` has in `domain` at `opset`, or
/// -1 when ONNX knows no such operator.
int64_t schemaSinceVersion(StringRef domain, StringRef opType, int64_t opset);

} // namespace mlir::dfg::onnx_import

#endif // DFG_LIB_IMPORT_ONNX_GRAPHIMPORTER_H
