#include "compiler/compat/contribution.h"

#include <fmt/format.h>
#include <z3++.h>

#include <chrono>
#include <numeric>

#include "compiler/compat/income_formula.h"
#include "compiler/compat/witness_text.h"
#include "runtime/interp/interp.h"

namespace concord::compat {
namespace {

using values::Decimal;

// Money holds six fractional digits in an int64: incomes beyond this many
// cents could not be written down, so the search stops there.
constexpr int64_t kMaxIncomeCents = 900'000'000'000'000;  // 9e12 in money
constexpr int64_t kRawPerCent = Decimal::kScale / 100;

Ratio Reduced(int64_t p, int64_t q) {
  int64_t g = std::gcd(p, q);
  if (g == 0) return {p, q};
  return {p / g, q / g};
}

bool PureDays(const values::Duration& d) {
  return d.months == 0 && d.lunar_months == 0;
}
bool PureMonths(const values::Duration& d) {
  return d.days == 0 && d.lunar_months == 0;
}
bool PureLunar(const values::Duration& d) {
  return d.days == 0 && d.months == 0;
}

Decimal FromCents(int64_t cents) {
  return Decimal::FromRaw(cents * kRawPerCent);
}

std::optional<values::Money> MoneyOf(Decimal amount, const std::string& currency) {
  std::optional<values::Currency> c = values::Currency::Parse(currency.empty() ? "XXX" : currency);
  if (!c) return std::nullopt;
  return values::Money{amount, *c};
}

std::optional<Decimal> EvaluateAt(const ir::Root& root, Decimal income,
                                  const std::string& currency) {
  std::optional<values::Money> m = MoneyOf(income, currency);
  if (!m) return std::nullopt;
  values::Value input = values::Value::MakeMoney(*m);
  interp::Outcome out = interp::Evaluate(root, std::span(&input, 1), interp::EvalOptions{});
  if (!out.ok()) return std::nullopt;
  if (const values::Money* money = out.value.AsMoney()) return money->amount;
  if (const Decimal* d = out.value.AsDecimal()) return *d;
  return std::nullopt;
}

// Σ owed > accepted at `income`, by the interpreter; fills the witness amounts.
bool ConflictsAt(const std::vector<Payment>& payments, const std::vector<Ratio>& ratios,
                 const Limit& limit, Decimal income, const std::string& currency, Witness* out) {
  std::optional<Decimal> accepted = AcceptedAt(limit, income, currency);
  if (!accepted) return false;
  Decimal total;
  std::vector<Decimal> owed;
  for (size_t i = 0; i < payments.size(); ++i) {
    std::optional<Decimal> o = OwedAt(payments[i], ratios[i], income, currency);
    if (!o) return false;
    values::Checked<Decimal> sum = values::Add(total, *o);
    if (!sum.ok()) return false;
    total = *sum.value;
    owed.push_back(*o);
  }
  if (!(total > *accepted)) return false;
  if (out) {
    out->income = income;
    out->owed = std::move(owed);
    out->owed_total = total;
    out->accepted = *accepted;
    out->verified = true;
  }
  return true;
}

// `4`, `4.43`: how many periods fit, to two decimals.
std::string FormatRatio(Decimal d) {
  std::string text = d.ToFixed(2);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

int DigitsOf(int64_t n) {
  int d = 0;
  for (; n > 0; n /= 10) ++d;
  return d;
}

int64_t Pow10(int e) {
  int64_t r = 1;
  for (int i = 0; i < e; ++i) r *= 10;
  return r;
}

// The smallest round income >= `smallest_cents` that still conflicts: two
// significant digits of its whole part, then three, ... down to cents.
Witness RoundWitness(const std::vector<Payment>& payments, const std::vector<Ratio>& ratios,
                     const Limit& limit, int64_t smallest_cents, const std::string& currency) {
  int digits = DigitsOf(smallest_cents / 100);
  for (int significant = 2; digits - significant >= -2; ++significant) {
    int64_t step = Pow10(digits - significant + 2);  // in cents
    int64_t candidate = (smallest_cents + step - 1) / step * step;
    Witness w;
    if (ConflictsAt(payments, ratios, limit, FromCents(candidate), currency, &w)) {
      w.smallest = FromCents(smallest_cents);
      return w;
    }
  }
  Witness w;
  if (ConflictsAt(payments, ratios, limit, FromCents(smallest_cents), currency, &w)) {
    w.smallest = FromCents(smallest_cents);
    return w;
  }
  // The solver reasons exactly; the runtime rounds products to six digits,
  // which can hide a conflict at small incomes (1.0001% against 1% of 0.01
  // EUR). A witness the runtime confirms is worth more than the smallest
  // one: try every power of ten above, up to the largest income.
  for (int64_t candidate = Pow10(DigitsOf(smallest_cents)); candidate <= kMaxIncomeCents;
       candidate *= 10) {
    Witness up;
    if (ConflictsAt(payments, ratios, limit, FromCents(candidate), currency, &up)) {
      up.smallest = FromCents(smallest_cents);
      up.searched_up = true;
      return up;
    }
  }
  // Nothing confirms it: the witness stays the solver's, marked as such.
  w.income = FromCents(smallest_cents);
  w.verified = false;
  w.smallest = FromCents(smallest_cents);
  return w;
}

// `29.93`, `31`: a length in days as written in a sentence.
std::string DaysText(int64_t centidays) {
  std::string text = Decimal::FromRaw(centidays * (Decimal::kScale / 100)).ToFixed(2);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

// "a 31-day month", "2 months of 62 days"; "" when `per` has one length.
std::string PeriodOfLength(const values::Duration& per, bool longest) {
  values::LengthInterval l = values::PossibleLength(per);
  if (l.min_centidays == l.max_centidays) return {};
  std::string days = DaysText(longest ? l.max_centidays : l.min_centidays);
  std::string text = per.ToString();
  if (text.rfind("1 ", 0) == 0) return fmt::format("a {}-day {}", days, text.substr(2));
  return fmt::format("{} of {} days", text, days);
}

struct Search {
  z3::check_result result = z3::unknown;
  int64_t smallest_cents = 0;
  bool smallest_proved = true;
  int calls = 1;
};

z3::expr Total(z3::context& ctx, const std::vector<z3::expr>& owed,
               const std::vector<Ratio>& ratios) {
  z3::expr total = ctx.real_val(0);
  for (size_t i = 0; i < owed.size(); ++i) {
    std::string r = fmt::format("{}/{}", ratios[i].p, ratios[i].q);
    total = total + owed[i] * ctx.real_val(r.c_str());
  }
  return total;
}

// A fresh solver for one query: `simplify` then the SMT core, without the
// general-purpose solver's start-up cost (which dominates small queries).
z3::solver MakeSolver(z3::context& ctx, const SolverOptions& options, unsigned timeout_ms) {
  z3::solver solver = (z3::tactic(ctx, "simplify") & z3::tactic(ctx, "smt")).mk_solver();
  z3::params params(ctx);
  params.set("timeout", timeout_ms);
  if (options.steps > 0) params.set("rlimit", options.steps);
  solver.set(params);
  return solver;
}

// Is there a conflicting income (in cents)? Then the smallest one, found by
// bisection over [0, first model]: each step asks for a conflict at or below
// the middle and moves the upper bound to the model's income, so the answer
// is exact (the solver proves there is none below it). A step that gives up
// leaves the result a witness, marked as not shown to be the smallest. The
// steps share one time limit (--timeout, like the first query): about 45
// steps of up to the limit each would let one check run for minutes.
Search Solve(z3::context& ctx, const z3::expr& cents, const std::vector<z3::expr>& owed,
             const std::vector<Ratio>& ratios, const z3::expr& accepted,
             const SolverOptions& options) {
  z3::expr conflict =
      cents >= 0 && cents <= ctx.int_val(kMaxIncomeCents) && Total(ctx, owed, ratios) > accepted;
  Search s;
  s.calls = 1;
  z3::solver first = MakeSolver(ctx, options, options.timeout_ms);
  first.add(conflict);
  s.result = first.check();
  if (s.result != z3::sat) return s;
  int64_t hi = 0;
  if (!first.get_model().eval(cents, true).is_numeral_i64(hi)) return s;
  int64_t lo = 0;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options.timeout_ms);
  while (lo < hi) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) {
      s.smallest_proved = false;
      break;
    }
    int64_t mid = lo + (hi - lo) / 2;
    z3::solver step = MakeSolver(ctx, options, static_cast<unsigned>(left));
    step.add(conflict);
    step.add(cents <= ctx.int_val(mid));
    step.add(cents >= ctx.int_val(lo));
    ++s.calls;
    z3::check_result r = step.check();
    if (r == z3::unknown) {
      s.smallest_proved = false;
      break;
    }
    if (r == z3::unsat) {
      lo = mid + 1;
      continue;
    }
    int64_t n = 0;
    if (!step.get_model().eval(cents, true).is_numeral_i64(n) || n >= hi) {
      s.smallest_proved = false;
      break;
    }
    hi = n;
  }
  s.smallest_cents = hi;
  return s;
}

}  // namespace

