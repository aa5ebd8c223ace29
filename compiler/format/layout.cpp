// From the concrete syntax tree to a Doc: which tokens share a line, where a
// long clause may break, and where each comment goes. The rules are the ones
// docs/reference-fmt.md states; each function below is one of them.
#include "compiler/format/layout.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace concord::format {
namespace {

using syntax::Comment;
using syntax::SyntaxNode;
using syntax::SyntaxTree;

// Tokens the layout does not print as written: the optional separators
// between clauses, and the optional commas between scenario attributes (the
// layout writes its own).
bool IsDropped(const SyntaxNode& parent, const SyntaxNode& child) {
  return child.rule == "sep" || (parent.rule == "attrs" && child.token == "COMMA");
}

bool Is(const SyntaxNode& node, std::string_view token) {
  return node.token == token;
}

bool IsAnyOf(const SyntaxNode& node, std::initializer_list<std::string_view> tokens) {
  for (std::string_view t : tokens) {
    if (node.token == t) return true;
  }
  return false;
}

const SyntaxNode& FirstToken(const SyntaxNode& node) {
  const SyntaxNode* n = &node;
  while (!n->is_token() && !n->children.empty()) n = &n->children.front();
  return *n;
}

const SyntaxNode& LastToken(const SyntaxNode& node) {
  const SyntaxNode* n = &node;
  while (!n->is_token() && !n->children.empty()) n = &n->children.back();
  return *n;
}

struct TokenComments {
  std::vector<size_t> leading;
  std::vector<size_t> trailing;
  bool blank_before = false;
  // The token ends a declaration or clause: its trailing comments are printed
  // after the whole item, so they do not force the item's groups to break.
  bool ends_item = false;
};

class Layout {
 public:
  Layout(const SyntaxTree& tree, std::string_view source) : tree_(tree), source_(source) {
    CollectTokens(tree.root);
    AttachComments();
  }

  Doc File() {
    const SyntaxNode& root = tree_.root;
    std::vector<Doc> parts;
    bool first = true;
    for (const SyntaxNode& child : root.children) {
      if (child.rule == "sep" || Is(child, "EOF")) continue;
      if (!first) parts.push_back(HardLine());
      first = false;
      parts.push_back(Item(child));
    }
    if (!root.children.empty() && Is(root.children.back(), "EOF")) {
      parts.push_back(Leading(root.children.back(), /*own_line=*/true));
    }
    return Concat(std::move(parts));
  }

 private:
  // --- tokens and comments ---------------------------------------------------

  void CollectTokens(const SyntaxNode& node) {
    if (node.is_token()) {
      tokens_.push_back(&node);
      return;
    }
    for (const SyntaxNode& child : node.children) {
      if (!IsDropped(node, child)) CollectTokens(child);
    }
  }

  std::string_view Slice(uint32_t begin, uint32_t end) const {
    return source_.substr(begin, end - begin);
  }

  size_t Newlines(uint32_t begin, uint32_t end) const {
    if (end <= begin) return 0;
    std::string_view between = Slice(begin, end);
    return static_cast<size_t>(std::count(between.begin(), between.end(), '\n'));
  }

  // Each comment belongs to a printed token: it trails the token before it
  // when nothing but spaces separates them on one line, else it leads the
  // token after it (the end of the file counts as a token).
  void AttachComments() {
    info_.resize(tokens_.size());
    const std::vector<Comment>& comments = tree_.comments;
    comment_blank_.assign(comments.size(), false);
    comment_own_line_.assign(comments.size(), false);
    size_t next = 0;        // first token starting at or after the comment
    uint32_t previous = 0;  // end of the previous token or comment
    bool has_previous = false;
    for (size_t i = 0; i < comments.size(); ++i) {
      const Comment& c = comments[i];
      while (next < tokens_.size() && tokens_[next]->begin < c.end) {
        const SyntaxNode& t = *tokens_[next];
        info_[next].blank_before = has_previous && Newlines(previous, t.begin) >= 2;
        previous = t.end;
        has_previous = true;
        ++next;
      }
      comment_blank_[i] = has_previous && Newlines(previous, c.begin) >= 2;
      bool trails = next > 0 && Newlines(tokens_[next - 1]->end, c.begin) == 0;
      if (trails) {
        info_[next - 1].trailing.push_back(i);
      } else if (next < tokens_.size()) {
        info_[next].leading.push_back(i);
        uint32_t following = i + 1 < comments.size()
                                 ? std::min(comments[i + 1].begin, tokens_[next]->begin)
                                 : tokens_[next]->begin;
        comment_own_line_[i] = !c.block || Newlines(c.end, following) > 0;
      }
      previous = c.end;
      has_previous = true;
    }
    for (; next < tokens_.size(); ++next) {
      info_[next].blank_before = has_previous && Newlines(previous, tokens_[next]->begin) >= 2;
      previous = tokens_[next]->end;
      has_previous = true;
    }
  }

