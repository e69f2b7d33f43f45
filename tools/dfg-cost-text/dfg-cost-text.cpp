//===- dfg-cost-text.cpp - Train and run the text cost model --------------===//
//
//   dfg-cost-text train --corpus CORPUS --split SPLIT --variant op|op+operand
//       [--features] [--analytic] [--relative] [--seed N] [--epochs N]
//       -o MODEL
//   dfg-cost-text predict --model MODEL --corpus CORPUS [--split SPLIT]
//       -o PREDICTIONS
//   dfg-cost-text tokens --variant op|op+operand FILE.mlir
//
// CORPUS is a dfg-cost-corpus (JSON lines, plain; docs/cost-model.md);
// training uses the samples whose family is not in SPLIT's test_families,
// prediction those that are (every sample without --split). Each sample's
// "mlir" is parsed and its kernel's features and tokens extracted as the
// compiler does, so training and prediction see what the provider sees in
// a compile. Training needs LibTorch (DFG_ENABLE_TORCH); prediction does
// not.
//
//===----------------------------------------------------------------------===//

#include "dfg/CostModel/TextCostModel.h"
#include "dfg/InitAll.h"
#ifdef DFG_ENABLE_TORCH
#include "dfg/CostModel/TextTraining.h"
#endif

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/xxhash.h"

#include <chrono>
#include <cmath>
#include <map>

using namespace mlir;
using namespace mlir::dfg::cost;

namespace cl = llvm::cl;

static cl::SubCommand trainCommand("train", "Train a text model on a corpus");
static cl::SubCommand predictCommand("predict",
                                     "Predict a corpus's samples with a model");
static cl::SubCommand
    tokensCommand("tokens", "Print the tokens of each function's kernel");

static cl::opt<std::string> corpusPath("corpus",
                                       cl::desc("Corpus (JSON lines)"),
                                       cl::sub(trainCommand),
                                       cl::sub(predictCommand));
static cl::opt<std::string> splitPath("split",
                                      cl::desc("Split file (test_families)"),
                                      cl::sub(trainCommand),
                                      cl::sub(predictCommand));
static cl::opt<std::string> outputPath("o", cl::desc("Output file"),
                                       cl::value_desc("file"), cl::init("-"),
                                       cl::sub(trainCommand),
                                       cl::sub(predictCommand));
static cl::opt<std::string> variantName("variant", cl::desc("op or op+operand"),
                                        cl::init("op+operand"),
                                        cl::sub(trainCommand),
                                        cl::sub(tokensCommand));
static cl::opt<bool>
    featureInput("features",
                 cl::desc("Also feed the kernel's feature vector to the MLP"),
                 cl::sub(trainCommand));
static cl::opt<bool>
    analyticInput("analytic",
                  cl::desc("Also feed log2 of the analytic prediction"),
                  cl::sub(trainCommand));
static cl::opt<bool> relativeTarget(
    "relative",
    cl::desc("Predict log2(time / analytic time): a correction of the "
             "analytic model"),
    cl::sub(trainCommand));
static cl::opt<uint64_t> seed("seed", cl::desc("Random seed"), cl::init(1),
                              cl::sub(trainCommand));
static cl::opt<unsigned> epochs("epochs", cl::desc("Training epochs"),
                                cl::init(30), cl::sub(trainCommand));
static cl::opt<unsigned> batchSize("batch-size", cl::init(64),
                                   cl::sub(trainCommand));
static cl::opt<double> learningRate("learning-rate", cl::init(2e-3),
                                    cl::sub(trainCommand));
static cl::opt<unsigned> embedding("embedding", cl::init(32),
                                   cl::sub(trainCommand));
static cl::list<unsigned> channels("channels", cl::CommaSeparated,
                                   cl::desc("Channels of each Conv1D layer "
                                            "(default 64,64)"),
                                   cl::sub(trainCommand));
