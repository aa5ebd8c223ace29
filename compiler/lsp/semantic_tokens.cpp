// textDocument/semanticTokens/full: highlighting for editors without the
// TextMate grammar. A small lexer mirrors the grammar's token classes
// (comments, strings, numbers and dates, keywords, operators, codes and
// currencies); identifiers are classified by what they resolve to when the
// document checked (a charter, a rule, a parameter, ...), and declaring
// identifiers carry the `declaration` modifier.
#include <set>
#include <unordered_map>

#include "compiler/lsp/features.h"
#include "compiler/lsp/keywords.h"
#include "compiler/lsp/symbol_lookup.h"
#include "compiler/sema/builtins.h"

namespace concord::lsp {
namespace {

// Indexes into the legend below; the order is the wire format.
enum TokenType : int {
  kKeyword,
  kComment,
  kString,
  kNumber,
  kOperator,
  kClass,      // charter
  kStruct,     // treaty
  kInterface,  // concord
  kFunction,   // fn, standard function
  kMethod,     // rule
  kProperty,   // metric, ledger, fund, function of a charter, field
  kVariable,   // member, variable, implicit name
  kParameter,
  kEnumMember,  // enum constant, diagnostic or currency code
  kNamespace,   // scenario
  kType,
};
constexpr const char* kTokenTypes[] = {"keyword",   "comment",    "string",    "number",
                                       "operator",  "class",      "struct",    "interface",
                                       "function",  "method",     "property",  "variable",
                                       "parameter", "enumMember", "namespace", "type"};

enum TokenModifier : int { kDeclaration = 1, kDefaultLibrary = 2 };
constexpr const char* kTokenModifiers[] = {"declaration", "defaultLibrary"};

int TypeOfSymbol(const sema::Symbol& s) {
  switch (s.kind) {
    case sema::SymbolKind::kCharter:
      return kClass;
    case sema::SymbolKind::kTreaty:
      return kStruct;
    case sema::SymbolKind::kConcord:
      return kInterface;
    case sema::SymbolKind::kFn:
      return kFunction;
    case sema::SymbolKind::kScenario:
      return kNamespace;
    case sema::SymbolKind::kRule:
      return kMethod;
    case sema::SymbolKind::kLedger:
    case sema::SymbolKind::kFunction:
    case sema::SymbolKind::kMetric:
    case sema::SymbolKind::kFund:
      return kProperty;
    case sema::SymbolKind::kParam:
      return kParameter;
    case sema::SymbolKind::kEnumConstant:
      return kEnumMember;
    default:
      return kVariable;
  }
}

class TokenEncoder {
 public:
  TokenEncoder(const LineIndex& index, PositionEncoding encoding)
      : index_(index), encoding_(encoding) {}

  // A token never spans lines in the wire format: callers split.
  void Add(uint32_t begin, uint32_t end, int type, int modifiers = 0) {
    if (end <= begin) return;
    Position start = index_.ToPosition(begin, encoding_);
    Position stop = index_.ToPosition(end, encoding_);
    if (stop.line != start.line || stop.character <= start.character) return;
    uint32_t delta_line = start.line - line_;
    uint32_t delta_start = delta_line == 0 ? start.character - character_ : start.character;
    data_.insert(data_.end(), {delta_line, delta_start, stop.character - start.character,
                               static_cast<uint32_t>(type), static_cast<uint32_t>(modifiers)});
    line_ = start.line;
    character_ = start.character;
  }

  std::vector<uint32_t> Take() { return std::move(data_); }

 private:
  const LineIndex& index_;
  PositionEncoding encoding_;
  uint32_t line_ = 0;
  uint32_t character_ = 0;
  std::vector<uint32_t> data_;
};

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

class Highlighter {
 public:
  Highlighter(DocumentContext& context, std::string_view text, TokenEncoder& out)
      : context_(context), text_(text), out_(out) {
    if (const sema::CheckedProgram* checked = context.analysis.checked()) {
      for (const sema::Symbol* s : DeclaredSymbols(*checked)) {
        if (s->range.file == context.analysis.file) declarations_[s->range.begin] = s;
      }
      for (const std::string& name : checked->types().TypeNames()) type_names_.insert(name);
    }
  }