  // A declaration or clause on its own line(s), with the comments after its
  // last token.
  Doc Item(const SyntaxNode& node) {
    item_start_ = true;
    const SyntaxNode& last = LastToken(node);
    size_t index = IndexOf(last);
    if (index == tokens_.size()) return Node(node);
    info_[index].ends_item = true;
    Doc body = Node(node);
    return Concat({std::move(body), Trailing(info_[index])});
  }

  size_t IndexOf(const SyntaxNode& token) const {
    auto it =
        std::lower_bound(tokens_.begin(), tokens_.end(), token.begin,
                         [](const SyntaxNode* t, uint32_t begin) { return t->begin < begin; });
    while (it != tokens_.end() && *it != &token) ++it;
    return static_cast<size_t>(it - tokens_.begin());
  }

  // A dropped token (a separator) has no comments: they went to its neighbours.
  const TokenComments& InfoOf(const SyntaxNode& token) const {
    size_t index = IndexOf(token);
    return index == tokens_.size() ? none_ : info_[index];
  }

  std::string_view CommentText(size_t i) const {
    std::string_view text = Slice(tree_.comments[i].begin, tree_.comments[i].end);
    if (!tree_.comments[i].block) {
      while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    }
    return text;
  }

  // The comments before a token, and the empty line before it when it starts
  // a declaration or clause that had one.
  Doc Leading(const SyntaxNode& token, bool own_line = false) {
    const TokenComments& info = InfoOf(token);
    bool item_start = std::exchange(item_start_, false);
    std::vector<Doc> parts;
    const std::vector<size_t>& leading = info.leading;
    for (size_t k = 0; k < leading.size();) {
      // Comments that share a source line stay on one line: the last of them
      // decides whether that line is the token's or a line of its own.
      size_t end = k + 1;
      while (end < leading.size() && OnOneLine(leading[end - 1], leading[end])) ++end;
      size_t last = leading[end - 1];
      if (comment_own_line_[last] || own_line) {
        if (comment_blank_[leading[k]]) parts.push_back(Blank());
        if (end == k + 1) {
          parts.push_back(OwnLineComment(CommentText(last)));
        } else {
          parts.push_back(HardLine());
          for (size_t j = k; j < end; ++j) {
            if (j > k) parts.push_back(Text(" "));
            parts.push_back(Text(CommentText(leading[j])));
          }
          parts.push_back(HardLine());
        }
      } else {
        for (size_t j = k; j < end; ++j) {
          parts.push_back(Text(CommentText(leading[j])));
          parts.push_back(Text(" "));
        }
      }
      k = end;
    }
    if (item_start && info.blank_before) parts.push_back(Blank());
    return Concat(std::move(parts));
  }

  bool OnOneLine(size_t comment, size_t next_comment) const {
    return tree_.comments[comment].block &&
           Newlines(tree_.comments[comment].end, tree_.comments[next_comment].begin) == 0;
  }

  // The token itself and the comments after it on its line.
  Doc Bare(const SyntaxNode& token) {
    const TokenComments& info = InfoOf(token);
    std::vector<Doc> parts;
    parts.push_back(Text(Slice(token.begin, token.end)));
    if (!info.ends_item) parts.push_back(Trailing(info));
    return Concat(std::move(parts));
  }

  Doc Trailing(const TokenComments& info) {
    std::vector<Doc> parts;
    for (size_t i : info.trailing) {
      if (tree_.comments[i].block) {
        parts.push_back(Text(" "));
        parts.push_back(Text(CommentText(i)));
      } else {
        parts.push_back(LineEndComment(CommentText(i)));
      }
    }
    return Concat(std::move(parts));
  }

  Doc Tok(const SyntaxNode& token) { return Concat({Leading(token), Bare(token)}); }

