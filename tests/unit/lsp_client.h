// A scripted LSP client for the unit tests: frames requests and
// notifications, runs the server over them to the end of the input, and
// collects every message it sent back.
#pragma once

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/lsp/server.h"
#include "compiler/lsp/transport.h"

namespace concord::lsp_test {

using Json = nlohmann::json;

inline std::string Framed(const Json& message) {
  std::ostringstream out;
  lsp::WriteFrame(out, message.dump());
  return out.str();
}

inline Json Request(int id, const std::string& method, Json params = Json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

inline Json Notification(const std::string& method, Json params = Json::object()) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

struct Session {
  int exit_code = -1;
  std::vector<Json> messages;

  // The reply to request `id`, or null when the server sent none.
  const Json* Response(int id) const {
    for (const Json& m : messages) {
      if (m.contains("id") && m["id"] == id) return &m;
    }
    return nullptr;
  }
};

// Runs a server on `input` until it ends or the server exits.
inline Session Run(const std::string& input, size_t limit = lsp::kMaxMessageBytes) {
  std::istringstream in(input);
  std::ostringstream out;
  lsp::Server server(out, "test");
  Session session;
  session.exit_code = server.Run(in, limit);
  std::istringstream replies(out.str());
  while (true) {
    lsp::Frame frame = lsp::ReadFrame(replies);
    if (frame.status != lsp::Frame::Status::kMessage) break;
    session.messages.push_back(Json::parse(frame.body));
  }
  return session;
}

// The handshake and one opened document, before the requests of a test.
inline std::string OpenDocument(const std::string& uri, const std::string& text) {
  return Framed(Request(1, "initialize", {{"capabilities", Json::object()}})) +
         Framed(Notification("initialized")) +
         Framed(Notification(
             "textDocument/didOpen",
             {{"textDocument",
               {{"uri", uri}, {"version", 1}, {"languageId", "concord"}, {"text", text}}}}));
}

}  // namespace concord::lsp_test
