// The operator type rules of LANGUAGE.md §2, as a table of operand types.
#include <catch2/catch.hpp>

#include "compiler/sema/operators.h"

namespace concord::sema {
namespace {

using ast::BinaryOp;

std::string Result(TypeContext& t, BinaryOp op, const char* lhs, const char* rhs) {
  OperatorType r = BinaryOperatorType(t, op, t.Parse(lhs), t.Parse(rhs));
  switch (r.error) {
    case OperandError::kInvalid:
      return "E0213";
    case OperandError::kCurrency:
      return "E0205";
    case OperandError::kNone:
      break;
  }
  return r.type->ToString();
}

TEST_CASE("addition and subtraction", "[sema][operators]") {
  TypeContext t;
  CHECK(Result(t, BinaryOp::kAdd, "int", "int") == "int");
  CHECK(Result(t, BinaryOp::kAdd, "int", "decimal") == "decimal");
  CHECK(Result(t, BinaryOp::kSub, "decimal", "int") == "decimal");
  CHECK(Result(t, BinaryOp::kAdd, "percent", "percent") == "percent");
  CHECK(Result(t, BinaryOp::kAdd, "percent", "int") == "E0213");
  CHECK(Result(t, BinaryOp::kAdd, "duration", "duration") == "duration");
  CHECK(Result(t, BinaryOp::kAdd, "date", "duration") == "date");
  CHECK(Result(t, BinaryOp::kAdd, "duration", "date") == "date");
  CHECK(Result(t, BinaryOp::kSub, "date", "duration") == "date");
  CHECK(Result(t, BinaryOp::kSub, "duration", "date") == "E0213");
  CHECK(Result(t, BinaryOp::kSub, "date", "date") == "duration");
  CHECK(Result(t, BinaryOp::kAdd, "date", "date") == "E0213");
  CHECK(Result(t, BinaryOp::kAdd, "money", "int") == "E0213");
  CHECK(Result(t, BinaryOp::kAdd, "text", "text") == "E0213");
}

TEST_CASE("money keeps its currency", "[sema][operators]") {
  TypeContext t;
  t.Money("EUR");
  t.Money("USD");
  CHECK(Result(t, BinaryOp::kAdd, "money", "money") == "money");
  // A run-time currency meets a known one: the known one wins.
  const Type* eur = t.Money("EUR");
  OperatorType r = BinaryOperatorType(t, BinaryOp::kAdd, t.Money(), eur);
  CHECK(r.type == eur);
  r = BinaryOperatorType(t, BinaryOp::kAdd, eur, t.Money("USD"));
  CHECK(r.error == OperandError::kCurrency);
  r = BinaryOperatorType(t, BinaryOp::kLt, eur, t.Money("USD"));
  CHECK(r.error == OperandError::kCurrency);
  r = BinaryOperatorType(t, BinaryOp::kDiv, eur, t.Money("USD"));
  CHECK(r.error == OperandError::kCurrency);
  r = BinaryOperatorType(t, BinaryOp::kMul, t.Percent(), eur);
  CHECK(r.type == eur);
}

TEST_CASE("multiplication and of", "[sema][operators]") {
  TypeContext t;
  CHECK(Result(t, BinaryOp::kMul, "int", "int") == "int");
  CHECK(Result(t, BinaryOp::kMul, "int", "decimal") == "decimal");
  CHECK(Result(t, BinaryOp::kMul, "percent", "percent") == "percent");
  CHECK(Result(t, BinaryOp::kMul, "percent", "int") == "decimal");
  CHECK(Result(t, BinaryOp::kMul, "decimal", "percent") == "decimal");
  CHECK(Result(t, BinaryOp::kMul, "percent", "money") == "money");
  CHECK(Result(t, BinaryOp::kMul, "money", "decimal") == "money");
  CHECK(Result(t, BinaryOp::kMul, "int", "money") == "money");
  CHECK(Result(t, BinaryOp::kMul, "money", "money") == "E0213");
  CHECK(Result(t, BinaryOp::kMul, "int", "duration") == "duration");
  CHECK(Result(t, BinaryOp::kMul, "duration", "int") == "duration");
  CHECK(Result(t, BinaryOp::kMul, "percent", "duration") == "E0213");
  CHECK(Result(t, BinaryOp::kMul, "decimal", "duration") == "E0213");
  CHECK(Result(t, BinaryOp::kOf, "percent", "money") == "money");
  CHECK(Result(t, BinaryOp::kOf, "percent", "set<rule>") == "decimal");
  CHECK(Result(t, BinaryOp::kOf, "int", "set<member>") == "int");
  CHECK(Result(t, BinaryOp::kOf, "decimal", "set<member>") == "decimal");
}

TEST_CASE("division", "[sema][operators]") {
  TypeContext t;
  CHECK(Result(t, BinaryOp::kDiv, "money", "money") == "decimal");
  CHECK(Result(t, BinaryOp::kDiv, "money", "int") == "money");
  CHECK(Result(t, BinaryOp::kDiv, "money", "decimal") == "money");
  CHECK(Result(t, BinaryOp::kDiv, "int", "int") == "decimal");
  CHECK(Result(t, BinaryOp::kDiv, "decimal", "int") == "decimal");
  CHECK(Result(t, BinaryOp::kDiv, "int", "money") == "E0213");
  CHECK(Result(t, BinaryOp::kDiv, "duration", "int") == "E0213");
  CHECK(Result(t, BinaryOp::kDiv, "money", "percent") == "E0213");
}

TEST_CASE("comparisons", "[sema][operators]") {
  TypeContext t;
  CHECK(Result(t, BinaryOp::kLt, "int", "decimal") == "bool");
  CHECK(Result(t, BinaryOp::kLe, "duration", "duration") == "bool");
  CHECK(Result(t, BinaryOp::kGt, "date", "date") == "bool");
  CHECK(Result(t, BinaryOp::kGe, "percent", "percent") == "bool");
  CHECK(Result(t, BinaryOp::kLt, "percent", "decimal") == "E0213");
  CHECK(Result(t, BinaryOp::kLt, "text", "text") == "E0213");
  CHECK(Result(t, BinaryOp::kLt, "bool", "bool") == "E0213");
  CHECK(Result(t, BinaryOp::kLt, "entry_mode", "entry_mode") == "E0213");
  CHECK(Result(t, BinaryOp::kEq, "entry_mode", "entry_mode") == "bool");
  CHECK(Result(t, BinaryOp::kEq, "entry_mode", "renewal_mode") == "E0213");
  CHECK(Result(t, BinaryOp::kEq, "text", "text") == "bool");
  CHECK(Result(t, BinaryOp::kEq, "member", "member") == "bool");
  CHECK(Result(t, BinaryOp::kEq, "member", "charter") == "E0213");
  CHECK(Result(t, BinaryOp::kEq, "membership", "membership") == "E0213");
  CHECK(Result(t, BinaryOp::kEq, "set<member>", "set<member>") == "bool");
  CHECK(Result(t, BinaryOp::kNe, "money?", "money") == "bool");
  CHECK(Result(t, BinaryOp::kLe, "money?", "money") == "E0213");
  CHECK(Result(t, BinaryOp::kEq, "date", "int") == "E0213");
  OperatorType none = BinaryOperatorType(t, BinaryOp::kNe, t.Parse("money?"), t.None());
  CHECK(none.type == t.Bool());
}

TEST_CASE("logic, negation and errors", "[sema][operators]") {
  TypeContext t;
  CHECK(Result(t, BinaryOp::kAnd, "bool", "bool") == "bool");
  CHECK(Result(t, BinaryOp::kOr, "bool", "int") == "E0213");
  CHECK(UnaryOperatorType(t, ast::UnaryOp::kNot, t.Bool()).type == t.Bool());
  CHECK(UnaryOperatorType(t, ast::UnaryOp::kNot, t.Int()).error == OperandError::kInvalid);
  CHECK(UnaryOperatorType(t, ast::UnaryOp::kNeg, t.Duration()).type == t.Duration());
  CHECK(UnaryOperatorType(t, ast::UnaryOp::kNeg, t.Date()).error == OperandError::kInvalid);
  // An operand already in error absorbs the operator silently.
  OperatorType r = BinaryOperatorType(t, BinaryOp::kAdd, t.Error(), t.Text());
  CHECK(r.error == OperandError::kNone);
  CHECK(r.type->IsError());
}

}  // namespace
}  // namespace concord::sema
