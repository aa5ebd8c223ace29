// One LSP method as the server declares it: its name, its handler, and what
// it adds to the capabilities `initialize` advertises. The server keeps one
// table of these (methods.cpp) and both dispatches and advertises from it, as
// clangd's LSPBinder does, so a method cannot be answered without being
// advertised or advertised without being answered.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <variant>

#include "compiler/lsp/features.h"

namespace concord::lsp {

class Server;

struct Method {
  // A request about one open document: the server resolves
  // params.textDocument first (InvalidParams when it is not open), so the
  // feature only sees a document it can answer for.
  using DocumentRequest = Json (*)(DocumentContext& context, const Json& params);
  // Requests and notifications about the session itself.
  using SessionRequest = Json (Server::*)(const Json& params);
  using SessionNotification = void (Server::*)(const Json& params);

  std::string_view name;
  // The alternative held says whether the method is a request (the first
  // two) or a notification.
  std::variant<DocumentRequest, SessionRequest, SessionNotification> handler;
  // Merged into the `capabilities` of the initialize result (a JSON merge
  // patch, RFC 7386), so methods that share a capability object each add
  // their own key of it (didOpen and didChange in textDocumentSync). Null
  // when the method advertises nothing; a null inside an object would remove
  // that key instead of sending it.
  Json capability = nullptr;
  // initialize and exit change the state of the session, so they are taken
  // in any state; every other method only between initialize and shutdown.
  bool any_state = false;

  bool IsRequest() const { return !std::holds_alternative<SessionNotification>(handler); }
};

}  // namespace concord::lsp
