//===- ChooseCodegen.cpp - code-generation choices by the cost model ------===//
//
// dfg-choose-codegen: ranks the shared candidate set of every contraction
// and convolution with the cost model, records the winner as the op's
// dfg.codegen attribute and explains it in a remark. See Passes.td for the
// contract.
//
//===----------------------------------------------------------------------===//

#include "dfg/Transforms/Cost/Passes.h"

#include "dfg/CostModel/CostModel.h"
#include "dfg/Transforms/Codegen/CodegenAttr.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Diagnostics.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>

namespace mlir::dfg {
#define GEN_PASS_DEF_DFGCHOOSECODEGENPASS
#include "dfg/Transforms/Cost/Passes.h.inc"
} // namespace mlir::dfg

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::cost;

namespace {

struct ChooseCodegenPass
    : public dfg::impl::DFGChooseCodegenPassBase<ChooseCodegenPass> {
  using Base::Base;
  void runOnOperation() override;

private:
  LogicalResult checkOptions(ModuleOp module);
  void choose(linalg::LinalgOp op, const CostModel &model,
              const CodegenChoice &fixedRule, unsigned bits);
};

} // namespace

/// Times as the analytic provider prints them: ns, us or ms.
static std::string formatTime(double ns) {
  if (ns >= 1e6)
    return llvm::formatv("{0:f3} ms", ns / 1e6).str();
  if (ns >= 1e3)
    return llvm::formatv("{0:f3} us", ns / 1e3).str();
  return llvm::formatv("{0:f1} ns", ns).str();
}

/// How much slower a time is than another, from their ratio: "1.61x", or
/// "3.2%" below 1.1x.
static std::string formatSlowdown(double ratio) {
  if (ratio >= 1.1)
    return llvm::formatv("{0:f2}x", ratio).str();
  return llvm::formatv("{0:f1}%", (ratio - 1) * 100).str();
}

/// The choice as the attribute's keys: "tile_m=6 tile_n=16 pack_rhs=true",
/// plus im2col for convolutions.
static std::string describe(const CodegenChoice &choice, bool convolution) {
  std::string text =
      llvm::formatv("tile_m={0} tile_n={1} pack_rhs={2}", choice.tileM,
                    choice.tileN, choice.packing ? "true" : "false")
          .str();
  if (convolution)
    text += choice.im2col ? " im2col=true" : " im2col=false";
  return text;
}

/// The choice in a list of candidates: "12x32 packed", "6x16 packed direct".
static std::string describeShort(const CodegenChoice &choice,
                                 bool convolution) {
  std::string text = llvm::formatv("{0}x{1}", choice.tileM, choice.tileN);
  if (choice.packing)
    text += " packed";
  if (convolution && !choice.im2col)
    text += " direct";
  return text;
}

LogicalResult ChooseCodegenPass::checkOptions(ModuleOp module) {
  if (tileM < 1 || tileN < 1)
    return module.emitError("dfg-choose-codegen: tile sizes must be at least "
                            "1, found tile-m=")
           << static_cast<int64_t>(tileM)
           << " tile-n=" << static_cast<int64_t>(tileN);
  if (!(minGain >= 0) || minGain > 10)
    return module.emitError("dfg-choose-codegen: min-gain must be between 0 "
                            "and 10, found ")
           << static_cast<double>(minGain);
  if (dynamicSize < 1)
    return module.emitError("dfg-choose-codegen: dynamic-size must be at "
                            "least 1, found ")
           << static_cast<int64_t>(dynamicSize);
  if (vectorBits != 0 && (vectorBits % 32 != 0 || vectorBits > 4096))
    return module.emitError("dfg-choose-codegen: vector-bits must be 0 or a "
                            "multiple of 32 up to 4096, found ")
           << static_cast<unsigned>(vectorBits);
  return success();
}

