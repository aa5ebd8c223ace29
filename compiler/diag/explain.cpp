// Looks up the embedded explanations (docs/codes/*.md, embedded by
// cmake/embed_explanations.cmake). The table is small and sorted by file name,
// so a linear search is enough and keeps the order stable for listings.
#include "compiler/diag/explain.h"

#include <algorithm>

#include "compiler/diag/explanations.h"

namespace concord::diag {
namespace {

bool SameCode(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
    return upper(x) == upper(y);
  });
}

}  // namespace

std::optional<std::string_view> Explain(std::string_view code) {
  for (const Explanation& e : AllExplanations()) {
    if (SameCode(e.code, code)) return e.text;
  }
  return std::nullopt;
}

std::vector<std::string_view> ExplainedCodes() {
  std::vector<std::string_view> codes;
  for (const Explanation& e : AllExplanations()) codes.push_back(e.code);
  std::sort(codes.begin(), codes.end());
  return codes;
}

std::string_view ExplanationTitle(std::string_view code) {
  std::optional<std::string_view> text = Explain(code);
  if (!text) return {};
  std::string_view title = text->substr(0, text->find('\n'));
  // "# E0201: unknown name" -> "unknown name"
  size_t colon = title.find(": ");
  if (title.starts_with("# ") && colon != std::string_view::npos) title.remove_prefix(colon + 2);
  while (!title.empty() && (title.back() == '\r' || title.back() == ' ')) title.remove_suffix(1);
  return title;
}

}  // namespace concord::diag
