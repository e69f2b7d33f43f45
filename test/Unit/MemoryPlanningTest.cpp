//===- MemoryPlanningTest.cpp - Static arena planner ----------------------===//

#include "dfg/Analysis/MemoryPlanning/BufferCSV.h"
#include "dfg/Analysis/MemoryPlanning/MemoryMap.h"
#include "dfg/Analysis/MemoryPlanning/Planner.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ConvertUTF.h"

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
  // Thousands of buffers: greedy is not optimal on them, so the search has
  // work to do. With no time at all it must stop at once, say that it did
  // not finish, and still return a valid plan no worse than greedy's. (How
  // long it takes is a benchmark's business, not a test's.)
  std::mt19937 rng(7);
  std::vector<Buffer> buffers;
  for (int i = 0; i < 2500; ++i) {
    int64_t lower = std::uniform_int_distribution<int64_t>(0, 2000)(rng);
    int64_t length = std::uniform_int_distribution<int64_t>(1, 40)(rng);
    int64_t size = std::uniform_int_distribution<int64_t>(1, 1 << 16)(rng);
    buffers.push_back({i, lower, lower + length, size});
  }
  PlanOptions options;
  options.solver = SolverKind::Greedy;
  Plan greedy = planAndValidate(buffers, options);
  ASSERT_GT(greedy.arenaSize, greedy.lowerBound)
      << "greedy is optimal here: the search would have nothing to do";
  options.solver = SolverKind::Search;
  options.timeLimitSeconds = 0.0;
  Plan plan = planAndValidate(buffers, options);
  EXPECT_FALSE(plan.complete);
  EXPECT_FALSE(plan.optimal);
  EXPECT_LE(plan.arenaSize, greedy.arenaSize);
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

//===----------------------------------------------------------------------===//
// The memory map (SVG picture of a plan)
//===----------------------------------------------------------------------===//

/// Checks that `text` only holds the five predefined entities or character
/// references after each '&'.
bool hasValidReferences(llvm::StringRef text) {
  for (size_t at = text.find('&'); at != llvm::StringRef::npos;
       at = text.find('&', at + 1)) {
    llvm::StringRef rest = text.substr(at + 1);
    size_t semicolon = rest.find(';');
    if (semicolon == llvm::StringRef::npos)
      return false;
    llvm::StringRef name = rest.take_front(semicolon);
    if (name.consume_front("#")) {
      uint64_t value;
      if (name.consume_front("x") ? name.getAsInteger(16, value)
                                  : name.getAsInteger(10, value))
        return false;
      continue;
    }
    if (name != "amp" && name != "lt" && name != "gt" && name != "quot" &&
        name != "apos")
      return false;
  }
  return true;
}

