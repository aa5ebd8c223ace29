// The currency of an empty money sum, known from what the sum is compared
// with or added to rather than from its amounts: `sum(...) == 0 EUR` makes an
// empty sum 0 EUR (docs/reference-runtime.md, "Empty sums"). The lowering
// hints the sums it can see; a metric read carries the hint to the host,
// which evaluates the metric with its sums hinted the same way, so reading
// a sum through a metric means what writing it inline means.
#pragma once

#include <string>

#include "compiler/ir/ir.h"

namespace concord::ir {

// Gives the money sums that make `node`'s value (through `if` branches,
// negation, scaling, `+`, `-`, `min`, `max`, currency checks and metric
// reads) `currency` for when they are empty, unless they already have one.
// Nothing happens for an empty `currency` or a node that is not money.
void HintEmptySums(Node& node, const std::string& currency);

// A deep copy of `node` and its operands (callees are shared, not copied).
NodePtr CloneNode(const Node& node);

}  // namespace concord::ir
