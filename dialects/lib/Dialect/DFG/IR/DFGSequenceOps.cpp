//===- DFGSequenceOps.cpp - dfg sequence and optional types and ops -------===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "DFGOpsCommon.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::detail;

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

static bool isDFGElementType(Type type) {
  return isa<FloatType, IntegerType>(type);
}

LogicalResult
SequenceType::verify(function_ref<InFlightDiagnostic()> emitError,
                     TensorType elementType) {
  if (!isDFGElementType(elementType.getElementType()))
    return emitError() << "expected sequence elements of a float or integer "
                          "element type, but got "
                       << elementType.getElementType();
  return success();
}

LogicalResult OptionalType::verify(function_ref<InFlightDiagnostic()> emitError,
                                   Type elementType) {
  if (isa<SequenceType>(elementType))
    return success();
  auto tensor = dyn_cast<RankedTensorType>(elementType);
  if (!tensor || !isDFGElementType(tensor.getElementType()))
    return emitError() << "expected an optional of a ranked tensor of a float "
                          "or integer element type or of a sequence, but got "
                       << elementType;
  return success();
}

static bool areCompatibleTensors(Type lhs, Type rhs) {
  return areCompatibleTensorTypes(TypeRange(ArrayRef<Type>(lhs)),
                                  TypeRange(ArrayRef<Type>(rhs)));
}

/// Whether `lhs` and `rhs` describe the same values up to refinement.
static bool areCompatible(Type lhs, Type rhs) {
  if (lhs == rhs)
    return true;
  if (auto l = dyn_cast<SequenceType>(lhs)) {
    auto r = dyn_cast<SequenceType>(rhs);
    if (!r)
      return false;
    TensorType le = l.getElementType(), re = r.getElementType();
    if (le.getElementType() != re.getElementType())
      return false;
    return !le.hasRank() || !re.hasRank() || areCompatibleTensors(le, re);
  }
  if (auto l = dyn_cast<OptionalType>(lhs)) {
    auto r = dyn_cast<OptionalType>(rhs);
    return r && areCompatible(l.getElementType(), r.getElementType());
  }
  return areCompatibleTensors(lhs, rhs);
}

bool dfg::areCompatibleValueTypes(TypeRange lhs, TypeRange rhs) {
  if (lhs.size() != rhs.size())
    return false;
  return llvm::all_of(llvm::zip_equal(lhs, rhs), [](auto pair) {
    return areCompatible(std::get<0>(pair), std::get<1>(pair));
  });
}

/// The tensor type that describes tensors of both `lhs` and `rhs` (of one
/// element type): sizes they agree on, `?` elsewhere, unranked when the
/// ranks differ.
static TensorType joinTensorTypes(TensorType lhs, TensorType rhs) {
  if (!lhs.hasRank() || !rhs.hasRank() || lhs.getRank() != rhs.getRank())
    return UnrankedTensorType::get(lhs.getElementType());
  SmallVector<int64_t> shape;
  for (auto [l, r] : llvm::zip_equal(lhs.getShape(), rhs.getShape()))
    shape.push_back(l == r ? l : ShapedType::kDynamic);
  return RankedTensorType::get(shape, lhs.getElementType());
}

/// Requires a tensor of `elementType`, the sequence's.
static LogicalResult checkElementType(std::optional<Location> location,
                                      StringRef what, Type expected,
                                      Type actual) {
  if (expected != actual)
    return emitOptionalError(location, "expected ", what, " of element type ",
                             expected, " (the sequence's), but got ", actual);
  return success();
}

//===----------------------------------------------------------------------===//
// Sequence ops
//===----------------------------------------------------------------------===//

LogicalResult SequenceConstructOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return emitOptionalError(location, "expected at least one tensor");
  TensorType element = cast<TensorType>(inputs.front().getType());
  for (auto [index, input] : llvm::enumerate(inputs.drop_front())) {
    auto type = cast<TensorType>(input.getType());
    if (type.getElementType() != element.getElementType())
      return emitOptionalError(location, "expected tensors of element type ",
                               element.getElementType(),
                               " like the first, but input ", index + 1,
                               " has ", type.getElementType());
    element = joinTensorTypes(element, type);
  }
  inferredReturnTypes.push_back(SequenceType::get(element));
  return success();
}

