//===- Importer.cpp - ONNX model to dfg IR --------------------------------===//

#include "dfg/Import/ONNX/Importer.h"

#include "GraphImporter.h"

#include "dfg/Dialect/DFG/IR/DFGDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <google/protobuf/io/coded_stream.h>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

//===----------------------------------------------------------------------===//
// ConverterRegistry
//===----------------------------------------------------------------------===//

static std::string canonicalDomain(StringRef domain) {
  return isOnnxDomain(domain) ? "" : domain.str();
}

void ConverterRegistry::add(StringRef domain, StringRef opType,
                            int64_t minVersion, ConverterFn fn) {
  converters[{canonicalDomain(domain), opType.str()}][minVersion] = fn;
}

ConverterFn ConverterRegistry::lookup(StringRef domain, StringRef opType,
                                      int64_t sinceVersion) const {
  auto it = converters.find({canonicalDomain(domain), opType.str()});
  if (it == converters.end())
    return nullptr;
  // The registration with the largest minVersion <= sinceVersion.
  auto versions = it->second.upper_bound(sinceVersion);
  if (versions == it->second.begin())
    return nullptr;
  return std::prev(versions)->second;
}

const ConverterRegistry &ConverterRegistry::get() {
  static const ConverterRegistry registry = [] {
    ConverterRegistry r;
    registerElementwiseConverters(r);
    registerNNConverters(r);
    registerShapeConverters(r);
    registerReductionConverters(r);
    registerMathConverters(r);
    registerTrainingConverters(r);
    registerIndexingConverters(r);
    registerControlFlowConverters(r);
    registerSequenceConverters(r);
    registerVisionConverters(r);
    registerRecurrentConverters(r);
    registerQuantizationConverters(r);
    registerRandomConverters(r);
    return r;
  }();
  return registry;
}

//===----------------------------------------------------------------------===//
// NodeContext
//===----------------------------------------------------------------------===//

NodeContext::NodeContext(GraphImporter &graph, const onnx::NodeProto &node,
                         int64_t version, Location loc, OpBuilder &builder)
    : graph(graph), nodeProto(node), schemaVersion(version), location(loc),
      opBuilder(builder) {}

Value NodeContext::input(unsigned index) const {
  if (index >= numInputs() || nodeProto.input(index).empty())
    return nullptr;
  return graph.lookup(nodeProto.input(index));
}

RankedTensorType NodeContext::inputType(unsigned index) const {
  return cast<RankedTensorType>(input(index).getType());
}

FailureOr<Value> NodeContext::requiredInput(unsigned index) {
  if (Value value = input(index))
    return value;
  return error("expected input " + Twine(index) + " to be present");
}

DenseElementsAttr NodeContext::constantInput(unsigned index) const {
  if (index >= numInputs() || nodeProto.input(index).empty())
    return nullptr;
  return graph.lookupConstant(nodeProto.input(index));
}

FailureOr<SmallVector<int64_t>> NodeContext::constantInts(unsigned index,
                                                          StringRef what) {
  DenseElementsAttr value = constantInput(index);
  if (!value)
    return error("expected " + what +
                 " (input " + Twine(index) +
                 ") to be a constant; computed values are not supported "
                 "yet");
  if (!isa<IntegerType>(value.getElementType()))
    return error("expected " + what + " to be integers");
  SmallVector<int64_t> result;
  for (const APInt &v : value.getValues<APInt>())
    result.push_back(v.getSExtValue());
  return result;
}

const onnx::AttributeProto *NodeContext::findAttr(StringRef name) const {
  for (const onnx::AttributeProto &attr : nodeProto.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

int64_t NodeContext::intAttr(StringRef name, int64_t defaultValue) const {
  const onnx::AttributeProto *attr = findAttr(name);
  return attr ? attr->i() : defaultValue;
}

double NodeContext::floatAttr(StringRef name, double defaultValue) const {
  const onnx::AttributeProto *attr = findAttr(name);
  return attr ? attr->f() : defaultValue;
}

std::string NodeContext::stringAttr(StringRef name,
                                    StringRef defaultValue) const {
  const onnx::AttributeProto *attr = findAttr(name);
  return attr ? attr->s() : defaultValue.str();
}

SmallVector<int64_t> NodeContext::intsAttr(StringRef name,
                                           ArrayRef<int64_t> defaultValue) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr)
    return SmallVector<int64_t>(defaultValue);
  return SmallVector<int64_t>(attr->ints().begin(), attr->ints().end());
}

