//===- Window.h - Window attributes of ONNX conv and pool ops ---*- C++ -*-===//
//
// Internal to the importer: reading strides, dilations, pads and auto_pad,
// shared by the float (NN.cpp) and integer (Quantization.cpp) convolutions.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_LIB_IMPORT_ONNX_CONVERTERS_WINDOW_H
#define DFG_LIB_IMPORT_ONNX_CONVERTERS_WINDOW_H

#include "../NodeImporter.h"

namespace mlir::dfg::onnx_import {

/// Strides, dilations and pads of a window op with `spatial` dimensions,
/// after resolving `auto_pad` against the input and kernel sizes.
struct Window {
  SmallVector<int64_t> strides, dilations, pads;
};

/// Reads strides, dilations (when `hasDilations`) and pads, resolving
/// auto_pad: SAME_* pads so that the output size is ceil(input / stride),
/// with the odd element at the end (UPPER) or the beginning (LOWER).
FailureOr<Window> readWindow(NodeContext &ctx, RankedTensorType input,
                             ArrayRef<int64_t> kernel, bool hasDilations);

/// The kernel sizes of a convolution: the weight's spatial dimensions,
/// cross-checked against (and completed by) `kernel_shape`.
FailureOr<SmallVector<int64_t>> convKernel(NodeContext &ctx,
                                           RankedTensorType weight,
                                           int64_t spatial);

} // namespace mlir::dfg::onnx_import

#endif // DFG_LIB_IMPORT_ONNX_CONVERTERS_WINDOW_H
