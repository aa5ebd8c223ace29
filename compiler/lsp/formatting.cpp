// textDocument/formatting through `concord fmt` (compiler/format): the whole
// document replaced by its formatted text in one TextEdit, or no edit when
// it is already formatted. A document that does not parse is not formatted:
// the request fails with the formatter's first diagnostic.
#include "compiler/format/format.h"
#include "compiler/lsp/features.h"
#include "compiler/lsp/json_rpc.h"

namespace concord::lsp {

Json Formatting(DocumentContext& context) {
  const std::string& text = context.document.text;
  concord::format::FormatResult formatted =
      concord::format::FormatSource(text, context.document.path);
  if (!formatted.ok) {
    std::string why = "the document does not parse";
    if (!formatted.diagnostics.empty()) why += ": " + formatted.diagnostics.front().message;
    throw RpcError(ErrorCode::kRequestFailed, "cannot format " + context.document.uri + ": " + why);
  }
  if (formatted.text == text) return Json::array();
  LineIndex index(text);
  Position end = index.ToPosition(static_cast<uint32_t>(text.size()), context.encoding);
  return Json::array({{{"range", {{"start", ToJson(Position{})}, {"end", ToJson(end)}}},
                       {"newText", formatted.text}}});
}

}  // namespace concord::lsp
