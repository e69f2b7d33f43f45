//===- DFGFolders.cpp - dfg folders and canonicalization patterns ---------===//
//
// Folds are exact: an identity is removed only when it changes no bit of any
// result (x + -0.0, x * 1, x - 0, x / 1 for floats), and constant folding
// uses the same IEEE arithmetic as the generated code.
//
//===----------------------------------------------------------------------===//

#include "dfg/Dialect/DFG/IR/DFGOps.h"

#include "mlir/Dialect/CommonFolders.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/APSInt.h"

#include <cstring>

using namespace mlir;
using namespace mlir::dfg;

/// The splat value of a constant operand, if it is a splat.
static Attribute getSplat(Attribute attr) {
  auto splat = dyn_cast_if_present<SplatElementsAttr>(attr);
  return splat ? splat.getSplatValue<Attribute>() : Attribute();
}

static bool isSplatOf(Attribute attr, llvm::function_ref<bool(APFloat)> isF,
                      llvm::function_ref<bool(APInt)> isI) {
  Attribute value = getSplat(attr);
  if (auto f = dyn_cast_if_present<FloatAttr>(value))
    return isF(f.getValue());
  if (auto i = dyn_cast_if_present<IntegerAttr>(value))
    return isI(i.getValue());
  return false;
}

static bool isZero(Attribute attr) {
  return isSplatOf(
      attr, [](APFloat f) { return f.isZero() && !f.isNegative(); },
      [](APInt i) { return i.isZero(); });
}

static bool isNegZeroOrIntZero(Attribute attr) {
  return isSplatOf(
      attr, [](APFloat f) { return f.isNegZero(); },
      [](APInt i) { return i.isZero(); });
}

static bool isOne(Attribute attr) {
  return isSplatOf(
      attr, [](APFloat f) { return f.isExactlyValue(1.0); },
      [](APInt i) { return i.isOne(); });
}

/// Constant results with more elements than this (unless every operand is
/// a splat) are left to run time: shape arithmetic is far smaller, and big
/// tensors belong to the compiled code rather than to the compiler's memory.
static constexpr int64_t kMaxFoldedElements = 4096;

/// The element kind a folding function reads: APFloat, APInt, or Attribute
/// for any element.
template <typename T> static bool hasElementsOf(DenseElementsAttr attr) {
  if constexpr (std::is_same_v<T, APFloat>)
    return isa<FloatType>(attr.getElementType());
  else if constexpr (std::is_same_v<T, APInt>)
    return isa<IntegerType>(attr.getElementType());
  else
    return true;
}

