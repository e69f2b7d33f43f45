/*===- Allocator.h - buffers of the generated code --------------*- C -*-===*\
|*                                                                            *|
|* Internal to the runtime. The generated code allocates and frees every     *|
|* buffer through the three generic functions of MLIR's memref-to-LLVM       *|
|* lowering; the outputs it returns are released with                        *|
|* _mlir_memref_to_llvm_free. Freed large blocks are cached while a model is *|
|* open and released when the last one is closed.                            *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef DFG_LIB_RUNTIME_ALLOCATOR_H
#define DFG_LIB_RUNTIME_ALLOCATOR_H

#include <stddef.h>

/* The signatures finalize-memref-to-llvm{use-generic-functions} declares:
 * (i64) -> ptr, (i64 alignment, i64 size) -> ptr, (ptr) -> (). */
void *_mlir_memref_to_llvm_alloc(size_t size);
void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t size);
void _mlir_memref_to_llvm_free(void *pointer);

/* Counts the open models: the cache only keeps blocks while one is. */
/* The blocks the generated code allocates during one run, so that a run
 * that ends early (a failed size guard, see Runtime.c) can free them. A
 * run tracks its blocks from dfgAllocatorBeginRun on its thread until
 * dfgAllocatorEndRun: with `release`, every block still allocated is freed;
 * otherwise they are left to their owners (the outputs). */
typedef struct DfgRunBlocks {
  void *head;  /* the most recent block's header, NULL when none */
  void *mutex; /* a pthread_mutex_t, for frees from other threads */
} DfgRunBlocks;
void dfgAllocatorBeginRun(DfgRunBlocks *blocks);
void dfgAllocatorEndRun(DfgRunBlocks *blocks, int release);

void dfgAllocatorModelOpened(void);
void dfgAllocatorModelClosed(void);

#endif /* DFG_LIB_RUNTIME_ALLOCATOR_H */
