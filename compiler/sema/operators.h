// The type rules of the operators (LANGUAGE.md §2), as a pure function of
// the operand types so they can be tested and documented on their own. The
// expression checker adds the diagnostics; this file only decides.
#pragma once

#include "compiler/sema/types.h"
#include "compiler/syntax/expr.h"

namespace concord::sema {

enum class OperandError : uint8_t {
  kNone,
  kInvalid,   // E0213: the operator does not accept these types
  kCurrency,  // E0205: money in two different known currencies
};

struct OperatorType {
  const Type* type = nullptr;  // the result; error type when an operand is an error
  OperandError error = OperandError::kNone;
};

// `of` with a set on the right counts the set (`25% of rules` is
// `25% * count(rules)`); otherwise it is `*`. `and`/`or` need bools.
OperatorType BinaryOperatorType(TypeContext& types, ast::BinaryOp op, const Type* lhs,
                                const Type* rhs);
OperatorType UnaryOperatorType(TypeContext& types, ast::UnaryOp op, const Type* operand);

bool IsComparison(ast::BinaryOp op);
bool IsOrdering(ast::BinaryOp op);
// Whether values of this type can be compared with `==`: everything but value
// records (membership, revision, ...) and sets or optionals of them.
bool IsEquatable(const Type* type);

}  // namespace concord::sema
