//===- CostModel.cpp - Provider selection and ranking ---------------------===//

#include "dfg/CostModel/CostModel.h"
#include "dfg/CostModel/LearnedCostModel.h"
#include "dfg/CostModel/TextCostModel.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
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
  if (spec.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "expected a cost model: 'analytic', 'learned' or a model file");
  // A model that cannot be used (missing, corrupt, trained elsewhere) is a
  // warning and the analytic model, so that a stale flag or a model shipped
  // for another machine never stops a compile.
  HostMachine host = HostMachine::current();
  std::string path = spec.str();
  if (spec == "learned") {
    SmallVector<std::string> candidates = learnedCostModelCandidates(host.cpu);
    auto found = llvm::find_if(candidates, [](const std::string &candidate) {
      return llvm::sys::fs::exists(candidate);
    });
    if (found == candidates.end()) {
      warn("no learned cost model for this machine ('" + host.cpu +
           "'; looked for " + llvm::join(candidates, ", ") +
           "); using the analytic cost model (train one with "
           "bench/cost-model/train-and-evaluate.sh --collect)");
      return createAnalyticCostModel(profile);
    }
    path = *found;
  } else if (!llvm::sys::fs::exists(spec)) {
    warn("cost model file '" + spec +
         "' does not exist; using the analytic cost model");
    return createAnalyticCostModel(profile);
  }
  // A text model (TextCostModel.h), or else an XGBoost one.
  if (llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
          llvm::MemoryBuffer::getFile(path);
      buffer && isTextCostModelText((*buffer)->getBuffer())) {
    llvm::Expected<std::unique_ptr<CostModel>> text =
        loadTextCostModel(path, profile);
    if (text)
      return text;
    warn("cannot use cost model file '" + path + "': " +
         llvm::toString(text.takeError()) + "; using the analytic cost model");
    return createAnalyticCostModel(profile);
  }
  llvm::Expected<std::unique_ptr<XGBoostModel>> model =
      XGBoostModel::load(path, host);
  if (!model) {
    warn("cannot use cost model file '" + path + "': " +
         llvm::toString(model.takeError()) + "; using the analytic cost model");
    return createAnalyticCostModel(profile);
  }
  return createXGBoostCostModel(std::move(*model), path, profile);
}

std::vector<llvm::Expected<KernelCost>>
CostModel::predictAll(ArrayRef<KernelFeatures> kernels) const {
  std::vector<llvm::Expected<KernelCost>> costs;
  costs.reserve(kernels.size());
  for (const KernelFeatures &features : kernels)
    costs.push_back(predict(features));
  return costs;
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
  std::vector<llvm::Expected<KernelCost>> costs = model.predictAll(candidates);
  for (auto [index, cost] : llvm::enumerate(costs)) {
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
