//===- NodeImporter.h - What an ONNX op converter sees ----------*- C++ -*-===//
//
// Internal to the importer. A converter turns one ONNX node into dfg ops
// through a NodeContext: typed access to inputs (and their constant values),
// attributes with defaults, ONNX's own shape-inference hints, and the
// outputs to define. Converters are registered per op type and per schema
// version (`since_version`) in a ConverterRegistry.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_LIB_IMPORT_ONNX_NODEIMPORTER_H
#define DFG_LIB_IMPORT_ONNX_NODEIMPORTER_H

#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringMap.h"

#include "onnx/onnx_pb.h"

#include <map>
#include <string>

namespace mlir::dfg::onnx_import {

class GraphImporter;

/// Maps an ONNX TensorProto data type to an MLIR element type.
FailureOr<Type> convertElementType(MLIRContext *context, int32_t dataType);

/// Maps an ONNX tensor type to a ranked tensor type (`?` for unknown and
/// symbolic dimensions); failure for non-tensor or unranked types.
FailureOr<RankedTensorType> convertTensorType(MLIRContext *context,
                                              const onnx::TypeProto &type);

/// Maps an ONNX value type to a ranked tensor type, a `!dfg.sequence` (of
/// an unranked tensor type when the elements' shape is unknown) or a
/// `!dfg.optional`; failure for other and unranked types.
FailureOr<Type> convertType(MLIRContext *context, const onnx::TypeProto &type);

/// The view of one ONNX node that a converter works with.
class NodeContext {
public:
  NodeContext(GraphImporter &graph, const onnx::NodeProto &node,
              int64_t version, Location loc, OpBuilder &builder);

  const onnx::NodeProto &node() const { return nodeProto; }
  StringRef opType() const { return nodeProto.op_type(); }
  /// The `since_version` of the operator schema the model's opset selects.
  int64_t version() const { return schemaVersion; }
  Location loc() const { return location; }
  OpBuilder &builder() { return opBuilder; }
  MLIRContext *context() const { return opBuilder.getContext(); }

  /// Number of inputs listed on the node, absent ones included.
  unsigned numInputs() const { return nodeProto.input_size(); }
  /// Input `index`, or a null value when it is absent (past the end of the
  /// list, or an empty name).
  Value input(unsigned index) const;
  /// The type of a present input.
  RankedTensorType inputType(unsigned index) const;
  /// Requires input `index` to be present; emits an error otherwise.
  FailureOr<Value> requiredInput(unsigned index);
  /// The value of input `index` when it is known at import time (an
  /// initializer, a Constant node, or ops that the dfg folders folded to a
  /// dense constant); null otherwise.
  DenseElementsAttr constantInput(unsigned index) const;
  /// The integers of a constant input (shapes, axes, pads, ...); an error
  /// naming `what` when the input is not constant or not integer.
  FailureOr<SmallVector<int64_t>> constantInts(unsigned index, StringRef what);

  bool hasAttr(StringRef name) const { return findAttr(name) != nullptr; }
  const onnx::AttributeProto *findAttr(StringRef name) const;
  int64_t intAttr(StringRef name, int64_t defaultValue) const;
  double floatAttr(StringRef name, double defaultValue) const;
  std::string stringAttr(StringRef name, StringRef defaultValue) const;
  SmallVector<int64_t> intsAttr(StringRef name,
                                ArrayRef<int64_t> defaultValue = {}) const;
  SmallVector<double> floatsAttr(StringRef name) const;
  /// A tensor attribute converted to an elements attribute.
  FailureOr<ElementsAttr> tensorAttr(StringRef name);
  /// A graph attribute (an If branch, a Loop or Scan body), or null.
  const onnx::GraphProto *graphAttr(StringRef name) const;
  /// Imports `subgraph` at the builder's insertion point, its inputs bound
  /// in order to `inputs`; returns the values of its outputs. It reads the
  /// values of the enclosing graphs by name (GraphImporter::importSubgraph).
  FailureOr<SmallVector<Value>> importSubgraph(const onnx::GraphProto &subgraph,
                                               ValueRange inputs);

  /// Number of outputs listed on the node.
  unsigned numOutputs() const { return nodeProto.output_size(); }
  /// Whether output `index` is listed with a non-empty name.
  bool hasOutput(unsigned index) const;
  /// ONNX shape inference's type for output `index`, or null.
  RankedTensorType outputTypeHint(unsigned index) const;
  /// Like outputTypeHint, for outputs of any type (sequences, optionals).
  Type outputValueTypeHint(unsigned index) const;
  /// Defines output `index`.
  void setOutput(unsigned index, Value value);

  /// Emits an error located at the node, prefixed with its name, op type
  /// and opset.
  InFlightDiagnostic emitError() const;
  LogicalResult error(const Twine &message) const;

