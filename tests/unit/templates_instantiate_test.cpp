// Tests of compiler/templates: the catalogue's descriptions and names, and
// renaming a template's charter without touching comments, strings or other
// declarations that happen to use the same words.
#include <catch2/catch.hpp>
#include <string>
#include <variant>

#include "compiler/templates/catalogue.h"
#include "compiler/templates/instantiate.h"

using concord::templates::CharterTemplate;
using concord::templates::Instantiate;
using concord::templates::InstantiateError;
using concord::templates::TitleFromName;
using concord::values::Date;

namespace {

// A template whose charter name also appears in a comment, a string and a
// rule name: only the declaration may change.
constexpr const char* kTricky =
    "// tricky: the template for a tricky community\n"
    "charter tricky \"Tricky\" {\n"
    "  adopted 2026-12-01  // adopted 2026-12-01 in a comment stays\n"
    "  membership {\n"
    "    entry open\n"
    "    exit anytime notice 0 days\n"
    "  }\n"
    "  rule tricky { text \"tricky 2026-12-01\" }\n"
    "}\n";

std::string Made(const CharterTemplate& t, std::string_view name) {
  auto result = Instantiate(t, name, *Date::Parse("2027-05-04"));
  if (auto* error = std::get_if<InstantiateError>(&result)) return "error: " + error->message;
  return std::get<std::string>(result);
}

}  // namespace

TEST_CASE("a title is made from the name, word by word") {
  CHECK(TitleFromName("riverside_housing") == "Riverside Housing");
  CHECK(TitleFromName("x") == "X");
  CHECK(TitleFromName("_leading__double_trailing_") == "Leading Double Trailing");
  CHECK(TitleFromName("kitchen2") == "Kitchen2");
}

TEST_CASE("instantiating changes the name, the title and the date, nothing else") {
  CharterTemplate t{"tricky", kTricky};
  std::string made = Made(t, "mill_lane");
  CHECK(made ==
        "// tricky: the template for a tricky community\n"
        "charter mill_lane \"Mill Lane\" {\n"
        "  adopted 2027-05-04  // adopted 2026-12-01 in a comment stays\n"
        "  membership {\n"
        "    entry open\n"
        "    exit anytime notice 0 days\n"
        "  }\n"
        "  rule tricky { text \"tricky 2026-12-01\" }\n"
        "}\n");
}

TEST_CASE("a charter without a title gets one") {
  CharterTemplate t{"untitled", "charter untitled {\n  adopted 2026-12-01\n}\n"};
  CHECK(Made(t, "oak") == "charter oak \"Oak\" {\n  adopted 2027-05-04\n}\n");
}

TEST_CASE("names Concord does not accept are refused") {
  CharterTemplate t{"tricky", kTricky};
  for (const char* bad : {"Capital", "two words", "../up", "9lives", "a-b", "", "true"}) {
    INFO(bad);
    CHECK(Made(t, bad).rfind("error: ", 0) == 0);
  }
}

TEST_CASE("a template without a charter or an adopted clause is reported, not guessed") {
  CharterTemplate none{"none", "// nothing here\n"};
  CHECK(Made(none, "x").rfind("error: template `none`", 0) == 0);
  CharterTemplate undated{"undated", "charter undated {}\n"};
  CHECK(Made(undated, "x").rfind("error: template `undated` has no `adopted`", 0) == 0);
}

TEST_CASE("every embedded template has a description and instantiates") {
  const auto& all = concord::templates::Catalogue();
  REQUIRE(all.size() == 9);
  for (const CharterTemplate& t : all) {
    INFO(t.name);
    CHECK(!concord::templates::Description(t).empty());
    CHECK(Made(t, "our_community").find("charter our_community \"Our Community\"") !=
          std::string::npos);
    CHECK(concord::templates::FindTemplate(t.name) == &t);
  }
  CHECK(concord::templates::FindTemplate("monarchy") == nullptr);
  CHECK(concord::templates::NameList().find("`benevolent_dictator`, `circles`") == 0);
}
