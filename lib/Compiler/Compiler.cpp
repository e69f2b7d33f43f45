//===- Compiler.cpp - imported model to a CPU shared library --------------===//
//
// The model descriptor is emitted in the LLVM dialect, before translation,
// by dfg-emit-model-descriptor (passes/lib/Transforms/Runtime), so that
// `dfg-compile --emit=mlir` shows exactly what the runtime will read.
//
//===----------------------------------------------------------------------===//

#include "dfg/Compiler/Compiler.h"

#include "dfg/InitAll.h"
#include "dfg/Runtime/DTypes.h"
#include "dfg/Transforms/Runtime/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/OptimizationLevel.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/StandardInstrumentations.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"
#include "llvm/TargetParser/Triple.h"

#include <mutex>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::compiler;

// The public runtime header, embedded so that the generated model header is
// self-contained (lib/Compiler/CMakeLists.txt makes it from
// include/dfg/Runtime/dfg_runtime.h).
static const char kRuntimeHeader[] =
#include "RuntimeHeader.inc"
    ;

//===----------------------------------------------------------------------===//
// Signature
//===----------------------------------------------------------------------===//

static FailureOr<func::FuncOp> lookupEntry(ModuleOp module, StringRef entry) {
  auto func = module.lookupSymbol<func::FuncOp>(entry);
  if (!func || func.isExternal())
    return emitError(module.getLoc())
           << "the module has no function '" << entry << "' with a body";
  return func;
}

FailureOr<ModelSignature> compiler::collectSignature(ModuleOp module,
                                                     StringRef entry) {
  FailureOr<func::FuncOp> func = lookupEntry(module, entry);
  if (failed(func))
    return failure();
  return parseModelSignature(buildModelSignatureAttr(*func), func->getLoc());
}

LogicalResult compiler::prepareEntryFunction(ModuleOp module,
                                             StringRef entry) {
  FailureOr<func::FuncOp> func = lookupEntry(module, entry);
  if (failed(func))
    return failure();
  MLIRContext *context = module.getContext();
  (*func)->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                   UnitAttr::get(context));
  // The signature, names and tensor types, for dfg-emit-model-descriptor
  // after lowering; as LLVM parameter attributes the names would only draw
  // "unhandled parameter attribute" warnings.
  (*func)->setAttr(kModelSignatureAttrName, buildModelSignatureAttr(*func));
  auto nameAttr = StringAttr::get(context, "dfg.name");
  auto dimNamesAttr = StringAttr::get(context, "dfg.dim_params");
  for (unsigned i = 0, e = func->getNumArguments(); i < e; ++i) {
    func->setArgAttr(i, "bufferization.writable", BoolAttr::get(context, false));
    func->removeArgAttr(i, nameAttr);
    func->removeArgAttr(i, dimNamesAttr);
  }
  for (unsigned i = 0, e = func->getNumResults(); i < e; ++i)
    func->removeResultAttr(i, nameAttr);
  return success();
}

//===----------------------------------------------------------------------===//
// Lowering and the model descriptor
//===----------------------------------------------------------------------===//

/// Where a diagnostic points, for a user: the ONNX node, or a position in a
/// file; empty for the model file as a whole (line 0) or no location.
static std::string describeLocation(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return ("node '" + name.getName().strref() + "'").str();
  if (auto file = dyn_cast<FileLineColLoc>(loc)) {
    if (file.getLine() == 0)
      return "";
    return (file.getFilename().strref() + ":" + Twine(file.getLine()) + ":" +
            Twine(file.getColumn()))
        .str();
  }
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (std::string where = describeLocation(inner); !where.empty())
        return where;
  if (auto callSite = dyn_cast<CallSiteLoc>(loc))
    return describeLocation(callSite.getCallee());
  return "";
}

