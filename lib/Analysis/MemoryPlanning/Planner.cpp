//===- Planner.cpp - Static arena planning for buffers --------------------===//

#include "dfg/Analysis/MemoryPlanning/Planner.h"

#include "Solvers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

using namespace mlir::dfg;
using namespace mlir::dfg::memplan;
using detail::Clock;

std::optional<SolverKind> memplan::parseSolverKind(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<SolverKind>>(name)
      .Case("greedy", SolverKind::Greedy)
      .Case("search", SolverKind::Search)
      .Default(std::nullopt);
}

llvm::StringRef memplan::stringifySolverKind(SolverKind kind) {
  switch (kind) {
  case SolverKind::Greedy:
    return "greedy";
  case SolverKind::Search:
    return "search";
  }
  return "unknown";
}

/// Whether a buffer can conflict with any other: zero-size buffers and
/// buffers that are never live take no room at any time.
static bool occupiesMemory(const Buffer &buffer) {
  return buffer.size > 0 && buffer.upper > buffer.lower;
}

int64_t memplan::computeLowerBound(llvm::ArrayRef<Buffer> buffers) {
  // Sweep lifetime endpoints; at equal times ends come first because
  // lifetimes are half-open.
  std::vector<std::pair<int64_t, int64_t>> events;
  for (const Buffer &buffer : buffers) {
    if (!occupiesMemory(buffer))
      continue;
    events.push_back({buffer.lower, buffer.size});
    events.push_back({buffer.upper, -buffer.size});
  }
  llvm::sort(events);
  int64_t live = 0, peak = 0;
  for (const auto &[time, delta] : events) {
    live += delta;
    peak = std::max(peak, live);
  }
  return peak;
}

llvm::Error memplan::verifyBuffers(llvm::ArrayRef<Buffer> buffers) {
  // Offsets stay below the sum of sizes plus alignment padding; bounding
  // that sum keeps every offset + size computation in the solvers exact.
  constexpr int64_t kMaxTotal = std::numeric_limits<int64_t>::max() / 4;
  int64_t total = 0;
  for (const Buffer &buffer : buffers) {
    if (buffer.size < 0)
      return llvm::createStringError(
          llvm::formatv("buffer {0}: size must be non-negative, found {1}",
                        buffer.id, buffer.size));
    if (buffer.alignment <= 0)
      return llvm::createStringError(
          llvm::formatv("buffer {0}: alignment must be positive, found {1}",
                        buffer.id, buffer.alignment));
    if (buffer.upper < buffer.lower)
      return llvm::createStringError(llvm::formatv(
          "buffer {0}: inverted lifetime [{1}, {2}): upper must be >= lower",
          buffer.id, buffer.lower, buffer.upper));
    if (buffer.size > kMaxTotal || buffer.alignment > kMaxTotal ||
        kMaxTotal - total < buffer.size + buffer.alignment)
      return llvm::createStringError(llvm::formatv(
          "buffer {0}: sizes and alignments add up to more than {1} bytes",
          buffer.id, kMaxTotal));
    total += buffer.size + buffer.alignment;
  }
  return llvm::Error::success();
}

int64_t memplan::computeArenaSize(llvm::ArrayRef<Buffer> buffers,
                                  llvm::ArrayRef<int64_t> offsets) {
  int64_t arena = 0;
  for (auto [buffer, offset] : llvm::zip_equal(buffers, offsets))
    if (occupiesMemory(buffer))
      arena = std::max(arena, offset + buffer.size);
  return arena;
}

llvm::Error memplan::validatePlan(llvm::ArrayRef<Buffer> buffers,
                                  llvm::ArrayRef<int64_t> offsets,
                                  std::optional<int64_t> capacity) {
  if (buffers.size() != offsets.size())
    return llvm::createStringError(
        llvm::formatv("expected {0} offsets (one per buffer), found {1}",
                      buffers.size(), offsets.size()));
  for (auto [buffer, offset] : llvm::zip_equal(buffers, offsets)) {
    if (offset < 0)
      return llvm::createStringError(
          llvm::formatv("buffer {0}: offset must be non-negative, found {1}",
                        buffer.id, offset));
    if (buffer.alignment > 0 && offset % buffer.alignment != 0)
      return llvm::createStringError(
          llvm::formatv("buffer {0}: offset {1} is not a multiple of its "
                        "alignment {2}",
                        buffer.id, offset, buffer.alignment));
    if (offset > std::numeric_limits<int64_t>::max() - buffer.size)
      return llvm::createStringError(
          llvm::formatv("buffer {0}: offset {1} + size {2} overflows",
                        buffer.id, offset, buffer.size));
    if (capacity && occupiesMemory(buffer) && offset + buffer.size > *capacity)
      return llvm::createStringError(
          llvm::formatv("buffer {0}: ends at {1}, past the capacity {2}",
                        buffer.id, offset + buffer.size, *capacity));
  }

  // Sorted by start time, the buffers a buffer can clash with are the ones
  // that start before it ends: O(n log n + clashing pairs) overall.
  std::vector<size_t> order;
  for (size_t i = 0; i < buffers.size(); ++i)
    if (occupiesMemory(buffers[i]))
      order.push_back(i);
  llvm::sort(order, [&](size_t a, size_t b) {
    return buffers[a].lower < buffers[b].lower;
  });
  for (size_t i = 0; i < order.size(); ++i) {
    const Buffer &a = buffers[order[i]];
    int64_t aOffset = offsets[order[i]];
    for (size_t j = i + 1; j < order.size(); ++j) {
      const Buffer &b = buffers[order[j]];
      if (b.lower >= a.upper)
        break;
      int64_t bOffset = offsets[order[j]];
      if (aOffset < bOffset + b.size && bOffset < aOffset + a.size)
        return llvm::createStringError(llvm::formatv(
            "buffers {0} and {1} are both live in [{2}, {3}) and overlap in "
            "memory: [{4}, {5}) and [{6}, {7})",
            a.id, b.id, std::max(a.lower, b.lower), std::min(a.upper, b.upper),
            aOffset, aOffset + a.size, bOffset, bOffset + b.size));
    }
  }
  return llvm::Error::success();
}

