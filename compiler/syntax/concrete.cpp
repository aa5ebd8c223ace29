// Builds the concrete syntax tree from ANTLR's parse tree, and dumps it.
#include "compiler/syntax/concrete.h"

#include <algorithm>

#include "ConcordLexer.h"
#include "compiler/syntax/concrete_builder.h"

namespace concord::syntax {
namespace {

using L = concord_antlr::ConcordLexer;

// Token names by type, built once: the vocabulary hands out copies, and the
// tree keeps views.
const std::vector<std::string>& TokenNames(const antlr4::dfa::Vocabulary& vocabulary) {
  static const std::vector<std::string> names = [&] {
    std::vector<std::string> out;
    for (size_t t = 0; t <= vocabulary.getMaxTokenType(); ++t) {
      out.push_back(vocabulary.getSymbolicName(t));
    }
    return out;
  }();
  return names;
}

class Converter {
 public:
  Converter(const antlr4::Parser& parser, const std::vector<uint32_t>& offsets)
      : rule_names_(parser.getRuleNames()),
        token_names_(TokenNames(parser.getVocabulary())),
        offsets_(offsets) {}

  SyntaxNode Convert(antlr4::tree::ParseTree* tree) const {
    SyntaxNode node;
    if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(tree)) {
      antlr4::Token* t = terminal->getSymbol();
      size_t type = t->getType();
      node.token = type == antlr4::Token::EOF   ? std::string_view("EOF")
                   : type < token_names_.size() ? std::string_view(token_names_[type])
                                                : std::string_view("?");
      Span(t, node);
      return node;
    }
    auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(tree);
    if (!rule) return node;
    // Fold chains of single-rule children (expr -> orExpr -> ... -> literal).
    while (rule->children.size() == 1) {
      auto* only = dynamic_cast<antlr4::ParserRuleContext*>(rule->children[0]);
      if (!only) break;
      rule = only;
    }
    node.rule = rule_names_[rule->getRuleIndex()];
    node.children.reserve(rule->children.size());
    for (antlr4::tree::ParseTree* child : rule->children) {
      node.children.push_back(Convert(child));
    }
    if (!node.children.empty()) {
      node.begin = node.children.front().begin;
      node.end = node.children.back().end;
    }
    return node;
  }

  void Span(antlr4::Token* t, SyntaxNode& node) const {
    size_t last = offsets_.size() - 1;
    size_t start = std::min<size_t>(t->getStartIndex(), last);
    node.begin = node.end = offsets_[start];
    if (t->getType() == antlr4::Token::EOF) return;
    size_t stop = t->getStopIndex();
    if (stop != INVALID_INDEX && stop + 1 >= start) node.end = offsets_[std::min(stop + 1, last)];
  }

 private:
  const std::vector<std::string>& rule_names_;
  const std::vector<std::string>& token_names_;
  const std::vector<uint32_t>& offsets_;
};

void Dump(const SyntaxNode& node, std::string_view source, int depth, std::string& out) {
  if (node.rule == "sep") return;
  out.append(static_cast<size_t>(depth) * 2, ' ');
  if (node.is_token()) {
    out += node.token;
    out += ' ';
    out += source.substr(node.begin, node.end - node.begin);
    out += '\n';
    return;
  }
  out += node.rule;
  out += '\n';
  for (const SyntaxNode& child : node.children) {
    if (node.rule == "attrs" && child.token == "COMMA") continue;
    Dump(child, source, depth + 1, out);
  }
}

}  // namespace

SyntaxTree BuildSyntaxTree(antlr4::tree::ParseTree* tree, const antlr4::Parser& parser,
                           antlr4::CommonTokenStream& tokens,
                           const std::vector<uint32_t>& byte_offsets) {
  SyntaxTree result;
  Converter converter(parser, byte_offsets);
  result.root = converter.Convert(tree);
  for (antlr4::Token* t : tokens.getTokens()) {
    size_t type = t->getType();
    if (type != L::LINE_COMMENT && type != L::BLOCK_COMMENT) continue;
    SyntaxNode span;
    converter.Span(t, span);
    result.comments.push_back({span.begin, span.end, type == L::BLOCK_COMMENT});
  }
  return result;
}

std::string DumpStructure(const SyntaxNode& node, std::string_view source) {
  std::string out;
  Dump(node, source, 0, out);
  return out;
}

}  // namespace concord::syntax
