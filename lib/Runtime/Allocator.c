/*===- Allocator.c - buffers of the generated code, cached between runs ---===*\
|*                                                                            *|
|* dfg-compile lowers memref.alloc/dealloc to calls of the generic functions *|
|* below (finalize-memref-to-llvm{use-generic-functions}). With plain        *|
|* malloc/free, glibc serves every large buffer with a fresh mmap, so each   *|
|* run page-faults and clears all its intermediates again. Here a freed      *|
|* block of at least kMinCachedBytes is kept, while a model is open, in a    *|
|* small LRU cache, and an allocation takes the smallest cached block that   *|
|* fits without wasting more than the request.                               *|
|*                                                                            *|
|* Every block starts at a malloc'ed `base`; the pointer handed out is at    *|
|* least 16 bytes past it, aligned as asked (16 at least), and the header    *|
|* just before it records `base` and the malloc'ed size, so a cached block   *|
|* can serve a later request of another alignment.                           *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "Allocator.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct BlockHeader {
  void *base;
  size_t total; /* bytes malloc'ed at `base` */
  /* The run whose blocks this one is among (NULL: none), and its
   * neighbours in that run's list. */
  DfgRunBlocks *run;
  struct BlockHeader *prev, *next;
  void *unused;
} BlockHeader;

_Static_assert(sizeof(BlockHeader) % 16 == 0,
               "the header keeps 16-byte alignment");

enum {
  kMinAlignment = 16,
  kCacheEntries = 64,
};
/* Smaller blocks come from malloc's own bins, which are fast already. */
static const size_t kMinCachedBytes = 64 * 1024;

typedef struct {
  void *base;
  size_t total;
  uint64_t lastUse; /* 0: the entry is empty */
} CacheEntry;

static pthread_mutex_t cacheMutex = PTHREAD_MUTEX_INITIALIZER;
static CacheEntry cache[kCacheEntries];
static uint64_t useClock;
static int openModels;

static uintptr_t alignUp(uintptr_t value, size_t alignment) {
  return (value + alignment - 1) & ~(uintptr_t)(alignment - 1);
}

/* Where the user pointer of a block at `base` goes for `alignment`. */
static char *userPointer(void *base, size_t alignment) {
  return (char *)alignUp((uintptr_t)base + sizeof(BlockHeader), alignment);
}

/* The blocks of the run on this thread (NULL outside a run). */
static _Thread_local DfgRunBlocks *currentRun;

static void lockRun(DfgRunBlocks *run) {
  pthread_mutex_lock((pthread_mutex_t *)run->mutex);
}
static void unlockRun(DfgRunBlocks *run) {
  pthread_mutex_unlock((pthread_mutex_t *)run->mutex);
}

static void *placeBlock(void *base, size_t total, size_t alignment) {
  char *user = userPointer(base, alignment);
  BlockHeader *header = (BlockHeader *)user - 1;
  header->base = base;
  header->total = total;
  header->run = currentRun;
  header->prev = header->next = NULL;
  if (header->run) {
    lockRun(header->run);
    header->next = (BlockHeader *)header->run->head;
    if (header->next)
      header->next->prev = header;
    header->run->head = header;
    unlockRun(header->run);
  }
  return user;
}

/* Takes a block out of its run's list. */
static void untrack(BlockHeader *header) {
  DfgRunBlocks *run = header->run;
  if (!run)
    return;
  lockRun(run);
  if (header->prev)
    header->prev->next = header->next;
  else
    run->head = header->next;
  if (header->next)
    header->next->prev = header->prev;
  header->run = NULL;
  header->prev = header->next = NULL;
  unlockRun(run);
}

static pthread_mutex_t runMutexes[16] = {
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER};

void dfgAllocatorBeginRun(DfgRunBlocks *blocks) {
  blocks->head = NULL;
  /* A mutex of a small static pool, picked by address: runs on different
   * threads rarely share one, and nothing needs destroying. */
  blocks->mutex = &runMutexes[((uintptr_t)blocks >> 6) % 16];
  currentRun = blocks;
}

