/*===- Runtime.c - C API of a model compiled by dfg-compile ---------------===*\
|*                                                                            *|
|* Linked into every model library as a static archive. It depends on libc   *|
|* and libomp only and exports nothing but the dfg_* API (built              *|
|* -fvisibility=hidden).                                                      *|
|* Errors are returned with a message, never reported by aborting: the input *|
|* tensors come from users.                                                   *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "dfg/Runtime/dfg_runtime.h"
#include "dfg/Runtime/ModelABI.h"

#include "Allocator.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Defined by the object file dfg-compile emits. */
extern const dfg_abi_model dfg_model_descriptor;

/* libomp's API (omp.h), which runs the generated code's parallel loops.
 * Weak: a program that links this archive without libomp (the unit tests)
 * has no parallel loops to size. */
extern void omp_set_num_threads(int) __attribute__((weak));
extern int omp_get_max_threads(void) __attribute__((weak));
extern int omp_get_num_procs(void) __attribute__((weak));
extern int omp_get_thread_limit(void) __attribute__((weak));

/* Arenas not in use by a run. A run takes one large enough (or replaces
 * the largest one) and gives it back, so a model run from one thread
 * allocates its arena once, and runs on several threads never share one. */
enum { kMaxFreeArenas = 8, kArenaAlignment = 64 };

/* The most threads a run may use (dfg_model_set_num_threads). */
enum { kMaxThreads = 1024 };

typedef struct {
  void *data;
  size_t bytes;
} Arena;

struct dfg_model {
  const dfg_abi_model *abi;
  /* Threads per run, as set by dfg_model_set_num_threads; 0: all cores. */
  _Atomic int32_t numThreads;
  pthread_mutex_t arenaMutex;
  Arena freeArenas[kMaxFreeArenas];
  int numFreeArenas;
  /* The largest arena a run may allocate (dfg_model_set_arena_limit). */
  size_t arenaLimit;
};

struct dfg_tensor {
  dfg_dtype dtype;
  int32_t rank;
  int64_t *dims;
  void *data;
  /* What to release; NULL when nothing is owned (an empty tensor). */
  void *allocation;
  /* `allocation` is an output of the generated code, which comes from the
   * runtime's allocator (ModelABI.h); otherwise from malloc. */
  int generatedAllocation;
};

static void releaseAllocation(dfg_tensor *tensor) {
  if (tensor->generatedAllocation)
    _mlir_memref_to_llvm_free(tensor->allocation);
  else
    free(tensor->allocation);
}

static _Thread_local char lastError[1024];

static dfg_status fail(dfg_status status, const char *format, ...) {
  va_list args;
  va_start(args, format);
  vsnprintf(lastError, sizeof(lastError), format, args);
  va_end(args);
  return status;
}

const char *dfg_last_error(void) { return lastError; }

const char *dfg_status_name(dfg_status status) {
  switch (status) {
  case DFG_OK:
    return "DFG_OK";
  case DFG_ERR_INVALID_ARGUMENT:
    return "DFG_ERR_INVALID_ARGUMENT";
  case DFG_ERR_MISSING_INPUT:
    return "DFG_ERR_MISSING_INPUT";
  case DFG_ERR_SHAPE_MISMATCH:
    return "DFG_ERR_SHAPE_MISMATCH";
  case DFG_ERR_DTYPE_MISMATCH:
    return "DFG_ERR_DTYPE_MISMATCH";
  case DFG_ERR_OUT_OF_MEMORY:
    return "DFG_ERR_OUT_OF_MEMORY";
  case DFG_ERR_INTERNAL:
    return "DFG_ERR_INTERNAL";
  }
  return "invalid status";
}

/* dfg_dtype_name and dfg_dtype_size: DTypes.c, from the table. */

/*===----------------------------------------------------------------------===*/
/* Tensors                                                                    */
/*===----------------------------------------------------------------------===*/

/* Number of elements of `dims`, or -1 on a negative dimension or overflow of
 * the byte size. */
static int64_t countElements(int32_t rank, const int64_t *dims,
                             size_t elementSize) {
  int64_t count = 1;
  for (int32_t i = 0; i < rank; ++i) {
    if (dims[i] < 0)
      return -1;
    if (dims[i] != 0 && count > (INT64_MAX / (int64_t)elementSize) / dims[i])
      return -1;
    count *= dims[i];
  }
  return count;
}

