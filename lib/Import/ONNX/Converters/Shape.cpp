//===- Shape.cpp - ONNX shape and data movement ops to dfg ----------------===//
//
// Reshapes, slices, concatenation, gathers, padding, tiling and the ops that
// describe shapes (Shape, Size, ConstantOfShape, Range, EyeLike, Trilu).
//
// Models exported from PyTorch compute shapes at run time with chains such
// as Shape -> Gather -> Unsqueeze -> Concat -> Reshape. With static input
// shapes every link of such a chain is known at import, and the ops at its
// end (Reshape, Expand, Tile, Pad, ...) need constant shapes. The data
// movement builders below fold constant operands; the elementwise links
// (Cast, Add, Equal, Where, ...) are folded by the dfg folders, which the
// importer applies to the ops of every node (GraphImporter::importNodes).
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dfg/Dialect/DFG/Utils/ShapeUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {
/// Larger constants are not evaluated element by element at import: shape
/// computations are far smaller, and big tensors belong to the compiled code.
constexpr int64_t kMaxFoldElements = 4096;
/// A slice limit meaning "to the end" (see dfg.slice).
constexpr int64_t kToEnd = std::numeric_limits<int64_t>::max();

//===----------------------------------------------------------------------===//
// Constant evaluation
//===----------------------------------------------------------------------===//

/// The value of `value` when a dense constant defines it.
DenseElementsAttr constantOf(Value value) {
  if (!value)
    return nullptr;
  if (auto op = value.getDefiningOp<ConstantOp>())
    return dyn_cast<DenseElementsAttr>(op.getValue());
  return nullptr;
}

/// Whether a constant is small enough to evaluate element by element.
bool isSmall(DenseElementsAttr value) {
  return value && value.getType().hasStaticShape() &&
         value.getNumElements() <= kMaxFoldElements;
}

/// A constant of `value` that a data movement op may be folded over: any
/// splat (it stays a splat) or a small dense tensor.
DenseElementsAttr foldableOf(Value value) {
  DenseElementsAttr attr = constantOf(value);
  if (attr && (attr.isSplat() || isSmall(attr)))
    return attr;
  return nullptr;
}

int64_t intOf(Attribute element) {
  auto attr = cast<IntegerAttr>(element);
  const APInt &v = attr.getValue();
  if (v.getBitWidth() == 1 || attr.getType().isUnsignedInteger())
    return static_cast<int64_t>(v.getZExtValue());
  return v.getSExtValue();
}

double floatOf(Attribute element) {
  return cast<FloatAttr>(element).getValueAsDouble();
}

/// An element of `type` holding `v`, wrapped to its width as ONNX's integer
/// arithmetic does.
Attribute intElement(Type type, int64_t v) {
  return IntegerAttr::get(type, APInt(type.getIntOrFloatBitWidth(),
                                      static_cast<uint64_t>(v),
                                      /*isSigned=*/true,
                                      /*implicitTrunc=*/true));
}

Attribute numberElement(Type type, double v) {
  if (isa<FloatType>(type))
    return FloatAttr::get(type, v);
  return intElement(type, static_cast<int64_t>(v));
}

SmallVector<int64_t> intsOf(DenseElementsAttr value) {
  SmallVector<int64_t> result;
  for (Attribute element : value.getValues<Attribute>())
    result.push_back(intOf(element));
  return result;
}

/// Row-major linear position of `index` in `shape`.
int64_t linearize(ArrayRef<int64_t> index, ArrayRef<int64_t> shape) {
  int64_t position = 0;
  for (auto [i, size] : llvm::zip_equal(index, shape))
    position = position * size + i;
  return position;
}

/// Advances a row-major multi-index; false after the last one.
bool increment(MutableArrayRef<int64_t> index, ArrayRef<int64_t> shape) {
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
    if (++index[d] < shape[d])
      return true;
    index[d] = 0;
  }
  return false;
}

/// The constant of static `type` whose element at each index is the element
/// of `source` at `sourceIndex(index)` (a multi-index into `source`).
DenseElementsAttr
remap(DenseElementsAttr source, RankedTensorType type,
      llvm::function_ref<void(ArrayRef<int64_t>, SmallVectorImpl<int64_t> &)>
          sourceIndex) {
  if (source.isSplat())
    return source.resizeSplat(type);
  SmallVector<Attribute> elements =
      llvm::to_vector(source.getValues<Attribute>());
  ArrayRef<int64_t> sourceShape = source.getType().getShape();
  SmallVector<Attribute> result;
  result.reserve(type.getNumElements());
  if (type.getNumElements() > 0) {
    SmallVector<int64_t> index(type.getRank(), 0), from;
    do {
      from.clear();
      sourceIndex(index, from);
      result.push_back(elements[linearize(from, sourceShape)]);
    } while (increment(index, type.getShape()));
  }
  return DenseElementsAttr::get(type, result);
}

/// numpy broadcasting of a constant to static `type`.
DenseElementsAttr broadcastConstant(DenseElementsAttr source,
                                    RankedTensorType type) {
  ArrayRef<int64_t> shape = source.getType().getShape();
  int64_t offset = type.getRank() - static_cast<int64_t>(shape.size());
  return remap(source, type,
               [&](ArrayRef<int64_t> index, SmallVectorImpl<int64_t> &from) {
                 for (auto [d, size] : llvm::enumerate(shape))
                   from.push_back(size == 1 ? 0 : index[offset + d]);
               });
}

//===----------------------------------------------------------------------===//
// Folding builders
//===----------------------------------------------------------------------===//

// Reshape and transpose fold with the dfg folders at once (createOrFold),
// since later ops of the same node may need their results as constants.
// Slices, concatenations, broadcasts and gathers of small constants are
// folded here: their folders cover only splats and short integer vectors.

/// `type` refined with ONNX shape inference's hint for output `index`.
RankedTensorType refineWithHint(NodeContext &ctx, unsigned index,
                                RankedTensorType type) {
  RankedTensorType hint = ctx.outputTypeHint(index);
  if (!hint || hint.getElementType() != type.getElementType() ||
      !areCompatibleShapes(hint.getShape(), type.getShape()))
    return type;
  return type.clone(joinShapes(hint.getShape(), type.getShape()));
}

/// `x` reshaped to `type`; `shape` gives the sizes at run time when `type`
/// has more than one dynamic dimension.
Value reshape(NodeContext &ctx, Value x, RankedTensorType type,
              Value shape = nullptr) {
  if (typeOf(x) == type && type.getNumDynamicDims() <= 1)
    return x;
  return ctx.createOrFold<ReshapeOp>(type, x, shape);
}

Value reshape(NodeContext &ctx, Value x, ArrayRef<int64_t> shape) {
  return reshape(ctx, x, typeOf(x).clone(shape));
}

Value transpose(NodeContext &ctx, Value x, ArrayRef<int64_t> permutation) {
  if (llvm::equal(permutation, llvm::seq<int64_t>(0, permutation.size())))
    return x;
  return ctx.createOrFold<TransposeOp>(x, permutation);
}

/// numpy's `x[starts : limits : strides]` per dimension.
Value slice(NodeContext &ctx, Value x, ArrayRef<int64_t> starts,
            ArrayRef<int64_t> limits, ArrayRef<int64_t> strides) {
  RankedTensorType type = typeOf(x);
  DenseElementsAttr value = foldableOf(x);
  if (!value || !type.hasStaticShape() ||
      static_cast<int64_t>(starts.size()) != type.getRank() ||
      llvm::is_contained(strides, 0))
    return ctx.create<SliceOp>(x, starts, limits, strides);
  SmallVector<int64_t> shape, first;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    int64_t size = type.getDimSize(d);
    shape.push_back(sliceOutputSize(size, starts[d], limits[d], strides[d]));
    // The first index selected, resolved as numpy does.
    int64_t start = starts[d];
    if (start < 0)
      start = start < -size ? (strides[d] > 0 ? 0 : -1) : start + size;
    first.push_back(strides[d] > 0 ? std::min(start, size)
                                   : std::min(start, size - 1));
  }
  return ctx.constant(
      remap(value, type.clone(shape),
            [&](ArrayRef<int64_t> index, SmallVectorImpl<int64_t> &from) {
              for (auto [d, i] : llvm::enumerate(index))
                from.push_back(first[d] + i * strides[d]);
            }));
}

