//===- Recurrent.cpp - ONNX RNN, GRU and LSTM to dfg ----------------------===//
//
// The recurrent ops are unrolled over the sequence: the input projection of
// every step is one matmul up front, then each step is a matmul with the
// transposed recurrent weights, gate slices and activations, and the step
// outputs are concatenated. Per-batch sequence lengths become masks that
// hold the state (and zero the output) past each sequence's end, which also
// gives the reverse direction its per-sequence starting point. This file
// also holds the training forms of BatchNormalization (batch statistics) that
// NN.cpp hands over.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "llvm/ADT/StringExtras.h"

#include <limits>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::onnx_import;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

Value reshape(NodeContext &ctx, Value value, ArrayRef<int64_t> shape) {
  if (typeOf(value).getShape() == shape)
    return value;
  return ctx.create<ReshapeOp>(typeOf(value).clone(shape), value, Value());
}

Value transpose(NodeContext &ctx, Value value, ArrayRef<int64_t> perm) {
  return ctx.create<TransposeOp>(value, perm);
}

/// `value[starts : limits]` with unit strides.
Value slice(NodeContext &ctx, Value value, ArrayRef<int64_t> starts,
            ArrayRef<int64_t> limits) {
  SmallVector<int64_t> strides(starts.size(), 1);
  return ctx.create<SliceOp>(value, starts, limits, strides);
}

/// Columns `[begin, end)` of a 2-D `[rows, cols]` tensor.
Value columns(NodeContext &ctx, Value value, int64_t begin, int64_t end) {
  return slice(ctx, value, {0, begin}, {typeOf(value).getDimSize(0), end});
}

/// Entry `index` of the leading (direction) dimension of `value`, with that
/// dimension dropped.
Value direction(NodeContext &ctx, Value value, int64_t index) {
  auto shape = typeOf(value).getShape();
  SmallVector<int64_t> starts(shape.size(), 0), limits(shape);
  starts[0] = index;
  limits[0] = index + 1;
  return reshape(ctx, slice(ctx, value, starts, limits), shape.drop_front());
}

/// An activation function of the recurrent ops, with its parameters.
struct Activation {
  std::string name; // lower case
  double alpha = 0, beta = 0;
};

bool takesAlpha(StringRef name) {
  return llvm::is_contained({"affine", "leakyrelu", "thresholdedrelu",
                             "scaledtanh", "hardsigmoid", "elu"},
                            name);
}

bool takesBeta(StringRef name) {
  return llvm::is_contained({"affine", "scaledtanh", "hardsigmoid"}, name);
}

std::pair<double, double> defaultParameters(StringRef name) {
  if (name == "leakyrelu")
    return {0.01, 0};
  if (name == "hardsigmoid")
    return {0.2, 0.5};
  if (name == "affine")
    return {1.0, 0};
  return {1.0, 1.0}; // thresholdedrelu, scaledtanh, elu
}