/// Folds an elementwise op over dense constant operands, broadcast numpy
/// style to the static `resultType`: `fn` maps the operands' elements at
/// one position to the result's element there, or gives std::nullopt to
/// leave the op to run time (a value the generated code defines otherwise
/// or not at all). All operands of `In` elements; null when it does not
/// apply.
template <typename In, typename Out>
static Attribute
foldElementwise(ArrayRef<Attribute> operands, RankedTensorType resultType,
                llvm::function_ref<std::optional<Out>(ArrayRef<In>)> fn) {
  if (!resultType.hasStaticShape())
    return {};
  ArrayRef<int64_t> shape = resultType.getShape();
  int64_t rank = resultType.getRank();
  SmallVector<DenseElementsAttr> inputs;
  bool allSplat = true;
  for (Attribute operand : operands) {
    auto dense = dyn_cast_if_present<DenseElementsAttr>(operand);
    if (!dense || !hasElementsOf<In>(dense))
      return {};
    ArrayRef<int64_t> inputShape = dense.getType().getShape();
    int64_t offset = rank - static_cast<int64_t>(inputShape.size());
    if (offset < 0)
      return {};
    for (auto [d, size] : llvm::enumerate(inputShape))
      if (size != 1 && size != shape[offset + d])
        return {};
    inputs.push_back(dense);
    allSplat &= dense.isSplat();
  }
  // Splat operands give a splat result of any size.
  int64_t count = allSplat ? 1 : resultType.getNumElements();
  if (count > kMaxFoldedElements)
    return {};

  // Each operand's elements, and its strides in the result's dimensions (0
  // along broadcast ones).
  SmallVector<SmallVector<In>> values;
  SmallVector<SmallVector<int64_t>> strides;
  for (DenseElementsAttr input : inputs) {
    SmallVector<int64_t> inputStrides(rank, 0);
    if (input.isSplat()) {
      values.push_back({input.getSplatValue<In>()});
    } else {
      values.push_back(llvm::to_vector(input.getValues<In>()));
      ArrayRef<int64_t> inputShape = input.getType().getShape();
      int64_t offset = rank - static_cast<int64_t>(inputShape.size());
      int64_t stride = 1;
      for (int64_t d = static_cast<int64_t>(inputShape.size()) - 1; d >= 0;
           --d) {
        if (inputShape[d] != 1)
          inputStrides[offset + d] = stride;
        stride *= inputShape[d];
      }
    }
    strides.push_back(std::move(inputStrides));
  }

  SmallVector<Out> results;
  results.reserve(count);
  SmallVector<int64_t> index(rank, 0), positions(inputs.size(), 0);
  SmallVector<In> arguments;
  for (int64_t i = 0; i < count; ++i) {
    arguments.clear();
    for (auto [input, position] : llvm::zip_equal(values, positions))
      arguments.push_back(input[position]);
    std::optional<Out> result = fn(arguments);
    if (!result)
      return {};
    results.push_back(*result);
    if (allSplat)
      break;
    // Row-major step of the result index, and of each operand's position.
    for (int64_t d = rank - 1; d >= 0; --d) {
      for (auto [position, stride] : llvm::zip_equal(positions, strides))
        position += stride[d];
      if (++index[d] < shape[d])
        break;
      for (auto [position, stride] : llvm::zip_equal(positions, strides))
        position -= stride[d] * shape[d];
      index[d] = 0;
    }
  }
  return DenseElementsAttr::get(resultType, ArrayRef<Out>(results));
}

/// Whether integer elements of `type` are read as unsigned, as the lowering
/// reads them: unsigned types, and i1 (a boolean is 0 or 1, never -1).
static bool readsUnsigned(Type type) {
  auto integer = dyn_cast<IntegerType>(getElementTypeOrSelf(type));
  return integer && (integer.isUnsigned() || integer.getWidth() == 1);
}

/// Constant-folds a binary op with `floatFn` on floats and `intFn` on
/// integers (either may be null, or give std::nullopt to leave an element
/// pair to run time).
template <typename OpTy>
static OpFoldResult foldBinaryConstants(
    OpTy op, ArrayRef<Attribute> operands,
    llvm::function_ref<std::optional<APFloat>(const APFloat &, const APFloat &)>
        floatFn,
    llvm::function_ref<std::optional<APInt>(const APInt &, const APInt &)>
        intFn = nullptr) {
  RankedTensorType type = op.getOutput().getType();
  Type element = type.getElementType();
  if (getElementTypeOrSelf(op.getLhs().getType()) != element ||
      getElementTypeOrSelf(op.getRhs().getType()) != element)
    return {};
  if (floatFn && isa<FloatType>(element))
    return foldElementwise<APFloat, APFloat>(
        operands, type,
        [&](ArrayRef<APFloat> x) { return floatFn(x[0], x[1]); });
  if (intFn && isa<IntegerType>(element))
    return foldElementwise<APInt, APInt>(
        operands, type, [&](ArrayRef<APInt> x) { return intFn(x[0], x[1]); });
  return {};
}

