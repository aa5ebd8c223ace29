// "Did you mean `x`?": the closest known name to a misspelt one. Shared by
// every unknown-name diagnostic (names, fields, types, events).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::sema {

// Levenshtein distance (insertions, deletions, substitutions), on bytes:
// identifiers are ASCII.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate to suggest for `name`: one that differs only in case, or else
// the one at the smallest edit distance if that distance is at most 2 and
// smaller than `name` itself (so `x` does not suggest `y`). Ties go to the
// candidate that sorts first, so suggestions never depend on input order.
std::optional<std::string> ClosestName(std::string_view name,
                                       const std::vector<std::string>& candidates);

}  // namespace concord::sema