/// The `activations` of every direction (`perDirection` functions each),
/// with `activation_alpha` / `activation_beta` consumed in order by the
/// functions that take them, as onnxruntime does.
FailureOr<SmallVector<Activation>>
parseActivations(NodeContext &ctx, ArrayRef<StringRef> defaults,
                 int64_t numDirections) {
  SmallVector<std::string> names;
  if (const onnx::AttributeProto *attr = ctx.findAttr("activations"))
    for (const std::string &name : attr->strings())
      names.push_back(llvm::StringRef(name).lower());
  if (names.empty())
    for (int64_t d = 0; d < numDirections; ++d)
      for (StringRef name : defaults)
        names.push_back(name.lower());
  // A bidirectional op may list one set of functions for both directions.
  if (numDirections == 2 && names.size() == defaults.size())
    names.append(SmallVector<std::string>(names));
  if (names.size() != defaults.size() * numDirections)
    return ctx.error("expected " + Twine(defaults.size() * numDirections) +
                     " activations (" + Twine(defaults.size()) +
                     " per direction), but got " + Twine(names.size()));
  SmallVector<double> alphas = ctx.floatsAttr("activation_alpha");
  SmallVector<double> betas = ctx.floatsAttr("activation_beta");
  size_t nextAlpha = 0, nextBeta = 0;
  SmallVector<Activation> result;
  for (const std::string &name : names) {
    if (!llvm::is_contained({"sigmoid", "tanh", "relu", "affine", "leakyrelu",
                             "thresholdedrelu", "scaledtanh", "hardsigmoid",
                             "elu", "softsign", "softplus"},
                            StringRef(name)))
      return ctx.error("unsupported activation function '" + name + "'");
    Activation act{name};
    std::tie(act.alpha, act.beta) = defaultParameters(name);
    if (takesAlpha(name) && nextAlpha < alphas.size())
      act.alpha = alphas[nextAlpha++];
    if (takesBeta(name) && nextBeta < betas.size())
      act.beta = betas[nextBeta++];
    result.push_back(act);
  }
  return result;
}

Value activate(NodeContext &ctx, const Activation &act, Value x) {
  Type et = elementTypeOf(x);
  auto s = [&](double v) { return ctx.scalar(et, v); };
  auto clamp = [&](Value v, double lo, double hi) -> Value {
    return ctx.create<ClampOp>(v, ctx.builder().getF64FloatAttr(lo),
                               ctx.builder().getF64FloatAttr(hi));
  };
  StringRef name = act.name;
  if (name == "sigmoid")
    return ctx.create<SigmoidOp>(x);
  if (name == "tanh")
    return ctx.create<TanhOp>(x);
  if (name == "relu")
    return clamp(x, 0, kInf);
  if (name == "affine") {
    Value beta = s(act.beta);
    Value alpha = s(act.alpha);
    return ctx.create<AddOp>(ctx.create<MulOp>(x, alpha), beta);
  }
  if (name == "leakyrelu") {
    Value positive = ctx.create<CompareOp>(ComparePredicate::GE, x, s(0));
    return ctx.create<SelectOp>(positive, x,
                                ctx.create<MulOp>(x, s(act.alpha)));
  }
  if (name == "thresholdedrelu") {
    Value above = ctx.create<CompareOp>(ComparePredicate::GT, x, s(act.alpha));
    return ctx.create<SelectOp>(above, x, s(0));
  }
  if (name == "scaledtanh") {
    Value alpha = s(act.alpha);
    Value beta = s(act.beta);
    Value tanh = ctx.create<TanhOp>(ctx.create<MulOp>(x, beta));
    return ctx.create<MulOp>(tanh, alpha);
  }
  if (name == "hardsigmoid") {
    Value beta = s(act.beta);
    Value alpha = s(act.alpha);
    Value linear = ctx.create<AddOp>(ctx.create<MulOp>(x, alpha), beta);
    return clamp(linear, 0, 1);
  }
  if (name == "elu") {
    Value one = s(1);
    Value em1 = ctx.create<SubOp>(ctx.create<ExpOp>(x), one);
    Value positive = ctx.create<CompareOp>(ComparePredicate::GT, x, s(0));
    return ctx.create<SelectOp>(positive, x,
                                ctx.create<MulOp>(em1, s(act.alpha)));
  }
  if (name == "softsign") {
    Value one = s(1);
    Value abs = ctx.create<AbsOp>(x);
    return ctx.create<DivOp>(x, ctx.create<AddOp>(abs, one));
  }
  // softplus (the list was checked when parsed)
  Value one = s(1);
  Value exp = ctx.create<ExpOp>(x);
  return ctx.create<LogOp>(ctx.create<AddOp>(exp, one));
}

enum class CellKind { Rnn, Gru, Lstm };

