// The helpers behind helpers.h. Each takes the evaluation's Context and, when
// it can fail, the index of the IR node it works for, so an error carries
// that node's range. Errors of ops the native code computes itself (int
// overflow, currency mismatch) are rendered by evaluating the op's shadow
// root with the interpreter on the same operands: the message is the
// interpreter's by construction.
#include "runtime/jit/helpers.h"

#include <fmt/format.h>

#include "runtime/calendar/date_arithmetic.h"
#include "runtime/interp/depth.h"
#include "runtime/interp/fits.h"
#include "runtime/jit/context.h"
#include "runtime/jit/time_helpers.h"

namespace concord::jit {
namespace {

using values::Value;
using values::ValueKind;

const ir::Node& NodeAt(Context* ctx, int32_t node) {
  return *ctx->table->nodes[static_cast<size_t>(node)];
}

interp::EvalOptions Untraced(const Context* ctx) {
  interp::EvalOptions options = *ctx->options;
  options.trace_fields = false;
  return options;
}

values::Currency UnpackCurrency(int32_t packed) {
  char code[3] = {static_cast<char>(packed & 0xff), static_cast<char>((packed >> 8) & 0xff),
                  static_cast<char>((packed >> 16) & 0xff)};
  // Packed currencies only ever come from valid ones.
  return *values::Currency::Parse(std::string_view(code, 3));
}

values::Duration DurationOf(const int64_t* parts) {
  values::Duration d;
  d.days = parts[0];
  d.months = parts[1];
  d.lunar_months = parts[2];
  return d;
}

void StoreDuration(const values::Duration& d, int64_t* out) {
  out[0] = d.days;
  out[1] = d.months;
  out[2] = d.lunar_months;
}

Value Scalar(ValueKind kind, int64_t v) {
  switch (kind) {
    case ValueKind::kBool:
      return Value::MakeBool(v != 0);
    case ValueKind::kDecimal:
      return Value::MakeDecimal(values::Decimal::FromRaw(v));
    case ValueKind::kPercent:
      return Value::MakePercent(values::Decimal::FromRaw(v));
    case ValueKind::kDate:
      return Value::MakeDate(values::Date::FromDays(v));
    default:
      return Value::MakeInt(v);
  }
}

// Evaluates the shadow of `node` on `operands` with the interpreter.
interp::Outcome Shadow(Context* ctx, int32_t node, std::span<const Value> operands) {
  const ir::Root* shadow = ctx->table->shadows[static_cast<size_t>(node)].get();
  if (!shadow) {
    const ir::Node& n = NodeAt(ctx, node);
    interp::Outcome out;
    out.status = interp::Status::kError;
    out.error = interp::MakeRuntimeError(
        diag::Code::R025, n.range, fmt::format("`{}` has no shadow in the JIT", ir::OpName(n.op)));
    return out;
  }
  return interp::Evaluate(*shadow, operands, Untraced(ctx));
}

// The native code found an error at `node`; the interpreter words it. If the
// interpreter finds none, the engines disagree, which is reported rather
// than hidden.
void FailWith(Context* ctx, int32_t node, std::span<const Value> operands) {
  interp::Outcome out = Shadow(ctx, node, operands);
  if (out.error) {
    ctx->Fail(*out.error);
    return;
  }
  const ir::Node& n = NodeAt(ctx, node);
  ctx->Fail(interp::MakeRuntimeError(
      diag::Code::R025, n.range,
      fmt::format("the JIT and the interpreter disagree on `{}` (the interpreter gives `{}`)",
                  ir::OpName(n.op), out.ToString())));
}

void WrongKind(Context* ctx, const ir::Node& n, const Value& v, const char* wanted) {
  ctx->Fail(
      interp::MakeRuntimeError(diag::Code::R025, n.range,
                               fmt::format("`{}` needs {}, but got the {} `{}`", ir::OpName(n.op),
                                           wanted, values::KindName(v.kind()), v.ToString())));
}

// As Evaluator::Checked: a host answer of the node's type, or R025.
const Value* Answer(Context* ctx, const ir::Node& n, interp::HostAnswer answer) {
  if (!answer.value) {
    ctx->Fail(interp::MakeRuntimeError(diag::Code::R025, n.range, answer.why_not));
    return nullptr;
  }
  if (!interp::Fits(*answer.value, n.type)) {
    ctx->Fail(
        interp::MakeRuntimeError(diag::Code::R025, n.range,
                                 fmt::format("the host answered the {} `{}` where {} is expected",
                                             values::KindName(answer.value->kind()),
                                             answer.value->ToString(), n.type->ToString())));
    return nullptr;
  }
  return ctx->Keep(std::move(*answer.value));
}

bool NeedsHost(Context* ctx, const ir::Node& n) {
  if (ctx->options->host) return true;
  std::string what = n.op == ir::Op::kHostQuery ? fmt::format("`{}`", ir::QueryName(n.query))
                                                : fmt::format("`{}`", n.name);
  ctx->Fail(interp::MakeRuntimeError(diag::Code::R025, n.range,
                                     fmt::format("{} needs a running scenario", what)));
  return false;
}

// The two operands of a binary op, boxed by the kinds of its children.
std::array<Value, 2> Operands(const ir::Node& n, int64_t a, int64_t b) {
  return {Scalar(ScalarKind(n.child(0)->type), a), Scalar(ScalarKind(n.child(1)->type), b)};
}

Value MoneyValue(int64_t amount, int32_t currency) {
  return Value::MakeMoney(
      values::Money{values::Decimal::FromRaw(amount), UnpackCurrency(currency)});
}

// The operands compiled code passes as an array of pointers, as values.
std::vector<Value> Operands(const Value* const* operands, int32_t count) {
  std::vector<Value> out;
  out.reserve(static_cast<size_t>(count));
  for (int32_t i = 0; i < count; ++i) out.push_back(*operands[i]);
  return out;
}

}  // namespace

// The helpers keep C names with a `cj_` prefix: compiled code calls them by
// these names, registered as absolute symbols, so they read as the C ABI they
// are rather than as C++ functions.
// NOLINTBEGIN(readability-identifier-naming)
extern "C" {

// --- boxes ---------------------------------------------------------------------

static const Value* cj_box_i64(Context* ctx, int32_t kind, int64_t v) {
  return ctx->Keep(Scalar(static_cast<ValueKind>(kind), v));
}

static const Value* cj_box_money(Context* ctx, int64_t amount, int32_t currency) {
  return ctx->Keep(MoneyValue(amount, currency));
}

static const Value* cj_box_duration(Context* ctx, const int64_t* parts) {
  return ctx->Keep(Value::MakeDuration(DurationOf(parts)));
}

static int32_t cj_unbox_i64(Context* ctx, int32_t node, const Value* v, int32_t kind,
                            int64_t* out) {
  switch (static_cast<ValueKind>(kind)) {
    case ValueKind::kBool:
      if (const bool* b = v->AsBool()) return *out = *b ? 1 : 0, 1;
      WrongKind(ctx, NodeAt(ctx, node), *v, "a bool");
      return 0;
    case ValueKind::kDecimal:
      if (const values::Decimal* d = v->AsDecimal()) return *out = d->raw(), 1;
      WrongKind(ctx, NodeAt(ctx, node), *v, "a decimal");
      return 0;
    case ValueKind::kPercent:
      if (const values::Percent* p = v->AsPercent()) return *out = p->fraction.raw(), 1;
      WrongKind(ctx, NodeAt(ctx, node), *v, "a percent");
      return 0;
    case ValueKind::kDate:
      if (const values::Date* d = v->AsDate()) return *out = d->days(), 1;
      WrongKind(ctx, NodeAt(ctx, node), *v, "a date");
      return 0;
    default:
      if (const int64_t* i = v->AsInt()) return *out = *i, 1;
      WrongKind(ctx, NodeAt(ctx, node), *v, "an int");
      return 0;
  }
}

static int32_t cj_unbox_money(Context* ctx, int32_t node, const Value* v, int64_t* amount,
                              int32_t* currency) {
  const values::Money* m = v->AsMoney();
  if (!m) {
    WrongKind(ctx, NodeAt(ctx, node), *v, "money");
    return 0;
  }
  *amount = m->amount.raw();
  *currency = PackCurrency(m->currency);
  return 1;
}

static int32_t cj_unbox_duration(Context* ctx, int32_t node, const Value* v, int64_t* out) {
  const values::Duration* d = v->AsDuration();
  if (!d) {
    WrongKind(ctx, NodeAt(ctx, node), *v, "a duration");
    return 0;
  }
  StoreDuration(*d, out);
  return 1;
}

static void cj_store_result(Value* out, const Value* v) {
  *out = *v;
}

// Results of native scalars go straight into the caller's Value.
static void cj_store_i64(Value* out, int32_t kind, int64_t v) {
  *out = Scalar(static_cast<ValueKind>(kind), v);
}

static void cj_store_money(Value* out, int64_t amount, int32_t currency) {
  *out = MoneyValue(amount, currency);
}

// --- the interpreter for ops without a native lowering, and for error messages

static const Value* cj_apply(Context* ctx, int32_t node, const Value* const* operands,
                             int32_t count) {
  std::vector<Value> args = Operands(operands, count);
  interp::Outcome out = Shadow(ctx, node, args);
  if (out.ok()) return ctx->Keep(std::move(out.value));
  if (out.error) {
    ctx->Fail(*out.error);
  } else {
    const ir::Node& n = NodeAt(ctx, node);
    ctx->Fail(interp::MakeRuntimeError(diag::Code::R025, n.range,
                                       "an undecided value with an anchor date"));
  }
  return nullptr;
}

static void cj_fail(Context* ctx, int32_t node, const Value* const* operands, int32_t count) {
  FailWith(ctx, node, Operands(operands, count));
}

// --- exact arithmetic: runtime/values rounds half to even -------------------------

static int32_t cj_mul_div_decimal(Context* ctx, int32_t node, int64_t a, int64_t b, int64_t* out) {
  const ir::Node& n = NodeAt(ctx, node);
  values::Decimal x = values::Decimal::FromRaw(a), y = values::Decimal::FromRaw(b);
  values::Checked<values::Decimal> r =
      n.op == ir::Op::kDivDecimal ? values::Div(x, y) : values::Mul(x, y);
  if (r.ok()) return *out = r.value->raw(), 1;
  FailWith(ctx, node, Operands(n, a, b));
  return 0;
}

// Money times or divided by a factor; `money_first` says the operand order.
static int32_t cj_money_scale(Context* ctx, int32_t node, int64_t amount, int32_t currency,
                              int64_t factor, int64_t* out) {
  const ir::Node& n = NodeAt(ctx, node);
  // Scaling keeps the currency (Money::Scaled, Money::DividedBy), so the
  // amount is computed as they compute it and the Currency is rebuilt from
  // its packed letters only to word an error.
  values::Decimal a = values::Decimal::FromRaw(amount);
  values::Decimal f = values::Decimal::FromRaw(factor);
  values::Checked<values::Decimal> r =
      n.op == ir::Op::kDivMoneyDecimal ? values::Div(a, f) : values::Mul(a, f);
  if (r.ok()) return *out = r.value->raw(), 1;
  values::Money m{a, UnpackCurrency(currency)};
  bool money_first = n.op == ir::Op::kMulMoneyDecimal || n.op == ir::Op::kMulMoneyPercent ||
                     n.op == ir::Op::kDivMoneyDecimal;
  Value money = Value::MakeMoney(m);
  if (money_first) {
    FailWith(ctx, node, std::array<Value, 2>{money, Scalar(ScalarKind(n.child(1)->type), factor)});
  } else {
    FailWith(ctx, node, std::array<Value, 2>{Scalar(ScalarKind(n.child(0)->type), factor), money});
  }
  return 0;
}

static int32_t cj_money_ratio(Context* ctx, int32_t node, int64_t a, int32_t ca, int64_t b,
                              int32_t cb, int64_t* out) {
  values::Money x{values::Decimal::FromRaw(a), UnpackCurrency(ca)};
  values::Money y{values::Decimal::FromRaw(b), UnpackCurrency(cb)};
  values::MoneyResult<values::Decimal> r = x.RatioTo(y);
  if (r.ok()) return *out = r.value->raw(), 1;
  FailWith(ctx, node, std::array<Value, 2>{Value::MakeMoney(x), Value::MakeMoney(y)});
  return 0;
}

// --- calendar --------------------------------------------------------------------

static int32_t cj_date_shift(Context* ctx, int32_t node, int64_t days, const int64_t* parts,
                             int64_t* out) {
  const ir::Node& n = NodeAt(ctx, node);
  values::Date date = values::Date::FromDays(days);
  values::Duration d = DurationOf(parts);
  std::optional<values::Date> r = n.op == ir::Op::kSubDateDuration
                                      ? calendar::SubtractDuration(date, d)
                                      : calendar::AddDuration(date, d);
  if (r) return *out = r->days(), 1;
  if (n.op == ir::Op::kAddDurationDate) {
    FailWith(ctx, node, std::array<Value, 2>{Value::MakeDuration(d), Value::MakeDate(date)});
  } else {
    FailWith(ctx, node, std::array<Value, 2>{Value::MakeDate(date), Value::MakeDuration(d)});
  }
  return 0;
}

// Neg, Add, Sub of durations and multiplication by an int `k`.
static int32_t cj_duration_arith(Context* ctx, int32_t node, const int64_t* a, const int64_t* b,
                                 int64_t k, int64_t* out) {
  const ir::Node& n = NodeAt(ctx, node);
  values::Duration x = DurationOf(a);
  values::Checked<values::Duration> r;
  std::vector<Value> operands;
  switch (n.op) {
    case ir::Op::kNegDuration:
      r = x.Times(-1);
      operands = {Value::MakeDuration(x)};
      break;
    case ir::Op::kAddDuration:
    case ir::Op::kSubDuration: {
      values::Duration y = DurationOf(b);
      r = n.op == ir::Op::kAddDuration ? x.Plus(y) : x.Minus(y);
      operands = {Value::MakeDuration(x), Value::MakeDuration(y)};
      break;
    }
    case ir::Op::kMulDurationInt:
      r = x.Times(k);
      operands = {Value::MakeDuration(x), Value::MakeInt(k)};
      break;
    default:  // kMulIntDuration
      r = x.Times(k);
      operands = {Value::MakeInt(k), Value::MakeDuration(x)};
      break;
  }
  if (r.ok()) return StoreDuration(*r.value, out), 1;
  FailWith(ctx, node, operands);
  return 0;
}

// `a op b` for durations with the anchor date, as Evaluator::DecideDurations:
// 1 or 0, or -1 with R020 when a span leaves the calendar and the interval
// rule cannot decide.
static int32_t cj_duration_order(Context* ctx, int32_t node, int32_t op, const int64_t* a,
                                 const int64_t* b) {
  const ir::Node& n = NodeAt(ctx, node);
  values::Duration x = DurationOf(a), y = DurationOf(b);
  values::CompareOp cmp = static_cast<values::CompareOp>(op);
  const values::Date anchor = *ctx->options->anchor;
  std::optional<values::Date> end_x = calendar::AddDuration(anchor, x);
  std::optional<values::Date> end_y = calendar::AddDuration(anchor, y);
  if (end_x && end_y) return Holds(cmp, end_x->days() <=> end_y->days()) ? 1 : 0;
  switch (values::CompareDurations(x, cmp, y)) {
    case values::Decision::kTrue:
      return 1;
    case values::Decision::kFalse:
      return 0;
    case values::Decision::kUndecided:
      break;
  }
  const values::Duration& outside = end_x ? y : x;
  ctx->Fail(interp::MakeRuntimeError(diag::Code::R020, n.range,
                                     fmt::format("`{} + {}` is outside the years 0000-9999",
                                                 anchor.ToString(), outside.ToString())));
  return -1;
}

// --- host questions, fields, sets --------------------------------------------------

// `level` is the asking node's level plus one (runtime/interp/depth.h):
// what the host evaluates to answer goes on counting from there.
static const Value* cj_entity(Context* ctx, int32_t node, int32_t level) {
  const ir::Node& n = NodeAt(ctx, node);
  if (!NeedsHost(ctx, n)) return nullptr;
  interp::NestedEvaluation nested(level);
  return Answer(ctx, n, ctx->options->host->Entity(n.entity, n.name, n.owner, *n.type));
}

static const Value* cj_metric(Context* ctx, int32_t node, int32_t level) {
  const ir::Node& n = NodeAt(ctx, node);
  if (!NeedsHost(ctx, n)) return nullptr;
  interp::NestedEvaluation nested(level);
  return Answer(ctx, n, ctx->options->host->Metric(n.owner, n.name, *n.type, n.currency));
}

static const Value* cj_query(Context* ctx, int32_t node, const Value* const* args, int32_t count,
                             int32_t level) {
  const ir::Node& n = NodeAt(ctx, node);
  if (!NeedsHost(ctx, n)) return nullptr;
  interp::NestedEvaluation nested(level);
  return Answer(ctx, n, ctx->options->host->Query(n.query, Operands(args, count), *n.type));
}

// A compiled body would reach the depth limit or the stack's end: the
// evaluation is handed to the interpreter (Program::Evaluate), which
// decides where it stops.
static void cj_too_deep(Context* ctx) {
  ctx->needs_interpreter = true;
}

// A compiled body starts: it reaches no level deeper than `deepest` (its
// static height from its level), which the metric memo needs (depth.h).
static void cj_note_level(int32_t deepest) {
  interp::NoteLevel(deepest);
}

// `shape` is the shape the IR typed the object with (owned by the module,
// which outlives the program): a record of that very shape has the field at
// `index`, so only records the host built with another shape object pay for
// comparing the field's name.
static const Value* cj_field(Context* ctx, int32_t node, const Value* object,
                             const values::RecordShape* shape, int32_t index) {
  const values::Record* record = object->AsRecord();
  if (!record) {
    if (const values::Member* m = object->AsMember()) record = m->record.get();
  }
  if (record && index >= 0) {
    const Value* field = record->Get(static_cast<size_t>(index));
    if (field &&
        (&record->shape() == shape ||
         record->shape().fields[static_cast<size_t>(index)].name == NodeAt(ctx, node).name)) {
      return field;
    }
  }
  // The rare ways a read fails are worded by the interpreter.
  FailWith(ctx, node, std::span<const Value>(object, 1));
  return nullptr;
}

static const Value* cj_make_set(Context* ctx, const Value* const* elements, int32_t count) {
  return ctx->Keep(values::MakeSetValue(Operands(elements, count)));
}

static int64_t cj_set_size(Context* ctx, int32_t node, const Value* v) {
  if (const values::Set* s = v->AsSet()) return static_cast<int64_t>(s->size());
  WrongKind(ctx, NodeAt(ctx, node), *v, "a set");
  return -1;
}

// The first element of a set cj_set_size accepted; compiled code steps
// through the elements by sizeof(Value).
static const Value* cj_set_data(const Value* v) {
  return v->AsSet()->elements().data();
}

// A keyed filter (runtime/interp/keyed_filter.h); `node` is the filter's
// field read `x.field`.
static int32_t cj_set_covers(Context* ctx, int32_t node, const Value* set) {
  const ir::Node& n = NodeAt(ctx, node);
  return set->AsSet()->CanMatch(static_cast<size_t>(n.field), n.name) ? 1 : 0;
}

// The positions of the matches and their number, after cj_set_covers.
static const uint32_t* cj_set_matching(Context* ctx, int32_t node, const Value* set,
                                       const Value* key, int64_t* count) {
  const ir::Node& n = NodeAt(ctx, node);
  std::span<const uint32_t> matches =
      set->AsSet()->Matching(static_cast<size_t>(n.field), n.name, *key);
  *count = static_cast<int64_t>(matches.size());
  // Never null: null means "every element" to the compiled loop.
  static const uint32_t kNone = 0;
  return matches.empty() ? &kNone : matches.data();
}

static int32_t cj_is_none(const Value* v) {
  return v->IsNone() ? 1 : 0;
}

// `==` of values without a native comparison, as Evaluator::Equal.
static int32_t cj_eq_value(Context* ctx, int32_t node, const Value* a, const Value* b) {
  const ir::Node& n = NodeAt(ctx, node);
  bool equal;
  const values::Member* x = a->AsMember();
  const values::Member* y = x ? b->AsMember() : nullptr;
  if (x && y) {
    // The same person: the same name and polity (values::Compare), and the
    // same object whenever the host reuses its member values.
    equal = x == y || (x->name == y->name && x->polity == y->polity);
  } else if (a->IsNone() || b->IsNone()) {
    equal = a->IsNone() && b->IsNone();
  } else if (a->kind() == b->kind() && (a->Is(ValueKind::kMoney) || a->Is(ValueKind::kDuration))) {
    // Currencies must agree, durations follow the calendar: the interpreter's rules.
    const Value* operands[] = {a, b};
    const Value* r = cj_apply(ctx, node, operands, 2);
    return r ? (*r->AsBool() ? 1 : 0) : -1;
  } else if (const std::string* text = a->AsText(); text && b->AsText()) {
    // Texts order bytewise (values::Compare), so `==` is the strings'
    // equality: a trigger's `c.fund == "kitty_0001"` without ordering them
    // through the Value variant (141 instructions a comparison before).
    equal = *text == *b->AsText();
  } else {
    equal = *a == *b;
  }
  return (n.cmp == values::CompareOp::kNe ? !equal : equal) ? 1 : 0;
}

// --- aggregate errors: the interpreter's Accumulate and EmptyAggregate ---------------

static void cj_fail_sum(Context* ctx, int32_t node, const Value* total, const Value* v) {
  const ir::Node& n = NodeAt(ctx, node);
  const values::Money* x = total->AsMoney();
  const values::Money* y = v->AsMoney();
  if (x && y && x->currency != y->currency) {
    interp::RuntimeError e =
        interp::MakeRuntimeError(diag::Code::R023, n.range, std::string(x->currency.code()),
                                 std::string(y->currency.code()));
    e.WithNote(fmt::format("{} meets {} in `+`; Concord never converts between currencies",
                           total->ToString(), v->ToString()));
    ctx->Fail(std::move(e));
    return;
  }
  std::string what = x ? fmt::format("`{} + {}`", total->ToString(), v->ToString())
                       : fmt::format("the sum `{} + {}`", total->ToString(), v->ToString());
  ctx->Fail(interp::OverflowError(n, what));
}

// min/max of a set meeting two currencies (`value` against the best so far).
static void cj_fail_order(Context* ctx, int32_t node, const Value* value, const Value* best) {
  const ir::Node& n = NodeAt(ctx, node);
  interp::RuntimeError e = interp::MakeRuntimeError(diag::Code::R023, n.range,
                                                    std::string(value->AsMoney()->currency.code()),
                                                    std::string(best->AsMoney()->currency.code()));
  e.WithNote(fmt::format("{} meets {} in `{}`; Concord never converts between currencies",
                         value->ToString(), best->ToString(), ir::OpSpelling(n.op)));
  ctx->Fail(std::move(e));
}

static void cj_fail_empty(Context* ctx, int32_t node) {
  const ir::Node& n = NodeAt(ctx, node);
  if (n.op == ir::Op::kSumMoney) {
    interp::RuntimeError e = interp::MakeRuntimeError(diag::Code::R024, n.range, "sum");
    e.WithNote(
        "a sum of money is in the currency of its amounts, and this set has none; compare it "
        "with an amount in a known currency (`sum(...) <= 50 EUR`) to give the empty sum one");
    ctx->Fail(std::move(e));
    return;
  }
  ctx->Fail(interp::MakeRuntimeError(diag::Code::R024, n.range, ir::OpSpelling(n.op)));
}

}  // extern "C"
// NOLINTEND(readability-identifier-naming)

values::ValueKind ScalarKind(const ir::Type* type) {
  switch (type ? type->kind() : ir::TypeKind::kNone) {
    case ir::TypeKind::kBool:
      return ValueKind::kBool;
    case ir::TypeKind::kDecimal:
      return ValueKind::kDecimal;
    case ir::TypeKind::kPercent:
      return ValueKind::kPercent;
    case ir::TypeKind::kDate:
      return ValueKind::kDate;
    default:
      return ValueKind::kInt;
  }
}

const std::vector<HelperSymbol>& HelperSymbols() {
#define CONCORD_JIT_HELPER(name)            \
  HelperSymbol {                            \
#name, reinterpret_cast < void*>(&name) \
  }
  static const std::vector<HelperSymbol> symbols = {
      CONCORD_JIT_HELPER(cj_box_i64),        CONCORD_JIT_HELPER(cj_box_money),
      CONCORD_JIT_HELPER(cj_box_duration),   CONCORD_JIT_HELPER(cj_unbox_i64),
      CONCORD_JIT_HELPER(cj_unbox_money),    CONCORD_JIT_HELPER(cj_unbox_duration),
      CONCORD_JIT_HELPER(cj_store_result),   CONCORD_JIT_HELPER(cj_apply),
      CONCORD_JIT_HELPER(cj_store_i64),      CONCORD_JIT_HELPER(cj_store_money),
      CONCORD_JIT_HELPER(cj_fail),           CONCORD_JIT_HELPER(cj_mul_div_decimal),
      CONCORD_JIT_HELPER(cj_money_scale),    CONCORD_JIT_HELPER(cj_money_ratio),
      CONCORD_JIT_HELPER(cj_date_shift),     CONCORD_JIT_HELPER(cj_duration_arith),
      CONCORD_JIT_HELPER(cj_duration_order), CONCORD_JIT_HELPER(cj_entity),
      CONCORD_JIT_HELPER(cj_metric),         CONCORD_JIT_HELPER(cj_query),
      CONCORD_JIT_HELPER(cj_field),          CONCORD_JIT_HELPER(cj_make_set),
      CONCORD_JIT_HELPER(cj_set_size),       CONCORD_JIT_HELPER(cj_set_data),
      CONCORD_JIT_HELPER(cj_set_covers),     CONCORD_JIT_HELPER(cj_set_matching),
      CONCORD_JIT_HELPER(cj_is_none),        CONCORD_JIT_HELPER(cj_eq_value),
      CONCORD_JIT_HELPER(cj_fail_sum),       CONCORD_JIT_HELPER(cj_fail_order),
      CONCORD_JIT_HELPER(cj_fail_empty),     CONCORD_JIT_HELPER(cj_too_deep),
      CONCORD_JIT_HELPER(cj_note_level),     CONCORD_JIT_HELPER(cj_today),
      CONCORD_JIT_HELPER(cj_within),
  };
#undef CONCORD_JIT_HELPER
  return symbols;
}

}  // namespace concord::jit
