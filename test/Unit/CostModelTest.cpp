//===- CostModelTest.cpp - Kernel features, profiles, analytic model ------===//
//
// Features of known kernels against hand counts, the machine profile format
// and its fallbacks, and the analytic model's formula on a profile of round
// numbers written here (never this machine's numbers).
//
//===----------------------------------------------------------------------===//

#include "dfg/CostModel/CostModel.h"
#include "dfg/InitAll.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include <string>
#include <vector>

using namespace mlir;
using namespace mlir::dfg::cost;

namespace {

class CostModelTest : public ::testing::Test {
protected:
  CostModelTest() {
    DialectRegistry registry;
    mlir::dfg::registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }

  /// Parses `ir` (a module) and extracts the features of its first function.
  llvm::Expected<KernelFeatures> features(llvm::StringRef ir,
                                          CodegenChoice choice = {},
                                          FeatureOptions options = {}) {
    module = parseSourceString<ModuleOp>(ir, ParserConfig(&context));
    if (!module)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "test IR does not parse");
    return extractKernelFeatures(&module->getBody()->front(), choice, options);
  }

  KernelFeatures mustExtract(llvm::StringRef ir, CodegenChoice choice = {},
                             FeatureOptions options = {}) {
    llvm::Expected<KernelFeatures> result = features(ir, choice, options);
    if (!result) {
      ADD_FAILURE() << llvm::toString(result.takeError());
      return KernelFeatures();
    }
    return *result;
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

constexpr llvm::StringLiteral kMatmul64 = R"mlir(
func.func @f(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>,
             %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
                     outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
})mlir";

/// A matmul [m x k] * [k x n] whose accumulator is a fill (as
/// dfg-lower-to-linalg produces it).
std::string matmul(int64_t m, int64_t n, int64_t k) {
  std::string ir;
  llvm::raw_string_ostream os(ir);
  os << "func.func @f(%a: tensor<" << m << "x" << k << "xf32>, %b: tensor<" << k
     << "x" << n << "xf32>) -> tensor<" << m << "x" << n << "xf32> {\n"
     << "  %zero = arith.constant 0.0 : f32\n"
     << "  %e = tensor.empty() : tensor<" << m << "x" << n << "xf32>\n"
     << "  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<" << m << "x" << n
     << "xf32>) -> tensor<" << m << "x" << n << "xf32>\n"
     << "  %r = linalg.matmul ins(%a, %b : tensor<" << m << "x" << k
     << "xf32>, tensor<" << k << "x" << n << "xf32>) outs(%c : tensor<" << m
     << "x" << n << "xf32>) -> tensor<" << m << "x" << n << "xf32>\n"
     << "  return %r : tensor<" << m << "x" << n << "xf32>\n}\n";
  return ir;
}

/// conv_2d_nchw_fchw of a [1, 3, 10, 10] input with 8 filters of 3x3 (or
/// 1x1 when `pointwise`), unit stride.
std::string conv(bool pointwise) {
  int64_t kernel = pointwise ? 1 : 3, out = pointwise ? 10 : 8;
  std::string ir;
  llvm::raw_string_ostream os(ir);
  std::string input = "tensor<1x3x10x10xf32>";
  std::string filter = "tensor<8x3x" + std::to_string(kernel) + "x" +
                       std::to_string(kernel) + "xf32>";
  std::string output =
      "tensor<1x8x" + std::to_string(out) + "x" + std::to_string(out) + "xf32>";
  os << "func.func @f(%x: " << input << ", %w: " << filter << ", %o: " << output
     << ") -> " << output << " {\n"
     << "  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : "
        "tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : "
     << input << ", " << filter << ") outs(%o : " << output << ") -> " << output
     << "\n  return %r : " << output << "\n}\n";
  return ir;
}

//===----------------------------------------------------------------------===//
// Feature extraction
//===----------------------------------------------------------------------===//

TEST_F(CostModelTest, Matmul64) {
  KernelFeatures f = mustExtract(kMatmul64);
  EXPECT_EQ(f.opName, "linalg.matmul");
  EXPECT_EQ(f.kind, KernelKind::Contraction);
  EXPECT_EQ(f.elementBits, 32u);
  EXPECT_TRUE(f.isFloat);
  EXPECT_EQ(f.loopExtents, (SmallVector<int64_t>{64, 64, 64}));
  EXPECT_EQ(f.numParallelLoops, 2u);
  EXPECT_EQ(f.numReductionLoops, 1u);
  EXPECT_EQ(f.opsPerIteration, 2);
  EXPECT_EQ(f.flops, 2.0 * 64 * 64 * 64);
  // A, B and the accumulator (its initial value is read), 16 KiB each.
  EXPECT_EQ(f.bytesRead, 3 * 16384);
  EXPECT_EQ(f.bytesWritten, 16384);
  EXPECT_EQ(f.footprintBytes, 3 * 16384);
  EXPECT_DOUBLE_EQ(f.arithmeticIntensity, 2.0 * 64 * 64 * 64 / (4 * 16384));
  EXPECT_TRUE(f.hasGemmView);
  EXPECT_EQ(f.batch, 1);
  EXPECT_EQ(f.m, 64);
  EXPECT_EQ(f.n, 64);
  EXPECT_EQ(f.k, 64);
}

TEST_F(CostModelTest, FunctionWithFillAndMatmul) {
  // The fill that initializes the accumulator is not the kernel.
  KernelFeatures f = mustExtract(matmul(6, 13, 7));
  EXPECT_EQ(f.opName, "linalg.matmul");
  EXPECT_EQ(f.flops, 2.0 * 6 * 13 * 7);
}

TEST_F(CostModelTest, FunctionWithTwoKernelsFails) {
  llvm::Expected<KernelFeatures> f = features(R"mlir(
func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %x = linalg.exp ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %y = linalg.exp ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
})mlir");
  ASSERT_FALSE(f);
  EXPECT_EQ(llvm::toString(f.takeError()),
            "expected one linalg op (besides fills) in the function, found 2");
}