/// The weights of one direction, transposed for `[batch, k] x [k, n]`
/// products; the gate order is ONNX's (RNN: i; GRU: z, r, h; LSTM: i, o,
/// f, c).
struct DirectionWeights {
  Value xProjection;        // [seq, batch, gates * hidden], input bias included
  Value recurrent;          // [hidden, gates * hidden]
  Value recurrentBias;      // [gates * hidden] or null
  Value peepholes[3];       // LSTM: i, o, f, each [hidden], or null
  Value initialH, initialC; // [batch, hidden]
  ArrayRef<Activation> activations;
};

struct RecurrentOptions {
  CellKind kind;
  int64_t seqLength, batch, hidden;
  std::optional<double> clip;
  bool linearBeforeReset = false;
  bool inputForget = false;
  Value seqLens; // [batch, 1] integers, or null when every sequence is full
};

/// Runs one direction over the sequence; returns the step outputs in time
/// order ([batch, hidden] each, zero past a sequence's end) and the final
/// hidden and cell states.
struct DirectionResult {
  SmallVector<Value> outputs;
  Value lastH, lastC;
};

DirectionResult runDirection(NodeContext &ctx, const RecurrentOptions &opts,
                             const DirectionWeights &w, bool reverse) {
  int64_t h = opts.hidden, batch = opts.batch;
  Type et = elementTypeOf(w.recurrent);
  auto gate = [&](Value gates, int64_t index) {
    return columns(ctx, gates, index * h, (index + 1) * h);
  };
  auto clipped = [&](Value v) -> Value {
    if (!opts.clip)
      return v;
    return ctx.create<ClampOp>(v, ctx.builder().getF64FloatAttr(-*opts.clip),
                               ctx.builder().getF64FloatAttr(*opts.clip));
  };
  auto act = [&](unsigned index, Value v) {
    return activate(ctx, w.activations[index], clipped(v));
  };
  auto recurrentProduct = [&](Value state, int64_t begin, int64_t end) {
    Value weights = w.recurrent;
    if (begin != 0 || end != typeOf(weights).getDimSize(1))
      weights = columns(ctx, weights, begin, end);
    Value product = ctx.create<MatmulOp>(state, weights);
    if (w.recurrentBias) {
      Value bias = w.recurrentBias;
      if (begin != 0 || end != typeOf(bias).getDimSize(0))
        bias = slice(ctx, bias, {begin}, {end});
      product = ctx.create<AddOp>(product, bias);
    }
    return product;
  };

  int64_t gates = typeOf(w.recurrent).getDimSize(1);
  Value hPrev = w.initialH, cPrev = w.initialC;
  SmallVector<Value> outputs(opts.seqLength);
  Value zeros;
  for (int64_t step = 0; step < opts.seqLength; ++step) {
    int64_t t = reverse ? opts.seqLength - 1 - step : step;
    Value x = reshape(
        ctx, slice(ctx, w.xProjection, {t, 0, 0}, {t + 1, batch, gates}),
        {batch, gates});
    Value hNew, cNew;
    switch (opts.kind) {
    case CellKind::Rnn:
      hNew = act(0, ctx.create<AddOp>(x, recurrentProduct(hPrev, 0, h)));
      break;
    case CellKind::Gru: {
      Value hzr = recurrentProduct(hPrev, 0, 2 * h);
      Value xzr = columns(ctx, x, 0, 2 * h);
      Value zr = ctx.create<AddOp>(xzr, hzr);
      Value z = act(0, gate(zr, 0));
      Value r = act(0, gate(zr, 1));
      Value candidate =
          opts.linearBeforeReset
              ? ctx.create<MulOp>(r, recurrentProduct(hPrev, 2 * h, 3 * h))
              : recurrentProduct(ctx.create<MulOp>(r, hPrev), 2 * h, 3 * h);
      Value hTilde = act(1, ctx.create<AddOp>(gate(x, 2), candidate));
      // (1 - z) * h~ + z * H = h~ + z * (H - h~)
      hNew = ctx.create<AddOp>(
          hTilde, ctx.create<MulOp>(z, ctx.create<SubOp>(hPrev, hTilde)));
      break;
    }
    case CellKind::Lstm: {
      Value all = ctx.create<AddOp>(x, recurrentProduct(hPrev, 0, 4 * h));
      auto peephole = [&](Value pre, Value p, Value c) -> Value {
        return p ? ctx.create<AddOp>(pre, ctx.create<MulOp>(p, c)).getResult()
                 : pre;
      };
      Value i = act(0, peephole(gate(all, 0), w.peepholes[0], cPrev));
      Value f = opts.inputForget
                    ? Value(ctx.create<SubOp>(ctx.scalar(et, 1), i))
                    : act(0, peephole(gate(all, 2), w.peepholes[2], cPrev));
      Value c = act(1, gate(all, 3));
      Value input = ctx.create<MulOp>(i, c);
      Value kept = ctx.create<MulOp>(f, cPrev);
      cNew = ctx.create<AddOp>(kept, input);
      Value o = act(0, peephole(gate(all, 1), w.peepholes[1], cNew));
      hNew = ctx.create<MulOp>(o, activate(ctx, w.activations[2], cNew));
      break;
    }
    }
    if (!opts.seqLens) {
      outputs[t] = hNew;
    } else {
      // Past a sequence's end its state holds and its output is zero; in
      // reverse, the steps past the end come first and leave the initial
      // state as it was.
      Value active = ctx.create<CompareOp>(
          ComparePredicate::GT, opts.seqLens,
          ctx.scalar(elementTypeOf(opts.seqLens), static_cast<double>(t)));
      if (!zeros)
        zeros = ctx.scalar(et, 0);
      outputs[t] = ctx.create<SelectOp>(active, hNew, zeros);
      hNew = ctx.create<SelectOp>(active, hNew, hPrev);
      if (cNew)
        cNew = ctx.create<SelectOp>(active, cNew, cPrev);
    }
    hPrev = hNew;
    cPrev = cNew;
  }
  return {std::move(outputs), hPrev, cPrev};
}

