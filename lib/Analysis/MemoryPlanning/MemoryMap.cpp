//===- MemoryMap.cpp - A memory plan drawn as an SVG picture --------------===//

#include "dfg/Analysis/MemoryPlanning/MemoryMap.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <cmath>

using namespace mlir::dfg::memplan;

// The canvas is fixed so that pictures of different plans compare side by
// side; everything below is in canvas pixels.
static constexpr int kWidth = 1200;
static constexpr int kHeight = 700;
static constexpr double kPlotLeft = 96;
static constexpr double kPlotRight = kWidth - 24.0;
static constexpr double kPlotTop = 56;
static constexpr double kPlotBottom = kHeight - 64.0;

static constexpr int kLabelFontSize = 10;
// A generous average advance of a sans-serif character: labels are cut to
// what surely fits rather than measured, as SVG cannot measure text.
static constexpr double kLabelCharWidth = 6.2;
static constexpr int kTitleFontSize = 15;
static constexpr double kTitleCharWidth = 8.6;

/// Whether XML 1.0 can carry the code point at all (even escaped).
static bool isXMLChar(llvm::UTF32 c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/// Labels come from user files: make them valid UTF-8 made of characters XML
/// allows, replacing anything else with U+FFFD.
static std::string sanitize(llvm::StringRef text) {
  std::string result;
  result.reserve(text.size());
  const auto *source = reinterpret_cast<const llvm::UTF8 *>(text.data());
  const auto *end = source + text.size();
  while (source != end) {
    if (*source < 0x80) {
      char c = static_cast<char>(*source++);
      if (isXMLChar(static_cast<unsigned char>(c)))
        result.push_back(c);
      else
        result += "\xEF\xBF\xBD";
      continue;
    }
    const llvm::UTF8 *start = source;
    llvm::UTF32 codePoint = 0;
    if (llvm::convertUTF8Sequence(&source, end, &codePoint,
                                  llvm::strictConversion) !=
            llvm::conversionOK ||
        source == start || !isXMLChar(codePoint)) {
      // Skip one byte only, so that a bad lead byte does not swallow the
      // valid characters after it.
      source = start + 1;
      result += "\xEF\xBF\xBD";
      continue;
    }
    result.append(reinterpret_cast<const char *>(start), source - start);
  }
  return result;
}

/// The number of characters of valid UTF-8 text.
static size_t countChars(llvm::StringRef utf8) {
  return llvm::count_if(utf8, [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
}

/// The first `count` characters of valid UTF-8 text, never splitting one.
static llvm::StringRef takeChars(llvm::StringRef utf8, size_t count) {
  size_t index = 0;
  for (; index < utf8.size(); ++index) {
    if ((static_cast<unsigned char>(utf8[index]) & 0xC0) == 0x80)
      continue;
    if (count == 0)
      break;
    --count;
  }
  return utf8.take_front(index);
}

/// Cuts valid UTF-8 text to at most `maxChars` characters, marking a cut
/// with an ellipsis. Empty when fewer than two characters and the ellipsis
/// fit: "#\u2026" would tell nothing.
static std::string truncate(llvm::StringRef utf8, size_t maxChars) {
  if (countChars(utf8) <= maxChars)
    return utf8.str();
  if (maxChars < 3)
    return std::string();
  return (takeChars(utf8, maxChars - 1) + "\xE2\x80\xA6").str();
}

/// Like truncate, but keeps the end of the text: the last components of a
/// node name such as "/features/features.3/expand3x3/Conv" tell buffers
/// apart, their common prefix does not.
static std::string truncateFront(llvm::StringRef utf8, size_t maxChars) {
  size_t count = countChars(utf8);
  if (count <= maxChars)
    return utf8.str();
  if (maxChars < 3)
    return std::string();
  size_t drop = takeChars(utf8, count - (maxChars - 1)).size();
  return ("\xE2\x80\xA6" + utf8.drop_front(drop)).str();
}

/// Escapes text for element content and attribute values alike.
static void writeEscaped(llvm::raw_ostream &os, llvm::StringRef text) {
  for (char c : text) {
    switch (c) {
    case '&':
      os << "&amp;";
      break;
    case '<':
      os << "&lt;";
      break;
    case '>':
      os << "&gt;";
      break;
    case '"':
      os << "&quot;";
      break;
    case '\'':
      os << "&apos;";
      break;
    default:
      os << c;
    }
  }
}

/// A coordinate, to a hundredth of a pixel.
static llvm::format_object<double> px(double value) {
  return llvm::format("%.2f", value);
}

/// A colour that depends on the label only (xxh3 is stable across runs and
/// hosts, unlike llvm::hash_value), light enough for dark text on it.
static std::string colourFor(llvm::StringRef label) {
  uint64_t hash = llvm::xxh3_64bits(label);
  double hue = static_cast<double>(hash % 360);
  double saturation = 0.45 + static_cast<double>((hash >> 16) % 30) / 100;
  double lightness = 0.58 + static_cast<double>((hash >> 32) % 16) / 100;
  // HSL to RGB (CSS Color 3, 4.2.4); hsl() itself is not SVG 1.1.
  double chroma = (1 - std::fabs(2 * lightness - 1)) * saturation;
  double sector = hue / 60;
  double second = chroma * (1 - std::fabs(std::fmod(sector, 2) - 1));
  double r = 0, g = 0, b = 0;
  switch (static_cast<int>(sector)) {
  case 0:
    r = chroma, g = second;
    break;
  case 1:
    r = second, g = chroma;
    break;
  case 2:
    g = chroma, b = second;
    break;
  case 3:
    g = second, b = chroma;
    break;
  case 4:
    r = second, b = chroma;
    break;
  default:
    r = chroma, b = second;
    break;
  }
  double base = lightness - chroma / 2;
  auto channel = [&](double value) {
    return static_cast<unsigned>(
        std::clamp(std::lround((value + base) * 255), 0L, 255L));
  };
  std::string result;
  llvm::raw_string_ostream(result)
      << llvm::format("#%02x%02x%02x", channel(r), channel(g), channel(b));
  return result;
}

/// Tick positions at multiples of `step` within [low, high], at most 32.
static std::vector<double> ticks(double low, double high, double step) {
  std::vector<double> result;
  for (double value = std::ceil(low / step) * step;
       value <= high + step * 1e-9 && result.size() < 32; value += step) {
    result.push_back(value);
    // Far from 0 a small step may not change a double at all.
    if (value + step == value)
      break;
  }
  return result;
}

/// About eight ticks at powers of two: byte offsets then read as round
/// binary sizes (256 KiB, 512 KiB, ...).
static double byteTickStep(double range) {
  return std::max(1.0, std::exp2(std::ceil(std::log2(range / 8))));
}

/// About eight ticks at 1, 2 or 5 times a power of ten, at least 1 apart
/// (program positions are integers).
static double positionTickStep(double range) {
  double rough = range / 8;
  double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double residual = rough / magnitude;
  double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
  return std::max(1.0, nice * magnitude);
}

static std::string formatPosition(double value) {
  std::string result;
  llvm::raw_string_ostream os(result);
  if (std::fabs(value) < 1e9)
    os << llvm::format("%.0f", value);
  else
    os << llvm::format("%.3g", value);
  return result;
}

namespace {
/// A buffer that gets a rectangle.
struct DrawnBuffer {
  size_t index;
  std::string label;
  bool hasUserLabel;
};
} // namespace

std::string mlir::dfg::memplan::formatByteSize(double bytes) {
  static const char *const units[] = {"B",   "KiB", "MiB", "GiB",
                                      "TiB", "PiB", "EiB"};
  std::string result;
  llvm::raw_string_ostream os(result);
  double magnitude = std::fabs(bytes);
  if (magnitude < 1024) {
    os << llvm::format("%.0f B", bytes);
    return result;
  }
  size_t unit = 0;
  while (magnitude >= 1024 && unit + 1 < std::size(units)) {
    magnitude /= 1024;
    bytes /= 1024;
    ++unit;
  }
  os << llvm::format("%.2f", bytes);
  // Trailing zeros say nothing: 1.50 -> 1.5, 2.00 -> 2.
  while (result.back() == '0')
    result.pop_back();
  if (result.back() == '.')
    result.pop_back();
  os << " " << units[unit];
  return result;
}

std::string mlir::dfg::memplan::describeByteSize(int64_t bytes) {
  std::string exact = std::to_string(bytes) + " bytes";
  if (bytes < 1024)
    return exact;
  return formatByteSize(static_cast<double>(bytes)) + " (" + exact + ")";
}

void mlir::dfg::memplan::writeMemoryMapSVG(llvm::raw_ostream &os,
                                           llvm::ArrayRef<Buffer> buffers,
                                           llvm::ArrayRef<int64_t> offsets,
                                           int64_t arenaSize,
                                           const MemoryMapOptions &options) {
  size_t placed = std::min(buffers.size(), offsets.size());
  std::vector<DrawnBuffer> drawn;
  size_t empty = 0;
  // Doubles throughout: offsets near INT64_MAX must not overflow when a size
  // is added, and the picture needs no more precision than a pixel.
  double timeLow = 0, timeHigh = 1, bytesLow = 0;
  double bytesHigh = static_cast<double>(arenaSize);
  for (size_t i = 0; i < placed; ++i) {
    const Buffer &buffer = buffers[i];
    if (buffer.size <= 0 || buffer.upper <= buffer.lower) {
      ++empty;
      continue;
    }
    std::string label;
    if (i < options.labels.size())
      label = sanitize(options.labels[i]);
    bool hasUserLabel = !label.empty();
    if (!hasUserLabel)
      label = "#" + std::to_string(buffer.id);
    double lower = static_cast<double>(buffer.lower);
    double upper = static_cast<double>(buffer.upper);
    double offset = static_cast<double>(offsets[i]);
    if (drawn.empty()) {
      timeLow = lower;
      timeHigh = upper;
    }
    timeLow = std::min(timeLow, lower);
    timeHigh = std::max(timeHigh, upper);
    bytesLow = std::min(bytesLow, offset);
    bytesHigh = std::max(bytesHigh, offset + static_cast<double>(buffer.size));
    drawn.push_back({i, std::move(label), hasUserLabel});
  }
  bytesHigh = std::max({bytesHigh, static_cast<double>(options.lowerBound),
                        static_cast<double>(options.capacity)});
  // Distinct int64 values can round to the same double far from 0; widen
  // such a range so that the scales below never divide by zero.
  auto widen = [](double low, double &high) {
    if (!(high > low))
      high = low + std::max(1.0, std::fabs(low) * 1e-6);
  };
  widen(timeLow, timeHigh);
  widen(bytesLow, bytesHigh);

  auto x = [&](double time) {
    return kPlotLeft +
           (time - timeLow) / (timeHigh - timeLow) * (kPlotRight - kPlotLeft);
  };
  auto y = [&](double bytes) {
    return kPlotBottom - (bytes - bytesLow) / (bytesHigh - bytesLow) *
                             (kPlotBottom - kPlotTop);
  };

  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
     << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth
     << "\" height=\"" << kHeight << "\" viewBox=\"0 0 " << kWidth << " "
     << kHeight
     << "\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#222\">\n"
     << "<rect class=\"background\" width=\"100%\" height=\"100%\" "
        "fill=\"#fff\"/>\n";

  if (!options.title.empty()) {
    os << "<text class=\"title\" x=\"" << px(kPlotLeft) << "\" y=\"30\" "
       << "font-size=\"" << kTitleFontSize << "\" font-weight=\"bold\">";
    size_t maxChars =
        static_cast<size_t>((kPlotRight - kPlotLeft) / kTitleCharWidth);
    writeEscaped(os, truncate(sanitize(options.title), maxChars));
    os << "</text>\n";
  }

  // Grid and byte ticks on the left.
  os << "<g class=\"grid\" stroke=\"#e4e4e4\">\n";
  std::vector<double> byteTicks =
      ticks(bytesLow, bytesHigh, byteTickStep(bytesHigh - bytesLow));
  for (double tick : byteTicks)
    os << "<line x1=\"" << px(kPlotLeft) << "\" x2=\"" << px(kPlotRight)
       << "\" y1=\"" << px(y(tick)) << "\" y2=\"" << px(y(tick)) << "\"/>\n";
  os << "</g>\n<g class=\"y-ticks\" text-anchor=\"end\">\n";
  for (double tick : byteTicks)
    os << "<text x=\"" << px(kPlotLeft - 6) << "\" y=\"" << px(y(tick) + 4)
       << "\">" << formatByteSize(tick) << "</text>\n";
  os << "</g>\n";

  // One rectangle per buffer. The tooltip is the rectangle's <title>; the
  // label inside is a separate <text> that lets the pointer through to it.
  os << "<g class=\"buffers\">\n";
  for (const DrawnBuffer &entry : drawn) {
    const Buffer &buffer = buffers[entry.index];
    int64_t offset = offsets[entry.index];
    double left = x(static_cast<double>(buffer.lower));
    double right = x(static_cast<double>(buffer.upper));
    double top =
        y(static_cast<double>(offset) + static_cast<double>(buffer.size));
    double bottom = y(static_cast<double>(offset));
    // Keep every buffer visible, however small next to the arena.
    double width = std::max(right - left, 0.5);
    double height = std::max(bottom - top, 0.5);
    os << "<rect class=\"buffer\" data-id=\"" << buffer.id << "\" x=\""
       << px(left) << "\" y=\"" << px(top) << "\" width=\"" << px(width)
       << "\" height=\"" << px(height) << "\" fill=\"" << colourFor(entry.label)
       << "\"";
    // Outlines separate neighbours, but would drown rectangles this small.
    if (width >= 3 && height >= 3)
      os << " stroke=\"#fff\" stroke-width=\"0.75\"";
    os << "><title>";
    if (entry.hasUserLabel) {
      writeEscaped(os, entry.label);
      os << "\n";
    }
    os << "buffer #" << buffer.id << ", " << buffer.size << " bytes";
    if (buffer.size >= 1024)
      os << " (" << formatByteSize(static_cast<double>(buffer.size)) << ")";
    os << "\nlive [" << buffer.lower << ", " << buffer.upper << ")\noffset "
       << offset;
    if (offset >= 1024)
      os << " (" << formatByteSize(static_cast<double>(offset)) << ")";
    os << "</title></rect>\n";

    if (height < kLabelFontSize + 1)
      continue;
    size_t maxChars =
        static_cast<size_t>(std::max(0.0, (width - 6) / kLabelCharWidth));
    std::string text = truncateFront(entry.label, maxChars);
    if (text.empty())
      continue;
    os << "<text class=\"label\" x=\"" << px(left + 3) << "\" y=\""
       << px((top + bottom) / 2 + kLabelFontSize * 0.35) << "\" font-size=\""
       << kLabelFontSize << "\" pointer-events=\"none\">";
    writeEscaped(os, text);
    os << "</text>\n";
  }
  os << "</g>\n";

  if (drawn.empty())
    os << "<text class=\"note\" x=\"" << px((kPlotLeft + kPlotRight) / 2)
       << "\" y=\"" << px((kPlotTop + kPlotBottom) / 2)
       << "\" text-anchor=\"middle\" font-size=\"14\" fill=\"#888\">"
       << "no live, non-empty buffers to draw</text>\n";

  // Horizontal reference lines, labelled at their ends: the arena above its
  // line, the lower bound below its line (so that close lines keep readable
  // labels), the capacity above its line on the left. A plan at its lower
  // bound gets one label for both lines. A white halo keeps a label readable
  // over buffers.
  auto referenceLine = [&](llvm::StringRef kind, int64_t bytes,
                           llvm::StringRef stroke, llvm::StringRef dash,
                           llvm::StringRef name, double labelX,
                           llvm::StringRef anchor, double labelDy) {
    double at = y(static_cast<double>(bytes));
    os << "<g class=\"" << kind << "\">\n<line x1=\"" << px(kPlotLeft)
       << "\" x2=\"" << px(kPlotRight) << "\" y1=\"" << px(at) << "\" y2=\""
       << px(at) << "\" stroke=\"" << stroke << "\" stroke-width=\"1.5\"";
    if (!dash.empty())
      os << " stroke-dasharray=\"" << dash << "\"";
    os << "/>\n";
    if (name.empty()) {
      os << "</g>\n";
      return;
    }
    os << "<text x=\"" << px(labelX) << "\" y=\"" << px(at + labelDy)
       << "\" text-anchor=\"" << anchor << "\" fill=\"" << stroke
       << "\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" "
          "paint-order=\"stroke\">"
       << name << " " << describeByteSize(bytes) << "</text>\n</g>\n";
  };
  if (options.capacity >= 0)
    referenceLine("capacity", options.capacity, "#1f5fbf", "2 3", "capacity",
                  kPlotLeft + 4, "start", -4);
  bool atLowerBound = options.lowerBound == arenaSize;
  if (options.lowerBound >= 0)
    referenceLine("lower-bound", options.lowerBound, "#b03030", "6 4",
                  atLowerBound ? "" : "lower bound", kPlotRight - 4, "end", 12);
  referenceLine("arena", arenaSize, "#222", "",
                atLowerBound ? "arena = lower bound" : "arena", kPlotRight - 4,
                "end", -4);

  // Axes and position ticks.
  os << "<g class=\"axes\" stroke=\"#444\">\n<line x1=\"" << px(kPlotLeft)
     << "\" x2=\"" << px(kPlotRight) << "\" y1=\"" << px(kPlotBottom)
     << "\" y2=\"" << px(kPlotBottom) << "\"/>\n<line x1=\"" << px(kPlotLeft)
     << "\" x2=\"" << px(kPlotLeft) << "\" y1=\"" << px(kPlotTop) << "\" y2=\""
     << px(kPlotBottom) << "\"/>\n";
  std::vector<double> timeTicks =
      ticks(timeLow, timeHigh, positionTickStep(timeHigh - timeLow));
  for (double tick : timeTicks)
    os << "<line x1=\"" << px(x(tick)) << "\" x2=\"" << px(x(tick))
       << "\" y1=\"" << px(kPlotBottom) << "\" y2=\"" << px(kPlotBottom + 5)
       << "\"/>\n";
  os << "</g>\n<g class=\"x-ticks\" text-anchor=\"middle\">\n";
  for (double tick : timeTicks)
    os << "<text x=\"" << px(x(tick)) << "\" y=\"" << px(kPlotBottom + 18)
       << "\">" << formatPosition(tick) << "</text>\n";
  os << "</g>\n<text class=\"axis-title\" x=\""
     << px((kPlotLeft + kPlotRight) / 2) << "\" y=\"" << px(kHeight - 24.0)
     << "\" text-anchor=\"middle\">program position (buffers live over "
        "[lower, upper))</text>\n"
     << "<text class=\"axis-title\" transform=\"translate(18 "
     << px((kPlotTop + kPlotBottom) / 2)
     << ") rotate(-90)\" text-anchor=\"middle\">offset in the arena</text>\n";

  // Say what is not in the picture.
  std::string footnote;
  if (empty)
    footnote +=
        std::to_string(empty) + " zero-size or never-live buffers not drawn. ";
  if (placed < buffers.size())
    footnote += std::to_string(buffers.size() - placed) +
                " buffers have no offset and are not drawn.";
  if (!footnote.empty())
    os << "<text class=\"footnote\" x=\"" << px(kPlotLeft) << "\" y=\""
       << px(kHeight - 6.0) << "\" fill=\"#888\">" << footnote << "</text>\n";
  os << "</svg>\n";
}
