//===- Compiler.cpp - imported model to a CPU shared library --------------===//
//
// The model descriptor is emitted in the LLVM dialect, before translation,
// so `dfg-compile --emit=mlir` shows exactly what the runtime will read.
//
//===----------------------------------------------------------------------===//

#include "dfg/Compiler/Compiler.h"

#include "dfg/InitAll.h"
#include "dfg/Runtime/DTypes.h"
#include "dfg/Runtime/ModelABI.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/OptimizationLevel.h"
#include "llvm/Passes/PassBuilder.h"
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

static FailureOr<TensorSignature> tensorSignature(Location loc, StringRef kind,
                                                  unsigned index, Type type,
                                                  StringAttr name,
                                                  ArrayAttr dimNames) {
  TensorSignature result;
  result.name = name ? name.str() : (kind + Twine(index)).str();
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType)
    return emitError(loc) << kind << " '" << result.name << "' has type "
                          << type
                          << "; a compiled model takes and returns ranked "
                             "tensors only";
  std::optional<int32_t> dtype = getDTypeCode(tensorType.getElementType());
  if (!dtype)
    return emitError(loc) << kind << " '" << result.name
                          << "' has element type "
                          << tensorType.getElementType()
                          << ", which the runtime does not support";
  result.dtype = *dtype;
  for (int64_t dim : tensorType.getShape())
    result.shape.push_back(ShapedType::isDynamic(dim) ? -1 : dim);
  // The importer's names of dynamic dimensions (a static one needs none).
  if (dimNames && dimNames.size() == result.shape.size())
    for (auto [dim, attr] : llvm::zip_equal(result.shape, dimNames)) {
      auto text = dyn_cast<StringAttr>(attr);
      result.dimNames.push_back(dim < 0 && text ? text.str() : "");
    }
  if (llvm::all_of(result.dimNames,
                   [](const std::string &n) { return n.empty(); }))
    result.dimNames.clear();
  return result;
}

FailureOr<ModelSignature> compiler::collectSignature(ModuleOp module,
                                                     StringRef entry) {
  FailureOr<func::FuncOp> func = lookupEntry(module, entry);
  if (failed(func))
    return failure();
  FunctionType type = func->getFunctionType();
  ModelSignature signature;
  for (auto [i, input] : llvm::enumerate(type.getInputs())) {
    FailureOr<TensorSignature> tensor = tensorSignature(
        func->getLoc(), "input", i, input,
        func->getArgAttrOfType<StringAttr>(i, "dfg.name"),
        func->getArgAttrOfType<ArrayAttr>(i, "dfg.dim_params"));
    if (failed(tensor))
      return failure();
    signature.inputs.push_back(std::move(*tensor));
  }
  for (auto [i, output] : llvm::enumerate(type.getResults())) {
    FailureOr<TensorSignature> tensor = tensorSignature(
        func->getLoc(), "output", i, output,
        func->getResultAttrOfType<StringAttr>(i, "dfg.name"), ArrayAttr());
    if (failed(tensor))
      return failure();
    signature.outputs.push_back(std::move(*tensor));
  }
  return signature;
}

LogicalResult compiler::prepareEntryFunction(ModuleOp module,
                                             StringRef entry) {
  FailureOr<func::FuncOp> func = lookupEntry(module, entry);
  if (failed(func))
    return failure();
  MLIRContext *context = module.getContext();
  (*func)->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                   UnitAttr::get(context));
  // The names live on in the model descriptor; as LLVM parameter attributes
  // they would only draw "unhandled parameter attribute" warnings.
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
                                           const LowerToLLVMOptions &options) {
  PassManager pm(module.getContext());
  if (failed(buildLowerToLLVMPipeline(pm, options)))
    return emitError(module.getLoc()) << "invalid dfg-lower-to-llvm pipeline";
  return pm.run(module);
}

namespace {
/// Builds the globals of ModelABI.h at the end of a module.
class DescriptorBuilder {
public:
  DescriptorBuilder(ModuleOp module)
      : module(module), loc(module.getLoc()),
        builder(OpBuilder::atBlockEnd(module.getBody())),
        ptrType(LLVM::LLVMPointerType::get(module.getContext())),
        i32Type(builder.getI32Type()), i64Type(builder.getI64Type()),
        tensorType(LLVM::LLVMStructType::getLiteral(
            module.getContext(), {ptrType, i32Type, i32Type, ptrType})),
        modelType(LLVM::LLVMStructType::getLiteral(
            module.getContext(),
            {i64Type, i64Type, i64Type, ptrType, ptrType, ptrType, ptrType,
             ptrType, ptrType})) {}

