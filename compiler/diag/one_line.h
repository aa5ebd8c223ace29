// Source text shown on one line inside a message or a listing
// (`quota 25% of rules`): runs of white space, newlines included, become one
// space, with none at either end.
#pragma once

#include <string>
#include <string_view>

namespace concord::diag {

std::string OneLine(std::string_view text);

}  // namespace concord::diag
