// textDocument/hover: what the word under the cursor is. For a name: its
// kind, type (with the unit: `money<EUR>`, `duration`) and the documentation
// the program gives it (a title, a rule's text, a fund's contribution). For a
// requirement's code: the requirement and its reason. For a diagnostic
// code: its summary. For a keyword: a one-line explanation.
#include <fmt/format.h>

#include "compiler/diag/diagnostic.h"
#include "compiler/lsp/features.h"
#include "compiler/lsp/keywords.h"
#include "compiler/lsp/symbol_lookup.h"
#include "compiler/sema/builtins.h"

namespace concord::lsp {
namespace {

std::string Quoted(const std::optional<ast::Located<std::string>>& title) {
  return title ? fmt::format(" \"{}\"", title->value) : "";
}

std::string CodeBlock(const std::string& code) {
  return "```concord\n" + code + "\n```";
}

std::string TypeName(const sema::Type* type) {
  return type ? type->ToString() : "";
}

// Source text of a clause, for showing it as written.
std::string Slice(const Analysis& analysis, diag::SourceRange range) {
  if (!range.valid()) return "";
  return std::string(analysis.program().sources.Slice(range));
}

std::string DescribeSymbol(const Analysis& analysis, const sema::Symbol& s) {
  const sema::CheckedProgram& checked = *analysis.checked();
  std::string owner =
      s.owner ? fmt::format("\n\nin {} `{}`", sema::KindName(s.owner->kind), s.owner->name) : "";
  if (auto* decl = s.As<ast::CharterDecl>()) {
    std::string text = CodeBlock(fmt::format("charter {}{}", s.name, Quoted(decl->title)));
    const sema::CharterInfo* info = checked.CharterOf(&s);
    if (info && info->concord) {
      text += fmt::format("\n\nclaims concord `{}`", info->concord->symbol->name);
    }
    if (info) {
      text += fmt::format("; {} rules, {} ledgers, {} functions, {} metrics", info->rules.size(),
                          info->ledgers.size(), info->functions.size(), info->metrics.size());
    }
    return text;
  }
  if (auto* decl = s.As<ast::TreatyDecl>()) {
    std::string parties;
    for (const ast::Identifier& p : decl->parties) {
      parties += (parties.empty() ? "" : ", ") + p.name;
    }
    return CodeBlock(fmt::format("treaty {}{}", s.name, Quoted(decl->title))) +
           fmt::format("\n\nparties {}; {} funds, {} rules", parties, decl->funds.size(),
                       decl->rules.size());
  }
  if (auto* decl = s.As<ast::ConcordDecl>()) {
    std::string text =
        CodeBlock(fmt::format("concord {}{}{}", s.name, Quoted(decl->title),
                              decl->extends ? " extends " + decl->extends->name : std::string()));
    for (const ast::Requirement& r : decl->requirements) {
      text += fmt::format("\n- `{}`: {}", r.code.value, r.reason.value);
    }
    return text;
  }
  if (auto* decl = s.As<ast::FnDecl>()) {
    std::string params;
    for (const ast::Param& p : decl->params) {
      params += fmt::format("{}{}: {}", params.empty() ? "" : ", ", p.name.name,
                            Slice(analysis, p.type.range));
    }
    return CodeBlock(
        fmt::format("fn {}({}) -> {}", s.name, params, Slice(analysis, decl->result.range)));
  }
  if (auto* decl = s.As<ast::Rule>()) {
    std::string text = CodeBlock(fmt::format("rule {}{}", s.name, Quoted(decl->title)));
    if (decl->text) text += "\n\n" + decl->text->value;
    return text + owner;
  }
  if (auto* decl = s.As<ast::Fund>()) {
    std::string text = CodeBlock(fmt::format("fund {}{}", s.name, Quoted(decl->title)));
    if (decl->contribution) text += "\n\n`" + Slice(analysis, decl->contribution->range) + "`";
    return text + owner;
  }
  if (auto* decl = s.As<ast::Ledger>()) {
    std::string text = CodeBlock(fmt::format("ledger {}{}", s.name, Quoted(decl->title)));
    if (decl->is_public) text += decl->is_public->value ? "\n\npublic" : "\n\nprivate";
    return text + owner;
  }
  if (auto* decl = s.As<ast::Function>()) {
    return CodeBlock(fmt::format("function {}{}{}", s.name, Quoted(decl->title),
                                 decl->essential ? " essential" : "")) +
           owner;
  }
  if (auto* decl = s.As<ast::Office>()) {
    std::string text = CodeBlock(fmt::format("office {}{}", s.name, Quoted(decl->title)));
    std::string how = decl->held_by  ? "held by " + decl->held_by->name
                      : decl->chosen ? Slice(analysis, decl->chosen->range)
                                     : "no `chosen by`";
    text += fmt::format("\n\n{} seat{}; {}", decl->seats ? decl->seats->value : 1,
                        decl->seats && decl->seats->value != 1 ? "s" : "", how);
    text +=
        decl->term ? "\n\nterm " + Slice(analysis, decl->term->range) : "\n\npermanent (no term)";
    text += decl->limit ? fmt::format("; at most {} in a row", decl->limit->value)
                        : std::string("; no term limit");
    text += decl->recall ? fmt::format("; recall by {} of members", decl->recall->text)
                         : std::string("; cannot be recalled");
    std::string decides;
    for (const ast::OfficeDecides& d : decl->decides) {
      decides += (decides.empty() ? "" : ", ") + d.matter.name +
                 (d.up_to ? " up to " + Slice(analysis, d.up_to->range) : "");
    }
    // `decisions { spending by office coordinators up to 300 EUR }` gives the
    // office a matter too; a reader of the office wants both lists.
    const sema::CharterInfo* charter = s.owner ? checked.CharterOf(s.owner) : nullptr;
    if (charter && charter->decl) {
      auto add_rule = [&](std::string_view matter, const ast::DecisionMethod& m) {
        if (m.kind != ast::MethodKind::kOffice || !m.office || m.office->name != s.name) return;
        decides += fmt::format("{}{} (by `decisions`)", decides.empty() ? "" : ", ", matter) +
                   (m.up_to ? " up to " + Slice(analysis, m.up_to->range) : "");
      };
      if (charter->decl->decisions) {
        for (const ast::DecisionRule& r : charter->decl->decisions->rules) {
          add_rule(r.matter.name, r.method);
        }
      }
      if (charter->decl->sanctions) {
        for (const ast::SanctionRule& r : charter->decl->sanctions->rules) {
          add_rule(ast::SanctionWord(r.kind), r.method);
        }
      }
    }
    text += "\n\ndecides: " + (decides.empty() ? std::string("nothing alone") : decides);
    return text + owner;
  }
  if (auto* decl = s.As<ast::Metric>()) {
    return CodeBlock(fmt::format("metric {}: {}{} = {}", s.name, TypeName(s.type),
                                 Quoted(decl->title),
                                 decl->value ? Slice(analysis, decl->value->range) : "...")) +
           owner;
  }
  if (s.kind == sema::SymbolKind::kImplicit && s.implicit == sema::Implicit::kToday) {
    // Provided by every dated evaluation, not by a declaration.
    const Keyword* today = FindKeyword("today");
    return CodeBlock(fmt::format("today: {}", TypeName(s.type))) + "\n\n" +
           std::string(today ? today->explanation : "");
  }
  if (s.kind == sema::SymbolKind::kImplicit) {
    return CodeBlock(fmt::format("{}: {}", s.name, TypeName(s.type))) +
           "\n\nimplicit name provided by the enclosing declaration";
  }
  std::string type = s.type ? ": " + TypeName(s.type) : "";
  std::string text = CodeBlock(fmt::format("{} {}{}", sema::KindName(s.kind), s.name, type));
  if (s.kind == sema::SymbolKind::kMember) {
    for (const auto& scenario : checked.scenarios()) {
      auto polity = scenario->member_polity.find(&s);
      if (polity != scenario->member_polity.end() && polity->second) {
        text += fmt::format("\n\nmember of `{}`", polity->second->symbol->name);
      }
    }
  }
  return text + owner;
}

Json MarkdownHover(DocumentContext& context, const std::string& markdown, diag::SourceRange word) {
  return Json{{"contents", {{"kind", "markdown"}, {"value", markdown}}},
              {"range", ToJson(context.mapper.ToRange(word))}};
}

}  // namespace

Json Hover(DocumentContext& context, const Json& params) {
  uint32_t offset = context.mapper.DocumentOffset(PositionFromJson(params.at("position")));
  std::optional<Target> target = FindTarget(context.analysis, offset);
  if (!target) return nullptr;
  if (target->symbol) {
    return MarkdownHover(context, DescribeSymbol(context.analysis, *target->symbol), target->word);
  }
  if (target->syntactic && !target->syntactic->name.valid()) target->syntactic.reset();
  if (target->syntactic) {
    const SyntacticDeclaration& d = *target->syntactic;
    std::string title = d.title.empty() ? "" : fmt::format(" \"{}\"", d.title);
    return MarkdownHover(context,
                         CodeBlock(fmt::format("{} {}{}", d.kind, target->text, title)) +
                             "\n\n(types are shown once the document parses)",
                         target->word);
  }
  if (target->requirement) {
    const ast::Requirement& r = *target->requirement->requirement;
    std::string concord =
        target->requirement->concord ? target->requirement->concord->symbol->name : "";
    return MarkdownHover(
        context,
        CodeBlock(fmt::format("require {} as {}",
                              r.condition ? Slice(context.analysis, r.condition->range) : "...",
                              r.code.value)) +
            fmt::format("\n\n{} (concord `{}`)", r.reason.value, concord),
        target->word);
  }
  if (auto code = diag::CodeFromName(target->text)) {
    const diag::CodeInfo& info = diag::Info(*code);
    return MarkdownHover(
        context,
        fmt::format("**{}** ({}): {}\n\n`concord explain {}` for details", info.name,
                    diag::SeverityName(info.default_severity), info.summary, info.name),
        target->word);
  }
  if (auto builtin = sema::FindBuiltin(target->text)) {
    const sema::BuiltinInfo& info = sema::Info(*builtin);
    return MarkdownHover(
        context, CodeBlock(std::string(info.signature)) + "\n\n" + std::string(info.meaning),
        target->word);
  }
  if (const Keyword* keyword = FindKeyword(target->text)) {
    return MarkdownHover(context,
                         fmt::format("keyword `{}`: {}", keyword->word, keyword->explanation),
                         target->word);
  }
  return nullptr;
}

}  // namespace concord::lsp
