//===- ControlFlow.cpp - ONNX If, Loop and Scan to dfg region ops ---------===//
//
// If becomes dfg.if and Loop dfg.loop, their subgraphs imported into the
// regions (reading the enclosing graphs' values by name). Scan is a dfg.loop
// over the scan axis: the body gathers one slice of each scan input per
// iteration, and the stacked scan outputs are reversed and transposed into
// place afterwards. SequenceMap is a dfg.loop over the length of its first
// input: the body reads one element of each sequence input per iteration
// and appends what the subgraph computes to the output sequences, which
// start empty (ONNX's own expansion of the op, as a single loop).
//
// Loop-carried values may be sequences and optionals as well as tensors.
//
// The types of a region op's results depend on what its regions yield, so
// the regions are imported into a result-less op first, then moved into the
// op with the right result types.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/Support/FormatVariadic.h"

#include <limits>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {

/// A single-element tensor (ONNX allows conditions and trip counts of shape
/// [1]) as the 0-d tensor the dfg ops take.
FailureOr<Value> toScalar(NodeContext &ctx, Value value, Type elementType,
                          StringRef what) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || type.getElementType() != elementType ||
      llvm::any_of(type.getShape(), [](int64_t size) { return size != 1; }))
    return ctx.error("expected " + what + " to be a single " +
                     (elementType.isInteger(1) ? "bool" : "int64") +
                     " element, but got a value of type " +
                     llvm::formatv("{0}", value.getType()).str());
  if (type.getRank() == 0)
    return value;
  return Value(ctx.create<ReshapeOp>(RankedTensorType::get({}, elementType),
                                     value, Value()));
}

/// The least refined type describing the values of both `lhs` and `rhs`:
/// for tensor types of equal rank and element type, a `?` where their sizes
/// differ; for sequences, the join of their element tensor types, unranked
/// when the ranks differ; for optionals, the join of their element types.
/// Null for other pairs unless they are equal.
Type joinTypes(Type lhs, Type rhs) {
  if (lhs == rhs)
    return lhs;
  if (auto l = dyn_cast<SequenceType>(lhs)) {
    auto r = dyn_cast<SequenceType>(rhs);
    if (!r || l.getElementType().getElementType() !=
                  r.getElementType().getElementType())
      return nullptr;
    TensorType le = l.getElementType(), re = r.getElementType();
    if (!le.hasRank() || !re.hasRank() || le.getRank() != re.getRank())
      return SequenceType::get(UnrankedTensorType::get(le.getElementType()));
    return SequenceType::get(cast<TensorType>(joinTypes(le, re)));
  }
  if (auto l = dyn_cast<OptionalType>(lhs)) {
    auto r = dyn_cast<OptionalType>(rhs);
    Type element = r ? joinTypes(l.getElementType(), r.getElementType())
                     : Type();
    return element ? OptionalType::get(element) : nullptr;
  }
  auto l = dyn_cast<RankedTensorType>(lhs);
  auto r = dyn_cast<RankedTensorType>(rhs);
  if (!l || !r || l.getRank() != r.getRank() ||
      l.getElementType() != r.getElementType())
    return nullptr;
  SmallVector<int64_t> shape;
  for (auto [a, b] : llvm::zip_equal(l.getShape(), r.getShape()))
    shape.push_back(a == b ? a : ShapedType::kDynamic);
  return RankedTensorType::get(shape, l.getElementType());
}

/// Whether a value of type `value` may stand where `slot` is expected: a
/// tensor of a compatible type, or a sequence or optional that `slot`
/// describes as it is (the slot's element types at least as general, so
/// that reading an element from it never claims a shape it lacks).
bool fits(Type value, Type slot) {
  if (isa<SequenceType, OptionalType>(slot))
    return joinTypes(value, slot) == slot;
  return value == slot || areCompatibleTensorTypes(TypeRange(value),
                                                   TypeRange(slot));
}

/// Moves the regions of `from` into `to` and erases `from`.
void replaceRegionsAndErase(Operation *from, Operation *to) {
  for (auto [src, dst] : llvm::zip_equal(from->getRegions(), to->getRegions()))
    dst.takeBody(src);
  from->erase();
}