compiler::ModelDiagnosticHandler::ModelDiagnosticHandler(MLIRContext &context,
                                                         StringRef modelPath)
    : ScopedDiagnosticHandler(&context, [path = modelPath.str()](
                                            Diagnostic &diag) {
        auto print = [&](Diagnostic &d, StringRef severity) {
          llvm::errs() << path << ": " << severity << ": ";
          std::string where = describeLocation(d.getLocation());
          if (!where.empty())
            llvm::errs() << where << ": ";
          llvm::errs() << d.str() << "\n";
        };
        StringRef severity = "error";
        if (diag.getSeverity() == DiagnosticSeverity::Warning)
          severity = "warning";
        else if (diag.getSeverity() == DiagnosticSeverity::Note)
          severity = "note";
        else if (diag.getSeverity() == DiagnosticSeverity::Remark)
          severity = "remark";
        print(diag, severity);
        for (Diagnostic &note : diag.getNotes())
          print(note, "note");
        return success();
      }) {
  context.printOpOnDiagnostic(false);
}

void compiler::registerCompilerDependencies(MLIRContext &context) {
  static std::once_flag passesRegistered;
  std::call_once(passesRegistered, [] { registerAllPasses(); });
  DialectRegistry registry;
  registerAllDialects(registry);
  context.appendDialectRegistry(registry);
  context.loadAllAvailableDialects();
}

LogicalResult compiler::lowerToLLVMDialect(ModuleOp module,
                                           const LowerToLLVMOptions &options,
                                           TimingScope *timing) {
  PassManager pm(module.getContext(), ModuleOp::getOperationName());
  buildLowerToLLVMPipeline(pm, options);
  if (timing)
    pm.enableTiming(*timing);
  return pm.run(module);
}

LogicalResult compiler::emitModelDescriptor(ModuleOp module, StringRef entry) {
  PassManager pm(module.getContext());
  DFGEmitModelDescriptorPassOptions options;
  options.entry = entry.str();
  pm.addPass(createDFGEmitModelDescriptorPass(options));
  return pm.run(module);
}

//===----------------------------------------------------------------------===//
// LLVM
//===----------------------------------------------------------------------===//

FailureOr<std::unique_ptr<llvm::TargetMachine>>
compiler::createTargetMachine(const CodegenOptions &options, Location loc) {
  if (options.optLevel > 3)
    return emitError(loc) << "optimization level " << options.optLevel
                          << " is not one of 0, 1, 2, 3";
  static std::once_flag targetInitialized;
  std::call_once(targetInitialized, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
  llvm::Triple triple(llvm::sys::getDefaultTargetTriple());
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return emitError(loc) << "no target for " << triple.str() << ": " << error;

  std::string cpu = options.cpu;
  std::string features = options.features;
  if (cpu.empty()) {
    cpu = llvm::sys::getHostCPUName().str();
    if (features.empty()) {
      llvm::SubtargetFeatures hostFeatures;
      for (const auto &feature : llvm::sys::getHostCPUFeatures())
        hostFeatures.AddFeature(feature.getKey(), feature.getValue());
      features = hostFeatures.getString();
    }
  }
  static const llvm::CodeGenOptLevel levels[] = {
      llvm::CodeGenOptLevel::None, llvm::CodeGenOptLevel::Less,
      llvm::CodeGenOptLevel::Default, llvm::CodeGenOptLevel::Aggressive};
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, cpu, features, llvm::TargetOptions(), llvm::Reloc::PIC_,
      std::nullopt, levels[options.optLevel]));
  if (!machine)
    return emitError(loc) << "cannot create a target machine for "
                          << triple.str() << " (cpu '" << cpu << "')";
  return machine;
}

