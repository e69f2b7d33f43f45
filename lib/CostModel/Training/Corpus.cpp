//===- Corpus.cpp - Reading the measured kernel corpus --------------------===//

#include "dfg/CostModel/Training.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::dfg::cost;

static llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// The whole file, decompressed if it is gzip'd (zlib reads plain files as
/// they are).
static llvm::Expected<std::string> readMaybeGzipped(llvm::StringRef path) {
  gzFile file = gzopen(path.str().c_str(), "rb");
  if (!file)
    return fail("cannot open '" + path + "'");
  std::string text;
  char buffer[1 << 16];
  int read;
  while ((read = gzread(file, buffer, sizeof(buffer))) > 0)
    text.append(buffer, read);
  int errnum = Z_OK;
  const char *message = read < 0 ? gzerror(file, &errnum) : nullptr;
  std::string why = message ? message : "";
  gzclose(file);
  if (read < 0)
    return fail("cannot read '" + path + "': " + why);
  return text;
}

static llvm::Error checkHeader(const llvm::json::Object &header) {
  if (header.getString("format") != kCorpusFormat)
    return fail("not a DFG cost corpus (expected \"format\": \"" +
                kCorpusFormat + "\" on the first line)");
  if (header.getInteger("version") != kCorpusVersion)
    return fail(llvm::formatv("unsupported corpus 'version' (this build "
                              "reads version {0})",
                              kCorpusVersion));
  if (header.getInteger("feature_version") != kFeatureVectorVersion)
    return fail(llvm::formatv("the corpus's features are not version {0}, "
                              "this build's; collect it again",
                              kFeatureVectorVersion));
  const llvm::json::Array *names = header.getArray("feature_names");
  SmallVector<llvm::StringLiteral> expected = featureVectorNames();
  if (!names || names->size() != expected.size())
    return fail("the corpus's feature list is not this build's");
  for (auto [name, want] : llvm::zip(*names, expected))
    if (name.getAsString() != llvm::StringRef(want))
      return fail("the corpus's feature list is not this build's (at '" +
                  llvm::StringRef(want) + "')");
  return llvm::Error::success();
}

static llvm::Expected<CorpusSample> parseSample(const llvm::json::Object &line,
                                                size_t numFeatures) {
  CorpusSample sample;
  auto string = [&](llvm::StringRef key, std::string &out) -> llvm::Error {
    std::optional<llvm::StringRef> value = line.getString(key);
    if (!value)
      return fail("no '" + key + "' string");
    out = value->str();
    return llvm::Error::success();
  };
  auto number = [&](llvm::StringRef key, double &out) -> llvm::Error {
    std::optional<double> value = line.getNumber(key);
    if (!value)
      return fail("no '" + key + "' number");
    out = *value;
    return llvm::Error::success();
  };
  for (auto [key, out] :
       {std::pair<llvm::StringRef, std::string *>{"id", &sample.id},
        {"group", &sample.group},
        {"family", &sample.family},
        {"op", &sample.op}})
    if (llvm::Error error = string(key, *out))
      return std::move(error);
  for (auto [key, out] :
       {std::pair<llvm::StringRef, double *>{"analytic_ns", &sample.analyticNs},
        {"time_ns", &sample.timeNs},
        {"spread", &sample.spread}})
    if (llvm::Error error = number(key, *out))
      return std::move(error);
  if (std::optional<llvm::StringRef> mlir = line.getString("mlir"))
    sample.mlir = mlir->str();
  if (const llvm::json::Object *choice = line.getObject("choice")) {
    CodegenChoice &c = sample.choice;
    c.tileM = choice->getInteger("tile_m").value_or(c.tileM);
    c.tileN = choice->getInteger("tile_n").value_or(c.tileN);
    c.tileK = choice->getInteger("tile_k").value_or(c.tileK);
    c.packing = choice->getBoolean("pack_rhs").value_or(c.packing);
    c.im2col = choice->getBoolean("im2col").value_or(c.im2col);
    c.vectorBits = choice->getInteger("vector_bits").value_or(c.vectorBits);
  }
  const llvm::json::Array *features = line.getArray("features");
  if (!features || features->size() != numFeatures)
    return fail(llvm::formatv("expected 'features', a list of {0} numbers",
                              numFeatures));
  for (const llvm::json::Value &value : *features) {
    std::optional<double> number = value.getAsNumber();
    if (!number)
      return fail("'features' must be numbers");
    sample.features.push_back(*number);
  }
  return sample;
}

