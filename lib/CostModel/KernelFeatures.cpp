//===- KernelFeatures.cpp - Feature extraction from linalg ops ------------===//

#include "dfg/CostModel/KernelFeatures.h"
#include "dfg/CostModel/KernelText.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::dfg::cost;

static llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::StringRef mlir::dfg::cost::stringifyKernelKind(KernelKind kind) {
  switch (kind) {
  case KernelKind::Contraction:
    return "contraction";
  case KernelKind::Convolution:
    return "convolution";
  case KernelKind::DepthwiseConvolution:
    return "depthwise-convolution";
  case KernelKind::Pooling:
    return "pooling";
  case KernelKind::Elementwise:
    return "elementwise";
  case KernelKind::Reduction:
    return "reduction";
  case KernelKind::DataMovement:
    return "data-movement";
  }
  llvm_unreachable("unknown KernelKind");
}

/// The one kernel of `op`: itself, or the only linalg op of a function that
/// is not a fill (fills initialize the kernel's accumulator).
static FailureOr<linalg::LinalgOp> findKernel(Operation *op, std::string &why) {
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op))
    return linalgOp;
  if (!isa<FunctionOpInterface>(op)) {
    why = ("'" + op->getName().getStringRef() +
           "' is neither a linalg op nor a function")
              .str();
    return failure();
  }
  SmallVector<linalg::LinalgOp> kernels, fills;
  op->walk([&](linalg::LinalgOp inner) {
    (isa<linalg::FillOp>(inner) ? fills : kernels).push_back(inner);
  });
  if (kernels.empty() && fills.size() == 1)
    return fills.front();
  if (kernels.size() == 1)
    return kernels.front();
  why = "expected one linalg op (besides fills) in the function, found " +
        std::to_string(kernels.size());
  return failure();
}

/// Element width in bits of a scalar or shaped type; 0 for types a cost
/// model cannot size (complex, opaque).
static unsigned elementBitsOf(Type type) {
  Type element = getElementTypeOrSelf(type);
  if (element.isIndex())
    return 64;
  if (element.isIntOrFloat())
    return element.getIntOrFloatBitWidth();
  return 0;
}

/// Bytes of `type` with dynamic sizes replaced by `dynamicSize`; std::nullopt
/// for unranked or unsizable types.
static std::optional<double> bytesOf(Type type, int64_t dynamicSize) {
  unsigned bits = elementBitsOf(type);
  if (bits == 0)
    return std::nullopt;
  double bytes = std::ceil(bits / 8.0);
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped)
    return bytes;
  if (!shaped.hasRank())
    return std::nullopt;
  for (int64_t size : shaped.getShape())
    bytes *= ShapedType::isDynamic(size) ? dynamicSize : size;
  return bytes;
}

/// Arithmetic operations of one op of a linalg body.
static double opsOf(Operation &op) {
  if (isa<arith::ConstantOp>(op))
    return 0;
  if (isa<math::FmaOp>(op))
    return 2;
  if (isa<math::AbsFOp, math::AbsIOp, math::CeilOp, math::FloorOp,
          math::RoundOp, math::RoundEvenOp, math::TruncOp, math::CopySignOp,
          math::SqrtOp, math::RsqrtOp>(op))
    return 1;
  if (isa<math::MathDialect>(op.getDialect()))
    return kTranscendentalOps;
  if (isa<arith::ArithDialect>(op.getDialect()))
    return 1;
  return 0;
}

static double product(ArrayRef<int64_t> extents, ArrayRef<unsigned> dims) {
  double result = 1;
  for (unsigned dim : dims)
    result *= extents[dim];
  return result;
}

static KernelKind classify(linalg::LinalgOp op, double opsPerIteration,
                           unsigned numReductionLoops) {
  StringRef name = op->getName().getStringRef();
  if (opsPerIteration == 0)
    return KernelKind::DataMovement;
  if (name.starts_with("linalg.pooling_"))
    return KernelKind::Pooling;
  if (name.starts_with("linalg.depthwise_conv"))
    return KernelKind::DepthwiseConvolution;
  if (linalg::isaConvolutionOpInterface(op, /*allowEmptyConvolvedDims=*/false))
    return KernelKind::Convolution;
  if (linalg::isaContractionOpInterface(op))
    return KernelKind::Contraction;
  if (numReductionLoops > 0)
    return KernelKind::Reduction;
  return KernelKind::Elementwise;
}