TEST_F(CostModelTest, NotAKernelFails) {
  module = parseSourceString<ModuleOp>("func.func private @g()",
                                       ParserConfig(&context));
  ASSERT_TRUE(module);
  llvm::Expected<KernelFeatures> f =
      extractKernelFeatures(module->getOperation());
  ASSERT_FALSE(f);
  EXPECT_EQ(llvm::toString(f.takeError()),
            "'builtin.module' is neither a linalg op nor a function");
}

TEST_F(CostModelTest, Conv2D) {
  KernelFeatures f = mustExtract(conv(/*pointwise=*/false));
  EXPECT_EQ(f.kind, KernelKind::Convolution);
  // 2 * N*F*OH*OW * C*KH*KW.
  EXPECT_EQ(f.flops, 2.0 * 1 * 8 * 8 * 8 * 3 * 3 * 3);
  // Input 1x3x10x10, filter 8x3x3x3, accumulator 1x8x8x8 (read), f32.
  EXPECT_EQ(f.bytesRead, 4.0 * (300 + 216 + 512));
  EXPECT_EQ(f.bytesWritten, 4.0 * 512);
  // As the im2col GEMM: [F, C*KH*KW] x [C*KH*KW, OH*OW].
  EXPECT_EQ(f.batch, 1);
  EXPECT_EQ(f.m, 8);
  EXPECT_EQ(f.n, 64);
  EXPECT_EQ(f.k, 27);
  EXPECT_EQ(f.filterTaps, 9);
  EXPECT_FALSE(f.isPointwise);
  EXPECT_EQ(f.lhsBytes, 4.0 * 216);
  EXPECT_EQ(f.rhsBytes, 4.0 * 300);
  // im2col writes N * C*KH*KW * OH*OW elements.
  EXPECT_TRUE(f.vectorized);
  EXPECT_EQ(f.im2colBytes, 4.0 * 27 * 64);

  CodegenChoice direct;
  direct.im2col = false;
  computeChoiceFeatures(f, direct);
  EXPECT_FALSE(f.vectorized);
  EXPECT_EQ(f.im2colBytes, 0);
}

TEST_F(CostModelTest, PointwiseConvNeedsNoIm2col) {
  KernelFeatures f = mustExtract(conv(/*pointwise=*/true));
  EXPECT_TRUE(f.isPointwise);
  EXPECT_EQ(f.k, 3);
  EXPECT_EQ(f.n, 100);
  EXPECT_TRUE(f.vectorized);
  EXPECT_EQ(f.im2colBytes, 0);
}

