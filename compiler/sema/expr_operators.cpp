// Literals, operators, `if` and set literals: the type rules come from
// operators.cpp, the diagnostics and constant folding are added here.
#include <fmt/format.h>

#include "compiler/sema/expr_checker.h"

namespace concord::sema {

const Type* ExprChecker::CheckLiteral(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::kBoolLit:
      SetConstant(expr, Constant{expr.As<ast::BoolLit>()->value});
      return Record(expr, types_.Bool());
    case ast::ExprKind::kIntLit:
      SetConstant(expr, Constant{expr.As<ast::IntLit>()->value});
      return Record(expr, types_.Int());
    case ast::ExprKind::kDecimalLit:
      SetConstant(expr, Constant{expr.As<ast::DecimalLit>()->value});
      return Record(expr, types_.Decimal());
    case ast::ExprKind::kPercentLit:
      SetConstant(expr, Constant{PercentValue{expr.As<ast::PercentLit>()->fraction}});
      return Record(expr, types_.Percent());
    case ast::ExprKind::kMoneyLit: {
      const auto* money = expr.As<ast::MoneyLit>();
      SetConstant(expr, Constant{MoneyValue{money->amount, money->currency}});
      return Record(expr, types_.Money(money->currency));
    }
    case ast::ExprKind::kDateLit:
      SetConstant(expr, Constant{expr.As<ast::DateLit>()->value});
      return Record(expr, types_.Date());
    case ast::ExprKind::kDurationLit: {
      const auto* duration = expr.As<ast::DurationLit>();
      values::Checked<values::Duration> d =
          values::Duration::CheckedOf(duration->count, duration->unit);
      if (!d.ok()) {
        checker_.diags().Report(diag::Code::E0214, expr.range, ArithErrorText(d.error));
        return Record(expr, types_.Error());
      }
      SetConstant(expr, Constant{*d.value});
      return Record(expr, types_.Duration());
    }
    case ast::ExprKind::kTextLit:
      SetConstant(expr, Constant{expr.As<ast::TextLit>()->value});
      return Record(expr, types_.Text());
    case ast::ExprKind::kNoneLit:
      SetConstant(expr, Constant{NoneValue{}});
      return Record(expr, types_.None());
    default:
      return Record(expr, types_.Error());
  }
}

const Type* ExprChecker::CheckUnary(const ast::UnaryExpr& unary) {
  const Type* operand = Check(*unary.operand);
  OperatorType result = UnaryOperatorType(types_, unary.op, operand);
  if (result.error != OperandError::kNone) {
    if (unary.op == ast::UnaryOp::kNot) {
      Mismatch(*unary.operand, "a bool", operand);
    } else {
      checker_.diags()
          .Report(diag::Code::E0213, unary.range, ast::Spelling(unary.op), operand->ToString())
          .WithLabel(unary.operand->range, "this is " + Describe(operand));
    }
    return Record(unary, types_.Error());
  }
  if (const Constant* c = ConstantOf(*unary.operand)) {
    Folded folded = FoldUnary(unary.op, *c);
    if (folded.failed) {
      checker_.diags().Report(diag::Code::E0214, unary.range, folded.failure);
    } else if (folded.value) {
      SetConstant(unary, *folded.value);
    }
  }
  return Record(unary, result.type);
}