//===----------------------------------------------------------------------===//
// If
//===----------------------------------------------------------------------===//

LogicalResult convertIf(NodeContext &ctx) {
  FailureOr<Value> cond = ctx.requiredInput(0);
  if (failed(cond))
    return failure();
  const onnx::GraphProto *thenGraph = ctx.graphAttr("then_branch");
  const onnx::GraphProto *elseGraph = ctx.graphAttr("else_branch");
  if (!thenGraph || !elseGraph)
    return ctx.error("expected graph attributes 'then_branch' and "
                     "'else_branch'");
  if (thenGraph->output_size() != elseGraph->output_size())
    return ctx.error("expected the branches to have as many outputs, but "
                     "then_branch has " +
                     Twine(thenGraph->output_size()) + " and else_branch " +
                     Twine(elseGraph->output_size()));
  if (thenGraph->input_size() || elseGraph->input_size())
    return ctx.error("expected branches without inputs");

  // A condition known at import time (common in exported models) selects
  // the branch now.
  if (DenseElementsAttr known = ctx.constantInput(0)) {
    if (!known.getElementType().isInteger(1) || known.getNumElements() != 1)
      return ctx.error("expected the condition to be a single bool element");
    const onnx::GraphProto &taken =
        *known.getValues<bool>().begin() ? *thenGraph : *elseGraph;
    FailureOr<SmallVector<Value>> outputs = ctx.importSubgraph(taken, {});
    if (failed(outputs))
      return failure();
    for (auto [index, value] : llvm::enumerate(*outputs))
      ctx.setOutput(index, value);
    return success();
  }

  FailureOr<Value> condition =
      toScalar(ctx, *cond, ctx.builder().getI1Type(), "the condition");
  if (failed(condition))
    return failure();
  OpBuilder &builder = ctx.builder();
  auto draft = ctx.create<IfOp>(TypeRange(), *condition);
  SmallVector<SmallVector<Value>> yielded;
  const onnx::GraphProto *branches[] = {thenGraph, elseGraph};
  for (auto [region, graph] : llvm::zip_equal(draft->getRegions(), branches)) {
    OpBuilder::InsertionGuard guard(builder);
    builder.createBlock(&region);
    FailureOr<SmallVector<Value>> outputs = ctx.importSubgraph(*graph, {});
    if (failed(outputs)) {
      draft->erase();
      return failure();
    }
    ctx.create<YieldOp>(*outputs);
    yielded.push_back(*outputs);
  }

  SmallVector<Type> resultTypes;
  for (auto [index, thenValue, elseValue] :
       llvm::enumerate(yielded[0], yielded[1])) {
    Type type = joinTypes(thenValue.getType(), elseValue.getType());
    if (!type) {
      // Diagnosed before erasing: the values live in the draft's regions.
      (void)ctx.error("expected the branches to yield output " +
                      Twine(index) + " of compatible types, but got " +
                      typeString(thenValue.getType()) + " and " +
                      typeString(elseValue.getType()));
      draft->erase();
      return failure();
    }
    resultTypes.push_back(type);
  }
  auto op = ctx.create<IfOp>(resultTypes, *condition);
  replaceRegionsAndErase(draft, op);
  for (auto [index, result] : llvm::enumerate(op.getResults()))
    ctx.setOutput(index, result);
  return success();
}

//===----------------------------------------------------------------------===//
// Loop
//===----------------------------------------------------------------------===//

/// The declared type of a subgraph input, or null when it is absent or not
/// one the importer represents (the range expansions leave loop-carried
/// inputs untyped).
Type declaredType(NodeContext &ctx, const onnx::ValueInfoProto &info) {
  if (!info.has_type())
    return nullptr;
  FailureOr<Type> type = convertType(ctx.context(), info.type());
  return succeeded(type) ? *type : nullptr;
}

