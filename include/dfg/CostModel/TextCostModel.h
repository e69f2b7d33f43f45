//===- TextCostModel.h - The learned model over a kernel's text -*- C++ -*-===//
//
// The seed paper's text model as a CostModel provider: the kernel op's
// tokens (KernelText.h) through a Conv1D + max-pool + MLP network
// (TextNet.h), optionally with the kernel's feature vector and the analytic
// prediction as scalar inputs, predicting log2 of the time in nanoseconds.
//
// The model file is one JSON object (format in docs/cost-model.md):
// "format": "dfg-cost-model", "kind": "text", the variant, the vocabulary,
// the machine and profile it was trained on, normalization constants and
// the weights (float32, little-endian, base64). It is written by
// `dfg-cost-text train` (LibTorch) and read without LibTorch.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_COSTMODEL_TEXTCOSTMODEL_H
#define DFG_COSTMODEL_TEXTCOSTMODEL_H

#include "dfg/CostModel/CostModel.h"
#include "dfg/CostModel/KernelText.h"
#include "dfg/CostModel/TextNet.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlir::dfg::cost {

/// The "kind" of text model files; their "format" is "dfg-cost-model",
/// "version" kTextCostModelVersion.
constexpr llvm::StringLiteral kTextCostModelKind = "text";
constexpr unsigned kTextCostModelVersion = 1;

/// Token ids 0 and 1: padding and tokens the vocabulary lacks.
constexpr llvm::StringLiteral kPadToken = "<pad>";
constexpr llvm::StringLiteral kUnknownToken = "<unk>";

/// A text model: what it reads, its network and where it was trained.
struct TextModel {
  TextVariant variant = TextVariant::OpsAndOperands;
  /// Longest token sequence (choice tokens included) the model reads.
  unsigned maxTokens = 256;
  /// Scalar inputs: featureVector (kFeatureVectorVersion) and/or
  /// log2 of the analytic prediction, normalized by scalarMean/Scale.
  bool featureInput = false;
  bool analyticInput = false;
  std::vector<float> scalarMean, scalarScale;
  /// The network predicts (log2(time ns) - targetMean) / targetScale, or
  /// with relativeToAnalytic, (log2(time / analytic time) - targetMean) /
  /// targetScale: a correction of the analytic model.
  bool relativeToAnalytic = false;
  double targetMean = 0, targetScale = 1;

  /// Whether predicting needs the analytic prediction.
  bool usesAnalytic() const { return analyticInput || relativeToAnalytic; }
  TextNetShape shape;
  TextNetWeights weights;
  /// The machine the training times were measured on (LLVM's CPU name, ""
  /// fits any) and the CPU features its code used.
  std::string cpu;
  std::vector<std::string> cpuFeatures;
  /// The profile the analytic input is computed with.
  std::optional<MachineProfile> profile;
  /// Free-form description of the training run, a JSON object's text.
  std::string trainingJson = "{}";

  /// Sets the vocabulary; [0] must be kPadToken, [1] kUnknownToken.
  void setVocabulary(std::vector<std::string> tokens);
  const std::vector<std::string> &getVocabulary() const { return vocabulary; }

  /// The ids of the variant's tokens of `features` (unknown ones as 1).
  std::vector<int32_t> encode(const KernelFeatures &features) const;
  /// The scalar inputs before normalization.
  std::vector<float> rawScalars(const KernelFeatures &features,
                                double analyticNs) const;
  /// Number of scalar inputs the flags ask for.
  unsigned numScalars() const;
  /// The prediction, log2 of nanoseconds.
  double predictLog2Ns(const KernelFeatures &features, double analyticNs) const;

private:
  std::vector<std::string> vocabulary;
  llvm::StringMap<int32_t> ids;
};

/// The model as the JSON text of its file. The same model gives the same
/// bytes.
std::string printTextModel(const TextModel &model);

/// Parses a text model file, refusing (with the reason) anything this build
/// cannot use on a CPU named `hostCPU` with `hostFeatures`: not JSON, another
/// format, version or kind, inconsistent sizes, a feature list other than
/// this build's, another CPU or features the host lacks.
llvm::Expected<TextModel>
parseTextModel(llvm::StringRef text, llvm::StringRef hostCPU,
               llvm::ArrayRef<std::string> hostFeatures);

/// Whether `text` is a model file of kind "text" (whatever else is wrong
/// with it), to dispatch on.
bool isTextCostModelText(llvm::StringRef text);

/// This machine's CPU features (LLVM's names), sorted.
std::vector<std::string> getHostCPUFeatures();

/// The provider over `model`; `fallbackProfile` computes the analytic input
/// when the model has no profile.
std::unique_ptr<CostModel> createTextCostModel(TextModel model,
                                               MachineProfile fallbackProfile);

/// Reads `path` as a text model for this machine; errors say why it cannot
/// be used (createCostModel turns them into a warning and the analytic
/// model).
llvm::Expected<std::unique_ptr<CostModel>>
loadTextCostModel(llvm::StringRef path, const MachineProfile &fallbackProfile);

} // namespace mlir::dfg::cost

#endif // DFG_COSTMODEL_TEXTCOSTMODEL_H
