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

#include <exception>

using namespace mlir::dfg::onnx_import;

std::optional<std::string>
mlir::dfg::onnx_import::runOnnxChecker(const onnx::ModelProto &model) {
  try {
    onnx::checker::check_model(model);
  } catch (const std::exception &e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

std::optional<std::string>
mlir::dfg::onnx_import::runOnnxShapeInference(onnx::ModelProto &model) {
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
