// Turns an ANTLR parse tree into the ANTLR-free SyntaxTree (concrete.h).
// Internal to compiler/syntax/, like builder.h.
#pragma once

#include <vector>

#include "antlr4-runtime.h"
#include "compiler/syntax/concrete.h"

namespace concord::syntax {

// `byte_offsets[i]` is the byte offset of code point i, with one extra entry
// for the end of the text.
SyntaxTree BuildSyntaxTree(antlr4::tree::ParseTree* tree, const antlr4::Parser& parser,
                           antlr4::CommonTokenStream& tokens,
                           const std::vector<uint32_t>& byte_offsets);

}  // namespace concord::syntax
