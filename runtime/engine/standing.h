// How things stand on the last day of a run, beside the timeline of how they
// came to be: who holds each office and until when, the proposals still
// open, the findings that still count, the quorum each charter's next
// revision assembly needs and the dues its latest period left unpaid.
// `concord status` reports these (compiler/ledger/status.cpp); they are
// read from the engine's state, so they cannot disagree with the run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/values/date.h"

namespace concord::engine {

struct OfficeStanding {
  std::string polity;
  std::string office;
  std::string selection;             // "election", "lottery", "rotation", ...
  std::vector<std::string> holders;  // in the order they were seated
  int64_t seats = 1;
  // The day the seats are vacated (elected and drawn offices with a term);
  // none for permanent, named and rotation offices (rotations are roles).
  std::optional<values::Date> term_ends;
};

struct ProposalStanding {
  std::string id;
  std::string polity;
  std::string what;  // "admission of ivo", "spending 400 EUR from kitchen_fund"
  std::string rule;  // as written, "" when the matter is undecided
  values::Date proposed;
  std::optional<values::Date> decidable_from;  // proposed + the rule's notice
  std::optional<values::Date> ballots_until;   // proposed + the rule's window
  bool blocked = false;                        // a consensus round was blocked
  int64_t yes = 0;
  int64_t no = 0;
  int64_t abstain = 0;
  int64_t block = 0;
  int64_t object = 0;
};

struct FindingStanding {
  std::string member;
  std::string polity;
  std::string dispute;
  std::string sanction;  // warning, suspension, removal
  values::Date date;
  std::optional<values::Date> expires;  // none: findings never lapse
};

struct RevisionStanding {
  std::string polity;
  std::optional<values::Date> closes;  // the current revision cycle's last day
  int64_t members = 0;                 // on the last day
  int64_t quorum = 0;                  // members present an assembly needs
  std::string quorum_clause;           // "quorum 50% of members", "" without one
};

// A member short of the dues of a charter's latest closed period (R061).
struct UnpaidDues {
  std::string member;
  std::string polity;
  std::string ledger;
  std::string owed;  // the dues of one period, "20 EUR"
  std::string paid;  // what the member paid in it
  values::Date first_day;
  values::Date last_day;
};

struct Standing {
  std::vector<OfficeStanding> offices;      // charters in run order, offices as written
  std::vector<ProposalStanding> proposals;  // open ones, by id
  std::vector<FindingStanding> findings;    // unexpired, in the order found
  std::vector<RevisionStanding> revisions;  // charters with a revision cycle
  std::vector<UnpaidDues> unpaid_dues;      // charters in run order, members in joining order
};

}  // namespace concord::engine
