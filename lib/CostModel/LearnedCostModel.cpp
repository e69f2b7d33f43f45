//===- LearnedCostModel.cpp - XGBoost trees over the feature vector -------===//
//
// Loading and checking model files, and the provider that predicts with
// XGBoost's C API. A model is only used on the kind of machine it was
// trained on and with the feature list it was trained on; everything else is
// refused with a reason, which createCostModel turns into a warning and the
// analytic model. See docs/cost-model.md for the file format.
//
//===----------------------------------------------------------------------===//

#include "dfg/CostModel/LearnedCostModel.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/Compression.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/TargetParser/Host.h"

#include <xgboost/c_api.h>

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <mutex>

using namespace mlir;
using namespace mlir::dfg::cost;

static llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Error mlir::dfg::cost::xgboostError(llvm::StringRef what) {
  // XGBoost's messages are "[time] file:line: message" and a stack trace.
  llvm::StringRef message =
      llvm::StringRef(XGBGetLastError()).split('\n').first;
  if (message.starts_with("[")) {
    llvm::StringRef rest = message.split("] ").second.split(": ").second;
    if (!rest.empty())
      message = rest;
  }
  return fail(llvm::Twine(what) + ": " + message.trim());
}

/// XGBoost logs warnings to stderr; a compiler's diagnostics are its own.
static void silenceXGBoost() {
  static std::once_flag once;
  std::call_once(once, [] { XGBSetGlobalConfig(R"({"verbosity": 0})"); });
}

HostMachine HostMachine::current() {
  HostMachine host;
  host.cpu = getHostCPUName();
  for (const auto &feature : llvm::sys::getHostCPUFeatures())
    if (feature.second)
      host.features.push_back(feature.first().str());
  llvm::sort(host.features);
  return host;
}

llvm::StringRef LearnedTarget::name() const {
  return relativeToAnalytic ? "log2_time_over_analytic" : "log2_time_ns";
}

XGBoostModel::~XGBoostModel() {
  if (booster)
    XGBoosterFree(booster);
}

/// The machine a model was trained on must be this kind of machine: the
/// same CPU (an empty name is a portable model, as in the tests) and every
/// feature the measured code used.
static llvm::Error checkMachine(const llvm::json::Object &machine,
                                const HostMachine &host, std::string &cpu) {
  std::optional<llvm::StringRef> name = machine.getString("cpu");
  if (!name)
    return fail("'machine' has no 'cpu' string");
  cpu = name->str();
  if (!cpu.empty() && cpu != host.cpu)
    return fail("it was trained on a '" + cpu + "' CPU but this machine is '" +
                host.cpu + "'");
  const llvm::json::Array *features = machine.getArray("features");
  if (!features)
    return fail("'machine' has no 'features' list");
  for (const llvm::json::Value &feature : *features) {
    std::optional<llvm::StringRef> featureName = feature.getAsString();
    if (!featureName)
      return fail("'machine': 'features' must be a list of strings");
    if (!llvm::is_contained(host.features, *featureName))
      return fail("it was trained on a CPU with '" + *featureName +
                  "', which this machine lacks");
  }
  return llvm::Error::success();
}

