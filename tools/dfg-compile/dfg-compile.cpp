//===- dfg-compile.cpp - ONNX model to a CPU shared library ---------------===//
//
// `dfg-compile model.onnx -o libmodel.so` writes the model library and its
// C header (libmodel.h); `--emit=mlir|llvm|obj` stops earlier. Errors go to
// stderr as diagnostics (located at the ONNX node) and exit with 1.
//
//===----------------------------------------------------------------------===//

#include "dfg/Compiler/Compiler.h"
#include "dfg/Import/ONNX/Importer.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/Timing.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::dfg;
namespace cl = llvm::cl;

static cl::OptionCategory category("dfg-compile options");

static cl::opt<std::string> inputPath(cl::Positional, cl::Required,
                                      cl::desc("<model.onnx>"),
                                      cl::cat(category));

static cl::opt<std::string>
    outputPath("o",
               cl::desc("Output file (default: stdout for --emit=tensor, "
                        "--emit=mlir and --emit=llvm; required otherwise)"),
               cl::value_desc("file"), cl::cat(category));

static cl::opt<compiler::EmitKind> emitKind(
    "emit", cl::desc("What to write"),
    cl::init(compiler::EmitKind::SharedLibrary),
    cl::values(
        clEnumValN(compiler::EmitKind::Tensor, "tensor",
                   "linalg on tensors where code generation starts (before "
                   "dfg-tile-and-vectorize)"),
        clEnumValN(compiler::EmitKind::MLIR, "mlir",
                   "the module lowered to the LLVM dialect, with the model "
                   "descriptor"),
        clEnumValN(compiler::EmitKind::LLVMIR, "llvm", "optimized LLVM IR"),
        clEnumValN(compiler::EmitKind::Object, "obj", "an object file"),
        clEnumValN(compiler::EmitKind::SharedLibrary, "so",
                   "a shared library with the runtime, and its C header")),
    cl::cat(category));

static cl::opt<unsigned> optLevel("O", cl::Prefix, cl::init(2),
                                  cl::desc("LLVM optimization level (0-3)"),
                                  cl::cat(category));

static cl::opt<std::string> mcpu("mcpu",
                                 cl::desc("Target CPU (default: the host's)"),
                                 cl::value_desc("cpu"), cl::cat(category));

static cl::opt<std::string>
    mattr("mattr",
          cl::desc("Target features, e.g. +avx2,-avx512f (default: the host's "
                   "when --mcpu is not given)"),
          cl::value_desc("features"), cl::cat(category));

static cl::opt<bool>
    printPipelineFlag("print-pipeline",
                      cl::desc("Print the MLIR pass pipeline to stderr"),
                      cl::cat(category));

static cl::opt<MemoryPlan> memoryPlan(
    "memory-plan",
    cl::desc("How intermediate buffers are placed (the dfg-lower-to-llvm "
             "pipeline's memory-plan option)"),
    cl::init(MemoryPlan::Search),
    cl::values(clEnumValN(MemoryPlan::Search, "search",
                          "one arena planned at compile time, as small as the "
                          "planner can make it (the default)"),
               clEnumValN(MemoryPlan::Greedy, "greedy",
                          "one arena, best-fit plan"),
               clEnumValN(MemoryPlan::None, "none",
                          "each buffer allocated at run time")),
    cl::cat(category));

static cl::opt<std::string> memoryMap(
    "memory-map",
    cl::desc("Write an SVG picture of the memory plan (time across, offset "
             "up, one rectangle per buffer labelled with its ONNX node)"),
    cl::value_desc("file.svg"), cl::cat(category));

static cl::opt<std::string> runtimeArchive(
    "runtime",
    cl::desc("The runtime archive (default: ../lib/libdfg_runtime.a next "
             "to this executable)"),
    cl::value_desc("libdfg_runtime.a"), cl::cat(category));

static cl::opt<std::string> costModel(
    "cost-model",
    cl::desc("Choose each contraction's and convolution's register tile, "
             "packing and im2col with a cost model: analytic, learned or a "
             "model file; none (the default): the fixed rules"),
    cl::value_desc("none|analytic|learned|file"), cl::init("none"),
    cl::cat(category));

static cl::opt<std::string> costProfile(
    "cost-profile",
    cl::desc("Machine profile for the cost model, written by "
             "dfg-machine-profile (default: built-in conservative numbers)"),
    cl::value_desc("file.json"), cl::cat(category));