SmallVector<double> NodeContext::floatsAttr(StringRef name) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr)
    return {};
  return SmallVector<double>(attr->floats().begin(), attr->floats().end());
}

FailureOr<ElementsAttr> NodeContext::tensorAttr(StringRef name) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr || !attr->has_t())
    return error("expected a tensor attribute '" + name + "'");
  return graph.convertTensor(attr->t(), location);
}

const onnx::GraphProto *NodeContext::graphAttr(StringRef name) const {
  const onnx::AttributeProto *attr = findAttr(name);
  return attr && attr->has_g() ? &attr->g() : nullptr;
}

FailureOr<SmallVector<Value>>
NodeContext::importSubgraph(const onnx::GraphProto &subgraph,
                            ValueRange inputs) {
  return graph.importSubgraph(subgraph, opBuilder, inputs);
}

bool NodeContext::hasOutput(unsigned index) const {
  return index < numOutputs() && !nodeProto.output(index).empty();
}

RankedTensorType NodeContext::outputTypeHint(unsigned index) const {
  if (!hasOutput(index))
    return nullptr;
  return graph.typeHint(nodeProto.output(index));
}

Type NodeContext::outputValueTypeHint(unsigned index) const {
  if (!hasOutput(index))
    return nullptr;
  const auto &hints = graph.modelInfo().typeHints;
  auto it = hints.find(nodeProto.output(index));
  if (it == hints.end())
    return nullptr;
  FailureOr<Type> type = convertType(context(), it->second);
  return succeeded(type) ? *type : nullptr;
}

void NodeContext::setOutput(unsigned index, Value value) {
  if (hasOutput(index))
    graph.define(nodeProto.output(index), value);
}

InFlightDiagnostic NodeContext::emitError() const {
  return graph.emitNodeError(nodeProto, location)
         << nodeProto.op_type() << " (opset " << schemaVersion << "): ";
}

LogicalResult NodeContext::error(const Twine &message) const {
  return emitError() << message;
}

static DenseMap<Value, Value>
foldCreatedOps(Block::iterator begin, Block::iterator end, OpBuilder &builder,
               llvm::SetVector<Operation *> &foldedConstants);

Value NodeContext::foldNow(Value result) {
  // An op whose type inference failed holds a placeholder type: the node
  // fails, and nothing is folded.
  if (failedInference)
    return result;
  Block::iterator op(result.getDefiningOp());
  DenseMap<Value, Value> replaced =
      foldCreatedOps(op, std::next(op), opBuilder, graph.getFoldedConstants());
  Value folded = replaced.lookup(result);
  return folded ? folded : result;
}

Type NodeContext::placeholderType() const {
  return RankedTensorType::get({}, opBuilder.getF32Type());
}

void NodeContext::inferResultType(Operation *op) {
  SmallVector<Type> types;
  // Report only the first failure of a node: later ones follow from it.
  std::optional<Location> where;
  if (!failedInference)
    where = location;
  if (succeeded(cast<InferTypeOpInterface>(op).inferReturnTypes(
          op->getContext(), where, op->getOperands(),
          op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
          op->getRegions(), types))) {
    op->getResult(0).setType(types.front());
    return;
  }
  failedInference = true;
}

Value NodeContext::constant(ElementsAttr value) {
  return ConstantOp::create(opBuilder, location, value.getType(), value);
}

Value NodeContext::scalar(Type elementType, double value) {
  auto type = RankedTensorType::get({}, elementType);
  Attribute element;
  if (isa<FloatType>(elementType))
    element = FloatAttr::get(elementType, value);
  else
    element = IntegerAttr::get(elementType, static_cast<int64_t>(value));
  return constant(DenseElementsAttr::get(type, element));
}

Value NodeContext::i64Vector(ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    opBuilder.getI64Type());
  return constant(DenseElementsAttr::get(type, values));
}

//===----------------------------------------------------------------------===//
// GraphImporter
//===----------------------------------------------------------------------===//

Value GraphImporter::lookup(StringRef name) const {
  return values.lookup(name);
}

DenseElementsAttr GraphImporter::lookupConstant(StringRef name) const {
  return constants.lookup(name);
}

RankedTensorType GraphImporter::typeHint(StringRef name) const {
  auto it = model.typeHints.find(name);
  if (it == model.typeHints.end())
    return nullptr;
  FailureOr<RankedTensorType> type = convertTensorType(context, it->second);
  return succeeded(type) ? *type : nullptr;
}

