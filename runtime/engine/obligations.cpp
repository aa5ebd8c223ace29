// Periods that close: revision cycles against their quota (R001), ledger
// reports (R003), stress games (R004), reflections (R007) and distress
// signals whose response time has run (R005); treaty funds' contribution
// periods (R012) close in funds.cpp. A period that began before the
// scenario's start is not judged: the scenario does not say what happened in
// its first days.
#include <fmt/format.h>

#include <algorithm>

#include "runtime/engine/simulation.h"
#include "runtime/interp/runtime_error.h"

namespace concord::engine {
namespace {

template <typename... Args>
std::string Message(diag::Code code, const Args&... args) {
  return fmt::format(fmt::runtime(diag::Info(code).message_template), args...);
}

}  // namespace

void Simulation::InitSchedule(Schedule& s, std::optional<calendar::Period> period, Date anchor) {
  s.period = period;
  s.anchor = anchor;
  if (!period) return;
  for (const calendar::Cycle& c : calendar::CycleDates(anchor, *period, scenario_.until)) {
    if (c.last_day < scenario_.start || c.IsEmpty()) continue;
    s.cycles.push_back(c);
  }
}

void Simulation::OpenCycles(Schedule& s, size_t rules_in_force) {
  if (s.active || s.next >= s.cycles.size()) return;
  const calendar::Cycle& c = s.cycles[s.next];
  if (c.first_day > today_) return;
  s.current = Period{};
  s.current.cycle = c;
  s.current.rules_at_start = rules_in_force;
  s.current.observed = c.first_day >= scenario_.start;
  s.active = true;
}

std::optional<Period> Simulation::CloseCycle(Schedule& s) {
  if (!s.active || s.cycles[s.next].last_day != today_) return std::nullopt;
  s.active = false;
  ++s.next;
  return std::move(s.current);
}

void Simulation::EndOfDay() {
  for (const std::string& name : polity_order_) {
    PolityState& p = polities_[name];
    if (!p.participating) continue;
    CloseRevision(p);
    CloseReports(p);
    CloseHeld(p, p.stress, "stress game", diag::Code::R004, p.spec->stress_range,
              "stress game of ");
    CloseHeld(p, p.reflection, "reflection", diag::Code::R007, p.spec->reflection_range,
              "reflection of ");
    CloseDues(p);
  }
  for (const std::string& name : treaty_order_) {
    CloseDistress(treaties_[name]);
    CloseFundPeriods(treaties_[name]);
  }
}

void Simulation::CloseRevision(PolityState& p) {
  std::optional<Period> period = CloseCycle(p.revision);
  if (!period || !period->observed) return;
  const CharterSpec& c = *p.spec;
  Cover("obligation", "revision cycle of " + c.name);
  int64_t quota = 0;
  if (c.quota_count) {
    quota = c.quota_count->Ceil();
  } else if (c.quota_share) {
    values::Decimal rules = values::Decimal::FromInt(static_cast<int64_t>(period->rules_at_start))
                                .value_or(values::Decimal{});
    quota = values::Mul(*c.quota_share, rules).value.value_or(values::Decimal{}).Ceil();
  }
  // A quota of rules `reconsidered` counts the rules reaffirmed as well as
  // those changed, each rule once; a quota of rules changed ignores
  // reaffirmations. Added rules were never recorded (Assembly).
  std::set<std::string> counted = period->changed;
  if (c.quota_counts_reaffirmed)
    counted.insert(period->reaffirmed.begin(), period->reaffirmed.end());
  const char* verb = c.quota_counts_reaffirmed ? "reconsidered" : "changed";
  size_t changed = counted.size();
  std::string window = fmt::format("cycle {} to {}", period->cycle.first_day.ToString(),
                                   period->cycle.last_day.ToString());
  if (static_cast<int64_t>(changed) >= quota) {
    std::string which =
        changed == 0 ? std::string() : fmt::format(" ({})", fmt::join(counted, ", "));
    Add(EntryKind::kMet, c.name,
        fmt::format("revision of {}: {} of {} rule{} {}{}, quota {} ({})", c.name, changed,
                    period->rules_at_start, period->rules_at_start == 1 ? "" : "s", verb, which,
                    quota, window),
        c.revision_range);
    return;
  }
  Entry& e = Violation(EntryKind::kMissed, diag::Code::R001, c.name,
                       Message(diag::Code::R001, changed, period->rules_at_start,
                               period->rules_at_start == 1 ? "" : "s", quota),
                       c.revision_range);
  e.notes.push_back(fmt::format("`{}` revision {}", c.name, window));
  if (c.quota_counts_reaffirmed) {
    e.notes.push_back("the quota counts rules reconsidered: changed or reaffirmed");
  } else if (!period->reaffirmed.empty()) {
    e.notes.push_back(
        fmt::format("reaffirmed rules ({}) count only toward a quota of rules `reconsidered`",
                    fmt::join(period->reaffirmed, ", ")));
  }
}

void Simulation::CloseReports(PolityState& p) {
  for (const LedgerSpec& l : p.spec->ledgers) {
    std::optional<Period> period = CloseCycle(p.reports[l.name]);
    if (!period || !period->observed) continue;
    Cover("obligation", fmt::format("ledger report of {}.{}", p.spec->name, l.name));
    std::string first = period->cycle.first_day.ToString();
    std::string last = period->cycle.last_day.ToString();
    if (period->held > 0) {
      Add(EntryKind::kMet, l.name,
          fmt::format("ledger {} was reported for {} to {}", l.name, first, last), l.range);
    } else {
      Violation(EntryKind::kMissed, diag::Code::R003, l.name,
                Message(diag::Code::R003, l.name, first, last), l.range);
    }
  }
}

void Simulation::CloseHeld(PolityState& p, Schedule& s, const char* what, diag::Code code,
                           SourceRange range, const char* coverage_name) {
  std::optional<Period> period = CloseCycle(s);
  if (!period || !period->observed) return;
  Cover("obligation", coverage_name + p.spec->name);
  std::string first = period->cycle.first_day.ToString();
  std::string last = period->cycle.last_day.ToString();
  if (period->held > 0) {
    Add(EntryKind::kMet, p.spec->name,
        fmt::format("{} held a {} between {} and {}", p.spec->name, what, first, last), range);
  } else {
    Violation(EntryKind::kMissed, code, p.spec->name, Message(code, p.spec->name, first, last),
              range);
  }
}

void Simulation::CloseDistress(TreatyState& t) {
  for (DistressCall& call : t.distress) {
    if (call.closed || call.deadline != today_) continue;
    call.closed = true;
    for (const std::string& ally : call.allies) {
      if (call.responded.count(ally)) continue;
      Entry& e = Violation(
          EntryKind::kMissed, diag::Code::R005, ally,
          Message(diag::Code::R005, ally, call.party, t.spec->name, call.deadline.ToString()),
          t.spec->distress_range);
      e.labels.push_back({call.range, "the signal was raised here"});
    }
    if (std::all_of(call.allies.begin(), call.allies.end(),
                    [&](const std::string& a) { return call.responded.count(a) > 0; })) {
      Add(EntryKind::kMet, t.spec->name,
          fmt::format("every ally answered the distress signal of {} by {}", call.party,
                      call.deadline.ToString()),
          t.spec->distress_range);
    }
  }
}

}  // namespace concord::engine
