//===- dfg-cost-model.cpp - Train and apply learned cost models -----------===//
//
//   dfg-cost-model train --corpus FILE [--split FILE] [--seed N] -o MODEL
//   dfg-cost-model predict --model MODEL|analytic --corpus FILE -o PRED
//   dfg-cost-model check --corpus FILE [--samples N] [--profile FILE]
//
// train: an XGBoost model file from a measured corpus (docs/cost-model.md),
// leaving out the split's test families and noisy samples; the same corpus,
// options and seed give the same bytes (the recorded date comes from
// SOURCE_DATE_EPOCH when it is set). predict: one JSON line
// {"id": ..., "predicted_ns": ...} per sample, what bench/cost-model/
// evaluate.py reads; "analytic" is the corpus's stored analytic prediction.
// check: re-extracts the features and analytic times of samples from their
// MLIR text as the compiler will, and compares them with the corpus's.
//
//===----------------------------------------------------------------------===//

#include "dfg/CostModel/Training.h"
#include "dfg/InitAll.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <ctime>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::cost;
namespace cl = llvm::cl;

static cl::SubCommand trainCommand("train", "Train a model file on a corpus");
static cl::SubCommand predictCommand("predict",
                                     "Predict every sample of a corpus");
static cl::SubCommand
    checkCommand("check",
                 "Compare a corpus's features and analytic times with this "
                 "build's, from the samples' MLIR");

static cl::opt<std::string> corpusPath("corpus", cl::desc("Measured corpus"),
                                       cl::value_desc("file"), cl::Required,
                                       cl::sub(trainCommand),
                                       cl::sub(predictCommand),
                                       cl::sub(checkCommand));
static cl::opt<std::string> outputPath("o", cl::desc("Output file"),
                                       cl::value_desc("file"), cl::Required,
                                       cl::sub(trainCommand),
                                       cl::sub(predictCommand));

static cl::opt<std::string>
    splitPath("split",
              cl::desc("Split file whose test families are not trained on "
                       "(default: train on every family)"),
              cl::value_desc("file"), cl::sub(trainCommand));
static cl::opt<unsigned> seed("seed", cl::desc("Random seed"), cl::init(0),
                              cl::sub(trainCommand));
static cl::opt<std::string>
    target("target",
           cl::desc("What the trees predict: log2_time_ns or "
                    "log2_time_over_analytic"),
           cl::init("log2_time_over_analytic"), cl::sub(trainCommand));
static cl::opt<bool>
    analyticInput("analytic-input",
                  cl::desc("Give the trees log2 of the analytic prediction "
                           "as an input"),
                  cl::init(true), cl::sub(trainCommand));
static cl::opt<unsigned> rounds("rounds", cl::desc("Boosting rounds (trees)"),
                                cl::init(TrainOptions().rounds),
                                cl::sub(trainCommand));
static cl::opt<unsigned> maxDepth("max-depth", cl::desc("Depth of each tree"),
                                  cl::init(TrainOptions().maxDepth),
                                  cl::sub(trainCommand));
static cl::opt<double> eta("eta", cl::desc("Learning rate"),
                           cl::init(TrainOptions().eta), cl::sub(trainCommand));
static cl::opt<double> minChildWeight(
    "min-child-weight", cl::desc("Fewest samples (hessian) in a leaf"),
    cl::init(TrainOptions().minChildWeight), cl::sub(trainCommand));
static cl::opt<double> subsample("subsample",
                                 cl::desc("Share of samples per tree"),
                                 cl::init(TrainOptions().subsample),
                                 cl::sub(trainCommand));
static cl::opt<double> columnSample("colsample",
                                    cl::desc("Share of features per tree"),
                                    cl::init(TrainOptions().columnSample),
                                    cl::sub(trainCommand));
static cl::opt<double>
    maxSpread("max-spread",
              cl::desc("Leave out samples whose (p90 - p10) / median is "
                       "above this"),
              cl::init(TrainOptions().maxSpread), cl::sub(trainCommand));
static cl::opt<std::string>
    profilePath("profile",
                cl::desc("Machine profile of the corpus's analytic "
                         "predictions, when its header has none"),
                cl::value_desc("file"), cl::sub(trainCommand),
                cl::sub(checkCommand));
static cl::opt<unsigned>
    checkSamples("samples",
                 cl::desc("Samples to check, spread over the corpus (0: all)"),
                 cl::init(200), cl::sub(checkCommand));

static cl::opt<std::string>
    modelPath("model",
              cl::desc("Model file, or 'analytic' for the corpus's analytic "
                       "predictions"),
              cl::value_desc("file"), cl::Required, cl::sub(predictCommand));

static void warn(const llvm::Twine &message) {
  llvm::WithColor::warning(llvm::errs(), "dfg-cost-model") << message << "\n";
}

static int error(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "dfg-cost-model") << message << "\n";
  return 1;
}

