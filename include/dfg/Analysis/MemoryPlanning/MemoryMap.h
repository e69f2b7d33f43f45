//===- MemoryMap.h - A memory plan drawn as an SVG picture ------*- C++ -*-===//
//
// Draws a plan as a picture: time (program position) runs across, the arena
// offset runs up, and every buffer that takes room is a rectangle spanning its
// lifetime and its bytes. Gaps, the arena top and the lower bound are then
// visible at a glance, which a table of offsets does not give.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_ANALYSIS_MEMORYPLANNING_MEMORYMAP_H
#define DFG_ANALYSIS_MEMORYPLANNING_MEMORYMAP_H

#include "dfg/Analysis/MemoryPlanning/Planner.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir::dfg::memplan {

struct MemoryMapOptions {
  /// Drawn at the top of the picture; may be empty.
  std::string title;
  /// One label per buffer, in buffer order (for instance the ONNX node that
  /// produced the buffer). A missing or empty label is drawn as "#<id>". The
  /// colour of a buffer is derived from its label, so buffers with the same
  /// label keep the same colour across pictures. Labels may hold any bytes:
  /// they are XML-escaped, and invalid UTF-8 or characters XML cannot carry
  /// are replaced with U+FFFD.
  std::vector<std::string> labels;
  /// Drawn as a dashed horizontal line when >= 0.
  int64_t lowerBound = -1;
  /// Drawn as a dotted horizontal line when >= 0 (the arena size the plan
  /// had to fit in).
  int64_t capacity = -1;
};

/// Writes an SVG document (a fixed 1200x700 canvas) picturing the plan
/// `offsets` of `buffers` in an arena of `arenaSize` bytes: one rectangle
/// (class "buffer") per buffer that is live (lower < upper) and non-empty,
/// with a tooltip giving its label, id, size, lifetime and offset. Buffers
/// without an offset (when `offsets` is shorter than `buffers`) are not
/// drawn, and a note says how many. Never fails: any input gives a
/// well-formed document.
void writeMemoryMapSVG(llvm::raw_ostream &os, llvm::ArrayRef<Buffer> buffers,
                       llvm::ArrayRef<int64_t> offsets, int64_t arenaSize,
                       const MemoryMapOptions &options);

/// A byte count in binary units for people: "512 B", "1.5 KiB", "963 MiB"
/// (at most two decimals).
std::string formatByteSize(double bytes);

/// "100 bytes" below 1 KiB, else both forms: "1.5 KiB (1536 bytes)".
std::string describeByteSize(int64_t bytes);

} // namespace mlir::dfg::memplan

#endif // DFG_ANALYSIS_MEMORYPLANNING_MEMORYMAP_H
