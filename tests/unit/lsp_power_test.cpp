// The language server on offices and decision rules (docs/reference-lsp.md,
// "Hover", "Go to definition", "Completion"): an office named where one is
// expected resolves among the charter's offices, even when a rule shares its
// name; its hover says how long it lasts, who can recall it and what it
// decides; inside `decisions { }` the matters and methods come first.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/unit/lsp_client.h"

// The scripted client's helpers (Framed, Request, Run, ...), by their short names.
using namespace concord::lsp_test;  // NOLINT(google-build-using-namespace)

namespace {

const std::string kUri = "untitled:linden";

// A rule called `coordinators` as well as the office: offices have their own
// namespace, and a reference must find the office, not the rule.
const std::vector<std::string> kLines = {
    "charter linden {",                                                        // 0
    "  adopted 2026-11-01",                                                    // 1
    "  membership { entry open exit anytime notice 14 days }",                 // 2
    "  revision { every year quota 1 }",                                       // 3
    "  jury { size 3 draw lottery from members ruling expires after 1 year }",  // 4
    "  office coordinators \"Coordinators\" {",                                // 5
    "    seats 2",                                                             // 6
    "    chosen by election among members",                                    // 7
    "    term 6 months",                                                       // 8
    "    limit 2 terms in a row",                                              // 9
    "    recall by 25% of members",                                            // 10
    "    decides admission",                                                   // 11
    "  }",                                                                     // 12
    "  office treasurer { chosen by appointment by coordinators }",            // 13
    "  decisions {",                                                           // 14
    "    default by majority of votes cast",                                   // 15
    "    spending by office coordinators up to 300 EUR",                       // 16
    "    ",                                                                    // 17
    "  }",                                                                     // 18
    "  rule coordinators \"Coordinators report\" { text \"Monthly.\" }",       // 19
    "}",                                                                       // 20
};

std::string Text() {
  std::string text;
  for (const std::string& line : kLines) text += line + "\n";
  return text;
}

Json At(int line, const std::string& word, int extra = 1) {
  size_t column = kLines[static_cast<size_t>(line)].rfind(word);
  REQUIRE(column != std::string::npos);
  return {{"textDocument", {{"uri", kUri}}},
          {"position", {{"line", line}, {"character", static_cast<int>(column) + extra}}}};
}

Session Ask(const std::vector<Json>& requests) {
  std::string input = OpenDocument(kUri, Text());
  for (const Json& r : requests) input += Framed(r);
  return Run(input);
}

std::string HoverText(const Session& s, int id) {
  const Json* reply = s.Response(id);
  REQUIRE(reply);
  REQUIRE(reply->at("result").is_object());
  return reply->at("result").at("contents").at("value").get<std::string>();
}

Json DefinitionStart(const Session& s, int id) {
  const Json* reply = s.Response(id);
  REQUIRE(reply);
  REQUIRE(reply->at("result").is_object());
  return reply->at("result").at("range").at("start");
}

std::vector<std::string> Labels(const Session& s, int id) {
  const Json* reply = s.Response(id);
  REQUIRE(reply);
  std::vector<std::string> labels;
  for (const Json& item : reply->at("result").at("items")) labels.push_back(item.at("label").get<std::string>());
  return labels;
}

size_t IndexOf(const std::vector<std::string>& labels, const std::string& label) {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == label) return i;
  }
  return labels.size();
}

}  // namespace

TEST_CASE("lsp: hover on an office, declared or named, shows its power", "[lsp][power]") {
  Session s = Ask({
      Request(2, "textDocument/hover", At(5, "coordinators")),
      Request(3, "textDocument/hover", At(16, "coordinators")),
      Request(4, "textDocument/hover", At(13, "coordinators")),
  });
  for (int id : {2, 3, 4}) {
    std::string text = HoverText(s, id);
    INFO(text);
    CHECK(text.find("office coordinators \"Coordinators\"") != std::string::npos);
    CHECK(text.find("term 6 months") != std::string::npos);
    CHECK(text.find("at most 2 in a row") != std::string::npos);
    CHECK(text.find("recall by 25% of members") != std::string::npos);
    // Its own `decides` clause and the matter `decisions` gives it.
    CHECK(text.find("admission") != std::string::npos);
    CHECK(text.find("spending (by `decisions`) up to 300 EUR") != std::string::npos);
  }
}

TEST_CASE("lsp: definition from `by office` and `by appointment by` lands on the office",
          "[lsp][power]") {
  Session s = Ask({
      Request(2, "textDocument/definition", At(16, "coordinators")),
      Request(3, "textDocument/definition", At(13, "coordinators")),
  });
  const Json office = {{"line", 5}, {"character", 9}};
  CHECK(DefinitionStart(s, 2) == office);
  CHECK(DefinitionStart(s, 3) == office);
}

TEST_CASE("lsp: completion in `decisions` offers matters and methods first", "[lsp][power]") {
  Json clause_start = {{"textDocument", {{"uri", kUri}}},
                       {"position", {{"line", 17}, {"character", 4}}}};
  Json after_by = At(15, "majority", 0);
  Json outside = {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 1}, {"character", 2}}}};
  Session s = Ask({
      Request(2, "textDocument/completion", clause_start),
      Request(3, "textDocument/completion", after_by),
      Request(4, "textDocument/completion", outside),
  });

  std::vector<std::string> start = Labels(s, 2);
  REQUIRE_FALSE(start.empty());
  CHECK(start.front() == "admission");
  CHECK(IndexOf(start, "amendment") < IndexOf(start, "majority of votes cast"));
  CHECK(IndexOf(start, "majority of votes cast") < IndexOf(start, "linden"));

  std::vector<std::string> methods = Labels(s, 3);
  REQUIRE_FALSE(methods.empty());
  CHECK(methods.front() == "majority of votes cast");
  for (const char* method : {"vote 2/3 of votes cast", "vote 50% of members",
                             "consent objections at most 10% of members", "consensus", "jury",
                             "assembly", "office coordinators", "office treasurer",
                             "quorum 50% of members", "notice 7 days"}) {
    INFO(method);
    CHECK(IndexOf(methods, method) < IndexOf(methods, "admission"));
  }

  // Outside `decisions` the phrases are not offered; the matters still are,
  // after the names.
  std::vector<std::string> elsewhere = Labels(s, 4);
  CHECK(IndexOf(elsewhere, "majority of votes cast") == elsewhere.size());
  CHECK(IndexOf(elsewhere, "linden") < IndexOf(elsewhere, "admission"));
}