void GraphImporter::define(StringRef name, Value value) {
  values[name] = value;
  // A value defined by a dense constant is known at import time.
  if (auto op = value.getDefiningOp<ConstantOp>())
    if (auto dense = dyn_cast<DenseElementsAttr>(op.getValue()))
      constants[name] = dense;
}

InFlightDiagnostic GraphImporter::emitNodeError(const onnx::NodeProto &node,
                                                Location loc) const {
  // Importer errors point at the model file and name the node; the IR
  // location (the node name alone) is what later diagnostics show.
  StringRef name = cast<NameLoc>(loc).getName().getValue();
  return mlir::emitError(FileLineColLoc::get(context, model.path, 0, 0))
         << "node '" << name.substr(0, name.rfind(" (")) << "': ";
}

Location GraphImporter::nodeLoc(const onnx::NodeProto &node,
                                int index) const {
  std::string name = node.name().empty()
                         ? locPrefix + node.op_type() + "_" +
                               std::to_string(index)
                         : node.name();
  return NameLoc::get(
      StringAttr::get(context, name + " (" + node.op_type() + ")"));
}

/// The opset version that applies to `domain`.
static int64_t opsetFor(const ModelInfo &model, StringRef domain) {
  auto it = model.opsets.find(canonicalDomain(domain));
  return it == model.opsets.end() ? -1 : it->second;
}

LogicalResult GraphImporter::checkSupported(const onnx::GraphProto &graph) {
  const ConverterRegistry &registry = ConverterRegistry::get();
  bool ok = true;
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    // The subgraphs of If, Loop and Scan hold nodes to convert too.
    for (const onnx::AttributeProto &attr : node.attribute()) {
      SmallVector<const onnx::GraphProto *> subgraphs;
      if (attr.has_g())
        subgraphs.push_back(&attr.g());
      for (const onnx::GraphProto &subgraph : attr.graphs())
        subgraphs.push_back(&subgraph);
      for (const onnx::GraphProto *subgraph : subgraphs) {
        std::string savedPrefix = locPrefix;
        locPrefix += subgraph->name() + "/";
        ok &= succeeded(checkSupported(*subgraph));
        locPrefix = savedPrefix;
      }
    }
    int64_t opset = opsetFor(model, node.domain());
    Location loc = nodeLoc(node, index);
    if (opset < 0) {
      emitNodeError(node, loc) << node.op_type() << ": the model imports no "
                           << "opset for domain '" << node.domain() << "'";
      ok = false;
      continue;
    }
    int64_t since = schemaSinceVersion(node.domain(), node.op_type(), opset);
    if (since < 0) {
      emitNodeError(node, loc) << "unknown operator " << node.op_type()
                           << " in domain '" << node.domain() << "' at opset "
                           << opset;
      ok = false;
      continue;
    }
    if (!registry.lookup(node.domain(), node.op_type(), since)) {
      emitNodeError(node, loc) << "unsupported operator " << node.op_type()
                           << " (opset " << opset << ", schema version "
                           << since << ")";
      ok = false;
    }
  }
  return success(ok);
}

/// Folds the ops in [begin, end) of a block (the ops one node's converter
/// created, nested ones excluded: those of subgraphs were folded as their
/// nodes were imported) with the dfg folders, in order, as createOrFold
/// would: constant results become `dfg.constant`s at the op's location, and
/// an operand that the op reduces to replaces it. The importer thus
/// computes nothing itself; what a constant op yields is what the dialect
/// says it computes. Returns the replacement of each replaced value. The
/// constants that folded ops read are added to `foldedConstants`: once the
/// graph is complete, those nothing uses any more are erased.
/// The value of a side-effect free op's single result when it has no
/// elements (a static shape with a zero size): an empty tensor carries no
/// data, and exporters' shape arithmetic makes such values (swin_t slices a
/// 2-element shape from index 2), for which the lowering need not generate
/// a slice of an empty range.
static Attribute emptyResultOf(Operation *op) {
  if (op->getNumResults() != 1 || !isMemoryEffectFree(op))
    return nullptr;
  auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!type || !type.hasStaticShape() || type.getNumElements() != 0 ||
      !isa<IntegerType, FloatType>(type.getElementType()))
    return nullptr;
  return DenseElementsAttr::get(type, ArrayRef<Attribute>());
}

