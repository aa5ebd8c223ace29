// The fast path of event files; see event_line.h. It accepts only what the
// grammar accepts with the same meaning: plain ASCII names that are not
// keywords, valid dates and amounts, and nothing after the event but a `//`
// comment. Anything else returns nullopt and the line goes to ANTLR, which
// also gives the diagnostics.
#include "compiler/syntax/event_line.h"

#include <string>
#include <unordered_set>
#include <vector>

#include "ConcordLexer.h"
#include "antlr4-runtime.h"

namespace concord::syntax {
namespace {

enum class Tok : uint8_t { kWord, kDate, kNumber, kUpper, kOpen, kClose, kComma };

struct Token {
  Tok kind;
  uint32_t begin;  // byte offsets within the line
  uint32_t end;
};

bool Lower(char c) {
  return (c >= 'a' && c <= 'z') || c == '_';
}
bool Digit(char c) {
  return c >= '0' && c <= '9';
}
bool Upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// Every word the lexer makes a keyword. A keyword may still be a name where
// the grammar's `ident` allows it, but such lines are rare enough to leave
// to ANTLR, which knows where.
const std::unordered_set<std::string>& Keywords() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> out = {"day",   "days",   "week", "weeks",
                                           "month", "months", "year", "years"};
    antlr4::ANTLRInputStream empty("");
    concord_antlr::ConcordLexer lexer(&empty);
    const antlr4::dfa::Vocabulary& vocab = lexer.getVocabulary();
    for (size_t t = 1; t <= vocab.getMaxTokenType(); ++t) {
      std::string literal = vocab.getLiteralName(t);
      if (literal.size() > 2 && Lower(literal[1]))
        out.insert(literal.substr(1, literal.size() - 2));
    }
    return out;
  }();
  return words;
}

// Splits the line; false when it holds anything the fast path leaves alone.
bool Tokenize(std::string_view line, std::vector<Token>& out) {
  uint32_t i = 0;
  auto n = static_cast<uint32_t>(line.size());
  while (i < n) {
    char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && line[i + 1] == '/') return true;  // a comment to the end
    uint32_t start = i;
    if (Lower(c)) {
      while (i < n && (Lower(line[i]) || Digit(line[i]))) ++i;
      out.push_back({Tok::kWord, start, i});
    } else if (Upper(c)) {
      while (i < n && (Upper(line[i]) || Digit(line[i]) || line[i] == '_')) ++i;
      out.push_back({Tok::kUpper, start, i});
    } else if (Digit(c)) {
      while (i < n && Digit(line[i])) ++i;
      bool date = i - start == 4 && i + 5 < n && line[i] == '-' && Digit(line[i + 1]) &&
                  Digit(line[i + 2]) && line[i + 3] == '-' && Digit(line[i + 4]) &&
                  Digit(line[i + 5]);
      if (date) {
        i += 6;
        out.push_back({Tok::kDate, start, i});
      } else {
        if (i + 1 < n && line[i] == '.' && Digit(line[i + 1])) {
          ++i;
          while (i < n && Digit(line[i])) ++i;
        }
        out.push_back({Tok::kNumber, start, i});
      }
      // `12-` or `12%` and the like are other tokens: leave them to ANTLR.
      if (i < n && (Digit(line[i]) || line[i] == '-' || line[i] == '%' || line[i] == '.' ||
                    Lower(line[i]))) {
        return false;
      }
    } else if (c == '{' || c == '}' || c == ',') {
      ++i;
      out.push_back({c == '{' ? Tok::kOpen : c == '}' ? Tok::kClose : Tok::kComma, start, i});
    } else {
      return false;
    }
  }
  return true;
}

class Scanner {
 public:
  Scanner(std::string_view line, diag::FileId file, uint32_t base, std::vector<Token> tokens)
      : line_(line), file_(file), base_(base), tokens_(std::move(tokens)) {}

  std::optional<ast::Event> Event();

 private:
  std::string_view Text(const Token& t) const { return line_.substr(t.begin, t.end - t.begin); }
  diag::SourceRange Range(uint32_t begin, uint32_t end) const {
    return {file_, base_ + begin, base_ + end};
  }
  bool Done() const { return at_ >= tokens_.size(); }
  // The next token when it is the keyword `word`.
  bool Word(std::string_view word) {
    if (Done() || tokens_[at_].kind != Tok::kWord || Text(tokens_[at_]) != word) return false;
    ++at_;
    return true;
  }
  bool Punct(Tok kind) {
    if (Done() || tokens_[at_].kind != kind) return false;
    ++at_;
    return true;
  }
  std::optional<ast::Identifier> Name() {
    if (Done() || tokens_[at_].kind != Tok::kWord) return std::nullopt;
    const Token& t = tokens_[at_];
    std::string text(Text(t));
    if (Keywords().count(text)) return std::nullopt;
    ++at_;
    return ast::Identifier{std::move(text), Range(t.begin, t.end)};
  }
  // `NAME, NAME, ...`
  bool Names(std::vector<ast::Identifier>& out) {
    do {
      auto id = Name();
      if (!id) return false;
      out.push_back(std::move(*id));
    } while (Punct(Tok::kComma));
    return true;
  }
  // `60 EUR`, `12.50 EUR`, or a plain integer when `money_only` is false.
  ast::ExprPtr Value(bool money_only);
  bool Attributes(std::vector<ast::Attribute>& out);