Value concat(NodeContext &ctx, ArrayRef<Value> inputs, int64_t axis) {
  // Inputs with no elements along the axis add nothing (shape arithmetic
  // concatenates empty slices of shapes, as swin_t's does).
  SmallVector<Value> nonEmpty;
  for (Value input : inputs)
    if (axis < 0 || axis >= typeOf(input).getRank() ||
        typeOf(input).getDimSize(axis) != 0)
      nonEmpty.push_back(input);
  if (!nonEmpty.empty() && nonEmpty.size() != inputs.size())
    return concat(ctx, nonEmpty, axis);
  if (inputs.size() == 1)
    return inputs.front();
  SmallVector<DenseElementsAttr> values;
  for (Value input : inputs) {
    DenseElementsAttr value = constantOf(input);
    if (!isSmall(value))
      break;
    values.push_back(value);
  }
  RankedTensorType first = typeOf(inputs.front());
  bool foldable = values.size() == inputs.size() && axis >= 0 &&
                  axis < first.getRank();
  for (Value input : inputs)
    foldable = foldable && typeOf(input).getRank() == first.getRank() &&
               typeOf(input).getElementType() == first.getElementType();
  if (!foldable)
    return ctx.create<ConcatOp>(inputs, axis);
  // Row-major: the result is, for each outer index, the inputs' blocks of
  // dimensions [axis, rank) one after the other.
  SmallVector<int64_t> shape(first.getShape());
  shape[axis] = 0;
  for (Value input : inputs) {
    shape[axis] += typeOf(input).getDimSize(axis);
    for (int64_t d = 0; d < first.getRank(); ++d)
      if (d != axis && typeOf(input).getDimSize(d) != first.getDimSize(d))
        return ctx.create<ConcatOp>(inputs, axis);
  }
  int64_t outer = shapeProduct(first.getShape().take_front(axis));
  SmallVector<SmallVector<Attribute>> elements;
  SmallVector<int64_t> blocks;
  for (auto [input, value] : llvm::zip_equal(inputs, values)) {
    elements.push_back(llvm::to_vector(value.getValues<Attribute>()));
    blocks.push_back(shapeProduct(typeOf(input).getShape().drop_front(axis)));
  }
  SmallVector<Attribute> result;
  for (int64_t o = 0; o < outer; ++o)
    for (auto [block, inputElements] : llvm::zip_equal(blocks, elements))
      llvm::append_range(result, ArrayRef<Attribute>(inputElements)
                                     .slice(o * block, block));
  return ctx.constant(DenseElementsAttr::get(first.clone(shape), result));
}

/// `x` broadcast (numpy rules) to `shape`, which it must broadcast to.
Value broadcastTo(NodeContext &ctx, Value x, ArrayRef<int64_t> shape) {
  RankedTensorType type = typeOf(x).clone(shape);
  if (typeOf(x) == type && type.hasStaticShape())
    return x;
  if (DenseElementsAttr value = foldableOf(x))
    if (type.hasStaticShape() && value.getType().hasStaticShape())
      return ctx.constant(broadcastConstant(value, type));
  return ctx.create<BroadcastToOp>(type, x, Value());
}