static DenseMap<Value, Value>
foldCreatedOps(Block::iterator begin, Block::iterator end, OpBuilder &builder,
               llvm::SetVector<Operation *> &foldedConstants) {
  DenseMap<Value, Value> replaced;
  SmallVector<Operation *> ops;
  for (Operation &op : llvm::make_range(begin, end))
    ops.push_back(&op);
  for (Operation *op : ops) {
    auto *dialect = dyn_cast_if_present<DFGDialect>(op->getDialect());
    // Region ops are kept: their bodies were imported with care.
    if (!dialect || op->hasTrait<OpTrait::ConstantLike>() ||
        op->getNumRegions() != 0)
      continue;
    SmallVector<Attribute> operands;
    for (Value operand : op->getOperands()) {
      Attribute constant;
      matchPattern(operand, m_Constant(&constant));
      operands.push_back(constant);
    }
    SmallVector<OpFoldResult> results;
    if (failed(op->fold(operands, results)) || results.empty()) {
      Attribute empty = emptyResultOf(op);
      if (!empty)
        continue;
      results.assign(1, empty);
    }
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPoint(op);
    SmallVector<Value> replacements;
    SmallVector<Operation *> materialized;
    for (auto [result, folded] : llvm::zip_equal(op->getResults(), results)) {
      if (auto value = dyn_cast<Value>(folded)) {
        if (value.getType() != result.getType())
          break;
        replacements.push_back(value);
        continue;
      }
      Operation *constant = dialect->materializeConstant(
          builder, cast<Attribute>(folded), result.getType(), op->getLoc());
      if (!constant)
        break;
      materialized.push_back(constant);
      replacements.push_back(constant->getResult(0));
    }
    if (replacements.size() != op->getNumResults()) {
      for (Operation *constant : materialized)
        constant->erase();
      continue;
    }
    for (auto [result, replacement] :
         llvm::zip_equal(op->getResults(), replacements)) {
      replaced[result] = replacement;
      result.replaceAllUsesWith(replacement);
    }
    for (Value operand : op->getOperands())
      if (Operation *def = operand.getDefiningOp();
          def && def->hasTrait<OpTrait::ConstantLike>())
        foldedConstants.insert(def);
    op->erase();
  }
  return replaced;
}

LogicalResult GraphImporter::importNodes(const onnx::GraphProto &graph,
                                         OpBuilder &builder) {
  const ConverterRegistry &registry = ConverterRegistry::get();
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    Location loc = nodeLoc(node, index);
    for (const std::string &input : node.input()) {
      if (!input.empty() && !values.count(input))
        return emitNodeError(node, loc)
               << node.op_type() << ": input '" << input
               << "' is not defined by a graph input, an initializer or an "
                  "earlier node";
    }
    int64_t since = schemaSinceVersion(
        node.domain(), node.op_type(), opsetFor(model, node.domain()));
    ConverterFn convert = registry.lookup(node.domain(), node.op_type(), since);
    NodeContext ctx(*this, node, since, loc, builder);
    // The ops of this node are those the converter inserts after `last`.
    Block *block = builder.getInsertionBlock();
    Block::iterator point = builder.getInsertionPoint();
    Operation *last = point == block->begin() ? nullptr : &*std::prev(point);
    if (failed(convert(ctx)) || ctx.hasFailed())
      return failure();
    DenseMap<Value, Value> replaced =
        foldCreatedOps(last ? std::next(Block::iterator(last)) : block->begin(),
                       builder.getInsertionPoint(), builder, foldedConstants);
    // Outputs that folded are redefined, constants registered as such, for
    // the converters that need constant operands (Reshape shapes, ...).
    for (const std::string &output : node.output()) {
      Value value = output.empty() ? Value() : values.lookup(output);
      if (!value)
        continue;
      for (auto it = replaced.find(value); it != replaced.end();
           it = replaced.find(value))
        value = it->second;
      define(output, value);
    }
    for (auto [i, output] : llvm::enumerate(node.output()))
      if (!output.empty() && !values.count(output))
        return ctx.error("output " + Twine(i) + " ('" + output +
                         "') is not produced by this importer");
  }
  return success();
}