/// A small XML well-formedness check (no DTDs, no CDATA, which the writer
/// never emits): balanced tags, one root, quoted and unique attributes, no
/// raw '<' or stray '&' in text or values, legal UTF-8. Returns why not, or
/// an empty string. The lit test runs a real parser on the tool's output.
std::string xmlProblem(llvm::StringRef doc) {
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(doc.data());
  if (!llvm::isLegalUTF8String(&begin, begin + doc.size()))
    return "not UTF-8";
  std::vector<llvm::StringRef> open;
  bool sawRoot = false;
  size_t pos = 0;
  if (doc.starts_with("<?xml")) {
    pos = doc.find("?>");
    if (pos == llvm::StringRef::npos)
      return "unterminated prolog";
    pos += 2;
  }
  auto isSpace = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  };
  while (pos < doc.size()) {
    size_t lt = doc.find('<', pos);
    llvm::StringRef text = doc.slice(pos, lt);
    if (!hasValidReferences(text))
      return "bad reference in text '" + text.str() + "'";
    if (open.empty() && !llvm::all_of(text, isSpace))
      return "text outside the root element";
    if (lt == llvm::StringRef::npos)
      break;
    pos = lt + 1;
    if (doc.substr(pos).starts_with("!--")) {
      pos = doc.find("-->", pos);
      if (pos == llvm::StringRef::npos)
        return "unterminated comment";
      pos += 3;
      continue;
    }
    bool closing = doc[pos] == '/';
    if (closing)
      ++pos;
    size_t nameEnd = doc.find_first_of(" \n\t/>", pos);
    if (nameEnd == llvm::StringRef::npos || nameEnd == pos)
      return "bad tag name";
    llvm::StringRef name = doc.slice(pos, nameEnd);
    pos = nameEnd;
    if (closing) {
      while (pos < doc.size() && isSpace(doc[pos]))
        ++pos;
      if (pos >= doc.size() || doc[pos] != '>')
        return "bad end tag";
      ++pos;
      if (open.empty() || open.back() != name)
        return "mismatched end tag </" + name.str() + ">";
      open.pop_back();
      continue;
    }
    if (open.empty() && sawRoot)
      return "second root element <" + name.str() + ">";
    sawRoot = true;
    llvm::StringSet<> attributes;
    while (true) {
      while (pos < doc.size() && isSpace(doc[pos]))
        ++pos;
      if (pos >= doc.size())
        return "unterminated start tag";
      if (doc.substr(pos).starts_with("/>")) {
        pos += 2;
        break;
      }
      if (doc[pos] == '>') {
        ++pos;
        open.push_back(name);
        break;
      }
      size_t equals = doc.find('=', pos);
      if (equals == llvm::StringRef::npos)
        return "attribute without a value";
      llvm::StringRef attribute = doc.slice(pos, equals);
      if (attribute.find_first_of(" \n\t<>\"'") != llvm::StringRef::npos)
        return "bad attribute name '" + attribute.str() + "'";
      if (!attributes.insert(attribute).second)
        return "duplicate attribute " + attribute.str();
      pos = equals + 1;
      if (pos >= doc.size() || (doc[pos] != '"' && doc[pos] != '\''))
        return "unquoted attribute " + attribute.str();
      size_t close = doc.find(doc[pos], pos + 1);
      if (close == llvm::StringRef::npos)
        return "unterminated attribute " + attribute.str();
      llvm::StringRef value = doc.slice(pos + 1, close);
      if (value.contains('<') || !hasValidReferences(value))
        return "bad attribute value '" + value.str() + "'";
      pos = close + 1;
    }
  }
  if (!sawRoot)
    return "no root element";
  if (!open.empty())
    return "unclosed <" + open.back().str() + ">";
  return "";
}

size_t countOf(llvm::StringRef haystack, llvm::StringRef needle) {
  return haystack.count(needle);
}

std::string memoryMap(llvm::ArrayRef<Buffer> buffers,
                      llvm::ArrayRef<int64_t> offsets, int64_t arenaSize,
                      const MemoryMapOptions &options = {}) {
  std::string svg;
  llvm::raw_string_ostream os(svg);
  writeMemoryMapSVG(os, buffers, offsets, arenaSize, options);
  return svg;
}

/// The value of attribute `name` in the buffer rectangle with `id`.
double rectAttribute(llvm::StringRef svg, int64_t id, llvm::StringRef name) {
  std::string key = "data-id=\"" + std::to_string(id) + "\"";
  size_t at = svg.find(key);
  if (at == llvm::StringRef::npos) {
    ADD_FAILURE() << "no rectangle for buffer " << id;
    return 0;
  }
  llvm::StringRef rect =
      svg.substr(at).take_until([](char c) { return c == '>'; });
  std::string attribute = " " + name.str() + "=\"";
  size_t start = rect.find(attribute);
  if (start == llvm::StringRef::npos) {
    ADD_FAILURE() << "buffer " << id << " has no " << name.str();
    return 0;
  }
  llvm::StringRef value =
      rect.substr(start + attribute.size()).take_until([](char c) {
        return c == '"';
      });
  double result = 0;
  EXPECT_FALSE(value.getAsDouble(result)) << value.str();
  return result;
}

TEST(MemoryMap, WellFormednessCheckCanFail) {
  // The checker below must reject what a careless writer would produce.
  EXPECT_EQ(xmlProblem("<svg><rect></svg>"), "mismatched end tag </svg>");
  EXPECT_NE(xmlProblem("<svg><title>a<&>b</title></svg>"), "");
  EXPECT_NE(xmlProblem("<svg a=\"x\"y\"/>"), "");
  EXPECT_NE(xmlProblem("<svg>\xff</svg>"), "");
  EXPECT_NE(xmlProblem(""), "");
  EXPECT_EQ(xmlProblem("<?xml version=\"1.0\"?>\n<svg a='&lt;'>&#10;</svg>\n"),
            "");
}