FailureOr<std::unique_ptr<llvm::Module>>
compiler::translateToLLVMIR(ModuleOp module, llvm::LLVMContext &llvmContext,
                            llvm::TargetMachine &target, unsigned optLevel,
                            TimingScope *timing) {
  TimingScope translateTiming =
      timing ? timing->nest("Translate to LLVM IR") : TimingScope();
  DialectRegistry registry;
  registerAllToLLVMIRTranslations(registry);
  module.getContext()->appendDialectRegistry(registry);
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, llvmContext, "dfg_model");
  if (!llvmModule)
    return emitError(module.getLoc()) << "translation to LLVM IR failed";
  llvmModule->setTargetTriple(target.getTargetTriple());
  llvmModule->setDataLayout(target.createDataLayout());
  // As clang does: the IR says which CPU it was optimized for, so that
  // `--emit=llvm` output compiles the same way with llc.
  for (llvm::Function &function : *llvmModule) {
    if (function.isDeclaration())
      continue;
    function.addFnAttr("target-cpu", target.getTargetCPU());
    if (!target.getTargetFeatureString().empty())
      function.addFnAttr("target-features", target.getTargetFeatureString());
  }
  translateTiming.stop();

  TimingScope optimizeTiming =
      timing ? timing->nest("Optimize LLVM IR") : TimingScope();
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  // LLVM's --time-passes (and the other instrumentation options) see the
  // optimization pipeline too, not only the machine code passes.
  llvm::PassInstrumentationCallbacks instrumentation;
  llvm::StandardInstrumentations standardInstrumentation(
      llvmContext,
      /*DebugLogging=*/false);
  standardInstrumentation.registerCallbacks(instrumentation, &mam);
  llvm::PassBuilder passBuilder(&target, llvm::PipelineTuningOptions(),
                                std::nullopt, &instrumentation);
  passBuilder.registerModuleAnalyses(mam);
  passBuilder.registerCGSCCAnalyses(cgam);
  passBuilder.registerFunctionAnalyses(fam);
  passBuilder.registerLoopAnalyses(lam);
  passBuilder.crossRegisterProxies(lam, fam, cgam, mam);
  static const llvm::OptimizationLevel levels[] = {
      llvm::OptimizationLevel::O0, llvm::OptimizationLevel::O1,
      llvm::OptimizationLevel::O2, llvm::OptimizationLevel::O3};
  llvm::ModulePassManager mpm =
      optLevel == 0 ? passBuilder.buildO0DefaultPipeline(levels[0])
                    : passBuilder.buildPerModuleDefaultPipeline(
                          levels[std::min(optLevel, 3u)]);
  mpm.run(*llvmModule, mam);
  return llvmModule;
}

LogicalResult compiler::emitObjectFile(llvm::Module &llvmModule,
                                       llvm::TargetMachine &target,
                                       StringRef path, Location loc) {
  std::error_code error;
  llvm::ToolOutputFile output(path, error, llvm::sys::fs::OF_None);
  if (error)
    return emitError(loc) << "cannot open '" << path
                          << "': " << error.message();
  llvm::legacy::PassManager pm;
  if (target.addPassesToEmitFile(pm, output.os(), nullptr,
                                 llvm::CodeGenFileType::ObjectFile))
    return emitError(loc) << "the target cannot emit object files";
  pm.run(llvmModule);
  output.os().flush();
  if (output.os().has_error())
    return emitError(loc) << "cannot write '" << path << "'";
  output.keep();
  return success();
}

std::string compiler::findClang() {
  if (llvm::ErrorOr<std::string> onPath =
          llvm::sys::findProgramByName("clang-22"))
    return *onPath;
  if (llvm::sys::fs::can_execute("/usr/lib/llvm-22/bin/clang"))
    return "/usr/lib/llvm-22/bin/clang";
  return "";
}

std::string compiler::defaultRuntimeArchive(const char *argv0,
                                            void *mainAddress) {
  std::string executable = llvm::sys::fs::getMainExecutable(argv0, mainAddress);
  SmallString<256> path(llvm::sys::path::parent_path(executable));
  llvm::sys::path::append(path, "..", "lib", "libdfg_runtime.a");
  llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
  return std::string(path);
}

