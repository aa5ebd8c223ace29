// Program::Decide, a condition's truth without a boxed value
// (docs/reference-jit.md, "Conditions"): it answers what Evaluate's value
// is, and declines whatever Evaluate must word or hand to the interpreter.
#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/lower/lower.h"
#include "runtime/jit/jit.h"
#include "tests/unit/sema_fixture.h"

namespace concord::jit {
namespace {

using interp::EvalOptions;
using values::Value;

// Compiled code runs only with an anchor date.
EvalOptions Anchored() {
  return EvalOptions{values::Date::Parse("2027-01-15"), nullptr, false};
}

Value Money(std::string_view text) {
  return Value::MakeMoney(*values::ParseMoney(text));
}

// A root whose body calls `fn` on the root's one input, as the lowering
// makes a rule's condition of `on contribution c`.
ir::Root* CallingRoot(ir::Module& module, const ir::Function& fn) {
  auto root = std::make_unique<ir::Root>();
  root->name = "calls " + fn.name;
  root->inputs.push_back({"m", fn.params.at(0).type});
  auto input = std::make_unique<ir::Node>();
  input->op = ir::Op::kInput;
  input->type = fn.params.at(0).type;
  input->slot = 0;
  input->name = "m";
  root->body = std::make_unique<ir::Node>();
  root->body->op = ir::Op::kCall;
  root->body->type = fn.result;
  root->body->callee = &fn;
  root->body->name = fn.name;
  root->body->children.push_back(std::move(input));
  return module.AddRoot(std::move(root));
}

TEST_CASE("jit: a condition's truth without a boxed value (Decide)", "[jit]") {
  auto checked = sema::testing::CheckSource(R"(
    fn rich(m: member) -> bool = m.income > 100 EUR
    fn income_of(m: member) -> money = m.income
  )");
  REQUIRE_FALSE(checked->diags.has_errors());
  ir::Module module;
  lower::Lowerer lowerer(*checked->checked, module);
  REQUIRE_FALSE(lowerer.LowerAllFns().has_value());
  ir::Root* rich = CallingRoot(module, *module.FindFunction("rich"));
  ir::Root* income = CallingRoot(module, *module.FindFunction("income_of"));
  std::string error;
  std::unique_ptr<Program> jit = Program::Compile(module, &error);
  INFO(error);
  REQUIRE(jit);
  REQUIRE(jit->stats().roots == 2);

  auto member = [&](const char* name, const char* amount) {
    auto record = std::make_shared<values::Record>(module.FindShape("member"));
    if (amount) record->Put("income", Money(amount));
    return std::vector<Value>{values::MakeMemberValue(name, "k", record)};
  };
  // Decide answers what Evaluate's value is, and Evaluate still boxes it.
  for (auto [amount, holds] : {std::pair{"2600 EUR", true}, std::pair{"50 EUR", false}}) {
    std::vector<Value> ana = member("ana", amount);
    CHECK(jit->Decide(*rich, ana, Anchored()) == std::optional<bool>(holds));
    CHECK(jit->Evaluate(*rich, ana, Anchored()).ToString() ==
          interp::Evaluate(*rich, ana, Anchored()).ToString());
    CHECK(jit->Evaluate(*rich, ana, Anchored()).value.AsBool());
  }
  // An error is no answer: Evaluate gives the interpreter's Outcome.
  std::vector<Value> ben = member("ben", nullptr);
  CHECK_FALSE(jit->Decide(*rich, ben, Anchored()).has_value());
  interp::Outcome missing = jit->Evaluate(*rich, ben, Anchored());
  REQUIRE(missing.status == interp::Status::kError);
  CHECK(missing.error->code == diag::Code::R022);
  CHECK(missing.ToString() == interp::Evaluate(*rich, ben, Anchored()).ToString());
  // Neither is a root of another type, nor an evaluation without an anchor
  // date (three-valued, the interpreter's).
  std::vector<Value> ana = member("ana", "2600 EUR");
  CHECK_FALSE(jit->Decide(*income, ana, Anchored()).has_value());
  CHECK(jit->Evaluate(*income, ana, Anchored()).ToString() ==
        interp::Evaluate(*income, ana, Anchored()).ToString());
  CHECK_FALSE(jit->Decide(*rich, ana, EvalOptions{}).has_value());
  // Nor an input the root's type does not accept.
  std::vector<Value> wrong = {Value::MakeInt(3)};
  CHECK_FALSE(jit->Decide(*rich, wrong, Anchored()).has_value());
}

}  // namespace
}  // namespace concord::jit