FailureOr<SmallVector<Value>>
GraphImporter::importSubgraph(const onnx::GraphProto &graph,
                              OpBuilder &builder, ValueRange inputs) {
  Location graphLoc = FileLineColLoc::get(context, model.path, 0, 0);
  if (static_cast<size_t>(graph.input_size()) != inputs.size())
    return mlir::emitError(graphLoc)
           << "subgraph '" << graph.name() << "' takes " << graph.input_size()
           << " inputs, but " << inputs.size() << " are given";

  // The enclosing graphs' tables are restored on exit: what the subgraph
  // defines (and its own shape-inference hints) stays inside it.
  llvm::StringMap<Value> savedValues = values;
  llvm::StringMap<DenseElementsAttr> savedConstants = constants;
  llvm::StringMap<onnx::TypeProto> savedHints = model.typeHints;
  std::string savedPrefix = locPrefix;
  llvm::scope_exit restore([&] {
    values = std::move(savedValues);
    constants = std::move(savedConstants);
    model.typeHints = std::move(savedHints);
    locPrefix = savedPrefix;
  });
  locPrefix += graph.name() + "/";
  for (const onnx::ValueInfoProto &vi : graph.value_info())
    model.typeHints[vi.name()] = vi.type();
  for (const onnx::ValueInfoProto &vi : graph.output())
    model.typeHints[vi.name()] = vi.type();

  for (auto [input, value] : llvm::zip_equal(graph.input(), inputs)) {
    constants.erase(input.name());
    define(input.name(), value);
  }
  for (const onnx::TensorProto &init : graph.initializer()) {
    Location loc =
        NameLoc::get(StringAttr::get(context, init.name()), graphLoc);
    FailureOr<ElementsAttr> value = convertTensor(init, loc);
    if (failed(value))
      return failure();
    constants.erase(init.name());
    define(init.name(),
           ConstantOp::create(builder, loc, value->getType(), *value));
  }
  if (failed(importNodes(graph, builder)))
    return failure();

  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    Value value = lookup(output.name());
    if (!value)
      return mlir::emitError(graphLoc)
             << "output '" << output.name() << "' of subgraph '"
             << graph.name() << "' is not produced by any node";
    results.push_back(value);
  }
  return results;
}

FailureOr<func::FuncOp>
GraphImporter::importMainGraph(const onnx::GraphProto &graph, ModuleOp module,
                               StringRef name) {
  Location graphLoc = FileLineColLoc::get(context, model.path, 0, 0);
  if (failed(checkSupported(graph)))
    return failure();

  OpBuilder builder(context);
  builder.setInsertionPointToEnd(module.getBody());

  // Initializers may also be listed as graph inputs (IR < 4): those are
  // constants, not function arguments.
  llvm::StringSet<> initializerNames;
  for (const onnx::TensorProto &init : graph.initializer())
    initializerNames.insert(init.name());

  SmallVector<Type> argTypes;
  SmallVector<std::string> argNames;
  // Named dynamic dimensions ("N") per input: inputs that share a name must
  // agree at run time, which the compiled model checks.
  SmallVector<ArrayAttr> argDimParams;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    if (initializerNames.contains(input.name()))
      continue;
    ArrayAttr dimParams;
    if (input.type().has_tensor_type() &&
        input.type().tensor_type().has_shape()) {
      SmallVector<Attribute> names;
      bool named = false;
      for (const onnx::TensorShapeProto::Dimension &dim :
           input.type().tensor_type().shape().dim()) {
        bool isParam = dim.has_dim_param() && !dim.dim_param().empty();
        named |= isParam;
        names.push_back(
            builder.getStringAttr(isParam ? dim.dim_param() : ""));
      }
      if (named)
        dimParams = builder.getArrayAttr(names);
    }
    argDimParams.push_back(dimParams);
    FailureOr<Type> type = convertType(context, input.type());
    if (failed(type))
      return mlir::emitError(graphLoc)
             << "graph input '" << input.name()
             << "' is not a tensor (or a sequence or optional) of a "
                "supported element type with a known rank";
    argTypes.push_back(*type);
    argNames.push_back(input.name());
  }

  auto func = func::FuncOp::create(builder, graphLoc, name,
                                   builder.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  builder.setInsertionPointToEnd(entry);
  for (auto [arg, argName] : llvm::zip_equal(entry->getArguments(), argNames))
    define(argName, arg);
  for (auto [index, argName] : llvm::enumerate(argNames)) {
    func.setArgAttr(index, "dfg.name", builder.getStringAttr(argName));
    if (argDimParams[index])
      func.setArgAttr(index, "dfg.dim_params", argDimParams[index]);
  }

  for (const onnx::TensorProto &init : graph.initializer()) {
    Location loc =
        NameLoc::get(StringAttr::get(context, init.name()), graphLoc);
    FailureOr<ElementsAttr> value = convertTensor(init, loc);
    if (failed(value))
      return failure();
    define(init.name(), ConstantOp::create(builder, loc, value->getType(),
                                           *value));
  }

  if (failed(importNodes(graph, builder)))
    return failure();

  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    Value value = lookup(output.name());
    if (!value)
      return mlir::emitError(graphLoc)
             << "graph output '" << output.name()
             << "' is not produced by any node";
    results.push_back(value);
  }
  func::ReturnOp::create(builder, graphLoc, results);
  // Operands of folded ops that nothing reads any more (e.g. a weight whose
  // transpose was folded): the imported IR carries only the folded form.
  for (Operation *constant : foldedConstants)
    if (constant->use_empty())
      constant->erase();
  foldedConstants.clear();
  func.setType(builder.getFunctionType(argTypes, ValueRange(results).getTypes()));
  for (auto [index, output] : llvm::enumerate(graph.output()))
    func.setResultAttr(index, "dfg.name", builder.getStringAttr(output.name()));
  return func;
}