TEST(MemoryMap, ThreeBufferPlan) {
  std::vector<Buffer> buffers = {{0, 0, 4, 64}, {1, 2, 6, 32}, {2, 5, 8, 128}};
  llvm::Expected<Plan> plan = planMemory(buffers);
  ASSERT_TRUE(!!plan) << llvm::toString(plan.takeError());
  MemoryMapOptions options;
  options.title = "three buffers";
  options.lowerBound = plan->lowerBound;
  std::string svg = memoryMap(buffers, plan->offsets, plan->arenaSize, options);
  EXPECT_EQ(xmlProblem(svg), "") << svg;
  EXPECT_EQ(countOf(svg, "<rect class=\"buffer\""), 3u);
  for (int id = 0; id < 3; ++id)
    EXPECT_EQ(countOf(svg, "data-id=\"" + std::to_string(id) + "\""), 1u);
  EXPECT_EQ(countOf(svg, ">three buffers</text>"), 1u);
  EXPECT_EQ(countOf(svg, "class=\"lower-bound\""), 1u);
  EXPECT_EQ(countOf(svg, "class=\"arena\""), 1u);
  // The tooltip gives the size, the lifetime and the offset.
  EXPECT_NE(svg.find("<title>buffer #2, 128 bytes\nlive [5, 8)\noffset " +
                     std::to_string(plan->offsets[2]) + "</title>"),
            std::string::npos)
      << svg;
}

TEST(MemoryMap, OffsetGoesUpAndTimeGoesRight) {
  // Buffer 1 sits above buffer 0 and both live at once; buffer 2 lives
  // later at offset 0.
  std::vector<Buffer> buffers = {
      {0, 0, 4, 100}, {1, 0, 4, 100}, {2, 4, 8, 200}};
  std::vector<int64_t> offsets = {0, 100, 0};
  std::string svg = memoryMap(buffers, offsets, 200);
  ASSERT_EQ(xmlProblem(svg), "");
  EXPECT_LT(rectAttribute(svg, 1, "y"), rectAttribute(svg, 0, "y"));
  EXPECT_DOUBLE_EQ(rectAttribute(svg, 0, "x"), rectAttribute(svg, 1, "x"));
  EXPECT_GT(rectAttribute(svg, 2, "x"), rectAttribute(svg, 0, "x"));
  // Buffer 2 fills the arena: as tall as the other two together, and both
  // rest on offset 0 at the bottom.
  EXPECT_NEAR(rectAttribute(svg, 2, "height"),
              rectAttribute(svg, 0, "height") + rectAttribute(svg, 1, "height"),
              0.02);
  EXPECT_NEAR(rectAttribute(svg, 2, "y") + rectAttribute(svg, 2, "height"),
              rectAttribute(svg, 0, "y") + rectAttribute(svg, 0, "height"),
              0.02);
}

TEST(MemoryMap, LabelsAreEscaped) {
  std::vector<Buffer> buffers = {{0, 0, 10, 1 << 20}};
  MemoryMapOptions options;
  options.title = "model <&>\"'.onnx";
  options.labels = {"Conv_<&>\"'_0"};
  std::string svg = memoryMap(buffers, {0}, 1 << 20, options);
  EXPECT_EQ(xmlProblem(svg), "") << svg;
  EXPECT_EQ(svg.find("<&>"), std::string::npos);
  EXPECT_EQ(svg.find("\"'"), std::string::npos);
  EXPECT_NE(svg.find("model &lt;&amp;&gt;&quot;&apos;.onnx"),
            std::string::npos);
  // In the tooltip and inside the rectangle (which is large enough).
  EXPECT_EQ(countOf(svg, "Conv_&lt;&amp;&gt;&quot;&apos;_0"), 2u) << svg;
  EXPECT_NE(svg.find("<title>Conv_&lt;&amp;&gt;&quot;&apos;_0\nbuffer #0, "
                     "1048576 bytes (1 MiB)"),
            std::string::npos)
      << svg;
}

