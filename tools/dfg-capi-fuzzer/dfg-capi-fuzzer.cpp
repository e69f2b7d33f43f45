//===- dfg-capi-fuzzer.cpp - libFuzzer target for the C API --------------===//
//
// Drives a compiled model's C API (the library named by DFG_FUZZ_MODEL,
// dlopen'ed once) with calls decoded from the input: tensors of arbitrary
// dtypes, ranks and dimensions (at most 4096 elements, so that a run stays
// cheap), NULL and misaligned data pointers, inputs in any count (NULL
// entries included) and output arrays of any size, then runs, arena-size
// queries and info queries with arbitrary indices. Any status is fine; a
// crash, a leak, a hang or a wrong-sized write is not.
//
//===----------------------------------------------------------------------===//

#include "dfg/Runtime/dfg_runtime.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <vector>

namespace {
struct Api {
  dfg_status (*modelOpen)(dfg_model **);
  dfg_status (*run)(dfg_model *, const dfg_tensor *const *, int32_t,
                    dfg_tensor **, int32_t);
  dfg_status (*arenaSize)(const dfg_model *, const dfg_tensor *const *, int32_t,
                          size_t *);
  dfg_status (*inputInfo)(const dfg_model *, int32_t, dfg_tensor_info *);
  dfg_status (*outputInfo)(const dfg_model *, int32_t, dfg_tensor_info *);
  dfg_status (*create)(dfg_dtype, int32_t, const int64_t *, const void *,
                       dfg_tensor **);
  void (*free)(dfg_tensor *);
  size_t (*bytes)(const dfg_tensor *);
  dfg_status (*setArenaLimit)(dfg_model *, size_t);
  dfg_model *model = nullptr;
};

/// The bytes of the input, consumed front to back; zeros once it is spent.
struct Reader {
  const uint8_t *data;
  size_t size;
  uint8_t byte() {
    if (!size)
      return 0;
    --size;
    return *data++;
  }
  int64_t small(int64_t limit) { return byte() % limit; }
};
} // namespace

/// Runs that succeeded and that failed in a size guard or another check:
/// printed at exit, so that a test can tell that valid runs happened.
static long succeededRuns, failedRuns;

static void printCounts() {
  fprintf(stderr, "dfg-capi-fuzzer: %ld runs succeeded, %ld failed\n",
          succeededRuns, failedRuns);
}

static Api *loadApi() {
  atexit(printCounts);
  const char *path = getenv("DFG_FUZZ_MODEL");
  void *handle = path ? dlopen(path, RTLD_NOW | RTLD_LOCAL) : nullptr;
  if (!handle) {
    fprintf(stderr,
            "dfg-capi-fuzzer: set DFG_FUZZ_MODEL to a compiled "
            "model library (%s)\n",
            path ? dlerror() : "unset");
    exit(2);
  }
  auto *api = new Api;
#define GET(field, name)                                                       \
  *reinterpret_cast<void **>(&api->field) = dlsym(handle, name);               \
  if (!api->field) {                                                           \
    fprintf(stderr, "dfg-capi-fuzzer: %s has no %s\n", path, name);            \
    exit(2);                                                                   \
  }
  GET(modelOpen, "dfg_model_open")
  GET(run, "dfg_model_run")
  GET(arenaSize, "dfg_model_arena_size")
  GET(inputInfo, "dfg_model_input_info")
  GET(outputInfo, "dfg_model_output_info")
  GET(create, "dfg_tensor_create")
  GET(free, "dfg_tensor_free")
  GET(bytes, "dfg_tensor_size_bytes")
  GET(setArenaLimit, "dfg_model_set_arena_limit")
#undef GET
  if (api->modelOpen(&api->model) != DFG_OK)
    exit(2);
  // A run may not take more than 64 MiB of arena (or of a tensor computed
  // at run time): the fuzzer's memory limit is the process's.
  api->setArenaLimit(api->model, 64 << 20);
  return api;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static Api *api = loadApi();
  Reader in{data, size};

  // Up to 4 tensors of arbitrary dtype (codes 0-17, valid or not), rank
  // (0-4, or -1) and dimensions (-1, small ones, and the sizes models
  // use), data given or NULL, aligned or one byte off.
  static const int64_t kDims[] = {-1, 0, 1, 2, 3, 4, 7, 16, 64};
  std::vector<dfg_tensor *> tensors;
  int count = static_cast<int>(in.small(5));
  for (int t = 0; t < count; ++t) {
    auto dtype = static_cast<dfg_dtype>(in.small(18));
    int32_t rank = static_cast<int32_t>(in.small(6)) - 1;
    int64_t dims[4] = {0, 0, 0, 0};
    int64_t elements = 1;
    for (int32_t d = 0; d < rank && d < 4; ++d) {
      dims[d] = kDims[in.small(sizeof(kDims) / sizeof(kDims[0]))];
      elements *= dims[d] > 0 ? dims[d] : 1;
    }
    if (elements > 4096)
      continue;
    std::vector<uint8_t> bytes(elements * 8 + 1);
    for (size_t i = 0; i < bytes.size() && in.size; ++i)
      bytes[i] = in.byte();
    uint8_t mode = in.byte() % 3;
    const void *values = mode == 0   ? nullptr
                         : mode == 1 ? bytes.data()
                                     : bytes.data() + 1;
    dfg_tensor *tensor = nullptr;
    if (api->create(dtype, rank, rank > 0 ? dims : nullptr, values, &tensor) ==
        DFG_OK)
      tensors.push_back(tensor);
    else if (in.byte() & 1)
      tensors.push_back(nullptr);
  }

  // Runs and queries with as many inputs and outputs as the input says.
  int rounds = static_cast<int>(in.small(3)) + 1;
  for (int r = 0; r < rounds; ++r) {
    int32_t numInputs =
        static_cast<int32_t>(std::min<int64_t>(in.small(6), tensors.size()));
    int32_t numOutputs = static_cast<int32_t>(in.small(4));
    std::vector<dfg_tensor *> outputs(numOutputs + 1, nullptr);
    const dfg_tensor *const *inputs =
        (in.byte() & 1) ? nullptr : tensors.data();
    switch (in.byte() % 4) {
    case 0:
    case 1:
      if (api->run(api->model, inputs, numInputs,
                   (in.byte() & 1) ? nullptr : outputs.data(),
                   numOutputs) == DFG_OK) {
        ++succeededRuns;
        for (int32_t o = 0; o < numOutputs; ++o) {
          (void)api->bytes(outputs[o]);
          api->free(outputs[o]);
        }
      } else {
        ++failedRuns;
      }
      break;
    case 2: {
      size_t arena = 0;
      (void)api->arenaSize(api->model, inputs, numInputs,
                           (in.byte() & 1) ? nullptr : &arena);
      break;
    }
    default: {
      dfg_tensor_info info;
      int32_t index = static_cast<int32_t>(in.small(8)) - 2;
      (void)api->inputInfo(api->model, index,
                           (in.byte() & 1) ? nullptr : &info);
      (void)api->outputInfo(api->model, index, &info);
      break;
    }
    }
  }
  for (dfg_tensor *tensor : tensors)
    api->free(tensor);
  return 0;
}