/// Fills the GEMM view of a contraction or convolution.
static void computeGemmView(linalg::LinalgOp op, KernelFeatures &features,
                            ArrayRef<double> inputBytes, double initBytes) {
  ArrayRef<int64_t> extents = features.loopExtents;
  if (features.kind == KernelKind::Contraction) {
    FailureOr<linalg::ContractionDimensions> dims =
        linalg::inferContractionDims(op);
    if (failed(dims) || inputBytes.size() != 2)
      return;
    features.batch = product(extents, dims->batch);
    features.m = product(extents, dims->m);
    features.n = product(extents, dims->n);
    features.k = product(extents, dims->k);
    features.lhsBytes = inputBytes[0];
    features.rhsBytes = inputBytes[1];
  } else if (features.kind == KernelKind::Convolution) {
    FailureOr<linalg::ConvolutionDimensions> dims =
        linalg::inferConvolutionDims(op);
    if (failed(dims) || inputBytes.size() != 2 || !dims->depth.empty())
      return;
    features.batch = product(extents, dims->batch);
    features.m = product(extents, dims->outputChannel);
    features.n = product(extents, dims->outputImage);
    features.filterTaps = product(extents, dims->filterLoop);
    features.k = product(extents, dims->inputChannel) * features.filterTaps;
    features.isPointwise =
        features.filterTaps == 1 &&
        llvm::all_of(dims->strides, [](int64_t s) { return s == 1; });
    // The filter is the GEMM's left-hand side, the (im2col'd) input its
    // right-hand side, as in dfg-tile-and-vectorize.
    features.lhsBytes = inputBytes[1];
    features.rhsBytes = inputBytes[0];
  } else {
    return;
  }
  features.accBytes = initBytes;
  features.hasGemmView = true;
}

llvm::Expected<KernelFeatures> mlir::dfg::cost::extractKernelFeatures(
    Operation *op, const CodegenChoice &choice, const FeatureOptions &options) {
  if (options.dynamicSize < 1)
    return fail("the size assumed for dynamic extents must be positive");
  std::string why;
  FailureOr<linalg::LinalgOp> kernel = findKernel(op, why);
  if (failed(kernel))
    return fail(why);
  linalg::LinalgOp linalgOp = *kernel;

  KernelFeatures features;
  features.opName = linalgOp->getName().getStringRef().str();

  // Operands: sizes, widest element, traffic.
  SmallVector<double> inputBytes;
  unsigned widest = 0;
  for (OpOperand &operand : linalgOp->getOpOperands()) {
    Type type = operand.get().getType();
    std::optional<double> bytes = bytesOf(type, options.dynamicSize);
    if (!bytes) {
      std::string typeText;
      llvm::raw_string_ostream(typeText) << type;
      return fail("operand #" + llvm::Twine(operand.getOperandNumber()) +
                  " of type '" + typeText +
                  "' has no static rank or a non-integer, non-float element "
                  "type");
    }
    widest = std::max(widest, elementBitsOf(type));
    features.footprintBytes += *bytes;
    if (linalgOp.isDpsInput(&operand)) {
      inputBytes.push_back(*bytes);
      features.bytesRead += *bytes;
      continue;
    }
    features.bytesWritten += *bytes;
    if (linalgOp.payloadUsesValueFromOperand(&operand))
      features.bytesRead += *bytes;
  }
  features.elementBits = widest;
  if (linalgOp.getNumDpsInits() == 0)
    return fail("the op has no outputs");
  features.isFloat = isa<FloatType>(
      getElementTypeOrSelf(linalgOp.getDpsInitOperand(0)->get().getType()));

  // Iteration space.
  for (int64_t extent : linalgOp.getStaticLoopRanges()) {
    if (ShapedType::isDynamic(extent)) {
      ++features.numDynamicLoops;
      extent = options.dynamicSize;
    }
    features.loopExtents.push_back(extent);
  }
  features.iterations = 1;
  for (int64_t extent : features.loopExtents)
    features.iterations *= static_cast<double>(extent);
  // Beyond 2^53 iterations counts are no longer exact in a double and tile
  // counts could overflow int64: no kernel is that large.
  if (features.iterations > 9007199254740992.0)
    return fail("the iteration space (" +
                llvm::Twine(llvm::formatv("{0:e}", features.iterations)) +
                " iterations) is too large to model");
  for (utils::IteratorType type : linalgOp.getIteratorTypesArray()) {
    if (type == utils::IteratorType::reduction)
      ++features.numReductionLoops;
    else
      ++features.numParallelLoops;
  }
  features.innermostExtent =
      features.loopExtents.empty() ? 1 : features.loopExtents.back();

  // Work.
  if (Block *body = linalgOp.getBlock())
    for (Operation &bodyOp : body->without_terminator())
      features.opsPerIteration += opsOf(bodyOp);
  features.flops = features.iterations * features.opsPerIteration;
  double traffic = features.bytesRead + features.bytesWritten;
  features.arithmeticIntensity = traffic > 0 ? features.flops / traffic : 0;

  features.kind =
      classify(linalgOp, features.opsPerIteration, features.numReductionLoops);
  double initBytes = 0;
  for (OpOperand &init : linalgOp.getDpsInitsMutable())
    initBytes += *bytesOf(init.get().getType(), options.dynamicSize);
  computeGemmView(linalgOp, features, inputBytes, initBytes);
  features.textTokens = tokenizeKernelOp(linalgOp);

  computeChoiceFeatures(features, choice);
  return features;
}

