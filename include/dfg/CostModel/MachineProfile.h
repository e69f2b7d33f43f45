//===- MachineProfile.h - Measured peaks of one machine ---------*- C++ -*-===//
//
// The numbers the analytic cost model divides by: peak FLOP/s per vector
// width, read bandwidth of each cache level and of memory, cache sizes, CPU
// features and core count. `dfg-machine-profile` measures them and writes
// them as JSON (format in docs/cost-model.md); the built-in defaults are
// deliberately conservative so that a missing profile never makes a
// prediction optimistic.
//
// Plain C++ over LLVM Support, no IR: the measuring tool links only this.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_COSTMODEL_MACHINEPROFILE_H
#define DFG_COSTMODEL_MACHINEPROFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>

namespace mlir::dfg::cost {

/// Single-core peak of f32 fused multiply-adds at one vector width (32 bits
/// is scalar code), counting a multiply-add as two FLOPs.
struct VectorPeak {
  unsigned vectorBits = 0;
  double f32FlopsPerSecond = 0;
};

/// One level of the data cache hierarchy as the single-core streaming read
/// bandwidth of a working set that fits in it.
struct CacheLevel {
  unsigned level = 0;
  int64_t sizeBytes = 0;
  double readBytesPerSecond = 0;
};

/// Where a working set of some size is served from, and how fast.
struct MemoryLevel {
  /// "L1", "L2", "L3" or "DRAM".
  std::string name;
  double readBytesPerSecond = 0;
};

struct MachineProfile {
  /// LLVM's name of the CPU the profile was measured on
  /// (`llvm::sys::getHostCPUName()`); empty for the built-in defaults, which
  /// fit any machine.
  std::string cpu;
  /// Free text: the processor's marketing name, how it was measured.
  std::string description;
  unsigned cores = 1;
  /// CPU features relevant to code generation ("avx2", "avx512f", "fma"),
  /// sorted.
  llvm::SmallVector<std::string> features;
  /// Sorted by width, at least one entry.
  llvm::SmallVector<VectorPeak> peaks;
  /// Sorted by level.
  llvm::SmallVector<CacheLevel> caches;
  double memoryReadBytesPerSecond = 0;

  /// Conservative numbers for an unknown x86-64 or AArch64 core: 2 GHz, one
  /// FMA per cycle, small caches, 8 GB/s from memory.
  static MachineProfile defaults();

  bool isDefaults() const { return cpu.empty(); }
  bool hasFeature(llvm::StringRef feature) const;
  unsigned widestVectorBits() const;
  /// The vector width with the highest measured peak, the narrower on a tie
  /// (not always the widest: cores with one 512-bit FMA unit, or that lower
  /// their clock for it, reach more with 256-bit vectors).
  unsigned bestVectorBits() const;

  /// FLOP/s of fused multiply-adds on elements of `elementBits` bits in
  /// vectors of `vectorBits` bits: the peak of the widest measured width not
  /// above `vectorBits` (wider vectors are split into those), scaled by how
  /// many elements one vector holds (at least one).
  double peakFlops(unsigned vectorBits, unsigned elementBits) const;

  /// Vector fused multiply-add instructions per second at `vectorBits`.
  double vectorInstructionsPerSecond(unsigned vectorBits) const;

  /// The smallest level `workingSetBytes` fits in, DRAM if none.
  MemoryLevel levelFor(double workingSetBytes) const;

  /// Checks the invariants the cost model relies on (positive, finite,
  /// sorted); the message says which field is wrong.
  llvm::Error validate() const;
};

/// Parses the JSON profile format; errors name the offending field.
llvm::Expected<MachineProfile> parseMachineProfile(llvm::StringRef json);
/// Reads and parses a profile file.
llvm::Expected<MachineProfile> readMachineProfile(llvm::StringRef path);
/// The profile as JSON text, in the format `parseMachineProfile` reads.
std::string printMachineProfile(const MachineProfile &profile);
llvm::Error writeMachineProfile(const MachineProfile &profile,
                                llvm::StringRef path);

/// LLVM's name of this machine's CPU (e.g. "znver4", "sapphirerapids").
std::string getHostCPUName();

/// The profile in `path` if it reads, validates and was measured on a CPU
/// named `hostCPU`; otherwise calls `warn` with the reason and returns the
/// built-in defaults. An empty `path` means the defaults, silently.
MachineProfile
loadMachineProfileOrDefaults(llvm::StringRef path,
                             llvm::function_ref<void(const llvm::Twine &)> warn,
                             llvm::StringRef hostCPU);

} // namespace mlir::dfg::cost

#endif // DFG_COSTMODEL_MACHINEPROFILE_H