  // --- the rules -------------------------------------------------------------

  Doc Node(const SyntaxNode& node) {
    if (node.is_token()) return Tok(node);
    std::string_view rule = node.rule;
    const std::vector<SyntaxNode>& c = node.children;
    bool has_brace =
        std::any_of(c.begin(), c.end(), [](const SyntaxNode& n) { return Is(n, "LBRACE"); });
    if (rule == "attrs") return InlineBlock(node, 0);
    if (rule == "event" && has_brace) return AssemblyEvent(node);
    if (has_brace && rule != "primary") return Block(node);
    if (rule == "orExpr" || rule == "andExpr" || rule == "addExpr" || rule == "mulExpr") {
      return Chain(node);
    }
    // A comparison never breaks around its operator: its operands do.
    if (rule == "cmpExpr")
      return Concat({Node(c[0]), Text(" "), Node(c[1]), Text(" "), Node(c[2])});
    if (rule == "notExpr") return Concat({Node(c[0]), Text(" "), Node(c[1])});
    // `2/3` in a decision rule is one share, written without spaces.
    if (rule == "unaryExpr" || rule == "postfixExpr" || rule == "typeRef" || rule == "share")
      return Joined(c, 0, c.size());
    if (rule == "primary") return Primary(node);
    if (rule == "callArg") return Clause(node, {"WHERE", "FOR"});
    if (rule == "fnDecl") return Fn(node);
    if (rule == "metricDecl") return Assigned(node);
    if (rule == "requirement") return Requirement(node);
    if (rule == "decisionRule") return DecisionRule(node);
    if (rule == "ruleItem_") return Clause(node, {"ELSE", "THEN", "WHERE"});
    // `parties a, b`, `members p: a, b`, `by a, b` (alternatives of a rule
    // share its name, so the list is recognised by its commas).
    if (std::any_of(c.begin(), c.end(), [](const SyntaxNode& n) { return Is(n, "COMMA"); })) {
      return WithList(node);
    }
    return Seq(c, 0, c.size());
  }

  // Children separated by single spaces, except around `.`, before `,` and
  // `:`, and inside parentheses.
  Doc Seq(const std::vector<SyntaxNode>& c, size_t from, size_t to) {
    std::vector<Doc> parts;
    for (size_t i = from; i < to; ++i) {
      if (i > from && Spaced(c[i - 1], c[i])) parts.push_back(Text(" "));
      parts.push_back(Node(c[i]));
    }
    return Concat(std::move(parts));
  }

  static bool Spaced(const SyntaxNode& left, const SyntaxNode& right) {
    const SyntaxNode& l = LastToken(left);
    const SyntaxNode& r = FirstToken(right);
    if (IsAnyOf(l, {"LPAREN", "DOT"})) return false;
    if (IsAnyOf(r, {"COMMA", "COLON", "RPAREN", "DOT"})) return false;
    return true;
  }

  Doc Joined(const std::vector<SyntaxNode>& c, size_t from, size_t to) {
    std::vector<Doc> parts;
    for (size_t i = from; i < to; ++i) parts.push_back(Node(c[i]));
    return Concat(std::move(parts));
  }

  // A clause that may break before some of its words: `require X else "..."`
  // becomes `require X` and, indented below, `else "..."`.
  Doc Clause(const SyntaxNode& node, std::initializer_list<std::string_view> breaks) {
    const std::vector<SyntaxNode>& c = node.children;
    std::vector<Doc> head;
    std::vector<Doc> tail;
    bool in_tail = false;
    for (size_t i = 0; i < c.size(); ++i) {
      bool breaks_here = i > 0 && IsAnyOf(c[i], breaks);
      if (breaks_here) {
        in_tail = true;
        tail.push_back(Line());
      } else if (i > 0 && Spaced(c[i - 1], c[i])) {
        (in_tail ? tail : head).push_back(Text(" "));
      }
      (in_tail ? tail : head).push_back(Node(c[i]));
    }
    if (!tail.empty()) head.push_back(Indent(std::move(tail)));
    return Group(std::move(head));
  }

  // `a and b and c`: on one line, or broken before every operator of this
  // level, the operators indented under the first operand.
  Doc Chain(const SyntaxNode& node) {
    const std::vector<SyntaxNode>& c = node.children;
    std::vector<Doc> rest;
    for (size_t i = 1; i + 1 < c.size(); i += 2) {
      rest.push_back(Line());
      rest.push_back(Node(c[i]));
      rest.push_back(Text(" "));
      rest.push_back(Node(c[i + 1]));
    }
    return Group({Node(c[0]), Indent(std::move(rest))});
  }

