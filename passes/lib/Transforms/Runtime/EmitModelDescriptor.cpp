//===- EmitModelDescriptor.cpp - the table the runtime reads --------------===//
//
// The globals of dfg/Runtime/ModelABI.h, in the LLVM dialect, so that
// `dfg-compile --emit=mlir` shows exactly what the runtime will read. The
// structs' LLVM types and the positions of their fields come from the
// X-macros the C structs are declared with; static_asserts below check that
// LLVM's layout of those types is the C layout.
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Runtime/Passes.h"

#include "dfg/Runtime/ModelABI.h"
#include "dfg/Transforms/Runtime/ModelSignature.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/MapVector.h"

#include <cstddef>

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGEMITMODELDESCRIPTORPASS
#include "dfg/Transforms/Runtime/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

//===----------------------------------------------------------------------===//
// The structs of ModelABI.h
//===----------------------------------------------------------------------===//

namespace {
/// The LLVM types of ModelABI.h's FIELD lists.
enum class FieldKind { I32, I64, PTR };

/// Positions of the fields in dfg_abi_tensor and dfg_abi_model.
enum TensorField : int64_t {
#define FIELD(TYPE, NAME, LLVM) kTensor_##NAME,
  DFG_ABI_TENSOR_FIELDS(FIELD)
#undef FIELD
};
enum ModelField : int64_t {
#define FIELD(TYPE, NAME, LLVM) kModel_##NAME,
  DFG_ABI_MODEL_FIELDS(FIELD)
#undef FIELD
};
} // namespace

static constexpr FieldKind kTensorKinds[] = {
#define FIELD(TYPE, NAME, LLVM) FieldKind::LLVM,
    DFG_ABI_TENSOR_FIELDS(FIELD)
#undef FIELD
};
static constexpr FieldKind kModelKinds[] = {
#define FIELD(TYPE, NAME, LLVM) FieldKind::LLVM,
    DFG_ABI_MODEL_FIELDS(FIELD)
#undef FIELD
};

/// Size and alignment of a field kind on the (64-bit) host.
static constexpr size_t kindSize(FieldKind kind) {
  return kind == FieldKind::I32   ? 4
         : kind == FieldKind::I64 ? 8
                                  : sizeof(void *);
}

/// The offset of field `index` in an LLVM struct of `kinds` (naturally
/// aligned fields, no packing: the data layout of the hosts we target).
template <size_t N>
static constexpr size_t llvmOffset(const FieldKind (&kinds)[N], size_t index) {
  size_t offset = 0;
  for (size_t i = 0;; ++i) {
    size_t size = kindSize(kinds[i]);
    offset = (offset + size - 1) / size * size;
    if (i == index)
      return offset;
    offset += size;
  }
}

