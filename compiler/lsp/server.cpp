#include "compiler/lsp/server.h"

#include <cstdint>
#include <exception>
#include <optional>
#include <variant>
#include <vector>

#include "compiler/lsp/features.h"
#include "compiler/lsp/json_rpc.h"
#include "compiler/lsp/method.h"

namespace concord::lsp {
namespace {

const std::string& RequireString(const Server::Json& object, const char* key) {
  const auto& value = object.at(key);
  if (!value.is_string()) {
    throw RpcError(ErrorCode::kInvalidParams, std::string("`") + key + "` must be a string");
  }
  return value.get_ref<const std::string&>();
}

}  // namespace

Server::Server(std::ostream& out, std::string version) : out_(out), version_(std::move(version)) {}

int Server::Run(std::istream& in, size_t max_message_bytes) {
  while (true) {
    Frame frame = ReadFrame(in, max_message_bytes);
    if (frame.status == Frame::Status::kEndOfStream || frame.status == Frame::Status::kTruncated) {
      break;
    }
    if (!HandleFrame(frame)) break;
  }
  return exited_ && shutdown_requested_ ? 0 : 1;
}

bool Server::HandleFrame(const Frame& frame) {
  switch (frame.status) {
    case Frame::Status::kMessage:
      break;
    case Frame::Status::kTooLarge:
    case Frame::Status::kBadHeader:
      // The request's id is unknown (its body was not read), so the error
      // goes out with a null id, as JSON-RPC prescribes.
      RespondError(nullptr, static_cast<int>(ErrorCode::kInvalidRequest), frame.problem);
      return true;
    case Frame::Status::kEndOfStream:
    case Frame::Status::kTruncated:
      return false;
  }
  // Bounded before parsing: copying a message's params (and dumping JSON)
  // recurses once per level; 100,000 levels overflowed the stack.
  if (!NestingWithin(frame.body)) {
    RespondError(nullptr, static_cast<int>(ErrorCode::kParseError),
                 "the message nests arrays and objects deeper than " +
                     std::to_string(kMaxJsonNesting) + " levels");
    return true;
  }
  Json message = Json::parse(frame.body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    RespondError(nullptr, static_cast<int>(ErrorCode::kParseError),
                 "the message is not valid JSON");
    return true;
  }
  HandleMessage(message);
  return !exited_;
}

void Server::HandleMessage(const Json& message) {
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    // Responses to requests the server never sends are ignored; anything
    // else is not a JSON-RPC message.
    if (message.is_object() && message.contains("id") &&
        (message.contains("result") || message.contains("error"))) {
      return;
    }
    Json id = message.is_object() && message.contains("id") ? message["id"] : Json(nullptr);
    RespondError(id, static_cast<int>(ErrorCode::kInvalidRequest),
                 "not a JSON-RPC 2.0 request or notification");
    return;
  }
  const std::string& method = message["method"].get_ref<const std::string&>();
  Json params = message.contains("params") ? message["params"] : Json::object();
  bool is_request = message.contains("id");
  if (!is_request) {
    try {
      HandleNotification(method, params);
    } catch (const std::exception&) {
      // A notification has no response to carry an error; a bad one is
      // dropped so the session goes on.
    }
    return;
  }
  const Json& id = message["id"];
  if (!id.is_string() && !id.is_number_integer()) {
    RespondError(nullptr, static_cast<int>(ErrorCode::kInvalidRequest),
                 "a request id must be an integer or a string");
    return;
  }
  try {
    Respond(id, HandleRequest(method, params));
  } catch (const RpcError& e) {
    RespondError(id, static_cast<int>(e.code()), e.what());
  } catch (const Json::exception& e) {
    // A missing or mistyped field in the parameters.
    RespondError(id, static_cast<int>(ErrorCode::kInvalidParams),
                 std::string("invalid parameters for ") + method + ": " + e.what());
  } catch (const std::exception& e) {
    RespondError(id, static_cast<int>(ErrorCode::kInternalError),
                 std::string("internal error in ") + method + ": " + e.what());
  }
}

Server::Json Server::HandleRequest(const std::string& method, const Json& params) {
  const Method* found = FindMethod(method, /*request=*/true);
  // Unknown methods pass the same gates as known ones, so a request before
  // initialize gets -32002 whatever its name.
  if (!found || !found->any_state) {
    if (!initialized_) {
      throw RpcError(ErrorCode::kServerNotInitialized, "the first request must be initialize");
    }
    if (shutdown_requested_) {
      throw RpcError(ErrorCode::kInvalidRequest,
                     "the server is shutting down; only exit is accepted");
    }
  }
  if (!found) throw RpcError(ErrorCode::kMethodNotFound, "unknown method " + method);
  if (const auto* feature = std::get_if<Method::DocumentRequest>(&found->handler)) {
    Open open = RequireDocument(params);
    LocationMapper mapper(*open.analysis, *open.document, encoding_);
    DocumentContext context{*open.document, *open.analysis, encoding_, mapper};
    return (*feature)(context, params);
  }
  return (this->*std::get<Method::SessionRequest>(found->handler))(params);
}

