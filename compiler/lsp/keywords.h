// The keywords of the grammar (grammar/Concord.g4), each with a one-line
// explanation for hover and completion.
#pragma once

#include <string_view>
#include <vector>

namespace concord::lsp {

struct Keyword {
  std::string_view word;
  std::string_view explanation;
};

const std::vector<Keyword>& Keywords();
// Null when `word` is not a keyword.
const Keyword* FindKeyword(std::string_view word);

}  // namespace concord::lsp