/// Constant-folds a unary op that keeps its element type.
template <typename OpTy>
static OpFoldResult foldUnaryConstant(
    OpTy op, Attribute operand,
    llvm::function_ref<std::optional<APFloat>(const APFloat &)> floatFn,
    llvm::function_ref<std::optional<APInt>(const APInt &)> intFn) {
  RankedTensorType type = op.getOutput().getType();
  if (floatFn && isa<FloatType>(type.getElementType()))
    return foldElementwise<APFloat, APFloat>(
        operand, type, [&](ArrayRef<APFloat> x) { return floatFn(x[0]); });
  if (intFn && isa<IntegerType>(type.getElementType()))
    return foldElementwise<APInt, APInt>(
        operand, type, [&](ArrayRef<APInt> x) { return intFn(x[0]); });
  return {};
}

/// The values of a small 1-D integer tensor known at compile time: a
/// constant, or the sizes `dfg.shape_of` would give with std::nullopt for
/// the dynamic ones.
static std::optional<SmallVector<std::optional<int64_t>>>
knownIntVector(Value value, Attribute constant) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || type.getRank() > 1 || !type.hasStaticShape() ||
      type.getNumElements() > 64 ||
      !isa<IntegerType>(type.getElementType()))
    return std::nullopt;
  SmallVector<std::optional<int64_t>> values;
  if (auto dense = dyn_cast_if_present<DenseIntElementsAttr>(constant)) {
    for (const APInt &v : dense.getValues<APInt>())
      values.push_back(type.getElementType().isUnsignedInteger()
                           ? static_cast<int64_t>(v.getZExtValue())
                           : v.getSExtValue());
    return values;
  }
  if (auto shapeOf = value.getDefiningOp<ShapeOfOp>()) {
    for (int64_t size : shapeOf.getInput().getType().getShape())
      values.push_back(ShapedType::isDynamic(size)
                           ? std::nullopt
                           : std::optional<int64_t>(size));
    return values;
  }
  return std::nullopt;
}

/// A 1-D (or 0-D) integer constant of `type` with `values`.
static DenseElementsAttr intVectorAttr(RankedTensorType type,
                                      ArrayRef<int64_t> values) {
  auto integer = cast<IntegerType>(type.getElementType());
  SmallVector<APInt> bits;
  for (int64_t v : values)
    bits.push_back(APInt(integer.getWidth(), v, /*isSigned=*/true,
                         /*implicitTrunc=*/true));
  return DenseElementsAttr::get(type, bits);
}

/// `value` stands for the op's result when their types agree.
static OpFoldResult sameTypeOrNull(Value value, Value result) {
  return value.getType() == result.getType() ? value : OpFoldResult();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValueAttr(); }

// The constant folds compute what the lowering (DFGToLinalg/Elementwise.cpp)
// computes, bit for bit: IEEE arithmetic rounded to nearest even, NaN
// propagating maximum/minimum (arith.maximumf/minimumf, so -0.0 < +0.0),
// booleans added as `or` and multiplied as `and`, unsigned and i1 elements
// compared and ordered as unsigned.

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (isNegZeroOrIntZero(adaptor.getRhs()))
    return sameTypeOrNull(getLhs(), getOutput());
  if (isNegZeroOrIntZero(adaptor.getLhs()))
    return sameTypeOrNull(getRhs(), getOutput());
  return foldBinaryConstants(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return a + b; },
      [](const APInt &a, const APInt &b) {
        return a.getBitWidth() == 1 ? a | b : a + b;
      });
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  if (isZero(adaptor.getRhs()))
    return sameTypeOrNull(getLhs(), getOutput());
  return foldBinaryConstants(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return a - b; },
      [](const APInt &a, const APInt &b) { return a - b; });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (isOne(adaptor.getRhs()))
    return sameTypeOrNull(getLhs(), getOutput());
  if (isOne(adaptor.getLhs()))
    return sameTypeOrNull(getRhs(), getOutput());
  return foldBinaryConstants(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return a * b; },
      [](const APInt &a, const APInt &b) {
        return a.getBitWidth() == 1 ? a & b : a * b;
      });
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  if (isOne(adaptor.getRhs()))
    return sameTypeOrNull(getLhs(), getOutput());
  // Truncating integer division, as ONNX Div. The generated code gives 0
  // for a zero divisor and wraps INT_MIN / -1; neither is an ONNX value, so
  // both are left to run time.
  bool isUnsigned = getOutput().getType().getElementType().isUnsignedInteger();
  return foldBinaryConstants(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return a / b; },
      [&](const APInt &a, const APInt &b) -> std::optional<APInt> {
        if (b.isZero() || a.getBitWidth() == 1)
          return std::nullopt;
        if (isUnsigned)
          return a.udiv(b);
        if (a.isMinSignedValue() && b.isAllOnes())
          return std::nullopt;
        return a.sdiv(b);
      });
}