void Server::HandleNotification(const std::string& method, const Json& params) {
  const Method* found = FindMethod(method, /*request=*/false);
  if (!found) return;  // unknown notifications are ignored, as the specification says
  // Before initialize and after shutdown, notifications other than exit are dropped.
  if (!found->any_state && (!initialized_ || shutdown_requested_)) return;
  (this->*std::get<Method::SessionNotification>(found->handler))(params);
}

Server::Json Server::Initialize(const Json& params) {
  if (initialized_) throw RpcError(ErrorCode::kInvalidRequest, "initialize was already sent");
  // The client lists the encodings it supports, most preferred first; the
  // first one the server also speaks wins, UTF-16 (mandatory) otherwise.
  encoding_ = PositionEncoding::kUtf16;
  if (params.is_object() && params.contains("capabilities")) {
    const Json& general = params["capabilities"].value("general", Json::object());
    if (general.is_object() && general.contains("positionEncodings") &&
        general["positionEncodings"].is_array()) {
      for (const Json& name : general["positionEncodings"]) {
        if (!name.is_string()) continue;
        if (auto encoding = EncodingFromName(name.get<std::string>())) {
          encoding_ = *encoding;
          break;
        }
      }
    }
  }
  initialized_ = true;
  // The methods' own capabilities, after the one initialize negotiated.
  Json capabilities{{"positionEncoding", EncodingName(encoding_)}};
  for (const Method& method : Methods()) {
    if (!method.capability.is_null()) capabilities.merge_patch(method.capability);
  }
  Json server_info{{"name", "concord"}};
  if (!version_.empty()) server_info["version"] = version_;
  return Json{{"capabilities", capabilities}, {"serverInfo", server_info}};
}

Server::Json Server::Shutdown(const Json&) {
  shutdown_requested_ = true;
  return nullptr;
}

void Server::Exit(const Json&) {
  exited_ = true;
}

void Server::DidOpen(const Json& params) {
  const Json& item = params.at("textDocument");
  std::string uri = RequireString(item, "uri");
  int32_t version = OptionalNonNegative<int32_t>(item, "version").value_or(0);
  documents_.Open(uri, version, RequireString(item, "text"));
  Reanalyze(uri);
}

void Server::DidChange(const Json& params) {
  const Json& id = params.at("textDocument");
  std::string uri = RequireString(id, "uri");
  Document* document = documents_.Find(uri);
  if (!document) return;  // a change to a document never opened: nothing to apply it to
  // Every change is read before any is applied: a notification with one bad
  // field is dropped whole, not half applied.
  std::optional<int32_t> version = OptionalNonNegative<int32_t>(id, "version");
  std::vector<TextChange> changes;
  for (const Json& change : params.at("contentChanges")) {
    TextChange& parsed = changes.emplace_back();
    parsed.text = RequireString(change, "text");
    if (change.contains("range")) {
      const Json& range = change["range"];
      parsed.range = {PositionFromJson(range.at("start")), PositionFromJson(range.at("end"))};
    }
  }
  for (const TextChange& change : changes) ApplyChange(document->text, change, encoding_);
  if (version) document->version = *version;
  Reanalyze(uri);
  // Open documents that import this one see the new text too.
  for (auto& [other_uri, analysis] : analyses_) {
    if (other_uri == uri || !analysis) continue;
    const diag::SourceManager& sources = analysis->program().sources;
    bool imports_it = false;
    for (diag::FileId f = 0; f < sources.file_count(); ++f) {
      if (f != analysis->file && sources.Path(f) == document->path) imports_it = true;
    }
    if (imports_it) Reanalyze(other_uri);
  }
}

void Server::DidClose(const Json& params) {
  std::string uri = RequireString(params.at("textDocument"), "uri");
  documents_.Close(uri);
  analyses_.erase(uri);
  // The diagnostics of a closed document are the editor's to forget.
  Notify("textDocument/publishDiagnostics", Json{{"uri", uri}, {"diagnostics", Json::array()}});
}

Server::Open Server::RequireDocument(const Json& params) {
  if (!params.is_object() || !params.contains("textDocument")) {
    throw RpcError(ErrorCode::kInvalidParams, "missing textDocument");
  }
  std::string uri = RequireString(params["textDocument"], "uri");
  Document* document = documents_.Find(uri);
  auto analysis = analyses_.find(uri);
  if (!document || analysis == analyses_.end() || !analysis->second) {
    throw RpcError(
        ErrorCode::kInvalidParams,
        "unknown document " + uri + ": it is not open (send textDocument/didOpen first)");
  }
  return {document, analysis->second.get()};
}

void Server::Reanalyze(const std::string& uri) {
  Document* document = documents_.Find(uri);
  if (!document) return;
  std::unique_ptr<Analysis>& slot = analyses_[uri];
  slot = Analyze(*document, documents_);
  LocationMapper mapper(*slot, *document, encoding_);
  DocumentContext context{*document, *slot, encoding_, mapper};
  Notify("textDocument/publishDiagnostics", PublishDiagnostics(context));
}

void Server::Send(const Json& message) {
  // Invalid UTF-8 in a document would make dump() throw; replacing it keeps
  // the session alive (the diagnostics already say where it is).
  WriteFrame(out_, message.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void Server::Respond(const Json& id, Json result) {
  Send(Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::RespondError(const Json& id, int code, const std::string& message) {
  Send(Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::Notify(const std::string& method, Json params) {
  Send(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

}  // namespace concord::lsp
