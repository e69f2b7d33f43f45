//===- BufferCSV.h - Buffer tables as CSV -----------------------*- C++ -*-===//
//
// The CSV format of the MiniMalloc benchmark instances, shared by dfg-memplan
// and the benchmarks: a header line naming the columns, then one buffer per
// line. Required columns: id, lower, upper, size (integers; the buffer is
// live over [lower, upper) and needs size bytes). Optional columns:
// alignment (a positive integer, default 1) and offset (ignored on input, so
// that a plan can be planned again). Columns may come in any order; blank
// lines are skipped.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_ANALYSIS_MEMORYPLANNING_BUFFERCSV_H
#define DFG_ANALYSIS_MEMORYPLANNING_BUFFERCSV_H

#include "dfg/Analysis/MemoryPlanning/Planner.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace mlir::dfg::memplan {

/// The buffers of a CSV file, in file order.
struct BufferTable {
  std::vector<Buffer> buffers;
  /// The 1-based line each buffer came from, for diagnostics.
  std::vector<unsigned> lines;
  /// Whether the file had an alignment column (it is written back if so).
  bool hasAlignment = false;
};

/// Parses CSV text. `fileName` only prefixes error messages, which have the
/// form "FILE:LINE: message". Rejects malformed rows, negative sizes,
/// non-positive alignments, inverted lifetimes (upper < lower; upper ==
/// lower is an empty lifetime, allowed) and duplicate ids.
llvm::Expected<BufferTable> parseBufferCSV(llvm::StringRef text,
                                           llvm::StringRef fileName);

/// Reads and parses a CSV file ("-" reads standard input).
llvm::Expected<BufferTable> readBufferCSV(llvm::StringRef path);

/// Writes the table back with an offset column appended, one offset per
/// buffer.
void printPlanCSV(llvm::raw_ostream &os, const BufferTable &table,
                  llvm::ArrayRef<int64_t> offsets);

} // namespace mlir::dfg::memplan

#endif // DFG_ANALYSIS_MEMORYPLANNING_BUFFERCSV_H
