/* Times the kernels of one shared library, for the cost-model corpus.

     timer LIB.so MANIFEST [--cpu N] [--min-ms MS] [--max-reps N]
           [--tries N] [--retry-spread S]

   LIB.so holds kernels compiled by collect.py (dfg-opt -> mlir-translate ->
   clang -O3 -march=native -shared), each with its C interface
   (`llvm.emit_c_interface`: `_mlir_ciface_NAME(results*, arg0*, ...)`, every
   memref as a descriptor {allocated, aligned, offset, sizes[r], strides[r]}).
   Each MANIFEST line describes one kernel:

     NAME NARGS NRESULTS TYPE:DIMS ... (arguments, then results)

   with TYPE one of f16 f32 f64 i1 i8 i16 i32 i64 and DIMS like 1x64x56x56
   ("-" for rank 0). For every kernel, in order, this prints one line

     NAME MEDIAN_NS P10_NS P90_NS REPS TRIES

   (or "NAME error WHY"). One thread pinned to one CPU (default: the last
   one); the inputs hold non-trivial values (positive, so that log, sqrt and
   division stay finite; integers 1-3); two warm-up calls (the faster one
   sizes the groups below); then calls until MIN_MS (default 20) have passed
   or MAX_REPS (default 1000) samples were taken, at least 10. When the
   spread (p90 - p10) / median of such a try exceeds S (default 0.1), the
   kernel is timed again, up to N tries (default 3), and the try with the
   smallest spread is reported: on a shared machine another process may
   take the CPU for milliseconds. A kernel shorter than 10 us is timed in groups
   of calls lasting about 10 us (a sample is the group's time over its calls),
   so that the clock's own cost does not count. Every call's results are read
   (one element each, into a volatile sink) and freed: the kernel lives in
   another object, reached through a pointer, so nothing is hoisted or
   deleted. malloc keeps freed memory (no mmap per call), so the outputs'
   pages fault in once, in the warm-up, as a runtime's arena would. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <malloc.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_OPERANDS 32
#define MAX_RANK 12
#define MIN_REPS 10

typedef struct {
  int bits;
  int bytes;   /* element size */
  int isFloat; /* 0: integer */
  int rank;
  int64_t sizes[MAX_RANK];
  int64_t count;
} Operand;

/* A memref descriptor as the C interface lays it out: two pointers, then
   offset, sizes and strides, all 8 bytes. */
static int64_t *makeDescriptor(const Operand *o, void *data) {
  int64_t *d = calloc(3 + 2 * MAX_RANK, sizeof(int64_t));
  d[0] = (int64_t)(intptr_t)data;
  d[1] = (int64_t)(intptr_t)data;
  d[2] = 0;
  int64_t stride = 1;
  for (int i = o->rank - 1; i >= 0; --i) {
    d[3 + i] = o->sizes[i];
    d[3 + o->rank + i] = stride;
    stride *= o->sizes[i];
  }
  return d;
}

static int parseOperand(const char *text, Operand *o) {
  char type[8];
  const char *colon = strchr(text, ':');
  if (!colon || colon - text >= (long)sizeof(type))
    return -1;
  memcpy(type, text, colon - text);
  type[colon - text] = 0;
  o->isFloat = type[0] == 'f';
  int bits = atoi(type + 1);
  o->bits = bits;
  o->bytes = bits <= 8 ? 1 : bits / 8;
  o->rank = 0;
  o->count = 1;
  const char *p = colon + 1;
  if (strcmp(p, "-") == 0)
    return 0;
  while (*p) {
    if (o->rank == MAX_RANK)
      return -1;
    char *end;
    long long size = strtoll(p, &end, 10);
    if (end == p || size < 0)
      return -1;
    o->sizes[o->rank++] = size;
    o->count *= size;
    p = *end == 'x' ? end + 1 : end;
    if (*end && *end != 'x')
      return -1;
  }
  return 0;
}

