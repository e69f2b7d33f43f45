//===- ShapeUtilsTest.cpp - Shape arithmetic ------------------------------===//

#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "mlir/IR/BuiltinTypeInterfaces.h"

#include <gtest/gtest.h>

#include <limits>

using namespace mlir;
using namespace mlir::dfg;

namespace {
constexpr int64_t kDyn = ShapedType::kDynamic;

llvm::SmallVector<int64_t> broadcast(llvm::ArrayRef<int64_t> a,
                                     llvm::ArrayRef<int64_t> b) {
  std::optional<llvm::SmallVector<int64_t>> result = broadcastShapes({a, b});
  EXPECT_TRUE(result.has_value());
  return result.value_or(llvm::SmallVector<int64_t>{});
}

TEST(ShapeUtils, BroadcastAlignsOnTheRight) {
  EXPECT_EQ(broadcast({2, 3}, {3}), (llvm::SmallVector<int64_t>{2, 3}));
  EXPECT_EQ(broadcast({4, 1, 5}, {3, 1}),
            (llvm::SmallVector<int64_t>{4, 3, 5}));
  EXPECT_EQ(broadcast({}, {7}), (llvm::SmallVector<int64_t>{7}));
}

TEST(ShapeUtils, BroadcastWithDynamicSizes) {
  EXPECT_EQ(broadcast({kDyn, 3}, {1, 3}),
            (llvm::SmallVector<int64_t>{kDyn, 3}));
  // A known size > 1 decides: the dynamic one must be 1 or equal at run time.
  EXPECT_EQ(broadcast({kDyn}, {4}), (llvm::SmallVector<int64_t>{4}));
  EXPECT_EQ(broadcast({4}, {kDyn}), (llvm::SmallVector<int64_t>{4}));
  EXPECT_EQ(broadcast({kDyn}, {kDyn}), (llvm::SmallVector<int64_t>{kDyn}));
}

TEST(ShapeUtils, BroadcastRejectsMismatch) {
  EXPECT_FALSE(broadcastShapes({{2, 3}, {4}}).has_value());
  EXPECT_FALSE(broadcastShapes({{2}, {1}, {3}}).has_value());
}

TEST(ShapeUtils, CompatibleAndJoin) {
  EXPECT_TRUE(areCompatibleShapes({2, kDyn}, {kDyn, 5}));
  EXPECT_FALSE(areCompatibleShapes({2, 3}, {2, 4}));
  EXPECT_FALSE(areCompatibleShapes({2}, {2, 1}));
  EXPECT_EQ(joinShapes({2, kDyn}, {kDyn, 5}),
            (llvm::SmallVector<int64_t>{2, 5}));
}

TEST(ShapeUtils, WindowOutputSize) {
  // ResNet stem: 224, kernel 7, stride 2, pads 3/3 -> 112.
  EXPECT_EQ(windowOutputSize(224, 7, 2, 3, 3, 1), 112);
  // Max pool 3x3 stride 2 pad 1: 112 -> 56.
  EXPECT_EQ(windowOutputSize(112, 3, 2, 1, 1, 1), 56);
  // Dilation widens the window: 10, kernel 3, dilation 2 -> span 5 -> 6.
  EXPECT_EQ(windowOutputSize(10, 3, 1, 0, 0, 2), 6);
  // ceil_mode rounds up: (5 - 2) / 2 + 1 = 2.5 -> 3.
  EXPECT_EQ(windowOutputSize(5, 2, 2, 0, 0, 1, /*ceilMode=*/false), 2);
  EXPECT_EQ(windowOutputSize(5, 2, 2, 0, 0, 1, /*ceilMode=*/true), 3);
  EXPECT_EQ(windowOutputSize(kDyn, 3, 1, 1, 1, 1), kDyn);
  // A window larger than the input gives no output; callers diagnose it.
  EXPECT_LE(windowOutputSize(2, 5, 1, 0, 0, 1), 0);
}

TEST(ShapeUtils, TransposedWindowOutputSize) {
  EXPECT_EQ(transposedWindowOutputSize(4, 2, 2, 0, 0, 1, 0), 8);
  EXPECT_EQ(transposedWindowOutputSize(3, 3, 2, 1, 1, 1, 1), 6);
  EXPECT_EQ(transposedWindowOutputSize(kDyn, 3, 2, 1, 1, 1, 1), kDyn);
}

TEST(ShapeUtils, SliceFollowsNumpy) {
  constexpr int64_t kEnd = std::numeric_limits<int64_t>::max();
  constexpr int64_t kBegin = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(sliceOutputSize(10, 0, kEnd, 1), 10);
  EXPECT_EQ(sliceOutputSize(10, 2, 8, 3), 2);   // 2, 5
  EXPECT_EQ(sliceOutputSize(10, -3, kEnd, 1), 3); // last three
  EXPECT_EQ(sliceOutputSize(10, 0, -1, 1), 9);
  EXPECT_EQ(sliceOutputSize(10, 8, 2, 1), 0);   // empty, not negative
  EXPECT_EQ(sliceOutputSize(10, -100, 100, 1), 10); // clamped
  EXPECT_EQ(sliceOutputSize(10, kEnd, kBegin, -1), 10); // reversed
  EXPECT_EQ(sliceOutputSize(10, 9, 0, -2), 5);  // 9, 7, 5, 3, 1
  EXPECT_EQ(sliceOutputSize(kDyn, 0, 1, 1), kDyn);
}

TEST(ShapeUtils, NormalizeAxis) {
  EXPECT_EQ(normalizeAxis(-1, 4), 3);
  EXPECT_EQ(normalizeAxis(0, 4), 0);
  EXPECT_FALSE(normalizeAxis(4, 4).has_value());
  EXPECT_FALSE(normalizeAxis(-5, 4).has_value());
}

TEST(ShapeUtils, ShapeProduct) {
  EXPECT_EQ(shapeProduct({2, 3, 4}), 24);
  EXPECT_EQ(shapeProduct({}), 1);
  EXPECT_EQ(shapeProduct({2, kDyn}), kDyn);
}
} // namespace
