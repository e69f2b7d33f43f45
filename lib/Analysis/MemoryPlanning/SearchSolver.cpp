//===- SearchSolver.cpp - Canonical depth-first search for packings -------===//
//
// A complete search in the spirit of MiniMalloc (Moffitt, "MiniMalloc: A
// Lightweight Memory Allocator for Hardware-Accelerated Machine Learning",
// ASPLOS 2023). The ideas, and why they are sound:
//
// * Canonical solutions. Any plan can be "dropped": move every buffer down
//   until it rests on a time-overlapping buffer (or on 0, or on an alignment
//   step). Dropping never grows the arena, so it suffices to search dropped
//   plans, and to build them bottom-up: buffers are placed in non-decreasing
//   (offset, static rank) order, each at its minimum offset, i.e. just above
//   the highest time-overlapping buffer already placed. Because later buffers
//   never go below earlier ones, the minimum offset of every buffer only
//   depends on the buffers placed so far, and each plan is reached once.
// * Branching. At each node the unplaced buffers are ordered by (minimum
//   offset, rank); the search branches on which one is placed next.
// * Dominance. A buffer is not placed at an offset at or above the top of
//   some other unplaced buffer at its own minimum offset: that buffer would
//   fit entirely in the gap left below, so the plan is not a dropped one.
// * Section inference. Sections are the maximal sets of simultaneously live
//   buffers. Every unplaced buffer of a section goes above the current offset
//   and above the smallest minimum offset of the section's unplaced buffers,
//   so that plus the section's unplaced bytes must fit the capacity.
// * Decomposition. When no unplaced buffer crosses a section boundary, the
//   two sides no longer interact and are solved one after the other instead
//   of being interleaved by the branching (which would multiply their trees).
// * Restarts. The static rank breaks ties among buffers at the same offset.
//   A poor rank can make the search thrash, so the search cycles through
//   three rankings with a node limit that doubles every round.
//
//===----------------------------------------------------------------------===//

#include "Solvers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/thread.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <optional>

using namespace mlir::dfg::memplan;
using namespace mlir::dfg::memplan::detail;

namespace {
/// The keys of a static ranking, compared in order, each larger first
/// (MiniMalloc's W, A and T).
enum class RankKey {
  /// Length of the lifetime.
  Width,
  /// size * lifetime length.
  Area,
  /// The most bytes live in any section the buffer spans.
  Total,
};

/// The rankings tried in turn; three orders of the same keys are enough for
/// the search to get lucky with one of them on hard instances.
constexpr std::array<std::array<RankKey, 3>, 3> kRankings = {{
    {RankKey::Width, RankKey::Area, RankKey::Total},
    {RankKey::Total, RankKey::Area, RankKey::Width},
    {RankKey::Total, RankKey::Width, RankKey::Area},
}};

/// A set of unplaced buffers that do not interact with any other unplaced
/// buffer, and the range of sections they live in.
struct Partition {
  llvm::SmallVector<int> buffers;
  int sectionBegin = 0;
  int sectionEnd = 0;
};

enum class Status { Found, NotFound, Aborted };

struct Candidate {
  int64_t offset;
  int rank;
  int buffer;
};
} // namespace

struct CanonicalSearch::Impl {
  explicit Impl(llvm::ArrayRef<Buffer> input);

  SearchResult solve(int64_t capacity, Clock::time_point deadline);
  int getNumBuffers() const { return numBuffers; }

private:
  void reset();
  /// Ranks `buffers` by the current ranking, using the bytes still unplaced
  /// in their sections for RankKey::Total.
  void computeRanks(llvm::ArrayRef<int> buffers);
  std::vector<Partition> initialPartitions() const;
  Status solvePartition(const Partition &partition);
  Status search(const Partition &partition, int64_t lastOffset, int lastRank);
  Status place(const Partition &partition, const Candidate &candidate);
  Status decompose(const Partition &partition, int buffer, int64_t offset,
                   int rank);
  bool checkSections(const Partition &partition, int64_t offset) const;
  void markSection(int section);
  /// Lowers the count of unplaced buffers at `section`'s lowest minimum
  /// offset, and schedules a rescan when none is left.
  void leaveLowest(int section);
  void rescanLowest(int section);

