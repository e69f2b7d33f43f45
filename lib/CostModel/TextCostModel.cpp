//===- TextCostModel.cpp - The learned model over a kernel's text ---------===//

#include "dfg/CostModel/TextCostModel.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/TargetParser/Host.h"

#include <cmath>

using namespace mlir;
using namespace mlir::dfg::cost;

static llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

//===----------------------------------------------------------------------===//
// TextModel
//===----------------------------------------------------------------------===//

void TextModel::setVocabulary(std::vector<std::string> tokens) {
  vocabulary = std::move(tokens);
  ids.clear();
  for (auto [id, token] : llvm::enumerate(vocabulary))
    ids.try_emplace(token, static_cast<int32_t>(id));
  shape.vocabularySize = vocabulary.size();
}

std::vector<int32_t> TextModel::encode(const KernelFeatures &features) const {
  std::vector<int32_t> encoded;
  for (const std::string &token :
       kernelTextTokens(features, variant, maxTokens)) {
    auto it = ids.find(token);
    encoded.push_back(it == ids.end() ? 1 : it->second);
  }
  return encoded;
}

unsigned TextModel::numScalars() const {
  return (featureInput ? featureVectorNames().size() : 0) +
         (analyticInput ? 1 : 0);
}

std::vector<float> TextModel::rawScalars(const KernelFeatures &features,
                                         double analyticNs) const {
  std::vector<float> scalars;
  if (featureInput)
    for (const NamedFeature &feature : featureVector(features))
      scalars.push_back(static_cast<float>(feature.value));
  if (analyticInput)
    scalars.push_back(std::log2(std::max(analyticNs, 1e-3)));
  return scalars;
}

double TextModel::predictLog2Ns(const KernelFeatures &features,
                                double analyticNs) const {
  std::vector<int32_t> encoded = encode(features);
  std::vector<float> scalars = rawScalars(features, analyticNs);
  for (size_t i = 0; i < scalars.size(); ++i)
    scalars[i] = (scalars[i] - scalarMean[i]) / scalarScale[i];
  double normalized = textNetForward(shape, weights, encoded.data(),
                                     encoded.size(), scalars.data());
  double log2Ns = normalized * targetScale + targetMean;
  if (relativeToAnalytic)
    log2Ns += std::log2(std::max(analyticNs, 1e-3));
  return log2Ns;
}

//===----------------------------------------------------------------------===//
// The file
//===----------------------------------------------------------------------===//

static std::string encodeFloats(const std::vector<float> &values) {
  std::string bytes(values.size() * 4, '\0');
  for (auto [i, value] : llvm::enumerate(values))
    llvm::support::endian::write32le(&bytes[i * 4],
                                     llvm::bit_cast<uint32_t>(value));
  return llvm::encodeBase64(bytes);
}

static llvm::Error decodeFloats(llvm::StringRef base64, size_t expected,
                                std::vector<float> &values) {
  std::vector<char> bytes;
  if (llvm::Error error = llvm::decodeBase64(base64, bytes))
    return error;
  if (bytes.size() != expected * 4)
    return fail(
        llvm::formatv("{0} bytes, expected {1}", bytes.size(), expected * 4));
  values.resize(expected);
  for (size_t i = 0; i < expected; ++i) {
    values[i] = llvm::bit_cast<float>(
        llvm::support::endian::read32le(bytes.data() + i * 4));
    if (!std::isfinite(values[i]))
      return fail("a value is not finite");
  }
  return llvm::Error::success();
}

