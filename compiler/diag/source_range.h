// Where something came from: a file and a half-open byte range [begin, end).
// Line and column are computed only when a diagnostic is rendered.
#pragma once

#include <cstdint>

namespace concord::diag {

using FileId = uint32_t;
inline constexpr FileId kNoFile = 0xffffffffu;

struct SourceRange {
  FileId file = kNoFile;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return file != kNoFile; }
  // The smallest range covering both; either may be invalid.
  static SourceRange Cover(SourceRange a, SourceRange b) {
    if (!a.valid()) return b;
    if (!b.valid()) return a;
    return {a.file, a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
  }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

}  // namespace concord::diag
