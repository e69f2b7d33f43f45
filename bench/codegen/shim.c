/* The few runtime functions the benchmark's @main calls, so that a kernel
   can be compiled ahead of time into a standalone executable (and run on a
   machine without LLVM). */
#include <stdio.h>
#include <time.h>

double rtclock(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}
void printF64(double d) { printf("%g", d); }
void printF32(float f) { printf("%g", f); }
void printNewline(void) { printf("\n"); }

/* memref.copy between non-contiguous memrefs lowers to this call (see
   mlir/ExecutionEngine/CRunnerUtils.cpp); same ABI, element by element. */
#include <stdint.h>
#include <string.h>
typedef struct { int64_t rank; void *descriptor; } UnrankedMemRef;
typedef struct { char *allocated; char *aligned; int64_t offset; int64_t rest[]; } Descriptor;

static void copyDim(int64_t elemSize, int64_t rank, int64_t dim,
                    const int64_t *sizes, const int64_t *srcStrides,
                    const int64_t *dstStrides, const char *src, char *dst) {
  if (dim == rank) { memcpy(dst, src, elemSize); return; }
  for (int64_t i = 0; i < sizes[dim]; ++i)
    copyDim(elemSize, rank, dim + 1, sizes, srcStrides, dstStrides,
            src + i * srcStrides[dim] * elemSize,
            dst + i * dstStrides[dim] * elemSize);
}

void memrefCopy(int64_t elemSize, UnrankedMemRef *src, UnrankedMemRef *dst) {
  Descriptor *s = src->descriptor, *d = dst->descriptor;
  int64_t rank = src->rank;
  copyDim(elemSize, rank, 0, s->rest, s->rest + rank, d->rest + rank,
          s->aligned + s->offset * elemSize, d->aligned + d->offset * elemSize);
}
