// textDocument/formatting through `concord fmt` (compiler/fmt): the whole
// document replaced by its formatted text in one TextEdit, or no edit when
// it is already formatted. A document that does not parse is not formatted:
// the request fails with the formatter's first diagnostic.
#include "compiler/lsp/features.h"
#include "compiler/lsp/json_rpc.h"

#if CONCORD_LSP_HAVE_FMT
#include "compiler/fmt/format.h"
#endif

namespace concord::lsp {

bool FormattingAvailable() {
  return CONCORD_LSP_HAVE_FMT != 0;
}

Json Formatting(DocumentContext& context) {
#if CONCORD_LSP_HAVE_FMT
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
#else
  (void)context;
  throw RpcError(ErrorCode::kRequestFailed, "this build of concord has no formatter");
#endif
}

}  // namespace concord::lsp