TEST_F(CostModelTest, Elementwise) {
  KernelFeatures f = mustExtract(R"mlir(
func.func @f(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>,
                                        affine_map<(i, j) -> (i, j)>,
                                        affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
    ^bb0(%x: f32, %y: f32, %o: f32):
      %s = arith.addf %x, %y : f32
      %t = math.exp %s : f32
      %u = math.fma %s, %t, %x : f32
      linalg.yield %u : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
})mlir");
  EXPECT_EQ(f.kind, KernelKind::Elementwise);
  EXPECT_EQ(f.opsPerIteration, 1 + kTranscendentalOps + 2);
  EXPECT_EQ(f.flops, 32 * (1 + kTranscendentalOps + 2));
  // The output's initial value is not read.
  EXPECT_EQ(f.bytesRead, 2 * 128);
  EXPECT_EQ(f.bytesWritten, 128);
  EXPECT_FALSE(f.hasGemmView);
  EXPECT_EQ(f.innermostExtent, 8);
}

TEST_F(CostModelTest, DynamicExtentsUseTheAssumedSize) {
  const char *ir = R"mlir(
func.func @f(%a: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %r = linalg.exp ins(%a : tensor<?x8xf32>) outs(%a : tensor<?x8xf32>) -> tensor<?x8xf32>
  return %r : tensor<?x8xf32>
})mlir";
  FeatureOptions options;
  options.dynamicSize = 4;
  KernelFeatures f = mustExtract(ir, {}, options);
  EXPECT_EQ(f.numDynamicLoops, 1u);
  EXPECT_EQ(f.loopExtents, (SmallVector<int64_t>{4, 8}));
  EXPECT_EQ(f.bytesRead, 4.0 * 4 * 8);

  options.dynamicSize = 0;
  llvm::Expected<KernelFeatures> bad = features(ir, {}, options);
  ASSERT_FALSE(bad);
  llvm::consumeError(bad.takeError());
}

TEST_F(CostModelTest, HugeKernelsFailCleanly) {
  llvm::Expected<KernelFeatures> f = features(R"mlir(
func.func @f(%a: tensor<1048576x1048576xf32>, %b: tensor<1048576x1048576xf32>,
             %c: tensor<1048576x1048576xf32>) -> tensor<1048576x1048576xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<1048576x1048576xf32>, tensor<1048576x1048576xf32>)
                     outs(%c : tensor<1048576x1048576xf32>) -> tensor<1048576x1048576xf32>
  return %r : tensor<1048576x1048576xf32>
})mlir");
  ASSERT_FALSE(f);
  EXPECT_NE(llvm::toString(f.takeError()).find("is too large to model"),
            std::string::npos);
}

TEST_F(CostModelTest, RegisterTiles) {
  // 64 x 64 in 6 x 16 tiles: 10 full row tiles and a partial one of 4 rows,
  // 4 full column tiles.
  KernelFeatures f = mustExtract(kMatmul64);
  EXPECT_EQ(f.fullTiles, 40);
  EXPECT_EQ(f.partialTiles, 4);
  EXPECT_EQ(f.laneUtilization, 1);
  // 6 rows x 2 vectors of 8 lanes: 12 accumulators, 15 registers of 16.
  EXPECT_EQ(f.accumulatorVectors, 12);
  EXPECT_FALSE(f.spills);
  EXPECT_EQ(f.tileEfficiency, 1);

  // 8 x 16 at 256 bits needs 19 registers: spills; at 512 bits (32
  // registers, one vector per row) it does not.
  CodegenChoice tall;
  tall.tileM = 8;
  computeChoiceFeatures(f, tall);
  EXPECT_TRUE(f.spills);
  EXPECT_LT(f.tileEfficiency, 1);
  tall.vectorBits = 512;
  computeChoiceFeatures(f, tall);
  EXPECT_FALSE(f.spills);
  EXPECT_EQ(f.accumulatorVectors, 8);

  // One accumulator hides an eighth of the FMA latency; its two loads (a
  // broadcast and a row) would allow half the peak: the lower bound wins.
  CodegenChoice tiny;
  tiny.tileM = 1;
  tiny.tileN = 8;
  computeChoiceFeatures(f, tiny);
  EXPECT_EQ(f.fullTiles, 64 * 8);
  EXPECT_DOUBLE_EQ(f.tileEfficiency, 1.0 / 8);

  // 6 x 16 at 512 bits: six accumulators (latency 6/8), seven loads per
  // step for six FMAs (6/7): the latency bound is lower.
  CodegenChoice wide;
  wide.vectorBits = 512;
  computeChoiceFeatures(f, wide);
  EXPECT_DOUBLE_EQ(f.tileEfficiency, 60.0 / 64 * 6.0 / 8 + 4.0 / 64 * 4.0 / 8);

  // 12 x 16 at 512 bits: latency hidden, 13 loads for 12 FMAs.
  CodegenChoice tall512;
  tall512.tileM = 12;
  tall512.vectorBits = 512;
  computeChoiceFeatures(f, tall512);
  // 60 rows in 12-row tiles (12/13), 4 in a partial tile (4/8).
  EXPECT_DOUBLE_EQ(f.tileEfficiency,
                   60.0 / 64 * 12.0 / 13 + 4.0 / 64 * 4.0 / 8);
}

