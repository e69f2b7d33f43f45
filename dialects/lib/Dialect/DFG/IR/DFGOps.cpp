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

#include "DFGOpsCommon.h"

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
using namespace mlir::dfg::detail;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

std::string dfg::detail::formatShape(ArrayRef<int64_t> shape) {
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

std::string dfg::detail::formatList(ArrayRef<int64_t> values) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '[';
  llvm::interleaveComma(values, os);
  os << ']';
  return text;
}

std::string dfg::detail::formatNumber(double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%g", value);
  return text;
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

LogicalResult dfg::detail::verifyWindowAttrs(std::optional<Location> location,
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

LogicalResult dfg::detail::checkWindowOutput(std::optional<Location> location,
                                       int64_t dim, int64_t size) {
  if (ShapedType::isDynamic(size) || size >= 1)
    return success();
  return emitOptionalError(location, "expected a window that fits the padded "
                                     "input in spatial dimension ",
                           dim, ", but the output size would be ", size);
}

#define GET_OP_CLASSES
#include "dfg/Dialect/DFG/IR/DFGOps.cpp.inc"
