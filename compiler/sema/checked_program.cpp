// Queries on a checked program; the tables are filled by the Checker.
#include "compiler/sema/checked_program.h"

namespace concord::sema {
namespace {

template <typename Map, typename Key>
auto FindIn(const Map& map, Key key) -> const typename Map::mapped_type* {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

CheckedProgram::CheckedProgram(const Program& program) : program_(program) {}

Symbol* CheckedProgram::NewSymbol(SymbolKind kind, std::string name, diag::SourceRange range,
                                  const Type* type, DeclRef decl, const Symbol* owner) {
  auto symbol = std::make_unique<Symbol>();
  symbol->kind = kind;
  symbol->name = std::move(name);
  symbol->range = range;
  symbol->type = type;
  symbol->decl = decl;
  symbol->owner = owner;
  symbols_.push_back(std::move(symbol));
  return symbols_.back().get();
}

const CharterInfo* CheckedProgram::InfoOf(const ast::CharterDecl* decl) const {
  auto* p = FindIn(infos_, static_cast<const void*>(decl));
  return p ? static_cast<const CharterInfo*>(*p) : nullptr;
}
const TreatyInfo* CheckedProgram::InfoOf(const ast::TreatyDecl* decl) const {
  auto* p = FindIn(infos_, static_cast<const void*>(decl));
  return p ? static_cast<const TreatyInfo*>(*p) : nullptr;
}
const ConcordInfo* CheckedProgram::InfoOf(const ast::ConcordDecl* decl) const {
  auto* p = FindIn(infos_, static_cast<const void*>(decl));
  return p ? static_cast<const ConcordInfo*>(*p) : nullptr;
}
const FnInfo* CheckedProgram::InfoOf(const ast::FnDecl* decl) const {
  auto* p = FindIn(infos_, static_cast<const void*>(decl));
  return p ? static_cast<const FnInfo*>(*p) : nullptr;
}
const ScenarioInfo* CheckedProgram::InfoOf(const ast::ScenarioDecl* decl) const {
  auto* p = FindIn(infos_, static_cast<const void*>(decl));
  return p ? static_cast<const ScenarioInfo*>(*p) : nullptr;
}

const CharterInfo* CheckedProgram::CharterOf(const Symbol* symbol) const {
  if (!symbol || symbol->kind != SymbolKind::kCharter) return nullptr;
  return InfoOf(symbol->As<ast::CharterDecl>());
}
const TreatyInfo* CheckedProgram::TreatyOf(const Symbol* symbol) const {
  if (!symbol || symbol->kind != SymbolKind::kTreaty) return nullptr;
  return InfoOf(symbol->As<ast::TreatyDecl>());
}
const ConcordInfo* CheckedProgram::ConcordOf(const Symbol* symbol) const {
  if (!symbol || symbol->kind != SymbolKind::kConcord) return nullptr;
  return InfoOf(symbol->As<ast::ConcordDecl>());
}

const Type* CheckedProgram::TypeOf(const ast::Expr* expr) const {
  auto* p = FindIn(expr_types_, expr);
  return p ? *p : nullptr;
}
const Symbol* CheckedProgram::SymbolOf(const ast::NameRef* name) const {
  auto* p = FindIn(name_symbols_, name);
  return p ? *p : nullptr;
}
const Symbol* CheckedProgram::SymbolAt(const ast::Identifier* identifier) const {
  auto* p = FindIn(identifier_symbols_, identifier);
  return p ? *p : nullptr;
}
const FieldRef* CheckedProgram::FieldOf(const ast::FieldAccess* access) const {
  return FindIn(fields_, access);
}
const CallTarget* CheckedProgram::CallOf(const ast::CallExpr* call) const {
  return FindIn(calls_, call);
}
std::optional<Builtin> CheckedProgram::AggregateOf(const ast::Comprehension* c) const {
  auto* p = FindIn(aggregates_, c);
  return p ? *p : std::nullopt;
}
const Symbol* CheckedProgram::VariableOf(const ast::Comprehension* c) const {
  auto* p = FindIn(variables_, c);
  return p ? *p : nullptr;
}
const Constant* CheckedProgram::ConstantOf(const ast::Expr* expr) const {
  return FindIn(constants_, expr);
}

std::string CheckedProgram::AccountCurrency(const Symbol* account) const {
  auto currency_of = [&](const ast::Expr* expr) -> std::string {
    const Constant* c = expr ? ConstantOf(expr) : nullptr;
    const MoneyValue* m = c ? c->As<MoneyValue>() : nullptr;
    return m ? m->currency : std::string();
  };
  if (!account) return {};
  if (const ast::Ledger* l = account->As<ast::Ledger>()) {
    return l->currency ? l->currency->value : currency_of(l->cap.get());
  }
  if (const ast::Fund* f = account->As<ast::Fund>(); f && f->contribution) {
    std::string cap = currency_of(f->contribution->cap.get());
    return cap.empty() ? currency_of(f->contribution->floor.get()) : cap;
  }
  return {};
}

}  // namespace concord::sema
