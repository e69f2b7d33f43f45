//===- DTypesTest.cpp - the runtime's element type table ------------------===//
//
// The compiler's view of DTypes.def (dfg/Runtime/DTypes.h) against the C
// runtime built from the same table (dfg_dtype_name, dfg_dtype_size), and
// the MLIR type <-> code mapping both ways. Whether the public enum and the
// table agree is checked when lib/Runtime/DTypes.c compiles.
//
//===----------------------------------------------------------------------===//

#include "dfg/Runtime/DTypes.h"
#include "dfg/Runtime/dfg_runtime.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

#include <iterator>

using namespace mlir;
using namespace mlir::dfg;

namespace {

TEST(DTypesTest, RuntimeAgreesWithTable) {
  ASSERT_FALSE(getDTypeTable().empty());
  for (const DTypeInfo &info : getDTypeTable()) {
    auto dtype = static_cast<dfg_dtype>(info.code);
    EXPECT_EQ(StringRef(dfg_dtype_name(dtype)), info.name)
        << info.enumName.str();
    EXPECT_EQ(dfg_dtype_size(dtype), info.size) << info.enumName.str();
    EXPECT_EQ(getDTypeName(info.code), info.name);
    EXPECT_EQ(getDTypeSize(info.code), info.size);
  }
}

TEST(DTypesTest, CodesAreOnnxs) {
  // The codes are ONNX's TensorProto.DataType values: frozen, whatever the
  // table says.
  struct Expected {
    int32_t code;
    StringRef name;
    unsigned size;
  };
  const Expected expected[] = {
      {1, "float32", 4},  {2, "uint8", 1},   {3, "int8", 1},
      {4, "uint16", 2},   {5, "int16", 2},   {6, "int32", 4},
      {7, "int64", 8},    {9, "bool", 1},    {10, "float16", 2},
      {11, "float64", 8}, {12, "uint32", 4}, {13, "uint64", 8},
      {16, "bfloat16", 2}};
  ASSERT_EQ(getDTypeTable().size(), std::size(expected));
  for (const Expected &row : expected) {
    const DTypeInfo *info = lookupDType(row.code);
    ASSERT_NE(info, nullptr) << row.code;
    EXPECT_EQ(info->name, row.name);
    EXPECT_EQ(info->size, row.size);
  }
}

TEST(DTypesTest, InvalidCodes) {
  for (int32_t code : {0, 8, 14, 15, 17, -1}) {
    EXPECT_EQ(lookupDType(code), nullptr) << code;
    EXPECT_EQ(getDTypeName(code), "invalid");
    EXPECT_EQ(getDTypeSize(code), 0u);
    EXPECT_EQ(StringRef(dfg_dtype_name(static_cast<dfg_dtype>(code))),
              "invalid");
    EXPECT_EQ(dfg_dtype_size(static_cast<dfg_dtype>(code)), 0u);
  }
}

TEST(DTypesTest, MlirTypeRoundTrip) {
  MLIRContext context;
  for (const DTypeInfo &info : getDTypeTable()) {
    Type type = getDTypeElementType(&context, info.code);
    ASSERT_TRUE(type) << info.enumName.str();
    EXPECT_EQ(getDTypeCode(type), info.code) << info.enumName.str();
  }
  Builder builder(&context);
  EXPECT_EQ(getDTypeCode(builder.getF32Type()), DFG_DTYPE_FLOAT32);
  EXPECT_EQ(getDTypeCode(builder.getBF16Type()), DFG_DTYPE_BFLOAT16);
  EXPECT_EQ(getDTypeCode(builder.getI1Type()), DFG_DTYPE_BOOL);
  EXPECT_EQ(getDTypeCode(builder.getIntegerType(8, /*isSigned=*/false)),
            DFG_DTYPE_UINT8);
  EXPECT_EQ(getDTypeCode(builder.getI64Type()), DFG_DTYPE_INT64);
}

TEST(DTypesTest, SignedIntegersMapAsSignless) {
  MLIRContext context;
  Builder builder(&context);
  EXPECT_EQ(getDTypeCode(builder.getIntegerType(1, /*isSigned=*/true)),
            DFG_DTYPE_BOOL);
  EXPECT_EQ(getDTypeCode(builder.getIntegerType(8, /*isSigned=*/true)),
            DFG_DTYPE_INT8);
  EXPECT_EQ(getDTypeCode(builder.getIntegerType(16, /*isSigned=*/true)),
            DFG_DTYPE_INT16);
  EXPECT_EQ(getDTypeCode(builder.getIntegerType(32, /*isSigned=*/true)),
            DFG_DTYPE_INT32);
  EXPECT_EQ(getDTypeCode(builder.getIntegerType(64, /*isSigned=*/true)),
            DFG_DTYPE_INT64);
}

TEST(DTypesTest, UnsupportedTypes) {
  MLIRContext context;
  Builder builder(&context);
  EXPECT_EQ(getDTypeCode(builder.getIntegerType(1, /*isSigned=*/false)),
            std::nullopt);
  EXPECT_EQ(getDTypeCode(builder.getIntegerType(4)), std::nullopt);
  EXPECT_EQ(getDTypeCode(builder.getIndexType()), std::nullopt);
  EXPECT_EQ(getDTypeCode(ComplexType::get(builder.getF32Type())), std::nullopt);
  EXPECT_EQ(getDTypeCode(Float8E4M3FNType::get(&context)), std::nullopt);
}

TEST(DTypesTest, NpyDescriptors) {
  EXPECT_EQ(lookupDType(DFG_DTYPE_FLOAT32)->npy, "<f4");
  EXPECT_EQ(lookupDType(DFG_DTYPE_BOOL)->npy, "|b1");
  EXPECT_EQ(lookupDType(DFG_DTYPE_UINT64)->npy, "<u8");
  // numpy has no bfloat16.
  EXPECT_TRUE(lookupDType(DFG_DTYPE_BFLOAT16)->npy.empty());
}

} // namespace
