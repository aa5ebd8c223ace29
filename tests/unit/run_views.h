// What the engine's run tests compare (checkpoint_test.cpp,
// snapshot_test.cpp): days spread over a run, everything a user sees of a
// run rendered as text, and the .concord files of a folder.
#pragma once

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "runtime/engine/engine.h"
#include "runtime/report/timeline.h"

namespace concord::engine {

namespace fs = std::filesystem;

// Days spread over the run: its first two, quarters, its last two.
inline std::vector<Date> DaysOf(const ScenarioSpec& s) {
  int64_t length = s.until.days() - s.start.days();
  std::vector<Date> days;
  for (int64_t offset :
       {int64_t{0}, int64_t{1}, length / 4, length / 2, 3 * length / 4, length - 1, length}) {
    if (offset < 0 || offset > length) continue;
    Date d = s.start.AddDays(offset);
    if (std::find(days.begin(), days.end(), d) == days.end()) days.push_back(d);
  }
  return days;
}

inline bool StoppedEarly(const RunResult& run) {
  return std::any_of(run.timeline.begin(), run.timeline.end(), [](const Entry& e) {
    return e.code == diag::Code::R035 || e.code == diag::Code::R036;
  });
}

inline std::string Day(const std::optional<Date>& d) {
  return d ? d->ToString() : "-";
}

// How things stood (standing.h), which `concord status` reads beside the
// timeline, written out field by field.
inline std::string StandingText(const Standing& s) {
  std::string out;
  for (const OfficeStanding& o : s.offices) {
    out += fmt::format("office {} {} {} [{}] {} {}\n", o.polity, o.office, o.selection,
                       fmt::join(o.holders, ","), o.seats, Day(o.term_ends));
  }
  for (const ProposalStanding& p : s.proposals) {
    out += fmt::format("proposal {} {} {} {} {} {} {} {} {} {} {} {} {}\n", p.id, p.polity, p.what,
                       p.rule, p.proposed.ToString(), Day(p.decidable_from), Day(p.ballots_until),
                       p.blocked, p.yes, p.no, p.abstain, p.block, p.object);
  }
  for (const FindingStanding& f : s.findings) {
    out += fmt::format("finding {} {} {} {} {} {}\n", f.member, f.polity, f.dispute, f.sanction,
                       f.date.ToString(), Day(f.expires));
  }
  for (const RevisionStanding& r : s.revisions) {
    out += fmt::format("revision {} {} {} {} {}\n", r.polity, Day(r.closes), r.members, r.quorum,
                       r.quorum_clause);
  }
  for (const UnpaidDues& u : s.unpaid_dues) {
    out += fmt::format("unpaid {} {} {} {} {} {} {}\n", u.member, u.polity, u.ledger, u.owed,
                       u.paid, u.first_day.ToString(), u.last_day.ToString());
  }
  return out;
}

// Everything a user sees of a run: its timeline, metrics and expectations
// (text and JSON) and its standing.
inline std::string Rendered(const RunResult& run, const report::Locator& where) {
  return report::RenderTimelineText(run, where) + report::RenderTimelineJson(run, where) +
         StandingText(run.standing);
}

inline std::vector<std::string> ConcordFiles(const fs::path& dir) {
  std::vector<std::string> out;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".concord") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace concord::engine
