//===- Math.cpp - ONNX trigonometry, bit shifts, Einsum and Det to dfg ----===//
//
// The trigonometric and hyperbolic functions map one to one; Einsum is
// decomposed into diagonals (a masked sum), sums, transposes, reshapes and
// batched matmuls; Det of small matrices expands the Leibniz formula.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <limits>
#include <map>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {
template <typename OpTy> LogicalResult convertFloatUnary(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  if (!isa<FloatType>(elementTypeOf(*x)))
    return ctx.error("expected a floating-point input");
  ctx.setOutput(0, ctx.create<OpTy>(*x));
  return success();
}

LogicalResult convertBitShift(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> amount = ctx.requiredInput(1);
  if (failed(x) || failed(amount))
    return failure();
  std::string direction = ctx.stringAttr("direction", "");
  if (direction == "LEFT")
    ctx.setOutput(0, ctx.create<ShiftLeftOp>(*x, *amount));
  else if (direction == "RIGHT")
    ctx.setOutput(0, ctx.create<ShiftRightOp>(*x, *amount));
  else
    return ctx.error("expected direction \"LEFT\" or \"RIGHT\", but got \"" +
                     direction + "\"");
  return success();
}

//===----------------------------------------------------------------------===//
// Einsum
//===----------------------------------------------------------------------===//

/// A tensor and the einsum label of each of its dimensions. Letters are
/// their character codes; the dimensions an ellipsis stands for are 256 and
/// up, aligned on the right across operands.
struct Term {
  Value value;
  SmallVector<int> labels;

  ArrayRef<int64_t> shape() const {
    return cast<RankedTensorType>(value.getType()).getShape();
  }
};

constexpr int kEllipsisBase = 256;

/// Parses one side of an equation ("ij", "...ii", "b...k") for an operand
/// of `rank` (or, for the output, `rank` < 0 and `ellipsisRank` given).
FailureOr<SmallVector<int>> parseLabels(NodeContext &ctx, StringRef text,
                                        int64_t rank, int64_t &ellipsisRank) {
  SmallVector<int> labels;
  size_t dots = text.find("...");
  StringRef before = dots == StringRef::npos ? text : text.take_front(dots);
  StringRef after = dots == StringRef::npos ? "" : text.drop_front(dots + 3);
  for (StringRef part : {before, after})
    for (char c : part)
      if (!llvm::isAlpha(c))
        return ctx.error("unexpected character '" + Twine(c) +
                         "' in the equation");
  if (after.contains('.'))
    return ctx.error("expected at most one ellipsis per operand");
  int64_t letters = before.size() + after.size();
  int64_t ellipsis = 0;
  if (rank >= 0) {
    if (dots == StringRef::npos ? letters != rank : letters > rank)
      return ctx.error("the equation term '" + text +
                       "' does not match an "
                       "operand of rank " +
                       Twine(rank));
    ellipsis = dots == StringRef::npos ? 0 : rank - letters;
    ellipsisRank = std::max(ellipsisRank, ellipsis);
  } else if (dots != StringRef::npos) {
    ellipsis = ellipsisRank;
  }
  for (char c : before)
    labels.push_back(c);
  for (int64_t i = 0; i < ellipsis; ++i)
    labels.push_back(kEllipsisBase + i); // realigned once all are known
  for (char c : after)
    labels.push_back(c);
  return labels;
}

/// Sums over the dimensions whose label is not in `keep`, and takes the
/// diagonal of repeated labels first.
FailureOr<Term> reduceTerm(NodeContext &ctx, Term term,
                           llvm::function_ref<bool(int)> keep) {
  Type et = elementTypeOf(term.value);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t p = 0; p < term.labels.size() && !changed; ++p) {
      for (size_t q = p + 1; q < term.labels.size() && !changed; ++q) {
        if (term.labels[p] != term.labels[q])
          continue;
        int64_t n = term.shape()[p];
        if (ShapedType::isDynamic(n) || term.shape()[q] != n)
          return ctx.error("a repeated label needs equal static sizes");
        // x * eye over dimensions p and q, then a sum over q.
        SmallVector<int64_t> maskShape(term.labels.size(), 1);
        maskShape[p] = maskShape[q] = n;
        SmallVector<bool> eye(n * n, false);
        for (int64_t i = 0; i < n; ++i)
          eye[i * n + i] = true;
        Value mask = ctx.constant(DenseElementsAttr::get(
            RankedTensorType::get(maskShape, ctx.builder().getI1Type()),
            ArrayRef<bool>(eye)));
        Value masked =
            ctx.create<SelectOp>(mask, term.value, ctx.scalar(et, 0.0));
        term.value = ctx.create<ReduceOp>(ReduceKind::Sum, masked,
                                          ArrayRef<int64_t>{int64_t(q)}, false);
        term.labels.erase(term.labels.begin() + q);
        changed = true;
      }
    }
  }
  SmallVector<int64_t> axes;
  SmallVector<int> kept;
  for (auto [i, label] : llvm::enumerate(term.labels)) {
    if (keep(label))
      kept.push_back(label);
    else
      axes.push_back(i);
  }
  if (!axes.empty()) {
    term.value = ctx.create<ReduceOp>(ReduceKind::Sum, term.value, axes, false);
    term.labels = kept;
  }
  return term;
}

