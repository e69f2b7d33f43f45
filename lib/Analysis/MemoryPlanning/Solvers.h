//===- Solvers.h - Solver entry points behind planMemory --------*- C++ -*-===//
//
// Private to the DFGMemoryPlanning library: planMemory() in Planner.cpp is
// the only client. Solvers work on the buffers that can conflict (non-zero
// size, non-empty lifetime); the others are placed at offset 0 by the caller.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_LIB_ANALYSIS_MEMORYPLANNING_SOLVERS_H
#define DFG_LIB_ANALYSIS_MEMORYPLANNING_SOLVERS_H

#include "dfg/Analysis/MemoryPlanning/Planner.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace mlir::dfg::memplan::detail {

using Clock = std::chrono::steady_clock;

/// Rounds `value` (>= 0) up to a multiple of `alignment` (> 0).
inline int64_t alignUp(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

/// Greedy by size with best fit; returns one offset per buffer.
std::vector<int64_t> solveGreedy(llvm::ArrayRef<Buffer> buffers);

enum class SearchOutcome {
  /// A plan within the capacity was found.
  Found,
  /// The search space was exhausted: no plan fits the capacity.
  Infeasible,
  /// The deadline passed before either of the above.
  TimedOut,
};

struct SearchResult {
  SearchOutcome outcome = SearchOutcome::TimedOut;
  /// One offset per buffer when outcome == Found, empty otherwise.
  std::vector<int64_t> offsets;
  uint64_t nodes = 0;
};

/// A depth-first search over canonical plans (see SearchSolver.cpp). The
/// preprocessing (time sections, overlap lists) is shared by every capacity
/// that planMemory() tries, so it is done once in the constructor.
class CanonicalSearch {
public:
  explicit CanonicalSearch(llvm::ArrayRef<Buffer> buffers);
  ~CanonicalSearch();
  CanonicalSearch(const CanonicalSearch &) = delete;
  CanonicalSearch &operator=(const CanonicalSearch &) = delete;

  /// Looks for a plan whose arena is at most `capacity`.
  SearchResult solve(int64_t capacity, Clock::time_point deadline);

private:
  struct Impl;
  std::unique_ptr<Impl> impl;
};

} // namespace mlir::dfg::memplan::detail

#endif // DFG_LIB_ANALYSIS_MEMORYPLANNING_SOLVERS_H
