// The lints L101-L107 on small programs checked by sema only (so a charter
// may lack what the minimal concord requires): which code, where the primary
// range falls, and what the fix-it writes.
#include <catch2/catch.hpp>
#include <string>

#include "compiler/lint/lint.h"
#include "tests/unit/sema_fixture.h"

namespace concord::lint {
namespace {

// A charter following every practice, with `{}` where a test puts its clauses
// and a marker naming each clause a test can drop.
std::string Charter(const std::string& body, bool jury = true, bool games = true,
                    bool reflection = true) {
  std::string s =
      "charter kitchen \"Kitchen\" {\n"
      "  adopted 2026-11-01\n"
      "  membership {\n    entry open\n    exit anytime notice 0 days\n  }\n"
      "  revision {\n    every month\n    quota 1 rules\n  }\n";
  if (jury) {
    s += "  jury {\n    draw lottery from members excluding parties\n"
         "    external 1 from allies when serious\n"
         "    ruling expires after 6 months unless reaffirmed\n  }\n";
  }
  s += body;
  if (games) s += "  stress_game every 3 months designer rotates among members\n";
  if (reflection) s += "  reflection every 6 months\n";
  return s + "}\n";
}

struct Linted {
  std::unique_ptr<sema::testing::Checked> c;
  std::vector<diag::Diagnostic> diags;