TEST_F(CostModelTest, PartialColumnsWasteLanes) {
  // n = 13 = 8 + 4 + 1 with 8 lanes: three instructions of 8 lanes per row
  // for 13 useful lanes.
  KernelFeatures f = mustExtract(matmul(12, 13, 16));
  EXPECT_EQ(f.fullTiles, 0);
  EXPECT_EQ(f.partialTiles, 2);
  EXPECT_DOUBLE_EQ(f.laneUtilization, 13.0 / 24);
  EXPECT_TRUE(f.unalignedPanelRows);

  CodegenChoice packed;
  packed.packing = true;
  computeChoiceFeatures(f, packed);
  // No full column tile, nothing to pack.
  EXPECT_EQ(f.packBytes, 0);
  KernelFeatures wide = mustExtract(matmul(12, 40, 16), packed);
  // Two full 16-column panels of 16 rows, f32.
  EXPECT_EQ(wide.packBytes, 2.0 * 16 * 16 * 4);
}

//===----------------------------------------------------------------------===//
// Machine profile
//===----------------------------------------------------------------------===//

/// Round numbers: scalar 1 GFLOP/s, 256-bit 8 GFLOP/s; L1 32 KiB at 1 GB/s,
/// L2 1 MiB at 0.5 GB/s, memory 0.1 GB/s.
MachineProfile roundProfile() {
  MachineProfile profile;
  profile.peaks = {{32, 1e9}, {256, 8e9}};
  profile.caches = {{1, 32 << 10, 1e9}, {2, 1 << 20, 5e8}};
  profile.memoryReadBytesPerSecond = 1e8;
  return profile;
}

TEST_F(CostModelTest, FeatureVectorHasFixedNamesAndFiniteValues) {
  SmallVector<llvm::StringLiteral> names = featureVectorNames();
  llvm::StringSet<> unique;
  for (llvm::StringLiteral name : names)
    EXPECT_TRUE(unique.insert(name).second)
        << "repeated feature " << name.str();
  CodegenChoice narrow;
  narrow.tileM = 4;
  narrow.tileN = 8;
  for (const std::string &ir : {matmul(64, 13, 64), conv(false), conv(true)}) {
    KernelFeatures f = mustExtract(ir, narrow);
    SmallVector<NamedFeature> vector = featureVector(f);
    ASSERT_EQ(vector.size(), names.size());
    for (auto [feature, name] : llvm::zip(vector, names)) {
      EXPECT_EQ(feature.name, name);
      EXPECT_TRUE(std::isfinite(feature.value)) << name.str();
    }
  }
  // Values follow the features: a 64x13x64 matmul under a 4x8 tile.
  KernelFeatures f = mustExtract(matmul(64, 13, 64), narrow);
  llvm::StringMap<double> byName;
  for (const NamedFeature &feature : featureVector(f))
    byName[feature.name] = feature.value;
  EXPECT_EQ(byName["kind_contraction"], 1.0);
  EXPECT_EQ(byName["kind_convolution"], 0.0);
  EXPECT_EQ(byName["tile_m"], 4.0);
  EXPECT_EQ(byName["tile_n"], 8.0);
  EXPECT_EQ(byName["n_mod_tile_n"], 5.0);
  EXPECT_DOUBLE_EQ(byName["log_m"], std::log2(65.0));
  EXPECT_DOUBLE_EQ(byName["log_flops"], std::log2(1.0 + 2.0 * 64 * 13 * 64));
}