/* A tensor record without data; `dims` is copied. */
static dfg_tensor *newTensor(dfg_dtype dtype, int32_t rank,
                             const int64_t *dims) {
  dfg_tensor *tensor = (dfg_tensor *)calloc(1, sizeof(dfg_tensor));
  if (!tensor)
    return NULL;
  tensor->dtype = dtype;
  tensor->rank = rank;
  tensor->dims = (int64_t *)malloc(sizeof(int64_t) * (rank ? rank : 1));
  if (!tensor->dims) {
    free(tensor);
    return NULL;
  }
  for (int32_t i = 0; i < rank; ++i)
    tensor->dims[i] = dims[i];
  return tensor;
}

dfg_status dfg_tensor_create(dfg_dtype dtype, int32_t rank,
                             const int64_t *dims, const void *data,
                             dfg_tensor **tensor) {
  if (!tensor)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "dfg_tensor_create: the result pointer is NULL");
  *tensor = NULL;
  size_t elementSize = dfg_dtype_size(dtype);
  if (!elementSize)
    return fail(DFG_ERR_INVALID_ARGUMENT, "dfg_tensor_create: invalid dtype %d",
                (int)dtype);
  if (rank < 0)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "dfg_tensor_create: negative rank %d", (int)rank);
  if (rank > 0 && !dims)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "dfg_tensor_create: dims is NULL for rank %d", (int)rank);
  int64_t count = countElements(rank, dims, elementSize);
  if (count < 0)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "dfg_tensor_create: a dimension is negative or the size "
                "overflows");
  size_t bytes = (size_t)count * elementSize;
  dfg_tensor *result = newTensor(dtype, rank, dims);
  if (!result)
    return fail(DFG_ERR_OUT_OF_MEMORY, "dfg_tensor_create: out of memory");
  if (bytes) {
    result->allocation = data ? malloc(bytes) : calloc(1, bytes);
    if (!result->allocation) {
      dfg_tensor_free(result);
      return fail(DFG_ERR_OUT_OF_MEMORY,
                  "dfg_tensor_create: cannot allocate %zu bytes", bytes);
    }
    if (data)
      memcpy(result->allocation, data, bytes);
  }
  result->data = result->allocation;
  *tensor = result;
  return DFG_OK;
}

void dfg_tensor_free(dfg_tensor *tensor) {
  if (!tensor)
    return;
  releaseAllocation(tensor);
  free(tensor->dims);
  free(tensor);
}

void *dfg_tensor_data(dfg_tensor *tensor) {
  return tensor ? tensor->data : NULL;
}

const void *dfg_tensor_const_data(const dfg_tensor *tensor) {
  return tensor ? tensor->data : NULL;
}

dfg_dtype dfg_tensor_dtype(const dfg_tensor *tensor) {
  return tensor ? tensor->dtype : (dfg_dtype)0;
}

int32_t dfg_tensor_rank(const dfg_tensor *tensor) {
  return tensor ? tensor->rank : -1;
}

const int64_t *dfg_tensor_shape(const dfg_tensor *tensor) {
  return tensor ? tensor->dims : NULL;
}

int64_t dfg_tensor_num_elements(const dfg_tensor *tensor) {
  if (!tensor)
    return 0;
  int64_t count = 1;
  for (int32_t i = 0; i < tensor->rank; ++i)
    count *= tensor->dims[i];
  return count;
}

size_t dfg_tensor_size_bytes(const dfg_tensor *tensor) {
  return (size_t)dfg_tensor_num_elements(tensor) *
         dfg_dtype_size(dfg_tensor_dtype(tensor));
}

/*===----------------------------------------------------------------------===*/
/* Models                                                                     */
/*===----------------------------------------------------------------------===*/

/* The machine's physical memory in bytes (SIZE_MAX when unknown): the
 * default arena limit. */
static size_t physicalMemory(void) {
  long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || pageSize <= 0 ||
      (unsigned long)pages > SIZE_MAX / (unsigned long)pageSize)
    return SIZE_MAX;
  return (size_t)pages * (size_t)pageSize;
}

