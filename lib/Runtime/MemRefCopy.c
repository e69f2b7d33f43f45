/*===- MemRefCopy.c - helpers the lowered code may call -------------------===*\
|*                                                                            *|
|* `memref.copy` between buffers that are not both contiguous lowers to a    *|
|* call of `memrefCopy` (upstream's libmlir_c_runner_utils). The model       *|
|* library carries its own copy so that it depends on libc and libm only.    *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include <stdint.h>
#include <string.h>

typedef struct {
  int64_t rank;
  void *descriptor;
} UnrankedMemRef;

/* Upstream's signature: void memrefCopy(int64_t elemSize,
 * UnrankedMemRefType<char> *src, UnrankedMemRefType<char> *dst). */
void memrefCopy(int64_t elementSize, UnrankedMemRef *source,
                UnrankedMemRef *target) {
  int64_t rank = source->rank;
  const int64_t *src = (const int64_t *)source->descriptor;
  const int64_t *dst = (const int64_t *)target->descriptor;
  const char *srcBase = (const char *)(intptr_t)src[1] + src[2] * elementSize;
  char *dstBase = (char *)(intptr_t)dst[1] + dst[2] * elementSize;
  const int64_t *sizes = src + 3;
  const int64_t *srcStrides = src + 3 + rank;
  const int64_t *dstStrides = dst + 3 + rank;

  int64_t count = 1;
  for (int64_t d = 0; d < rank; ++d)
    count *= sizes[d];
  for (int64_t linear = 0; linear < count; ++linear) {
    int64_t rest = linear, srcOffset = 0, dstOffset = 0;
    for (int64_t d = rank - 1; d >= 0; --d) {
      int64_t index = rest % sizes[d];
      rest /= sizes[d];
      srcOffset += index * srcStrides[d];
      dstOffset += index * dstStrides[d];
    }
    memcpy(dstBase + dstOffset * elementSize, srcBase + srcOffset * elementSize,
           (size_t)elementSize);
  }
}