TEST(MachineProfileTest, DefaultsAreValidAndConservative) {
  MachineProfile defaults = MachineProfile::defaults();
  EXPECT_FALSE(defaults.validate());
  EXPECT_TRUE(defaults.isDefaults());
  EXPECT_GE(defaults.caches.front().readBytesPerSecond,
            defaults.memoryReadBytesPerSecond);
}

TEST(MachineProfileTest, PeakLookup) {
  MachineProfile p = roundProfile();
  EXPECT_EQ(p.peakFlops(256, 32), 8e9);
  // 512-bit code on a 256-bit machine runs as two halves.
  EXPECT_EQ(p.peakFlops(512, 32), 8e9);
  // No 128-bit entry: the widest below, scalar.
  EXPECT_EQ(p.peakFlops(128, 32), 1e9);
  // Half the lanes for f64; scalar f64 as fast as scalar f32.
  EXPECT_EQ(p.peakFlops(256, 64), 4e9);
  EXPECT_EQ(p.peakFlops(32, 64), 1e9);
  EXPECT_EQ(p.vectorInstructionsPerSecond(256), 8e9 / 16);
  EXPECT_EQ(p.widestVectorBits(), 256u);
  EXPECT_EQ(p.bestVectorBits(), 256u);
  // A 512-bit peak below the 256-bit one (one 512-bit FMA unit).
  p.peaks.push_back({512, 6e9});
  EXPECT_EQ(p.widestVectorBits(), 512u);
  EXPECT_EQ(p.bestVectorBits(), 256u);
}

TEST(MachineProfileTest, LevelLookup) {
  MachineProfile p = roundProfile();
  EXPECT_EQ(p.levelFor(1000).name, "L1");
  EXPECT_EQ(p.levelFor(32 << 10).name, "L1");
  EXPECT_EQ(p.levelFor((32 << 10) + 1).name, "L2");
  EXPECT_EQ(p.levelFor(1 << 30).name, "DRAM");
  EXPECT_EQ(p.levelFor(1 << 30).readBytesPerSecond, 1e8);
}

TEST(MachineProfileTest, RoundTrip) {
  MachineProfile p = roundProfile();
  p.cpu = "some-cpu";
  p.description = "test";
  p.cores = 3;
  p.features = {"avx2", "fma"};
  llvm::Expected<MachineProfile> back =
      parseMachineProfile(printMachineProfile(p));
  ASSERT_TRUE(!!back) << llvm::toString(back.takeError());
  EXPECT_EQ(back->cpu, "some-cpu");
  EXPECT_EQ(back->cores, 3u);
  EXPECT_EQ(back->features, p.features);
  ASSERT_EQ(back->peaks.size(), 2u);
  EXPECT_EQ(back->peaks[1].vectorBits, 256u);
  EXPECT_EQ(back->peaks[1].f32FlopsPerSecond, 8e9);
  ASSERT_EQ(back->caches.size(), 2u);
  EXPECT_EQ(back->caches[1].sizeBytes, 1 << 20);
  EXPECT_EQ(back->memoryReadBytesPerSecond, 1e8);
}

std::string parseError(llvm::StringRef json) {
  llvm::Expected<MachineProfile> profile = parseMachineProfile(json);
  if (profile)
    return "parsed";
  return llvm::toString(profile.takeError());
}

