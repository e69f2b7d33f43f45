//===- Sequence.cpp - ONNX sequence and optional ops to dfg ---------------===//
//
// Sequence* ops, SplitToSequence, ConcatFromSequence and the Optional ops
// map one to one onto the dfg sequence and optional ops. Inputs here may be
// sequences or optionals, so these converters check value kinds themselves
// instead of using NodeContext::inputType (ranked tensors only). The ops
// that extract a tensor from a sequence take their result type from the
// sequence's element type, refined (or, when it is unranked, given) by ONNX
// shape inference. SequenceMap, which runs a subgraph, is a loop
// (ControlFlow.cpp).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {

/// Input `index`, required to be present and of type `T`; `what` names the
/// expected kind in the error.
template <typename T>
FailureOr<Value> typedInput(NodeContext &ctx, unsigned index, StringRef what) {
  FailureOr<Value> value = ctx.requiredInput(index);
  if (failed(value))
    return failure();
  if (!isa<T>(value->getType())) {
    std::string type;
    llvm::raw_string_ostream(type) << value->getType();
    return ctx.error("expected input " + Twine(index) + " to be " + what +
                     ", but got " + type);
  }
  return value;
}

FailureOr<Value> sequenceInput(NodeContext &ctx, unsigned index) {
  return typedInput<SequenceType>(ctx, index, "a sequence");
}

FailureOr<Value> tensorInput(NodeContext &ctx, unsigned index) {
  return typedInput<RankedTensorType>(ctx, index, "a tensor");
}

/// The optional position input `index`: null when absent, an error unless
/// it is a single int32 or int64 element. ONNX specifies a scalar, but
/// models (the ONNX backend tests among them) also pass a 1-element 1-d
/// tensor, which is reshaped to 0-d.
FailureOr<Value> positionInput(NodeContext &ctx, unsigned index) {
  Value position = ctx.input(index);
  if (!position)
    return Value();
  auto type = dyn_cast<RankedTensorType>(position.getType());
  if (!type || type.getRank() > 1 ||
      (type.getRank() == 1 && type.getDimSize(0) != 1) ||
      !(type.getElementType().isInteger(32) ||
        type.getElementType().isInteger(64)))
    return ctx.error("expected the position (input " + Twine(index) +
                     ") to be a single int32 or int64 element");
  if (type.getRank() == 0)
    return position;
  return Value(ctx.create<ReshapeOp>(
      RankedTensorType::get({}, type.getElementType()), position, Value()));
}

/// `type` with the static sizes of `hint` where `type` has `?`, when the
/// hint is a tensor of the same rank and element type.
RankedTensorType refine(RankedTensorType type, Type hint) {
  auto hinted = dyn_cast_or_null<RankedTensorType>(hint);
  if (!hinted || hinted.getRank() != type.getRank() ||
      hinted.getElementType() != type.getElementType())
    return type;
  SmallVector<int64_t> shape(type.getShape());
  for (auto [size, known] : llvm::zip_equal(shape, hinted.getShape()))
    if (ShapedType::isDynamic(size))
      size = known;
  return type.clone(shape);
}

/// The type of a tensor read out of `sequence` (output 0 of the node):
/// `shape` (the sequence's element shape, adjusted by the caller) refined
/// by shape inference, or shape inference's type alone when the elements
/// are unranked.
FailureOr<RankedTensorType>
extractedType(NodeContext &ctx, SequenceType sequence,
              std::optional<ArrayRef<int64_t>> shape) {
  Type elementType = sequence.getElementType().getElementType();
  Type hint = ctx.outputTypeHint(0);
  if (shape)
    return refine(RankedTensorType::get(*shape, elementType), hint);
  auto hinted = dyn_cast_or_null<RankedTensorType>(hint);
  if (!hinted || hinted.getElementType() != elementType)
    return ctx.error("the rank of the result is unknown: the sequence's "
                     "elements have no known rank and ONNX shape inference "
                     "gives none");
  return hinted;
}

