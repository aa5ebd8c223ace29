// The lowering of one expression tree (a fn body or a root) to IR nodes.
// Internal to compiler/lower: callers use lower.h. Split over lower_expr.cpp
// (names, fields, calls, sets, comprehensions, `if`) and lower_operators.cpp
// (unary and binary operators, comparisons and conversions).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/lower/lower.h"

namespace concord::lower {

// The lowering's whole vocabulary is the IR's: its files read it unqualified.
using ir::EntityKind;
using ir::EnumShape;
using ir::Function;
using ir::HostQuery;
using ir::Module;
using ir::Node;
using ir::NodePtr;
using ir::Op;
using ir::PrintOptions;
using ir::RecordShape;
using ir::Root;
using ir::Type;
using ir::TypeKind;
using ir::TypeTable;
using ir::Variable;

class ExprLowerer {
 public:
  // Binary chains (`a + b + c + ...`) are not limited by the parser's
  // nesting limit, so a tree may be deeper than any real formula; beyond
  // this depth lowering stops with an error instead of exhausting the stack
  // (of the lowering here, and of the interpreter later).
  static constexpr int kMaxDepth = 1000;

  // `fn` gives the parameters in scope (null for a root); `inputs` the root's
  // bindings (null for a fn).
  ExprLowerer(Lowerer& lowerer, const sema::FnInfo* fn, const std::vector<Binding>* inputs);

  // Null once an error is recorded; error() says which.
  NodePtr Lower(const ast::Expr& expr);
  // A value of `to`'s type from a node of an assignable type: int to
  // decimal, money of run-time currency checked against a known one.
  NodePtr Coerce(NodePtr node, const Type* to);

  const std::optional<LowerError>& error() const { return error_; }
  int32_t num_locals() const { return num_locals_; }

 private:
  // lower_expr.cpp
  NodePtr LowerConstant(const ast::Expr& expr, const sema::Constant& constant, const Type* type);
  NodePtr LowerName(const ast::NameRef& ref, const Type* type);
  NodePtr LowerHolders(const ast::CallExpr& call, const Type* type);
  NodePtr LowerSymbol(const sema::Symbol* symbol, diag::SourceRange range, const Type* type);
  NodePtr LowerField(const ast::FieldAccess& access, const Type* type);
  NodePtr LowerCall(const ast::CallExpr& call, const Type* type);
  NodePtr LowerBuiltin(const ast::CallExpr& call, sema::Builtin builtin, const Type* type);
  NodePtr LowerComprehension(const ast::Comprehension& c, const Type* type);
  // `sum(v.amount for v in contributions(ACCOUNT) ...)`: the currency the
  // account holds (sema::CheckedProgram::AccountCurrency), which is that of
  // every payment booked into it and so of its empty sum; "" otherwise.
  std::string AmountsCurrency(const ast::Comprehension& c, const sema::Symbol* variable) const;
  NodePtr LowerSet(const ast::SetLit& set, const Type* type);
  NodePtr LowerIf(const ast::IfExpr& expr, const Type* type);
  NodePtr EntityOf(const sema::Symbol* symbol, diag::SourceRange range);

  // lower_operators.cpp
  NodePtr LowerUnary(const ast::UnaryExpr& unary, const Type* type);
  NodePtr LowerBinary(const ast::BinaryExpr& binary, const Type* type);
  NodePtr LowerComparison(const ast::BinaryExpr& binary, NodePtr lhs, NodePtr rhs);
  NodePtr AddSub(bool subtract, NodePtr lhs, NodePtr rhs, const Type* type, diag::SourceRange r);
  NodePtr Multiply(NodePtr lhs, NodePtr rhs, const Type* type, diag::SourceRange range);
  NodePtr Divide(NodePtr lhs, NodePtr rhs, const Type* type, diag::SourceRange range);
  // An int or percent operand as a decimal (a decimal unchanged).
  NodePtr ToDecimal(NodePtr node);
  // Tells the money sums inside `node` which currency an empty sum is in,
  // when the other operand of a money operation knows it statically.
  void HintCurrency(Node& node, const std::string& currency);
  void HintEachOther(Node& a, Node& b);

  // Builders.
  NodePtr Make(Op op, const Type* type, diag::SourceRange range);
  NodePtr Make(Op op, const Type* type, diag::SourceRange range, NodePtr a);
  NodePtr Make(Op op, const Type* type, diag::SourceRange range, NodePtr a, NodePtr b);
  NodePtr Fail(std::string message, diag::SourceRange range);
  const Type* TypeOf(const ast::Expr& expr);

  Lowerer& lowerer_;
  TypeTable& types_;
  const sema::CheckedProgram& program_;
  const sema::FnInfo* fn_;
  const std::vector<Binding>* inputs_;
  std::map<const sema::Symbol*, int32_t> locals_;  // comprehension variables in scope
  int32_t num_locals_ = 0;
  int depth_ = 0;
  std::optional<LowerError> error_;
};

}  // namespace concord::lower
