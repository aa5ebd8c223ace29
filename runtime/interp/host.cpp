// The default Host declines every question, naming what was asked.
#include "runtime/interp/host.h"

#include <fmt/format.h>

namespace concord::interp {

HostAnswer Host::Entity(ir::EntityKind kind, std::string_view name, std::string_view owner,
                        const ir::Type&) {
  if (owner.empty()) {
    return HostAnswer::Decline(
        fmt::format("{} `{}` is not available here", ir::EntityKindName(kind), name));
  }
  return HostAnswer::Decline(
      fmt::format("{} `{}` of `{}` is not available here", ir::EntityKindName(kind), name, owner));
}

HostAnswer Host::Metric(std::string_view owner, std::string_view name, const ir::Type&,
                        std::string_view) {
  return HostAnswer::Decline(
      fmt::format("metric `{}` of `{}` cannot be measured here", name, owner));
}

HostAnswer Host::Query(ir::HostQuery query, std::span<const values::Value>, const ir::Type&) {
  return HostAnswer::Decline(
      fmt::format("`{}` needs the state of a running scenario", ir::QueryName(query)));
}

}  // namespace concord::interp
