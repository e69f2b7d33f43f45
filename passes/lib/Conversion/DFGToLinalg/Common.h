//===- Common.h - shared helpers of the dfg lowering ------------*- C++ -*-===//
//
// Building blocks every op family uses: reading signedness from the
// original types, creating destination tensors with dynamic sizes, and
// numpy-broadcasting elementwise linalg.generic ops.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_LIB_CONVERSION_DFGTOLINALG_COMMON_H
#define DFG_LIB_CONVERSION_DFGTOLINALG_COMMON_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::dfg::lowering {

/// The element type of a shaped type, or the type itself for scalars.
Type elementTypeOf(Type type);

/// Whether the (unconverted) element type is an unsigned integer.
bool isUnsigned(Type type);

/// The converted (signless) ranked tensor type of `type`, or null.
RankedTensorType convertTensorType(const TypeConverter &converter, Type type);

/// A scalar constant of `elementType` (float, integer or index) holding
/// `value`; integers are truncated towards zero, `i1` is `value != 0`.
Value scalarConstant(OpBuilder &b, Location loc, Type elementType,
                     double value);

/// The sizes of `value` (a ranked tensor) as OpFoldResults: attributes for
/// static sizes, `tensor.dim` for dynamic ones.
SmallVector<OpFoldResult> tensorSizes(OpBuilder &b, Location loc, Value value);

/// A `tensor.empty` of `type`, taking its dynamic sizes from `dynamicSizes`
/// (one per `?` of `type`, in order).
Value emptyTensor(OpBuilder &b, Location loc, RankedTensorType type,
                  ValueRange dynamicSizes);

/// The dynamic sizes of a numpy-broadcast of `operands` to `resultType`: each
/// `?` of the result comes from the first operand whose aligned dimension is
/// not statically 1.
SmallVector<Value> broadcastDynamicSizes(OpBuilder &b, Location loc,
                                         RankedTensorType resultType,
                                         ValueRange operands);

/// The indexing map reading `operandType` inside a loop nest over
/// `resultType` with numpy broadcasting: trailing alignment, and a
/// statically-1 dimension that the result stretches reads index 0.
AffineMap broadcastIndexingMap(MLIRContext *context, RankedTensorType operandType,
                               RankedTensorType resultType);

/// Builds `linalg.generic` computing `body(scalars...)` element by element
/// over `operands` broadcast to `resultType` (already converted).
Value buildElementwise(
    OpBuilder &b, Location loc, RankedTensorType resultType, ValueRange operands,
    llvm::function_ref<Value(OpBuilder &, Location, ValueRange)> body);

/// A value of `from` element type converted to `to`, scalar: int/float
/// widths and kinds, with `fromUnsigned`/`toUnsigned` choosing the integer
/// conversions; to `i1` tests for non-zero.
Value convertScalar(OpBuilder &b, Location loc, Value value, Type to,
                    bool fromUnsigned, bool toUnsigned);

/// `tensor.expand_shape` of `source` into `outputSizes`; where a group
/// expands into several dynamic sizes, which upstream's
/// expand-strided-metadata crashes on once bufferized (MLIR 22), an
/// equivalent row-major copy instead.
Value expandShape(OpBuilder &b, Location loc, Value source,
                  ArrayRef<ReassociationIndices> reassociation,
                  ArrayRef<OpFoldResult> outputSizes);

} // namespace mlir::dfg::lowering

#endif // DFG_LIB_CONVERSION_DFGTOLINALG_COMMON_H
