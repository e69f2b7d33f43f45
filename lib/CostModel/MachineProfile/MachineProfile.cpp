//===- MachineProfile.cpp - Machine profile defaults and JSON format ------===//

#include "dfg/CostModel/MachineProfile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

#include <cmath>

using namespace mlir::dfg::cost;
using llvm::Twine;

static constexpr llvm::StringLiteral kFormat = "dfg-machine-profile";
static constexpr int64_t kVersion = 1;

MachineProfile MachineProfile::defaults() {
  MachineProfile profile;
  profile.description = "built-in conservative defaults";
  profile.cores = 1;
  // 2 GHz and one FMA instruction per cycle (two flops per lane); every
  // x86-64 core since Haswell and every recent AArch64 core does at least
  // this. 256-bit code on a core without AVX runs as two 128-bit halves,
  // which the lookup by widest width not above the request models.
  constexpr double ghz = 2e9;
  profile.peaks = {{32, ghz * 2}, {128, ghz * 2 * 4}};
  profile.caches = {
      {1, 32 << 10, 32e9}, {2, 256 << 10, 20e9}, {3, 8 << 20, 12e9}};
  profile.memoryReadBytesPerSecond = 6e9;
  return profile;
}

bool MachineProfile::hasFeature(llvm::StringRef feature) const {
  return llvm::is_contained(features, feature);
}

unsigned MachineProfile::widestVectorBits() const {
  return peaks.empty() ? 32 : peaks.back().vectorBits;
}

unsigned MachineProfile::bestVectorBits() const {
  const VectorPeak *best = nullptr;
  for (const VectorPeak &peak : peaks)
    if (!best || peak.f32FlopsPerSecond > best->f32FlopsPerSecond)
      best = &peak;
  return best ? best->vectorBits : 32;
}

/// The entry of the widest measured width not above `vectorBits` (the
/// narrowest entry when all are wider).
static const VectorPeak &peakEntry(const MachineProfile &profile,
                                   unsigned vectorBits) {
  const VectorPeak *best = &profile.peaks.front();
  for (const VectorPeak &peak : profile.peaks)
    if (peak.vectorBits <= vectorBits)
      best = &peak;
  return *best;
}

double MachineProfile::vectorInstructionsPerSecond(unsigned vectorBits) const {
  const VectorPeak &peak = peakEntry(*this, vectorBits);
  double f32Lanes = std::max(1u, peak.vectorBits / 32);
  return peak.f32FlopsPerSecond / (2 * f32Lanes);
}

double MachineProfile::peakFlops(unsigned vectorBits,
                                 unsigned elementBits) const {
  const VectorPeak &peak = peakEntry(*this, vectorBits);
  double lanes = std::max(1u, peak.vectorBits / std::max(1u, elementBits));
  return vectorInstructionsPerSecond(vectorBits) * 2 * lanes;
}

MemoryLevel MachineProfile::levelFor(double workingSetBytes) const {
  for (const CacheLevel &cache : caches)
    if (workingSetBytes <= static_cast<double>(cache.sizeBytes))
      return {("L" + Twine(cache.level)).str(), cache.readBytesPerSecond};
  return {"DRAM", memoryReadBytesPerSecond};
}

static bool isPositive(double value) {
  return std::isfinite(value) && value > 0;
}