Value transposeTo(NodeContext &ctx, Term &term, ArrayRef<int> order) {
  SmallVector<int64_t> perm;
  for (int label : order)
    perm.push_back(llvm::find(term.labels, label) - term.labels.begin());
  if (llvm::equal(perm, llvm::seq<int64_t>(0, perm.size())))
    return term.value;
  return ctx.create<TransposeOp>(term.value, perm);
}

Value reshape(NodeContext &ctx, Value x, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(x.getType());
  if (type.getShape() == shape)
    return x;
  return ctx.create<ReshapeOp>(type.clone(shape), x, Value());
}

/// Contracts two terms with a batched matmul: [batch, lhs-only, shared] by
/// [batch, shared, rhs-only], where `needed` tells which labels survive.
Term contract(NodeContext &ctx, Term lhs, Term rhs,
              llvm::function_ref<bool(int)> needed,
              const std::map<int, int64_t> &sizes) {
  SmallVector<int> batch, lhsOnly, shared, rhsOnly;
  for (int label : lhs.labels) {
    if (!llvm::is_contained(rhs.labels, label))
      lhsOnly.push_back(label);
    else if (needed(label))
      batch.push_back(label);
    else
      shared.push_back(label);
  }
  for (int label : rhs.labels)
    if (!llvm::is_contained(lhs.labels, label))
      rhsOnly.push_back(label);
  auto product = [&](ArrayRef<int> labels) {
    int64_t n = 1;
    for (int label : labels)
      n *= sizes.at(label);
    return n;
  };
  SmallVector<int64_t> batchShape;
  for (int label : batch)
    batchShape.push_back(sizes.at(label));

  Value a = transposeTo(
      ctx, lhs, llvm::to_vector(llvm::concat<int>(batch, lhsOnly, shared)));
  Value b = transposeTo(
      ctx, rhs, llvm::to_vector(llvm::concat<int>(batch, shared, rhsOnly)));
  SmallVector<int64_t> aShape(batchShape), bShape(batchShape);
  aShape.append({product(lhsOnly), product(shared)});
  bShape.append({product(shared), product(rhsOnly)});
  Value bMatrix = reshape(ctx, b, bShape);
  Value aMatrix = reshape(ctx, a, aShape);
  Value c = ctx.create<MatmulOp>(aMatrix, bMatrix);
  Term result;
  result.labels = llvm::to_vector(llvm::concat<int>(batch, lhsOnly, rhsOnly));
  SmallVector<int64_t> shape;
  for (int label : result.labels)
    shape.push_back(sizes.at(label));
  result.value = reshape(ctx, c, shape);
  return result;
}

LogicalResult convertEinsum(NodeContext &ctx) {
  std::string equation;
  for (char c : ctx.stringAttr("equation", ""))
    if (!llvm::isSpace(c))
      equation.push_back(c);
  StringRef eq(equation);
  size_t arrow = eq.find("->");
  StringRef lhsText = eq.take_front(arrow);
  SmallVector<StringRef> operandTexts;
  lhsText.split(operandTexts, ',');
  if (operandTexts.size() != ctx.numInputs())
    return ctx.error("the equation has " + Twine(operandTexts.size()) +
                     " operands but the node " + Twine(ctx.numInputs()));

  SmallVector<Term> terms;
  int64_t ellipsisRank = 0;
  for (auto [i, text] : llvm::enumerate(operandTexts)) {
    FailureOr<Value> x = ctx.requiredInput(i);
    if (failed(x))
      return failure();
    auto type = cast<RankedTensorType>(x->getType());
    if (!type.hasStaticShape())
      return ctx.error("expected operands of static shape");
    FailureOr<SmallVector<int>> labels =
        parseLabels(ctx, text, type.getRank(), ellipsisRank);
    if (failed(labels))
      return failure();
    terms.push_back({*x, *labels});
  }
  // Align ellipsis dimensions on the right: an operand with fewer of them
  // takes the last labels.
  for (Term &term : terms) {
    int64_t own = llvm::count_if(
        term.labels, [](int label) { return label >= kEllipsisBase; });
    for (int &label : term.labels)
      if (label >= kEllipsisBase)
        label += ellipsisRank - own;
  }

  SmallVector<int> output;
  if (arrow != StringRef::npos) {
    FailureOr<SmallVector<int>> labels =
        parseLabels(ctx, eq.drop_front(arrow + 2), -1, ellipsisRank);
    if (failed(labels))
      return failure();
    output = *labels;
  } else {
    // Implicit output: the ellipsis, then the labels used once, sorted.
    std::map<int, int> counts;
    for (const Term &term : terms)
      for (int label : term.labels)
        ++counts[label];
    for (auto [label, count] : counts)
      if (label >= kEllipsisBase || count == 1)
        output.push_back(label);
    std::stable_partition(output.begin(), output.end(),
                          [](int label) { return label >= kEllipsisBase; });
  }

  std::map<int, int64_t> sizes;
  for (const Term &term : terms) {
    for (auto [label, size] : llvm::zip(term.labels, term.shape())) {
      auto [it, inserted] = sizes.try_emplace(label, size);
      if (!inserted && it->second != size)
        return ctx.error("label sizes " + Twine(it->second) + " and " +
                         Twine(size) +
                         " differ (broadcasting is not "
                         "supported)");
    }
  }
  for (int label : output)
    if (!sizes.count(label))
      return ctx.error("an output label appears in no operand");

  // Contract left to right; a label survives while the output or a later
  // operand uses it.
  auto usedAfter = [&](size_t index, int label) {
    if (llvm::is_contained(output, label))
      return true;
    for (size_t j = index; j < terms.size(); ++j)
      if (llvm::is_contained(terms[j].labels, label))
        return true;
    return false;
  };
  FailureOr<Term> acc = reduceTerm(
      ctx, terms.front(), [&](int label) { return usedAfter(1, label); });
  if (failed(acc))
    return failure();
  for (size_t i = 1; i < terms.size(); ++i) {
    FailureOr<Term> next = reduceTerm(ctx, terms[i], [&](int label) {
      return usedAfter(i + 1, label) || llvm::is_contained(acc->labels, label);
    });
    if (failed(next))
      return failure();
    acc = contract(
        ctx, *acc, *next, [&](int label) { return usedAfter(i + 1, label); },
        sizes);
  }
  acc = reduceTerm(
      ctx, *acc, [&](int label) { return llvm::is_contained(output, label); });
  if (failed(acc))
    return failure();
  ctx.setOutput(0, transposeTo(ctx, *acc, output));
  return success();
}