std::string CalendarCase(const values::Duration& limit_per, const values::Duration& payment_per,
                         bool longest) {
  if (RatioOf(limit_per, payment_per).exact()) return {};
  // The most payment periods in a limit period: the limit's longest, the
  // payment's shortest; the fewest: the other way round.
  std::string limit = PeriodOfLength(limit_per, longest);
  std::string payment = PeriodOfLength(payment_per, !longest);
  if (limit.empty()) return payment;
  if (payment.empty() || payment == limit) return limit;
  return limit + " and " + payment;
}

PeriodRatio RatioOf(const values::Duration& limit_per, const values::Duration& payment_per) {
  auto exact = [](int64_t p, int64_t q) {
    Ratio r = Reduced(p, q);
    return PeriodRatio{r, r};
  };
  if (PureDays(limit_per) && PureDays(payment_per) && payment_per.days > 0) {
    return exact(limit_per.days, payment_per.days);
  }
  if (PureMonths(limit_per) && PureMonths(payment_per) && payment_per.months > 0) {
    return exact(limit_per.months, payment_per.months);
  }
  if (PureLunar(limit_per) && PureLunar(payment_per) && payment_per.lunar_months > 0) {
    return exact(limit_per.lunar_months, payment_per.lunar_months);
  }
  values::LengthInterval l = values::PossibleLength(limit_per);
  values::LengthInterval p = values::PossibleLength(payment_per);
  if (p.min_centidays <= 0) return exact(1, 1);
  return PeriodRatio{Reduced(l.min_centidays, p.max_centidays),
                     Reduced(l.max_centidays, p.min_centidays)};
}