  // The problem, fixed at construction. Buffers are indexed 0..n-1.
  int numBuffers = 0;
  int numSections = 0;
  std::vector<int64_t> size, alignment, width, area;
  /// Buffer b lives in sections [firstSection[b], endSection[b]).
  std::vector<int> firstSection, endSection;
  /// The buffers whose lifetimes intersect b's.
  std::vector<std::vector<int>> overlaps;
  /// The buffers live in each section.
  std::vector<std::vector<int>> sectionBuffers;
  std::vector<int64_t> initialSectionTotal;
  /// initialCuts[s]: how many buffers live in both section s and s + 1.
  std::vector<int> initialCuts;

  // The search state.
  int64_t capacity = 0;
  Clock::time_point deadline;
  const std::array<RankKey, 3> *ranking = &kRankings[0];
  uint64_t nodes = 0;
  uint64_t totalNodes = 0;
  uint64_t nodeLimit = 0;
  bool timedOut = false;
  std::vector<int> rank;
  /// Offset of each placed buffer, -1 for unplaced ones.
  std::vector<int64_t> offset;
  /// The lowest offset at which each unplaced buffer can go.
  std::vector<int64_t> minOffset;
  /// Per section, the smallest minOffset of its unplaced buffers (kNone when
  /// all are placed): nothing unplaced in the section can go lower. The
  /// count of buffers at that offset spares rescanning the section each time
  /// one of them moves up: only the last one to leave triggers a rescan.
  struct Lowest {
    int64_t offset;
    int count;
  };
  std::vector<Lowest> lowest;
  /// Bytes of the unplaced buffers of each section.
  std::vector<int64_t> remaining;
  /// Unplaced buffers live on both sides of each section boundary.
  std::vector<int> cuts;
  /// The offsets of the last plan found.
  std::vector<int64_t> solution;
  // Undo logs, shared by all levels of the recursion: each level truncates
  // them back to where it started.
  std::vector<std::pair<int, int64_t>> minOffsetLog;
  std::vector<std::pair<int, Lowest>> lowestLog;
  // Candidates of all levels, stacked; a level only touches its own slice.
  std::vector<Candidate> candidates;
  // Sections whose `lowest` must be recomputed after a placement, with marks
  // to list each once.
  llvm::SmallVector<int> dirtySections;
  std::vector<uint32_t> sectionMark;
  uint32_t markEpoch = 0;

  static constexpr int64_t kNone = std::numeric_limits<int64_t>::max();
};

CanonicalSearch::Impl::Impl(llvm::ArrayRef<Buffer> input) {
  numBuffers = static_cast<int>(input.size());
  for (const Buffer &buffer : input) {
    size.push_back(buffer.size);
    alignment.push_back(buffer.alignment);
    width.push_back(buffer.upper - buffer.lower);
    area.push_back(static_cast<int64_t>(
        std::min<uint64_t>(llvm::SaturatingMultiply<uint64_t>(
                               buffer.size, buffer.upper - buffer.lower),
                           std::numeric_limits<int64_t>::max())));
  }

  // Sections are the maximal sets of simultaneously live buffers: the set
  // live just before some lifetime ends. Sets in between are subsets of the
  // next one and would only add weaker copies of its constraints.
  struct Event {
    int64_t time;
    bool isStart;
    int buffer;
  };
  std::vector<Event> events;
  events.reserve(2 * input.size());
  for (int b = 0; b < numBuffers; ++b) {
    events.push_back({input[b].lower, true, b});
    events.push_back({input[b].upper, false, b});
  }
  // Ends before starts at equal times: lifetimes are half-open.
  llvm::sort(events, [](const Event &x, const Event &y) {
    if (x.time != y.time)
      return x.time < y.time;
    if (x.isStart != y.isStart)
      return !x.isStart;
    return x.buffer < y.buffer;
  });
  firstSection.assign(numBuffers, 0);
  endSection.assign(numBuffers, 0);
  std::optional<int64_t> lastSectionTime;
  for (const Event &event : events) {
    if (event.isStart) {
      firstSection[event.buffer] = numSections;
      continue;
    }
    if (lastSectionTime != event.time) {
      lastSectionTime = event.time;
      ++numSections;
    }
    endSection[event.buffer] = numSections;
  }

  sectionBuffers.resize(numSections);
  initialSectionTotal.assign(numSections, 0);
  initialCuts.assign(std::max(numSections - 1, 0), 0);
  for (int b = 0; b < numBuffers; ++b) {
    for (int s = firstSection[b]; s < endSection[b]; ++s) {
      sectionBuffers[s].push_back(b);
      initialSectionTotal[s] += size[b];
    }
    for (int s = firstSection[b]; s + 1 < endSection[b]; ++s)
      ++initialCuts[s];
  }

  // Two lifetimes intersect iff both are live in the first section of the
  // later one: enumerating each buffer's first section finds every pair
  // once, in time proportional to the number of pairs.
  overlaps.resize(numBuffers);
  for (int b = 0; b < numBuffers; ++b)
    for (int other : sectionBuffers[firstSection[b]])
      if (firstSection[other] < firstSection[b] ||
          (firstSection[other] == firstSection[b] && other < b)) {
        overlaps[b].push_back(other);
        overlaps[other].push_back(b);
      }
  sectionMark.assign(numSections, 0);
}

