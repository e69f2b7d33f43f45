//===- dfg-machine-profile.cpp - Measure this machine for the cost model --===//
//
// Measures, on one core, the peaks the analytic cost model divides by:
// f32 FMA throughput at each vector width the CPU has, streaming read
// bandwidth of working sets sized to each cache level and to memory; reads
// the cache sizes from sysfs and writes a machine profile
// (docs/cost-model.md). Takes about two seconds.
//
// The kernels are compiled for the baseline target with per-function target
// attributes and picked at run time with __builtin_cpu_supports, rather than
// building the tool with -march=native: the binary then measures the machine
// it runs on even when built elsewhere (or served from ccache), and never
// executes an instruction the CPU lacks.
//
//===----------------------------------------------------------------------===//

#include "dfg/CostModel/MachineProfile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <thread>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define DFG_X86 1
#endif

using namespace mlir::dfg::cost;
namespace cl = llvm::cl;

static cl::opt<std::string> outputPath("o", cl::desc("Output profile file"),
                                       cl::value_desc("file"), cl::init("-"));
static cl::opt<unsigned>
    maxMemoryMiB("max-memory-mib",
                 cl::desc("Largest buffer of the memory bandwidth test, MiB"),
                 cl::init(1024));

/// Keeps results alive so that the measured loops are not optimized away.
static volatile float sink;

using Clock = std::chrono::steady_clock;

