//===- AnnotateCost.cpp - Predicted time of every linalg op ---------------===//
//
// dfg-annotate-cost: a thin shell over the DFGCostModel library that shows
// what the cost model thinks of each kernel, as attributes and remarks. See
// Passes.td for the contract.
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Cost/Passes.h"

#include "dfg/CostModel/CostModel.h"
#include "dfg/Transforms/Codegen/CodegenAttr.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/ToolOutputFile.h"

#include <cmath>
#include <limits>

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGANNOTATECOSTPASS
#include "dfg/Transforms/Cost/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::cost;

namespace {

struct AnnotateCostPass
    : public dfg::impl::DFGAnnotateCostPassBase<AnnotateCostPass> {
  using Base::Base;
  void runOnOperation() override;

private:
  LogicalResult checkOptions(ModuleOp module);
  LogicalResult writeFeatures(ModuleOp module, CostModel &costModel,
                              const CodegenChoice &choice,
                              const FeatureOptions &featureOptions);
};

} // namespace

/// Counts as i64 attributes; they are exact below 2^53 and saturate above.
static IntegerAttr countAttr(Builder &builder, double value) {
  constexpr double max =
      static_cast<double>(std::numeric_limits<int64_t>::max());
  int64_t count = value >= max ? std::numeric_limits<int64_t>::max()
                               : static_cast<int64_t>(std::llround(value));
  return builder.getI64IntegerAttr(count);
}

LogicalResult AnnotateCostPass::checkOptions(ModuleOp module) {
  if (tileM < 1 || tileN < 1 || tileK < 1)
    return module.emitError("dfg-annotate-cost: tile sizes must be at least "
                            "1, found tile-m=")
           << static_cast<int64_t>(tileM)
           << " tile-n=" << static_cast<int64_t>(tileN)
           << " tile-k=" << static_cast<int64_t>(tileK);
  if (dynamicSize < 1)
    return module.emitError("dfg-annotate-cost: dynamic-size must be at "
                            "least 1, found ")
           << static_cast<int64_t>(dynamicSize);
  if (vectorBits != 0 && (vectorBits % 32 != 0 || vectorBits > 4096))
    return module.emitError("dfg-annotate-cost: vector-bits must be 0 or a "
                            "multiple of 32 up to 4096, found ")
           << static_cast<unsigned>(vectorBits);
  return success();
}

/// Whether `func` holds one kernel: exactly one linalg op besides fills.
static bool isSingleKernel(func::FuncOp func) {
  int kernels = 0;
  func.walk([&](linalg::LinalgOp op) {
    if (!isa<linalg::FillOp>(op))
      ++kernels;
  });
  return kernels == 1;
}

LogicalResult
AnnotateCostPass::writeFeatures(ModuleOp module, CostModel &costModel,
                                const CodegenChoice &choice,
                                const FeatureOptions &featureOptions) {
  std::string message;
  std::unique_ptr<llvm::ToolOutputFile> file =
      openOutputFile(featuresFile, &message);
  if (!file)
    return module.emitError("dfg-annotate-cost: cannot write '")
           << featuresFile << "': " << message;
  llvm::raw_ostream &os = file->os();
  llvm::json::Array names;
  for (llvm::StringLiteral name : featureVectorNames())
    names.push_back(name);
  os << llvm::json::Value(llvm::json::Object{
            {"feature_version", static_cast<int64_t>(kFeatureVectorVersion)},
            {"feature_names", std::move(names)}})
     << "\n";
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal() || !isSingleKernel(func))
      continue;
    llvm::json::Object line{{"func", func.getSymName()}};
    llvm::Expected<KernelFeatures> features =
        extractKernelFeatures(func, choice, featureOptions);
    llvm::Expected<KernelCost> cost =
        features ? costModel.predict(*features)
                 : llvm::Expected<KernelCost>(features.takeError());
    if (!cost) {
      line["error"] = llvm::toString(cost.takeError());
    } else {
      llvm::json::Array values;
      for (const NamedFeature &feature : featureVector(*features))
        values.push_back(feature.value);
      line["op"] = features->opName;
      line["feature_version"] = static_cast<int64_t>(kFeatureVectorVersion);
      line["features"] = std::move(values);
      line["analytic_ns"] = cost->timeNs;
    }
    os << llvm::json::Value(std::move(line)) << "\n";
  }
  file->keep();
  return success();
}

void AnnotateCostPass::runOnOperation() {
  ModuleOp module = getOperation();
  if (failed(checkOptions(module)))
    return signalPassFailure();
  auto warn = [&](const Twine &message) {
    module.emitWarning("dfg-annotate-cost: ") << message;
  };
  MachineProfile machine =
      loadMachineProfileOrDefaults(profile, warn, getHostCPUName());
  llvm::Expected<std::unique_ptr<CostModel>> costModel =
      createCostModel(model, machine, warn);
  if (!costModel) {
    module.emitError("dfg-annotate-cost: ")
        << llvm::toString(costModel.takeError());
    return signalPassFailure();
  }

  CodegenChoice choice;
  choice.tileM = tileM;
  choice.tileN = tileN;
  choice.tileK = tileK;
  choice.im2col = im2col;
  choice.packing = packRhs;
  choice.vectorBits = vectorBits ? vectorBits : machine.bestVectorBits();
  FeatureOptions featureOptions;
  featureOptions.dynamicSize = dynamicSize;

  if (!featuresFile.empty() &&
      failed(writeFeatures(module, **costModel, choice, featureOptions)))
    return signalPassFailure();

  Builder builder(&getContext());
  WalkResult walk = module.walk([&](linalg::LinalgOp op) {
    // The op's own choice (dfg.codegen, from dfg-choose-codegen) is what
    // the code generator will do with it: predict that.
    FailureOr<CodegenOverrides> overrides =
        getCodegenOverrides(op, getArgument());
    if (failed(overrides))
      return WalkResult::interrupt();
    CodegenChoice opChoice = choice;
    opChoice.tileM = overrides->tileM.value_or(opChoice.tileM);
    opChoice.tileN = overrides->tileN.value_or(opChoice.tileN);
    opChoice.packing = overrides->packRhs.value_or(opChoice.packing);
    opChoice.im2col = overrides->im2col.value_or(opChoice.im2col);
    llvm::Expected<KernelFeatures> features =
        extractKernelFeatures(op, opChoice, featureOptions);
    if (!features) {
      emitRemark(op.getLoc(), "no cost estimate: ")
          << llvm::toString(features.takeError());
      return WalkResult::advance();
    }
    llvm::Expected<KernelCost> cost = (*costModel)->predict(*features);
    if (!cost) {
      emitRemark(op.getLoc(), "no cost estimate: ")
          << llvm::toString(cost.takeError());
      return WalkResult::advance();
    }
    op->setAttr("dfg.predicted_time_ns", builder.getF64FloatAttr(cost->timeNs));
    op->setAttr("dfg.flops", countAttr(builder, features->flops));
    op->setAttr("dfg.bytes_read", countAttr(builder, features->bytesRead));
    op->setAttr("dfg.bytes_written",
                countAttr(builder, features->bytesWritten));
    InFlightDiagnostic remark = emitRemark(op.getLoc())
                                << (*costModel)->getName() << " cost: "
                                << (*costModel)->explain(*features, *cost);
    if (features->numDynamicLoops)
      remark << " (assuming " << static_cast<int64_t>(dynamicSize) << " for "
             << features->numDynamicLoops << " dynamic loop extent"
             << (features->numDynamicLoops == 1 ? "" : "s") << ")";
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    signalPassFailure();
}
