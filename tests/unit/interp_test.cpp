// Tests of the IR and its reference interpreter: small programs are parsed
// and checked from strings, their `fn` bodies lowered and called. Exact
// decimals and money, runtime errors with the range of the operation,
// calendar arithmetic, durations with and without an anchor date (three-
// valued logic), comprehensions, host questions and a concord requirement.
#include "runtime/interp/interp.h"

#include <catch2/catch.hpp>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/ir/print.h"
#include "compiler/lower/lower.h"
#include "compiler/pipeline/loader.h"
#include "compiler/sema/check.h"
#include "tests/unit/two_members_host.h"

namespace concord::interp {
namespace {

using values::Value;

// A checked program with a module its fns are lowered into.
struct Compiled {
  diag::DiagnosticEngine diags;
  std::unique_ptr<sema::Program> program;
  std::unique_ptr<sema::CheckedProgram> checked;
  ir::Module module;
  std::unique_ptr<lower::Lowerer> lowerer;

  const sema::FnInfo* FnInfo(std::string_view name) const {
    for (const auto& f : checked->fns()) {
      if (f->symbol->name == name) return f.get();
    }
    return nullptr;
  }

  const ir::Function& Fn(std::string_view name) {
    lower::Lowered<const ir::Function*> fn = lowerer->LowerFn(name);
    INFO("lowering `" << name << "`: " << (fn.error ? fn.error->message : ""));
    REQUIRE(fn.ok());
    return *fn.value;
  }

  // The range of a fn's body expression.
  diag::SourceRange BodyRange(std::string_view name) const {
    return FnInfo(name)->decl->body->range;
  }

