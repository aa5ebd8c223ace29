// The server's protocol behaviour on scripted sessions: lifecycle and exit
// codes, errors that leave the session usable, and diagnostics on open.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/lsp/server.h"
#include "compiler/lsp/transport.h"

using Json = nlohmann::json;

namespace {

std::string Framed(const Json& message) {
  std::ostringstream out;
  concord::lsp::WriteFrame(out, message.dump());
  return out.str();
}

Json Request(int id, const std::string& method, Json params = Json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
}

Json Notification(const std::string& method, Json params = Json::object()) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", params}};
}

struct Session {
  int exit_code = -1;
  std::vector<Json> messages;

  const Json* Response(int id) const {
    for (const Json& m : messages) {
      if (m.contains("id") && m["id"] == id) return &m;
    }
    return nullptr;
  }
};

Session Run(const std::string& input, size_t limit = concord::lsp::kMaxMessageBytes) {
  std::istringstream in(input);
  std::ostringstream out;
  concord::lsp::Server server(out, "test");
  Session session;
  session.exit_code = server.Run(in, limit);
  std::istringstream replies(out.str());
  while (true) {
    concord::lsp::Frame frame = concord::lsp::ReadFrame(replies);
    if (frame.status != concord::lsp::Frame::Status::kMessage) break;
    session.messages.push_back(Json::parse(frame.body));
  }
  return session;
}

const std::string kInitialize =
    Framed(Request(1, "initialize", {{"capabilities", Json::object()}}));

// Opens one document after the handshake; the last publishDiagnostics the
// server sent (null when none).
Json DiagnosticsAfterOpen(const std::string& uri, int version, const std::string& text) {
  Json open =
      Notification("textDocument/didOpen",
                   {{"textDocument", {{"uri", uri}, {"version", version}, {"text", text}}}});
  Session s = Run(kInitialize + Framed(Notification("initialized")) + Framed(open));
  Json published;
  for (const Json& m : s.messages) {
    if (m.value("method", "") == "textDocument/publishDiagnostics") published = m;
  }
  return published;
}

}  // namespace

TEST_CASE("exit after shutdown is 0, without shutdown 1", "[lsp][server]") {
  Session clean = Run(kInitialize + Framed(Request(2, "shutdown")) + Framed(Notification("exit")));
  CHECK(clean.exit_code == 0);
  REQUIRE(clean.Response(2));
  CHECK(clean.Response(2)->at("result").is_null());
  CHECK(Run(kInitialize + Framed(Notification("exit"))).exit_code == 1);
  CHECK(Run(kInitialize).exit_code == 1);  // the client went away
}

TEST_CASE("initialize negotiates the position encoding", "[lsp][server]") {
  Json params = {{"capabilities", {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}}}};
  Session s = Run(Framed(Request(1, "initialize", params)));
  REQUIRE(s.Response(1));
  CHECK(s.Response(1)->at("result").at("capabilities").at("positionEncoding") == "utf-8");
  Session plain = Run(kInitialize);
  CHECK(plain.Response(1)->at("result").at("capabilities").at("positionEncoding") == "utf-16");
}

TEST_CASE("protocol errors are answered and the session goes on", "[lsp][server]") {
  std::string input = Framed(Request(7, "textDocument/hover")) +  // before initialize
                      kInitialize + "Content-Length: 5\r\n\r\n{oops" +
                      Framed(Request(2, "no/such/method")) +
                      Framed(Request(3, "textDocument/hover",
                                     {{"textDocument", {{"uri", "file:///nowhere.concord"}}},
                                      {"position", {{"line", 0}, {"character", 0}}}})) +
                      Framed(Request(4, "textDocument/hover", {{"textDocument", 5}})) +
                      "Content-Length: 300\r\n\r\n" + std::string(300, 'x') +
                      Framed(Request(5, "shutdown")) + Framed(Notification("exit"));
  Session s = Run(input, /*limit=*/256);
  CHECK(s.Response(7)->at("error").at("code") == -32002);
  CHECK(s.Response(2)->at("error").at("code") == -32601);
  CHECK(s.Response(3)->at("error").at("code") == -32602);
  CHECK(s.Response(4)->at("error").at("code") == -32602);
  std::vector<int> null_id_codes;
  for (const Json& m : s.messages) {
    if (m.contains("id") && m["id"].is_null()) null_id_codes.push_back(m["error"]["code"]);
  }
  CHECK(null_id_codes == std::vector<int>{-32700, -32600});  // bad JSON, then too large
  CHECK(s.Response(5)->at("result").is_null());
  CHECK(s.exit_code == 0);
}

TEST_CASE("didOpen publishes the same diagnostics as concord check", "[lsp][server]") {
  std::string text =
      "charter c {\n  adopted 2026-11-01\n  membership {\n    entry compulsory\n"
      "    exit anytime notice 0 days\n  }\n"
      "  revision { every year quota 25% of rules quorum 50% of members }\n}\n";
  const Json published = DiagnosticsAfterOpen("untitled:one", 3, text);
  REQUIRE_FALSE(published.is_null());
  CHECK(published.at("params").at("uri") == "untitled:one");
  CHECK(published.at("params").at("version") == 3);
  const Json& diagnostics = published.at("params").at("diagnostics");
  bool c001 = false;
  for (const Json& d : diagnostics) {
    if (d.at("code") == "C001") {
      c001 = true;
      CHECK(d.at("range") == Json::parse(R"({"start":{"line":3,"character":4},
                                             "end":{"line":3,"character":20}})"));
    }
  }
  CHECK(c001);
}

TEST_CASE("a document over the file size limit gets E0005, not a parse", "[lsp][server]") {
  // 9 MiB of comments: over the 8 MiB per file, well under the 64 MiB per message.
  std::string line = "// a comment line that a script repeated far too often\n";
  std::string text;
  while (text.size() <= 9u << 20) text += line;
  const Json published = DiagnosticsAfterOpen("untitled:huge", 1, text);
  REQUIRE_FALSE(published.is_null());
  CHECK(published.at("params").at("uri") == "untitled:huge");
  const Json& diagnostics = published.at("params").at("diagnostics");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].at("code") == "E0005");
  CHECK(diagnostics[0].at("message").get<std::string>().find(std::to_string(text.size())) !=
        std::string::npos);
}
