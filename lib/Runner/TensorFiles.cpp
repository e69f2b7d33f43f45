//===- TensorFiles.cpp - tensors in .pb and .npy files --------------------===//
//
// TensorProto files are parsed with the onnx protobuf classes the importer
// links; .npy files with a small parser of the version 1-3 header.
//
//===----------------------------------------------------------------------===//

#include "dfg/Runner/Runner.h"

#include "dfg/Runtime/DTypes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "onnx/onnx_pb.h"

#include <climits>
#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::dfg;
using namespace mlir::dfg::runner;

static llvm::Error makeError(const Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

//===----------------------------------------------------------------------===//
// HostTensor
//===----------------------------------------------------------------------===//

int64_t HostTensor::numElements() const {
  // A zero anywhere makes the tensor empty, however large the other sizes
  // (the readers accept [2^62, 2^62, 0]); the product of sizes without a
  // zero fits, since the readers checked its byte size.
  if (llvm::is_contained(shape, 0))
    return 0;
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

static float halfToFloat(uint16_t bits) {
  uint32_t sign = (bits >> 15) & 1, exponent = (bits >> 10) & 0x1f,
           mantissa = bits & 0x3ff;
  float value;
  if (exponent == 0)
    value = std::ldexp(static_cast<float>(mantissa), -24);
  else if (exponent == 31)
    value = mantissa ? NAN : INFINITY;
  else
    value = std::ldexp(static_cast<float>(mantissa | 0x400),
                       static_cast<int>(exponent) - 25);
  return sign ? -value : value;
}

template <typename T>
static T load(const char *data, int64_t index) {
  T value;
  std::memcpy(&value, data + index * sizeof(T), sizeof(T));
  return value;
}

double HostTensor::elementAsDouble(int64_t index) const {
  const char *bytes = data.data();
  switch (dtype) {
  case DFG_DTYPE_FLOAT32:
    return load<float>(bytes, index);
  case DFG_DTYPE_FLOAT64:
    return load<double>(bytes, index);
  case DFG_DTYPE_FLOAT16:
    return halfToFloat(load<uint16_t>(bytes, index));
  case DFG_DTYPE_BFLOAT16: {
    uint32_t bits = static_cast<uint32_t>(load<uint16_t>(bytes, index)) << 16;
    float value;
    std::memcpy(&value, &bits, sizeof(value));
    return value;
  }
  case DFG_DTYPE_UINT8:
  case DFG_DTYPE_BOOL:
    return load<uint8_t>(bytes, index);
  case DFG_DTYPE_INT8:
    return load<int8_t>(bytes, index);
  case DFG_DTYPE_UINT16:
    return load<uint16_t>(bytes, index);
  case DFG_DTYPE_INT16:
    return load<int16_t>(bytes, index);
  case DFG_DTYPE_INT32:
    return load<int32_t>(bytes, index);
  case DFG_DTYPE_UINT32:
    return load<uint32_t>(bytes, index);
  case DFG_DTYPE_INT64:
    return static_cast<double>(load<int64_t>(bytes, index));
  case DFG_DTYPE_UINT64:
    return static_cast<double>(load<uint64_t>(bytes, index));
  default:
    return NAN;
  }
}

std::string HostTensor::describe() const {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << getDTypeName(dtype) << " [";
  llvm::interleaveComma(shape, os);
  os << ']';
  return text;
}

//===----------------------------------------------------------------------===//
// TensorProto
//===----------------------------------------------------------------------===//

template <typename Field>
static void appendAs(std::vector<char> &data, const Field &values,
                     size_t elementSize) {
  for (auto value : values) {
    // Little-endian hosts: the low bytes of the wider field type.
    char bytes[8] = {};
    if (elementSize == 4 && std::is_floating_point_v<decltype(value)>) {
      float narrow = static_cast<float>(value);
      std::memcpy(bytes, &narrow, 4);
    } else if (std::is_floating_point_v<decltype(value)>) {
      double wide = static_cast<double>(value);
      std::memcpy(bytes, &wide, 8);
    } else {
      uint64_t wide = static_cast<uint64_t>(value);
      std::memcpy(bytes, &wide, 8);
    }
    data.insert(data.end(), bytes, bytes + elementSize);
  }
}

/// The bytes of `dims` elements of `elementSize` bytes each, or an error
/// naming `path` when that overflows 63 bits.
static llvm::Expected<size_t>
checkedBytes(StringRef path, ArrayRef<int64_t> dims, size_t elementSize) {
  uint64_t bytes = elementSize;
  bool overflow = false;
  for (int64_t dim : dims) {
    if (dim == 0)
      return 0;
    bytes = llvm::SaturatingMultiply<uint64_t>(bytes, dim, &overflow);
  }
  if (overflow || bytes > static_cast<uint64_t>(INT64_MAX))
    return makeError("'" + path + "': the shape's byte size overflows");
  return static_cast<size_t>(bytes);
}

llvm::Expected<HostTensor> mlir::dfg::runner::readTensorProto(StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
  if (!buffer)
    return makeError("cannot read '" + path + "': " +
                     buffer.getError().message());
  return parseTensorProto((*buffer)->getBuffer(), path);
}

llvm::Expected<HostTensor> mlir::dfg::runner::parseTensorProto(StringRef bytes,
                                                               StringRef path) {
  onnx::TensorProto proto;
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return makeError("'" + path + "' is not a valid ONNX TensorProto file");
  HostTensor tensor;
  tensor.name = proto.name();
  tensor.dtype = proto.data_type();
  size_t elementSize = getDTypeSize(tensor.dtype);
  if (!elementSize)
    return makeError("'" + path + "': data type " + Twine(proto.data_type()) +
                     " is not supported (strings and complex numbers are "
                     "not)");
  for (int64_t dim : proto.dims()) {
    if (dim < 0)
      return makeError("'" + path + "': negative dimension " + Twine(dim));
    tensor.shape.push_back(dim);
  }
  if (proto.data_location() == onnx::TensorProto::EXTERNAL)
    return makeError("'" + path + "': external data is not supported");
  llvm::Expected<size_t> size = checkedBytes(path, tensor.shape, elementSize);
  if (!size)
    return size.takeError();
  int64_t count = static_cast<int64_t>(*size / elementSize);
  if (proto.has_raw_data()) {
    tensor.data.assign(proto.raw_data().begin(), proto.raw_data().end());
  } else {
    switch (tensor.dtype) {
    case DFG_DTYPE_FLOAT32:
      appendAs(tensor.data, proto.float_data(), elementSize);
      break;
    case DFG_DTYPE_FLOAT64:
      appendAs(tensor.data, proto.double_data(), elementSize);
      break;
    case DFG_DTYPE_INT64:
      appendAs(tensor.data, proto.int64_data(), elementSize);
      break;
    case DFG_DTYPE_UINT32:
    case DFG_DTYPE_UINT64:
      appendAs(tensor.data, proto.uint64_data(), elementSize);
      break;
    default: // int32_data carries the narrow types (f16/bf16 as bits).
      appendAs(tensor.data, proto.int32_data(), elementSize);
      break;
    }
  }
  if (tensor.data.size() != static_cast<size_t>(count) * elementSize)
    return makeError("'" + path + "': " + Twine(tensor.data.size()) +
                     " bytes of data for " + Twine(count) +
                     " elements of " + Twine(elementSize) + " bytes");
  return tensor;
}

llvm::Error mlir::dfg::runner::writeTensorProto(StringRef path,
                                                const HostTensor &tensor) {
  onnx::TensorProto proto;
  proto.set_name(tensor.name);
  proto.set_data_type(tensor.dtype);
  for (int64_t dim : tensor.shape)
    proto.add_dims(dim);
  proto.set_raw_data(std::string(tensor.data.begin(), tensor.data.end()));
  std::string bytes;
  if (!proto.SerializeToString(&bytes))
    return makeError("cannot serialize '" + tensor.name + "'");
  std::error_code error;
  llvm::raw_fd_ostream os(path, error, llvm::sys::fs::OF_None);
  if (error)
    return makeError("cannot write '" + path + "': " + error.message());
  os << bytes;
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// .npy
//===----------------------------------------------------------------------===//

/// The text after `'key':` in a .npy header dict, trimmed.
static std::optional<StringRef> npyField(StringRef header, StringRef key) {
  size_t at = header.find(("'" + key + "'").str());
  if (at == StringRef::npos)
    return std::nullopt;
  StringRef rest = header.drop_front(at + key.size() + 2).ltrim();
  if (!rest.consume_front(":"))
    return std::nullopt;
  return rest.ltrim();
}

llvm::Expected<HostTensor> mlir::dfg::runner::readNpy(StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
  if (!buffer)
    return makeError("cannot read '" + path + "': " +
                     buffer.getError().message());
  return parseNpy((*buffer)->getBuffer(), path);
}

llvm::Expected<HostTensor> mlir::dfg::runner::parseNpy(StringRef bytes,
                                                       StringRef path) {
  if (bytes.size() < 10 || !bytes.starts_with("\x93NUMPY"))
    return makeError("'" + path + "' is not a .npy file (bad magic)");
  uint8_t major = bytes[6];
  size_t headerLength, headerStart;
  if (major == 1) {
    headerLength = uint8_t(bytes[8]) | (uint8_t(bytes[9]) << 8);
    headerStart = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return makeError("'" + path + "': truncated .npy header");
    headerLength = uint32_t(uint8_t(bytes[8])) |
                   (uint32_t(uint8_t(bytes[9])) << 8) |
                   (uint32_t(uint8_t(bytes[10])) << 16) |
                   (uint32_t(uint8_t(bytes[11])) << 24);
    headerStart = 12;
  } else {
    return makeError("'" + path + "': unsupported .npy version " +
                     Twine(major));
  }
  if (bytes.size() < headerStart + headerLength)
    return makeError("'" + path + "': truncated .npy header");
  StringRef header = bytes.substr(headerStart, headerLength);

  HostTensor tensor;
  tensor.name = llvm::sys::path::stem(path).str();
  std::optional<StringRef> descr = npyField(header, "descr");
  if (!descr || !descr->consume_front("'"))
    return makeError("'" + path + "': the .npy header has no 'descr'");
  StringRef type = descr->take_until([](char c) { return c == '\''; });
  // A one-byte type may be written with '<' or '=' as well as '|'.
  std::string normalized = type.str();
  if (normalized.size() == 3 && normalized[2] == '1' &&
      (normalized[0] == '<' || normalized[0] == '='))
    normalized[0] = '|';
  if (normalized.size() == 3 && normalized[0] == '=')
    normalized[0] = '<';
  for (const DTypeInfo &entry : getDTypeTable())
    if (!entry.npy.empty() && normalized == entry.npy)
      tensor.dtype = entry.code;
  if (!tensor.dtype)
    return makeError("'" + path + "': unsupported .npy dtype '" + type +
                     "' (little-endian numbers and bool only)");
  std::optional<StringRef> fortran = npyField(header, "fortran_order");
  if (!fortran)
    return makeError("'" + path + "': the .npy header has no 'fortran_order'");
  if (fortran->starts_with("True"))
    return makeError("'" + path + "': Fortran-order arrays are not supported "
                     "(save with numpy.ascontiguousarray)");
  std::optional<StringRef> shape = npyField(header, "shape");
  if (!shape || !shape->consume_front("("))
    return makeError("'" + path + "': the .npy header has no 'shape'");
  StringRef dims = shape->take_until([](char c) { return c == ')'; });
  SmallVector<StringRef> parts;
  dims.split(parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef part : parts) {
    part = part.trim();
    if (part.empty())
      continue;
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 0)
      return makeError("'" + path + "': bad dimension '" + part + "'");
    tensor.shape.push_back(dim);
  }
  size_t elementSize = getDTypeSize(tensor.dtype);
  llvm::Expected<size_t> expected =
      checkedBytes(path, tensor.shape, elementSize);
  if (!expected)
    return expected.takeError();
  StringRef payload = bytes.drop_front(headerStart + headerLength);
  if (payload.size() != *expected)
    return makeError("'" + path + "': " + Twine(payload.size()) +
                     " bytes of data, expected " + Twine(*expected));
  tensor.data.assign(payload.begin(), payload.end());
  return tensor;
}

llvm::Error mlir::dfg::runner::writeNpy(StringRef path,
                                        const HostTensor &tensor) {
  const DTypeInfo *info = lookupDType(tensor.dtype);
  StringRef descr = info ? StringRef(info->npy) : StringRef();
  if (descr.empty())
    return makeError("'" + tensor.name + "': numpy has no " +
                     getDTypeName(tensor.dtype) + " type");
  std::string header;
  llvm::raw_string_ostream os(header);
  os << "{'descr': '" << descr << "', 'fortran_order': False, 'shape': (";
  for (int64_t dim : tensor.shape)
    os << dim << (tensor.shape.size() == 1 ? "," : ", ");
  os << "), }";
  // Magic (6) + version (2) + length (2) + header, padded to 64 with '\n'.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::error_code error;
  llvm::raw_fd_ostream file(path, error, llvm::sys::fs::OF_None);
  if (error)
    return makeError("cannot write '" + path + "': " + error.message());
  file << "\x93NUMPY" << char(1) << char(0) << char(header.size() & 0xff)
       << char(header.size() >> 8) << header;
  file.write(tensor.data.data(), tensor.data.size());
  return llvm::Error::success();
}

llvm::Expected<HostTensor> mlir::dfg::runner::readTensorFile(StringRef path) {
  StringRef extension = llvm::sys::path::extension(path);
  if (extension == ".npy")
    return readNpy(path);
  if (extension == ".pb")
    return readTensorProto(path);
  return makeError("'" + path +
                   "': unknown tensor file type (expected .pb or .npy)");
}

//===----------------------------------------------------------------------===//
// Comparison
//===----------------------------------------------------------------------===//

/// Integer and boolean element types: compared exactly.
static bool isExactDType(int32_t dtype) {
  switch (dtype) {
  case DFG_DTYPE_BOOL:
  case DFG_DTYPE_UINT8:
  case DFG_DTYPE_INT8:
  case DFG_DTYPE_UINT16:
  case DFG_DTYPE_INT16:
  case DFG_DTYPE_UINT32:
  case DFG_DTYPE_INT32:
  case DFG_DTYPE_UINT64:
  case DFG_DTYPE_INT64:
    return true;
  default:
    return false;
  }
}

/// The element at row-major position `index` of an integer or boolean
/// tensor, printed in its own type.
static std::string formatExact(const HostTensor &tensor, int64_t index) {
  const char *bytes = tensor.data.data();
  switch (tensor.dtype) {
  case DFG_DTYPE_UINT64:
    return std::to_string(load<uint64_t>(bytes, index));
  case DFG_DTYPE_INT64:
    return std::to_string(load<int64_t>(bytes, index));
  default:
    return std::to_string(static_cast<int64_t>(tensor.elementAsDouble(index)));
  }
}

/// "[i, j, k]" of row-major position `index` in `shape`.
static std::string formatIndex(ArrayRef<int64_t> shape, int64_t index) {
  SmallVector<int64_t> position(shape.size());
  for (size_t d = shape.size(); d-- > 0;) {
    position[d] = shape[d] ? index % shape[d] : 0;
    index = shape[d] ? index / shape[d] : 0;
  }
  std::string text = "[";
  for (auto [i, p] : llvm::enumerate(position))
    text += (i ? ", " : "") + std::to_string(p);
  return text + "]";
}

Comparison mlir::dfg::runner::compareTensors(const HostTensor &got,
                                             const HostTensor &expected,
                                             double rtol, double atol) {
  Comparison result;
  if (got.dtype != expected.dtype) {
    result.mismatch = "dtype " + got.describe() + ", expected " +
                      expected.describe();
    return result;
  }
  if (got.shape != expected.shape) {
    result.mismatch =
        "shape " + got.describe() + ", expected " + expected.describe();
    return result;
  }
  result.pass = true;
  if (isExactDType(got.dtype)) {
    result.exact = true;
    unsigned size = getDTypeSize(got.dtype);
    for (int64_t i = 0, e = got.numElements(); i < e; ++i) {
      if (std::memcmp(got.data.data() + i * size,
                      expected.data.data() + i * size, size) == 0)
        continue;
      if (result.numDiffering++ == 0)
        result.firstDifference = formatIndex(got.shape, i) + ": got " +
                                 formatExact(got, i) + ", expected " +
                                 formatExact(expected, i);
    }
    result.pass = result.numDiffering == 0;
    return result;
  }
  for (int64_t i = 0, e = got.numElements(); i < e; ++i) {
    double a = got.elementAsDouble(i), b = expected.elementAsDouble(i);
    if (std::isnan(a) && std::isnan(b))
      continue;
    if (a == b) // Equal infinities included.
      continue;
    double absError = std::fabs(a - b);
    if (std::isnan(absError))
      absError = INFINITY;
    double relError = b != 0 ? absError / std::fabs(b) : absError;
    result.maxAbsError = std::max(result.maxAbsError, absError);
    result.maxRelError = std::max(result.maxRelError, relError);
    if (!(absError <= atol + rtol * std::fabs(b)))
      result.pass = false;
  }
  return result;
}