/// ONNX Gather of constants; null when an index is out of range.
DenseElementsAttr gatherConstants(DenseElementsAttr data,
                                  DenseElementsAttr indices, int64_t axis) {
  ArrayRef<int64_t> dataShape = data.getType().getShape();
  SmallVector<int64_t> ids = intsOf(indices);
  int64_t size = dataShape[axis];
  for (int64_t &id : ids) {
    if (id < -size || id >= size)
      return nullptr;
    if (id < 0)
      id += size;
  }
  ArrayRef<int64_t> indexShape = indices.getType().getShape();
  SmallVector<int64_t> shape(dataShape.take_front(axis));
  llvm::append_range(shape, indexShape);
  llvm::append_range(shape, dataShape.drop_front(axis + 1));
  int64_t indexRank = indexShape.size();
  return remap(data, RankedTensorType::get(shape, data.getElementType()),
               [&](ArrayRef<int64_t> index, SmallVectorImpl<int64_t> &from) {
                 llvm::append_range(from, index.take_front(axis));
                 from.push_back(ids[linearize(
                     index.slice(axis, indexRank), indexShape)]);
                 llvm::append_range(from, index.drop_front(axis + indexRank));
               });
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Axes from the `axes` attribute (before `inputSince`) or input `index`;
/// std::nullopt when the node gives none.
FailureOr<std::optional<SmallVector<int64_t>>>
axesOperand(NodeContext &ctx, int64_t inputSince, unsigned index) {
  if (ctx.version() < inputSince) {
    if (!ctx.hasAttr("axes"))
      return std::optional<SmallVector<int64_t>>();
    return std::optional<SmallVector<int64_t>>(ctx.intsAttr("axes"));
  }
  if (!ctx.input(index))
    return std::optional<SmallVector<int64_t>>();
  FailureOr<SmallVector<int64_t>> axes = ctx.constantInts(index, "axes");
  if (failed(axes))
    return failure();
  return std::optional<SmallVector<int64_t>>(*axes);
}

/// Normalizes a list of distinct axes against `rank`.
FailureOr<SmallVector<int64_t>>
normalizedAxes(NodeContext &ctx, ArrayRef<int64_t> axes, int64_t rank) {
  SmallVector<int64_t> result;
  for (int64_t axis : axes) {
    FailureOr<int64_t> normalized = normalizeAxis(ctx, axis, rank);
    if (failed(normalized))
      return failure();
    if (llvm::is_contained(result, *normalized))
      return ctx.error("axis " + Twine(axis) + " is repeated");
    result.push_back(*normalized);
  }
  return result;
}

/// Where a dimension of a reshape result comes from, in terms of the input's
/// dimensions: the product of input dimensions [begin, end), or (`rest`)
/// the element count divided by the product of the other result dimensions
/// (Reshape's -1). Static sizes of the result type take precedence.
struct DimSource {
  int64_t begin = 0, end = 0;
  bool rest = false;

  static DimSource of(int64_t d) { return {d, d + 1, false}; }
  static DimSource product(int64_t begin, int64_t end) {
    return {begin, end, false};
  }
  static DimSource one() { return {0, 0, false}; }
  static DimSource remaining() { return {0, 0, true}; }
};

/// The sizes of `type` (a reshape of `x`) as a run-time 1-D i64 tensor,
/// derived symbolically from `x`'s dimensions (dfg.shape_of) by `dims`.
/// Exporters other than PyTorch's leave batch, height and width all dynamic,
/// and a reshape result with more than one dynamic dimension cannot be
/// implied by the element count.
Value derivedShape(NodeContext &ctx, Value x, RankedTensorType type,
                   ArrayRef<DimSource> dims) {
  Value sizes = ctx.create<ShapeOfOp>(x);
  auto product = [&](Value piece) -> Value {
    return ctx.create<ReduceOp>(ReduceKind::Prod, piece, ArrayRef<int64_t>{0},
                                /*keep_dims=*/true);
  };
  SmallVector<Value> pieces;
  std::optional<unsigned> restIndex;
  for (auto [i, source] : llvm::enumerate(dims)) {
    int64_t size = type.getDimSize(i);
    if (!ShapedType::isDynamic(size)) {
      pieces.push_back(ctx.i64Vector({size}));
    } else if (source.rest) {
      restIndex = i;
      pieces.push_back(Value());
    } else if (source.end - source.begin == 1) {
      pieces.push_back(slice(ctx, sizes, {source.begin}, {source.end}, {1}));
    } else {
      pieces.push_back(
          product(slice(ctx, sizes, {source.begin}, {source.end}, {1})));
    }
  }
  if (restIndex) {
    SmallVector<Value> others;
    for (Value piece : pieces)
      if (piece)
        others.push_back(piece);
    Value known = others.empty()
                      ? ctx.i64Vector({1})
                      : product(ctx.create<ConcatOp>(others, int64_t(0)));
    // An empty known product (a zero-sized dimension) would divide by zero.
    Value one = ctx.i64Vector({1});
    Value zero = ctx.i64Vector({0});
    Value isZero = ctx.create<CompareOp>(ComparePredicate::EQ, known, zero);
    Value divisor = ctx.create<SelectOp>(isZero, one, known);
    pieces[*restIndex] = ctx.create<DivOp>(product(sizes), divisor);
  }
  return ctx.create<ConcatOp>(pieces, int64_t(0));
}

/// `x` reshaped to `type`, with sizes derived from `x`'s by `dims` at run
/// time when `type` has more than one dynamic dimension.
Value reshapeDerived(NodeContext &ctx, Value x, RankedTensorType type,
                     ArrayRef<DimSource> dims) {
  if (type.getNumDynamicDims() <= 1)
    return reshape(ctx, x, type);
  return reshape(ctx, x, type, derivedShape(ctx, x, type, dims));
}

/// Sets output 0 to `x` reshaped to `type`, refined with ONNX shape
/// inference's hint. A result with more than one dynamic dimension gets its
/// sizes at run time, derived from `x`'s by `dims` (one per result
/// dimension).
LogicalResult setReshapedOutput(NodeContext &ctx, Value x,
                                RankedTensorType type,
                                ArrayRef<DimSource> dims) {
  RankedTensorType result = refineWithHint(ctx, 0, type);
  ctx.setOutput(0, reshapeDerived(ctx, x, result, dims));
  return success();
}

/// For an op that only reshapes but whose parameters are computed at run
/// time (Squeeze and Unsqueeze axes given as graph inputs): the result type
/// ONNX knows (a declared graph output, or shape inference) fixes the
/// reshape.
LogicalResult reshapeToHint(NodeContext &ctx, Value x, StringRef what) {
  RankedTensorType hint = ctx.outputTypeHint(0);
  if (!hint || hint.getElementType() != typeOf(x).getElementType() ||
      hint.getNumDynamicDims() > 1)
    return ctx.error("expected constant " + what +
                     ", or a result shape ONNX shape inference knows");
  ctx.setOutput(0, reshape(ctx, x, hint));
  return success();
}

std::string formatShape(ArrayRef<int64_t> shape) {
  std::string result = "[";
  for (auto [i, size] : llvm::enumerate(shape)) {
    if (i)
      result += ", ";
    result += ShapedType::isDynamic(size) ? "?" : std::to_string(size);
  }
  return result + "]";
}

/// The double value of a one-element constant.
std::optional<double> scalarOf(DenseElementsAttr value) {
  if (!value || value.getNumElements() != 1)
    return std::nullopt;
  Attribute element = *value.getValues<Attribute>().begin();
  if (isa<FloatAttr>(element))
    return floatOf(element);
  return static_cast<double>(intOf(element));
}

/// `value` with i64 elements (ONNX allows int32 slice parameters and pads).
Value toI64(NodeContext &ctx, Value value) {
  RankedTensorType type = typeOf(value);
  Type i64 = ctx.builder().getI64Type();
  if (type.getElementType() == i64)
    return value;
  if (DenseElementsAttr c = foldableOf(value))
    if (type.hasStaticShape())
      return ctx.constant(DenseElementsAttr::get(type.clone(i64),
                                                 ArrayRef(intsOf(c))));
  return ctx.create<CastOp>(type.clone(i64), value);
}

/// Where per-axis parameters (Slice starts, Pad amounts, ...) go among the
/// `rank` dimensions of a tensor: constant normalized axes, or axes
/// computed at run time (negative ones count from the end).
struct AxisMap {
  int64_t rank;
  std::optional<SmallVector<int64_t>> axes;
  Value runtimeAxes;
};

/// A 1-D i64 tensor of `map.rank` entries holding `values` (one per axis) at
/// their axes and `fill` elsewhere; a constant when everything is known.
Value spreadOverAxes(NodeContext &ctx, Value values, const AxisMap &map,
                     int64_t fill) {
  SmallVector<int64_t> filled(map.rank, fill);
  if (map.axes) {
    if (llvm::equal(*map.axes, llvm::seq<int64_t>(0, map.rank)))
      return toI64(ctx, values);
    if (DenseElementsAttr c = foldableOf(values)) {
      SmallVector<int64_t> ints = intsOf(c);
      if (ints.size() == map.axes->size()) {
        for (auto [i, axis] : llvm::enumerate(*map.axes))
          filled[axis] = ints[i];
        return ctx.i64Vector(filled);
      }
    }
  }
  Value indices = map.axes ? ctx.i64Vector(*map.axes) : map.runtimeAxes;
  // One op per statement, in the order GCC's argument evaluation gave: the
  // IR must not depend on the compiler that built the importer.
  Value updates = toI64(ctx, values);
  Value base = ctx.i64Vector(filled);
  return ctx.create<ScatterElementsOp>(base, indices, updates,
                                       /*axis=*/int64_t(0),
                                       ScatterReduction::None);
}

/// Whether any present input among `indices` is computed at run time.
bool hasComputedInput(NodeContext &ctx, ArrayRef<unsigned> indices) {
  return llvm::any_of(indices, [&](unsigned i) {
    return ctx.input(i) && !ctx.constantInput(i);
  });
}

/// Checks that input `index`, when present, is a 1-D integer tensor, and
/// returns its static length (kDynamic when unknown).
FailureOr<int64_t> vectorLength(NodeContext &ctx, unsigned index,
                                StringRef what) {
  RankedTensorType type = ctx.inputType(index);
  if (type.getRank() != 1 || !isa<IntegerType>(type.getElementType()))
    return ctx.error("expected 1-D integer " + what + " (input " +
                     Twine(index) + "), but got a tensor of shape " +
                     formatShape(type.getShape()));
  return type.getDimSize(0);
}

/// The axes of input `index` (Slice, Pad) as an AxisMap: constant ones are
/// normalized and checked; absent ones are the first `count`.
FailureOr<AxisMap> axisMapOf(NodeContext &ctx, unsigned index, int64_t rank,
                             int64_t count) {
  AxisMap map{rank, std::nullopt, Value()};
  if (!ctx.input(index)) {
    if (ShapedType::isDynamic(count))
      return ctx.error("expected parameters of static length when no axes "
                       "are given");
    if (count > rank)
      return ctx.error("expected at most " + Twine(rank) +
                       " entries (the input rank), but got " + Twine(count));
    map.axes = llvm::to_vector(llvm::seq<int64_t>(0, count));
    return map;
  }
  if (DenseElementsAttr value = ctx.constantInput(index)) {
    FailureOr<SmallVector<int64_t>> axes =
        normalizedAxes(ctx, intsOf(value), rank);
    if (failed(axes))
      return failure();
    map.axes = *axes;
    return map;
  }
  map.runtimeAxes = toI64(ctx, ctx.input(index));
  return map;
}

//===----------------------------------------------------------------------===//
// Converters
//===----------------------------------------------------------------------===//

/// The ONNX Reshape target resolved against `input`: 0 copies the input
/// dimension (unless `allowZero`), -1 takes what is left.
FailureOr<SmallVector<int64_t>>
resolveReshape(NodeContext &ctx, ArrayRef<int64_t> input,
               ArrayRef<int64_t> target, bool allowZero,
               SmallVectorImpl<DimSource> &sources) {
  SmallVector<int64_t> shape;
  int64_t inferred = -1;
  for (auto [i, size] : llvm::enumerate(target)) {
    if (size == 0 && !allowZero) {
      if (i >= input.size())
        return ctx.error("shape entry " + Twine(i) +
                         " is 0 (copy the input dimension), but the input "
                         "has rank " +
                         Twine(input.size()));
      shape.push_back(input[i]);
      sources.push_back(DimSource::of(i));
    } else if (size == -1) {
      if (inferred >= 0)
        return ctx.error("expected at most one -1 in the shape " +
                         formatShape(target));
      inferred = i;
      shape.push_back(ShapedType::kDynamic);
      sources.push_back(DimSource::remaining());
    } else if (size < 0) {
      return ctx.error("invalid shape entry " + Twine(size));
    } else {
      shape.push_back(size);
      sources.push_back(DimSource::one());
    }
  }
  int64_t count = shapeProduct(input);
  if (inferred >= 0) {
    int64_t known = 1;
    for (auto [i, size] : llvm::enumerate(shape))
      if (static_cast<int64_t>(i) != inferred)
        known = ShapedType::isDynamic(size) || ShapedType::isDynamic(known) ||
                        llvm::MulOverflow(known, size, known)
                    ? ShapedType::kDynamic
                    : known;
    if (!ShapedType::isDynamic(count) && !ShapedType::isDynamic(known)) {
      if (known == 0 || count % known != 0)
        return ctx.error("cannot infer the -1 of shape " +
                         formatShape(target) + " for an input of " +
                         Twine(count) + " elements");
      shape[inferred] = count / known;
    }
  }
  int64_t resultCount = shapeProduct(shape);
  // Static sizes whose product is not representable (shapeProduct gives
  // kDynamic): no tensor has that many elements.
  if (ShapedType::isDynamic(resultCount) &&
      llvm::none_of(shape, ShapedType::isDynamic))
    return ctx.error("cannot reshape " + formatShape(input) + " to " +
                     formatShape(target) +
                     ": its element count overflows 64 bits");
  if (!ShapedType::isDynamic(count) && !ShapedType::isDynamic(resultCount) &&
      count != resultCount)
    return ctx.error("cannot reshape " + formatShape(input) + " (" +
                     Twine(count) + " elements) to " + formatShape(target));
  return shape;
}

/// ONNX Reshape's `target` (computed at run time) resolved against `x`'s
/// sizes at run time: a 0 copies the input dimension (unless `allowZero`),
/// a -1 takes the element count over the product of the other sizes.
Value resolveRuntimeShape(NodeContext &ctx, Value x, Value target,
                          bool allowZero) {
  int64_t length = typeOf(target).getDimSize(0);
  int64_t rank = typeOf(x).getRank();
  Value sizes = ctx.create<ShapeOfOp>(x);
  Value resolved = target;
  if (!allowZero) {
    // The input's sizes over the target's length (a 0 past the input's rank
    // is invalid ONNX; it reads 1 here).
    Value copies = slice(ctx, sizes, {0}, {std::min(length, rank)}, {1});
    if (length > rank)
      copies = ctx.create<ConcatOp>(
          ValueRange{copies,
                     ctx.i64Vector(SmallVector<int64_t>(length - rank, 1))},
          int64_t(0));
    Value isZero =
        ctx.create<CompareOp>(ComparePredicate::EQ, target, ctx.i64Vector({0}));
    resolved = ctx.create<SelectOp>(isZero, copies, target);
  }
  Value one = ctx.i64Vector({1});
  Value isRest = ctx.create<CompareOp>(ComparePredicate::EQ, resolved,
                                       ctx.i64Vector({-1}));
  Value known = ctx.create<ReduceOp>(
      ReduceKind::Prod, ctx.create<SelectOp>(isRest, one, resolved),
      ArrayRef<int64_t>{0}, /*keep_dims=*/true);
  Value isEmpty =
      ctx.create<CompareOp>(ComparePredicate::EQ, known, ctx.i64Vector({0}));
  Value divisor = ctx.create<SelectOp>(isEmpty, one, known);
  Value count = ctx.create<ReduceOp>(ReduceKind::Prod, sizes,
                                     ArrayRef<int64_t>{0}, /*keep_dims=*/true);
  Value rest = ctx.create<DivOp>(count, divisor);
  return ctx.create<SelectOp>(isRest, rest, resolved);
}

LogicalResult convertReshape(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType inputType = typeOf(*x);
  SmallVector<int64_t> target;
  if (ctx.version() < 5) {
    target = ctx.intsAttr("shape");
  } else {
    FailureOr<Value> shapeInput = ctx.requiredInput(1);
    if (failed(shapeInput))
      return failure();
    DenseElementsAttr value = ctx.constantInput(1);
    if (!value) {
      // A shape computed at run time: ONNX shape inference may still know
      // the result; otherwise the computed sizes, with their 0 and -1
      // entries resolved at run time, are the shape operand.
      RankedTensorType shapeType = typeOf(*shapeInput);
      if (shapeType.getRank() != 1 || shapeType.isDynamicDim(0) ||
          !shapeType.getElementType().isInteger(64))
        return ctx.error("expected a computed shape of static length and "
                         "int64 elements, but got " +
                         formatShape(shapeType.getShape()));
      RankedTensorType type = inputType.clone(SmallVector<int64_t>(
          shapeType.getDimSize(0), ShapedType::kDynamic));
      type = refineWithHint(ctx, 0, type);
      Value operand;
      if (type.getNumDynamicDims() > 1) {
        bool allowZero = ctx.version() >= 14 && ctx.intAttr("allowzero", 0);
        operand = resolveRuntimeShape(ctx, *x, *shapeInput, allowZero);
      }
      ctx.setOutput(0, reshape(ctx, *x, type, operand));
      return success();
    }
    // ONNX's checker leaves the shape's type to shape inference, which a
    // model may lack: a float shape would otherwise reach intsOf.
    if (!value.getElementType().isInteger(64))
      return ctx.error("expected an int64 shape, but got elements of type " +
                       typeString(value.getElementType()));
    target = intsOf(value);
  }
  bool allowZero = ctx.version() >= 14 && ctx.intAttr("allowzero", 0);
  SmallVector<DimSource> sources;
  FailureOr<SmallVector<int64_t>> shape =
      resolveReshape(ctx, inputType.getShape(), target, allowZero, sources);
  if (failed(shape))
    return failure();
  return setReshapedOutput(ctx, *x, inputType.clone(*shape), sources);
}

LogicalResult convertShape(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  ArrayRef<int64_t> shape = typeOf(*x).getShape();
  int64_t rank = shape.size();
  auto clampIndex = [&](int64_t i) {
    return std::clamp<int64_t>(i < 0 ? i + rank : i, 0, rank);
  };
  int64_t start = 0, end = rank;
  if (ctx.version() >= 15) {
    start = clampIndex(ctx.intAttr("start", 0));
    end = clampIndex(ctx.intAttr("end", rank));
  }
  SmallVector<int64_t> dims(shape.slice(start, std::max(end - start,
                                                        int64_t(0))));
  if (llvm::none_of(dims, ShapedType::isDynamic)) {
    // A dfg.constant: later nodes see these sizes as a constant input.
    ctx.setOutput(0, ctx.i64Vector(dims));
    return success();
  }
  Value sizes = ctx.create<ShapeOfOp>(*x);
  if (start != 0 || end != rank)
    sizes = slice(ctx, sizes, {start}, {end}, {1});
  ctx.setOutput(0, sizes);
  return success();
}

LogicalResult convertSize(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  int64_t count = shapeProduct(typeOf(*x).getShape());
  if (ShapedType::isDynamic(count)) {
    Value sizes = ctx.create<ShapeOfOp>(*x);
    ctx.setOutput(0, ctx.create<ReduceOp>(ReduceKind::Prod, sizes,
                                          ArrayRef<int64_t>{0},
                                          /*keep_dims=*/false));
    return success();
  }
  auto type = RankedTensorType::get({}, ctx.builder().getI64Type());
  ctx.setOutput(0, ctx.constant(DenseElementsAttr::get(type, count)));
  return success();
}

LogicalResult convertFlatten(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  int64_t axis = ctx.intAttr("axis", 1);
  if (axis < -rank || axis > rank)
    return ctx.error("expected axis in [" + Twine(-rank) + ", " + Twine(rank) +
                     "], but got " + Twine(axis));
  if (axis < 0)
    axis += rank;
  SmallVector<int64_t> shape = {shapeProduct(type.getShape().take_front(axis)),
                                shapeProduct(type.getShape().drop_front(axis))};
  return setReshapedOutput(
      ctx, *x, type.clone(shape),
      {DimSource::product(0, axis), DimSource::product(axis, rank)});
}

/// Axes as axesOperand reads them: none when the node gives none.
using OptionalAxes = std::optional<SmallVector<int64_t>>;

/// Squeeze and Unsqueeze: input 0 reshaped to the shape that `shapeFor`
/// derives from its type and the axes (an attribute, or from opset 13 an
/// input). Axes computed at run time leave the result type to ONNX.
LogicalResult convertAxesReshape(
    NodeContext &ctx,
    FailureOr<SmallVector<int64_t>> (*shapeFor)(NodeContext &, RankedTensorType,
                                                const OptionalAxes &,
                                                SmallVectorImpl<DimSource> &)) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  if (ctx.version() >= 13 && ctx.input(1) && !ctx.constantInput(1))
    return reshapeToHint(ctx, *x, "axes");
  RankedTensorType type = typeOf(*x);
  FailureOr<OptionalAxes> axes = axesOperand(ctx, 13, 1);
  if (failed(axes))
    return failure();
  SmallVector<DimSource> sources;
  FailureOr<SmallVector<int64_t>> shape = shapeFor(ctx, type, *axes, sources);
  if (failed(shape))
    return failure();
  return setReshapedOutput(ctx, *x, type.clone(*shape), sources);
}

