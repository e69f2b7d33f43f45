//===- TextCostModelTest.cpp - The text cost model ------------------------===//
//
// Tokens of known kernels in both variants, the network's forward pass on
// weights set by hand, the model file's round trip, and models that cannot
// be used (missing, corrupt, foreign machine) turning into a warning and the
// analytic model. Nothing here needs LibTorch.
//
//===----------------------------------------------------------------------===//

#include "dfg/CostModel/TextCostModel.h"
#include "dfg/InitAll.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace mlir;
using namespace mlir::dfg::cost;

namespace {

constexpr llvm::StringLiteral kMatmul = R"mlir(
func.func @matmul(%a: tensor<6x20xf32>, %b: tensor<20x32xf32>, %c: tensor<6x32xf32>) -> tensor<6x32xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<6x20xf32>, tensor<20x32xf32>) outs(%c : tensor<6x32xf32>) -> tensor<6x32xf32>
  return %r : tensor<6x32xf32>
}
)mlir";

class TextCostModelTest : public ::testing::Test {
protected:
  TextCostModelTest() {
    DialectRegistry registry;
    mlir::dfg::registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }

  KernelFeatures extract(llvm::StringRef ir, CodegenChoice choice = {}) {
    module = parseSourceString<ModuleOp>(ir, ParserConfig(&context));
    if (!module) {
      ADD_FAILURE() << "test IR does not parse";
      return KernelFeatures();
    }
    llvm::Expected<KernelFeatures> features =
        extractKernelFeatures(&module->getBody()->front(), choice);
    if (!features) {
      ADD_FAILURE() << llvm::toString(features.takeError());
      return KernelFeatures();
    }
    return *features;
  }