void CanonicalSearch::Impl::reset() {
  offset.assign(numBuffers, -1);
  minOffset.assign(numBuffers, 0);
  lowest.resize(numSections);
  for (int s = 0; s < numSections; ++s)
    lowest[s] = {0, static_cast<int>(sectionBuffers[s].size())};
  remaining = initialSectionTotal;
  cuts = initialCuts;
  rank.assign(numBuffers, 0);
  minOffsetLog.clear();
  lowestLog.clear();
  candidates.clear();
}

void CanonicalSearch::Impl::computeRanks(llvm::ArrayRef<int> buffers) {
  auto key = [&](RankKey k, int b) -> int64_t {
    switch (k) {
    case RankKey::Width:
      return width[b];
    case RankKey::Area:
      return area[b];
    case RankKey::Total: {
      int64_t total = 0;
      for (int s = firstSection[b]; s < endSection[b]; ++s)
        total = std::max(total, remaining[s]);
      return total;
    }
    }
    return 0;
  };
  struct Keyed {
    std::array<int64_t, 3> keys;
    int buffer;
  };
  llvm::SmallVector<Keyed> keyed;
  for (int b : buffers)
    keyed.push_back(
        {{key((*ranking)[0], b), key((*ranking)[1], b), key((*ranking)[2], b)},
         b});
  llvm::sort(keyed, [](const Keyed &x, const Keyed &y) {
    if (x.keys != y.keys)
      return x.keys > y.keys;
    return x.buffer < y.buffer;
  });
  for (auto [index, entry] : llvm::enumerate(keyed))
    rank[entry.buffer] = static_cast<int>(index);
}

std::vector<Partition> CanonicalSearch::Impl::initialPartitions() const {
  // A boundary no buffer crosses separates independent problems.
  std::vector<int> partitionOfSection(numSections, 0);
  std::vector<Partition> partitions(1);
  for (int s = 0; s < numSections; ++s) {
    partitionOfSection[s] = static_cast<int>(partitions.size()) - 1;
    partitions.back().sectionEnd = s + 1;
    if (s + 1 < numSections && initialCuts[s] == 0) {
      partitions.emplace_back();
      partitions.back().sectionBegin = s + 1;
    }
  }
  for (int b = 0; b < numBuffers; ++b)
    partitions[partitionOfSection[firstSection[b]]].buffers.push_back(b);
  llvm::erase_if(partitions,
                 [](const Partition &p) { return p.buffers.empty(); });
  return partitions;
}

Status CanonicalSearch::Impl::solvePartition(const Partition &partition) {
  // Ranks are recomputed for each independent part, with the bytes left in
  // its sections: what was placed meanwhile changes which buffers are the
  // hardest. The parent's ranks are restored for its other branches.
  llvm::SmallVector<int> savedRanks;
  for (int b : partition.buffers)
    savedRanks.push_back(rank[b]);
  computeRanks(partition.buffers);
  Status status = search(partition, 0, -1);
  for (auto [b, saved] : llvm::zip_equal(partition.buffers, savedRanks))
    rank[b] = saved;
  return status;
}

bool CanonicalSearch::Impl::checkSections(const Partition &partition,
                                          int64_t offset) const {
  // Every unplaced buffer of a section goes above its lowest minimum offset
  // and (canonical order) above the current offset.
  for (int s = partition.sectionBegin; s < partition.sectionEnd; ++s)
    if (remaining[s] > 0 &&
        std::max(offset, lowest[s].offset) + remaining[s] > capacity)
      return false;
  return true;
}

void CanonicalSearch::Impl::markSection(int section) {
  if (sectionMark[section] == markEpoch)
    return;
  sectionMark[section] = markEpoch;
  dirtySections.push_back(section);
}

