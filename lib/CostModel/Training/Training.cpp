//===- Training.cpp - Training XGBoost model files on a corpus ------------===//
//
// Rows are the corpus's samples outside the test families and below the
// noise threshold, in corpus order; the label is log2 of the measured time,
// or of its ratio to the analytic prediction. One thread and a fixed seed
// make the trees, and so the file, the same on every run.
//
//===----------------------------------------------------------------------===//

#include "dfg/CostModel/Training.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <xgboost/c_api.h>

#include <cmath>
#include <limits>
#include <set>

using namespace mlir;
using namespace mlir::dfg::cost;

static llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

namespace {
/// Frees XGBoost handles on every path out.
struct Handles {
  DMatrixHandle matrix = nullptr;
  BoosterHandle booster = nullptr;
  ~Handles() {
    if (booster)
      XGBoosterFree(booster);
    if (matrix)
      XGDMatrixFree(matrix);
  }
};
} // namespace

llvm::Expected<TrainResult>
mlir::dfg::cost::trainXGBoost(const Corpus &corpus,
                              const TrainOptions &options) {
  std::optional<MachineProfile> profile =
      corpus.profile ? corpus.profile : options.profile;
  if (options.target.usesAnalytic() && !profile)
    return fail("the target uses the analytic prediction, so the model needs "
                "the machine profile it was made with: the corpus has none "
                "and no --profile was given");

  TrainResult result;
  size_t numFeatures = featureVectorNames().size();
  size_t numInputs = numFeatures + (options.target.analyticInput ? 1 : 0);
  std::vector<float> rows;
  std::vector<float> labels;
  std::set<std::string> families;
  for (const CorpusSample &sample : corpus.samples) {
    if (options.testFamilies.contains(sample.family)) {
      ++result.heldOut;
      continue;
    }
    bool valid = sample.timeNs > 0 && std::isfinite(sample.timeNs) &&
                 std::isfinite(sample.spread) &&
                 (!options.target.usesAnalytic() ||
                  (sample.analyticNs > 0 && std::isfinite(sample.analyticNs)));
    if (!valid) {
      ++result.invalid;
      continue;
    }
    if (sample.spread > options.maxSpread) {
      ++result.noisy;
      continue;
    }
    for (double value : sample.features)
      rows.push_back(static_cast<float>(value));
    if (options.target.analyticInput)
      rows.push_back(static_cast<float>(std::log2(sample.analyticNs)));
    double label = std::log2(sample.timeNs);
    if (options.target.relativeToAnalytic)
      label -= std::log2(sample.analyticNs);
    labels.push_back(static_cast<float>(label));
    families.insert(sample.family);
    ++result.trained;
  }
  if (result.trained < 2)
    return fail(llvm::formatv("only {0} samples to train on ({1} in test "
                              "families, {2} noisy, {3} invalid)",
                              result.trained, result.heldOut, result.noisy,
                              result.invalid));

  Handles handles;
  if (XGDMatrixCreateFromMat(rows.data(), labels.size(), numInputs,
                             std::numeric_limits<float>::quiet_NaN(),
                             &handles.matrix) != 0)
    return xgboostError("cannot make the training matrix");
  if (XGDMatrixSetFloatInfo(handles.matrix, "label", labels.data(),
                            labels.size()) != 0)
    return xgboostError("cannot set the labels");
  if (XGBoosterCreate(&handles.matrix, 1, &handles.booster) != 0)
    return xgboostError("cannot create a booster");
  double mean = 0;
  for (float label : labels)
    mean += label;
  mean /= labels.size();
  SmallVector<std::pair<std::string, std::string>> params = {
      {"verbosity", "0"},
      {"objective", "reg:squarederror"},
      {"tree_method", "hist"},
      {"nthread", "1"},
      {"seed", std::to_string(options.seed)},
      {"max_depth", std::to_string(options.maxDepth)},
      {"eta", llvm::formatv("{0}", options.eta).str()},
      {"subsample", llvm::formatv("{0}", options.subsample).str()},
      {"colsample_bytree", llvm::formatv("{0}", options.columnSample).str()},
      {"min_child_weight", llvm::formatv("{0}", options.minChildWeight).str()},
      {"base_score", llvm::formatv("{0}", mean).str()},
  };
  for (const auto &[name, value] : params)
    if (XGBoosterSetParam(handles.booster, name.c_str(), value.c_str()) != 0)
      return xgboostError("cannot set '" + name + "'");
  for (unsigned round = 0; round < options.rounds; ++round)
    if (XGBoosterUpdateOneIter(handles.booster, round, handles.matrix) != 0)
      return xgboostError("training failed");
  bst_ulong length = 0;
  const char *bytes = nullptr;
  if (XGBoosterSaveModelToBuffer(handles.booster, R"({"format": "ubj"})",
                                 &length, &bytes) != 0)
    return xgboostError("cannot save the booster");

  llvm::json::Array testFamilies;
  std::set<std::string> sortedTest;
  for (const auto &family : options.testFamilies)
    sortedTest.insert(family.getKey().str());
  for (const std::string &family : sortedTest)
    testFamilies.push_back(family);
  llvm::json::Array trainFamilies;
  for (const std::string &family : families)
    trainFamilies.push_back(family);
  llvm::json::Object parameters;
  for (const auto &[name, value] : params)
    if (name != "verbosity")
      parameters[name] = value;
  parameters["rounds"] = options.rounds;
  llvm::json::Object training{
      {"corpus", options.corpusPath},
      {"split", options.splitPath},
      {"test_families", std::move(testFamilies)},
      {"train_families", std::move(trainFamilies)},
      {"samples", static_cast<int64_t>(result.trained)},
      {"dropped_noisy", static_cast<int64_t>(result.noisy)},
      {"dropped_invalid", static_cast<int64_t>(result.invalid)},
      {"held_out", static_cast<int64_t>(result.heldOut)},
      {"max_spread", options.maxSpread},
      {"seed", options.seed},
      {"date", options.date},
      {"parameters", std::move(parameters)},
  };
  result.modelText =
      printCostModelFile(options.target, corpus.machine, profile, training,
                         llvm::StringRef(bytes, length));
  return result;
}