static llvm::Error checkFeatureNames(const llvm::json::Object &root) {
  std::optional<int64_t> version = root.getInteger("feature_version");
  if (!version)
    return fail("no 'feature_version'");
  const llvm::json::Array *names = root.getArray("feature_names");
  if (!names)
    return fail("no 'feature_names' list");
  SmallVector<llvm::StringLiteral> expected = featureVectorNames();
  if (*version != kFeatureVectorVersion)
    return fail(llvm::formatv("its features are version {0} but this build's "
                              "are version {1}; retrain it",
                              *version, kFeatureVectorVersion));
  for (auto [index, name] : llvm::enumerate(*names)) {
    std::optional<llvm::StringRef> got = name.getAsString();
    if (index >= expected.size() || !got || *got != expected[index])
      return fail(llvm::formatv(
          "its feature list differs from this build's at feature {0} ('{1}', "
          "expected '{2}'); retrain it",
          index, got ? *got : "?",
          index < expected.size() ? expected[index] : "none"));
  }
  if (names->size() != expected.size())
    return fail(llvm::formatv("it has {0} features but this build has {1}; "
                              "retrain it",
                              names->size(), expected.size()));
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<XGBoostModel>>
XGBoostModel::parse(llvm::StringRef text, const HostMachine &host) {
  llvm::Expected<llvm::json::Value> json = llvm::json::parse(text);
  if (!json)
    return fail("not JSON: " + llvm::toString(json.takeError()));
  const llvm::json::Object *root = json->getAsObject();
  if (!root || root->getString("format") != kCostModelFormat)
    return fail("not a DFG cost model (expected \"format\": \"" +
                kCostModelFormat + "\")");
  if (root->getInteger("version") != kCostModelVersion)
    return fail(llvm::formatv("unsupported 'version' (this build reads "
                              "version {0})",
                              kCostModelVersion));
  std::optional<llvm::StringRef> kind = root->getString("kind");
  if (kind != "xgboost")
    return fail("model kind '" + kind.value_or("") +
                "' is not one this build reads (xgboost)");

  std::unique_ptr<XGBoostModel> model(new XGBoostModel());
  const llvm::json::Object *machine = root->getObject("machine");
  if (!machine)
    return fail("no 'machine' object");
  if (llvm::Error error = checkMachine(*machine, host, model->cpu))
    return std::move(error);
  if (llvm::Error error = checkFeatureNames(*root))
    return std::move(error);

  std::optional<llvm::StringRef> target = root->getString("target");
  if (target == "log2_time_over_analytic")
    model->target.relativeToAnalytic = true;
  else if (target != "log2_time_ns")
    return fail("unknown 'target' '" + target.value_or("") +
                "' (expected log2_time_ns or log2_time_over_analytic)");
  std::optional<bool> analyticInput = root->getBoolean("analytic_input");
  if (!analyticInput)
    return fail("no boolean 'analytic_input'");
  model->target.analyticInput = *analyticInput;

  if (const llvm::json::Value *profile = root->get("profile");
      profile && profile->kind() != llvm::json::Value::Null) {
    std::string profileText;
    llvm::raw_string_ostream(profileText) << *profile;
    llvm::Expected<MachineProfile> parsed = parseMachineProfile(profileText);
    if (!parsed)
      return fail("'profile': " + llvm::toString(parsed.takeError()));
    model->profile = std::move(*parsed);
  }
  if (model->target.usesAnalytic() && !model->profile)
    return fail("its target uses the analytic prediction but it has no "
                "'profile' to make it with");

  const llvm::json::Object *booster = root->getObject("booster");
  if (!booster)
    return fail("no 'booster' object");
  std::optional<llvm::StringRef> encoding = booster->getString("encoding");
  bool compressed = encoding == "ubjson+zlib+base64";
  if (!compressed && encoding != "ubjson+base64")
    return fail("'booster': unknown 'encoding' (expected ubjson+base64 or "
                "ubjson+zlib+base64)");
  std::optional<llvm::StringRef> data = booster->getString("data");
  if (!data)
    return fail("'booster' has no 'data' string");
  std::vector<char> bytes;
  if (llvm::Error error = llvm::decodeBase64(*data, bytes))
    return fail("'booster': " + llvm::toString(std::move(error)));
  if (compressed) {
    std::optional<int64_t> size = booster->getInteger("size");
    // The size is allocated before decompressing: a corrupt one must not
    // take the machine's memory.
    constexpr int64_t kMaxBoosterBytes = int64_t(1) << 30;
    if (!size || *size <= 0 || *size > kMaxBoosterBytes)
      return fail("'booster' has no 'size' between 1 byte and 1 GiB");
    if (!llvm::compression::zlib::isAvailable())
      return fail("'booster' is zlib-compressed but this build has no zlib");
    SmallVector<uint8_t> raw;
    if (llvm::Error error = llvm::compression::zlib::decompress(
            llvm::arrayRefFromStringRef(
                llvm::StringRef(bytes.data(), bytes.size())),
            raw, *size))
      return fail("'booster': cannot decompress it: " +
                  llvm::toString(std::move(error)));
    bytes.assign(raw.begin(), raw.end());
  }

  silenceXGBoost();
  if (XGBoosterCreate(nullptr, 0, &model->booster) != 0)
    return xgboostError("cannot create a booster");
  if (XGBoosterLoadModelFromBuffer(model->booster, bytes.data(),
                                   bytes.size()) != 0)
    return xgboostError("XGBoost cannot load the booster");
  // A query is one kernel or one kernel's candidates: threads would only
  // add their start-up cost.
  if (XGBoosterSetParam(model->booster, "nthread", "1") != 0)
    return xgboostError("cannot configure the booster");
  model->numInputs =
      featureVectorNames().size() + (model->target.analyticInput ? 1 : 0);
  bst_ulong boosterInputs = 0;
  if (XGBoosterGetNumFeature(model->booster, &boosterInputs) != 0)
    return xgboostError("cannot query the booster");
  if (boosterInputs != model->numInputs)
    return fail(llvm::formatv("the booster takes {0} inputs but the file's "
                              "features make {1}",
                              boosterInputs, model->numInputs));
  model->predictConfig =
      R"({"type": 0, "training": false, )"
      R"("iteration_begin": 0, "iteration_end": 0, )"
      R"("strict_shape": false, "cache_id": 0, "missing": NaN})";
  return model;
}

llvm::Expected<std::unique_ptr<XGBoostModel>>
XGBoostModel::load(llvm::StringRef path, const HostMachine &host) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return fail(buffer.getError().message());
  return parse((*buffer)->getBuffer(), host);
}

