//===- CostModel.h - How long will this kernel take? ------------*- C++ -*-===//
//
// The question passes ask before choosing tile sizes, lowerings, packing,
// fusion or placement: the predicted run time of one kernel (described by
// its KernelFeatures, for one CodegenChoice) on one machine. Providers
// implement CostModel: the analytic roofline over a MachineProfile and
// learned ones over the same features (LearnedCostModel.h).
//
// Dependencies run one way: dialects -> cost model -> passes. Nothing here
// links a pass.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_COSTMODEL_COSTMODEL_H
#define DFG_COSTMODEL_COSTMODEL_H

#include "dfg/CostModel/KernelFeatures.h"
#include "dfg/CostModel/MachineProfile.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace mlir::dfg::cost {

/// A prediction, with the parts it is made of so that a remark can explain
/// it and a pass can tell why one candidate beats another.
struct KernelCost {
  /// The prediction: max(computeNs, memoryNs) + overheadNs.
  double timeNs = 0;
  double computeNs = 0;
  double memoryNs = 0;
  double overheadNs = 0;
  /// The compute rate assumed (peak times efficiency), FLOP/s.
  double flopsPerSecond = 0;
  /// Bytes moved between the core and the memory hierarchy for this choice
  /// (operands, re-reads of tiles, im2col and packing copies).
  double bytesMoved = 0;
  /// Bytes of every buffer the kernel touches, and the level that holds them.
  double workingSetBytes = 0;
  std::string memoryLevel;
  bool computeBound() const { return computeNs >= memoryNs; }
};

class CostModel {
public:
  virtual ~CostModel();
  /// "analytic", ...: for remarks and logs.
  virtual llvm::StringRef getName() const = 0;
  /// Predicted time of the kernel `features` describes, for the choice in
  /// its choice fields. Deterministic; microseconds per call. Fails (with
  /// the reason) for kernels the provider cannot model.
  virtual llvm::Expected<KernelCost>
  predict(const KernelFeatures &features) const = 0;
  /// predict() for each of `kernels`, in order. Providers with a fixed cost
  /// per call (the learned one: XGBoost's per-call set-up) override it to
  /// predict them together; rankCandidates uses it.
  virtual std::vector<llvm::Expected<KernelCost>>
  predictAll(ArrayRef<KernelFeatures> kernels) const;
  /// One line explaining `cost` in the provider's terms.
  virtual std::string explain(const KernelFeatures &features,
                              const KernelCost &cost) const = 0;
};

/// The analytic roofline over `profile` (see docs/cost-model.md).
std::unique_ptr<CostModel> createAnalyticCostModel(MachineProfile profile);

/// The provider `spec` names: "analytic"; "learned", the model shipped or
/// trained for this machine (see learnedCostModelCandidates); anything else
/// the path of a model file: an XGBoost model (LearnedCostModel.h) or a text
/// model (TextCostModel.h). A model that is missing, corrupt, of another
/// format or feature list, or trained on another kind of machine is not an
/// error: `warn` says which file and why, and the analytic model over
/// `profile` is returned. Only an empty `spec` is an error.
llvm::Expected<std::unique_ptr<CostModel>>
createCostModel(llvm::StringRef spec, const MachineProfile &profile,
                llvm::function_ref<void(const llvm::Twine &)> warn);

/// The code-generation choices for `features`' kernel, the one candidate set
/// the compiler (dfg-choose-codegen), the corpus and the evaluation share.
/// For a contraction or convolution with a GEMM view: tileM in {1, 2, 4, 6,
/// 8, 12} x tileN in {8, 16, 32} x packing in {true, false}, in that order
/// (36); then, for a convolution that is not pointwise, the direct loops
/// (im2col false) with the default tiles, 6 x 16 packed (37). Every choice
/// has `vectorBits`, tileK 1 and, but for the last, im2col. Empty for other
/// kernels: the code generator has no choice to make for them.
SmallVector<CodegenChoice> codegenCandidates(const KernelFeatures &features,
                                             unsigned vectorBits);

/// One candidate's place in a ranking.
struct RankedCandidate {
  unsigned index = 0;
  KernelCost cost;
};

/// The candidates the model can predict, fastest first (ties keep their
/// input order); those it cannot are left out.
SmallVector<RankedCandidate>
rankCandidates(const CostModel &model, ArrayRef<KernelFeatures> candidates);

/// Ranks the choices for one kernel: `base` re-evaluated with each choice.
SmallVector<RankedCandidate> rankCandidates(const CostModel &model,
                                            const KernelFeatures &base,
                                            ArrayRef<CodegenChoice> choices);

} // namespace mlir::dfg::cost

#endif // DFG_COSTMODEL_COSTMODEL_H
