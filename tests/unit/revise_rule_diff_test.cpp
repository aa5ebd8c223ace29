// Pairing old rules with new ones (compiler/revise/rule_diff.h).
#include <catch2/catch.hpp>

#include "compiler/revise/rule_diff.h"

namespace concord::revise {
namespace {

// A rule whose body is `form`; `at` orders rules within a version.
RuleVersion R(std::string name, std::string form, std::optional<std::string> title = {},
              std::optional<std::string> replaces = {}, uint32_t at = 0) {
  RuleVersion r;
  r.name = std::move(name);
  r.form = std::move(form);
  r.title = std::move(title);
  r.replaces = std::move(replaces);
  r.range = {0, at, at + 1};
  return r;
}

std::string Names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : " ") + n;
  return out;
}

TEST_CASE("revise diff: same name, by body and title", "[revise][diff]") {
  RuleChanges c = DiffRules({R("a", "1", "A"), R("b", "2", "B"), R("c", "3", "C")},
                            {R("a", "1", "A"), R("b", "2x", "B"), R("c", "3", "C2")});
  REQUIRE(c.unchanged.size() == 1);
  CHECK(c.unchanged[0].name == "a");
  REQUIRE(c.amended.size() == 1);
  CHECK(c.amended[0].before.form == "2");
  CHECK(c.amended[0].after.form == "2x");
  REQUIRE(c.retitled.size() == 1);
  CHECK(c.retitled[0].after.title == "C2");
  CHECK(Names(c.Burned()) == "b");  // a new title alone burns nothing
}

TEST_CASE("revise diff: removed, added and replaced", "[revise][diff]") {
  RuleChanges c = DiffRules(
      {R("gifts", "1", "Gifts", {}, 1), R("duty", "2", "Duty", {}, 2), R("keys", "3", {}, {}, 3)},
      {R("book", "9", "Book", "gifts"), R("dishes", "8", "Duty"), R("extra", "7", "Extra")});
  REQUIRE(c.replaced.size() == 2);
  CHECK(c.replaced[0].before.name == "gifts");
  CHECK(c.replaced[0].after.name == "book");
  CHECK(c.replaced[0].reason == ReplaceReason::kReplacesClause);
  CHECK(c.replaced[1].before.name == "duty");
  CHECK(c.replaced[1].after.name == "dishes");
  CHECK(c.replaced[1].reason == ReplaceReason::kSameTitle);
  REQUIRE(c.removed.size() == 1);
  CHECK(c.removed[0].name == "keys");
  REQUIRE(c.added.size() == 1);
  CHECK(c.added[0].rule.name == "extra");
  CHECK(Names(c.Burned()) == "gifts duty keys");
}

TEST_CASE("revise diff: `replaces` wins over a shared title", "[revise][diff]") {
  // `b2` has `a`'s title but says it replaces `b`; `a` is then simply removed.
  RuleChanges c = DiffRules({R("a", "1", "T"), R("b", "2", "U")}, {R("b2", "5", "T", "b")});
  REQUIRE(c.replaced.size() == 1);
  CHECK(c.replaced[0].before.name == "b");
  REQUIRE(c.removed.size() == 1);
  CHECK(c.removed[0].name == "a");
}

TEST_CASE("revise diff: a rename with the same body is not a replacement", "[revise][diff]") {
  RuleChanges c =
      DiffRules({R("a", "1", "T"), R("b", "2")}, {R("a2", "1", "T"), R("b2", "2", {}, "b")});
  CHECK(c.replaced.empty());
  REQUIRE(c.renamed.size() == 2);
  CHECK(c.renamed[0].reason == ReplaceReason::kSameTitle);
  CHECK(c.renamed[1].reason == ReplaceReason::kReplacesClause);
  CHECK(c.Burned().empty());
}

TEST_CASE("revise diff: a `replaces` that matches nothing says why", "[revise][diff]") {
  RuleChanges c = DiffRules({R("a", "1"), R("b", "2")},
                            {R("a", "1"), R("x", "3", {}, "a"), R("y", "4", {}, "zzz"),
                             R("z", "5", {}, "b"), R("w", "6", {}, "b")});
  REQUIRE(c.added.size() == 3);
  CHECK(c.added[0].rule.name == "x");
  CHECK(c.added[0].unmatched == UnmatchedReplaces::kStillInForce);
  CHECK(c.added[1].unmatched == UnmatchedReplaces::kNotInOld);
  CHECK(c.added[2].rule.name == "w");
  CHECK(c.added[2].unmatched == UnmatchedReplaces::kAlreadyReplaced);
  REQUIRE(c.replaced.size() == 1);
  CHECK(c.replaced[0].after.name == "z");
}

TEST_CASE("revise diff: a duplicate name is compared once", "[revise][diff]") {
  RuleChanges c = DiffRules({R("a", "1")}, {R("a", "2"), R("a", "3")});
  CHECK(c.amended.size() == 1);
  CHECK(c.added.empty());
  CHECK(Names(c.Burned()) == "a");
}

}  // namespace
}  // namespace concord::revise