FailureOr<SmallVector<int64_t>>
squeezedShape(NodeContext &ctx, RankedTensorType type, const OptionalAxes &axes,
              SmallVectorImpl<DimSource> &sources) {
  SmallVector<int64_t> shape;
  if (!axes) {
    // Every dimension of size 1; a dynamic one is assumed not to be.
    for (auto [d, size] : llvm::enumerate(type.getShape())) {
      if (size != 1) {
        shape.push_back(size);
        sources.push_back(DimSource::of(d));
      }
    }
    return shape;
  }
  FailureOr<SmallVector<int64_t>> normalized =
      normalizedAxes(ctx, *axes, type.getRank());
  if (failed(normalized))
    return failure();
  for (auto [d, size] : llvm::enumerate(type.getShape())) {
    if (!llvm::is_contained(*normalized, static_cast<int64_t>(d))) {
      shape.push_back(size);
      sources.push_back(DimSource::of(d));
      continue;
    }
    if (!ShapedType::isDynamic(size) && size != 1)
      return ctx.error("cannot squeeze dimension " + Twine(d) + " of size " +
                       Twine(size));
  }
  return shape;
}

FailureOr<SmallVector<int64_t>>
unsqueezedShape(NodeContext &ctx, RankedTensorType type,
                const OptionalAxes &axes, SmallVectorImpl<DimSource> &sources) {
  if (!axes)
    return ctx.error("expected axes");
  int64_t rank = type.getRank() + axes->size();
  FailureOr<SmallVector<int64_t>> normalized = normalizedAxes(ctx, *axes, rank);
  if (failed(normalized))
    return failure();
  SmallVector<int64_t> shape;
  ArrayRef<int64_t> rest = type.getShape();
  for (int64_t d = 0; d < rank; ++d) {
    if (llvm::is_contained(*normalized, d)) {
      shape.push_back(1);
      sources.push_back(DimSource::one());
    } else {
      sources.push_back(
          DimSource::of(type.getRank() - static_cast<int64_t>(rest.size())));
      shape.push_back(rest.front());
      rest = rest.drop_front();
    }
  }
  return shape;
}