dfg_status dfg_model_open(dfg_model **model) {
  if (!model)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "dfg_model_open: the result pointer is NULL");
  *model = NULL;
  const dfg_abi_model *abi = &dfg_model_descriptor;
  if (abi->abi_version != DFG_ABI_VERSION)
    return fail(DFG_ERR_INTERNAL,
                "dfg_model_open: the model was compiled for ABI version %lld, "
                "the runtime expects %d",
                (long long)abi->abi_version, DFG_ABI_VERSION);
  dfg_model *result = (dfg_model *)calloc(1, sizeof(dfg_model));
  if (!result)
    return fail(DFG_ERR_OUT_OF_MEMORY, "dfg_model_open: out of memory");
  result->abi = abi;
  result->arenaLimit = physicalMemory();
  pthread_mutex_init(&result->arenaMutex, NULL);
  dfgAllocatorModelOpened();
  *model = result;
  return DFG_OK;
}

dfg_status dfg_model_set_arena_limit(dfg_model *model, size_t bytes) {
  if (!model)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "dfg_model_set_arena_limit: model is NULL");
  model->arenaLimit = bytes ? bytes : physicalMemory();
  return DFG_OK;
}

void dfg_model_close(dfg_model *model) {
  if (!model)
    return;
  for (int i = 0; i < model->numFreeArenas; ++i)
    free(model->freeArenas[i].data);
  pthread_mutex_destroy(&model->arenaMutex);
  free(model);
  dfgAllocatorModelClosed();
}

/* The threads a run uses: `requested`, or one per core available to the
 * process for 0; 1 without libomp. */
static int32_t resolveThreads(int32_t requested) {
  if (!omp_get_num_procs)
    return 1;
  if (requested > 0)
    return requested;
  int procs = omp_get_num_procs();
  return procs > 0 ? procs : 1;
}

dfg_status dfg_model_set_num_threads(dfg_model *model, int32_t num_threads) {
  if (!model)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "dfg_model_set_num_threads: model is NULL");
  if (num_threads < 0)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "dfg_model_set_num_threads: the thread count must be 0 (all "
                "cores) or positive, got %d",
                (int)num_threads);
  /* libomp's own limit is INT_MAX by default; far beyond any machine's
   * cores, a count only makes libomp warn and shrink the team. */
  int limit = omp_get_thread_limit ? omp_get_thread_limit() : 1;
  if (limit > kMaxThreads)
    limit = kMaxThreads;
  if (num_threads > limit)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "dfg_model_set_num_threads: %d threads is more than the "
                "limit of %d",
                (int)num_threads, limit);
  atomic_store(&model->numThreads, num_threads);
  return DFG_OK;
}

int32_t dfg_model_num_threads(const dfg_model *model) {
  if (!model)
    return -1;
  return resolveThreads(atomic_load(&model->numThreads));
}

int32_t dfg_model_num_inputs(const dfg_model *model) {
  return model ? (int32_t)model->abi->num_inputs : -1;
}

int32_t dfg_model_num_outputs(const dfg_model *model) {
  return model ? (int32_t)model->abi->num_outputs : -1;
}

static dfg_status tensorInfo(const char *function, const dfg_model *model,
                             int32_t index, dfg_tensor_info *info,
                             int64_t count, const dfg_abi_tensor *tensors) {
  if (!model || !info)
    return fail(DFG_ERR_INVALID_ARGUMENT, "%s: %s is NULL", function,
                model ? "info" : "model");
  if (index < 0 || index >= count)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "%s: index %d is out of range (the model has %lld)", function,
                (int)index, (long long)count);
  const dfg_abi_tensor *tensor = &tensors[index];
  info->name = tensor->name;
  info->dtype = (dfg_dtype)tensor->dtype;
  info->rank = tensor->rank;
  info->dims = tensor->dims;
  return DFG_OK;
}

dfg_status dfg_model_input_info(const dfg_model *model, int32_t index,
                                dfg_tensor_info *info) {
  return tensorInfo("dfg_model_input_info", model, index, info,
                    model ? model->abi->num_inputs : 0,
                    model ? model->abi->inputs : NULL);
}

dfg_status dfg_model_output_info(const dfg_model *model, int32_t index,
                                 dfg_tensor_info *info) {
  return tensorInfo("dfg_model_output_info", model, index, info,
                    model ? model->abi->num_outputs : 0,
                    model ? model->abi->outputs : NULL);
}

