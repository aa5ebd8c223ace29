// Power (POWER.md §1-§4): offices, `decisions`, `sanctions`, member classes
// and dues. Names resolve (an office's appointer, the office of `by office
// NAME`, the ledger dues go to, the matters), clause values have their types
// (a term is a positive duration, `up to` is money), and the combinations
// that cannot mean anything are E0230-E0242, with a fix-it where the intent
// is plain.
#include <fmt/format.h>

#include <map>

#include "compiler/sema/checker.h"

namespace concord::sema {

namespace {

// The matters of POWER.md §2, in the order the reference lists them.
const std::vector<std::string>& Matters() {
  static const std::vector<std::string> matters = {"admission", "removal",  "sanction",
                                                   "amendment", "spending", "treaty",
                                                   "election",  "recall",   "default"};
  return matters;
}

std::string MethodWords(const ast::DecisionMethod& m) {
  switch (m.kind) {
    case ast::MethodKind::kMajority:
      return "a majority of votes cast";
    case ast::MethodKind::kVoteCast:
      return "a vote of votes cast";
    case ast::MethodKind::kVoteMembers:
      return "a vote of members";
    case ast::MethodKind::kConsent:
      return "consent";
    case ast::MethodKind::kConsensus:
      return "consensus";
    case ast::MethodKind::kOffice:
      return fmt::format("office `{}`", m.office ? m.office->name : "?");
    case ast::MethodKind::kJury:
      return "jury";
    case ast::MethodKind::kAssembly:
      return "assembly";
  }
  return "?";
}

}  // namespace

bool Checker::CheckMatter(const ast::Identifier& matter) {
  for (const std::string& m : Matters()) {
    if (m == matter.name) return true;
  }
  ReportUnknown(matter, "matter", Matters())
      .WithNote(
          "the matters are admission, removal, sanction, amendment, spending, treaty, election, "
          "recall and default");
  return false;
}

// A share is a fraction of something: above 1 (100%, 3/2) it can never be
// reached; at zero it is met by nobody. `zero_ok` for consent's objections,
// where `at most 0%` means any objection blocks.
void Checker::CheckShare(const ast::Share& share, std::string_view what, bool zero_ok) {
  auto one = *values::Decimal::FromInt(1);
  auto zero = *values::Decimal::FromInt(0);
  if (!share.valid) {
    diags_.Report(diag::Code::E0235, share.range, share.text, what,
                  "a fraction's denominator cannot be zero");
    return;
  }
  if (one < share.value) {
    diag::Diagnostic& d =
        diags_.Report(diag::Code::E0235, share.range, share.text, what,
                      share.is_fraction ? "a fraction above 1 can never be reached"
                                        : "a percentage above 100% can never be reached");
    // `3/2` is most often `2/3` written upside down.
    if (share.is_fraction && share.denominator != 0) {
      std::string swapped = fmt::format("{}/{}", share.denominator, share.numerator);
      d.WithHelp(fmt::format("did you mean `{}`?", swapped));
      d.WithFix(share.range, swapped, fmt::format("replace `{}` with `{}`", share.text, swapped));
    } else {
      d.WithHelp("a share is at most 100%");
    }
    return;
  }
  if (!zero_ok && share.value <= zero) {
    diags_
        .Report(diag::Code::E0235, share.range, share.text, what,
                "a share of zero is met by nobody")
        .WithHelp("give the share the community agreed on, such as `50%`");
  }
}

void Checker::CheckOffice(const CharterInfo& info, const ast::Office& o, const Context& ctx) {
  const std::string& name = o.name.name;
  if (o.seats && o.seats->value == 0) {
    diags_.Report(diag::Code::E0230, o.seats->range, "the number of seats", name)
        .WithHelp("an office has at least one seat")
        .WithFix(o.seats->range, "seats 1", "replace with `seats 1`");
  }
  if (o.limit && o.limit->value == 0) {
    diags_.Report(diag::Code::E0230, o.limit->range, "the limit of terms in a row", name)
        .WithHelp("allow at least one term in a row, or remove the limit");
  }
  if (o.held_by && o.chosen) {
    diags_
        .Report(diag::Code::E0232, o.held_range, name,
                o.chosen->mode == ast::SelectionMode::kHolders ? "its holders" : "a procedure")
        .WithLabel(o.chosen->range, "chosen here")
        .WithHelp("keep one: `held by` names a permanent holder, `chosen by` a procedure");
  }
  if (o.held_by && o.limit) {
    diags_.Report(diag::Code::E0233, o.limit->range, name)
        .WithLabel(o.held_range, "held by one person here")
        .WithFix(o.limit->range, "", "remove the term limit");
  } else if (o.limit && !o.term) {
    diags_
        .Report(diag::Code::E0231, o.limit->range, name,
                fmt::format("{} term{}", o.limit->value, o.limit->value == 1 ? "" : "s"))
        .WithHelp("add how long one term lasts, such as `term 1 year`");
  }
  if (o.term) {
    ExpectType(ctx, o.term.get(), types().Duration(), "an office's term is a duration");
    CheckPositiveDuration(o.term.get(), "an office's term", false);
  }
  if (o.recall) CheckShare(*o.recall, "for a recall petition", false);
  if (o.chosen) {
    const ast::OfficeSelection& s = *o.chosen;
    if (s.among)
      CheckRotation(ast::Rotation{std::nullopt, *s.among, s.range}, info.implicits, "members");
    if (s.every) CheckPositivePeriod(*s.every, "a rotation period");
    if (s.appointer) {
      const Symbol* appointer = info.offices.Find(s.appointer->name);
      if (!appointer) {
        std::vector<std::string> names;
        for (const Symbol* office : info.office_symbols) names.push_back(office->name);
        ReportUnknown(*s.appointer, "office", names)
            .WithNote("an office is appointed `by appointment by` another office of the charter");
      } else {
        Bind(*s.appointer, appointer);
        if (appointer->As<ast::Office>() == &o) {
          diags_.Report(diag::Code::E0234, s.appointer->range, name)
              .WithHelp("an office that picks its own holders is `chosen by the holders`")
              .WithFix(s.range, "chosen by the holders", "replace with `chosen by the holders`");
        }
      }
    }
  }
  for (const ast::OfficeDecides& d : o.decides) {
    if (!CheckMatter(d.matter) || !d.up_to) continue;
    if (d.matter.name != "spending") {
      diags_.Report(diag::Code::E0238, d.up_to_range, "the matter", d.matter.name)
          .WithFix(d.up_to_range, "", "remove the `up to` limit");
      continue;
    }
    ExpectType(ctx, d.up_to.get(), types().Money(), "`up to` is an amount of money");
  }
}

void Checker::CheckMethod(const CharterInfo& info, const ast::DecisionMethod& m,
                          std::string_view matter, const std::string& what, const Context& ctx) {
  switch (m.kind) {
    case ast::MethodKind::kVoteCast:
    case ast::MethodKind::kVoteMembers:
      if (m.share) CheckShare(*m.share, "for a vote", false);
      break;
    case ast::MethodKind::kConsent:
      if (m.share) CheckShare(*m.share, "of objections", true);
      break;
    case ast::MethodKind::kOffice: {
      if (!m.office) break;
      const Symbol* office = info.offices.Find(m.office->name);
      if (!office) {
        std::vector<std::string> names;
        for (const Symbol* s : info.office_symbols) names.push_back(s->name);
        ReportUnknown(*m.office, "office", names)
            .WithNote(fmt::format("`by office NAME` names an `office` of charter `{}`",
                                  info.symbol->name));
      } else {
        Bind(*m.office, office);
      }
      if (m.up_to) {
        if (matter != "spending") {
          diags_.Report(diag::Code::E0238, m.up_to_range, "the matter", std::string(matter))
              .WithFix(m.up_to_range, "", "remove the `up to` limit");
        } else {
          ExpectType(ctx, m.up_to.get(), types().Money(), "`up to` is an amount of money");
        }
      }
      break;
    }
    case ast::MethodKind::kJury:
      if (!info.decl->jury) {
        diags_.Report(diag::Code::E0239, m.range, what, info.symbol->name)
            .WithHelp(
                "add a `jury { size 5 draw lottery from members }` section, or choose "
                "another method");
      }
      break;
    default:
      break;
  }
}

void Checker::CheckSanctions(const CharterInfo& info, const ast::Sanctions& s, const Context& ctx) {
  std::map<ast::SanctionKind, const ast::SanctionRule*> seen;
  for (const ast::SanctionRule& rule : s.rules) {
    const char* word = ast::SanctionWord(rule.kind);
    if (auto [it, inserted] = seen.emplace(rule.kind, &rule); !inserted) {
      diags_.Report(diag::Code::E0236, rule.range, "sanction", word)
          .WithLabel(it->second->range, "first rule here")
          .WithFix(rule.range, "", "remove the second rule");
      continue;
    }
    std::string what = fmt::format("`{}`", word);
    CheckMethod(info, rule.method,
                rule.kind == ast::SanctionKind::kRemoval ? "removal" : "sanction", what, ctx);
    if (rule.at_most) {
      ExpectType(ctx, rule.at_most.get(), types().Duration(), "a suspension lasts a duration");
      CheckPositiveDuration(rule.at_most.get(), "the longest suspension", false);
    }
    if (rule.verdict) {
      auto [n, of] = rule.verdict->value;
      if (rule.method.kind != ast::MethodKind::kJury) {
        diags_.Report(diag::Code::E0242, rule.verdict->range, n, of,
                      "is a jury's verdict, but this sanction is not decided by jury");
      } else if (n == 0 || n > of) {
        diags_.Report(diag::Code::E0242, rule.verdict->range, n, of,
                      "can never be a verdict: it needs between 1 and all jurors");
      } else if (info.decl->jury && info.decl->jury->size && info.decl->jury->size->value != of) {
        diags_
            .Report(diag::Code::E0242, rule.verdict->range, n, of,
                    fmt::format("counts {} jurors, but the jury has size {}", of,
                                info.decl->jury->size->value))
            .WithLabel(info.decl->jury->size->range, "the jury's size");
      }
    }
    if (rule.within) {
      ExpectType(ctx, rule.within.get(), types().Duration(),
                 "findings are counted within a duration");
      CheckPositiveDuration(rule.within.get(), "the window of earlier findings", false);
    }
  }
  if (s.finding_expires) {
    ExpectType(ctx, s.finding_expires.get(), types().Duration(),
               "a finding expires after a duration");
    CheckPositiveDuration(s.finding_expires.get(), "the time before a finding expires", false);
  }
}

void Checker::CheckPower(const CharterInfo& info, const Context& ctx) {
  const ast::CharterDecl& c = *info.decl;
  for (const ast::Office& o : c.offices) CheckOffice(info, o, ctx);

  std::map<std::string, const ast::DecisionRule*> rules;
  if (c.decisions) {
    for (const ast::DecisionRule& rule : c.decisions->rules) {
      if (!CheckMatter(rule.matter)) continue;
      if (auto [it, inserted] = rules.emplace(rule.matter.name, &rule); !inserted) {
        diags_.Report(diag::Code::E0236, rule.matter.range, "matter", rule.matter.name)
            .WithLabel(it->second->matter.range, "first rule here")
            .WithFix(rule.range, "", "remove the second rule");
        continue;
      }
      std::string what = fmt::format("`{}`", rule.matter.name);
      CheckMethod(info, rule.method, rule.matter.name, what, ctx);
      if (rule.fallback && rule.method.kind != ast::MethodKind::kConsensus) {
        diags_
            .Report(diag::Code::E0237, rule.fallback->range, rule.matter.name,
                    MethodWords(rule.method))
            .WithFix(rule.fallback->range, "", "remove the fallback");
      }
      if (rule.fallback) CheckShare(rule.fallback->share, "for a fallback vote", false);
      if (rule.quorum_share) CheckShare(*rule.quorum_share, "for a quorum", false);
      if (rule.notice) {
        ExpectType(ctx, rule.notice.get(), types().Duration(), "a notice is a duration");
        CheckPositiveDuration(rule.notice.get(), "a decision's notice", true);
      }
      if (rule.window) {
        ExpectType(ctx, rule.window.get(), types().Duration(), "a voting window is a duration");
        CheckPositiveDuration(rule.window.get(), "a voting window", false);
      }
    }
  }
  if (c.sanctions) {
    CheckSanctions(info, *c.sanctions, ctx);
    // One place per matter: `removal` and `sanction` may be decided in
    // `decisions` or in `sanctions`, never in both.
    for (const ast::SanctionRule& s : c.sanctions->rules) {
      std::string matter = s.kind == ast::SanctionKind::kRemoval ? "removal" : "sanction";
      auto it = rules.find(matter);
      if (it == rules.end()) continue;
      diags_.Report(diag::Code::E0241, s.range, matter)
          .WithLabel(it->second->range, "decided here too")
          .WithHelp("keep the rule in one block");
      rules.erase(it);  // once per matter
    }
  }

  if (!c.membership) return;
  const ast::Membership& m = *c.membership;
  if (m.entry && m.entry->mode == ast::EntryMode::kByDecision && !rules.count("admission") &&
      !rules.count("default")) {
    diags_.Report(diag::Code::E0240, m.entry->range, info.symbol->name)
        .WithHelp("add `decisions { admission by majority of votes cast }`, or another rule");
  }
  std::map<std::string, diag::SourceRange> classes;
  for (const ast::MemberClass& cls : m.classes) {
    auto [it, inserted] = classes.emplace(cls.name.name, cls.name.range);
    if (!inserted) ReportDuplicate(cls.name, it->second);
  }
  if (m.dues) {
    ExpectType(ctx, m.dues->amount.get(), types().Money(), "dues are an amount of money");
    CheckPositivePeriod(m.dues->per, "the period of dues");
    const Symbol* ledger = info.names.Find(m.dues->ledger.name);
    if (!ledger || ledger->kind != SymbolKind::kLedger) {
      std::vector<std::string> names;
      for (const Symbol* l : info.ledgers) names.push_back(l->name);
      if (ledger) {
        ReportWrongKind(m.dues->ledger, ledger, "a ledger");
      } else {
        ReportUnknown(m.dues->ledger, "ledger", names)
            .WithNote("dues are paid `to` a `ledger` of the charter");
      }
    } else {
      Bind(m.dues->ledger, ledger);
    }
  }
}

}  // namespace concord::sema