LogicalResult convertSqueeze(NodeContext &ctx) {
  return convertAxesReshape(ctx, squeezedShape);
}

LogicalResult convertUnsqueeze(NodeContext &ctx) {
  return convertAxesReshape(ctx, unsqueezedShape);
}

LogicalResult convertTranspose(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  int64_t rank = typeOf(*x).getRank();
  SmallVector<int64_t> reversed =
      llvm::to_vector(llvm::reverse(llvm::seq<int64_t>(0, rank)));
  SmallVector<int64_t> permutation = ctx.intsAttr("perm", reversed);
  ctx.setOutput(0, transpose(ctx, *x, permutation));
  return success();
}

LogicalResult convertConcat(NodeContext &ctx) {
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < ctx.numInputs(); ++i)
    if (Value input = ctx.input(i))
      inputs.push_back(input);
  if (inputs.empty())
    return ctx.error("expected at least one input");
  // Opset 1 made the axis optional, with 1 for a default.
  if (ctx.version() >= 4 && !ctx.hasAttr("axis"))
    return ctx.error("expected attribute 'axis'");
  FailureOr<int64_t> axis =
      normalizeAxis(ctx, ctx.intAttr("axis", 1), typeOf(inputs[0]).getRank());
  if (failed(axis))
    return failure();
  ctx.setOutput(0, concat(ctx, inputs, *axis));
  return success();
}

LogicalResult convertSplit(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  FailureOr<int64_t> axis =
      normalizeAxis(ctx, ctx.intAttr("axis", 0), type.getRank());
  if (failed(axis))
    return failure();
  int64_t size = type.getDimSize(*axis);
  int64_t parts = ctx.numOutputs();
  SmallVector<int64_t> sizes;
  // Sizes from the `split` attribute (before opset 13) or input 1 (opset
  // 1, and from 13 on).
  if (ctx.version() < 13 && ctx.hasAttr("split")) {
    sizes = ctx.intsAttr("split");
  } else if ((ctx.version() == 1 || ctx.version() >= 13) && ctx.input(1) &&
             ctx.constantInput(1)) {
    FailureOr<SmallVector<int64_t>> split = ctx.constantInts(1, "split");
    if (failed(split))
      return failure();
    sizes = *split;
  } else if ((ctx.version() == 1 || ctx.version() >= 13) && ctx.input(1)) {
    // Sizes computed at run time: the output shapes ONNX knows fix them.
    for (unsigned i = 0; i < ctx.numOutputs(); ++i) {
      RankedTensorType hint = ctx.outputTypeHint(i);
      if (!hint || hint.getRank() != type.getRank() ||
          hint.isDynamicDim(*axis))
        return ctx.error("expected constant split sizes (input 1), or "
                         "output shapes ONNX shape inference knows");
      sizes.push_back(hint.getDimSize(*axis));
    }
  } else {
    if (ShapedType::isDynamic(size))
      return ctx.error("an equal split needs a static dimension " +
                       Twine(*axis));
    if (ctx.version() >= 18 && ctx.hasAttr("num_outputs")) {
      // The last part takes what is left after ceil-sized ones.
      parts = ctx.intAttr("num_outputs", parts);
      if (parts <= 0)
        return ctx.error("expected a positive num_outputs");
      int64_t chunk = (size + parts - 1) / parts;
      for (int64_t i = 0; i < parts; ++i)
        sizes.push_back(std::max<int64_t>(
            0, std::min(chunk, size - chunk * i)));
    } else {
      if (parts == 0 || size % parts != 0)
        return ctx.error("cannot split dimension " + Twine(*axis) +
                         " of size " + Twine(size) + " into " + Twine(parts) +
                         " equal parts");
      sizes.assign(parts, size / parts);
    }
  }
  if (static_cast<int64_t>(sizes.size()) != ctx.numOutputs())
    return ctx.error("expected " + Twine(ctx.numOutputs()) +
                     " split sizes (one per output), but got " +
                     Twine(sizes.size()));
  int64_t total = 0;
  for (int64_t s : sizes) {
    if (s < 0)
      return ctx.error("expected non-negative split sizes");
    total += s;
  }
  if (!ShapedType::isDynamic(size) && total != size)
    return ctx.error("split sizes add up to " + Twine(total) +
                     ", but dimension " + Twine(*axis) + " has " +
                     Twine(size));
  int64_t rank = type.getRank();
  int64_t offset = 0;
  for (auto [i, s] : llvm::enumerate(sizes)) {
    SmallVector<int64_t> starts(rank, 0), limits(rank, kToEnd),
        strides(rank, 1);
    starts[*axis] = offset;
    limits[*axis] = offset + s;
    offset += s;
    if (ctx.hasOutput(i))
      ctx.setOutput(i, slice(ctx, *x, starts, limits, strides));
  }
  return success();
}

/// Slice with parameters computed at run time: a dfg.dynamic_slice over
/// full-rank parameters (the defaults spread over the unsliced axes).
LogicalResult convertDynamicSlice(NodeContext &ctx, Value x) {
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  if (failed(ctx.requiredInput(1)) || failed(ctx.requiredInput(2)))
    return failure();
  static constexpr StringLiteral names[] = {"starts", "ends", "axes",
                                            "steps"};
  int64_t count = ShapedType::kDynamic;
  for (unsigned i = 1; i <= 4; ++i) {
    if (!ctx.input(i))
      continue;
    FailureOr<int64_t> length = vectorLength(ctx, i, names[i - 1]);
    if (failed(length))
      return failure();
    if (!ShapedType::isDynamic(count) && !ShapedType::isDynamic(*length) &&
        count != *length)
      return ctx.error("expected as many starts, ends, axes and steps, but "
                       "got " +
                       Twine(*length) + " " + names[i - 1] + " for " +
                       Twine(count) + " starts");
    if (ShapedType::isDynamic(count))
      count = *length;
  }
  if (DenseElementsAttr steps = ctx.constantInput(4))
    if (llvm::is_contained(intsOf(steps), 0))
      return ctx.error("expected non-zero steps");
  FailureOr<AxisMap> map = axisMapOf(ctx, 3, rank, count);
  if (failed(map))
    return failure();
  Value starts = spreadOverAxes(ctx, ctx.input(1), *map, 0);
  Value limits = spreadOverAxes(ctx, ctx.input(2), *map, kToEnd);
  Value strides = ctx.input(4) ? spreadOverAxes(ctx, ctx.input(4), *map, 1)
                               : ctx.i64Vector(SmallVector<int64_t>(rank, 1));
  // Only the sliced axes change size, and those only ONNX may know.
  SmallVector<int64_t> shape(rank, ShapedType::kDynamic);
  if (map->axes)
    for (int64_t d = 0; d < rank; ++d)
      if (!llvm::is_contained(*map->axes, d))
        shape[d] = type.getDimSize(d);
  RankedTensorType resultType = refineWithHint(ctx, 0, type.clone(shape));
  ctx.setOutput(0, ctx.create<DynamicSliceOp>(resultType, x, starts, limits,
                                              strides));
  return success();
}

LogicalResult convertSlice(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  if (ctx.version() >= 10 && hasComputedInput(ctx, {1, 2, 3, 4}))
    return convertDynamicSlice(ctx, *x);
  SmallVector<int64_t> starts, ends, axes, steps;
  if (ctx.version() < 10) {
    starts = ctx.intsAttr("starts");
    ends = ctx.intsAttr("ends");
    axes = ctx.intsAttr("axes");
  } else {
    FailureOr<SmallVector<int64_t>> s = ctx.constantInts(1, "starts");
    if (failed(s))
      return failure();
    FailureOr<SmallVector<int64_t>> e = ctx.constantInts(2, "ends");
    if (failed(e))
      return failure();
    starts = *s;
    ends = *e;
    if (ctx.input(3)) {
      FailureOr<SmallVector<int64_t>> a = ctx.constantInts(3, "axes");
      if (failed(a))
        return failure();
      axes = *a;
    }
    if (ctx.input(4)) {
      FailureOr<SmallVector<int64_t>> st = ctx.constantInts(4, "steps");
      if (failed(st))
        return failure();
      steps = *st;
    }
  }
  if (axes.empty())
    axes = llvm::to_vector(llvm::seq<int64_t>(0, starts.size()));
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return ctx.error("expected as many starts, ends, axes and steps, but got " +
                     Twine(starts.size()) + ", " + Twine(ends.size()) + ", " +
                     Twine(axes.size()) + " and " + Twine(steps.size()));
  FailureOr<SmallVector<int64_t>> normalized =
      normalizedAxes(ctx, axes, rank);
  if (failed(normalized))
    return failure();
  // ONNX clamps starts and ends as numpy does, so they carry over as they
  // are (INT64_MAX and INT64_MIN ends clamp to either end).
  SmallVector<int64_t> first(rank, 0), limits(rank, kToEnd),
      strides(rank, 1);
  for (auto [i, axis] : llvm::enumerate(*normalized)) {
    if (steps[i] == 0)
      return ctx.error("expected non-zero steps");
    first[axis] = starts[i];
    limits[axis] = ends[i];
    strides[axis] = steps[i];
  }
  ctx.setOutput(0, slice(ctx, *x, first, limits, strides));
  return success();
}

