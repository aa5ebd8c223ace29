// Expression checking: dispatch, name resolution, field access and the
// narrowing of optional values.
#include "compiler/sema/expr_checker.h"

#include <fmt/format.h>

namespace concord::sema {

ExprChecker::ExprChecker(Checker& checker, const Context& context)
    : checker_(checker), types_(checker.types()), out_(checker.out()), ctx_(context) {}

const Type* ExprChecker::Check(const ast::Expr& expr, const Type* hint) {
  switch (expr.kind) {
    case ast::ExprKind::kBoolLit:
    case ast::ExprKind::kIntLit:
    case ast::ExprKind::kDecimalLit:
    case ast::ExprKind::kPercentLit:
    case ast::ExprKind::kMoneyLit:
    case ast::ExprKind::kDateLit:
    case ast::ExprKind::kDurationLit:
    case ast::ExprKind::kTextLit:
    case ast::ExprKind::kNoneLit:
      return CheckLiteral(expr);
    case ast::ExprKind::kNameRef:
      return CheckName(*expr.As<ast::NameRef>(), hint);
    case ast::ExprKind::kFieldAccess:
      return CheckField(*expr.As<ast::FieldAccess>());
    case ast::ExprKind::kCall:
      return CheckCall(*expr.As<ast::CallExpr>(), hint);
    case ast::ExprKind::kComprehension:
      return CheckComprehension(*expr.As<ast::Comprehension>());
    case ast::ExprKind::kSetLit:
      return CheckSet(*expr.As<ast::SetLit>(), hint);
    case ast::ExprKind::kUnary:
      return CheckUnary(*expr.As<ast::UnaryExpr>());
    case ast::ExprKind::kBinary:
      return CheckBinary(*expr.As<ast::BinaryExpr>());
    case ast::ExprKind::kIf:
      return CheckIf(*expr.As<ast::IfExpr>(), hint);
  }
  return Record(expr, types_.Error());
}

const Type* ExprChecker::Record(const ast::Expr& expr, const Type* type) {
  out_.expr_types_[&expr] = type;
  return type;
}

const Constant* ExprChecker::ConstantOf(const ast::Expr& expr) const {
  return out_.ConstantOf(&expr);
}

void ExprChecker::SetConstant(const ast::Expr& expr, Constant value) {
  out_.constants_.insert_or_assign(&expr, std::move(value));
}

void ExprChecker::Mismatch(const ast::Expr& expr, std::string_view expected, const Type* found,
                           std::string_view note) {
  if (found->IsError()) return;
  diag::Diagnostic& d =
      checker_.diags().Report(diag::Code::E0203, expr.range, expected, Describe(found));
  if (!note.empty()) d.WithNote(std::string(note));
  // A bare number where a duration is wanted: the unit is missing, and
  // Concord never guesses it, but days are the likeliest meaning.
  if (expected == "a duration" && expr.kind == ast::ExprKind::kIntLit) {
    d.WithHelp("give the unit: insert ` days`");
    d.WithFix({expr.range.file, expr.range.end, expr.range.end}, " days", "insert ` days`");
  }
}

// --- names ----------------------------------------------------------------

const Symbol* ExprChecker::Lookup(const std::string& name, const Type* hint,
                                  diag::SourceRange range, bool* reported) {
  *reported = false;
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if ((*it)->name == name) return *it;
  }
  for (const Symbol* local : ctx_.locals) {
    if (local->name == name) return local;
  }
  // `today` is the date of the evaluation; only a local of that name (a
  // parameter, a comprehension or event variable) shadows it. A member,
  // rule or ledger may still be called `today`, where names are expected.
  if (name == "today") return checker_.Today();
  // The expected enum decides between constants of the same spelling
  // (`open` is an entry mode and a dispute status).
  if (hint && hint->Is(TypeKind::kOptional)) hint = hint->element();
  if (hint && hint->Is(TypeKind::kEnum)) {
    int index = hint->enum_type()->IndexOf(name);
    if (index >= 0) return checker_.EnumConstant(hint->enum_type(), index);
  }
  if (ctx_.names) {
    if (const Symbol* s = ctx_.names->Find(name)) return s;
  }
  if (ctx_.implicits) {
    if (const Symbol* s = ctx_.implicits->Find(name)) return s;
  }
  if (const Symbol* s = out_.FindGlobal(name)) return s;
  if (ctx_.kind == ContextKind::kScenario) {
    if (const auto* found = checker_.ProgramWide(name)) {
      if (found->size() == 1) return found->front();
      std::string what;
      for (size_t i = 0; i < found->size(); ++i) {
        const Symbol* s = (*found)[i];
        if (i > 0) what += i + 1 == found->size() ? " and " : ", ";
        what += fmt::format("a {} of `{}`", KindName(s->kind), s->owner ? s->owner->name : "?");
      }
      diag::Diagnostic& d = checker_.diags().Report(diag::Code::E0219, range, name, what);
      for (const Symbol* s : *found) {
        d.WithLabel(s->range, fmt::format("a {} of `{}`", KindName(s->kind), s->owner->name));
      }
      d.WithHelp("rename one of them, or read it through its charter: `charter_name.metric`");
      *reported = true;
      return nullptr;
    }
  }
  for (const auto& e : types_.enums()) {
    int index = e->IndexOf(name);
    if (index >= 0) return checker_.EnumConstant(e.get(), index);
  }
  return nullptr;
}