OpFoldResult MaxOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return sameTypeOrNull(getLhs(), getOutput());
  bool isUnsigned = readsUnsigned(getOutput().getType());
  return foldBinaryConstants(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return llvm::maximum(a, b); },
      [&](const APInt &a, const APInt &b) {
        return isUnsigned ? llvm::APIntOps::umax(a, b)
                          : llvm::APIntOps::smax(a, b);
      });
}

OpFoldResult MinOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return sameTypeOrNull(getLhs(), getOutput());
  bool isUnsigned = readsUnsigned(getOutput().getType());
  return foldBinaryConstants(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return llvm::minimum(a, b); },
      [&](const APInt &a, const APInt &b) {
        return isUnsigned ? llvm::APIntOps::umin(a, b)
                          : llvm::APIntOps::smin(a, b);
      });
}

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  // arith.negf flips the sign bit (of NaN and zeros too); integers wrap.
  return foldUnaryConstant(
      *this, adaptor.getInput(), [](const APFloat &x) { return -x; },
      [](const APInt &x) { return -x; });
}

OpFoldResult AbsOp::fold(FoldAdaptor adaptor) {
  // math.absf clears the sign bit; math.absi keeps INT_MIN; unsigned
  // elements are their own absolute value.
  bool isUnsigned = getOutput().getType().getElementType().isUnsignedInteger();
  return foldUnaryConstant(
      *this, adaptor.getInput(), [](const APFloat &x) { return abs(x); },
      [&](const APInt &x) { return isUnsigned ? x : x.abs(); });
}

OpFoldResult FloorOp::fold(FoldAdaptor adaptor) {
  return foldUnaryConstant(
      *this, adaptor.getInput(),
      [](const APFloat &x) {
        APFloat result = x;
        result.roundToIntegral(APFloat::rmTowardNegative);
        return result;
      },
      nullptr);
}

OpFoldResult CeilOp::fold(FoldAdaptor adaptor) {
  return foldUnaryConstant(
      *this, adaptor.getInput(),
      [](const APFloat &x) {
        APFloat result = x;
        result.roundToIntegral(APFloat::rmTowardPositive);
        return result;
      },
      nullptr);
}

OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  return foldUnaryConstant(*this, adaptor.getInput(), nullptr,
                           [](const APInt &x) { return ~x; });
}