LogicalResult convertGather(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  FailureOr<Value> indices = ctx.requiredInput(1);
  if (failed(x) || failed(indices))
    return failure();
  FailureOr<int64_t> axis =
      normalizeAxis(ctx, ctx.intAttr("axis", 0), typeOf(*x).getRank());
  if (failed(axis))
    return failure();
  DenseElementsAttr data = constantOf(*x);
  DenseElementsAttr ids = constantOf(*indices);
  if (isSmall(data) && isSmall(ids))
    if (DenseElementsAttr value = gatherConstants(data, ids, *axis)) {
      ctx.setOutput(0, ctx.constant(value));
      return success();
    }
  ctx.setOutput(0, ctx.create<GatherOp>(*x, *indices, *axis));
  return success();
}

/// The shape an Expand, ConstantOfShape or Range result takes from a
/// constant input; failure (diagnosed) when it is not constant.
FailureOr<SmallVector<int64_t>> shapeInput(NodeContext &ctx, unsigned index) {
  FailureOr<SmallVector<int64_t>> shape = ctx.constantInts(index, "shape");
  if (failed(shape))
    return failure();
  for (int64_t size : *shape)
    if (size < 0)
      return ctx.error("expected a shape of non-negative sizes, but got " +
                       formatShape(*shape));
  return shape;
}

/// Expand to a shape computed at run time (vit's class token expanded to the
/// batch): the result's sizes are the numpy broadcast of the input's and
/// the target's, taken at run time; static ones come from the input or
/// ONNX shape inference.
LogicalResult convertComputedExpand(NodeContext &ctx, Value x) {
  FailureOr<int64_t> length = vectorLength(ctx, 1, "shape");
  if (failed(length))
    return failure();
  if (ShapedType::isDynamic(*length))
    return ctx.error("expected a computed shape of static length");
  RankedTensorType type = typeOf(x);
  int64_t rank = std::max(type.getRank(), *length);
  // Both shapes padded with leading 1s to the result's rank.
  auto padded = [&](Value sizes, int64_t from) -> Value {
    if (from == rank)
      return sizes;
    return ctx.create<ConcatOp>(
        ValueRange{ctx.i64Vector(SmallVector<int64_t>(rank - from, 1)), sizes},
        int64_t(0));
  };
  Value target = padded(toI64(ctx, ctx.input(1)), *length);
  Value sizes = padded(ctx.create<ShapeOfOp>(x), type.getRank());
  // Where the target is 1 the input's size stays; elsewhere the target's
  // (the input's is then 1 or equal, or the model is invalid).
  Value isOne =
      ctx.create<CompareOp>(ComparePredicate::EQ, target, ctx.i64Vector({1}));
  Value runtimeShape = ctx.create<SelectOp>(isOne, sizes, target);
  SmallVector<int64_t> shape(rank, ShapedType::kDynamic);
  for (int64_t d = 0; d < type.getRank(); ++d) {
    int64_t size = type.getDimSize(d);
    if (!ShapedType::isDynamic(size) && size != 1)
      shape[rank - type.getRank() + d] = size;
  }
  RankedTensorType resultType = refineWithHint(ctx, 0, type.clone(shape));
  if (resultType.hasStaticShape()) {
    ctx.setOutput(0, broadcastTo(ctx, x, resultType.getShape()));
    return success();
  }
  ctx.setOutput(0, ctx.create<BroadcastToOp>(resultType, x, runtimeShape));
  return success();
}

LogicalResult convertExpand(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  SmallVector<int64_t> result;
  if (ctx.constantInput(1)) {
    FailureOr<SmallVector<int64_t>> target = shapeInput(ctx, 1);
    if (failed(target))
      return failure();
    std::optional<SmallVector<int64_t>> shape =
        broadcastShapes({type.getShape(), *target});
    if (!shape)
      return ctx.error("the input shape " + formatShape(type.getShape()) +
                       " does not broadcast with " + formatShape(*target));
    result = *shape;
  } else {
    RankedTensorType hint = ctx.outputTypeHint(0);
    if (!hint || !hint.hasStaticShape())
      return convertComputedExpand(ctx, *x);
    result = llvm::to_vector(hint.getShape());
  }
  ctx.setOutput(0, broadcastTo(ctx, *x, result));
  return success();
}

LogicalResult convertTile(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  SmallVector<int64_t> repeats;
  if (ctx.version() < 6) {
    // Opset 1: `tiles` copies along the dimension `axis`.
    FailureOr<SmallVector<int64_t>> tiles = ctx.constantInts(1, "tiles");
    FailureOr<SmallVector<int64_t>> axis = ctx.constantInts(2, "axis");
    if (failed(tiles) || failed(axis))
      return failure();
    if (tiles->size() != 1 || axis->size() != 1)
      return ctx.error("expected scalar tiles and axis");
    FailureOr<int64_t> normalized = normalizeAxis(ctx, axis->front(), rank);
    if (failed(normalized))
      return failure();
    repeats.assign(rank, 1);
    repeats[*normalized] = tiles->front();
  } else if (ctx.input(1) && !ctx.constantInput(1)) {
    // Repeats computed at run time: the result shape ONNX knows fixes them.
    RankedTensorType hint = ctx.outputTypeHint(0);
    if (!hint || hint.getRank() != rank || !hint.hasStaticShape() ||
        !type.hasStaticShape())
      return ctx.error("expected constant repeats (input 1), or static input "
                       "and result shapes");
    for (auto [in, out] : llvm::zip_equal(type.getShape(), hint.getShape())) {
      if (in == 0 ? out != 0 : out % in != 0)
        return ctx.error("the result shape " + formatShape(hint.getShape()) +
                         " is no tiling of " + formatShape(type.getShape()));
      repeats.push_back(in == 0 ? 1 : out / in);
    }
  } else {
    FailureOr<SmallVector<int64_t>> r = ctx.constantInts(1, "repeats");
    if (failed(r))
      return failure();
    repeats = *r;
  }
  if (static_cast<int64_t>(repeats.size()) != rank)
    return ctx.error("expected " + Twine(rank) +
                     " repeats (the input rank), but got " +
                     Twine(repeats.size()));
  if (llvm::any_of(repeats, [](int64_t r) { return r < 0; }))
    return ctx.error("expected non-negative repeats");
  if (llvm::all_of(repeats, [](int64_t r) { return r == 1; })) {
    ctx.setOutput(0, *x);
    return success();
  }
  // [d0, d1, ...] -> [1, d0, 1, d1, ...] -> broadcast to [r0, d0, r1, d1,
  // ...] -> [r0 * d0, r1 * d1, ...]: copy k of dimension i holds elements
  // k * di to (k + 1) * di - 1.
  SmallVector<int64_t> interleaved, broadcast, result;
  for (auto [size, r] : llvm::zip_equal(type.getShape(), repeats)) {
    interleaved.append({1, size});
    broadcast.append({r, size});
    int64_t tiled = size;
    if (!ShapedType::isDynamic(size) && llvm::MulOverflow(size, r, tiled))
      return ctx.error("the result's size " + Twine(size) + " x " + Twine(r) +
                       " overflows 64 bits");
    result.push_back(tiled);
  }
  RankedTensorType resultType = refineWithHint(ctx, 0, type.clone(result));
  SmallVector<DimSource> interleavedSources, resultSources;
  for (int64_t d = 0; d < rank; ++d) {
    interleavedSources.append({DimSource::one(), DimSource::of(d)});
    resultSources.push_back(DimSource::product(2 * d, 2 * d + 2));
  }
  Value expanded =
      reshapeDerived(ctx, *x, type.clone(interleaved), interleavedSources);
  Value tiled = broadcastTo(ctx, expanded, broadcast);
  ctx.setOutput(0, reshapeDerived(ctx, tiled, resultType, resultSources));
  return success();
}

