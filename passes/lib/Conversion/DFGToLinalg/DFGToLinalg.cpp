//===- DFGToLinalg.cpp - the dfg-lower-to-linalg pass ---------------------===//
//
// A thin shell over the family patterns: the type converter for unsigned
// integers, function signature conversion, and a diagnostic naming every op
// that has no lowering, at its location (the ONNX node), all in one run.
//
//===----------------------------------------------------------------------===//

#include "dfg/Conversion/Passes.h"

#include "dfg/Dialect/DFG/IR/DFGDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGLOWERTOLINALGPASS
#include "dfg/Conversion/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;

DFGTypeConverter::DFGTypeConverter() {
  addConversion([](Type type) { return type; });
  addConversion([](IntegerType type) -> Type {
    if (type.isSignless())
      return type;
    return IntegerType::get(type.getContext(), type.getWidth());
  });
  addConversion([this](RankedTensorType type) -> Type {
    Type element = convertType(type.getElementType());
    if (!element)
      return nullptr;
    return type.clone(element);
  });
  // Values that cross between converted and unconverted code (there is none
  // once the conversion is complete) go through unrealized casts.
  auto materialize = [](OpBuilder &builder, Type type, ValueRange inputs,
                        Location loc) -> Value {
    return UnrealizedConversionCastOp::create(builder, loc, type, inputs)
        .getResult(0);
  };
  addSourceMaterialization(materialize);
  addTargetMaterialization(materialize);
}

void mlir::dfg::populateDFGToLinalgPatterns(const TypeConverter &converter,
                                            RewritePatternSet &patterns) {
  populateElementwiseToLinalgPatterns(converter, patterns);
  populateLinalgOpsToLinalgPatterns(converter, patterns);
  populateReductionToLinalgPatterns(converter, patterns);
  populateDataMovementToLinalgPatterns(converter, patterns);
  populateIndexingToLinalgPatterns(converter, patterns);
  populateTrainingToLinalgPatterns(converter, patterns);
  populateVisionToLinalgPatterns(converter, patterns);
  populateControlFlowToSCFPatterns(converter, patterns);
}

namespace {
struct DFGLowerToLinalgPass
    : public dfg::impl::DFGLowerToLinalgPassBase<DFGLowerToLinalgPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *context = &getContext();
    DFGTypeConverter converter;

    RewritePatternSet patterns(context);
    populateDFGToLinalgPatterns(converter, patterns);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateReturnOpTypeConversionPattern(patterns, converter);
    populateCallOpTypeConversionPattern(patterns, converter);

    // Name every op without a lowering up front, all of them, rather than
    // stopping at the first "failed to legalize".
    llvm::DenseSet<OperationName> lowered;
    for (const auto &pattern : patterns.getNativePatterns())
      if (std::optional<OperationName> root = pattern->getRootKind())
        lowered.insert(*root);
    bool missing = false;
    module.walk([&](Operation *op) {
      if (!isa<DFGDialect>(op->getDialect()) || lowered.contains(op->getName()))
        return;
      op->emitError() << "no lowering to linalg for '" << op->getName()
                      << "' yet";
      missing = true;
    });
    if (missing)
      return signalPassFailure();

    // Every dfg op must go; ops of other dialects stay as long as their
    // types are legal (unsigned integers are not).
    ConversionTarget target(*context);
    target.addIllegalDialect<DFGDialect>();
    target.addLegalOp<ModuleOp>();
    auto legalTypes = [&](Operation *op) {
      return converter.isLegal(op->getOperandTypes()) &&
             converter.isLegal(op->getResultTypes());
    };
    target.markUnknownOpDynamicallyLegal(legalTypes);
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp func) {
      return converter.isSignatureLegal(func.getFunctionType()) &&
             converter.isLegal(&func.getBody());
    });
    target.addDynamicallyLegalOp<func::ReturnOp, func::CallOp>(legalTypes);
    if (failed(applyFullConversion(module, target, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
