//===- DTypes.h - the runtime's element types, for C++ ----------*- C++ -*-===//
//
// The rows of DTypes.def as a C++ table, and the mapping between MLIR
// element types and `dfg_dtype` codes that the compiler (signature, model
// descriptor) and the runner (tensor files) share. Header-only: the passes,
// the compiler and the runner use it without a library between them.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_RUNTIME_DTYPES_H
#define DFG_RUNTIME_DTYPES_H

#include "dfg/Runtime/dfg_runtime.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Support/LLVM.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace mlir::dfg {

/// One row of DTypes.def.
struct DTypeInfo {
  int32_t code;
  /// The enumerator without its `DFG_DTYPE_` prefix ("FLOAT32").
  llvm::StringLiteral enumName;
  /// dfg_dtype_name's answer ("float32").
  llvm::StringLiteral name;
  unsigned size;
  /// numpy's dtype.str in a little-endian .npy file; empty if none.
  llvm::StringLiteral npy;
  Type (*getType)(MLIRContext *ctx);
};

/// Every element type of the runtime ABI, in DTypes.def's order.
inline ArrayRef<DTypeInfo> getDTypeTable() {
  static const DTypeInfo table[] = {
#define DFG_DTYPE(ENUM, CODE, NAME, SIZE, NPY, MLIR)                           \
  {CODE, #ENUM, NAME, SIZE, NPY, [](MLIRContext *ctx) -> Type { return MLIR; }},
#include "dfg/Runtime/DTypes.def"
  };
  return table;
}

/// The row of `code`, or null for a code the runtime does not carry.
inline const DTypeInfo *lookupDType(int32_t code) {
  for (const DTypeInfo &info : getDTypeTable())
    if (info.code == code)
      return &info;
  return nullptr;
}

/// The `dfg_dtype` code of the element type `type` (a signed integer as its
/// signless twin), or std::nullopt for a type the runtime does not carry.
inline std::optional<int32_t> getDTypeCode(Type type) {
  if (auto integer = dyn_cast<IntegerType>(type); integer && integer.isSigned())
    type = IntegerType::get(type.getContext(), integer.getWidth());
  for (const DTypeInfo &info : getDTypeTable())
    if (info.getType(type.getContext()) == type)
      return info.code;
  return std::nullopt;
}

/// The MLIR element type of `code`, or null for an invalid code.
inline Type getDTypeElementType(MLIRContext *ctx, int32_t code) {
  const DTypeInfo *info = lookupDType(code);
  return info ? info->getType(ctx) : Type();
}

/// Name of a `dfg_dtype` code ("float32", "uint8", ...), or "invalid", as
/// dfg_dtype_name says.
inline StringRef getDTypeName(int32_t code) {
  const DTypeInfo *info = lookupDType(code);
  return info ? StringRef(info->name) : StringRef("invalid");
}

/// Bytes per element of a `dfg_dtype` code, or 0 for an invalid one.
inline unsigned getDTypeSize(int32_t code) {
  const DTypeInfo *info = lookupDType(code);
  return info ? info->size : 0;
}

// The public enum and the table agree (lib/Runtime/DTypes.c checks the
// other direction: no enumerator is missing from the table).
#define DFG_DTYPE(ENUM, CODE, NAME, SIZE, NPY, MLIR)                           \
  static_assert(DFG_DTYPE_##ENUM == CODE,                                      \
                "DTypes.def and dfg_runtime.h disagree on DFG_DTYPE_" #ENUM);
#include "dfg/Runtime/DTypes.def"

} // namespace mlir::dfg

#endif // DFG_RUNTIME_DTYPES_H
