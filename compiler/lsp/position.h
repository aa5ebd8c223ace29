// LSP positions are (line, character) with `character` counted in the
// negotiated encoding: UTF-16 code units by default, or UTF-8 bytes or
// UTF-32 code points when client and server agree. The compiler counts in
// byte offsets; this file converts between the two over one text.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace concord::lsp {

enum class PositionEncoding : uint8_t { kUtf16, kUtf8, kUtf32 };

// "utf-16", "utf-8", "utf-32" as the specification spells them.
std::string_view EncodingName(PositionEncoding encoding);
std::optional<PositionEncoding> EncodingFromName(std::string_view name);

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

// Line starts of one text, for conversions in both directions. The text is
// not copied: it must outlive the index.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

  // The byte offset of `position`. A line past the end clamps to the end of
  // the text and a character past the end of its line clamps to the line
  // end, as the specification asks; a position inside a multi-unit
  // character (half a surrogate pair) moves to that character's start.
  uint32_t ToOffset(Position position, PositionEncoding encoding) const;

  // The position of byte `offset` (clamped to the text). An offset inside a
  // multi-byte character counts as that character's start.
  Position ToPosition(uint32_t offset, PositionEncoding encoding) const;

 private:
  // The end of `line`'s content, before its line break.
  uint32_t LineEnd(uint32_t line) const;

  std::string_view text_;
  std::vector<uint32_t> line_starts_;
};

// The length of the UTF-8 sequence starting with `lead`, 1 for bytes that
// cannot start one (so bad input still advances).
uint32_t Utf8SequenceLength(unsigned char lead);

}  // namespace concord::lsp
