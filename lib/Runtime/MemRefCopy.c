/*===- MemRefCopy.c - helpers the lowered code may call -------------------===*\
|*                                                                            *|
|* `memref.copy` between buffers that are not both contiguous lowers to a    *|
|* call of `memrefCopy` (upstream's libmlir_c_runner_utils). The model       *|
|* library carries its own copy so that it needs no MLIR library.            *|
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

  if (rank == 0) {
    memcpy(dstBase, srcBase, (size_t)elementSize);
    return;
  }
  for (int64_t d = 0; d < rank; ++d)
    if (sizes[d] == 0)
      return;
  /* Row by row along the innermost dimension: one memcpy per row when both
   * rows are contiguous (the common case: slices of padded or concatenated
   * tensors), a strided loop otherwise; the outer indices advance like an
   * odometer, without divisions. */
  int64_t inner = rank - 1;
  int64_t rowSize = sizes[inner];
  int contiguous = srcStrides[inner] == 1 && dstStrides[inner] == 1;
  int64_t index[rank > 0 ? rank : 1];
  memset(index, 0, sizeof(index));
  int64_t srcOffset = 0, dstOffset = 0;
  for (;;) {
    if (contiguous) {
      memcpy(dstBase + dstOffset * elementSize, srcBase + srcOffset * elementSize,
             (size_t)(rowSize * elementSize));
    } else {
      for (int64_t i = 0; i < rowSize; ++i)
        memcpy(dstBase + (dstOffset + i * dstStrides[inner]) * elementSize,
               srcBase + (srcOffset + i * srcStrides[inner]) * elementSize,
               (size_t)elementSize);
    }
    int64_t d = inner - 1;
    for (; d >= 0; --d) {
      ++index[d];
      srcOffset += srcStrides[d];
      dstOffset += dstStrides[d];
      if (index[d] < sizes[d])
        break;
      srcOffset -= index[d] * srcStrides[d];
      dstOffset -= index[d] * dstStrides[d];
      index[d] = 0;
    }
    if (d < 0)
      return;
  }
}