LogicalResult compiler::linkSharedLibrary(StringRef objectPath,
                                          StringRef runtimeArchive,
                                          StringRef outputPath, Location loc) {
  std::string clang = findClang();
  if (clang.empty())
    return emitError(loc) << "cannot link: neither clang-22 (on PATH) nor "
                             "/usr/lib/llvm-22/bin/clang exists";
  if (!llvm::sys::fs::exists(runtimeArchive))
    return emitError(loc) << "cannot link: the runtime archive '"
                          << runtimeArchive
                          << "' does not exist (build the dfg_runtime target)";
  // The whole archive: the model object does not reference the API, the
  // library's users do. `-z defs`: the library needs nothing but libc, libm
  // and libomp, found through the RUNPATH (the compiler's helpers, e.g. for
  // f16, come from the static libgcc).
  SmallVector<StringRef> args = {
      clang,          "-shared",
      "-o",           outputPath,
      objectPath,     "-Wl,--whole-archive",
      runtimeArchive, "-Wl,--no-whole-archive",
      "-Wl,-z,defs",  "-static-libgcc",
      "-lm",          "-L" DFG_OPENMP_LIBRARY_DIR,
      "-lomp",        "-Wl,-rpath," DFG_OPENMP_LIBRARY_DIR};
  std::string error;
  int code = llvm::sys::ExecuteAndWait(clang, args, std::nullopt, {}, 0, 0,
                                       &error);
  if (code != 0)
    return emitError(loc) << "linking '" << outputPath << "' failed ("
                          << llvm::join(args, " ") << "): "
                          << (error.empty() ? "exit code " + Twine(code).str()
                                            : error);
  return success();
}

//===----------------------------------------------------------------------===//
// Header
//===----------------------------------------------------------------------===//

static std::string describe(const TensorSignature &tensor) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '"' << tensor.name << "\" " << getDTypeName(tensor.dtype) << " [";
  llvm::interleaveComma(llvm::seq<size_t>(tensor.shape.size()), os,
                        [&](size_t d) {
                          if (tensor.shape[d] >= 0)
                            os << tensor.shape[d];
                          else if (!tensor.dimNames.empty() &&
                                   !tensor.dimNames[d].empty())
                            os << tensor.dimNames[d];
                          else
                            os << '?';
                        });
  os << ']';
  return text;
}

std::string compiler::generateHeader(const ModelSignature &signature,
                                     StringRef libraryName) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "/* Generated by dfg-compile: the C API of " << libraryName
     << ".\n *\n * Inputs (pass them to dfg_model_run in this order):\n";
  for (auto [i, tensor] : llvm::enumerate(signature.inputs))
    os << " *   " << i << ": " << describe(tensor) << "\n";
  os << " * Outputs:\n";
  for (auto [i, tensor] : llvm::enumerate(signature.outputs))
    os << " *   " << i << ": " << describe(tensor) << "\n";
  os << " * A '?' dimension is dynamic: any size for an input, known after "
        "a run\n * for an output. A named one (N) is dynamic too, and the "
        "inputs that share\n * the name must agree on its size.\n */\n\n"
     << kRuntimeHeader;
  return text;
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

static LogicalResult writeText(StringRef path, Location loc,
                               llvm::function_ref<void(raw_ostream &)> write) {
  std::error_code error;
  llvm::ToolOutputFile output(path, error, llvm::sys::fs::OF_Text);
  if (error)
    return emitError(loc) << "cannot open '" << path
                          << "': " << error.message();
  write(output.os());
  output.keep();
  return success();
}

LogicalResult compiler::resolveTargetOptions(CompileOptions &options,
                                             Location loc) {
  bool needsVectorBits =
      options.pipeline.costModel != "none" && options.pipeline.vectorBits == 0;
  if (options.pipeline.tileN != 0 && !needsVectorBits)
    return success();
  FailureOr<std::unique_ptr<llvm::TargetMachine>> target =
      createTargetMachine(options.codegen, loc);
  if (failed(target))
    return failure();
  // The CPU's features as the target machine enables them (--mcpu implies
  // some, --mattr adds or removes others).
  const llvm::MCSubtargetInfo *subtarget = (*target)->getMCSubtargetInfo();
  bool avx512 = subtarget->checkFeatures("+avx512f");
  if (options.pipeline.tileN == 0)
    options.pipeline.tileN = avx512 ? 32 : 16;
  // The cost model ranks candidates for the vectors the code will use,
  // whatever widths the profile measured.
  if (needsVectorBits)
    options.pipeline.vectorBits =
        avx512 ? 512 : (subtarget->checkFeatures("+avx") ? 256 : 128);
  return success();
}

