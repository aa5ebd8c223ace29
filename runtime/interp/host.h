// The world an expression can ask about, implemented by whoever evaluates
// it: the runtime engine answers everything (the entities of the program,
// the members of a charter today, the contributions so far, the status of a
// treaty, a metric's value); concord evaluation at compile time answers the
// subset a requirement can read. Every method has a default that declines,
// so a host implements only what it can provide; a declined question
// becomes runtime error R025 at the node that asked.
//
// Answers must have the kind the node's type says (a set for `members(p)`,
// an enum of the node's EnumShape for `status(t)`); records and members are
// built with the shapes of the ir::Module (Module::FindShape("member")), so
// field indices agree with the IR.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "compiler/ir/ir.h"
#include "runtime/values/value.h"

namespace concord::interp {

// A value, or why the host has none (the message of R025).
struct HostAnswer {
  std::optional<values::Value> value;
  std::string why_not;

  static HostAnswer Of(values::Value v) { return {std::move(v), {}}; }
  static HostAnswer Decline(std::string why) { return {std::nullopt, std::move(why)}; }
};

class Host {
 public:
  virtual ~Host() = default;

  // A declared entity as a value of `type`: the charter `eastside_kitchen`,
  // the rule `shared_meals` of it, the member `ana` of a scenario.
  virtual HostAnswer Entity(ir::EntityKind kind, std::string_view name, std::string_view owner,
                            const ir::Type& type);
  // The value of metric `name` of charter `owner` on the evaluation date.
  // `empty_sum_currency` is the reader's hint (ir::HintEmptySums): the
  // currency the metric's empty money sums are in, as if written inline
  // where it is read; "" when the reader knows none.
  virtual HostAnswer Metric(std::string_view owner, std::string_view name, const ir::Type& type,
                            std::string_view empty_sum_currency);
  // A question of host_queries.def about `args` (already evaluated).
  virtual HostAnswer Query(ir::HostQuery query, std::span<const values::Value> args,
                           const ir::Type& type);
};

}  // namespace concord::interp
