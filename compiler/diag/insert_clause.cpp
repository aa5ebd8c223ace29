// Inserting a clause before a block's closing brace (see insert_clause.h).
#include "compiler/diag/insert_clause.h"

namespace concord::diag {
namespace {

bool IsIndent(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

std::optional<FixIt> InsertClause(const SourceManager& sources, SourceRange block,
                                        std::string_view clause, std::string description) {
  std::string_view text = sources.Text(block.file);
  if (!block.valid() || block.end == 0 || block.end > text.size() || text[block.end - 1] != '}') {
    return std::nullopt;
  }
  uint32_t brace = block.end - 1;
  uint32_t line_start = brace;
  while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
  bool brace_alone = true;
  for (uint32_t i = line_start; i < brace; ++i) {
    if (!IsIndent(text[i])) brace_alone = false;
  }
  if (!brace_alone) {
    return FixIt{
        {block.file, brace, brace}, std::string(clause) + " ", std::move(description)};
  }
  std::string indent(text.substr(line_start, brace - line_start));
  return FixIt{{block.file, line_start, line_start},
                     indent + "  " + std::string(clause) + "\n",
                     std::move(description)};
}

}  // namespace concord::diag