//===----------------------------------------------------------------------===//
// Choice-dependent features
//===----------------------------------------------------------------------===//

/// Independent FMA chains needed to hide the FMA latency: 4 cycles times 2
/// FMA ports on x86 cores since Haswell (Zen: 4 x 2 as well; most AArch64
/// cores 4 x 2 to 4 x 4).
static constexpr double kFmaChains = 8;

static double ceilDiv(double a, double b) { return std::ceil(a / b); }

/// Vector instructions per row that cover `n` columns with tiles of `tileN`
/// columns: full tiles, then the remainder split into powers of two, each
/// piece in vectors of `lanes` (a piece narrower than a vector still takes
/// a whole instruction).
static double vectorsPerRow(int64_t n, int64_t tileN, int64_t lanes) {
  double vectors = static_cast<double>(n / tileN) * ceilDiv(tileN, lanes);
  for (int64_t rest = n % tileN; rest > 0;) {
    int64_t piece = int64_t(1) << llvm::Log2_64(rest);
    vectors += ceilDiv(piece, lanes);
    rest -= piece;
  }
  return vectors;
}

void mlir::dfg::cost::computeChoiceFeatures(KernelFeatures &features,
                                            const CodegenChoice &choice) {
  KernelFeatures &f = features;
  f.choice = choice;
  f.fullTiles = f.partialTiles = 0;
  f.laneUtilization = f.tileEfficiency = 1;
  f.accumulatorVectors = 0;
  f.spills = false;
  f.im2colBytes = f.packBytes = 0;
  f.unalignedPanelRows = false;

  int64_t elementBits = std::max<int64_t>(1, f.elementBits);
  int64_t lanes = std::max<int64_t>(1, choice.vectorBits / elementBits);
  double elementBytes = std::ceil(elementBits / 8.0);
  int64_t tileM = std::max<int64_t>(1, choice.tileM);
  int64_t tileN = std::max<int64_t>(1, choice.tileN);

  bool nchw = StringRef(f.opName).contains("nchw");
  switch (f.kind) {
  case KernelKind::Contraction:
    f.vectorized = f.hasGemmView;
    break;
  case KernelKind::Convolution:
    // dfg-tile-and-vectorize rewrites NCHW 2-D convolutions only; without
    // im2col it leaves them (except pointwise ones) to scalar loops.
    f.vectorized = f.hasGemmView && f.opName == "linalg.conv_2d_nchw_fchw" &&
                   (choice.im2col || f.isPointwise);
    break;
  case KernelKind::DepthwiseConvolution:
  case KernelKind::Pooling:
    f.vectorized = nchw;
    break;
  case KernelKind::Elementwise:
    f.vectorized = true;
    break;
  case KernelKind::Reduction:
  case KernelKind::DataMovement:
    f.vectorized = false;
    break;
  }
  if (!f.vectorized)
    return;

  if (!f.hasGemmView || f.m <= 0 || f.n <= 0) {
    // Elementwise code vectorizes along the innermost extent.
    double inner = std::max<int64_t>(1, f.innermostExtent);
    f.laneUtilization = inner / (lanes * ceilDiv(inner, lanes));
    f.tileEfficiency = f.laneUtilization;
    return;
  }

  // Register tiles over [m, n], the batch outside.
  int64_t fullM = f.m / tileM, fullN = f.n / tileN;
  int64_t tilesM = (f.m + tileM - 1) / tileM,
          tilesN = (f.n + tileN - 1) / tileN;
  f.fullTiles = f.batch * fullM * fullN;
  f.partialTiles = f.batch * tilesM * tilesN - f.fullTiles;
  f.laneUtilization = f.n / (lanes * vectorsPerRow(f.n, tileN, lanes));

  // Tiles come in classes: full or partial rows (m % tileM) times full
  // column tiles or the power-of-two pieces of the last one. Each class
  // reaches the fraction of peak its accumulators allow, weighted by the
  // share of the output it covers.
  // Registers: the accumulators, one row of the right-hand side, one
  // broadcast element of the left; 16 vector registers (SSE, AVX2; NEON's
  // 32 are 128-bit), 32 with AVX-512.
  int64_t available = choice.vectorBits >= 512 ? 32 : 16;
  // Per reduction step a tile issues rows * rowVectors FMAs and loads one
  // broadcast element per row plus one right-hand-side row. Two bounds on
  // its FMA rate, whichever is lower: the FMA latency (4 cycles x 2 ports
  // needs 8 independent accumulators) and the load ports (as many as FMA
  // ports: 2 and 2 on x86 since Haswell and on Zen).
  auto classEfficiency = [&](int64_t rows, int64_t rowVectors) {
    int64_t accumulators = rows * rowVectors;
    bool spills = accumulators + rowVectors + 1 > available;
    f.spills |= spills;
    f.accumulatorVectors = std::max(f.accumulatorVectors, accumulators);
    double latencyBound = accumulators / kFmaChains;
    double loadBound = accumulators / static_cast<double>(rows + rowVectors);
    return std::min({1.0, latencyBound, loadBound}) * (spills ? 0.5 : 1.0);
  };
  SmallVector<std::pair<double, int64_t>> rowClasses, columnClasses;
  if (fullM > 0)
    rowClasses.push_back({double(fullM * tileM) / f.m, tileM});
  if (f.m % tileM)
    rowClasses.push_back({double(f.m % tileM) / f.m, f.m % tileM});
  if (fullN > 0)
    columnClasses.push_back({double(fullN * tileN) / f.n,
                             static_cast<int64_t>(ceilDiv(tileN, lanes))});
  for (int64_t rest = f.n % tileN; rest > 0;) {
    int64_t piece = int64_t(1) << llvm::Log2_64(rest);
    columnClasses.push_back(
        {double(piece) / f.n, static_cast<int64_t>(ceilDiv(piece, lanes))});
    rest -= piece;
  }
  double latency = 0;
  for (auto [rowShare, rows] : rowClasses)
    for (auto [columnShare, rowVectors] : columnClasses)
      latency += rowShare * columnShare * classEfficiency(rows, rowVectors);
  f.tileEfficiency = f.laneUtilization * latency;

  if (f.kind == KernelKind::Convolution && !f.isPointwise)
    f.im2colBytes = static_cast<double>(f.batch) * f.k * f.n * elementBytes;
  if (choice.packing)
    f.packBytes =
        static_cast<double>(f.batch) * f.k * (fullN * tileN) * elementBytes;
  f.unalignedPanelRows =
      (f.n * elementBits) % std::max<int64_t>(elementBits, choice.vectorBits) !=
      0;
}