  std::string Codes() const {
    std::string out;
    for (const diag::Diagnostic& d : diags)
      out += (out.empty() ? "" : " ") + std::string(diag::Info(d.code).name);
    return out;
  }
  // The source text under the primary range of diagnostic `i`.
  std::string At(size_t i) const {
    return std::string(c->program->sources.Slice(diags.at(i).range));
  }
  // The file's text with the first fix-it of diagnostic `i` applied.
  std::string Fixed(size_t i) const {
    const diag::FixIt& fix = diags.at(i).fixits.at(0);
    std::string text(c->program->sources.Text(fix.range.file));
    return text.replace(fix.range.begin, fix.range.end - fix.range.begin, fix.replacement);
  }
};

Linted Lint(const std::string& text) {
  Linted l;
  l.c = sema::testing::CheckSource(text);
  INFO(l.c->Codes());
  REQUIRE_FALSE(l.c->diags.has_errors());
  diag::DiagnosticEngine diags;
  RunLints(*l.c->checked, diags);
  l.diags = diags.Sorted();
  return l;
}

TEST_CASE("a charter following every practice has no lint", "[lint][checks]") {
  Linted l =
      Lint(Charter("  function food essential {\n    team a method \"farms\"\n    team b method "
                   "\"gleaning\"\n  }\n"
                   "  ledger fund \"Fund\" {\n    public\n    report every month\n"
                   "    steward rotates every 3 months among members\n  }\n"
                   "  rule r \"R\" {\n    on contribution c\n    require c.amount <= 5 EUR else "
                   "\"too much\"\n  }\n"));
  CHECK(l.Codes() == "");
}

TEST_CASE("L101: essential functions need two teams with two methods", "[lint][checks]") {
  Linted l =
      Lint(Charter("  function food essential {\n    team a method \"Farms  pickup\"\n  }\n"
                   "  function cooking essential {\n    team x method \"farms pickup\"\n"
                   "    team y method \" FARMS pickup \"\n  }\n"
                   "  function cleaning essential {\n    team p\n    team q\n  }\n"
                   "  function outreach {\n    team z method \"flyers\"\n  }\n"));
  REQUIRE(l.Codes() == "L101 L101");
  CHECK(l.At(0) == "food");
  CHECK(l.diags[0].message == "essential function `food` has only one team");
  CHECK(l.At(1) == "team y method \" FARMS pickup \"");
  REQUIRE(l.diags[1].labels.size() == 1);
  CHECK(l.diags[1].labels[0].message == "`x` already works this way");
}

TEST_CASE("L102: public books, reports and a rotating steward", "[lint][checks]") {
  Linted l = Lint(Charter(
      "  ledger a {\n    private\n    report every month\n    steward fixed dara\n  }\n"
      "  ledger b { public steward rotates among members }\n"
      "  ledger c {\n    public\n    report every month\n    steward /* why */ fixed dara\n  }\n"));
  REQUIRE(l.Codes() == "L102 L102 L102 L102");
  CHECK(l.At(0) == "private");
  CHECK(l.diags[0].fixits.at(0).replacement == "public");
  CHECK(l.At(1) == "steward fixed dara");
  CHECK(l.Fixed(1).find("    steward rotates every 3 months among members\n  }\n  ledger b") !=
        std::string::npos);
  // A one-line ledger gets the clause before its brace, on the same line.
  CHECK(l.diags[2].message == "ledger `b` publishes no reports");
  CHECK(l.Fixed(2).find("ledger b { public steward rotates among members report every month }") !=
        std::string::npos);
  // With a comment inside the clause there is no safe edit: the name only.
  CHECK(l.At(3) == "dara");
  CHECK(l.diags[3].fixits.empty());
}

TEST_CASE("L102: a ledger without `public` gets it inserted on its own line", "[lint][checks]") {
  Linted l =
      Lint(Charter("  ledger a {\n    report every month\n    steward rotates every month among "
                   "members\n  }\n"));
  REQUIRE(l.Codes() == "L102");
  CHECK(l.diags[0].message == "ledger `a` is not public");
  CHECK(l.Fixed(0).find("    steward rotates every month among members\n    public\n  }\n") !=
        std::string::npos);
}

TEST_CASE("L103: a stress game with a rotating designer", "[lint][checks]") {
  Linted none = Lint(Charter("", true, false));
  REQUIRE(none.Codes() == "L103");
  CHECK(none.At(0) == "kitchen");
  CHECK(
      none.Fixed(0).ends_with("  reflection every 6 months\n  stress_game every 3 months designer "
                              "rotates among members\n}\n"));
  Linted fixed = Lint(Charter("  stress_game every 2 months\n", true, false));
  REQUIRE(fixed.Codes() == "L103");
  CHECK(fixed.At(0) == "stress_game every 2 months");
  CHECK(fixed.Fixed(0).find("stress_game every 2 months designer rotates among members\n") !=
        std::string::npos);
}

TEST_CASE("L104: a lottery jury with an outside delegate", "[lint][checks]") {
  Linted none = Lint(Charter("", false));
  REQUIRE(none.Codes() == "L104");
  CHECK(none.diags[0].message == "charter `kitchen` has no jury");
  CHECK(none.At(0) == "kitchen");

  Linted rotation = Lint(Charter("  jury {\n    draw rotation from members\n  }\n", false));
  REQUIRE(rotation.Codes() == "L104 L104");
  CHECK(rotation.At(0) == "jury");  // no external: at the keyword
  CHECK(rotation.diags[0].fixits.at(0).replacement == "    external 1 from allies when serious\n");
  CHECK(rotation.At(1) == "draw rotation from members");
  CHECK(rotation.Fixed(1).find("draw lottery from members") != std::string::npos);

  Linted appointed =
      Lint(Charter("  jury { draw appointed external 0 from allies when serious }\n", false));
  REQUIRE(appointed.Codes() == "L104 L104");
  CHECK(appointed.Fixed(0).find("jury { draw lottery from members excluding parties external 0") !=
        std::string::npos);
  CHECK(appointed.Fixed(1).find("external 1 from allies when serious }") != std::string::npos);

  Linted undrawn = Lint(Charter("  jury {\n    external 2 from allies\n  }\n", false));
  REQUIRE(undrawn.Codes() == "L104");
  CHECK(undrawn.diags[0].message == "jury of charter `kitchen` does not say how jurors are drawn");
}

TEST_CASE("L105: treaty funds change hands", "[lint][checks]") {
  std::string two = Charter("") + Charter("").replace(8, 7, "housing");
  Linted l = Lint(two +
                  "treaty pact {\n  parties kitchen, housing\n  effective 2026-12-01\n"
                  "  term 6 months\n  exit any party notice 14 days\n"
                  "  fund a {\n    contribution 1 EUR per month\n    steward fixed kitchen\n  }\n"
                  "  fund b {\n    contribution 1 EUR per month\n  }\n"
                  "  fund c {\n    contribution 1 EUR per month\n"
                  "    steward rotates every month among parties\n  }\n}\n");
  REQUIRE(l.Codes() == "L105 L105");
  CHECK(l.At(0) == "steward fixed kitchen");
  CHECK(l.diags[0].message == "fund `a` of treaty `pact` is always kept by `kitchen`");
  CHECK(l.At(1) == "b");
  CHECK(l.diags[1].fixits.at(0).replacement == "    steward rotates every month among parties\n");
}

TEST_CASE("L106: a reflection assembly before the closing brace", "[lint][checks]") {
  Linted l = Lint(Charter("", true, true, false));
  REQUIRE(l.Codes() == "L106");
  CHECK(l.At(0) == "kitchen");
  CHECK(l.Fixed(0).ends_with("designer rotates among members\n  reflection every 6 months\n}\n"));
}

TEST_CASE("L107: titles and `else` messages, in charters and treaties", "[lint][checks]") {
  std::string two = Charter(
                        "  rule a {\n    text \"x\"\n  }\n"
                        "  rule b \"B\" {\n    on join j\n    require true\n"
                        "    require false else \"no\"\n  }\n") +
                    Charter("").replace(8, 7, "housing");
  Linted l = Lint(two +
                  "treaty pact {\n  parties kitchen, housing\n  effective 2026-12-01\n"
                  "  term 6 months\n  exit any party notice 14 days\n"
                  "  rule t {\n    on contribution c\n    require c.amount > 0 EUR\n  }\n}\n");
  REQUIRE(l.Codes() == "L107 L107 L107 L107");
  CHECK(l.At(0) == "a");
  CHECK(l.At(1) == "require true");
  CHECK(l.At(2) == "t");
  CHECK(l.At(3) == "require c.amount > 0 EUR");
  CHECK(l.diags[1].fixits.empty());
}

}  // namespace
}  // namespace concord::lint
