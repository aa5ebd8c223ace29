// The power part of a charter's model (POWER.md §1-§4): offices, decision
// rules and the sanction policy, from the typed AST. Clause values are
// constants (sema checked their types), folded by the caller's evaluator.
#pragma once

#include <functional>
#include <optional>

#include "compiler/model/model.h"

namespace concord::model {

struct PowerEvaluator {
  std::function<std::optional<values::Duration>(const ast::Expr*)> duration;
  std::function<std::optional<values::Money>(const ast::Expr*)> money;
};

void BuildPower(const ast::CharterDecl& decl, const PowerEvaluator& eval, Charter& charter);

}  // namespace concord::model
