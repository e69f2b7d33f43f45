//===- BufferCSV.cpp - Buffer tables as CSV -------------------------------===//

#include "dfg/Analysis/MemoryPlanning/BufferCSV.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

#include <optional>

using namespace mlir::dfg;
using namespace mlir::dfg::memplan;

namespace {
/// Where each known column sits in a row.
struct Columns {
  std::optional<size_t> id, lower, upper, size, alignment, offset;
  size_t count = 0;
};
} // namespace

static llvm::Error lineError(llvm::StringRef fileName, unsigned line,
                             const llvm::Twine &message) {
  return llvm::createStringError(llvm::Twine(fileName) + ":" +
                                 llvm::Twine(line) + ": " + message);
}

static llvm::Expected<Columns>
parseHeader(llvm::StringRef header, llvm::StringRef fileName, unsigned line) {
  Columns columns;
  llvm::SmallVector<llvm::StringRef> names;
  header.split(names, ',');
  columns.count = names.size();
  for (auto [index, rawName] : llvm::enumerate(names)) {
    llvm::StringRef name = rawName.trim();
    std::optional<size_t> *slot =
        llvm::StringSwitch<std::optional<size_t> *>(name.lower())
            .Case("id", &columns.id)
            .Case("lower", &columns.lower)
            .Case("upper", &columns.upper)
            .Case("size", &columns.size)
            .Case("alignment", &columns.alignment)
            .Case("offset", &columns.offset)
            .Default(nullptr);
    if (!slot)
      return lineError(fileName, line,
                       "unknown column '" + name +
                           "' in the header (expected id, lower, upper, size "
                           "and optionally alignment, offset)");
    if (slot->has_value())
      return lineError(fileName, line,
                       "column '" + name + "' appears twice in the header");
    *slot = index;
  }
  for (auto [name, slot] :
       {std::pair<llvm::StringRef, std::optional<size_t> *>{"id", &columns.id},
        {"lower", &columns.lower},
        {"upper", &columns.upper},
        {"size", &columns.size}})
    if (!slot->has_value())
      return lineError(fileName, line,
                       "missing column '" + name +
                           "' in the header (expected id,lower,upper,size)");
  return columns;
}

llvm::Expected<BufferTable> memplan::parseBufferCSV(llvm::StringRef text,
                                                    llvm::StringRef fileName) {
  BufferTable table;
  std::optional<Columns> columns;
  llvm::DenseMap<int64_t, unsigned> idLines;
  unsigned lineNo = 0;
  while (!text.empty()) {
    llvm::StringRef line;
    std::tie(line, text) = text.split('\n');
    ++lineNo;
    line = line.trim();
    if (line.empty())
      continue;
    if (!columns) {
      llvm::Expected<Columns> header = parseHeader(line, fileName, lineNo);
      if (!header)
        return header.takeError();
      columns = *header;
      continue;
    }

    llvm::SmallVector<llvm::StringRef> fields;
    line.split(fields, ',');
    if (fields.size() != columns->count)
      return lineError(fileName, lineNo,
                       llvm::formatv("expected {0} fields, found {1}",
                                     columns->count, fields.size()));
    auto field = [&](llvm::StringRef name, size_t index,
                     int64_t &value) -> llvm::Error {
      llvm::StringRef raw = fields[index].trim();
      if (raw.getAsInteger(10, value))
        return lineError(
            fileName, lineNo,
            llvm::formatv("{0} '{1}' is not a 64-bit integer", name, raw));
      return llvm::Error::success();
    };
    Buffer buffer;
    if (llvm::Error error = field("id", *columns->id, buffer.id))
      return std::move(error);
    if (llvm::Error error = field("lower", *columns->lower, buffer.lower))
      return std::move(error);
    if (llvm::Error error = field("upper", *columns->upper, buffer.upper))
      return std::move(error);
    if (llvm::Error error = field("size", *columns->size, buffer.size))
      return std::move(error);
    if (columns->alignment)
      if (llvm::Error error =
              field("alignment", *columns->alignment, buffer.alignment))
        return std::move(error);

    if (buffer.size < 0)
      return lineError(fileName, lineNo,
                       llvm::formatv("buffer {0} has a negative size {1}",
                                     buffer.id, buffer.size));
    if (buffer.alignment <= 0)
      return lineError(
          fileName, lineNo,
          llvm::formatv("buffer {0} has a non-positive alignment {1}",
                        buffer.id, buffer.alignment));
    if (buffer.upper < buffer.lower)
      return lineError(fileName, lineNo,
                       llvm::formatv("buffer {0} has an inverted lifetime: "
                                     "upper {1} < lower {2}",
                                     buffer.id, buffer.upper, buffer.lower));
    auto [it, inserted] = idLines.try_emplace(buffer.id, lineNo);
    if (!inserted)
      return lineError(fileName, lineNo,
                       llvm::formatv("duplicate buffer id {0} (first on line "
                                     "{1})",
                                     buffer.id, it->second));
    table.buffers.push_back(buffer);
    table.lines.push_back(lineNo);
  }
  if (!columns)
    return llvm::createStringError(
        fileName + ": empty file, expected a header line id,lower,upper,size");
  table.hasAlignment = columns->alignment.has_value();

  // What is left to check spans rows (sizes adding up past 64 bits).
  if (llvm::Error error = verifyBuffers(table.buffers))
    return llvm::createStringError(fileName + ": " +
                                   llvm::toString(std::move(error)));
  return table;
}

llvm::Expected<BufferTable> memplan::readBufferCSV(llvm::StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
      llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/true);
  if (!file)
    return llvm::createStringError(file.getError(),
                                   "cannot open '" + path +
                                       "': " + file.getError().message());
  return parseBufferCSV((*file)->getBuffer(), path);
}

void memplan::printPlanCSV(llvm::raw_ostream &os, const BufferTable &table,
                           llvm::ArrayRef<int64_t> offsets) {
  os << "id,lower,upper,size" << (table.hasAlignment ? ",alignment" : "")
     << ",offset\n";
  for (auto [buffer, offset] : llvm::zip_equal(table.buffers, offsets)) {
    os << buffer.id << ',' << buffer.lower << ',' << buffer.upper << ','
       << buffer.size;
    if (table.hasAlignment)
      os << ',' << buffer.alignment;
    os << ',' << offset << '\n';
  }
}
