// The language server on names beyond ASCII (docs/reference.md §2.3,
// docs/reference-lsp.md "Positions and encodings"): columns in UTF-16 code
// units after `josé`, `李娜` and an emoji, and words looked up in NFC.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/unit/lsp_client.h"

using concord::lsp_test::Framed;
using concord::lsp_test::Json;

namespace {

Json Message(const std::string& method, Json params, int id = 0) {
  return id ? concord::lsp_test::Request(id, method, std::move(params))
            : concord::lsp_test::Notification(method, std::move(params));
}

std::vector<Json> Run(const std::string& input) {
  return concord::lsp_test::Run(input).messages;
}

// UTF-16 code units of a UTF-8 text, counted independently of the server:
// one per code point, two for one outside the Basic Multilingual Plane.
uint32_t Utf16Units(const std::string& utf8) {
  uint32_t units = 0;
  for (unsigned char byte : utf8) {
    if ((byte & 0xC0) == 0x80) continue;
    units += byte >= 0xF0 ? 2 : 1;
  }
  return units;
}

// The UTF-16 column of the `nth` (1-based) occurrence of `word` in `line`.
uint32_t Column(const std::string& line, const std::string& word, int nth = 1) {
  size_t at = std::string::npos;
  for (int i = 0; i < nth; ++i) at = line.find(word, at == std::string::npos ? 0 : at + 1);
  REQUIRE(at != std::string::npos);
  return Utf16Units(line.substr(0, at));
}

Json Range(uint32_t line, uint32_t begin, uint32_t end) {
  return {{"start", {{"line", line}, {"character", begin}}},
          {"end", {{"line", line}, {"character", end}}}};
}

const std::string kUri = "untitled:names";
// Line 1 writes `josé` decomposed (`e` + U+0301) where the parameter is
// declared precomposed; line 2 has an emoji (two UTF-16 units) and a Chinese
// name before the names the requests point at.
const std::string kLine0 = "fn café_total(josé: int, zoë: int) -> int =";
const std::string kLine1 = "  jose\xCC\x81 + zoë";
const std::string kLine2 =
    "/* \xF0\x9F\x8C\xB1 */ fn twice(李娜: int) -> int = café_total(李娜, 李娜)";
const std::string kText = kLine0 + "\n" + kLine1 + "\n" + kLine2 + "\n";

std::string Session(const std::vector<Json>& requests) {
  std::string input =
      Framed(Message("initialize", {{"capabilities", Json::object()}}, 1)) +
      Framed(Message("initialized", Json::object())) +
      Framed(
          Message("textDocument/didOpen",
                  {{"textDocument",
                    {{"uri", kUri}, {"version", 1}, {"languageId", "concord"}, {"text", kText}}}}));
  for (const Json& r : requests) input += Framed(r);
  return input;
}

Json At(uint32_t line, uint32_t character) {
  return {{"textDocument", {{"uri", kUri}}},
          {"position", {{"line", line}, {"character", character}}}};
}

const Json* Reply(const std::vector<Json>& messages, int id) {
  for (const Json& m : messages) {
    if (m.contains("id") && m["id"] == id) return &m;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("lsp: hover and definition land on names after non-ASCII text", "[lsp][unicode]") {
  const uint32_t li_na_use = Column(kLine2, "李娜", 2);
  std::vector<Json> messages = Run(Session({
      Message("textDocument/definition", At(1, Column(kLine1, "jose") + 1), 2),
      Message("textDocument/hover", At(2, li_na_use), 3),
      Message("textDocument/definition", At(2, li_na_use + 1), 4),
      Message("textDocument/definition", At(2, Column(kLine2, "café_total") + 2), 5),
      Message("textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}}, 6),
  }));

  // The decomposed `josé` of line 1 is the precomposed parameter of line 0.
  const Json* jose_reply = Reply(messages, 2);
  REQUIRE(jose_reply);
  const uint32_t param = Column(kLine0, "josé");
  CHECK(jose_reply->at("result").at("range") == Range(0, param, param + 4));

  const Json* hover = Reply(messages, 3);
  REQUIRE(hover);
  CHECK(hover->at("result").at("contents").at("value").get<std::string>().find("李娜") !=
        std::string::npos);
  CHECK(hover->at("result").at("range") == Range(2, li_na_use, li_na_use + 2));

  const Json* li_na = Reply(messages, 4);
  REQUIRE(li_na);
  const uint32_t li_na_param = Column(kLine2, "李娜");
  CHECK(li_na->at("result").at("range") == Range(2, li_na_param, li_na_param + 2));

  const Json* fn = Reply(messages, 5);
  REQUIRE(fn);
  const uint32_t fn_name = Column(kLine0, "café_total");
  CHECK(fn->at("result").at("range") == Range(0, fn_name, fn_name + 10));

  const Json* symbols = Reply(messages, 6);
  REQUIRE(symbols);
  bool twice = false;
  for (const Json& s : symbols->at("result")) {
    if (s.at("name") != "twice") continue;
    twice = true;
    const uint32_t name = Column(kLine2, "twice");
    CHECK(s.at("selectionRange") == Range(2, name, name + 5));
  }
  CHECK(twice);
}

TEST_CASE("lsp: diagnostics after an emoji and a name in Cyrillic count UTF-16 units",
          "[lsp][unicode]") {
  const std::string line = "/* \xF0\x9F\x8C\xB1 */ fn дважды(zoë: int) -> int = zoë + nobody";
  std::vector<Json> messages =
      Run(Framed(Message("initialize", {{"capabilities", Json::object()}}, 1)) +
          Framed(Message("initialized", Json::object())) +
          Framed(Message(
              "textDocument/didOpen",
              {{"textDocument",
                {{"uri", kUri}, {"version", 1}, {"languageId", "concord"}, {"text", line}}}})));
  Json published;
  for (const Json& m : messages) {
    if (m.value("method", "") == "textDocument/publishDiagnostics") published = m;
  }
  REQUIRE_FALSE(published.is_null());
  const Json& diagnostics = published.at("params").at("diagnostics");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].at("code") == "E0201");
  const uint32_t nobody = Column(line, "nobody");
  CHECK(diagnostics[0].at("range") == Range(0, nobody, nobody + 6));
}
