//===- Common.cpp - shared helpers of the dfg lowering --------------------===//

#include "Common.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::lowering;

Type lowering::elementTypeOf(Type type) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return shaped.getElementType();
  return type;
}

bool lowering::isUnsigned(Type type) {
  auto integer = dyn_cast<IntegerType>(elementTypeOf(type));
  return integer && integer.isUnsigned();
}

RankedTensorType lowering::convertTensorType(const TypeConverter &converter,
                                             Type type) {
  return dyn_cast_or_null<RankedTensorType>(converter.convertType(type));
}

Value lowering::scalarConstant(OpBuilder &b, Location loc, Type elementType,
                               double value) {
  if (auto floatType = dyn_cast<FloatType>(elementType))
    return arith::ConstantOp::create(b, loc,
                                     b.getFloatAttr(floatType, value));
  if (elementType.isIndex())
    return arith::ConstantIndexOp::create(b, loc, static_cast<int64_t>(value));
  auto intType = cast<IntegerType>(elementType);
  if (intType.getWidth() == 1)
    return arith::ConstantOp::create(b, loc,
                                     b.getIntegerAttr(intType, value != 0.0));
  APInt bits(intType.getWidth(), static_cast<int64_t>(value),
             /*isSigned=*/true, /*implicitTrunc=*/true);
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(intType, bits));
}

SmallVector<OpFoldResult> lowering::tensorSizes(OpBuilder &b, Location loc,
                                                Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<OpFoldResult> sizes;
  for (auto [i, size] : llvm::enumerate(type.getShape())) {
    if (ShapedType::isDynamic(size))
      sizes.push_back(tensor::DimOp::create(b, loc, value, i).getResult());
    else
      sizes.push_back(b.getIndexAttr(size));
  }
  return sizes;
}

Value lowering::emptyTensor(OpBuilder &b, Location loc, RankedTensorType type,
                            ValueRange dynamicSizes) {
  return tensor::EmptyOp::create(b, loc, type.getShape(),
                                 type.getElementType(), dynamicSizes);
}

SmallVector<Value> lowering::broadcastDynamicSizes(OpBuilder &b, Location loc,
                                                   RankedTensorType resultType,
                                                   ValueRange operands) {
  SmallVector<Value> sizes;
  int64_t rank = resultType.getRank();
  for (int64_t dim = 0; dim < rank; ++dim) {
    if (!resultType.isDynamicDim(dim))
      continue;
    Value size;
    for (Value operand : operands) {
      auto type = cast<RankedTensorType>(operand.getType());
      int64_t operandDim = dim - (rank - type.getRank());
      if (operandDim < 0 || type.getDimSize(operandDim) == 1)
        continue;
      size = type.isDynamicDim(operandDim)
                 ? tensor::DimOp::create(b, loc, operand, operandDim)
                       .getResult()
                 : arith::ConstantIndexOp::create(
                       b, loc, type.getDimSize(operandDim))
                       .getResult();
      break;
    }
    if (!size)
      size = arith::ConstantIndexOp::create(b, loc, 1);
    sizes.push_back(size);
  }
  return sizes;
}

AffineMap lowering::broadcastIndexingMap(MLIRContext *context,
                                         RankedTensorType operandType,
                                         RankedTensorType resultType) {
  int64_t rank = resultType.getRank();
  int64_t offset = rank - operandType.getRank();
  SmallVector<AffineExpr> exprs;
  for (int64_t dim = 0; dim < operandType.getRank(); ++dim) {
    bool stretched = operandType.getDimSize(dim) == 1 &&
                     resultType.getDimSize(offset + dim) != 1;
    exprs.push_back(stretched ? getAffineConstantExpr(0, context)
                              : getAffineDimExpr(offset + dim, context));
  }
  return AffineMap::get(rank, 0, exprs, context);
}

Value lowering::buildElementwise(
    OpBuilder &b, Location loc, RankedTensorType resultType, ValueRange operands,
    llvm::function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  MLIRContext *context = b.getContext();
  SmallVector<AffineMap> maps;
  for (Value operand : operands)
    maps.push_back(broadcastIndexingMap(
        context, cast<RankedTensorType>(operand.getType()), resultType));
  maps.push_back(b.getMultiDimIdentityMap(resultType.getRank()));
  Value init = emptyTensor(
      b, loc, resultType, broadcastDynamicSizes(b, loc, resultType, operands));
  SmallVector<utils::IteratorType> iterators(resultType.getRank(),
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, operands, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value result = body(nested, nestedLoc, args.drop_back());
        linalg::YieldOp::create(nested, nestedLoc, result);
      });
  return generic.getResult(0);
}