/// SOURCE_DATE_EPOCH (reproducible builds' convention) or now, as ISO 8601.
static std::string trainingDate() {
  std::time_t now = std::time(nullptr);
  if (std::optional<std::string> epoch =
          llvm::sys::Process::GetEnv("SOURCE_DATE_EPOCH"))
    now = static_cast<std::time_t>(std::strtoll(epoch->c_str(), nullptr, 10));
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

static int writeOutput(llvm::StringRef text) {
  std::error_code ec;
  llvm::ToolOutputFile output(outputPath, ec, llvm::sys::fs::OF_None);
  if (ec)
    return error("cannot write '" + outputPath + "': " + ec.message());
  output.os() << text;
  output.keep();
  return 0;
}

static int train(const Corpus &corpus) {
  TrainOptions options;
  options.seed = seed;
  if (target == "log2_time_over_analytic")
    options.target.relativeToAnalytic = true;
  else if (target != "log2_time_ns")
    return error("unknown --target '" + target +
                 "' (expected log2_time_ns or log2_time_over_analytic)");
  options.target.analyticInput = analyticInput;
  options.rounds = rounds;
  options.maxDepth = maxDepth;
  options.eta = eta;
  options.maxSpread = maxSpread;
  options.minChildWeight = minChildWeight;
  options.subsample = subsample;
  options.columnSample = columnSample;
  options.corpusPath = corpusPath;
  options.splitPath = splitPath;
  options.date = trainingDate();
  if (!splitPath.empty()) {
    llvm::Expected<llvm::StringSet<>> families = readSplit(splitPath);
    if (!families)
      return error(llvm::toString(families.takeError()));
    options.testFamilies = std::move(*families);
  }
  if (!profilePath.empty()) {
    llvm::Expected<MachineProfile> profile = readMachineProfile(profilePath);
    if (!profile)
      return error("'" + profilePath +
                   "': " + llvm::toString(profile.takeError()));
    options.profile = std::move(*profile);
  }
  auto start = std::chrono::steady_clock::now();
  llvm::Expected<TrainResult> result = trainXGBoost(corpus, options);
  if (!result)
    return error(llvm::toString(result.takeError()));
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  llvm::errs() << llvm::formatv(
      "dfg-cost-model: trained on {0} samples ({1} noisy ones with spread "
      "above {2} left out, {3} invalid, {4} in test families) in {5:f1} s\n",
      result->trained, result->noisy, options.maxSpread, result->invalid,
      result->heldOut, seconds);
  return writeOutput(result->modelText);
}

static int predict(const Corpus &corpus) {
  std::unique_ptr<XGBoostModel> model;
  if (modelPath != "analytic") {
    llvm::Expected<std::unique_ptr<XGBoostModel>> loaded =
        XGBoostModel::load(modelPath, HostMachine::current());
    if (!loaded)
      return error("cannot use cost model file '" + modelPath +
                   "': " + llvm::toString(loaded.takeError()));
    model = std::move(*loaded);
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  size_t failed = 0;
  for (const CorpusSample &sample : corpus.samples) {
    double ns = sample.analyticNs;
    if (model) {
      llvm::Expected<double> predicted =
          model->predictNs(sample.features, sample.analyticNs);
      if (!predicted) {
        std::string why = llvm::toString(predicted.takeError());
        if (!failed++)
          warn("no prediction for '" + sample.id + "': " + why);
        continue;
      }
      ns = *predicted;
    }
    llvm::json::OStream json(os);
    json.object([&] {
      json.attribute("id", sample.id);
      json.attribute("predicted_ns", ns);
    });
    os << "\n";
  }
  if (failed)
    warn(llvm::formatv("no prediction for {0} samples in all", failed));
  return writeOutput(text);
}

static int check(const Corpus &corpus) {
  std::optional<MachineProfile> profile = corpus.profile;
  if (!profilePath.empty()) {
    llvm::Expected<MachineProfile> read = readMachineProfile(profilePath);
    if (!read)
      return error("'" + profilePath +
                   "': " + llvm::toString(read.takeError()));
    profile = std::move(*read);
  }
  if (!profile)
    return error("the corpus has no machine profile; give --profile");
  std::unique_ptr<CostModel> analytic = createAnalyticCostModel(*profile);
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  context.printOpOnDiagnostic(false);
  // Parse errors are counted, not printed one by one.
  ScopedDiagnosticHandler quiet(&context, [](Diagnostic &) {});
  size_t total = corpus.samples.size();
  size_t count =
      checkSamples == 0 ? total : std::min<size_t>(checkSamples, total);
  size_t checked = 0, differ = 0;
  for (size_t i = 0; i < count; ++i) {
    const CorpusSample &sample = corpus.samples[i * total / count];
    ++checked;
    if (llvm::Error mismatch = checkSample(context, sample, *analytic)) {
      std::string why = llvm::toString(std::move(mismatch));
      if (differ++ < 10)
        warn("'" + sample.id + "': " + why);
    }
  }
  llvm::outs() << llvm::formatv(
      "dfg-cost-model: checked {0} of {1} samples: {2} differ\n", checked,
      total, differ);
  return differ ? 1 : 0;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(argc, argv,
                              "DFG learned cost models: train and predict\n");
  if (!trainCommand && !predictCommand && !checkCommand)
    return error("expected a command: train, predict or check (see --help)");
  llvm::Expected<Corpus> corpus = readCorpus(corpusPath, warn);
  if (!corpus)
    return error(llvm::toString(corpus.takeError()));
  if (checkCommand)
    return check(*corpus);
  return trainCommand ? train(*corpus) : predict(*corpus);
}
