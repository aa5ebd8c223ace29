// A run across program versions (engine.h, RunAcrossVersions): at the start
// of the day a version comes into force, the state is re-pointed at its
// texts by name. Every version's program outlives the run, so what still
// points into an earlier version (a recurring event, a rule an assembly
// added, a dropped charter's state) stays valid; what must follow the new
// text is re-pointed here.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "runtime/engine/recurrence.h"
#include "runtime/engine/simulation.h"

namespace concord::engine {
namespace {

bool SamePeriod(const std::optional<calendar::Period>& a,
                const std::optional<calendar::Period>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->count == b->count && a->unit == b->unit);
}

bool SameTerms(const Rotation& a, const Rotation& b) {
  return a.anchor == b.anchor && a.every.count == b.every.count && a.every.unit == b.every.unit;
}

}  // namespace

CheckpointedRun RunAcrossVersions(const std::vector<VersionInForce>& versions,
                                  const std::vector<Date>& days) {
  Simulation sim(*versions.front().program, *versions.front().scenario);
  sim.SetVersions(versions);
  sim.SetCheckpoints(days);
  CheckpointedRun out;
  out.run = sim.Play();
  out.at = sim.TakeCheckpoints();
  return out;
}

void Simulation::SetVersions(std::vector<VersionInForce> versions) {
  versions_ = std::move(versions);
  next_version_ = 1;
}

std::vector<const EventSpec*> Simulation::EventsToPlay() const {
  std::vector<const EventSpec*> out;
  if (versions_.empty()) out.reserve(scenario_.events.size());
  VisitEventsToPlay([&](const EventSpec& e) {
    out.push_back(&e);
    return true;
  });
  return out;
}

void Simulation::VisitEventsToPlay(const std::function<bool(const EventSpec&)>& visit) const {
  if (versions_.empty()) {
    for (const EventSpec& e : scenario_.events) {
      if (!visit(e)) return;
    }
    return;
  }
  // Each event is played under the version in force on its (first) date;
  // the first version also hands on the events dated before the start, for
  // the run to report (R034).
  for (size_t k = 0; k < versions_.size(); ++k) {
    const bool last = k + 1 == versions_.size();
    for (const EventSpec& e : versions_[k].scenario->events) {
      if (k > 0 && e.date < versions_[k].from) continue;
      if (!last && !(e.date < versions_[k + 1].from)) continue;
      if (!visit(e)) return;
    }
  }
}

void Simulation::AdoptVersionsDue() {
  while (next_version_ < versions_.size() && !(today_ < versions_[next_version_].from)) {
    AdoptVersion(versions_[next_version_++]);
  }
}