std::vector<std::string> ExprChecker::VisibleNames() const {
  std::vector<std::string> names;
  for (const Symbol* s : frames_) names.push_back(s->name);
  for (const Symbol* s : ctx_.locals) names.push_back(s->name);
  for (const NameTable* table : {ctx_.names, ctx_.implicits, &out_.globals()}) {
    if (!table) continue;
    for (const std::string& n : table->Names()) names.push_back(n);
  }
  if (ctx_.kind == ContextKind::kScenario) {
    for (const auto& [name, symbols] : checker_.program_wide_) names.push_back(name);
  }
  for (const auto& e : types_.enums()) {
    for (const std::string& c : e->constants) names.push_back(c);
  }
  return names;
}

void ExprChecker::NoteDependency(const Symbol* used, diag::SourceRange site) {
  // Fns and metrics form one dependency graph, searched for cycles (E0215).
  if (ctx_.metric) checker_.AddDependency(ctx_.metric, used, site);
  if (ctx_.fn) checker_.AddDependency(ctx_.fn->symbol, used, site);
}

void ExprChecker::NoteImplicitUse(const Symbol* symbol) {
  if (symbol->kind != SymbolKind::kImplicit || !ctx_.requirement) return;
  if (symbol->implicit == Implicit::kCharter) ctx_.requirement->uses_charter = true;
  if (symbol->implicit == Implicit::kTreaty) ctx_.requirement->uses_treaty = true;
}

const Type* ExprChecker::ValueType(const Symbol* symbol, const ast::Identifier& id) {
  switch (symbol->kind) {
    case SymbolKind::kConcord:
    case SymbolKind::kFn:
    case SymbolKind::kScenario:
      checker_.ReportWrongKind(id, symbol, "a value");
      return types_.Error();
    case SymbolKind::kMetric:
      NoteDependency(symbol, id.range);
      return checker_.MetricType(symbol);
    default:
      return symbol->type ? symbol->type : types_.Error();
  }
}

const Type* ExprChecker::CheckName(const ast::NameRef& ref, const Type* hint) {
  bool reported = false;
  const Symbol* symbol = Lookup(ref.name.name, hint, ref.name.range, &reported);
  if (!symbol) {
    if (!reported) checker_.ReportUnknown(ref.name, "name", VisibleNames());
    return Record(ref, types_.Error());
  }
  out_.name_symbols_[&ref] = symbol;
  checker_.Bind(ref.name, symbol);
  NoteImplicitUse(symbol);
  if (symbol->kind == SymbolKind::kImplicit && symbol->implicit == Implicit::kToday) {
    checker_.NoteToday(ctx_, ref.range, "this expression");
  }
  return Record(ref, Narrowed(ref, ValueType(symbol, ref.name)));
}

void ExprChecker::RetargetEnumConstant(const ast::Expr& expr, const Type* enum_type) {
  // `open == status(d1)`: the left side was resolved before the right told
  // which enum is meant; move it to the constant of that enum.
  const auto* ref = expr.As<ast::NameRef>();
  if (!ref || !enum_type->Is(TypeKind::kEnum)) return;
  const Symbol* current = out_.SymbolOf(ref);
  if (!current || current->kind != SymbolKind::kEnumConstant || current->type == enum_type) return;
  int index = enum_type->enum_type()->IndexOf(ref->name.name);
  if (index < 0) return;
  const Symbol* symbol = checker_.EnumConstant(enum_type->enum_type(), index);
  out_.name_symbols_[ref] = symbol;
  checker_.Bind(ref->name, symbol);
  Record(expr, enum_type);
}

// --- fields ---------------------------------------------------------------