/* Writes "[2, ?, 4]" into `buffer`. */
static const char *formatDims(char *buffer, size_t size, int32_t rank,
                              const int64_t *dims) {
  size_t used = 0;
  used += (size_t)snprintf(buffer + used, size - used, "[");
  for (int32_t i = 0; i < rank && used < size; ++i) {
    if (dims[i] < 0)
      used += (size_t)snprintf(buffer + used, size - used, "%s?",
                               i ? ", " : "");
    else
      used += (size_t)snprintf(buffer + used, size - used, "%s%lld",
                               i ? ", " : "", (long long)dims[i]);
  }
  if (used < size)
    snprintf(buffer + used, size - used, "]");
  return buffer;
}

static dfg_status checkInput(const dfg_abi_tensor *expected, int32_t index,
                             const dfg_tensor *input) {
  char want[256], got[256];
  if (!input)
    return fail(DFG_ERR_MISSING_INPUT, "input '%s' (#%d) is missing (NULL)",
                expected->name, (int)index);
  if ((int32_t)input->dtype != expected->dtype)
    return fail(DFG_ERR_DTYPE_MISMATCH,
                "input '%s' (#%d): expected dtype %s, got %s", expected->name,
                (int)index, dfg_dtype_name((dfg_dtype)expected->dtype),
                dfg_dtype_name(input->dtype));
  if (input->rank != expected->rank)
    return fail(DFG_ERR_SHAPE_MISMATCH,
                "input '%s' (#%d): expected rank %d (shape %s), got rank %d "
                "(shape %s)",
                expected->name, (int)index, (int)expected->rank,
                formatDims(want, sizeof(want), expected->rank, expected->dims),
                (int)input->rank,
                formatDims(got, sizeof(got), input->rank, input->dims));
  for (int32_t d = 0; d < expected->rank; ++d) {
    if (expected->dims[d] < 0 || expected->dims[d] == input->dims[d])
      continue;
    return fail(DFG_ERR_SHAPE_MISMATCH,
                "input '%s' (#%d): dimension %d: expected %lld, got %lld "
                "(expected shape %s, got %s)",
                expected->name, (int)index, (int)d,
                (long long)expected->dims[d], (long long)input->dims[d],
                formatDims(want, sizeof(want), expected->rank, expected->dims),
                formatDims(got, sizeof(got), input->rank, input->dims));
  }
  return DFG_OK;
}

/* Size in int64 words of a rank-`rank` memref descriptor. */
static size_t descriptorWords(int32_t rank) { return 3 + 2 * (size_t)rank; }

/* The arena bytes a run with `inputs` (already checked) needs, from the
 * formula of ModelABI.h; 0 when the model takes no arena. */
static dfg_status arenaBytes(const dfg_abi_model *abi,
                             const dfg_tensor *const *inputs, size_t *bytes) {
  *bytes = 0;
  const int64_t *formula = abi->arena;
  if (!formula)
    return DFG_OK;
  int64_t terms = *formula++;
  uint64_t total = 0;
  for (int64_t t = 0; t < terms; ++t) {
    uint64_t term = (uint64_t)*formula++;
    int64_t factors = *formula++;
    uint64_t unit = 1;
    for (int64_t f = 0; f < factors; ++f) {
      int64_t input = *formula++, dim = *formula++;
      if (input < 0 || input >= abi->num_inputs || dim < 0 ||
          dim >= inputs[input]->rank)
        return fail(DFG_ERR_INTERNAL,
                    "dfg_model_run: the arena formula is inconsistent");
      if (__builtin_mul_overflow(unit, (uint64_t)inputs[input]->dims[dim],
                                 &unit))
        return fail(DFG_ERR_OUT_OF_MEMORY,
                    "dfg_model_run: the inputs need an arena of more than "
                    "2^64 bytes");
    }
    if (unit == 0)
      unit = 1;
    if (__builtin_mul_overflow(term, unit, &term) ||
        __builtin_add_overflow(total, term, &total) || total > SIZE_MAX)
      return fail(DFG_ERR_OUT_OF_MEMORY,
                  "dfg_model_run: the inputs need an arena of more than "
                  "2^64 bytes");
  }
  *bytes = (size_t)total;
  return DFG_OK;
}

/* An arena of at least `bytes`, 64-byte aligned: a free one of the model
 * when one is large enough, else a new one (the largest free one, too
 * small, is released). */
