// `concord lsp`: the Language Server. Reads framed JSON-RPC messages,
// dispatches requests and notifications through its table of methods
// (methods.cpp), and keeps the open documents and their analyses.
// Single-threaded: each message is handled completely (a change is compiled
// and its diagnostics published) before the next is read, so responses come
// in request order.
#pragma once

#include <istream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/lsp/analysis.h"
#include "compiler/lsp/document_store.h"
#include "compiler/lsp/position.h"
#include "compiler/lsp/transport.h"

namespace concord::lsp {

struct Method;

class Server {
 public:
  using Json = nlohmann::json;

  explicit Server(std::ostream& out, std::string version = "");

  // Serves until `exit` or the end of input. Returns the process exit code:
  // 0 after `shutdown` then `exit`, 1 otherwise, as the specification says.
  int Run(std::istream& in, size_t max_message_bytes = kMaxMessageBytes);

  // One frame; false once `exit` was received.
  bool HandleFrame(const Frame& frame);

 private:
  void HandleMessage(const Json& message);
  Json HandleRequest(const std::string& method, const Json& params);
  void HandleNotification(const std::string& method, const Json& params);

  // Every method the server speaks, with its handler and capability
  // (methods.cpp), and the one `name` names among the requests or the
  // notifications; null when there is none.
  static const std::vector<Method>& Methods();
  static const Method* FindMethod(std::string_view name, bool request);

  // The handlers of the session's own methods; the language features are in
  // features.h.
  Json Initialize(const Json& params);
  Json Shutdown(const Json& params);
  void Exit(const Json& params);
  void DidOpen(const Json& params);
  void DidChange(const Json& params);
  void DidClose(const Json& params);

  // The open document a request names, analysed; throws InvalidParams.
  struct Open {
    Document* document;
    Analysis* analysis;
  };
  Open RequireDocument(const Json& params);
  // Compiles `uri` again and publishes its diagnostics.
  void Reanalyze(const std::string& uri);

  void Send(const Json& message);
  void Respond(const Json& id, Json result);
  void RespondError(const Json& id, int code, const std::string& message);
  void Notify(const std::string& method, Json params);

  std::ostream& out_;
  std::string version_;
  PositionEncoding encoding_ = PositionEncoding::kUtf16;
  bool initialized_ = false;
  bool shutdown_requested_ = false;
  bool exited_ = false;
  DocumentStore documents_;
  std::map<std::string, std::unique_ptr<Analysis>> analyses_;
};

}  // namespace concord::lsp