SmallVector<NamedFeature>
mlir::dfg::cost::featureVector(const KernelFeatures &f) {
  auto lg = [](double x) { return std::log2(1.0 + std::max(0.0, x)); };
  auto is = [&](KernelKind kind) { return f.kind == kind ? 1.0 : 0.0; };
  auto extent = [&](size_t i) -> double {
    return i < f.loopExtents.size() ? lg(f.loopExtents[i]) : 0.0;
  };
  const CodegenChoice &c = f.choice;
  int64_t tileM = std::max<int64_t>(1, c.tileM),
          tileN = std::max<int64_t>(1, c.tileN);
  double fullRows = f.m > 0 ? std::floor(double(f.m) / tileM) : 0;
  double fullCols = f.n > 0 ? std::floor(double(f.n) / tileN) : 0;
  return {
      // The kernel.
      {"kind_contraction", is(KernelKind::Contraction)},
      {"kind_convolution", is(KernelKind::Convolution)},
      {"kind_depthwise", is(KernelKind::DepthwiseConvolution)},
      {"kind_pooling", is(KernelKind::Pooling)},
      {"kind_elementwise", is(KernelKind::Elementwise)},
      {"kind_reduction", is(KernelKind::Reduction)},
      {"kind_data_movement", is(KernelKind::DataMovement)},
      {"element_bits", double(f.elementBits)},
      {"is_float", f.isFloat ? 1.0 : 0.0},
      {"num_loops", double(f.loopExtents.size())},
      {"num_parallel_loops", double(f.numParallelLoops)},
      {"num_reduction_loops", double(f.numReductionLoops)},
      {"num_dynamic_loops", double(f.numDynamicLoops)},
      {"log_extent_0", extent(0)},
      {"log_extent_1", extent(1)},
      {"log_extent_2", extent(2)},
      {"log_extent_3", extent(3)},
      {"log_extent_4", extent(4)},
      {"log_extent_5", extent(5)},
      {"log_extent_6", extent(6)},
      {"log_iterations", lg(f.iterations)},
      {"ops_per_iteration", f.opsPerIteration},
      {"log_flops", lg(f.flops)},
      {"log_bytes_read", lg(f.bytesRead)},
      {"log_bytes_written", lg(f.bytesWritten)},
      {"log_footprint_bytes", lg(f.footprintBytes)},
      {"log_arithmetic_intensity", lg(f.arithmeticIntensity)},
      {"has_gemm_view", f.hasGemmView ? 1.0 : 0.0},
      {"log_batch", lg(f.batch)},
      {"log_m", lg(f.m)},
      {"log_n", lg(f.n)},
      {"log_k", lg(f.k)},
      {"log_lhs_bytes", lg(f.lhsBytes)},
      {"log_rhs_bytes", lg(f.rhsBytes)},
      {"log_acc_bytes", lg(f.accBytes)},
      {"is_pointwise", f.isPointwise ? 1.0 : 0.0},
      {"filter_taps", double(f.filterTaps)},
      {"log_innermost_extent", lg(f.innermostExtent)},
      {"m_mod_tile_m", f.m > 0 ? double(f.m % tileM) : 0.0},
      {"n_mod_tile_n", f.n > 0 ? double(f.n % tileN) : 0.0},
      {"n_mod_16", f.n > 0 ? double(f.n % 16) : 0.0},
      {"log_full_rows", lg(fullRows)},
      {"log_full_cols", lg(fullCols)},
      // The choice.
      {"tile_m", double(c.tileM)},
      {"tile_n", double(c.tileN)},
      {"tile_k", double(c.tileK)},
      {"im2col", c.im2col ? 1.0 : 0.0},
      {"packing", c.packing ? 1.0 : 0.0},
      {"vector_bits", double(c.vectorBits)},
      // What the choice implies.
      {"vectorized", f.vectorized ? 1.0 : 0.0},
      {"log_full_tiles", lg(f.fullTiles)},
      {"log_partial_tiles", lg(f.partialTiles)},
      {"lane_utilization", f.laneUtilization},
      {"accumulator_vectors", double(f.accumulatorVectors)},
      {"spills", f.spills ? 1.0 : 0.0},
      {"tile_efficiency", f.tileEfficiency},
      {"log_im2col_bytes", lg(f.im2colBytes)},
      {"log_pack_bytes", lg(f.packBytes)},
      {"unaligned_panel_rows", f.unalignedPanelRows ? 1.0 : 0.0},
  };
}

SmallVector<llvm::StringLiteral> mlir::dfg::cost::featureVectorNames() {
  SmallVector<llvm::StringLiteral> names;
  for (const NamedFeature &feature : featureVector(KernelFeatures()))
    names.push_back(feature.name);
  return names;
}
