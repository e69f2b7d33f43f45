/*===- ModelABI.h - what dfg-compile emits for the runtime --------*- C -*-===*\
|*                                                                            *|
|* The contract between the code dfg-compile generates (lib/Compiler) and    *|
|* the runtime linked next to it (lib/Runtime). Not part of the public API.  *|
|*                                                                            *|
|* The object file defines, with hidden visibility:                          *|
|*   const dfg_abi_model dfg_model_descriptor;                               *|
|* whose `entry` is the trampoline                                           *|
|*   void dfg_model_entry(void **args);                                      *|
|* args[0] points to the result: one memref descriptor per output, back to  *|
|* back; args[1 + i] points to the memref descriptor of input i. A rank-r   *|
|* memref descriptor is { void *allocated, void *aligned, int64_t offset,   *|
|* int64_t sizes[r], int64_t strides[r] }, all fields 8 bytes wide (64-bit  *|
|* hosts only). Every buffer, the outputs' `allocated` included, comes from *|
|* the runtime's _mlir_memref_to_llvm_alloc / _mlir_memref_to_llvm_aligned_ *|
|* alloc (lib/Runtime/Allocator.h); the outputs are caller-owned and go     *|
|* back through _mlir_memref_to_llvm_free, never free().                    *|
|*                                                                            *|
|* When `arena` is not NULL the entry also takes args[1 + num_inputs], the  *|
|* descriptor of a rank-1 i8 memref: the arena dfg-plan-memory placed the   *|
|* intermediate buffers in, 64-byte aligned and at least as large as        *|
|* `arena` says for the inputs of the run. `arena` is a flat list:          *|
|*   arena[0] = T, the number of terms, then per term:                       *|
|*   bytes, K, input_0, dim_0, ..., input_{K-1}, dim_{K-1}                   *|
|* and the size is the sum over terms of bytes * max(1, product of the K    *|
|* input dimensions).                                                        *|
|*                                                                            *|
|* `dim_groups` (NULL when there are none) lists the inputs' dynamic        *|
|* dimensions that share an ONNX name and so must be equal: G, then per     *|
|* group: K >= 2, input_0, dim_0, ..., input_{K-1}, dim_{K-1}.              *|
|* `dim_group_names` holds the G names, each ended by a NUL byte.           *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef DFG_RUNTIME_MODELABI_H
#define DFG_RUNTIME_MODELABI_H

#include <stdint.h>

/* 2: buffers through the runtime's allocator rather than malloc/free.
 * 3: the planned arena (`arena`, an extra entry argument) and the named
 *    dimensions that must agree (`dim_groups`). */
#define DFG_ABI_VERSION 3
#define DFG_ABI_DESCRIPTOR_SYMBOL "dfg_model_descriptor"
#define DFG_ABI_ENTRY_SYMBOL "dfg_model_entry"

/* The fields of the two descriptor structs, described once: the structs
 * below and the compiler's emitter (dfg-emit-model-descriptor) are both
 * generated from these lists. FIELD(TYPE, NAME, LLVM) gives the C type, the
 * name and the LLVM dialect type the compiler emits: I32 (i32), I64 (i64)
 * or PTR (!llvm.ptr); the emitter checks at compile time that the offsets
 * of the C struct are those of the LLVM struct. */
#define DFG_ABI_TENSOR_FIELDS(FIELD)                                           \
  FIELD(const char *, name, PTR)                                               \
  FIELD(int32_t, dtype, I32) /* a dfg_dtype */                                 \
  FIELD(int32_t, rank, I32)                                                    \
  /* -1 for a dynamic dimension; NULL when rank is 0 */                        \
  FIELD(const int64_t *, dims, PTR)

typedef struct dfg_abi_tensor dfg_abi_tensor;
typedef void (*dfg_abi_entry_fn)(void **args);

#define DFG_ABI_MODEL_FIELDS(FIELD)                                            \
  FIELD(int64_t, abi_version, I64)                                             \
  FIELD(int64_t, num_inputs, I64)                                              \
  FIELD(int64_t, num_outputs, I64)                                             \
  FIELD(const dfg_abi_tensor *, inputs, PTR)                                   \
  FIELD(const dfg_abi_tensor *, outputs, PTR)                                  \
  FIELD(dfg_abi_entry_fn, entry, PTR)                                          \
  FIELD(const int64_t *, arena, PTR) /* NULL: the entry takes no arena */      \
  FIELD(const int64_t *, dim_groups, PTR)                                      \
  FIELD(const char *, dim_group_names, PTR)

#define DFG_ABI_DECLARE_FIELD(TYPE, NAME, LLVM) TYPE NAME;

struct dfg_abi_tensor {
  DFG_ABI_TENSOR_FIELDS(DFG_ABI_DECLARE_FIELD)
};

typedef struct dfg_abi_model {
  DFG_ABI_MODEL_FIELDS(DFG_ABI_DECLARE_FIELD)
} dfg_abi_model;

#undef DFG_ABI_DECLARE_FIELD

#endif /* DFG_RUNTIME_MODELABI_H */