llvm::Expected<double>
XGBoostModel::predictNs(llvm::ArrayRef<double> featureVector,
                        double analyticNs) const {
  llvm::Expected<std::vector<double>> ns =
      predictNs(featureVector, llvm::ArrayRef<double>(analyticNs));
  if (!ns)
    return ns.takeError();
  return ns->front();
}

llvm::Expected<std::vector<double>>
XGBoostModel::predictNs(llvm::ArrayRef<double> featureVectors,
                        llvm::ArrayRef<double> analyticNs) const {
  size_t numFeatures = numInputs - (target.analyticInput ? 1 : 0);
  size_t rows = analyticNs.size();
  if (rows == 0 || featureVectors.size() != rows * numFeatures)
    return fail(llvm::formatv("expected {0} features per kernel, got {1} "
                              "numbers for {2} kernels",
                              numFeatures, featureVectors.size(), rows));
  SmallVector<float, 64> matrix;
  matrix.reserve(rows * numInputs);
  for (size_t row = 0; row < rows; ++row) {
    double analytic = analyticNs[row];
    if (target.usesAnalytic() && !(analytic > 0 && std::isfinite(analytic)))
      return fail("the analytic prediction is not a positive number");
    for (double value : featureVectors.slice(row * numFeatures, numFeatures))
      matrix.push_back(static_cast<float>(value));
    if (target.analyticInput)
      matrix.push_back(static_cast<float>(std::log2(analytic)));
  }

  char values[256];
  std::snprintf(values, sizeof(values),
                R"({"data": [%)" PRIuPTR
                R"(, true], "shape": [%zu, %u], "strides": null, )"
                R"("typestr": "<f4", "version": 3})",
                reinterpret_cast<uintptr_t>(matrix.data()), rows, numInputs);
  const bst_ulong *shape = nullptr;
  bst_ulong dims = 0;
  const float *result = nullptr;
  std::vector<double> ns(rows);
  {
    // XGBoost keeps the result in a buffer per thread and booster; the lock
    // keeps a shared model safe whatever XGBoost's version promises.
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    if (XGBoosterPredictFromDense(booster, values, predictConfig.c_str(),
                                  nullptr, &shape, &dims, &result) != 0)
      return xgboostError("XGBoost prediction failed");
    for (size_t row = 0; row < rows; ++row)
      ns[row] = result[row];
  }
  for (size_t row = 0; row < rows; ++row) {
    double log2Time = ns[row];
    if (target.relativeToAnalytic)
      log2Time += std::log2(analyticNs[row]);
    ns[row] = std::exp2(log2Time);
    if (!std::isfinite(ns[row]) || ns[row] <= 0)
      return fail("the model predicted a time that is not a positive number");
  }
  return ns;
}

