// The runtime helpers compiled code calls: boxing and unboxing of scalars,
// host questions, fields, sets, the arithmetic whose exact rounding lives in
// runtime/values, calendar arithmetic and the error reports. They are
// registered in the JITDylib as absolute symbols (never found through the
// process symbol table); HelperSymbols lists them. Internal to runtime/jit.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "compiler/ir/types.h"
#include "runtime/values/value.h"

namespace concord::jit {

struct HelperSymbol {
  std::string_view name;
  void* address;
};

// The scalar kind a type's values have natively (int for anything else):
// how compiled code and the helpers agree on what an i64 holds.
values::ValueKind ScalarKind(const ir::Type* type);

// Every helper, by the name the generated IR declares it under.
const std::vector<HelperSymbol>& HelperSymbols();

}  // namespace concord::jit
