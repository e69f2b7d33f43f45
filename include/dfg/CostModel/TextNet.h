//===- TextNet.h - The text cost model's network ----------------*- C++ -*-===//
//
// The network of the text cost model: token embedding, 1-D convolutions
// (ReLU, "same" zero padding), a max-pool over the sequence, optionally
// scalar inputs concatenated, a hidden ReLU layer and one output (the
// normalized log2 time). Plain C++ with no LLVM or LibTorch types: LibTorch
// trains it (TextTraining.h), the compiler evaluates it with textNetForward
// without LibTorch.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_COSTMODEL_TEXTNET_H
#define DFG_COSTMODEL_TEXTNET_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mlir::dfg::cost {

struct TextNetShape {
  /// Token ids run from 0 to vocabularySize - 1; 0 is padding.
  unsigned vocabularySize = 0;
  unsigned embedding = 32;
  /// Output channels of each convolution.
  std::vector<unsigned> channels = {64, 64};
  /// Odd, so that "same" padding is symmetric.
  unsigned kernelWidth = 3;
  unsigned hidden = 64;
  /// Scalars concatenated to the pooled vector (0: text only).
  unsigned numScalars = 0;
};

/// The parameters, flat and row-major in LibTorch's layouts.
struct TextNetWeights {
  /// [vocabularySize, embedding]
  std::vector<float> embedding;
  /// Per layer: [out channels, in channels, kernelWidth] and [out channels].
  std::vector<std::vector<float>> convWeight, convBias;
  /// [hidden, last channels + numScalars] and [hidden].
  std::vector<float> hiddenWeight, hiddenBias;
  /// [1, hidden] and [1].
  std::vector<float> outWeight, outBias;
};

/// The named parameter tensors with their sizes, in a fixed order:
/// "embedding", "conv0.weight", "conv0.bias", ..., "hidden.weight",
/// "hidden.bias", "out.weight", "out.bias".
std::vector<std::pair<std::string, size_t>>
textNetParameterSizes(const TextNetShape &shape);
/// The same tensors of `weights` (pointers into it), in that order.
std::vector<std::vector<float> *> textNetParameters(TextNetWeights &weights);

/// Whether every tensor of `weights` has the size `shape` needs; `why` says
/// which does not.
bool checkTextNetWeights(const TextNetShape &shape,
                         const TextNetWeights &weights, std::string &why);

/// The network's output for one sequence of `numTokens` ids (each below
/// the vocabulary size, at least one) and `shape.numScalars` (normalized)
/// scalars.
double textNetForward(const TextNetShape &shape, const TextNetWeights &weights,
                      const int32_t *ids, size_t numTokens,
                      const float *scalars);

} // namespace mlir::dfg::cost

#endif // DFG_COSTMODEL_TEXTNET_H