OpFoldResult CompareOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getOutput().getType();
  ComparePredicate predicate = getPredicate();
  if (isa<FloatType>(getElementTypeOrSelf(getLhs().getType()))) {
    // Ordered predicates (false with a NaN), and unordered `ne`.
    return foldElementwise<APFloat, APInt>(
        adaptor.getOperands(), type, [&](ArrayRef<APFloat> x) {
          APFloat::cmpResult order = x[0].compare(x[1]);
          bool holds = false;
          switch (predicate) {
          case ComparePredicate::EQ:
            holds = order == APFloat::cmpEqual;
            break;
          case ComparePredicate::NE:
            holds = order != APFloat::cmpEqual;
            break;
          case ComparePredicate::LT:
            holds = order == APFloat::cmpLessThan;
            break;
          case ComparePredicate::LE:
            holds = order == APFloat::cmpLessThan || order == APFloat::cmpEqual;
            break;
          case ComparePredicate::GT:
            holds = order == APFloat::cmpGreaterThan;
            break;
          case ComparePredicate::GE:
            holds =
                order == APFloat::cmpGreaterThan || order == APFloat::cmpEqual;
            break;
          }
          return std::optional<APInt>(APInt(1, holds));
        });
  }
  bool isUnsigned = readsUnsigned(getLhs().getType());
  return foldElementwise<APInt, APInt>(
      adaptor.getOperands(), type, [&](ArrayRef<APInt> x) {
        const APInt &a = x[0], &b = x[1];
        bool holds = false;
        switch (predicate) {
        case ComparePredicate::EQ:
          holds = a == b;
          break;
        case ComparePredicate::NE:
          holds = a != b;
          break;
        case ComparePredicate::LT:
          holds = isUnsigned ? a.ult(b) : a.slt(b);
          break;
        case ComparePredicate::LE:
          holds = isUnsigned ? a.ule(b) : a.sle(b);
          break;
        case ComparePredicate::GT:
          holds = isUnsigned ? a.ugt(b) : a.sgt(b);
          break;
        case ComparePredicate::GE:
          holds = isUnsigned ? a.uge(b) : a.sge(b);
          break;
        }
        return std::optional<APInt>(APInt(1, holds));
      });
}

OpFoldResult ClampOp::fold(FoldAdaptor) {
  if (getMin().isInfinity() && getMin().isNegative() &&
      getMax().isInfinity() && !getMax().isNegative())
    return sameTypeOrNull(getInput(), getOutput());
  return {};
}

/// One element converted as the lowering's convertScalar converts it
/// (arith.cmpf une / cmpi ne to i1, extf / truncf, fptosi / fptoui,
/// sitofp / uitofp, trunci / extsi / extui); std::nullopt where the
/// conversion has no defined value (NaN or out-of-range float to integer).
static std::optional<Attribute>
castElement(Attribute element, Type to, bool fromUnsigned, bool toUnsigned) {
  Type from = cast<TypedAttr>(element).getType();
  if (auto f = dyn_cast<FloatAttr>(element)) {
    const APFloat &value = f.getValue();
    if (to.isInteger(1))
      return IntegerAttr::get(to, APInt(1, !value.isZero()));
    if (auto toFloat = dyn_cast<FloatType>(to)) {
      APFloat result = value;
      bool losesInfo = false;
      // Same width, other format (f16, bf16): through f32, as the lowering.
      if (cast<FloatType>(from).getWidth() == toFloat.getWidth())
        result.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven,
                       &losesInfo);
      result.convert(toFloat.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                     &losesInfo);
      return FloatAttr::get(to, result);
    }
    APSInt result(to.getIntOrFloatBitWidth(), toUnsigned);
    bool isExact = false;
    if (value.convertToInteger(result, APFloat::rmTowardZero, &isExact) &
        APFloat::opInvalidOp)
      return std::nullopt;
    return IntegerAttr::get(to, result);
  }
  const APInt &value = cast<IntegerAttr>(element).getValue();
  bool unsignedSource = fromUnsigned || from.isInteger(1);
  if (to.isInteger(1))
    return IntegerAttr::get(to, APInt(1, !value.isZero()));
  if (auto toFloat = dyn_cast<FloatType>(to)) {
    APFloat result(toFloat.getFloatSemantics());
    result.convertFromAPInt(value, /*IsSigned=*/!unsignedSource,
                            APFloat::rmNearestTiesToEven);
    return FloatAttr::get(to, result);
  }
  unsigned width = to.getIntOrFloatBitWidth();
  return IntegerAttr::get(to, unsignedSource ? value.zextOrTrunc(width)
                                             : value.sextOrTrunc(width));
}

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getOutput().getType())
    return getInput();
  auto type = cast<RankedTensorType>(getOutput().getType());
  Type to = type.getElementType();
  Type from = getElementTypeOrSelf(getInput().getType());
  if (!to.isIntOrFloat() || !from.isIntOrFloat())
    return {};
  bool fromUnsigned = from.isUnsignedInteger();
  bool toUnsigned = to.isUnsignedInteger();
  return foldElementwise<Attribute, Attribute>(
      adaptor.getInput(), type, [&](ArrayRef<Attribute> x) {
        return castElement(x[0], to, fromUnsigned, toUnsigned);
      });
}

