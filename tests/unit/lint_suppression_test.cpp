// The allow-comment scanner and ApplySuppressions: which comments count,
// which codes they name, which lines they cover, and the L100 reports.
#include <catch2/catch.hpp>
#include <string>

#include "compiler/lint/suppression.h"
#include "tests/unit/sema_fixture.h"

namespace concord::lint {
namespace {

// "line:CODE,CODE" for each comment, "+" marking a comment alone on its line.
std::string Scan(std::string_view text) {
  std::string out;
  for (const Suppression& s : ScanSuppressions(0, text)) {
    if (!out.empty()) out += " ";
    out += std::to_string(s.line) + (s.own_line ? "+" : "") + ":";
    for (size_t i = 0; i < s.codes.size(); ++i) out += (i ? "," : "") + s.codes[i].name;
  }
  return out;
}

TEST_CASE("allow comments: codes, separators and reasons", "[lint][suppression]") {
  CHECK(Scan("x // concord: allow L101\n") == "1:L101");
  CHECK(Scan("// concord: allow L101, L104\n") == "1+:L101,L104");
  CHECK(Scan("// concord: allow L101 L104,L105\n") == "1+:L101,L104,L105");
  CHECK(Scan("//concord:allow l101\n") == "1+:L101");
  CHECK(Scan("  \t// concord: allow L101 one farm is all we have, L104\n") == "1+:L101");
  CHECK(Scan("x // concord: allow\n") == "1:");
  CHECK(Scan("x // concord: allowed to differ\n") == "");
  CHECK(Scan("x // concord allow L101\n") == "");
  CHECK(Scan("x // see concord: allow L101\n") == "");
  CHECK(Scan("x /// concord: allow L101\n") == "");
}

TEST_CASE("allow comments: strings and block comments are not comments", "[lint][suppression]") {
  CHECK(Scan(R"(text "http://x // concord: allow L101")") == "");
  CHECK(Scan(R"(text "a \" // concord: allow L101")") == "");
  CHECK(Scan(R"(text "a \\" // concord: allow L101)") == "1:L101");
  CHECK(Scan("/* // concord: allow L101 */ x") == "");
  CHECK(Scan("/* a\nb */ x // concord: allow L101\n") == "2:L101");
  CHECK(Scan("/* unterminated // concord: allow L101") == "");
  // An unterminated string ends at its line, as in the lexer.
  CHECK(Scan("text \"open\n// concord: allow L101\n") == "2+:L101");
}

TEST_CASE("allow comments: ranges and the lines they cover", "[lint][suppression]") {
  std::string text = "a\n  // concord: allow L101, L102\nb // concord: allow L103\n";
  std::vector<Suppression> found = ScanSuppressions(7, text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].range.file == 7);
  CHECK(text.substr(found[0].range.begin, found[0].range.end - found[0].range.begin) ==
        "// concord: allow L101, L102");
  CHECK(text.substr(found[0].codes[1].range.begin, 4) == "L102");
  CHECK(found[0].Covers(2));
  CHECK(found[0].Covers(3));
  CHECK_FALSE(found[0].Covers(4));
  CHECK(found[1].Covers(3));
  CHECK_FALSE(found[1].Covers(4));
}

// A program with one lint-like warning (L106 at the charter's name) to
// suppress; ApplySuppressions does not care who reported it.
constexpr const char* kCharter = R"(charter kitchen {{ {}
  adopted 2026-11-01
  membership {{
    entry open
    exit anytime notice 0 days
  }}
  revision {{
    every month
    quota 1 rules
  }}
}}
)";

const ast::File& UserFile(const sema::testing::Checked& c) {
  for (size_t i = 0; i < c.program->files.size(); ++i) {
    if (!c.program->is_stdlib[i]) return *c.program->files[i];
  }
  FAIL("no user file");
  return *c.program->files.front();
}

std::string Apply(const std::string& same_line) {
  auto c = sema::testing::CheckSource(fmt::format(kCharter, same_line));
  REQUIRE_FALSE(c->diags.has_errors());
  const ast::CharterDecl& charter = UserFile(*c).charters.at(0);
  c->diags.Report(diag::Code::L106, charter.name.range, "kitchen");
  ApplySuppressions(*c->program, c->diags);
  return c->Codes();
}

TEST_CASE("ApplySuppressions drops covered lints and reports unused codes", "[lint][suppression]") {
  CHECK(Apply("") == "L106");
  CHECK(Apply("// concord: allow L106") == "");
  CHECK(Apply("// concord: allow L101") == "L106 L100");
  CHECK(Apply("// concord: allow L106, L101") == "L100");
  CHECK(Apply("// concord: allow E0201") == "L106 L100");
  CHECK(Apply("// concord: allow") == "L106 L100");
}

TEST_CASE("ApplySuppressions: a comment alone on its line covers the next line",
          "[lint][suppression]") {
  auto c = sema::testing::CheckSource("// concord: allow L106\n" + fmt::format(kCharter, "") +
                                      "\n// concord: allow L106\n\n" +
                                      fmt::format(kCharter, "").replace(8, 7, "garden"));
  REQUIRE_FALSE(c->diags.has_errors());
  for (const ast::CharterDecl& charter : UserFile(*c).charters) {
    c->diags.Report(diag::Code::L106, charter.name.range, charter.name.name);
  }
  ApplySuppressions(*c->program, c->diags);
  // The first comment is directly above `kitchen`; the second has a blank
  // line between it and `garden`, so it covers nothing.
  REQUIRE(c->Codes() == "L100 L106");
  CHECK(c->diags.Sorted()[1].message == "charter `garden` holds no reflection assembly");
}

TEST_CASE("ApplySuppressions never drops errors", "[lint][suppression]") {
  auto c = sema::testing::CheckSource(fmt::format(kCharter, "// concord: allow E0201"));
  const ast::CharterDecl& charter = UserFile(*c).charters.at(0);
  c->diags.Report(diag::Code::E0201, charter.name.range, "name", "kitchen");
  ApplySuppressions(*c->program, c->diags);
  CHECK(c->Codes() == "E0201 L100");
}

}  // namespace
}  // namespace concord::lint