  /// Creates a dfg op at the node's location. For single-result ops that
  /// infer their type, inference runs here rather than in the op's builder
  /// (which aborts on failure): a failure is diagnosed at the node, the
  /// node is marked failed, and a placeholder type keeps later ops of the
  /// node buildable until the importer stops.
  template <typename OpTy, typename... Args>
  OpTy create(Args &&...args) {
    if constexpr (OpTy::template hasTrait<InferTypeOpInterface::Trait>() &&
                  OpTy::template hasTrait<OpTrait::OneResult>()) {
      auto op = OpTy::create(opBuilder, location, placeholderTypeFor<OpTy>(),
                             std::forward<Args>(args)...);
      inferResultType(op.getOperation());
      return op;
    } else {
      return OpTy::create(opBuilder, location, std::forward<Args>(args)...);
    }
  }

  /// Like `create` for a single-result op, then folds it at once with the
  /// dialect's folders (createOrFold), for builders whose result later ops
  /// of the same node read as a constant. Returns the op's result, or what
  /// it folded to.
  template <typename OpTy, typename... Args>
  Value createOrFold(Args &&...args) {
    OpTy op = create<OpTy>(std::forward<Args>(args)...);
    return foldNow(op->getResult(0));
  }

  /// Whether an op of this node failed type inference.
  bool hasFailed() const { return failedInference; }

  /// A `dfg.constant` of `value`.
  Value constant(ElementsAttr value);
  /// A 0-d `dfg.constant` of `elementType` holding `value`.
  Value scalar(Type elementType, double value);
  /// A 1-D i64 `dfg.constant`.
  Value i64Vector(ArrayRef<int64_t> values);

private:
  Value foldNow(Value result);
  Type placeholderType() const;
  /// The placeholder of the kind `OpTy`'s result must have: a sequence or an
  /// optional result stays one, so that the op still converts to its typed
  /// result value (a tensor there would fail cast<> in an asserting build,
  /// as the fuzzer found with a SequenceConstruct of mixed element types).
  template <typename OpTy> Type placeholderTypeFor() const {
    auto tensor = cast<TensorType>(placeholderType());
    if constexpr (OpTy::template hasTrait<
                      OpTrait::OneTypedResult<SequenceType>::Impl>())
      return SequenceType::get(tensor);
    else if constexpr (OpTy::template hasTrait<
                           OpTrait::OneTypedResult<OptionalType>::Impl>())
      return OptionalType::get(tensor);
    else
      return tensor;
  }
  void inferResultType(Operation *op);

  GraphImporter &graph;
  const onnx::NodeProto &nodeProto;
  int64_t schemaVersion;
  Location location;
  OpBuilder &opBuilder;
  bool failedInference = false;
};

using ConverterFn = LogicalResult (*)(NodeContext &);

/// Converters by (domain, op type, first schema version handled).
class ConverterRegistry {
public:
  /// Registers `fn` for the schemas of `opType` whose since_version is at
  /// least `minVersion` (until a later registration takes over).
  void add(StringRef domain, StringRef opType, int64_t minVersion,
           ConverterFn fn);
  /// The converter for a node whose schema has `sinceVersion`, or null.
  ConverterFn lookup(StringRef domain, StringRef opType,
                     int64_t sinceVersion) const;
  /// The registry with every op family registered.
  static const ConverterRegistry &get();

private:
  std::map<std::pair<std::string, std::string>, std::map<int64_t, ConverterFn>>
      converters;
};

/// The ONNX domain, as nodes spell it ("" or "ai.onnx").
inline bool isOnnxDomain(StringRef domain) {
  return domain.empty() || domain == "ai.onnx";
}

// One registration function per op family (Converters/*.cpp).
void registerElementwiseConverters(ConverterRegistry &registry);
void registerNNConverters(ConverterRegistry &registry);
void registerShapeConverters(ConverterRegistry &registry);
void registerReductionConverters(ConverterRegistry &registry);
void registerMathConverters(ConverterRegistry &registry);
void registerTrainingConverters(ConverterRegistry &registry);
void registerIndexingConverters(ConverterRegistry &registry);
void registerControlFlowConverters(ConverterRegistry &registry);
void registerSequenceConverters(ConverterRegistry &registry);
void registerVisionConverters(ConverterRegistry &registry);
void registerRecurrentConverters(ConverterRegistry &registry);
void registerQuantizationConverters(ConverterRegistry &registry);
void registerRandomConverters(ConverterRegistry &registry);

/// BatchNormalization with batch statistics (training mode), for the
/// BatchNormalization converter to hand over to (Converters/Recurrent.cpp).
LogicalResult convertBatchNormTraining(NodeContext &ctx);

/// Dropout in training mode, with random dropping, for the Dropout
/// converter to hand over to (Converters/Random.cpp). Without
/// `trainingKnown`, the training flag (input 2) is read at run time.
LogicalResult convertDropoutTraining(NodeContext &ctx, bool trainingKnown);

} // namespace mlir::dfg::onnx_import

#endif // DFG_LIB_IMPORT_ONNX_NODEIMPORTER_H