static void fill(const Operand *o, void *data) {
  for (int64_t i = 0; i < o->count; ++i) {
    double v = 0.5 + (double)((i * 37 + 11) % 101) / 101.0;
    int64_t n = 1 + i % 3;
    switch (o->bytes * 2 + o->isFloat) {
    case 2 * 2 + 1: { /* f16: the bits of 0.5 + a few mantissa steps */
      uint16_t h = (uint16_t)(0x3800 + (i * 37 + 11) % 1024);
      memcpy((char *)data + 2 * i, &h, 2);
      break;
    }
    case 4 * 2 + 1:
      ((float *)data)[i] = (float)v;
      break;
    case 8 * 2 + 1:
      ((double *)data)[i] = v;
      break;
    case 1 * 2:
      ((int8_t *)data)[i] = (int8_t)(o->bits == 1 ? n & 1 : n);
      break;
    case 2 * 2:
      ((int16_t *)data)[i] = (int16_t)n;
      break;
    case 4 * 2:
      ((int32_t *)data)[i] = (int32_t)n;
      break;
    case 8 * 2:
      ((int64_t *)data)[i] = n;
      break;
    default:
      memset((char *)data + (size_t)o->bytes * i, 1, o->bytes);
    }
  }
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmpDouble(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

typedef void (*Fn)();
#define A(i) args[i]
static void call(Fn f, void *res, void **args, int n) {
  switch (n) {
#define C(N, ...)                                                              \
  case N:                                                                      \
    ((void (*)())f)(res, ##__VA_ARGS__);                                       \
    break;
    C(0)
    C(1, A(0))
    C(2, A(0), A(1))
    C(3, A(0), A(1), A(2))
    C(4, A(0), A(1), A(2), A(3))
    C(5, A(0), A(1), A(2), A(3), A(4))
    C(6, A(0), A(1), A(2), A(3), A(4), A(5))
    C(7, A(0), A(1), A(2), A(3), A(4), A(5), A(6))
    C(8, A(0), A(1), A(2), A(3), A(4), A(5), A(6), A(7))
    C(9, A(0), A(1), A(2), A(3), A(4), A(5), A(6), A(7), A(8))
    C(10, A(0), A(1), A(2), A(3), A(4), A(5), A(6), A(7), A(8), A(9))
    C(11, A(0), A(1), A(2), A(3), A(4), A(5), A(6), A(7), A(8), A(9), A(10))
    C(12, A(0), A(1), A(2), A(3), A(4), A(5), A(6), A(7), A(8), A(9), A(10),
      A(11))
    C(13, A(0), A(1), A(2), A(3), A(4), A(5), A(6), A(7), A(8), A(9), A(10),
      A(11), A(12))
    C(14, A(0), A(1), A(2), A(3), A(4), A(5), A(6), A(7), A(8), A(9), A(10),
      A(11), A(12), A(13))
    C(15, A(0), A(1), A(2), A(3), A(4), A(5), A(6), A(7), A(8), A(9), A(10),
      A(11), A(12), A(13), A(14))
    C(16, A(0), A(1), A(2), A(3), A(4), A(5), A(6), A(7), A(8), A(9), A(10),
      A(11), A(12), A(13), A(14), A(15))
#undef C
  }
}

static volatile unsigned char sink;

/* Reads one byte of every result and frees it (unless it is an input). */
static void consume(int64_t *res, const Operand *results, int nResults,
                    void **inputs, int nInputs) {
  int64_t *d = res;
  for (int r = 0; r < nResults; ++r) {
    void *allocated = (void *)(intptr_t)d[0];
    char *aligned = (char *)(intptr_t)d[1];
    if (results[r].count > 0 && aligned)
      sink ^= (unsigned char)aligned[d[2] * results[r].bytes];
    int own = allocated != NULL;
    for (int i = 0; i < nInputs; ++i)
      if (allocated == inputs[i])
        own = 0;
    if (own)
      free(allocated);
    d += 3 + 2 * results[r].rank;
  }
}

static void timeKernel(void *lib, char *line, double minMs, int maxReps,
                       int maxTries, double retrySpread) {
  char *save;
  char *name = strtok_r(line, " \t\n", &save);
  if (!name)
    return;
  char *na = strtok_r(NULL, " \t\n", &save);
  char *nr = strtok_r(NULL, " \t\n", &save);
  int nArgs = na ? atoi(na) : -1, nResults = nr ? atoi(nr) : -1;
  if (nArgs < 0 || nResults < 1 || nArgs > 16 || nResults > MAX_OPERANDS) {
    printf("%s error bad manifest line\n", name);
    return;
  }
  Operand ops[2 * MAX_OPERANDS];
  for (int i = 0; i < nArgs + nResults; ++i) {
    char *t = strtok_r(NULL, " \t\n", &save);
    if (!t || parseOperand(t, &ops[i])) {
      printf("%s error bad operand %d\n", name, i);
      return;
    }
  }
  char symbol[512];
  snprintf(symbol, sizeof(symbol), "_mlir_ciface_%s", name);
  Fn f = (Fn)dlsym(lib, symbol);
  if (!f) {
    printf("%s error no symbol %s\n", name, symbol);
    return;
  }
  void *data[MAX_OPERANDS];
  void *args[MAX_OPERANDS];
  for (int i = 0; i < nArgs; ++i) {
    size_t bytes = (size_t)ops[i].count * ops[i].bytes;
    data[i] = aligned_alloc(64, (bytes + 63) / 64 * 64 + 64);
    fill(&ops[i], data[i]);
    args[i] = makeDescriptor(&ops[i], data[i]);
  }
  int64_t res[MAX_OPERANDS * (3 + 2 * MAX_RANK)];
  const Operand *results = ops + nArgs;

  /* Warm-up: pages, caches, lazy binding. */
  double t0 = now();
  call(f, res, args, nArgs);
  consume(res, results, nResults, data, nArgs);
  double first = now() - t0;
  t0 = now();
  call(f, res, args, nArgs);
  consume(res, results, nResults, data, nArgs);
  double second = now() - t0;
  double estimate = first < second ? first : second;
  int group = estimate < 1e4 ? (int)(1e4 / (estimate > 1 ? estimate : 1)) : 1;
  if (group < 1)
    group = 1;

  /* A try is a run of samples; a noisy one (another process took the
     CPU for a while) is tried again, and the try with the smallest spread
     is reported. */
  double *samples = malloc(sizeof(double) * (maxReps + MIN_REPS));
  double best[4] = {0, 0, 0, -1};
  int tries = 0;
  while (tries < maxTries) {
    ++tries;
    int reps = 0;
    double start = now();
    while (reps < MIN_REPS || (reps < maxReps && now() - start < minMs * 1e6)) {
      double s = now();
      for (int g = 0; g < group; ++g) {
        call(f, res, args, nArgs);
        consume(res, results, nResults, data, nArgs);
      }
      samples[reps++] = (now() - s) / group;
    }
    qsort(samples, reps, sizeof(double), cmpDouble);
    double median = reps % 2
                        ? samples[reps / 2]
                        : 0.5 * (samples[reps / 2 - 1] + samples[reps / 2]);
    double p10 = samples[(int)(0.1 * (reps - 1) + 0.5)];
    double p90 = samples[(int)(0.9 * (reps - 1) + 0.5)];
    double spread = (p90 - p10) / median;
    if (best[3] < 0 || spread < (best[2] - best[1]) / best[0]) {
      best[0] = median;
      best[1] = p10;
      best[2] = p90;
      best[3] = (double)reps * group;
    }
    if (spread <= retrySpread)
      break;
  }
  printf("%s %.1f %.1f %.1f %.0f %d\n", name, best[0], best[1], best[2],
         best[3], tries);
  fflush(stdout);
  free(samples);
  for (int i = 0; i < nArgs; ++i) {
    free(data[i]);
    free(args[i]);
  }
}

/* memref.copy between non-contiguous memrefs lowers to this call (see
   mlir/ExecutionEngine/CRunnerUtils.cpp); same ABI, element by element. The
   executable exports it (-rdynamic) for the kernels' libraries. */
typedef struct {
  int64_t rank;
  void *descriptor;
} UnrankedMemRef;

static void copyDim(int64_t elemSize, int64_t rank, int64_t dim,
                    const int64_t *sizes, const int64_t *srcStrides,
                    const int64_t *dstStrides, const char *src, char *dst) {
  if (dim == rank) {
    memcpy(dst, src, elemSize);
    return;
  }
  for (int64_t i = 0; i < sizes[dim]; ++i)
    copyDim(elemSize, rank, dim + 1, sizes, srcStrides, dstStrides,
            src + i * srcStrides[dim] * elemSize,
            dst + i * dstStrides[dim] * elemSize);
}

void memrefCopy(int64_t elemSize, UnrankedMemRef *src, UnrankedMemRef *dst) {
  int64_t *s = src->descriptor, *d = dst->descriptor;
  int64_t rank = src->rank;
  copyDim(elemSize, rank, 0, s + 3, s + 3 + rank, d + 3 + rank,
          (char *)(intptr_t)s[1] + s[2] * elemSize,
          (char *)(intptr_t)d[1] + d[2] * elemSize);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr,
            "usage: %s LIB.so MANIFEST [--cpu N] [--min-ms MS] "
            "[--max-reps N]\n",
            argv[0]);
    return 2;
  }
  int cpu = (int)sysconf(_SC_NPROCESSORS_ONLN) - 1;
  double minMs = 20;
  int maxReps = 1000;
  int maxTries = 3;
  double retrySpread = 0.1;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--cpu"))
      cpu = atoi(argv[i + 1]);
    else if (!strcmp(argv[i], "--min-ms"))
      minMs = atof(argv[i + 1]);
    else if (!strcmp(argv[i], "--max-reps"))
      maxReps = atoi(argv[i + 1]);
    else if (!strcmp(argv[i], "--tries"))
      maxTries = atoi(argv[i + 1]);
    else if (!strcmp(argv[i], "--retry-spread"))
      retrySpread = atof(argv[i + 1]);
    else {
      fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
  }
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (sched_setaffinity(0, sizeof(set), &set)) {
    perror("sched_setaffinity");
    return 1;
  }
  /* Freed blocks stay in the heap: no mmap and page faults per call. */
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "%s\n", dlerror());
    return 1;
  }
  FILE *manifest = fopen(argv[2], "r");
  if (!manifest) {
    perror(argv[2]);
    return 1;
  }
  char line[8192];
  while (fgets(line, sizeof(line), manifest))
    timeKernel(lib, line, minMs, maxReps, maxTries, retrySpread);
  fclose(manifest);
  return 0;
}
