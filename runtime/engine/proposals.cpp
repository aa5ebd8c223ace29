// Proposals and ballots (POWER.md §6): `propose` records what a charter is
// asked to decide and under which rule; `vote` collects the ballots of
// voting members, a second ballot replacing the first; `join` under `entry
// by decision` or `entry vote P` needs a passed admission (R053). Deciding
// and applying is decisions.cpp.
#include <fmt/format.h>

#include <algorithm>

#include "runtime/calendar/date_arithmetic.h"
#include "runtime/engine/simulation.h"

namespace concord::engine {
namespace {

template <typename... Args>
std::string Message(diag::Code code, const Args&... args) {
  return fmt::format(fmt::runtime(diag::Info(code).message_template), args...);
}

const char* ChoiceWord(BallotChoice choice) {
  switch (choice) {
    case BallotChoice::kYes:
      return "yes";
    case BallotChoice::kNo:
      return "no";
    case BallotChoice::kAbstain:
      return "abstain";
    case BallotChoice::kBlock:
      return "block";
    case BallotChoice::kObject:
      return "object";
  }
  return "?";
}

}  // namespace

std::string DescribeShare(values::Decimal share, const std::optional<Fraction>& written) {
  if (written) return fmt::format("{}/{}", written->numerator, written->denominator);
  values::Decimal hundred = values::Decimal::FromInt(100).value_or(values::Decimal{});
  return values::Mul(share, hundred).value.value_or(share).ToString() + "%";
}

std::string DescribeRule(const DecisionSpec& rule) {
  std::string share =
      rule.share ? DescribeShare(*rule.share, rule.share_fraction) : std::string("?");
  std::string out = rule.matter + " by ";
  switch (rule.method) {
    case DecisionMethod::kMajority:
      out += "majority of votes cast";
      break;
    case DecisionMethod::kVoteCast:
      out += fmt::format("vote {} of votes cast", share);
      break;
    case DecisionMethod::kVoteMembers:
      out += fmt::format("vote {} of members", share);
      break;
    case DecisionMethod::kConsent:
      out += fmt::format("consent objections at most {} of members", share);
      break;
    case DecisionMethod::kConsensus:
      out += "consensus";
      if (rule.fallback_share) {
        out += fmt::format(" fallback vote {} of votes cast after {} round{}",
                           DescribeShare(*rule.fallback_share, rule.fallback_fraction),
                           rule.fallback_rounds, rule.fallback_rounds == 1 ? "" : "s");
      }
      break;
    case DecisionMethod::kOffice:
      out += "office " + rule.office.value_or("?");
      if (rule.up_to) out += " up to " + rule.up_to->ToString();
      break;
    case DecisionMethod::kJury:
      out += "jury";
      if (rule.verdict)
        out += fmt::format(" verdict {} of {}", rule.verdict->first, rule.verdict->second);
      break;
    case DecisionMethod::kAssembly:
      out += "assembly";
      break;
  }
  if (rule.quorum_count) out += fmt::format(" quorum {}", *rule.quorum_count);
  if (rule.quorum_share) {
    out += fmt::format(" quorum {} of members",
                       DescribeShare(*rule.quorum_share, rule.quorum_fraction));
  }
  if (rule.notice) out += " notice " + rule.notice->ToString();
  if (rule.window) out += " window " + rule.window->ToString();
  if (rule.findings > 0) {
    out += fmt::format(" after {} finding{}", rule.findings, rule.findings == 1 ? "" : "s");
    if (rule.findings_within) out += " within " + rule.findings_within->ToString();
  }
  return out;
}

std::string DescribeProposal(const ProposalState& p) {
  switch (p.matter) {
    case ProposalMatter::kAdmission:
      return "admission of " + p.object;
    case ProposalMatter::kRemoval:
      return "removal of " + p.object;
    case ProposalMatter::kAmendment:
      return "amendment";
    case ProposalMatter::kTreatySign:
      return "treaty sign " + p.object;
    case ProposalMatter::kTreatyRenew:
      return "treaty renew " + p.object;
    case ProposalMatter::kTreatyExit:
      return "treaty exit " + p.object;
    case ProposalMatter::kSpending:
      return fmt::format("spending {} from {}",
                         p.event && p.event->amount ? p.event->amount->ToString() : "?", p.object);
    case ProposalMatter::kElection:
      return "election of " + p.object;
    case ProposalMatter::kRecall:
      return "recall of " + p.object;
  }
  return "?";
}

const DecisionSpec* Simulation::ProposalRule(const PolityState& p, ProposalMatter matter) {
  const CharterSpec& c = *p.spec;
  const char* word = MatterOf(matter);
  // `entry vote P` is the admission rule unless `decisions` names one.
  bool own_admission_rule =
      std::any_of(c.decisions.begin(), c.decisions.end(),
                  [](const DecisionSpec& d) { return d.matter == "admission"; });
  if (matter == ProposalMatter::kAdmission && c.entry == EntryMode::kVote && !own_admission_rule) {
    auto [it, fresh] = entry_rules_.try_emplace(c.name);
    if (fresh) {
      it->second.matter = "admission";
      it->second.method = DecisionMethod::kVoteMembers;
      it->second.share = c.entry_share.value_or(values::Decimal{});
      it->second.share_fraction = c.entry_fraction;
      it->second.range = c.membership_range;
    }
    return &it->second;
  }
  return c.RuleFor(word);
}

bool Simulation::CanVote(const PolityState& p, const std::string& member, Date day) const {
  if (!p.spec || !IsMemberOf(member, p.spec->name)) return false;
  return ClassVotes(member, p) && !IsSuspended(member, day);
}

std::vector<std::string> Simulation::VotingMembers(const PolityState& p, Date day) const {
  std::vector<std::string> out;
  for (const std::string& m : p.members) {
    if (CanVote(p, m, day)) out.push_back(m);
  }
  return out;
}

DecisionOutcome Simulation::OutcomeOf(const std::string& id) const {
  auto it = proposals_.find(id);
  return it == proposals_.end() ? DecisionOutcome::kPending : it->second.outcome;
}

bool Simulation::ElectionApproved(const std::string& polity, const std::string& office) const {
  return approved_elections_.count({polity, office}) > 0;
}

void Simulation::ConsumeElectionApproval(const std::string& polity, const std::string& office) {
  approved_elections_.erase({polity, office});
}

void Simulation::Propose(const EventSpec& e) {
  const std::string& id = e.subject.text;
  if (!e.target || !e.matter) return;  // the front end always sets both
  const std::string& polity = e.target->text;
  auto refuse = [&](std::string why, SourceRange where) {
    Invalid(e, diag::Code::R054, Message(diag::Code::R054, id, why), where);
  };
  if (auto old = proposals_.find(id); old != proposals_.end()) {
    refuse(fmt::format("`{}` was already proposed on {}", id, old->second.proposed.ToString()),
           e.subject.range);
    return;
  }
  auto pit = polities_.find(polity);
  if (pit == polities_.end() || !pit->second.spec) {
    refuse(fmt::format("`{}` is not a charter", polity), e.target->range);
    return;
  }
  if (!RequireAdopted(e, polity, e.target->range)) return;
  PolityState& p = pit->second;
  const CharterSpec& c = *p.spec;
  ProposalState proposal;
  proposal.id = id;
  proposal.polity = polity;
  proposal.matter = *e.matter;
  proposal.event = &e;
  proposal.proposed = today_;
  const Name* object = e.names.empty() ? nullptr : &e.names.front();
  if (object) proposal.object = object->text;
  SourceRange at = object ? object->range : e.range;
  // What the matter is about must be there to decide on.
  switch (proposal.matter) {
    case ProposalMatter::kAdmission:
      if (IsMemberOf(proposal.object, polity)) {
        return refuse(fmt::format("`{}` is already a member of `{}`", proposal.object, polity), at);
      }
      break;
    case ProposalMatter::kRemoval:
    case ProposalMatter::kRecall:
      if (!IsMemberOf(proposal.object, polity)) {
        return refuse(fmt::format("`{}` is not a member of `{}` on {}", proposal.object, polity,
                                  today_.ToString()),
                      at);
      }
      if (proposal.matter == ProposalMatter::kRecall && !RecallPetitioned(p, proposal.object)) {
        return refuse(fmt::format("no petition for the recall of `{}` in `{}` has met its share",
                                  proposal.object, polity),
                      at);
      }
      break;
    case ProposalMatter::kTreatySign:
    case ProposalMatter::kTreatyRenew:
    case ProposalMatter::kTreatyExit: {
      const TreatySpec* t = program_->FindTreaty(proposal.object);
      if (!t || std::find(t->parties.begin(), t->parties.end(), polity) == t->parties.end()) {
        return refuse(fmt::format("`{}` is not a party of treaty `{}`", polity, proposal.object),
                      at);
      }
      break;
    }
    case ProposalMatter::kSpending:
      if (!c.FindLedger(proposal.object)) {
        return refuse(fmt::format("`{}` has no ledger `{}`", polity, proposal.object), at);
      }
      break;
    case ProposalMatter::kElection:
      if (!c.FindOffice(proposal.object)) {
        return refuse(fmt::format("`{}` has no office `{}`", polity, proposal.object), at);
      }
      break;
    case ProposalMatter::kAmendment:
      break;
  }
  proposal.rule = ProposalRule(p, proposal.matter);
  std::string rule_words = proposal.rule
                               ? "rule: " + DescribeRule(*proposal.rule)
                               : std::string("no rule: recorded without a decision check");
  if (proposal.rule && proposal.rule->method == DecisionMethod::kAssembly) {
    // Made at assemblies (`assembly ... { ... }`): no proposal can carry it.
    // Kept as failed, so its ballots and decide are refused as closed.
    Entry& v = Invalid(
        e, diag::Code::R050,
        Message(diag::Code::R050, id, std::string(MatterOf(proposal.matter)) + "s", polity));
    if (proposal.rule->range.file != diag::kNoFile) {
      v.labels.push_back({proposal.rule->range, "the rule is written here"});
    } else {
      v.notes.push_back("without a `decisions` rule, amendments are made at assemblies");
    }
    proposal.outcome = DecisionOutcome::kFailed;
    proposal.decided = today_;
    proposals_.emplace(id, std::move(proposal));
    return;
  }
  std::vector<std::string> when;
  if (proposal.rule && proposal.rule->notice) {
    if (auto from = calendar::AddDuration(today_, *proposal.rule->notice)) {
      when.push_back("may be decided from " + from->ToString());
    }
  }
  if (proposal.rule && proposal.rule->window) {
    if (auto close = calendar::AddDuration(today_, *proposal.rule->window)) {
      when.push_back("ballots until " + close->ToString());
    }
  }
  Add(EntryKind::kEvent, polity,
      fmt::format("{} proposed in {}: {}; {}{}", id, polity, DescribeProposal(proposal), rule_words,
                  when.empty() ? std::string() : fmt::format("; {}", fmt::join(when, ", "))),
      e.range);
  proposals_.emplace(id, std::move(proposal));
  RunProposalRules(e, id, "propose");
}

void Simulation::Vote(const EventSpec& e) {
  const std::string& id = e.subject.text;
  auto it = proposals_.find(id);
  if (it == proposals_.end()) {
    Invalid(e, diag::Code::R047, Message(diag::Code::R047, "vote on", id, id, today_.ToString()),
            e.subject.range);
    return;
  }
  ProposalState& proposal = it->second;
  if (proposal.decided) {
    Invalid(e, diag::Code::R048,
            Message(diag::Code::R048, "vote on", id, OutcomeWord(proposal.outcome),
                    proposal.decided->ToString()),
            e.subject.range);
    return;
  }
  PolityState& p = polities_[proposal.polity];
  std::optional<Date> window_closes;
  if (proposal.rule && proposal.rule->window) {
    window_closes = calendar::AddDuration(proposal.proposed, *proposal.rule->window);
  }
  std::vector<std::string> counted[5];
  std::vector<std::string> notes;
  for (const BallotSpec& b : e.ballots) {
    const std::string& voter = b.voter.text;
    if (window_closes && today_ > *window_closes) {
      Invalid(e, diag::Code::R046,
              Message(diag::Code::R046, voter, id, today_.ToString(),
                      proposal.rule->window->ToString(), window_closes->ToString()),
              b.voter.range);
      continue;
    }
    if (!CanVote(p, voter, today_)) {
      std::string why =
          IsMemberOf(voter, proposal.polity)
              ? fmt::format("`{}` is in a class of `{}` that does not vote", voter, proposal.polity)
              : fmt::format("`{}` is not a member of `{}` on {}", voter, proposal.polity,
                            today_.ToString());
      Invalid(e, diag::Code::R045, Message(diag::Code::R045, voter, id, why), b.voter.range);
      continue;
    }
    auto same = std::find_if(proposal.ballots.begin(), proposal.ballots.end(),
                             [&](const auto& ballot) { return ballot.first == voter; });
    if (same != proposal.ballots.end()) {
      notes.push_back(fmt::format("{}'s earlier ballot ({}) is replaced by {}", voter,
                                  ChoiceWord(same->second), ChoiceWord(b.choice)));
      same->second = b.choice;
    } else {
      proposal.ballots.emplace_back(voter, b.choice);
    }
    counted[static_cast<size_t>(b.choice)].push_back(voter);
  }
  std::vector<std::string> parts;
  for (size_t choice = 0; choice < 5; ++choice) {
    if (counted[choice].empty()) continue;
    parts.push_back(fmt::format("{} {}", ChoiceWord(static_cast<BallotChoice>(choice)),
                                fmt::join(counted[choice], ", ")));
  }
  if (parts.empty()) return;
  Entry& entry =
      Add(EntryKind::kEvent, proposal.polity,
          fmt::format("ballots on {}: {} ({} ballot{} so far)", id, fmt::join(parts, "; "),
                      proposal.ballots.size(), proposal.ballots.size() == 1 ? "" : "s"),
          e.range);
  entry.notes = std::move(notes);
}

bool Simulation::EntryAllowsJoin(const EventSpec& e) {
  const std::string& polity = e.target->text;
  const PolityState& p = polities_[polity];
  if (!p.spec) return true;
  const CharterSpec& c = *p.spec;
  if (c.entry != EntryMode::kDecision && c.entry != EntryMode::kVote) return true;
  const DecisionSpec* rule = ProposalRule(polities_[polity], ProposalMatter::kAdmission);
  std::string how = c.entry == EntryMode::kDecision ? "`entry by decision`" : "`entry vote`";
  std::string why = fmt::format(
      "{} admits through {}; propose `admission of {}` in `{}` and decide it", how,
      rule ? DescribeRule(*rule) : std::string("the admission rule"), e.subject.text, polity);
  Entry& v = Invalid(e, diag::Code::R053, Message(diag::Code::R053, e.subject.text, polity, why),
                     e.subject.range);
  if (rule && rule->range.file != diag::kNoFile) {
    v.labels.push_back({rule->range, "the admission rule"});
  }
  return false;
}

}  // namespace concord::engine
