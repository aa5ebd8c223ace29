// The parser entry point: lexing, limits, error reporting and the two-stage
// parse recommended by ANTLR's documentation (fast SLL prediction first, full
// LL only when SLL fails), all kept behind ParseFile so no ANTLR type or
// exception escapes compiler/syntax/.
#include "compiler/syntax/parser.h"

#include <fmt/format.h>
#include <pthread.h>

#include <functional>

#include "ConcordLexer.h"
#include "ConcordParser.h"
#include "antlr4-runtime.h"
#include "compiler/syntax/builder.h"
#include "compiler/syntax/concrete_builder.h"
#include "compiler/syntax/event_line.h"
#include "compiler/syntax/unicode.h"

namespace concord::syntax {
namespace {

using diag::Code;
using L = concord_antlr::ConcordLexer;

// Past this many syntax errors in one file the rest are counted, not shown:
// a binary or badly corrupted file should not print a million lines.
constexpr size_t kMaxSyntaxErrors = 50;

class Reporter {
 public:
  Reporter(diag::FileId file, const std::vector<uint32_t>& offsets, diag::DiagnosticEngine& diags)
      : file_(file), offsets_(offsets), diags_(diags) {}

  diag::SourceRange Range(antlr4::Token* t) const {
    size_t last = offsets_.size() - 1;
    if (!t) return {file_, offsets_[last], offsets_[last]};
    size_t start = std::min<size_t>(t->getStartIndex(), last);
    if (t->getType() == antlr4::Token::EOF) return {file_, offsets_[start], offsets_[start]};
    size_t stop = t->getStopIndex();
    size_t end = (stop == INVALID_INDEX || stop + 1 < start) ? start : std::min(stop + 1, last);
    return {file_, offsets_[start], offsets_[end]};
  }

  // Returns null when the error budget is spent.
  diag::Diagnostic* Report(Code code, diag::SourceRange range, const std::string& a,
                           const std::string& b) {
    if (++count_ > kMaxSyntaxErrors) return nullptr;
    return &diags_.Report(code, range, a, b);
  }
  diag::Diagnostic* Report(Code code, diag::SourceRange range, const std::string& a) {
    if (++count_ > kMaxSyntaxErrors) return nullptr;
    return &diags_.Report(code, range, a);
  }
  diag::Diagnostic* Report(Code code, diag::SourceRange range) {
    if (++count_ > kMaxSyntaxErrors) return nullptr;
    return &diags_.Report(code, range);
  }

  void Finish() {
    if (count_ > kMaxSyntaxErrors) {
      diag::Diagnostic d;
      d.code = Code::E0101;
      d.severity = diag::Severity::Note;
      d.range = {file_, 0, 0};
      d.message = fmt::format("{} more syntax errors in this file were not shown",
                              count_ - kMaxSyntaxErrors);
      diags_.Add(std::move(d));
    }
  }

  size_t count() const { return count_; }