/// RNN, GRU and LSTM, every opset (layout from opset 14).
LogicalResult convertRecurrent(NodeContext &ctx) {
  CellKind kind = ctx.opType() == "RNN"   ? CellKind::Rnn
                  : ctx.opType() == "GRU" ? CellKind::Gru
                                          : CellKind::Lstm;
  int64_t numGates = kind == CellKind::Rnn ? 1 : kind == CellKind::Gru ? 3 : 4;
  FailureOr<Value> xIn = ctx.requiredInput(0);
  FailureOr<Value> wIn = ctx.requiredInput(1);
  FailureOr<Value> rIn = ctx.requiredInput(2);
  if (failed(xIn) || failed(wIn) || failed(rIn))
    return failure();
  Value x = *xIn, wAll = *wIn, rAll = *rIn;
  if (!isa<FloatType>(elementTypeOf(x)))
    return ctx.emitError() << "expected a floating-point input, but got "
                           << x.getType();
  if (typeOf(x).getRank() != 3 || typeOf(wAll).getRank() != 3 ||
      typeOf(rAll).getRank() != 3)
    return ctx.error("expected X, W and R of rank 3");

  std::string dir = ctx.stringAttr("direction", "forward");
  if (dir != "forward" && dir != "reverse" && dir != "bidirectional")
    return ctx.error("unknown direction '" + dir + "'");
  int64_t numDirections = dir == "bidirectional" ? 2 : 1;

  int64_t layout = ctx.version() >= 14 ? ctx.intAttr("layout", 0) : 0;
  if (layout != 0 && layout != 1)
    return ctx.error("expected layout 0 or 1, but got " + Twine(layout));
  // Work in layout 0: [seq, batch, ...] and [directions, batch, hidden].
  if (layout)
    x = transpose(ctx, x, {1, 0, 2});
  auto xType = typeOf(x);
  if (xType.isDynamicDim(0))
    return ctx.error("the sequence length must be known at import time to "
                     "unroll the recurrence");
  if (!xType.hasStaticShape())
    return ctx.error("expected a static input shape, but got " +
                     Twine(xType.isDynamicDim(1) ? "a dynamic batch size"
                                                 : "a dynamic input size"));
  int64_t seqLength = xType.getDimSize(0), batch = xType.getDimSize(1),
          inputSize = xType.getDimSize(2);
  if (!typeOf(rAll).hasStaticShape())
    return ctx.error("expected a static shape for R");
  int64_t hidden = ctx.intAttr("hidden_size", typeOf(rAll).getDimSize(2));
  int64_t gatesH = numGates * hidden;
  Type et = elementTypeOf(x);
  auto checkShape = [&](Value v, StringRef what,
                        ArrayRef<int64_t> expected) -> LogicalResult {
    if (typeOf(v).getShape() == expected && elementTypeOf(v) == et)
      return success();
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "expected " << what << " of type tensor<";
    for (int64_t d : expected)
      os << d << "x";
    os << et << ">, but got " << v.getType();
    return ctx.error(text);
  };
  if (failed(checkShape(wAll, "W", {numDirections, gatesH, inputSize})) ||
      failed(checkShape(rAll, "R", {numDirections, gatesH, hidden})))
    return failure();

  Value bAll = ctx.input(3);
  if (bAll && failed(checkShape(bAll, "B", {numDirections, 2 * gatesH})))
    return failure();

  RecurrentOptions opts{kind, seqLength, batch, hidden};
  if (ctx.hasAttr("clip"))
    opts.clip = ctx.floatAttr("clip", 0);
  opts.linearBeforeReset = kind == CellKind::Gru && ctx.version() >= 3 &&
                           ctx.intAttr("linear_before_reset", 0);
  opts.inputForget = kind == CellKind::Lstm && ctx.intAttr("input_forget", 0);

  if (Value lens = ctx.input(4)) {
    if (typeOf(lens).getRank() != 1 || !isa<IntegerType>(elementTypeOf(lens)) ||
        (!typeOf(lens).isDynamicDim(0) && typeOf(lens).getDimSize(0) != batch))
      return ctx.emitError() << "expected sequence_lens of type tensor<"
                             << batch << "xi32>, but got " << lens.getType();
    DenseElementsAttr known = ctx.constantInput(4);
    bool allFull =
        known && llvm::all_of(known.getValues<APInt>(), [&](const APInt &v) {
          return v.getSExtValue() == seqLength;
        });
    if (!allFull)
      opts.seqLens = reshape(ctx, lens, {batch, 1});
  }

  // Initial states: [directions, batch, hidden] (or [batch, directions,
  // hidden] in layout 1); zero when absent.
  auto initialState = [&](unsigned index, StringRef what) -> FailureOr<Value> {
    Value v = ctx.input(index);
    if (!v)
      return Value();
    if (layout)
      v = transpose(ctx, v, {1, 0, 2});
    if (failed(checkShape(v, what, {numDirections, batch, hidden})))
      return failure();
    return v;
  };
  FailureOr<Value> h0 = initialState(5, "initial_h");
  FailureOr<Value> c0 = kind == CellKind::Lstm ? initialState(6, "initial_c")
                                               : FailureOr<Value>(Value());
  if (failed(h0) || failed(c0))
    return failure();
  Value pAll = kind == CellKind::Lstm ? ctx.input(7) : Value();
  if (pAll && failed(checkShape(pAll, "P", {numDirections, 3 * hidden})))
    return failure();

  static constexpr StringRef rnnDefaults[] = {"Tanh"};
  static constexpr StringRef gruDefaults[] = {"Sigmoid", "Tanh"};
  static constexpr StringRef lstmDefaults[] = {"Sigmoid", "Tanh", "Tanh"};
  ArrayRef<StringRef> defaults =
      kind == CellKind::Rnn   ? ArrayRef<StringRef>(rnnDefaults)
      : kind == CellKind::Gru ? ArrayRef<StringRef>(gruDefaults)
                              : ArrayRef<StringRef>(lstmDefaults);
  FailureOr<SmallVector<Activation>> activations =
      parseActivations(ctx, defaults, numDirections);
  if (failed(activations))
    return failure();

  Value zeroState;
  auto zero = [&]() {
    if (!zeroState)
      zeroState = ctx.constant(
          DenseElementsAttr::get(RankedTensorType::get({batch, hidden}, et),
                                 ctx.builder().getFloatAttr(et, 0.0)));
    return zeroState;
  };

  SmallVector<Value> ys, hs, cs;
  for (int64_t d = 0; d < numDirections; ++d) {
    DirectionWeights w;
    Value wT = transpose(ctx, direction(ctx, wAll, d), {1, 0});
    w.xProjection = ctx.create<MatmulOp>(x, wT);
    w.recurrent = transpose(ctx, direction(ctx, rAll, d), {1, 0});
    if (bAll) {
      Value b = direction(ctx, bAll, d);
      w.xProjection =
          ctx.create<AddOp>(w.xProjection, slice(ctx, b, {0}, {gatesH}));
      w.recurrentBias = slice(ctx, b, {gatesH}, {2 * gatesH});
    }
    if (pAll) {
      Value p = direction(ctx, pAll, d);
      for (int64_t g = 0; g < 3; ++g)
        w.peepholes[g] = slice(ctx, p, {g * hidden}, {(g + 1) * hidden});
    }
    w.initialH = *h0 ? direction(ctx, *h0, d) : zero();
    if (kind == CellKind::Lstm)
      w.initialC = *c0 ? direction(ctx, *c0, d) : zero();
    w.activations = ArrayRef<Activation>(*activations)
                        .slice(d * defaults.size(), defaults.size());
    bool reverse = dir == "reverse" || d == 1;
    DirectionResult result = runDirection(ctx, opts, w, reverse);
    if (ctx.hasFailed())
      return failure();
    if (ctx.hasOutput(0)) {
      SmallVector<Value> steps;
      for (Value out : result.outputs)
        steps.push_back(reshape(ctx, out, {1, 1, batch, hidden}));
      ys.push_back(steps.size() == 1 ? steps.front()
                                     : Value(ctx.create<ConcatOp>(steps, 0)));
    }
    hs.push_back(reshape(ctx, result.lastH, {1, batch, hidden}));
    if (result.lastC)
      cs.push_back(reshape(ctx, result.lastC, {1, batch, hidden}));
  }

  auto join = [&](ArrayRef<Value> parts, int64_t axis) -> Value {
    return parts.size() == 1 ? parts.front()
                             : Value(ctx.create<ConcatOp>(parts, axis));
  };
  if (ctx.hasOutput(0)) {
    Value y = join(ys, 1); // [seq, directions, batch, hidden]
    if (layout)
      y = transpose(ctx, y, {2, 0, 1, 3});
    ctx.setOutput(0, y);
  }
  auto finalState = [&](unsigned index, ArrayRef<Value> parts) {
    if (!ctx.hasOutput(index) || parts.empty())
      return;
    Value state = join(parts, 0); // [directions, batch, hidden]
    if (layout)
      state = transpose(ctx, state, {1, 0, 2});
    ctx.setOutput(index, state);
  };
  finalState(1, hs);
  finalState(2, cs);
  return failure(ctx.hasFailed());
}
} // namespace

