/*===- dfg_runtime.h - C API of a model compiled by dfg-compile ---*- C -*-===*\
|*                                                                            *|
|* A shared library made by `dfg-compile model.onnx -o libmodel.so` holds one *|
|* model and this API. Every call returns a status, never aborts; the message *|
|* of the last failed call on the calling thread is `dfg_last_error()`.       *|
|*                                                                            *|
|* Tensors are dense, row-major (C order) and own their data. Outputs of      *|
|* `dfg_model_run` are new tensors owned by the caller (`dfg_tensor_free`).   *|
|* A run spreads its loops over `dfg_model_set_num_threads` threads (all     *|
|* cores by default; OpenMP, from libomp); a model may also be run from      *|
|* several threads at once (runs share no mutable state).                     *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef DFG_RUNTIME_DFG_RUNTIME_H
#define DFG_RUNTIME_DFG_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define DFG_API __attribute__((visibility("default")))
#else
#define DFG_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this API; bumped on any incompatible change. */
#define DFG_RUNTIME_API_VERSION 1

typedef enum dfg_status {
  DFG_OK = 0,
  /* A null pointer, an index out of range, a bad rank or dtype. */
  DFG_ERR_INVALID_ARGUMENT = 1,
  /* An input is NULL or the number of inputs is wrong. */
  DFG_ERR_MISSING_INPUT = 2,
  /* An input's rank or a static dimension differs from the model's. */
  DFG_ERR_SHAPE_MISMATCH = 3,
  /* An input's element type differs from the model's. */
  DFG_ERR_DTYPE_MISMATCH = 4,
  DFG_ERR_OUT_OF_MEMORY = 5,
  /* The library is inconsistent (e.g. built for another API version). */
  DFG_ERR_INTERNAL = 6
} dfg_status;

/* Element types; the values are ONNX's TensorProto.DataType codes. */
typedef enum dfg_dtype {
  DFG_DTYPE_FLOAT32 = 1,
  DFG_DTYPE_UINT8 = 2,
  DFG_DTYPE_INT8 = 3,
  DFG_DTYPE_UINT16 = 4,
  DFG_DTYPE_INT16 = 5,
  DFG_DTYPE_INT32 = 6,
  DFG_DTYPE_INT64 = 7,
  DFG_DTYPE_BOOL = 9, /* one byte per element, 0 or 1 */
  DFG_DTYPE_FLOAT16 = 10,
  DFG_DTYPE_FLOAT64 = 11,
  DFG_DTYPE_UINT32 = 12,
  DFG_DTYPE_UINT64 = 13,
  DFG_DTYPE_BFLOAT16 = 16
} dfg_dtype;

typedef struct dfg_model dfg_model;
typedef struct dfg_tensor dfg_tensor;

/* Description of a model input or output. `dims[i]` is -1 for a dynamic
 * dimension, resolved at run time from the input tensors. The pointers stay
 * valid until the model is closed. */
typedef struct dfg_tensor_info {
  const char *name;
  dfg_dtype dtype;
  int32_t rank;
  const int64_t *dims;
} dfg_tensor_info;

/* Message of the last failed call on this thread ("" if none). */
DFG_API const char *dfg_last_error(void);
/* Short name of a status code, e.g. "DFG_ERR_SHAPE_MISMATCH". */
DFG_API const char *dfg_status_name(dfg_status status);
/* Name of a dtype as in ONNX ("float32", "int64", ...), or "invalid". */
DFG_API const char *dfg_dtype_name(dfg_dtype dtype);
/* Bytes per element, or 0 for an invalid dtype. */
DFG_API size_t dfg_dtype_size(dfg_dtype dtype);

/* Opens the model compiled into this library. */
DFG_API dfg_status dfg_model_open(dfg_model **model);
/* Closes a model; NULL is ignored. */
DFG_API void dfg_model_close(dfg_model *model);

/* Number of inputs/outputs, or -1 if `model` is NULL. */
DFG_API int32_t dfg_model_num_inputs(const dfg_model *model);
DFG_API int32_t dfg_model_num_outputs(const dfg_model *model);
DFG_API dfg_status dfg_model_input_info(const dfg_model *model, int32_t index,
                                        dfg_tensor_info *info);
DFG_API dfg_status dfg_model_output_info(const dfg_model *model,
                                         int32_t index, dfg_tensor_info *info);

/* Sets the number of threads a run of `model` uses (its parallel loops
 * are split among them; the calling thread is one): 0, the default, is one
 * per core available to the process, 1 runs on the calling thread alone.
 * Runs already under way are not affected. The outputs do not depend on
 * the count. DFG_ERR_INVALID_ARGUMENT for a negative count or one above
 * 1024 (or the OpenMP runtime's thread limit, if lower). */
DFG_API dfg_status dfg_model_set_num_threads(dfg_model *model,
                                             int32_t num_threads);
/* The number of threads a run uses (0 resolved to the cores), or -1 if
 * `model` is NULL. */
DFG_API int32_t dfg_model_num_threads(const dfg_model *model);

/* Runs the model. `inputs` holds `num_inputs` tensors, in the model's input
 * order; `outputs` receives `num_outputs` new tensors, which the caller
 * frees. On failure no output is set (all are NULL). */
DFG_API dfg_status dfg_model_run(dfg_model *model,
                                 const dfg_tensor *const *inputs,
                                 int32_t num_inputs, dfg_tensor **outputs,
                                 int32_t num_outputs);

/* The bytes of the arena in which a run with these inputs keeps its
 * intermediate tensors (planned at compile time; 0 when the model has
 * none). The runtime allocates an arena once and reuses it across runs; a
 * run with larger dynamic dimensions replaces it. The inputs are checked as
 * by dfg_model_run. */
DFG_API dfg_status dfg_model_arena_size(const dfg_model *model,
                                        const dfg_tensor *const *inputs,
                                        int32_t num_inputs, size_t *bytes);

/* The largest arena a run of `model` may allocate, in bytes; a run whose
 * inputs need more fails with DFG_ERR_OUT_OF_MEMORY before allocating
 * anything. 0 restores the default: the machine's physical memory, so that
 * an oversized input is an error status rather than an allocation the
 * operating system overcommits and its out-of-memory killer ends. */
DFG_API dfg_status dfg_model_set_arena_limit(dfg_model *model, size_t bytes);

/* Creates a tensor of `rank` dimensions `dims` (all >= 0). With `data`, its
 * contents are copied from `data` (row-major, dfg_dtype_size(dtype) bytes
 * per element); otherwise they are zero. */
DFG_API dfg_status dfg_tensor_create(dfg_dtype dtype, int32_t rank,
                                     const int64_t *dims, const void *data,
                                     dfg_tensor **tensor);
/* Frees a tensor; NULL is ignored. */
DFG_API void dfg_tensor_free(dfg_tensor *tensor);
DFG_API void *dfg_tensor_data(dfg_tensor *tensor);
DFG_API const void *dfg_tensor_const_data(const dfg_tensor *tensor);
DFG_API dfg_dtype dfg_tensor_dtype(const dfg_tensor *tensor);
/* Rank, or -1 if `tensor` is NULL. */
DFG_API int32_t dfg_tensor_rank(const dfg_tensor *tensor);
/* The `rank` dimensions (NULL if `tensor` is NULL). */
DFG_API const int64_t *dfg_tensor_shape(const dfg_tensor *tensor);
DFG_API int64_t dfg_tensor_num_elements(const dfg_tensor *tensor);
DFG_API size_t dfg_tensor_size_bytes(const dfg_tensor *tensor);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DFG_RUNTIME_DFG_RUNTIME_H */
