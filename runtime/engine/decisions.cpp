// Deciding a proposal (POWER.md §2, §6): the outcome from the matter's rule,
// the ballots of the round and the people they are counted among on the
// decide date (voting members, an office's holders, or jurors drawn by the
// verifiable lottery), after the rule's notice, quorum, office limit and
// findings; then what passed is applied (changes, admission, removal,
// spending, recall) or authorised (a treaty action, an election). The
// arithmetic is tally.h.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "runtime/calendar/date_arithmetic.h"
#include "runtime/engine/simulation.h"

namespace concord::engine {
namespace {

template <typename... Args>
std::string Message(diag::Code code, const Args&... args) {
  return fmt::format(fmt::runtime(diag::Info(code).message_template), args...);
}

// "1 holder of treasurer" for "holders of treasurer", "1 juror": the kind
// is a plural whose head noun (before " of", else the last word) ends in s.
std::string CountOf(int64_t n, const std::string& plural) {
  std::string kind = plural;
  if (n == 1) {
    size_t head_end = kind.find(" of ");
    if (head_end == std::string::npos) head_end = kind.size();
    if (head_end > 0 && kind[head_end - 1] == 's') kind.erase(head_end - 1, 1);
  }
  return fmt::format("{} {}", n, kind);
}

// "3 yes, 1 no, 1 block of 7 voting members": yes and no always, the other
// choices when someone made them.
std::string TallyWords(const DecisionTally& t) {
  std::vector<std::string> parts = {fmt::format("{} yes", t.yes), fmt::format("{} no", t.no)};
  if (t.abstain) parts.push_back(fmt::format("{} abstain", t.abstain));
  if (t.block) parts.push_back(fmt::format("{} block", t.block));
  if (t.object) parts.push_back(fmt::format("{} object", t.object));
  return fmt::format("{} of {}", fmt::join(parts, ", "), CountOf(t.eligible, t.eligible_kind));
}

}  // namespace

Entry& Simulation::DecisionEntry(const ProposalState& proposal, const EventSpec& e,
                                 DecisionTally tally, std::optional<diag::Code> code,
                                 std::string text) {
  std::string what = fmt::format("{} in {}", DescribeProposal(proposal), proposal.polity);
  std::string rule = tally.rule.empty() ? std::string("no rule: recorded without a decision check")
                                        : "rule: " + tally.rule;
  std::string full = tally.rule.empty()
                         ? fmt::format("{} — {}; {}", text, what, rule)
                         : fmt::format("{} — {}: {}; {}", text, what, TallyWords(tally), rule);
  Entry& entry =
      code ? Violation(EntryKind::kDecision, *code, proposal.polity, std::move(full), e.range)
           : Add(EntryKind::kDecision, proposal.polity, std::move(full), e.range);
  if (code && tally.rule_range.file != diag::kNoFile) {
    entry.labels.push_back({tally.rule_range, "the rule applied"});
  }
  entry.decision = std::move(tally);
  return entry;
}

const std::vector<std::string>* Simulation::ProposalJurors(ProposalState& proposal,
                                                           const EventSpec& e) {
  if (proposal.jurors) return &*proposal.jurors;
  const CharterSpec& c = *polities_[proposal.polity].spec;
  if (c.jury_size <= 0) return nullptr;
  // Whoever the proposal is about does not judge it, as the sides of a dispute.
  std::vector<std::string> pool;
  for (const std::string& m : polities_[proposal.polity].members) {
    if (m != proposal.object) pool.push_back(m);
  }
  std::string domain = fmt::format("proposal/{}/{}", proposal.polity, proposal.id);
  std::optional<lottery::Draw> drawn =
      DrawFromPool(proposal.id, domain, std::move(pool), static_cast<size_t>(c.jury_size),
                   "the jury", fmt::format("proposal `{}`", proposal.id), e.range, c.jury_range);
  if (!drawn) return nullptr;
  JuryDraw draw;
  draw.dispute = proposal.id;
  draw.jurors = drawn->members;
  draw.jury_verification = drawn->verification;
  Entry& entry =
      Add(EntryKind::kJury, proposal.id,
          fmt::format("jury for {}: {}", proposal.id, fmt::join(draw.jurors, ", ")), c.jury_range);
  entry.jury = std::move(draw);
  proposal.jurors = drawn->members;
  return &*proposal.jurors;
}

void Simulation::Decide(const EventSpec& e) {
  const std::string& id = e.subject.text;
  auto it = proposals_.find(id);
  if (it == proposals_.end()) {
    Invalid(e, diag::Code::R047, Message(diag::Code::R047, "decide", id, id, today_.ToString()),
            e.subject.range);
    return;
  }
  ProposalState& proposal = it->second;
  if (proposal.decided) {
    Invalid(e, diag::Code::R048,
            Message(diag::Code::R048, "decide", id, OutcomeWord(proposal.outcome),
                    proposal.decided->ToString()),
            e.subject.range);
    return;
  }
  DecideOpen(proposal, e);
  // After the outcome (and what passed) so `outcome(p)` reads today's.
  RunProposalRules(e, id, "decide");
}

void Simulation::DecideOpen(ProposalState& proposal, const EventSpec& e) {
  const std::string& id = proposal.id;
  PolityState& p = polities_[proposal.polity];
  DecisionTally tally;
  tally.proposal = id;
  tally.matter = MatterOf(proposal.matter);
  tally.polity = proposal.polity;
  tally.round = proposal.blocked_rounds + 1;
  const DecisionSpec* rule = proposal.rule;
  if (!rule) {
    // An undecided matter (POWER.md §2): applied as the scenario says.
    proposal.outcome = DecisionOutcome::kPassed;
    proposal.decided = today_;
    tally.outcome = "passed";
    DecisionEntry(proposal, e, tally, std::nullopt, fmt::format("{} passed", id));
    ApplyDecision(proposal, e);
    return;
  }
  Cover("decision rule", proposal.polity + "." + rule->matter);
  tally.rule = DescribeRule(*rule);
  tally.rule_range = rule->range;
  std::vector<std::string> voting = VotingMembers(p, today_);

  // Among whom the ballots are counted.
  std::vector<std::string> eligible;
  bool no_jury = false;
  if (rule->method == DecisionMethod::kOffice) {
    eligible = HoldersOf(p, rule->office.value_or(""));
    tally.eligible_kind = "holders of " + rule->office.value_or("?");
  } else if (rule->method == DecisionMethod::kJury) {
    const std::vector<std::string>* jurors = ProposalJurors(proposal, e);
    if (jurors) eligible = *jurors;
    no_jury = !jurors;
    tally.eligible_kind = "jurors";
  } else {
    eligible = voting;
    tally.eligible_kind = "voting members";
  }
  std::set<std::string> counts_here(eligible.begin(), eligible.end());
  Tally t;
  std::vector<std::string> not_counted;
  for (const auto& [voter, choice] : proposal.ballots) {
    if (!counts_here.count(voter)) {
      not_counted.push_back(voter);
      continue;
    }
    int64_t* slot[] = {&t.yes, &t.no, &t.abstain, &t.block, &t.object};
    ++*slot[static_cast<size_t>(choice)];
  }
  tally.yes = t.yes;
  tally.no = t.no;
  tally.abstain = t.abstain;
  tally.block = t.block;
  tally.object = t.object;
  tally.eligible = static_cast<int64_t>(eligible.size());

  auto close = [&](DecisionOutcome outcome, std::optional<diag::Code> code, std::string text) {
    proposal.outcome = outcome;
    proposal.decided = today_;
    tally.outcome = OutcomeWord(outcome);
    Entry& entry = DecisionEntry(proposal, e, tally, code, std::move(text));
    if (!not_counted.empty()) {
      entry.notes.push_back(fmt::format("not counted (not among the {} on {}): {}",
                                        tally.eligible_kind, today_.ToString(),
                                        fmt::join(not_counted, ", ")));
    }
    return &entry;
  };
  auto fail = [&](diag::Code code, std::string text) {
    close(DecisionOutcome::kFailed, code, std::move(text));
  };

  if (rule->notice) {
    std::optional<Date> from = calendar::AddDuration(proposal.proposed, *rule->notice);
    if (!from || today_ < *from) {
      return fail(diag::Code::R044,
                  Message(diag::Code::R044, id, today_.ToString(), rule->notice->ToString(),
                          from ? from->ToString() : std::string("after 9999-12-31")));
    }
  }
  if (no_jury) {
    return fail(diag::Code::R041,
                Message(diag::Code::R041, id,
                        fmt::format("no jury could be drawn in `{}`", proposal.polity)));
  }
  int64_t needed = 0;
  if (rule->quorum_count) needed = *rule->quorum_count;
  if (rule->quorum_share) {
    needed = Needed(RatioOf(*rule->quorum_share, rule->quorum_fraction),
                    static_cast<int64_t>(voting.size()));
  }
  if (t.Cast() < needed) {
    return fail(diag::Code::R043, Message(diag::Code::R043, id, t.Cast(), voting.size(),
                                          voting.size() == 1 ? "" : "s", needed));
  }
  if (proposal.matter == ProposalMatter::kSpending && rule->method == DecisionMethod::kOffice &&
      proposal.event->amount) {
    const OfficeSpec* office = p.spec->FindOffice(rule->office.value_or(""));
    std::optional<values::Money> limit = rule->up_to;
    if (!limit && office) limit = office->spending_limit;
    if (limit) {
      std::optional<std::strong_ordering> order = proposal.event->amount->CompareTo(*limit);
      if (!order || *order == std::strong_ordering::greater) {
        return fail(diag::Code::R049,
                    Message(diag::Code::R049, id, proposal.event->amount->ToString(),
                            limit->ToString(), rule->office.value_or("?")));
      }
    }
  }
  if (proposal.matter == ProposalMatter::kRemoval && rule->findings > 0) {
    int64_t found = FindingsAgainst(proposal.object, today_, rule->findings_within);
    if (found < rule->findings) {
      return fail(diag::Code::R051,
                  Message(diag::Code::R051, id, rule->findings, rule->findings == 1 ? "" : "s",
                          proposal.object,
                          rule->findings_within ? " within " + rule->findings_within->ToString()
                                                : std::string(),
                          found == 1 ? "is" : "are", found));
    }
  }

  DecisionMethod method = rule->method;
  std::optional<Ratio> share;
  if (rule->share) share = RatioOf(*rule->share, rule->share_fraction);
  if (rule->method == DecisionMethod::kJury && rule->verdict && rule->verdict->second > 0) {
    share = Ratio{rule->verdict->first, rule->verdict->second};
  }
  bool fallback = method == DecisionMethod::kConsensus && rule->fallback_share &&
                  proposal.blocked_rounds >= rule->fallback_rounds;
  if (fallback) {
    method = DecisionMethod::kVoteCast;
    share = RatioOf(*rule->fallback_share, rule->fallback_fraction);
  }
  Judgement judged = Judge(method, share, t, tally.eligible);
  if (judged.outcome == DecisionOutcome::kBlocked) {
    // The proposal stays open: its ballots are cleared for the next round.
    proposal.outcome = DecisionOutcome::kBlocked;
    tally.outcome = "blocked";
    ++proposal.blocked_rounds;
    Entry& entry = DecisionEntry(proposal, e, tally, diag::Code::R042,
                                 Message(diag::Code::R042, id, judged.why));
    std::string next = fmt::format("round {} starts with no ballots", proposal.blocked_rounds + 1);
    if (rule->fallback_share) {
      int64_t left = rule->fallback_rounds - proposal.blocked_rounds;
      next += left > 0 ? fmt::format("; the fallback vote applies after {} more blocked round{}",
                                     left, left == 1 ? "" : "s")
                       : "; the next decide uses the fallback vote";
    }
    entry.notes.push_back(next);
    proposal.ballots.clear();
    return;
  }
  if (judged.outcome == DecisionOutcome::kFailed) {
    return fail(diag::Code::R041, Message(diag::Code::R041, id, judged.why));
  }
  Entry* entry = close(DecisionOutcome::kPassed, std::nullopt, fmt::format("{} passed", id));
  if (fallback) {
    entry->notes.push_back(fmt::format("decided by the fallback vote after {} blocked round{}",
                                       proposal.blocked_rounds,
                                       proposal.blocked_rounds == 1 ? "" : "s"));
  }
  ApplyDecision(proposal, e);
}

void Simulation::ApplyDecision(ProposalState& proposal, const EventSpec& e) {
  const std::string& polity = proposal.polity;
  PolityState& p = polities_[polity];
  auto not_applied = [&](std::string why) {
    Invalid(e, diag::Code::R052, Message(diag::Code::R052, proposal.id, why));
  };
  const Name object{proposal.object, proposal.event->names.empty()
                                         ? proposal.event->range
                                         : proposal.event->names.front().range};
  switch (proposal.matter) {
    case ProposalMatter::kAmendment: {
      int64_t changed = 0;
      std::vector<std::string> done = ApplyChanges(e, polity, proposal.event->changes, &changed);
      Add(EntryKind::kEvent, polity,
          fmt::format("{} adopts {}: {}", polity, proposal.id,
                      done.empty() ? std::string("no rule changes")
                                   : fmt::format("{}", fmt::join(done, ", "))),
          e.range);
      return;
    }
    case ProposalMatter::kAdmission: {
      if (IsMemberOf(proposal.object, polity)) {
        return not_applied(
            fmt::format("`{}` is already a member of `{}`", proposal.object, polity));
      }
      EventSpec join;
      join.kind = EventKind::kJoin;
      join.date = today_;
      join.subject = object;
      join.target = Name{polity, e.range};
      join.range = e.range;
      AdmitMember(join);
      return;
    }
    case ProposalMatter::kRemoval: {
      if (!IsMemberOf(proposal.object, polity)) {
        return not_applied(fmt::format("`{}` is no longer a member of `{}` on {}", proposal.object,
                                       polity, today_.ToString()));
      }
      size_t remaining = p.members.size() - 1;
      Add(EntryKind::kEvent, polity,
          fmt::format("{} is removed from {} by {}; {} member{} now", proposal.object, polity,
                      proposal.id, remaining, remaining == 1 ? "" : "s"),
          e.range);
      DropMember(polity, proposal.object, "removed from " + polity);
      return;
    }
    case ProposalMatter::kTreatySign:
    case ProposalMatter::kTreatyRenew:
    case ProposalMatter::kTreatyExit:
      // The scenario's treaty event applies it (treaty_approvals.cpp).
      return ApproveTreatyAction(proposal, e);
    case ProposalMatter::kSpending:
      return ApplySpending(proposal, e);
    case ProposalMatter::kElection:
      approved_elections_.insert({polity, proposal.object});
      Add(EntryKind::kEvent, polity,
          fmt::format("{} allows the next election of {} in {}", proposal.id, proposal.object,
                      polity),
          e.range);
      return;
    case ProposalMatter::kRecall:
      return ApplyRecall(p, proposal.object, e);
  }
}

void Simulation::ApplySpending(ProposalState& proposal, const EventSpec& e) {
  PolityState& p = polities_[proposal.polity];
  const std::string& ledger = proposal.object;
  auto not_applied = [&](std::string why) {
    Invalid(e, diag::Code::R052, Message(diag::Code::R052, proposal.id, why));
  };
  if (!proposal.event->amount) return;
  const values::Money& amount = *proposal.event->amount;
  auto held = p.balances.find(ledger);
  if (held == p.balances.end()) {
    return not_applied(fmt::format("`{}` holds nothing on {}, so {} cannot be spent from it",
                                   ledger, today_.ToString(), amount.ToString()));
  }
  values::MoneyResult<values::Money> left = held->second.Minus(amount);
  if (!left.ok()) {
    return not_applied(fmt::format("{} cannot be taken from `{}`, which holds {}: {}",
                                   amount.ToString(), ledger, held->second.ToString(),
                                   values::Describe(left.error)));
  }
  if (left.value->amount < values::Decimal{}) {
    return not_applied(fmt::format("`{}` holds {}; spending {} would leave {}", ledger,
                                   held->second.ToString(), amount.ToString(),
                                   left.value->ToString()));
  }
  held->second = *left.value;
  Add(EntryKind::kEvent, proposal.polity,
      fmt::format("{} spent from {} by {}; it holds {} now", amount.ToString(), ledger, proposal.id,
                  held->second.ToString()),
      e.range);
}

}  // namespace concord::engine