  // `(`, items separated by `,`, `)`: on one line, or one item per line.
  Doc Bracketed(const std::vector<SyntaxNode>& c, size_t open, size_t close) {
    if (close == open + 1) return Concat({Tok(c[open]), Leading(c[close], true), Bare(c[close])});
    std::vector<Doc> inner = {SoftLine()};
    for (size_t i = open + 1; i < close; ++i) {
      if (Is(c[i], "COMMA")) {
        inner.push_back(Tok(c[i]));
        inner.push_back(Line());
      } else {
        inner.push_back(Node(c[i]));
      }
    }
    inner.push_back(Leading(c[close], true));
    return Group({Tok(c[open]), Indent(std::move(inner)), SoftLine(), Bare(c[close])});
  }

  Doc Primary(const SyntaxNode& node) {
    const std::vector<SyntaxNode>& c = node.children;
    if (Is(c[0], "IF")) return Clause(node, {"THEN", "ELSE"});
    if (Is(c[0], "LPAREN") || Is(c[0], "LBRACE")) return Bracketed(c, 0, c.size() - 1);
    if (c.size() >= 3 && Is(c[1], "LPAREN")) {
      return Concat({Node(c[0]), Bracketed(c, 1, c.size() - 1)});
    }
    return Seq(c, 0, c.size());
  }

  // `fn name(a: T, b: U) -> T =` and the body, on the same line when it fits,
  // else indented on the next.
  Doc Fn(const SyntaxNode& node) {
    const std::vector<SyntaxNode>& c = node.children;
    size_t open = 0;
    size_t close = 0;
    for (size_t i = 0; i < c.size(); ++i) {
      if (Is(c[i], "LPAREN") && open == 0) open = i;
      if (Is(c[i], "RPAREN")) close = i;
    }
    std::vector<Doc> parts = {Seq(c, 0, open), Bracketed(c, open, close)};
    for (size_t i = close + 1; i + 1 < c.size(); ++i) {
      parts.push_back(Text(" "));
      parts.push_back(Node(c[i]));
    }
    parts.push_back(Group({Indent({Line(), Node(c.back())})}));
    return Concat(std::move(parts));
  }

  // `metric name "title" =` and the value, like a fn body.
  Doc Assigned(const SyntaxNode& node) {
    const std::vector<SyntaxNode>& c = node.children;
    return Concat({Seq(c, 0, c.size() - 1), Group({Indent({Line(), Node(c.back())})})});
  }

  // `require EXPR as CODE "reason"`: the space before `as` is the one that
  // aligns with the requirements around it.
  Doc Requirement(const SyntaxNode& node) {
    const std::vector<SyntaxNode>& c = node.children;
    size_t as = 0;
    while (as < c.size() && !Is(c[as], "AS")) ++as;
    if (as == 0 || as == c.size()) return Seq(c, 0, c.size());
    MoveInlineCommentsBefore(c[as]);
    return Concat({ClauseStart(), Seq(c, 0, as), AlignSpace(), Seq(c, as, c.size())});
  }

  // `amendment by consent ...`: the space before `by` aligns with the rules
  // around it, so that the methods of a `decisions` block read as a column
  // (POWER.md §2).
  Doc DecisionRule(const SyntaxNode& node) {
    const std::vector<SyntaxNode>& c = node.children;
    size_t by = 0;
    while (by < c.size() && !Is(c[by], "BY")) ++by;
    if (by == 0 || by == c.size()) return Seq(c, 0, c.size());
    MoveInlineCommentsBefore(c[by]);
    return Concat({ClauseStart(), Seq(c, 0, by), AlignSpace(), Seq(c, by, c.size())});
  }

  // Block comments on the line before `token` become comments after the token
  // that precedes it, so that the alignment space comes after them, as it
  // does when the formatted output is read again (a comment on `as`'s line
  // trails the condition then).
  void MoveInlineCommentsBefore(const SyntaxNode& token) {
    size_t index = IndexOf(token);
    if (index == 0 || index == tokens_.size()) return;
    std::vector<size_t>& leading = info_[index].leading;
    bool all_inline = std::none_of(leading.begin(), leading.end(),
                                   [&](size_t i) { return comment_own_line_[i]; });
    if (leading.empty() || !all_inline) return;
    std::vector<size_t>& trailing = info_[index - 1].trailing;
    trailing.insert(trailing.end(), leading.begin(), leading.end());
    leading.clear();
  }