// `amount / income < 10%`: dividing two amounts gives a plain number, which
// is not a percentage, so the comparison is E0213 as written. What the writer
// means is a share of the second amount, which Concord says directly and
// exactly: `amount < 10% of income`. Returns whether it suggested that.
bool ExprChecker::SuggestShareOf(const ast::BinaryExpr& binary, const Type* lhs, const Type* rhs,
                                 diag::Diagnostic& d) {
  if (!IsOrdering(binary.op)) return false;
  bool ratio_left = lhs->Is(TypeKind::kDecimal) && rhs->Is(TypeKind::kPercent);
  bool ratio_right = lhs->Is(TypeKind::kPercent) && rhs->Is(TypeKind::kDecimal);
  if (!ratio_left && !ratio_right) return false;
  const ast::Expr& ratio_expr = ratio_left ? *binary.lhs : *binary.rhs;
  const auto* ratio = ratio_expr.As<ast::BinaryExpr>();
  if (!ratio || ratio->op != ast::BinaryOp::kDiv) return false;
  const CheckedProgram& out = checker_.out();
  const Type* numerator = out.TypeOf(ratio->lhs.get());
  const Type* denominator = out.TypeOf(ratio->rhs.get());
  if (!numerator || !denominator || !numerator->Is(TypeKind::kMoney) ||
      !denominator->Is(TypeKind::kMoney)) {
    return false;
  }
  const diag::SourceManager& sources = out.program().sources;
  auto text = [&](const ast::Expr& e) { return std::string(sources.Slice(e.range)); };
  // `of` binds tighter than any operator a denominator can be built with.
  std::string base = text(*ratio->rhs);
  if (ratio->rhs->As<ast::BinaryExpr>() && !base.starts_with("(")) base = "(" + base + ")";
  std::string share = fmt::format("{} of {}", text(ratio_left ? *binary.rhs : *binary.lhs), base);
  std::string op(ast::Spelling(binary.op));
  std::string rewritten = ratio_left ? fmt::format("{} {} {}", text(*ratio->lhs), op, share)
                                     : fmt::format("{} {} {}", share, op, text(*ratio->lhs));
  d.WithHelp(
      "dividing two amounts gives a number, not a percentage; compare the amount with a share "
      "of the other instead");
  d.WithFix(binary.range, rewritten, fmt::format("write `{}`", rewritten));
  return true;
}

void ExprChecker::ReportOperands(const ast::BinaryExpr& binary, const Type* lhs, const Type* rhs,
                                 OperandError error) {
  auto currency = [](const Type* t) {
    if (t->Is(TypeKind::kSet) || t->Is(TypeKind::kOptional)) t = t->element();
    return t->Is(TypeKind::kMoney) && !t->currency().empty() ? "this is in " + t->currency()
                                                             : "this is " + Describe(t);
  };
  if (error == OperandError::kCurrency) {
    checker_.diags()
        .Report(diag::Code::E0205, binary.range, Describe(lhs), Describe(rhs))
        .WithLabel(binary.lhs->range, currency(lhs))
        .WithLabel(binary.rhs->range, currency(rhs))
        .WithNote(
            "Concord never converts between currencies: write every amount of one formula "
            "in the same currency");
    return;
  }
  diag::Diagnostic& d =
      checker_.diags().Report(diag::Code::E0213, binary.range, ast::Spelling(binary.op),
                              fmt::format("{} and {}", lhs->ToString(), rhs->ToString()));
  d.WithLabel(binary.lhs->range, "this is " + Describe(lhs));
  d.WithLabel(binary.rhs->range, "this is " + Describe(rhs));
  auto is = [](const Type* t, TypeKind k) { return t->Is(k); };
  if (is(lhs, TypeKind::kOptional) || is(rhs, TypeKind::kOptional)) {
    d.WithHelp("a value that may be none must be checked first: `x != none and x ...`");
  } else if (binary.op == ast::BinaryOp::kAdd && is(lhs, TypeKind::kDate) &&
             is(rhs, TypeKind::kDate)) {
    d.WithHelp("add a duration to a date: `start + 6 months`");
  } else if ((binary.op == ast::BinaryOp::kMul || binary.op == ast::BinaryOp::kOf) &&
             (is(lhs, TypeKind::kDuration) || is(rhs, TypeKind::kDuration))) {
    d.WithHelp("durations scale by whole numbers only: `2 * 3 months`");
  } else if ((binary.op == ast::BinaryOp::kMul || binary.op == ast::BinaryOp::kOf) &&
             is(lhs, TypeKind::kMoney) && is(rhs, TypeKind::kMoney)) {
    d.WithHelp("money scales by a number or a percentage: `5% * income`");
  } else if (SuggestShareOf(binary, lhs, rhs, d)) {
    // The help and fix-it say it.
  } else if (IsOrdering(binary.op)) {
    d.WithHelp(
        "`<`, `<=`, `>` and `>=` compare numbers, percentages, money, dates and durations "
        "of the same type");
  } else if (IsComparison(binary.op)) {
    d.WithHelp("`==` and `!=` compare values of the same type");
  }
}

