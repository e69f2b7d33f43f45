//===- dfg-run.cpp - run a compiled model on tensor files -----------------===//
//
//   dfg-run model.onnx|libmodel.so --input a.pb --input b.npy
//           [--output-dir DIR] [--benchmark N] [--threads N]
//           [--arena-limit BYTES]
//   dfg-run model.onnx --test-data DIR [--rtol R] [--atol A]
//
// An .onnx model is compiled in process to a temporary library, removed
// once loaded. Inputs are matched to the model's inputs by order. Exits 0
// on success (with --test-data: only if every output matches), 1 otherwise.
//
//===----------------------------------------------------------------------===//

#include "dfg/Compiler/Compiler.h"
#include "dfg/Import/ONNX/Importer.h"
#include "dfg/Runner/Runner.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::runner;
namespace cl = llvm::cl;

static cl::OptionCategory category("dfg-run options");

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("<model.onnx|libmodel.so>"),
                                      cl::cat(category));

static cl::list<std::string>
    inputPaths("input", cl::desc("Input tensor (.pb or .npy), in order"),
               cl::value_desc("file"), cl::cat(category));

static cl::opt<std::string> testData(
    "test-data",
    cl::desc("An ONNX backend-test data set folder (input_*.pb, "
             "output_*.pb): run on its inputs and compare the outputs"),
    cl::value_desc("dir"), cl::cat(category));

static cl::opt<std::string>
    outputDir("output-dir",
              cl::desc("Write the outputs as output_<i>.pb and .npy"),
              cl::value_desc("dir"), cl::cat(category));

static cl::opt<unsigned>
    benchmark("benchmark",
              cl::desc("Time N runs (after warm-up runs) and print "
                       "'arena_bytes=..' (the planned arena of these inputs) "
                       "and 'latency_ms median=.. min=.. max=..'"),
              cl::value_desc("N"), cl::init(0), cl::cat(category));

static cl::opt<uint64_t> arenaLimit(
    "arena-limit",
    cl::desc("Largest arena a run may allocate, in bytes (default: the "
             "machine's physical memory); a run that needs more fails"),
    cl::value_desc("bytes"), cl::init(0), cl::cat(category));

static cl::opt<double> relTolerance(
    "rtol", cl::init(1e-3),
    cl::desc("Relative tolerance of --test-data (floating-point outputs; "
             "integer and boolean outputs are compared exactly)"),
    cl::cat(category));
static cl::opt<double> absTolerance(
    "atol", cl::init(1e-7),
    cl::desc("Absolute tolerance of --test-data (floating-point outputs)"),
    cl::cat(category));

static cl::opt<unsigned> optLevel("O", cl::Prefix, cl::init(2),
                                  cl::desc("Optimization level when "
                                           "compiling an .onnx model (0-3)"),
                                  cl::cat(category));

static int fail(const Twine &message) {
  llvm::WithColor::error(llvm::errs(), "dfg-run") << message << "\n";
  return 1;
}

static int fail(llvm::Error error) {
  return fail(llvm::toString(std::move(error)));
}

/// `dir/<prefix><i>.pb` for i = 0, 1, ... while they exist.
static std::vector<std::string> numberedFiles(StringRef dir,
                                              StringRef prefix) {
  std::vector<std::string> paths;
  for (unsigned i = 0;; ++i) {
    SmallString<256> path(dir);
    llvm::sys::path::append(path, (prefix + Twine(i) + ".pb").str());
    if (!llvm::sys::fs::exists(path))
      return paths;
    paths.push_back(std::string(path));
  }
}

/// Compiles `onnxPath` into a library in a fresh temporary folder.
static FailureOr<std::string> compileToTemporary(StringRef onnxPath,
                                                 const char *argv0,
                                                 SmallString<128> &tempDir) {
  MLIRContext context(MLIRContext::Threading::DISABLED);
  compiler::registerCompilerDependencies(context);
  compiler::ModelDiagnosticHandler diagnostics(context, onnxPath);
  FailureOr<OwningOpRef<ModuleOp>> module =
      onnx_import::importModelFile(&context, onnxPath);
  if (failed(module))
    return failure();
  if (std::error_code error =
          llvm::sys::fs::createUniqueDirectory("dfg-run", tempDir)) {
    fail("cannot create a temporary folder: " + error.message());
    return failure();
  }
  SmallString<256> library(tempDir);
  llvm::sys::path::append(library, "libmodel.so");
  compiler::CompileOptions options;
  options.codegen.optLevel = optLevel;
  options.writeHeader = false;
  options.runtimeArchive =
      compiler::defaultRuntimeArchive(argv0, (void *)&compileToTemporary);
  if (failed(compiler::compileModule(**module, options, library)))
    return failure();
  return std::string(library);
}