/// Imports `body` into a draft dfg.loop whose body takes `argTypes` (after
/// the iteration number and condition) and yields the condition, the
/// loop-carried values and the scan outputs. `prelude` computes, in the
/// body, the values the subgraph's inputs are bound to from the block's
/// arguments; `epilogue`, when given, computes the loop-carried and scan
/// values to yield from the subgraph's outputs (which are yielded as they
/// are otherwise). A loop-carried value of an optional type may be yielded
/// as its element: ONNX lets a body turn `optional(T)` into `T`, which is
/// wrapped back here.
struct LoopDraft {
  LoopOp op;
  SmallVector<Value> yielded; ///< condition, carried values, scan values
};

FailureOr<LoopDraft> importLoopBody(
    NodeContext &ctx, const onnx::GraphProto &body, Value maxTripCount,
    Value condition, ValueRange inits, ArrayRef<Type> argTypes,
    llvm::function_ref<FailureOr<SmallVector<Value>>(Block &)> prelude,
    bool bodyYieldsCondition,
    llvm::function_ref<FailureOr<SmallVector<Value>>(Block &, ValueRange)>
        epilogue = nullptr) {
  OpBuilder &builder = ctx.builder();
  auto draft = ctx.create<LoopOp>(TypeRange(), maxTripCount, condition,
                                  inits);
  OpBuilder::InsertionGuard guard(builder);
  SmallVector<Type> blockTypes{
      RankedTensorType::get({}, builder.getI64Type()),
      RankedTensorType::get({}, builder.getI1Type())};
  llvm::append_range(blockTypes, argTypes);
  Block *block = builder.createBlock(
      &draft.getBody(), {}, blockTypes,
      SmallVector<Location>(blockTypes.size(), ctx.loc()));
  auto fail = [&]() -> FailureOr<LoopDraft> {
    draft->erase();
    return failure();
  };
  FailureOr<SmallVector<Value>> inputs = prelude(*block);
  if (failed(inputs))
    return fail();
  FailureOr<SmallVector<Value>> outputs = ctx.importSubgraph(body, *inputs);
  if (failed(outputs))
    return fail();
  if (epilogue) {
    outputs = epilogue(*block, *outputs);
    if (failed(outputs))
      return fail();
  }
  SmallVector<Value> yielded;
  if (bodyYieldsCondition) {
    FailureOr<Value> next = toScalar(ctx, outputs->front(),
                                     builder.getI1Type(),
                                     "the condition the body yields");
    if (failed(next))
      return fail();
    yielded.push_back(*next);
    llvm::append_range(yielded, ArrayRef(*outputs).drop_front());
  } else {
    yielded.push_back(block->getArgument(1));
    llvm::append_range(yielded, *outputs);
  }
  if (yielded.size() < argTypes.size() + 1) {
    (void)ctx.error("expected the body to yield at least " +
                    Twine(argTypes.size()) + " loop-carried values, but it "
                    "yields " + Twine(yielded.size() - 1));
    return fail();
  }
  for (auto [value, type] :
       llvm::zip_equal(MutableArrayRef(yielded).slice(1, argTypes.size()),
                       argTypes))
    if (isa<OptionalType>(type) && !isa<OptionalType>(value.getType()))
      value = ctx.create<OptionalConstructOp>(value);
  // ONNX stacks tensors only: a sequence has no scan output.
  for (auto [index, value] :
       llvm::enumerate(ArrayRef(yielded).drop_front(argTypes.size() + 1)))
    if (!isa<RankedTensorType>(value.getType())) {
      (void)ctx.error("the body yields scan output " + Twine(index) +
                      " of type " + typeString(value.getType()) +
                      ", but scan outputs must be tensors");
      return fail();
    }
  ctx.create<YieldOp>(yielded);
  return LoopDraft{draft, yielded};
}

/// Creates the final dfg.loop of `draft` with the carried results of
/// `carriedTypes` and scan outputs stacking `scanValues` along a leading
/// dimension of `scanLength`.
LoopOp finishLoop(NodeContext &ctx, LoopDraft &draft,
                  ArrayRef<Type> carriedTypes, ValueRange scanValues,
                  int64_t scanLength) {
  SmallVector<Type> resultTypes(carriedTypes);
  for (Value value : scanValues) {
    auto type = cast<RankedTensorType>(value.getType());
    SmallVector<int64_t> shape{scanLength};
    llvm::append_range(shape, type.getShape());
    resultTypes.push_back(type.clone(shape));
  }
  LoopOp draftOp = draft.op;
  auto op = ctx.create<LoopOp>(resultTypes, draftOp.getMaxTripCount(),
                               draftOp.getCondition(),
                               draftOp.getInitValues());
  replaceRegionsAndErase(draftOp, op);
  return op;
}

