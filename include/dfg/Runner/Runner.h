//===- Runner.h - load and run compiled models from the host ----*- C++ -*-===//
//
// What dfg-run needs around a model library: tensors read from and written
// to ONNX TensorProto (.pb) and numpy (.npy) files, a dlopen'ed model
// library called through its C API, and the comparison of outputs with
// expected ones.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_RUNNER_RUNNER_H
#define DFG_RUNNER_RUNNER_H

#include "dfg/Runtime/dfg_runtime.h"

#include "mlir/Support/LLVM.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mlir::dfg::runner {

/// A dense row-major tensor in host memory; `dtype` is a `dfg_dtype`.
struct HostTensor {
  std::string name;
  int32_t dtype = 0;
  SmallVector<int64_t> shape;
  std::vector<char> data;

  int64_t numElements() const;
  /// The element at row-major position `index`, as a double.
  double elementAsDouble(int64_t index) const;
  /// "float32 [3, 4, 5]".
  std::string describe() const;
};

/// Reads an ONNX TensorProto file (.pb).
llvm::Expected<HostTensor> readTensorProto(StringRef path);
/// Reads a numpy file (.npy; little-endian, C order).
llvm::Expected<HostTensor> readNpy(StringRef path);
/// Parse the bytes of a TensorProto or .npy file; `path` names it in
/// errors (and gives a .npy tensor its name).
llvm::Expected<HostTensor> parseTensorProto(StringRef bytes, StringRef path);
llvm::Expected<HostTensor> parseNpy(StringRef bytes, StringRef path);
/// Reads a .pb or .npy file, by extension.
llvm::Expected<HostTensor> readTensorFile(StringRef path);

/// Writes a TensorProto (name, dims, data type, raw_data).
llvm::Error writeTensorProto(StringRef path, const HostTensor &tensor);
/// Writes a version 1.0 .npy file; bfloat16 has no numpy type and fails.
llvm::Error writeNpy(StringRef path, const HostTensor &tensor);

/// The result of comparing an output with its expected value. Floating-point
/// tensors are compared as numpy's allclose: |got - expected| <= atol +
/// rtol * |expected|, NaN equal to NaN. Integer and boolean tensors are
/// compared exactly, element by element in their own type (an int64 does not
/// go through a double), and the tolerances do not apply.
struct Comparison {
  bool pass = false;
  /// Whether the comparison was exact (integer and boolean tensors).
  bool exact = false;
  /// Exact comparisons: how many elements differ, and the first of them as
  /// "[i, j]: got A, expected B".
  int64_t numDiffering = 0;
  std::string firstDifference;
  double maxAbsError = 0;
  double maxRelError = 0;
  /// Why the comparison failed before looking at values (dtype, shape).
  std::string mismatch;
};
Comparison compareTensors(const HostTensor &got, const HostTensor &expected,
                          double rtol, double atol);

/// A model library opened with dlopen and used through its C API.
class ModelLibrary {
public:
  ~ModelLibrary();
  static llvm::Expected<std::unique_ptr<ModelLibrary>> open(StringRef path);

  int32_t numInputs() const;
  int32_t numOutputs() const;
  dfg_tensor_info inputInfo(int32_t index) const;
  dfg_tensor_info outputInfo(int32_t index) const;

  /// Runtime tensors for `inputs` (in order); free them with freeTensors.
  llvm::Expected<std::vector<dfg_tensor *>>
  createInputs(ArrayRef<HostTensor> inputs) const;
  void freeTensors(ArrayRef<dfg_tensor *> tensors) const;

  /// The bytes of the planned arena a run with `inputs` uses.
  llvm::Expected<size_t> arenaSize(ArrayRef<dfg_tensor *> inputs) const;

  /// The largest arena a run may allocate (0: the machine's memory).
  llvm::Error setArenaLimit(size_t bytes) const;

  /// The threads of each run (0: all cores), and the count that resolves to.
  llvm::Error setNumThreads(int32_t threads) const;
  int32_t numThreads() const;

  /// Runs the model once. With `outputs`, copies the results into it
  /// (named after the model's outputs); otherwise just frees them.
  llvm::Error run(ArrayRef<dfg_tensor *> inputs,
                  std::vector<HostTensor> *outputs) const;

private:
  ModelLibrary() = default;
  struct Api;
  void *handle = nullptr;
  std::unique_ptr<Api> api;
  dfg_model *model = nullptr;
};

} // namespace mlir::dfg::runner

#endif // DFG_RUNNER_RUNNER_H
