// Sema end to end on small programs: the type of each expression, what each
// name resolves to, constants, narrowing and the tables later phases read.
#include <catch2/catch.hpp>

#include "tests/unit/sema_fixture.h"

namespace concord::sema {
namespace {

using testing::CheckSource;

TEST_CASE("expression types follow the operator rules", "[sema][check]") {
  auto c = CheckSource(R"(
fn a(x: int, y: decimal) -> decimal = x + y
fn b(income: money) -> money = 5% of income
fn c() -> money = min(5% * 1000 EUR, 50 EUR)
fn d(income: money) -> money = min(5% * income, 50 EUR)
fn e(s: set<member>) -> decimal = 50% of s
fn f(x: int, y: int) -> decimal = x / y
fn g(d: date) -> duration = d - 2026-01-01
fn h(p: bool) -> decimal = if p then 1 else 2.5
fn i(f: fund) -> bool = f.cap != none and f.cap <= 50 EUR
)");
  INFO(c->Codes());
  CHECK(c->diags.diagnostics().empty());
  CHECK(c->BodyType("a") == "decimal");
  CHECK(c->BodyType("b") == "money");
  CHECK(c->BodyType("c") == "money<EUR>");
  CHECK(c->BodyType("d") == "money<EUR>");
  CHECK(c->BodyType("e") == "decimal");
  CHECK(c->BodyType("f") == "decimal");
  CHECK(c->BodyType("g") == "duration");
  CHECK(c->BodyType("h") == "decimal");
  CHECK(c->BodyType("i") == "bool");
}

TEST_CASE("narrowing reads an optional as its value after a none check", "[sema][check]") {
  auto c = CheckSource("fn i(f: fund) -> bool = f.cap != none and f.cap <= 50 EUR\n");
  const auto* body = c->Fn("i")->decl->body->As<ast::BinaryExpr>();
  REQUIRE(body);
  const auto* left = body->lhs->As<ast::BinaryExpr>();
  const auto* right = body->rhs->As<ast::BinaryExpr>();
  CHECK(c->checked->TypeOf(left->lhs.get())->ToString() == "money or none");
  CHECK(c->checked->TypeOf(right->lhs.get())->ToString() == "money");
  const FieldRef* field = c->checked->FieldOf(right->lhs->As<ast::FieldAccess>());
  REQUIRE(field);
  CHECK(field->record->name == "fund");
  CHECK(field->field()->name == "cap");
}

TEST_CASE("constants are folded and kept", "[sema][check]") {
  auto c = CheckSource(R"(
fn a() -> int = 2 * 3 + 1
fn b() -> money = 50 EUR / 4
fn c() -> duration = 1 year + 2 weeks
fn d() -> bool = 13 months > 1 year
fn e() -> date = 2027-01-31 + 1 month
)");
  REQUIRE(c->diags.diagnostics().empty());
  auto constant = [&](const char* fn) {
    const Constant* k = c->checked->ConstantOf(c->Fn(fn)->decl->body.get());
    return k ? k->ToString() : std::string("none");
  };
  CHECK(constant("a") == "7");
  CHECK(constant("b") == "12.5 EUR");
  CHECK(constant("c") == "1 year + 14 days");
  CHECK(constant("d") == "true");
  CHECK(constant("e") == "2027-02-28");
}

TEST_CASE("undecided durations are errors except in concords", "[sema][check]") {
  CHECK(CheckSource("fn a() -> bool = 1 month < 30 days\n")->Codes() == "E0204");
  CHECK(CheckSource("fn a() -> bool = 1 lunar month <= 1 year\n")->Codes().empty());
  CHECK(CheckSource("concord k { require 1 month < 30 days as C900 \"x\" }\n")->Codes().empty());
  // Not constant: decided at run time once anchored.
  CHECK(CheckSource("fn a(d: duration) -> bool = d < 30 days\n")->Codes().empty());
}

TEST_CASE("names resolve to their declarations", "[sema][check]") {
  auto c = CheckSource(R"(
charter kitchen {
  adopted 2026-11-01
  membership { entry open exit anytime notice 0 days }
  revision { every month quota 25% of rules quorum 50% of members }
  ledger pantry { public }
  rule capped {
    on contribution c
    require c.amount <= 50 EUR else "too much"
  }
  metric total = sum(x.amount for x in contributions(pantry))
}
)");
  INFO(c->Codes());
  REQUIRE(c->diags.diagnostics().empty());
  const CharterInfo& kitchen = *c->checked->charters().front();
  // Without a `concord` clause a charter claims `minimal`.
  REQUIRE(kitchen.concord);
  CHECK(kitchen.concord->symbol->name == "minimal");
  CHECK(kitchen.rules.size() == 1);
  CHECK(kitchen.ledgers.size() == 1);
  REQUIRE(kitchen.metrics.size() == 1);
  CHECK(kitchen.metrics.front()->type->ToString() == "money");

  const ast::Rule& rule = kitchen.decl->rules.front();
  const Symbol* variable = c->checked->SymbolAt(&rule.trigger->variable);
  REQUIRE(variable);
  CHECK(variable->kind == SymbolKind::kTriggerVariable);
  CHECK(variable->type->ToString() == "contribution");

  const auto* quota = kitchen.decl->revision->quota->As<ast::BinaryExpr>();
  const Symbol* rules = c->checked->SymbolOf(quota->rhs->As<ast::NameRef>());
  REQUIRE(rules);
  CHECK(rules->implicit == Implicit::kRules);
  CHECK(rules->owner == kitchen.symbol);
  CHECK(c->checked->TypeOf(quota)->ToString() == "decimal");

  const auto* sum = kitchen.decl->metrics.front().value->As<ast::Comprehension>();
  REQUIRE(sum);
  CHECK(c->checked->AggregateOf(sum) == Builtin::kSum);
  CHECK(c->checked->VariableOf(sum)->type->ToString() == "contribution");
  const auto* call = sum->source->As<ast::CallExpr>();
  CHECK(c->checked->CallOf(call)->builtin == Builtin::kContributions);
  const Symbol* pantry = c->checked->SymbolOf(call->args.front()->As<ast::NameRef>());
  REQUIRE(pantry);
  CHECK(pantry->kind == SymbolKind::kLedger);
}

TEST_CASE("enum constants take the enum of the other side", "[sema][check]") {
  auto c = CheckSource(R"(
fn a(t: treaty) -> bool = status(t) == expired
fn b(t: treaty) -> bool = expired == status(t)
fn d(x: dispute) -> bool = status(x) == expired
fn e(x: dispute) -> bool = open == status(x)
)");
  REQUIRE(c->diags.diagnostics().empty());
  auto rhs_enum = [&](const char* fn, bool left) {
    const auto* b = c->Fn(fn)->decl->body->As<ast::BinaryExpr>();
    const auto* ref = (left ? b->lhs : b->rhs)->As<ast::NameRef>();
    return c->checked->SymbolOf(ref)->type->ToString();
  };
  CHECK(rhs_enum("a", false) == "treaty_status");
  CHECK(rhs_enum("b", true) == "treaty_status");
  CHECK(rhs_enum("d", false) == "dispute_status");
  CHECK(rhs_enum("e", true) == "dispute_status");
}

TEST_CASE("requirements record what they read", "[sema][check]") {
  auto c = CheckSource(R"(
concord strict extends minimal {
  require charter.jury.size >= 5 as C101 "juries of five"
  require treaty.term <= 6 months as C102 "short treaties"
}
)");
  REQUIRE(c->diags.diagnostics().empty());
  const ConcordInfo* strict = nullptr;
  for (const auto& k : c->checked->concords()) {
    if (k->symbol->name == "strict") strict = k.get();
  }
  REQUIRE(strict);
  REQUIRE(strict->extends);
  CHECK(strict->extends->symbol->name == "minimal");
  REQUIRE(strict->requirements.size() == 2);
  CHECK(strict->requirements[0].uses_charter);
  CHECK_FALSE(strict->requirements[0].uses_treaty);
  CHECK(strict->requirements[1].uses_treaty);
  std::vector<const RequirementInfo*> all = strict->AllRequirements();
  CHECK(all.size() == strict->extends->requirements.size() + 2);
  CHECK(all.front()->concord == strict->extends);
  CHECK(all.back()->requirement->code.value == "C102");
}

TEST_CASE("scenario attributes become member fields", "[sema][check]") {
  auto c = CheckSource(R"(
charter kitchen {
  adopted 2026-11-01
  membership { entry open exit anytime notice 0 days }
  revision { every month quota 1 }
}
scenario s {
  members kitchen: ana { income 1200 EUR, skills 2 }
  on 2026-11-15 join ivo to kitchen { skills 2.5, nickname "Ivo" }
  expect ana.skills > 1 and ivo.nickname == "Ivo"
}
)");
  INFO(c->Codes());
  REQUIRE(c->diags.diagnostics().empty());
  const RecordType* member = c->checked->types().FindRecord("member");
  REQUIRE(member->Find("skills"));
  CHECK(member->Find("skills")->type->ToString() == "decimal");
  CHECK(member->Find("skills")->origin == FieldOrigin::kAttribute);
  CHECK(member->Find("nickname")->type->ToString() == "text");
  CHECK(member->Find("income")->origin == FieldOrigin::kModel);
  const ScenarioInfo& s = *c->checked->scenarios().front();
  CHECK(s.members.size() == 2);
  CHECK(s.member_polity.at(s.members.back())->symbol->name == "kitchen");
}

TEST_CASE("every problem is a diagnostic, never a crash", "[sema][check]") {
  // Errors inside errors: unknown names in calls of unknown functions in
  // comprehensions over unknown sets, and cycles of every kind at once.
  auto c = CheckSource(R"(
fn a() -> nothing = b(zz(q in nowhere where q.x), 1 month < 30 days)
fn b(x: int) -> int = a()
concord k extends k { require charter.nope.nope as C1 "x" }
charter x { metric m = n  metric n = m + count(y in m where y) }
scenario s { on 2026-01-01 contribute nobody 5 to nothing  expect status(x) }
)");
  CHECK_FALSE(c->diags.diagnostics().empty());
  CHECK(c->checked->has_errors());
}

}  // namespace
}  // namespace concord::sema
