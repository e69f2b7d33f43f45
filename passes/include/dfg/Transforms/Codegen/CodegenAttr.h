//===- CodegenAttr.h - per-op code-generation choices -----------*- C++ -*-===//
//
// `dfg.codegen`: the code-generation choice made for one linalg op (by
// dfg-choose-codegen, or by hand), which the code generation passes use in
// preference to their options:
//
//   linalg.matmul {dfg.codegen = {tile_m = 12 : i64, tile_n = 32 : i64,
//                                 pack_rhs = true}} ...
//
// Any subset of the keys: tile_m, tile_n (dfg-tile-contractions' tile-m and
// tile-n, positive integers), pack_rhs (its pack-rhs) and im2col
// (dfg-conv-to-contraction's im2col), booleans. One definition, here, for
// the passes that read it and the ones that write it.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_TRANSFORMS_CODEGEN_CODEGENATTR_H
#define DFG_TRANSFORMS_CODEGEN_CODEGENATTR_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Operation.h"

#include <optional>

namespace mlir::dfg {

/// Name of the per-op choice attribute (a DictionaryAttr).
inline constexpr llvm::StringLiteral kCodegenAttr = "dfg.codegen";

/// The fields of a `dfg.codegen` attribute; absent ones are left to the
/// passes' options.
struct CodegenOverrides {
  std::optional<int64_t> tileM;
  std::optional<int64_t> tileN;
  std::optional<bool> packRhs;
  std::optional<bool> im2col;

  bool empty() const { return !tileM && !tileN && !packRhs && !im2col; }
};

/// The `dfg.codegen` attribute of `op` (all fields absent when it has none).
/// A malformed one (not a dictionary, an unknown key, a tile size that is
/// not a positive integer, a flag that is not a boolean) is an error on `op`
/// whose message starts with `passName`, and a failure.
FailureOr<CodegenOverrides> getCodegenOverrides(Operation *op,
                                                StringRef passName);

/// The attribute holding the present fields of `overrides`.
DictionaryAttr buildCodegenAttr(MLIRContext *context,
                                const CodegenOverrides &overrides);

} // namespace mlir::dfg

#endif // DFG_TRANSFORMS_CODEGEN_CODEGENATTR_H
