//===- AnalyticCostModel.cpp - Roofline over a measured machine profile ---===//
//
// time = max(flops / (peak(vector width) * efficiency),
//            sum over streams of bytes / bandwidth(level the stream's
//            footprint fits in))
//        + per-tile overhead
// The streams of a register-tiled contraction follow dfg-tile-and-vectorize's
// loop order (column tiles outside row tiles): the left-hand side is read
// once per column tile, each right-hand-side panel once per row tile, the
// accumulator once. See docs/cost-model.md.
//
//===----------------------------------------------------------------------===//

#include "dfg/CostModel/CostModel.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

using namespace mlir;
using namespace mlir::dfg::cost;

namespace {

/// Bytes read or written from whichever level holds `footprint` bytes.
struct Stream {
  double bytes;
  double footprint;
};

/// Cache line size assumed for panel rows that straddle lines.
constexpr double kLineBytes = 64;

class AnalyticCostModel final : public CostModel {
public:
  explicit AnalyticCostModel(MachineProfile profile)
      : profile(std::move(profile)) {}

  llvm::StringRef getName() const override { return "analytic"; }
  llvm::Expected<KernelCost>
  predict(const KernelFeatures &features) const override;
  std::string explain(const KernelFeatures &features,
                      const KernelCost &cost) const override;

private:
  SmallVector<Stream> streams(const KernelFeatures &f) const;

  MachineProfile profile;
};

} // namespace

SmallVector<Stream> AnalyticCostModel::streams(const KernelFeatures &f) const {
  double all = f.footprintBytes + f.im2colBytes + f.packBytes;
  bool tiled = f.vectorized && f.hasGemmView && f.m > 0 && f.n > 0;
  if (!tiled)
    return {{f.bytesRead + f.bytesWritten, all}};

  const CodegenChoice &c = f.choice;
  double elementBytes = std::ceil(f.elementBits / 8.0);
  double batch = std::max<int64_t>(1, f.batch);
  double tileM = std::max<int64_t>(1, c.tileM);
  double tileN = std::max<int64_t>(1, c.tileN);
  double tilesM = std::ceil(f.m / tileM), tilesN = std::ceil(f.n / tileN);
  SmallVector<Stream> result;

  // Left-hand side: a convolution's filter is shared by the batch, a batched
  // matmul has one per batch; each is re-read once per column tile.
  bool sharedLhs = f.kind == KernelKind::Convolution;
  double lhsPerBatch = sharedLhs ? f.lhsBytes : f.lhsBytes / batch;
  result.push_back({lhsPerBatch * batch * tilesN, lhsPerBatch});

  // Right-hand side ("columns"): the input itself, or the im2col tensor,
  // which its copies first read the input for and write.
  double columns = f.rhsBytes;
  if (f.im2colBytes > 0) {
    result.push_back({f.rhsBytes + f.im2colBytes, f.rhsBytes + f.im2colBytes});
    columns = f.im2colBytes;
  }
  // First touch from wherever everything lives; then each k x tileN panel is
  // re-read by every other row tile, from the level the panel fits in.
  // Unpacked panel rows that start off a vector boundary touch one more
  // cache line each.
  result.push_back({columns, all});
  double panel = (f.k * tileN) * elementBytes;
  double lineFactor = 1;
  if (f.packBytes > 0) {
    result.push_back({f.packBytes, panel});
  } else if (f.unalignedPanelRows) {
    double lines = std::ceil(tileN * elementBytes / kLineBytes);
    lineFactor = (lines + 1) / lines;
  }
  result.push_back({columns * (tilesM - 1) * lineFactor, panel * lineFactor});

  // Accumulator: written once, read first when the body uses its value.
  double accRead = f.bytesRead - f.lhsBytes - f.rhsBytes > 0 ? f.accBytes : 0;
  result.push_back({accRead + f.accBytes, all});
  return result;
}