void ExprChecker::FoldBinary(const ast::BinaryExpr& binary, const Type* result) {
  const Constant* lhs = ConstantOf(*binary.lhs);
  const Constant* rhs = ConstantOf(*binary.rhs);
  if (!lhs || !rhs || result->IsError()) return;
  Folded folded = sema::FoldBinary(binary.op, *lhs, *rhs);
  if (folded.failed) {
    diag::Diagnostic& d = checker_.diags().Report(diag::Code::E0214, binary.range, folded.failure);
    if (folded.failure == "division by zero") d.WithLabel(binary.rhs->range, "this is zero");
    return;
  }
  if (folded.undecided) {
    // In a concord requirement an undecided comparison is "not satisfied"
    // at evaluation time, with its own explanation; elsewhere it is an error.
    if (InConcord()) return;
    values::CompareOp op = *AsCompareOp(binary.op);
    const auto& a = *lhs->As<values::Duration>();
    const auto& b = *rhs->As<values::Duration>();
    checker_.diags()
        .Report(diag::Code::E0204, binary.range,
                fmt::format("`{} {} {}`", a.ToString(), ast::Spelling(binary.op), b.ToString()))
        .WithNote(values::ExplainUndecided(a, op, b))
        .WithHelp(
            "compare with a bound that holds for every possible length (a month has 28 to "
            "31 days, a year 365 or 366), or write both sides in the same unit");
    return;
  }
  if (folded.value) SetConstant(binary, *folded.value);
}

const Type* ExprChecker::CheckLogical(const ast::BinaryExpr& binary) {
  bool is_and = binary.op == ast::BinaryOp::kAnd;
  const Type* lhs = Check(*binary.lhs);
  if (!lhs->Is(TypeKind::kBool)) Mismatch(*binary.lhs, "a bool", lhs);
  // `x != none and x > 0`, `x == none or x > 0`: the right side sees the
  // left side's answer.
  size_t pushed = PushFacts(*binary.lhs, is_and);
  const Type* rhs = Check(*binary.rhs);
  PopFacts(pushed);
  if (!rhs->Is(TypeKind::kBool)) Mismatch(*binary.rhs, "a bool", rhs);
  if (lhs->Is(TypeKind::kBool) && rhs->Is(TypeKind::kBool)) FoldBinary(binary, types_.Bool());
  return Record(binary, types_.Bool());
}

const Type* ExprChecker::CheckBinary(const ast::BinaryExpr& binary) {
  if (binary.op == ast::BinaryOp::kAnd || binary.op == ast::BinaryOp::kOr) {
    return CheckLogical(binary);
  }
  if (binary.op == ast::BinaryOp::kWithin) return CheckWithin(binary);
  const Type* lhs = Check(*binary.lhs);
  const Type* rhs = nullptr;
  if (IsComparison(binary.op)) {
    // The left side tells an enum constant or `{}` on the right what it is,
    // and an enum on the right retargets a constant on the left.
    rhs = Check(*binary.rhs, lhs);
    const Type* r = rhs->Is(TypeKind::kOptional) ? rhs->element() : rhs;
    if (r->Is(TypeKind::kEnum) && r != lhs) {
      RetargetEnumConstant(*binary.lhs, r);
      lhs = out_.TypeOf(binary.lhs.get());
    }
  } else {
    rhs = Check(*binary.rhs);
  }
  OperatorType result = BinaryOperatorType(types_, binary.op, lhs, rhs);
  if (result.error != OperandError::kNone) {
    ReportOperands(binary, lhs, rhs, result.error);
    return Record(binary, types_.Error());
  }
  if (!(binary.op == ast::BinaryOp::kOf && rhs->Is(TypeKind::kSet))) {
    FoldBinary(binary, result.type);
  }
  return Record(binary, result.type);
}