TEST(MachineProfileTest, CorruptProfilesSayWhatIsWrong) {
  EXPECT_EQ(parseError("[1, 2]"), "expected a JSON object");
  EXPECT_NE(parseError("{\"format\": ").find("not JSON"), std::string::npos);
  EXPECT_EQ(parseError(R"({"format": "other"})"),
            "'format' is not \"dfg-machine-profile\"");
  std::string valid = printMachineProfile(roundProfile());
  EXPECT_EQ(parseError(valid), "parsed");
  auto replace = [&](llvm::StringRef from, llvm::StringRef to) {
    std::string text = valid;
    size_t at = text.find(from.str());
    EXPECT_NE(at, std::string::npos) << from.str();
    if (at != std::string::npos)
      text.replace(at, from.size(), to.str());
    return parseError(text);
  };
  EXPECT_EQ(replace("\"version\": 1", "\"version\": 2"),
            "unsupported 'version' (this build reads version 1)");
  EXPECT_EQ(replace("\"cores\": 1", "\"cores\": 0"),
            "'cores' must be a positive integer");
  EXPECT_EQ(replace("\"vector_bits\": 256", "\"vector_bits\": 24"),
            "'peak_flops': vector_bits must be a multiple of 32, found 24");
  EXPECT_EQ(replace("\"vector_bits\": 256", "\"vector_bits\": 32"),
            "'peak_flops' must be sorted by vector_bits without repeats");
  EXPECT_EQ(replace("\"level\": 2", "\"level\": 1"),
            "'caches' must be sorted by level without repeats");
  EXPECT_EQ(replace("\"f32_flops_per_second\": 8000000000",
                    "\"f32_flops_per_second\": -1"),
            "'peak_flops': f32_flops_per_second at 256 bits must be positive");
}

class ProfileFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("dfg-profile", dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  std::string path(llvm::StringRef name) {
    llvm::SmallString<128> result(dir);
    llvm::sys::path::append(result, name);
    return std::string(result);
  }

  /// Loads `file` as on a host named "host-cpu", collecting the warnings.
  MachineProfile load(llvm::StringRef file) {
    return loadMachineProfileOrDefaults(
        file,
        [&](const llvm::Twine &message) { warnings.push_back(message.str()); },
        "host-cpu");
  }

  llvm::SmallString<128> dir;
  std::vector<std::string> warnings;
};

TEST_F(ProfileFileTest, EmptyPathMeansDefaultsSilently) {
  MachineProfile p = load("");
  EXPECT_TRUE(p.isDefaults());
  EXPECT_TRUE(warnings.empty());
}

TEST_F(ProfileFileTest, MissingFileWarnsAndFallsBack) {
  MachineProfile p = load(path("missing.json"));
  EXPECT_TRUE(p.isDefaults());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("cannot read"), std::string::npos);
  EXPECT_NE(warnings[0].find("using the built-in default machine profile"),
            std::string::npos);
}

TEST_F(ProfileFileTest, CorruptFileWarnsAndFallsBack) {
  std::string file = path("corrupt.json");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(file, ec);
    ASSERT_FALSE(ec);
    os << "{\"format\": \"dfg-machine-profile\", \"version\": 1, \"cpu\"";
  }
  MachineProfile p = load(file);
  EXPECT_TRUE(p.isDefaults());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("is not a valid machine profile: not JSON"),
            std::string::npos);
}

TEST_F(ProfileFileTest, ForeignProfileWarnsAndFallsBack) {
  MachineProfile foreign = roundProfile();
  foreign.cpu = "other-cpu";
  std::string file = path("foreign.json");
  ASSERT_FALSE(writeMachineProfile(foreign, file));
  MachineProfile p = load(file);
  EXPECT_TRUE(p.isDefaults());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("was measured on a 'other-cpu' CPU but this "
                             "machine is 'host-cpu'"),
            std::string::npos);
}

TEST_F(ProfileFileTest, OwnAndPortableProfilesLoad) {
  MachineProfile own = roundProfile();
  own.cpu = "host-cpu";
  std::string file = path("own.json");
  ASSERT_FALSE(writeMachineProfile(own, file));
  MachineProfile p = load(file);
  EXPECT_EQ(p.cpu, "host-cpu");
  EXPECT_EQ(p.memoryReadBytesPerSecond, 1e8);

  // An empty cpu fits any machine (profiles made up for tests or docs).
  ASSERT_FALSE(writeMachineProfile(roundProfile(), file));
  EXPECT_EQ(load(file).peaks.back().f32FlopsPerSecond, 8e9);
  EXPECT_TRUE(warnings.empty());
}

TEST_F(ProfileFileTest, UnwritablePathIsAnError) {
  llvm::Error error =
      writeMachineProfile(roundProfile(), path("no/such/dir/p.json"));
  ASSERT_TRUE(!!error);
  EXPECT_NE(llvm::toString(std::move(error)).find("cannot write"),
            std::string::npos);
}