llvm::Expected<Corpus> mlir::dfg::cost::readCorpus(
    llvm::StringRef path, llvm::function_ref<void(const llvm::Twine &)> warn) {
  llvm::Expected<std::string> text = readMaybeGzipped(path);
  if (!text)
    return text.takeError();
  SmallVector<llvm::StringRef> lines;
  llvm::StringRef(*text).split(lines, '\n', /*MaxSplit=*/-1,
                               /*KeepEmpty=*/false);
  if (lines.empty())
    return fail("'" + path + "' is empty");
  llvm::Expected<llvm::json::Value> headerJson = llvm::json::parse(lines[0]);
  if (!headerJson || !headerJson->getAsObject()) {
    if (!headerJson)
      llvm::consumeError(headerJson.takeError());
    return fail("'" + path + "': the first line is not a JSON object");
  }
  const llvm::json::Object &header = *headerJson->getAsObject();
  if (llvm::Error error = checkHeader(header))
    return fail("'" + path + "': " + llvm::toString(std::move(error)));

  Corpus corpus;
  if (const llvm::json::Object *machine = header.getObject("machine"))
    corpus.machine = *machine;
  if (const llvm::json::Value *profile = header.get("profile");
      profile && profile->getAsObject()) {
    std::string profileText;
    llvm::raw_string_ostream(profileText) << *profile;
    llvm::Expected<MachineProfile> parsed = parseMachineProfile(profileText);
    if (!parsed)
      return fail("'" + path +
                  "': 'profile': " + llvm::toString(parsed.takeError()));
    corpus.profile = std::move(*parsed);
  }

  size_t numFeatures = featureVectorNames().size();
  for (auto [index, line] : llvm::enumerate(llvm::drop_begin(lines))) {
    size_t lineNumber = index + 2;
    llvm::Expected<llvm::json::Value> json = llvm::json::parse(line);
    if (!json || !json->getAsObject()) {
      std::string why = json ? "not an object" : toString(json.takeError());
      // A corpus being written ends in a partial line.
      if (lineNumber == lines.size()) {
        warn(llvm::formatv("'{0}': skipped its last line, which is not "
                           "complete JSON ({1})",
                           path, why));
        break;
      }
      return fail(llvm::formatv("'{0}':{1}: {2}", path, lineNumber, why));
    }
    llvm::Expected<CorpusSample> sample =
        parseSample(*json->getAsObject(), numFeatures);
    if (!sample)
      return fail(llvm::formatv("'{0}':{1}: {2}", path, lineNumber,
                                llvm::toString(sample.takeError())));
    corpus.samples.push_back(std::move(*sample));
  }
  return corpus;
}

llvm::Expected<llvm::StringSet<>>
mlir::dfg::cost::readSplit(llvm::StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return fail("cannot read split '" + path +
                "': " + buffer.getError().message());
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse((*buffer)->getBuffer());
  if (!json)
    return fail("split '" + path +
                "' is not JSON: " + llvm::toString(json.takeError()));
  const llvm::json::Object *root = json->getAsObject();
  const llvm::json::Array *families =
      root ? root->getArray("test_families") : nullptr;
  if (!families)
    return fail("split '" + path + "' has no 'test_families' list");
  llvm::StringSet<> result;
  for (const llvm::json::Value &family : *families) {
    std::optional<llvm::StringRef> name = family.getAsString();
    if (!name)
      return fail("split '" + path + "': 'test_families' must be strings");
    result.insert(*name);
  }
  return result;
}

llvm::Error mlir::dfg::cost::checkSample(MLIRContext &context,
                                         const CorpusSample &sample,
                                         const CostModel &analytic) {
  if (sample.mlir.empty())
    return fail("no 'mlir' text");
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(sample.mlir, ParserConfig(&context));
  if (!module)
    return fail("its 'mlir' does not parse");
  Operation *kernel = nullptr;
  module->walk([&](Operation *op) {
    if (!kernel && op->getName().getStringRef() == "func.func")
      kernel = op;
  });
  if (!kernel)
    return fail("its 'mlir' has no function");
  llvm::Expected<KernelFeatures> features =
      extractKernelFeatures(kernel, sample.choice);
  if (!features)
    return features.takeError();
  auto differs = [](double a, double b) {
    return std::fabs(a - b) >
           1e-6 * std::max({1.0, std::fabs(a), std::fabs(b)});
  };
  SmallVector<NamedFeature> vector = featureVector(*features);
  for (auto [feature, stored] : llvm::zip(vector, sample.features))
    if (differs(feature.value, stored))
      return fail("feature '" + feature.name + "' is " +
                  llvm::formatv("{0:e}", feature.value) + " here but " +
                  llvm::formatv("{0:e}", stored) + " in the corpus");
  llvm::Expected<KernelCost> cost = analytic.predict(*features);
  if (!cost)
    return cost.takeError();
  if (differs(cost->timeNs, sample.analyticNs))
    return fail(llvm::formatv("the analytic model predicts {0:e} ns here "
                              "but the corpus has {1:e} ns",
                              cost->timeNs, sample.analyticNs));
  return llvm::Error::success();
}