  LogicalResult build(const ModelSignature &signature, StringRef entry);

private:
  LLVM::GlobalOp constantGlobal(Type type, StringRef name, Attribute value) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToEnd(module.getBody());
    auto global = LLVM::GlobalOp::create(builder, loc, type,
                                         /*isConstant=*/true,
                                         LLVM::Linkage::Private, name, value);
    return global;
  }

  /// A global whose initializer region `body` builds.
  LLVM::GlobalOp
  initializedGlobal(Type type, StringRef name, LLVM::Linkage linkage,
                    llvm::function_ref<Value(OpBuilder &)> body) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToEnd(module.getBody());
    auto global = LLVM::GlobalOp::create(builder, loc, type,
                                         /*isConstant=*/true, linkage, name,
                                         Attribute());
    builder.createBlock(&global.getInitializerRegion());
    LLVM::ReturnOp::create(builder, loc, body(builder));
    return global;
  }

  Value insert(Value aggregate, Value element, int64_t position) {
    return LLVM::InsertValueOp::create(builder, loc, aggregate, element,
                                       ArrayRef<int64_t>{position});
  }

  /// The arena size formula of ModelABI.h from the `dfg.arena` attribute of
  /// the lowered entry function; empty when it takes no arena.
  FailureOr<SmallVector<int64_t>> arenaFormula(StringRef entry,
                                               size_t numInputs);

  /// The table of `tensors`: a pointer to its first element, or null.
  FailureOr<LLVM::GlobalOp> tensorTable(StringRef kind,
                                        ArrayRef<TensorSignature> tensors);

  ModuleOp module;
  Location loc;
  OpBuilder builder;
  Type ptrType, i32Type, i64Type;
  LLVM::LLVMStructType tensorType, modelType;
};
} // namespace

FailureOr<LLVM::GlobalOp>
DescriptorBuilder::tensorTable(StringRef kind,
                               ArrayRef<TensorSignature> tensors) {
  if (tensors.empty())
    return LLVM::GlobalOp();
  SmallVector<LLVM::GlobalOp> names, dims;
  for (auto [i, tensor] : llvm::enumerate(tensors)) {
    std::string prefix = ("dfg_model." + kind + "." + Twine(i)).str();
    std::string text = tensor.name + '\0';
    names.push_back(constantGlobal(
        LLVM::LLVMArrayType::get(builder.getI8Type(), text.size()),
        prefix + ".name", builder.getStringAttr(text)));
    if (tensor.shape.empty()) {
      dims.push_back(LLVM::GlobalOp());
      continue;
    }
    auto shapeType = RankedTensorType::get(
        {static_cast<int64_t>(tensor.shape.size())}, builder.getI64Type());
    dims.push_back(constantGlobal(
        LLVM::LLVMArrayType::get(i64Type, tensor.shape.size()),
        prefix + ".dims",
        DenseIntElementsAttr::get(shapeType, ArrayRef(tensor.shape))));
  }
  auto tableType = LLVM::LLVMArrayType::get(tensorType, tensors.size());
  return initializedGlobal(
      tableType, ("dfg_model." + kind).str(), LLVM::Linkage::Private,
      [&](OpBuilder &b) -> Value {
        Value table = LLVM::UndefOp::create(b, loc, tableType);
        for (auto [i, tensor] : llvm::enumerate(tensors)) {
          Value entry = LLVM::UndefOp::create(b, loc, tensorType);
          entry = insert(entry, LLVM::AddressOfOp::create(b, loc, names[i]), 0);
          entry = insert(entry,
                         LLVM::ConstantOp::create(
                             b, loc, i32Type, b.getI32IntegerAttr(tensor.dtype)),
                         1);
          entry = insert(entry,
                         LLVM::ConstantOp::create(
                             b, loc, i32Type,
                             b.getI32IntegerAttr(tensor.shape.size())),
                         2);
          Value shape = dims[i] ? Value(LLVM::AddressOfOp::create(b, loc, dims[i]))
                                : Value(LLVM::ZeroOp::create(b, loc, ptrType));
          entry = insert(entry, shape, 3);
          table = insert(table, entry, i);
        }
        return table;
      });
}