OpFoldResult SelectOp::fold(FoldAdaptor adaptor) {
  if (getOnTrue() == getOnFalse())
    return sameTypeOrNull(getOnTrue(), getOutput());
  if (auto bit =
          dyn_cast_if_present<IntegerAttr>(getSplat(adaptor.getCondition())))
    return sameTypeOrNull(bit.getValue().isOne() ? getOnTrue() : getOnFalse(),
                          getOutput());
  auto type = cast<RankedTensorType>(getOutput().getType());
  if (getElementTypeOrSelf(getOnTrue().getType()) != type.getElementType() ||
      getElementTypeOrSelf(getOnFalse().getType()) != type.getElementType())
    return {};
  return foldElementwise<Attribute, Attribute>(
      adaptor.getOperands(), type, [](ArrayRef<Attribute> x) {
        return std::optional<Attribute>(
            cast<IntegerAttr>(x[0]).getValue().isOne() ? x[1] : x[2]);
      });
}

OpFoldResult ReduceOp::fold(FoldAdaptor) {
  if (getAxes().empty())
    return sameTypeOrNull(getInput(), getOutput());
  return {};
}

/// The bytes of a non-splat constant whose elements are whole bytes each:
/// a dense literal or a dense_resource blob.
static std::optional<ArrayRef<char>> rawElementBytes(Attribute attr) {
  auto elements = dyn_cast_if_present<ElementsAttr>(attr);
  if (!elements || elements.isSplat())
    return std::nullopt;
  Type elementType = elements.getElementType();
  if (!elementType.isIntOrFloat() ||
      elementType.getIntOrFloatBitWidth() % 8 != 0)
    return std::nullopt;
  if (auto dense = dyn_cast<DenseElementsAttr>(attr))
    return dense.getRawData();
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return std::nullopt;
    return blob->getData();
  }
  return std::nullopt;
}

/// Transposes of constants larger than this stay run-time ops (the folded
/// copy would be kept in memory while compiling).
static constexpr int64_t kMaxFoldedTransposeBytes = int64_t(256) << 20;

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> permutation = getPermutation();
  if (llvm::all_of(llvm::enumerate(permutation), [](auto entry) {
        return static_cast<int64_t>(entry.index()) == entry.value();
      }))
    return sameTypeOrNull(getInput(), getOutput());

  // A transposed weight (Gemm's transB, say) becomes a constant at compile
  // time instead of a copy at every run.
  auto resultType = dyn_cast<RankedTensorType>(getOutput().getType());
  if (!resultType || !resultType.hasStaticShape())
    return {};
  if (Attribute splat = getSplat(adaptor.getInput()))
    return SplatElementsAttr::get(resultType, splat);
  auto inputType = dyn_cast<RankedTensorType>(getInput().getType());
  if (!inputType || !inputType.hasStaticShape())
    return {};
  int64_t count = resultType.getNumElements();

  // Walk the result in row-major order; the input offset of each element
  // follows from the input strides of the permuted dimensions.
  int64_t rank = resultType.getRank();
  SmallVector<int64_t> inputStrides(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    inputStrides[d] = inputStrides[d + 1] * inputType.getDimSize(d + 1);
  SmallVector<int64_t> strides, sizes(resultType.getShape());
  for (int64_t p : permutation)
    strides.push_back(inputStrides[p]);
  auto walk = [&](llvm::function_ref<void(int64_t, int64_t)> copy) {
    SmallVector<int64_t> index(rank, 0);
    int64_t source = 0;
    for (int64_t i = 0; i < count; ++i) {
      copy(i, source);
      for (int64_t d = rank - 1; d >= 0; --d) {
        source += strides[d];
        if (++index[d] < sizes[d])
          break;
        source -= strides[d] * sizes[d];
        index[d] = 0;
      }
    }
  };

  std::optional<ArrayRef<char>> bytes = rawElementBytes(adaptor.getInput());
  if (!bytes) {
    // Elements narrower than a byte (booleans): element by element, when
    // small.
    auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput());
    if (!dense || dense.isSplat() || count > kMaxFoldedElements)
      return {};
    SmallVector<Attribute> elements =
        llvm::to_vector(dense.getValues<Attribute>());
    SmallVector<Attribute> result(count);
    walk([&](int64_t i, int64_t source) { result[i] = elements[source]; });
    return DenseElementsAttr::get(resultType, result);
  }
  int64_t elementBytes = resultType.getElementTypeBitWidth() / 8;
  if (count * elementBytes > kMaxFoldedTransposeBytes ||
      static_cast<int64_t>(bytes->size()) != count * elementBytes)
    return {};
  std::vector<char> data(bytes->size());
  walk([&](int64_t i, int64_t source) {
    std::memcpy(data.data() + i * elementBytes,
                bytes->data() + source * elementBytes, elementBytes);
  });
  if (isa<DenseElementsAttr>(adaptor.getInput()))
    return DenseElementsAttr::getFromRawBuffer(resultType, data);
  auto resource = cast<DenseResourceElementsAttr>(adaptor.getInput());
  std::string name = (resource.getRawHandle().getKey() + "_transposed").str();
  return DenseResourceElementsAttr::get(
      resultType, name,
      HeapAsmResourceBlob::allocateAndCopyWithAlign(ArrayRef<char>(data),
                                                    alignof(uint64_t)));
}