//===----------------------------------------------------------------------===//
// Model
//===----------------------------------------------------------------------===//

/// Requires the attributes that size sliding windows and blocks to be
/// positive, in every node of `graph` and its subgraphs.
static LogicalResult checkWindowAttributes(const onnx::GraphProto &graph,
                                           Location fileLoc) {
  static constexpr StringLiteral positive[] = {
      "strides", "dilations", "kernel_shape", "blocksize", "group"};
  for (const onnx::NodeProto &node : graph.node()) {
    for (const onnx::AttributeProto &attr : node.attribute()) {
      for (const onnx::GraphProto &sub : attr.graphs())
        if (failed(checkWindowAttributes(sub, fileLoc)))
          return failure();
      if (attr.has_g() && failed(checkWindowAttributes(attr.g(), fileLoc)))
        return failure();
      if (!llvm::is_contained(positive, attr.name()))
        continue;
      bool bad = (attr.has_i() && attr.i() <= 0) ||
                 llvm::any_of(attr.ints(), [](int64_t v) { return v <= 0; });
      if (bad)
        return emitError(fileLoc)
               << "node '" << node.name() << "' (" << node.op_type()
               << "): attribute '" << attr.name()
               << "' must be positive";
    }
  }
  return success();
}

/// The rank a graph input or initializer of `graph` declares for `name`,
/// if any.
static std::optional<int> declaredRank(const onnx::GraphProto &graph,
                                       const std::string &name) {
  for (const onnx::TensorProto &init : graph.initializer())
    if (init.name() == name)
      return init.dims_size();
  for (const onnx::ValueInfoProto &input : graph.input())
    if (input.name() == name && input.type().has_tensor_type() &&
        input.type().tensor_type().has_shape())
      return input.type().tensor_type().shape().dim_size();
  return std::nullopt;
}

/// Rejects operand ranks that ONNX's own shape inference does not check
/// before indexing into the shape (it crashes on them, found by fuzzing):
/// STFT's signal must be [batch, length, 1 or 2] and its window 1-D.
static LogicalResult checkInferenceRanks(const onnx::GraphProto &graph,
                                         Location fileLoc) {
  for (const onnx::NodeProto &node : graph.node()) {
    if (node.op_type() != "STFT" ||
        (!node.domain().empty() && node.domain() != "ai.onnx"))
      continue;
    auto expect = [&](int index, int rank, StringRef what) -> LogicalResult {
      if (node.input_size() <= index || node.input(index).empty())
        return success();
      std::optional<int> actual = declaredRank(graph, node.input(index));
      if (!actual || *actual == rank)
        return success();
      return emitError(fileLoc)
             << "node '" << node.name() << "' (STFT): the " << what
             << " must have rank " << rank << ", but '" << node.input(index)
             << "' has rank " << *actual;
    };
    if (failed(expect(0, 3, "signal")) || failed(expect(2, 1, "window")))
      return failure();
  }
  return success();
}