LogicalResult convertSequenceEmpty(NodeContext &ctx) {
  FailureOr<Type> elementType =
      convertElementType(ctx.context(), ctx.intAttr("dtype", 1));
  if (failed(elementType))
    return ctx.error("unsupported dtype " + Twine(ctx.intAttr("dtype", 1)));
  auto type = dyn_cast_or_null<SequenceType>(ctx.outputValueTypeHint(0));
  if (!type || type.getElementType().getElementType() != *elementType)
    type = SequenceType::get(UnrankedTensorType::get(*elementType));
  ctx.setOutput(0, ctx.create<SequenceEmptyOp>(type));
  return success();
}

LogicalResult convertSequenceConstruct(NodeContext &ctx) {
  if (ctx.numInputs() == 0)
    return ctx.error("expected at least one input");
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < ctx.numInputs(); ++i) {
    FailureOr<Value> input = tensorInput(ctx, i);
    if (failed(input))
      return failure();
    inputs.push_back(*input);
  }
  ctx.setOutput(0, ctx.create<SequenceConstructOp>(inputs));
  return success();
}

LogicalResult convertSequenceInsert(NodeContext &ctx) {
  FailureOr<Value> sequence = sequenceInput(ctx, 0);
  FailureOr<Value> tensor;
  FailureOr<Value> position;
  if (failed(sequence) || failed(tensor = tensorInput(ctx, 1)) ||
      failed(position = positionInput(ctx, 2)))
    return failure();
  ctx.setOutput(0, ctx.create<SequenceInsertOp>(*sequence, *tensor, *position));
  return success();
}

LogicalResult convertSequenceAt(NodeContext &ctx) {
  FailureOr<Value> sequence = sequenceInput(ctx, 0);
  if (failed(sequence))
    return failure();
  FailureOr<Value> position = positionInput(ctx, 1);
  if (failed(position))
    return failure();
  if (!*position)
    return ctx.error("expected the position (input 1) to be present");
  auto type = cast<SequenceType>(sequence->getType());
  std::optional<ArrayRef<int64_t>> shape;
  if (type.getElementType().hasRank())
    shape = type.getElementType().getShape();
  FailureOr<RankedTensorType> result = extractedType(ctx, type, shape);
  if (failed(result))
    return failure();
  ctx.setOutput(0, ctx.create<SequenceAtOp>(*result, *sequence, *position));
  return success();
}

LogicalResult convertSequenceErase(NodeContext &ctx) {
  FailureOr<Value> sequence = sequenceInput(ctx, 0);
  FailureOr<Value> position;
  if (failed(sequence) || failed(position = positionInput(ctx, 1)))
    return failure();
  ctx.setOutput(0, ctx.create<SequenceEraseOp>(*sequence, *position));
  return success();
}

LogicalResult convertSequenceLength(NodeContext &ctx) {
  FailureOr<Value> sequence = sequenceInput(ctx, 0);
  if (failed(sequence))
    return failure();
  ctx.setOutput(0, ctx.create<SequenceLengthOp>(*sequence));
  return success();
}

LogicalResult convertSplitToSequence(NodeContext &ctx) {
  FailureOr<Value> input = tensorInput(ctx, 0);
  if (failed(input))
    return failure();
  Value split = ctx.input(1);
  if (split) {
    auto type = dyn_cast<RankedTensorType>(split.getType());
    if (!type || type.getRank() > 1 ||
        !(type.getElementType().isInteger(32) ||
          type.getElementType().isInteger(64)))
      return ctx.error("expected the split (input 1) to be a 0-d or 1-d "
                       "int32 or int64 tensor");
  }
  int64_t rank = ctx.inputType(0).getRank();
  FailureOr<int64_t> axis = normalizeAxis(ctx, ctx.intAttr("axis", 0), rank);
  if (failed(axis))
    return failure();
  // ONNX ignores keepdims when a split is given.
  bool keepdims = split || ctx.intAttr("keepdims", 1) != 0;
  ctx.setOutput(
      0, ctx.create<SplitToSequenceOp>(*input, split, *axis, keepdims));
  return success();
}

