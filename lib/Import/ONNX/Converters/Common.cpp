//===- Common.cpp - Helpers shared by the ONNX converters -----------------===//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

std::string onnx_import::typeString(Type type) {
  return llvm::formatv("{0}", type).str();
}

std::string onnx_import::formatInts(ArrayRef<int64_t> values) {
  std::string text = "[";
  for (auto [i, v] : llvm::enumerate(values)) {
    if (i)
      text += ", ";
    text += ShapedType::isDynamic(v) ? "?" : std::to_string(v);
  }
  return text + "]";
}

FailureOr<Value> onnx_import::reshapeTo(NodeContext &ctx, Value value,
                                        ArrayRef<int64_t> shape) {
  RankedTensorType type = typeOf(value);
  if (type.getShape() == shape)
    return value;
  if (llvm::count_if(shape, ShapedType::isDynamic) > 1)
    return ctx.error("cannot reshape " + formatInts(type.getShape()) + " to " +
                     formatInts(shape) +
                     ": more than one dimension is unknown at import time");
  return Value(ctx.create<ReshapeOp>(type.clone(shape), value, Value()));
}

FailureOr<Value> onnx_import::reshapeWithOneDynamic(NodeContext &ctx, Value x,
                                                    ArrayRef<int64_t> shape) {
  RankedTensorType type = typeOf(x);
  if (llvm::count(shape, ShapedType::kDynamic) > 1)
    return ctx.error("cannot reshape " + Twine(type.getRank()) +
                     "-d operand with several dynamic dimensions");
  if (type.getShape() == shape)
    return x;
  return Value(ctx.create<ReshapeOp>(type.clone(shape), x, Value()));
}

FailureOr<SmallVector<Value>> onnx_import::requiredInputs(NodeContext &ctx,
                                                          unsigned count) {
  SmallVector<Value> values;
  for (unsigned i = 0; i < count; ++i) {
    FailureOr<Value> value = ctx.requiredInput(i);
    if (failed(value))
      return failure();
    values.push_back(*value);
  }
  return values;
}

FailureOr<int64_t> onnx_import::normalizeAxis(NodeContext &ctx, int64_t axis,
                                              int64_t rank, StringRef what) {
  if (std::optional<int64_t> normalized = dfg::normalizeAxis(axis, rank))
    return *normalized;
  return ctx.error("expected " + what + " in [" + Twine(-rank) + ", " +
                   Twine(rank) + "), but got " + Twine(axis));
}

FailureOr<Value> onnx_import::numpyMatmul(NodeContext &ctx, Value a, Value b) {
  int64_t lhsRank = typeOf(a).getRank(), rhsRank = typeOf(b).getRank();
  if (lhsRank < 1 || rhsRank < 1)
    return ctx.error("expected operands of rank 1 or more, but got ranks " +
                     Twine(lhsRank) + " and " + Twine(rhsRank));
  if (lhsRank == 1) {
    FailureOr<Value> row = reshapeTo(ctx, a, {1, typeOf(a).getDimSize(0)});
    if (failed(row))
      return failure();
    a = *row;
  }
  if (rhsRank == 1) {
    FailureOr<Value> column = reshapeTo(ctx, b, {typeOf(b).getDimSize(0), 1});
    if (failed(column))
      return failure();
    b = *column;
  }
  Value y = ctx.create<MatmulOp>(a, b);
  if (ctx.hasFailed())
    return failure();
  if (lhsRank > 1 && rhsRank > 1)
    return y;
  SmallVector<int64_t> shape(typeOf(y).getShape());
  int64_t rank = shape.size();
  if (rhsRank == 1)
    shape.erase(shape.begin() + rank - 1);
  if (lhsRank == 1)
    shape.erase(shape.begin() + rank - 2);
  return reshapeTo(ctx, y, shape);
}
