//===- DFGLinalgOps.cpp - dfg matmul, conv and pool type inference ----------===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"
#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "DFGOpsCommon.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallBitVector.h"

#include <limits>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::detail;

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