// `x.date within 12 months`: a date on the left, a duration on the right,
// each reported where it is (E0203) so the user sees which side is wrong.
// Never folded: its value depends on the day it is evaluated.
const Type* ExprChecker::CheckWithin(const ast::BinaryExpr& binary) {
  const Type* date = Check(*binary.lhs);
  const Type* duration = Check(*binary.rhs);
  bool ok = !date->IsError() && !duration->IsError();
  if (!date->IsError() && !date->Is(TypeKind::kDate)) {
    Mismatch(*binary.lhs, "a date", date,
             "`DATE within DURATION` asks whether a date falls in the last DURATION up to today");
    ok = false;
  }
  if (!duration->IsError() && !duration->Is(TypeKind::kDuration)) {
    Mismatch(*binary.rhs, "a duration", duration,
             "`DATE within DURATION` measures a window back from today, such as `12 months`");
    ok = false;
  }
  checker_.NoteToday(ctx_, binary.op_range, "`within`");
  return Record(binary, ok ? types_.Bool() : types_.Error());
}

namespace {

// A constant converted to the unified type of its context (an int branch
// of an `if` whose other branch is a decimal).
Constant Widen(const Constant& c, const Type* to) {
  if (to->Is(TypeKind::kDecimal)) {
    if (const auto* i = c.As<int64_t>()) {
      if (auto d = values::Decimal::FromInt(*i)) return Constant{*d};
    }
  }
  return c;
}

}  // namespace

const Type* ExprChecker::CheckIf(const ast::IfExpr& expr, const Type* hint) {
  const Type* condition = Check(*expr.condition);
  if (!condition->Is(TypeKind::kBool)) Mismatch(*expr.condition, "a bool", condition);
  size_t pushed = PushFacts(*expr.condition, true);
  const Type* then_type = Check(*expr.then_branch, hint);
  PopFacts(pushed);
  pushed = PushFacts(*expr.condition, false);
  const Type* else_type = Check(*expr.else_branch, hint ? hint : then_type);
  PopFacts(pushed);
  if (else_type->Is(TypeKind::kEnum)) {
    RetargetEnumConstant(*expr.then_branch, else_type);
    then_type = out_.TypeOf(expr.then_branch.get());
  }
  bool clash = false;
  const Type* unified = Unify(types_, then_type, else_type, &clash);
  if (!unified) {
    if (clash) {
      checker_.diags()
          .Report(diag::Code::E0205, expr.range, Describe(then_type), Describe(else_type))
          .WithLabel(expr.then_branch->range, "this is " + Describe(then_type))
          .WithLabel(expr.else_branch->range, "this is " + Describe(else_type));
    } else {
      checker_.diags()
          .Report(diag::Code::E0203, expr.else_branch->range, Describe(then_type),
                  Describe(else_type))
          .WithLabel(expr.then_branch->range, "the `then` branch is " + Describe(then_type))
          .WithNote("both branches of `if` must have the same type");
    }
    return Record(expr, types_.Error());
  }
  if (const Constant* c = ConstantOf(*expr.condition)) {
    if (const bool* b = c->As<bool>()) {
      const ast::Expr& chosen = *b ? *expr.then_branch : *expr.else_branch;
      if (const Constant* value = ConstantOf(chosen)) SetConstant(expr, Widen(*value, unified));
    }
  }
  return Record(expr, unified);
}

const Type* ExprChecker::CheckSet(const ast::SetLit& set, const Type* hint) {
  const Type* element_hint = hint && hint->Is(TypeKind::kSet) ? hint->element() : nullptr;
  if (set.elements.empty()) {
    // `{}` takes the set type its surroundings expect; alone it is a set of
    // nothing, which fits every set.
    return Record(set, element_hint ? hint : types_.Set(types_.None()));
  }
  const Type* unified = Check(*set.elements.front(), element_hint);
  bool failed = unified->IsError();
  for (size_t i = 1; i < set.elements.size(); ++i) {
    const ast::Expr& element = *set.elements[i];
    const Type* t = Check(element, unified);
    bool clash = false;
    const Type* u = Unify(types_, unified, t, &clash);
    if (!u) {
      if (clash) {
        checker_.diags()
            .Report(diag::Code::E0205, element.range, Describe(unified), Describe(t))
            .WithLabel(set.elements.front()->range, "this is " + Describe(unified));
      } else {
        checker_.diags()
            .Report(diag::Code::E0203, element.range, Describe(unified), Describe(t))
            .WithLabel(set.elements.front()->range, "the first element is " + Describe(unified));
      }
      failed = true;
      continue;
    }
    unified = u;
    failed = failed || t->IsError();
  }
  return Record(set, failed ? types_.Error() : types_.Set(unified));
}

}  // namespace concord::sema
