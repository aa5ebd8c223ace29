// What expressions ask about power (POWER.md §6): the proposal entity and
// the `outcome`, `holders` and `findings` queries.
//
// `outcome` is the decisions engine's (OutcomeOf), `holders` reads
// offices.cpp's seats and `findings` sanctions.cpp's findings. The proposal
// entity is read from the scenario's `propose` events.
#include <fmt/format.h>

#include <optional>

#include "runtime/engine/simulation.h"

namespace concord::engine {
namespace {

// The words a proposal's matter is written with: `proposal.matter`.
const char* MatterWords(ProposalMatter matter) {
  switch (matter) {
    case ProposalMatter::kAdmission:
      return "admission";
    case ProposalMatter::kRemoval:
      return "removal";
    case ProposalMatter::kAmendment:
      return "amendment";
    case ProposalMatter::kTreatySign:
      return "treaty sign";
    case ProposalMatter::kTreatyRenew:
      return "treaty renew";
    case ProposalMatter::kTreatyExit:
      return "treaty exit";
    case ProposalMatter::kSpending:
      return "spending";
    case ProposalMatter::kElection:
      return "election";
    case ProposalMatter::kRecall:
      return "recall";
  }
  return "?";
}

}  // namespace

interp::HostAnswer Simulation::ProposalAnswer(const std::string& id) const {
  // Across program versions, a proposal made under any of them.
  std::optional<interp::HostAnswer> answer;
  VisitEventsToPlay([&](const EventSpec& e) {
    if (e.kind != EventKind::kPropose || e.subject.text != id) return true;
    if (e.date > today_) return false;
    auto record = NewRecord("proposal", id, scenario_.name);
    record->Put("id", values::Value::MakeText(id));
    record->Put("polity", CharterValue(e.target ? e.target->text : std::string()));
    record->Put("matter", values::Value::MakeText(e.matter ? MatterWords(*e.matter) : ""));
    record->Put("date", values::Value::MakeDate(e.date));
    answer = interp::HostAnswer::Of(values::Value::MakeRecord(record));
    return false;
  });
  if (answer) return std::move(*answer);
  return interp::HostAnswer::Decline(
      fmt::format("proposal `{}` has not been proposed by {}", id, today_.ToString()));
}

interp::HostAnswer Simulation::OutcomeAnswer(const std::string& proposal) const {
  // The state of the decisions engine (proposals.cpp, decisions.cpp) today.
  return interp::HostAnswer::Of(StatusValue("outcome", OutcomeWord(OutcomeOf(proposal))));
}

interp::HostAnswer Simulation::HoldersAnswer(const std::string& polity,
                                             const std::string& office) const {
  std::vector<values::Value> out;
  if (auto p = polities_.find(polity); p != polities_.end()) {
    for (const std::string& m : HoldersOf(p->second, office)) out.push_back(MemberValue(m));
  }
  return interp::HostAnswer::Of(values::MakeSetValue(std::move(out)));
}

interp::HostAnswer Simulation::FindingsAnswer(const std::string& member) const {
  return interp::HostAnswer::Of(
      values::Value::MakeInt(FindingsAgainst(member, today_, std::nullopt)));
}

}  // namespace concord::engine
