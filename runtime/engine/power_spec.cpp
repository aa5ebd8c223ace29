// Look-ups on the power part of a charter's spec (input.h): its offices and
// the rule each matter follows once the fallbacks of POWER.md §2 apply.
#include "runtime/engine/input.h"

namespace concord::engine {

const OfficeSpec* CharterSpec::FindOffice(std::string_view office) const {
  for (const OfficeSpec& o : offices) {
    if (o.name == office) return &o;
  }
  return nullptr;
}

const DecisionSpec* CharterSpec::RuleFor(std::string_view matter) const {
  for (const DecisionSpec& d : decisions) {
    if (d.matter == matter) return &d;
  }
  for (const DecisionSpec& d : decisions) {
    if (d.matter == "default") return &d;
  }
  if (matter == "amendment") {
    // Today's meaning: amendments are made by assemblies meeting the
    // revision quorum. Nothing was written, so the rule has no range.
    static const DecisionSpec kAssembly = [] {
      DecisionSpec rule;
      rule.matter = "amendment";
      rule.method = DecisionMethod::kAssembly;
      return rule;
    }();
    return &kAssembly;
  }
  return nullptr;
}

const char* MatterOf(ProposalMatter matter) {
  switch (matter) {
    case ProposalMatter::kAdmission:
      return "admission";
    case ProposalMatter::kRemoval:
      return "removal";
    case ProposalMatter::kAmendment:
      return "amendment";
    case ProposalMatter::kTreatySign:
    case ProposalMatter::kTreatyRenew:
    case ProposalMatter::kTreatyExit:
      return "treaty";
    case ProposalMatter::kSpending:
      return "spending";
    case ProposalMatter::kElection:
      return "election";
    case ProposalMatter::kRecall:
      return "recall";
  }
  return "default";
}

}  // namespace concord::engine
