// The state of one proposal (POWER.md §6): what it asks, under which rule,
// the ballots of its current round and what was decided. Internal to
// runtime/engine; proposals.cpp makes and votes on them, decisions.cpp
// decides and applies them.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/engine/input.h"
#include "runtime/engine/tally.h"

namespace concord::engine {

struct ProposalState {
  std::string id;
  std::string polity;
  ProposalMatter matter = ProposalMatter::kAdmission;
  // The `propose` event: its object (names[0]), amount and changes.
  const EventSpec* event = nullptr;
  std::string object;  // the member, treaty, office or ledger the matter is about
  Date proposed;
  // The matter's rule (CharterSpec::RuleFor, or the `entry vote P` rule);
  // null when the matter is undecided: recorded without a decision check.
  const DecisionSpec* rule = nullptr;
  // The current round's ballots, in the order cast; a voter's second
  // ballot replaces the first in place.
  std::vector<std::pair<std::string, BallotChoice>> ballots;
  DecisionOutcome outcome = DecisionOutcome::kPending;
  std::optional<Date> decided;  // passed or failed on this day (blocked stays open)
  int64_t blocked_rounds = 0;
  // A jury rule's jurors, drawn at the first `decide` (docs/reference-runtime.md).
  std::optional<std::vector<std::string>> jurors;
};

// The words a proposal's matter is written with: "admission of ivo",
// "treaty sign t", "spending 400 EUR from kitchen_fund".
std::string DescribeProposal(const ProposalState& p);
// A decision rule as written: "vote 2/3 of votes cast quorum 50% of members".
std::string DescribeRule(const DecisionSpec& rule);
// "2/3" or "66%": a share as the charter wrote it.
std::string DescribeShare(values::Decimal share, const std::optional<Fraction>& written);

}  // namespace concord::engine