FailureOr<ModelSignature> compiler::compileModule(ModuleOp module,
                                                  CompileOptions &options,
                                                  StringRef outputPath) {
  Location loc = module.getLoc();
  if (failed(resolveTargetOptions(options, loc)))
    return failure();
  FailureOr<ModelSignature> signature =
      collectSignature(module, options.entry);
  if (failed(signature) || failed(prepareEntryFunction(module, options.entry)))
    return failure();
  TimingScope noTiming;
  TimingScope &timing = options.timing ? *options.timing : noTiming;
  if (options.emit == EmitKind::Tensor) {
    TimingScope lowerTiming = timing.nest("Lower to linalg on tensors");
    PassManager pm(module.getContext(), ModuleOp::getOperationName());
    bool vectorize = options.pipeline.vectorize;
    options.pipeline.vectorize = false;
    buildLowerToTensorCodegenPipeline(pm, options.pipeline);
    options.pipeline.vectorize = vectorize;
    pm.enableTiming(lowerTiming);
    if (failed(pm.run(module)) ||
        failed(writeText(outputPath, loc,
                         [&](raw_ostream &os) { module.print(os); })))
      return failure();
    return signature;
  }
  {
    TimingScope lowerTiming = timing.nest("Lower to the LLVM dialect");
    if (failed(lowerToLLVMDialect(module, options.pipeline, &lowerTiming)) ||
        failed(emitModelDescriptor(module, options.entry)))
      return failure();
  }
  if (options.emit == EmitKind::MLIR) {
    if (failed(writeText(outputPath, loc,
                         [&](raw_ostream &os) { module.print(os); })))
      return failure();
    return signature;
  }

  FailureOr<std::unique_ptr<llvm::TargetMachine>> target =
      createTargetMachine(options.codegen, loc);
  if (failed(target))
    return failure();
  llvm::LLVMContext llvmContext;
  FailureOr<std::unique_ptr<llvm::Module>> llvmModule = translateToLLVMIR(
      module, llvmContext, **target, options.codegen.optLevel, &timing);
  if (failed(llvmModule))
    return failure();
  if (options.emit == EmitKind::LLVMIR) {
    if (failed(writeText(outputPath, loc, [&](raw_ostream &os) {
          (*llvmModule)->print(os, nullptr);
        })))
      return failure();
    return signature;
  }
  TimingScope machineCodeTiming = timing.nest("Emit machine code");
  if (options.emit == EmitKind::Object) {
    if (failed(emitObjectFile(**llvmModule, **target, outputPath, loc)))
      return failure();
    return signature;
  }

  // A shared library: the object goes to a temporary file next to nothing
  // the user sees, and is removed whatever happens.
  SmallString<128> objectPath;
  if (std::error_code error = llvm::sys::fs::createTemporaryFile(
          "dfg-model", "o", objectPath))
    return emitError(loc) << "cannot create a temporary object file: "
                          << error.message();
  llvm::FileRemover removeObject(objectPath);
  if (failed(emitObjectFile(**llvmModule, **target, objectPath, loc)))
    return failure();
  machineCodeTiming.stop();
  TimingScope linkTiming = timing.nest("Link");
  if (failed(linkSharedLibrary(objectPath, options.runtimeArchive, outputPath,
                               loc)))
    return failure();
  linkTiming.stop();
  if (options.writeHeader) {
    SmallString<256> headerPath(outputPath);
    llvm::sys::path::replace_extension(headerPath, "h");
    std::string header = generateHeader(
        *signature, llvm::sys::path::filename(outputPath));
    if (failed(writeText(headerPath, loc,
                         [&](raw_ostream &os) { os << header; })))
      return failure();
  }
  return signature;
}
