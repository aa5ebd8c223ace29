#include "compiler/lsp/symbol_lookup.h"

#include "compiler/syntax/unicode.h"

namespace concord::lsp {
namespace {

bool Contains(diag::SourceRange range, diag::FileId file, uint32_t offset) {
  return range.valid() && range.file == file && range.begin <= offset && offset <= range.end;
}

const sema::Symbol* FindIn(const sema::NameTable& table, std::string_view name) {
  return table.Find(name);
}

// `eastside_kitchen.meals_served`: the word before the dot, when the cursor
// word follows one.
// In NFC, as every declared name is (docs/reference.md §2.3).
std::string QualifierBefore(std::string_view text, uint32_t begin) {
  uint32_t i = begin;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == 0 || text[i - 1] != '.') return {};
  --i;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  uint32_t end = i;
  while (i > 0 && IsWordChar(text[i - 1])) --i;
  return syntax::NormalizeName(text.substr(i, end - i));
}

using Found = std::optional<SyntacticDeclaration>;

Found Declared(const std::string& kind, const ast::Identifier& name, std::string_view word,
               const std::optional<ast::Located<std::string>>& title) {
  if (name.name != word || !name.range.valid()) return std::nullopt;
  return SyntacticDeclaration{kind, name.range, title ? title->value : ""};
}

// The names a charter, treaty or scenario declares inside itself.
Found FindInside(const ast::CharterDecl& c, std::string_view word) {
  for (const ast::Rule& r : c.rules) {
    if (Found f = Declared("rule", r.name, word, r.title)) return f;
  }
  for (const ast::Ledger& l : c.ledgers) {
    if (Found f = Declared("ledger", l.name, word, l.title)) return f;
  }
  for (const ast::Function& fn : c.functions) {
    if (Found f = Declared("function", fn.name, word, fn.title)) return f;
  }
  for (const ast::Metric& m : c.metrics) {
    if (Found f = Declared("metric", m.name, word, m.title)) return f;
  }
  return std::nullopt;
}

Found FindInside(const ast::TreatyDecl& t, std::string_view word) {
  for (const ast::Fund& f : t.funds) {
    if (Found found = Declared("fund", f.name, word, f.title)) return found;
  }
  for (const ast::Rule& r : t.rules) {
    if (Found f = Declared("rule", r.name, word, r.title)) return f;
  }
  return std::nullopt;
}

Found FindInside(const ast::ScenarioDecl& s, std::string_view word) {
  for (const ast::MembersDecl& group : s.members) {
    for (const ast::Identifier& m : group.members) {
      if (Found f = Declared("member", m, word, std::nullopt)) return f;
    }
  }
  return std::nullopt;
}

Found FindSyntactic(const sema::Program& program, diag::FileId file, uint32_t offset,
                    std::string_view word) {
  auto inside = [&](diag::SourceRange r) { return Contains(r, file, offset); };
  // The enclosing declaration first: its names shadow nothing global, but
  // two charters may both have a rule `welcome`.
  for (const auto& f : program.files) {
    for (const ast::FnDecl& fn : f->fns) {
      if (!inside(fn.range)) continue;
      for (const ast::Param& p : fn.params) {
        if (Found found = Declared("parameter", p.name, word, std::nullopt)) return found;
      }
    }
    for (const ast::CharterDecl& c : f->charters) {
      if (Found found = inside(c.range) ? FindInside(c, word) : std::nullopt) return found;
    }
    for (const ast::TreatyDecl& t : f->treaties) {
      if (Found found = inside(t.range) ? FindInside(t, word) : std::nullopt) return found;
    }
    for (const ast::ScenarioDecl& s : f->scenarios) {
      if (Found found = inside(s.range) ? FindInside(s, word) : std::nullopt) return found;
    }
  }
  for (const auto& f : program.files) {
    for (const ast::CharterDecl& c : f->charters) {
      if (Found found = Declared("charter", c.name, word, c.title)) return found;
    }
    for (const ast::TreatyDecl& t : f->treaties) {
      if (Found found = Declared("treaty", t.name, word, t.title)) return found;
    }
    for (const ast::ConcordDecl& c : f->concords) {
      if (Found found = Declared("concord", c.name, word, c.title)) return found;
    }
    for (const ast::FnDecl& fn : f->fns) {
      if (Found found = Declared("fn", fn.name, word, std::nullopt)) return found;
    }
    for (const ast::ScenarioDecl& s : f->scenarios) {
      if (Found found = Declared("scenario", s.name, word, s.title)) return found;
    }
  }
  for (const auto& f : program.files) {
    for (const ast::CharterDecl& c : f->charters) {
      if (Found found = FindInside(c, word)) return found;
    }
    for (const ast::TreatyDecl& t : f->treaties) {
      if (Found found = FindInside(t, word)) return found;
    }
  }
  return std::nullopt;
}

// An office named where one is expected (`chosen by appointment by board`,
// `spending by office coordinators`, a sanction `by office stewards`).
// Offices have their own namespace in the charter, so the word must not be
// resolved as an ordinary name: a rule may share the office's name.
const sema::Symbol* OfficeReferenceAt(const sema::CheckedProgram& checked, diag::FileId file,
                                      uint32_t offset) {
  auto named_here = [&](const std::optional<ast::Identifier>& id) -> const sema::Symbol* {
    return id && Contains(id->range, file, offset) ? checked.SymbolAt(&*id) : nullptr;
  };
  for (const auto& info : checked.charters()) {
    const ast::CharterDecl& c = *info->decl;
    if (!Contains(c.range, file, offset)) continue;
    for (const ast::Office& o : c.offices) {
      if (!o.chosen) continue;
      if (const sema::Symbol* s = named_here(o.chosen->appointer)) return s;
    }
    if (c.decisions) {
      for (const ast::DecisionRule& rule : c.decisions->rules) {
        if (const sema::Symbol* s = named_here(rule.method.office)) return s;
      }
    }
    if (c.sanctions) {
      for (const ast::SanctionRule& rule : c.sanctions->rules) {
        if (const sema::Symbol* s = named_here(rule.method.office)) return s;
      }
    }
  }
  return nullptr;
}

}  // namespace

