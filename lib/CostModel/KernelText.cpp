//===- KernelText.cpp - A kernel's MLIR as tokens -------------------------===//

#include "dfg/CostModel/KernelText.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cctype>
#include <cmath>

using namespace mlir;
using namespace mlir::dfg::cost;

llvm::StringRef mlir::dfg::cost::stringifyTextVariant(TextVariant variant) {
  return variant == TextVariant::Ops ? "op" : "op+operand";
}

std::optional<TextVariant>
mlir::dfg::cost::parseTextVariant(llvm::StringRef name) {
  if (name == "op")
    return TextVariant::Ops;
  if (name == "op+operand")
    return TextVariant::OpsAndOperands;
  return std::nullopt;
}

std::string mlir::dfg::cost::bucketSize(int64_t size) {
  if (ShapedType::isDynamic(size) || size < 0)
    return "?";
  if (size <= 16)
    return std::to_string(size);
  // Half powers of two: 2^(k/2) with k the nearest integer to 2 log2(size).
  long halves = std::lround(2.0 * std::log2(static_cast<double>(size)));
  std::string token = "~2^" + std::to_string(halves / 2);
  if (halves % 2)
    token += ".5";
  return token;
}

bool mlir::dfg::cost::isOpNameToken(llvm::StringRef token) {
  return !token.empty() && llvm::isAlpha(token.front()) && token.contains('.');
}

static std::string printed(Type type) {
  std::string text;
  llvm::raw_string_ostream(text) << type;
  return text;
}

/// A type as tokens: "tensor", its bucketed sizes, its element type.
static void appendType(Type type, SmallVectorImpl<std::string> &tokens) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped) {
    tokens.push_back(printed(type));
    return;
  }
  tokens.push_back(isa<MemRefType>(type) ? "memref" : "tensor");
  if (shaped.hasRank())
    for (int64_t size : shaped.getShape())
      tokens.push_back(bucketSize(size));
  else
    tokens.push_back("*");
  tokens.push_back(printed(shaped.getElementType()));
}

/// An indexing map's results as one token each ("d0", "d1*2+d4").
static void appendMap(AffineMap map, SmallVectorImpl<std::string> &tokens) {
  tokens.push_back("map");
  for (AffineExpr expr : map.getResults()) {
    std::string text;
    llvm::raw_string_ostream os(text);
    os << expr;
    llvm::erase(text, ' ');
    tokens.push_back(text);
  }
}

SmallVector<std::string> mlir::dfg::cost::tokenizeKernelOp(Operation *op) {
  SmallVector<std::string> tokens;
  tokens.push_back(op->getName().getStringRef().str());
  // Integer attributes of named ops (strides, dilations), by name.
  for (NamedAttribute attr : op->getAttrs()) {
    auto elements = dyn_cast<DenseIntElementsAttr>(attr.getValue());
    if (!elements)
      continue;
    tokens.push_back(attr.getName().str());
    for (const APInt &value : elements)
      tokens.push_back(bucketSize(value.getSExtValue()));
  }
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op)) {
    // Named ops imply their maps; generics (transposes, broadcasts,
    // reductions) are told apart by them.
    if (isa<linalg::GenericOp>(op)) {
      for (utils::IteratorType iterator : linalgOp.getIteratorTypesArray())
        tokens.push_back(utils::stringifyIteratorType(iterator).str());
      for (AffineMap map : linalgOp.getIndexingMapsArray())
        appendMap(map, tokens);
    }
    tokens.push_back("ins");
    for (Value input : linalgOp.getDpsInputs())
      appendType(input.getType(), tokens);
    tokens.push_back("outs");
    for (Value init : linalgOp.getDpsInits())
      appendType(init.getType(), tokens);
  } else {
    for (Type type : op->getOperandTypes())
      appendType(type, tokens);
  }
  for (Region &region : op->getRegions()) {
    tokens.push_back("{");
    for (Block &block : region) {
      for (BlockArgument arg : block.getArguments())
        appendType(arg.getType(), tokens);
      for (Operation &inner : block) {
        tokens.push_back(inner.getName().getStringRef().str());
        for (Type type : inner.getOperandTypes())
          appendType(type, tokens);
        if (inner.getNumResults())
          tokens.push_back("->");
        for (Type type : inner.getResultTypes())
          appendType(type, tokens);
      }
    }
    tokens.push_back("}");
  }
  return tokens;
}

SmallVector<std::string>
mlir::dfg::cost::choiceTokens(const CodegenChoice &choice) {
  return {"tile_m=" + std::to_string(choice.tileM),
          "tile_n=" + std::to_string(choice.tileN),
          std::string("pack_rhs=") + (choice.packing ? "1" : "0"),
          std::string("im2col=") + (choice.im2col ? "1" : "0"),
          "vector_bits=" + std::to_string(choice.vectorBits)};
}

SmallVector<std::string>
mlir::dfg::cost::kernelTextTokens(const KernelFeatures &features,
                                  TextVariant variant, size_t maxTokens) {
  SmallVector<std::string> choice = choiceTokens(features.choice);
  SmallVector<std::string> tokens;
  size_t room =
      maxTokens == 0
          ? SIZE_MAX
          : (maxTokens > choice.size() ? maxTokens - choice.size() : 0);
  for (const std::string &token : features.textTokens) {
    if (tokens.size() >= room)
      break;
    if (variant == TextVariant::OpsAndOperands || isOpNameToken(token))
      tokens.push_back(token);
  }
  tokens.append(choice.begin(), choice.end());
  return tokens;
}
