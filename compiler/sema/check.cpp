// Sema's entry point, the order of its passes, and the helpers every pass
// shares: reporting unknown, duplicate and misused names, resolving clause
// references, and checking a clause expression against the type it needs.
#include "compiler/sema/check.h"

#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/sema/did_you_mean.h"
#include "compiler/sema/expr_checker.h"

namespace concord::sema {

std::unique_ptr<CheckedProgram> Check(const Program& program, diag::DiagnosticEngine& diags) {
  auto out = std::make_unique<CheckedProgram>(program);
  Checker checker(*out, diags);
  checker.Run();
  return out;
}

Checker::Checker(CheckedProgram& out, diag::DiagnosticEngine& diags) : out_(out), diags_(diags) {}

void Checker::Run() {
  size_t errors_before = diags_.error_count();
  // Names first, everywhere, so that no check depends on declaration order;
  // then member attributes, which give the `member` record its fields before
  // any expression reads them; then every expression, once.
  DeclareGlobals();
  DeclareMembers();
  CollectAttributes();
  CheckFns();
  PropagateToday();
  CheckConcords();
  CheckCharters();
  CheckTreaties();
  CheckScenarios();
  ReportCycles();
  for (Symbol* metric : metric_symbols_) metric->type = MetricType(metric);
  out_.has_errors_ = diags_.error_count() > errors_before;
}

// --- reporting ------------------------------------------------------------

void Checker::Suggest(diag::Diagnostic& d, const std::string& name, diag::SourceRange range,
                      const std::vector<std::string>& candidates) {
  if (!SuggestionsLeft()) return;
  std::optional<std::string> closest = ClosestName(name, candidates, &suggestion_budget_);
  if (!closest) return;
  d.WithHelp(fmt::format("did you mean `{}`?", *closest));
  d.WithFix(range, *closest, fmt::format("replace `{}` with `{}`", name, *closest));
}

diag::Diagnostic& Checker::ReportUnknown(const ast::Identifier& id, std::string_view what,
                                         const std::vector<std::string>& candidates,
                                         diag::Code code) {
  diag::Diagnostic& d = code == diag::Code::E0201 ? diags_.Report(code, id.range, what, id.name)
                                                  : diags_.Report(code, id.range, id.name);
  Suggest(d, id.name, id.range, candidates);
  return d;
}

bool Checker::InStdlib(diag::SourceRange range) const {
  const Program& program = out_.program();
  for (size_t i = 0; i < program.files.size(); ++i) {
    if (program.files[i]->id == range.file) return program.is_stdlib[i];
  }
  return false;
}

void Checker::ReportDuplicate(const ast::Identifier& second, diag::SourceRange first) {
  diag::Diagnostic& d = diags_.Report(diag::Code::E0202, second.range, second.name);
  if (first.valid()) d.WithLabel(first, "first declared here");
}

void Checker::ReportDuplicate(const ast::Identifier& second, const Symbol* first) {
  // The standard library is loaded after the user's files, so a program that
  // declares `minimal` or `panarchy` meets the library's declaration second.
  // The user's declaration is the one to rename: point there.
  if (first->range.valid() && InStdlib(second.range) && !InStdlib(first->range)) {
    diags_.Report(diag::Code::E0202, first->range, second.name)
        .WithLabel(second.range, "declared by the standard library here")
        .WithNote(fmt::format("`{}` is a name of the standard library, which is always loaded; "
                              "give yours another name",
                              second.name));
    return;
  }
  if (first->range.valid()) {
    ReportDuplicate(second, first->range);
    return;
  }
  diags_.Report(diag::Code::E0202, second.range, second.name)
      .WithNote(fmt::format("`{}` is a {} here", second.name, KindName(first->kind)));
}

std::string Checker::WithArticleFor(std::string_view noun) {
  bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return fmt::format("{} {}", vowel ? "an" : "a", noun);
}

void Checker::ReportWrongKind(const ast::Identifier& id, const Symbol* found,
                              std::string_view expected) {
  diag::Diagnostic& d = diags_.Report(diag::Code::E0212, id.range, id.name,
                                      WithArticleFor(KindName(found->kind)), expected);
  if (found->range.valid())
    d.WithLabel(found->range, fmt::format("`{}` is declared here", id.name));
}

diag::Diagnostic& Checker::ReportMissing(const ast::Identifier& decl_name,
                                         std::string_view decl_kind, std::string_view clause) {
  return diags_.Report(diag::Code::E0211, decl_name.range, decl_kind, decl_name.name, clause);
}

// --- shared lookups -------------------------------------------------------

void Checker::Bind(const ast::Identifier& id, const Symbol* symbol) {
  out_.identifier_symbols_[&id] = symbol;
}

namespace {

std::vector<std::string> GlobalNamesOf(const NameTable& globals, SymbolKind kind) {
  std::vector<std::string> names;
  for (const Symbol* s : globals.ordered()) {
    if (s->kind == kind) names.push_back(s->name);
  }
  return names;
}

}  // namespace

const Symbol* Checker::FindAnywhere(std::string_view name) const {
  if (const Symbol* global = out_.FindGlobal(name)) return global;
  // Not global, but a ledger, fund or metric somewhere: name it in the
  // diagnostic rather than claiming nothing has that name.
  const auto* local = ProgramWide(name);
  return local ? local->front() : nullptr;
}

const CharterInfo* Checker::ResolveCharter(const ast::Identifier& id) {
  const Symbol* symbol = FindAnywhere(id.name);
  if (!symbol) {
    ReportUnknown(id, "charter",
                  SuggestionsLeft() ? GlobalNamesOf(out_.globals(), SymbolKind::kCharter)
                                    : std::vector<std::string>{});
    return nullptr;
  }
  Bind(id, symbol);
  if (symbol->kind != SymbolKind::kCharter) {
    ReportWrongKind(id, symbol, "a charter");
    return nullptr;
  }
  return out_.CharterOf(symbol);
}

const TreatyInfo* Checker::ResolveTreaty(const ast::Identifier& id) {
  const Symbol* symbol = FindAnywhere(id.name);
  if (!symbol) {
    ReportUnknown(id, "treaty",
                  SuggestionsLeft() ? GlobalNamesOf(out_.globals(), SymbolKind::kTreaty)
                                    : std::vector<std::string>{});
    return nullptr;
  }
  Bind(id, symbol);
  if (symbol->kind != SymbolKind::kTreaty) {
    ReportWrongKind(id, symbol, "a treaty");
    return nullptr;
  }
  return out_.TreatyOf(symbol);
}

const Type* Checker::MetricType(const Symbol* metric) {
  if (auto it = metric_types_.find(metric); it != metric_types_.end()) return it->second;
  // Met again while its own value is being checked: a cycle, which
  // ReportCycles reports once with the whole chain.
  if (metric_in_progress_[metric]) return types().Error();
  // What it reads first, so that checking its expression nests no other
  // metric's (metric_order.cpp).
  if (!ordering_metrics_) {
    TypeMetricsReadBy(metric);
    if (auto it = metric_types_.find(metric); it != metric_types_.end()) return it->second;
  }
  metric_in_progress_[metric] = true;
  Context ctx = CharterContext(*metric_owner_.at(metric));
  ctx.metric = metric;
  ctx.dated = true;  // evaluated on the day it is asked
  const ast::Metric* decl = metric->As<ast::Metric>();
  const Type* type = CheckExpr(ctx, decl->value.get());
  metric_in_progress_[metric] = false;
  metric_types_[metric] = type;
  return type;
}

void Checker::AddDependency(const Symbol* from, const Symbol* to, diag::SourceRange site) {
  dependencies_.push_back({from, to, site});
}

const Symbol* Checker::EnumConstant(const EnumType* type, int index) {
  auto key = std::make_pair(type, index);
  if (auto it = enum_constants_.find(key); it != enum_constants_.end()) return it->second;
  Symbol* symbol =
      out_.NewSymbol(SymbolKind::kEnumConstant, type->constants[static_cast<size_t>(index)], {},
                     type->type, std::monostate{}, nullptr);
  symbol->enum_index = index;
  enum_constants_[key] = symbol;
  return symbol;
}

const std::vector<const Symbol*>* Checker::ProgramWide(std::string_view name) const {
  auto it = program_wide_.find(name);
  return it == program_wide_.end() ? nullptr : &it->second;
}

// --- contexts and clause expressions ----------------------------------------

Context Checker::CharterContext(const CharterInfo& charter) const {
  Context ctx;
  ctx.kind = ContextKind::kCharter;
  ctx.charter = &charter;
  ctx.implicits = &charter.implicits;
  ctx.names = &charter.names;
  return ctx;
}

Context Checker::TreatyContext(const TreatyInfo& treaty) const {
  Context ctx;
  ctx.kind = ContextKind::kTreaty;
  ctx.treaty = &treaty;
  ctx.implicits = &treaty.implicits;
  ctx.names = &treaty.names;
  return ctx;
}

Context Checker::ScenarioContext(const ScenarioInfo& scenario) const {
  Context ctx;
  ctx.kind = ContextKind::kScenario;
  ctx.scenario = &scenario;
  ctx.names = &scenario.names;
  return ctx;
}

const Type* Checker::CheckExpr(const Context& ctx, const ast::Expr* expr, const Type* hint) {
  if (!expr) return types().Error();
  ExprChecker checker(*this, ctx);
  return checker.Check(*expr, hint);
}

void Checker::ExpectType(const Context& ctx, const ast::Expr* expr, const Type* expected,
                         std::string_view note) {
  if (!expr) return;
  ExprChecker checker(*this, ctx);
  const Type* found = checker.Check(*expr, expected);
  if (!IsAssignable(found, expected)) checker.Mismatch(*expr, Describe(expected), found, note);
}

void Checker::ExpectOneOf(const Context& ctx, const ast::Expr* expr,
                          const std::vector<const Type*>& accepted, std::string_view note) {
  if (!expr) return;
  ExprChecker checker(*this, ctx);
  const Type* found = checker.Check(*expr);
  std::string wording;
  for (size_t i = 0; i < accepted.size(); ++i) {
    if (IsAssignable(found, accepted[i])) return;
    if (i > 0) wording += i + 1 == accepted.size() ? " or " : ", ";
    wording += Describe(accepted[i]);
  }
  checker.Mismatch(*expr, wording, found, note);
}

const Type* Checker::ResolveTypeRef(const ast::TypeRef& ref) {
  const std::string& name = ref.name.name;
  if (name == "set") {
    if (!ref.argument) {
      diags_.Report(diag::Code::E0218, ref.range, "set")
          .WithHelp("say what the set holds: `set<member>`");
      return types().Error();
    }
    const Type* element = ResolveTypeRef(*ref.argument);
    return element->IsError() ? element : types().Set(element);
  }
  const Type* type = types().Parse(name);
  if (!type) {
    ReportUnknown(ref.name, "", types().TypeNames(), diag::Code::E0218);
    return types().Error();
  }
  if (ref.argument) {
    diags_.Report(diag::Code::E0218, ref.range, fmt::format("{}<...>", name))
        .WithHelp("only `set` takes a type argument");
    return types().Error();
  }
  return type;
}

}  // namespace concord::sema
