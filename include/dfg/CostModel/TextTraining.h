//===- TextTraining.h - Training the text cost model (LibTorch) -*- C++ -*-===//
//
// Trains the network of TextNet.h with LibTorch on token-id sequences,
// deterministically for a seed (one thread, seeded initialization and
// shuffling). Plain C++ types only: the LibTorch headers, which need
// exceptions, stay inside the one source file that implements this, and
// builds without LibTorch (DFG_ENABLE_TORCH off) do not have it.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_COSTMODEL_TEXTTRAINING_H
#define DFG_COSTMODEL_TEXTTRAINING_H

#include "dfg/CostModel/TextNet.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mlir::dfg::cost {

/// One training example: token ids (no padding), normalized scalars, the
/// normalized target.
struct TextTrainingSample {
  std::vector<int32_t> ids;
  std::vector<float> scalars;
  float target = 0;
};

struct TextTrainingOptions {
  unsigned epochs = 30;
  unsigned batchSize = 64;
  double learningRate = 2e-3;
  double weightDecay = 1e-5;
  uint64_t seed = 1;
};

struct TextTrainingResult {
  /// The weights of the epoch with the lowest validation loss (the last
  /// epoch without validation samples).
  TextNetWeights weights;
  unsigned bestEpoch = 0;
  double trainLoss = 0, validationLoss = 0;
  /// Non-empty when training failed (LibTorch's message).
  std::string error;
};

/// Trains a network of `shape` (mean squared error on the normalized
/// target, Adam); `progress` is called after each epoch with its number and
/// the mean training and validation losses.
TextTrainingResult
trainTextNet(const TextNetShape &shape,
             const std::vector<TextTrainingSample> &train,
             const std::vector<TextTrainingSample> &validation,
             const TextTrainingOptions &options,
             const std::function<void(unsigned, double, double)> &progress);

/// LibTorch's forward pass of `weights` on `samples` (for checking
/// textNetForward against it).
std::vector<double>
torchTextNetForward(const TextNetShape &shape, const TextNetWeights &weights,
                    const std::vector<TextTrainingSample> &samples);

} // namespace mlir::dfg::cost

#endif // DFG_COSTMODEL_TEXTTRAINING_H
