//===- ExtractKernels.cpp - One function per distinct linalg kernel -------===//
//
// dfg-extract-kernels: the kernels of the cost-model corpus, each a function
// that can be compiled and timed alone. See Passes.td for the contract.
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Cost/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/RegionUtils.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringMap.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGEXTRACTKERNELSPASS
#include "dfg/Transforms/Cost/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

namespace {

struct ExtractKernelsPass
    : public dfg::impl::DFGExtractKernelsPassBase<ExtractKernelsPass> {
  using Base::Base;
  void runOnOperation() override;
};

} // namespace

static bool isStaticTensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.hasStaticShape();
}

/// A splat constant, or a scalar one: cheap to clone into the kernel.
static bool isClonableConstant(Operation *op) {
  auto constant = dyn_cast_or_null<arith::ConstantOp>(op);
  if (!constant)
    return false;
  if (!isa<ShapedType>(constant.getType()))
    return true;
  auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
  return dense && dense.isSplat();
}

/// A `tensor.empty` of static shape, or a fill of one with a constant:
/// the op's output initialization, created inside the kernel.
static bool isLocalInit(Value value) {
  Operation *def = value.getDefiningOp();
  if (auto empty = dyn_cast_or_null<tensor::EmptyOp>(def))
    return isStaticTensor(empty.getType());
  auto fill = dyn_cast_or_null<linalg::FillOp>(def);
  if (!fill || !fill.hasPureTensorSemantics())
    return false;
  return isClonableConstant(fill.getInputs()[0].getDefiningOp()) &&
         isLocalInit(fill.getOutputs()[0]) &&
         !isa<linalg::FillOp>(fill.getOutputs()[0].getDefiningOp());
}

/// Clones `value`'s definition (a local init or a clonable constant and
/// what it depends on) into `builder`'s block.
static Value cloneDefinition(OpBuilder &builder, Value value,
                             IRMapping &mapping) {
  if (Value mapped = mapping.lookupOrNull(value))
    return mapped;
  Operation *def = value.getDefiningOp();
  for (Value operand : def->getOperands())
    cloneDefinition(builder, operand, mapping);
  builder.clone(*def, mapping);
  return mapping.lookup(value);
}

/// The kernel of `op` as a function named `name`, or null when it cannot be
/// one (dynamic shapes, a body using non-constant values from above).
static func::FuncOp outline(linalg::LinalgOp op, StringRef name,
                            OpBuilder &builder) {
  Operation *operation = op.getOperation();
  if (!op.hasPureTensorSemantics())
    return nullptr;
  for (Type type : operation->getResultTypes())
    if (!isStaticTensor(type))
      return nullptr;
  SetVector<Value> captured;
  getUsedValuesDefinedAbove(operation->getRegions(), captured);
  for (Value value : captured)
    if (!isClonableConstant(value.getDefiningOp()))
      return nullptr;

  // Arguments: every distinct operand not created inside the kernel.
  llvm::SetVector<Value> arguments;
  for (Value operand : operation->getOperands()) {
    if (isLocalInit(operand) || isClonableConstant(operand.getDefiningOp()))
      continue;
    if (!isStaticTensor(operand.getType()))
      return nullptr;
    arguments.insert(operand);
  }
  SmallVector<Type> argumentTypes;
  for (Value argument : arguments)
    argumentTypes.push_back(argument.getType());
  auto type =
      builder.getFunctionType(argumentTypes, operation->getResultTypes());
  auto func = func::FuncOp::create(builder, op.getLoc(), name, type);
  Block *body = func.addEntryBlock();
  OpBuilder inner = OpBuilder::atBlockBegin(body);
  IRMapping mapping;
  for (auto [argument, blockArgument] :
       llvm::zip(arguments, body->getArguments()))
    mapping.map(argument, blockArgument);
  for (Value value : captured)
    cloneDefinition(inner, value, mapping);
  for (Value operand : operation->getOperands())
    cloneDefinition(inner, operand, mapping);
  Operation *clone = inner.clone(*operation, mapping);
  func::ReturnOp::create(inner, op.getLoc(), clone->getResults());
  return func;
}

void ExtractKernelsPass::runOnOperation() {
  ModuleOp module = getOperation();
  SmallVector<linalg::LinalgOp> ops;
  module.walk([&](linalg::LinalgOp op) {
    if (!isa<linalg::FillOp>(op))
      ops.push_back(op);
  });

  // Kernels outlined into a scratch module, printed under one name to find
  // repeats.
  OpBuilder builder(&getContext());
  OwningOpRef<ModuleOp> scratch = ModuleOp::create(module.getLoc());
  builder.setInsertionPointToEnd(scratch->getBody());
  llvm::StringMap<func::FuncOp> byText;
  SmallVector<func::FuncOp> kernels;
  for (linalg::LinalgOp op : ops) {
    func::FuncOp func = outline(op, "kernel", builder);
    if (!func)
      continue;
    std::string text;
    llvm::raw_string_ostream os(text);
    func.print(os);
    auto [it, inserted] = byText.try_emplace(text, func);
    if (!inserted) {
      func.erase();
      func::FuncOp first = it->second;
      first->setAttr(
          "dfg.kernel_count",
          builder.getI64IntegerAttr(
              cast<IntegerAttr>(first->getAttr("dfg.kernel_count")).getInt() +
              1));
      continue;
    }
    func.setSymName(("kernel_" + Twine(kernels.size())).str());
    func->setAttr("dfg.kernel_count", builder.getI64IntegerAttr(1));
    auto parent = op->getParentOfType<func::FuncOp>();
    func->setAttr("dfg.kernel_source",
                  builder.getStringAttr(parent ? parent.getSymName() : ""));
    kernels.push_back(func);
  }

  // The module keeps only the kernels.
  for (Operation &op : llvm::make_early_inc_range(*module.getBody()))
    op.erase();
  for (func::FuncOp func : kernels)
    func->moveBefore(module.getBody(), module.getBody()->end());
}