Value lowering::convertScalar(OpBuilder &b, Location loc, Value value, Type to,
                              bool fromUnsigned, bool toUnsigned) {
  Type from = value.getType();
  if (from == to)
    return value;
  if (to.isInteger(1)) {
    Value zero = scalarConstant(b, loc, from, 0.0);
    if (isa<FloatType>(from))
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, value,
                                   zero);
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, value, zero);
  }
  auto fromFloat = dyn_cast<FloatType>(from);
  auto toFloat = dyn_cast<FloatType>(to);
  if (fromFloat && toFloat) {
    if (fromFloat.getWidth() < toFloat.getWidth())
      return arith::ExtFOp::create(b, loc, to, value);
    if (fromFloat.getWidth() > toFloat.getWidth())
      return arith::TruncFOp::create(b, loc, to, value);
    // Same width, different formats (f16 and bf16): through f32.
    Value wide = arith::ExtFOp::create(b, loc, b.getF32Type(), value);
    return arith::TruncFOp::create(b, loc, to, wide);
  }
  if (fromFloat) {
    if (toUnsigned)
      return arith::FPToUIOp::create(b, loc, to, value);
    return arith::FPToSIOp::create(b, loc, to, value);
  }
  // A boolean converts as 0 or 1, never as -1.
  bool unsignedSource = fromUnsigned || from.isInteger(1);
  if (toFloat) {
    if (unsignedSource)
      return arith::UIToFPOp::create(b, loc, to, value);
    return arith::SIToFPOp::create(b, loc, to, value);
  }
  unsigned fromWidth = from.getIntOrFloatBitWidth();
  unsigned toWidth = to.getIntOrFloatBitWidth();
  if (fromWidth > toWidth)
    return arith::TruncIOp::create(b, loc, to, value);
  if (fromWidth == toWidth)
    return value;
  if (unsignedSource)
    return arith::ExtUIOp::create(b, loc, to, value);
  return arith::ExtSIOp::create(b, loc, to, value);
}

Value lowering::expandShape(OpBuilder &b, Location loc, Value source,
             ArrayRef<ReassociationIndices> reassociation,
             ArrayRef<OpFoldResult> outputSizes) {
  Type elementType = cast<RankedTensorType>(source.getType()).getElementType();
  SmallVector<int64_t> shape;
  for (OpFoldResult size : outputSizes)
    shape.push_back(getConstantIntValue(size).value_or(ShapedType::kDynamic));
  auto type = RankedTensorType::get(shape, elementType);
  bool severalDynamic = llvm::any_of(reassociation, [&](const auto &group) {
    return llvm::count_if(group, [&](int64_t d) {
             return isa<Value>(outputSizes[d]);
           }) > 1;
  });
  if (!severalDynamic)
    return tensor::ExpandShapeOp::create(b, loc, type, source, reassociation,
                                         outputSizes);
  // A group that expands into several dynamic sizes crashes upstream's
  // expand-strided-metadata (MLIR 22) once bufferized: copy instead, each
  // source index the row-major linearization of its group's indices.
  SmallVector<Value> dynamicSizes;
  for (OpFoldResult size : outputSizes)
    if (auto value = dyn_cast<Value>(size))
      dynamicSizes.push_back(value);
  Value init = tensor::EmptyOp::create(b, loc, type.getShape(), elementType,
                                       dynamicSizes);
  int64_t rank = type.getRank();
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{type}, ValueRange{}, ValueRange{init},
      SmallVector<AffineMap>{b.getMultiDimIdentityMap(rank)}, iterators,
      [&](OpBuilder &nb, Location nl, ValueRange) {
        SmallVector<Value> indices;
        for (const ReassociationIndices &group : reassociation) {
          Value linear = arith::ConstantIndexOp::create(nb, nl, 0);
          for (int64_t d : group) {
            Value size = tensor::DimOp::create(nb, nl, init, d);
            Value index = linalg::IndexOp::create(nb, nl, d);
            Value scaled = arith::MulIOp::create(nb, nl, linear, size);
            linear = arith::AddIOp::create(nb, nl, scaled, index);
          }
          indices.push_back(linear);
        }
        Value element = tensor::ExtractOp::create(nb, nl, source, indices);
        linalg::YieldOp::create(nb, nl, element);
      });
  return generic.getResult(0);
}