LogicalResult convertLoop(NodeContext &ctx) {
  const onnx::GraphProto *body = ctx.graphAttr("body");
  if (!body)
    return ctx.error("expected a graph attribute 'body'");
  unsigned numCarried = ctx.numInputs() > 2 ? ctx.numInputs() - 2 : 0;
  if (static_cast<unsigned>(body->input_size()) != numCarried + 2)
    return ctx.error("expected the body to take " + Twine(numCarried + 2) +
                     " inputs (iteration number, condition and the " +
                     Twine(numCarried) + " loop-carried values), but it takes " +
                     Twine(body->input_size()));
  if (static_cast<unsigned>(body->output_size()) < numCarried + 1)
    return ctx.error("expected the body to have at least " +
                     Twine(numCarried + 1) +
                     " outputs (condition and loop-carried values), but it "
                     "has " +
                     Twine(body->output_size()));

  OpBuilder &builder = ctx.builder();
  Value maxTripCount, condition;
  if (Value m = ctx.input(0)) {
    FailureOr<Value> scalar =
        toScalar(ctx, m, builder.getI64Type(), "the trip count M");
    if (failed(scalar))
      return failure();
    maxTripCount = *scalar;
  }
  if (Value c = ctx.input(1)) {
    FailureOr<Value> scalar =
        toScalar(ctx, c, builder.getI1Type(), "the condition");
    if (failed(scalar))
      return failure();
    condition = *scalar;
  }
  SmallVector<Value> inits;
  SmallVector<Type> argTypes;
  for (unsigned i = 0; i < numCarried; ++i) {
    Value init = ctx.input(i + 2);
    if (!init)
      return ctx.error("expected loop-carried value " + Twine(i) +
                       " to be present");
    inits.push_back(init);
    // A body declaring an unknown size expects it to change.
    Type declared = declaredType(ctx, body->input(i + 2));
    Type joined = declared ? joinTypes(init.getType(), declared) : nullptr;
    argTypes.push_back(joined ? joined : init.getType());
  }

  auto bindArguments = [](Block &block) -> FailureOr<SmallVector<Value>> {
    return SmallVector<Value>(block.getArguments());
  };
  // A loop-carried value whose size changes across iterations needs a `?`
  // where it does: import again with the joined types.
  for (int attempt = 0;; ++attempt) {
    FailureOr<LoopDraft> draft =
        importLoopBody(ctx, *body, maxTripCount, condition, inits, argTypes,
                       bindArguments, /*bodyYieldsCondition=*/true);
    if (failed(draft))
      return failure();
    ArrayRef<Value> carried = ArrayRef(draft->yielded).slice(1, numCarried);
    bool refit = false;
    for (auto [index, value] : llvm::enumerate(carried)) {
      if (fits(value.getType(), argTypes[index]))
        continue;
      Type joined = joinTypes(value.getType(), argTypes[index]);
      if (!joined || attempt > 0) {
        (void)ctx.error("the body yields loop-carried value " +
                        Twine(index) + " of type " +
                        typeString(value.getType()) +
                        ", which does not fit its type " +
                        typeString(argTypes[index]));
        draft->op->erase();
        return failure();
      }
      argTypes[index] = joined;
      refit = true;
    }
    if (refit) {
      draft->op->erase();
      continue;
    }
    LoopOp op = finishLoop(ctx, *draft, argTypes,
                           ArrayRef(draft->yielded).drop_front(numCarried + 1),
                           ShapedType::kDynamic);
    for (auto [index, result] : llvm::enumerate(op.getResults())) {
      // A value carried as an optional, which the body yields as its
      // element, is declared as the element when it leaves the loop.
      Value output = result;
      Type hint = index < numCarried ? ctx.outputValueTypeHint(index)
                                     : Type();
      if (isa<OptionalType>(result.getType()) && hint &&
          !isa<OptionalType>(hint))
        output = ctx.create<OptionalGetElementOp>(result);
      ctx.setOutput(index, output);
    }
    return success();
  }
}