FailureOr<PadMode> padModeOf(NodeContext &ctx) {
  std::string mode = ctx.stringAttr("mode", "constant");
  if (mode == "constant")
    return PadMode::Constant;
  if (mode == "reflect")
    return PadMode::Reflect;
  if (mode == "edge")
    return PadMode::Edge;
  return ctx.error("unsupported mode '" + mode + "'");
}

/// Pad (opset 11+) with pads, constant_value or axes computed at run time:
/// a dfg.dynamic_pad with the amounts split into low and high and spread
/// over the padded axes.
LogicalResult convertDynamicPad(NodeContext &ctx, Value x) {
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank();
  FailureOr<Value> padsInput = ctx.requiredInput(1);
  if (failed(padsInput))
    return failure();
  FailureOr<int64_t> length = vectorLength(ctx, 1, "pads");
  FailureOr<PadMode> mode = padModeOf(ctx);
  if (failed(length) || failed(mode))
    return failure();
  unsigned axesIndex = ctx.version() >= 18 ? 3 : ~0u;
  int64_t count = rank;
  if (ctx.version() >= 18 && ctx.input(3)) {
    FailureOr<int64_t> axesLength = vectorLength(ctx, 3, "axes");
    if (failed(axesLength))
      return failure();
    count = *axesLength;
  }
  if (ShapedType::isDynamic(count) && !ShapedType::isDynamic(*length) &&
      *length % 2 == 0)
    count = *length / 2;
  if (ShapedType::isDynamic(count))
    return ctx.error("expected pads or axes of static length");
  if (!ShapedType::isDynamic(*length) && *length != 2 * count)
    return ctx.error("expected " + Twine(2 * count) +
                     " pads (twice the padded axes), but got " +
                     Twine(*length));
  FailureOr<AxisMap> map = axisMapOf(ctx, axesIndex, rank, count);
  if (failed(map))
    return failure();
  Value pads = toI64(ctx, *padsInput);
  Value low = spreadOverAxes(ctx, slice(ctx, pads, {0}, {count}, {1}), *map, 0);
  Value high = spreadOverAxes(
      ctx, slice(ctx, pads, {count}, {2 * count}, {1}), *map, 0);
  Value value;
  if (*mode == PadMode::Constant && ctx.input(2)) {
    value = ctx.input(2);
    RankedTensorType valueType = typeOf(value);
    if (valueType.getElementType() != type.getElementType() ||
        !valueType.hasStaticShape() || valueType.getNumElements() != 1)
      return ctx.error("expected a one-element constant_value (input 2) of "
                       "the input's element type");
    value = reshape(ctx, value, ArrayRef<int64_t>{});
  }
  // The padded sizes are known where the amounts are.
  SmallVector<int64_t> shape(rank, ShapedType::kDynamic);
  DenseElementsAttr lowValues = constantOf(low), highValues = constantOf(high);
  for (int64_t d = 0; d < rank; ++d) {
    if (lowValues && highValues && !type.isDynamicDim(d))
      shape[d] = type.getDimSize(d) + intsOf(lowValues)[d] +
                 intsOf(highValues)[d];
    else if (map->axes && !llvm::is_contained(*map->axes, d))
      shape[d] = type.getDimSize(d);
  }
  if (llvm::any_of(shape, [](int64_t s) {
        return s < 0 && !ShapedType::isDynamic(s);
      }))
    return ctx.error("the pads leave a negative size: " + formatShape(shape));
  RankedTensorType resultType = refineWithHint(ctx, 0, type.clone(shape));
  ctx.setOutput(0, ctx.create<DynamicPadOp>(
                       resultType, x, low, high, value,
                       PadModeAttr::get(ctx.context(), *mode)));
  return success();
}

LogicalResult convertPad(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  if (ctx.version() >= 11 && hasComputedInput(ctx, {1, 2, 3}))
    return convertDynamicPad(ctx, *x);
  SmallVector<int64_t> pads;
  double value = 0;
  if (ctx.version() < 11) {
    pads = ctx.intsAttr(ctx.version() < 2 ? "paddings" : "pads");
    value = ctx.floatAttr("value", 0.0);
  } else {
    FailureOr<SmallVector<int64_t>> p = ctx.constantInts(1, "pads");
    if (failed(p))
      return failure();
    pads = *p;
    if (ctx.input(2)) {
      std::optional<double> constantValue = scalarOf(ctx.constantInput(2));
      if (!constantValue)
        return ctx.error("expected a constant scalar constant_value (input "
                         "2); computed values are not supported");
      value = *constantValue;
    }
  }
  // Opset 18: pads for the listed axes only.
  SmallVector<int64_t> axes = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  if (ctx.version() >= 18 && ctx.input(3)) {
    FailureOr<SmallVector<int64_t>> a = ctx.constantInts(3, "axes");
    if (failed(a))
      return failure();
    FailureOr<SmallVector<int64_t>> normalized = normalizedAxes(ctx, *a, rank);
    if (failed(normalized))
      return failure();
    axes = *normalized;
  }
  int64_t count = axes.size();
  if (static_cast<int64_t>(pads.size()) != 2 * count)
    return ctx.error("expected " + Twine(2 * count) +
                     " pads (twice the padded axes), but got " +
                     Twine(pads.size()));
  SmallVector<int64_t> low(rank, 0), high(rank, 0);
  for (auto [i, axis] : llvm::enumerate(axes)) {
    low[axis] = pads[i];
    high[axis] = pads[count + i];
  }
  FailureOr<PadMode> padMode = padModeOf(ctx);
  if (failed(padMode))
    return failure();
  if (isa<IntegerType>(type.getElementType()))
    value = std::trunc(value);
  Builder b(ctx.context());
  ctx.setOutput(0, ctx.create<PadOp>(*x, b.getDenseI64ArrayAttr(low),
                                     b.getDenseI64ArrayAttr(high),
                                     PadModeAttr::get(ctx.context(), *padMode),
                                     b.getF64FloatAttr(value)));
  return success();
}

LogicalResult convertConstantOfShape(NodeContext &ctx) {
  FailureOr<Value> shapeValue = ctx.requiredInput(0);
  if (failed(shapeValue))
    return failure();
  Attribute element = FloatAttr::get(ctx.builder().getF32Type(), 0.0);
  if (ctx.hasAttr("value")) {
    FailureOr<ElementsAttr> value = ctx.tensorAttr("value");
    if (failed(value))
      return failure();
    auto dense = dyn_cast<DenseElementsAttr>(*value);
    if (!dense || dense.getNumElements() != 1)
      return ctx.error("expected a one-element 'value'");
    element = *dense.getValues<Attribute>().begin();
  }
  Type elementType = cast<TypedAttr>(element).getType();
  if (ctx.constantInput(0)) {
    FailureOr<SmallVector<int64_t>> shape = shapeInput(ctx, 0);
    if (failed(shape))
      return failure();
    auto type = RankedTensorType::get(*shape, elementType);
    ctx.setOutput(0, ctx.constant(DenseElementsAttr::get(type, element)));
    return success();
  }
  // A computed shape: the value broadcast to it at run time.
  RankedTensorType shapeType = typeOf(*shapeValue);
  if (shapeType.getRank() != 1 || shapeType.isDynamicDim(0))
    return ctx.error("expected a computed shape of static length");
  RankedTensorType type = refineWithHint(
      ctx, 0,
      RankedTensorType::get(SmallVector<int64_t>(shapeType.getDimSize(0),
                                                 ShapedType::kDynamic),
                            elementType));
  Value scalar = ctx.constant(
      DenseElementsAttr::get(RankedTensorType::get({}, elementType), element));
  ctx.setOutput(0, ctx.create<BroadcastToOp>(
                       type, scalar,
                       type.hasStaticShape() ? Value() : *shapeValue));
  return success();
}

