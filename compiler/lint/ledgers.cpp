// L102: transparent ledgers. "Use transparent ledgers accessible to all
// members. Publish regular reports. Rotate stewardship of funds on a
// predictable cycle": opaque finances breed suspicion, and suspicion breeds
// factions.
#include <fmt/format.h>

#include "compiler/lint/clause_edits.h"
#include "compiler/lint/lints.h"

namespace concord::lint {
namespace {

constexpr std::string_view kRotation = "steward rotates every 3 months among members";

void LintLedger(const ast::Ledger& ledger, LintContext& cx) {
  const std::string& name = ledger.name.name;
  if (ledger.is_public && !ledger.is_public->value) {
    cx.diags.Report(diag::Code::L102, ledger.is_public->range, name, "is private")
        .WithHelp("members cannot follow money they cannot see; open the books to every member")
        .WithFix(ledger.is_public->range, "public", "make the books public");
  } else if (!ledger.is_public) {
    auto& d = cx.diags.Report(diag::Code::L102, ledger.name.range, name, "is not public")
                  .WithNote("a ledger is private unless it says `public`")
                  .WithHelp(
                      "members cannot follow money they cannot see; open the books to "
                      "every member");
    if (auto fix = InsertClause(cx.sources, ledger.range, "public", "make the books public")) {
      d.fixits.push_back(*fix);
    }
  }

  if (!ledger.report_every) {
    auto& d = cx.diags.Report(diag::Code::L102, ledger.name.range, name, "publishes no reports")
                  .WithHelp(
                      "publish a report on a fixed cycle, so that nobody has to ask to see "
                      "where the money went");
    if (auto fix = InsertClause(cx.sources, ledger.range, "report every month",
                                "publish a report every month")) {
      d.fixits.push_back(*fix);
    }
  }

  if (ledger.fixed_steward) {
    std::optional<diag::SourceRange> clause = FixedStewardClause(cx.sources, *ledger.fixed_steward);
    auto& d = cx.diags
                  .Report(diag::Code::L102, clause ? *clause : ledger.fixed_steward->range, name,
                          fmt::format("is always kept by `{}`", ledger.fixed_steward->name))
                  .WithHelp(
                      "rotate stewardship on a predictable cycle, so that nobody becomes "
                      "the gatekeeper of the community's money");
    if (clause) d.WithFix(*clause, std::string(kRotation), "rotate the steward every season");
  } else if (!ledger.steward) {
    auto& d = cx.diags.Report(diag::Code::L102, ledger.name.range, name, "has no rotating steward")
                  .WithHelp(
                      "rotate stewardship on a predictable cycle, so that nobody becomes "
                      "the gatekeeper of the community's money");
    if (auto fix =
            InsertClause(cx.sources, ledger.range, kRotation, "rotate the steward every season")) {
      d.fixits.push_back(*fix);
    }
  }
}

}  // namespace

void LintLedgers(const ast::File& file, LintContext& cx) {
  for (const ast::CharterDecl& charter : file.charters) {
    for (const ast::Ledger& ledger : charter.ledgers) LintLedger(ledger, cx);
  }
}

}  // namespace concord::lint