//===----------------------------------------------------------------------===//
// Scan
//===----------------------------------------------------------------------===//

/// Drops (`add` false) or adds a leading dimension of size 1: the batch
/// dimension of Scan-8.
Value reshapeLeadingUnit(NodeContext &ctx, Value value, bool add) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  if (add)
    shape.push_back(1);
  llvm::append_range(shape, type.getShape().drop_front(add ? 0 : 1));
  Value runtimeShape;
  if (llvm::count(shape, ShapedType::kDynamic) > 1) {
    Value sizes = ctx.create<ShapeOfOp>(value);
    int64_t rank = type.getRank();
    if (add)
      runtimeShape = ctx.create<ConcatOp>(
          ValueRange{ctx.i64Vector({1}), sizes}, 0);
    else
      runtimeShape = ctx.create<SliceOp>(
          sizes, ArrayRef<int64_t>{1}, ArrayRef<int64_t>{rank},
          ArrayRef<int64_t>{1});
  }
  return ctx.create<ReshapeOp>(type.clone(shape), value, runtimeShape);
}

/// Normalizes `axes` (one per value, default 0) against `ranks`.
FailureOr<SmallVector<int64_t>> normalizeAxes(NodeContext &ctx,
                                              StringRef name,
                                              ArrayRef<int64_t> ranks) {
  SmallVector<int64_t> axes = ctx.intsAttr(name);
  if (axes.empty())
    axes.assign(ranks.size(), 0);
  if (axes.size() != ranks.size())
    return ctx.error("expected " + Twine(ranks.size()) + " values in '" +
                     name + "', but got " + Twine(axes.size()));
  for (auto [axis, rank] : llvm::zip_equal(axes, ranks)) {
    if (axis < -rank || axis >= rank)
      return ctx.error("expected the values of '" + name + "' in [" +
                       Twine(-rank) + ", " + Twine(rank) + "), but got " +
                       Twine(axis));
    if (axis < 0)
      axis += rank;
  }
  return axes;
}

FailureOr<SmallVector<int64_t>> directions(NodeContext &ctx, StringRef name,
                                           size_t count) {
  SmallVector<int64_t> values = ctx.intsAttr(name);
  if (values.empty())
    values.assign(count, 0);
  if (values.size() != count)
    return ctx.error("expected " + Twine(count) + " values in '" + name +
                     "', but got " + Twine(values.size()));
  if (llvm::any_of(values, [](int64_t d) { return d != 0 && d != 1; }))
    return ctx.error("expected the values of '" + name +
                     "' to be 0 (forward) or 1 (reverse)");
  return values;
}

