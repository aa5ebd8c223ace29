// Types one expression tree in its Context: resolves names, reads fields,
// applies the operator rules, folds constants, narrows optional values. Split
// over three files: expr_checker.cpp (names, fields, narrowing),
// expr_operators.cpp (literals, operators, `if`, sets) and expr_calls.cpp
// (calls, builtins, comprehensions).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compiler/sema/checker.h"
#include "compiler/sema/operators.h"

namespace concord::sema {

class ExprChecker {
 public:
  ExprChecker(Checker& checker, const Context& context);

  // Returns the expression's type; the error type once a problem has been
  // reported inside it. `hint` is the type the surroundings expect: it picks
  // the enum of a constant such as `expired` and the type of `{}`.
  const Type* Check(const ast::Expr& expr, const Type* hint = nullptr);

 private:
  // expr_checker.cpp
  const Type* CheckName(const ast::NameRef& ref, const Type* hint);
  const Type* CheckField(const ast::FieldAccess& access);
  const Symbol* Lookup(const std::string& name, const Type* hint, diag::SourceRange range,
                       bool* reported);
  std::vector<std::string> VisibleNames() const;
  const Type* ValueType(const Symbol* symbol, const ast::Identifier& id);
  void NoteImplicitUse(const Symbol* symbol);
  void NoteDependency(const Symbol* used, diag::SourceRange site);

  // Narrowing: `x.cap != none and x.cap <= 50 EUR` reads the second
  // `x.cap` as money. A path is a name followed by fields.
  std::string PathKey(const ast::Expr& expr) const;
  std::vector<std::string> Facts(const ast::Expr& condition, bool when_true) const;
  size_t PushFacts(const ast::Expr& condition, bool when_true);
  void PopFacts(size_t count);
  const Type* Narrowed(const ast::Expr& expr, const Type* type) const;

  // expr_operators.cpp
  const Type* CheckLiteral(const ast::Expr& expr);
  const Type* CheckUnary(const ast::UnaryExpr& unary);
  const Type* CheckBinary(const ast::BinaryExpr& binary);
  const Type* CheckLogical(const ast::BinaryExpr& binary);
  const Type* CheckWithin(const ast::BinaryExpr& binary);
  const Type* CheckIf(const ast::IfExpr& expr, const Type* hint);
  const Type* CheckSet(const ast::SetLit& set, const Type* hint);
  bool SuggestShareOf(const ast::BinaryExpr& binary, const Type* lhs, const Type* rhs,
                      diag::Diagnostic& d);
  void ReportOperands(const ast::BinaryExpr& binary, const Type* lhs, const Type* rhs,
                      OperandError error);
  void FoldBinary(const ast::BinaryExpr& binary, const Type* result);
  void RetargetEnumConstant(const ast::Expr& expr, const Type* enum_type);

  // expr_calls.cpp
  const Type* CheckCall(const ast::CallExpr& call, const Type* hint);
  const Type* CheckBuiltin(const ast::CallExpr& call, Builtin builtin,
                           const std::vector<const Type*>& args);
  const Type* CheckFnCall(const ast::CallExpr& call, const FnInfo& fn,
                          const std::vector<const Type*>& args);
  const Type* CheckComprehension(const ast::Comprehension& comprehension);
  // expr_power_calls.cpp: `holders(office)` resolves its argument as an office.
  const Type* CheckHolders(const ast::CallExpr& call);
  bool CheckArity(const ast::CallExpr& call, std::string_view name, size_t min, size_t max,
                  std::string_view help = {});
  void MismatchedArgument(const ast::Expr& arg, std::string_view expected, const Type* found);

 public:
  // Used by the helpers of this class and by Checker::ExpectType.
  void Mismatch(const ast::Expr& expr, std::string_view expected, const Type* found,
                std::string_view note = {});
  const Type* Record(const ast::Expr& expr, const Type* type);
  const Constant* ConstantOf(const ast::Expr& expr) const;
  void SetConstant(const ast::Expr& expr, Constant value);
  bool InConcord() const { return ctx_.kind == ContextKind::kConcord; }

 private:
  Checker& checker_;
  TypeContext& types_;
  CheckedProgram& out_;
  const Context& ctx_;
  // Comprehension variables in scope, innermost last.
  std::vector<const Symbol*> frames_;
  // Paths known not to be none here, innermost last.
  std::vector<std::string> facts_;
};

}  // namespace concord::sema