std::string mlir::dfg::cost::printCostModelFile(
    const LearnedTarget &target, const llvm::json::Object &machine,
    const std::optional<MachineProfile> &profile,
    const llvm::json::Object &training, llvm::StringRef boosterBytes) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::json::OStream json(os, /*IndentSize=*/2);
  json.object([&] {
    json.attribute("format", kCostModelFormat);
    json.attribute("version", kCostModelVersion);
    json.attribute("kind", "xgboost");
    json.attribute("feature_version", kFeatureVectorVersion);
    json.attributeArray("feature_names", [&] {
      for (llvm::StringLiteral name : featureVectorNames())
        json.value(name);
    });
    json.attribute("target", target.name());
    json.attribute("analytic_input", target.analyticInput);
    json.attribute("machine", llvm::json::Object(machine));
    if (profile) {
      llvm::Expected<llvm::json::Value> parsed =
          llvm::json::parse(printMachineProfile(*profile));
      json.attribute("profile", parsed ? std::move(*parsed) : nullptr);
      if (!parsed)
        llvm::consumeError(parsed.takeError());
    } else {
      json.attribute("profile", nullptr);
    }
    json.attribute("training", llvm::json::Object(training));
    json.attributeObject("booster", [&] {
      int major = 0, minor = 0, patch = 0;
      XGBoostVersion(&major, &minor, &patch);
      // The trees compress about 2.5x (a few MB a model): zlib when LLVM
      // has it, at a fixed level, so the bytes stay the same run to run.
      bool compress = llvm::compression::zlib::isAvailable();
      json.attribute("encoding",
                     compress ? "ubjson+zlib+base64" : "ubjson+base64");
      json.attribute("xgboost_version",
                     llvm::formatv("{0}.{1}.{2}", major, minor, patch).str());
      if (!compress) {
        json.attribute("data", llvm::encodeBase64(boosterBytes));
        return;
      }
      SmallVector<uint8_t> compressed;
      llvm::compression::zlib::compress(
          llvm::arrayRefFromStringRef(boosterBytes), compressed,
          llvm::compression::zlib::BestSizeCompression);
      json.attribute("size", static_cast<int64_t>(boosterBytes.size()));
      json.attribute("data", llvm::encodeBase64(compressed));
    });
  });
  os << "\n";
  return text;
}

namespace {

class XGBoostCostModel final : public CostModel {
public:
  XGBoostCostModel(std::unique_ptr<XGBoostModel> model, std::string path,
                   MachineProfile fallbackProfile)
      : model(std::move(model)), path(std::move(path)),
        analytic(createAnalyticCostModel(this->model->getProfile()
                                             ? *this->model->getProfile()
                                             : std::move(fallbackProfile))) {}

  llvm::StringRef getName() const override { return "learned"; }
  llvm::Expected<KernelCost>
  predict(const KernelFeatures &features) const override;
  std::vector<llvm::Expected<KernelCost>>
  predictAll(ArrayRef<KernelFeatures> kernels) const override;
  std::string explain(const KernelFeatures &features,
                      const KernelCost &cost) const override;

private:
  std::unique_ptr<XGBoostModel> model;
  std::string path;
  /// The analytic model over the profile the model was trained with: an
  /// input of the trees and the breakdown of every prediction.
  std::unique_ptr<CostModel> analytic;
};

} // namespace

llvm::Expected<KernelCost>
XGBoostCostModel::predict(const KernelFeatures &features) const {
  std::vector<llvm::Expected<KernelCost>> costs = predictAll(features);
  return std::move(costs.front());
}