std::optional<Target> WordAt(const Analysis& analysis, uint32_t offset) {
  std::string_view text = analysis.text();
  if (text.empty() || offset > text.size()) return std::nullopt;
  uint32_t begin = offset;
  uint32_t end = offset;
  while (begin > 0 && IsWordChar(text[begin - 1])) --begin;
  while (end < text.size() && IsWordChar(text[end])) ++end;
  if (begin == end) return std::nullopt;
  Target target;
  target.word = {analysis.file, begin, end};
  // Declared names are in NFC: a word spelled `e` + U+0301 finds `é`.
  target.text = syntax::NormalizeName(text.substr(begin, end - begin));
  return target;
}

std::vector<const sema::Symbol*> DeclaredSymbols(const sema::CheckedProgram& checked) {
  std::vector<const sema::Symbol*> out;
  auto add_table = [&](const sema::NameTable& table) {
    for (const sema::Symbol* s : table.ordered()) {
      if (s->range.valid()) out.push_back(s);
    }
  };
  add_table(checked.globals());
  for (const auto& info : checked.charters()) {
    add_table(info->names);
    add_table(info->offices);
  }
  for (const auto& info : checked.treaties()) add_table(info->names);
  for (const auto& info : checked.scenarios()) add_table(info->names);
  for (const auto& info : checked.fns()) {
    for (const sema::Symbol* p : info->params) {
      if (p->range.valid()) out.push_back(p);
    }
  }
  return out;
}

