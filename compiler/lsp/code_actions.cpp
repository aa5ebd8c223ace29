// textDocument/codeAction: quick fixes from the fix-its of the diagnostics
// that overlap the requested range ("replace `shard_meals` with
// `shared_meals`" for a misspelt name, "insert ` days`", ...). Each action is
// a WorkspaceEdit the client applies as is.
#include "compiler/lsp/features.h"

namespace concord::lsp {

Json CodeActions(DocumentContext& context, const Json& params) {
  const Json& range = params.at("range");
  uint32_t begin = context.mapper.DocumentOffset(PositionFromJson(range.at("start")));
  uint32_t end = context.mapper.DocumentOffset(PositionFromJson(range.at("end")));
  Json actions = Json::array();
  for (const diag::Diagnostic& d : context.analysis.diagnostics) {
    if (d.fixits.empty() || d.range.file != context.analysis.file) continue;
    // Overlap, counting touching ranges: a cursor right after a word asks
    // about that word.
    if (d.range.end < begin || d.range.begin > end) continue;
    Json diagnostic = DiagnosticToJson(context, d);
    for (const diag::FixIt& fix : d.fixits) {
      if (!fix.range.valid()) continue;
      Json edit{{"range", ToJson(context.mapper.ToRange(fix.range))}, {"newText", fix.replacement}};
      Json changes = Json::object();
      changes[context.mapper.Uri(fix.range.file)] = Json::array({edit});
      actions.push_back({{"title", fix.description},
                         {"kind", "quickfix"},
                         {"diagnostics", Json::array({diagnostic})},
                         {"isPreferred", d.fixits.size() == 1},
                         {"edit", {{"changes", changes}}}});
    }
  }
  return actions;
}

}  // namespace concord::lsp
