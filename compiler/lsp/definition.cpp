// textDocument/definition: where the name under the cursor is declared
// (charters, treaties, concords, fns, rules, funds, ledgers, members,
// parameters), or the concord requirement a code such as `C002` names.
// Declarations in imported files and in the standard library resolve too.
#include "compiler/lsp/features.h"
#include "compiler/lsp/symbol_lookup.h"

namespace concord::lsp {

Json Definition(DocumentContext& context, const Json& params) {
  uint32_t offset = context.mapper.DocumentOffset(PositionFromJson(params.at("position")));
  std::optional<Target> target = FindTarget(context.analysis, offset);
  if (!target) return nullptr;
  if (target->requirement) return Location(context, target->requirement->requirement->range);
  if (target->syntactic) return Location(context, target->syntactic->name);
  if (target->symbol && target->symbol->range.valid()) {
    return Location(context, target->symbol->range);
  }
  return nullptr;
}

}  // namespace concord::lsp
