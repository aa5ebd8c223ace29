// `date within duration` and `today` (POWER.md §5): the window
// today - d < date <= today, with its exclusive lower bound, inclusive upper
// bound and calendar-month clamping, first in runtime/calendar (the one
// definition), then through sema, lowering and both engines, which must
// give the same Outcome.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/lower/lower.h"
#include "compiler/pipeline/loader.h"
#include "compiler/sema/check.h"
#include "runtime/calendar/date_arithmetic.h"
#include "runtime/jit/jit.h"

namespace concord {
namespace {

using values::Date;
using values::Duration;
using values::DurationUnit;
using values::Value;

Date D(std::string_view text) {
  return *Date::Parse(text);
}

bool Within(std::string_view date, Duration d, std::string_view today) {
  std::optional<bool> r = calendar::IsWithin(D(date), d, D(today));
  REQUIRE(r);
  return *r;
}

TEST_CASE("within: exclusive lower bound, inclusive upper bound", "[within]") {
  Duration week = Duration::Of(1, DurationUnit::kWeek);
  CHECK(Within("2027-03-10", week, "2027-03-10"));        // today itself
  CHECK_FALSE(Within("2027-03-11", week, "2027-03-10"));  // tomorrow
  CHECK(Within("2027-03-04", week, "2027-03-10"));        // 6 days ago
  CHECK_FALSE(Within("2027-03-03", week, "2027-03-10"));  // exactly 7 days ago
  Duration day = Duration::Of(1, DurationUnit::kDay);
  CHECK(Within("2027-03-10", day, "2027-03-10"));
  CHECK_FALSE(Within("2027-03-09", day, "2027-03-10"));
  // A zero or negative duration is an empty window.
  CHECK_FALSE(Within("2027-03-10", Duration::Of(0, DurationUnit::kDay), "2027-03-10"));
  CHECK_FALSE(Within("2027-03-11", Duration::Of(-3, DurationUnit::kDay), "2027-03-10"));
}

TEST_CASE("within: calendar months clamp at month ends", "[within]") {
  Duration month = Duration::Of(1, DurationUnit::kMonth);
  // 2027-02-28 - 1 month = 2027-01-28: Jan 31 is inside, Jan 28 is not.
  CHECK(Within("2027-01-31", month, "2027-02-28"));
  CHECK(Within("2027-01-29", month, "2027-02-28"));
  CHECK_FALSE(Within("2027-01-28", month, "2027-02-28"));
  // 2027-03-31 - 1 month clamps to 2027-02-28: Feb 28 is outside.
  CHECK(Within("2027-03-01", month, "2027-03-31"));
  CHECK_FALSE(Within("2027-02-28", month, "2027-03-31"));
  // In a leap year the clamp lands on Feb 29.
  CHECK(Within("2028-03-01", month, "2028-03-31"));
  CHECK_FALSE(Within("2028-02-29", month, "2028-03-31"));
  // 2028-02-29 - 1 year = 2027-02-28.
  Duration year = Duration::Of(1, DurationUnit::kYear);
  CHECK(Within("2027-03-01", year, "2028-02-29"));
  CHECK_FALSE(Within("2027-02-28", year, "2028-02-29"));
}

TEST_CASE("within: a window starting before year 0000 has no answer", "[within]") {
  CHECK_FALSE(
      calendar::IsWithin(D("0000-01-05"), Duration::Of(10, DurationUnit::kDay), D("0000-01-05")));
}

// Both engines on fns using `today` and `within`, as jit_engine_test.cpp does
// for the other ops: the same Outcome, and the answer pinned.
struct Engines {
  diag::DiagnosticEngine diags;
  std::unique_ptr<sema::Program> program;
  std::unique_ptr<sema::CheckedProgram> checked;
  ir::Module module;
  std::unique_ptr<jit::Program> jit;

  interp::Outcome Call(std::string_view name, std::vector<Value> args,
                       std::optional<Date> today) const {
    const ir::Function* fn = module.FindFunction(name);
    REQUIRE(fn);
    interp::EvalOptions options;
    options.anchor = today;
    interp::Outcome reference = interp::Call(*fn, args, options);
    interp::Outcome native = jit->Call(*fn, args, options);
    CHECK(native.ToString() == reference.ToString());
    if (native.error && reference.error) CHECK(native.error->range == reference.error->range);
    return reference;
  }
};

std::unique_ptr<Engines> Compile(const std::string& text) {
  auto c = std::make_unique<Engines>();
  pipeline::LoadOptions options;
  options.overlays.push_back({"test.concord", text});
  c->program = pipeline::LoadProgram({"test.concord"}, options, c->diags).program;
  c->checked = sema::Check(*c->program, c->diags);
  REQUIRE_FALSE(c->diags.has_errors());
  lower::Lowerer lowerer(*c->checked, c->module);
  for (const auto& fn : c->checked->fns()) REQUIRE(lowerer.LowerFn(fn->symbol->name).ok());
  std::string error;
  c->jit = jit::Program::Compile(c->module, &error);
  INFO(error);
  REQUIRE(c->jit);
  // Both ops are native code, not left to the interpreter.
  CHECK(c->jit->stats().functions == c->module.functions().size());
  return c;
}

TEST_CASE("within and today: both engines", "[within][jit]") {
  auto c = Compile(R"(
    fn within(d: date, span: duration) -> bool = d within span
    fn now() -> date = today
    fn month_ago() -> date = today - 1 month
    fn shadowed(today: date) -> date = today
  )");
  Value month = Value::MakeDuration(Duration::Of(1, DurationUnit::kMonth));
  Date feb28 = D("2027-02-28");
  CHECK(c->Call("within", {Value::MakeDate(D("2027-01-31")), month}, feb28).ToString() == "true");
  CHECK(c->Call("within", {Value::MakeDate(D("2027-01-28")), month}, feb28).ToString() == "false");
  CHECK(c->Call("within", {Value::MakeDate(feb28), month}, feb28).ToString() == "true");
  CHECK(c->Call("within", {Value::MakeDate(D("2027-03-01")), month}, feb28).ToString() == "false");
  CHECK(c->Call("now", {}, feb28).ToString() == "2027-02-28");
  CHECK(c->Call("month_ago", {}, D("2027-03-31")).ToString() == "2027-02-28");
  CHECK(c->Call("shadowed", {Value::MakeDate(D("2001-01-01"))}, feb28).ToString() == "2001-01-01");
  // A window that starts before year 0000 is R020 on both engines.
  Value long_ago = Value::MakeDuration(Duration::Of(20000, DurationUnit::kYear));
  interp::Outcome overflow = c->Call("within", {Value::MakeDate(feb28), long_ago}, feb28);
  REQUIRE(overflow.error);
  CHECK(overflow.error->code == diag::Code::R020);
  // Without a date (no running scenario) `today` is R025; the JIT leaves
  // unanchored evaluations to the interpreter, which words it.
  interp::Outcome undated = c->Call("now", {}, std::nullopt);
  REQUIRE(undated.error);
  CHECK(undated.error->code == diag::Code::R025);
}

}  // namespace
}  // namespace concord