static int acquireArena(dfg_model *model, size_t bytes, Arena *arena) {
  pthread_mutex_lock(&model->arenaMutex);
  int best = -1;
  for (int i = 0; i < model->numFreeArenas; ++i)
    if (model->freeArenas[i].bytes >= bytes &&
        (best < 0 || model->freeArenas[i].bytes < model->freeArenas[best].bytes))
      best = i;
  if (best < 0 && model->numFreeArenas > 0) {
    best = 0;
    for (int i = 1; i < model->numFreeArenas; ++i)
      if (model->freeArenas[i].bytes > model->freeArenas[best].bytes)
        best = i;
    free(model->freeArenas[best].data);
    model->freeArenas[best] = (Arena){NULL, 0};
  }
  if (best >= 0) {
    *arena = model->freeArenas[best];
    model->freeArenas[best] = model->freeArenas[--model->numFreeArenas];
  } else {
    *arena = (Arena){NULL, 0};
  }
  pthread_mutex_unlock(&model->arenaMutex);
  if (arena->data)
    return 1;
  size_t rounded = (bytes + kArenaAlignment - 1) / kArenaAlignment *
                   kArenaAlignment;
  if (rounded < bytes)
    return 0;
  if (rounded == 0)
    rounded = kArenaAlignment;
  arena->data = aligned_alloc(kArenaAlignment, rounded);
  arena->bytes = rounded;
  return arena->data != NULL;
}

static void releaseArena(dfg_model *model, Arena arena) {
  pthread_mutex_lock(&model->arenaMutex);
  if (model->numFreeArenas < kMaxFreeArenas) {
    model->freeArenas[model->numFreeArenas++] = arena;
    arena.data = NULL;
  }
  pthread_mutex_unlock(&model->arenaMutex);
  free(arena.data);
}

/* Checks the inputs of a run or an arena query. */
static dfg_status checkInputs(const char *function, const dfg_abi_model *abi,
                              const dfg_tensor *const *inputs,
                              int32_t num_inputs) {
  if (num_inputs != abi->num_inputs)
    return fail(DFG_ERR_MISSING_INPUT, "%s: the model has %lld inputs, got %d",
                function, (long long)abi->num_inputs, (int)num_inputs);
  if (num_inputs > 0 && !inputs)
    return fail(DFG_ERR_MISSING_INPUT, "%s: inputs is NULL", function);
  for (int32_t i = 0; i < num_inputs; ++i) {
    dfg_status status = checkInput(&abi->inputs[i], i, inputs[i]);
    if (status != DFG_OK)
      return status;
  }
  /* Dimensions that share a name in the model must agree. */
  const int64_t *groups = abi->dim_groups;
  const char *name = abi->dim_group_names;
  int64_t count = groups ? *groups++ : 0;
  for (int64_t g = 0; g < count; ++g) {
    int64_t members = *groups++;
    const int64_t *first = groups;
    for (int64_t m = 0; m < members; ++m, groups += 2) {
      int64_t input = groups[0], dim = groups[1];
      if (input < 0 || input >= num_inputs || dim < 0 ||
          dim >= inputs[input]->rank || first[0] >= num_inputs ||
          first[1] >= inputs[first[0]]->rank)
        return fail(DFG_ERR_INTERNAL,
                    "%s: the model's dimension table is inconsistent",
                    function);
      int64_t want = inputs[first[0]]->dims[first[1]];
      int64_t got = inputs[input]->dims[dim];
      if (got != want)
        return fail(DFG_ERR_SHAPE_MISMATCH,
                    "input '%s' (#%d): dimension %d ('%s') is %lld, but "
                    "input '%s' (#%d) has '%s' = %lld",
                    abi->inputs[input].name, (int)input, (int)dim, name,
                    (long long)got, abi->inputs[first[0]].name,
                    (int)first[0], name, (long long)want);
    }
    name += strlen(name) + 1;
  }
  return DFG_OK;
}

dfg_status dfg_model_arena_size(const dfg_model *model,
                                const dfg_tensor *const *inputs,
                                int32_t num_inputs, size_t *bytes) {
  if (!model || !bytes)
    return fail(DFG_ERR_INVALID_ARGUMENT, "dfg_model_arena_size: %s is NULL",
                model ? "bytes" : "model");
  *bytes = 0;
  dfg_status status =
      checkInputs("dfg_model_arena_size", model->abi, inputs, num_inputs);
  if (status != DFG_OK)
    return status;
  return arenaBytes(model->abi, inputs, bytes);
}