std::optional<Decimal> OwedAt(const Payment& payment, Ratio ratio, Decimal income,
                              const std::string& currency) {
  if (!payment.formula) return std::nullopt;
  std::optional<Decimal> owed = EvaluateAt(*payment.formula, income, currency);
  if (!owed) return std::nullopt;
  if (payment.floor && *owed < payment.floor->amount) owed = payment.floor->amount;
  if (payment.cap && payment.cap->amount < *owed) owed = payment.cap->amount;
  std::optional<Decimal> p = Decimal::FromInt(ratio.p);
  std::optional<Decimal> q = Decimal::FromInt(ratio.q);
  if (!p || !q) return std::nullopt;
  values::Checked<Decimal> scaled = values::Mul(*owed, *p);
  if (!scaled.ok()) return std::nullopt;
  scaled = values::Div(*scaled.value, *q);
  if (!scaled.ok()) return std::nullopt;
  return *scaled.value;
}

std::optional<Decimal> AcceptedAt(const Limit& limit, Decimal income, const std::string& currency) {
  if (!limit.formula) return std::nullopt;
  return EvaluateAt(*limit.formula, income, currency);
}

struct ContributionChecker::Context {
  z3::context ctx;
};

ContributionChecker::ContributionChecker() : context_(std::make_unique<Context>()) {}
ContributionChecker::~ContributionChecker() = default;

ContributionResult CheckContribution(const std::vector<Payment>& payments, const Limit& limit,
                                     const SolverOptions& options) {
  ContributionChecker checker;
  return checker.Check(payments, limit, options);
}