void dfgAllocatorEndRun(DfgRunBlocks *blocks, int release) {
  currentRun = NULL;
  lockRun(blocks);
  BlockHeader *header = (BlockHeader *)blocks->head;
  blocks->head = NULL;
  while (header) {
    BlockHeader *next = header->next;
    header->run = NULL;
    header->prev = header->next = NULL;
    if (release)
      free(header->base);
    header = next;
  }
  unlockRun(blocks);
}

/* Takes the smallest cached block that holds `size` bytes at `alignment`
 * and is at most twice the request; NULL when none does. */
static void *takeCached(size_t size, size_t alignment, size_t *total) {
  if (size > SIZE_MAX / 2 || 2 * size < kMinCachedBytes)
    return NULL;
  pthread_mutex_lock(&cacheMutex);
  int best = -1;
  for (int i = 0; i < kCacheEntries; ++i) {
    CacheEntry *entry = &cache[i];
    if (!entry->lastUse || entry->total > 2 * size)
      continue;
    size_t prefix =
        (size_t)(userPointer(entry->base, alignment) - (char *)entry->base);
    if (entry->total < prefix || entry->total - prefix < size)
      continue;
    if (best < 0 || entry->total < cache[best].total)
      best = i;
  }
  void *base = NULL;
  if (best >= 0) {
    base = cache[best].base;
    *total = cache[best].total;
    cache[best].lastUse = 0;
    cache[best].base = NULL;
  }
  pthread_mutex_unlock(&cacheMutex);
  return base;
}

static void *allocate(size_t size, size_t alignment) {
  if (alignment < kMinAlignment)
    alignment = kMinAlignment;
  /* Not a power of two: the generated code never asks for one. */
  if (alignment & (alignment - 1))
    return NULL;
  size_t total = 0;
  void *base = takeCached(size, alignment, &total);
  if (base)
    return placeBlock(base, total, alignment);
  /* malloc aligns to 16: the header plus the worst-case padding. */
  size_t padding = sizeof(BlockHeader) + alignment - kMinAlignment;
  if (size > SIZE_MAX - padding)
    return NULL;
  total = size + padding;
  base = malloc(total);
  if (!base)
    return NULL;
  return placeBlock(base, total, alignment);
}

void *_mlir_memref_to_llvm_alloc(size_t size) {
  return allocate(size, kMinAlignment);
}

void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t size) {
  return allocate(size, alignment);
}

void _mlir_memref_to_llvm_free(void *pointer) {
  if (!pointer)
    return;
  BlockHeader *header = (BlockHeader *)pointer - 1;
  untrack(header);
  void *base = header->base;
  size_t total = header->total;
  void *evicted = base;
  if (total >= kMinCachedBytes) {
    pthread_mutex_lock(&cacheMutex);
    if (openModels > 0) {
      /* An empty entry, else the least recently used one. */
      int victim = 0;
      for (int i = 0; i < kCacheEntries; ++i) {
        if (!cache[i].lastUse) {
          victim = i;
          break;
        }
        if (cache[i].lastUse < cache[victim].lastUse)
          victim = i;
      }
      evicted = cache[victim].base; /* NULL for an empty entry */
      cache[victim].base = base;
      cache[victim].total = total;
      cache[victim].lastUse = ++useClock;
    }
    pthread_mutex_unlock(&cacheMutex);
  }
  free(evicted);
}

/* Frees the cached blocks; the caller holds the mutex. */
static void releaseCacheLocked(void) {
  for (int i = 0; i < kCacheEntries; ++i) {
    free(cache[i].base);
    cache[i].base = NULL;
    cache[i].lastUse = 0;
  }
}

void dfgAllocatorModelOpened(void) {
  pthread_mutex_lock(&cacheMutex);
  ++openModels;
  pthread_mutex_unlock(&cacheMutex);
}

void dfgAllocatorModelClosed(void) {
  pthread_mutex_lock(&cacheMutex);
  if (openModels > 0 && --openModels == 0)
    releaseCacheLocked();
  pthread_mutex_unlock(&cacheMutex);
}

/* A library unloaded (or a process ending) with models still open. */
__attribute__((destructor)) static void releaseCacheAtExit(void) {
  pthread_mutex_lock(&cacheMutex);
  openModels = 0;
  releaseCacheLocked();
  pthread_mutex_unlock(&cacheMutex);
}