FailureOr<SmallVector<int64_t>>
DescriptorBuilder::arenaFormula(StringRef entry, size_t numInputs) {
  SmallVector<int64_t> formula;
  auto func = module.lookupSymbol<LLVM::LLVMFuncOp>(entry);
  auto terms = func ? func->getAttrOfType<ArrayAttr>("dfg.arena") : nullptr;
  if (!terms)
    return formula;
  formula.push_back(static_cast<int64_t>(terms.size()));
  for (Attribute attr : terms) {
    // [bytes, input, dim, input, dim, ...] from dfg-plan-memory.
    auto term = dyn_cast<DenseI64ArrayAttr>(attr);
    if (!term || term.size() % 2 != 1)
      return emitError(func.getLoc()) << "malformed dfg.arena attribute";
    ArrayRef<int64_t> values = term.asArrayRef();
    formula.push_back(values[0]);
    formula.push_back(static_cast<int64_t>(values.size() / 2));
    for (size_t i = 1; i < values.size(); i += 2) {
      if (values[i] < 0 || static_cast<size_t>(values[i]) >= numInputs)
        return emitError(func.getLoc())
               << "dfg.arena refers to argument " << values[i]
               << ", not an input";
      formula.push_back(values[i]);
      formula.push_back(values[i + 1]);
    }
  }
  return formula;
}

LogicalResult DescriptorBuilder::build(const ModelSignature &signature,
                                       StringRef entry) {
  std::string cifaceName = ("_mlir_ciface_" + entry).str();
  auto ciface = module.lookupSymbol<LLVM::LLVMFuncOp>(cifaceName);
  if (!ciface)
    return emitError(loc) << "the lowered module has no '" << cifaceName
                          << "' (was the entry marked for the C interface?)";
  for (StringRef symbol : {StringRef(DFG_ABI_DESCRIPTOR_SYMBOL),
                           StringRef(DFG_ABI_ENTRY_SYMBOL)})
    if (module.lookupSymbol(symbol))
      return emitError(loc) << "the module already defines '" << symbol << "'";

  size_t numInputs = signature.inputs.size();
  bool hasResult = !signature.outputs.empty();
  // dfg-plan-memory{arena-argument} appended the arena and described its
  // size on the function.
  FailureOr<SmallVector<int64_t>> arena = arenaFormula(entry, numInputs);
  if (failed(arena))
    return failure();
  bool hasArena = !arena->empty();
  if (ciface.getNumArguments() !=
      numInputs + (hasResult ? 1 : 0) + (hasArena ? 1 : 0))
    return emitError(ciface.getLoc())
           << "'" << cifaceName << "' takes " << ciface.getNumArguments()
           << " arguments; expected a result pointer, " << numInputs
           << " input descriptors" << (hasArena ? " and the arena" : "");

  // void dfg_model_entry(void **args): args[0] is the result, args[1 + i]
  // input i, then the arena; all are pointers to memref descriptors.
  MLIRContext *context = module.getContext();
  auto entryType = LLVM::LLVMFunctionType::get(
      LLVM::LLVMVoidType::get(context), {ptrType});
  LLVM::LLVMFuncOp trampoline;
  {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToEnd(module.getBody());
    trampoline = LLVM::LLVMFuncOp::create(builder, loc, DFG_ABI_ENTRY_SYMBOL,
                                          entryType);
    Block *body = trampoline.addEntryBlock(builder);
    builder.setInsertionPointToStart(body);
    Value args = body->getArgument(0);
    SmallVector<Value> callArgs;
    for (size_t i = hasResult ? 0 : 1; i <= numInputs + (hasArena ? 1 : 0);
         ++i) {
      Value slot = LLVM::GEPOp::create(
          builder, loc, ptrType, ptrType, args,
          ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)});
      callArgs.push_back(LLVM::LoadOp::create(builder, loc, ptrType, slot));
    }
    LLVM::CallOp::create(builder, loc, ciface, callArgs);
    LLVM::ReturnOp::create(builder, loc, ValueRange());
  }

  FailureOr<LLVM::GlobalOp> inputs = tensorTable("inputs", signature.inputs);
  FailureOr<LLVM::GlobalOp> outputs =
      tensorTable("outputs", signature.outputs);
  if (failed(inputs) || failed(outputs))
    return failure();
  LLVM::GlobalOp arenaTable;
  if (hasArena) {
    auto tableType = RankedTensorType::get(
        {static_cast<int64_t>(arena->size())}, builder.getI64Type());
    arenaTable = constantGlobal(
        LLVM::LLVMArrayType::get(i64Type, arena->size()), "dfg_model.arena",
        DenseIntElementsAttr::get(tableType, ArrayRef(*arena)));
  }
  // Inputs' dynamic dimensions that share an ONNX name: groups of two or
  // more (input, dim) pairs that must agree (ModelABI.h).
  llvm::MapVector<StringRef, SmallVector<std::pair<int64_t, int64_t>>>
      namedDims;
  for (auto [i, input] : llvm::enumerate(signature.inputs))
    for (auto [d, name] : llvm::enumerate(input.dimNames))
      if (!name.empty())
        namedDims[name].push_back({static_cast<int64_t>(i),
                                   static_cast<int64_t>(d)});
  SmallVector<int64_t> groups = {0};
  std::string groupNames;
  for (auto &[name, dims] : namedDims) {
    if (dims.size() < 2)
      continue;
    ++groups[0];
    groups.push_back(static_cast<int64_t>(dims.size()));
    for (auto [input, dim] : dims) {
      groups.push_back(input);
      groups.push_back(dim);
    }
    groupNames += name.str();
    groupNames.push_back('\0');
  }
  LLVM::GlobalOp groupTable, groupNameTable;
  if (groups[0] > 0) {
    auto tableType = RankedTensorType::get(
        {static_cast<int64_t>(groups.size())}, builder.getI64Type());
    groupTable = constantGlobal(
        LLVM::LLVMArrayType::get(i64Type, groups.size()),
        "dfg_model.dim_groups",
        DenseIntElementsAttr::get(tableType, ArrayRef(groups)));
    groupNameTable = constantGlobal(
        LLVM::LLVMArrayType::get(builder.getI8Type(), groupNames.size()),
        "dfg_model.dim_group_names", builder.getStringAttr(groupNames));
  }
  auto pointerTo = [&](OpBuilder &b, LLVM::GlobalOp global) -> Value {
    if (!global)
      return LLVM::ZeroOp::create(b, loc, ptrType);
    return LLVM::AddressOfOp::create(b, loc, global);
  };
  auto i64Constant = [&](OpBuilder &b, int64_t value) -> Value {
    return LLVM::ConstantOp::create(b, loc, i64Type,
                                    b.getI64IntegerAttr(value));
  };
  LLVM::GlobalOp descriptor = initializedGlobal(
      modelType, DFG_ABI_DESCRIPTOR_SYMBOL, LLVM::Linkage::External,
      [&](OpBuilder &b) -> Value {
        Value model = LLVM::UndefOp::create(b, loc, modelType);
        model = insert(model, i64Constant(b, DFG_ABI_VERSION), 0);
        model = insert(model, i64Constant(b, numInputs), 1);
        model = insert(model, i64Constant(b, signature.outputs.size()), 2);
        model = insert(model, pointerTo(b, *inputs), 3);
        model = insert(model, pointerTo(b, *outputs), 4);
        model = insert(model, LLVM::AddressOfOp::create(b, loc, trampoline), 5);
        model = insert(model, pointerTo(b, arenaTable), 6);
        model = insert(model, pointerTo(b, groupTable), 7);
        model = insert(model, pointerTo(b, groupNameTable), 8);
        return model;
      });
  // Only the runtime linked into the same library reads it.
  descriptor.setVisibility_(LLVM::Visibility::Hidden);
  return success();
}

