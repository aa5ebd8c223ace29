// A host for unit tests that evaluate `members(p)`: it answers with two
// members of polity `k`, `ana` (income 2600 EUR) and `ben` (no attributes),
// and declines every other question. Shared by the interpreter's and the
// JIT's tests, so both engines are asked the same thing.
#pragma once

#include <memory>
#include <span>

#include "compiler/ir/ir.h"
#include "runtime/interp/interp.h"
#include "runtime/values/money.h"
#include "runtime/values/value.h"

namespace concord::testing {

class TwoMembers : public interp::Host {
 public:
  explicit TwoMembers(const ir::Module& module) : module_(module) {}
  interp::HostAnswer Query(ir::HostQuery query, std::span<const values::Value> args,
                           const ir::Type& type) override {
    if (query != ir::HostQuery::kMembers || args.size() != 1) return Host::Query(query, args, type);
    auto ana = std::make_shared<values::Record>(module_.FindShape("member"));
    ana->Put("income", values::Value::MakeMoney(*values::ParseMoney("2600 EUR")));
    return interp::HostAnswer::Of(values::MakeSetValue({
        values::MakeMemberValue("ana", "k", ana),
        values::MakeMemberValue("ben", "k"),
    }));
  }

 private:
  const ir::Module& module_;
};

}  // namespace concord::testing
