//===- Planner.h - Static arena planning for buffers ------------*- C++ -*-===//
//
// Static memory planning: given buffers with lifetimes and sizes, assign each
// an offset in one arena so that buffers that are live at the same time never
// share bytes. This is the MLIR-independent core used by the
// dfg-plan-memory pass and the dfg-memplan tool; it only depends on LLVM
// Support so that it can be tested and benchmarked on plain CSV instances.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_ANALYSIS_MEMORYPLANNING_PLANNER_H
#define DFG_ANALYSIS_MEMORYPLANNING_PLANNER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace mlir::dfg::memplan {

/// One buffer to place. The lifetime is the half-open interval
/// [lower, upper): a buffer with upper == lower is never live and conflicts
/// with nothing; upper < lower is invalid. Two buffers conflict when their
/// lifetimes intersect and both have a non-zero size.
struct Buffer {
  /// A caller-chosen identifier, used in diagnostics only.
  int64_t id = 0;
  int64_t lower = 0;
  int64_t upper = 0;
  int64_t size = 0;
  /// The offset must be a multiple of this (any positive value).
  int64_t alignment = 1;
};

/// Which algorithm computes the offsets.
enum class SolverKind {
  /// The baseline compilers ship (TFLite's arena planner, XLA's heap
  /// simulator): largest buffers first, each into the tightest gap left by
  /// the time-overlapping buffers already placed. Fast, no guarantee.
  Greedy,
  /// A complete depth-first search over canonical solutions (MiniMalloc
  /// style) that finds a packing at the lower bound when one exists and time
  /// allows. Starts from the greedy plan, so it is never worse.
  Search,
};

/// Parses "greedy" or "search".
std::optional<SolverKind> parseSolverKind(llvm::StringRef name);
/// The inverse of parseSolverKind.
llvm::StringRef stringifySolverKind(SolverKind kind);

struct PlanOptions {
  SolverKind solver = SolverKind::Search;
  /// The arena size the plan must fit in; std::nullopt for "as small as
  /// possible". The search first looks for a plan within the capacity, then
  /// (when `minimize` is set) for smaller ones.
  std::optional<int64_t> capacity;
  /// Wall-clock budget of the search solver, in seconds. When it runs out the
  /// best plan found so far is returned with `complete` unset.
  double timeLimitSeconds = 10.0;
  /// Whether the search keeps shrinking the arena towards the lower bound
  /// once a plan fits the capacity. Without a capacity it always minimizes.
  bool minimize = true;
};

/// The result of planning. A plan that does not fit the capacity is still a
/// valid plan (every conflict resolved), just too large: `fits` says which.
struct Plan {
  /// One offset per input buffer, in input order.
  std::vector<int64_t> offsets;
  /// The end of the highest buffer: the arena size this plan needs.
  int64_t arenaSize = 0;
  /// computeLowerBound() of the input: no plan can be smaller.
  int64_t lowerBound = 0;
  /// arenaSize <= capacity (always true without a capacity).
  bool fits = true;
  /// arenaSize is proven to be the smallest possible (it equals the lower
  /// bound, or the search exhausted every smaller size).
  bool optimal = false;
  /// The solver did all it set out to do: it either proved the plan optimal,
  /// or proved that nothing fits the capacity, or (when not minimizing) found
  /// a plan that fits. Unset when the time budget ran out first.
  bool complete = false;
  /// Wall-clock time spent, in seconds.
  double seconds = 0.0;
  /// Search nodes explored (0 for the greedy solver).
  uint64_t nodes = 0;
};

/// The largest number of bytes live at any one time: a lower bound on the
/// arena size of any plan. Buffers live over [lower, upper).
int64_t computeLowerBound(llvm::ArrayRef<Buffer> buffers);

/// Checks that the buffers form a valid problem: non-negative sizes,
/// positive alignments, lower <= upper, and sizes whose sum (plus alignment
/// padding) cannot overflow 64-bit offsets.
llvm::Error verifyBuffers(llvm::ArrayRef<Buffer> buffers);

/// Checks a plan: one offset per buffer, every offset non-negative and a
/// multiple of its buffer's alignment, no two buffers that are live at the
/// same time overlapping in memory, and every buffer ending at or below
/// `capacity` when one is given. The error names the offending buffers.
llvm::Error validatePlan(llvm::ArrayRef<Buffer> buffers,
                         llvm::ArrayRef<int64_t> offsets,
                         std::optional<int64_t> capacity = std::nullopt);

/// The arena size a set of offsets needs: the highest buffer end.
int64_t computeArenaSize(llvm::ArrayRef<Buffer> buffers,
                         llvm::ArrayRef<int64_t> offsets);

/// Plans the buffers with the solver selected in `options`. Fails only on
/// invalid input (see verifyBuffers) or options; a plan that does not fit the
/// capacity is returned with `fits` unset.
llvm::Expected<Plan> planMemory(llvm::ArrayRef<Buffer> buffers,
                                const PlanOptions &options = {});

} // namespace mlir::dfg::memplan

#endif // DFG_ANALYSIS_MEMORYPLANNING_PLANNER_H
