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

/// Constant-folds a binary op whose operands and result share one static
/// type (no broadcasting), with `floatFn` and optionally `intFn`.
template <typename OpTy>
static OpFoldResult
foldBinaryConstants(OpTy op, ArrayRef<Attribute> operands,
                    llvm::function_ref<APFloat(const APFloat &,
                                               const APFloat &)>
                        floatFn,
                    llvm::function_ref<APInt(const APInt &, const APInt &)>
                        intFn = nullptr) {
  auto type = op.getOutput().getType();
  if (!type.hasStaticShape() || op.getLhs().getType() != type ||
      op.getRhs().getType() != type)
    return {};
  if (isa<FloatType>(type.getElementType()))
    return constFoldBinaryOp<FloatAttr>(operands, type, floatFn);
  if (intFn && isa<IntegerType>(type.getElementType()))
    return constFoldBinaryOp<IntegerAttr>(operands, type, intFn);
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

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (isNegZeroOrIntZero(adaptor.getRhs()))
    return sameTypeOrNull(getLhs(), getOutput());
  if (isNegZeroOrIntZero(adaptor.getLhs()))
    return sameTypeOrNull(getRhs(), getOutput());
  return foldBinaryConstants(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return a + b; },
      [](const APInt &a, const APInt &b) { return a + b; });
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
      [](const APInt &a, const APInt &b) { return a * b; });
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  if (isOne(adaptor.getRhs()))
    return sameTypeOrNull(getLhs(), getOutput());
  RankedTensorType type = getOutput().getType();
  if (auto integer = dyn_cast<IntegerType>(type.getElementType())) {
    // Truncating division, as ONNX Div on integers. Division by zero and
    // the one signed overflow have no value to fold to: left to run time.
    if (!type.hasStaticShape() || getLhs().getType() != type ||
        getRhs().getType() != type)
      return {};
    bool isUnsigned = integer.isUnsigned();
    return constFoldBinaryOpConditional<IntegerAttr, APInt, void>(
        adaptor.getOperands(), type,
        [&](const APInt &a, const APInt &b) -> std::optional<APInt> {
          if (b.isZero())
            return std::nullopt;
          if (isUnsigned)
            return a.udiv(b);
          if (a.isMinSignedValue() && b.isAllOnes())
            return std::nullopt;
          return a.sdiv(b);
        });
  }
  return foldBinaryConstants(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return a / b; });
}

OpFoldResult MaxOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return sameTypeOrNull(getLhs(), getOutput());
  return foldBinaryConstants(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return llvm::maximum(a, b); });
}

OpFoldResult MinOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return sameTypeOrNull(getLhs(), getOutput());
  return foldBinaryConstants(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return llvm::minimum(a, b); });
}

OpFoldResult ClampOp::fold(FoldAdaptor) {
  if (getMin().isInfinity() && getMin().isNegative() &&
      getMax().isInfinity() && !getMax().isNegative())
    return sameTypeOrNull(getInput(), getOutput());
  return {};
}

OpFoldResult CastOp::fold(FoldAdaptor) {
  return sameTypeOrNull(getInput(), getOutput());
}

OpFoldResult SelectOp::fold(FoldAdaptor adaptor) {
  if (getOnTrue() == getOnFalse())
    return sameTypeOrNull(getOnTrue(), getOutput());
  auto bit = dyn_cast_if_present<IntegerAttr>(getSplat(adaptor.getCondition()));
  if (!bit)
    return {};
  return sameTypeOrNull(bit.getValue().isOne() ? getOnTrue() : getOnFalse(),
                        getOutput());
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
  std::optional<ArrayRef<char>> bytes = rawElementBytes(adaptor.getInput());
  auto inputType = dyn_cast<RankedTensorType>(getInput().getType());
  if (!bytes || !inputType || !inputType.hasStaticShape())
    return {};
  int64_t elementBytes = resultType.getElementTypeBitWidth() / 8;
  int64_t count = resultType.getNumElements();
  if (count * elementBytes > kMaxFoldedTransposeBytes ||
      static_cast<int64_t>(bytes->size()) != count * elementBytes)
    return {};

  // Walk the result in row-major order; the input offset of each element
  // follows from the input strides of the permuted dimensions.
  int64_t rank = resultType.getRank();
  SmallVector<int64_t> inputStrides(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    inputStrides[d] = inputStrides[d + 1] * inputType.getDimSize(d + 1);
  SmallVector<int64_t> strides, sizes(resultType.getShape());
  for (int64_t p : permutation)
    strides.push_back(inputStrides[p]);
  std::vector<char> data(bytes->size());
  SmallVector<int64_t> index(rank, 0);
  int64_t source = 0;
  for (int64_t i = 0; i < count; ++i) {
    std::memcpy(data.data() + i * elementBytes,
                bytes->data() + source * elementBytes, elementBytes);
    for (int64_t d = rank - 1; d >= 0; --d) {
      source += strides[d];
      if (++index[d] < sizes[d])
        break;
      source -= strides[d] * sizes[d];
      index[d] = 0;
    }
  }
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
