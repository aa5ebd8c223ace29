// Line diff for `fmt --check`. The common head and tail are cut first (a
// formatter changes few lines); the middle is aligned by a longest common
// subsequence when it is small enough, else shown as one replaced block, which
// is still a correct diff, only a longer one.
#include "compiler/format/unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace concord::format {
namespace {

// Lines with their `\n`, so that a last line without one differs from the
// same line with one (and the diff says so, as `diff -u` does).
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op : char { kKeep = ' ', kRemove = '-', kAdd = '+' };

struct Edit {
  Op op;
  std::string_view line;
};

// Cells of the LCS table allowed before giving up on alignment.
constexpr size_t kMaxTable = 4u << 20;

void AlignMiddle(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b,
                 size_t a0, size_t a1, size_t b0, size_t b1, std::vector<Edit>& out) {
  size_t n = a1 - a0;
  size_t m = b1 - b0;
  if (n == 0 || m == 0 || (n + 1) * (m + 1) > kMaxTable) {
    for (size_t i = a0; i < a1; ++i) out.push_back({Op::kRemove, a[i]});
    for (size_t j = b0; j < b1; ++j) out.push_back({Op::kAdd, b[j]});
    return;
  }
  // lcs[i][j]: longest common subsequence of a[a0+i..a1) and b[b0+j..b1).
  std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) =
          a[a0 + i] == b[b0 + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[a0 + i] == b[b0 + j]) {
      out.push_back({Op::kKeep, a[a0 + i]});
      ++i;
      ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      out.push_back({Op::kRemove, a[a0 + i]});
      ++i;
    } else {
      out.push_back({Op::kAdd, b[b0 + j]});
      ++j;
    }
  }
}

}  // namespace

std::string UnifiedDiff(std::string_view before, std::string_view after,
                        std::string_view before_name, std::string_view after_name) {
  if (before == after) return "";
  std::vector<std::string_view> a = Lines(before);
  std::vector<std::string_view> b = Lines(after);
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  std::vector<Edit> edits;
  for (size_t i = 0; i < head; ++i) edits.push_back({Op::kKeep, a[i]});
  AlignMiddle(a, b, head, a.size() - tail, head, b.size() - tail, edits);
  for (size_t i = a.size() - tail; i < a.size(); ++i) edits.push_back({Op::kKeep, a[i]});

  constexpr size_t kContext = 3;
  std::string out = fmt::format("--- {}\n+++ {}\n", before_name, after_name);
  size_t k = 0;
  while (k < edits.size()) {
    // Find the next change, then extend the hunk while changes are close.
    size_t first = k;
    while (first < edits.size() && edits[first].op == Op::kKeep) ++first;
    if (first == edits.size()) break;
    size_t start = first >= kContext ? first - kContext : 0;
    size_t end = first;
    size_t keep_run = 0;
    for (size_t e = first; e < edits.size(); ++e) {
      if (edits[e].op == Op::kKeep) {
        if (++keep_run > 2 * kContext) break;
      } else {
        keep_run = 0;
        end = e + 1;
      }
    }
    size_t stop = std::min(edits.size(), end + kContext);
    // Line numbers where the hunk starts in each text.
    size_t a_line = 1;
    size_t b_line = 1;
    for (size_t e = 0; e < start; ++e) {
      if (edits[e].op != Op::kAdd) ++a_line;
      if (edits[e].op != Op::kRemove) ++b_line;
    }
    size_t a_count = 0;
    size_t b_count = 0;
    for (size_t e = start; e < stop; ++e) {
      if (edits[e].op != Op::kAdd) ++a_count;
      if (edits[e].op != Op::kRemove) ++b_count;
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_count ? a_line : a_line - 1, a_count,
                       b_count ? b_line : b_line - 1, b_count);
    for (size_t e = start; e < stop; ++e) {
      out += static_cast<char>(edits[e].op);
      out += edits[e].line;
      if (!edits[e].line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
    }
    k = stop;
  }
  return out;
}

}  // namespace concord::format
