// Reading the text around clauses to place fix-its (see clause_edits.h).
#include "compiler/lint/clause_edits.h"

namespace concord::lint {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\n';
}
bool IsIndent(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

std::optional<diag::FixIt> InsertClause(const diag::SourceManager& sources, diag::SourceRange block,
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
    return diag::FixIt{
        {block.file, brace, brace}, std::string(clause) + " ", std::move(description)};
  }
  std::string indent(text.substr(line_start, brace - line_start));
  return diag::FixIt{{block.file, line_start, line_start},
                     indent + "  " + std::string(clause) + "\n",
                     std::move(description)};
}

std::optional<diag::SourceRange> WordOf(const diag::SourceManager& sources,
                                        diag::SourceRange clause, size_t index,
                                        std::string_view expected) {
  std::string_view text = sources.Slice(clause);
  size_t i = 0;
  for (size_t word = 0;; ++word) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    if (start == i) return std::nullopt;
    if (word == index) {
      if (text.substr(start, i - start) != expected) return std::nullopt;
      return diag::SourceRange{clause.file, clause.begin + static_cast<uint32_t>(start),
                               clause.begin + static_cast<uint32_t>(i)};
    }
  }
}

std::optional<diag::SourceRange> FixedStewardClause(const diag::SourceManager& sources,
                                                    const ast::Identifier& name) {
  std::string_view text = sources.Text(name.range.file);
  // Walks back over `fixed` and `steward`, allowing only whitespace between.
  uint32_t at = name.range.begin;
  for (std::string_view word : {std::string_view("fixed"), std::string_view("steward")}) {
    uint32_t end = at;
    while (end > 0 && IsSpace(text[end - 1])) --end;
    if (end == at && word == "fixed") return std::nullopt;  // `fixedana` is not a clause
    if (end < word.size() || text.substr(end - word.size(), word.size()) != word) {
      return std::nullopt;
    }
    at = end - static_cast<uint32_t>(word.size());
  }
  return diag::SourceRange{name.range.file, at, name.range.end};
}

}  // namespace concord::lint