void CanonicalSearch::Impl::leaveLowest(int section) {
  lowestLog.push_back({section, lowest[section]});
  if (--lowest[section].count == 0)
    markSection(section);
}

void CanonicalSearch::Impl::rescanLowest(int section) {
  Lowest result = {kNone, 0};
  for (int b : sectionBuffers[section]) {
    if (offset[b] >= 0 || minOffset[b] > result.offset)
      continue;
    if (minOffset[b] < result.offset)
      result = {minOffset[b], 0};
    ++result.count;
  }
  lowestLog.push_back({section, lowest[section]});
  lowest[section] = result;
}

Status CanonicalSearch::Impl::search(const Partition &partition,
                                     int64_t lastOffset, int lastRank) {
  ++totalNodes;
  if (++nodes > nodeLimit)
    return Status::Aborted;
  // Reading the clock costs about as much as a small node; every 64th is
  // plenty for a budget measured in seconds.
  if ((totalNodes & 63) == 0 && Clock::now() >= deadline) {
    timedOut = true;
    return Status::Aborted;
  }

  // Dominance: placing a buffer at or above the top of another unplaced
  // buffer (at its minimum offset) would leave a gap that one fits in, so
  // only buffers below the lowest such top are branched on.
  int64_t minTop = std::numeric_limits<int64_t>::max();
  bool anyUnplaced = false;
  for (int b : partition.buffers) {
    if (offset[b] >= 0)
      continue;
    anyUnplaced = true;
    minTop = std::min(minTop, minOffset[b] + size[b]);
  }
  if (!anyUnplaced)
    return Status::Found;
  size_t begin = candidates.size();
  for (int b : partition.buffers)
    if (offset[b] < 0 && minOffset[b] < minTop)
      candidates.push_back({minOffset[b], rank[b], b});
  size_t end = candidates.size();
  std::sort(candidates.begin() + begin, candidates.begin() + end,
            [](const Candidate &x, const Candidate &y) {
              if (x.offset != y.offset)
                return x.offset < y.offset;
              return x.rank < y.rank;
            });

  Status status = Status::NotFound;
  for (size_t i = begin; i < end; ++i) {
    // Copy: deeper levels may reallocate the candidate stack.
    Candidate candidate = candidates[i];
    // Canonical order: (offset, rank) never decreases along a branch.
    if (candidate.offset < lastOffset ||
        (candidate.offset == lastOffset && candidate.rank < lastRank))
      continue;
    status = place(partition, candidate);
    if (status != Status::NotFound)
      break;
  }
  candidates.resize(begin);
  return status;
}

Status CanonicalSearch::Impl::place(const Partition &partition,
                                    const Candidate &candidate) {
  int b = candidate.buffer;
  int64_t at = candidate.offset;
  int64_t top = at + size[b];
  // Cheap necessary condition first, before any state changes: every
  // unplaced byte of a section goes above `at` in canonical order.
  for (int s = partition.sectionBegin; s < partition.sectionEnd; ++s)
    if (at + remaining[s] > capacity && remaining[s] > 0)
      return Status::NotFound;
  size_t minOffsetMark = minOffsetLog.size();
  size_t lowestMark = lowestLog.size();

  if (++markEpoch == 0) {
    std::fill(sectionMark.begin(), sectionMark.end(), 0);
    markEpoch = 1;
  }
  dirtySections.clear();
  offset[b] = at;
  for (int s = firstSection[b]; s < endSection[b]; ++s) {
    remaining[s] -= size[b];
    if (lowest[s].offset == at)
      leaveLowest(s);
  }
  // Time-overlapping buffers not yet placed go above this one.
  for (int other : overlaps[b]) {
    int64_t old = minOffset[other];
    if (offset[other] >= 0 || old >= top)
      continue;
    minOffsetLog.push_back({other, old});
    minOffset[other] = alignUp(top, alignment[other]);
    for (int s = firstSection[other]; s < endSection[other]; ++s)
      if (lowest[s].offset == old)
        leaveLowest(s);
  }
  // Rescans are the costly part: stop at the first section they overflow.
  bool feasible = true;
  for (int s : dirtySections) {
    rescanLowest(s);
    if (remaining[s] > 0 && lowest[s].offset + remaining[s] > capacity) {
      feasible = false;
      break;
    }
  }

  Status status = Status::NotFound;
  if (feasible && checkSections(partition, at))
    status = decompose(partition, b, at, candidate.rank);
  if (status == Status::Found)
    solution[b] = at;

  for (size_t i = lowestLog.size(); i > lowestMark; --i)
    lowest[lowestLog[i - 1].first] = lowestLog[i - 1].second;
  lowestLog.resize(lowestMark);
  for (size_t i = minOffsetLog.size(); i > minOffsetMark; --i)
    minOffset[minOffsetLog[i - 1].first] = minOffsetLog[i - 1].second;
  minOffsetLog.resize(minOffsetMark);
  for (int s = firstSection[b]; s < endSection[b]; ++s)
    remaining[s] += size[b];
  offset[b] = -1;
  return status;
}