namespace {
/// transpose(transpose(x, inner), outer) -> transpose(x, inner o outer).
struct ComposeTransposes : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<TransposeOp>();
    if (!inner)
      return rewriter.notifyMatchFailure(op, "input is not a transpose");
    SmallVector<int64_t> composed;
    for (int64_t p : op.getPermutation())
      composed.push_back(inner.getPermutation()[p]);
    rewriter.replaceOpWithNewOp<TransposeOp>(op, op.getType(),
                                             inner.getInput(), composed);
    return success();
  }
};

/// reshape(reshape(x)) -> reshape(x): only the final shape matters.
struct ComposeReshapes : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<ReshapeOp>();
    if (!inner)
      return rewriter.notifyMatchFailure(op, "input is not a reshape");
    rewriter.modifyOpInPlace(
        op, [&] { op.getInputMutable().assign(inner.getInput()); });
    return success();
  }
};

/// f(f(x)) -> x for involutions (neg, not).
template <typename OpTy>
struct FoldInvolution : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().template getDefiningOp<OpTy>();
    if (!inner)
      return rewriter.notifyMatchFailure(op, "input is not the same op");
    if (inner.getInput().getType() != op.getType())
      return rewriter.notifyMatchFailure(op, "types differ in refinement");
    rewriter.replaceOp(op, inner.getInput());
    return success();
  }
};
} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<ComposeTransposes>(context);
}

void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<ComposeReshapes>(context);
}

void NegOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                        MLIRContext *context) {
  results.add<FoldInvolution<NegOp>>(context);
}

void NotOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                        MLIRContext *context) {
  results.add<FoldInvolution<NotOp>>(context);
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getOutput().getType();
  if (getInput().getType() == type && type.getNumDynamicDims() <= 1)
    return getInput();
  // Reshaping a constant is a constant of the new type.
  if (auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    if (type.hasStaticShape())
      return dense.reshape(type);
  return {};
}

OpFoldResult BroadcastToOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getOutput().getType();
  if (getInput().getType() == type && type.hasStaticShape())
    return getInput();
  if (auto splat = dyn_cast_if_present<SplatElementsAttr>(adaptor.getInput()))
    if (type.hasStaticShape())
      return splat.resizeSplat(type);
  return {};
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  if (getInputs().size() == 1)
    return sameTypeOrNull(getInputs().front(), getOutput());
  // Small 1-D integer vectors (shapes) known in full.
  RankedTensorType type = getOutput().getType();
  if (type.getRank() != 1 || !type.hasStaticShape() ||
      !isa<IntegerType>(type.getElementType()))
    return {};
  SmallVector<int64_t> values;
  for (auto [input, constant] :
       llvm::zip_equal(getInputs(), adaptor.getInputs())) {
    std::optional<SmallVector<std::optional<int64_t>>> known =
        knownIntVector(input, constant);
    if (!known)
      return {};
    for (std::optional<int64_t> v : *known) {
      if (!v)
        return {};
      values.push_back(*v);
    }
  }
  return intVectorAttr(type, values);
}

