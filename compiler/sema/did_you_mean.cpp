// Edit distance and the choice of a suggestion.
#include "compiler/sema/did_you_mean.h"

#include <algorithm>
#include <cctype>

namespace concord::sema {

size_t EditDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus the swap of two neighbours,
  // the commonest typing slip (`bne` for `ben`).
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

namespace {

bool EqualIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> ClosestName(std::string_view name,
                                       const std::vector<std::string>& candidates, size_t* budget) {
  // Smallest first without sorting a copy of every candidate.
  auto better = [](const std::optional<std::string>& best, const std::string& c) {
    return !best || c < *best;
  };
  std::optional<std::string> best;
  for (const std::string& c : candidates) {
    if (c != name && EqualIgnoringCase(c, name) && better(best, c)) best = c;
  }
  if (best) return best;
  if (name.size() <= kMaxSuggestedLength) {
    // At most two edits, and fewer for short names (a third of the length,
    // at least one), so `foo` does not suggest `f`.
    size_t limit = std::min<size_t>(2, std::max<size_t>(1, name.size() / 3));
    size_t best_distance = limit + 1;
    for (const std::string& c : candidates) {
      if (c == name) continue;
      // Each insertion or deletion is an edit: lengths further apart than
      // the limit cannot be close enough.
      size_t gap = c.size() > name.size() ? c.size() - name.size() : name.size() - c.size();
      if (gap > limit) continue;
      if (budget) {
        size_t cells = (name.size() + 1) * (c.size() + 1);
        if (*budget < cells) {
          *budget = 0;
          return std::nullopt;
        }
        *budget -= cells;
      }
      size_t d = EditDistance(name, c);
      if (d > limit) continue;
      if (d < best_distance || (d == best_distance && better(best, c))) {
        best = c;
        best_distance = d;
      }
    }
    if (best) return best;
  }
  // A longer spelling of a known name (`percentage` for `percent`).
  for (const std::string& c : candidates) {
    if (c.size() >= 4 && name.size() > c.size() && name.compare(0, c.size(), c) == 0 &&
        better(best, c)) {
      best = c;
    }
  }
  return best;
}

}  // namespace concord::sema