static double secondsOf(const std::function<void()> &run) {
  auto start = Clock::now();
  run();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Best (smallest) time of `trials` runs of `run(count)`, after doubling
/// `count` until one run takes at least `minSeconds`: short enough to stay
/// within the time budget, long enough to swamp timer resolution. Returns
/// {seconds, count}.
static std::pair<double, int64_t>
bestTime(const std::function<void(int64_t)> &run, double minSeconds,
         int trials) {
  int64_t count = 1;
  double seconds = 0;
  while ((seconds = secondsOf([&] { run(count); })) < minSeconds &&
         count < (int64_t(1) << 40))
    count *= 2;
  for (int i = 1; i < trials; ++i)
    seconds = std::min(seconds, secondsOf([&] { run(count); }));
  return {seconds, count};
}

//===----------------------------------------------------------------------===//
// FMA throughput
//===----------------------------------------------------------------------===//

// Twelve independent accumulators (24 with 32 registers) cover the 4-cycle
// FMA latency on two ports with room to spare. acc = acc * m + a converges to
// a / (1 - m) = 1: no overflow, no denormals. The loops over the
// accumulators must be unrolled, or they live in memory and the measurement
// is of store forwarding (GCC does not unroll 24 iterations by itself).
constexpr float kMul = 0.999999f, kAdd = 1e-6f;

#ifdef DFG_X86
/// One lane is enough to keep the sums alive (GCC 12's
/// _mm512_reduce_add_ps trips -Wuninitialized in its own header).
__attribute__((target("avx512f"))) static float firstLane512(__m512 v) {
  alignas(64) float lanes[16];
  _mm512_store_ps(lanes, v);
  return lanes[0];
}

/// Scalar FMAs through the _ss intrinsic: with plain floats GCC
/// SLP-vectorizes the twelve chains into two packed FMAs.
__attribute__((target("fma"))) static void fmaScalar(int64_t iters) {
  __m128 acc[12];
  for (__m128 &a : acc)
    a = _mm_set_ss(0.5f);
  __m128 m = _mm_set_ss(kMul), add = _mm_set_ss(kAdd);
  for (int64_t i = 0; i < iters; ++i)
#pragma GCC unroll 32
    for (__m128 &a : acc)
      a = _mm_fmadd_ss(a, m, add);
  float sum = 0;
  for (__m128 a : acc)
    sum += _mm_cvtss_f32(a);
  sink = sum;
}

__attribute__((target("fma"))) static void fma128(int64_t iters) {
  __m128 acc[12];
  for (__m128 &a : acc)
    a = _mm_set1_ps(0.5f);
  __m128 m = _mm_set1_ps(kMul), add = _mm_set1_ps(kAdd);
  for (int64_t i = 0; i < iters; ++i)
#pragma GCC unroll 32
    for (__m128 &a : acc)
      a = _mm_fmadd_ps(a, m, add);
  __m128 sum = _mm_setzero_ps();
  for (__m128 a : acc)
    sum = _mm_add_ps(sum, a);
  sink = _mm_cvtss_f32(sum);
}

__attribute__((target("avx,fma"))) static void fma256(int64_t iters) {
  __m256 acc[12];
  for (__m256 &a : acc)
    a = _mm256_set1_ps(0.5f);
  __m256 m = _mm256_set1_ps(kMul), add = _mm256_set1_ps(kAdd);
  for (int64_t i = 0; i < iters; ++i)
#pragma GCC unroll 32
    for (__m256 &a : acc)
      a = _mm256_fmadd_ps(a, m, add);
  __m256 sum = _mm256_setzero_ps();
  for (__m256 a : acc)
    sum = _mm256_add_ps(sum, a);
  sink = _mm256_cvtss_f32(sum);
}

__attribute__((target("avx512f"))) static void fma512(int64_t iters) {
  __m512 acc[24];
  for (__m512 &a : acc)
    a = _mm512_set1_ps(0.5f);
  __m512 m = _mm512_set1_ps(kMul), add = _mm512_set1_ps(kAdd);
  for (int64_t i = 0; i < iters; ++i)
#pragma GCC unroll 32
    for (__m512 &a : acc)
      a = _mm512_fmadd_ps(a, m, add);
  __m512 sum = _mm512_setzero_ps();
  for (__m512 a : acc)
    sum = _mm512_add_ps(sum, a);
  sink = firstLane512(sum);
}
#endif

/// Keeps GCC from packing independent scalar chains into vectors, which
/// would measure vector code as scalar.
#if defined(__GNUC__) && !defined(__clang__)
#define DFG_NO_SLP __attribute__((optimize("no-tree-slp-vectorize")))
#else
#define DFG_NO_SLP
#endif

/// Without FMA instructions: a multiply and an add per lane, two FLOPs.
DFG_NO_SLP static void mulAddScalar(int64_t iters) {
  float acc[12];
  for (float &a : acc)
    a = 0.5f;
  for (int64_t i = 0; i < iters; ++i)
#pragma GCC unroll 32
    for (float &a : acc)
      a = a * kMul + kAdd;
  float sum = 0;
  for (float a : acc)
    sum += a;
  sink = sum;
}

static void mulAdd128(int64_t iters) {
  typedef float Vector __attribute__((vector_size(16)));
  Vector acc[12];
  for (Vector &a : acc)
    a = Vector{} + 0.5f;
  Vector m = Vector{} + kMul, add = Vector{} + kAdd;
  for (int64_t i = 0; i < iters; ++i)
#pragma GCC unroll 32
    for (Vector &a : acc)
      a = a * m + add;
  float sum = 0;
  for (Vector a : acc)
    sum += a[0];
  sink = sum;
}

/// f32 FLOP/s of `kernel`, which runs `accumulators` FMAs of `bits`-bit
/// vectors per iteration.
static double measureFlops(void (*kernel)(int64_t), unsigned bits,
                           unsigned accumulators) {
  auto [seconds, iters] = bestTime(kernel, 0.01, 9);
  double lanes = std::max(1u, bits / 32);
  return static_cast<double>(iters) * accumulators * lanes * 2 / seconds;
}

static void measurePeaks(MachineProfile &profile) {
  profile.peaks.clear();
#ifdef DFG_X86
  if (__builtin_cpu_supports("fma")) {
    profile.peaks.push_back({32, measureFlops(fmaScalar, 32, 12)});
    profile.peaks.push_back({128, measureFlops(fma128, 128, 12)});
    if (__builtin_cpu_supports("avx"))
      profile.peaks.push_back({256, measureFlops(fma256, 256, 12)});
    if (__builtin_cpu_supports("avx512f"))
      profile.peaks.push_back({512, measureFlops(fma512, 512, 24)});
    return;
  }
#endif
  profile.peaks.push_back({32, measureFlops(mulAddScalar, 32, 12)});
  profile.peaks.push_back({128, measureFlops(mulAdd128, 128, 12)});
}

//===----------------------------------------------------------------------===//
// Read bandwidth
//===----------------------------------------------------------------------===//

/// Sums `count` floats (a multiple of 128) with eight independent vector
/// accumulators, so that the loads, not the adds, are the limit.
#ifdef DFG_X86
__attribute__((target("avx512f"))) static float sum512(const float *data,
                                                       int64_t count) {
  __m512 acc[8];
  for (__m512 &a : acc)
    a = _mm512_setzero_ps();
  for (int64_t i = 0; i < count; i += 128)
    for (int j = 0; j < 8; ++j)
      acc[j] = _mm512_add_ps(acc[j], _mm512_load_ps(data + i + 16 * j));
  for (int j = 1; j < 8; ++j)
    acc[0] = _mm512_add_ps(acc[0], acc[j]);
  return firstLane512(acc[0]);
}

__attribute__((target("avx"))) static float sum256(const float *data,
                                                   int64_t count) {
  __m256 acc[8];
  for (__m256 &a : acc)
    a = _mm256_setzero_ps();
  for (int64_t i = 0; i < count; i += 64)
    for (int j = 0; j < 8; ++j)
      acc[j] = _mm256_add_ps(acc[j], _mm256_load_ps(data + i + 8 * j));
  for (int j = 1; j < 8; ++j)
    acc[0] = _mm256_add_ps(acc[0], acc[j]);
  return _mm256_cvtss_f32(acc[0]);
}
#endif

static float sumGeneric(const float *data, int64_t count) {
  typedef float Vector __attribute__((vector_size(16)));
  Vector acc[8] = {};
  for (int64_t i = 0; i < count; i += 32)
    for (int j = 0; j < 8; ++j) {
      Vector v;
      std::memcpy(&v, data + i + 4 * j, sizeof(v));
      acc[j] += v;
    }
  for (int j = 1; j < 8; ++j)
    acc[0] += acc[j];
  return acc[0][0];
}

static float (*pickSum())(const float *, int64_t) {
#ifdef DFG_X86
  if (__builtin_cpu_supports("avx512f"))
    return sum512;
  if (__builtin_cpu_supports("avx"))
    return sum256;
#endif
  return sumGeneric;
}

/// Bytes per second reading the first `bytes` of `data` again and again.
static double measureRead(const float *data, int64_t bytes, double minSeconds,
                          int trials) {
  float (*sum)(const float *, int64_t) = pickSum();
  int64_t count = bytes / sizeof(float) / 128 * 128;
  auto run = [&](int64_t passes) {
    float total = 0;
    for (int64_t pass = 0; pass < passes; ++pass)
      total += sum(data, count);
    sink = total;
  };
  run(1); // warm the level
  auto [seconds, passes] = bestTime(run, minSeconds, trials);
  return static_cast<double>(count) * sizeof(float) * passes / seconds;
}

//===----------------------------------------------------------------------===//
// Host description
//===----------------------------------------------------------------------===//

/// "48K" -> 49152.
static int64_t parseSize(llvm::StringRef text) {
  text = text.trim();
  int64_t scale = 1;
  if (text.consume_back("K"))
    scale = 1 << 10;
  else if (text.consume_back("M"))
    scale = 1 << 20;
  else if (text.consume_back("G"))
    scale = int64_t(1) << 30;
  int64_t value = 0;
  if (text.getAsInteger(10, value) || value <= 0)
    return 0;
  return value * scale;
}

static std::string readSysfs(const llvm::Twine &path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFileAsStream(path);
  return buffer ? (*buffer)->getBuffer().trim().str() : std::string();
}

/// Data and unified caches of cpu0 by level, from sysfs; the defaults'
/// sizes for levels it does not list.
static void readCacheSizes(MachineProfile &profile) {
  llvm::SmallVector<CacheLevel> caches;
  for (int index = 0; index < 16; ++index) {
    std::string dir =
        "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index);
    std::string type = readSysfs(dir + "/type");
    if (type.empty())
      break;
    if (type == "Instruction")
      continue;
    unsigned level = 0;
    if (llvm::StringRef(readSysfs(dir + "/level")).getAsInteger(10, level))
      continue;
    int64_t size = parseSize(readSysfs(dir + "/size"));
    if (level == 0 || size <= 0)
      continue;
    caches.push_back({level, size, 0});
  }
  llvm::sort(caches, [](const CacheLevel &a, const CacheLevel &b) {
    return a.level < b.level;
  });
  if (caches.empty())
    caches = MachineProfile::defaults().caches;
  profile.caches = caches;
}

static std::string cpuModelName() {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> cpuinfo =
      llvm::MemoryBuffer::getFileAsStream("/proc/cpuinfo");
  if (!cpuinfo)
    return "unknown processor";
  llvm::SmallVector<llvm::StringRef> lines;
  (*cpuinfo)->getBuffer().split(lines, '\n');
  for (llvm::StringRef line : lines) {
    auto [key, value] = line.split(':');
    if (key.trim() == "model name")
      return value.trim().str();
  }
  return "unknown processor";
}

static void readFeatures(MachineProfile &profile) {
#ifdef DFG_X86
  __builtin_cpu_init();
  if (__builtin_cpu_supports("sse4.2"))
    profile.features.push_back("sse4.2");
  if (__builtin_cpu_supports("avx"))
    profile.features.push_back("avx");
  if (__builtin_cpu_supports("avx2"))
    profile.features.push_back("avx2");
  if (__builtin_cpu_supports("fma"))
    profile.features.push_back("fma");
  if (__builtin_cpu_supports("avx512f"))
    profile.features.push_back("avx512f");
#elif defined(__aarch64__)
  profile.features.push_back("neon");
#endif
  llvm::sort(profile.features);
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(
      argc, argv,
      "Measures this machine's FMA throughput, cache and memory read "
      "bandwidth on one core and writes a DFG machine profile "
      "(dfg-annotate-cost{profile=FILE}).\n");
  if (maxMemoryMiB < 16) {
    llvm::errs() << "dfg-machine-profile: --max-memory-mib must be at least "
                    "16, found "
                 << maxMemoryMiB << "\n";
    return 1;
  }

  // Open the output first: a bad path fails now, not after the measurement.
  std::error_code ec;
  llvm::ToolOutputFile output(outputPath, ec, llvm::sys::fs::OF_Text);
  if (ec) {
    llvm::errs() << "dfg-machine-profile: cannot write '" << outputPath
                 << "': " << ec.message() << "\n";
    return 1;
  }

  MachineProfile profile;
  profile.cpu = getHostCPUName();
  profile.cores = std::max(1u, std::thread::hardware_concurrency());
  readFeatures(profile);
  readCacheSizes(profile);
  measurePeaks(profile);

  // One buffer serves every test: the memory test's, at least four times the
  // last cache level (capped), so that it cannot stay cached.
  int64_t lastCache = profile.caches.back().sizeBytes;
  int64_t memoryBytes =
      std::min<int64_t>(std::max<int64_t>(4 * lastCache, int64_t(256) << 20),
                        int64_t(maxMemoryMiB) << 20);
  float *buffer = static_cast<float *>(
      std::aligned_alloc(64, static_cast<size_t>(memoryBytes)));
  if (!buffer) {
    llvm::errs() << "dfg-machine-profile: cannot allocate " << memoryBytes
                 << " bytes for the memory bandwidth test\n";
    return 1;
  }
  std::fill(buffer, buffer + memoryBytes / sizeof(float), 1.0f);

  // Half of L1 and of L2 stay resident alongside the stack and code; a
  // shared L3 is measured at a size one core can keep (8x L2, at most half
  // of it), as the kernels DFG generates run on one core.
  for (size_t i = 0; i < profile.caches.size(); ++i) {
    CacheLevel &cache = profile.caches[i];
    int64_t bytes = cache.sizeBytes / 2;
    if (i > 0)
      bytes = std::min(bytes, 8 * profile.caches[i - 1].sizeBytes);
    bytes = std::clamp<int64_t>(bytes, 4096, memoryBytes);
    cache.readBytesPerSecond = measureRead(buffer, bytes, 0.02, 5);
  }
  profile.memoryReadBytesPerSecond = measureRead(buffer, memoryBytes, 0.1, 3);
  std::free(buffer);

  profile.description = cpuModelName() + "; one core; memory test over " +
                        std::to_string(memoryBytes >> 20) + " MiB";
  if (llvm::Error error = profile.validate()) {
    llvm::errs() << "dfg-machine-profile: the measurement is not a valid "
                    "profile: "
                 << llvm::toString(std::move(error)) << "\n";
    return 1;
  }
  output.os() << printMachineProfile(profile);
  output.os().flush();
  if (output.os().has_error()) {
    llvm::errs() << "dfg-machine-profile: cannot write '" << outputPath
                 << "'\n";
    output.os().clear_error();
    return 1;
  }
  output.keep();
  return 0;
}