LogicalResult SequenceInsertOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  auto sequence = cast<SequenceType>(adaptor.getInputSequence().getType());
  auto tensor = cast<TensorType>(adaptor.getTensor().getType());
  if (failed(checkElementType(location, "a tensor",
                              sequence.getElementType().getElementType(),
                              tensor.getElementType())))
    return failure();
  inferredReturnTypes.push_back(
      SequenceType::get(joinTensorTypes(sequence.getElementType(), tensor)));
  return success();
}

LogicalResult SequenceAtOp::verify() {
  TensorType element = getInputSequence().getType().getElementType();
  RankedTensorType result = getResult().getType();
  if (element.getElementType() != result.getElementType())
    return emitOpError("expected a result of element type ")
           << element.getElementType() << " (the sequence's), but got "
           << result.getElementType();
  if (element.hasRank() && !areCompatibleTensors(element, result))
    return emitOpError("expected a result of shape ")
           << formatShape(element.getShape())
           << " (the sequence elements'), but got "
           << formatShape(result.getShape());
  return success();
}

LogicalResult SequenceEraseOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  inferredReturnTypes.push_back(adaptor.getInputSequence().getType());
  return success();
}

LogicalResult SequenceLengthOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location>, Adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  inferredReturnTypes.push_back(
      RankedTensorType::get({}, IntegerType::get(context, 64)));
  return success();
}

LogicalResult SplitToSequenceOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= input.getRank())
    return emitOptionalError(location, "expected axis in [0, ",
                             input.getRank(), "), but got ", axis);
  bool hasSplit = static_cast<bool>(adaptor.getSplit());
  if (hasSplit && !adaptor.getKeepdims())
    return emitOptionalError(location,
                             "expected keepdims = true with a split operand");
  SmallVector<int64_t> shape(input.getShape());
  if (hasSplit)
    shape[axis] = ShapedType::kDynamic;
  else if (adaptor.getKeepdims())
    shape[axis] = 1;
  else
    shape.erase(shape.begin() + axis);
  inferredReturnTypes.push_back(
      SequenceType::get(input.clone(shape)));
  return success();
}

LogicalResult ConcatFromSequenceOp::verify() {
  TensorType element = getInputSequence().getType().getElementType();
  RankedTensorType result = getResult().getType();
  if (element.getElementType() != result.getElementType())
    return emitOpError("expected a result of element type ")
           << element.getElementType() << " (the sequence's), but got "
           << result.getElementType();
  int64_t axis = getAxis();
  // Without a ranked element, the result rank says where the axis may lie.
  int64_t resultRank = result.getRank();
  if (element.hasRank())
    resultRank = element.getRank() + (getNewAxis() ? 1 : 0);
  if (axis < 0 || axis >= resultRank)
    return emitOpError("expected axis in [0, ")
           << resultRank << "), but got " << axis;
  if (!element.hasRank())
    return success();
  SmallVector<int64_t> shape(element.getShape());
  if (getNewAxis())
    shape.insert(shape.begin() + axis, ShapedType::kDynamic);
  else
    shape[axis] = ShapedType::kDynamic;
  if (!areCompatibleTensors(result.clone(shape), result))
    return emitOpError("expected a result of shape ")
           << formatShape(shape) << ", but got "
           << formatShape(result.getShape());
  return success();
}

//===----------------------------------------------------------------------===//
// Optional ops
//===----------------------------------------------------------------------===//

LogicalResult OptionalConstructOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  inferredReturnTypes.push_back(
      OptionalType::get(adaptor.getInput().getType()));
  return success();
}

LogicalResult OptionalHasElementOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location>, Adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  inferredReturnTypes.push_back(
      RankedTensorType::get({}, IntegerType::get(context, 1)));
  return success();
}

LogicalResult OptionalGetElementOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  inferredReturnTypes.push_back(
      cast<OptionalType>(adaptor.getInput().getType()).getElementType());
  return success();
}
