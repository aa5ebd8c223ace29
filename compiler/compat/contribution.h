// Whether what a member owes under some funds can exceed what a charter
// accepts, for some income >= 0: a question for Z3 over exact rationals, and
// a witness in the user's terms when the answer is yes.
//
// What a member owes under one fund is its formula bounded by the fund's
// floor and cap, `min(max(formula, floor), cap)`, per the fund's period. To
// compare it with a limit per another period it is scaled by the ratio of
// the two periods: exact when both are counted in the same unit (days and
// weeks, months and years, lunar months: `per week` to `per 2 weeks` is x2,
// `per month` to `per year` is x12); otherwise the ratio lies between the
// shortest and the longest possible lengths (the interval rule, `per week` to
// `per month` is 4-31/7 weeks) and a conflict must hold for every calendar.
//
// Incomes are searched on the cent grid: one query finds a conflicting income,
// then a bisection of queries brings it down to the smallest whole number of
// cents that conflicts, so "the smallest income that conflicts" is exact. The witness
// shown is the smallest *round* income that still conflicts (two significant
// digits, then three, ...), checked again by evaluating every formula at it
// with the runtime's interpreter.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/source_range.h"
#include "compiler/ir/ir.h"
#include "runtime/values/decimal.h"
#include "runtime/values/duration.h"
#include "runtime/values/money.h"

namespace concord::compat {

// One amount a member pays: a fund of a treaty.
struct Payment {
  std::string treaty;
  std::string fund;
  const ir::Root* formula = nullptr;  // of `income` (input 0)
  std::optional<values::Money> cap;
  std::optional<values::Money> floor;
  values::Duration per;
  diag::SourceRange range;  // the `contribution ...` clause
};

// What a charter accepts: `accept [total] contribution at most FORMULA per P`.
struct Limit {
  const ir::Root* formula = nullptr;  // of `income` (input 0)
  values::Duration per;
};

// A ratio of two period lengths, p/q.
struct Ratio {
  int64_t p = 1;
  int64_t q = 1;
};

// How many of the payment's periods one limit period holds: the exact ratio
// (lo == hi) or the interval the calendar allows.
struct PeriodRatio {
  Ratio lo, hi;
  bool exact() const { return lo.p == hi.p && lo.q == hi.q; }
};
PeriodRatio RatioOf(const values::Duration& limit_per, const values::Duration& payment_per);

struct Witness {
  values::Decimal income;             // the round income shown
  values::Decimal smallest;           // the smallest conflicting income, in cents
  std::vector<values::Decimal> owed;  // per payment, per limit period, at `income`
  values::Decimal owed_total;
  values::Decimal accepted;  // the limit at `income`
  bool verified = false;     // the interpreter agrees that `income` conflicts
  // The solver showed that no smaller income (in cents) conflicts; false when
  // a query ran out of time on the way down.
  bool smallest_proved = true;
  // When the periods have no fixed ratio: the calendar the witness and
  // `smallest` hold for ("a 31-day month", the most instalments a limit
  // period can hold) and, when the conflict holds for every calendar, the
  // smallest income that conflicts whatever the lengths (`every_calendar`,
  // in "a 28-day month", `calendar_shortest`).
  std::string calendar;
  std::optional<values::Decimal> every_calendar;
  std::string calendar_shortest;
  // `income` is not a round income near `smallest`, where the interpreter,
  // which rounds to six digits, could not confirm the conflict, but the
  // first power of ten at which it does.
  bool searched_up = false;
};

// "a 31-day month", "a 28-day month and a 366-day year": the lengths of the
// limit's period and the payment's at which the ratio of the two is the
// largest (`longest`) or the smallest; "" when both have a fixed length.
std::string CalendarCase(const values::Duration& limit_per, const values::Duration& payment_per,
                         bool longest);

enum class Verdict {
  kCompatible,  // no income >= 0 conflicts
  kConflict,    // `witness` conflicts, whatever the calendar
  kUndecided,   // conflicts only for some lengths of the periods (`explanation`)
  kTimeout,     // the solver gave up within the time limit
  kUnsupported  // a formula the solver cannot read, or two currencies (`explanation`)
};

struct ContributionResult {
  Verdict verdict = Verdict::kCompatible;
  std::optional<Witness> witness;
  std::string explanation;
  std::string currency;  // of the amounts; "" when no formula names one
  int solver_calls = 0;
};

struct SolverOptions {
  unsigned timeout_ms = 2000;
  // Z3's deterministic resource limit per query (`rlimit`), 0 for none: the
  // same input then gives the same answer on any machine and under any load,
  // which a time limit cannot promise.
  unsigned steps = 0;
};

// Keeps one Z3 context for every check of a run: creating a context costs
// milliseconds, more than most checks.
class ContributionChecker {
 public:
  ContributionChecker();
  ~ContributionChecker();
  ContributionChecker(const ContributionChecker&) = delete;
  ContributionChecker& operator=(const ContributionChecker&) = delete;

  ContributionResult Check(const std::vector<Payment>& payments, const Limit& limit,
                           const SolverOptions& options);

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

// One check with a context of its own.
ContributionResult CheckContribution(const std::vector<Payment>& payments, const Limit& limit,
                                     const SolverOptions& options);

// What the interpreter says one payment costs at `income`, bounded by its
// floor and cap and scaled to the limit's period by `ratio`; nothing when it
// cannot evaluate it.
std::optional<values::Decimal> OwedAt(const Payment& payment, Ratio ratio, values::Decimal income,
                                      const std::string& currency);
// The limit at `income`, by the interpreter.
std::optional<values::Decimal> AcceptedAt(const Limit& limit, values::Decimal income,
                                          const std::string& currency);

}  // namespace concord::compat