void Simulation::AdoptVersion(const VersionInForce& version) {
  const ProgramSpec& next = *version.program;
  program_ = &next;
  std::vector<std::string> notes;
  const std::set<std::string> involved = InvolvedFrom(today_);
  // Charters by name: kept ones follow their new text; dropped ones lose
  // their members; new ones take part from today when someone joins them or
  // they sign a treaty from today on, and are otherwise known (names, exit
  // options) only, as a charter nobody in a run belongs to.
  for (size_t i = 0; i < polity_order_.size(); ++i) {
    std::string name = polity_order_[i];
    PolityState& p = polities_[name];
    if (const CharterSpec* c = next.FindCharter(name)) {
      p.dropped = false;
      auto revised = version.revised.find(name);
      CarryCharter(p, *c,
                   revised == version.revised.end() ? std::set<std::string>{} : revised->second,
                   notes);
      if (!p.participating && involved.count(name)) {
        TakePartFromToday(p);
        notes.push_back(fmt::format("charter {} takes part from today", name));
      }
      continue;
    }
    p.dropped = true;
    if (!p.participating) continue;
    std::vector<std::string> leaving = p.members;
    for (const std::string& m : leaving) {
      DropMember(name, m, fmt::format("{} is not in {}", name, version.label));
    }
    p.participating = false;
    notes.push_back(fmt::format("charter {} is dropped: {} member{} leave{} it", name,
                                leaving.size(), leaving.size() == 1 ? "" : "s",
                                leaving.size() == 1 ? "s" : ""));
  }
  for (const CharterSpec& c : next.charters) {
    if (polities_.count(c.name)) continue;
    PolityState& p = polities_[c.name];
    p.spec = &c;
    for (const RuleSpec& r : c.rules) p.rules.push_back(&r);
    p.order = polity_order_.size();
    polity_order_.push_back(c.name);
    if (!involved.count(c.name)) {
      notes.push_back(fmt::format("charter {} is new: it takes no part in this history", c.name));
      continue;
    }
    TakePartFromToday(p);
    notes.push_back(fmt::format("charter {} is new: it takes part from today", c.name));
  }
  for (const std::string& name : treaty_order_) {
    TreatyState& t = treaties_[name];
    if (const TreatySpec* spec = next.FindTreaty(name)) {
      CarryTreaty(t, *spec, notes);
      continue;
    }
    if (t.status == TreatyStatus::kActive || t.status == TreatyStatus::kPending) {
      t.status = TreatyStatus::kEnded;
      t.since = today_;
      notes.push_back(fmt::format("treaty {} is dropped: it ends", name));
    }
  }
  for (const TreatySpec& spec : next.treaties) {
    if (treaties_.count(spec.name)) continue;
    TreatyState& t = treaties_[spec.name];
    t.spec = &spec;
    t.since = today_;
    treaty_order_.push_back(spec.name);
    if (!DeclareTreaty(t)) {
      notes.push_back(fmt::format("treaty {} is new: it takes no part in this history", spec.name));
      continue;
    }
    for (auto& [fund, schedule] : t.dues) SkipStartedCycles(schedule);
    t.rotations = TreatyRotations(spec);
    notes.push_back(fmt::format("treaty {} is new: its parties may sign it from today", spec.name));
  }
  // Open proposals keep their ballots and follow the new version's rule
  // for their matter (the admission rule of `entry vote P` is rebuilt).
  entry_rules_.clear();
  for (auto& [id, proposal] : proposals_) {
    auto polity = polities_.find(proposal.polity);
    if (polity == polities_.end()) continue;
    proposal.rule = ProposalRule(polity->second, proposal.matter);
  }
  ForgetVersionCaches();
  Entry& e =
      Add(EntryKind::kStatus, version.label,
          fmt::format("{} is adopted: it is in force from {}", version.label, today_.ToString()));
  e.notes = std::move(notes);
}

