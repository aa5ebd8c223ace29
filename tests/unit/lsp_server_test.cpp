// The server's protocol behaviour on scripted sessions: lifecycle and exit
// codes, errors that leave the session usable, and diagnostics on open.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/lsp/server.h"
#include "tests/unit/lsp_client.h"

using concord::lsp_test::Framed;
using concord::lsp_test::Json;
using concord::lsp_test::Notification;
using concord::lsp_test::Request;
using concord::lsp_test::Run;
using concord::lsp_test::Session;

namespace {

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

namespace {

// The codes of the errors answered with a null id, in order.
std::vector<int> NullIdErrors(const Session& s) {
  std::vector<int> codes;
  for (const Json& m : s.messages) {
    if (m.contains("id") && m["id"].is_null()) codes.push_back(m["error"]["code"]);
  }
  return codes;
}

const std::string kOpenDocument =
    kInitialize + Framed(Notification("initialized")) +
    Framed(Notification(
        "textDocument/didOpen",
        {{"textDocument", {{"uri", "untitled:a"}, {"version", 1}, {"text", "charter c {\n}\n"}}}}));

Json Hover(int id, Json line, Json character = 0) {
  return Request(id, "textDocument/hover",
                 {{"textDocument", {{"uri", "untitled:a"}}},
                  {"position", {{"line", std::move(line)}, {"character", std::move(character)}}}});
}

}  // namespace

TEST_CASE("JSON nested past the limit is a parse error and the session goes on", "[lsp][server]") {
  std::string deep(100'000, '[');
  // Valid JSON: copying its params recursed 100,000 deep and overflowed the stack.
  std::string deep_request = R"({"jsonrpc":"2.0","id":4,"method":"x","params":)" +
                             std::string(100'000, '[') + std::string(100'000, ']') + "}";
  std::string at_limit = std::string(512, '[') + std::string(512, ']');
  std::string over_limit = std::string(513, '[') + std::string(513, ']');
  // Brackets inside strings are text, not nesting.
  Json in_string = Request(3, "textDocument/hover",
                           {{"textDocument", {{"uri", std::string(100'000, '[') + "\\\"{"}}},
                            {"position", {{"line", 0}, {"character", 0}}}});
  std::string input =
      kInitialize + "Content-Length: " + std::to_string(deep.size()) + "\r\n\r\n" + deep +
      "Content-Length: " + std::to_string(deep_request.size()) + "\r\n\r\n" + deep_request +
      "Content-Length: " + std::to_string(at_limit.size()) + "\r\n\r\n" + at_limit +
      "Content-Length: " + std::to_string(over_limit.size()) + "\r\n\r\n" + over_limit +
      Framed(in_string) + Framed(Request(2, "shutdown")) + Framed(Notification("exit"));
  Session s = Run(input);
  // The array within the limit is valid JSON but not a request: -32600.
  CHECK(NullIdErrors(s) == std::vector<int>{-32700, -32700, -32600, -32700});
  CHECK_FALSE(s.Response(4));
  REQUIRE(s.Response(3));
  CHECK(s.Response(3)->at("error").at("code") == -32602);  // not open, but read
  REQUIRE(s.Response(2));
  CHECK(s.Response(2)->at("result").is_null());
  CHECK(s.exit_code == 0);
}

TEST_CASE("positions that are not uinteger are invalid params", "[lsp][server]") {
  std::string input = kOpenDocument + Framed(Hover(2, 4294967296)) +
                      Framed(Hover(3, Json::parse("1e20"))) + Framed(Hover(4, -1)) +
                      Framed(Hover(5, 0, 4294967296)) + Framed(Hover(6, 0.5)) +
                      Framed(Hover(7, "0")) + Framed(Hover(8, 4294967295, 4294967295)) +
                      Framed(Request(9, "shutdown")) + Framed(Notification("exit"));
  Session s = Run(input);
  for (int id : {2, 3, 4, 5, 6, 7}) {
    INFO("request " << id);
    REQUIRE(s.Response(id));
    CHECK(s.Response(id)->at("error").at("code") == -32602);
  }
  CHECK(s.Response(2)->at("error").at("message").get<std::string>().find("`line`") !=
        std::string::npos);
  REQUIRE(s.Response(8));
  CHECK(s.Response(8)->contains("result"));  // the largest uinteger clamps to the end
  CHECK(s.exit_code == 0);
}

TEST_CASE("a notification with a bad number changes nothing", "[lsp][server]") {
  auto change = [](Json version, Json line) {
    Json range = {{"start", {{"line", 0}, {"character", 0}}},
                  {"end", {{"line", std::move(line)}, {"character", 0}}}};
    return Notification(
        "textDocument/didChange",
        {{"textDocument", {{"uri", "untitled:a"}, {"version", std::move(version)}}},
         {"contentChanges",
          {{{"text", "charter d {\n}\n"}}, {{"range", range}, {"text", "// x\n"}}}}});
  };
  Json bad_open = Notification(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", "untitled:b"}, {"version", Json::parse("1e20")}, {"text", "charter b {\n}\n"}}}});
  std::string input = kOpenDocument + Framed(change(2, Json::parse("1e20"))) +
                      Framed(change(4294967296, 0)) + Framed(change(-3, 0)) + Framed(bad_open) +
                      Framed(Request(2, "textDocument/documentSymbol",
                                     {{"textDocument", {{"uri", "untitled:a"}}}})) +
                      Framed(Request(3, "textDocument/documentSymbol",
                                     {{"textDocument", {{"uri", "untitled:b"}}}}));
  Session s = Run(input);
  // Not one of the changes applied, not even the whole-text one before the bad range.
  REQUIRE(s.Response(2));
  const Json& symbols = s.Response(2)->at("result");
  REQUIRE(symbols.size() == 1);
  CHECK(symbols[0].at("name") == "c");
  // The didOpen with a bad version was dropped: the document is not open.
  REQUIRE(s.Response(3));
  CHECK(s.Response(3)->at("error").at("code") == -32602);
}

TEST_CASE("a Content-Length out of range is refused and the session goes on", "[lsp][server]") {
  std::string input = kInitialize + "Content-Length: 99999999999999999999999\r\n\r\n" +
                      Framed(Request(2, "shutdown")) + Framed(Notification("exit"));
  Session s = Run(input);
  CHECK(NullIdErrors(s) == std::vector<int>{-32600});
  REQUIRE(s.Response(2));
  CHECK(s.exit_code == 0);
}

TEST_CASE("a header line over the limit is refused and the session goes on", "[lsp][server]") {
  // The refused block's body (a shutdown) is skipped by its Content-Length.
  std::string input = kInitialize + "X-Padding: " + std::string(1u << 20, 'a') + "\r\n" +
                      Framed(Request(2, "shutdown")) + Framed(Request(3, "shutdown")) +
                      Framed(Notification("exit"));
  Session s = Run(input);
  CHECK(NullIdErrors(s) == std::vector<int>{-32600});
  CHECK_FALSE(s.Response(2));
  REQUIRE(s.Response(3));
  CHECK(s.exit_code == 0);
}

TEST_CASE("a chain of 20,000 metrics is checked without nesting", "[lsp][server]") {
  // Typing `metric m0 = m1 + 1` typed m1 inside it, and so on down the
  // chain: 20,000 nested checks overflowed the stack of the server too.
  std::string text = "charter c {\n  adopted 2026-11-01\n";
  constexpr int kMetrics = 20'000;
  for (int i = 0; i + 1 < kMetrics; ++i) {
    text += "  metric m" + std::to_string(i) + " = m" + std::to_string(i + 1) + " + 1\n";
  }
  text += "  metric m" + std::to_string(kMetrics - 1) + " = 0\n}\n";
  const Json published = DiagnosticsAfterOpen("untitled:chain", 1, text);
  REQUIRE_FALSE(published.is_null());
  for (const Json& d : published.at("params").at("diagnostics")) {
    // A missing clause of the charter, never a problem with its metrics.
    CHECK(d.at("range").at("start").at("line") == 0);
  }
}
