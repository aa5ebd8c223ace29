// How things stand on the last day of a run (standing.h), read from the
// state the run leaves: offices (offices.cpp), proposals (proposals.cpp),
// findings (sanctions.cpp), the revision cycle and its quorum (assembly.cpp)
// and the dues of the latest closed period (dues.cpp).
#include <fmt/format.h>

#include "runtime/calendar/cycles.h"
#include "runtime/calendar/date_arithmetic.h"
#include "runtime/engine/power_math.h"
#include "runtime/engine/simulation.h"

namespace concord::engine {
namespace {

const char* SelectionWord(OfficeSelection chosen) {
  switch (chosen) {
    case OfficeSelection::kElection:
      return "election";
    case OfficeSelection::kLottery:
      return "lottery";
    case OfficeSelection::kRotation:
      return "rotation";
    case OfficeSelection::kAppointment:
      return "appointment";
    case OfficeSelection::kHolders:
      return "chosen by its holders";
    case OfficeSelection::kNamed:
      return "named";
    case OfficeSelection::kUnspecified:
      break;
  }
  return "elected";
}

// The members an assembly of `c` with `members` members needs present, as
// Simulation::Assembly counts them.
int64_t QuorumOf(const CharterSpec& c, int64_t members) {
  if (c.quorum_count) return c.quorum_count->Ceil();
  if (!c.quorum_share) return 0;
  values::Decimal n = values::Decimal::FromInt(members).value_or(values::Decimal{});
  return values::Mul(*c.quorum_share, n).value.value_or(values::Decimal{}).Ceil();
}

std::string QuorumClause(const CharterSpec& c) {
  if (c.quorum_count) return fmt::format("quorum {} members", c.quorum_count->ToString());
  if (c.quorum_share)
    return fmt::format("quorum {} of members", DescribeShare(*c.quorum_share, {}));
  return "";
}

ProposalStanding StandingOf(const ProposalState& p) {
  ProposalStanding s;
  s.id = p.id;
  s.polity = p.polity;
  s.what = DescribeProposal(p);
  s.proposed = p.proposed;
  s.blocked = p.outcome == DecisionOutcome::kBlocked;
  if (p.rule) {
    s.rule = DescribeRule(*p.rule);
    if (p.rule->notice) s.decidable_from = calendar::AddDuration(p.proposed, *p.rule->notice);
    if (p.rule->window) s.ballots_until = calendar::AddDuration(p.proposed, *p.rule->window);
  }
  for (const auto& [voter, choice] : p.ballots) {
    switch (choice) {
      case BallotChoice::kYes:
        ++s.yes;
        break;
      case BallotChoice::kNo:
        ++s.no;
        break;
      case BallotChoice::kAbstain:
        ++s.abstain;
        break;
      case BallotChoice::kBlock:
        ++s.block;
        break;
      case BallotChoice::kObject:
        ++s.object;
        break;
    }
  }
  return s;
}

}  // namespace

void Simulation::TakeStanding() {
  Standing& out = result_.standing;
  for (const std::string& name : polity_order_) {
    const PolityState& p = polities_[name];
    if (!p.spec || !p.participating) continue;
    const CharterSpec& c = *p.spec;
    for (const OfficeSpec& o : c.offices) {
      OfficeStanding s{name, o.name, SelectionWord(o.chosen), HoldersOf(p, o.name), o.seats, {}};
      if (auto polity = offices_.find(name); polity != offices_.end()) {
        if (auto state = polity->second.find(o.name); state != polity->second.end()) {
          s.term_ends = state->second.term_ends;
        }
      }
      out.offices.push_back(std::move(s));
    }
    if (c.revision_every) {
      // The cycle that closes after today: TermOf gives the latest k whose
      // close is on or before today (term 0 when none has closed yet).
      std::optional<int64_t> closed = TermOf(c.adopted, *c.revision_every, today_);
      int64_t members = static_cast<int64_t>(p.members.size());
      out.revisions.push_back(
          {name, calendar::CycleDate(c.adopted, *c.revision_every, closed.value_or(0) + 1), members,
           QuorumOf(c, members), QuorumClause(c)});
    }
    if (auto unpaid = unpaid_dues_.find(name); unpaid != unpaid_dues_.end()) {
      for (const UnpaidDues& u : unpaid->second) out.unpaid_dues.push_back(u);
    }
  }
  for (const auto& [id, proposal] : proposals_) {
    if (!proposal.decided) out.proposals.push_back(StandingOf(proposal));
  }
  for (const FindingState& f : findings_) {
    auto p = polities_.find(f.polity);
    std::optional<values::Duration> lapse =
        p != polities_.end() && p->second.spec ? p->second.spec->finding_expires : std::nullopt;
    if (!FindingCounts(f.date, lapse, today_, std::nullopt)) continue;
    std::optional<Date> expires;
    if (lapse) expires = calendar::AddDuration(f.date, *lapse);
    out.findings.push_back(
        {f.member, f.polity, f.dispute, SanctionWord(f.sanction), f.date, expires});
  }
}

}  // namespace concord::engine
