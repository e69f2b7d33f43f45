//===- DFGOps.cpp - dfg type inference and verifiers ----------------------===//
//
// Result type inference doubles as the main verifier: every op infers its
// result type from operands and attributes and diagnoses what does not fit;
// InferTypeOpInterface then checks the declared type against the inferred
// one (allowing it to be less refined).
//
//===----------------------------------------------------------------------===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"
#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/Support/Format.h"

#include <limits>
#include <string>

using namespace mlir;
using namespace mlir::dfg;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Renders a shape as in tensor types: "2x?x3", "scalar" for rank 0.
static std::string formatShape(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(
      shape, os,
      [&](int64_t size) {
        if (ShapedType::isDynamic(size))
          os << '?';
        else
          os << size;
      },
      "x");
  return text;
}

static std::string formatList(ArrayRef<int64_t> values) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '[';
  llvm::interleaveComma(values, os);
  os << ']';
  return text;
}

/// Renders a coefficient compactly ("0.9", "1e-08", "inf").
static std::string formatNumber(double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%g", value);
  return text;
}

static RankedTensorType tensorOf(Type type) {
  return cast<RankedTensorType>(type);
}

bool dfg::areCompatibleTensorTypes(TypeRange lhs, TypeRange rhs) {
  if (lhs.size() != rhs.size())
    return false;
  for (auto [l, r] : llvm::zip_equal(lhs, rhs)) {
    if (l == r)
      continue;
    auto lt = dyn_cast<RankedTensorType>(l);
    auto rt = dyn_cast<RankedTensorType>(r);
    if (!lt || !rt || lt.getElementType() != rt.getElementType() ||
        lt.getEncoding() != rt.getEncoding() ||
        !areCompatibleShapes(lt.getShape(), rt.getShape()))
      return false;
  }
  return true;
}

LogicalResult
dfg::inferBroadcastType(std::optional<Location> location,
                        ArrayRef<Type> operandTypes, Type elementType,
                        SmallVectorImpl<Type> &inferredReturnTypes) {
  SmallVector<ArrayRef<int64_t>> shapes;
  for (Type type : operandTypes)
    shapes.push_back(tensorOf(type).getShape());
  std::optional<SmallVector<int64_t>> shape = broadcastShapes(shapes);
  if (!shape) {
    std::string list;
    llvm::raw_string_ostream os(list);
    llvm::interleave(
        shapes, os, [&](ArrayRef<int64_t> s) { os << formatShape(s); },
        " and ");
    return emitOptionalError(location, "expected broadcast-compatible "
                                       "operand shapes, but got ",
                             list);
  }
  if (!elementType)
    elementType = tensorOf(operandTypes.front()).getElementType();
  inferredReturnTypes.push_back(RankedTensorType::get(*shape, elementType));
  return success();
}

/// Checks the sizes of the per-spatial-dimension attributes of conv and
/// pooling ops: `spatial` entries each, `2 * spatial` for pads.
static LogicalResult verifyWindowAttrs(std::optional<Location> location,
                                       int64_t spatial,
                                       ArrayRef<int64_t> strides,
                                       ArrayRef<int64_t> pads,
                                       ArrayRef<int64_t> dilations) {
  auto checkCount = [&](StringRef name, ArrayRef<int64_t> values,
                        int64_t expected) -> LogicalResult {
    if (static_cast<int64_t>(values.size()) == expected)
      return success();
    return emitOptionalError(location, "expected ", expected, " ", name,
                             " for ", spatial, " spatial dimensions, but got ",
                             values.size());
  };
  if (failed(checkCount("strides", strides, spatial)) ||
      failed(checkCount("dilations", dilations, spatial)) ||
      failed(checkCount("pads", pads, 2 * spatial)))
    return failure();
  if (llvm::any_of(strides, [](int64_t s) { return s <= 0; }))
    return emitOptionalError(location, "expected positive strides, but got ",
                             formatList(strides));
  if (llvm::any_of(dilations, [](int64_t d) { return d <= 0; }))
    return emitOptionalError(location,
                             "expected positive dilations, but got ",
                             formatList(dilations));
  if (llvm::any_of(pads, [](int64_t p) { return p < 0; }))
    return emitOptionalError(location,
                             "expected non-negative pads, but got ",
                             formatList(pads));
  return success();
}