LogicalResult convertScan(NodeContext &ctx) {
  const onnx::GraphProto *body = ctx.graphAttr("body");
  if (!body)
    return ctx.error("expected a graph attribute 'body'");
  // Scan-8 has a leading batch dimension on every input and output, and
  // an optional sequence_lens input first.
  bool batched = ctx.version() < 9;
  unsigned first = batched ? 1 : 0;
  if (batched && ctx.input(0))
    return ctx.error("sequence_lens is not supported");
  int64_t numScanInputs = ctx.intAttr("num_scan_inputs", 0);
  int64_t numInputs = static_cast<int64_t>(ctx.numInputs()) - first;
  if (numScanInputs < 1 || numScanInputs > numInputs)
    return ctx.error("expected num_scan_inputs in [1, " + Twine(numInputs) +
                     "], but got " + Twine(numScanInputs));
  int64_t numStates = numInputs - numScanInputs;
  if (body->input_size() != numInputs)
    return ctx.error("expected the body to take " + Twine(numInputs) +
                     " inputs, but it takes " + Twine(body->input_size()));
  if (body->output_size() < numStates)
    return ctx.error("expected the body to have at least " +
                     Twine(numStates) + " outputs, but it has " +
                     Twine(body->output_size()));
  int64_t numScanOutputs = body->output_size() - numStates;

  SmallVector<Value> states, scanInputs;
  for (int64_t i = 0; i < numInputs; ++i) {
    Value value = ctx.input(first + i);
    if (!value || !isa<RankedTensorType>(value.getType()))
      return ctx.error("expected input " + Twine(first + i) +
                       " to be a present tensor");
    if (batched) {
      auto type = cast<RankedTensorType>(value.getType());
      if (type.getRank() == 0 || type.getDimSize(0) != 1)
        return ctx.error("expected a batch size of 1 (Scan-8 with larger "
                         "batches is not supported), but input " +
                         Twine(first + i) + " is " + typeString(type));
      value = reshapeLeadingUnit(ctx, value, /*add=*/false);
    }
    (i < numStates ? states : scanInputs).push_back(value);
  }

  SmallVector<int64_t> inputRanks;
  for (Value value : scanInputs)
    inputRanks.push_back(cast<RankedTensorType>(value.getType()).getRank());
  FailureOr<SmallVector<int64_t>> inputAxes =
      batched ? FailureOr<SmallVector<int64_t>>(
                    SmallVector<int64_t>(numScanInputs, 0))
              : normalizeAxes(ctx, "scan_input_axes", inputRanks);
  if (failed(inputAxes))
    return failure();
  FailureOr<SmallVector<int64_t>> inputDirections = directions(
      ctx, batched ? "directions" : "scan_input_directions", numScanInputs);
  FailureOr<SmallVector<int64_t>> outputDirections =
      batched ? FailureOr<SmallVector<int64_t>>(
                    SmallVector<int64_t>(numScanOutputs, 0))
              : directions(ctx, "scan_output_directions", numScanOutputs);
  if (failed(inputDirections) || failed(outputDirections))
    return failure();

  // The trip count is the length of the scan axis.
  OpBuilder &builder = ctx.builder();
  Type i64 = builder.getI64Type();
  auto firstType = cast<RankedTensorType>(scanInputs[0].getType());
  int64_t length = firstType.getDimSize((*inputAxes)[0]);
  Value tripCount;
  if (ShapedType::isDynamic(length)) {
    Value axis = ctx.scalar(i64, (*inputAxes)[0]);
    Value shape = ctx.create<ShapeOfOp>(scanInputs[0]);
    tripCount = ctx.create<GatherOp>(shape, axis, 0);
  } else {
    tripCount = ctx.scalar(i64, length);
  }

  SmallVector<Type> stateTypes;
  for (Value state : states)
    stateTypes.push_back(state.getType());
  auto sliceInputs = [&](Block &block) -> FailureOr<SmallVector<Value>> {
    SmallVector<Value> inputs(block.getArguments().drop_front(2));
    Value iteration = block.getArgument(0);
    for (auto [input, axis, reverse] :
         llvm::zip_equal(scanInputs, *inputAxes, *inputDirections)) {
      Value index = iteration;
      if (reverse)
        index = ctx.create<SubOp>(
            ctx.create<SubOp>(tripCount, ctx.scalar(i64, 1)), iteration);
      inputs.push_back(ctx.create<GatherOp>(input, index, axis));
    }
    return inputs;
  };
  FailureOr<LoopDraft> draft =
      importLoopBody(ctx, *body, tripCount, Value(), states, stateTypes,
                     sliceInputs, /*bodyYieldsCondition=*/false);
  if (failed(draft))
    return failure();
  ArrayRef<Value> yielded = draft->yielded;
  for (auto [index, value, type] :
       llvm::enumerate(yielded.slice(1, numStates), stateTypes))
    if (!fits(value.getType(), type)) {
      (void)ctx.error("the body yields state " + Twine(index) + " of type " +
                      typeString(value.getType()) +
                      ", which does not fit its type " + typeString(type));
      draft->op->erase();
      return failure();
    }
  ArrayRef<Value> scanValues = yielded.drop_front(numStates + 1);
  SmallVector<int64_t> outputRanks;
  for (Value value : scanValues)
    outputRanks.push_back(cast<RankedTensorType>(value.getType()).getRank() +
                          1);
  FailureOr<SmallVector<int64_t>> outputAxes =
      batched ? FailureOr<SmallVector<int64_t>>(
                    SmallVector<int64_t>(numScanOutputs, 0))
              : normalizeAxes(ctx, "scan_output_axes", outputRanks);
  if (failed(outputAxes)) {
    draft->op->erase();
    return failure();
  }
  LoopOp op = finishLoop(ctx, *draft, stateTypes, scanValues, length);

  SmallVector<Value> outputs(op.getCarriedResults());
  for (auto [stacked, axis, reverse] :
       llvm::zip_equal(op.getScanResults(), *outputAxes, *outputDirections)) {
    Value value = stacked;
    int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
    if (reverse) {
      SmallVector<int64_t> starts(rank, 0), limits(rank, INT64_MAX),
          strides(rank, 1);
      starts[0] = -1;
      limits[0] = std::numeric_limits<int64_t>::min();
      strides[0] = -1;
      value = ctx.create<SliceOp>(value, starts, limits, strides);
    }
    if (axis != 0) {
      // Moves the iteration dimension to `axis`.
      SmallVector<int64_t> permutation;
      for (int64_t d = 1; d <= axis; ++d)
        permutation.push_back(d);
      permutation.push_back(0);
      for (int64_t d = axis + 1; d < rank; ++d)
        permutation.push_back(d);
      value = ctx.create<TransposeOp>(value, permutation);
    }
    outputs.push_back(value);
  }
  for (auto [index, value] : llvm::enumerate(outputs))
    ctx.setOutput(index, batched ? reshapeLeadingUnit(ctx, value, /*add=*/true)
                                 : value);
  return success();
}