static cl::opt<bool> costRemarks(
    "cost-remarks",
    cl::desc("Print a remark per contraction and convolution: the cost "
             "model's choice, its predicted time and the fixed rule's"),
    cl::cat(category));

static cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Fix the sizes of an input at compile time, ? leaving a "
             "dimension dynamic (e.g. x=1x3x224x224, x=?x3x?x?); repeatable. "
             "A run with other sizes is an error"),
    cl::value_desc("NAME=DIMS"), cl::cat(category));

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  // --mlir-timing and --mlir-timing-display=list|tree: the import, every
  // pass of the pipeline, and the LLVM steps.
  registerDefaultTimingManagerCLOptions();
  cl::HideUnrelatedOptions(category);
  for (StringRef name : {"mlir-timing", "mlir-timing-display"}) {
    cl::Option *option = cl::getRegisteredOptions().lookup(name);
    if (option) {
      option->setHiddenFlag(cl::NotHidden);
      option->addCategory(category);
    }
  }
  cl::ParseCommandLineOptions(argc, argv,
                              "DFG compiler: ONNX model to a shared library\n");

  MLIRContext context(MLIRContext::Threading::DISABLED);
  compiler::registerCompilerDependencies(context);
  compiler::ModelDiagnosticHandler diagnostics(context, inputPath);

  compiler::CompileOptions options;
  options.emit = emitKind;
  options.codegen.optLevel = optLevel;
  options.codegen.cpu = mcpu;
  options.codegen.features = mattr;
  options.runtimeArchive =
      runtimeArchive.empty()
          ? compiler::defaultRuntimeArchive(argv[0], (void *)&main)
          : std::string(runtimeArchive);

  options.pipeline.memoryPlan = memoryPlan;
  if (costModel.empty()) {
    llvm::errs() << "dfg-compile: --cost-model needs a value: none, "
                    "analytic, learned or a model file\n";
    return 1;
  }
  if (costModel == "none" && (!costProfile.empty() || costRemarks)) {
    llvm::errs() << "dfg-compile: --cost-profile and --cost-remarks need a "
                    "cost model (--cost-model=analytic, learned or a model "
                    "file)\n";
    return 1;
  }
  options.pipeline.costModel = costModel;
  options.pipeline.costProfile = costProfile;
  options.pipeline.costRemarks = costRemarks;
  if (!memoryMap.empty()) {
    if (memoryPlan == MemoryPlan::None) {
      llvm::errs() << "dfg-compile: --memory-map needs a memory plan "
                      "(--memory-plan=search or greedy)\n";
      return 1;
    }
    options.pipeline.memoryMap = memoryMap;
  }

  std::string output = outputPath;
  if (output.empty()) {
    if (options.emit == compiler::EmitKind::Object ||
        options.emit == compiler::EmitKind::SharedLibrary) {
      llvm::errs() << "dfg-compile: -o is required for --emit=obj and "
                      "--emit=so\n";
      return 1;
    }
    output = "-";
  }
  if (failed(compiler::resolveTargetOptions(
          options, FileLineColLoc::get(&context, inputPath, 0, 0))))
    return 1;
  if (printPipelineFlag) {
    PassManager pm(&context, ModuleOp::getOperationName());
    buildLowerToLLVMPipeline(pm, options.pipeline);
    llvm::errs() << printPipeline(pm) << "\n";
  }

  onnx_import::ImportOptions importOptions;
  for (const std::string &spec : inputShapes) {
    std::string error;
    FailureOr<onnx_import::InputShape> shape =
        onnx_import::parseInputShape(spec, error);
    if (failed(shape)) {
      llvm::errs() << "dfg-compile: --input-shape '" << spec << "': " << error
                   << "\n";
      return 1;
    }
    importOptions.inputShapes.push_back(std::move(*shape));
  }

  DefaultTimingManager timingManager;
  applyDefaultTimingManagerCLOptions(timingManager);
  TimingScope timing = timingManager.getRootScope();
  options.timing = &timing;

  TimingScope importTiming = timing.nest("Import ONNX");
  FailureOr<OwningOpRef<ModuleOp>> module =
      onnx_import::importModelFile(&context, inputPath, importOptions);
  if (failed(module))
    return 1;
  importTiming.stop();
  if (failed(compiler::compileModule(**module, options, output)))
    return 1;
  return 0;
}
