//===- DialectTest.cpp - Building dfg ops from C++ ------------------------===//
//
// Builds ops the way the importer and passes do, and checks inferred types,
// diagnostics and folding through the public C++ API.
//
//===----------------------------------------------------------------------===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"
#include "dfg/InitAll.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace mlir::dfg;

namespace {
class DialectTest : public ::testing::Test {
protected:
  DialectTest() {
    DialectRegistry registry;
    registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }

  /// A function taking `inputs`, with the builder inside its body.
  func::FuncOp makeFunc(TypeRange inputs) {
    module = ModuleOp::create(loc);
    builder.setInsertionPointToEnd(module->getBody());
    auto func = func::FuncOp::create(builder, loc, "f",
                                     builder.getFunctionType(inputs, {}));
    builder.setInsertionPointToEnd(func.addEntryBlock());
    return func;
  }

  RankedTensorType f32(ArrayRef<int64_t> shape) {
    return RankedTensorType::get(shape, builder.getF32Type());
  }

  MLIRContext context;
  OpBuilder builder{&context};
  Location loc = UnknownLoc::get(&context);
  OwningOpRef<ModuleOp> module;
};

TEST_F(DialectTest, AddInfersBroadcastType) {
  func::FuncOp func = makeFunc({f32({2, 1, 4}), f32({3, 1})});
  auto add = AddOp::create(builder, loc, func.getArgument(0),
                           func.getArgument(1));
  EXPECT_EQ(add.getType(), f32({2, 3, 4}));
}

TEST_F(DialectTest, MatmulInfersBatchBroadcast) {
  int64_t dyn = ShapedType::kDynamic;
  func::FuncOp func = makeFunc({f32({8, dyn, 64}), f32({64, 32})});
  auto mm = MatmulOp::create(builder, loc, func.getArgument(0),
                             func.getArgument(1));
  EXPECT_EQ(mm.getType(), f32({8, dyn, 32}));
}

TEST_F(DialectTest, IncompatibleShapesAreDiagnosed) {
  func::FuncOp func = makeFunc({f32({2, 3}), f32({4})});
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    // The first diagnostic is the op's own; a generic one follows.
    if (message.empty())
      message = diag.str();
    return success();
  });
  auto add = AddOp::create(builder, loc, f32({2, 3}), func.getArgument(0),
                           func.getArgument(1));
  EXPECT_TRUE(failed(verify(add)));
  EXPECT_EQ(message,
            "expected broadcast-compatible operand shapes, but got 2x3 and 4");
}

TEST_F(DialectTest, AddOfNegativeZeroFolds) {
  func::FuncOp func = makeFunc({f32({4})});
  auto zero = ConstantOp::create(
      builder, loc,
      DenseElementsAttr::get(f32({4}), builder.getF32FloatAttr(-0.0f)));
  auto add = AddOp::create(builder, loc, func.getArgument(0), zero);
  SmallVector<OpFoldResult> results;
  ASSERT_TRUE(succeeded(add->fold(results)));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(dyn_cast<Value>(results.front()), func.getArgument(0));
}

TEST_F(DialectTest, AddOfPositiveZeroDoesNotFold) {
  // x + 0.0 turns -0.0 into +0.0: not an identity.
  func::FuncOp func = makeFunc({f32({4})});
  auto zero = ConstantOp::create(
      builder, loc,
      DenseElementsAttr::get(f32({4}), builder.getF32FloatAttr(0.0f)));
  auto add = AddOp::create(builder, loc, func.getArgument(0), zero);
  SmallVector<OpFoldResult> results;
  EXPECT_TRUE(failed(add->fold(results)));
}

TEST_F(DialectTest, BuiltModuleVerifies) {
  func::FuncOp func = makeFunc({f32({1, 3, 8, 8}), f32({4, 3, 3, 3})});
  auto conv = ConvOp::create(builder, loc, func.getArgument(0),
                             func.getArgument(1), /*bias=*/Value(),
                             builder.getDenseI64ArrayAttr({1, 1}),
                             builder.getDenseI64ArrayAttr({1, 1, 1, 1}),
                             builder.getDenseI64ArrayAttr({1, 1}),
                             builder.getI64IntegerAttr(1));
  EXPECT_EQ(conv.getType(), f32({1, 4, 8, 8}));
  func::ReturnOp::create(builder, loc, ValueRange{});
  EXPECT_TRUE(succeeded(verify(*module)));
}
} // namespace