/// Requires a static output size of at least 1 for a window op.
static LogicalResult checkWindowOutput(std::optional<Location> location,
                                       int64_t dim, int64_t size) {
  if (ShapedType::isDynamic(size) || size >= 1)
    return success();
  return emitOptionalError(location, "expected a window that fits the padded "
                                     "input in spatial dimension ",
                           dim, ", but the output size would be ", size);
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  ElementsAttr value = adaptor.getValueAttr();
  if (!value)
    return emitOptionalError(location, "expected a 'value' attribute");
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type)
    return emitOptionalError(location, "expected a ranked tensor value, but "
                                       "got ",
                             value.getType());
  inferredReturnTypes.push_back(type);
  return success();
}

//===----------------------------------------------------------------------===//
// ClampOp
//===----------------------------------------------------------------------===//

LogicalResult ClampOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  inferredReturnTypes.push_back(adaptor.getInput().getType());
  return success();
}

LogicalResult ClampOp::verify() {
  double min = getMin().convertToDouble();
  double max = getMax().convertToDouble();
  if (std::isnan(min) || std::isnan(max) || min > max)
    return emitOpError("expected min <= max, but got min = ")
           << formatNumber(min) << " and max = " << formatNumber(max);
  return success();
}

//===----------------------------------------------------------------------===//
// CompareOp, SelectOp
//===----------------------------------------------------------------------===//

LogicalResult CompareOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  return inferBroadcastType(
      location, {adaptor.getLhs().getType(), adaptor.getRhs().getType()},
      IntegerType::get(context, 1), inferredReturnTypes);
}

LogicalResult SelectOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  Type trueElement = tensorOf(adaptor.getOnTrue().getType()).getElementType();
  Type falseElement =
      tensorOf(adaptor.getOnFalse().getType()).getElementType();
  if (trueElement != falseElement)
    return emitOptionalError(location,
                             "expected on_true and on_false of one element "
                             "type, but got ",
                             trueElement, " and ", falseElement);
  return inferBroadcastType(location,
                            {adaptor.getCondition().getType(),
                             adaptor.getOnTrue().getType(),
                             adaptor.getOnFalse().getType()},
                            trueElement, inferredReturnTypes);
}

//===----------------------------------------------------------------------===//
// MatmulOp
//===----------------------------------------------------------------------===//