//===----------------------------------------------------------------------===//
// BatchNormalization with batch statistics
//===----------------------------------------------------------------------===//

/// Training-mode BatchNormalization: normalizes with the batch's mean and
/// population variance over every dimension but the channel (1), and
/// outputs the running statistics updated with `momentum`. From opset 14:
/// Y, running_mean, running_var. Before: Y, mean, var (the running ones),
/// saved_mean, saved_var (the batch ones).
LogicalResult
mlir::dfg::onnx_import::convertBatchNormTraining(NodeContext &ctx) {
  FailureOr<SmallVector<Value>> inputs = requiredInputs(ctx, 5);
  if (failed(inputs))
    return failure();
  SmallVector<Value> &in = *inputs;
  Value x = in[0];
  if (!isa<FloatType>(elementTypeOf(x)))
    return ctx.emitError() << "expected a floating-point input, but got "
                           << x.getType();
  int64_t rank = typeOf(x).getRank();
  if (rank < 2)
    return ctx.error("expected an input of rank 2 or more [N, C, ...], but "
                     "got rank " +
                     Twine(rank));
  if (ctx.version() < 9 && ctx.intAttr("spatial", 1) == 0)
    return ctx.error("training mode with spatial = 0 (per-feature "
                     "statistics) is not supported");
  int64_t channels = typeOf(x).getDimSize(1);
  if (ShapedType::isDynamic(channels))
    return ctx.error("the channel dimension must be known at import time");
  Type et = elementTypeOf(x);
  for (unsigned i = 1; i < 5; ++i) {
    auto type = typeOf(in[i]);
    if (type.getRank() != 1 || type.isDynamicDim(0) ||
        type.getDimSize(0) != channels)
      return ctx.emitError() << "expected parameter " << i << " of shape ["
                             << channels << "], but got " << in[i].getType();
    if (type.getElementType() != et)
      in[i] = ctx.create<CastOp>(type.clone(et), in[i]);
  }
  SmallVector<int64_t> axes = {0};
  for (int64_t i = 2; i < rank; ++i)
    axes.push_back(i);
  SmallVector<int64_t> channelShape(rank, 1);
  channelShape[1] = channels;
  auto perChannel = [&](Value v) { return reshape(ctx, v, channelShape); };
  auto s = [&](double v) { return ctx.scalar(et, v); };

  Value mean = ctx.create<ReduceOp>(ReduceKind::Mean, x, axes, true);
  Value centered = ctx.create<SubOp>(x, mean);
  Value var = ctx.create<ReduceOp>(
      ReduceKind::Mean, ctx.create<MulOp>(centered, centered), axes, true);
  Value invStd = ctx.create<ReciprocalOp>(ctx.create<SqrtOp>(
      ctx.create<AddOp>(var, s(ctx.floatAttr("epsilon", 1e-5)))));
  Value y = ctx.create<MulOp>(centered, invStd);
  Value bias = perChannel(in[2]);
  Value scale = perChannel(in[1]);
  y = ctx.create<AddOp>(ctx.create<MulOp>(y, scale), bias);
  ctx.setOutput(0, y);

  Value batchMean = reshape(ctx, mean, {channels});
  Value batchVar = reshape(ctx, var, {channels});
  double momentum = ctx.floatAttr("momentum", 0.9);
  auto running = [&](Value old, Value current) -> Value {
    Value weightedCurrent = ctx.create<MulOp>(current, s(1 - momentum));
    Value weightedOld = ctx.create<MulOp>(old, s(momentum));
    return ctx.create<AddOp>(weightedOld, weightedCurrent);
  };
  if (ctx.hasOutput(1))
    ctx.setOutput(1, running(in[3], batchMean));
  if (ctx.hasOutput(2))
    ctx.setOutput(2, running(in[4], batchVar));
  if (ctx.version() < 14) {
    if (ctx.hasOutput(3))
      ctx.setOutput(3, batchMean);
    if (ctx.hasOutput(4))
      ctx.setOutput(4, batchVar);
  }
  return failure(ctx.hasFailed());
}

void mlir::dfg::onnx_import::registerRecurrentConverters(ConverterRegistry &r) {
  r.add("", "RNN", 1, convertRecurrent);
  r.add("", "GRU", 1, convertRecurrent);
  r.add("", "LSTM", 1, convertRecurrent);
}