//===----------------------------------------------------------------------===//
// Providers and the analytic model
//===----------------------------------------------------------------------===//

TEST(CreateCostModelTest, Specs) {
  std::vector<std::string> warnings;
  auto warn = [&](const llvm::Twine &m) { warnings.push_back(m.str()); };
  llvm::Expected<std::unique_ptr<CostModel>> analytic =
      createCostModel("analytic", roundProfile(), warn);
  ASSERT_TRUE(!!analytic);
  EXPECT_EQ((*analytic)->getName(), "analytic");
  EXPECT_TRUE(warnings.empty());

  llvm::Expected<std::unique_ptr<CostModel>> empty =
      createCostModel("", roundProfile(), warn);
  ASSERT_FALSE(empty);
  EXPECT_EQ(llvm::toString(empty.takeError()),
            "expected a cost model: 'analytic', 'learned' or a model file");

  llvm::Expected<std::unique_ptr<CostModel>> file =
      createCostModel("/nonexistent/model.bin", roundProfile(), warn);
  ASSERT_TRUE(!!file);
  EXPECT_EQ((*file)->getName(), "analytic");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "cost model file '/nonexistent/model.bin' does not "
                         "exist; using the analytic cost model");
  // "learned" with and without a model for this machine:
  // LearnedProviderTest.LearnedFindsThisMachinesModel.
}

TEST_F(CostModelTest, AnalyticMatmulByHand) {
  std::unique_ptr<CostModel> model = createAnalyticCostModel(roundProfile());
  KernelFeatures f = mustExtract(kMatmul64);
  llvm::Expected<KernelCost> cost = model->predict(f);
  ASSERT_TRUE(!!cost) << llvm::toString(cost.takeError());
  // Compute: 2*64^3 FLOPs at 8 GFLOP/s (efficiency 1).
  EXPECT_DOUBLE_EQ(cost->computeNs, 2.0 * 64 * 64 * 64 / 8);
  // Memory, per stream: A (16 KiB, in L1) re-read by 4 column tiles; B's
  // first touch from L2 (the 48 KiB working set); each 4 KiB panel re-read
  // by the 10 other row tiles from L1; C read and written from L2.
  double memory =
      4 * 16384 / 1.0 + 16384 / 0.5 + 10 * 16384 / 1.0 + 2 * 16384 / 0.5;
  EXPECT_DOUBLE_EQ(cost->memoryNs, memory);
  EXPECT_EQ(cost->memoryLevel, "L2");
  // 44 tiles load and store 12 accumulators each at 5e8 instructions/s.
  EXPECT_DOUBLE_EQ(cost->overheadNs, 44 * 2 * 12 / 0.5);
  EXPECT_DOUBLE_EQ(cost->timeNs, std::max(cost->computeNs, cost->memoryNs) +
                                     cost->overheadNs);
  EXPECT_FALSE(cost->computeBound());
}

TEST_F(CostModelTest, AnalyticIsDeterministicAndMonotonic) {
  std::unique_ptr<CostModel> model = createAnalyticCostModel(roundProfile());
  KernelFeatures small = mustExtract(matmul(32, 32, 32));
  KernelFeatures large = mustExtract(matmul(128, 128, 128));
  llvm::Expected<KernelCost> a = model->predict(small);
  llvm::Expected<KernelCost> b = model->predict(small);
  llvm::Expected<KernelCost> c = model->predict(large);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(a->timeNs, b->timeNs);
  EXPECT_GT(a->timeNs, 0);
  EXPECT_GT(c->timeNs, a->timeNs);
}

TEST_F(CostModelTest, RankCandidates) {
  MachineProfile profile = roundProfile();
  // Fast caches so that the register tile, not the memory, decides.
  for (CacheLevel &cache : profile.caches)
    cache.readBytesPerSecond = 1e12;
  profile.memoryReadBytesPerSecond = 1e12;
  std::unique_ptr<CostModel> model = createAnalyticCostModel(profile);
  KernelFeatures base = mustExtract(matmul(96, 96, 96));
  CodegenChoice good, tiny, spilling;
  tiny.tileM = 1;
  tiny.tileN = 8;
  spilling.tileM = 12;
  SmallVector<RankedCandidate> ranked =
      rankCandidates(*model, base, {tiny, spilling, good});
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].index, 2u);
  EXPECT_EQ(ranked[1].index, 1u);
  EXPECT_EQ(ranked[2].index, 0u);
  EXPECT_LE(ranked[0].cost.timeNs, ranked[1].cost.timeNs);
  EXPECT_LE(ranked[1].cost.timeNs, ranked[2].cost.timeNs);

  // Candidates the model cannot predict are left out.
  KernelFeatures broken = base;
  broken.elementBits = 0;
  ranked = rankCandidates(*model, ArrayRef<KernelFeatures>{broken, base});
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].index, 1u);
}

