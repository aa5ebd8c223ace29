// The AST builder's common parts: locations, tokens, strings, dates, periods,
// and the file-level dispatch to declarations.
#include "compiler/syntax/builder.h"

#include <fmt/format.h>

#include "compiler/syntax/unicode.h"

namespace concord::syntax {

using diag::Code;

diag::SourceRange AstBuilder::Range(antlr4::Token* token) const {
  if (!token || token->getTokenIndex() == INVALID_INDEX) return {file_, 0, 0};
  size_t start = token->getStartIndex();
  size_t stop = token->getStopIndex();
  size_t last = byte_offsets_.size() - 1;
  if (start > last) start = last;
  size_t end = (stop == INVALID_INDEX || stop + 1 < start) ? start : stop + 1;
  if (end > last) end = last;
  return {file_, byte_offsets_[start], byte_offsets_[end]};
}

diag::SourceRange AstBuilder::Range(antlr4::ParserRuleContext* ctx) const {
  if (!ctx) return {};
  diag::SourceRange begin = Range(ctx->getStart());
  antlr4::Token* stop = ctx->getStop();
  if (!stop || stop->getTokenIndex() == INVALID_INDEX ||
      stop->getTokenIndex() < ctx->getStart()->getTokenIndex()) {
    return begin;
  }
  return diag::SourceRange::Cover(begin, Range(stop));
}

diag::SourceRange AstBuilder::Range(antlr4::tree::TerminalNode* node) const {
  return node ? Range(node->getSymbol()) : diag::SourceRange{};
}

antlr4::Token* AstBuilder::Real(antlr4::tree::TerminalNode* node) {
  if (!node) return nullptr;
  antlr4::Token* t = node->getSymbol();
  if (!t || t->getTokenIndex() == INVALID_INDEX) return nullptr;
  if (dynamic_cast<antlr4::tree::ErrorNode*>(node)) return nullptr;
  return t;
}

ast::Identifier AstBuilder::Ident(P::IdentContext* ctx) const {
  if (!ctx || !ctx->getStart()) return {};
  // Names are compared in NFC everywhere after the parser (docs/reference.md
  // §2.3), so they are stored in NFC: `e` + U+0301 and `é` are one name.
  return {NormalizeName(ctx->getText()), Range(ctx)};
}

std::optional<ast::Located<std::string>> AstBuilder::String(antlr4::tree::TerminalNode* node) {
  antlr4::Token* t = Real(node);
  if (!t) return std::nullopt;
  const std::string text = t->getText();
  diag::SourceRange range = Range(t);
  std::string value;
  bool closed = false;
  for (size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      closed = i + 1 == text.size();
      break;
    }
    if (c != '\\') {
      value += c;
      continue;
    }
    if (i + 1 >= text.size()) break;
    char e = text[++i];
    switch (e) {
      case '"':
        value += '"';
        break;
      case '\\':
        value += '\\';
        break;
      case 'n':
        value += '\n';
        break;
      case 't':
        value += '\t';
        break;
      default: {
        uint32_t at = range.begin + static_cast<uint32_t>(i - 1);
        // The escaped character may be several bytes long in UTF-8.
        size_t len = 1;
        while (i + len < text.size() &&
               (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80) {
          ++len;
        }
        diags_
            .Report(Code::E0106, {file_, at, at + 1 + static_cast<uint32_t>(len)},
                    text.substr(i - 1, len + 1))
            .WithHelp("the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`");
        value += text.substr(i, len);
        i += len - 1;
      }
    }
  }
  if (!closed) {
    // No fix-it: where the string was meant to end is a guess (often before a
    // `{` that the string swallowed), and a wrong fix-it is worse than none.
    diags_.Report(Code::E0103, range)
        .WithHelp("a string ends with `\"` on the same line; use `\\n` for a line break");
  }
  return ast::Located<std::string>{std::move(value), range};
}

std::optional<ast::Located<values::Date>> AstBuilder::DateOf(antlr4::tree::TerminalNode* node) {
  antlr4::Token* t = Real(node);
  if (!t) return std::nullopt;
  std::string why;
  std::string text = t->getText();
  auto date = values::Date::Parse(text, &why);
  if (!date) {
    diags_.Report(Code::E0108, Range(t), text, why);
    return std::nullopt;
  }
  return ast::Located<values::Date>{*date, Range(t)};
}

std::optional<int64_t> AstBuilder::IntOf(antlr4::tree::TerminalNode* node) {
  antlr4::Token* t = Real(node);
  if (!t) return std::nullopt;
  std::string text = t->getText();
  int64_t value = 0;
  for (char c : text) {
    if (__builtin_mul_overflow(value, 10, &value) ||
        __builtin_add_overflow(value, c - '0', &value)) {
      diags_.Report(Code::E0107, Range(t), text, "it does not fit in a 64-bit integer");
      return std::nullopt;
    }
  }
  return value;
}

std::optional<ast::Located<std::string>> AstBuilder::Title(P::TitleContext* ctx) {
  if (!ctx) return std::nullopt;
  return String(ctx->STRING());
}

std::optional<values::DurationUnit> AstBuilder::UnitOf(P::DurationUnitContext* ctx) {
  if (!ctx) return std::nullopt;
  if (Real(ctx->DAY())) return values::DurationUnit::kDay;
  if (Real(ctx->WEEK())) return values::DurationUnit::kWeek;
  if (Real(ctx->YEAR())) return values::DurationUnit::kYear;
  if (Real(ctx->LUNAR()))
    return Real(ctx->MONTH()) ? std::optional(values::DurationUnit::kLunarMonth) : std::nullopt;
  if (Real(ctx->MONTH())) return values::DurationUnit::kMonth;
  return std::nullopt;
}

std::optional<ast::Period> AstBuilder::PeriodOf(P::PeriodContext* ctx) {
  if (!ctx) return std::nullopt;
  auto unit = UnitOf(ctx->durationUnit());
  if (!unit) return std::nullopt;
  ast::Period p;
  p.unit = *unit;
  p.range = Range(ctx);
  p.text_range = p.range;
  if (ctx->INT()) {
    auto n = IntOf(ctx->INT());
    if (!n) return std::nullopt;
    p.count = *n;
  }
  return p;
}

std::optional<ast::Rotation> AstBuilder::RotationOf(P::RotationContext* ctx) {
  if (!ctx || !ctx->ident()) return std::nullopt;
  ast::Rotation r;
  if (ctx->period()) r.every = PeriodOf(ctx->period());
  r.among = Ident(ctx->ident());
  r.range = Range(ctx);
  return r;
}

std::optional<ast::Located<ast::RenewalMode>> AstBuilder::RenewalOf(P::RenewalModeContext* ctx) {
  if (!ctx) return std::nullopt;
  if (dynamic_cast<P::RenewAutomaticContext*>(ctx)) {
    return ast::Located<ast::RenewalMode>{ast::RenewalMode::kAutomatic, Range(ctx)};
  }
  return ast::Located<ast::RenewalMode>{ast::RenewalMode::kExplicit, Range(ctx)};
}

bool AstBuilder::FirstClause(bool seen, diag::SourceRange first, diag::SourceRange again,
                             const char* clause, const std::string& where) {
  if (!seen) return true;
  diags_.Report(Code::E0110, again, clause, where)
      .WithLabel(first, "first given here")
      .WithHelp("remove one of the two, or merge them");
  return false;
}

bool AstBuilder::WithinDepth(const ast::Expr* e) {
  if (!e || e->depth <= max_depth_) return true;
  if (!depth_reported_) {
    depth_reported_ = true;
    diags_.Report(Code::E0109, e->range, std::to_string(max_depth_))
        .WithHelp("split the expression into `fn` declarations");
  }
  return false;
}

ast::File AstBuilder::BuildFile(P::FileContext* ctx) {
  ast::File file;
  file.id = file_;
  if (!ctx) return file;
  for (P::ImportDeclContext* imp : ctx->importDecl()) {
    if (auto* path = dynamic_cast<P::ImportPathContext*>(imp)) {
      auto s = String(path->STRING());
      if (s) file.imports.push_back({false, s->value, Range(imp)});
    } else if (auto* mod = dynamic_cast<P::ImportModuleContext*>(imp)) {
      std::string name;
      for (P::IdentContext* part : mod->ident()) {
        if (!name.empty()) name += ".";
        name += NormalizeName(part->getText());
      }
      if (!name.empty()) file.imports.push_back({true, name, Range(imp)});
    }
  }
  for (P::DeclContext* decl : ctx->decl()) {
    if (decl->fnDecl()) {
      if (auto fn = Fn(decl->fnDecl())) file.fns.push_back(std::move(*fn));
    } else if (decl->concordDecl()) {
      if (auto c = Concord(decl->concordDecl())) file.concords.push_back(std::move(*c));
    } else if (decl->charterDecl()) {
      if (auto c = Charter(decl->charterDecl())) file.charters.push_back(std::move(*c));
    } else if (decl->treatyDecl()) {
      if (auto t = Treaty(decl->treatyDecl())) file.treaties.push_back(std::move(*t));
    } else if (decl->scenarioDecl()) {
      if (auto s = Scenario(decl->scenarioDecl())) file.scenarios.push_back(std::move(*s));
    }
  }
  return file;
}

}  // namespace concord::syntax
