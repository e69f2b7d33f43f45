//===- Compiler.h - imported model to a CPU shared library ------*- C++ -*-===//
//
// The steps dfg-compile (and dfg-run, in process) take from an imported
// module of `dfg` ops to a shared library holding the model and the C API of
// include/dfg/Runtime/dfg_runtime.h:
//
//   collectSignature      names, dtypes and shapes of the entry function
//   prepareEntryFunction  C interface, inputs never written
//   lowerToLLVMDialect    the `dfg-lower-to-llvm` pipeline
//   emitModelDescriptor   the descriptor table and trampoline the runtime
//                         calls (include/dfg/Runtime/ModelABI.h)
//   translateToLLVMIR     LLVM IR, optimized for the target CPU
//   emitObjectFile, linkSharedLibrary, generateHeader
//
// Every failure is reported as a diagnostic through the context's handler
// (for the LLVM steps, at the module's location) and returned as a failure.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_COMPILER_COMPILER_H
#define DFG_COMPILER_COMPILER_H

#include "dfg/Pipelines/Pipelines.h"
#include "dfg/Transforms/Runtime/ModelSignature.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"
#include "mlir/Support/Timing.h"

#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <memory>
#include <string>

#include "mlir/IR/Diagnostics.h"

namespace llvm {
class LLVMContext;
class Module;
class TargetMachine;
} // namespace llvm

namespace mlir::dfg::compiler {

/// Reads the signature of the function `entry` of `module` (the imported
/// form: ranked tensor arguments and results named by `dfg.name`).
FailureOr<ModelSignature> collectSignature(ModuleOp module,
                                           StringRef entry = "main_graph");

/// Marks `entry` for the C interface (`llvm.emit_c_interface`) and its
/// arguments `bufferization.writable = false`: the runtime passes the
/// caller's tensors, which the generated code must never write. Records the
/// signature as the `dfg.model_signature` attribute and drops the `dfg.name`
/// attributes.
LogicalResult prepareEntryFunction(ModuleOp module,
                                   StringRef entry = "main_graph");

/// Runs the `dfg-lower-to-llvm` pipeline on `module`, timing each pass under
/// `timing` when it is given.
LogicalResult lowerToLLVMDialect(ModuleOp module,
                                 const LowerToLLVMOptions &options,
                                 TimingScope *timing = nullptr);

/// Adds to a lowered `module` the model descriptor global and the
/// trampoline that calls `_mlir_ciface_<entry>` (see ModelABI.h): runs
/// dfg-emit-model-descriptor, which reads the signature that
/// `prepareEntryFunction` recorded on `entry`.
LogicalResult emitModelDescriptor(ModuleOp module,
                                  StringRef entry = "main_graph");

/// Code generation settings. An empty `cpu` means the host CPU, and then an
/// empty `features` means the host's features.
struct CodegenOptions {
  unsigned optLevel = 2;
  std::string cpu;
  std::string features;
};

/// A target machine for the host triple (position-independent code).
/// Errors are reported at `loc`.
FailureOr<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const CodegenOptions &options, Location loc);

/// Translates a module in the LLVM dialect to LLVM IR for `target` and
/// optimizes it at `optLevel` (0-3) with the new pass manager; the two
/// steps are timed under `timing` when it is given.
FailureOr<std::unique_ptr<llvm::Module>>
translateToLLVMIR(ModuleOp module, llvm::LLVMContext &llvmContext,
                  llvm::TargetMachine &target, unsigned optLevel,
                  TimingScope *timing = nullptr);

/// Writes `llvmModule` as an object file to `path`.
LogicalResult emitObjectFile(llvm::Module &llvmModule,
                             llvm::TargetMachine &target, StringRef path,
                             Location loc);

/// The clang used as the linker driver: clang-22 on PATH, else
/// /usr/lib/llvm-22/bin/clang; empty if neither exists.
std::string findClang();

/// The runtime archive next to a tool: `<dir of executable>/../lib/
/// libdfg_runtime.a`. `argv0` and `mainAddress` locate the executable.
std::string defaultRuntimeArchive(const char *argv0, void *mainAddress);

/// Links `objectPath` and the whole runtime archive into the shared library
/// `outputPath` (libc, libm and libomp, with libomp's folder as RUNPATH;
/// undefined symbols are errors).
LogicalResult linkSharedLibrary(StringRef objectPath, StringRef runtimeArchive,
                                StringRef outputPath, Location loc);

/// The self-contained C header of a model library: the runtime API and a
/// comment listing the model's inputs and outputs.
std::string generateHeader(const ModelSignature &signature,
                           StringRef libraryName);

/// What `compileModule` writes. `Tensor`: the module where code generation
/// starts, linalg on tensors after lowering and elementwise fusion, before
/// `dfg-tile-and-vectorize` (what `dfg-extract-kernels` takes kernels from).
enum class EmitKind { Tensor, MLIR, LLVMIR, Object, SharedLibrary };

struct CompileOptions {
  /// The runtime the library is linked with implements the generic
  /// allocation functions (a block cache), provides the planned arena and
  /// sets the number of threads of the parallel loops (libomp).
  CompileOptions() {
    pipeline.runtimeAllocator = true;
    pipeline.runtimeGuards = true;
    pipeline.arenaArgument = true;
    pipeline.parallel = true;
  }

  EmitKind emit = EmitKind::SharedLibrary;
  CodegenOptions codegen;
  LowerToLLVMOptions pipeline;
  /// Required for `EmitKind::SharedLibrary`.
  std::string runtimeArchive;
  /// With `EmitKind::SharedLibrary`, also write `<output without .so>.h`.
  bool writeHeader = true;
  std::string entry = "main_graph";
  /// Where the steps (each MLIR pass, LLVM IR translation, optimization,
  /// machine code, linking) are timed, e.g. the root scope of a
  /// DefaultTimingManager set up by `--mlir-timing`; not timed when null.
  TimingScope *timing = nullptr;
};

/// All the steps from an imported `module` to `outputPath` ("-" is stdout
/// for the textual kinds). The module is lowered in place. Returns the
/// signature read before lowering.
/// Fills in the pipeline options left to the target (`tileN` = 0): a
/// register tile 32 columns wide when the target has AVX-512 (two zmm
/// registers per row), 16 otherwise. Measured with bench/codegen: 1.15x to
/// 1.45x on f32 matmuls of the real models' shapes on an AVX-512 host.
LogicalResult resolveTargetOptions(CompileOptions &options, Location loc);

/// (Resolves the target's options in `options` first.)
FailureOr<ModelSignature>
compileModule(ModuleOp module, CompileOptions &options, StringRef outputPath);

/// Registers with `context` the dialects, interfaces and translations the
/// compilation needs, and the passes of the pipeline (once per process).
void registerCompilerDependencies(MLIRContext &context);

/// Prints the diagnostics about a model as
/// `<model>: error: node '<name> (<op type>)': <message>`: the ONNX node an op
/// came from (its location) rather than MLIR's `loc(...)` form, and without
/// the IR of the failing op, which means nothing to a user of the tools.
class ModelDiagnosticHandler : public ScopedDiagnosticHandler {
public:
  ModelDiagnosticHandler(MLIRContext &context, StringRef modelPath);
};

} // namespace mlir::dfg::compiler

#endif // DFG_COMPILER_COMPILER_H