/* Turns the output memref at `desc` into a tensor. The generated code hands
 * over ownership of `allocated`; it is adopted unless another output already
 * took it or the layout is not the dense row-major one, in which case the
 * data is copied. The lowering never returns an input's buffer (it clones
 * them), but an output aliasing an input would be copied, not freed. */
static dfg_status adoptOutput(const dfg_abi_tensor *info, int64_t *desc,
                              dfg_tensor **adopted, int32_t index,
                              const dfg_tensor *const *inputs,
                              int32_t numInputs, dfg_tensor **result) {
  int32_t rank = info->rank;
  void *allocated = (void *)(intptr_t)desc[0];
  char *aligned = (char *)(intptr_t)desc[1];
  int64_t offset = desc[2];
  const int64_t *sizes = desc + 3;
  const int64_t *strides = desc + 3 + rank;
  size_t elementSize = dfg_dtype_size((dfg_dtype)info->dtype);

  dfg_tensor *tensor = newTensor((dfg_dtype)info->dtype, rank, sizes);
  if (!tensor)
    return fail(DFG_ERR_OUT_OF_MEMORY, "dfg_model_run: out of memory");
  int dense = 1;
  int64_t expectedStride = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    if (sizes[d] != 1 && strides[d] != expectedStride)
      dense = 0;
    expectedStride *= sizes[d];
  }
  int shared = 0;
  for (int32_t i = 0; i < index; ++i)
    if (adopted[i] && adopted[i]->allocation == allocated)
      shared = 1;
  int borrowed = 0;
  for (int32_t i = 0; i < numInputs; ++i)
    if (allocated && inputs[i]->data == allocated)
      borrowed = 1;
  int64_t count = expectedStride;
  char *start = aligned + offset * (int64_t)elementSize;
  if (dense && !shared && !borrowed) {
    tensor->allocation = allocated;
    tensor->generatedAllocation = 1;
    tensor->data = count ? start : NULL;
    *result = tensor;
    return DFG_OK;
  }
  /* Copy element by element in row-major order. */
  size_t bytes = (size_t)count * elementSize;
  tensor->allocation = bytes ? malloc(bytes) : NULL;
  if (bytes && !tensor->allocation) {
    dfg_tensor_free(tensor);
    return fail(DFG_ERR_OUT_OF_MEMORY, "dfg_model_run: out of memory");
  }
  tensor->data = tensor->allocation;
  for (int64_t linear = 0; linear < count; ++linear) {
    int64_t rest = linear, source = 0;
    for (int32_t d = rank - 1; d >= 0; --d) {
      source += (rest % sizes[d]) * strides[d];
      rest /= sizes[d];
    }
    memcpy((char *)tensor->data + linear * (int64_t)elementSize,
           start + source * (int64_t)elementSize, elementSize);
  }
  if (!shared && !borrowed)
    _mlir_memref_to_llvm_free(allocated);
  *result = tensor;
  return DFG_OK;
}

/*===----------------------------------------------------------------------===*/
/* Size guards of the generated code                                          */
/*===----------------------------------------------------------------------===*/

/* A run in progress on this thread: where a failed guard returns to. */
typedef struct {
  jmp_buf jump;
  size_t limit;
  DfgRunBlocks blocks;
  /* A dimension larger than `limit`, kept for the guard's message. */
  int64_t hugeDim;
} RunContext;

static _Thread_local RunContext *currentRun;

/* Ends the run in progress with `status` and the message already set. */
__attribute__((noreturn)) static void abortRun(dfg_status status) {
  if (!currentRun) {
    /* Only a guard outside dfg_model_run's thread gets here (the generated
     * code calls them on the run's own thread). */
    fprintf(stderr, "dfg runtime: %s\n", lastError);
    abort();
  }
  longjmp(currentRun->jump, (int)status);
}

/* Called by the generated code (dfg-guard-dynamic-sizes) once per dynamic
 * dimension of a tensor it is about to create: the product so far times
 * `dim`, saturated at INT64_MAX; -1 once a dimension was negative, -2 once
 * one was larger than the limit. A dimension that large is refused even
 * when another is 0: the loops over an empty [2^62, 0] tensor would still
 * count to 2^62. */