LogicalResult convertRange(NodeContext &ctx) {
  FailureOr<Value> startValue = ctx.requiredInput(0);
  FailureOr<Value> limitValue = ctx.requiredInput(1);
  FailureOr<Value> deltaValue = ctx.requiredInput(2);
  if (failed(startValue) || failed(limitValue) || failed(deltaValue))
    return failure();
  Type elementType = typeOf(*startValue).getElementType();
  std::optional<double> start = scalarOf(ctx.constantInput(0));
  std::optional<double> limit = scalarOf(ctx.constantInput(1));
  std::optional<double> delta = scalarOf(ctx.constantInput(2));
  int64_t count = ShapedType::kDynamic;
  if (start && limit && delta) {
    if (*delta == 0)
      return ctx.error("expected a non-zero delta");
    count = std::max<int64_t>(
        0, static_cast<int64_t>(std::ceil((*limit - *start) / *delta)));
    if (count > kMaxFoldElements * 256)
      return ctx.error("a range of " + Twine(count) +
                       " elements is too large to build at import");
    auto type = RankedTensorType::get({count}, elementType);
    SmallVector<Attribute> elements;
    bool isFloat = isa<FloatType>(elementType);
    for (int64_t i = 0; i < count; ++i) {
      if (isFloat)
        elements.push_back(numberElement(elementType, *start + i * *delta));
      else
        elements.push_back(intElement(
            elementType, static_cast<int64_t>(*start) +
                             i * static_cast<int64_t>(*delta)));
    }
    ctx.setOutput(0, ctx.constant(DenseElementsAttr::get(type, elements)));
    return success();
  }
  // Computed bounds with a length ONNX shape inference knows:
  // start + delta * [0, 1, ..., n-1].
  RankedTensorType hint = ctx.outputTypeHint(0);
  if (!hint || hint.getRank() != 1 || !hint.hasStaticShape()) {
    // The length is only known at run time.
    SmallVector<Value> operands;
    for (Value operand : {*startValue, *limitValue, *deltaValue}) {
      RankedTensorType type = typeOf(operand);
      if (type.getElementType() != elementType || !type.hasStaticShape() ||
          type.getNumElements() != 1)
        return ctx.error("expected one-element start, limit and delta of "
                         "one element type");
      operands.push_back(reshape(ctx, operand, ArrayRef<int64_t>{}));
    }
    auto type = RankedTensorType::get({ShapedType::kDynamic}, elementType);
    ctx.setOutput(0, ctx.create<RangeOp>(refineWithHint(ctx, 0, type),
                                         operands[0], operands[1],
                                         operands[2]));
    return success();
  }
  count = hint.getDimSize(0);
  SmallVector<Attribute> steps;
  for (int64_t i = 0; i < count; ++i)
    steps.push_back(numberElement(elementType, i));
  Value iota = ctx.constant(DenseElementsAttr::get(
      RankedTensorType::get({count}, elementType), steps));
  Value scaled = ctx.create<MulOp>(iota, *deltaValue);
  ctx.setOutput(0, ctx.create<AddOp>(scaled, *startValue));
  return success();
}

/// A constant of `type` (static, rank >= 2) holding `ifTrue` where
/// `predicate(row, column)` of the two innermost dimensions holds.
DenseElementsAttr matrixMask(RankedTensorType type,
                             llvm::function_ref<bool(int64_t, int64_t)>
                                 predicate,
                             Attribute ifTrue, Attribute ifFalse) {
  SmallVector<Attribute> elements;
  int64_t rows = type.getDimSize(type.getRank() - 2);
  int64_t columns = type.getDimSize(type.getRank() - 1);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < columns; ++c)
      elements.push_back(predicate(r, c) ? ifTrue : ifFalse);
  return DenseElementsAttr::get(type, elements);
}

LogicalResult convertEyeLike(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  if (type.getRank() != 2 || !type.hasStaticShape())
    return ctx.error("expected a static 2-D input, but got " +
                     formatShape(type.getShape()));
  Type elementType = type.getElementType();
  if (ctx.hasAttr("dtype")) {
    FailureOr<Type> converted =
        convertElementType(ctx.context(), ctx.intAttr("dtype", 0));
    if (failed(converted))
      return ctx.error("unsupported dtype " + Twine(ctx.intAttr("dtype", 0)));
    elementType = *converted;
  }
  int64_t k = ctx.intAttr("k", 0);
  ctx.setOutput(0, ctx.constant(matrixMask(
                       type.clone(elementType),
                       [&](int64_t r, int64_t c) { return c - r == k; },
                       numberElement(elementType, 1),
                       numberElement(elementType, 0))));
  return success();
}

LogicalResult convertTrilu(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  if (rank < 2 || type.isDynamicDim(rank - 1) || type.isDynamicDim(rank - 2))
    return ctx.error("expected an input whose two innermost dimensions are "
                     "static, but got " +
                     formatShape(type.getShape()));
  bool upper = ctx.intAttr("upper", 1);
  int64_t rows = type.getDimSize(rank - 2), columns = type.getDimSize(rank - 1);
  Builder b(ctx.context());
  if (ctx.input(1) && !ctx.constantInput(1)) {
    // k known at run time: compare it with the constant column - row.
    SmallVector<int64_t> diagonal;
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < columns; ++c)
        diagonal.push_back(c - r);
    Value offsets = ctx.constant(DenseElementsAttr::get(
        RankedTensorType::get({rows, columns}, b.getI64Type()),
        ArrayRef<int64_t>(diagonal)));
    Value mask = ctx.create<CompareOp>(
        upper ? ComparePredicate::GE : ComparePredicate::LE, offsets,
        ctx.input(1));
    ctx.setOutput(0, ctx.create<SelectOp>(
                         mask, *x, ctx.scalar(type.getElementType(), 0)));
    return success();
  }
  int64_t k = 0;
  if (ctx.input(1)) {
    FailureOr<SmallVector<int64_t>> kValue = ctx.constantInts(1, "k");
    if (failed(kValue))
      return failure();
    if (kValue->size() != 1)
      return ctx.error("expected a scalar k");
    k = kValue->front();
  }
  auto maskType = RankedTensorType::get(type.getShape().take_back(2),
                                        b.getI1Type());
  Value mask = ctx.constant(matrixMask(
      maskType,
      [&](int64_t r, int64_t c) { return upper ? c - r >= k : c - r <= k; },
      b.getBoolAttr(true), b.getBoolAttr(false)));
  Value zero = ctx.scalar(type.getElementType(), 0);
  ctx.setOutput(0, ctx.create<SelectOp>(mask, *x, zero));
  return success();
}

/// DepthToSpace and SpaceToDepth on NCHW: reshape, transpose, reshape.
LogicalResult convertDepthSpace(NodeContext &ctx) {
  FailureOr<Value> x = ctx.requiredInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t b = ctx.intAttr("blocksize", 0);
  if (type.getRank() != 4 || llvm::any_of(type.getShape().drop_front(),
                                          ShapedType::isDynamic))
    return ctx.error("expected a 4-D input with static C, H and W, but got " +
                     formatShape(type.getShape()));
  if (b <= 0)
    return ctx.error("expected a positive blocksize");
  int64_t n = type.getDimSize(0), c = type.getDimSize(1),
          h = type.getDimSize(2), w = type.getDimSize(3);
  SmallVector<int64_t> split, permutation, result;
  if (ctx.opType() == "DepthToSpace") {
    if (c % (b * b) != 0)
      return ctx.error("expected C (" + Twine(c) +
                       ") to be a multiple of blocksize^2");
    int64_t depth = c / (b * b);
    if (ctx.stringAttr("mode", "DCR") == "CRD") {
      split = {n, depth, b, b, h, w};
      permutation = {0, 1, 4, 2, 5, 3};
    } else if (ctx.stringAttr("mode", "DCR") == "DCR") {
      split = {n, b, b, depth, h, w};
      permutation = {0, 3, 4, 1, 5, 2};
    } else {
      return ctx.error("unsupported mode '" + ctx.stringAttr("mode", "") +
                       "'");
    }
    result = {n, depth, h * b, w * b};
  } else {
    if (h % b != 0 || w % b != 0)
      return ctx.error("expected H and W to be multiples of the blocksize");
    split = {n, c, h / b, b, w / b, b};
    permutation = {0, 3, 5, 1, 2, 4};
    result = {n, c * b * b, h / b, w / b};
  }
  Value expanded = reshape(ctx, *x, split);
  Value moved = transpose(ctx, expanded, permutation);
  ctx.setOutput(0, reshape(ctx, moved, result));
  return success();
}

} // namespace

void mlir::dfg::onnx_import::registerShapeConverters(ConverterRegistry &r) {
  r.add("", "Reshape", 1, convertReshape);
  r.add("", "Shape", 1, convertShape);
  r.add("", "Size", 1, convertSize);
  r.add("", "Flatten", 1, convertFlatten);
  r.add("", "Squeeze", 1, convertSqueeze);
  r.add("", "Unsqueeze", 1, convertUnsqueeze);
  r.add("", "Transpose", 1, convertTranspose);
  r.add("", "Concat", 1, convertConcat);
  r.add("", "Split", 1, convertSplit);
  r.add("", "Slice", 1, convertSlice);
  r.add("", "Gather", 1, convertGather);
  r.add("", "Expand", 1, convertExpand);
  r.add("", "Tile", 1, convertTile);
  r.add("", "Pad", 1, convertPad);
  r.add("", "ConstantOfShape", 1, convertConstantOfShape);
  r.add("", "Range", 1, convertRange);
  r.add("", "EyeLike", 1, convertEyeLike);
  r.add("", "Trilu", 1, convertTrilu);
  r.add("", "DepthToSpace", 1, convertDepthSpace);
  r.add("", "SpaceToDepth", 1, convertDepthSpace);
}
