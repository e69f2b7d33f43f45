//===- TensorConversion.cpp - ONNX types and tensors to MLIR --------------===//

#include "GraphImporter.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace mlir::dfg::onnx_import;

FailureOr<Type> mlir::dfg::onnx_import::convertElementType(MLIRContext *context,
                                                          int32_t dataType) {
  Builder b(context);
  switch (dataType) {
  case onnx::TensorProto::FLOAT:
    return Type(b.getF32Type());
  case onnx::TensorProto::DOUBLE:
    return Type(b.getF64Type());
  case onnx::TensorProto::FLOAT16:
    return Type(b.getF16Type());
  case onnx::TensorProto::BFLOAT16:
    return Type(b.getBF16Type());
  case onnx::TensorProto::BOOL:
    return Type(b.getI1Type());
  case onnx::TensorProto::INT8:
    return Type(b.getI8Type());
  case onnx::TensorProto::INT16:
    return Type(b.getI16Type());
  case onnx::TensorProto::INT32:
    return Type(b.getI32Type());
  case onnx::TensorProto::INT64:
    return Type(b.getI64Type());
  case onnx::TensorProto::UINT8:
    return Type(IntegerType::get(context, 8, IntegerType::Unsigned));
  case onnx::TensorProto::UINT16:
    return Type(IntegerType::get(context, 16, IntegerType::Unsigned));
  case onnx::TensorProto::UINT32:
    return Type(IntegerType::get(context, 32, IntegerType::Unsigned));
  case onnx::TensorProto::UINT64:
    return Type(IntegerType::get(context, 64, IntegerType::Unsigned));
  default:
    return failure();
  }
}

/// The ONNX name of a data type, for diagnostics.
static std::string dataTypeName(int32_t dataType) {
  if (onnx::TensorProto::DataType_IsValid(dataType))
    return onnx::TensorProto::DataType_Name(dataType);
  return "data type " + std::to_string(dataType);
}

FailureOr<RankedTensorType>
mlir::dfg::onnx_import::convertTensorType(MLIRContext *context,
                                          const onnx::TypeProto &type) {
  if (!type.has_tensor_type())
    return failure();
  const onnx::TypeProto::Tensor &tensor = type.tensor_type();
  FailureOr<Type> element = convertElementType(context, tensor.elem_type());
  if (failed(element) || !tensor.has_shape())
    return failure();
  SmallVector<int64_t> shape;
  for (const onnx::TensorShapeProto::Dimension &dim : tensor.shape().dim()) {
    if (dim.has_dim_value() && dim.dim_value() >= 0)
      shape.push_back(dim.dim_value());
    else
      shape.push_back(ShapedType::kDynamic);
  }
  return RankedTensorType::get(shape, *element);
}

FailureOr<Type>
mlir::dfg::onnx_import::convertType(MLIRContext *context,
                                    const onnx::TypeProto &type) {
  if (type.has_tensor_type()) {
    FailureOr<RankedTensorType> tensor = convertTensorType(context, type);
    if (failed(tensor))
      return failure();
    return Type(*tensor);
  }
  if (type.has_sequence_type()) {
    const onnx::TypeProto &element = type.sequence_type().elem_type();
    if (!element.has_tensor_type())
      return failure();
    if (element.tensor_type().has_shape()) {
      FailureOr<RankedTensorType> tensor = convertTensorType(context, element);
      if (failed(tensor))
        return failure();
      return Type(SequenceType::get(*tensor));
    }
    FailureOr<Type> elementType =
        convertElementType(context, element.tensor_type().elem_type());
    if (failed(elementType))
      return failure();
    return Type(SequenceType::get(UnrankedTensorType::get(*elementType)));
  }
  if (type.has_optional_type()) {
    FailureOr<Type> element =
        convertType(context, type.optional_type().elem_type());
    if (failed(element) || isa<OptionalType>(*element))
      return failure();
    return Type(OptionalType::get(*element));
  }
  return failure();
}