static cl::opt<unsigned> hidden("hidden", cl::init(64), cl::sub(trainCommand));
static cl::opt<unsigned> maxTokens("max-tokens", cl::init(256),
                                   cl::sub(trainCommand));
static cl::opt<double> maxSpread(
    "max-spread",
    cl::desc("Train only on samples whose spread is at most this (0: all)"),
    cl::init(0), cl::sub(trainCommand));
static cl::opt<unsigned> validationPercent(
    "validation-percent",
    cl::desc("Training kernels (groups) held out to pick the best epoch"),
    cl::init(10), cl::sub(trainCommand));
static cl::opt<std::string> modelPath("model", cl::desc("Text model file"),
                                      cl::sub(predictCommand));
static cl::opt<std::string> inputPath(cl::Positional, cl::desc("<file.mlir>"),
                                      cl::init("-"), cl::sub(tokensCommand));

static int error(const llvm::Twine &message) {
  llvm::errs() << "dfg-cost-text: error: " << message << "\n";
  return 1;
}

namespace {
struct Sample {
  std::string id, group, family;
  double timeNs = 0, spread = 0;
  KernelFeatures features;
  double analyticNs = 0;
};

struct Corpus {
  llvm::json::Object header;
  std::vector<Sample> samples;
  /// Samples whose MLIR did not give features.
  unsigned skipped = 0;
};
} // namespace

static CodegenChoice parseChoice(const llvm::json::Object *object) {
  CodegenChoice choice;
  if (!object)
    return choice;
  choice.tileM = object->getInteger("tile_m").value_or(choice.tileM);
  choice.tileN = object->getInteger("tile_n").value_or(choice.tileN);
  choice.packing = object->getBoolean("pack_rhs").value_or(choice.packing);
  choice.im2col = object->getBoolean("im2col").value_or(choice.im2col);
  choice.vectorBits =
      object->getInteger("vector_bits").value_or(choice.vectorBits);
  return choice;
}

/// Reads the corpus, keeping the samples `keep` accepts by family, and
/// extracts each kernel's features (one parse per distinct text).
static llvm::Expected<Corpus>
readCorpus(llvm::StringRef path, MLIRContext &context,
           llvm::function_ref<bool(llvm::StringRef)> keepFamily) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFileOrSTDIN(path);
  if (!buffer)
    return llvm::createStringError(buffer.getError(),
                                   "cannot read '" + path + "'");
  Corpus corpus;
  SmallVector<llvm::StringRef> lines;
  (*buffer)->getBuffer().split(lines, '\n', -1, /*KeepEmpty=*/false);
  if (lines.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + path + "' is empty");
  llvm::Expected<llvm::json::Value> header = llvm::json::parse(lines[0]);
  if (!header || !header->getAsObject() ||
      header->getAsObject()->getString("format") != "dfg-cost-corpus") {
    if (!header)
      llvm::consumeError(header.takeError());
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + path + "' is not a dfg-cost-corpus");
  }
  corpus.header = *header->getAsObject();

  std::unique_ptr<CostModel> analytic;
  if (const llvm::json::Object *profile = corpus.header.getObject("profile")) {
    std::string text;
    llvm::raw_string_ostream(text)
        << llvm::json::Value(llvm::json::Object(*profile));
    llvm::Expected<MachineProfile> parsed = parseMachineProfile(text);
    if (!parsed)
      return parsed.takeError();
    analytic = createAnalyticCostModel(*parsed);
  } else {
    analytic = createAnalyticCostModel(MachineProfile::defaults());
  }

  // Kernel features of each distinct text, for the default choice.
  std::map<std::string, std::optional<KernelFeatures>> kernels;
  std::vector<OwningOpRef<ModuleOp>> modules;
  for (llvm::StringRef line : llvm::drop_begin(lines)) {
    llvm::Expected<llvm::json::Value> value = llvm::json::parse(line);
    if (!value) {
      // The cut-off last line of a corpus being written.
      llvm::consumeError(value.takeError());
      continue;
    }
    const llvm::json::Object *object = value->getAsObject();
    if (!object)
      continue;
    Sample sample;
    sample.family = object->getString("family").value_or("").str();
    if (!keepFamily(sample.family))
      continue;
    sample.id = object->getString("id").value_or("").str();
    sample.group = object->getString("group").value_or("").str();
    sample.timeNs = object->getNumber("time_ns").value_or(0);
    sample.spread = object->getNumber("spread").value_or(0);
    std::string mlir = object->getString("mlir").value_or("").str();
    auto [it, inserted] = kernels.try_emplace(mlir);
    if (inserted) {
      OwningOpRef<ModuleOp> module =
          parseSourceString<ModuleOp>(mlir, ParserConfig(&context));
      if (module) {
        Operation *func = nullptr;
        module->walk([&](FunctionOpInterface op) {
          if (!func)
            func = op;
        });
        if (func) {
          llvm::Expected<KernelFeatures> features = extractKernelFeatures(func);
          if (features)
            it->second = std::move(*features);
          else
            llvm::consumeError(features.takeError());
        }
      }
    }
    if (!it->second) {
      ++corpus.skipped;
      continue;
    }
    sample.features = *it->second;
    computeChoiceFeatures(sample.features,
                          parseChoice(object->getObject("choice")));
    llvm::Expected<KernelCost> cost = analytic->predict(sample.features);
    if (!cost) {
      llvm::consumeError(cost.takeError());
      ++corpus.skipped;
      continue;
    }
    sample.analyticNs = cost->timeNs;
    corpus.samples.push_back(std::move(sample));
  }
  return corpus;
}

