//===- LearnedCostModel.h - Cost models trained on measurements -*- C++ -*-===//
//
// A learned provider: gradient-boosted trees (XGBoost) over the kernel's
// feature vector, trained on kernels measured on one machine. The model is
// a JSON file (format in docs/cost-model.md) that says what it was trained
// on: the feature list, the machine, the corpus; a build refuses a file
// whose features or machine differ, and createCostModel turns every refusal
// into a warning and the analytic model.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_COSTMODEL_LEARNEDCOSTMODEL_H
#define DFG_COSTMODEL_LEARNEDCOSTMODEL_H

#include "dfg/CostModel/CostModel.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlir::dfg::cost {

/// `format` and `version` of the model files this build reads and writes.
constexpr llvm::StringLiteral kCostModelFormat = "dfg-cost-model";
constexpr unsigned kCostModelVersion = 1;

/// What a model's machine must share with the host: LLVM's CPU name and the
/// code-generation features the measured code used.
struct HostMachine {
  std::string cpu;
  /// Sorted LLVM feature names the CPU has ("avx2", "avx512f", ...).
  SmallVector<std::string> features;
  /// This machine (llvm::sys::getHostCPUName and getHostCPUFeatures).
  static HostMachine current();
};

/// What the booster predicts, from which inputs. The analytic prediction
/// (with the profile stored in the model) can be an input, a baseline the
/// booster corrects, or both.
struct LearnedTarget {
  /// Predict log2(time / analytic time) rather than log2(time).
  bool relativeToAnalytic = false;
  /// Append log2(analytic time) to the feature vector.
  bool analyticInput = false;

  bool usesAnalytic() const { return relativeToAnalytic || analyticInput; }
  /// "log2_time_ns" or "log2_time_over_analytic".
  llvm::StringRef name() const;
};

/// A loaded model file: its description and the booster.
class XGBoostModel {
public:
  ~XGBoostModel();
  XGBoostModel(const XGBoostModel &) = delete;
  XGBoostModel &operator=(const XGBoostModel &) = delete;

  /// Parses a model file's text, refusing (with the reason) anything this
  /// build cannot use on `host`: not JSON, another format or version, a kind
  /// other than "xgboost", a feature list other than featureVectorNames(), a
  /// machine with another CPU name (an empty one fits any machine) or
  /// features the host lacks, a booster XGBoost cannot load.
  static llvm::Expected<std::unique_ptr<XGBoostModel>>
  parse(llvm::StringRef text, const HostMachine &host);
  /// Reads and parses `path`; errors do not repeat the path.
  static llvm::Expected<std::unique_ptr<XGBoostModel>>
  load(llvm::StringRef path, const HostMachine &host);

  /// The predicted time in nanoseconds for one feature vector (in
  /// featureVectorNames() order) whose analytic prediction is `analyticNs`
  /// (ignored unless the target uses it). Deterministic; thread-safe.
  llvm::Expected<double> predictNs(llvm::ArrayRef<double> featureVector,
                                   double analyticNs) const;
  /// The same for several kernels at once: `featureVectors` holds one vector
  /// after the other, `analyticNs` one time per kernel. One call into
  /// XGBoost, whose set-up dominates a single prediction.
  llvm::Expected<std::vector<double>>
  predictNs(llvm::ArrayRef<double> featureVectors,
            llvm::ArrayRef<double> analyticNs) const;

  const LearnedTarget &getTarget() const { return target; }
  /// The profile the training corpus's analytic predictions were made with;
  /// the provider predicts the analytic input with it, whatever profile the
  /// compiler was given. None when the corpus recorded none.
  const std::optional<MachineProfile> &getProfile() const { return profile; }
  /// The machine the model was trained on, as the file describes it.
  llvm::StringRef getCPU() const { return cpu; }

private:
  XGBoostModel() = default;

  void *booster = nullptr;
  LearnedTarget target;
  std::optional<MachineProfile> profile;
  std::string cpu;
  unsigned numInputs = 0;
  /// The array-interface header of a one-row input, with its address
  /// patched in per query (XGBoosterPredictFromDense takes JSON).
  std::string predictConfig;
};

/// Builds a model file: the description fields around a booster saved by
/// XGBoost (`boosterBytes`, UBJSON). `machine` and `training` are written as
/// given. The same arguments give the same bytes.
std::string printCostModelFile(const LearnedTarget &target,
                               const llvm::json::Object &machine,
                               const std::optional<MachineProfile> &profile,
                               const llvm::json::Object &training,
                               llvm::StringRef boosterBytes);

/// The provider over a loaded model; `fallbackProfile` gives the analytic
/// part of explanations when the model has no profile of its own.
std::unique_ptr<CostModel>
createXGBoostCostModel(std::unique_ptr<XGBoostModel> model,
                       std::string modelPath, MachineProfile fallbackProfile);

/// XGBoost's last error, its first line without the source location, after
/// `what`.
llvm::Error xgboostError(llvm::StringRef what);

/// Where createCostModel("learned") looks for the model of a `cpu` (LLVM's
/// name), first match wins: <executable>/../share/dfg/cost-models/<cpu>.json
/// (an install), then the source tree's cost-models/<cpu>.json (a build
/// tree); only $DFG_COST_MODEL_DIR/<cpu>.json when that variable is set.
SmallVector<std::string> learnedCostModelCandidates(llvm::StringRef cpu);

} // namespace mlir::dfg::cost

#endif // DFG_COSTMODEL_LEARNEDCOSTMODEL_H
