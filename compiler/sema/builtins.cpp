// The table of standard functions, built from builtins.def.
#include "compiler/sema/builtins.h"

namespace concord::sema {

const std::vector<BuiltinInfo>& AllBuiltins() {
  static const std::vector<BuiltinInfo> kAll = {
#define CONCORD_BUILTIN(id, name, aggregate, signature, meaning) \
  {Builtin::k##id, name, aggregate, signature, meaning},
#include "compiler/sema/builtins.def"
  };
  return kAll;
}

const BuiltinInfo& Info(Builtin builtin) {
  return AllBuiltins()[static_cast<size_t>(builtin)];
}

std::optional<Builtin> FindBuiltin(std::string_view name) {
  for (const BuiltinInfo& b : AllBuiltins()) {
    if (b.name == name) return b.id;
  }
  return std::nullopt;
}

std::vector<std::string> BuiltinNames(bool aggregates_only) {
  std::vector<std::string> names;
  for (const BuiltinInfo& b : AllBuiltins()) {
    if (!aggregates_only || b.aggregate) names.emplace_back(b.name);
  }
  return names;
}

}  // namespace concord::sema