 private:
  diag::FileId file_;
  const std::vector<uint32_t>& offsets_;
  diag::DiagnosticEngine& diags_;
  size_t count_ = 0;
};

bool IsSoftKeyword(size_t type);

// Describes a token the way a person reads it: `}`, `"text"`, a name, the end
// of the file.
std::string Describe(antlr4::Token* t) {
  if (!t || t->getType() == antlr4::Token::EOF) return "end of file";
  std::string text = t->getText();
  if (text.size() > 30) {
    // Cut at a character boundary: a name may be written in any script.
    size_t cut = 27;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  switch (t->getType()) {
    case L::IDENT:
      return fmt::format("name `{}`", text);
    case L::STRING:
      return fmt::format("string {}", text);
    case L::INT:
    case L::DECIMAL:
      return fmt::format("number `{}`", text);
    case L::DATE:
      return fmt::format("date `{}`", text);
    case L::PERCENT:
      return fmt::format("percent `{}`", text);
    case L::UPPER:
      return fmt::format("`{}`", text);
    default:
      return fmt::format("`{}`", text);
  }
}

// Summarises an expected-token set: soft keywords collapse into "a name",
// and long lists are cut, because forty alternatives help nobody.
std::string Expected(const antlr4::misc::IntervalSet& set, const antlr4::dfa::Vocabulary& vocab) {
  std::vector<std::string> items;
  bool name = false;
  bool has_ident = set.contains(static_cast<size_t>(L::IDENT));
  for (size_t t : set.toList()) {
    if (t == L::IDENT) {
      name = true;
      continue;
    }
    // Keywords that are also names count as "a name" when a name is expected.
    if (has_ident && IsSoftKeyword(t)) continue;
    if (t == antlr4::Token::EOF) {
      items.push_back("end of file");
      continue;
    }
    std::string literal = vocab.getLiteralName(t);
    if (!literal.empty()) {
      if (literal.front() == '\'') literal = literal.substr(1, literal.size() - 2);
      items.push_back(fmt::format("`{}`", literal));
    } else {
      std::string sym = vocab.getSymbolicName(t);
      if (sym == "STRING")
        items.push_back("a string");
      else if (sym == "INT")
        items.push_back("a number");
      else if (sym == "DECIMAL")
        items.push_back("a decimal");
      else if (sym == "DATE")
        items.push_back("a date");
      else if (sym == "PERCENT")
        items.push_back("a percent");
      else if (sym == "UPPER")
        items.push_back("a code");
      else
        items.push_back(sym);
    }
  }
  if (name) items.insert(items.begin(), "a name");
  if (items.empty()) return "";
  constexpr size_t kMaxShown = 8;
  std::string out;
  size_t shown = std::min(items.size(), kMaxShown);
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) out += (i + 1 == shown && items.size() <= kMaxShown) ? " or " : ", ";
    out += items[i];
  }
  if (items.size() > kMaxShown) out += fmt::format(", or {} more", items.size() - kMaxShown);
  return out;
}

// Reports syntax errors as our diagnostics instead of ANTLR's strings.
class ErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit ErrorStrategy(Reporter& reporter) : reporter_(reporter) {}

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser,
                                 const antlr4::NoViableAltException& e) override {
    Unexpected(parser, e.getOffendingToken(), e.getExpectedTokens());
  }
  void reportInputMismatch(antlr4::Parser* parser,
                           const antlr4::InputMismatchException& e) override {
    Unexpected(parser, e.getOffendingToken(), e.getExpectedTokens());
  }
  void reportFailedPredicate(antlr4::Parser* parser,
                             const antlr4::FailedPredicateException& e) override {
    Unexpected(parser, e.getOffendingToken(), e.getExpectedTokens());
  }
  void reportUnwantedToken(antlr4::Parser* parser) override {
    if (inErrorRecoveryMode(parser)) return;
    beginErrorCondition(parser);
    Unexpected(parser, parser->getCurrentToken(), getExpectedTokens(parser));
  }
  void reportMissingToken(antlr4::Parser* parser) override {
    if (inErrorRecoveryMode(parser)) return;
    beginErrorCondition(parser);
    antlr4::Token* t = parser->getCurrentToken();
    std::string expected = Expected(getExpectedTokens(parser), parser->getVocabulary());
    // Point just after the previous token: that is where the missing one goes.
    diag::SourceRange at = reporter_.Range(t);
    antlr4::Token* prev = t && t->getTokenIndex() > 0
                              ? parser->getTokenStream()->get(PreviousOnChannel(parser, t))
                              : nullptr;
    if (prev) {
      diag::SourceRange p = reporter_.Range(prev);
      at = {p.file, p.end, p.end};
    }
    diag::Diagnostic* d = reporter_.Report(Code::E0102, at, expected, "before " + Describe(t));
    if (d) d->WithLabel(reporter_.Range(t), "the next token");
  }

 private:
  static size_t PreviousOnChannel(antlr4::Parser* parser, antlr4::Token* t) {
    auto* stream = parser->getTokenStream();
    size_t i = t->getTokenIndex();
    while (i > 0) {
      --i;
      if (stream->get(i)->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return i;
    }
    return 0;
  }

  void Unexpected(antlr4::Parser* parser, antlr4::Token* t, const antlr4::misc::IntervalSet& set) {
    std::string expected = Expected(set, parser->getVocabulary());
    std::string tail = expected.empty() ? "" : "; expected " + expected;
    diag::Diagnostic* d = reporter_.Report(Code::E0101, reporter_.Range(t), Describe(t), tail);
    if (d && t && t->getType() == L::UPPER && set.contains(static_cast<size_t>(L::IDENT))) {
      d->WithHelp("names are written in lowercase: letters, digits and `_`");
    }
  }

  Reporter& reporter_;
};