namespace {
/// Raw little-endian bytes of a tensor, owned or borrowed.
struct TensorBytes {
  std::string owned;
  std::shared_ptr<llvm::MemoryBuffer> file;
  ArrayRef<char> bytes;
};
} // namespace

/// Reads `tensor`'s external data (location, offset, length keys). The
/// location is resolved against the model's folder, symbolic links
/// included, and must stay inside it (ONNX's CVE-2022-25882 and
/// CVE-2024-27318: a `..`, an absolute path or a link out of the folder
/// would read any file the compiler can).
static LogicalResult
readExternalData(const onnx::TensorProto &tensor, ModelInfo &model,
                 TensorBytes &out,
                 llvm::function_ref<InFlightDiagnostic()> emitError) {
  std::string location;
  uint64_t offset = 0;
  std::optional<uint64_t> length;
  for (const onnx::StringStringEntryProto &entry : tensor.external_data()) {
    uint64_t value = 0;
    if (entry.key() == "location") {
      location = entry.value();
    } else if (entry.key() == "offset" || entry.key() == "length") {
      if (StringRef(entry.value()).getAsInteger(10, value))
        return emitError() << "external data '" << entry.key()
                           << "' is not a number: '" << entry.value() << "'";
      if (entry.key() == "offset")
        offset = value;
      else
        length = value;
    }
  }
  if (location.empty())
    return emitError() << "external data has no 'location'";
  if (llvm::sys::path::is_absolute(location) ||
      StringRef(location).contains(".."))
    return emitError() << "external data location '" << location
                       << "' must be a relative path inside the model's "
                          "folder";
  SmallString<256> folder, path(model.externalDir);
  llvm::sys::path::append(path, location);
  if (std::error_code ec = llvm::sys::fs::real_path(
          model.externalDir.empty() ? "." : model.externalDir, folder))
    return emitError() << "cannot resolve the model's folder '"
                       << model.externalDir << "': " << ec.message();
  SmallString<256> real;
  if (std::error_code ec = llvm::sys::fs::real_path(path, real))
    return emitError() << "cannot read external data file '" << path
                       << "': " << ec.message();
  if (real.size() <= folder.size() || !StringRef(real).starts_with(folder) ||
      !llvm::sys::path::is_separator(real[folder.size()]))
    return emitError() << "external data location '" << location
                       << "' resolves to '" << real
                       << "', outside the model's folder '" << folder << "'";
  if (model.externalFilePath != real) {
    model.externalFile.reset();
    auto file = llvm::MemoryBuffer::getFile(real, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
    if (!file)
      return emitError() << "cannot read external data file '" << path
                         << "': " << file.getError().message();
    model.externalFile = std::move(*file);
    model.externalFilePath = real.str().str();
  }
  uint64_t size = model.externalFile->getBufferSize();
  if (offset > size || (length && *length > size - offset))
    return emitError() << "external data range [" << offset << ", "
                       << offset + length.value_or(0) << ") lies outside '"
                       << path << "' (" << size << " bytes)";
  uint64_t count = length.value_or(size - offset);
  out.bytes =
      ArrayRef<char>(model.externalFile->getBufferStart() + offset, count);
  out.file = model.externalFile;
  return success();
}

/// Packs the typed repeated fields of `tensor` as little-endian bytes of
/// `elementBytes` each.
template <typename T, typename Range>
static void packValues(const Range &values, std::string &out) {
  out.resize(values.size() * sizeof(T));
  char *p = out.data();
  for (auto v : values) {
    llvm::support::endian::write<T, llvm::endianness::little>(p, T(v));
    p += sizeof(T);
  }
}

FailureOr<ElementsAttr>
GraphImporter::convertTensor(const onnx::TensorProto &tensor, Location loc) {
  auto emitError = [&]() {
    return mlir::emitError(loc)
           << "tensor '" << tensor.name() << "': ";
  };
  FailureOr<Type> element = convertElementType(context, tensor.data_type());
  if (failed(element))
    return emitError() << "unsupported element type "
                       << dataTypeName(tensor.data_type());
  SmallVector<int64_t> shape;
  int64_t count = 1;
  for (int64_t dim : tensor.dims()) {
    if (dim < 0)
      return emitError() << "negative dimension " << dim;
    // Guard the element count against overflow before it sizes anything.
    if (dim != 0 && count > (int64_t(1) << 40) / dim)
      return emitError() << "more elements than DFG accepts ("
                         << "dimensions multiply past 2^40)";
    count *= dim;
    shape.push_back(dim);
  }
  auto type = RankedTensorType::get(shape, *element);
  if (tensor.has_segment())
    return emitError() << "segmented tensors are not supported";

  TensorBytes data;
  int32_t dt = tensor.data_type();
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL) {
    if (failed(readExternalData(tensor, model, data, emitError)))
      return failure();
  } else if (tensor.has_raw_data()) {
    data.bytes = ArrayRef<char>(tensor.raw_data().data(),
                                tensor.raw_data().size());
  } else {
    switch (dt) {
    case onnx::TensorProto::FLOAT:
      packValues<float>(tensor.float_data(), data.owned);
      break;
    case onnx::TensorProto::DOUBLE:
      packValues<double>(tensor.double_data(), data.owned);
      break;
    case onnx::TensorProto::INT64:
      packValues<int64_t>(tensor.int64_data(), data.owned);
      break;
    case onnx::TensorProto::UINT32:
    case onnx::TensorProto::UINT64:
      if (dt == onnx::TensorProto::UINT32)
        packValues<uint32_t>(tensor.uint64_data(), data.owned);
      else
        packValues<uint64_t>(tensor.uint64_data(), data.owned);
      break;
    case onnx::TensorProto::INT32:
      packValues<int32_t>(tensor.int32_data(), data.owned);
      break;
    case onnx::TensorProto::INT16:
    case onnx::TensorProto::UINT16:
    case onnx::TensorProto::FLOAT16:
    case onnx::TensorProto::BFLOAT16:
      packValues<uint16_t>(tensor.int32_data(), data.owned);
      break;
    case onnx::TensorProto::INT8:
    case onnx::TensorProto::UINT8:
    case onnx::TensorProto::BOOL:
      packValues<uint8_t>(tensor.int32_data(), data.owned);
      break;
    default:
      return emitError() << "unsupported element type " << dataTypeName(dt);
    }
    data.bytes = ArrayRef<char>(data.owned.data(), data.owned.size());
  }

  int64_t elementBytes = isa<IntegerType>(*element) &&
                                 cast<IntegerType>(*element).getWidth() == 1
                             ? 1
                             : (*element).getIntOrFloatBitWidth() / 8;
  int64_t expected = count * elementBytes;
  if (static_cast<int64_t>(data.bytes.size()) != expected)
    return emitError() << "holds " << data.bytes.size()
                       << " bytes of data, but its type " << type
                       << " needs " << expected;

  // Booleans are one byte each in ONNX and bit-packed in dense attributes.
  if ((*element).isInteger(1)) {
    SmallVector<bool> bits;
    for (char c : data.bytes)
      bits.push_back(c != 0);
    return ElementsAttr(DenseElementsAttr::get(type, ArrayRef<bool>(bits)));
  }
  if (count <= model.options->denseLiteralLimit)
    return ElementsAttr(DenseElementsAttr::getFromRawBuffer(type, data.bytes));
  std::string name = tensor.name().empty() ? "tensor" : tensor.name();
  AsmResourceBlob blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
      data.bytes, alignof(uint64_t));
  return ElementsAttr(DenseResourceElementsAttr::get(type, name,
                                                     std::move(blob)));
}
