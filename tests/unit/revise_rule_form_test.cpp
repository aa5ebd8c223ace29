// The canonical form of a rule (compiler/revise/rule_form.h): layout and
// comments never make an amendment; any change of tokens does.
#include <catch2/catch.hpp>

#include "compiler/revise/rule_form.h"
#include "compiler/syntax/parser.h"

namespace concord::revise {
namespace {

std::string Form(std::string_view rule) {
  return CanonicalRuleBody(rule);
}

TEST_CASE("revise form: whitespace and comments are not content", "[revise][form]") {
  std::string a = Form(R"(rule fund_cap "Capped" {
    on contribution c
    require c.amount <= min(5% * c.member.income, 50 EUR)
      else "above the cap"
  })");
  std::string b = Form(R"(rule fund_cap "Capped" { // the cap
    on contribution c /* every one */ require c.amount<=min( 5% * c.member.income , 50 EUR )
    else "above the cap" })");
  CHECK(a == b);
  CHECK(a == R"({ on contribution c require c . amount <= min ( 5% * c . member . income , )"
             R"(50 EUR ) else "above the cap" })");
}

TEST_CASE("revise form: clause separators go, argument commas stay", "[revise][form]") {
  CHECK(Form(R"(rule a { text "x"; on contribution c, require c.amount > 1 })") ==
        Form(R"(rule a { text "x" on contribution c require c.amount > 1 })"));
  CHECK(Form("rule a { require min(a, b) > 1 }") != Form("rule a { require min(a b) > 1 }"));
  // Inside a set literal a comma is part of the expression too.
  CHECK(Form("rule a { require x in {ana, ben} }") != Form("rule a { require x in {ana ben} }"));
}

TEST_CASE("revise form: title, name and `replaces` are left out", "[revise][form]") {
  std::string body = R"({ text "Gifts go in the book." })";
  CHECK(Form(R"(rule gifts "Old title" )" + body) == Form(R"(rule gifts "New title" )" + body));
  CHECK(Form("rule gifts " + body) == Form("rule book " + body));
  CHECK(Form(R"(rule book { replaces gifts text "Gifts go in the book." })") ==
        Form("rule book " + body));
  // A field called `replaces` is content, not the clause.
  CHECK(Form("rule a { require c.replaces > 1 }") != Form("rule a { require c > 1 }"));
}

TEST_CASE("revise form: a changed token is an amendment", "[revise][form]") {
  CHECK(Form(R"(rule a { text "one" })") != Form(R"(rule a { text "two" })"));
  CHECK(Form("rule a { require x <= 50 EUR }") != Form("rule a { require x <= 40 EUR }"));
  CHECK(Form("rule a { require x < 5% }") != Form("rule a { require x <= 5% }"));
  // A date is one token; a subtraction is three, whatever the spacing.
  CHECK(Form("rule a { require d > 2026-11-01 }") != Form("rule a { require d > 2026 - 11 - 01 }"));
  CHECK(Form("rule a { require d > 2026 - 11 }") == Form("rule a { require d > 2026-11 }"));
  // Comment markers inside a string are text.
  CHECK(Form(R"(rule a { text "see // here" })") != Form(R"(rule a { text "see" })"));
  CHECK(Form(R"(rule a { text "say \"hi\" // twice" })") == R"({ text "say \"hi\" // twice" })");
}

TEST_CASE("revise form: every rule of a file, by owner", "[revise][form]") {
  diag::SourceManager sources;
  diag::FileId id = sources.AddFile("t.concord", R"(
charter k { rule a { text "1" } rule b { text "2" } }
treaty p { parties k, k rule a { text "3" } })");
  diag::DiagnosticEngine diags;
  ast::File file = syntax::ParseFile(sources, id, diags);
  auto forms = RuleFormsOf(file, sources);
  REQUIRE(forms.size() == 3);
  CHECK(forms.at({OwnerKind::kCharter, "k", "a"}) == R"({ text "1" })");
  CHECK(forms.at({OwnerKind::kCharter, "k", "b"}) == R"({ text "2" })");
  CHECK(forms.at({OwnerKind::kTreaty, "p", "a"}) == R"({ text "3" })");
}

TEST_CASE("revise form: names in any script are one token, compared in NFC", "[revise][form]") {
  std::string composed = Form("rule r { on contribution c require c.member != jos\xC3\xA9 }");
  std::string decomposed = Form("rule r { on contribution c require c.member != jose\xCC\x81 }");
  CHECK(composed == decomposed);
  CHECK(composed == "{ on contribution c require c . member != jos\xC3\xA9 }");
  CHECK(Form("rule r { on contribution c require c.member != zo\xC3\xAB }") !=
        Form("rule r { on contribution c require c.member != zoe }"));
}

}  // namespace
}  // namespace concord::revise