void Simulation::CarryCharter(PolityState& p, const CharterSpec& next,
                              const std::set<std::string>& revised,
                              std::vector<std::string>& notes) {
  const CharterSpec& before = *p.spec;
  p.spec = &next;
  // The new text is the charter: its rules are the rules in force (rules an
  // assembly added under the previous version are in it or are gone).
  p.rules.clear();
  for (const RuleSpec& r : next.rules) {
    p.rules.push_back(&r);
    if (p.participating) Declare("rule", fmt::format("{}.{}", next.name, r.name));
  }
  if (!p.participating) return;
  std::vector<std::string> rederived;
  if (Rederive(p.revision, next.revision_every, next.adopted)) {
    rederived.push_back("revision");
  } else if (p.revision.active) {
    // As an assembly's amendments do (assembly.cpp), the rules this
    // version changed count toward the cycle in progress.
    p.revision.current.changed.insert(revised.begin(), revised.end());
  }
  if (Rederive(p.stress, next.stress_every, next.adopted)) rederived.push_back("stress game");
  if (Rederive(p.reflection, next.reflection_every, next.adopted)) {
    rederived.push_back("reflection");
  }
  std::map<std::string, Schedule> reports;
  for (const LedgerSpec& l : next.ledgers) {
    Schedule& s = reports[l.name];
    auto kept = p.reports.find(l.name);
    if (kept != p.reports.end()) s = std::move(kept->second);
    if (Rederive(s, l.report_every, next.adopted) && kept != p.reports.end()) {
      rederived.push_back("reports of " + l.name);
    }
    if (l.report_every) {
      Declare("obligation", fmt::format("ledger report of {}.{}", next.name, l.name));
    }
    if (l.steward_every) {
      Declare("obligation", fmt::format("steward rotation of {}.{}", next.name, l.name));
    }
  }
  p.reports = std::move(reports);
  // Dues: CloseDues reads the text's `dues`, so the schedule follows it.
  if (!next.dues) {
    dues_.erase(next.name);
  } else if (Rederive(dues_[next.name], next.dues->per, next.adopted)) {
    Declare("obligation", fmt::format("dues of {}", next.name));
    if (before.dues) rederived.push_back("dues");
  }
  if (!rederived.empty()) {
    notes.push_back(fmt::format("{}: new periods for {}; the one in progress today is not judged",
                                next.name, fmt::join(rederived, ", ")));
  }
  // Offices by name: holders keep their seats; an office the new text
  // drops is vacated, a new one starts empty.
  std::map<std::string, OfficeState>& offices = offices_[next.name];
  for (auto it = offices.begin(); it != offices.end();) {
    if (const OfficeSpec* o = next.FindOffice(it->first)) {
      it->second.spec = o;
      ++it;
      continue;
    }
    std::vector<SeatState> seats = it->second.seats;
    std::string office = it->first;
    for (const SeatState& seat : seats) {
      VacateSeats(next.name, seat.holder, fmt::format("office {} is dropped", office), {});
    }
    it = offices.erase(it);
    notes.push_back(fmt::format("{}: office {} is dropped", next.name, office));
  }
  for (const OfficeSpec& o : next.offices) {
    if (offices.count(o.name)) continue;
    OfficeState& state = offices[o.name];
    state.spec = &o;
    state.polity = next.name;
    Declare("office", fmt::format("{}.{}", next.name, o.name));
  }
  CarryRotations(p.rotations, CharterRotations(next), &p.members, next.name, notes);
}

void Simulation::CarryTreaty(TreatyState& t, const TreatySpec& next,
                             std::vector<std::string>& notes) {
  t.spec = &next;
  for (const RuleSpec& r : next.rules) Declare("rule", fmt::format("{}.{}", next.name, r.name));
  // The current term ends where the new term length puts it, and never
  // before today: a shorter term ends the current one today at the latest.
  if (t.status == TreatyStatus::kActive) {
    std::optional<Date> end = TreatyTermEnd(next, t.term_index);
    while (end && *end < today_) end = TreatyTermEnd(next, ++t.term_index);
    Date term_end = end.value_or(scenario_.until);
    if (term_end != t.term_end) {
      t.term_end = term_end;
      notes.push_back(
          fmt::format("{}: the current term now ends on {}", next.name, term_end.ToString()));
    }
  }
  std::map<std::string, Schedule> dues;
  for (const FundSpec& f : next.funds) {
    if (!f.contribution || !f.per) continue;
    Schedule& s = dues[f.name];
    if (auto kept = t.dues.find(f.name); kept != t.dues.end()) s = std::move(kept->second);
    Rederive(s, f.per, next.effective);
  }
  t.dues = std::move(dues);
  // A fund steward's rotation starts when the treaty is active (with its
  // parties, AssignFundStewards); until then a new one waits unstarted.
  CarryRotations(t.rotations, TreatyRotations(next), nullptr, next.name, notes);
}