/// Runs the search on the buffers that occupy memory, starting from the
/// greedy plan `plan` (in the solvers' indexing) and improving it in place.
static void improveBySearch(llvm::ArrayRef<Buffer> buffers, Plan &plan,
                            const PlanOptions &options,
                            Clock::time_point deadline) {
  detail::CanonicalSearch search(buffers);
  auto tryCapacity = [&](int64_t capacity, Clock::time_point until) {
    detail::SearchResult result = search.solve(capacity, until);
    plan.nodes += result.nodes;
    if (result.outcome == detail::SearchOutcome::Found) {
      plan.offsets = std::move(result.offsets);
      plan.arenaSize = computeArenaSize(buffers, plan.offsets);
    }
    return result.outcome;
  };

  // First make it fit: that is what the caller needs most.
  if (options.capacity && plan.arenaSize > *options.capacity) {
    if (*options.capacity < plan.lowerBound) {
      plan.complete = true;
      return;
    }
    detail::SearchOutcome outcome = tryCapacity(*options.capacity, deadline);
    if (outcome == detail::SearchOutcome::Infeasible)
      plan.complete = true;
    if (outcome != detail::SearchOutcome::Found)
      return;
    if (!options.minimize) {
      plan.complete = true;
      return;
    }
  } else if (options.capacity && !options.minimize) {
    plan.complete = true;
    return;
  }

  // Then shrink: the lower bound first, because it is the common case and
  // reaching it proves optimality at once, then bisect between the largest
  // size not known to be feasible and the best plan. A size can be hard to
  // prove infeasible, so each attempt only gets a quarter of the time left
  // and a timeout moves the bisection up (without claiming a proof) rather
  // than burning the whole budget on one size.
  int64_t provenLow = plan.lowerBound;
  int64_t low = plan.lowerBound;
  int64_t high = plan.arenaSize - 1;
  bool first = true;
  while (low <= high) {
    Clock::time_point now = Clock::now();
    if (now >= deadline)
      return;
    Clock::time_point sliceEnd = now + (deadline - now) / 4;
    int64_t capacity = first ? low : low + (high - low) / 2;
    first = false;
    detail::SearchOutcome outcome = tryCapacity(capacity, sliceEnd);
    if (outcome == detail::SearchOutcome::Found) {
      high = plan.arenaSize - 1;
      continue;
    }
    // No plan within `capacity` means none within anything smaller either.
    if (outcome == detail::SearchOutcome::Infeasible)
      provenLow = std::max(provenLow, capacity + 1);
    low = capacity + 1;
  }
  plan.optimal = provenLow > high;
  plan.complete = plan.optimal;
}

llvm::Expected<Plan> memplan::planMemory(llvm::ArrayRef<Buffer> buffers,
                                         const PlanOptions &options) {
  if (llvm::Error error = verifyBuffers(buffers))
    return std::move(error);
  if (options.capacity && *options.capacity < 0)
    return llvm::createStringError(llvm::formatv(
        "capacity must be non-negative, found {0}", *options.capacity));
  if (!(options.timeLimitSeconds >= 0) ||
      !std::isfinite(options.timeLimitSeconds))
    return llvm::createStringError(
        llvm::formatv("time limit must be a non-negative number of seconds, "
                      "found {0}",
                      options.timeLimitSeconds));

  Clock::time_point start = Clock::now();
  // Cap the budget so that the deadline cannot overflow the clock.
  auto budget = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(std::min(options.timeLimitSeconds, 1e9)));
  Clock::time_point deadline = start + budget;

  // The solvers only see buffers that take room; the rest go at offset 0,
  // which every alignment accepts.
  std::vector<Buffer> active;
  std::vector<size_t> activeIndex;
  for (size_t i = 0; i < buffers.size(); ++i) {
    if (!occupiesMemory(buffers[i]))
      continue;
    active.push_back(buffers[i]);
    activeIndex.push_back(i);
  }

  Plan plan;
  plan.lowerBound = computeLowerBound(active);
  plan.offsets = detail::solveGreedy(active);
  plan.arenaSize = computeArenaSize(active, plan.offsets);
  plan.optimal = plan.arenaSize == plan.lowerBound;
  plan.complete = true;
  if (options.solver == SolverKind::Search && !plan.optimal) {
    plan.complete = false;
    improveBySearch(active, plan, options, deadline);
    if (plan.arenaSize == plan.lowerBound)
      plan.optimal = plan.complete = true;
  }

  std::vector<int64_t> offsets(buffers.size(), 0);
  for (auto [offset, index] : llvm::zip_equal(plan.offsets, activeIndex))
    offsets[index] = offset;
  plan.offsets = std::move(offsets);
  plan.fits = !options.capacity || plan.arenaSize <= *options.capacity;
  plan.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return plan;
}
