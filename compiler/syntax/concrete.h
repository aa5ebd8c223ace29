// The concrete syntax tree of a file: every token in grammar order, grouped
// by the grammar rules that matched them, plus the comments the parser skips.
// The formatter lays it out; nothing here names an ANTLR type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace concord::syntax {

struct SyntaxNode {
  // The grammar rule that matched ("charterDecl", "orExpr"); empty for a token.
  // A rule that matched exactly one other rule is folded into it, so an
  // expression is not a ten-deep chain of single-child nodes.
  std::string_view rule;
  // The token's name in the grammar ("LBRACE", "IDENT", "EOF"); empty for a rule.
  std::string_view token;
  // Byte range in the file; a token's text is that slice of the source.
  uint32_t begin = 0;
  uint32_t end = 0;
  std::vector<SyntaxNode> children;

  bool is_token() const { return rule.empty(); }
};

struct Comment {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool block = false;  // `/* ... */`; otherwise `// ...` up to the end of the line
};

struct SyntaxTree {
  SyntaxNode root;                // rule "file"; its last child is the EOF token
  std::vector<Comment> comments;  // in source order
};

// An indented, one-node-per-line listing of `node` with token texts from
// `source` and no positions: two files have the same structure exactly when
// their dumps are equal. The optional clause separators (`sep`) and the
// optional commas between scenario attributes are left out, since they carry
// no meaning.
std::string DumpStructure(const SyntaxNode& node, std::string_view source);

}  // namespace concord::syntax
