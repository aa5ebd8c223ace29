// The day loop and the transitions at the start of each day: treaties that
// activate, reach the end of their term or lose a party, rulings that expire,
// stewards and stress-game designers whose term begins.
#include "runtime/engine/simulation.h"

#include <fmt/format.h>

#include <algorithm>

#include "runtime/calendar/date_arithmetic.h"
#include "runtime/interp/runtime_error.h"

namespace concord::engine {

const char* EventWord(EventKind kind) {
  switch (kind) {
#define CONCORD_ENGINE_EVENT_WORD(kind, word) \
  case EventKind::k##kind:                    \
    return word;
    CONCORD_ENGINE_EVENTS(CONCORD_ENGINE_EVENT_WORD)
#undef CONCORD_ENGINE_EVENT_WORD
  }
  return "?";
}

const CharterSpec* ProgramSpec::FindCharter(std::string_view name) const {
  for (const CharterSpec& c : charters) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

const LedgerSpec* CharterSpec::FindLedger(std::string_view ledger) const {
  for (const LedgerSpec& l : ledgers) {
    if (l.name == ledger) return &l;
  }
  return nullptr;
}

const TreatySpec* ProgramSpec::FindTreaty(std::string_view name) const {
  for (const TreatySpec& t : treaties) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const char* TreatyStatusName(TreatyStatus status) {
  switch (status) {
    case TreatyStatus::kPending:
      return "pending";
    case TreatyStatus::kActive:
      return "active";
    case TreatyStatus::kExpired:
      return "expired";
    case TreatyStatus::kEnded:
      return "ended";
  }
  return "?";
}

const char* DisputeStatusName(DisputeStatus status) {
  switch (status) {
    case DisputeStatus::kOpen:
      return "open";
    case DisputeStatus::kRuled:
      return "ruled";
    case DisputeStatus::kReaffirmed:
      return "reaffirmed";
    case DisputeStatus::kExpired:
      return "expired";
  }
  return "?";
}

const char* EntryKindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kEvent:
      return "event";
    case EntryKind::kStatus:
      return "status";
    case EntryKind::kMet:
      return "met";
    case EntryKind::kMissed:
      return "missed";
    case EntryKind::kBroken:
      return "broken";
    case EntryKind::kFlag:
      return "flag";
    case EntryKind::kJury:
      return "jury";
    case EntryKind::kSteward:
      return "steward";
    case EntryKind::kInvalid:
      return "invalid";
    case EntryKind::kError:
      return "error";
    case EntryKind::kDecision:
      return "decision";
  }
  return "?";
}

size_t RunResult::ViolationCount() const {
  return static_cast<size_t>(std::count_if(timeline.begin(), timeline.end(), IsViolation));
}

RunResult Run(const ProgramSpec& program, const ScenarioSpec& scenario) {
  Simulation sim(program, scenario);
  return sim.Play();
}

Simulation::Simulation(const ProgramSpec& program, const ScenarioSpec& scenario)
    : program_(&program), scenario_(scenario), today_(scenario.start) {
  result_.scenario = &scenario;
}

std::optional<Date> TreatyTermEnd(const TreatySpec& treaty, int64_t k) {
  values::Checked<values::Duration> length = treaty.term.Times(k);
  if (!length.ok()) return std::nullopt;
  return calendar::AddDuration(treaty.effective, *length.value);
}

std::optional<Date> TermStart(Date anchor, calendar::Period period, int64_t k) {
  if (k == 0) return anchor;
  return calendar::CycleDate(anchor, period, k);
}

// Term starts grow with k, so the term is found by doubling then bisecting:
// O(log k) calendar computations rather than k. It runs every day for every
// rotation; the linear walk was a quarter of a 10-year federation run.
std::optional<int64_t> TermOf(Date anchor, calendar::Period period, Date day) {
  if (day < anchor) return std::nullopt;
  auto after_day = [&](int64_t k) {
    std::optional<Date> start = TermStart(anchor, period, k);
    return !start || *start > day;
  };
  int64_t lo = 0, hi = 1;  // TermStart(lo) <= day
  while (!after_day(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    int64_t mid = lo + (hi - lo) / 2;
    (after_day(mid) ? hi : lo) = mid;
  }
  return lo;
}

void Simulation::Setup() {
  for (const CharterSpec& c : program_->charters) {
    PolityState& p = polities_[c.name];
    p.spec = &c;
    for (const RuleSpec& r : c.rules) p.rules.push_back(&r);
    p.order = polity_order_.size();
    polity_order_.push_back(c.name);
  }
  for (const TreatySpec& t : program_->treaties) {
    TreatyState& s = treaties_[t.name];
    s.spec = &t;
    s.since = scenario_.start;
    treaty_order_.push_back(t.name);
  }
  for (const InitialMembers& group : scenario_.members) {
    PolityState& p = polities_[group.polity];
    for (const Name& n : group.members) {
      if (members_.count(n.text)) {
        Add(EntryKind::kInvalid, n.text,
            fmt::format("`{}` is declared twice; the second declaration is ignored", n.text),
            n.range);
        continue;
      }
      MemberState& m = members_[n.text];
      m.name = n.text;
      m.first_polity = group.polity;
      m.joined = scenario_.start;
      m.attributes = group.attributes;
      RebuildMember(m);
      member_order_.push_back(n.text);
      p.members.push_back(n.text);
      p.joined[n.text] = scenario_.start;
      if (p.spec) m.polities.insert(p.order);
    }
  }
  // A charter takes part when people belong to it or it signs a treaty in
  // the scenario; the others are context (exit options, allies) only.
  std::set<std::string> involved;
  for (const InitialMembers& group : scenario_.members) involved.insert(group.polity);
  for (const EventSpec* played : EventsToPlay()) {
    const EventSpec& e = *played;
    if (e.kind == EventKind::kJoin && e.target) involved.insert(e.target->text);
    if (e.kind == EventKind::kSign) {
      for (const Name& n : e.names) involved.insert(n.text);
    }
  }
  for (const std::string& name : polity_order_) {
    if (involved.count(name)) TakePart(polities_[name]);
  }
  for (const std::string& name : treaty_order_) DeclareTreaty(treaties_[name]);
  if (!scenario_.members.empty()) {
    for (const InitialMembers& group : scenario_.members) {
      std::vector<std::string> names;
      for (const Name& n : group.members) names.push_back(n.text);
      Add(EntryKind::kEvent, group.polity,
          fmt::format("{} starts with {} member{}: {}", group.polity, names.size(),
                      names.size() == 1 ? "" : "s", fmt::join(names, ", ")));
    }
  }
  SetUpRotations();
  SetUpOffices();
  for (const std::string& name : polity_order_) {
    if (polities_[name].participating) SetUpDues(polities_[name]);
  }
}

void Simulation::TakePart(PolityState& p) {
  p.participating = true;
  const CharterSpec& c = *p.spec;
  const std::string& name = c.name;
  InitSchedule(p.revision, c.revision_every, c.adopted);
  for (const LedgerSpec& l : c.ledgers) {
    InitSchedule(p.reports[l.name], l.report_every, c.adopted);
    if (l.report_every) Declare("obligation", fmt::format("ledger report of {}.{}", name, l.name));
    if (l.steward_every) {
      Declare("obligation", fmt::format("steward rotation of {}.{}", name, l.name));
    }
  }
  InitSchedule(p.stress, c.stress_every, c.adopted);
  InitSchedule(p.reflection, c.reflection_every, c.adopted);
  if (c.revision_every) Declare("obligation", fmt::format("revision cycle of {}", name));
  if (c.stress_every) Declare("obligation", fmt::format("stress game of {}", name));
  if (c.reflection_every) Declare("obligation", fmt::format("reflection of {}", name));
  if (c.jury_size > 0) Declare("obligation", fmt::format("jury of {}", name));
  if (c.ruling_after) Declare("obligation", fmt::format("ruling expiry of {}", name));
  for (const RuleSpec& r : c.rules) Declare("rule", fmt::format("{}.{}", name, r.name));
  for (const DecisionSpec& d : c.decisions) {
    Declare("decision rule", fmt::format("{}.{}", name, d.matter));
  }
}

bool Simulation::DeclareTreaty(TreatyState& state) {
  const TreatySpec& t = *state.spec;
  const std::string& name = t.name;
  bool relevant = std::any_of(t.parties.begin(), t.parties.end(), [&](const std::string& p) {
    auto party = polities_.find(p);
    return party != polities_.end() && party->second.participating;
  });
  if (!relevant) return false;
  Declare("treaty clause", fmt::format("{} term", name));
  Declare("treaty clause", fmt::format("{} renewal", name));
  Declare("treaty clause", fmt::format("{} exit", name));
  if (t.respond_within) Declare("treaty clause", fmt::format("{} distress signal", name));
  for (const FundSpec& f : t.funds) {
    Declare("treaty clause", fmt::format("{} fund {}", name, f.name));
    if (!f.contribution || !f.per) continue;
    InitSchedule(state.dues[f.name], f.per, t.effective);
    Declare("obligation", fmt::format("contributions to {}.{}", name, f.name));
  }
  if (t.cross_training_every) Declare("treaty clause", fmt::format("{} cross-training", name));
  for (const RuleSpec& r : t.rules) Declare("rule", fmt::format("{}.{}", name, r.name));
  return true;
}

void Simulation::Declare(const std::string& kind, const std::string& name) {
  std::string key = kind + "\n" + name;
  if (coverage_index_.count(key)) return;
  coverage_index_[key] = result_.coverage.size();
  result_.coverage.push_back({kind, name, false});
}

void Simulation::Cover(const std::string& kind, const std::string& name) {
  auto it = coverage_index_.find(kind + "\n" + name);
  if (it != coverage_index_.end()) result_.coverage[it->second].covered = true;
}

Entry& Simulation::Add(EntryKind kind, std::string subject, std::string text, SourceRange range) {
  // Past the limit (R035): nothing more is kept, and the caller's changes to
  // the entry go to a scratch one.
  if (timeline_full_ ||
      entries_before_ + result_.timeline.size() >= program_->max_timeline_entries) {
    timeline_full_ = true;
    dropped_entry_ = Entry();
    return dropped_entry_;
  }
  Entry e;
  e.date = today_;
  e.kind = kind;
  e.subject = std::move(subject);
  e.text = std::move(text);
  e.range = range;
  result_.timeline.push_back(std::move(e));
  return result_.timeline.back();
}

Entry& Simulation::Violation(EntryKind kind, diag::Code code, std::string subject, std::string text,
                             SourceRange range) {
  Entry& e = Add(kind, std::move(subject), std::move(text), range);
  e.code = code;
  // A violation at an occurrence of a recurring event points at the
  // recurring line; the note says which occurrence it was.
  if (occurrence_ && occurrence_->event->recurrence) {
    const EventSpec& event = *occurrence_->event;
    e.notes.push_back(fmt::format("at occurrence {} of this event, on {} ({} from {})",
                                  occurrence_->k + 1, occurrence_->date.ToString(),
                                  DescribePeriod(event.recurrence->every), event.date.ToString()));
  }
  return e;
}

RunResult Simulation::Play() {
  Setup();
  std::vector<const EventSpec*> events = EventsInRun(true);
  // Every event played makes at least one entry: the timeline is grown once
  // to that size instead of moving every entry at each doubling.
  result_.timeline.reserve(std::min(events.size(), program_->max_timeline_entries));
  EventQueue queue(std::move(events), scenario_.until);
  return PlayDays(queue, scenario_.start);
}

std::vector<const EventSpec*> Simulation::EventsInRun(bool report_outside) {
  std::vector<const EventSpec*> events;
  for (const EventSpec* played : EventsToPlay()) {
    const EventSpec& e = *played;
    // A recurring event is judged by its first date: one that starts outside
    // the run is reported once and none of its occurrences is played.
    if (e.date < scenario_.start || e.date > scenario_.until) {
      if (!report_outside) continue;
      Violation(
          EntryKind::kInvalid, diag::Code::R034, EventWord(e.kind),
          fmt::format(fmt::runtime(diag::Info(diag::Code::R034).message_template),
                      e.date.ToString(), scenario_.start.ToString(), scenario_.until.ToString()),
          e.range);
      continue;
    }
    events.push_back(&e);
  }
  return events;
}

RunResult Simulation::PlayDays(EventQueue& queue, Date first) {
  for (today_ = first; today_ <= scenario_.until; today_ = today_.AddDays(1)) {
    if (timeline_full_ || lottery_exhausted_) return StopEarly();
    AdoptVersionsDue();
    StartOfDay();
    // The limit holds within a day too: thousands of events of one day,
    // each flagged by thousands of rules, stop at the entry that does not fit.
    while (!timeline_full_) {
      std::optional<Occurrence> next = queue.NextOn(today_);
      if (!next) break;
      occurrence_ = &*next;
      ApplyEvent(*next->event);
      occurrence_ = nullptr;
    }
    if (timeline_full_) return StopEarly();
    ScheduleCrossTraining();  // a treaty signed today starts its period today
    EndOfDay();
    if (timeline_full_) return StopEarly();
    CheckExpectations(false);
    CheckpointIfDue();
    SnapshotIfDue();
  }
  today_ = scenario_.until;
  CheckExpectations(true);
  ExpectViolations();
  ComputeMetrics();
  TakeStanding();
  return std::move(result_);
}

RunResult Simulation::StopEarly() {
  // A refused draw was reported (R036) on the day it happened, unless the
  // timeline was full by then. The R035 entry itself is kept past the limit.
  const bool timeline_stopped = timeline_full_ || !lottery_exhausted_;
  if (timeline_stopped) {
    Entry stop;
    stop.date = today_;
    stop.kind = EntryKind::kError;
    stop.code = diag::Code::R035;
    stop.subject = scenario_.name;
    stop.text =
        fmt::format(fmt::runtime(diag::Info(diag::Code::R035).message_template), today_.ToString(),
                    program_->max_timeline_entries, scenario_.until.ToString());
    stop.range = scenario_.range;
    result_.timeline.push_back(std::move(stop));
  }
  // What was due on the days not played is not judged on partial state:
  // each such `expect` fails and says why.
  PrepareExpectations();
  for (size_t i = 0; i < scenario_.expectations.size(); ++i) {
    const ExpectSpec& x = scenario_.expectations[i];
    ExpectResult& out = result_.expectations[i];
    bool played = x.kind == ExpectKind::kOnDate && x.date && *x.date < today_;
    if (played || x.kind == ExpectKind::kViolation) continue;
    out.passed = false;
    out.expected = x.source;
    out.actual = fmt::format("not evaluated: the run stopped on {} ({})", today_.ToString(),
                             timeline_stopped ? "R035" : "R036");
  }
  ExpectViolations();
  ComputeMetrics();
  TakeStanding();
  return std::move(result_);
}

void Simulation::StartOfDay() {
  ActivateTreaties();
  EndTreatyTerms();
  ApplyExits();
  ExpireRulings();
  for (const std::string& name : polity_order_) {
    PolityState& p = polities_[name];
    if (!p.participating) continue;
    OpenCycles(p.revision, p.rules.size());
    for (auto& [ledger, schedule] : p.reports) OpenCycles(schedule, 0);
    OpenCycles(p.stress, 0);
    OpenCycles(p.reflection, 0);
  }
  for (const std::string& name : treaty_order_) {
    for (auto& [fund, schedule] : treaties_[name].dues) OpenCycles(schedule, 0);
  }
  OpenDues();
  StartOfficeTerms();
  AssignStewards();
  ScheduleCrossTraining();
}

void Simulation::ActivateTreaties() {
  for (const std::string& name : treaty_order_) {
    TreatyState& t = treaties_[name];
    if (t.status != TreatyStatus::kPending || today_ < t.spec->effective) continue;
    if (t.signed_by.size() < t.spec->parties.size()) continue;
    t.status = TreatyStatus::kActive;
    t.since = today_;
    t.parties = t.signed_by;
    // Sign refuses a signature on or after the end of the first term, so
    // the treaty always starts in its first term.
    t.term_index = 1;
    t.term_end = TreatyTermEnd(*t.spec, 1).value_or(scenario_.until);
    Add(EntryKind::kStatus, name,
        fmt::format("{} is active between {}; its term ends on {}", name,
                    fmt::join(t.parties, " and "), t.term_end.ToString()),
        t.spec->range);
  }
}

void Simulation::EndTreatyTerms() {
  for (const std::string& name : treaty_order_) {
    TreatyState& t = treaties_[name];
    if (t.status != TreatyStatus::kActive || t.term_end != today_) continue;
    Cover("treaty clause", name + " term");
    std::vector<std::string> missing;
    for (const std::string& p : t.parties) {
      if (!t.renewed_by.count(p)) missing.push_back(p);
    }
    if (t.spec->automatic_renewal || missing.empty()) {
      // Anchored on `effective`, like revision cycles: term k ends on
      // effective + k × term, so a month from Jan 31 ends on Feb 29, Mar 31,
      // Apr 30 instead of sticking at the 29th.
      Date next = TreatyTermEnd(*t.spec, t.term_index + 1).value_or(scenario_.until);
      ++t.term_index;
      Add(EntryKind::kStatus, name,
          fmt::format("{} is renewed {}; the new term ends on {}", name,
                      t.spec->automatic_renewal ? "automatically" : "by every party",
                      next.ToString()),
          t.spec->term_range);
      t.term_end = next;
      t.renewed_by.clear();
      continue;
    }
    t.status = TreatyStatus::kExpired;
    t.since = today_;
    std::vector<std::string> renewed(t.renewed_by.begin(), t.renewed_by.end());
    std::string why = renewed.empty()
                          ? "no party renewed it"
                          : fmt::format("only {} renewed; {} did not", fmt::join(renewed, ", "),
                                        fmt::join(missing, ", "));
    Add(EntryKind::kStatus, name, fmt::format("{} expires at the end of its term: {}", name, why),
        t.spec->term_range);
  }
}

void Simulation::ApplyExits() {
  for (const std::string& name : treaty_order_) {
    TreatyState& t = treaties_[name];
    for (auto it = t.exits.begin(); it != t.exits.end();) {
      if (it->second.first != today_) {
        ++it;
        continue;
      }
      std::string party = it->first;
      SourceRange range = it->second.second;
      it = t.exits.erase(it);
      if (t.status != TreatyStatus::kActive) continue;
      std::erase(t.parties, party);
      t.renewed_by.erase(party);
      // A fund it stewarded passes on when the roles are given out today.
      for (Rotation& r : t.rotations) r.queue.Depart(party);
      Add(EntryKind::kStatus, name, fmt::format("{} leaves {} (its notice has run)", party, name),
          range);
      if (t.parties.size() < 2) {
        t.status = TreatyStatus::kEnded;
        t.since = today_;
        Add(EntryKind::kStatus, name, fmt::format("{} ends: fewer than two parties are left", name),
            t.spec->exit_range);
      }
    }
  }
}

void Simulation::ExpireRulings() {
  for (auto& [id, d] : disputes_) {
    if (!d.expires || *d.expires != today_) continue;
    if (d.status != DisputeStatus::kRuled && d.status != DisputeStatus::kReaffirmed) continue;
    d.status = DisputeStatus::kExpired;
    Cover("obligation", "ruling expiry of " + d.polity);
    Add(EntryKind::kStatus, id,
        fmt::format("the ruling on {} expires (not reaffirmed in time)", id),
        polities_[d.polity].spec->jury_range);
  }
}

// Cross-training periods of active treaties, anchored at `effective`: one
// timeline line when a period opens (or, for a treaty that becomes active in
// the middle of one, on the day it does). No obligation is judged.
void Simulation::ScheduleCrossTraining() {
  for (const std::string& name : treaty_order_) {
    TreatyState& t = treaties_[name];
    const TreatySpec& spec = *t.spec;
    if (t.status != TreatyStatus::kActive || !spec.cross_training_every) continue;
    std::optional<int64_t> k = TermOf(spec.effective, *spec.cross_training_every, today_);
    if (!k || t.cross_training_round == *k) continue;
    t.cross_training_round = *k;
    Cover("treaty clause", name + " cross-training");
    std::optional<Date> end = TermStart(spec.effective, *spec.cross_training_every, *k + 1);
    Add(EntryKind::kStatus, name,
        fmt::format("cross-training period of {} among {}{}", name, fmt::join(t.parties, ", "),
                    end ? fmt::format(" until {}", end->AddDays(-1).ToString()) : ""),
        spec.cross_training_range);
  }
}

}  // namespace concord::engine