  /// A small model whose every weight is set by hand: embedding 2, one
  /// convolution of 2 channels (width 3), hidden 2.
  static TextModel handModel() {
    TextModel model;
    model.variant = TextVariant::Ops;
    model.maxTokens = 16;
    model.shape.embedding = 2;
    model.shape.channels = {2};
    model.shape.kernelWidth = 3;
    model.shape.hidden = 2;
    model.setVocabulary({"<pad>", "<unk>", "linalg.matmul", "arith.mulf"});
    TextNetWeights &w = model.weights;
    w.embedding = {0, 0, 1, 0, 0, 1, 1, 1};
    // Channel 0 sums its input's channel 0 over the window, channel 1 reads
    // the current position's channel 1 only.
    w.convWeight = {{1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0}};
    w.convBias = {{0, -0.5f}};
    w.hiddenWeight = {1, 0, 0, 1};
    w.hiddenBias = {0, 0};
    w.outWeight = {1, 2};
    w.outBias = {0.25f};
    model.targetMean = 3;
    model.targetScale = 2;
    return model;
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

TEST_F(TextCostModelTest, BucketsSizes) {
  EXPECT_EQ(bucketSize(1), "1");
  EXPECT_EQ(bucketSize(16), "16");
  EXPECT_EQ(bucketSize(17), "~2^4");
  EXPECT_EQ(bucketSize(64), "~2^6");
  EXPECT_EQ(bucketSize(90), "~2^6.5");
  EXPECT_EQ(bucketSize(ShapedType::kDynamic), "?");
  EXPECT_TRUE(isOpNameToken("linalg.matmul"));
  EXPECT_FALSE(isOpNameToken("~2^6.5"));
  EXPECT_FALSE(isOpNameToken("f32"));
}

TEST_F(TextCostModelTest, TokensOfAMatmul) {
  CodegenChoice choice;
  choice.tileM = 4;
  choice.tileN = 32;
  choice.packing = true;
  choice.vectorBits = 512;
  KernelFeatures features = extract(kMatmul, choice);
  EXPECT_EQ(llvm::join(kernelTextTokens(features, TextVariant::Ops), " "),
            "linalg.matmul arith.mulf arith.addf linalg.yield tile_m=4 "
            "tile_n=32 pack_rhs=1 im2col=1 vector_bits=512");
  EXPECT_EQ(
      llvm::join(kernelTextTokens(features, TextVariant::OpsAndOperands), " "),
      "linalg.matmul ins tensor 6 ~2^4.5 f32 tensor ~2^4.5 ~2^5 f32 outs "
      "tensor 6 ~2^5 f32 { f32 f32 f32 arith.mulf f32 f32 -> f32 arith.addf "
      "f32 f32 -> f32 linalg.yield f32 } tile_m=4 tile_n=32 pack_rhs=1 "
      "im2col=1 vector_bits=512");
  // A limit keeps the choice tokens and cuts the kernel's.
  SmallVector<std::string> cut =
      kernelTextTokens(features, TextVariant::OpsAndOperands, 7);
  EXPECT_EQ(llvm::join(cut, " "),
            "linalg.matmul ins tile_m=4 tile_n=32 pack_rhs=1 im2col=1 "
            "vector_bits=512");
}

TEST_F(TextCostModelTest, ForwardByHand) {
  TextModel model = handModel();
  // Embeddings: <pad> (0, 0), <unk> (1, 0), linalg.matmul (0, 1),
  // arith.mulf (1, 1). For [matmul, mulf], channel 0 sums channel 0 over
  // the window: 0 + 0 + 1 = 1 at both positions; channel 1 is channel 1
  // - 0.5: 0.5 at both. Max-pool (1, 0.5); hidden (1, 0.5); out
  // 1 + 2 * 0.5 + 0.25 = 2.25.
  std::vector<int32_t> ids = {2, 3};
  double out = textNetForward(model.shape, model.weights, ids.data(),
                              ids.size(), nullptr);
  EXPECT_DOUBLE_EQ(out, 2.25);
  std::string why;
  EXPECT_TRUE(checkTextNetWeights(model.shape, model.weights, why)) << why;

  KernelFeatures features = extract(kMatmul);
  std::vector<int32_t> encoded = model.encode(features);
  ASSERT_EQ(encoded.size(), 9u);
  EXPECT_EQ(encoded[0], 2);
  EXPECT_EQ(encoded[1], 3);
  EXPECT_EQ(encoded[2], 1); // arith.addf is not in the vocabulary.
  // The kernel's 9 tokens: matmul, mulf, then 7 <unk> (arith.addf,
  // linalg.yield, the choice). Channel 0 peaks at 3 (mulf and two <unk>),
  // channel 1 at 0.5: out 3 + 1 + 0.25 = 4.25, de-normalized
  // 2^(4.25 * 2 + 3) ns.
  std::unique_ptr<CostModel> provider =
      createTextCostModel(model, MachineProfile::defaults());
  llvm::Expected<KernelCost> cost = provider->predict(features);
  ASSERT_TRUE(bool(cost)) << llvm::toString(cost.takeError());
  EXPECT_NEAR(cost->timeNs, std::exp2(4.25 * 2 + 3), 1e-9);
  EXPECT_EQ(provider->getName(), "text");
  EXPECT_NE(provider->explain(features, *cost).find("7 unknown"),
            std::string::npos);
  // Features made by hand have no tokens: an error, not a guess.
  llvm::Expected<KernelCost> none = provider->predict(KernelFeatures());
  EXPECT_FALSE(bool(none));
  llvm::consumeError(none.takeError());
}

TEST_F(TextCostModelTest, FileRoundTrip) {
  TextModel model = handModel();
  model.variant = TextVariant::OpsAndOperands;
  model.analyticInput = true;
  model.relativeToAnalytic = true;
  model.shape.numScalars = 1;
  model.weights.hiddenWeight = {1, 0, 0.5f, 0, 1, -0.25f};
  model.scalarMean = {10};
  model.scalarScale = {4};
  model.profile = MachineProfile::defaults();
  std::string text = printTextModel(model);
  EXPECT_TRUE(isTextCostModelText(text));
  llvm::Expected<TextModel> parsed = parseTextModel(text, "anycpu", {});
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(printTextModel(*parsed), text);
  EXPECT_EQ(parsed->variant, TextVariant::OpsAndOperands);
  EXPECT_EQ(parsed->getVocabulary(), model.getVocabulary());
  EXPECT_EQ(parsed->weights.hiddenWeight, model.weights.hiddenWeight);
  ASSERT_TRUE(parsed->profile.has_value());
  EXPECT_TRUE(parsed->relativeToAnalytic);
}

/// The reason parseTextModel gives for `text`, or "" when it parses.
static std::string refusal(const std::string &text, llvm::StringRef cpu = "x",
                           ArrayRef<std::string> features = {}) {
  llvm::Expected<TextModel> model = parseTextModel(text, cpu, features);
  if (model)
    return "";
  return llvm::toString(model.takeError());
}

static std::string replaced(std::string text, llvm::StringRef from,
                            llvm::StringRef to) {
  size_t at = text.find(from.str());
  EXPECT_NE(at, std::string::npos) << from.str();
  if (at != std::string::npos)
    text.replace(at, from.size(), to.str());
  return text;
}

TEST_F(TextCostModelTest, RefusesWhatItCannotUse) {
  TextModel model = handModel();
  std::string text = printTextModel(model);
  EXPECT_EQ(refusal(text), "");
  EXPECT_NE(refusal("{").find("not JSON"), std::string::npos);
  EXPECT_NE(
      refusal(replaced(text, "\"kind\": \"text\"", "\"kind\": \"xgboost\""))
          .find("model kind 'xgboost' is not 'text'"),
      std::string::npos);
  EXPECT_NE(refusal(replaced(text, "\"version\": 1", "\"version\": 9"))
                .find("unsupported 'version'"),
            std::string::npos);
  EXPECT_NE(refusal(replaced(text, "\"variant\": \"op\"", "\"variant\": \"x\""))
                .find("'variant'"),
            std::string::npos);
  // Trained on another machine, or with a feature this one lacks.
  model.cpu = "othercpu";
  EXPECT_EQ(refusal(printTextModel(model), "thiscpu"),
            "it was trained on a 'othercpu' CPU, this is a 'thiscpu'");
  model.cpu = "";
  model.cpuFeatures = {"avx512f"};
  EXPECT_EQ(refusal(printTextModel(model), "thiscpu", {"avx2"}),
            "it was trained on a CPU with 'avx512f', which this one lacks");
  EXPECT_EQ(refusal(printTextModel(model), "thiscpu", {"avx2", "avx512f"}), "");
  // Weights of the wrong size or not base64.
  model.cpuFeatures.clear();
  TextModel wrong = model;
  wrong.weights.outWeight = {1, 2, 3};
  EXPECT_NE(refusal(printTextModel(wrong)).find("'out.weight'"),
            std::string::npos);
  EXPECT_NE(refusal(replaced(text, "\"out.bias\": \"", "\"out.bias\": \"%"))
                .find("'out.bias'"),
            std::string::npos);
  // A vocabulary without its special tokens.
  EXPECT_NE(refusal(replaced(text, "\"<unk>\"", "\"unk\"")).find("<unk>"),
            std::string::npos);
}

TEST_F(TextCostModelTest, UnusableFilesFallBackToAnalytic) {
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("text-model", dir));
  auto write = [&](llvm::StringRef name, llvm::StringRef text) {
    std::string path = (dir + "/" + name).str();
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    os << text;
    return path;
  };
  TextModel model = handModel();
  std::string good = write("good.json", printTextModel(model));
  model.cpu = "not-a-real-cpu";
  std::string foreign = write("foreign.json", printTextModel(model));
  std::string corrupt =
      write("corrupt.json", replaced(printTextModel(handModel()), "\"weights\"",
                                     "\"weightz\""));
  std::string missing = (dir + "/missing.json").str();

  auto load = [&](const std::string &path, std::string &warning) {
    warning.clear();
    llvm::Expected<std::unique_ptr<CostModel>> provider =
        createCostModel(path, MachineProfile::defaults(),
                        [&](const llvm::Twine &why) { warning = why.str(); });
    EXPECT_TRUE(bool(provider));
    if (!provider) {
      llvm::consumeError(provider.takeError());
      return std::string();
    }
    return (*provider)->getName().str();
  };
  std::string warning;
  EXPECT_EQ(load(good, warning), "text");
  EXPECT_EQ(warning, "");
  EXPECT_EQ(load(foreign, warning), "analytic");
  EXPECT_NE(warning.find("it was trained on a 'not-a-real-cpu' CPU"),
            std::string::npos)
      << warning;
  EXPECT_NE(warning.find("using the analytic cost model"), std::string::npos);
  EXPECT_EQ(load(corrupt, warning), "analytic");
  EXPECT_NE(warning.find("'weights' must be an object"), std::string::npos)
      << warning;
  EXPECT_EQ(load(missing, warning), "analytic");
  EXPECT_NE(warning.find("does not exist"), std::string::npos) << warning;
  llvm::sys::fs::remove_directories(dir);
}

} // namespace