__attribute__((visibility("hidden"))) int64_t dfg_rt_guard_dim(int64_t acc,
                                                               int64_t dim) {
  if (acc < 0)
    return acc;
  if (dim < 0)
    return -1;
  if (currentRun && (uint64_t)dim > currentRun->limit) {
    currentRun->hugeDim = dim;
    return -2;
  }
  if (acc == 0 || dim == 0)
    return 0;
  if (acc > INT64_MAX / dim)
    return INT64_MAX;
  return acc * dim;
}

/* Called with the tensor's bytes once its dimensions are multiplied: ends
 * the run on a negative dimension or beyond the model's limit. */
__attribute__((visibility("hidden"))) void
dfg_rt_guard_bytes(int64_t bytes, const char *site) {
  if (bytes == -2) {
    fail(DFG_ERR_OUT_OF_MEMORY,
         "dfg_model_run: %s: a dimension computed at run time (%lld) "
         "exceeds the limit of %zu bytes (dfg_model_set_arena_limit)",
         site, (long long)currentRun->hugeDim, currentRun->limit);
    abortRun(DFG_ERR_OUT_OF_MEMORY);
  }
  if (bytes < 0) {
    fail(DFG_ERR_SHAPE_MISMATCH,
         "dfg_model_run: %s: a dimension computed at run time is negative",
         site);
    abortRun(DFG_ERR_SHAPE_MISMATCH);
  }
  size_t limit = currentRun ? currentRun->limit : SIZE_MAX;
  if (bytes == INT64_MAX || (uint64_t)bytes > limit) {
    if (bytes == INT64_MAX)
      fail(DFG_ERR_OUT_OF_MEMORY,
           "dfg_model_run: %s: a tensor computed at run time needs 2^63 "
           "bytes or more",
           site);
    else
      fail(DFG_ERR_OUT_OF_MEMORY,
           "dfg_model_run: %s: a tensor computed at run time needs %lld "
           "bytes, over the limit of %zu bytes (dfg_model_set_arena_limit)",
           site, (long long)bytes, limit);
    abortRun(DFG_ERR_OUT_OF_MEMORY);
  }
}

/* Calls the generated code; DFG_OK, or the status of a failed guard (the
 * blocks it had allocated are freed). */
static dfg_status callEntry(const dfg_abi_model *abi, dfg_model *model,
                            void **args) {
  RunContext context;
  context.limit = model->arenaLimit;
  context.hugeDim = 0;
  RunContext *outer = currentRun;
  currentRun = &context;
  dfgAllocatorBeginRun(&context.blocks);
  int status = setjmp(context.jump);
  if (status == 0)
    abi->entry(args);
  dfgAllocatorEndRun(&context.blocks, /*release=*/status != 0);
  currentRun = outer;
  return (dfg_status)status;
}