// Keywords that the grammar's `ident` rule also accepts as names.
bool IsSoftKeyword(size_t type) {
  switch (type) {
    case L::WHERE:
    case L::ELSE:
    case L::WHEN:
    case L::THEN:
    case L::IN:
    case L::FOR:
      return false;
    default:
      // The power words (OFFICE ... DUES) and the decision-event words
      // (PROPOSE ... SPENDING) follow FOR in the lexer section.
      return (type >= L::ADOPTED && type <= L::FOR) || (type >= L::OFFICE && type <= L::SPENDING) ||
             type == L::TODAY || type == L::EVENTS || type == L::CONCORD || type == L::EXTENDS ||
             type == L::AS || type == L::CHARTER || type == L::TREATY || type == L::SCENARIO;
  }
}

// Tokens after which a `-` is a prefix operator rather than subtraction.
bool EndsOperand(size_t type) {
  switch (type) {
    case L::IDENT:
    case L::INT:
    case L::DECIMAL:
    case L::PERCENT:
    case L::DATE:
    case L::STRING:
    case L::UPPER:
    case L::RPAREN:
    case L::RBRACE:
    case L::TRUE:
    case L::FALSE:
    case L::NONE:
    case L::DAY:
    case L::WEEK:
    case L::MONTH:
    case L::YEAR:
      return true;
    default:
      return IsSoftKeyword(type);
  }
}

// Checks token-level problems before parsing: stray characters, unclosed
// comments, and nesting beyond the limit. Returns false when the file is too
// deeply nested to parse safely.
bool Prescan(antlr4::CommonTokenStream& tokens, Reporter& reporter, const ParseOptions& options) {
  // Nesting is measured as open brackets plus the prefix operators and `if`s
  // pending at each bracket level (they nest without brackets: `not not x`,
  // `else if` chains). Separators and clause keywords close the pending ones.
  std::vector<int> pending = {0};
  int total = 0;
  size_t previous = antlr4::Token::INVALID_TYPE;
  for (antlr4::Token* t : tokens.getTokens()) {
    size_t type = t->getType();
    if (type == L::BAD_CHAR) {
      std::string text = t->getText();
      std::string shown = text == "\t" ? "tab" : fmt::format("`{}`", text);
      if (auto* d = reporter.Report(Code::E0105, reporter.Range(t), shown)) {
        if (text == "'") d->WithHelp("strings are written in double quotes: \"...\"");
        if (text == "&") d->WithHelp("write `and` instead of `&&`");
        if (text == "|") d->WithHelp("write `or` instead of `||`");
        if (text == "!") d->WithHelp("write `not` instead of `!`");
        if (IsCapitalLetter(text)) {
          d->WithHelp("names are written in lowercase, in every script (docs/reference.md §2.3)");
        }
      }
      continue;
    }
    if (type == L::IDENT) {
      // The lexer's classes are a superset of UAX #31 identifiers; the few
      // characters they let through that are not are reported here, at
      // their own column, like any other character that cannot be in a name.
      if (auto bad = FindNonIdentifierCharacter(t->getText())) {
        diag::SourceRange r = reporter.Range(t);
        std::string text = t->getText().substr(bad->offset, bad->length);
        reporter.Report(Code::E0105,
                        {r.file, r.begin + bad->offset, r.begin + bad->offset + bad->length},
                        fmt::format("`{}`", text));
      }
    }
    if (type == L::UNTERMINATED_COMMENT) {
      diag::SourceRange r = reporter.Range(t);
      if (auto* d = reporter.Report(Code::E0104, {r.file, r.begin, r.begin + 2})) {
        d->WithFix({r.file, r.end, r.end}, " */", "close the comment");
      }
      continue;
    }
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    switch (type) {
      case L::LPAREN:
      case L::LBRACE:
        pending.push_back(0);
        ++total;
        break;
      case L::RPAREN:
      case L::RBRACE:
        if (pending.size() > 1) {
          total -= pending.back() + 1;
          pending.pop_back();
        }
        break;
      case L::COMMA:
      case L::SEP:
      case L::REQUIRE:
      case L::WHEN:
      case L::EXPECT:
      case L::RULE:
      case L::METRIC:
      case L::FN:
      case L::WHERE:
      case L::FOR:
      case L::IN:
      case L::AS:
        total -= pending.back();
        pending.back() = 0;
        break;
      case L::IF:
      case L::NOT:
        ++pending.back();
        ++total;
        break;
      case L::MINUS:
        if (!EndsOperand(previous)) {
          ++pending.back();
          ++total;
        }
        break;
      default:
        break;
    }
    previous = type;
    if (total > options.max_nesting) {
      reporter.Report(Code::E0109, reporter.Range(t), std::to_string(options.max_nesting));
      return false;
    }
  }
  return true;
}