// Shape arithmetic of exported models (Shape -> Gather -> ... -> Reshape)
// folds as far as the static sizes reach, so that later ops get static
// parameters and types.
OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getOutput().getType();
  if (getAxis() != 0 || !type.hasStaticShape() ||
      !isa<IntegerType>(type.getElementType()))
    return {};
  std::optional<SmallVector<std::optional<int64_t>>> data =
      knownIntVector(getInput(), adaptor.getInput());
  auto indices = dyn_cast_if_present<DenseIntElementsAttr>(adaptor.getIndices());
  if (!data || !indices)
    return {};
  SmallVector<int64_t> values;
  int64_t size = static_cast<int64_t>(data->size());
  for (const APInt &index : indices.getValues<APInt>()) {
    int64_t i = index.getSExtValue();
    if (i < 0)
      i += size;
    if (i < 0 || i >= size || !(*data)[i])
      return {};
    values.push_back(*(*data)[i]);
  }
  return intVectorAttr(type, values);
}

OpFoldResult ScatterElementsOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getOutput().getType();
  if (type.getRank() != 1 || getReduction() != ScatterReduction::None ||
      !type.hasStaticShape() || !isa<IntegerType>(type.getElementType()))
    return {};
  std::optional<SmallVector<std::optional<int64_t>>> data =
      knownIntVector(getInput(), adaptor.getInput());
  std::optional<SmallVector<std::optional<int64_t>>> updates =
      knownIntVector(getUpdates(), adaptor.getUpdates());
  auto indices = dyn_cast_if_present<DenseIntElementsAttr>(adaptor.getIndices());
  if (!data || !updates || !indices ||
      updates->size() != static_cast<size_t>(indices.getNumElements()))
    return {};
  SmallVector<std::optional<int64_t>> result = *data;
  int64_t size = static_cast<int64_t>(result.size());
  SmallVector<bool> written(size, false);
  for (auto [index, update] : llvm::zip_equal(indices.getValues<APInt>(),
                                              *updates)) {
    int64_t i = index.getSExtValue();
    if (i < 0)
      i += size;
    // Out of range, or two updates of one element (which wins is
    // unspecified): left to run time.
    if (i < 0 || i >= size || written[i])
      return {};
    written[i] = true;
    result[i] = update;
  }
  SmallVector<int64_t> values;
  for (std::optional<int64_t> v : result) {
    if (!v)
      return {};
    values.push_back(*v);
  }
  return intVectorAttr(type, values);
}

OpFoldResult SliceOp::fold(FoldAdaptor) {
  RankedTensorType input = getInput().getType();
  RankedTensorType output = getOutput().getType();
  if (!input.hasStaticShape() || input != output)
    return {};
  // With positive strides, selecting as many elements as there are means
  // selecting all of them, in order.
  if (llvm::any_of(getStrides(), [](int64_t s) { return s < 0; }))
    return {};
  return getInput();
}

OpFoldResult PadOp::fold(FoldAdaptor) {
  auto isZeroPad = [](int64_t p) { return p == 0; };
  if (llvm::all_of(getLow(), isZeroPad) && llvm::all_of(getHigh(), isZeroPad))
    return sameTypeOrNull(getInput(), getOutput());
  return {};
}
