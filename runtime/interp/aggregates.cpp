// Aggregates over a set: count, sum, any, all, min and max, with an optional
// filter and projection (`sum(c.amount for c in contributions(f) where ...)`).
// Elements are visited in the set's order; see interp.h for the exact rules
// the JIT must follow.
#include <fmt/format.h>

#include "runtime/interp/evaluator.h"
#include "runtime/interp/keyed_filter.h"

namespace concord::interp {

using values::Value;

namespace {

// Kleene truth: true, false or undecided (nullopt).
using Truth = std::optional<bool>;

Truth KleeneAnd(Truth a, Truth b) {
  if (a == false || b == false) return false;
  if (a == true && b == true) return true;
  return std::nullopt;
}

Truth KleeneImplies(Truth a, Truth b) {
  if (a == false || b == true) return true;
  if (a == true && b == false) return false;
  return std::nullopt;
}

const char* AggregateName(ir::Op op) {
  switch (op) {
    case ir::Op::kCount:
      return "count";
    case ir::Op::kAny:
      return "any";
    case ir::Op::kAll:
      return "all";
    case ir::Op::kMinOf:
      return "min";
    case ir::Op::kMaxOf:
      return "max";
    default:
      return "sum";
  }
}

}  // namespace

Eval Evaluator::Accumulate(const ir::Node& n, Value& total, const Value& v) {
  auto overflow = [&] {
    return Overflow(n, fmt::format("the sum `{} + {}`", total.ToString(), v.ToString()));
  };
  switch (n.op) {
    case ir::Op::kSumInt: {
      values::Checked<int64_t> r = values::AddInt(*total.AsInt(), *v.AsInt());
      if (!r.ok()) return overflow();
      total = Value::MakeInt(*r.value);
      break;
    }
    case ir::Op::kSumDecimal: {
      values::Checked<values::Decimal> r = values::Add(*total.AsDecimal(), *v.AsDecimal());
      if (!r.ok()) return overflow();
      total = Value::MakeDecimal(*r.value);
      break;
    }
    case ir::Op::kSumPercent: {
      values::Checked<values::Decimal> r =
          values::Add(total.AsPercent()->fraction, v.AsPercent()->fraction);
      if (!r.ok()) return overflow();
      total = Value::MakePercent(*r.value);
      break;
    }
    case ir::Op::kSumMoney: {
      values::MoneyResult<values::Money> r = total.AsMoney()->Plus(*v.AsMoney());
      if (!r.ok()) return MoneyFailure(n, r.error, total, v);
      total = Value::MakeMoney(*r.value);
      break;
    }
    default: {  // kSumDuration
      values::Checked<values::Duration> r = total.AsDuration()->Plus(*v.AsDuration());
      if (!r.ok()) return overflow();
      total = Value::MakeDuration(*r.value);
      break;
    }
  }
  return Eval::Of(Value());
}

Eval Evaluator::VisitAggregate(const ir::Node& n) {
  const ir::Node* source_node = n.child(0);
  const ir::Node* filter = n.child(1);
  const ir::Node* projection = n.child(2);
  if (!source_node) return MissingOperand(n);
  Eval source = Visit(*source_node);
  if (!source.ok()) return source;
  const values::Set* set = source.value.AsSet();
  if (!set) return WrongKind(n, source.value, "a set");
  bool binds = filter || projection;
  if (binds && (n.slot < 0 || static_cast<size_t>(n.slot) >= frames_.back().locals.size())) {
    return MissingOperand(n);
  }

  const ir::Op op = n.op;
  const bool logical = op == ir::Op::kAny || op == ir::Op::kAll;
  const bool is_sum = ir::GroupOf(op) == ir::OpGroup::kSum;
  // The kind each summed value must have.
  const values::ValueKind value_kind =
      is_sum ? ir::ValueKindOf(ir::KindOf(op)) : values::ValueKind::kNone;

  std::vector<Undecided> reasons;
  bool undecided = false;
  // The reasons of one element count only if the element stays undecided
  // (`any` with one undecided element and one true one is simply true).
  std::vector<Undecided> pending;
  auto truth_of = [&](const Eval& e, Truth* out) -> std::optional<Eval> {
    if (e.undecided()) {
      pending = MergeReasons(pending, e.reasons);
      *out = std::nullopt;
      return std::nullopt;
    }
    const bool* b = e.value.AsBool();
    if (!b) return WrongKind(n, e.value, "a bool");
    *out = *b;
    return std::nullopt;
  };
  auto mark_pending = [&] {
    undecided = true;
    reasons = MergeReasons(reasons, pending);
  };

  int64_t count = 0;
  Value best;  // sum so far, or the smallest/largest so far
  bool have_best = false;

  // `where x.field == key` over a set whose index covers the field: visit
  // the matches only (keyed_filter.h says why that gives the same result).
  std::span<const uint32_t> matches;
  bool keyed = false;
  if (!set->empty() && !options_.trace_fields) {
    std::optional<KeyedFilter> keyed_filter = FindKeyedFilter(n);
    if (keyed_filter &&
        set->CanMatch(static_cast<size_t>(keyed_filter->field->field), keyed_filter->field->name)) {
      Eval key = Visit(*keyed_filter->key);
      if (key.failed()) return key;
      if (!key.undecided()) {
        matches = set->Matching(static_cast<size_t>(keyed_filter->field->field),
                                keyed_filter->field->name, key.value);
        keyed = true;
      }
    }
  }
  const size_t visits = keyed ? matches.size() : set->size();

  for (size_t visit = 0; visit < visits; ++visit) {
    const Value& element = set->elements()[keyed ? matches[visit] : visit];
    if (binds) frames_.back().locals[static_cast<size_t>(n.slot)] = element;
    pending.clear();
    Truth filtered = true;
    if (filter) {
      Eval f = Visit(*filter);
      if (f.failed()) return f;
      if (std::optional<Eval> wrong = truth_of(f, &filtered)) return std::move(*wrong);
    }
    // With a projection the filter selects elements; without one, `any` and
    // `all` take it as their condition (`all(f in funds where f.cap != none)`).
    Truth guard = (logical && !projection) ? Truth(true) : filtered;
    if (guard == false) continue;

    if (logical) {
      Truth condition;
      if (projection) {
        Eval p = Visit(*projection);
        if (p.failed()) return p;
        if (std::optional<Eval> wrong = truth_of(p, &condition)) return std::move(*wrong);
      } else if (filter) {
        condition = filtered;
      } else if (std::optional<Eval> wrong = truth_of(Eval::Of(element), &condition)) {
        return std::move(*wrong);
      }
      Truth holds =
          op == ir::Op::kAny ? KleeneAnd(guard, condition) : KleeneImplies(guard, condition);
      if (holds == (op == ir::Op::kAny)) return Eval::Of(Value::MakeBool(op == ir::Op::kAny));
      if (!holds.has_value()) mark_pending();
      continue;
    }

    Eval value = Eval::Of(element);
    if (projection) {
      value = Visit(*projection);
      if (value.failed()) return value;
    }
    if (!guard.has_value() || value.undecided()) {
      // An element that may or may not count: the result is undecided.
      pending = MergeReasons(pending, value.reasons);
      mark_pending();
      continue;
    }
    if (op == ir::Op::kCount) {
      ++count;
      continue;
    }
    if (is_sum && !value.value.Is(value_kind)) {
      return WrongKind(n, value.value, values::KindName(value_kind));
    }
    if (!have_best) {
      best = std::move(value.value);
      have_best = true;
      continue;
    }
    if (is_sum) {
      Eval added = Accumulate(n, best, value.value);
      if (added.failed()) return added;
      continue;
    }
    values::CompareOp better =
        op == ir::Op::kMinOf ? values::CompareOp::kLt : values::CompareOp::kGt;
    Eval replaces = Order(n, value.value, better, best);
    if (replaces.failed()) return replaces;
    if (replaces.undecided()) {
      pending = MergeReasons(pending, replaces.reasons);
      mark_pending();
      continue;
    }
    if (*replaces.value.AsBool()) best = std::move(value.value);
  }

  if (undecided) return Eval::Unknown(std::move(reasons));
  switch (op) {
    case ir::Op::kAny:
      return Eval::Of(Value::MakeBool(false));
    case ir::Op::kAll:
      return Eval::Of(Value::MakeBool(true));
    case ir::Op::kCount:
      return Eval::Of(Value::MakeInt(count));
    default:
      break;
  }
  if (have_best) return Eval::Of(std::move(best));
  return EmptyAggregate(n);
}

Eval Evaluator::EmptyAggregate(const ir::Node& n) {
  switch (n.op) {
    case ir::Op::kSumInt:
      return Eval::Of(Value::MakeInt(0));
    case ir::Op::kSumDecimal:
      return Eval::Of(Value::MakeDecimal(values::Decimal()));
    case ir::Op::kSumPercent:
      return Eval::Of(Value::MakePercent(values::Decimal()));
    case ir::Op::kSumDuration:
      return Eval::Of(Value::MakeDuration(values::Duration()));
    case ir::Op::kSumMoney: {
      std::optional<values::Currency> currency = values::Currency::Parse(n.currency);
      if (currency) return Eval::Of(Value::MakeMoney(values::Money{values::Decimal(), *currency}));
      RuntimeError e = MakeRuntimeError(diag::Code::R024, n.range, "sum");
      e.WithNote(
          "a sum of money is in the currency of its amounts, and this set has none; compare it "
          "with an amount in a known currency (`sum(...) <= 50 EUR`) to give the empty sum one");
      return Fail(std::move(e));
    }
    default:
      return Fail(MakeRuntimeError(diag::Code::R024, n.range, AggregateName(n.op)));
  }
}

}  // namespace concord::interp