llvm::Error MachineProfile::validate() const {
  auto fail = [](const Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
  };
  if (cores == 0)
    return fail("'cores' must be at least 1");
  if (peaks.empty())
    return fail("'peak_flops' must list at least one vector width");
  unsigned previousBits = 0;
  for (const VectorPeak &peak : peaks) {
    if (peak.vectorBits < 32 || peak.vectorBits % 32 != 0)
      return fail("'peak_flops': vector_bits must be a multiple of 32, found " +
                  Twine(peak.vectorBits));
    if (peak.vectorBits <= previousBits)
      return fail("'peak_flops' must be sorted by vector_bits without "
                  "repeats");
    if (!isPositive(peak.f32FlopsPerSecond))
      return fail("'peak_flops': f32_flops_per_second at " +
                  Twine(peak.vectorBits) + " bits must be positive");
    previousBits = peak.vectorBits;
  }
  unsigned previousLevel = 0;
  for (const CacheLevel &cache : caches) {
    if (cache.level <= previousLevel)
      return fail("'caches' must be sorted by level without repeats");
    if (cache.sizeBytes <= 0 || !isPositive(cache.readBytesPerSecond))
      return fail("'caches': level " + Twine(cache.level) +
                  " needs a positive size_bytes and read_bytes_per_second");
    previousLevel = cache.level;
  }
  if (!isPositive(memoryReadBytesPerSecond))
    return fail("'memory': read_bytes_per_second must be positive");
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

llvm::Expected<MachineProfile>
mlir::dfg::cost::parseMachineProfile(llvm::StringRef json) {
  llvm::Expected<llvm::json::Value> value = llvm::json::parse(json);
  if (!value)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not JSON: " +
                                       llvm::toString(value.takeError()));
  auto fail = [](const Twine &message) -> llvm::Expected<MachineProfile> {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
  };
  const llvm::json::Object *root = value->getAsObject();
  if (!root)
    return fail("expected a JSON object");
  std::optional<llvm::StringRef> format = root->getString("format");
  if (!format || *format != kFormat)
    return fail("'format' is not \"" + kFormat + "\"");
  std::optional<int64_t> version = root->getInteger("version");
  if (!version || *version != kVersion)
    return fail("unsupported 'version' (this build reads version " +
                Twine(kVersion) + ")");

  MachineProfile profile;
  if (std::optional<llvm::StringRef> cpu = root->getString("cpu"))
    profile.cpu = cpu->str();
  else
    return fail("'cpu' is missing");
  if (std::optional<llvm::StringRef> description =
          root->getString("description"))
    profile.description = description->str();
  std::optional<int64_t> cores = root->getInteger("cores");
  if (!cores || *cores < 1 || *cores > (1 << 20))
    return fail("'cores' must be a positive integer");
  profile.cores = *cores;
  if (const llvm::json::Array *features = root->getArray("features")) {
    for (const llvm::json::Value &feature : *features) {
      std::optional<llvm::StringRef> name = feature.getAsString();
      if (!name)
        return fail("'features' must be a list of strings");
      profile.features.push_back(name->str());
    }
    llvm::sort(profile.features);
  }

  const llvm::json::Array *peaks = root->getArray("peak_flops");
  if (!peaks)
    return fail("'peak_flops' is missing");
  for (const llvm::json::Value &entry : *peaks) {
    const llvm::json::Object *object = entry.getAsObject();
    std::optional<int64_t> bits =
        object ? object->getInteger("vector_bits") : std::nullopt;
    std::optional<double> flops =
        object ? object->getNumber("f32_flops_per_second") : std::nullopt;
    if (!bits || !flops || *bits <= 0 || *bits > 4096)
      return fail("each 'peak_flops' entry needs vector_bits and "
                  "f32_flops_per_second");
    profile.peaks.push_back({static_cast<unsigned>(*bits), *flops});
  }
  if (const llvm::json::Array *caches = root->getArray("caches")) {
    for (const llvm::json::Value &entry : *caches) {
      const llvm::json::Object *object = entry.getAsObject();
      std::optional<int64_t> level =
          object ? object->getInteger("level") : std::nullopt;
      std::optional<int64_t> size =
          object ? object->getInteger("size_bytes") : std::nullopt;
      std::optional<double> bandwidth =
          object ? object->getNumber("read_bytes_per_second") : std::nullopt;
      if (!level || !size || !bandwidth || *level <= 0 || *level > 16)
        return fail("each 'caches' entry needs level, size_bytes and "
                    "read_bytes_per_second");
      profile.caches.push_back(
          {static_cast<unsigned>(*level), *size, *bandwidth});
    }
  }
  const llvm::json::Object *memory = root->getObject("memory");
  std::optional<double> memoryBandwidth =
      memory ? memory->getNumber("read_bytes_per_second") : std::nullopt;
  if (!memoryBandwidth)
    return fail("'memory' needs read_bytes_per_second");
  profile.memoryReadBytesPerSecond = *memoryBandwidth;

  if (llvm::Error error = profile.validate())
    return std::move(error);
  return profile;
}

llvm::Expected<MachineProfile>
mlir::dfg::cost::readMachineProfile(llvm::StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return llvm::createStringError(buffer.getError(),
                                   "cannot read '" + path +
                                       "': " + buffer.getError().message());
  llvm::Expected<MachineProfile> profile =
      parseMachineProfile((*buffer)->getBuffer());
  if (!profile)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + path +
                                       "' is not a valid machine "
                                       "profile: " +
                                       llvm::toString(profile.takeError()));
  return profile;
}

std::string
mlir::dfg::cost::printMachineProfile(const MachineProfile &profile) {
  llvm::json::Array features;
  for (const std::string &feature : profile.features)
    features.push_back(feature);
  llvm::json::Array peaks;
  for (const VectorPeak &peak : profile.peaks)
    peaks.push_back(llvm::json::Object{
        {"vector_bits", static_cast<int64_t>(peak.vectorBits)},
        {"f32_flops_per_second", peak.f32FlopsPerSecond}});
  llvm::json::Array caches;
  for (const CacheLevel &cache : profile.caches)
    caches.push_back(llvm::json::Object{
        {"level", static_cast<int64_t>(cache.level)},
        {"size_bytes", cache.sizeBytes},
        {"read_bytes_per_second", cache.readBytesPerSecond}});
  llvm::json::Object root{
      {"format", kFormat},
      {"version", kVersion},
      {"cpu", profile.cpu},
      {"description", profile.description},
      {"cores", static_cast<int64_t>(profile.cores)},
      {"features", std::move(features)},
      {"peak_flops", std::move(peaks)},
      {"caches", std::move(caches)},
      {"memory", llvm::json::Object{{"read_bytes_per_second",
                                     profile.memoryReadBytesPerSecond}}}};
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << "\n";
  return text;
}

llvm::Error mlir::dfg::cost::writeMachineProfile(const MachineProfile &profile,
                                                 llvm::StringRef path) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_Text);
  if (ec)
    return llvm::createStringError(ec, "cannot write '" + path +
                                           "': " + ec.message());
  os << printMachineProfile(profile);
  os.close();
  if (os.has_error())
    return llvm::createStringError(os.error(), "cannot write '" + path + "'");
  return llvm::Error::success();
}

std::string mlir::dfg::cost::getHostCPUName() {
  return llvm::sys::getHostCPUName().str();
}

MachineProfile mlir::dfg::cost::loadMachineProfileOrDefaults(
    llvm::StringRef path, llvm::function_ref<void(const Twine &)> warn,
    llvm::StringRef hostCPU) {
  if (path.empty())
    return MachineProfile::defaults();
  llvm::Expected<MachineProfile> profile = readMachineProfile(path);
  if (!profile) {
    warn(llvm::toString(profile.takeError()) +
         "; using the built-in default machine profile");
    return MachineProfile::defaults();
  }
  if (!profile->isDefaults() && profile->cpu != hostCPU) {
    warn("machine profile '" + path + "' was measured on a '" + profile->cpu +
         "' CPU but this machine is '" + hostCPU +
         "'; using the built-in default machine profile (measure this "
         "machine with dfg-machine-profile)");
    return MachineProfile::defaults();
  }
  return std::move(*profile);
}
