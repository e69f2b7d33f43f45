//===- GreedySolver.cpp - Greedy-by-size best-fit placement ---------------===//
//
// The heuristic most compilers ship (TFLite's ArenaPlanner with
// kGreedyBySize, XLA's heap simulator with its global decreasing-size
// best-fit): place the largest buffers first, because they are the hardest
// to fit late, each into the smallest gap among the time-overlapping buffers
// already placed that can hold it, or on top of them when no gap can.
//
//===----------------------------------------------------------------------===//

#include "Solvers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <limits>
#include <numeric>

using namespace mlir::dfg::memplan;

std::vector<int64_t> detail::solveGreedy(llvm::ArrayRef<Buffer> buffers) {
  std::vector<size_t> order(buffers.size());
  std::iota(order.begin(), order.end(), 0);
  // Ties go to the longer lifetime (it constrains more buffers), then to the
  // input order so that the result is deterministic.
  llvm::stable_sort(order, [&](size_t a, size_t b) {
    const Buffer &x = buffers[a], &y = buffers[b];
    if (x.size != y.size)
      return x.size > y.size;
    return x.upper - x.lower > y.upper - y.lower;
  });

  std::vector<int64_t> offsets(buffers.size(), 0);
  llvm::SmallVector<size_t> placed;
  llvm::SmallVector<size_t> live;
  for (size_t idx : order) {
    const Buffer &buffer = buffers[idx];
    live.clear();
    for (size_t other : placed) {
      const Buffer &o = buffers[other];
      if (o.lower < buffer.upper && buffer.lower < o.upper)
        live.push_back(other);
    }
    llvm::sort(live,
               [&](size_t a, size_t b) { return offsets[a] < offsets[b]; });

    // Walk the live buffers bottom-up; `prevEnd` is the top of everything
    // below the current one, so [prevEnd, offsets[other]) is a free gap.
    int64_t prevEnd = 0;
    int64_t best = -1;
    int64_t bestGap = std::numeric_limits<int64_t>::max();
    for (size_t other : live) {
      int64_t candidate = alignUp(prevEnd, buffer.alignment);
      int64_t gap = offsets[other] - prevEnd;
      if (candidate + buffer.size <= offsets[other] && gap < bestGap) {
        best = candidate;
        bestGap = gap;
      }
      prevEnd = std::max(prevEnd, offsets[other] + buffers[other].size);
    }
    offsets[idx] = best >= 0 ? best : alignUp(prevEnd, buffer.alignment);
    placed.push_back(idx);
  }
  return offsets;
}
