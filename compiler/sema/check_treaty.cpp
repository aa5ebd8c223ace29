// Treaties: parties that are charters, the clauses every treaty must have
// (E0211), and the types of terms, notices and fund contributions.
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace concord::sema {

void Checker::CheckTreaties() {
  for (auto& info : out_.treaties_) CheckTreaty(*info);
}

void Checker::CheckTreaty(TreatyInfo& info) {
  const ast::TreatyDecl& d = *info.decl;
  Context ctx = TreatyContext(info);
  TypeContext& t = types();

  std::map<std::string, diag::SourceRange> seen;
  for (const ast::Identifier& party : d.parties) {
    auto [it, inserted] = seen.emplace(party.name, party.range);
    if (!inserted) {
      ReportDuplicate(party, it->second);
      continue;
    }
    if (const CharterInfo* charter = ResolveCharter(party)) info.parties.push_back(charter);
  }

  // The fields the minimal concord reads (term, exit notice) and the dates
  // the runtime needs come from required clauses.
  if (d.parties.empty()) {
    ReportMissing(d.name, "treaty", "parties")
        .WithHelp("name the charters that sign it: `parties eastside_kitchen, riverside_housing`");
  }
  if (!d.effective) {
    ReportMissing(d.name, "treaty", "effective")
        .WithHelp("add the date it takes effect, such as `effective 2026-12-01`");
  }
  if (!d.term) {
    ReportMissing(d.name, "treaty", "term")
        .WithNote("a treaty is active from `effective` until `effective + term`")
        .WithHelp("add a term of at most a year, such as `term 6 months renew explicitly by all`");
  } else {
    ExpectType(ctx, d.term->length.get(), t.Duration(), "a treaty's term is a duration");
    CheckPositiveDuration(d.term->length.get(), "a treaty's term", false);
  }
  if (!d.exit) {
    ReportMissing(d.name, "treaty", "exit")
        .WithHelp("say how a party leaves, such as `exit any party notice 30 days`");
  } else {
    ExpectType(ctx, d.exit->notice.get(), t.Duration(), "an exit notice is a duration");
    CheckPositiveDuration(d.exit->notice.get(), "an exit notice", true);
  }
  if (d.distress) {
    ExpectType(ctx, d.distress->respond_within.get(), t.Duration(),
               "`respond within` takes a duration");
    CheckPositiveDuration(d.distress->respond_within.get(),
                          "the time to respond to a distress signal", false);
  }

  Context with_income = ctx;
  with_income.locals.push_back(info.income);
  for (const ast::Fund& fund : d.funds) {
    if (fund.contribution) {
      const ast::FundContribution& c = *fund.contribution;
      ExpectType(with_income, c.amount.get(), t.Money(),
                 "a contribution is an amount of money, usually a formula in `income`");
      ExpectType(with_income, c.cap.get(), t.Money(), "a contribution's cap is money");
      ExpectType(with_income, c.floor.get(), t.Money(), "a contribution's floor is money");
      CheckPositivePeriod(c.per, "a contribution's period");
    }
    if (fund.steward) CheckRotation(*fund.steward, info.implicits, "parties");
  }
  CheckPositivePeriod(d.cross_training, "a cross-training period");
  for (size_t i = 0; i < d.rules.size(); ++i) CheckRule(ctx, d.rules[i], info.rules[i]);
}

}  // namespace concord::sema