  void Run() {
    size_t i = 0;
    while (i < text_.size()) {
      char c = text_[i];
      if (c == '/' && i + 1 < text_.size() && text_[i + 1] == '/') {
        size_t end = text_.find_first_of("\r\n", i);
        if (end == std::string_view::npos) end = text_.size();
        Emit(i, end, kComment);
        i = end;
      } else if (c == '/' && i + 1 < text_.size() && text_[i + 1] == '*') {
        size_t end = text_.find("*/", i + 2);
        end = end == std::string_view::npos ? text_.size() : end + 2;
        EmitLines(i, end, kComment);
        i = end;
      } else if (c == '"') {
        size_t end = i + 1;
        while (end < text_.size() && text_[end] != '"' && text_[end] != '\n' &&
               text_[end] != '\r') {
          end += text_[end] == '\\' && end + 1 < text_.size() ? 2 : 1;
        }
        if (end < text_.size() && text_[end] == '"') ++end;
        Emit(i, end, kString);
        i = end;
      } else if (IsDigit(c)) {
        size_t end = IsDate(i) ? i + 10 : NumberEnd(i);
        Emit(i, end, kNumber);
        i = end;
      } else if (IsWordChar(c)) {
        size_t end = i;
        while (end < text_.size() && IsWordChar(text_[end])) ++end;
        Word(i, end);
        i = end;
      } else if (std::string_view("<>=!+-*/").find(c) != std::string_view::npos) {
        size_t end = i + 1;
        if (end < text_.size() && (text_[end] == '=' || (c == '-' && text_[end] == '>'))) ++end;
        Emit(i, end, kOperator);
        i = end;
      } else {
        i += Utf8SequenceLength(static_cast<unsigned char>(c));
      }
    }
  }

 private:
  // DATE in the grammar: four digits, `-`, two digits, `-`, two digits.
  bool IsDate(size_t i) const {
    static constexpr std::string_view kShape = "dddd-dd-dd";
    if (i + kShape.size() > text_.size()) return false;
    for (size_t k = 0; k < kShape.size(); ++k) {
      char c = text_[i + k];
      if (kShape[k] == 'd' ? !IsDigit(c) : c != '-') return false;
    }
    return true;
  }

  // INT, DECIMAL and PERCENT: digits, optionally `.` digits, optionally `%`.
  size_t NumberEnd(size_t i) const {
    while (i < text_.size() && IsDigit(text_[i])) ++i;
    if (i + 1 < text_.size() && text_[i] == '.' && IsDigit(text_[i + 1])) {
      ++i;
      while (i < text_.size() && IsDigit(text_[i])) ++i;
    }
    if (i < text_.size() && text_[i] == '%') ++i;
    return i;
  }

  void Emit(size_t begin, size_t end, int type, int modifiers = 0) {
    out_.Add(static_cast<uint32_t>(begin), static_cast<uint32_t>(end), type, modifiers);
  }

  void EmitLines(size_t begin, size_t end, int type) {
    while (begin < end) {
      size_t line_end = text_.find_first_of("\r\n", begin);
      if (line_end == std::string_view::npos || line_end > end) line_end = end;
      Emit(begin, line_end, type);
      begin = line_end;
      while (begin < end && (text_[begin] == '\r' || text_[begin] == '\n')) ++begin;
    }
  }

  void Word(size_t begin, size_t end) {
    std::string_view word = text_.substr(begin, end - begin);
    const sema::CheckedProgram* checked = context_.analysis.checked();
    auto declared = declarations_.find(static_cast<uint32_t>(begin));
    if (declared != declarations_.end()) {
      Emit(begin, end, TypeOfSymbol(*declared->second), kDeclaration);
      return;
    }
    if (word[0] >= 'A' && word[0] <= 'Z') {
      Emit(begin, end, kEnumMember);
      return;
    }
    if (FindKeyword(word)) {
      Emit(begin, end, kKeyword);
      return;
    }
    size_t after = end;
    while (after < text_.size() && text_[after] == ' ') ++after;
    bool called = after < text_.size() && text_[after] == '(';
    if (called && sema::FindBuiltin(word)) {
      Emit(begin, end, kFunction, kDefaultLibrary);
      return;
    }
    if (checked) {
      if (const sema::Symbol* s =
              ResolveName(*checked, context_.analysis.file, static_cast<uint32_t>(begin), word)) {
        Emit(begin, end, TypeOfSymbol(*s));
        return;
      }
    }
    if (type_names_.count(std::string(word))) {
      Emit(begin, end, kType);
      return;
    }
    Emit(begin, end, kVariable);
  }

  DocumentContext& context_;
  std::string_view text_;
  TokenEncoder& out_;
  std::unordered_map<uint32_t, const sema::Symbol*> declarations_;
  std::set<std::string> type_names_;
};

}  // namespace

Json SemanticTokensLegend() {
  return Json{{"tokenTypes", kTokenTypes}, {"tokenModifiers", kTokenModifiers}};
}

Json SemanticTokens(DocumentContext& context) {
  const std::string& text = context.document.text;
  LineIndex index(text);
  TokenEncoder encoder(index, context.encoding);
  // Symbols are only trusted when the analysed text is the document's text.
  Highlighter(context, text, encoder).Run();
  return Json{{"data", encoder.Take()}};
}

}  // namespace concord::lsp