TEST_F(CostModelTest, CodegenCandidates) {
  // A matmul: 6 row counts x 3 widths x packing or not, in that order.
  SmallVector<CodegenChoice> choices =
      codegenCandidates(mustExtract(matmul(96, 96, 96)), 512);
  ASSERT_EQ(choices.size(), 36u);
  EXPECT_EQ(choices.front().tileM, 1);
  EXPECT_EQ(choices.front().tileN, 8);
  EXPECT_TRUE(choices.front().packing);
  EXPECT_FALSE(choices[1].packing);
  EXPECT_EQ(choices[2].tileN, 16);
  EXPECT_EQ(choices.back().tileM, 12);
  EXPECT_EQ(choices.back().tileN, 32);
  for (const CodegenChoice &choice : choices) {
    EXPECT_TRUE(choice.im2col);
    EXPECT_EQ(choice.vectorBits, 512u);
    EXPECT_EQ(choice.tileK, 1);
  }
  // A 3x3 convolution may also run direct, with the default tiles.
  choices = codegenCandidates(mustExtract(conv(/*pointwise=*/false)), 256);
  ASSERT_EQ(choices.size(), 37u);
  EXPECT_FALSE(choices.back().im2col);
  EXPECT_EQ(choices.back().tileM, 6);
  EXPECT_EQ(choices.back().tileN, 16);
  EXPECT_TRUE(choices.back().packing);
  // A pointwise one is its own im2col.
  EXPECT_EQ(
      codegenCandidates(mustExtract(conv(/*pointwise=*/true)), 256).size(),
      36u);
  // Elementwise ops have no choice here.
  EXPECT_TRUE(codegenCandidates(mustExtract(R"mlir(
func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %x = linalg.exp ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %x : tensor<4xf32>
})mlir"),
                                256)
                  .empty());
}

TEST_F(CostModelTest, QueriesTakeMicroseconds) {
  // Passes ask per candidate choice; re-evaluating a choice and predicting
  // must not need the IR. The bound is about 50x what it takes here
  // (0.6 us), so that only a pathological regression trips it on a loaded
  // machine.
  std::unique_ptr<CostModel> model =
      createAnalyticCostModel(MachineProfile::defaults());
  KernelFeatures f = mustExtract(matmul(96, 96, 96));
  constexpr int kQueries = 10000;
  double total = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kQueries; ++i) {
    CodegenChoice choice;
    choice.tileM = 1 + i % 12;
    computeChoiceFeatures(f, choice);
    llvm::Expected<KernelCost> cost = model->predict(f);
    ASSERT_TRUE(!!cost);
    total += cost->timeNs;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_GT(total, 0);
  double microseconds = seconds / kQueries * 1e6;
  RecordProperty("microseconds_per_query", std::to_string(microseconds));
  EXPECT_LT(microseconds, 30) << "a query took " << microseconds << " us";
}

TEST_F(CostModelTest, Im2colCostsItsCopies) {
  std::unique_ptr<CostModel> model = createAnalyticCostModel(roundProfile());
  KernelFeatures f = mustExtract(conv(/*pointwise=*/false));
  llvm::Expected<KernelCost> withIm2col = model->predict(f);
  CodegenChoice direct;
  direct.im2col = false;
  computeChoiceFeatures(f, direct);
  llvm::Expected<KernelCost> directCost = model->predict(f);
  ASSERT_TRUE(withIm2col && directCost);
  // The copies move more bytes; the direct loops compute at scalar speed.
  EXPECT_GT(withIm2col->bytesMoved, directCost->bytesMoved);
  EXPECT_GT(directCost->computeNs, withIm2col->computeNs);
}

} // namespace