static void printTensor(unsigned index, const HostTensor &tensor) {
  llvm::outs() << "output " << index << " '" << tensor.name
               << "': " << tensor.describe() << " = [";
  int64_t count = tensor.numElements(), shown = std::min<int64_t>(count, 8);
  for (int64_t i = 0; i < shown; ++i)
    llvm::outs() << (i ? ", " : "")
                 << llvm::format("%g", tensor.elementAsDouble(i));
  llvm::outs() << (shown < count ? ", ...]\n" : "]\n");
}

/// Takes `--threads N` (or `--threads=N`, one dash or two) out of `args`:
/// libLLVM already registers a `threads` option of its own, so dfg-run's
/// cannot be a cl::opt. Returns the value (0: all cores, the default) or an
/// error.
static llvm::Expected<int32_t> extractThreads(std::vector<char *> &args) {
  int32_t threads = 0;
  for (size_t i = 1; i < args.size();) {
    StringRef arg(args[i]);
    if (!arg.consume_front("--") && !arg.consume_front("-")) {
      ++i;
      continue;
    }
    if (arg != "threads" && !arg.starts_with("threads=")) {
      ++i;
      continue;
    }
    StringRef value;
    size_t taken = 1;
    if (arg.consume_front("threads=")) {
      value = arg;
    } else if (i + 1 < args.size()) {
      value = args[i + 1];
      taken = 2;
    }
    if (value.getAsInteger(10, threads) || threads < 0)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "--threads takes a thread count (0 for all cores), got '" + value +
              "'");
    args.erase(args.begin() + i, args.begin() + i + taken);
  }
  return threads;
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  std::vector<char *> args(argv, argv + argc);
  llvm::Expected<int32_t> threads = extractThreads(args);
  if (!threads)
    return fail(threads.takeError());
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(static_cast<int>(args.size()), args.data(),
                              "DFG model runner\n\n"
                              "  --threads N  threads per run (default 0: "
                              "one per core)\n");
  if (!testData.empty() && !inputPaths.empty())
    return fail("--test-data and --input are exclusive");

  // Inputs first: a bad file is reported before the model is compiled.
  std::vector<std::string> paths(inputPaths.begin(), inputPaths.end());
  std::vector<HostTensor> expected;
  if (!testData.empty()) {
    if (!llvm::sys::fs::is_directory(testData))
      return fail("--test-data '" + testData + "' is not a folder");
    paths = numberedFiles(testData, "input_");
    for (const std::string &path : numberedFiles(testData, "output_")) {
      llvm::Expected<HostTensor> tensor = readTensorProto(path);
      if (!tensor)
        return fail(tensor.takeError());
      expected.push_back(std::move(*tensor));
    }
    if (expected.empty())
      return fail("--test-data '" + testData + "' has no output_0.pb");
  }
  std::vector<HostTensor> inputs;
  for (const std::string &path : paths) {
    llvm::Expected<HostTensor> tensor = readTensorFile(path);
    if (!tensor)
      return fail(tensor.takeError());
    inputs.push_back(std::move(*tensor));
  }

  std::string libraryPath = modelPath;
  SmallString<128> tempDir;
  if (llvm::sys::path::extension(modelPath) != ".so") {
    FailureOr<std::string> compiled =
        compileToTemporary(modelPath, argv[0], tempDir);
    if (failed(compiled)) {
      if (!tempDir.empty())
        llvm::sys::fs::remove_directories(tempDir);
      return fail("cannot compile '" + modelPath + "'");
    }
    libraryPath = *compiled;
  }
  llvm::Expected<std::unique_ptr<ModelLibrary>> library =
      ModelLibrary::open(libraryPath);
  // Loaded (or not): the temporary library is no longer needed on disk.
  if (!tempDir.empty())
    llvm::sys::fs::remove_directories(tempDir);
  if (!library)
    return fail(library.takeError());
  if (llvm::Error error = (*library)->setNumThreads(*threads))
    return fail(std::move(error));

  // numpy has no bfloat16: ONNX's test data stores such tensors as uint16
  // bit patterns. Read them as what the model declares.
  for (auto [i, input] : llvm::enumerate(inputs))
    if (static_cast<int32_t>(i) < (*library)->numInputs() &&
        (*library)->inputInfo(i).dtype == DFG_DTYPE_BFLOAT16 &&
        input.dtype == DFG_DTYPE_UINT16)
      input.dtype = DFG_DTYPE_BFLOAT16;
  for (auto [i, tensor] : llvm::enumerate(expected))
    if (static_cast<int32_t>(i) < (*library)->numOutputs() &&
        (*library)->outputInfo(i).dtype == DFG_DTYPE_BFLOAT16 &&
        tensor.dtype == DFG_DTYPE_UINT16)
      tensor.dtype = DFG_DTYPE_BFLOAT16;

  if (arenaLimit)
    if (llvm::Error error = (*library)->setArenaLimit(arenaLimit))
      return fail(std::move(error));

  llvm::Expected<std::vector<dfg_tensor *>> tensors =
      (*library)->createInputs(inputs);
  if (!tensors)
    return fail(tensors.takeError());
  llvm::scope_exit freeInputs(
      [&] { (*library)->freeTensors(*tensors); });

  std::vector<HostTensor> outputs;
  if (llvm::Error error = (*library)->run(*tensors, &outputs))
    return fail(std::move(error));

  if (!outputDir.empty()) {
    if (std::error_code error = llvm::sys::fs::create_directories(outputDir))
      return fail("cannot create '" + outputDir + "': " + error.message());
    for (auto [i, output] : llvm::enumerate(outputs)) {
      SmallString<256> path(outputDir);
      llvm::sys::path::append(path, "output_" + Twine(i) + ".pb");
      if (llvm::Error error = writeTensorProto(path, output))
        return fail(std::move(error));
      llvm::sys::path::replace_extension(path, "npy");
      if (llvm::Error error = writeNpy(path, output))
        llvm::WithColor::warning(llvm::errs(), "dfg-run")
            << "not writing " << path << ": "
            << llvm::toString(std::move(error)) << "\n";
    }
  }

  bool allPass = true;
  if (!testData.empty()) {
    if (expected.size() != outputs.size())
      return fail("the model has " + Twine(outputs.size()) + " outputs, '" +
                  testData + "' expects " + Twine(expected.size()));
    for (auto [i, output] : llvm::enumerate(outputs)) {
      Comparison result = compareTensors(output, expected[i], relTolerance,
                                         absTolerance);
      llvm::outs() << "output " << i << " '" << output.name << "' "
                   << output.describe() << ": ";
      if (!result.mismatch.empty())
        llvm::outs() << result.mismatch << " FAIL\n";
      else if (result.exact && result.pass)
        llvm::outs() << "exact PASS\n";
      else if (result.exact)
        llvm::outs() << "exact: " << result.numDiffering << " of "
                     << output.numElements() << " elements differ, first at "
                     << result.firstDifference << " FAIL\n";
      else
        llvm::outs() << llvm::format("max_abs_err=%.3g max_rel_err=%.3g ",
                                     result.maxAbsError, result.maxRelError)
                     << (result.pass ? "PASS" : "FAIL") << "\n";
      allPass &= result.pass;
    }
  } else if (outputDir.empty() || benchmark == 0) {
    for (auto [i, output] : llvm::enumerate(outputs))
      printTensor(i, output);
  }

  if (benchmark > 0) {
    // The run above warmed up; two more settle caches and the allocator.
    for (int i = 0; i < 2; ++i)
      if (llvm::Error error = (*library)->run(*tensors, nullptr))
        return fail(std::move(error));
    std::vector<double> times;
    for (unsigned i = 0; i < benchmark; ++i) {
      auto start = std::chrono::steady_clock::now();
      if (llvm::Error error = (*library)->run(*tensors, nullptr))
        return fail(std::move(error));
      auto end = std::chrono::steady_clock::now();
      times.push_back(
          std::chrono::duration<double, std::milli>(end - start).count());
    }
    llvm::Expected<size_t> arena = (*library)->arenaSize(*tensors);
    if (!arena)
      return fail(arena.takeError());
    llvm::outs() << "arena_bytes=" << *arena << "\n";
    llvm::outs() << "threads=" << (*library)->numThreads() << "\n";
    std::sort(times.begin(), times.end());
    size_t n = times.size();
    double median =
        n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
    llvm::outs() << llvm::format("latency_ms median=%.4f min=%.4f max=%.4f\n",
                                 median, times.front(), times.back());
  }
  return allPass ? 0 : 1;
}