  std::string_view line_;
  diag::FileId file_;
  uint32_t base_;
  std::vector<Token> tokens_;
  size_t at_ = 0;
};

ast::ExprPtr Scanner::Value(bool money_only) {
  if (Done() || tokens_[at_].kind != Tok::kNumber) return nullptr;
  const Token& number = tokens_[at_];
  bool money = at_ + 1 < tokens_.size() && tokens_[at_ + 1].kind == Tok::kUpper;
  if (!money) {
    std::string_view text = Text(number);
    if (money_only || text.find('.') != std::string_view::npos || text.size() > 18) return nullptr;
    auto node = std::make_unique<ast::IntLit>(Range(number.begin, number.end));
    for (char c : text) node->value = node->value * 10 + (c - '0');
    ++at_;
    return node;
  }
  const Token& currency = tokens_[at_ + 1];
  auto amount = values::Decimal::Parse(Text(number));
  if (!amount || currency.end - currency.begin != 3) return nullptr;
  for (char c : Text(currency)) {
    if (!Upper(c)) return nullptr;
  }
  auto node = std::make_unique<ast::MoneyLit>(Range(number.begin, currency.end));
  node->amount = *amount;
  node->currency = std::string(Text(currency));
  at_ += 2;
  return node;
}

// `{ income 1200 EUR, age 30 }`
bool Scanner::Attributes(std::vector<ast::Attribute>& out) {
  if (!Punct(Tok::kOpen)) return true;
  while (!Punct(Tok::kClose)) {
    auto name = Name();
    ast::ExprPtr value = name ? Value(false) : nullptr;
    if (!value) return false;
    out.push_back({std::move(*name), std::move(value)});
    Punct(Tok::kComma);
  }
  return true;
}

std::optional<ast::Event> Scanner::Event() {
  if (tokens_.size() < 3 || !Word("on") || tokens_[at_].kind != Tok::kDate) return std::nullopt;
  const Token& date_token = tokens_[at_++];
  auto date = values::Date::Parse(Text(date_token));
  if (!date) return std::nullopt;
  ast::Event e;
  e.date = {*date, Range(date_token.begin, date_token.end)};
  auto subject_then = [&](ast::EventKind kind, std::string_view word) {
    e.kind = kind;
    auto subject = Name();
    if (!subject || !Word(word)) return false;
    e.subject = std::move(*subject);
    return true;
  };
  auto target = [&] {
    auto id = Name();
    if (id) e.target = std::move(*id);
    return id.has_value();
  };
  bool ok = false;
  if (Word("join")) {
    ok = subject_then(ast::EventKind::kJoin, "to") && target() && Attributes(e.attributes);
  } else if (Word("leave")) {
    ok = subject_then(ast::EventKind::kLeave, "from") && target();
  } else if (Word("exit")) {
    ok = subject_then(ast::EventKind::kExit, "from") && target();
  } else if (Word("contribute")) {
    e.kind = ast::EventKind::kContribute;
    auto subject = Name();
    if (subject) {
      e.subject = std::move(*subject);
      e.amount = Value(true);
      ok = e.amount && Word("to") && target();
    }
  } else if (Word("sign") || Word("renew")) {
    e.kind = Text(tokens_[at_ - 1]) == "sign" ? ast::EventKind::kSign : ast::EventKind::kRenew;
    auto subject = Name();
    if (subject && Word("by")) {
      e.subject = std::move(*subject);
      ok = Names(e.names);
    }
  } else if (Word("distress") || Word("respond")) {
    e.kind =
        Text(tokens_[at_ - 1]) == "distress" ? ast::EventKind::kDistress : ast::EventKind::kRespond;
    auto subject = Name();
    if (subject && Word("by")) {
      e.subject = std::move(*subject);
      auto other = Name();
      if (other) e.names.push_back(std::move(*other));
      ok = other.has_value();
    }
  } else if (Word("report") || Word("reflection") || Word("stress_game") || Word("decide")) {
    std::string_view word = Text(tokens_[at_ - 1]);
    e.kind = word == "report"       ? ast::EventKind::kReport
             : word == "reflection" ? ast::EventKind::kReflection
             : word == "decide"     ? ast::EventKind::kDecide
                                    : ast::EventKind::kStressGame;
    auto subject = Name();
    if (subject) e.subject = std::move(*subject);
    ok = subject.has_value();
  } else if (Word("ruling")) {
    e.kind = ast::EventKind::kRuling;
    auto subject = Name();
    if (subject) e.subject = std::move(*subject);
    e.flag = Word("reaffirmed");
    ok = subject && (e.flag || Word("issued"));
  } else if (Word("dispute")) {
    ok = subject_then(ast::EventKind::kDispute, "in") && target();
    auto a = ok ? Name() : std::nullopt;
    auto b = a && Word("vs") ? Name() : std::nullopt;
    ok = b.has_value();
    if (ok) e.names = {std::move(*a), std::move(*b)};
    e.flag = ok && Word("serious");
  }
  if (!ok || !Done()) return std::nullopt;
  const Token& last = tokens_.back();
  e.range = Range(tokens_.front().begin, last.end);
  return e;
}

}  // namespace

std::optional<ast::Event> ScanSimpleEvent(std::string_view line, diag::FileId file, uint32_t base) {
  std::vector<Token> tokens;
  tokens.reserve(16);
  if (!Tokenize(line, tokens)) return std::nullopt;
  return Scanner(line, file, base, std::move(tokens)).Event();
}

}  // namespace concord::syntax
