//===- ShapeUtils.cpp - Shape arithmetic for dfg ops ----------------------===//

#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "llvm/Support/MathExtras.h"

#include "mlir/IR/BuiltinTypeInterfaces.h"

#include <algorithm>

using namespace mlir;

static bool isDynamic(int64_t size) { return ShapedType::isDynamic(size); }

std::optional<llvm::SmallVector<int64_t>>
dfg::broadcastShapes(llvm::ArrayRef<llvm::ArrayRef<int64_t>> shapes) {
  size_t rank = 0;
  for (llvm::ArrayRef<int64_t> shape : shapes)
    rank = std::max(rank, shape.size());
  // Start from all-ones and fold every shape in, right-aligned.
  llvm::SmallVector<int64_t> result(rank, 1);
  for (llvm::ArrayRef<int64_t> shape : shapes) {
    size_t offset = rank - shape.size();
    for (auto [i, size] : llvm::enumerate(shape)) {
      int64_t &out = result[offset + i];
      if (size == 1)
        continue;
      if (out == 1) {
        out = size;
        continue;
      }
      if (isDynamic(size))
        continue; // a known out (> 1) or dynamic out stays as it is
      if (isDynamic(out)) {
        out = size;
        continue;
      }
      if (out != size)
        return std::nullopt;
    }
  }
  return result;
}

bool dfg::areCompatibleShapes(llvm::ArrayRef<int64_t> lhs,
                              llvm::ArrayRef<int64_t> rhs) {
  if (lhs.size() != rhs.size())
    return false;
  for (auto [l, r] : llvm::zip_equal(lhs, rhs))
    if (!isDynamic(l) && !isDynamic(r) && l != r)
      return false;
  return true;
}

llvm::SmallVector<int64_t> dfg::joinShapes(llvm::ArrayRef<int64_t> lhs,
                                           llvm::ArrayRef<int64_t> rhs) {
  llvm::SmallVector<int64_t> result;
  for (auto [l, r] : llvm::zip_equal(lhs, rhs))
    result.push_back(isDynamic(l) ? r : l);
  return result;
}

static int64_t ceilDiv(int64_t num, int64_t den) {
  // Both signs handled; den > 0 in every caller.
  return num >= 0 ? (num + den - 1) / den : -((-num) / den);
}

static int64_t floorDiv(int64_t num, int64_t den) {
  return num >= 0 ? num / den : -((-num + den - 1) / den);
}

int64_t dfg::windowOutputSize(int64_t input, int64_t kernel, int64_t stride,
                              int64_t padBegin, int64_t padEnd,
                              int64_t dilation, bool ceilMode) {
  if (isDynamic(input))
    return ShapedType::kDynamic;
  int64_t span = input + padBegin + padEnd - dilation * (kernel - 1) - 1;
  return (ceilMode ? ceilDiv(span, stride) : floorDiv(span, stride)) + 1;
}

int64_t dfg::transposedWindowOutputSize(int64_t input, int64_t kernel,
                                        int64_t stride, int64_t padBegin,
                                        int64_t padEnd, int64_t dilation,
                                        int64_t outputPadding) {
  if (isDynamic(input))
    return ShapedType::kDynamic;
  return stride * (input - 1) + outputPadding + dilation * (kernel - 1) + 1 -
         padBegin - padEnd;
}

int64_t dfg::sliceOutputSize(int64_t size, int64_t start, int64_t limit,
                             int64_t stride) {
  if (isDynamic(size))
    return ShapedType::kDynamic;
  auto resolve = [&](int64_t index, int64_t lo, int64_t hi) {
    if (index < 0)
      index = index < -size ? lo : index + size;
    return std::clamp(index, lo, hi);
  };
  if (stride > 0) {
    int64_t first = resolve(start, 0, size);
    int64_t last = resolve(limit, 0, size);
    return last <= first ? 0 : ceilDiv(last - first, stride);
  }
  int64_t first = resolve(start, -1, size - 1);
  int64_t last = resolve(limit, -1, size - 1);
  return first <= last ? 0 : ceilDiv(first - last, -stride);
}

std::optional<int64_t> dfg::normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}

int64_t dfg::shapeProduct(llvm::ArrayRef<int64_t> shape) {
  int64_t product = 1;
  for (int64_t size : shape) {
    // A product past 64 bits is as unknown as a dynamic one; the size
    // guards of the importer and the runtime reject such tensors by name.
    if (isDynamic(size) || llvm::MulOverflow(product, size, product))
      return ShapedType::kDynamic;
  }
  return product;
}
