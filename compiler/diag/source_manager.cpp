// Offsets to positions. Files are validated as UTF-8 before they get here, but
// a column count must never read past the text, so continuation bytes are
// simply not counted rather than trusted.
#include "compiler/diag/source_manager.h"

#include <algorithm>

namespace concord::diag {
namespace {

bool IsContinuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace

FileId SourceManager::AddFile(std::string path, std::string text) {
  File f{std::move(path), std::move(text), {0}};
  for (uint32_t i = 0; i < f.text.size(); ++i) {
    if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
  }
  files_.push_back(std::move(f));
  return static_cast<FileId>(files_.size() - 1);
}

std::string_view SourceManager::Slice(SourceRange range) const {
  if (!range.valid() || range.file >= files_.size()) return {};
  std::string_view text = files_[range.file].text;
  uint32_t begin = std::min<uint32_t>(range.begin, text.size());
  uint32_t end = std::min<uint32_t>(std::max(range.end, begin), text.size());
  return text.substr(begin, end - begin);
}

LineColumn SourceManager::Position(FileId file, uint32_t offset) const {
  const File& f = files_[file];
  offset = std::min<uint32_t>(offset, f.text.size());
  auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - f.line_starts.begin());
  uint32_t start = f.line_starts[line - 1];
  uint32_t column = 1;
  for (uint32_t i = start; i < offset; ++i) {
    if (!IsContinuation(static_cast<unsigned char>(f.text[i]))) ++column;
  }
  return {line, column};
}

uint32_t SourceManager::Utf16Column(FileId file, uint32_t offset) const {
  const File& f = files_[file];
  offset = std::min<uint32_t>(offset, f.text.size());
  LineColumn pos = Position(file, offset);
  uint32_t start = f.line_starts[pos.line - 1];
  uint32_t units = 0;
  for (uint32_t i = start; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(f.text[i]);
    if (IsContinuation(c)) continue;
    units += c >= 0xF0 ? 2 : 1;  // four-byte sequences are surrogate pairs
  }
  return units;
}

uint32_t SourceManager::LineCount(FileId file) const {
  return static_cast<uint32_t>(files_[file].line_starts.size());
}

uint32_t SourceManager::LineStart(FileId file, uint32_t line) const {
  const File& f = files_[file];
  if (line == 0) return 0;
  if (line > f.line_starts.size()) return static_cast<uint32_t>(f.text.size());
  return f.line_starts[line - 1];
}

std::string_view SourceManager::LineText(FileId file, uint32_t line) const {
  const File& f = files_[file];
  if (line == 0 || line > f.line_starts.size()) return {};
  uint32_t start = f.line_starts[line - 1];
  uint32_t end = line < f.line_starts.size() ? f.line_starts[line] : f.text.size();
  std::string_view text = std::string_view(f.text).substr(start, end - start);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace concord::diag
