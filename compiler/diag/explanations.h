// Long explanations of diagnostic codes, embedded from docs/codes/*.md.
#pragma once

#include <string_view>
#include <vector>

namespace concord::diag {

struct Explanation {
  std::string_view code;  // "E0204"
  std::string_view text;  // Markdown
};

const std::vector<Explanation>& AllExplanations();

}  // namespace concord::diag