//===----------------------------------------------------------------------===//
// Det
//===----------------------------------------------------------------------===//

/// The Leibniz formula: a sum over the n! permutations, fine for the small
/// matrices it is limited to.
LogicalResult convertDet(NodeContext &ctx) {
  FailureOr<Value> input = ctx.requiredInput(0);
  if (failed(input))
    return failure();
  Value x = *input;
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  if (rank < 2 || !isa<FloatType>(type.getElementType()))
    return ctx.error("expected floating-point matrices of shape [..., n, n]");
  int64_t n = type.getDimSize(rank - 1);
  if (ShapedType::isDynamic(n) || type.getDimSize(rank - 2) != n)
    return ctx.error("expected square matrices of static size");
  constexpr int64_t kMaxSize = 4;
  if (n > kMaxSize)
    return ctx.error("determinants of matrices larger than " + Twine(kMaxSize) +
                     "x" + Twine(kMaxSize) + " are not supported");
  // element(i, j) = x[..., i, j] of shape [...].
  auto element = [&](int64_t i, int64_t j) -> Value {
    SmallVector<int64_t> starts(rank, 0),
        limits(rank, std::numeric_limits<int64_t>::max()), strides(rank, 1);
    starts[rank - 2] = i;
    limits[rank - 2] = i + 1;
    starts[rank - 1] = j;
    limits[rank - 1] = j + 1;
    Value slice = ctx.create<SliceOp>(x, starts, limits, strides);
    return ctx.create<ReduceOp>(ReduceKind::Sum, slice,
                                ArrayRef<int64_t>{rank - 2, rank - 1}, false);
  };
  SmallVector<Value> elements;
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < n; ++j)
      elements.push_back(element(i, j));
  SmallVector<int64_t> perm = llvm::to_vector(llvm::seq<int64_t>(0, n));
  Value det;
  do {
    int64_t inversions = 0;
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = i + 1; j < n; ++j)
        inversions += perm[i] > perm[j];
    Value term = elements[perm[0]];
    for (int64_t i = 1; i < n; ++i)
      term = ctx.create<MulOp>(term, elements[i * n + perm[i]]);
    if (!det)
      det = inversions % 2 ? ctx.create<NegOp>(term).getResult() : term;
    else if (inversions % 2)
      det = ctx.create<SubOp>(det, term);
    else
      det = ctx.create<AddOp>(det, term);
  } while (std::next_permutation(perm.begin(), perm.end()));
  ctx.setOutput(0, det);
  return success();
}
} // namespace

void mlir::dfg::onnx_import::registerMathConverters(ConverterRegistry &r) {
  r.add("", "Tan", 1, convertFloatUnary<TanOp>);
  r.add("", "Asin", 1, convertFloatUnary<AsinOp>);
  r.add("", "Acos", 1, convertFloatUnary<AcosOp>);
  r.add("", "Atan", 1, convertFloatUnary<AtanOp>);
  r.add("", "Sinh", 1, convertFloatUnary<SinhOp>);
  r.add("", "Cosh", 1, convertFloatUnary<CoshOp>);
  r.add("", "Asinh", 1, convertFloatUnary<AsinhOp>);
  r.add("", "Acosh", 1, convertFloatUnary<AcoshOp>);
  r.add("", "Atanh", 1, convertFloatUnary<AtanhOp>);
  r.add("", "BitShift", 1, convertBitShift);
  r.add("", "Einsum", 1, convertEinsum);
  r.add("", "Det", 1, convertDet);
}
