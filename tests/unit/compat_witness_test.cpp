// The compatibility checker's witnesses, checked against the runtime: the
// threshold the solver finds is where the two formulas, evaluated by the
// interpreter, stop agreeing that the treaty is within the limit.
#include <catch2/catch.hpp>

#include "compiler/compat/compat.h"
#include "compiler/compat/witness_text.h"
#include "compiler/lower/lower.h"
#include "compiler/pipeline/pipeline.h"
#include "runtime/interp/interp.h"

namespace concord::compat {
namespace {

using values::Decimal;

constexpr const char* kCharters = R"(
charter kitchen "Community Kitchen" {
  adopted 2026-11-01
  membership { entry open exit anytime notice 0 days }
  revision { every month quota 1 }
  jury { size 5 draw lottery from members excluding parties ruling expires after 6 months unless reaffirmed }
  treaties {
    accept contribution at most min(5% of income, 50 EUR) per month
    accept total contribution at most min(8% of income, 60 EUR) per month
  }
}
charter workshop "Tool Workshop" {
  adopted 2026-11-01
  membership { entry open exit anytime notice 0 days }
  revision { every month quota 1 }
  jury { size 5 draw lottery from members excluding parties ruling expires after 6 months unless reaffirmed }
}
)";

std::string Treaty(const std::string& name, const std::string& effective,
                   const std::string& contribution) {
  return "treaty " + name + " {\n  parties kitchen, workshop\n  effective " + effective +
         "\n  term 6 months renew explicitly by all\n  exit any party notice 14 days\n"
         "  fund f_" +
         name + " { contribution " + contribution +
         " steward rotates every month among parties }\n}\n";
}

std::unique_ptr<pipeline::Compilation> CompileText(const std::string& text) {
  pipeline::CompileOptions options;
  options.concords = false;
  options.load.overlays = {{"compat_test.concord", text}};
  auto c = pipeline::Compile({"compat_test.concord"}, options);
  REQUIRE_FALSE(c->diags.has_errors());
  REQUIRE(c->model);
  return c;
}

Decimal D(const char* text) {
  return *Decimal::Parse(text);
}

// Evaluates a formula of `income` with the interpreter, independently of the
// checker: its own lowering, its own call.
struct Evaluator {
  explicit Evaluator(const sema::CheckedProgram& program) : lowerer(program, module) {}
  Decimal At(const ast::Expr* formula, Decimal income) {
    auto root =
        lowerer.LowerRoot("formula", *formula, {lower::Binding::Implicit(sema::Implicit::kIncome)});
    REQUIRE(root.ok());
    values::Value input =
        values::Value::MakeMoney(values::Money{income, *values::Currency::Parse("EUR")});
    interp::Outcome out = interp::Evaluate(*root.value, std::span(&input, 1), {});
    REQUIRE(out.ok());
    REQUIRE(out.value.AsMoney());
    return out.value.AsMoney()->amount;
  }
  ir::Module module;
  lower::Lowerer lowerer;
};

// What a member owes under the fund: its formula bounded by its cap.
Decimal Owed(Evaluator& eval, const model::Fund& fund, Decimal income) {
  Decimal owed = eval.At(fund.contribution, income);
  if (fund.cap.value && fund.cap.value->amount < owed) owed = fund.cap.value->amount;
  return owed;
}

TEST_CASE("compat: the witness sits at the income threshold", "[compat]") {
  auto c = CompileText(std::string(kCharters) +
                       Treaty("generous", "2027-01-01", "2% of income cap 150 EUR per month"));
  const model::Charter& kitchen = *c->model->FindCharter("kitchen");
  const model::Treaty& treaty = *c->model->FindTreaty("generous");
  Checker checker(*c->checked, *c->model, c->program->sources, {});
  std::vector<Payment> payments = checker.PaymentsOf(treaty);
  std::optional<Limit> limit = checker.LimitOf(kitchen, false);
  REQUIRE(limit);
  ContributionResult r = CheckContribution(payments, *limit, {});
  REQUIRE(r.verdict == Verdict::kConflict);
  REQUIRE(r.witness);
  // One query finds a conflict, the bisection after it proves the smallest.
  CHECK(r.solver_calls > 1);
  CHECK(r.currency == "EUR");
  // 2% of income passes 50 EUR above 2,500 EUR: 2,500.01 is the first cent.
  CHECK(r.witness->smallest == D("2500.01"));
  CHECK(r.witness->income == D("2600"));
  CHECK(r.witness->verified);
  CHECK(r.witness->owed_total == D("52"));
  CHECK(r.witness->accepted == D("50"));

  // Both formulas, evaluated by the runtime's interpreter at the witness and
  // on either side of the threshold.
  Evaluator eval(*c->checked);
  const model::Fund& fund = treaty.funds.at(0);
  const ast::Expr* accepted = kitchen.treaty_limits.contribution->amount;
  CHECK(Owed(eval, fund, D("2500")) == D("50"));
  CHECK(eval.At(accepted, D("2500")) == D("50"));  // equal: not above, no conflict
  CHECK(Owed(eval, fund, D("2500.01")) > eval.At(accepted, D("2500.01")));
  CHECK(Owed(eval, fund, D("2600")) == D("52"));
  CHECK(eval.At(accepted, D("2600")) == D("50"));
  // No cent below the threshold conflicts (the solver minimised over all).
  for (const char* income : {"0", "100", "1000", "2499.99", "2500"}) {
    CHECK_FALSE(Owed(eval, fund, D(income)) > eval.At(accepted, D(income)));
  }
}

TEST_CASE("compat: a cap under the limit is compatible for every income", "[compat]") {
  auto c = CompileText(std::string(kCharters) +
                       Treaty("modest", "2027-01-01", "2% of income cap 40 EUR per month"));
  Checker checker(*c->checked, *c->model, c->program->sources, {});
  TreatyVerdict v = checker.Check(*c->model->FindTreaty("modest"), std::nullopt);
  CHECK(v.compatible());
  CHECK(checker.stats().solver_calls == 2);  // one query per limit of the kitchen: no conflict
}

TEST_CASE("compat: one more treaty tips the total over the limit", "[compat]") {
  auto c = CompileText(std::string(kCharters) +
                       Treaty("bakery", "2027-01-01", "3% of income cap 30 EUR per month") +
                       Treaty("garden", "2027-02-01", "2% of income cap 20 EUR per month") +
                       Treaty("winter", "2027-03-01", "2% of income cap 40 EUR per month") +
                       Treaty("later", "2028-01-01", "2% of income cap 40 EUR per month"));
  Checker checker(*c->checked, *c->model, c->program->sources, {});

  TreatyVerdict winter = checker.Check(*c->model->FindTreaty("winter"), std::string("kitchen"));
  REQUIRE(winter.parties.size() == 1);
  const PartyVerdict& kitchen = winter.parties[0];
  CHECK(kitchen.active.size() == 2);
  REQUIRE(kitchen.conflicts.size() == 1);
  CHECK(kitchen.conflicts[0].code == diag::Code::K005);
  CHECK_THAT(kitchen.conflicts[0].message,
             Catch::Contains("a member with income 860 EUR would owe 60.20 EUR per month"));

  // The same fund once the others have ended: nothing active, nothing to add.
  TreatyVerdict later = checker.Check(*c->model->FindTreaty("later"), std::string("kitchen"));
  CHECK(later.parties.at(0).active.empty());
  CHECK(later.compatible());

  // The total at the witness, by the interpreter: 7% of 860 EUR is 60.20 EUR.
  Evaluator eval(*c->checked);
  Decimal total;
  for (const char* name : {"bakery", "garden", "winter"}) {
    total =
        *values::Add(total, Owed(eval, c->model->FindTreaty(name)->funds.at(0), D("860"))).value;
  }
  const ast::Expr* accepted =
      c->model->FindCharter("kitchen")->treaty_limits.total_contribution->amount;
  CHECK(total == D("60.2"));
  CHECK(total > eval.At(accepted, D("860")));
}

TEST_CASE("compat: period ratios follow the calendar", "[compat]") {
  auto month = values::Duration::Of(1, values::DurationUnit::kMonth);
  auto year = values::Duration::Of(1, values::DurationUnit::kYear);
  auto week = values::Duration::Of(1, values::DurationUnit::kWeek);
  PeriodRatio exact = RatioOf(year, month);
  CHECK(exact.exact());
  CHECK(exact.hi.p == 12);
  CHECK(exact.hi.q == 1);
  PeriodRatio weeks = RatioOf(month, week);
  CHECK_FALSE(weeks.exact());
  CHECK(weeks.lo.p == 4);  // 28 days / 7
  CHECK(weeks.lo.q == 1);
  CHECK(weeks.hi.p == 31);  // 31 days / 7
  CHECK(weeks.hi.q == 7);
}

TEST_CASE("compat: the calendar a witness needs is named by its lengths", "[compat]") {
  auto month = values::Duration::Of(1, values::DurationUnit::kMonth);
  auto year = values::Duration::Of(1, values::DurationUnit::kYear);
  auto week = values::Duration::Of(1, values::DurationUnit::kWeek);
  auto days = values::Duration::Of(90, values::DurationUnit::kDay);
  // The most weeks in a month: 31 days; the fewest: 28.
  CHECK(CalendarCase(month, week, true) == "a 31-day month");
  CHECK(CalendarCase(month, week, false) == "a 28-day month");
  CHECK(CalendarCase(year, week, true) == "a 366-day year");
  // A fund paid monthly against a limit per 90 days: the shortest month
  // fits the most times.
  CHECK(CalendarCase(days, month, true) == "a 28-day month");
  // Months and years have a fixed ratio: no calendar to name.
  CHECK(CalendarCase(year, month, true).empty());
}

TEST_CASE("compat: amounts read like money", "[compat]") {
  CHECK(FormatAmount(D("2600")) == "2,600");
  CHECK(FormatAmount(D("2500.01")) == "2,500.01");
  CHECK(FormatAmount(D("60.2")) == "60.20");
  CHECK(FormatAmount(D("1234567.5")) == "1,234,567.50");
  CHECK(FormatAmount(D("0")) == "0");
  CHECK(PerText(values::Duration::Of(1, values::DurationUnit::kMonth)) == "per month");
  CHECK(PerText(values::Duration::Of(2, values::DurationUnit::kWeek)) == "per 2 weeks");
}

}  // namespace
}  // namespace concord::compat