LogicalResult MatmulOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType lhs = tensorOf(adaptor.getLhs().getType());
  RankedTensorType rhs = tensorOf(adaptor.getRhs().getType());
  if (lhs.getRank() < 2 || rhs.getRank() < 2)
    return emitOptionalError(location,
                             "expected operands of rank 2 or more, but got "
                             "ranks ",
                             lhs.getRank(), " and ", rhs.getRank());
  int64_t lhsK = lhs.getShape().back();
  int64_t rhsK = rhs.getShape()[rhs.getRank() - 2];
  if (!ShapedType::isDynamic(lhsK) && !ShapedType::isDynamic(rhsK) &&
      lhsK != rhsK)
    return emitOptionalError(location,
                             "expected matching contracting dimensions, but "
                             "got ",
                             lhsK, " (lhs) and ", rhsK, " (rhs)");
  ArrayRef<int64_t> lhsBatch = lhs.getShape().drop_back(2);
  ArrayRef<int64_t> rhsBatch = rhs.getShape().drop_back(2);
  std::optional<SmallVector<int64_t>> shape =
      broadcastShapes({lhsBatch, rhsBatch});
  if (!shape)
    return emitOptionalError(location,
                             "expected broadcast-compatible batch dimensions, "
                             "but got ",
                             formatShape(lhsBatch), " and ",
                             formatShape(rhsBatch));
  shape->push_back(lhs.getShape()[lhs.getRank() - 2]);
  shape->push_back(rhs.getShape().back());
  inferredReturnTypes.push_back(
      RankedTensorType::get(*shape, lhs.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// ConvOp, ConvTransposeOp
//===----------------------------------------------------------------------===//

/// Checks what conv and conv_transpose share: ranks, element types, groups
/// and the window attributes.
static LogicalResult verifyConvCommon(std::optional<Location> location,
                                      RankedTensorType input,
                                      RankedTensorType weight, Value bias,
                                      ArrayRef<int64_t> strides,
                                      ArrayRef<int64_t> pads,
                                      ArrayRef<int64_t> dilations,
                                      int64_t groups) {
  if (input.getRank() < 3)
    return emitOptionalError(location,
                             "expected input of rank 3 or more "
                             "[N, C, spatial...], but got rank ",
                             input.getRank());
  if (weight.getRank() != input.getRank())
    return emitOptionalError(location, "expected weight of rank ",
                             input.getRank(), " like the input, but got ",
                             weight.getRank());
  if (weight.getElementType() != input.getElementType())
    return emitOptionalError(location,
                             "expected input and weight of one element type, "
                             "but got ",
                             input.getElementType(), " and ",
                             weight.getElementType());
  if (bias) {
    auto biasType = tensorOf(bias.getType());
    if (biasType.getRank() != 1 ||
        biasType.getElementType() != input.getElementType())
      return emitOptionalError(location, "expected a 1-D bias of element type ",
                               input.getElementType(), ", but got ", biasType);
  }
  if (groups < 1)
    return emitOptionalError(location, "expected groups >= 1, but got ",
                             groups);
  return verifyWindowAttrs(location, input.getRank() - 2, strides, pads,
                           dilations);
}

static bool knownAndDiffer(int64_t lhs, int64_t rhs) {
  return !ShapedType::isDynamic(lhs) && !ShapedType::isDynamic(rhs) &&
         lhs != rhs;
}

static LogicalResult checkBias(std::optional<Location> location, Value bias,
                               int64_t outChannels) {
  if (!bias)
    return success();
  int64_t size = tensorOf(bias.getType()).getDimSize(0);
  if (knownAndDiffer(size, outChannels))
    return emitOptionalError(location, "expected bias of ", outChannels,
                             " elements (the output channels), but got ",
                             size);
  return success();
}

LogicalResult ConvOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  RankedTensorType weight = tensorOf(adaptor.getWeight().getType());
  int64_t groups = adaptor.getGroups();
  if (failed(verifyConvCommon(location, input, weight, adaptor.getBias(),
                              adaptor.getStrides(), adaptor.getPads(),
                              adaptor.getDilations(), groups)))
    return failure();
  int64_t channels = input.getDimSize(1);
  int64_t outChannels = weight.getDimSize(0);
  if (!ShapedType::isDynamic(channels) && channels % groups != 0)
    return emitOptionalError(location, "expected input channels (", channels,
                             ") divisible by groups (", groups, ")");
  if (!ShapedType::isDynamic(outChannels) && outChannels % groups != 0)
    return emitOptionalError(location, "expected output channels (",
                             outChannels, ") divisible by groups (", groups,
                             ")");
  int64_t weightChannels = weight.getDimSize(1);
  if (!ShapedType::isDynamic(channels) &&
      knownAndDiffer(weightChannels, channels / groups))
    return emitOptionalError(location,
                             "expected weight dimension 1 to be input "
                             "channels / groups = ",
                             channels / groups, ", but got ", weightChannels);
  if (failed(checkBias(location, adaptor.getBias(), outChannels)))
    return failure();

  int64_t spatial = input.getRank() - 2;
  SmallVector<int64_t> shape = {input.getDimSize(0), outChannels};
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t kernel = weight.getDimSize(2 + i);
    int64_t size = ShapedType::isDynamic(kernel)
                       ? ShapedType::kDynamic
                       : windowOutputSize(input.getDimSize(2 + i), kernel,
                                          adaptor.getStrides()[i],
                                          adaptor.getPads()[i],
                                          adaptor.getPads()[spatial + i],
                                          adaptor.getDilations()[i]);
    if (failed(checkWindowOutput(location, i, size)))
      return failure();
    shape.push_back(size);
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult ConvTransposeOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  RankedTensorType weight = tensorOf(adaptor.getWeight().getType());
  int64_t groups = adaptor.getGroups();
  if (failed(verifyConvCommon(location, input, weight, adaptor.getBias(),
                              adaptor.getStrides(), adaptor.getPads(),
                              adaptor.getDilations(), groups)))
    return failure();
  int64_t spatial = input.getRank() - 2;
  ArrayRef<int64_t> outputPadding = adaptor.getOutputPadding();
  if (static_cast<int64_t>(outputPadding.size()) != spatial)
    return emitOptionalError(location, "expected ", spatial,
                             " output_padding for ", spatial,
                             " spatial dimensions, but got ",
                             outputPadding.size());
  int64_t channels = input.getDimSize(1);
  if (knownAndDiffer(weight.getDimSize(0), channels))
    return emitOptionalError(location,
                             "expected weight dimension 0 to be the input "
                             "channels ",
                             channels, ", but got ", weight.getDimSize(0));
  int64_t outChannels = ShapedType::isDynamic(weight.getDimSize(1))
                            ? ShapedType::kDynamic
                            : weight.getDimSize(1) * groups;
  if (failed(checkBias(location, adaptor.getBias(), outChannels)))
    return failure();

  SmallVector<int64_t> shape = {input.getDimSize(0), outChannels};
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t kernel = weight.getDimSize(2 + i);
    int64_t size = ShapedType::isDynamic(kernel)
                       ? ShapedType::kDynamic
                       : transposedWindowOutputSize(
                             input.getDimSize(2 + i), kernel,
                             adaptor.getStrides()[i], adaptor.getPads()[i],
                             adaptor.getPads()[spatial + i],
                             adaptor.getDilations()[i], outputPadding[i]);
    if (failed(checkWindowOutput(location, i, size)))
      return failure();
    shape.push_back(size);
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// PoolOp
//===----------------------------------------------------------------------===//

LogicalResult PoolOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  if (input.getRank() < 3)
    return emitOptionalError(location,
                             "expected input of rank 3 or more "
                             "[N, C, spatial...], but got rank ",
                             input.getRank());
  int64_t spatial = input.getRank() - 2;
  ArrayRef<int64_t> kernel = adaptor.getKernel();
  if (static_cast<int64_t>(kernel.size()) != spatial)
    return emitOptionalError(location, "expected ", spatial, " kernel for ",
                             spatial, " spatial dimensions, but got ",
                             kernel.size());
  if (llvm::any_of(kernel, [](int64_t k) { return k <= 0; }))
    return emitOptionalError(location,
                             "expected positive kernel sizes, but got ",
                             formatList(kernel));
  if (failed(verifyWindowAttrs(location, spatial, adaptor.getStrides(),
                               adaptor.getPads(), adaptor.getDilations())))
    return failure();
  SmallVector<int64_t> shape(input.getShape().take_front(2));
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t size = windowOutputSize(
        input.getDimSize(2 + i), kernel[i], adaptor.getStrides()[i],
        adaptor.getPads()[i], adaptor.getPads()[spatial + i],
        adaptor.getDilations()[i], adaptor.getCeilMode());
    if (failed(checkWindowOutput(location, i, size)))
      return failure();
    shape.push_back(size);
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// ReduceOp, ArgReduceOp
//===----------------------------------------------------------------------===//

LogicalResult ReduceOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  llvm::SmallBitVector reduced(rank);
  for (int64_t axis : adaptor.getAxes()) {
    if (axis < 0 || axis >= rank)
      return emitOptionalError(location, "expected axes in [0, ", rank,
                               "), but got ", axis);
    if (reduced.test(axis))
      return emitOptionalError(location, "expected distinct axes, but axis ",
                               axis, " appears twice");
    reduced.set(axis);
  }
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    if (!reduced.test(i))
      shape.push_back(input.getDimSize(i));
    else if (adaptor.getKeepDims())
      shape.push_back(1);
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult ArgReduceOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= rank)
    return emitOptionalError(location, "expected axis in [0, ", rank,
                             "), but got ", axis);
  SmallVector<int64_t> shape(input.getShape());
  if (adaptor.getKeepDims())
    shape[axis] = 1;
  else
    shape.erase(shape.begin() + axis);
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, IntegerType::get(context, 64)));
  return success();
}

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  ArrayRef<int64_t> permutation = adaptor.getPermutation();
  int64_t rank = input.getRank();
  llvm::SmallBitVector seen(rank);
  bool valid = static_cast<int64_t>(permutation.size()) == rank;
  for (int64_t p : permutation) {
    if (!valid)
      break;
    valid = p >= 0 && p < rank && !seen.test(p);
    if (valid)
      seen.set(p);
  }
  if (!valid)
    return emitOptionalError(location, "expected a permutation of [0, ", rank,
                             "), but got ", formatList(permutation));
  SmallVector<int64_t> shape;
  for (int64_t p : permutation)
    shape.push_back(input.getDimSize(p));
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// ReshapeOp, BroadcastToOp
//===----------------------------------------------------------------------===//

