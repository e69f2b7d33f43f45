//===- DFGOpsCommon.h - Helpers shared by the dfg op files ------*- C++ -*-===//
//
// Internal to the dialect library: diagnostics formatting and checks used by
// the type inference and verifiers of several op families.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_LIB_DIALECT_DFG_IR_DFGOPSCOMMON_H
#define DFG_LIB_DIALECT_DFG_IR_DFGOPSCOMMON_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"

#include <optional>
#include <string>

namespace mlir::dfg::detail {

/// Renders a shape as in tensor types: "2x?x3", "scalar" for rank 0.
std::string formatShape(ArrayRef<int64_t> shape);

/// Renders a list of integers as "[1, 2, 3]".
std::string formatList(ArrayRef<int64_t> values);

/// Renders a coefficient compactly ("0.9", "1e-08", "inf").
std::string formatNumber(double value);

inline RankedTensorType tensorOf(Type type) {
  return cast<RankedTensorType>(type);
}

/// True when both sizes are static and differ.
inline bool knownAndDiffer(int64_t lhs, int64_t rhs) {
  return !ShapedType::isDynamic(lhs) && !ShapedType::isDynamic(rhs) &&
         lhs != rhs;
}

/// Checks the sizes of the per-spatial-dimension attributes of conv and
/// pooling ops: `spatial` entries each, `2 * spatial` for pads.
LogicalResult verifyWindowAttrs(std::optional<Location> location,
                                int64_t spatial, ArrayRef<int64_t> strides,
                                ArrayRef<int64_t> pads,
                                ArrayRef<int64_t> dilations);

/// Requires a static output size of at least 1 for a window op.
LogicalResult checkWindowOutput(std::optional<Location> location, int64_t dim,
                                int64_t size);

} // namespace mlir::dfg::detail

#endif // DFG_LIB_DIALECT_DFG_IR_DFGOPSCOMMON_H
