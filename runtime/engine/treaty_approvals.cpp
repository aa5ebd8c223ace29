// Treaty actions a charter decides (POWER.md §2, §6): where a charter's
// `decisions` name a `treaty` rule, its signature, renewal or exit is taken
// by the scenario's `sign`, `renew` or `exit` event only after a passed
// `treaty sign|renew|exit T` proposal of that charter, one event per
// proposal. Deciding only authorises; the event applies it, with the same
// checks as any treaty event, so there is one way to sign, renew or exit
// (as `election of OFFICE` authorises the next `elect`).
#include <fmt/format.h>

#include <algorithm>

#include "runtime/engine/simulation.h"

namespace concord::engine {
namespace {

// "sign", "renew", "exit": the event word and the proposal's last word.
const char* ActionWord(ProposalMatter action) {
  switch (action) {
    case ProposalMatter::kTreatySign:
      return "sign";
    case ProposalMatter::kTreatyRenew:
      return "renew";
    default:
      return "exit";
  }
}

}  // namespace

void Simulation::ApproveTreatyAction(const ProposalState& proposal, const EventSpec& e) {
  approved_treaty_actions_.insert({proposal.polity, proposal.object, proposal.matter});
  const char* action = ActionWord(proposal.matter);
  Add(EntryKind::kEvent, proposal.polity,
      fmt::format("{} allows {} to {} {}", proposal.id, proposal.polity, action, proposal.object),
      e.range);
}

bool Simulation::TreatyActionAllowed(const EventSpec& e, const Name& party, ProposalMatter action,
                                     const std::string& treaty) {
  auto p = polities_.find(party.text);
  if (p == polities_.end() || !p->second.spec) return true;
  const std::vector<DecisionSpec>& decisions = p->second.spec->decisions;
  // Only a written `treaty` rule: a `default` rule does not make every
  // treaty event a decision, as with elections (offices.cpp).
  auto rule = std::find_if(decisions.begin(), decisions.end(),
                           [](const DecisionSpec& d) { return d.matter == "treaty"; });
  if (rule == decisions.end()) return true;
  if (approved_treaty_actions_.erase({party.text, treaty, action}) > 0) return true;
  const char* word = ActionWord(action);
  Entry& v = Invalid(e, diag::Code::R064,
                     fmt::format(fmt::runtime(diag::Info(diag::Code::R064).message_template),
                                 party.text, word, treaty, DescribeRule(*rule), word, treaty),
                     party.range);
  if (rule->range.file != diag::kNoFile) {
    v.labels.push_back({rule->range, "treaty matters are decided by this rule"});
  }
  v.notes.push_back(fmt::format("propose `treaty {} {}` in `{}`, decide it, then {}", word, treaty,
                                party.text, word));
  return false;
}

}  // namespace concord::engine
