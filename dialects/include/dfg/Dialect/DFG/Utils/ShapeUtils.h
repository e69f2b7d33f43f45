//===- ShapeUtils.h - Shape arithmetic for dfg ops --------------*- C++ -*-===//
//
// Pure shape arithmetic shared by type inference, verifiers and passes.
// Sizes use mlir::ShapedType::kDynamic for "unknown".
//
//===----------------------------------------------------------------------===//

#ifndef DFG_DIALECT_DFG_UTILS_SHAPEUTILS_H
#define DFG_DIALECT_DFG_UTILS_SHAPEUTILS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace mlir::dfg {

/// numpy broadcasting of any number of shapes: aligned on the right, a size
/// of 1 stretches to the other size. A dynamic size against 1 or against a
/// dynamic size stays dynamic; against a static size N > 1 it becomes N.
/// Returns std::nullopt when two static sizes differ and neither is 1.
std::optional<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<llvm::ArrayRef<int64_t>> shapes);

/// True when the shapes have the same rank and agree wherever both sizes
/// are static.
bool areCompatibleShapes(llvm::ArrayRef<int64_t> lhs,
                         llvm::ArrayRef<int64_t> rhs);

/// The most refined shape compatible with both (static wins over dynamic).
/// Requires areCompatibleShapes(lhs, rhs).
llvm::SmallVector<int64_t> joinShapes(llvm::ArrayRef<int64_t> lhs,
                                      llvm::ArrayRef<int64_t> rhs);

/// Output size of a sliding window (convolution, pooling) over `input`
/// elements: floor (or ceil with `ceilMode`) of
/// (input + padBegin + padEnd - dilation * (kernel - 1) - 1) / stride + 1.
/// Dynamic when `input` is. May be zero or negative for a window larger
/// than the padded input: callers diagnose that.
int64_t windowOutputSize(int64_t input, int64_t kernel, int64_t stride,
                         int64_t padBegin, int64_t padEnd, int64_t dilation,
                         bool ceilMode = false);

/// Output size of a transposed convolution:
/// stride * (input - 1) + outputPadding + dilation * (kernel - 1) + 1
///   - padBegin - padEnd. Dynamic when `input` is.
int64_t transposedWindowOutputSize(int64_t input, int64_t kernel,
                                   int64_t stride, int64_t padBegin,
                                   int64_t padEnd, int64_t dilation,
                                   int64_t outputPadding);

/// Number of elements numpy's `x[start:limit:stride]` selects from a
/// dimension of `size` elements (negative start/limit count from the end,
/// both clamp). Dynamic when `size` is. Requires stride != 0.
int64_t sliceOutputSize(int64_t size, int64_t start, int64_t limit,
                        int64_t stride);

/// Maps an axis in [-rank, rank) to [0, rank); std::nullopt outside.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank);

/// Product of the sizes, or kDynamic if any is dynamic or the product
/// overflows 64 bits.
int64_t shapeProduct(llvm::ArrayRef<int64_t> shape);

} // namespace mlir::dfg

#endif // DFG_DIALECT_DFG_UTILS_SHAPEUTILS_H