struct ParseJob {
  const diag::SourceManager* sources;
  diag::FileId file;
  diag::DiagnosticEngine* diags;
  const ParseOptions* options;
  ast::File result;
};

void RunParse(ParseJob& job) {
  std::string_view text =
      job.options->text ? std::string_view(*job.options->text) : job.sources->Text(job.file);
  job.result.id = job.file;
  // ANTLR indexes code points; remember where each one starts in bytes.
  // ANTLR's input stream drops a leading UTF-8 byte order mark, so its code
  // point 0 is the one after it: without this, every range (and every token
  // the formatter copies) in such a file was one character early.
  std::vector<uint32_t> offsets;
  offsets.reserve(text.size() + 1);
  const uint32_t first = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (uint32_t i = first; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(static_cast<uint32_t>(text.size()));

  Reporter reporter(job.file, offsets, *job.diags);
  try {
    antlr4::ANTLRInputStream input(text.data(), text.size());
    L lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream tokens(&lexer);
    // Lexes only as far as one token past the limit (counting tokens on the
    // parser's channel), so a hostile file is refused before its tokens fill
    // memory. Not `tokens.LT(max_tokens + 1)`: ANTLR's LT steps through every
    // k even past the end of the file, two million steps for every file.
    for (size_t seen = 0; tokens.LA(1) != antlr4::Token::EOF; ++seen) {
      if (seen == job.options->max_tokens) {
        reporter.Report(Code::E0114, reporter.Range(tokens.LT(1)),
                        std::to_string(job.options->max_tokens));
        reporter.Finish();
        return;
      }
      tokens.consume();
    }
    tokens.seek(0);
    tokens.fill();
    if (!Prescan(tokens, reporter, *job.options)) {
      reporter.Finish();
      return;
    }

    concord_antlr::ConcordParser parser(&tokens);
    parser.removeErrorListeners();
    concord_antlr::ConcordParser::FileContext* tree = nullptr;
    try {
      // Stage one: SLL prediction, bail at the first error. The benchmark
      // (bench/check_bench.sh) turns it off to measure what it saves.
      if (job.options->two_stage) {
        parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
            antlr4::atn::PredictionMode::SLL);
        parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
        tree = parser.file();
      } else {
        throw antlr4::ParseCancellationException("full LL requested");
      }
    } catch (antlr4::ParseCancellationException&) {
      // Stage two: full LL with recovery, so every independent error is found.
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
          antlr4::atn::PredictionMode::LL);
      parser.setErrorHandler(std::make_shared<ErrorStrategy>(reporter));
      tree = parser.file();
    }
    AstBuilder builder(job.file, offsets, *job.diags,
                       static_cast<uint32_t>(2 * job.options->max_nesting));
    job.result = builder.BuildFile(tree);
    if (job.options->concrete && tree) {
      *job.options->concrete = BuildSyntaxTree(tree, parser, tokens, offsets);
    }
  } catch (const std::exception& e) {
    reporter.Report(Code::E0101, {job.file, 0, 0}, "input",
                    fmt::format(" (the parser gave up: {})", e.what()));
  }
  reporter.Finish();
}

