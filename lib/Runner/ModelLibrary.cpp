//===- ModelLibrary.cpp - a model library used through its C API ----------===//
//
// The library is opened RTLD_LOCAL: several model libraries define the
// same dfg_* API, so each is used only through the pointers dlsym returns.
//
//===----------------------------------------------------------------------===//

#include "dfg/Runner/Runner.h"

#include <dlfcn.h>

using namespace mlir;
using namespace mlir::dfg::runner;

static llvm::Error makeError(const Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

struct ModelLibrary::Api {
#define DFG_API_FUNCTION(name) decltype(&::name) name = nullptr;
  DFG_API_FUNCTION(dfg_last_error)
  DFG_API_FUNCTION(dfg_status_name)
  DFG_API_FUNCTION(dfg_model_open)
  DFG_API_FUNCTION(dfg_model_close)
  DFG_API_FUNCTION(dfg_model_num_inputs)
  DFG_API_FUNCTION(dfg_model_num_outputs)
  DFG_API_FUNCTION(dfg_model_input_info)
  DFG_API_FUNCTION(dfg_model_output_info)
  DFG_API_FUNCTION(dfg_model_run)
  DFG_API_FUNCTION(dfg_model_arena_size)
  DFG_API_FUNCTION(dfg_model_set_arena_limit)
  DFG_API_FUNCTION(dfg_model_set_num_threads)
  DFG_API_FUNCTION(dfg_model_num_threads)
  DFG_API_FUNCTION(dfg_tensor_create)
  DFG_API_FUNCTION(dfg_tensor_free)
  DFG_API_FUNCTION(dfg_tensor_const_data)
  DFG_API_FUNCTION(dfg_tensor_dtype)
  DFG_API_FUNCTION(dfg_tensor_rank)
  DFG_API_FUNCTION(dfg_tensor_shape)
  DFG_API_FUNCTION(dfg_tensor_size_bytes)
#undef DFG_API_FUNCTION

  /// Resolves every function; the name of the first missing one otherwise.
  std::optional<std::string> resolve(void *handle) {
#define DFG_API_FUNCTION(name)                                                 \
  name = reinterpret_cast<decltype(name)>(dlsym(handle, #name));               \
  if (!name)                                                                   \
    return std::string(#name);
    DFG_API_FUNCTION(dfg_last_error)
    DFG_API_FUNCTION(dfg_status_name)
    DFG_API_FUNCTION(dfg_model_open)
    DFG_API_FUNCTION(dfg_model_close)
    DFG_API_FUNCTION(dfg_model_num_inputs)
    DFG_API_FUNCTION(dfg_model_num_outputs)
    DFG_API_FUNCTION(dfg_model_input_info)
    DFG_API_FUNCTION(dfg_model_output_info)
    DFG_API_FUNCTION(dfg_model_run)
    DFG_API_FUNCTION(dfg_model_arena_size)
    DFG_API_FUNCTION(dfg_model_set_arena_limit)
    DFG_API_FUNCTION(dfg_model_set_num_threads)
    DFG_API_FUNCTION(dfg_model_num_threads)
    DFG_API_FUNCTION(dfg_tensor_create)
    DFG_API_FUNCTION(dfg_tensor_free)
    DFG_API_FUNCTION(dfg_tensor_const_data)
    DFG_API_FUNCTION(dfg_tensor_dtype)
    DFG_API_FUNCTION(dfg_tensor_rank)
    DFG_API_FUNCTION(dfg_tensor_shape)
    DFG_API_FUNCTION(dfg_tensor_size_bytes)
#undef DFG_API_FUNCTION
    return std::nullopt;
  }

  llvm::Error error(dfg_status status) const {
    return makeError(Twine(dfg_last_error()) + " [" +
                     dfg_status_name(status) + "]");
  }
};

ModelLibrary::~ModelLibrary() {
  if (model)
    api->dfg_model_close(model);
  if (handle)
    dlclose(handle);
}

llvm::Expected<std::unique_ptr<ModelLibrary>>
ModelLibrary::open(StringRef path) {
  std::unique_ptr<ModelLibrary> library(new ModelLibrary());
  library->api = std::make_unique<Api>();
  std::string pathString = path.str();
  // A bare name would make dlopen search the library path.
  if (pathString.find('/') == std::string::npos)
    pathString = "./" + pathString;
  library->handle = dlopen(pathString.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!library->handle)
    return makeError("cannot load '" + path + "': " + dlerror());
  if (std::optional<std::string> missing =
          library->api->resolve(library->handle))
    return makeError("'" + path + "' is not a DFG model library (no " +
                     *missing + ")");
  if (dfg_status status = library->api->dfg_model_open(&library->model))
    return library->api->error(status);
  return library;
}

int32_t ModelLibrary::numInputs() const {
  return api->dfg_model_num_inputs(model);
}

int32_t ModelLibrary::numOutputs() const {
  return api->dfg_model_num_outputs(model);
}

dfg_tensor_info ModelLibrary::inputInfo(int32_t index) const {
  dfg_tensor_info info = {};
  (void)api->dfg_model_input_info(model, index, &info);
  return info;
}

dfg_tensor_info ModelLibrary::outputInfo(int32_t index) const {
  dfg_tensor_info info = {};
  (void)api->dfg_model_output_info(model, index, &info);
  return info;
}

llvm::Expected<std::vector<dfg_tensor *>>
ModelLibrary::createInputs(ArrayRef<HostTensor> inputs) const {
  std::vector<dfg_tensor *> tensors;
  for (const HostTensor &input : inputs) {
    dfg_tensor *tensor = nullptr;
    if (dfg_status status = api->dfg_tensor_create(
            static_cast<dfg_dtype>(input.dtype),
            static_cast<int32_t>(input.shape.size()), input.shape.data(),
            input.data.data(), &tensor)) {
      freeTensors(tensors);
      return api->error(status);
    }
    tensors.push_back(tensor);
  }
  return tensors;
}

void ModelLibrary::freeTensors(ArrayRef<dfg_tensor *> tensors) const {
  for (dfg_tensor *tensor : tensors)
    api->dfg_tensor_free(tensor);
}

llvm::Expected<size_t>
ModelLibrary::arenaSize(ArrayRef<dfg_tensor *> inputs) const {
  size_t bytes = 0;
  if (dfg_status status = api->dfg_model_arena_size(
          model, inputs.data(), static_cast<int32_t>(inputs.size()), &bytes))
    return api->error(status);
  return bytes;
}

llvm::Error ModelLibrary::setArenaLimit(size_t bytes) const {
  if (dfg_status status = api->dfg_model_set_arena_limit(model, bytes))
    return api->error(status);
  return llvm::Error::success();
}

llvm::Error ModelLibrary::setNumThreads(int32_t threads) const {
  if (dfg_status status = api->dfg_model_set_num_threads(model, threads))
    return api->error(status);
  return llvm::Error::success();
}

int32_t ModelLibrary::numThreads() const {
  return api->dfg_model_num_threads(model);
}

llvm::Error ModelLibrary::run(ArrayRef<dfg_tensor *> inputs,
                              std::vector<HostTensor> *outputs) const {
  std::vector<dfg_tensor *> results(std::max(numOutputs(), 0));
  if (dfg_status status = api->dfg_model_run(
          model, inputs.data(), static_cast<int32_t>(inputs.size()),
          results.data(), static_cast<int32_t>(results.size())))
    return api->error(status);
  if (outputs) {
    outputs->clear();
    for (auto [i, result] : llvm::enumerate(results)) {
      HostTensor tensor;
      tensor.name = outputInfo(i).name;
      tensor.dtype = api->dfg_tensor_dtype(result);
      const int64_t *shape = api->dfg_tensor_shape(result);
      tensor.shape.assign(shape, shape + api->dfg_tensor_rank(result));
      const char *data =
          static_cast<const char *>(api->dfg_tensor_const_data(result));
      if (data)
        tensor.data.assign(data, data + api->dfg_tensor_size_bytes(result));
      outputs->push_back(std::move(tensor));
    }
  }
  freeTensors(results);
  return llvm::Error::success();
}