/// The learned time with the analytic breakdown (bytes, level, which bound),
/// its times scaled so that they still add up to the learned time.
static KernelCost learnedCost(const KernelCost &analyticCost, double ns) {
  KernelCost cost = analyticCost;
  double scale = analyticCost.timeNs > 0 ? ns / analyticCost.timeNs : 1;
  cost.timeNs = ns;
  cost.computeNs *= scale;
  cost.memoryNs *= scale;
  cost.overheadNs *= scale;
  if (scale > 0)
    cost.flopsPerSecond /= scale;
  return cost;
}

std::vector<llvm::Expected<KernelCost>>
XGBoostCostModel::predictAll(ArrayRef<KernelFeatures> kernels) const {
  std::vector<llvm::Expected<KernelCost>> costs;
  costs.reserve(kernels.size());
  // The kernels the trees can predict, and their place in `costs`.
  SmallVector<double> vectors, analyticNs;
  SmallVector<size_t> indices;
  for (const KernelFeatures &features : kernels) {
    costs.push_back(analytic->predict(features));
    if (!costs.back()) {
      if (model->getTarget().usesAnalytic())
        continue;
      llvm::consumeError(costs.back().takeError());
      costs.back() = KernelCost();
    }
    for (const NamedFeature &feature : featureVector(features))
      vectors.push_back(feature.value);
    analyticNs.push_back(costs.back()->timeNs);
    indices.push_back(costs.size() - 1);
  }
  if (indices.empty())
    return costs;
  llvm::Expected<std::vector<double>> ns =
      model->predictNs(vectors, analyticNs);
  if (!ns) {
    std::string why = llvm::toString(ns.takeError());
    for (size_t index : indices)
      costs[index] =
          llvm::createStringError(llvm::inconvertibleErrorCode(), why);
    return costs;
  }
  for (auto [index, time] : llvm::zip(indices, *ns))
    costs[index] = learnedCost(*costs[index], time);
  return costs;
}

static std::string duration(double ns) {
  if (ns >= 1e6)
    return llvm::formatv("{0:f3} ms", ns / 1e6).str();
  if (ns >= 1e3)
    return llvm::formatv("{0:f3} us", ns / 1e3).str();
  return llvm::formatv("{0:f1} ns", ns).str();
}

std::string XGBoostCostModel::explain(const KernelFeatures &features,
                                      const KernelCost &cost) const {
  llvm::Expected<KernelCost> analyticCost = analytic->predict(features);
  std::string analyticText =
      analyticCost ? duration(analyticCost->timeNs) : "none";
  if (!analyticCost)
    llvm::consumeError(analyticCost.takeError());
  return llvm::formatv("xgboost {0} {1}; analytic {2} (model '{3}')",
                       stringifyKernelKind(features.kind),
                       duration(cost.timeNs), analyticText, path)
      .str();
}

std::unique_ptr<CostModel>
mlir::dfg::cost::createXGBoostCostModel(std::unique_ptr<XGBoostModel> model,
                                        std::string modelPath,
                                        MachineProfile fallbackProfile) {
  return std::make_unique<XGBoostCostModel>(
      std::move(model), std::move(modelPath), std::move(fallbackProfile));
}

SmallVector<std::string>
mlir::dfg::cost::learnedCostModelCandidates(llvm::StringRef cpu) {
  SmallVector<std::string> candidates;
  std::string file =
      (cpu.empty() ? llvm::StringRef("generic") : cpu).str() + ".json";
  auto add = [&](llvm::StringRef dir) {
    SmallString<256> path(dir);
    llvm::sys::path::append(path, file);
    candidates.push_back(path.str().str());
  };
  // An explicit directory is the only place looked: what a user (or a
  // test) names must not be overridden by a model shipped with the build.
  if (std::optional<std::string> dir =
          llvm::sys::Process::GetEnv("DFG_COST_MODEL_DIR")) {
    add(*dir);
    return candidates;
  }
  std::string executable = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  if (!executable.empty()) {
    SmallString<256> dir =
        llvm::sys::path::parent_path(llvm::sys::path::parent_path(executable));
    llvm::sys::path::append(dir, "share", "dfg", "cost-models");
    add(dir);
  }
#ifdef DFG_SOURCE_COST_MODEL_DIR
  add(DFG_SOURCE_COST_MODEL_DIR);
#endif
  return candidates;
}