ContributionResult ContributionChecker::Check(const std::vector<Payment>& payments,
                                              const Limit& limit, const SolverOptions& options) {
  ContributionResult result;
  if (payments.empty()) return result;
  if (!limit.formula) {
    result.verdict = Verdict::kUnsupported;
    result.explanation = "the accepted limit cannot be evaluated";
    return result;
  }

  z3::context& ctx = context_->ctx;
  z3::expr cents = ctx.int_const("income_cents");
  z3::expr income = z3::to_real(cents) / ctx.real_val(100);
  IncomeEncoder encoder(ctx, income);

  EncodeResult accepted = encoder.Encode(*limit.formula);
  if (!accepted.term) {
    result.verdict = Verdict::kUnsupported;
    result.explanation = fmt::format("the accepted limit {}", accepted.unsupported);
    return result;
  }
  std::vector<z3::expr> owed;
  std::vector<Ratio> lo, hi;
  bool all_exact = true;
  for (const Payment& p : payments) {
    EncodeResult f = p.formula ? encoder.Encode(*p.formula) : EncodeResult{};
    if (!f.term) {
      result.verdict = Verdict::kUnsupported;
      result.explanation = fmt::format("the contribution of `fund {}` {}", p.fund,
                                       f.unsupported.empty() ? "has no formula" : f.unsupported);
      return result;
    }
    z3::expr term = *f.term;
    if (p.floor) {
      z3::expr fl = IncomeEncoder::Rational(ctx, p.floor->amount.raw());
      term = z3::ite(term < fl, fl, term);
    }
    if (p.cap) {
      z3::expr cap = IncomeEncoder::Rational(ctx, p.cap->amount.raw());
      term = z3::ite(cap < term, cap, term);
    }
    owed.push_back(term);
    PeriodRatio r = RatioOf(limit.per, p.per);
    all_exact &= r.exact();
    lo.push_back(r.lo);
    hi.push_back(r.hi);
  }

  std::vector<std::string> currencies = encoder.currencies();
  for (const Payment& p : payments) {
    for (const auto& m : {p.cap, p.floor}) {
      if (!m) continue;
      std::string code(m->currency.code());
      if (std::find(currencies.begin(), currencies.end(), code) == currencies.end()) {
        currencies.push_back(code);
      }
    }
  }
  if (currencies.size() > 1) {
    result.verdict = Verdict::kUnsupported;
    result.explanation = fmt::format("the amounts are in {} and {}, which cannot be compared",
                                     currencies[0], currencies[1]);
    return result;
  }
  result.currency = currencies.empty() ? "" : currencies[0];

  // Decided without the solver: every fund is capped and the limit is a
  // constant at least the sum of the caps (for the longest periods).
  z3::expr limit_value = accepted.term->simplify();
  if (limit_value.is_numeral()) {
    bool all_capped = true;
    z3::expr caps = ctx.real_val(0);
    for (size_t i = 0; i < payments.size() && all_capped; ++i) {
      if (!payments[i].cap) {
        all_capped = false;
        break;
      }
      std::string r = fmt::format("{}/{}", hi[i].p, hi[i].q);
      caps = caps +
             IncomeEncoder::Rational(ctx, payments[i].cap->amount.raw()) * ctx.real_val(r.c_str());
    }
    if (all_capped && (caps <= limit_value).simplify().is_true()) return result;
  }

  // Worst case first: the most instalments a limit period can hold.
  Search worst = Solve(ctx, cents, owed, hi, *accepted.term, options);
  result.solver_calls += worst.calls;
  if (worst.result == z3::unsat) return result;
  if (worst.result == z3::unknown) {
    result.verdict = Verdict::kTimeout;
    return result;
  }
  if (all_exact) {
    result.verdict = Verdict::kConflict;
    result.witness = RoundWitness(payments, hi, limit, worst.smallest_cents, result.currency);
    result.witness->smallest_proved = worst.smallest_proved;
    return result;
  }
  Search best = Solve(ctx, cents, owed, lo, *accepted.term, options);
  result.solver_calls += best.calls;
  if (best.result == z3::unknown) {
    result.verdict = Verdict::kTimeout;
    return result;
  }
  // The interval rule: a conflict in some calendar is a conflict from the
  // smallest income that conflicts in the longest one, which is the one
  // reported, with the calendar it needs.
  const Payment* variable = nullptr;
  for (size_t i = 0; i < payments.size() && !variable; ++i) {
    if (!RatioOf(limit.per, payments[i].per).exact()) variable = &payments[i];
  }
  result.witness = RoundWitness(payments, hi, limit, worst.smallest_cents, result.currency);
  result.witness->smallest_proved = worst.smallest_proved;
  if (variable) result.witness->calendar = CalendarCase(limit.per, variable->per, true);
  if (best.result == z3::sat) {
    result.verdict = Verdict::kConflict;
    result.witness->smallest_proved &= best.smallest_proved;
    result.witness->every_calendar = FromCents(best.smallest_cents);
    if (variable) result.witness->calendar_shortest = CalendarCase(limit.per, variable->per, false);
    return result;
  }
  result.verdict = Verdict::kUndecided;
  for (size_t i = 0; i < payments.size(); ++i) {
    if (lo[i].p * hi[i].q == hi[i].p * lo[i].q) continue;
    auto ratio = [](Ratio r) {
      values::Checked<Decimal> d = values::Div(*Decimal::FromInt(r.p), *Decimal::FromInt(r.q));
      return d.ok() ? FormatRatio(*d.value) : fmt::format("{}/{}", r.p, r.q);
    };
    result.explanation = fmt::format(
        "`fund {}` is paid {} and the limit is {}; a period of the limit holds {} to {} "
        "periods of the fund, depending on the calendar, and the limit is exceeded only when "
        "it holds the most",
        payments[i].fund, PerText(payments[i].per), PerText(limit.per), ratio(lo[i]), ratio(hi[i]));
    break;
  }
  return result;
}

}  // namespace concord::compat