/// Checks the element types and the optional run-time shape operand of
/// reshape and broadcast_to.
static LogicalResult verifyShapeOperand(Operation *op, RankedTensorType input,
                                        Value shape, RankedTensorType result) {
  if (input.getElementType() != result.getElementType())
    return op->emitOpError("expected a result of element type ")
           << input.getElementType() << " like the input, but got "
           << result.getElementType();
  if (!shape)
    return success();
  int64_t size = tensorOf(shape.getType()).getDimSize(0);
  if (knownAndDiffer(size, result.getRank()))
    return op->emitOpError("expected a shape operand of ")
           << result.getRank() << " elements (the result rank), but got "
           << size;
  return success();
}

LogicalResult ReshapeOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType result = getOutput().getType();
  if (failed(verifyShapeOperand(*this, input, getShape(), result)))
    return failure();
  int64_t inputCount = shapeProduct(input.getShape());
  int64_t resultCount = shapeProduct(result.getShape());
  if (knownAndDiffer(inputCount, resultCount))
    return emitOpError("expected a result with ")
           << inputCount << " elements like the input, but got "
           << resultCount;
  if (!getShape() && result.getNumDynamicDims() > 1)
    return emitOpError("expected a shape operand for a result with ")
           << result.getNumDynamicDims()
           << " dynamic dimensions (at most 1 is implied by the element "
              "count)";
  return success();
}