Status CanonicalSearch::Impl::decompose(const Partition &partition, int b,
                                        int64_t at, int bRank) {
  // Boundaries that only `b` still crossed now split the partition.
  llvm::SmallVector<int, 8> splits;
  for (int s = firstSection[b]; s + 1 < endSection[b]; ++s)
    if (--cuts[s] == 0)
      splits.push_back(s + 1);

  Status status = Status::Found;
  if (splits.empty()) {
    status = search(partition, at, bRank);
  } else {
    splits.insert(splits.begin(), partition.sectionBegin);
    splits.push_back(partition.sectionEnd);
    for (size_t i = 0; i + 1 < splits.size() && status == Status::Found; ++i) {
      Partition part;
      part.sectionBegin = splits[i];
      part.sectionEnd = splits[i + 1];
      for (int other : partition.buffers)
        if (offset[other] < 0 && firstSection[other] < part.sectionEnd &&
            part.sectionBegin < endSection[other])
          part.buffers.push_back(other);
      // The parts are independent, so each starts a fresh canonical order;
      // one that cannot be completed fails the whole branch.
      if (!part.buffers.empty())
        status = solvePartition(part);
    }
  }

  for (int s = firstSection[b]; s + 1 < endSection[b]; ++s)
    ++cuts[s];
  return status;
}

SearchResult CanonicalSearch::Impl::solve(int64_t cap,
                                          Clock::time_point until) {
  capacity = cap;
  deadline = until;
  totalNodes = 0;
  timedOut = false;
  solution.assign(numBuffers, 0);
  std::vector<Partition> partitions = initialPartitions();

  SearchResult result;
  // A spent budget means no search at all, not "up to 64 nodes".
  if (Clock::now() >= deadline)
    return result;
  // Start small so that an easy ranking wins fast, then double.
  nodeLimit = std::max<uint64_t>(numBuffers, 16);
  while (true) {
    nodeLimit *= 2;
    for (const std::array<RankKey, 3> &keys : kRankings) {
      ranking = &keys;
      reset();
      nodes = 0;
      Status status = Status::Found;
      for (const Partition &partition : partitions) {
        status = solvePartition(partition);
        if (status != Status::Found)
          break;
      }
      result.nodes = totalNodes;
      if (status == Status::Found) {
        result.outcome = SearchOutcome::Found;
        result.offsets = solution;
        return result;
      }
      // The search is complete under any ranking: exhausting one proves
      // that nothing fits.
      if (status == Status::NotFound) {
        result.outcome = SearchOutcome::Infeasible;
        return result;
      }
      if (timedOut || Clock::now() >= deadline) {
        result.outcome = SearchOutcome::TimedOut;
        return result;
      }
    }
  }
}

CanonicalSearch::CanonicalSearch(llvm::ArrayRef<Buffer> buffers)
    : impl(std::make_unique<Impl>(buffers)) {}

CanonicalSearch::~CanonicalSearch() = default;

SearchResult CanonicalSearch::solve(int64_t capacity,
                                    Clock::time_point deadline) {
  // The recursion is as deep as the number of buffers; past a few thousand
  // that would outgrow the main thread's stack, so run on a thread whose
  // stack is sized for it.
  constexpr int kMainStackBuffers = 2000;
  constexpr unsigned kBytesPerLevel = 1024;
  if (impl->getNumBuffers() <= kMainStackBuffers)
    return impl->solve(capacity, deadline);
  SearchResult result;
  unsigned stackBytes =
      static_cast<unsigned>(impl->getNumBuffers()) * kBytesPerLevel +
      (8u << 20);
  llvm::thread worker(std::optional<unsigned>(stackBytes),
                      [&] { result = impl->solve(capacity, deadline); });
  worker.join();
  return result;
}
