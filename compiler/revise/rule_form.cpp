// A small tokenizer for rule bodies. It follows the lexer of
// grammar/Concord.g4 closely enough that two texts get the same tokens exactly
// when the parser would see the same tokens: dates, percents and decimals are
// one token each (`2026-11-01` is not `2026 - 11 - 01`), strings keep their
// escapes as written, comments vanish. It never fails: text the real lexer
// rejects becomes tokens too, so a broken rule still has a form to compare.
#include "compiler/revise/rule_form.h"

#include <algorithm>
#include <vector>

#include "compiler/syntax/unicode.h"

namespace concord::revise {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
// A byte beyond ASCII counts as part of a word, so a name in any script
// (`josé`, `e` + U+0301) stays one token (docs/reference.md §2.3); the parser
// has already rejected the characters that cannot be in a name.
bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsIdentPart(char c) {
  return IsIdentStart(c) || IsDigit(c);
}

bool IsDateAt(std::string_view s, size_t i) {
  if (i + 10 > s.size()) return false;
  static constexpr std::string_view kShape = "dddd-dd-dd";
  for (size_t k = 0; k < kShape.size(); ++k) {
    char c = s[i + k];
    if (kShape[k] == 'd' ? !IsDigit(c) : c != '-') return false;
  }
  return true;
}

std::vector<std::string_view> Tokenize(std::string_view s) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
    } else if (s.substr(i, 2) == "//") {
      size_t end = s.find('\n', i);
      i = end == std::string_view::npos ? s.size() : end;
    } else if (s.substr(i, 2) == "/*") {
      size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
    } else if (c == '"') {
      size_t j = i + 1;
      while (j < s.size() && s[j] != '"' && s[j] != '\n') j += s[j] == '\\' ? 2 : 1;
      j = j < s.size() && s[j] == '"' ? j + 1 : std::min(j, s.size());
      tokens.push_back(s.substr(i, j - i));
      i = j;
    } else if (IsDigit(c)) {
      size_t j = i;
      if (IsDateAt(s, i)) {
        j = i + 10;
      } else {
        while (j < s.size() && IsDigit(s[j])) ++j;
        if (j + 1 < s.size() && s[j] == '.' && IsDigit(s[j + 1])) {
          ++j;
          while (j < s.size() && IsDigit(s[j])) ++j;
        }
        if (j < s.size() && s[j] == '%') ++j;
      }
      tokens.push_back(s.substr(i, j - i));
      i = j;
    } else if (IsIdentStart(c)) {
      size_t j = i;
      while (j < s.size() && IsIdentPart(s[j])) ++j;
      tokens.push_back(s.substr(i, j - i));
      i = j;
    } else {
      std::string_view two = s.substr(i, 2);
      size_t n = (two == "->" || two == "==" || two == "!=" || two == "<=" || two == ">=") ? 2 : 1;
      // Keep a multi-byte UTF-8 character in one token.
      while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
      tokens.push_back(s.substr(i, n));
      i += n;
    }
  }
  return tokens;
}

}  // namespace

std::string CanonicalRuleBody(std::string_view rule_text) {
  std::vector<std::string_view> tokens = Tokenize(rule_text);
  size_t start = 0;
  while (start < tokens.size() && tokens[start] != "{") ++start;
  std::string out;
  int braces = 0;
  int parens = 0;
  std::string_view previous;
  for (size_t i = start; i < tokens.size(); ++i) {
    std::string_view t = tokens[i];
    bool at_clause_level = braces == 1 && parens == 0;
    if (at_clause_level && (t == "," || t == ";")) continue;
    if (at_clause_level && t == "replaces" && previous != "." && i + 1 < tokens.size() &&
        IsIdentStart(tokens[i + 1][0])) {
      ++i;  // and its rule name
      continue;
    }
    if (t == "{") ++braces;
    if (t == "}") --braces;
    if (t == "(") ++parens;
    if (t == ")" && parens > 0) --parens;
    if (!out.empty()) out += ' ';
    // Names compare in NFC: respelling `é` as `e` + U+0301 is no amendment.
    out += IsIdentStart(t[0]) ? syntax::NormalizeName(t) : std::string(t);
    previous = t;
  }
  return out;
}

std::string CanonicalClause(std::string_view clause_text) {
  std::string out;
  int parens = 0;
  for (std::string_view t : Tokenize(clause_text)) {
    if (parens == 0 && (t == "," || t == ";")) continue;
    if (t == "(") ++parens;
    if (t == ")" && parens > 0) --parens;
    if (!out.empty()) out += ' ';
    out += IsIdentStart(t[0]) ? syntax::NormalizeName(t) : std::string(t);
  }
  return out;
}

std::map<RuleKey, std::string> RuleFormsOf(const ast::File& file,
                                           const diag::SourceManager& sources) {
  std::map<RuleKey, std::string> forms;
  auto add = [&](OwnerKind kind, const std::string& owner, const std::vector<ast::Rule>& rules) {
    for (const ast::Rule& rule : rules) {
      forms.try_emplace(RuleKey{kind, owner, rule.name.name},
                        CanonicalRuleBody(sources.Slice(rule.range)));
    }
  };
  for (const ast::CharterDecl& c : file.charters) add(OwnerKind::kCharter, c.name.name, c.rules);
  for (const ast::TreatyDecl& t : file.treaties) add(OwnerKind::kTreaty, t.name.name, t.rules);
  return forms;
}

}  // namespace concord::revise