LogicalResult BroadcastToOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType result = getOutput().getType();
  if (failed(verifyShapeOperand(*this, input, getShape(), result)))
    return failure();
  bool valid = input.getRank() <= result.getRank();
  int64_t offset = result.getRank() - input.getRank();
  for (int64_t i = 0; valid && i < input.getRank(); ++i) {
    int64_t in = input.getDimSize(i);
    int64_t out = result.getDimSize(offset + i);
    valid = in == 1 || !knownAndDiffer(in, out);
  }
  if (!valid)
    return emitOpError("expected the input shape ")
           << formatShape(input.getShape())
           << " to broadcast to the result shape "
           << formatShape(result.getShape());
  return success();
}

//===----------------------------------------------------------------------===//
// ConcatOp
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return emitOptionalError(location, "expected at least one input");
  RankedTensorType first = tensorOf(inputs.front().getType());
  int64_t rank = first.getRank();
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= rank)
    return emitOptionalError(location, "expected axis in [0, ", rank,
                             "), but got ", axis);
  SmallVector<int64_t> shape(first.getShape());
  for (auto [index, value] : llvm::enumerate(inputs.drop_front())) {
    RankedTensorType type = tensorOf(value.getType());
    if (type.getRank() != rank ||
        type.getElementType() != first.getElementType())
      return emitOptionalError(location, "expected inputs like the first, ",
                               first, ", but input ", index + 1, " is ",
                               type);
    for (int64_t d = 0; d < rank; ++d) {
      int64_t size = type.getDimSize(d);
      if (d == axis) {
        shape[d] = ShapedType::isDynamic(shape[d]) ||
                           ShapedType::isDynamic(size)
                       ? ShapedType::kDynamic
                       : shape[d] + size;
        continue;
      }
      if (knownAndDiffer(shape[d], size))
        return emitOptionalError(location, "expected input ", index + 1,
                                 " to match dimension ", d, " (", shape[d],
                                 ") of the others, but got ", size);
      if (ShapedType::isDynamic(shape[d]))
        shape[d] = size;
    }
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, first.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// SliceOp, PadOp, GatherOp
//===----------------------------------------------------------------------===//

LogicalResult SliceOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  ArrayRef<int64_t> starts = adaptor.getStarts();
  ArrayRef<int64_t> limits = adaptor.getLimits();
  ArrayRef<int64_t> strides = adaptor.getStrides();
  if (static_cast<int64_t>(starts.size()) != rank ||
      limits.size() != starts.size() || strides.size() != starts.size())
    return emitOptionalError(location, "expected ", rank,
                             " starts, limits and strides (the input rank), "
                             "but got ",
                             starts.size(), ", ", limits.size(), " and ",
                             strides.size());
  if (llvm::is_contained(strides, 0))
    return emitOptionalError(location, "expected non-zero strides, but got ",
                             formatList(strides));
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i)
    shape.push_back(sliceOutputSize(input.getDimSize(i), starts[i], limits[i],
                                    strides[i]));
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult PadOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  ArrayRef<int64_t> low = adaptor.getLow();
  ArrayRef<int64_t> high = adaptor.getHigh();
  if (static_cast<int64_t>(low.size()) != rank ||
      static_cast<int64_t>(high.size()) != rank)
    return emitOptionalError(location, "expected ", rank,
                             " low and high pads (the input rank), but got ",
                             low.size(), " and ", high.size());
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t size = input.getDimSize(i);
    if (!ShapedType::isDynamic(size)) {
      size += low[i] + high[i];
      if (size < 0)
        return emitOptionalError(location, "expected pads that leave a "
                                           "non-negative size in dimension ",
                                 i, ", but got ", size);
    }
    shape.push_back(size);
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult GatherOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  RankedTensorType input = tensorOf(adaptor.getInput().getType());
  RankedTensorType indices = tensorOf(adaptor.getIndices().getType());
  int64_t rank = input.getRank();
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= rank)
    return emitOptionalError(location, "expected axis in [0, ", rank,
                             "), but got ", axis);
  SmallVector<int64_t> shape(input.getShape().take_front(axis));
  llvm::append_range(shape, indices.getShape());
  llvm::append_range(shape, input.getShape().drop_front(axis + 1));
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// Optimizer updates
//===----------------------------------------------------------------------===//