llvm::Expected<KernelCost>
AnalyticCostModel::predict(const KernelFeatures &f) const {
  if (f.elementBits == 0 || !(f.flops >= 0) || !(f.footprintBytes >= 0) ||
      !std::isfinite(f.flops) || !std::isfinite(f.footprintBytes))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "kernel features out of range");
  KernelCost cost;
  unsigned vectorBits =
      f.vectorized ? f.choice.vectorBits : std::max(32u, f.elementBits);
  double peak = profile.peakFlops(vectorBits, f.elementBits);
  // Only register-tiled float contractions pair their multiply and add into
  // one FMA instruction; elsewhere each operation is its own instruction.
  bool fused = f.vectorized && f.hasGemmView && f.isFloat;
  cost.flopsPerSecond = peak * (fused ? 1.0 : 0.5) * f.tileEfficiency;
  cost.computeNs = f.flops > 0 ? f.flops * 1e9 / cost.flopsPerSecond : 0;

  cost.workingSetBytes = f.footprintBytes + f.im2colBytes + f.packBytes;
  cost.memoryLevel = profile.levelFor(cost.workingSetBytes).name;
  for (const Stream &stream : streams(f)) {
    if (stream.bytes <= 0)
      continue;
    cost.bytesMoved += stream.bytes;
    cost.memoryNs += stream.bytes * 1e9 /
                     profile.levelFor(stream.footprint).readBytesPerSecond;
  }

  // Each register tile loads and stores its accumulator vectors around the
  // reduction loop: about one issue slot each.
  if (f.vectorized && f.hasGemmView)
    cost.overheadNs = static_cast<double>(f.fullTiles + f.partialTiles) * 2 *
                      f.accumulatorVectors * 1e9 /
                      profile.vectorInstructionsPerSecond(vectorBits);

  cost.timeNs = std::max(cost.computeNs, cost.memoryNs) + cost.overheadNs;
  return cost;
}

/// 1234567, "B" -> "1.23 MB": three significant digits, for remarks.
static std::string human(double value, llvm::StringRef unit) {
  const char *prefixes[] = {"", "K", "M", "G", "T", "P"};
  unsigned i = 0;
  while (value >= 1000 && i + 1 < std::size(prefixes)) {
    value /= 1000;
    ++i;
  }
  char text[32];
  std::snprintf(text, sizeof(text), "%.3g", value);
  return (llvm::Twine(text) + " " + prefixes[i] + unit).str();
}

static std::string duration(double ns) {
  if (ns >= 1e6)
    return llvm::formatv("{0:f3} ms", ns / 1e6).str();
  if (ns >= 1e3)
    return llvm::formatv("{0:f3} us", ns / 1e3).str();
  return llvm::formatv("{0:f1} ns", ns).str();
}

std::string AnalyticCostModel::explain(const KernelFeatures &f,
                                       const KernelCost &cost) const {
  std::string code = f.vectorized
                         ? llvm::formatv("{0}-bit vectors, efficiency {1:f2}",
                                         f.choice.vectorBits, f.tileEfficiency)
                               .str()
                         : std::string("scalar loops");
  double bandwidth = profile.levelFor(cost.workingSetBytes).readBytesPerSecond;
  return llvm::formatv(
             "{0} {1}, {2}-bound: compute {3} ({4} at {5}, {6}); memory {7} "
             "({8} moved, working set {9} in {10} at {11}); overhead {12}",
             stringifyKernelKind(f.kind), duration(cost.timeNs),
             cost.computeBound() ? "compute" : "memory",
             duration(cost.computeNs), human(f.flops, "FLOP"),
             human(cost.flopsPerSecond, "FLOP/s"), code,
             duration(cost.memoryNs), human(cost.bytesMoved, "B"),
             human(cost.workingSetBytes, "B"), cost.memoryLevel,
             human(bandwidth, "B/s"), duration(cost.overheadNs))
      .str();
}

std::unique_ptr<CostModel>
mlir::dfg::cost::createAnalyticCostModel(MachineProfile profile) {
  return std::make_unique<AnalyticCostModel>(std::move(profile));
}
