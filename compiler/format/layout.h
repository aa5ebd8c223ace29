// The canonical layout of a parsed file (docs/reference-fmt.md), as a Doc.
#pragma once

#include <string_view>

#include "compiler/format/doc.h"
#include "compiler/syntax/concrete.h"

namespace concord::format {

// The line width the layout aims for.
inline constexpr int kLineWidth = 100;

// `source` is the text `tree` was parsed from; the Doc keeps views into it.
Doc LayOut(const syntax::SyntaxTree& tree, std::string_view source);

}  // namespace concord::format