static llvm::Expected<llvm::StringSet<>> readSplit(llvm::StringRef path) {
  llvm::StringSet<> families;
  if (path.empty())
    return families;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return llvm::createStringError(buffer.getError(),
                                   "cannot read '" + path + "'");
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse((*buffer)->getBuffer());
  const llvm::json::Array *array =
      json && json->getAsObject()
          ? json->getAsObject()->getArray("test_families")
          : nullptr;
  if (!json)
    llvm::consumeError(json.takeError());
  if (!array)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + path +
                                       "' has no 'test_families' array");
  for (const llvm::json::Value &family : *array)
    if (std::optional<llvm::StringRef> name = family.getAsString())
      families.insert(*name);
  return families;
}

static void makeContext(MLIRContext &context) {
  DialectRegistry registry;
  mlir::dfg::registerAllDialects(registry);
  context.appendDialectRegistry(registry);
  context.loadAllAvailableDialects();
}

#ifdef DFG_ENABLE_TORCH
static int train() {
  auto start = std::chrono::steady_clock::now();
  std::optional<TextVariant> variant = parseTextVariant(variantName);
  if (!variant)
    return error("--variant must be 'op' or 'op+operand'");
  if (corpusPath.empty())
    return error("--corpus is required");
  llvm::Expected<llvm::StringSet<>> testFamilies = readSplit(splitPath);
  if (!testFamilies)
    return error(llvm::toString(testFamilies.takeError()));
  MLIRContext context;
  makeContext(context);
  llvm::Expected<Corpus> corpus =
      readCorpus(corpusPath, context, [&](llvm::StringRef family) {
        return !testFamilies->contains(family);
      });
  if (!corpus)
    return error(llvm::toString(corpus.takeError()));
  std::vector<const Sample *> used;
  for (const Sample &sample : corpus->samples)
    if (sample.timeNs > 0 && (maxSpread <= 0 || sample.spread <= maxSpread))
      used.push_back(&sample);
  if (used.empty())
    return error("no training samples in '" + corpusPath + "'");

  TextModel model;
  model.variant = *variant;
  model.maxTokens = maxTokens;
  model.featureInput = featureInput;
  model.analyticInput = analyticInput;
  model.relativeToAnalytic = relativeTarget;
  if (const llvm::json::Object *machine = corpus->header.getObject("machine")) {
    model.cpu = machine->getString("cpu").value_or("").str();
    if (const llvm::json::Array *features = machine->getArray("features"))
      for (const llvm::json::Value &feature : *features)
        if (std::optional<llvm::StringRef> name = feature.getAsString())
          model.cpuFeatures.push_back(name->str());
  }
  if (const llvm::json::Object *profile = corpus->header.getObject("profile")) {
    std::string text;
    llvm::raw_string_ostream(text)
        << llvm::json::Value(llvm::json::Object(*profile));
    llvm::Expected<MachineProfile> parsed = parseMachineProfile(text);
    if (!parsed)
      return error("the corpus's profile: " +
                   llvm::toString(parsed.takeError()));
    model.profile = *parsed;
  }

  // Kernels (groups) held out for choosing the epoch, by a hash of their
  // name: the same ones for every seed.
  auto isValidation = [&](const Sample &sample) {
    return llvm::xxh3_64bits(sample.group) % 100 < validationPercent;
  };

  // Vocabulary: the tokens of at least two training kernels, sorted; the
  // others (and those of unseen kernels) read as <unk>.
  llvm::StringMap<llvm::StringSet<>> groupsOf;
  for (const Sample *sample : used) {
    if (isValidation(*sample))
      continue;
    for (const std::string &token :
         kernelTextTokens(sample->features, model.variant, model.maxTokens))
      groupsOf[token].insert(sample->group);
  }
  std::vector<std::string> tokens;
  for (const auto &entry : groupsOf)
    if (entry.getValue().size() >= 2)
      tokens.push_back(entry.getKey().str());
  llvm::sort(tokens);
  tokens.insert(tokens.begin(), {kPadToken.str(), kUnknownToken.str()});
  model.setVocabulary(std::move(tokens));

  // Normalization over the training samples.
  model.shape.embedding = embedding;
  if (!channels.empty())
    model.shape.channels.assign(channels.begin(), channels.end());
  model.shape.hidden = hidden;
  model.shape.numScalars = model.numScalars();
  unsigned numScalars = model.shape.numScalars;
  std::vector<double> sum(numScalars, 0), sumSquares(numScalars, 0);
  double targetSum = 0, targetSquares = 0;
  for (const Sample *sample : used) {
    std::vector<float> scalars =
        model.rawScalars(sample->features, sample->analyticNs);
    for (unsigned i = 0; i < numScalars; ++i) {
      sum[i] += scalars[i];
      sumSquares[i] += double(scalars[i]) * scalars[i];
    }
    double target = std::log2(sample->timeNs) -
                    (model.relativeToAnalytic
                         ? std::log2(std::max(sample->analyticNs, 1e-3))
                         : 0.0);
    targetSum += target;
    targetSquares += target * target;
  }
  double count = used.size();
  for (unsigned i = 0; i < numScalars; ++i) {
    double mean = sum[i] / count;
    double variance = std::max(0.0, sumSquares[i] / count - mean * mean);
    model.scalarMean.push_back(mean);
    model.scalarScale.push_back(variance > 1e-12 ? std::sqrt(variance) : 1.0);
  }
  model.targetMean = targetSum / count;
  double targetVariance = std::max(
      0.0, targetSquares / count - model.targetMean * model.targetMean);
  model.targetScale = targetVariance > 1e-12 ? std::sqrt(targetVariance) : 1;

  std::vector<TextTrainingSample> trainSet, validationSet;
  size_t unknownTokens = 0, totalTokens = 0, longest = 0;
  for (const Sample *sample : used) {
    TextTrainingSample example;
    example.ids = model.encode(sample->features);
    example.scalars = model.rawScalars(sample->features, sample->analyticNs);
    for (unsigned i = 0; i < numScalars; ++i)
      example.scalars[i] =
          (example.scalars[i] - model.scalarMean[i]) / model.scalarScale[i];
    double target = std::log2(sample->timeNs) -
                    (model.relativeToAnalytic
                         ? std::log2(std::max(sample->analyticNs, 1e-3))
                         : 0.0);
    example.target = (target - model.targetMean) / model.targetScale;
    unknownTokens += llvm::count(example.ids, 1);
    totalTokens += example.ids.size();
    longest = std::max(longest, example.ids.size());
    (isValidation(*sample) ? validationSet : trainSet)
        .push_back(std::move(example));
  }
  llvm::errs() << llvm::formatv(
      "dfg-cost-text: {0} training and {1} validation samples ({2} skipped "
      "without features), vocabulary {3}, {4:f1} tokens on average (longest "
      "{5}, {6:f2}% unknown), {7} scalar inputs\n",
      trainSet.size(), validationSet.size(), corpus->skipped,
      model.getVocabulary().size(), double(totalTokens) / count, longest,
      100.0 * unknownTokens / std::max<size_t>(1, totalTokens), numScalars);

  TextTrainingOptions options;
  options.epochs = epochs;
  options.batchSize = batchSize;
  options.learningRate = learningRate;
  options.seed = seed;
  TextTrainingResult result = trainTextNet(
      model.shape, trainSet, validationSet, options,
      [&](unsigned epoch, double trainLoss, double validationLoss) {
        llvm::errs() << llvm::formatv(
            "epoch {0}: train loss {1:f4}, validation loss {2:f4} ({3:f0} "
            "s)\n",
            epoch, trainLoss, validationLoss,
            std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                          start)
                .count());
      });
  if (!result.error.empty())
    return error("training failed: " + result.error);
  model.weights = std::move(result.weights);
  std::string why;
  if (!checkTextNetWeights(model.shape, model.weights, why))
    return error("training gave an inconsistent network: " + why);

  // The compiler evaluates the network without LibTorch: check that it
  // computes what LibTorch computes.
  std::vector<TextTrainingSample> check(
      trainSet.begin(),
      trainSet.begin() + std::min<size_t>(trainSet.size(), 64));
  std::vector<double> reference =
      torchTextNetForward(model.shape, model.weights, check);
  if (reference.size() != check.size())
    return error("LibTorch's forward pass failed");
  for (size_t i = 0; i < check.size(); ++i) {
    double plain =
        textNetForward(model.shape, model.weights, check[i].ids.data(),
                       check[i].ids.size(), check[i].scalars.data());
    if (std::abs(plain - reference[i]) > 1e-3)
      return error(llvm::formatv("the plain C++ network gives {0} where "
                                 "LibTorch gives {1}",
                                 plain, reference[i]));
  }

  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::string training;
  llvm::raw_string_ostream os(training);
  llvm::json::OStream json(os);
  json.object([&] {
    json.attribute("corpus", llvm::sys::path::filename(corpusPath));
    json.attributeArray("test_families", [&] {
      std::vector<std::string> names;
      for (const auto &family : *testFamilies)
        names.push_back(family.getKey().str());
      llvm::sort(names);
      for (const std::string &name : names)
        json.value(name);
    });
    json.attribute("samples", int64_t(trainSet.size()));
    json.attribute("validation_samples", int64_t(validationSet.size()));
    json.attribute("seed", int64_t(seed));
    json.attribute("epochs", int64_t(epochs));
    json.attribute("best_epoch", int64_t(result.bestEpoch));
    json.attribute("batch_size", int64_t(batchSize));
    json.attribute("learning_rate", double(learningRate));
    json.attribute("train_loss", result.trainLoss);
    json.attribute("validation_loss", result.validationLoss);
  });
  model.trainingJson = training;

  std::string errorMessage;
  auto output = mlir::openOutputFile(outputPath, &errorMessage);
  if (!output)
    return error(errorMessage);
  output->os() << printTextModel(model);
  output->keep();
  llvm::errs() << llvm::formatv("dfg-cost-text: best epoch {0} (validation "
                                "loss {1:f4}); trained in {2:f1} s\n",
                                result.bestEpoch, result.validationLoss,
                                seconds);
  return 0;
}
#else
static int train() {
  return error("this build has no LibTorch (DFG_ENABLE_TORCH is off); it "
               "can predict with text models but not train them");
}
#endif

