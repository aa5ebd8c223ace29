// Reading the text around clauses to place fix-its (see clause_edits.h).
#include "compiler/lint/clause_edits.h"

namespace concord::lint {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\n';
}

}  // namespace

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
