// The language features, one file each. Each takes the document as the
// client sees it, its analysis, and the request's parameters, and returns
// the `result` of the response (LSP 3.17 shapes). They throw RpcError for
// requests they cannot answer.
#pragma once

#include <nlohmann/json.hpp>

#include "compiler/lsp/analysis.h"
#include "compiler/lsp/document_store.h"
#include "compiler/lsp/position.h"

namespace concord::lsp {

using Json = nlohmann::json;

struct DocumentContext {
  const Document& document;
  const Analysis& analysis;
  PositionEncoding encoding;
  LocationMapper& mapper;
};

Json ToJson(Position position);
Json ToJson(const LocationMapper::Range& range);
Position PositionFromJson(const Json& json);
// {"uri": ..., "range": ...}
Json Location(DocumentContext& context, diag::SourceRange range);

// textDocument/publishDiagnostics parameters for the document.
Json PublishDiagnostics(DocumentContext& context);
// One diagnostic in LSP form (also echoed in code actions).
Json DiagnosticToJson(DocumentContext& context, const diag::Diagnostic& diagnostic);

Json Hover(DocumentContext& context, const Json& params);
Json Definition(DocumentContext& context, const Json& params);
Json DocumentSymbols(DocumentContext& context);
Json Completion(DocumentContext& context, const Json& params);
Json CodeActions(DocumentContext& context, const Json& params);

// The legend advertised in `initialize` and the tokens of the document.
Json SemanticTokensLegend();
Json SemanticTokens(DocumentContext& context);

// The whole document formatted by `concord fmt`.
Json Formatting(DocumentContext& context);

}  // namespace concord::lsp