static int predict() {
  if (modelPath.empty() || corpusPath.empty())
    return error("--model and --corpus are required");
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(modelPath);
  if (!buffer)
    return error("cannot read '" + modelPath +
                 "': " + buffer.getError().message());
  llvm::Expected<TextModel> model = parseTextModel(
      (*buffer)->getBuffer(), getHostCPUName(), getHostCPUFeatures());
  if (!model)
    return error("cannot use '" + modelPath +
                 "': " + llvm::toString(model.takeError()));
  llvm::Expected<llvm::StringSet<>> testFamilies = readSplit(splitPath);
  if (!testFamilies)
    return error(llvm::toString(testFamilies.takeError()));
  MLIRContext context;
  makeContext(context);
  llvm::Expected<Corpus> corpus =
      readCorpus(corpusPath, context, [&](llvm::StringRef family) {
        return splitPath.empty() || testFamilies->contains(family);
      });
  if (!corpus)
    return error(llvm::toString(corpus.takeError()));
  std::unique_ptr<CostModel> provider =
      createTextCostModel(std::move(*model), MachineProfile::defaults());
  std::string errorMessage;
  auto output = mlir::openOutputFile(outputPath, &errorMessage);
  if (!output)
    return error(errorMessage);
  double predictSeconds = 0;
  size_t predicted = 0;
  for (const Sample &sample : corpus->samples) {
    auto start = std::chrono::steady_clock::now();
    llvm::Expected<KernelCost> cost = provider->predict(sample.features);
    predictSeconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    ++predicted;
    if (!cost) {
      llvm::consumeError(cost.takeError());
      continue;
    }
    llvm::json::OStream json(output->os());
    json.object([&] {
      json.attribute("id", sample.id);
      json.attribute("predicted_ns", cost->timeNs);
    });
    output->os() << "\n";
  }
  output->keep();
  llvm::errs() << llvm::formatv(
      "dfg-cost-text: {0} predictions, {1:f1} us "
      "each\n",
      predicted, 1e6 * predictSeconds / std::max<size_t>(1, predicted));
  return 0;
}

static int printTokens() {
  std::optional<TextVariant> variant = parseTextVariant(variantName);
  if (!variant)
    return error("--variant must be 'op' or 'op+operand'");
  MLIRContext context;
  makeContext(context);
  llvm::SourceMgr sourceMgr;
  std::string errorMessage;
  auto input = mlir::openInputFile(inputPath, &errorMessage);
  if (!input)
    return error(errorMessage);
  sourceMgr.AddNewSourceBuffer(std::move(input), llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module)
    return 1;
  int status = 0;
  module->walk([&](FunctionOpInterface func) {
    llvm::Expected<KernelFeatures> features = extractKernelFeatures(func);
    if (!features) {
      func->emitError() << llvm::toString(features.takeError());
      status = 1;
      return;
    }
    llvm::outs() << func.getName() << ":";
    for (const std::string &token : kernelTextTokens(*features, *variant))
      llvm::outs() << " " << token;
    llvm::outs() << "\n";
  });
  return status;
}

int main(int argc, char **argv) {
  llvm::InitLLVM y(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "DFG text cost model\n");
  if (trainCommand)
    return train();
  if (predictCommand)
    return predict();
  if (tokensCommand)
    return printTokens();
  return error("expected a command: train, predict or tokens (see --help)");
}
