// Owns the text of every file in a program and turns byte offsets into
// 1-based lines and columns. Columns count Unicode code points (what a person
// counts); the language server asks for UTF-16 units instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/source_range.h"

namespace concord::diag {

struct LineColumn {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in code points
};

class SourceManager {
 public:
  // `path` is shown in diagnostics exactly as given (`-` is standard input).
  FileId AddFile(std::string path, std::string text);

  size_t file_count() const { return files_.size(); }
  const std::string& Path(FileId file) const { return files_[file].path; }
  std::string_view Text(FileId file) const { return files_[file].text; }
  std::string_view Slice(SourceRange range) const;

  LineColumn Position(FileId file, uint32_t offset) const;
  // Column of `offset` in UTF-16 code units, 0-based (for LSP clients).
  uint32_t Utf16Column(FileId file, uint32_t offset) const;
  uint32_t LineCount(FileId file) const;
  // Byte offset where 1-based `line` starts.
  uint32_t LineStart(FileId file, uint32_t line) const;
  // The text of 1-based `line` without its line break.
  std::string_view LineText(FileId file, uint32_t line) const;

 private:
  struct File {
    std::string path;
    std::string text;
    std::vector<uint32_t> line_starts;
  };
  std::vector<File> files_;
};

}  // namespace concord::diag
