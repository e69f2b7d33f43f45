//===- dfg-tensor-fuzzer.cpp - libFuzzer target for tensor files ----------===//
//
// Feeds arbitrary bytes to dfg-run's tensor readers: the first byte picks
// the .npy (even) or the TensorProto (odd) parser, the rest is the file.
// A tensor that parses is compared with itself and described, as dfg-run
// does with outputs. Any outcome but a crash, a hang or unbounded memory is
// fine: malformed files are rejected with an error, swallowed here.
//
//===----------------------------------------------------------------------===//

#include "dfg/Runner/Runner.h"

#include <cstddef>
#include <cstdint>

using namespace mlir::dfg::runner;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  llvm::StringRef bytes(reinterpret_cast<const char *>(data) + 1, size - 1);
  llvm::Expected<HostTensor> tensor = (data[0] & 1)
                                          ? parseTensorProto(bytes, "fuzz.pb")
                                          : parseNpy(bytes, "fuzz.npy");
  if (!tensor) {
    llvm::consumeError(tensor.takeError());
    return 0;
  }
  (void)tensor->describe();
  Comparison same = compareTensors(*tensor, *tensor, 0, 0);
  (void)same;
  return 0;
}
