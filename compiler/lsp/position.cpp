#include "compiler/lsp/position.h"

#include <algorithm>

namespace concord::lsp {

std::string_view EncodingName(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::kUtf8:
      return "utf-8";
    case PositionEncoding::kUtf32:
      return "utf-32";
    case PositionEncoding::kUtf16:
      break;
  }
  return "utf-16";
}

std::optional<PositionEncoding> EncodingFromName(std::string_view name) {
  if (name == "utf-16") return PositionEncoding::kUtf16;
  if (name == "utf-8") return PositionEncoding::kUtf8;
  if (name == "utf-32") return PositionEncoding::kUtf32;
  return std::nullopt;
}

uint32_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;  // a continuation byte or an invalid lead: one unit on its own
}

namespace {

// How many units of `encoding` the character of `bytes` UTF-8 bytes takes.
uint32_t UnitsOf(uint32_t bytes, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::kUtf8:
      return bytes;
    case PositionEncoding::kUtf32:
      return 1;
    case PositionEncoding::kUtf16:
      break;
  }
  return bytes == 4 ? 2 : 1;  // outside the BMP: a surrogate pair
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    // CR LF, LF and a lone CR all end a line, as in the specification.
    if (text[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

uint32_t LineIndex::LineEnd(uint32_t line) const {
  uint32_t end =
      line + 1 < line_starts_.size() ? line_starts_[line + 1] : static_cast<uint32_t>(text_.size());
  uint32_t start = line_starts_[line];
  if (end > start && text_[end - 1] == '\n') --end;
  if (end > start && text_[end - 1] == '\r') --end;
  return end;
}

uint32_t LineIndex::ToOffset(Position position, PositionEncoding encoding) const {
  if (position.line >= line_starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t offset = line_starts_[position.line];
  uint32_t end = LineEnd(position.line);
  uint32_t units = 0;
  while (offset < end) {
    uint32_t bytes =
        std::min(Utf8SequenceLength(static_cast<unsigned char>(text_[offset])), end - offset);
    uint32_t width = UnitsOf(bytes, encoding);
    if (units + width > position.character) break;
    units += width;
    offset += bytes;
  }
  return offset;
}

Position LineIndex::ToPosition(uint32_t offset, PositionEncoding encoding) const {
  offset = std::min(offset, static_cast<uint32_t>(text_.size()));
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(after - line_starts_.begin()) - 1;
  uint32_t cursor = line_starts_[line];
  uint32_t end = std::min(offset, LineEnd(line));
  uint32_t units = 0;
  while (cursor < end) {
    uint32_t bytes = Utf8SequenceLength(static_cast<unsigned char>(text_[cursor]));
    if (cursor + bytes > end) break;  // `offset` is inside this character
    units += UnitsOf(bytes, encoding);
    cursor += bytes;
  }
  return {line, units};
}

}  // namespace concord::lsp