TEST(MemoryMap, BadBytesInLabelsAreReplaced) {
  std::vector<Buffer> buffers = {{0, 0, 10, 100}, {1, 0, 10, 100}};
  MemoryMapOptions options;
  options.labels = {"bad\xff\xfe utf8 \xe2\x82", "control\x01\x1b char"};
  std::string svg = memoryMap(buffers, {0, 100}, 200, options);
  EXPECT_EQ(xmlProblem(svg), "") << svg;
  EXPECT_NE(svg.find("bad\xEF\xBF\xBD\xEF\xBF\xBD utf8 \xEF\xBF\xBD"),
            std::string::npos);
  EXPECT_NE(svg.find("control\xEF\xBF\xBD\xEF\xBF\xBD char"),
            std::string::npos);
}

TEST(MemoryMap, LongLabelsAreCutInsideTheRectangle) {
  // 200 two-byte characters in a rectangle a tenth of the plot wide: the
  // text inside keeps the end of the label, cut on a character boundary;
  // the tooltip keeps it all.
  std::string label;
  for (int i = 0; i < 200; ++i)
    label += "\xc3\xb1"; // n with tilde
  std::vector<Buffer> buffers = {{0, 0, 1, 100}, {1, 1, 10, 100}};
  MemoryMapOptions options;
  options.labels = {label, "b"};
  std::string svg = memoryMap(buffers, {0, 0}, 100, options);
  EXPECT_EQ(xmlProblem(svg), "") << svg;
  EXPECT_EQ(countOf(svg, label), 1u);
  size_t text = svg.find("<text class=\"label\"");
  ASSERT_NE(text, std::string::npos);
  llvm::StringRef inside =
      llvm::StringRef(svg).substr(text).split('>').second.split('<').first;
  EXPECT_TRUE(inside.starts_with("\xE2\x80\xA6\xc3\xb1")) << inside.str();
  EXPECT_TRUE(inside.ends_with("\xc3\xb1")) << inside.str();
  EXPECT_LT(inside.size(), 60u);
  EXPECT_GT(inside.size(), 10u);
}

TEST(MemoryMap, EmptyInput) {
  MemoryMapOptions options;
  options.lowerBound = 0;
  std::string svg = memoryMap({}, {}, 0, options);
  EXPECT_EQ(xmlProblem(svg), "") << svg;
  EXPECT_EQ(countOf(svg, "class=\"buffer\""), 0u);
  EXPECT_NE(svg.find("no live, non-empty buffers to draw"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);
}

TEST(MemoryMap, ZeroSizeAndNeverLiveBuffersAreNotDrawn) {
  std::vector<Buffer> buffers = {
      {0, 0, 4, 0}, {1, 3, 3, 64}, {2, 0, 4, 64}, {3, 1, 2, 0}};
  std::string svg = memoryMap(buffers, {0, 0, 0, 0}, 64);
  EXPECT_EQ(xmlProblem(svg), "") << svg;
  EXPECT_EQ(countOf(svg, "<rect class=\"buffer\""), 1u);
  EXPECT_NE(svg.find("data-id=\"2\""), std::string::npos);
  EXPECT_EQ(svg.find("data-id=\"0\""), std::string::npos);
  EXPECT_EQ(svg.find("data-id=\"1\""), std::string::npos);
  EXPECT_NE(svg.find("3 zero-size or never-live buffers not drawn"),
            std::string::npos);

  // Only empty buffers: the note, no rectangle.
  svg = memoryMap(llvm::ArrayRef(buffers).take_front(2), {0, 0}, 0);
  EXPECT_EQ(xmlProblem(svg), "") << svg;
  EXPECT_EQ(countOf(svg, "class=\"buffer\""), 0u);
  EXPECT_NE(svg.find("no live, non-empty buffers to draw"), std::string::npos);
}

TEST(MemoryMap, BuffersWithoutOffsetsAreNotDrawn) {
  std::vector<Buffer> buffers = {{0, 0, 4, 8}, {1, 0, 4, 8}, {2, 0, 4, 8}};
  std::string svg = memoryMap(buffers, {0}, 8);
  EXPECT_EQ(xmlProblem(svg), "") << svg;
  EXPECT_EQ(countOf(svg, "<rect class=\"buffer\""), 1u);
  EXPECT_NE(svg.find("2 buffers have no offset"), std::string::npos);
}

TEST(MemoryMap, HugeOffsetsAndTimes) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  std::vector<Buffer> buffers = {{0, -kMax, kMax, 1 << 20},
                                 {1, kMax - 10, kMax, 1 << 20}};
  std::vector<int64_t> offsets = {0, kMax - (1 << 20)};
  MemoryMapOptions options;
  options.lowerBound = 1 << 21;
  std::string svg = memoryMap(buffers, offsets, kMax, options);
  EXPECT_EQ(xmlProblem(svg), "") << svg;
  EXPECT_EQ(countOf(svg, "<rect class=\"buffer\""), 2u);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);
  EXPECT_NE(svg.find("8 EiB"), std::string::npos);
  // Every coordinate stays on the canvas.
  for (int id = 0; id < 2; ++id) {
    EXPECT_GE(rectAttribute(svg, id, "x"), 0);
    EXPECT_LE(rectAttribute(svg, id, "x") + rectAttribute(svg, id, "width"),
              1200);
    EXPECT_GE(rectAttribute(svg, id, "y"), 0);
    EXPECT_LE(rectAttribute(svg, id, "y") + rectAttribute(svg, id, "height"),
              700);
  }
}

