//===- KernelText.h - A kernel's MLIR as tokens -----------------*- C++ -*-===//
//
// The text model's view of a kernel ("ML-driven Hardware Cost Model for
// MLIR"): the kernel op's MLIR as a sequence of tokens, in two variants.
//
//  - ops: operation names in order, the kernel op then the ops of its body
//    (arith, math, linalg.yield);
//  - ops+operands: the same, each op followed by its operand and result
//    types (shapes with sizes bucketed), the kernel op's integer attributes
//    (strides, dilations), iterator types and indexing maps.
//
// Both end with the code-generation choice as tokens (tile_m=6, tile_n=16,
// pack_rhs=1, im2col=1, vector_bits=512): one text is timed under many
// choices. Only the kernel op is tokenized, never the function around it,
// so that a kernel extracted into a corpus function and the same op inside
// a whole model read the same.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_COSTMODEL_KERNELTEXT_H
#define DFG_COSTMODEL_KERNELTEXT_H

#include "dfg/CostModel/KernelFeatures.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mlir {
class Operation;
} // namespace mlir

namespace mlir::dfg::cost {

enum class TextVariant {
  /// Operation names only.
  Ops,
  /// Operation names, operand and result types, attributes.
  OpsAndOperands,
};

/// "op" or "op+operand", the names the model file and the tools use.
llvm::StringRef stringifyTextVariant(TextVariant variant);
std::optional<TextVariant> parseTextVariant(llvm::StringRef name);

/// A size as a token: exact up to 16, above that the nearest half power of
/// two ("~2^6", "~2^6.5"), so that shapes the corpus never saw still map to
/// known tokens; "?" for a dynamic size.
std::string bucketSize(int64_t size);

/// Whether `token` is an operation name ("linalg.matmul", "arith.addf"),
/// the tokens the ops variant keeps.
bool isOpNameToken(llvm::StringRef token);

/// The ops+operands tokens of the linalg op `kernel`, without the choice
/// (extractKernelFeatures stores them in KernelFeatures::textTokens).
SmallVector<std::string> tokenizeKernelOp(Operation *kernel);

/// The choice as tokens: tile_m=, tile_n=, pack_rhs=, im2col=, vector_bits=.
SmallVector<std::string> choiceTokens(const CodegenChoice &choice);

/// The model's input for a kernel (its textTokens) under `choice`: the
/// variant's tokens, at most `maxTokens` of them with the choice tokens
/// always kept at the end (0: no limit).
SmallVector<std::string> kernelTextTokens(const KernelFeatures &features,
                                          TextVariant variant,
                                          size_t maxTokens = 0);

} // namespace mlir::dfg::cost

#endif // DFG_COSTMODEL_KERNELTEXT_H