const sema::RequirementInfo* FindRequirement(const sema::CheckedProgram& checked,
                                             std::string_view code) {
  for (const auto& concord : checked.concords()) {
    for (const sema::RequirementInfo& r : concord->requirements) {
      if (r.requirement && r.requirement->code.value == code) return &r;
    }
  }
  return nullptr;
}

const sema::Symbol* ResolveName(const sema::CheckedProgram& checked, diag::FileId file,
                                uint32_t offset, std::string_view written) {
  const std::string name = syntax::NormalizeName(written);
  for (const auto& info : checked.fns()) {
    if (!Contains(info->decl->range, file, offset)) continue;
    for (const sema::Symbol* p : info->params) {
      if (p->name == name) return p;
    }
  }
  for (const auto& info : checked.charters()) {
    if (!Contains(info->decl->range, file, offset)) continue;
    if (auto* s = FindIn(info->names, name)) return s;
    if (auto* s = FindIn(info->implicits, name)) return s;
  }
  for (const auto& info : checked.treaties()) {
    if (!Contains(info->decl->range, file, offset)) continue;
    if (auto* s = FindIn(info->names, name)) return s;
    if (auto* s = FindIn(info->implicits, name)) return s;
  }
  for (const auto& info : checked.scenarios()) {
    if (!Contains(info->decl->range, file, offset)) continue;
    if (auto* s = FindIn(info->names, name)) return s;
  }
  for (const auto& info : checked.concords()) {
    if (!Contains(info->decl->range, file, offset)) continue;
    if (auto* s = FindIn(info->implicits, name)) return s;
  }
  return checked.FindGlobal(name);
}

std::optional<Target> FindTarget(const Analysis& analysis, uint32_t offset) {
  std::optional<Target> target = WordAt(analysis, offset);
  const sema::CheckedProgram* checked = analysis.checked();
  if (!target) return target;
  if (!checked) {
    target->syntactic =
        FindSyntactic(analysis.program(), analysis.file, target->word.begin, target->text);
    return target;
  }
  uint32_t at = target->word.begin;

  // On the identifier that declares a name.
  for (const sema::Symbol* s : DeclaredSymbols(*checked)) {
    if (s->range.file == analysis.file && s->range.begin <= at && at < s->range.end) {
      target->symbol = s;
      target->is_declaration = true;
      return target;
    }
  }
  // `as C002` in a concord, or `expect violation C002` in a scenario.
  if (target->text.size() > 1 && target->text[0] >= 'A' && target->text[0] <= 'Z') {
    target->requirement = FindRequirement(*checked, target->text);
    if (target->requirement) return target;
  }
  // `charter_name.metric`: the metric of that charter.
  std::string qualifier = QualifierBefore(analysis.text(), at);
  if (!qualifier.empty()) {
    if (const sema::Symbol* owner = checked->FindGlobal(qualifier)) {
      if (const sema::CharterInfo* charter = checked->CharterOf(owner)) {
        target->symbol = charter->names.Find(target->text);
      } else if (const sema::TreatyInfo* treaty = checked->TreatyOf(owner)) {
        target->symbol = treaty->names.Find(target->text);
      }
    }
    return target;  // a field of a record: no declaration to point at
  }
  target->symbol = OfficeReferenceAt(*checked, analysis.file, at);
  if (target->symbol) return target;
  target->symbol = ResolveName(*checked, analysis.file, at, target->text);
  if (target->symbol) return target;
  // Scenario events name rules, funds and ledgers of the charters and
  // treaties they act on (`contribute ana 20 EUR to pantry_fund`): look
  // them up in every charter and treaty, first match in program order.
  for (const auto& info : checked->treaties()) {
    if (auto* s = info->names.Find(target->text)) {
      target->symbol = s;
      return target;
    }
  }
  for (const auto& info : checked->charters()) {
    if (auto* s = info->names.Find(target->text)) {
      target->symbol = s;
      return target;
    }
  }
  return target;
}

}  // namespace concord::lsp
