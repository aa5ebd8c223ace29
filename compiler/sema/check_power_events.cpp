// The decision events of a scenario (POWER.md §6): propose, vote, decide,
// elect, petition, verdict and waive. Everything a line can be wrong about
// without playing it is checked here (E0255-E0264, docs/reference.md,
// "Decisions at run time: events"); whether a vote is counted, a proposal
// passes or a seat is filled is the engine's (R-codes).
#include <fmt/format.h>

#include <set>

#include "compiler/sema/checker.h"

namespace concord::sema {
namespace {

const ast::Event* EventOf(const Symbol* symbol) {
  if (!symbol) return nullptr;
  const auto* event = std::get_if<const ast::Event*>(&symbol->decl);
  return event ? *event : nullptr;
}

bool IsParty(const TreatyInfo& treaty, const CharterInfo* charter) {
  for (const CharterInfo* p : treaty.parties) {
    if (p == charter) return true;
  }
  return false;
}

}  // namespace

void Checker::ReportListedTwice(const std::vector<const ast::Identifier*>& names,
                                std::string_view event_word) {
  std::map<std::string, const ast::Identifier*> seen;
  for (const ast::Identifier* id : names) {
    auto [it, first] = seen.emplace(id->name, id);
    if (first) continue;
    diags_.Report(diag::Code::E0261, id->range, id->name, event_word)
        .WithLabel(it->second->range, "first listed here")
        .WithHelp(fmt::format("list each name once in {}", WithArticleFor(event_word)));
  }
}

const Symbol* Checker::ResolveOffice(const ast::Identifier& office, const CharterInfo* polity,
                                     bool in_expression) {
  if (polity) {
    if (const Symbol* s = polity->offices.Find(office.name)) {
      Bind(office, s);
      return s;
    }
    diag::Diagnostic& d = diags_.Report(diag::Code::E0257, office.range, office.name, "an office",
                                        polity->symbol->name);
    if (SuggestionsLeft()) Suggest(d, office.name, office.range, polity->offices.Names());
    if (polity->office_symbols.empty()) {
      d.WithNote(fmt::format("`{}` declares no office", polity->symbol->name));
    }
    return nullptr;
  }
  // Unqualified: the one charter that declares an office of that name.
  std::vector<const Symbol*> found;
  std::vector<std::string> candidates;
  for (const auto& charter : out_.charters()) {
    if (const Symbol* s = charter->offices.Find(office.name)) found.push_back(s);
    if (SuggestionsLeft()) {
      for (const std::string& n : charter->offices.Names()) candidates.push_back(n);
    }
  }
  if (found.empty()) {
    ReportUnknown(office, "office", candidates);
    return nullptr;
  }
  if (found.size() > 1) {
    std::string owners;
    for (size_t i = 0; i < found.size(); ++i) {
      if (i > 0) owners += i + 1 == found.size() ? " and " : ", ";
      owners += fmt::format("`{}`", found[i]->owner->name);
    }
    diag::Diagnostic& d = diags_.Report(diag::Code::E0262, office.range, office.name, owners);
    for (const Symbol* s : found) {
      d.WithLabel(s->range, fmt::format("an office of `{}`", s->owner->name));
    }
    const std::string& owner = found.front()->owner->name;
    d.WithHelp(in_expression ? fmt::format("name its charter: `{}.{}`", owner, office.name)
                             : fmt::format("name its charter with `in`: `... in {}`", owner));
    return nullptr;
  }
  Bind(office, found.front());
  return found.front();
}

const Symbol* Checker::ResolveProposal(const ScenarioInfo& info, const ast::Event& event) {
  const Symbol* proposal =
      ResolveScenarioName(info, event.subject, SymbolKind::kProposal, "proposal");
  const ast::Event* proposed = EventOf(proposal);
  if (proposed && proposed->date.value > event.date.value) {
    diags_
        .Report(diag::Code::E0256, event.subject.range, ast::EventWord(event.kind),
                event.subject.name, proposed->date.value.ToString())
        .WithLabel(proposed->subject.range, "proposed here")
        .WithHelp("date the proposal on or before the votes and the decision on it");
  }
  return proposal;
}

void Checker::CheckProposal(ScenarioInfo& info, const ast::Event& event, const Context& ctx,
                            std::map<const CharterInfo*, std::vector<const Symbol*>>& added) {
  if (const Symbol* first = info.names.Find(event.subject.name);
      first && first->kind == SymbolKind::kProposal) {
    const ast::Event* original = EventOf(first);
    if (original && original != &event) {
      diags_.Report(diag::Code::E0255, event.subject.range, event.subject.name)
          .WithLabel(first->range, "first proposed here")
          .WithHelp(
              "give each proposal its own id; a proposal that failed is proposed again "
              "under a new one");
    } else {
      Bind(event.subject, first);
    }
  }
  const CharterInfo* polity = event.target ? ResolveCharter(*event.target) : nullptr;
  if (!event.matter) return;
  const ast::Identifier* object = event.names.empty() ? nullptr : &event.names.front();
  auto member = [&](const ast::Identifier& id) {
    return ResolveScenarioName(info, id, SymbolKind::kMember, "member");
  };
  switch (*event.matter) {
    case ast::ProposalMatter::kAdmission: {
      const Symbol* who = object ? member(*object) : nullptr;
      // Admitted, the newcomer belongs to the polity (for `contribute`).
      if (who && polity) info.member_polity.emplace(who, polity);
      break;
    }
    case ast::ProposalMatter::kRemoval:
    case ast::ProposalMatter::kRecall:
      if (object) member(*object);
      break;
    case ast::ProposalMatter::kAmendment:
      CheckAssembly(info, event, polity, added);
      break;
    case ast::ProposalMatter::kTreatySign:
    case ast::ProposalMatter::kTreatyRenew:
    case ast::ProposalMatter::kTreatyExit: {
      const TreatyInfo* treaty = object ? ResolveTreaty(*object) : nullptr;
      if (treaty && polity && !IsParty(*treaty, polity)) {
        diags_
            .Report(diag::Code::E0257, event.target->range, event.target->name, "a party",
                    treaty->symbol->name)
            .WithLabel(treaty->decl->parties_range,
                       fmt::format("the parties of `{}`", treaty->symbol->name))
            .WithHelp("a polity proposes to sign, renew or leave a treaty it is a party of");
      }
      break;
    }
    case ast::ProposalMatter::kSpending: {
      ExpectType(ctx, event.amount.get(), types().Money(), "a spending is an amount of money");
      if (!object || !polity) break;
      const Symbol* ledger = polity->names.Find(object->name);
      if (ledger && ledger->kind == SymbolKind::kLedger) {
        Bind(*object, ledger);
        break;
      }
      diag::Diagnostic& d = diags_.Report(diag::Code::E0257, object->range, object->name,
                                          "a ledger", polity->symbol->name);
      std::vector<std::string> ledgers;
      for (const Symbol* s : polity->ledgers) ledgers.push_back(s->name);
      if (SuggestionsLeft()) Suggest(d, object->name, object->range, ledgers);
      break;
    }
    case ast::ProposalMatter::kElection:
      if (object && polity) ResolveOffice(*object, polity, false);
      break;
  }
}

void Checker::CheckPowerEvent(ScenarioInfo& info, const ast::Event& event, const Context& ctx,
                              std::map<const CharterInfo*, std::vector<const Symbol*>>& added) {
  auto member = [&](const ast::Identifier& id) {
    return ResolveScenarioName(info, id, SymbolKind::kMember, "member");
  };
  auto members = [&](const std::vector<ast::Identifier>& names, std::string_view word) {
    std::vector<const ast::Identifier*> listed;
    for (const ast::Identifier& id : names) {
      member(id);
      listed.push_back(&id);
    }
    ReportListedTwice(listed, word);
  };
  switch (event.kind) {
    case ast::EventKind::kPropose:
      CheckProposal(info, event, ctx, added);
      break;
    case ast::EventKind::kVote: {
      ResolveProposal(info, event);
      std::vector<const ast::Identifier*> voters;
      for (const ast::Ballot& b : event.ballots) {
        member(b.voter);
        voters.push_back(&b.voter);
      }
      ReportListedTwice(voters, "vote");
      break;
    }
    case ast::EventKind::kDecide:
      ResolveProposal(info, event);
      break;
    case ast::EventKind::kElect: {
      const CharterInfo* polity = event.target ? ResolveCharter(*event.target) : nullptr;
      if (!event.target || polity) {
        ResolveOffice(event.subject, polity, false);
      }
      members(event.names, "election");
      break;
    }
    case ast::EventKind::kPetition:
      member(event.subject);
      if (event.target) ResolveCharter(*event.target);
      members(event.names, "petition");
      break;
    case ast::EventKind::kVerdict:
      CheckVerdict(info, event, ctx);
      break;
    case ast::EventKind::kWaive:
      member(event.subject);
      if (event.target) ResolveCharter(*event.target);
      if (event.until_date && event.until_date->value <= event.date.value) {
        diags_
            .Report(diag::Code::E0260, event.until_date->range, event.until_date->value.ToString(),
                    event.date.value.ToString())
            .WithLabel(event.date.range, "the waiver is granted on this date")
            .WithHelp("give `until` the last day the dues are waived, after the event's date");
      }
      break;
    default:
      break;
  }
}

void Checker::CheckVerdict(ScenarioInfo& info, const ast::Event& event, const Context& ctx) {
  const Symbol* dispute = ResolveScenarioName(info, event.subject, SymbolKind::kDispute, "dispute");
  if (const ast::Event* raised = EventOf(dispute);
      raised && raised->date.value > event.date.value) {
    diags_
        .Report(diag::Code::E0263, event.subject.range, event.subject.name,
                event.date.value.ToString(), raised->date.value.ToString())
        .WithLabel(raised->subject.range, "the dispute is raised here")
        .WithHelp("date the verdict after the dispute it decides");
  }
  if (event.target) ResolveScenarioName(info, *event.target, SymbolKind::kMember, "member");
  if (!event.verdict) return;
  const ast::Verdict& v = *event.verdict;
  if (v.of.value < 1 || v.in_favour.value < 1 || v.in_favour.value > v.of.value) {
    std::string why = v.of.value < 1          ? "a jury has at least one juror"
                      : v.in_favour.value < 1 ? "at least one juror finds against the member"
                                              : "more jurors agree than the jury has";
    diags_
        .Report(diag::Code::E0258, diag::SourceRange::Cover(v.in_favour.range, v.of.range),
                v.in_favour.value, v.of.value, why)
        .WithHelp("write how many jurors found against the member, of the jury's size: `4 of 5`");
  }
  bool suspension = v.sanction == ast::SanctionKind::kSuspension;
  if (v.length && !suspension) {
    diags_
        .Report(diag::Code::E0259, v.length->range,
                fmt::format("a {} has no length", ast::SanctionWord(v.sanction)))
        .WithLabel(v.sanction_range, "the sanction")
        .WithHelp("only a suspension lasts: remove the length, or write `suspension` before it");
  } else if (!v.length && suspension) {
    diags_.Report(diag::Code::E0259, v.sanction_range, "a suspension needs a length")
        .WithHelp("say how long it lasts: `{ suspension 1 month }`");
  } else if (v.length) {
    ExpectType(ctx, v.length.get(), types().Duration(), "a suspension lasts a duration");
    CheckPositiveDuration(v.length.get(), "a suspension's length", false);
  }
}

}  // namespace concord::sema