  Outcome Call(std::string_view name, std::vector<Value> args, EvalOptions options = {}) {
    return interp::Call(Fn(name), args, options);
  }
};

std::unique_ptr<Compiled> Compile(const std::string& text) {
  auto c = std::make_unique<Compiled>();
  pipeline::LoadOptions options;
  options.overlays.push_back({"test.concord", text});
  c->program = pipeline::LoadProgram({"test.concord"}, options, c->diags).program;
  c->checked = sema::Check(*c->program, c->diags);
  std::string codes;
  for (const diag::Diagnostic& d : c->diags.diagnostics()) {
    codes += std::string(diag::Info(d.code).name) + ": " + d.message + "\n";
  }
  INFO(codes);
  REQUIRE_FALSE(c->diags.has_errors());
  c->lowerer = std::make_unique<lower::Lowerer>(*c->checked, c->module);
  return c;
}

Value Int(int64_t i) {
  return Value::MakeInt(i);
}
Value Dec(std::string_view text) {
  return Value::MakeDecimal(*values::Decimal::Parse(text));
}
Value Pct(std::string_view fraction) {
  return Value::MakePercent(*values::Decimal::Parse(fraction));
}
Value Money(std::string_view text) {
  return Value::MakeMoney(*values::ParseMoney(text));
}
Value DateV(std::string_view text) {
  return Value::MakeDate(*values::Date::Parse(text));
}
Value Dur(int64_t count, values::DurationUnit unit) {
  return Value::MakeDuration(values::Duration::Of(count, unit));
}
Value Bool(bool b) {
  return Value::MakeBool(b);
}
Value IntSet(std::vector<int64_t> xs) {
  std::vector<Value> elements;
  for (int64_t x : xs) elements.push_back(Int(x));
  return values::MakeSetValue(std::move(elements));
}

constexpr auto kDays = values::DurationUnit::kDay;
constexpr auto kMonths = values::DurationUnit::kMonth;
constexpr auto kYears = values::DurationUnit::kYear;
constexpr auto kLunar = values::DurationUnit::kLunarMonth;

EvalOptions Anchored(std::string_view date) {
  EvalOptions options;
  options.anchor = *values::Date::Parse(date);
  return options;
}

TEST_CASE("values print in the language's literal syntax", "[interp][value]") {
  CHECK(Money("52 EUR").ToString() == "52 EUR");
  CHECK(Dur(6, kMonths).ToString() == "6 months");
  CHECK(DateV("2026-12-09").ToString() == "2026-12-09");
  CHECK(Pct("0.25").ToString() == "25%");
  CHECK(Pct("0.025").ToString() == "2.5%");
  CHECK(Value::MakeText("say \"hi\"\n").ToString() == "\"say \\\"hi\\\"\\n\"");
  CHECK(Value().ToString() == "none");
  CHECK(IntSet({3, 1, 3, 2}).ToString() == "{3, 1, 2}");  // insertion order, no duplicates
  CHECK(IntSet({1, 2}) == IntSet({2, 1}));
  CHECK(values::MakeMemberValue("ana", "eastside_kitchen").ToString() == "ana");
}

TEST_CASE("decimals are exact and round half to even", "[interp]") {
  auto c = Compile(R"(
    fn add(a: decimal, b: decimal) -> decimal = a + b
    fn mul(a: decimal, b: decimal) -> decimal = a * b
    fn div(a: decimal, b: decimal) -> decimal = a / b
    fn folded() -> bool = 0.1 + 0.2 == 0.3
    fn split(x: money, n: int) -> money = x / n
    fn mean(a: int, b: int) -> decimal = (a + b) / 2
  )");
  CHECK(c->Call("add", {Dec("0.1"), Dec("0.2")}).ToString() == "0.3");
  CHECK(c->Call("folded", {}).ToString() == "true");
  CHECK(c->Call("mul", {Dec("0.000005"), Dec("0.5")}).ToString() == "0.000002");
  CHECK(c->Call("mul", {Dec("0.000015"), Dec("0.5")}).ToString() == "0.000008");
  CHECK(c->Call("div", {Dec("1"), Dec("3")}).ToString() == "0.333333");
  CHECK(c->Call("div", {Dec("2"), Dec("3")}).ToString() == "0.666667");
  CHECK(c->Call("split", {Money("10 EUR"), Int(3)}).ToString() == "3.333333 EUR");
  CHECK(c->Call("mean", {Int(3), Int(4)}).ToString() == "3.5");  // never truncates
}

TEST_CASE("percentages scale money and count sets", "[interp]") {
  auto c = Compile(R"(
    fn owed(rate: percent, income: money) -> money = rate of income
    fn capped(rate: percent, income: money, cap: money) -> money = min(rate * income, cap)
    fn quota(share: percent, rules: set<int>) -> decimal = share of rules
    fn fixed() -> bool = 2% of 2600 EUR == 52 EUR
  )");
  CHECK(c->Call("owed", {Pct("0.02"), Money("2600 EUR")}).ToString() == "52 EUR");
  CHECK(c->Call("fixed", {}).ToString() == "true");
  CHECK(c->Call("capped", {Pct("0.05"), Money("2600 EUR"), Money("50 EUR")}).ToString() ==
        "50 EUR");
  CHECK(c->Call("capped", {Pct("0.02"), Money("2000 EUR"), Money("50 EUR")}).ToString() ==
        "40 EUR");
  CHECK(c->Call("quota", {Pct("0.25"), IntSet({1, 2, 3, 4, 5, 6})}).ToString() == "1.5");

  std::string printed = ir::Print(c->Fn("capped"));
  CHECK(printed.find("fn capped(rate: percent, income: money, cap: money) -> money") == 0);
  CHECK(printed.find("Min : money") != std::string::npos);
  CHECK(printed.find("MulPercentMoney : money") != std::string::npos);
  CHECK(printed.find("Param #2 cap : money") != std::string::npos);
}

TEST_CASE("overflow and division by zero are errors at the operation", "[interp]") {
  auto c = Compile(R"(
    fn inc(x: int) -> int = x + 1
    fn ratio(a: decimal, b: decimal) -> decimal = a / b
    fn split(x: money, n: int) -> money = x / n
    fn widen(x: int) -> decimal = x + 0.5
  )");
  Outcome overflow = c->Call("inc", {Int(std::numeric_limits<int64_t>::max())});
  REQUIRE(overflow.status == Status::kError);
  CHECK(overflow.error->code == diag::Code::R020);
  CHECK(overflow.error->range == c->BodyRange("inc"));
  CHECK(overflow.ToString() ==
        "error[R020]: arithmetic overflow: `9223372036854775807 + 1` is beyond the range of an "
        "int");

  Outcome zero = c->Call("ratio", {Dec("1"), Dec("0")});
  REQUIRE(zero.status == Status::kError);
  CHECK(zero.error->code == diag::Code::R021);
  CHECK(zero.error->range == c->BodyRange("ratio"));
  REQUIRE(zero.error->labels.size() == 1);
  CHECK(zero.error->labels[0].message == "this is zero");
  CHECK(c->Call("split", {Money("10 EUR"), Int(0)}).ToString() ==
        "error[R021]: division by zero: `10 EUR / 0`");

  // An int too large for a decimal cannot be widened.
  CHECK(c->Call("widen", {Int(std::numeric_limits<int64_t>::max())}).error->code ==
        diag::Code::R020);

  // The error becomes an ordinary diagnostic.
  diag::Diagnostic d = overflow.error->ToDiagnostic();
  CHECK(d.code == diag::Code::R020);
  CHECK(d.severity == diag::Severity::Error);
  CHECK(d.range == c->BodyRange("inc"));
}

TEST_CASE("money of run-time currency is checked when it meets another", "[interp]") {
  auto c = Compile(R"(
    fn total(a: money, b: money) -> money = a + b
    fn under(x: money) -> bool = x <= 50 EUR
    fn capped(x: money) -> money = min(x, 50 EUR)
  )");
  CHECK(c->Call("total", {Money("5 EUR"), Money("7 EUR")}).ToString() == "12 EUR");
  Outcome mixed = c->Call("total", {Money("5 EUR"), Money("7 USD")});
  REQUIRE(mixed.status == Status::kError);
  CHECK(mixed.error->code == diag::Code::R023);
  CHECK(mixed.error->message == "cannot combine money in EUR with money in USD");
  CHECK(mixed.error->range == c->BodyRange("total"));
  CHECK(c->Call("under", {Money("40 USD")}).error->code == diag::Code::R023);
  CHECK(c->Call("capped", {Money("40 USD")}).error->code == diag::Code::R023);
  CHECK(c->Call("capped", {Money("60 EUR")}).ToString() == "50 EUR");
}

TEST_CASE("dates move by calendar arithmetic", "[interp]") {
  auto c = Compile(R"(
    fn next(d: date) -> date = d + 1 month
    fn before(d: date) -> date = d - 1 month
    fn span(a: date, b: date) -> duration = b - a
    fn mixed(d: date) -> date = d + 1 month + 1 day
  )");
  CHECK(c->Call("next", {DateV("2027-01-31")}).ToString() == "2027-02-28");
  CHECK(c->Call("next", {DateV("2028-01-31")}).ToString() == "2028-02-29");
  CHECK(c->Call("before", {DateV("2027-03-31")}).ToString() == "2027-02-28");
  CHECK(c->Call("span", {DateV("2026-11-01"), DateV("2026-12-09")}).ToString() == "38 days");
  CHECK(c->Call("mixed", {DateV("2027-01-31")}).ToString() == "2027-03-01");
  Outcome far = c->Call("next", {DateV("9999-12-15")});
  REQUIRE(far.status == Status::kError);
  CHECK(far.error->code == diag::Code::R020);
}

TEST_CASE("durations are exact from an anchor and three-valued without", "[interp]") {
  auto c = Compile(R"(
    fn shorter(a: duration, b: duration) -> bool = a < b
    fn at_most(a: duration, b: duration) -> bool = a <= b
    fn same(a: duration, b: duration) -> bool = a == b
    fn moon_within_year() -> bool = 1 lunar month <= 1 year
  )");
  Value month = Dur(1, kMonths);
  Value thirty = Dur(30, kDays);
  // Anchored: February has 28 days, January 31.
  CHECK(c->Call("shorter", {month, thirty}, Anchored("2027-02-01")).ToString() == "true");
  CHECK(c->Call("shorter", {month, thirty}, Anchored("2027-01-01")).ToString() == "false");
  CHECK(c->Call("same", {month, thirty}, Anchored("2026-11-01")).ToString() == "true");

  // Without an anchor the interval rule decides when it can.
  CHECK(c->Call("moon_within_year", {}).ToString() == "true");
  CHECK(c->Call("at_most", {Dur(1, kLunar), Dur(1, kYears)}).ToString() == "true");
  CHECK(c->Call("shorter", {Dur(13, kMonths), Dur(1, kYears)}).ToString() == "false");
  Outcome open = c->Call("at_most", {month, thirty});
  REQUIRE(open.status == Status::kUndecided);
  REQUIRE(open.undecided.size() == 1);
  CHECK(open.undecided[0].range == c->BodyRange("at_most"));
  CHECK(open.undecided[0].explanation == values::ExplainUndecided(values::Duration::Of(1, kMonths),
                                                                  values::CompareOp::kLe,
                                                                  values::Duration::Of(30, kDays)));
  CHECK(open.undecided[0].explanation.find("31") != std::string::npos);

  // A span past year 9999 has no exact length: the interval rule decides,
  // and what it cannot decide is an error, never undecided at run time.
  CHECK(c->Call("shorter", {Dur(10000, kYears), thirty}, Anchored("2026-11-01")).ToString() ==
        "false");
  Value long_month = Value::MakeDuration(values::Duration{0, 120001, 0});
  Value long_days = Value::MakeDuration(values::Duration{30, 120000, 0});
  CHECK(c->Call("shorter", {long_month, long_days}, Anchored("2026-11-01")).error->code ==
        diag::Code::R020);

  // A lunar month has an exact length once anchored (the new moons decide).
  CHECK(c->Call("at_most", {Dur(1, kLunar), thirty}, Anchored("2026-11-01")).ok());
}

TEST_CASE("undecided booleans follow Kleene logic", "[interp]") {
  auto c = Compile(R"(
    fn either(a: duration, b: duration, x: bool) -> bool = a < b or x
    fn both(a: duration, b: duration, x: bool) -> bool = a < b and x
    fn negated(a: duration, b: duration) -> bool = not (a < b)
    fn agree(a: duration, b: duration) -> int = if a < b then 1 else 1
    fn differ(a: duration, b: duration) -> int = if a < b then 1 else 2
    fn passed(p: bool, x: bool) -> bool = p or x
    fn through(a: duration, b: duration, x: bool) -> bool = passed(a < b, x)
  )");
  Value month = Dur(1, kMonths);
  Value thirty = Dur(30, kDays);
  CHECK(c->Call("either", {month, thirty, Bool(true)}).ToString() == "true");
  CHECK(c->Call("either", {month, thirty, Bool(false)}).status == Status::kUndecided);
  CHECK(c->Call("both", {month, thirty, Bool(false)}).ToString() == "false");
  CHECK(c->Call("both", {month, thirty, Bool(true)}).status == Status::kUndecided);
  CHECK(c->Call("negated", {month, thirty}).status == Status::kUndecided);
  CHECK(c->Call("agree", {month, thirty}).ToString() == "1");
  CHECK(c->Call("differ", {month, thirty}).status == Status::kUndecided);
  // An undecided argument reaches the callee, whose `or` can still decide.
  CHECK(c->Call("through", {month, thirty, Bool(true)}).ToString() == "true");
  CHECK(c->Call("through", {month, thirty, Bool(false)}).status == Status::kUndecided);
}

TEST_CASE("comprehensions over set literals", "[interp]") {
  auto c = Compile(R"(
    fn big() -> int = count(x in {1, 2, 3, 4} where x > 2)
    fn doubled() -> int = sum(x * 2 for x in {1, 2, 3})
    fn some() -> bool = any(x in {1, 2, 3} where x > 2)
    fn every() -> bool = all(x in {1, 2, 3} where x > 1)
    fn every_projected() -> bool = all(x > 1 for x in {1, 2, 3} where x > 1)
    fn least() -> int = min(x in {3, 1, 2})
    fn most() -> int = max(x * x for x in {-3, 1, 2})
    fn distinct() -> int = count(x in {1, 1, 2})
    fn low(s: set<int>) -> int = min(x in s)
    fn total(s: set<money>) -> bool = sum(s) <= 50 EUR
    fn amounts(s: set<money>) -> money = sum(x for x in s)
    fn nested(s: set<int>) -> int = count(x in s where any(y in s where y > x))
    fn long(s: set<duration>) -> bool = any(d in s where d > 30 days)
  )");
  CHECK(c->Call("big", {}).ToString() == "2");
  CHECK(c->Call("doubled", {}).ToString() == "12");
  CHECK(c->Call("some", {}).ToString() == "true");
  CHECK(c->Call("every", {}).ToString() == "false");
  CHECK(c->Call("every_projected", {}).ToString() == "true");
  CHECK(c->Call("least", {}).ToString() == "1");
  CHECK(c->Call("most", {}).ToString() == "9");
  CHECK(c->Call("distinct", {}).ToString() == "2");
  CHECK(c->Call("nested", {IntSet({1, 2, 3})}).ToString() == "2");

  Outcome empty = c->Call("low", {IntSet({})});
  REQUIRE(empty.status == Status::kError);
  CHECK(empty.error->code == diag::Code::R024);
  CHECK(empty.error->message == "`min` of an empty set has no value");
  CHECK(empty.error->range == c->BodyRange("low"));

  // The empty sum takes the currency it is compared with.
  CHECK(c->Call("total", {values::MakeSetValue({})}).ToString() == "true");
  CHECK(c->Call("total", {values::MakeSetValue({Money("30 EUR"), Money("30 EUR")})}).ToString() ==
        "true");  // a set: one 30 EUR
  CHECK(c->Call("total", {values::MakeSetValue({Money("30 EUR"), Money("40 EUR")})}).ToString() ==
        "false");
  CHECK(c->Call("amounts", {values::MakeSetValue({})}).error->code == diag::Code::R024);
  CHECK(c->Call("amounts", {values::MakeSetValue({Money("1 EUR"), Money("2 USD")})}).error->code ==
        diag::Code::R023);

  // Kleene `any`: one undecided element, then a true one.
  Value undecided_then_true = values::MakeSetValue({Dur(1, kMonths), Dur(2, kMonths)});
  CHECK(c->Call("long", {undecided_then_true}).ToString() == "true");
  CHECK(c->Call("long", {values::MakeSetValue({Dur(1, kMonths)})}).status == Status::kUndecided);
}

TEST_CASE("nested if and fn calls", "[interp]") {
  auto c = Compile(R"(
    fn grade(x: int) -> text = if x > 10 then "big" else if x > 5 then "medium" else "small"
    fn double(x: int) -> int = x * 2
    fn quad(x: int) -> int = double(double(x))
    fn pick(x: int) -> decimal = if x > 0 then x else 0.5
  )");
  CHECK(c->Call("grade", {Int(11)}).ToString() == "\"big\"");
  CHECK(c->Call("grade", {Int(6)}).ToString() == "\"medium\"");
  CHECK(c->Call("grade", {Int(5)}).ToString() == "\"small\"");
  CHECK(c->Call("quad", {Int(3)}).ToString() == "12");
  CHECK(c->Call("pick", {Int(3)}).ToString() == "3");
  CHECK(c->Call("pick", {Int(3)}).value.kind() == values::ValueKind::kDecimal);
  // A callee is lowered once, before its caller.
  std::vector<std::string> order;
  for (const auto& fn : c->module.functions()) order.push_back(fn->name);
  CHECK(order == std::vector<std::string>{"grade", "double", "quad", "pick"});
}

using testing::TwoMembers;

TEST_CASE("fields of members and questions to the host", "[interp]") {
  auto c = Compile(R"(
    fn rich(m: member) -> bool = m.income > 100 EUR
    fn size(p: charter) -> int = count(members(p))
    fn earners(p: charter) -> int = count(m in members(p) where m.income > 2000 EUR)
  )");
  c->Fn("rich");
  auto shape = c->module.FindShape("member");
  REQUIRE(shape);
  auto ana = std::make_shared<values::Record>(shape);
  ana->Put("income", Money("2600 EUR"));
  CHECK(c->Call("rich", {values::MakeMemberValue("ana", "k", ana)}).ToString() == "true");

  Outcome missing = c->Call("rich", {values::MakeMemberValue("ben", "k")});
  REQUIRE(missing.status == Status::kError);
  CHECK(missing.error->code == diag::Code::R022);
  CHECK(missing.error->message == "member `ben` has no attribute `income`");

  Value charter =
      Value::MakeRecord(std::make_shared<values::Record>(c->module.FindShape("charter"), "k"));
  Outcome no_host = c->Call("size", {charter});
  REQUIRE(no_host.status == Status::kError);
  CHECK(no_host.error->code == diag::Code::R025);

  TwoMembers host(c->module);
  EvalOptions options;
  options.host = &host;
  CHECK(c->Call("size", {charter}, options).ToString() == "2");
  // ben has no income: the filter reads a missing attribute.
  CHECK(c->Call("earners", {charter}, options).error->code == diag::Code::R022);

  // Arguments of the wrong kind are refused before evaluation.
  CHECK(c->Call("size", {Int(3)}).error->code == diag::Code::R025);
}

TEST_CASE("a concord requirement without an anchor points at its clause", "[interp]") {
  auto c = Compile("fn unused() -> int = 1\n");
  const sema::ConcordInfo* minimal = nullptr;
  for (const auto& concord : c->checked->concords()) {
    if (concord->symbol->name == "minimal") minimal = concord.get();
  }
  REQUIRE(minimal);
  const ast::Requirement* c002 = nullptr;
  for (const sema::RequirementInfo* r : minimal->AllRequirements()) {
    if (r->requirement->code.value == "C002") c002 = r->requirement;
  }
  REQUIRE(c002);
  lower::Lowered<const ir::Root*> root = c->lowerer->LowerRoot(
      "C002", *c002->condition, {lower::Binding::Implicit(sema::Implicit::kCharter)});
  REQUIRE(root.ok());
  CHECK(ir::Print(*root.value->body, {.ranges = false}) ==
        "CmpDuration <= : bool\n"
        "  Field .notice #1 : duration\n"
        "    Field .exit #3 : exit_policy\n"
        "      Field .membership #4 : membership\n"
        "        Input #0 charter : charter\n"
        "  Const 30 days : duration\n");

  // A charter whose exit notice is one month, written at bytes 100..120.
  auto shape = [&](const char* name) { return c->module.FindShape(name); };
  diag::SourceRange notice_clause{0, 100, 120};
  auto exit = std::make_shared<values::Record>(shape("exit_policy"));
  exit->Put("notice", Dur(1, kMonths), notice_clause);
  auto membership = std::make_shared<values::Record>(shape("membership"));
  membership->Put("exit", Value::MakeRecord(exit));
  auto charter = std::make_shared<values::Record>(shape("charter"), "k");
  charter->Put("membership", Value::MakeRecord(membership));

  EvalOptions options;
  options.trace_fields = true;
  std::vector<Value> inputs = {Value::MakeRecord(charter)};
  Outcome outcome = Evaluate(*root.value, inputs, options);
  REQUIRE(outcome.status == Status::kUndecided);
  CHECK(outcome.undecided[0].explanation.find("31 days") != std::string::npos);
  CHECK(outcome.fields_read == std::vector<diag::SourceRange>{notice_clause});

  exit->Put("notice", Dur(14, kDays), notice_clause);
  CHECK(Evaluate(*root.value, inputs, options).ToString() == "true");
}

TEST_CASE("deep evaluation stops with an error instead of exhausting the stack", "[interp]") {
  // `f(x) + 1 + 1 + ...`: trees within the parser's nesting limit, stacked
  // by calls: 4 x 450 levels evaluate, 5 x 450 stop.
  auto chain = [](std::string head, int terms) {
    for (int i = 0; i < terms; ++i) head += " + 1";
    return head;
  };
  std::string text = "fn f0(x: int) -> int = x\n";
  for (int i = 1; i <= 5; ++i) {
    text += "fn f" + std::to_string(i) +
            "(x: int) -> int = " + chain("f" + std::to_string(i - 1) + "(x)", 450) + "\n";
  }
  auto stacked = Compile(text);
  CHECK(stacked->Call("f4", {Int(0)}).ToString() == "1800");
  Outcome too_deep = stacked->Call("f5", {Int(0)});
  REQUIRE(too_deep.status == Status::kError);
  CHECK(too_deep.error->code == diag::Code::R025);
  CHECK(too_deep.error->message ==
        "value unavailable: evaluation is nested more than 2000 levels deep through fn calls or "
        "metrics");
}

TEST_CASE("a chain of 20,000 fns lowers without recursing, then stops at the depth limit",
          "[interp][lower]") {
  // Lowering went one native frame per fn (LowerFn -> LowerCallees ->
  // LowerFn) and overflowed the stack; evaluation is bounded by R025.
  constexpr int kChain = 20'000;
  std::string text;
  for (int i = 0; i + 1 < kChain; ++i) {
    text += "fn f" + std::to_string(i) + "(x: int) -> int = f" + std::to_string(i + 1) + "(x)\n";
  }
  text += "fn f" + std::to_string(kChain - 1) + "(x: int) -> int = x + 1\n";
  auto chain = Compile(text);
  const ir::Function& head = chain->Fn("f0");
  CHECK(head.name == "f0");
  CHECK(chain->module.functions().size() == static_cast<size_t>(kChain));
  CHECK(chain->Call("f19000", {Int(41)}).ToString() == "42");
  std::vector<Value> args = {Int(41)};
  Outcome too_deep = interp::Call(head, args, {});
  REQUIRE(too_deep.status == Status::kError);
  CHECK(too_deep.error->code == diag::Code::R025);
}

}  // namespace
}  // namespace concord::interp