LogicalResult compiler::emitModelDescriptor(ModuleOp module,
                                            const ModelSignature &signature,
                                            StringRef entry) {
  return DescriptorBuilder(module).build(signature, entry);
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
                            llvm::TargetMachine &target, unsigned optLevel) {
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

  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder passBuilder(&target);
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
  // library's users do. `-z defs`: the library needs nothing but libc/libm
  // (and the compiler's helpers, e.g. for f16, come from the static libgcc).
  SmallVector<StringRef> args = {clang,
                                 "-shared",
                                 "-o",
                                 outputPath,
                                 objectPath,
                                 "-Wl,--whole-archive",
                                 runtimeArchive,
                                 "-Wl,--no-whole-archive",
                                 "-Wl,-z,defs",
                                 "-static-libgcc",
                                 "-lm"};
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

FailureOr<ModelSignature>
compiler::compileModule(ModuleOp module, const CompileOptions &options,
                        StringRef outputPath) {
  Location loc = module.getLoc();
  FailureOr<ModelSignature> signature =
      collectSignature(module, options.entry);
  if (failed(signature) || failed(prepareEntryFunction(module, options.entry)))
    return failure();
  if (failed(lowerToLLVMDialect(module, options.pipeline)) ||
      failed(emitModelDescriptor(module, *signature, options.entry)))
    return failure();
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
      module, llvmContext, **target, options.codegen.optLevel);
  if (failed(llvmModule))
    return failure();
  if (options.emit == EmitKind::LLVMIR) {
    if (failed(writeText(outputPath, loc, [&](raw_ostream &os) {
          (*llvmModule)->print(os, nullptr);
        })))
      return failure();
    return signature;
  }
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
  if (failed(emitObjectFile(**llvmModule, **target, objectPath, loc)) ||
      failed(linkSharedLibrary(objectPath, options.runtimeArchive, outputPath,
                               loc)))
    return failure();
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
