// The run's state of offices, findings, suspensions, recall petitions and
// dues waivers (POWER.md §1, §3, §4), kept apart from state.h: it is read
// by offices.cpp, sanctions.cpp and dues.cpp, and by the decisions that
// recall and remove. Internal to runtime/engine.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runtime/engine/input.h"

namespace concord::engine {

// One person's seat in an office.
struct SeatState {
  std::string holder;
  Date since;  // the day the current term began for them
};

// An office of one polity. Rotation offices keep their holders in the
// polity's rotations (Rotation::office) instead.
struct OfficeState {
  const OfficeSpec* spec = nullptr;
  std::string polity;
  std::vector<SeatState> seats;       // in the order they were filled
  std::optional<Date> term_began;     // the current term, elected or drawn
  std::optional<Date> term_ends;      // the day its seats are vacated (began + term)
  std::optional<int64_t> drawn_term;  // lottery: the last term drawn (k)
  // Everyone who ever held a seat: their count of terms in a row and the
  // day their last term ended (none while they hold a seat).
  struct Record {
    int64_t in_a_row = 0;
    std::optional<Date> ended;
  };
  std::map<std::string, Record> records;
};

// A verdict that was met: it counts against the member until it expires.
struct FindingState {
  std::string member;
  std::string polity;
  std::string dispute;
  SanctionKind sanction = SanctionKind::kWarning;
  Date date;
  std::optional<Date> expires;  // none: `finding expires after` is not set
};

// "warning", "suspension", "removal": how a sanction is written.
const char* SanctionWord(SanctionKind kind);

struct WaiverState {
  std::string member;
  std::string polity;
  Date granted;
  Date until;  // inclusive
};

}  // namespace concord::engine
