/* Runs one loaded model from many threads at once through the C API and
 * checks every output bit for bit against a sequential run of the same
 * input, while another thread keeps loading, running and unloading a second
 * model library. Bounded: THREADS threads x ITERS runs, and the loader
 * stops when they are done.
 *
 *   concurrent-runs LIB OTHER_LIB THREADS ITERS SHAPE [SHAPE ...]
 *
 * LIB's model has one float32 input; each SHAPE ("2x16x64") is one input
 * the threads pick from, in a pseudo-random order of their own. Prints
 * "runs=N mismatches=M loads=L" and exits 0 only when M is 0 and every call
 * succeeded. With DFG_TEST_CORRUPT_EXPECTED set, one byte of the first
 * expected output is flipped first: the check must then fail. */
#include "dfg/Runtime/dfg_runtime.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef dfg_status (*OpenFn)(dfg_model **);
typedef void (*CloseFn)(dfg_model *);
typedef dfg_status (*RunFn)(dfg_model *, const dfg_tensor *const *, int32_t,
                            dfg_tensor **, int32_t);
typedef dfg_status (*CreateFn)(dfg_dtype, int32_t, const int64_t *,
                               const void *, dfg_tensor **);
typedef void (*FreeFn)(dfg_tensor *);
typedef const void *(*DataFn)(const dfg_tensor *);
typedef size_t (*BytesFn)(const dfg_tensor *);
typedef const char *(*ErrorFn)(void);

typedef struct {
  void *handle;
  OpenFn open;
  CloseFn close;
  RunFn run;
  CreateFn create;
  FreeFn free;
  DataFn data;
  BytesFn bytes;
  ErrorFn error;
} Api;

enum { kMaxShapes = 16, kMaxRank = 8 };

static Api api;
static dfg_model *model;
static int numShapes;
static int32_t ranks[kMaxShapes];
static int64_t dims[kMaxShapes][kMaxRank];
static dfg_tensor *inputs[kMaxShapes];
static void *expected[kMaxShapes];
static size_t expectedBytes[kMaxShapes];
static int iterations;
static const char *otherLibrary;
static atomic_int runs, mismatches, failures, loads, done;

static int loadApi(const char *path, Api *out) {
  out->handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!out->handle) {
    fprintf(stderr, "error: %s\n", dlerror());
    return 0;
  }
#define GET(field, name)                                                       \
  *(void **)&out->field = dlsym(out->handle, name);                            \
  if (!out->field) {                                                           \
    fprintf(stderr, "error: %s has no %s\n", path, name);                      \
    return 0;                                                                  \
  }
  GET(open, "dfg_model_open")
  GET(close, "dfg_model_close")
  GET(run, "dfg_model_run")
  GET(create, "dfg_tensor_create")
  GET(free, "dfg_tensor_free")
  GET(data, "dfg_tensor_const_data")
  GET(bytes, "dfg_tensor_size_bytes")
  GET(error, "dfg_last_error")
#undef GET
  return 1;
}

/* Runs `model` on input `i`; returns the output (NULL on failure). */
static dfg_tensor *runOnce(const Api *a, dfg_model *m, dfg_tensor *input) {
  const dfg_tensor *in[1] = {input};
  dfg_tensor *out[1] = {NULL};
  if (a->run(m, in, 1, out, 1) != DFG_OK) {
    fprintf(stderr, "error: run failed: %s\n", a->error());
    atomic_fetch_add(&failures, 1);
    return NULL;
  }
  return out[0];
}

static void *worker(void *arg) {
  unsigned state = (unsigned)(uintptr_t)arg * 2654435761u + 1;
  for (int i = 0; i < iterations; ++i) {
    state = state * 1103515245u + 12345u;
    int shape = (int)((state >> 16) % (unsigned)numShapes);
    dfg_tensor *out = runOnce(&api, model, inputs[shape]);
    if (!out)
      continue;
    if (api.bytes(out) != expectedBytes[shape] ||
        memcmp(api.data(out), expected[shape], expectedBytes[shape]) != 0)
      atomic_fetch_add(&mismatches, 1);
    api.free(out);
    atomic_fetch_add(&runs, 1);
  }
  return NULL;
}

/* Loads, runs and unloads the other library until the workers are done. */
static void *loader(void *arg) {
  (void)arg;
  while (!atomic_load(&done)) {
    Api other;
    if (!loadApi(otherLibrary, &other)) {
      atomic_fetch_add(&failures, 1);
      return NULL;
    }
    dfg_model *m = NULL;
    if (other.open(&m) != DFG_OK) {
      fprintf(stderr, "error: open failed: %s\n", other.error());
      atomic_fetch_add(&failures, 1);
    }
    other.close(m);
    dlclose(other.handle);
    atomic_fetch_add(&loads, 1);
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 6) {
    fprintf(stderr, "usage: %s LIB OTHER_LIB THREADS ITERS SHAPE...\n",
            argv[0]);
    return 2;
  }
  otherLibrary = argv[2];
  int threads = atoi(argv[3]);
  iterations = atoi(argv[4]);
  numShapes = argc - 5;
  if (threads < 1 || threads > 64 || iterations < 1 || numShapes > kMaxShapes) {
    fprintf(stderr, "error: bad arguments\n");
    return 2;
  }
  if (!loadApi(argv[1], &api) || api.open(&model) != DFG_OK)
    return 1;

  /* Inputs, and the outputs of one sequential run of each. */
  for (int s = 0; s < numShapes; ++s) {
    char *text = argv[5 + s], *end = text;
    int64_t count = 1;
    ranks[s] = 0;
    while (*end && ranks[s] < kMaxRank) {
      dims[s][ranks[s]] = strtoll(end, &end, 10);
      count *= dims[s][ranks[s]++];
      if (*end == 'x')
        ++end;
    }
    float *values = malloc((size_t)count * sizeof(float));
    for (int64_t i = 0; i < count; ++i)
      values[i] = (float)((i * 7919 + s * 104729) % 2001 - 1000) / 1000.0f;
    if (api.create(DFG_DTYPE_FLOAT32, ranks[s], dims[s], values, &inputs[s]) !=
        DFG_OK) {
      fprintf(stderr, "error: %s\n", api.error());
      return 1;
    }
    free(values);
    dfg_tensor *out = runOnce(&api, model, inputs[s]);
    if (!out)
      return 1;
    expectedBytes[s] = api.bytes(out);
    expected[s] = malloc(expectedBytes[s]);
    memcpy(expected[s], api.data(out), expectedBytes[s]);
    if (s == 0 && getenv("DFG_TEST_CORRUPT_EXPECTED"))
      ((unsigned char *)expected[s])[0] ^= 1;
    api.free(out);
  }

  pthread_t workers[64], load;
  pthread_create(&load, NULL, loader, NULL);
  for (int t = 0; t < threads; ++t)
    pthread_create(&workers[t], NULL, worker, (void *)(uintptr_t)(t + 1));
  for (int t = 0; t < threads; ++t)
    pthread_join(workers[t], NULL);
  atomic_store(&done, 1);
  pthread_join(load, NULL);

  printf("runs=%d mismatches=%d loads=%s\n", atomic_load(&runs),
         atomic_load(&mismatches), atomic_load(&loads) > 0 ? "some" : "none");
  for (int s = 0; s < numShapes; ++s) {
    api.free(inputs[s]);
    free(expected[s]);
  }
  api.close(model);
  return atomic_load(&mismatches) || atomic_load(&failures) ||
                 atomic_load(&runs) != threads * iterations
             ? 1
             : 0;
}
