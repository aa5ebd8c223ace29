// The standard functions (builtins.def) and their signatures. The checks
// themselves live in expr_calls.cpp, beside calls of `fn` declarations.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::sema {

enum class Builtin : uint8_t {
#define CONCORD_BUILTIN(id, name, aggregate, signature, meaning) k##id,
#include "compiler/sema/builtins.def"
};

struct BuiltinInfo {
  Builtin id;
  std::string_view name;
  bool aggregate;  // also takes a comprehension
  std::string_view signature;
  std::string_view meaning;
};

const std::vector<BuiltinInfo>& AllBuiltins();
const BuiltinInfo& Info(Builtin builtin);
std::optional<Builtin> FindBuiltin(std::string_view name);
std::vector<std::string> BuiltinNames(bool aggregates_only = false);

}  // namespace concord::sema
