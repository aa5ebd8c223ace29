// `concord status`: what a community needs to know today, from its ledger.
//
// The history is played once by the same engine as `concord run`, a year
// past the day asked about with nothing more recorded (the look-ahead: when
// each obligation's period closes next and how it stands if nothing more
// happens, the next rotations, treaty terms and rulings that end within 60
// days), keeping how things stood at the end of that day as it goes (the
// present: metrics, what was missed, who holds which role; a checkpoint,
// engine::RunWithCheckpoints). Nothing is computed a second way, so status
// cannot disagree with a replay.
//
// Extension point: each section is built by one function in status.cpp's
// kSections table from the present and the look-ahead and the program's model; offices,
// proposals, dues, findings and the next revision's quorum come from the
// engine's standing at the end of the present run (status_power.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/ledger/ledger.h"
#include "compiler/ledger/report_home.h"

namespace concord::ledger {

struct StatusLine {
  std::string date;     // when it happened or falls due; "" for a standing fact
  std::string subject;  // the charter, treaty, ledger, dispute or role concerned
  std::string text;
  std::string code;      // the violation it is (or would be), if any
  bool overdue = false;  // the latest period of this obligation closed missed
};

struct StatusSection {
  std::string key;    // JSON key: "overdue", "due", "roles", ...
  std::string title;  // heading in text output
  std::vector<StatusLine> lines;
};

struct Status {
  std::string on;          // the day described
  std::string last_event;  // the latest recorded event's date, "" if none
  size_t events = 0;
  std::vector<StatusSection> sections;
  bool AnythingOverdue() const;
};

// The horizon of "falls due soon" for treaty terms and rulings.
inline constexpr int kSoonDays = 60;

std::optional<Status> ComputeStatus(const LedgerOptions& ledger,
                                    const std::optional<std::string>& on, ReportHome& home);

std::string RenderStatusText(const Status& status);
std::string RenderStatusJson(const Status& status);

}  // namespace concord::ledger
