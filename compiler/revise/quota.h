// The revision quota as a number of rules: `quota 25% of rules` against the
// rules in force in the old version, rounded up; `quota 2` (or `quota 2
// rules`) as written. The runtime counts the same way per cycle (R001).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "compiler/syntax/expr.h"

namespace concord::revise {

struct QuotaValue {
  std::optional<int64_t> rules;  // how many rules must change; absent if not computable
  std::string exact;             // before rounding and clamping: "1.75"
  std::string why_not;           // set when `rules` is absent
};

// Evaluates a quota expression for a charter with `rules_in force` rules.
// Understands literals, `rules` (the set; `count(rules)` as well), `P of X`,
// `+ - * /`, `min` and `max`; a bare share (`quota 25%`) is a share of the
// rules. The result is rounded up and kept between 0 and `rules_in_force`:
// no revision can change more rules than there are, so changing every rule
// always meets the quota. Anything else (`25% of members`) depends on the
// state at run time, and `why_not` says so.
QuotaValue EvaluateQuota(const ast::Expr& quota, int64_t rules_in_force);

}  // namespace concord::revise
