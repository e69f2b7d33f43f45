//===- CostModel.cpp - Provider selection and ranking ---------------------===//

#include "dfg/CostModel/CostModel.h"
#include "dfg/CostModel/TextCostModel.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <vector>

using namespace mlir;
using namespace mlir::dfg::cost;

CostModel::~CostModel() = default;

llvm::Expected<std::unique_ptr<CostModel>> mlir::dfg::cost::createCostModel(
    llvm::StringRef spec, const MachineProfile &profile,
    llvm::function_ref<void(const llvm::Twine &)> warn) {
  if (spec == "analytic")
    return createAnalyticCostModel(profile);
  if (spec == "learned" || spec.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        spec.empty() ? "expected a cost model: 'analytic', 'learned' or a "
                       "model file"
                     : "the learned cost model is not implemented yet; use "
                       "'analytic'");
  // A path. A file that cannot be used (missing, corrupt, of a kind this
  // build cannot read, trained on another machine) is a warning and the
  // analytic model, so that a stale flag never stops a compile.
  if (!llvm::sys::fs::exists(spec)) {
    warn("cost model file '" + spec +
         "' does not exist; using the analytic cost model");
    return createAnalyticCostModel(profile);
  }
  if (llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
          llvm::MemoryBuffer::getFile(spec);
      buffer && isTextCostModelText((*buffer)->getBuffer())) {
    llvm::Expected<std::unique_ptr<CostModel>> model =
        loadTextCostModel(spec, profile);
    if (model)
      return model;
    warn("cannot use cost model file '" + spec + "': " +
         llvm::toString(model.takeError()) + "; using the analytic cost model");
    return createAnalyticCostModel(profile);
  }
  warn("cannot read cost model file '" + spec +
       "': not a model this build reads; using the analytic cost model");
  return createAnalyticCostModel(profile);
}

SmallVector<CodegenChoice>
mlir::dfg::cost::codegenCandidates(const KernelFeatures &features,
                                   unsigned vectorBits) {
  SmallVector<CodegenChoice> choices;
  bool gemm =
      features.hasGemmView && (features.kind == KernelKind::Contraction ||
                               features.kind == KernelKind::Convolution);
  if (!gemm)
    return choices;
  for (int64_t tileM : {1, 2, 4, 6, 8, 12}) {
    for (int64_t tileN : {8, 16, 32}) {
      for (bool packing : {true, false}) {
        CodegenChoice choice;
        choice.tileM = tileM;
        choice.tileN = tileN;
        choice.packing = packing;
        choice.im2col = true;
        choice.vectorBits = vectorBits;
        choices.push_back(choice);
      }
    }
  }
  if (features.kind == KernelKind::Convolution && !features.isPointwise) {
    CodegenChoice direct;
    direct.tileM = 6;
    direct.tileN = 16;
    direct.packing = true;
    direct.im2col = false;
    direct.vectorBits = vectorBits;
    choices.push_back(direct);
  }
  return choices;
}

SmallVector<RankedCandidate>
mlir::dfg::cost::rankCandidates(const CostModel &model,
                                ArrayRef<KernelFeatures> candidates) {
  SmallVector<RankedCandidate> ranked;
  for (auto [index, features] : llvm::enumerate(candidates)) {
    llvm::Expected<KernelCost> cost = model.predict(features);
    if (!cost) {
      llvm::consumeError(cost.takeError());
      continue;
    }
    ranked.push_back({static_cast<unsigned>(index), *cost});
  }
  llvm::stable_sort(ranked,
                    [](const RankedCandidate &a, const RankedCandidate &b) {
                      return a.cost.timeNs < b.cost.timeNs;
                    });
  return ranked;
}

SmallVector<RankedCandidate>
mlir::dfg::cost::rankCandidates(const CostModel &model,
                                const KernelFeatures &base,
                                ArrayRef<CodegenChoice> choices) {
  std::vector<KernelFeatures> candidates;
  for (const CodegenChoice &choice : choices) {
    candidates.push_back(base);
    computeChoiceFeatures(candidates.back(), choice);
  }
  return rankCandidates(model, candidates);
}