//===----------------------------------------------------------------------===//
// SequenceMap
//===----------------------------------------------------------------------===//

/// The type of output `index` of a SequenceMap: shape inference's sequence
/// type, or a sequence of unranked tensors of the element type the body
/// declares for the output; null when neither is known.
Type sequenceMapOutputType(NodeContext &ctx, const onnx::GraphProto &body,
                           unsigned index) {
  if (auto hinted =
          dyn_cast_or_null<SequenceType>(ctx.outputValueTypeHint(index)))
    return hinted;
  const onnx::TypeProto &declared = body.output(index).type();
  if (!declared.has_tensor_type())
    return nullptr;
  FailureOr<Type> elementType =
      convertElementType(ctx.context(), declared.tensor_type().elem_type());
  if (failed(elementType))
    return nullptr;
  return SequenceType::get(UnrankedTensorType::get(*elementType));
}

LogicalResult convertSequenceMap(NodeContext &ctx) {
  const onnx::GraphProto *body = ctx.graphAttr("body");
  if (!body)
    return ctx.error("expected a graph attribute 'body'");
  unsigned numInputs = ctx.numInputs();
  if (numInputs == 0)
    return ctx.error("expected an input sequence");
  if (static_cast<unsigned>(body->input_size()) != numInputs)
    return ctx.error("expected the body to take " + Twine(numInputs) +
                     " inputs (one per input of the node), but it takes " +
                     Twine(body->input_size()));
  if (ctx.numOutputs() == 0 ||
      static_cast<unsigned>(body->output_size()) != ctx.numOutputs())
    return ctx.error("expected the body to have one output per output of "
                     "the node (" +
                     Twine(ctx.numOutputs()) + "), but it has " +
                     Twine(body->output_size()));

  // Sequence inputs are read one element per iteration, as tensors of the
  // sequence's element type or, when that is unranked, of the type the body
  // declares; tensor inputs are passed to every iteration as they are.
  SmallVector<Value> inputs;
  SmallVector<RankedTensorType> elementTypes;
  for (unsigned i = 0; i < numInputs; ++i) {
    Value input = ctx.input(i);
    if (!input)
      return ctx.error("expected input " + Twine(i) + " to be present");
    auto sequence = dyn_cast<SequenceType>(input.getType());
    if (i == 0 && !sequence)
      return ctx.error("expected input 0 to be a sequence, but got " +
                       typeString(input.getType()));
    if (!sequence && !isa<RankedTensorType>(input.getType()))
      return ctx.error("expected input " + Twine(i) +
                       " to be a sequence or a tensor, but got " +
                       typeString(input.getType()));
    inputs.push_back(input);
    if (!sequence) {
      elementTypes.push_back(nullptr);
      continue;
    }
    TensorType element = sequence.getElementType();
    if (auto ranked = dyn_cast<RankedTensorType>(element)) {
      elementTypes.push_back(ranked);
      continue;
    }
    auto declared = dyn_cast_or_null<RankedTensorType>(
        declaredType(ctx, body->input(i)));
    if (!declared || declared.getElementType() != element.getElementType())
      return ctx.error("the elements of input " + Twine(i) +
                       " have no known rank: neither the sequence type nor "
                       "the body's input declares one");
    elementTypes.push_back(declared);
  }

  SmallVector<Type> outputTypes;
  for (unsigned j = 0; j < ctx.numOutputs(); ++j) {
    Type type = sequenceMapOutputType(ctx, *body, j);
    if (!type)
      return ctx.error("the element type of output " + Twine(j) +
                       " is unknown: neither ONNX shape inference nor the "
                       "body declares it");
    outputTypes.push_back(type);
  }

  Value length = ctx.create<SequenceLengthOp>(inputs[0]);
  auto readElements = [&](Block &block) -> FailureOr<SmallVector<Value>> {
    SmallVector<Value> bound;
    Value iteration = block.getArgument(0);
    for (auto [input, elementType] : llvm::zip_equal(inputs, elementTypes))
      bound.push_back(elementType ? Value(ctx.create<SequenceAtOp>(
                                        elementType, input, iteration))
                                  : input);
    return bound;
  };
  auto append = [&](Block &block,
                    ValueRange outputs) -> FailureOr<SmallVector<Value>> {
    SmallVector<Value> sequences;
    for (auto [index, output] : llvm::enumerate(outputs)) {
      if (!isa<RankedTensorType>(output.getType()))
        return ctx.error("expected the body to compute tensors, but output " +
                         Twine(index) + " is of type " +
                         typeString(output.getType()));
      sequences.push_back(ctx.create<SequenceInsertOp>(
          block.getArgument(2 + index), output, Value()));
    }
    return sequences;
  };
  // The element shape the body computes may be less refined than the
  // hint's: import again with the sequence types the body yields.
  for (int attempt = 0;; ++attempt) {
    SmallVector<Value> empties;
    for (Type type : outputTypes)
      empties.push_back(ctx.create<SequenceEmptyOp>(type));
    FailureOr<LoopDraft> draft =
        importLoopBody(ctx, *body, length, Value(), empties, outputTypes,
                       readElements, /*bodyYieldsCondition=*/false, append);
    auto eraseAll = [&] {
      if (succeeded(draft))
        draft->op->erase();
      for (Value empty : empties)
        empty.getDefiningOp()->erase();
    };
    if (failed(draft)) {
      eraseAll();
      return failure();
    }
    bool refit = false;
    for (auto [index, value] :
         llvm::enumerate(ArrayRef(draft->yielded).drop_front())) {
      if (fits(value.getType(), outputTypes[index]))
        continue;
      Type joined = joinTypes(value.getType(), outputTypes[index]);
      if (!joined || attempt > 0) {
        (void)ctx.error("the body computes output " + Twine(index) +
                        " as " + typeString(value.getType()) +
                        ", which does not fit " +
                        typeString(outputTypes[index]));
        eraseAll();
        return failure();
      }
      outputTypes[index] = joined;
      refit = true;
    }
    if (refit) {
      eraseAll();
      continue;
    }
    LoopOp op = finishLoop(ctx, *draft, outputTypes, ValueRange(), 0);
    for (auto [index, result] : llvm::enumerate(op.getResults()))
      ctx.setOutput(index, result);
    return success();
  }
}

} // namespace

void onnx_import::registerControlFlowConverters(ConverterRegistry &registry) {
  registry.add("", "If", 1, convertIf);
  registry.add("", "Loop", 1, convertLoop);
  registry.add("", "Scan", 8, convertScan);
  registry.add("", "SequenceMap", 17, convertSequenceMap);
}