LogicalResult convertConcatFromSequence(NodeContext &ctx) {
  FailureOr<Value> sequence = sequenceInput(ctx, 0);
  if (failed(sequence))
    return failure();
  if (!ctx.hasAttr("axis"))
    return ctx.error("expected an 'axis' attribute");
  bool newAxis = ctx.intAttr("new_axis", 0) != 0;
  auto type = cast<SequenceType>(sequence->getType());
  TensorType element = type.getElementType();
  // The result rank: the elements' plus one with new_axis; shape inference's
  // when the elements are unranked.
  int64_t resultRank;
  if (element.hasRank()) {
    resultRank = element.getRank() + (newAxis ? 1 : 0);
  } else {
    FailureOr<RankedTensorType> hinted = extractedType(ctx, type, std::nullopt);
    if (failed(hinted))
      return failure();
    resultRank = hinted->getRank();
  }
  FailureOr<int64_t> axis =
      normalizeAxis(ctx, ctx.intAttr("axis", 0), resultRank);
  if (failed(axis))
    return failure();
  std::optional<SmallVector<int64_t>> shape;
  if (element.hasRank()) {
    shape.emplace(element.getShape());
    if (newAxis)
      shape->insert(shape->begin() + *axis, ShapedType::kDynamic);
    else
      (*shape)[*axis] = ShapedType::kDynamic;
  }
  FailureOr<RankedTensorType> result = extractedType(
      ctx, type,
      shape ? std::optional<ArrayRef<int64_t>>(*shape) : std::nullopt);
  if (failed(result))
    return failure();
  ctx.setOutput(0, ctx.create<ConcatFromSequenceOp>(*result, *sequence, *axis,
                                                    newAxis));
  return success();
}

LogicalResult convertOptional(NodeContext &ctx) {
  if (Value input = ctx.input(0)) {
    if (!isa<RankedTensorType, SequenceType>(input.getType()))
      return ctx.error("expected input 0 to be a tensor or a sequence");
    ctx.setOutput(0, ctx.create<OptionalConstructOp>(input));
    return success();
  }
  const onnx::AttributeProto *attr = ctx.findAttr("type");
  if (!attr || !attr->has_tp())
    return ctx.error("expected an input or a 'type' attribute");
  FailureOr<Type> type = convertType(ctx.context(), attr->tp());
  if (failed(type) || isa<OptionalType>(*type))
    return ctx.error("unsupported 'type' attribute: expected a tensor of a "
                     "supported element type with a known rank, or a "
                     "sequence of such tensors");
  ctx.setOutput(0, ctx.create<OptionalNoneOp>(OptionalType::get(*type)));
  return success();
}

LogicalResult convertOptionalHasElement(NodeContext &ctx) {
  Value input = ctx.input(0);
  if (!input && ctx.version() < 18)
    return ctx.error("expected input 0 to be present");
  // From opset 18 the input may be absent (no element) or a plain tensor or
  // sequence (an element).
  Type i1 = ctx.builder().getI1Type();
  if (!input) {
    ctx.setOutput(0, ctx.scalar(i1, 0));
    return success();
  }
  if (!isa<OptionalType>(input.getType())) {
    if (ctx.version() < 18)
      return ctx.error("expected input 0 to be an optional");
    ctx.setOutput(0, ctx.scalar(i1, 1));
    return success();
  }
  ctx.setOutput(0, ctx.create<OptionalHasElementOp>(input));
  return success();
}

LogicalResult convertOptionalGetElement(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  if (failed(input))
    return failure();
  if (!isa<OptionalType>(input->getType())) {
    // From opset 18 a tensor or sequence passes through.
    if (ctx.version() < 18)
      return ctx.error("expected input 0 to be an optional");
    ctx.setOutput(0, *input);
    return success();
  }
  ctx.setOutput(0, ctx.create<OptionalGetElementOp>(*input));
  return success();
}

} // namespace

void mlir::dfg::onnx_import::registerSequenceConverters(ConverterRegistry &r) {
  r.add("", "SequenceEmpty", 11, convertSequenceEmpty);
  r.add("", "SequenceConstruct", 11, convertSequenceConstruct);
  r.add("", "SequenceInsert", 11, convertSequenceInsert);
  r.add("", "SequenceAt", 11, convertSequenceAt);
  r.add("", "SequenceErase", 11, convertSequenceErase);
  r.add("", "SequenceLength", 11, convertSequenceLength);
  r.add("", "SplitToSequence", 11, convertSplitToSequence);
  r.add("", "ConcatFromSequence", 11, convertConcatFromSequence);
  r.add("", "Optional", 15, convertOptional);
  r.add("", "OptionalHasElement", 15, convertOptionalHasElement);
  r.add("", "OptionalGetElement", 15, convertOptionalGetElement);
}