/// The learning rate must share the parameter's element type.
static LogicalResult verifyLearningRate(Operation *op, Value param, Value lr) {
  Type paramElement = tensorOf(param.getType()).getElementType();
  Type lrElement = tensorOf(lr.getType()).getElementType();
  if (paramElement == lrElement)
    return success();
  return op->emitOpError("expected a learning rate of element type ")
         << paramElement << " like the parameter, but got " << lrElement;
}

/// Checks `lo <= value < hi` (or `<= hi` when `closed`) for a coefficient.
static LogicalResult verifyCoefficient(Operation *op, StringRef name,
                                       APFloat value, double lo, double hi,
                                       bool closed) {
  double v = value.convertToDouble();
  bool inRange = v >= lo && (closed ? v <= hi : v < hi);
  if (inRange)
    return success();
  return op->emitOpError("expected ")
         << name << " in [" << formatNumber(lo) << ", " << formatNumber(hi)
         << (closed ? "]" : ")") << ", but got " << formatNumber(v);
}

static constexpr double kInf = std::numeric_limits<double>::infinity();

LogicalResult SgdUpdateOp::verify() {
  if (failed(verifyLearningRate(*this, getParam(), getLr())))
    return failure();
  return verifyCoefficient(*this, "weight_decay", getWeightDecay(), 0, kInf,
                           false);
}

LogicalResult MomentumUpdateOp::verify() {
  if (failed(verifyLearningRate(*this, getParam(), getLr())))
    return failure();
  return verifyCoefficient(*this, "norm_coefficient", getNormCoefficient(), 0,
                           kInf, false);
}

LogicalResult AdagradUpdateOp::verify() {
  if (failed(verifyLearningRate(*this, getParam(), getLr())) ||
      failed(verifyCoefficient(*this, "decay_factor", getDecayFactor(), 0,
                               kInf, false)) ||
      failed(verifyCoefficient(*this, "norm_coefficient", getNormCoefficient(),
                               0, kInf, false)))
    return failure();
  if (getEpsilon().convertToDouble() <= 0)
    return emitOpError("expected a positive epsilon, but got ")
           << formatNumber(getEpsilon().convertToDouble());
  return success();
}

LogicalResult AdamUpdateOp::verify() {
  if (failed(verifyLearningRate(*this, getParam(), getLr())) ||
      failed(verifyCoefficient(*this, "alpha", getAlpha(), 0, 1, false)) ||
      failed(verifyCoefficient(*this, "beta", getBeta(), 0, 1, false)) ||
      failed(verifyCoefficient(*this, "norm_coefficient", getNormCoefficient(),
                               0, kInf, false)) ||
      failed(verifyCoefficient(*this, "norm_coefficient_post",
                               getNormCoefficientPost(), 0, 1, true)))
    return failure();
  if (getEpsilon().convertToDouble() <= 0)
    return emitOpError("expected a positive epsilon, but got ")
           << formatNumber(getEpsilon().convertToDouble());
  return success();
}

#define GET_OP_CLASSES
#include "dfg/Dialect/DFG/IR/DFGOps.cpp.inc"