const Type* ExprChecker::CheckField(const ast::FieldAccess& access) {
  const Type* object = Check(*access.object);
  if (object->IsError()) return Record(access, object);
  const std::string& name = access.field.name;

  // `eastside_kitchen.meals_served`: a metric of a charter named directly.
  const CharterInfo* charter = nullptr;
  if (const auto* ref = access.object->As<ast::NameRef>()) {
    charter = out_.CharterOf(out_.SymbolOf(ref));
  }

  if (object->Is(TypeKind::kRecord)) {
    const RecordType* record = object->record();
    int index = record->IndexOf(name);
    if (index >= 0) {
      out_.fields_[&access] = FieldRef{record, index, nullptr};
      return Record(access, Narrowed(access, record->fields[static_cast<size_t>(index)].type));
    }
    if (charter) {
      const Symbol* metric = charter->names.Find(name);
      if (metric && metric->kind == SymbolKind::kMetric) {
        out_.fields_[&access] = FieldRef{nullptr, -1, metric};
        checker_.Bind(access.field, metric);
        NoteDependency(metric, access.field.range);
        return Record(access, checker_.MetricType(metric));
      }
    }
    std::vector<std::string> candidates;
    for (const Field& f : record->fields) candidates.push_back(f.name);
    if (charter) {
      for (const Symbol* m : charter->metrics) candidates.push_back(m->name);
    }
    diag::Diagnostic& d =
        checker_.diags().Report(diag::Code::E0208, access.field.range, record->name, name);
    checker_.Suggest(d, name, access.field.range, candidates);
    bool has_attributes = record->name == "member" || record->name == "decision" ||
                          record->name == "conflict" || record->name == "resource";
    if (has_attributes && !d.help) {
      d.WithNote(fmt::format(
          "the fields of {} are its model fields and the attributes that scenarios give it "
          "(such as `{{ income 1200 EUR }}`)",
          Describe(object)));
    }
    return Record(access, types_.Error());
  }
  if (object->Is(TypeKind::kOptional) && object->element()->Is(TypeKind::kRecord)) {
    diag::Diagnostic& d =
        checker_.diags().Report(diag::Code::E0213, access.range, "." + name, object->ToString());
    d.WithHelp("check that it is not none first: `x != none and x.field ...`");
    return Record(access, types_.Error());
  }
  checker_.diags().Report(diag::Code::E0208, access.field.range, object->ToString(), name);
  return Record(access, types_.Error());
}

// --- narrowing ------------------------------------------------------------

std::string ExprChecker::PathKey(const ast::Expr& expr) const {
  if (const auto* ref = expr.As<ast::NameRef>()) {
    const Symbol* s = out_.SymbolOf(ref);
    // The symbol's identity is only a key here; it never reaches output.
    return s ? fmt::format("#{}", static_cast<const void*>(s)) : std::string();
  }
  if (const auto* access = expr.As<ast::FieldAccess>()) {
    std::string object = PathKey(*access->object);
    return object.empty() ? object : object + "." + access->field.name;
  }
  return {};
}

std::vector<std::string> ExprChecker::Facts(const ast::Expr& condition, bool when_true) const {
  std::vector<std::string> facts;
  if (const auto* unary = condition.As<ast::UnaryExpr>()) {
    if (unary->op == ast::UnaryOp::kNot) return Facts(*unary->operand, !when_true);
    return facts;
  }
  const auto* binary = condition.As<ast::BinaryExpr>();
  if (!binary) return facts;
  auto join = [&](bool side) {
    for (auto* e : {binary->lhs.get(), binary->rhs.get()}) {
      for (std::string& f : Facts(*e, side)) facts.push_back(std::move(f));
    }
  };
  if (binary->op == ast::BinaryOp::kAnd && when_true) join(true);
  if (binary->op == ast::BinaryOp::kOr && !when_true) join(false);
  bool not_none = (binary->op == ast::BinaryOp::kNe && when_true) ||
                  (binary->op == ast::BinaryOp::kEq && !when_true);
  if (not_none) {
    const ast::Expr* path = nullptr;
    if (binary->rhs->kind == ast::ExprKind::kNoneLit) path = binary->lhs.get();
    if (binary->lhs->kind == ast::ExprKind::kNoneLit) path = binary->rhs.get();
    if (path) {
      std::string key = PathKey(*path);
      if (!key.empty()) facts.push_back(std::move(key));
    }
  }
  return facts;
}

size_t ExprChecker::PushFacts(const ast::Expr& condition, bool when_true) {
  std::vector<std::string> facts = Facts(condition, when_true);
  for (std::string& f : facts) facts_.push_back(std::move(f));
  return facts.size();
}

void ExprChecker::PopFacts(size_t count) {
  facts_.resize(facts_.size() - count);
}

const Type* ExprChecker::Narrowed(const ast::Expr& expr, const Type* type) const {
  if (!type->Is(TypeKind::kOptional) || facts_.empty()) return type;
  std::string key = PathKey(expr);
  for (const std::string& f : facts_) {
    if (f == key) return type->element();
  }
  return type;
}

}  // namespace concord::sema
