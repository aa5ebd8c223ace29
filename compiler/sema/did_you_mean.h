// "Did you mean `x`?": the closest known name to a misspelt one. Shared by
// every unknown-name diagnostic (names, fields, types, events).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::sema {

// Edit distance counting insertions, deletions, substitutions and swaps of
// adjacent letters (optimal string alignment), on bytes: identifiers are ASCII.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate to suggest for `name`: one that differs only in case; else
// the one at the smallest edit distance, if that is at most 2 and at most a
// third of the name's length (at least 1), so `foo` does not suggest `f`;
// else a known name of 4 letters or more that `name` starts with
// (`percentage` suggests `percent`). Ties go to the candidate that sorts
// first, so suggestions never depend on input order.
//
// With `budget`, each edit distance computed spends its table's cells from
// it, and a search that would overspend suggests nothing: a file with
// thousands of unknown names among thousands of declarations must not take
// quadratic time for its hints (docs/reference.md, Limits). Names longer
// than kMaxSuggestedLength get no suggestion by edit distance.
inline constexpr size_t kMaxSuggestedLength = 64;
std::optional<std::string> ClosestName(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       size_t* budget = nullptr);

}  // namespace concord::sema