TEST(MemoryMap, LifetimesFarFromZero) {
  // 2^62 and 2^62 + 1 are the same double: the time scale must not collapse.
  constexpr int64_t kFar = int64_t(1) << 62;
  std::vector<Buffer> buffers = {{0, kFar, kFar + 1, 8},
                                 {1, kFar + 1, kFar + 2, 8}};
  std::string svg = memoryMap(buffers, {0, 0}, 8);
  EXPECT_EQ(xmlProblem(svg), "") << svg;
  EXPECT_EQ(countOf(svg, "<rect class=\"buffer\""), 2u);
  EXPECT_EQ(svg.find("nan"), std::string::npos) << svg;
  EXPECT_EQ(svg.find("inf"), std::string::npos) << svg;
}

TEST(MemoryMap, ThousandsOfBuffers) {
  std::vector<Buffer> buffers = randomBuffers(/*seed=*/7, 5000,
                                              /*horizon=*/2000,
                                              /*maxSize=*/4096);
  llvm::Expected<Plan> plan = planMemory(buffers, {SolverKind::Greedy});
  ASSERT_TRUE(!!plan) << llvm::toString(plan.takeError());
  std::string svg = memoryMap(buffers, plan->offsets, plan->arenaSize);
  EXPECT_EQ(xmlProblem(svg), "");
  EXPECT_EQ(countOf(svg, "<rect class=\"buffer\""), 5000u);
  // Tiny rectangles carry no text inside, so most have none.
  EXPECT_LT(countOf(svg, "<text class=\"label\""), 500u);
  EXPECT_LT(svg.size(), 5000u * 300);
}

TEST(MemoryMap, SameLabelSameColour) {
  std::vector<Buffer> buffers = {{0, 0, 2, 8}, {1, 2, 4, 8}, {2, 4, 6, 8}};
  MemoryMapOptions options;
  options.labels = {"Relu_3", "Conv_1", "Relu_3"};
  std::string svg = memoryMap(buffers, {0, 0, 0}, 8, options);
  auto fillOf = [&](int id) {
    llvm::StringRef rest = llvm::StringRef(svg).substr(
        svg.find("data-id=\"" + std::to_string(id) + "\""));
    return rest.substr(rest.find("fill=\"")).take_front(13).str();
  };
  EXPECT_EQ(fillOf(0), fillOf(2));
  EXPECT_NE(fillOf(0), fillOf(1));
}

TEST(MemoryMap, FormatByteSize) {
  EXPECT_EQ(formatByteSize(0), "0 B");
  EXPECT_EQ(formatByteSize(1023), "1023 B");
  EXPECT_EQ(formatByteSize(1024), "1 KiB");
  EXPECT_EQ(formatByteSize(1536), "1.5 KiB");
  EXPECT_EQ(formatByteSize(986112), "963 KiB");
  EXPECT_EQ(formatByteSize(1304576), "1.24 MiB");
  EXPECT_EQ(formatByteSize(3.0 * (1ull << 30)), "3 GiB");
}

} // namespace
