//===- Common.h - Helpers shared by the ONNX converters ---------*- C++ -*-===//
//
// Internal to the importer: the small type, cast, reshape and axis helpers
// that several Converters/*.cpp files need.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_LIB_IMPORT_ONNX_CONVERTERS_COMMON_H
#define DFG_LIB_IMPORT_ONNX_CONVERTERS_COMMON_H

#include "../NodeImporter.h"

#include <string>

namespace mlir::dfg::onnx_import {

/// The ranked tensor type of `value`, which must have one.
inline RankedTensorType typeOf(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// The element type of `value`, a ranked tensor.
inline Type elementTypeOf(Value value) {
  return typeOf(value).getElementType();
}

/// `x` converted to `elementType` with dfg.cast; `x` itself when it already
/// has that element type.
inline Value castTo(NodeContext &ctx, Value x, Type elementType) {
  RankedTensorType type = typeOf(x);
  if (type.getElementType() == elementType)
    return x;
  return ctx.create<CastOp>(type.clone(elementType), x);
}

/// `x` clamped to [min, max].
inline Value clamp(NodeContext &ctx, Value x, double min, double max) {
  return ctx.create<ClampOp>(x, ctx.builder().getF64FloatAttr(min),
                             ctx.builder().getF64FloatAttr(max));
}

/// `type` as MLIR prints it, for diagnostics.
std::string typeString(Type type);

/// A shape as `[2, ?, 4]`, for diagnostics.
std::string formatInts(ArrayRef<int64_t> values);

/// Reshapes `value` to `shape`; an error when the target has more than one
/// dynamic dimension (dfg.reshape would then need a runtime shape).
FailureOr<Value> reshapeTo(NodeContext &ctx, Value value,
                           ArrayRef<int64_t> shape);

/// Reshapes `x` to `shape`, which must have at most one dynamic size (even
/// when it is the shape `x` already has); the error names only the rank of
/// `x`.
FailureOr<Value> reshapeWithOneDynamic(NodeContext &ctx, Value x,
                                       ArrayRef<int64_t> shape);

/// Inputs 0 to `count` - 1, all required.
FailureOr<SmallVector<Value>> requiredInputs(NodeContext &ctx, unsigned count);

/// Normalizes a possibly negative `axis` into [0, rank); an error naming
/// `what` otherwise.
FailureOr<int64_t> normalizeAxis(NodeContext &ctx, int64_t axis, int64_t rank,
                                 StringRef what = "axis");

/// numpy.matmul: a 1-D left operand is a row, a 1-D right operand a column,
/// and the inserted dimension is dropped from the result.
FailureOr<Value> numpyMatmul(NodeContext &ctx, Value a, Value b);

} // namespace mlir::dfg::onnx_import

#endif // DFG_LIB_IMPORT_ONNX_CONVERTERS_COMMON_H
