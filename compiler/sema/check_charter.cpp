// Charters: the concord they claim, the clauses they must have (E0211), and
// the type of every clause expression (E0203).
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace concord::sema {

void Checker::CheckCharters() {
  for (auto& info : out_.charters_) CheckCharter(*info);
}

void Checker::CheckRotation(const ast::Rotation& rotation, const NameTable& implicits,
                            std::string_view pool) {
  CheckPositivePeriod(rotation.every, "a rotation period");
  // Stewards and designers rotate among the charter's members or the
  // treaty's parties; no other pool exists yet.
  if (rotation.among.name == pool) {
    Bind(rotation.among, implicits.Find(pool));
    return;
  }
  ReportUnknown(rotation.among, "rotation pool", {std::string(pool)})
      .WithNote(fmt::format("a rotation here is `among {}`", pool));
}

void Checker::CheckJury(const CharterInfo& info, const ast::Jury& jury, const Context& ctx) {
  if (jury.draw) {
    if (jury.draw->from && jury.draw->from->name != "members") {
      ReportUnknown(*jury.draw->from, "jury pool", {"members"})
          .WithNote("jurors are drawn `from members`");
    } else if (jury.draw->from) {
      Bind(*jury.draw->from, info.implicits.Find("members"));
    }
    if (jury.draw->excluding && jury.draw->excluding->name != "parties") {
      ReportUnknown(*jury.draw->excluding, "jury exclusion", {"parties"})
          .WithNote("a draw can exclude the dispute's `parties`");
    }
  }
  if (jury.external) {
    // Delegates come from `allies` (the parties of active treaties) or
    // from one named charter.
    const ast::Identifier& from = jury.external->from;
    if (from.name != "allies") {
      const Symbol* symbol = FindAnywhere(from.name);
      if (!symbol) {
        std::vector<std::string> candidates = {"allies"};
        for (const auto& c : out_.charters_) candidates.push_back(c->symbol->name);
        ReportUnknown(from, "delegate pool", candidates)
            .WithNote("external delegates come `from allies` or from a named charter");
      } else if (symbol->kind != SymbolKind::kCharter) {
        ReportWrongKind(from, symbol, "a charter or `allies`");
      } else {
        Bind(from, symbol);
      }
    }
    if (jury.external->when && jury.external->when->name != "serious") {
      ReportUnknown(*jury.external->when, "dispute condition", {"serious"})
          .WithNote("external delegates join `when serious`, or always when `when` is omitted");
    }
  }
  if (jury.ruling && !jury.ruling->permanent) {
    ExpectType(ctx, jury.ruling->after.get(), types().Duration(),
               "a ruling expires after a duration");
    CheckPositiveDuration(jury.ruling->after.get(), "the time before a ruling expires", false);
  }
}

void Checker::CheckCharterTreatyLimits(const CharterInfo& info, const Context& ctx) {
  const ast::TreatyLimits& limits = *info.decl->treaty_limits;
  const Type* duration = types().Duration();
  ExpectType(ctx, limits.term_at_most.get(), duration, "`accept term at most` takes a duration");
  ExpectType(ctx, limits.notice_at_most.get(), duration,
             "`accept notice at most` takes a duration");
  CheckPositiveDuration(limits.term_at_most.get(), "the longest term accepted", false);
  CheckPositiveDuration(limits.notice_at_most.get(), "the longest notice accepted", true);
  // Contribution limits are formulas in the contributing member's income.
  Context with_income = ctx;
  with_income.locals.push_back(info.income);
  const char* note = "a contribution limit is an amount of money, usually a formula in `income`";
  if (limits.contribution) {
    ExpectType(with_income, limits.contribution->amount.get(), types().Money(), note);
    CheckPositivePeriod(limits.contribution->per, "a contribution limit's period");
  }
  if (limits.total_contribution) {
    ExpectType(with_income, limits.total_contribution->amount.get(), types().Money(), note);
    CheckPositivePeriod(limits.total_contribution->per, "a contribution limit's period");
  }
}

void Checker::CheckCharter(CharterInfo& info) {
  const ast::CharterDecl& c = *info.decl;
  Context ctx = CharterContext(info);
  TypeContext& t = types();

  // The concord it claims; without the clause, `minimal`.
  if (c.concord) {
    const Symbol* symbol = FindAnywhere(c.concord->name);
    if (!symbol) {
      std::vector<std::string> names;
      for (const auto& k : out_.concords_) names.push_back(k->symbol->name);
      ReportUnknown(*c.concord, "concord", names);
    } else if (symbol->kind != SymbolKind::kConcord) {
      Bind(*c.concord, symbol);
      ReportWrongKind(*c.concord, symbol, "a concord");
    } else {
      Bind(*c.concord, symbol);
      info.concord = out_.ConcordOf(symbol);
    }
  } else {
    info.concord = out_.ConcordOf(out_.FindGlobal("minimal"));
  }

  // Every field of the model that a concord reads without `or none` comes
  // from a required clause, so a missing one is a compile error here rather
  // than a surprising default later.
  if (!c.adopted) {
    ReportMissing(c.name, "charter", "adopted")
        .WithHelp("add the date the charter was adopted, such as `adopted 2026-11-01`");
  }
  if (!c.membership) {
    ReportMissing(c.name, "charter", "membership")
        .WithHelp("add `membership { entry open exit anytime notice 30 days }`");
  } else {
    if (!c.membership->entry) {
      ReportMissing(c.name, "charter", "entry")
          .WithHelp("add `entry open` (or `sponsored by 2`, `vote 66%`) to `membership`");
    }
    if (!c.membership->exit) {
      ReportMissing(c.name, "charter", "exit")
          .WithHelp("add `exit anytime notice 30 days` to `membership`");
    } else {
      ExpectType(ctx, c.membership->exit->notice.get(), t.Duration(),
                 "an exit notice is a duration");
      CheckPositiveDuration(c.membership->exit->notice.get(), "an exit notice", true);
    }
  }
  if (!c.revision) {
    ReportMissing(c.name, "charter", "revision")
        .WithHelp("add `revision { every year quota 25% of rules quorum 50% of members }`");
  } else {
    if (!c.revision->every) {
      ReportMissing(c.name, "charter", "every")
          .WithHelp("add the revision cycle, such as `every year`, to `revision`");
    }
    CheckPositivePeriod(c.revision->every, "a revision cycle");
    if (!c.revision->quota) {
      ReportMissing(c.name, "charter", "quota")
          .WithHelp("add how many rules each cycle changes, such as `quota 25% of rules`");
    } else {
      ExpectOneOf(ctx, c.revision->quota.get(), {t.Int(), t.Decimal(), t.Percent()},
                  "a quota is a number of rules (`quota 2`) or a share of them "
                  "(`quota 25% of rules`)");
    }
    if (c.revision->quorum) {
      ExpectOneOf(ctx, c.revision->quorum.get(), {t.Int(), t.Decimal(), t.Percent()},
                  "a quorum is a number of members (`quorum 5`) or a share of them "
                  "(`quorum 50% of members`)");
    }
  }

  if (c.jury) CheckJury(info, *c.jury, ctx);
  CheckPower(info, ctx);
  for (const ast::Ledger& ledger : c.ledgers) {
    CheckPositivePeriod(ledger.report_every, "a ledger's report period");
    if (ledger.steward) CheckRotation(*ledger.steward, info.implicits, "members");
    if (ledger.cap) ExpectType(ctx, ledger.cap.get(), t.Money(), "a ledger's cap is money");
    const Constant* cap = ledger.cap ? out_.ConstantOf(ledger.cap.get()) : nullptr;
    const MoneyValue* cap_money = cap ? cap->As<MoneyValue>() : nullptr;
    if (ledger.currency && cap_money && cap_money->currency != ledger.currency->value) {
      diags_
          .Report(
              diag::Code::E0205, ledger.cap->range, fmt::format("a cap in {}", cap_money->currency),
              fmt::format("ledger `{}`'s currency {}", ledger.name.name, ledger.currency->value))
          .WithLabel(ledger.currency->range, "the ledger's currency is declared here")
          .WithHelp("write the cap in the ledger's currency; Concord never converts");
    }
  }
  if (c.stress_game) CheckPositivePeriod(c.stress_game->every, "a stress game's period");
  if (c.stress_game && c.stress_game->designer) {
    CheckRotation(*c.stress_game->designer, info.implicits, "members");
  }
  if (c.reflection) CheckPositivePeriod(c.reflection->every, "a reflection's period");
  if (c.treaty_limits) CheckCharterTreatyLimits(info, ctx);
  for (size_t i = 0; i < c.rules.size(); ++i) CheckRule(ctx, c.rules[i], info.rules[i]);
  for (const Symbol* metric : info.metrics) MetricType(metric);
}

}  // namespace concord::sema
