//===- KernelFeatures.h - What a cost model sees of a kernel ----*- C++ -*-===//
//
// A kernel (one linalg op on tensors) as numbers: work, traffic, shape, and,
// for one code-generation choice (register tile, im2col or direct, packing,
// vector width), the numbers that choice changes. Every provider (analytic,
// learned) predicts from these, so they are extracted once, in one place.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_COSTMODEL_KERNELFEATURES_H
#define DFG_COSTMODEL_KERNELFEATURES_H

#include "mlir/Support/LLVM.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>

namespace mlir {
class Operation;
} // namespace mlir

namespace mlir::dfg::cost {

enum class KernelKind {
  /// matmul, batch_matmul, contraction-shaped generics.
  Contraction,
  /// Convolutions with input and output channels (as an implicit GEMM).
  Convolution,
  /// Convolutions with a depth (channel-multiplier) dimension.
  DepthwiseConvolution,
  Pooling,
  /// All loops parallel, some arithmetic.
  Elementwise,
  /// Some reduction loops, not a contraction or convolution.
  Reduction,
  /// No arithmetic: fill, copy, transpose, broadcast.
  DataMovement,
};

llvm::StringRef stringifyKernelKind(KernelKind kind);

/// How dfg-tile-and-vectorize would generate code for the kernel; the
/// fields mirror its options.
struct CodegenChoice {
  int64_t tileM = 6;
  int64_t tileN = 16;
  int64_t tileK = 1;
  /// Convolutions that are not 1x1 with unit stride: an im2col copy and a
  /// contraction (true) or the direct loop nest (false).
  bool im2col = true;
  /// Copy each k x tileN panel of the right-hand side into a contiguous
  /// buffer before the row tiles read it.
  bool packing = false;
  /// Width of the hardware vectors the tiles are legalized to.
  unsigned vectorBits = 256;
};

struct FeatureOptions {
  /// Value assumed for a dynamic loop extent (a dynamic batch).
  int64_t dynamicSize = 1;
};

struct KernelFeatures {
  //===--- Independent of the code-generation choice ---------------------===//
  /// "linalg.matmul", ...
  std::string opName;
  KernelKind kind = KernelKind::Elementwise;
  /// Width of the widest element type among the operands.
  unsigned elementBits = 32;
  bool isFloat = true;
  /// Static extent of every loop, dynamic ones replaced by
  /// FeatureOptions::dynamicSize.
  SmallVector<int64_t> loopExtents;
  unsigned numParallelLoops = 0;
  unsigned numReductionLoops = 0;
  unsigned numDynamicLoops = 0;
  /// Product of the loop extents.
  double iterations = 0;
  /// Arithmetic operations per iteration of the body (an FMA counts two, a
  /// transcendental function kTranscendentalOps).
  double opsPerIteration = 0;
  /// iterations * opsPerIteration.
  double flops = 0;
  /// Footprint of the inputs, plus the outputs whose initial value the body
  /// reads (a matmul's accumulator); each operand once.
  double bytesRead = 0;
  double bytesWritten = 0;
  /// Bytes of all operands, each counted once.
  double footprintBytes = 0;
  /// flops / (bytesRead + bytesWritten).
  double arithmeticIntensity = 0;

  /// Contractions and convolutions as a (batched) GEMM: batch x [m x k] *
  /// [k x n]. A convolution has m = output channels, n = output pixels,
  /// k = input channels * filter taps, like the im2col lowering.
  bool hasGemmView = false;
  int64_t batch = 1, m = 0, n = 0, k = 0;
  /// Bytes of the left-hand side (filter), the right-hand side (input), the
  /// accumulator.
  double lhsBytes = 0, rhsBytes = 0, accBytes = 0;
  /// Convolution that is its own im2col (1x1 filter, unit stride, no
  /// padding in the op): its columns are the input.
  bool isPointwise = false;
  /// Product of the filter's window loops (1 for non-convolutions).
  int64_t filterTaps = 1;
  /// Extent of the innermost loop (what elementwise code vectorizes along).
  int64_t innermostExtent = 1;
  /// The kernel op's MLIR as tokens (tokenizeKernelOp in KernelText.h:
  /// names, types, attributes of the op and its body), what the text model
  /// reads; not part of featureVector.
  SmallVector<std::string> textTokens;

  //===--- Changed by the choice (see computeChoiceFeatures) -------------===//
  CodegenChoice choice;
  /// Whether the choice gives vector code (register tiles or vectorized
  /// elementwise ops) rather than scalar loops.
  bool vectorized = false;
  /// Register tiles, counting the batch; partial ones are at the edges.
  int64_t fullTiles = 0, partialTiles = 0;
  /// Useful lanes / lanes issued along n (partial column tiles split into
  /// powers of two waste lanes when narrower than a vector).
  double laneUtilization = 1;
  /// Independent accumulator vectors of a full tile, and whether the tile
  /// needs more vector registers than the target has.
  int64_t accumulatorVectors = 0;
  bool spills = false;
  /// Fraction of the vector peak the tiles can reach: lanes used, times the
  /// lower of the FMA latency hidden by independent accumulators and FMAs
  /// per load, halved by spills.
  double tileEfficiency = 1;
  /// Bytes written by the im2col copies (0 when direct or pointwise).
  double im2colBytes = 0;
  /// Bytes written by packing right-hand-side panels (0 without packing).
  double packBytes = 0;
  /// Right-hand-side panel rows that start off a vector boundary (read
  /// without packing, they straddle cache lines).
  bool unalignedPanelRows = false;
};

/// Weight of one call to exp, log, tanh, erf, ...: the polynomial
/// approximations LLVM and libm use cost about ten multiply-adds.
constexpr double kTranscendentalOps = 10;

/// Features of `op`: a linalg op on ranked tensors (or memrefs), or a
/// function whose body holds exactly one linalg op. Fails, saying why, for
/// anything else (no or several kernels, unranked operands, non-int/float
/// elements).
llvm::Expected<KernelFeatures>
extractKernelFeatures(Operation *op, const CodegenChoice &choice = {},
                      const FeatureOptions &options = {});

/// Recomputes the choice-dependent fields of `features` for `choice`;
/// no IR, so ranking many candidate choices is cheap.
void computeChoiceFeatures(KernelFeatures &features,
                           const CodegenChoice &choice);

/// One named number of a kernel's feature vector.
struct NamedFeature {
  llvm::StringLiteral name;
  double value;
};

/// Version of featureVector's list: a learned model records the version it
/// was trained on and is refused by a build whose list differs.
constexpr unsigned kFeatureVectorVersion = 1;

/// The features as the fixed-order numeric vector learned providers train
/// and predict on (the corpus stores it under these names): sizes and work
/// as log2(1 + x), kinds one-hot, the choice and its consequences as
/// numbers. The same names in the same order for every kernel.
SmallVector<NamedFeature> featureVector(const KernelFeatures &features);

/// The names featureVector gives, in its order.
SmallVector<llvm::StringLiteral> featureVectorNames();

} // namespace mlir::dfg::cost

#endif // DFG_COSTMODEL_KERNELFEATURES_H