// The emitter's structs have the C structs' fields, sizes and offsets.
#define FIELD(TYPE, NAME, LLVM)                                                \
  static_assert(sizeof(TYPE) == kindSize(FieldKind::LLVM),                     \
                "dfg_abi_tensor." #NAME ": C and LLVM sizes differ");          \
  static_assert(offsetof(dfg_abi_tensor, NAME) ==                              \
                    llvmOffset(kTensorKinds, kTensor_##NAME),                  \
                "dfg_abi_tensor." #NAME ": C and LLVM offsets differ");
DFG_ABI_TENSOR_FIELDS(FIELD)
#undef FIELD
#define FIELD(TYPE, NAME, LLVM)                                                \
  static_assert(sizeof(TYPE) == kindSize(FieldKind::LLVM),                     \
                "dfg_abi_model." #NAME ": C and LLVM sizes differ");           \
  static_assert(offsetof(dfg_abi_model, NAME) ==                               \
                    llvmOffset(kModelKinds, kModel_##NAME),                    \
                "dfg_abi_model." #NAME ": C and LLVM offsets differ");
DFG_ABI_MODEL_FIELDS(FIELD)
#undef FIELD

static Type fieldType(MLIRContext *context, FieldKind kind) {
  switch (kind) {
  case FieldKind::I32:
    return IntegerType::get(context, 32);
  case FieldKind::I64:
    return IntegerType::get(context, 64);
  case FieldKind::PTR:
    return LLVM::LLVMPointerType::get(context);
  }
  llvm_unreachable("unknown field kind");
}

template <size_t N>
static LLVM::LLVMStructType structType(MLIRContext *context,
                                       const FieldKind (&kinds)[N]) {
  SmallVector<Type> fields;
  for (FieldKind kind : kinds)
    fields.push_back(fieldType(context, kind));
  return LLVM::LLVMStructType::getLiteral(context, fields);
}

//===----------------------------------------------------------------------===//
// The descriptor
//===----------------------------------------------------------------------===//

namespace {
/// Builds the globals of ModelABI.h at the end of a module.
class DescriptorBuilder {
public:
  DescriptorBuilder(ModuleOp module)
      : module(module), loc(module.getLoc()),
        builder(OpBuilder::atBlockEnd(module.getBody())),
        ptrType(LLVM::LLVMPointerType::get(module.getContext())),
        i32Type(builder.getI32Type()), i64Type(builder.getI64Type()),
        tensorType(structType(module.getContext(), kTensorKinds)),
        modelType(structType(module.getContext(), kModelKinds)) {}

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
    auto global =
        LLVM::GlobalOp::create(builder, loc, type,
                               /*isConstant=*/true, linkage, name, Attribute());
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
          entry = insert(entry, LLVM::AddressOfOp::create(b, loc, names[i]),
                         kTensor_name);
          entry =
              insert(entry,
                     LLVM::ConstantOp::create(
                         b, loc, i32Type, b.getI32IntegerAttr(tensor.dtype)),
                     kTensor_dtype);
          entry = insert(
              entry,
              LLVM::ConstantOp::create(
                  b, loc, i32Type, b.getI32IntegerAttr(tensor.shape.size())),
              kTensor_rank);
          Value shape = dims[i]
                            ? Value(LLVM::AddressOfOp::create(b, loc, dims[i]))
                            : Value(LLVM::ZeroOp::create(b, loc, ptrType));
          entry = insert(entry, shape, kTensor_dims);
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
        return emitError(func.getLoc()) << "dfg.arena refers to argument "
                                        << values[i] << ", not an input";
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
  for (StringRef symbol :
       {StringRef(DFG_ABI_DESCRIPTOR_SYMBOL), StringRef(DFG_ABI_ENTRY_SYMBOL)})
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
  auto entryType =
      LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(context), {ptrType});
  LLVM::LLVMFuncOp trampoline;
  {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToEnd(module.getBody());
    trampoline =
        LLVM::LLVMFuncOp::create(builder, loc, DFG_ABI_ENTRY_SYMBOL, entryType);
    Block *body = trampoline.addEntryBlock(builder);
    builder.setInsertionPointToStart(body);
    Value args = body->getArgument(0);
    SmallVector<Value> callArgs;
    for (size_t i = hasResult ? 0 : 1; i <= numInputs + (hasArena ? 1 : 0);
         ++i) {
      Value slot =
          LLVM::GEPOp::create(builder, loc, ptrType, ptrType, args,
                              ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)});
      callArgs.push_back(LLVM::LoadOp::create(builder, loc, ptrType, slot));
    }
    LLVM::CallOp::create(builder, loc, ciface, callArgs);
    LLVM::ReturnOp::create(builder, loc, ValueRange());
  }

  FailureOr<LLVM::GlobalOp> inputs = tensorTable("inputs", signature.inputs);
  FailureOr<LLVM::GlobalOp> outputs = tensorTable("outputs", signature.outputs);
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
        namedDims[name].push_back(
            {static_cast<int64_t>(i), static_cast<int64_t>(d)});
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
    groupTable =
        constantGlobal(LLVM::LLVMArrayType::get(i64Type, groups.size()),
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
        model =
            insert(model, i64Constant(b, DFG_ABI_VERSION), kModel_abi_version);
        model = insert(model, i64Constant(b, numInputs), kModel_num_inputs);
        model = insert(model, i64Constant(b, signature.outputs.size()),
                       kModel_num_outputs);
        model = insert(model, pointerTo(b, *inputs), kModel_inputs);
        model = insert(model, pointerTo(b, *outputs), kModel_outputs);
        model = insert(model, LLVM::AddressOfOp::create(b, loc, trampoline),
                       kModel_entry);
        model = insert(model, pointerTo(b, arenaTable), kModel_arena);
        model = insert(model, pointerTo(b, groupTable), kModel_dim_groups);
        model =
            insert(model, pointerTo(b, groupNameTable), kModel_dim_group_names);
        return model;
      });
  // Only the runtime linked into the same library reads it.
  descriptor.setVisibility_(LLVM::Visibility::Hidden);
  return success();
}

namespace {
struct DFGEmitModelDescriptorPass
    : dfg::impl::DFGEmitModelDescriptorPassBase<DFGEmitModelDescriptorPass> {
  using DFGEmitModelDescriptorPassBase::DFGEmitModelDescriptorPassBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    Operation *func = SymbolTable::lookupSymbolIn(module, entry);
    if (!func) {
      module.emitError() << "dfg-emit-model-descriptor: the module has no "
                            "entry function '"
                         << entry << "'";
      return signalPassFailure();
    }
    Attribute attr = func->getAttr(kModelSignatureAttrName);
    if (!attr) {
      func->emitError() << "dfg-emit-model-descriptor: the entry function '"
                        << entry << "' has no " << kModelSignatureAttrName
                        << " attribute (dfg-compile records it before "
                           "lowering)";
      return signalPassFailure();
    }
    FailureOr<ModelSignature> signature =
        parseModelSignature(attr, func->getLoc());
    if (failed(signature) ||
        failed(DescriptorBuilder(module).build(*signature, entry)))
      return signalPassFailure();
  }
};
} // namespace
