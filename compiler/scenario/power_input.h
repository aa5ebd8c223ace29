// The power of a charter as the engine plays it (POWER.md §1-§4): offices,
// the rules of `decisions` and `sanctions`, member classes and dues, from
// the model (and, for what the model does not keep, the charter's AST).
#pragma once

#include <functional>
#include <optional>

#include "compiler/model/model.h"
#include "runtime/engine/input.h"

namespace concord::scenario {

// Evaluates a constant amount (`10 EUR`) of the charter's source.
using MoneyOf = std::function<std::optional<values::Money>(const ast::Expr*)>;

void FillPower(const model::Charter& charter, const MoneyOf& money, engine::CharterSpec& spec);

}  // namespace concord::scenario
