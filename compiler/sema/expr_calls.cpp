// Calls of standard functions and `fn` declarations, and comprehensions
// (`count(m in members(p) where ...)`, `sum(c.amount for c in ...)`).
#include <fmt/format.h>

#include "compiler/sema/expr_checker.h"

namespace concord::sema {
namespace {

bool IsRecord(const Type* t, std::string_view name) {
  return t->Is(TypeKind::kRecord) && t->record()->name == name;
}

const char* kAggregates = "an aggregate (`count`, `sum`, `any`, `all`, `min` or `max`)";

}  // namespace

bool ExprChecker::CheckArity(const ast::CallExpr& call, std::string_view name, size_t min,
                             size_t max, std::string_view help) {
  size_t given = call.args.size();
  if (given >= min && given <= max) return true;
  std::string takes = min == max ? std::to_string(min) : fmt::format("{} or {}", min, max);
  diag::Diagnostic& d =
      checker_.diags().Report(diag::Code::E0209, call.range, name, takes, max == 1 ? "" : "s",
                              given, given == 1 ? "was" : "were");
  for (size_t i = max; i < given; ++i) {
    d.WithLabel(call.args[i]->range,
                given - max == 1 ? "this argument is one too many" : "this argument is extra");
  }
  if (!help.empty()) d.WithHelp(std::string(help));
  return false;
}

void ExprChecker::MismatchedArgument(const ast::Expr& arg, std::string_view expected,
                                     const Type* found) {
  Mismatch(arg, expected, found);
}

const Type* ExprChecker::CheckCall(const ast::CallExpr& call, const Type* hint) {
  const std::string& name = call.callee.name;
  std::vector<const Type*> args;
  if (std::optional<Builtin> builtin = FindBuiltin(name)) {
    if (*builtin == Builtin::kHolders) {
      out_.calls_[&call] = CallTarget{builtin, nullptr};
      return Record(call, CheckHolders(call));
    }
    bool pairwise = *builtin == Builtin::kMin || *builtin == Builtin::kMax;
    for (const auto& arg : call.args) {
      // `min(a, b)`: each side hints the other (and the surroundings both).
      const Type* arg_hint = pairwise ? (args.empty() ? hint : args.front()) : nullptr;
      args.push_back(Check(*arg, arg_hint));
    }
    out_.calls_[&call] = CallTarget{builtin, nullptr};
    return Record(call, CheckBuiltin(call, *builtin, args));
  }

  bool reported = false;
  const Symbol* symbol = Lookup(name, nullptr, call.callee.range, &reported);
  const FnInfo* fn =
      symbol && symbol->kind == SymbolKind::kFn ? out_.InfoOf(symbol->As<ast::FnDecl>()) : nullptr;
  for (size_t i = 0; i < call.args.size(); ++i) {
    const Type* param = fn && i < fn->param_types.size() ? fn->param_types[i] : nullptr;
    args.push_back(Check(*call.args[i], param));
  }
  if (!symbol) {
    if (!reported) {
      std::vector<std::string> candidates = BuiltinNames();
      if (checker_.SuggestionsLeft()) {
        for (const auto& f : out_.fns()) candidates.push_back(f->symbol->name);
      }
      checker_.ReportUnknown(call.callee, "function", candidates);
    }
    return Record(call, types_.Error());
  }
  checker_.Bind(call.callee, symbol);
  if (!fn) {
    diag::Diagnostic& d = checker_.diags().Report(diag::Code::E0210, call.callee.range, name);
    if (symbol->range.valid()) {
      d.WithLabel(symbol->range,
                  fmt::format("`{}` is a {}, declared here", name, KindName(symbol->kind)));
    }
    if (symbol->kind == SymbolKind::kLedger || symbol->kind == SymbolKind::kFund) {
      d.WithHelp(fmt::format("to read a {}, use a standard function such as `contributions({})`",
                             KindName(symbol->kind), name));
    }
    return Record(call, types_.Error());
  }
  NoteDependency(symbol, call.range);
  out_.calls_[&call] = CallTarget{std::nullopt, fn};
  return Record(call, CheckFnCall(call, *fn, args));
}

const Type* ExprChecker::CheckFnCall(const ast::CallExpr& call, const FnInfo& fn,
                                     const std::vector<const Type*>& args) {
  size_t arity = fn.param_types.size();
  CheckArity(call, fn.symbol->name, arity, arity);
  if (!ctx_.dated && !ctx_.fn) {
    if (const diag::SourceRange* use = checker_.ReadsToday(fn.symbol)) {
      std::string what = fmt::format("the call of `{}`", fn.symbol->name);
      if (diag::Diagnostic* d = checker_.NoteToday(ctx_, call.range, what)) {
        d->WithLabel(*use, "it reads `today` here");
      }
    }
  }
  for (size_t i = 0; i < args.size() && i < arity; ++i) {
    const Type* param = fn.param_types[i];
    if (IsAssignable(args[i], param)) continue;
    Mismatch(*call.args[i], Describe(param), args[i],
             fmt::format("parameter `{}` of `{}` is {}", fn.params[i]->name, fn.symbol->name,
                         Describe(param)));
  }
  return fn.result ? fn.result : types_.Error();
}

const Type* ExprChecker::CheckBuiltin(const ast::CallExpr& call, Builtin builtin,
                                      const std::vector<const Type*>& args) {
  const std::string& name = call.callee.name;
  const Type* first = args.empty() ? types_.Error() : args.front();
  const ast::Expr* first_arg = call.args.empty() ? nullptr : call.args.front().get();
  auto expect_record = [&](std::initializer_list<std::string_view> records,
                           std::string_view wording) {
    if (!CheckArity(call, name, 1, 1) || first->IsError()) return false;
    for (std::string_view r : records) {
      if (IsRecord(first, r)) return true;
    }
    Mismatch(*first_arg, wording, first);
    return false;
  };
  auto expect_set = [&]() {
    if (!CheckArity(call, name, 1, 1) || first->IsError()) return false;
    if (first->Is(TypeKind::kSet)) return true;
    Mismatch(*first_arg, "a set", first);
    return false;
  };

  switch (builtin) {
    case Builtin::kCount:
      expect_set();
      return types_.Int();
    case Builtin::kSum: {
      if (!expect_set()) return types_.Error();
      const Type* element = first->element();
      if (element->Is(TypeKind::kNone)) return types_.Int();
      if (IsSummable(element)) return element;
      checker_.diags()
          .Report(diag::Code::E0213, call.range, "sum", first->ToString())
          .WithLabel(first_arg->range, "this is " + Describe(first))
          .WithHelp("`sum` adds numbers, percentages, money and durations");
      return types_.Error();
    }
    case Builtin::kAny:
    case Builtin::kAll:
      if (expect_set() && !first->element()->Is(TypeKind::kBool) &&
          !first->element()->Is(TypeKind::kNone)) {
        Mismatch(*first_arg, "a set<bool>", first);
      }
      return types_.Bool();
    case Builtin::kMin:
    case Builtin::kMax: {
      bool is_max = builtin == Builtin::kMax;
      std::string help =
          args.size() == 1 && first->Is(TypeKind::kSet)
              ? fmt::format("for the {} element of a set, write `{}(x in set)`",
                            is_max ? "largest" : "smallest", name)
              : fmt::format("nest the calls to take the {} of three values: `{}(a, {}(b, c))`",
                            is_max ? "largest" : "smallest", name, name);
      if (!CheckArity(call, name, 2, 2, help)) return types_.Error();
      const Type* a = args[0];
      const Type* b = args[1];
      if (a->IsError() || b->IsError()) return types_.Error();
      bool clash = false;
      const Type* unified = Unify(types_, a, b, &clash);
      if (!unified || !IsOrdered(unified)) {
        diag::Diagnostic& d =
            clash ? checker_.diags().Report(diag::Code::E0205, call.range, Describe(a), Describe(b))
                  : checker_.diags().Report(diag::Code::E0213, call.range, name,
                                            fmt::format("{} and {}", a->ToString(), b->ToString()));
        d.WithLabel(call.args[0]->range, "this is " + Describe(a));
        d.WithLabel(call.args[1]->range, "this is " + Describe(b));
        return types_.Error();
      }
      const Constant* ca = ConstantOf(*call.args[0]);
      const Constant* cb = ConstantOf(*call.args[1]);
      if (ca && cb) {
        Folded folded = FoldMinMax(is_max, *ca, *cb);
        if (folded.failed) {
          checker_.diags().Report(diag::Code::E0214, call.range, folded.failure);
        } else if (folded.undecided && !InConcord()) {
          const auto& x = *ca->As<values::Duration>();
          const auto& y = *cb->As<values::Duration>();
          checker_.diags()
              .Report(diag::Code::E0204, call.range,
                      fmt::format("`{}` needs `{} < {}`", name, x.ToString(), y.ToString()))
              .WithNote(values::ExplainUndecided(x, values::CompareOp::kLt, y))
              .WithHelp(
                  "write both durations in the same unit, or compare with a bound that "
                  "holds for every possible length");
        } else if (folded.value) {
          SetConstant(call, *folded.value);
        }
      }
      return unified;
    }
    case Builtin::kMembers:
      expect_record({"charter", "treaty"}, "a charter or a treaty");
      return types_.Set(types_.FindRecord("member")->type);
    case Builtin::kContributions:
      expect_record({"ledger", "fund"}, "a ledger or a fund");
      return types_.Set(types_.FindRecord("contribution")->type);
    case Builtin::kStatus:
      if (!expect_record({"treaty", "dispute"}, "a treaty or a dispute")) return types_.Error();
      return types_.FindEnum(IsRecord(first, "treaty") ? "treaty_status" : "dispute_status")->type;
    case Builtin::kJury:
      expect_record({"dispute"}, "a dispute");
      return types_.Set(types_.FindRecord("member")->type);
    case Builtin::kExitOptions:
      expect_record({"member"}, "a member");
      return types_.Int();
    case Builtin::kParties:
      expect_record({"treaty"}, "a treaty");
      return types_.Set(types_.FindRecord("charter")->type);
    case Builtin::kOutcome:
      expect_record({"proposal"}, "a proposal");
      return types_.FindEnum("outcome")->type;
    case Builtin::kHolders:  // CheckHolders
      return types_.Set(types_.FindRecord("member")->type);
    case Builtin::kFindings:
      expect_record({"member"}, "a member");
      return types_.Int();
  }
  return types_.Error();
}

const Type* ExprChecker::CheckComprehension(const ast::Comprehension& c) {
  const ast::Identifier& aggregate = c.aggregate;
  std::optional<Builtin> builtin = FindBuiltin(aggregate.name);
  bool is_aggregate = builtin && Info(*builtin).aggregate;
  if (!is_aggregate) {
    bool reported = false;
    const Symbol* symbol =
        builtin ? nullptr : Lookup(aggregate.name, nullptr, aggregate.range, &reported);
    if (builtin) {
      checker_.diags().Report(diag::Code::E0212, aggregate.range, aggregate.name,
                              "a standard function that takes no comprehension", kAggregates);
    } else if (symbol) {
      checker_.ReportWrongKind(aggregate, symbol, kAggregates);
    } else if (!reported) {
      checker_.ReportUnknown(aggregate, "aggregate", BuiltinNames(true));
    }
  }

  const Type* source = Check(*c.source);
  const Type* element = types_.Error();
  if (source->Is(TypeKind::kSet)) {
    element = source->element();
  } else {
    Mismatch(*c.source, "a set", source);
  }
  Symbol* variable = out_.NewSymbol(SymbolKind::kVariable, c.variable.name, c.variable.range,
                                    element, &c, nullptr);
  out_.variables_[&c] = variable;
  checker_.Bind(c.variable, variable);

  frames_.push_back(variable);
  size_t pushed = 0;
  if (c.filter) {
    const Type* filter = Check(*c.filter);
    if (!filter->Is(TypeKind::kBool)) Mismatch(*c.filter, "a bool", filter);
    pushed = PushFacts(*c.filter, true);
  }
  const Type* value = c.projection ? Check(*c.projection) : element;
  PopFacts(pushed);
  frames_.pop_back();

  out_.aggregates_[&c] = is_aggregate ? builtin : std::nullopt;
  if (!is_aggregate) return Record(c, types_.Error());
  diag::SourceRange value_range = c.projection ? c.projection->range : c.variable.range;
  switch (*builtin) {
    case Builtin::kCount:
      return Record(c, types_.Int());
    case Builtin::kSum:
      if (value->IsError()) return Record(c, value);
      if (!IsSummable(value)) {
        checker_.diags()
            .Report(diag::Code::E0213, value_range, "sum", value->ToString())
            .WithHelp("`sum` adds numbers, percentages, money and durations");
        return Record(c, types_.Error());
      }
      return Record(c, value);
    case Builtin::kAny:
    case Builtin::kAll:
      if (c.projection) {
        if (!value->Is(TypeKind::kBool)) Mismatch(*c.projection, "a bool", value);
      } else if (!c.filter && !element->Is(TypeKind::kBool) && !element->IsError()) {
        checker_.diags()
            .Report(diag::Code::E0203, c.variable.range, "a bool", Describe(element))
            .WithHelp(fmt::format("add a condition: `{}({} in ... where ...)`", aggregate.name,
                                  c.variable.name));
      }
      return Record(c, types_.Bool());
    case Builtin::kMin:
    case Builtin::kMax:
      if (value->IsError()) return Record(c, value);
      if (!IsOrdered(value)) {
        checker_.diags().Report(diag::Code::E0213, value_range, aggregate.name, value->ToString());
        return Record(c, types_.Error());
      }
      return Record(c, value);
    default:
      return Record(c, types_.Error());
  }
}

}  // namespace concord::sema