void* ParseThread(void* arg) {
  RunParse(*static_cast<ParseJob*>(arg));
  return nullptr;
}

// What a scenario item other than an event is called in E0295.
std::string ItemName(concord_antlr::ConcordParser::ScenarioItemContext* item) {
  using P = concord_antlr::ConcordParser;
  if (dynamic_cast<P::MembersClauseContext*>(item)) return "a `members` line";
  if (dynamic_cast<P::EventsFromClauseContext*>(item)) return "an `events from` line";
  if (dynamic_cast<P::SeedClauseContext*>(item)) return "`seed`";
  if (dynamic_cast<P::StartClauseContext*>(item)) return "`start`";
  if (dynamic_cast<P::RunUntilClauseContext*>(item)) return "`run until`";
  return "an `expect` line";
}

}  // namespace

std::optional<ast::Event> ParseEventLine(const diag::SourceManager& sources, diag::FileId file,
                                         uint32_t begin, uint32_t end,
                                         diag::DiagnosticEngine& diags) {
  std::string_view line = sources.Text(file).substr(begin, end - begin);
  if (auto event = ScanSimpleEvent(line, file, begin)) return event;
  // The line on its own, with every range shifted to its place in the file.
  std::vector<uint32_t> offsets;
  offsets.reserve(line.size() + 1);
  for (uint32_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) offsets.push_back(begin + i);
  }
  offsets.push_back(end);
  Reporter reporter(file, offsets, diags);
  std::optional<ast::Event> out;
  try {
    antlr4::ANTLRInputStream input(line.data(), line.size());
    L lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    ParseOptions options;  // a line is short (kMaxEventLineBytes): the default limits
    if (Prescan(tokens, reporter, options)) {
      concord_antlr::ConcordParser parser(&tokens);
      parser.removeErrorListeners();
      parser.setErrorHandler(std::make_shared<ErrorStrategy>(reporter));
      concord_antlr::ConcordParser::ScenarioItemContext* item = parser.scenarioItem();
      if (reporter.count() == 0 && tokens.LA(1) != antlr4::Token::EOF) {
        antlr4::Token* extra = tokens.LT(1);
        reporter.Report(Code::E0101, reporter.Range(extra), Describe(extra),
                        "; expected the end of the line (one event a line)");
      }
      if (reporter.count() == 0) {
        AstBuilder builder(file, offsets, diags, static_cast<uint32_t>(2 * options.max_nesting));
        bool is_event =
            dynamic_cast<concord_antlr::ConcordParser::EventClauseContext*>(item) ||
            dynamic_cast<concord_antlr::ConcordParser::RecurringEventClauseContext*>(item);
        if (is_event) {
          out = builder.DatedEvent(item);
        } else {
          diags.Report(Code::E0295, builder.Range(item), ItemName(item))
              .WithHelp(
                  "an event file holds only `on DATE EVENT` lines; the rest belongs in the "
                  "scenario");
        }
      }
    }
  } catch (const std::exception& e) {
    reporter.Report(Code::E0101, {file, begin, begin}, "input",
                    fmt::format(" (the parser gave up: {})", e.what()));
  }
  reporter.Finish();
  return out;
}

ast::File ParseFile(const diag::SourceManager& sources, diag::FileId file,
                    diag::DiagnosticEngine& diags, const ParseOptions& options) {
  ParseJob job{&sources, file, &diags, &options, {}};
  // Parsing and tree building recurse once per nesting level. The prescan
  // bounds the depth, and a dedicated thread with a generous stack keeps even
  // the bounded depth far from the main thread's limit (sanitizer builds use
  // much larger frames).
  constexpr size_t kStackBytes = 256u << 20;
  pthread_attr_t attr;
  pthread_t thread;
  bool threaded = pthread_attr_init(&attr) == 0 &&
                  pthread_attr_setstacksize(&attr, kStackBytes) == 0 &&
                  pthread_create(&thread, &attr, &ParseThread, &job) == 0;
  pthread_attr_destroy(&attr);
  if (threaded) {
    pthread_join(thread, nullptr);
  } else {
    RunParse(job);
  }
  return std::move(job.result);
}

}  // namespace concord::syntax
