//===- OnnxLibrary.cpp - Calls into the ONNX library ----------------------===//
//
// The ONNX library reports errors by throwing; DFG is built without
// exceptions. This file alone is compiled with -fexceptions and turns every
// exception into a message, so none crosses into the rest of DFG.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "onnx/checker.h"
#include "onnx/defs/schema.h"
#include "onnx/shape_inference/implementation.h"

#include <cerrno>
#include <csignal>
#include <exception>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace mlir::dfg::onnx_import;

/// Whether `graph` or a graph nested in it holds a tensor with external data.
static bool hasExternalData(const onnx::GraphProto &graph);
static bool hasExternalData(const onnx::TensorProto &tensor) {
  return tensor.data_location() == onnx::TensorProto::EXTERNAL;
}
static bool hasExternalData(const onnx::AttributeProto &attr) {
  if (attr.has_t() && hasExternalData(attr.t()))
    return true;
  for (const onnx::TensorProto &t : attr.tensors())
    if (hasExternalData(t))
      return true;
  if (attr.has_g() && hasExternalData(attr.g()))
    return true;
  for (const onnx::GraphProto &g : attr.graphs())
    if (hasExternalData(g))
      return true;
  return false;
}
static bool hasExternalData(const onnx::GraphProto &graph) {
  for (const onnx::TensorProto &t : graph.initializer())
    if (hasExternalData(t))
      return true;
  for (const onnx::NodeProto &node : graph.node())
    for (const onnx::AttributeProto &attr : node.attribute())
      if (hasExternalData(attr))
        return true;
  return false;
}

/// Makes every tensor with external data in `graph` an empty inline one
/// (no elements: the checker wants exactly one value field otherwise, and
/// filling it would copy the data).
static void dropExternalData(onnx::GraphProto &graph);
static void dropExternalData(onnx::TensorProto &tensor) {
  if (tensor.data_location() != onnx::TensorProto::EXTERNAL)
    return;
  tensor.clear_external_data();
  tensor.set_data_location(onnx::TensorProto::DEFAULT);
  tensor.clear_dims();
  tensor.add_dims(0);
}
static void dropExternalData(onnx::GraphProto &graph) {
  for (onnx::TensorProto &t : *graph.mutable_initializer())
    dropExternalData(t);
  for (onnx::NodeProto &node : *graph.mutable_node()) {
    for (onnx::AttributeProto &attr : *node.mutable_attribute()) {
      if (attr.has_t())
        dropExternalData(*attr.mutable_t());
      for (onnx::TensorProto &t : *attr.mutable_tensors())
        dropExternalData(t);
      if (attr.has_g())
        dropExternalData(*attr.mutable_g());
      for (onnx::GraphProto &g : *attr.mutable_graphs())
        dropExternalData(g);
    }
  }
}

