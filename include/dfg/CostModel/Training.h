//===- Training.h - Measured corpora and training learned models -*- C++
//-*-===//
//
// The measured corpus (gzip'd or plain JSON lines, format in
// docs/cost-model.md) as samples, training an XGBoost model file from it,
// and predicting its samples with a model: what dfg-cost-model does, as a
// library so that tests can drive it. Not linked by the compiler.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_COSTMODEL_TRAINING_H
#define DFG_COSTMODEL_TRAINING_H

#include "dfg/CostModel/LearnedCostModel.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <vector>

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace mlir::dfg::cost {

constexpr llvm::StringLiteral kCorpusFormat = "dfg-cost-corpus";
constexpr unsigned kCorpusVersion = 1;

/// One measured (kernel, choice).
struct CorpusSample {
  std::string id;
  /// The kernel: every choice of one kernel shares it.
  std::string group;
  /// The model family the kernel came from.
  std::string family;
  std::string op;
  /// In featureVectorNames() order.
  std::vector<double> features;
  double analyticNs = 0;
  /// Median measured time.
  double timeNs = 0;
  /// (p90 - p10) / median of the repeats.
  double spread = 0;
  /// The code-generation choice measured, and the kernel's function as text
  /// (both optional: empty text, default choice).
  CodegenChoice choice;
  std::string mlir;
};

struct Corpus {
  /// The header's "machine" object, copied into models trained on it.
  llvm::json::Object machine;
  /// The header's machine profile, if it has one ("profile").
  std::optional<MachineProfile> profile;
  std::vector<CorpusSample> samples;
};

/// Reads a corpus; gzip'd or plain (a growing file's last line may be cut
/// short: that line is skipped with a warning). Fails if the header is not
/// a corpus header or its feature list is not this build's.
llvm::Expected<Corpus>
readCorpus(llvm::StringRef path,
           llvm::function_ref<void(const llvm::Twine &)> warn);

/// Re-extracts the features of `sample` from its MLIR text (parsed in
/// `context`, which must have the dialects loaded) and its choice, and
/// predicts it with the analytic model over `profile`: fails, saying what
/// differs, unless both match what the corpus stores (relative 1e-6). This
/// is what the compiler will compute for the same kernel, so a model
/// trained on the corpus sees in the compiler what it saw in training.
llvm::Error checkSample(MLIRContext &context, const CorpusSample &sample,
                        const CostModel &analytic);

/// The test families of a split file (`{"test_families": [...]}`).
llvm::Expected<llvm::StringSet<>> readSplit(llvm::StringRef path);

struct TrainOptions {
  unsigned seed = 0;
  LearnedTarget target;
  unsigned rounds = 400;
  unsigned maxDepth = 6;
  double eta = 0.05;
  double subsample = 0.8;
  double columnSample = 0.8;
  double minChildWeight = 2;
  /// Samples noisier than this ((p90 - p10) / median) are not trained on.
  double maxSpread = 0.25;
  /// Families never trained on.
  llvm::StringSet<> testFamilies;
  /// Used when the corpus has no profile and the target needs one.
  std::optional<MachineProfile> profile;
  /// Recorded in the model's "training" object.
  std::string corpusPath, splitPath, date;
};

struct TrainResult {
  std::string modelText;
  size_t trained = 0, noisy = 0, heldOut = 0, invalid = 0;
};

/// Trains on the corpus's samples outside the test families, with XGBoost's
/// exact settings fixed by `options` (one thread), so that the same corpus,
/// options and seed give the same file byte for byte.
llvm::Expected<TrainResult> trainXGBoost(const Corpus &corpus,
                                         const TrainOptions &options);

} // namespace mlir::dfg::cost

#endif // DFG_COSTMODEL_TRAINING_H