  // `parties a, b, c` and `members p: a, b`: the names on one line, or as many
  // per line as fit, the next lines indented below the clause's first word.
  Doc WithList(const SyntaxNode& node) {
    const std::vector<SyntaxNode>& c = node.children;
    // The list starts at the first name that a `,` follows.
    size_t first = c.size();
    for (size_t i = 0; i + 1 < c.size(); ++i) {
      if (Is(c[i + 1], "COMMA")) {
        first = i;
        break;
      }
    }
    if (first == c.size()) return Seq(c, 0, c.size());
    size_t last = first;
    while (last + 2 < c.size() && Is(c[last + 1], "COMMA")) last += 2;
    std::vector<Doc> list;
    if (first > 0) list.push_back(FillLine());
    for (size_t i = first; i <= last; ++i) {
      list.push_back(Node(c[i]));
      if (Is(c[i], "COMMA")) list.push_back(FillLine());
    }
    std::vector<Doc> parts = {Seq(c, 0, first), Group({Indent(std::move(list))})};
    if (last + 1 < c.size()) {
      parts.push_back(Text(" "));
      parts.push_back(Seq(c, last + 1, c.size()));
    }
    return Concat(std::move(parts));
  }

  // A declaration or section: its header, ` {`, one item per line indented,
  // and `}` on its own line.
  Doc Block(const SyntaxNode& node) {
    const std::vector<SyntaxNode>& c = node.children;
    size_t open = 0;
    while (!Is(c[open], "LBRACE")) ++open;
    const SyntaxNode& close = c.back();
    std::vector<Doc> parts;
    if (open > 0) {
      parts.push_back(Seq(c, 0, open));
      parts.push_back(Text(" "));
    }
    parts.push_back(Tok(c[open]));
    std::vector<Doc> inner;
    for (size_t i = open + 1; i + 1 < c.size(); ++i) {
      if (c[i].rule == "sep") continue;
      inner.push_back(HardLine());
      inner.push_back(Item(c[i]));
    }
    bool empty = inner.empty() && InfoOf(close).leading.empty();
    inner.push_back(Leading(close, true));
    if (empty) {
      parts.push_back(Bare(close));
    } else {
      parts.push_back(Indent(std::move(inner)));
      parts.push_back(HardLine());
      parts.push_back(Bare(close));
    }
    return Concat(std::move(parts));
  }

  // `{ a, b }` for attributes and an assembly's changes: on the line when it
  // fits, else one item per line.
  Doc InlineBlock(const SyntaxNode& node, size_t open) {
    const std::vector<SyntaxNode>& c = node.children;
    const SyntaxNode& close = c.back();
    std::vector<Doc> inner;
    for (size_t i = open + 1; i + 1 < c.size(); ++i) {
      if (IsDropped(node, c[i])) continue;
      if (!inner.empty()) inner.push_back(FlatText(","));
      inner.push_back(Line());
      inner.push_back(Node(c[i]));
    }
    if (inner.empty() && InfoOf(close).leading.empty()) return Concat({Tok(c[open]), Bare(close)});
    inner.push_back(Leading(close, true));
    return Group({Tok(c[open]), Indent(std::move(inner)), Line(), Bare(close)});
  }

  Doc AssemblyEvent(const SyntaxNode& node) {
    const std::vector<SyntaxNode>& c = node.children;
    size_t open = 0;
    while (!Is(c[open], "LBRACE")) ++open;
    return Concat({Seq(c, 0, open), Text(" "), InlineBlock(node, open)});
  }

  const SyntaxTree& tree_;
  std::string_view source_;
  std::vector<const SyntaxNode*> tokens_;
  std::vector<TokenComments> info_;
  const TokenComments none_;
  std::vector<bool> comment_blank_;
  std::vector<bool> comment_own_line_;
  // The next token starts a declaration or a clause (its blank line counts).
  bool item_start_ = false;
};

}  // namespace

Doc LayOut(const SyntaxTree& tree, std::string_view source) {
  return Layout(tree, source).File();
}

}  // namespace concord::format