void Simulation::CarryRotations(std::vector<Rotation>& rotations, std::vector<Rotation> wanted,
                                const std::vector<std::string>* members, const std::string& owner,
                                std::vector<std::string>& notes) {
  // Roles by their lottery domain (owner, role, seat): a kept role keeps its
  // queue (who waited how long) and its holder; its terms are the new
  // text's from today, as a treaty's term is: the holder keeps the role to
  // the end of the term of the new length that holds today, and a term of
  // the new length that begins today is handed over today.
  for (Rotation& r : wanted) {
    auto kept = std::find_if(rotations.begin(), rotations.end(),
                             [&](const Rotation& old) { return old.domain == r.domain; });
    if (kept == rotations.end()) {
      if (members) StartRotation(r, *members, "members");
      notes.push_back(fmt::format("{}: {} is new", owner, r.title));
      continue;
    }
    const bool changed = !SameTerms(*kept, r);
    r.queue = std::move(kept->queue);
    r.holder = std::move(kept->holder);
    r.term_given = kept->term_given;
    r.draw_note = std::move(kept->draw_note);
    kept->domain.clear();  // taken
    if (!changed) continue;
    std::optional<int64_t> k = TermOf(r.anchor, r.every, today_);
    std::string terms =
        fmt::format("{}: {} now rotates {}", owner, r.title, DescribePeriod(r.every));
    if (!k) {
      if (r.holder) r.holder.reset();  // no term of the new text holds today
      notes.push_back(
          fmt::format("{}, from {}; nobody holds it until then", terms, r.anchor.ToString()));
      continue;
    }
    std::optional<Date> start = TermStart(r.anchor, r.every, *k);
    std::optional<Date> end = TermStart(r.anchor, r.every, *k + 1);
    if (start == today_ || !r.holder) {
      notes.push_back(fmt::format("{}; it is handed over today", terms));
    } else {
      notes.push_back(fmt::format("{}; {} holds it until {}", terms, *r.holder,
                                  end ? end->AddDays(-1).ToString() : "year 9999"));
    }
  }
  for (const Rotation& old : rotations) {
    if (old.domain.empty()) continue;
    notes.push_back(old.holder ? fmt::format("{}: {} is dropped ({} no longer holds it)", owner,
                                             old.title, *old.holder)
                               : fmt::format("{}: {} is dropped", owner, old.title));
  }
  rotations = std::move(wanted);
}

void Simulation::TakePartFromToday(PolityState& p) {
  TakePart(p);
  // Periods are anchored as the text says; one that began before today
  // began before the text was in force, and is not judged.
  SkipStartedCycles(p.revision);
  for (auto& [ledger, schedule] : p.reports) SkipStartedCycles(schedule);
  SkipStartedCycles(p.stress);
  SkipStartedCycles(p.reflection);
  p.rotations = CharterRotations(*p.spec);
  for (Rotation& r : p.rotations) StartRotation(r, p.members, "members");
  SetUpOfficesOf(p);
  SetUpDues(p);
  if (auto dues = dues_.find(p.spec->name); dues != dues_.end()) SkipStartedCycles(dues->second);
}

std::set<std::string> Simulation::InvolvedFrom(Date day) const {
  std::set<std::string> involved;
  VisitEventsToPlay([&](const EventSpec& e) {
    if (e.date < day) return true;
    if (e.kind == EventKind::kJoin && e.target) involved.insert(e.target->text);
    if (e.kind == EventKind::kSign) {
      for (const Name& n : e.names) involved.insert(n.text);
    }
    return true;
  });
  return involved;
}

void Simulation::SkipStartedCycles(Schedule& s) const {
  while (s.next < s.cycles.size() && s.cycles[s.next].first_day < today_) ++s.next;
}

bool Simulation::Rederive(Schedule& s, std::optional<calendar::Period> period, Date anchor) {
  if (SamePeriod(s.period, period) && (!period || s.anchor == anchor)) return false;
  Schedule fresh;
  InitSchedule(fresh, period, anchor);
  SkipStartedCycles(fresh);
  s = std::move(fresh);
  return true;
}

void Simulation::ForgetVersionCaches() {
  metric_memo_.clear();
  metric_index_built_ = false;
  metric_index_.clear();
  charter_of_metric_.clear();
  metric_dependencies_.clear();
  hinted_metrics_.clear();
  contribution_answers_.clear();
  for (const std::string& name : member_order_) RebuildMember(members_[name]);
}

}  // namespace concord::engine
