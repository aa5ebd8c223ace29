// Aggregates both engines may answer from a set's index instead of visiting
// every element: `agg(... for x in S where x.field == key)` where `key`
// does not depend on `x`, such as a member's own payments,
// `sum(x.amount for x in contributions(kitty) where x.member == c.member)`.
//
// Visiting only the elements the index names gives exactly what visiting
// all would, because the index covers a field only when reading it
// succeeds on every element (values::Set::CanMatch), so the skipped
// elements would have failed the filter without an error, and the matches
// are visited in the set's order. The engines still evaluate the filter on
// each match. `key` is evaluated once, before the first element, only when
// the set is not empty: where the full scan would have evaluated it first.
#pragma once

#include <optional>

#include "compiler/ir/ir.h"

namespace concord::interp {

struct KeyedFilter {
  const ir::Node* field = nullptr;  // `x.field`: a Field of the aggregate's Local
  const ir::Node* key = nullptr;    // the other operand of `==`
};

// The aggregate's filter when it has the form above and `==` compares the
// key structurally (not money or duration, whose `==` follows the
// language's rules); nullopt otherwise. `any` and `all` qualify only with a
// projection: without one their `where` is their condition, not a filter.
std::optional<KeyedFilter> FindKeyedFilter(const ir::Node& aggregate);

}  // namespace concord::interp
