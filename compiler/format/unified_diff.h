// A unified diff of two texts, line by line, as `diff -u` prints it: what
// `concord fmt --check` shows for a file that is not formatted.
#pragma once

#include <string>
#include <string_view>

namespace concord::format {

// Empty when the texts are equal. Hunks keep three lines of context.
std::string UnifiedDiff(std::string_view before, std::string_view after,
                        std::string_view before_name, std::string_view after_name);

}  // namespace concord::format