std::string mlir::dfg::cost::printTextModel(const TextModel &model) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::json::OStream json(os, /*IndentSize=*/1);
  auto floats = [&](llvm::StringRef name, const std::vector<float> &values) {
    json.attributeArray(name, [&] {
      for (float value : values)
        json.value(static_cast<double>(value));
    });
  };
  json.object([&] {
    json.attribute("format", "dfg-cost-model");
    json.attribute("version", kTextCostModelVersion);
    json.attribute("kind", kTextCostModelKind);
    json.attribute("variant", stringifyTextVariant(model.variant));
    json.attributeObject("machine", [&] {
      json.attribute("cpu", model.cpu);
      json.attributeArray("features", [&] {
        for (const std::string &feature : model.cpuFeatures)
          json.value(feature);
      });
    });
    if (model.profile) {
      llvm::Expected<llvm::json::Value> profile =
          llvm::json::parse(printMachineProfile(*model.profile));
      json.attribute("profile", profile ? std::move(*profile) : nullptr);
      if (!profile)
        llvm::consumeError(profile.takeError());
    }
    json.attribute("feature_version", kFeatureVectorVersion);
    json.attribute("feature_input", model.featureInput);
    json.attribute("analytic_input", model.analyticInput);
    json.attribute("target", model.relativeToAnalytic
                                 ? "log2_time_over_analytic"
                                 : "log2_time_ns");
    json.attribute("max_tokens", model.maxTokens);
    json.attributeObject("network", [&] {
      json.attribute("embedding", model.shape.embedding);
      json.attributeArray("channels", [&] {
        for (unsigned channels : model.shape.channels)
          json.value(channels);
      });
      json.attribute("kernel_width", model.shape.kernelWidth);
      json.attribute("hidden", model.shape.hidden);
      json.attribute("scalars", model.shape.numScalars);
    });
    json.attributeObject("normalization", [&] {
      json.attribute("target_mean", model.targetMean);
      json.attribute("target_scale", model.targetScale);
      floats("scalar_mean", model.scalarMean);
      floats("scalar_scale", model.scalarScale);
    });
    llvm::Expected<llvm::json::Value> training =
        llvm::json::parse(model.trainingJson);
    json.attribute("training",
                   training ? std::move(*training) : llvm::json::Object());
    if (!training)
      llvm::consumeError(training.takeError());
    json.attributeArray("vocabulary", [&] {
      for (const std::string &token : model.getVocabulary())
        json.value(token);
    });
    json.attributeObject("weights", [&] {
      json.attribute("encoding", "f32le+base64");
      auto sizes = textNetParameterSizes(model.shape);
      auto parameters =
          textNetParameters(const_cast<TextNetWeights &>(model.weights));
      for (size_t i = 0; i < sizes.size(); ++i)
        json.attribute(sizes[i].first, encodeFloats(*parameters[i]));
    });
  });
  os << "\n";
  return text;
}

static llvm::Error readFloatArray(const llvm::json::Object &object,
                                  llvm::StringRef name, size_t expected,
                                  std::vector<float> &values) {
  const llvm::json::Array *array = object.getArray(name);
  if (!array || array->size() != expected)
    return fail(
        llvm::formatv("'{0}' must be an array of {1} numbers", name, expected));
  values.clear();
  for (const llvm::json::Value &value : *array) {
    std::optional<double> number = value.getAsNumber();
    if (!number || !std::isfinite(*number))
      return fail("'" + name + "' must hold finite numbers");
    values.push_back(static_cast<float>(*number));
  }
  return llvm::Error::success();
}

bool mlir::dfg::cost::isTextCostModelText(llvm::StringRef text) {
  llvm::Expected<llvm::json::Value> json = llvm::json::parse(text);
  if (!json) {
    llvm::consumeError(json.takeError());
    return false;
  }
  const llvm::json::Object *root = json->getAsObject();
  return root && root->getString("format") == "dfg-cost-model" &&
         root->getString("kind") == kTextCostModelKind;
}

