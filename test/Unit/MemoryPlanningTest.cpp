//===- MemoryPlanningTest.cpp - Static arena planner ----------------------===//

#include "dfg/Analysis/MemoryPlanning/BufferCSV.h"
#include "dfg/Analysis/MemoryPlanning/Planner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>

using namespace mlir::dfg::memplan;

namespace {

constexpr SolverKind kSolvers[] = {SolverKind::Greedy, SolverKind::Search};

/// Plans and checks what every plan must satisfy, whatever the solver: one
/// valid offset per buffer, the reported sizes consistent with the offsets.
Plan planAndValidate(llvm::ArrayRef<Buffer> buffers, PlanOptions options) {
  llvm::Expected<Plan> plan = planMemory(buffers, options);
  if (!plan) {
    ADD_FAILURE() << llvm::toString(plan.takeError());
    return Plan();
  }
  llvm::Error error = validatePlan(buffers, plan->offsets);
  EXPECT_FALSE(error) << llvm::toString(std::move(error));
  EXPECT_EQ(plan->arenaSize, computeArenaSize(buffers, plan->offsets));
  EXPECT_EQ(plan->lowerBound, computeLowerBound(buffers));
  EXPECT_GE(plan->arenaSize, plan->lowerBound);
  EXPECT_EQ(plan->fits,
            !options.capacity || plan->arenaSize <= *options.capacity);
  return std::move(*plan);
}

Plan planAndValidate(llvm::ArrayRef<Buffer> buffers, SolverKind solver,
                     std::optional<int64_t> capacity = std::nullopt) {
  PlanOptions options;
  options.solver = solver;
  options.capacity = capacity;
  return planAndValidate(buffers, options);
}

std::string errorMessage(llvm::Error error) {
  return error ? llvm::toString(std::move(error)) : std::string();
}

/// Random buffers over a short time axis, so that lifetimes overlap a lot.
std::vector<Buffer> randomBuffers(unsigned seed, int count, int64_t horizon,
                                  int64_t maxSize) {
  std::mt19937 rng(seed);
  std::vector<Buffer> buffers;
  for (int i = 0; i < count; ++i) {
    int64_t lower = std::uniform_int_distribution<int64_t>(0, horizon - 1)(rng);
    int64_t upper =
        std::uniform_int_distribution<int64_t>(lower + 1, horizon)(rng);
    int64_t size = std::uniform_int_distribution<int64_t>(1, maxSize)(rng);
    buffers.push_back({i, lower, upper, size});
  }
  return buffers;
}

/// A perfect packing: cuts the rectangle time [0, horizon) x memory
/// [0, capacity) into `count` rectangles by random guillotine cuts, each one
/// a buffer. Every time is fully covered, so the lower bound is `capacity`
/// and a plan at the lower bound exists (the cut itself).
std::vector<Buffer> perfectPacking(unsigned seed, int count, int64_t horizon,
                                   int64_t capacity) {
  struct Rect {
    int64_t lower, upper, bottom, top;
  };
  std::mt19937 rng(seed);
  std::vector<Rect> rects = {{0, horizon, 0, capacity}};
  while (static_cast<int>(rects.size()) < count) {
    size_t index =
        std::uniform_int_distribution<size_t>(0, rects.size() - 1)(rng);
    Rect rect = rects[index];
    bool cutTime = std::uniform_int_distribution<int>(0, 1)(rng);
    int64_t from = cutTime ? rect.lower : rect.bottom;
    int64_t to = cutTime ? rect.upper : rect.top;
    if (to - from < 2)
      continue;
    int64_t cut = std::uniform_int_distribution<int64_t>(from + 1, to - 1)(rng);
    Rect first = rect, second = rect;
    if (cutTime) {
      first.upper = cut;
      second.lower = cut;
    } else {
      first.top = cut;
      second.bottom = cut;
    }
    rects[index] = first;
    rects.push_back(second);
  }
  std::vector<Buffer> buffers;
  for (const Rect &rect : rects)
    buffers.push_back({static_cast<int64_t>(buffers.size()), rect.lower,
                       rect.upper, rect.top - rect.bottom});
  return buffers;
}

//===----------------------------------------------------------------------===//
// Lower bound and validator
//===----------------------------------------------------------------------===//

TEST(MemoryPlanning, LowerBoundIsPeakLiveBytes) {
  EXPECT_EQ(computeLowerBound({}), 0);
  EXPECT_EQ(computeLowerBound({{0, 0, 4, 10}, {1, 2, 6, 5}, {2, 5, 8, 7}}), 15);
  // Lifetimes are half-open: a buffer ending at 2 and one starting at 2 are
  // never live together.
  EXPECT_EQ(computeLowerBound({{0, 0, 2, 10}, {1, 2, 4, 10}}), 10);
  // Zero-size buffers and empty lifetimes take no room.
  EXPECT_EQ(computeLowerBound({{0, 0, 4, 0}, {1, 3, 3, 100}, {2, 0, 4, 1}}), 1);
}

TEST(MemoryPlanning, ValidatorAcceptsDisjointPlans) {
  std::vector<Buffer> buffers = {
      {0, 0, 2, 4}, {1, 1, 3, 4}, {2, 2, 4, 4}, {3, 0, 4, 0}, {4, 1, 1, 9}};
  // 0 and 1 are live together: stacked. 2 reuses 0's bytes after 0 ends. The
  // zero-size buffer and the never-live one may sit anywhere.
  EXPECT_EQ(errorMessage(validatePlan(buffers, {0, 4, 0, 2, 0}, 8)), "");
}

TEST(MemoryPlanning, ValidatorRejectsOverlaps) {
  std::vector<Buffer> buffers = {{7, 0, 2, 4}, {9, 1, 3, 4}};
  std::string message = errorMessage(validatePlan(buffers, {0, 3}));
  EXPECT_NE(message.find("buffers 7 and 9"), std::string::npos) << message;
  EXPECT_NE(message.find("[1, 2)"), std::string::npos) << message;
  // Touching in memory is fine.
  EXPECT_EQ(errorMessage(validatePlan(buffers, {0, 4})), "");
}

TEST(MemoryPlanning, ValidatorRejectsBadOffsets) {
  std::vector<Buffer> buffers = {{0, 0, 2, 4, /*alignment=*/8}};
  EXPECT_NE(errorMessage(validatePlan(buffers, {4})).find("alignment 8"),
            std::string::npos);
  EXPECT_NE(errorMessage(validatePlan(buffers, {-8})).find("non-negative"),
            std::string::npos);
  EXPECT_NE(errorMessage(validatePlan(buffers, {8}, 10)).find("capacity 10"),
            std::string::npos);
  EXPECT_NE(errorMessage(validatePlan(buffers, {})).find("expected 1 offsets"),
            std::string::npos);
  EXPECT_EQ(errorMessage(validatePlan(buffers, {8}, 12)), "");
}

//===----------------------------------------------------------------------===//
// Invalid input
//===----------------------------------------------------------------------===//

TEST(MemoryPlanning, RejectsInvalidBuffers) {
  auto planError = [](std::vector<Buffer> buffers, PlanOptions options = {}) {
    llvm::Expected<Plan> plan = planMemory(buffers, options);
    return plan ? std::string() : llvm::toString(plan.takeError());
  };
  EXPECT_NE(planError({{3, 0, 1, -1}})
                .find("buffer 3: size must be "
                      "non-negative"),
            std::string::npos);
  EXPECT_NE(planError({{3, 5, 4, 1}}).find("inverted lifetime [5, 4)"),
            std::string::npos);
  EXPECT_NE(planError({{3, 0, 1, 1, 0}}).find("alignment must be positive"),
            std::string::npos);
  int64_t huge = std::numeric_limits<int64_t>::max() / 2;
  EXPECT_NE(planError({{0, 0, 1, huge}, {1, 0, 1, huge}}).find("add up"),
            std::string::npos);

  PlanOptions options;
  options.capacity = -1;
  EXPECT_NE(planError({}, options).find("capacity"), std::string::npos);
  options.capacity = std::nullopt;
  options.timeLimitSeconds = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(planError({}, options).find("time limit"), std::string::npos);
}

//===----------------------------------------------------------------------===//
// Edge cases, for both solvers
//===----------------------------------------------------------------------===//

TEST(MemoryPlanning, EmptyInput) {
  for (SolverKind solver : kSolvers) {
    Plan plan = planAndValidate({}, solver, /*capacity=*/0);
    EXPECT_TRUE(plan.offsets.empty());
    EXPECT_EQ(plan.arenaSize, 0);
    EXPECT_TRUE(plan.fits);
    EXPECT_TRUE(plan.optimal);
  }
}

TEST(MemoryPlanning, OneBuffer) {
  for (SolverKind solver : kSolvers) {
    Plan plan = planAndValidate({{42, 3, 9, 100}}, solver);
    EXPECT_EQ(plan.offsets, std::vector<int64_t>{0});
    EXPECT_EQ(plan.arenaSize, 100);
    EXPECT_TRUE(plan.optimal);
  }
}

TEST(MemoryPlanning, ZeroSizeAndNeverLiveBuffersTakeNoRoom) {
  std::vector<Buffer> buffers = {
      {0, 0, 10, 0}, {1, 0, 10, 16}, {2, 4, 4, 1000}, {3, 2, 5, 0, 64}};
  for (SolverKind solver : kSolvers) {
    Plan plan = planAndValidate(buffers, solver, /*capacity=*/16);
    EXPECT_EQ(plan.arenaSize, 16);
    EXPECT_TRUE(plan.fits);
    EXPECT_EQ(plan.offsets[0], 0);
    EXPECT_EQ(plan.offsets[2], 0);
    EXPECT_EQ(plan.offsets[3], 0);
  }
}

TEST(MemoryPlanning, AllOverlappingBuffersAreStacked) {
  std::vector<Buffer> buffers;
  int64_t total = 0;
  for (int i = 0; i < 12; ++i) {
    buffers.push_back({i, i, 100 + i, 8 * (i % 5 + 1)});
    total += buffers.back().size;
  }
  for (SolverKind solver : kSolvers) {
    Plan plan = planAndValidate(buffers, solver);
    EXPECT_EQ(plan.arenaSize, total);
    EXPECT_EQ(plan.lowerBound, total);
    EXPECT_TRUE(plan.optimal);
  }
}

TEST(MemoryPlanning, DisjointLifetimesShareBytes) {
  std::vector<Buffer> buffers = {{0, 0, 1, 64}, {1, 1, 2, 32}, {2, 2, 3, 64}};
  for (SolverKind solver : kSolvers) {
    Plan plan = planAndValidate(buffers, solver);
    EXPECT_EQ(plan.offsets, (std::vector<int64_t>{0, 0, 0}));
    EXPECT_EQ(plan.arenaSize, 64);
  }
}

TEST(MemoryPlanning, AlignmentIsRespected) {
  std::vector<Buffer> buffers = {
      {0, 0, 4, 3, 1}, {1, 0, 4, 5, 16}, {2, 1, 3, 7, 8}, {3, 2, 6, 1, 32}};
  for (SolverKind solver : kSolvers) {
    Plan plan = planAndValidate(buffers, solver);
    for (auto [buffer, offset] : llvm::zip_equal(buffers, plan.offsets))
      EXPECT_EQ(offset % buffer.alignment, 0) << "buffer " << buffer.id;
  }
}

TEST(MemoryPlanning, SearchProvesTheLowerBoundUnreachable) {
  // Two live 3-byte buffers aligned to 4 need 7 bytes, not the 6 the lower
  // bound says: the search must prove 6 infeasible, not just give up.
  std::vector<Buffer> buffers = {{0, 0, 2, 3, 4}, {1, 0, 2, 3, 4}};
  PlanOptions options;
  options.capacity = 6;
  Plan plan = planAndValidate(buffers, options);
  EXPECT_EQ(plan.lowerBound, 6);
  EXPECT_FALSE(plan.fits);
  EXPECT_TRUE(plan.complete);

  options.capacity = std::nullopt;
  plan = planAndValidate(buffers, options);
  EXPECT_EQ(plan.arenaSize, 7);
  EXPECT_TRUE(plan.optimal);
  EXPECT_TRUE(plan.complete);
}

TEST(MemoryPlanning, CapacityBelowLowerBoundDoesNotFit) {
  std::vector<Buffer> buffers = {{0, 0, 2, 10}, {1, 1, 3, 10}};
  for (SolverKind solver : kSolvers) {
    Plan plan = planAndValidate(buffers, solver, /*capacity=*/19);
    EXPECT_FALSE(plan.fits);
    EXPECT_EQ(plan.arenaSize, 20);
    EXPECT_TRUE(plan.complete);
  }
}

//===----------------------------------------------------------------------===//
// Search against greedy
//===----------------------------------------------------------------------===//

TEST(MemoryPlanning, SearchReachesTheLowerBoundWhereGreedyDoesNot) {
  // Largest-first best fit puts buffer 3 (size 4) at 0 and has to stack
  // buffer 0 above it; the packing at the lower bound puts 0 at the bottom.
  std::vector<Buffer> buffers = {{0, 0, 6, 3}, {1, 5, 6, 3}, {2, 1, 2, 2},
                                 {3, 0, 2, 4}, {4, 0, 1, 1}, {5, 4, 6, 3}};
  Plan greedy = planAndValidate(buffers, SolverKind::Greedy, 9);
  EXPECT_EQ(greedy.lowerBound, 9);
  EXPECT_EQ(greedy.arenaSize, 10);
  EXPECT_FALSE(greedy.fits);

  Plan search = planAndValidate(buffers, SolverKind::Search, 9);
  EXPECT_EQ(search.arenaSize, 9);
  EXPECT_TRUE(search.fits);
  EXPECT_TRUE(search.optimal);
  EXPECT_TRUE(search.complete);
}

TEST(MemoryPlanning, SearchSolvesPerfectPackings) {
  // Guillotine cuts of a full rectangle: only a perfect packing fits, like
  // most of the MiniMalloc benchmark instances.
  int greedyMisses = 0;
  for (unsigned seed = 0; seed < 20; ++seed) {
    std::vector<Buffer> buffers = perfectPacking(seed, 24, 1000, 1 << 20);
    Plan greedy = planAndValidate(buffers, SolverKind::Greedy, 1 << 20);
    greedyMisses += !greedy.fits;
    Plan search = planAndValidate(buffers, SolverKind::Search, 1 << 20);
    EXPECT_EQ(search.lowerBound, 1 << 20) << "seed " << seed;
    EXPECT_TRUE(search.fits) << "seed " << seed;
    EXPECT_TRUE(search.optimal) << "seed " << seed;
  }
  // The instances are not trivial: greedy misses many of them.
  EXPECT_GE(greedyMisses, 5);
}

TEST(MemoryPlanning, EveryPlanIsValidOnRandomInstances) {
  for (unsigned seed = 0; seed < 40; ++seed) {
    std::vector<Buffer> buffers = randomBuffers(seed, 30, 20, 64);
    // Some buffers with alignment, some zero-size ones, some never live.
    for (Buffer &buffer : buffers) {
      if (buffer.id % 7 == 0)
        buffer.alignment = 16;
      if (buffer.id % 11 == 0)
        buffer.size = 0;
      if (buffer.id % 13 == 0)
        buffer.upper = buffer.lower;
    }
    PlanOptions options;
    options.timeLimitSeconds = 0.2;
    options.solver = SolverKind::Greedy;
    Plan greedy = planAndValidate(buffers, options);
    options.solver = SolverKind::Search;
    Plan search = planAndValidate(buffers, options);
    // The search starts from the greedy plan and only ever improves it.
    EXPECT_LE(search.arenaSize, greedy.arenaSize) << "seed " << seed;
  }
}

TEST(MemoryPlanning, SearchRespectsItsTimeBudget) {
  // Thousands of buffers: too many to prove anything in 0.3 s, and enough to
  // take the search off the main thread's stack. Short lifetimes keep the
  // untimed part (greedy, preprocessing) small.
  std::mt19937 rng(7);
  std::vector<Buffer> buffers;
  for (int i = 0; i < 2500; ++i) {
    int64_t lower = std::uniform_int_distribution<int64_t>(0, 2000)(rng);
    int64_t length = std::uniform_int_distribution<int64_t>(1, 40)(rng);
    int64_t size = std::uniform_int_distribution<int64_t>(1, 1 << 16)(rng);
    buffers.push_back({i, lower, lower + length, size});
  }
  PlanOptions options;
  options.timeLimitSeconds = 0.3;
  Plan plan = planAndValidate(buffers, options);
  EXPECT_GT(plan.nodes, 0u) << "greedy was optimal, the search never ran";
  // The budget bounds the search; greedy and preprocessing come on top.
  EXPECT_LT(plan.seconds, 2.0);
  // Whatever happened, the result is at least as good as greedy's.
  options.solver = SolverKind::Greedy;
  EXPECT_LE(plan.arenaSize, planAndValidate(buffers, options).arenaSize);
}

TEST(MemoryPlanning, ZeroTimeBudgetReturnsTheGreedyPlan) {
  std::vector<Buffer> buffers = perfectPacking(3, 40, 1000, 1 << 20);
  PlanOptions options;
  options.capacity = 1 << 20;
  options.timeLimitSeconds = 0;
  Plan plan = planAndValidate(buffers, options);
  options.solver = SolverKind::Greedy;
  Plan greedy = planAndValidate(buffers, options);
  ASSERT_FALSE(greedy.fits) << "the instance must need the search";
  EXPECT_EQ(plan.arenaSize, greedy.arenaSize);
  EXPECT_EQ(plan.nodes, 0u);
  EXPECT_FALSE(plan.complete);
}

//===----------------------------------------------------------------------===//
// CSV
//===----------------------------------------------------------------------===//

TEST(MemoryPlanningCSV, ParsesAndPrints) {
  llvm::Expected<BufferTable> table = parseBufferCSV(
      "id,lower,upper,size,alignment\r\n\n 1, 0, 4, 16, 8\r\n2,4,4,0,1\n",
      "in.csv");
  ASSERT_TRUE(!!table) << llvm::toString(table.takeError());
  ASSERT_EQ(table->buffers.size(), 2u);
  EXPECT_EQ(table->buffers[0].alignment, 8);
  EXPECT_EQ(table->lines, (std::vector<unsigned>{3, 4}));
  std::string text;
  llvm::raw_string_ostream os(text);
  printPlanCSV(os, *table, {8, 0});
  EXPECT_EQ(text, "id,lower,upper,size,alignment,offset\n1,0,4,16,8,8\n"
                  "2,4,4,0,1,0\n");
}

TEST(MemoryPlanningCSV, AcceptsAnyColumnOrderAndIgnoresOffsets) {
  llvm::Expected<BufferTable> table =
      parseBufferCSV("size,upper,offset,lower,id\n5,3,99,1,0\n", "in.csv");
  ASSERT_TRUE(!!table) << llvm::toString(table.takeError());
  EXPECT_EQ(table->buffers[0].size, 5);
  EXPECT_EQ(table->buffers[0].lower, 1);
  EXPECT_EQ(table->buffers[0].upper, 3);
}

TEST(MemoryPlanningCSV, ErrorsNameTheFileAndLine) {
  auto parseError = [](llvm::StringRef text) {
    llvm::Expected<BufferTable> table = parseBufferCSV(text, "in.csv");
    return table ? std::string() : llvm::toString(table.takeError());
  };
  EXPECT_EQ(parseError("id,lower,upper,size\n0,0,1,1\n1,0,1\n"),
            "in.csv:3: expected 4 fields, found 3");
  EXPECT_EQ(parseError("id,lower,upper,size\n0,0,1,x\n"),
            "in.csv:2: size 'x' is not a 64-bit integer");
  EXPECT_EQ(parseError("id,lower,upper,size\n0,0,1,-4\n"),
            "in.csv:2: buffer 0 has a negative size -4");
  EXPECT_EQ(parseError("id,lower,upper,size\n0,5,1,4\n"),
            "in.csv:2: buffer 0 has an inverted lifetime: upper 1 < lower 5");
  EXPECT_EQ(parseError("id,lower,upper,size\n0,0,1,4\n\n0,1,2,4\n"),
            "in.csv:4: duplicate buffer id 0 (first on line 2)");
  EXPECT_EQ(parseError("id,lower,upper,size,alignment\n0,0,1,4,0\n"),
            "in.csv:2: buffer 0 has a non-positive alignment 0");
  EXPECT_EQ(parseError("id,lower,size\n"),
            "in.csv:1: missing column 'upper' in the header (expected "
            "id,lower,upper,size)");
  EXPECT_NE(parseError("id,lower,upper,size,color\n")
                .find("unknown column "
                      "'color'"),
            std::string::npos);
  EXPECT_NE(parseError("").find("empty file"), std::string::npos);
  EXPECT_NE(parseError("id,lower,upper,size\n0,0,1,99999999999999999999\n")
                .find("not a 64-bit integer"),
            std::string::npos);
}

TEST(MemoryPlanningCSV, MissingFile) {
  llvm::Expected<BufferTable> table = readBufferCSV("/nonexistent/buffers.csv");
  ASSERT_FALSE(!!table);
  std::string message = llvm::toString(table.takeError());
  EXPECT_NE(message.find("cannot open '/nonexistent/buffers.csv'"),
            std::string::npos)
      << message;
}

} // namespace