FailureOr<InputShape> onnx_import::parseInputShape(StringRef spec,
                                                   std::string &error) {
  auto [name, dims] = spec.split('=');
  if (name.empty() || name.size() == spec.size()) {
    error = "expected NAME=DIMS (e.g. x=1x3x224x224, ? for a dynamic "
            "dimension)";
    return failure();
  }
  InputShape shape;
  shape.name = name.str();
  shape.spec = spec.str();
  if (dims.empty())
    return shape;
  SmallVector<StringRef> parts;
  dims.split(parts, 'x');
  for (StringRef part : parts) {
    if (part == "?") {
      shape.dims.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t size;
    if (part.getAsInteger(10, size) || size < 0) {
      error = "expected a size or '?', but got '" + part.str() + "'";
      return failure();
    }
    shape.dims.push_back(size);
  }
  return shape;
}

/// Fixes the sizes of graph inputs that `shapes` gives, before ONNX shape
/// inference runs. A dim_param fixed on one input is fixed on all inputs
/// that name it (they must agree at run time anyway).
static LogicalResult applyInputShapes(onnx::GraphProto &graph,
                                      ArrayRef<InputShape> shapes,
                                      Location loc) {
  llvm::StringSet<> initializers;
  for (const onnx::TensorProto &init : graph.initializer())
    initializers.insert(init.name());
  auto formatDims = [](const onnx::TensorShapeProto &shape) {
    std::string text = "[";
    for (auto [i, dim] : llvm::enumerate(shape.dim())) {
      if (i)
        text += ", ";
      text += dim.has_dim_value()   ? std::to_string(dim.dim_value())
              : dim.has_dim_param() ? dim.dim_param()
                                    : "?";
    }
    return text + "]";
  };
  llvm::StringMap<int64_t> params;
  llvm::StringSet<> seen;
  for (const InputShape &given : shapes) {
    auto diag = [&]() {
      return emitError(loc) << "--input-shape '" << given.spec << "': ";
    };
    if (!seen.insert(given.name).second)
      return diag() << "input '" << given.name << "' is given twice";
    onnx::ValueInfoProto *input = nullptr;
    for (onnx::ValueInfoProto &candidate : *graph.mutable_input())
      if (candidate.name() == given.name &&
          !initializers.contains(candidate.name()))
        input = &candidate;
    if (!input) {
      std::string names;
      for (const onnx::ValueInfoProto &candidate : graph.input()) {
        if (initializers.contains(candidate.name()))
          continue;
        names += (names.empty() ? "'" : ", '") + candidate.name() + "'";
      }
      return diag() << "the model has no input '" << given.name
                    << "' (its inputs: " << names << ")";
    }
    if (!input->type().has_tensor_type() ||
        !input->type().tensor_type().has_shape())
      return diag() << "input '" << given.name
                    << "' is not a tensor of known rank";
    onnx::TensorShapeProto *shape =
        input->mutable_type()->mutable_tensor_type()->mutable_shape();
    if (shape->dim_size() != static_cast<int>(given.dims.size()))
      return diag() << "rank " << given.dims.size() << ", but input '"
                    << given.name << "' has rank " << shape->dim_size() << " "
                    << formatDims(*shape);
    for (auto [i, size] : llvm::enumerate(given.dims)) {
      const onnx::TensorShapeProto::Dimension &dim = shape->dim(i);
      if (ShapedType::isDynamic(size))
        continue;
      if (dim.has_dim_value() && dim.dim_value() != size)
        return diag() << "dimension " << i << " is " << size << ", but input '"
                      << given.name << "' has " << dim.dim_value() << " there "
                      << formatDims(*shape);
      if (dim.has_dim_param()) {
        auto [it, inserted] = params.try_emplace(dim.dim_param(), size);
        if (!inserted && it->second != size)
          return diag() << "dimension " << i << " ('" << dim.dim_param()
                        << "') is " << size << ", but '" << dim.dim_param()
                        << "' is fixed to " << it->second << " elsewhere";
      }
    }
  }
  // Fix the given sizes, then every dimension a fixed dim_param names.
  for (const InputShape &given : shapes) {
    for (onnx::ValueInfoProto &input : *graph.mutable_input()) {
      if (input.name() != given.name)
        continue;
      onnx::TensorShapeProto *shape =
          input.mutable_type()->mutable_tensor_type()->mutable_shape();
      for (auto [i, size] : llvm::enumerate(given.dims))
        if (!ShapedType::isDynamic(size))
          shape->mutable_dim(i)->set_dim_value(size);
    }
  }
  for (onnx::ValueInfoProto &input : *graph.mutable_input()) {
    if (!input.type().has_tensor_type() ||
        !input.type().tensor_type().has_shape())
      continue;
    for (onnx::TensorShapeProto::Dimension &dim : *input.mutable_type()
                                                       ->mutable_tensor_type()
                                                       ->mutable_shape()
                                                       ->mutable_dim()) {
      if (!dim.has_dim_param())
        continue;
      auto it = params.find(dim.dim_param());
      if (it != params.end())
        dim.set_dim_value(it->second);
    }
  }
  return success();
}

FailureOr<OwningOpRef<ModuleOp>>
onnx_import::importModel(MLIRContext *context, llvm::MemoryBufferRef buffer,
                         const ImportOptions &options) {
  context->loadDialect<DFGDialect, func::FuncDialect>();
  std::string path = buffer.getBufferIdentifier().str();
  Location fileLoc = FileLineColLoc::get(context, path, 0, 0);

  if (buffer.getBufferSize() > options.maxModelBytes)
    return emitError(fileLoc) << "model file of " << buffer.getBufferSize()
                              << " bytes exceeds the limit of "
                              << options.maxModelBytes;
  onnx::ModelProto model;
  google::protobuf::io::CodedInputStream stream(
      reinterpret_cast<const uint8_t *>(buffer.getBufferStart()),
      static_cast<int>(buffer.getBufferSize()));
  stream.SetTotalBytesLimit(INT_MAX);
  if (!model.ParseFromCodedStream(&stream) || !stream.ConsumedEntireMessage())
    return emitError(fileLoc)
           << "not a valid ONNX model: the protobuf data is malformed or "
              "truncated";
  if (!model.has_graph())
    return emitError(fileLoc) << "not a valid ONNX model: it has no graph";

  ModelInfo info;
  info.path = path;
  info.options = &options;
  info.externalDir = options.externalDataDir.empty()
                         ? llvm::sys::path::parent_path(path).str()
                         : options.externalDataDir;
  for (const onnx::OperatorSetIdProto &opset : model.opset_import()) {
    info.opsets[canonicalDomain(opset.domain())] = opset.version();
    std::optional<std::pair<int64_t, int64_t>> range =
        knownOpsetRange(opset.domain());
    if (range && (opset.version() < range->first ||
                  opset.version() > range->second))
      return emitError(fileLoc)
             << "opset " << opset.version() << " of domain '"
             << opset.domain() << "' is outside the versions this importer "
             << "knows, " << range->first << " to " << range->second;
  }

  // The checker's message is what a user needs for an inconsistent file
  // (dangling inputs, duplicate names, bad attributes).
  if (std::optional<std::string> message = runOnnxChecker(model))
    return emitError(fileLoc) << "the ONNX checker rejects the model: "
                              << *message;
  // ONNX's shape inference divides by some attributes without checking them
  // (a zero stride crashes it with SIGFPE, found by dfg-import-fuzzer):
  // reject those before it runs.
  if (failed(checkWindowAttributes(model.graph(), fileLoc)) ||
      failed(checkInferenceRanks(model.graph(), fileLoc)))
    return failure();
  if (failed(applyInputShapes(*model.mutable_graph(), options.inputShapes,
                              fileLoc)))
    return failure();
  // Shape inference only adds hints: a failure there is not fatal, the
  // converters infer types themselves.
  (void)runOnnxShapeInference(model);
  const onnx::GraphProto &graph = model.graph();
  for (const onnx::ValueInfoProto &vi : graph.value_info())
    info.typeHints[vi.name()] = vi.type();
  for (const onnx::ValueInfoProto &vi : graph.output())
    info.typeHints[vi.name()] = vi.type();

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  GraphImporter importer(context, info);
  if (failed(importer.importMainGraph(graph, *module, options.functionName)))
    return failure();
  // Converters build ops whose verifiers run here: what they reject is an
  // error in the model (or a converter gap), reported at the node.
  if (failed(verify(*module)))
    return failure();
  return module;
}

FailureOr<OwningOpRef<ModuleOp>>
onnx_import::importModelFile(MLIRContext *context, StringRef path,
                             ImportOptions options) {
  auto file = llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/false,
                                                 /*RequiresNullTerminator=*/false);
  if (!file)
    return emitError(UnknownLoc::get(context))
           << "cannot read '" << path << "': " << file.getError().message();
  return importModel(context, (*file)->getMemBufferRef(), options);
}

void onnx_import::registerImportTranslation() {
  TranslateToMLIRRegistration registration(
      "import-onnx", "Import an ONNX model (.onnx) into the dfg dialect",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        FailureOr<OwningOpRef<ModuleOp>> module =
            importModel(context, buffer->getMemBufferRef(), ImportOptions());
        if (failed(module))
          return nullptr;
        return OwningOpRef<Operation *>(module->release());
      },
      [](DialectRegistry &registry) {
        registry.insert<DFGDialect, func::FuncDialect>();
      });
}