llvm::Expected<TextModel>
mlir::dfg::cost::parseTextModel(llvm::StringRef text, llvm::StringRef hostCPU,
                                llvm::ArrayRef<std::string> hostFeatures) {
  llvm::Expected<llvm::json::Value> json = llvm::json::parse(text);
  if (!json)
    return fail("not JSON: " + llvm::toString(json.takeError()));
  const llvm::json::Object *root = json->getAsObject();
  if (!root || root->getString("format") != "dfg-cost-model")
    return fail("not a DFG cost model (expected \"format\": "
                "\"dfg-cost-model\")");
  if (root->getInteger("version") != kTextCostModelVersion)
    return fail(llvm::formatv("unsupported 'version' (this build reads "
                              "version {0})",
                              kTextCostModelVersion));
  if (root->getString("kind") != kTextCostModelKind)
    return fail("model kind '" + root->getString("kind").value_or("") +
                "' is not 'text'");

  TextModel model;
  std::optional<TextVariant> variant =
      parseTextVariant(root->getString("variant").value_or(""));
  if (!variant)
    return fail("'variant' must be \"op\" or \"op+operand\"");
  model.variant = *variant;

  // The machine: times measured on another CPU say nothing about this one.
  const llvm::json::Object *machine = root->getObject("machine");
  if (!machine || !machine->getString("cpu") || !machine->getArray("features"))
    return fail("'machine' must have a 'cpu' string and a 'features' array");
  model.cpu = machine->getString("cpu")->str();
  for (const llvm::json::Value &feature : *machine->getArray("features")) {
    if (!feature.getAsString())
      return fail("'machine': 'features' must hold strings");
    model.cpuFeatures.push_back(feature.getAsString()->str());
  }
  if (!model.cpu.empty() && model.cpu != hostCPU)
    return fail("it was trained on a '" + model.cpu + "' CPU, this is a '" +
                hostCPU + "'");
  for (const std::string &feature : model.cpuFeatures)
    if (!llvm::is_contained(hostFeatures, feature))
      return fail("it was trained on a CPU with '" + feature +
                  "', which this one lacks");

  if (const llvm::json::Value *profile = root->get("profile");
      profile && profile->kind() != llvm::json::Value::Null) {
    std::string profileText;
    llvm::raw_string_ostream(profileText) << *profile;
    llvm::Expected<MachineProfile> parsed = parseMachineProfile(profileText);
    if (!parsed)
      return fail("'profile': " + llvm::toString(parsed.takeError()));
    model.profile = std::move(*parsed);
  }

  std::optional<bool> featureInput = root->getBoolean("feature_input");
  std::optional<bool> analyticInput = root->getBoolean("analytic_input");
  if (!featureInput || !analyticInput)
    return fail("'feature_input' and 'analytic_input' must be booleans");
  model.featureInput = *featureInput;
  model.analyticInput = *analyticInput;
  std::optional<llvm::StringRef> target = root->getString("target");
  if (target != "log2_time_ns" && target != "log2_time_over_analytic")
    return fail("'target' must be \"log2_time_ns\" or "
                "\"log2_time_over_analytic\"");
  model.relativeToAnalytic = target == "log2_time_over_analytic";
  if (model.featureInput &&
      root->getInteger("feature_version") != kFeatureVectorVersion)
    return fail(llvm::formatv("its feature inputs are not this build's "
                              "(version {0}); retrain it",
                              kFeatureVectorVersion));
  std::optional<int64_t> maxTokens = root->getInteger("max_tokens");
  if (!maxTokens || *maxTokens < 8 || *maxTokens > 65536)
    return fail("'max_tokens' must be an integer in [8, 65536]");
  model.maxTokens = *maxTokens;

  const llvm::json::Array *vocabulary = root->getArray("vocabulary");
  if (!vocabulary || vocabulary->size() < 2)
    return fail("'vocabulary' must be an array of at least two tokens");
  std::vector<std::string> tokens;
  for (const llvm::json::Value &token : *vocabulary) {
    if (!token.getAsString())
      return fail("'vocabulary' must hold strings");
    tokens.push_back(token.getAsString()->str());
  }
  if (tokens[0] != kPadToken || tokens[1] != kUnknownToken)
    return fail("'vocabulary' must start with \"<pad>\", \"<unk>\"");
  model.setVocabulary(std::move(tokens));

  // The network's shape; sizes are bounded before anything is allocated.
  const llvm::json::Object *network = root->getObject("network");
  if (!network)
    return fail("no 'network' object");
  auto dimension = [&](llvm::StringRef name, unsigned &out) -> llvm::Error {
    std::optional<int64_t> value = network->getInteger(name);
    if (!value || *value < 0 || *value > 4096)
      return fail("'network': '" + name + "' must be an integer in [0, 4096]");
    out = *value;
    return llvm::Error::success();
  };
  TextNetShape &shape = model.shape;
  if (llvm::Error error = dimension("embedding", shape.embedding))
    return std::move(error);
  if (llvm::Error error = dimension("kernel_width", shape.kernelWidth))
    return std::move(error);
  if (llvm::Error error = dimension("hidden", shape.hidden))
    return std::move(error);
  if (llvm::Error error = dimension("scalars", shape.numScalars))
    return std::move(error);
  const llvm::json::Array *channels = network->getArray("channels");
  if (!channels || channels->empty() || channels->size() > 16)
    return fail("'network': 'channels' must be an array of 1 to 16 layers");
  shape.channels.clear();
  for (const llvm::json::Value &value : *channels) {
    std::optional<int64_t> number = value.getAsInteger();
    if (!number || *number < 1 || *number > 4096)
      return fail("'network': 'channels' must hold integers in [1, 4096]");
    shape.channels.push_back(*number);
  }
  if (shape.numScalars != model.numScalars())
    return fail(llvm::formatv("'network': {0} scalars, but its inputs are {1}",
                              shape.numScalars, model.numScalars()));

  const llvm::json::Object *normalization = root->getObject("normalization");
  if (!normalization)
    return fail("no 'normalization' object");
  std::optional<double> targetMean = normalization->getNumber("target_mean");
  std::optional<double> targetScale = normalization->getNumber("target_scale");
  if (!targetMean || !targetScale || !std::isfinite(*targetMean) ||
      !(*targetScale > 0) || !std::isfinite(*targetScale))
    return fail("'normalization': 'target_mean' and a positive "
                "'target_scale' are required");
  model.targetMean = *targetMean;
  model.targetScale = *targetScale;
  if (llvm::Error error = readFloatArray(*normalization, "scalar_mean",
                                         shape.numScalars, model.scalarMean))
    return fail("'normalization': " + llvm::toString(std::move(error)));
  if (llvm::Error error = readFloatArray(*normalization, "scalar_scale",
                                         shape.numScalars, model.scalarScale))
    return fail("'normalization': " + llvm::toString(std::move(error)));
  if (llvm::any_of(model.scalarScale, [](float s) { return !(s > 0); }))
    return fail("'normalization': 'scalar_scale' must be positive");

  const llvm::json::Object *weights = root->getObject("weights");
  if (!weights || weights->getString("encoding") != "f32le+base64")
    return fail("'weights' must be an object with \"encoding\": "
                "\"f32le+base64\"");
  TextNetWeights &w = model.weights;
  w.convWeight.resize(shape.channels.size());
  w.convBias.resize(shape.channels.size());
  auto sizes = textNetParameterSizes(shape);
  auto parameters = textNetParameters(w);
  for (size_t i = 0; i < sizes.size(); ++i) {
    std::optional<llvm::StringRef> data = weights->getString(sizes[i].first);
    if (!data)
      return fail("'weights': no '" + sizes[i].first + "'");
    if (llvm::Error error =
            decodeFloats(*data, sizes[i].second, *parameters[i]))
      return fail("'weights': '" + sizes[i].first +
                  "': " + llvm::toString(std::move(error)));
  }
  std::string why;
  if (!checkTextNetWeights(shape, w, why))
    return fail("'network': " + why);

  if (const llvm::json::Object *training = root->getObject("training")) {
    model.trainingJson.clear();
    llvm::raw_string_ostream(model.trainingJson)
        << llvm::json::Value(llvm::json::Object(*training));
  }
  return model;
}

