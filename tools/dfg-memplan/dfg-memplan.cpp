//===- dfg-memplan.cpp - Plan buffer offsets from a CSV -------------------===//
//
// Reads buffers (id,lower,upper,size CSV, see BufferCSV.h), plans them into
// one arena and writes the rows back with an offset column; --memory-map also
// draws the plan as an SVG picture. Exits 0 when the plan fits the capacity,
// 1 otherwise or on any input error.
//
//===----------------------------------------------------------------------===//

#include "dfg/Analysis/MemoryPlanning/BufferCSV.h"
#include "dfg/Analysis/MemoryPlanning/MemoryMap.h"
#include "dfg/Analysis/MemoryPlanning/Planner.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>

using namespace mlir::dfg::memplan;
namespace cl = llvm::cl;

static cl::OptionCategory memplanCategory("dfg-memplan options");

static cl::opt<std::string> inputPath("input", cl::Required,
                                      cl::desc("Buffers to plan (CSV)"),
                                      cl::value_desc("file"),
                                      cl::cat(memplanCategory));

static cl::opt<std::string>
    outputPath("output", cl::init("-"),
               cl::desc("Where to write the plan (CSV, default stdout)"),
               cl::value_desc("file"), cl::cat(memplanCategory));

static cl::opt<int64_t>
    capacity("capacity",
             cl::desc("Arena size in bytes the plan must fit in (default: "
                      "no limit, make it as small as possible)"),
             cl::value_desc("bytes"), cl::cat(memplanCategory));

static cl::opt<SolverKind>
    solver("solver", cl::desc("Planning algorithm"),
           cl::init(SolverKind::Search),
           cl::values(clEnumValN(SolverKind::Greedy, "greedy",
                                 "greedy by size, best fit (fast baseline)"),
                      clEnumValN(SolverKind::Search, "search",
                                 "canonical search towards the lower bound")),
           cl::cat(memplanCategory));

static cl::opt<double>
    timeLimit("time-limit", cl::init(10.0),
              cl::desc("Time budget of the search solver in seconds"),
              cl::value_desc("seconds"), cl::cat(memplanCategory));

static cl::opt<bool> minimize(
    "minimize", cl::init(true),
    cl::desc("Once the plan fits the capacity, keep shrinking it towards the "
             "lower bound within the time limit (search solver)"),
    cl::cat(memplanCategory));

static cl::opt<std::string> memoryMapPath(
    "memory-map",
    cl::desc("Also draw the plan as an SVG picture (time across, offset up)"),
    cl::value_desc("file.svg"), cl::cat(memplanCategory));

static int fail(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "dfg-memplan") << message << "\n";
  return EXIT_FAILURE;
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  cl::HideUnrelatedOptions(memplanCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "dfg-memplan: static arena planning of buffers with lifetimes\n");

  if (capacity.getNumOccurrences() && capacity < 0)
    return fail(llvm::Twine("--capacity must be non-negative, found ") +
                llvm::Twine(static_cast<int64_t>(capacity)));

  if (!(timeLimit >= 0) || !std::isfinite(timeLimit))
    return fail("--time-limit must be a non-negative number of seconds");

  llvm::Expected<BufferTable> table = readBufferCSV(inputPath);
  if (!table)
    return fail(llvm::toString(table.takeError()));

  PlanOptions options;
  options.solver = solver;
  options.timeLimitSeconds = timeLimit;
  options.minimize = minimize;
  if (capacity.getNumOccurrences())
    options.capacity = capacity;
  llvm::Expected<Plan> plan = planMemory(table->buffers, options);
  if (!plan)
    return fail(inputPath + ": " + llvm::toString(plan.takeError()));
  // The plan must be sound whatever the capacity; a failure here is a bug in
  // a solver, reported rather than written out.
  if (llvm::Error error = validatePlan(table->buffers, plan->offsets))
    return fail("internal error, the " + stringifySolverKind(solver) +
                " solver produced an invalid plan: " +
                llvm::toString(std::move(error)));

  // Keep stdout a clean CSV when the plan goes there.
  llvm::raw_ostream &summary = outputPath == "-" ? llvm::errs() : llvm::outs();
  double ratio = plan->lowerBound > 0
                     ? static_cast<double>(plan->arenaSize) / plan->lowerBound
                     : 1.0;
  summary << "dfg-memplan: solver=" << stringifySolverKind(solver)
          << " buffers=" << table->buffers.size()
          << " arena=" << plan->arenaSize << " lower-bound=" << plan->lowerBound
          << " ratio=" << llvm::format("%.4f", ratio);
  if (options.capacity)
    summary << " capacity=" << *options.capacity
            << " fits=" << (plan->fits ? "yes" : "no");
  summary << " optimal=" << (plan->optimal ? "yes" : "no")
          << " complete=" << (plan->complete ? "yes" : "no")
          << " nodes=" << plan->nodes
          << " time=" << llvm::format("%.3f", plan->seconds) << "s\n";
  summary.flush();

  // Drawn even when the plan does not fit: the picture shows where it goes
  // over the capacity.
  if (!memoryMapPath.empty()) {
    std::error_code ec;
    llvm::ToolOutputFile map(memoryMapPath, ec, llvm::sys::fs::OF_Text);
    if (ec)
      return fail("cannot write '" + memoryMapPath + "': " + ec.message());
    MemoryMapOptions mapOptions;
    llvm::StringRef inputName = inputPath == "-"
                                    ? llvm::StringRef("<stdin>")
                                    : llvm::sys::path::filename(inputPath);
    mapOptions.title = llvm::formatv("{0}: {1} solver, arena {2}, lower bound "
                                     "{3}",
                                     inputName, stringifySolverKind(solver),
                                     describeByteSize(plan->arenaSize),
                                     describeByteSize(plan->lowerBound))
                           .str();
    mapOptions.lowerBound = plan->lowerBound;
    if (options.capacity)
      mapOptions.capacity = *options.capacity;
    writeMemoryMapSVG(map.os(), table->buffers, plan->offsets, plan->arenaSize,
                      mapOptions);
    map.os().flush();
    if (map.os().has_error()) {
      ec = map.os().error();
      map.os().clear_error();
      return fail("cannot write '" + memoryMapPath + "': " + ec.message());
    }
    map.keep();
  }

  if (!plan->fits) {
    const char *why = "the time limit ran out; try a larger --time-limit";
    if (plan->lowerBound > *options.capacity)
      why = "the lower bound alone exceeds the capacity";
    else if (solver == SolverKind::Greedy)
      why = "the greedy solver gives no guarantee; try --solver=search";
    else if (plan->complete)
      why = "the search proved that no plan fits";
    return fail(llvm::formatv("{0}: does not fit: arena {1} bytes > capacity "
                              "{2} bytes (lower bound {3} bytes); {4}",
                              inputPath, plan->arenaSize, *options.capacity,
                              plan->lowerBound, why)
                    .str());
  }

  std::error_code ec;
  llvm::ToolOutputFile output(outputPath, ec, llvm::sys::fs::OF_Text);
  if (ec)
    return fail("cannot write '" + outputPath + "': " + ec.message());
  printPlanCSV(output.os(), *table, plan->offsets);
  output.keep();
  return EXIT_SUCCESS;
}
