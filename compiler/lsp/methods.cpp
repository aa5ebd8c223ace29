// The methods `concord lsp` speaks, each declared once with its handler and
// its capability. To add a method, add its line here: dispatch
// (Server::HandleRequest, Server::HandleNotification) and the capabilities of
// `initialize` both come from this table. Requests and notifications not
// listed get -32601 and are ignored respectively; `initialized`,
// `$/cancelRequest`, `$/setTrace` and `workspace/didChange*` are left out on
// purpose: requests are answered before the next message is read, so there is
// never one to cancel, and nothing else depends on them.
#include <string_view>
#include <vector>

#include "compiler/lsp/features.h"
#include "compiler/lsp/method.h"
#include "compiler/lsp/server.h"

namespace concord::lsp {

const std::vector<Method>& Server::Methods() {
  using DocumentRequest = Method::DocumentRequest;
  // Lambdas adapt the features that need no parameters to the one
  // DocumentRequest signature.
  static const std::vector<Method> kMethods = {
      {.name = "initialize", .handler = &Server::Initialize, .any_state = true},
      {.name = "shutdown", .handler = &Server::Shutdown},
      {.name = "exit", .handler = &Server::Exit, .any_state = true},
      {.name = "textDocument/didOpen",
       .handler = &Server::DidOpen,
       .capability = {{"textDocumentSync", {{"openClose", true}}}}},
      {.name = "textDocument/didChange",
       .handler = &Server::DidChange,
       .capability = {{"textDocumentSync", {{"change", 2}}}}},  // Incremental
      {.name = "textDocument/didClose",
       .handler = &Server::DidClose,
       .capability = {{"textDocumentSync", {{"openClose", true}}}}},
      {.name = "textDocument/hover",
       .handler = DocumentRequest(&Hover),
       .capability = {{"hoverProvider", true}}},
      {.name = "textDocument/definition",
       .handler = DocumentRequest(&Definition),
       .capability = {{"definitionProvider", true}}},
      {.name = "textDocument/documentSymbol",
       .handler = +[](DocumentContext& context, const Json&) { return DocumentSymbols(context); },
       .capability = {{"documentSymbolProvider", true}}},
      {.name = "textDocument/completion",
       .handler = DocumentRequest(&Completion),
       .capability = {{"completionProvider",
                       {{"triggerCharacters", {"."}}, {"resolveProvider", false}}}}},
      {.name = "textDocument/codeAction",
       .handler = DocumentRequest(&CodeActions),
       .capability = {{"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
      {.name = "textDocument/semanticTokens/full",
       .handler = +[](DocumentContext& context, const Json&) { return SemanticTokens(context); },
       .capability = {{"semanticTokensProvider",
                       {{"legend", SemanticTokensLegend()}, {"full", true}}}}},
      {.name = "textDocument/formatting",
       .handler = +[](DocumentContext& context, const Json&) { return Formatting(context); },
       .capability = {{"documentFormattingProvider", true}}},
  };
  return kMethods;
}

const Method* Server::FindMethod(std::string_view name, bool request) {
  // A dozen entries: a linear search costs nothing next to compiling a
  // document. A name sent as the other kind (a request named `exit`) is
  // unknown, as the specification has each method be one or the other.
  for (const Method& method : Methods()) {
    if (method.name == name && method.IsRequest() == request) return &method;
  }
  return nullptr;
}

}  // namespace concord::lsp