std::vector<std::string> mlir::dfg::cost::getHostCPUFeatures() {
  std::vector<std::string> features;
  for (const auto &feature : llvm::sys::getHostCPUFeatures())
    if (feature.getValue())
      features.push_back(feature.getKey().str());
  llvm::sort(features);
  return features;
}

//===----------------------------------------------------------------------===//
// The provider
//===----------------------------------------------------------------------===//

namespace {
class TextCostModel final : public CostModel {
public:
  TextCostModel(TextModel model, MachineProfile fallbackProfile)
      : model(std::move(model)),
        analytic(createAnalyticCostModel(this->model.profile
                                             ? *this->model.profile
                                             : std::move(fallbackProfile))) {}

  llvm::StringRef getName() const override { return "text"; }

  llvm::Expected<KernelCost>
  predict(const KernelFeatures &features) const override {
    if (features.textTokens.empty())
      return fail("the text model needs the kernel's tokens (features "
                  "extracted from IR)");
    KernelCost cost;
    double analyticNs = 0;
    if (model.usesAnalytic()) {
      llvm::Expected<KernelCost> analyticCost = analytic->predict(features);
      if (!analyticCost)
        return analyticCost.takeError();
      analyticNs = analyticCost->timeNs;
      cost.workingSetBytes = analyticCost->workingSetBytes;
      cost.memoryLevel = analyticCost->memoryLevel;
    }
    cost.timeNs = std::exp2(model.predictLog2Ns(features, analyticNs));
    return cost;
  }

  std::string explain(const KernelFeatures &features,
                      const KernelCost &cost) const override {
    std::vector<int32_t> ids = model.encode(features);
    size_t unknown = llvm::count(ids, 1);
    return llvm::formatv("text model ({0}, {1} tokens, {2} unknown): "
                         "{3:f1} ns",
                         stringifyTextVariant(model.variant), ids.size(),
                         unknown, cost.timeNs)
        .str();
  }

private:
  TextModel model;
  std::unique_ptr<CostModel> analytic;
};
} // namespace

std::unique_ptr<CostModel>
mlir::dfg::cost::createTextCostModel(TextModel model,
                                     MachineProfile fallbackProfile) {
  return std::make_unique<TextCostModel>(std::move(model),
                                         std::move(fallbackProfile));
}

llvm::Expected<std::unique_ptr<CostModel>>
mlir::dfg::cost::loadTextCostModel(llvm::StringRef path,
                                   const MachineProfile &fallbackProfile) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return fail("cannot read it: " + buffer.getError().message());
  llvm::Expected<TextModel> model = parseTextModel(
      (*buffer)->getBuffer(), getHostCPUName(), getHostCPUFeatures());
  if (!model)
    return model.takeError();
  return createTextCostModel(std::move(*model), fallbackProfile);
}