dfg_status dfg_model_run(dfg_model *model, const dfg_tensor *const *inputs,
                         int32_t num_inputs, dfg_tensor **outputs,
                         int32_t num_outputs) {
  if (!model)
    return fail(DFG_ERR_INVALID_ARGUMENT, "dfg_model_run: model is NULL");
  const dfg_abi_model *abi = model->abi;
  if (!outputs)
    return fail(DFG_ERR_INVALID_ARGUMENT, "dfg_model_run: outputs is NULL");
  for (int32_t i = 0; i < num_outputs; ++i)
    outputs[i] = NULL;
  if (num_outputs != abi->num_outputs)
    return fail(DFG_ERR_INVALID_ARGUMENT,
                "dfg_model_run: the model has %lld outputs, got room for %d",
                (long long)abi->num_outputs, (int)num_outputs);
  dfg_status checked = checkInputs("dfg_model_run", abi, inputs, num_inputs);
  if (checked != DFG_OK)
    return checked;
  size_t arenaSize = 0;
  checked = arenaBytes(abi, inputs, &arenaSize);
  if (checked != DFG_OK)
    return checked;
  if (arenaSize > model->arenaLimit) {
    char shape[256] = "";
    if (num_inputs > 0)
      snprintf(shape, sizeof(shape), " (input '%s' of shape ",
               abi->inputs[0].name);
    if (num_inputs > 0) {
      char dims[192];
      strncat(shape,
              formatDims(dims, sizeof(dims), inputs[0]->rank, inputs[0]->dims),
              sizeof(shape) - strlen(shape) - 1);
      strncat(shape, num_inputs > 1 ? ", ...)" : ")",
              sizeof(shape) - strlen(shape) - 1);
    }
    return fail(DFG_ERR_OUT_OF_MEMORY,
                "dfg_model_run: the inputs%s need an arena of %zu bytes, over "
                "the limit of %zu bytes (dfg_model_set_arena_limit)",
                shape, arenaSize, model->arenaLimit);
  }

  /* One block: the argument array, the input and the result descriptors. */
  size_t inputWords = 0, outputWords = 0;
  for (int32_t i = 0; i < num_inputs; ++i)
    inputWords += descriptorWords(abi->inputs[i].rank);
  for (int32_t i = 0; i < num_outputs; ++i)
    outputWords += descriptorWords(abi->outputs[i].rank);
  size_t arenaWords = abi->arena ? descriptorWords(1) : 0;
  size_t argCount = 1 + (size_t)num_inputs + (abi->arena ? 1 : 0);
  void **args = (void **)calloc(argCount, sizeof(void *));
  int64_t *words = (int64_t *)calloc(inputWords + outputWords + arenaWords + 1,
                                     sizeof(int64_t));
  Arena arena = {NULL, 0};
  if (!args || !words ||
      (abi->arena && !acquireArena(model, arenaSize, &arena))) {
    free(args);
    free(words);
    if (abi->arena)
      return fail(DFG_ERR_OUT_OF_MEMORY,
                  "dfg_model_run: out of memory (the arena needs %zu bytes)",
                  arenaSize);
    return fail(DFG_ERR_OUT_OF_MEMORY, "dfg_model_run: out of memory");
  }
  if (abi->arena) {
    int64_t *descriptor = words + inputWords + outputWords;
    descriptor[0] = (int64_t)(intptr_t)arena.data;
    descriptor[1] = (int64_t)(intptr_t)arena.data;
    descriptor[2] = 0;
    descriptor[3] = (int64_t)arena.bytes;
    descriptor[4] = 1;
    args[1 + num_inputs] = descriptor;
  }
  int64_t *resultWords = words + inputWords;
  args[0] = resultWords;
  int64_t *cursor = words;
  for (int32_t i = 0; i < num_inputs; ++i) {
    const dfg_tensor *input = inputs[i];
    int32_t rank = input->rank;
    /* The generated code never writes its inputs (they are marked
     * bufferization.writable = false), so the const cast is sound. */
    cursor[0] = (int64_t)(intptr_t)input->data;
    cursor[1] = (int64_t)(intptr_t)input->data;
    cursor[2] = 0;
    int64_t stride = 1;
    for (int32_t d = rank - 1; d >= 0; --d) {
      cursor[3 + d] = input->dims[d];
      cursor[3 + rank + d] = stride;
      stride *= input->dims[d];
    }
    args[1 + i] = cursor;
    cursor += descriptorWords(rank);
  }

  /* The team size is a setting of the calling thread: set for this run,
   * then given back, so that the caller's own OpenMP code (or another
   * model run later on this thread) is not affected. */
  int32_t threads = resolveThreads(atomic_load(&model->numThreads));
  int savedThreads = omp_get_max_threads ? omp_get_max_threads() : 1;
  if (omp_set_num_threads)
    omp_set_num_threads(threads);
  dfg_status status = callEntry(abi, model, args);
  if (omp_set_num_threads)
    omp_set_num_threads(savedThreads);
  if (abi->arena)
    releaseArena(model, arena);
  if (status != DFG_OK) {
    free(args);
    free(words);
    return status;
  }

  cursor = resultWords;
  for (int32_t i = 0; i < num_outputs; ++i) {
    dfg_tensor *tensor = NULL;
    /* After a failure (out of memory) the remaining buffers leak: one may
     * alias another, and a double free would be worse. */
    if (status == DFG_OK)
      status = adoptOutput(&abi->outputs[i], cursor, outputs, i, inputs,
                           num_inputs, &tensor);
    outputs[i] = tensor;
    cursor += descriptorWords(abi->outputs[i].rank);
  }
  free(args);
  free(words);
  if (status != DFG_OK)
    for (int32_t i = 0; i < num_outputs; ++i) {
      dfg_tensor_free(outputs[i]);
      outputs[i] = NULL;
    }
  return status;
}