void ChooseCodegenPass::choose(linalg::LinalgOp op, const CostModel &model,
                               const CodegenChoice &fixedRule, unsigned bits) {
  FeatureOptions featureOptions;
  featureOptions.dynamicSize = dynamicSize;
  llvm::Expected<KernelFeatures> features =
      extractKernelFeatures(op, fixedRule, featureOptions);
  if (!features) {
    // Generics are candidates only if they are contractions; the named ops
    // always are, so a failure on them is worth saying.
    if (remarks && !isa<linalg::GenericOp>(op.getOperation()))
      emitRemark(op.getLoc(), "dfg-choose-codegen: no choice: ")
          << llvm::toString(features.takeError());
    else
      llvm::consumeError(features.takeError());
    return;
  }
  // The code generator tiles f32 kernels only.
  if (!features->isFloat || features->elementBits != 32)
    return;
  SmallVector<CodegenChoice> candidates = codegenCandidates(*features, bits);
  if (candidates.empty())
    return;
  bool convolution = features->kind == KernelKind::Convolution;

  SmallVector<RankedCandidate> ranked =
      rankCandidates(model, *features, candidates);
  llvm::Expected<KernelCost> fixedCost = model.predict(*features);
  if (ranked.empty() || !fixedCost) {
    if (!remarks) {
      if (!fixedCost)
        llvm::consumeError(fixedCost.takeError());
      return;
    }
    InFlightDiagnostic remark =
        emitRemark(op.getLoc(), "dfg-choose-codegen: no choice: the ")
        << model.getName() << " model predicts ";
    if (!fixedCost)
      remark << "no candidate: " << llvm::toString(fixedCost.takeError());
    else
      remark << "none of the candidates";
    return;
  }

  // The fixed rule stays unless a candidate is predicted at least min-gain
  // faster: smaller differences are within any model's error.
  const CodegenChoice &best = candidates[ranked.front().index];
  double bestNs = ranked.front().cost.timeNs;
  bool keepFixed = fixedCost->timeNs <= bestNs * (1 + minGain);
  CodegenChoice winner = keepFixed ? fixedRule : best;
  KernelCost winnerCost = keepFixed ? *fixedCost : ranked.front().cost;

  CodegenOverrides overrides;
  overrides.tileM = winner.tileM;
  overrides.tileN = winner.tileN;
  overrides.packRhs = winner.packing;
  if (convolution)
    overrides.im2col = winner.im2col;
  op->setAttr(kCodegenAttr, buildCodegenAttr(op->getContext(), overrides));

  if (!remarks)
    return;
  KernelFeatures winnerFeatures = *features;
  computeChoiceFeatures(winnerFeatures, winner);
  InFlightDiagnostic remark = emitRemark(op.getLoc())
                              << "dfg-choose-codegen: chose "
                              << describe(winner, convolution);
  if (keepFixed)
    remark << " (the fixed rule)";
  remark << ": " << formatTime(winnerCost.timeNs) << " by the "
         << model.getName() << " model";
  if (!keepFixed)
    remark << "; fixed rule " << describe(fixedRule, convolution) << ": "
           << formatTime(fixedCost->timeNs) << ", "
           << formatSlowdown(fixedCost->timeNs / winnerCost.timeNs)
           << " slower";
  else if (fixedCost->timeNs > bestNs)
    remark << "; the fastest candidate is only "
           << formatSlowdown(fixedCost->timeNs / bestNs)
           << " faster, below min-gain";
  unsigned shown = std::min<unsigned>(remarkCandidates, ranked.size());
  for (unsigned i = 0; i < shown; ++i) {
    remark << (i ? ", "
                 : "; fastest of " + std::to_string(ranked.size()) + ": ");
    remark << describeShort(candidates[ranked[i].index], convolution) << " "
           << formatTime(ranked[i].cost.timeNs);
  }
  remark << "; why: " << model.explain(winnerFeatures, winnerCost);
}

void ChooseCodegenPass::runOnOperation() {
  ModuleOp module = getOperation();
  if (failed(checkOptions(module)))
    return signalPassFailure();
  auto warn = [&](const Twine &message) {
    module.emitWarning("dfg-choose-codegen: ") << message;
  };
  MachineProfile machine =
      loadMachineProfileOrDefaults(profile, warn, getHostCPUName());
  llvm::Expected<std::unique_ptr<CostModel>> model =
      createCostModel(costModel, machine, warn);
  if (!model) {
    module.emitError("dfg-choose-codegen: ")
        << llvm::toString(model.takeError());
    return signalPassFailure();
  }

  unsigned bits = vectorBits ? vectorBits : machine.bestVectorBits();
  CodegenChoice fixedRule;
  fixedRule.tileM = tileM;
  fixedRule.tileN = tileN;
  fixedRule.packing = packRhs;
  fixedRule.im2col = im2col;
  fixedRule.vectorBits = bits;

  SmallVector<linalg::LinalgOp> ops;
  module.walk([&](linalg::LinalgOp op) {
    if (op->hasAttr(kCodegenAttr) || !op.hasPureTensorSemantics())
      return;
    if (isa<linalg::MatmulOp, linalg::BatchMatmulOp, linalg::Conv2DNchwFchwOp,
            linalg::GenericOp>(op.getOperation()))
      ops.push_back(op);
  });
  for (linalg::LinalgOp op : ops)
    choose(op, **model, fixedRule, bits);
}