std::optional<std::string>
mlir::dfg::onnx_import::runOnnxChecker(const onnx::ModelProto &model) {
  try {
    // The checker looks for external data files relative to the working
    // directory (this ONNX passes it no model folder), so a model given as
    // models/m.onnx fails there while its data is fine. The importer reads
    // and checks external data itself (resolved against the model's folder,
    // kept inside it, ranges against the file): the checker sees a copy
    // without it.
    if (hasExternalData(model.graph())) {
      onnx::ModelProto copy = model;
      dropExternalData(*copy.mutable_graph());
      onnx::checker::check_model(copy);
      return std::nullopt;
    }
    onnx::checker::check_model(model);
  } catch (const std::exception &e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

/// ONNX shape inference proper, in this process.
static std::optional<std::string> inferShapesInProcess(onnx::ModelProto &model) {
  try {
    onnx::ShapeInferenceOptions options(/*check_type_val=*/false,
                                        /*strict_mode_val=*/0,
                                        /*data_prop_val=*/true);
    onnx::shape_inference::InferShapes(
        model, onnx::OpSchemaRegistry::Instance(), options);
  } catch (const std::exception &e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

// ONNX's shape inference indexes shapes and reads attributes of malformed
// models without checking them (fuzzing found crashes in Conv/Pool and STFT
// inference). Its results are only hints to the importer, so it runs in a
// forked child: a crash, or a hang past the time limit, there costs the
// hints, never the importing process. The child sends back the model with
// the inferred types, minus the initializers' data, which the parent keeps.
std::optional<std::string>
mlir::dfg::onnx_import::runOnnxShapeInference(onnx::ModelProto &model) {
  int fds[2];
  if (pipe(fds) != 0)
    return inferShapesInProcess(model);
  pid_t child = fork();
  if (child < 0) {
    close(fds[0]);
    close(fds[1]);
    return inferShapesInProcess(model);
  }
  if (child == 0) {
    close(fds[0]);
    // A crash here is expected and handled by the parent: no crash report
    // from LLVM's or a sanitizer's signal handlers, no noise on stderr.
    for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT})
      signal(sig, SIG_DFL);
    int devNull = open("/dev/null", O_WRONLY);
    if (devNull >= 0)
      dup2(devNull, STDERR_FILENO);
    int status = inferShapesInProcess(model) ? 1 : 0;
    for (onnx::TensorProto &init : *model.mutable_graph()->mutable_initializer())
      init.clear_raw_data();
    std::string bytes;
    if (!model.SerializeToString(&bytes))
      _exit(2);
    const char *data = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
      ssize_t n = write(fds[1], data, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit(2);
      data += n;
      left -= static_cast<size_t>(n);
    }
    _exit(status);
  }
  close(fds[1]);
  std::string bytes;
  char buffer[1 << 16];
  constexpr int kTimeoutMs = 60000;
  bool timedOut = false;
  for (;;) {
    pollfd pfd{fds[0], POLLIN, 0};
    int ready = poll(&pfd, 1, kTimeoutMs);
    if (ready < 0 && errno == EINTR)
      continue;
    if (ready <= 0) {
      timedOut = true;
      kill(child, SIGKILL);
      break;
    }
    ssize_t n = read(fds[0], buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    bytes.append(buffer, static_cast<size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (timedOut)
    return std::string("ONNX shape inference did not finish in 60 s");
  if (WIFSIGNALED(status))
    return "ONNX shape inference crashed (signal " +
           std::to_string(WTERMSIG(status)) + ")";
  if (!WIFEXITED(status) || WEXITSTATUS(status) == 2)
    return std::string("ONNX shape inference failed");
  onnx::ModelProto inferred;
  if (!inferred.ParseFromString(bytes) ||
      inferred.graph().initializer_size() != model.graph().initializer_size())
    return std::string("ONNX shape inference returned an unreadable model");
  // Keep this process's initializers (with their data), take the rest.
  inferred.mutable_graph()->mutable_initializer()->Swap(
      model.mutable_graph()->mutable_initializer());
  model.Swap(&inferred);
  if (WEXITSTATUS(status) == 1)
    return std::string("ONNX shape inference reported an error");
  return std::nullopt;
}

int64_t mlir::dfg::onnx_import::schemaSinceVersion(llvm::StringRef domain,
                                                   llvm::StringRef opType,
                                                   int64_t opset) {
  try {
    std::string dom = domain == "ai.onnx" ? "" : domain.str();
    const onnx::OpSchema *schema =
        onnx::OpSchemaRegistry::Schema(opType.str(), opset, dom);
    return schema ? schema->SinceVersion() : -1;
  } catch (const std::exception &) {
    return -1;
  }
}

std::optional<std::pair<int64_t, int64_t>>
mlir::dfg::onnx_import::knownOpsetRange(llvm::StringRef domain) {
  const auto &map =
      onnx::OpSchemaRegistry::DomainToVersionRange::Instance().Map();
  auto it = map.find(domain == "ai.onnx" ? "" : domain.str());
  if (it == map.end())
    return std::nullopt;
  return std::make_pair<int64_t, int64_t>(it->second.first,
                                          it->second.second);
}
