// Quota arithmetic (compiler/revise/quota.h): shares of the rules in force,
// rounded up; absolute counts as written; nothing that needs run-time state.
#include <catch2/catch.hpp>

#include "compiler/revise/quota.h"
#include "compiler/syntax/parser.h"

namespace concord::revise {
namespace {

// Parses `revision { quota QUOTA }` and evaluates the quota for `rules` rules.
QuotaValue Quota(const std::string& quota, int64_t rules) {
  diag::SourceManager sources;
  diag::FileId id =
      sources.AddFile("t.concord", "charter k { revision { every month quota " + quota + " } }");
  diag::DiagnosticEngine diags;
  ast::File file = syntax::ParseFile(sources, id, diags);
  REQUIRE(diags.diagnostics().empty());
  REQUIRE(file.charters.size() == 1);
  REQUIRE(file.charters[0].revision);
  REQUIRE(file.charters[0].revision->quota);
  return EvaluateQuota(*file.charters[0].revision->quota, rules);
}

std::optional<int64_t> Rules(const std::string& quota, int64_t rules) {
  return Quota(quota, rules).rules;
}

TEST_CASE("revise quota: a share of the rules rounds up", "[revise][quota]") {
  CHECK(Rules("25% of rules", 4) == 1);
  CHECK(Rules("25% of rules", 5) == 2);
  CHECK(Quota("25% of rules", 5).exact == "1.25");
  CHECK(Rules("25% of rules", 7) == 2);
  CHECK(Rules("25% of rules", 8) == 2);
  CHECK(Rules("25% of rules", 0) == 0);
  CHECK(Rules("33% of rules", 3) == 1);  // 0.99: exact decimals, then up
  CHECK(Rules("25%", 5) == 2);           // a bare share is a share of the rules
  CHECK(Rules("rules * 50%", 3) == 2);
  CHECK(Rules("count(rules) / 4", 5) == 2);
  CHECK(Rules("min(2, 50% of rules)", 2) == 1);
}

TEST_CASE("revise quota: an absolute quota is a count", "[revise][quota]") {
  CHECK(Rules("2", 7) == 2);
  CHECK(Rules("2 rules", 7) == 2);
  CHECK(Rules("1.5", 7) == 2);
  CHECK(Rules("1 + 1", 7) == 2);
  // No revision can change more rules than there are.
  CHECK(Rules("3", 2) == 2);
  CHECK(Rules("0", 2) == 0);
}

TEST_CASE("revise quota: run-time state cannot be counted", "[revise][quota]") {
  QuotaValue q = Quota("10% of members", 5);
  CHECK_FALSE(q.rules.has_value());
  CHECK(q.why_not == "it names `members`");
  CHECK_FALSE(Rules("count(members)", 5).has_value());
  CHECK_FALSE(Rules("25% + 2", 5).has_value());
}

}  // namespace
}  // namespace concord::revise
