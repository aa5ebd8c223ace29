// A run across program versions (engine.h, RunAcrossVersions): at the start
// of the day a version comes into force, the state is re-pointed at its
// texts by name. Every version's program outlives the run, so what still
// points into an earlier version (a recurring event, a rule an assembly
// added, a dropped charter's state) stays valid; what must follow the new
// text is re-pointed here.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "runtime/engine/simulation.h"

namespace concord::engine {
namespace {

bool SamePeriod(const std::optional<calendar::Period>& a,
                const std::optional<calendar::Period>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->count == b->count && a->unit == b->unit);
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
  // Charters by name: kept ones follow their new text; dropped ones lose
  // their members; new ones are known (names, exit options) but take no
  // part, as a charter nobody in a run belongs to.
  for (size_t i = 0; i < polity_order_.size(); ++i) {
    std::string name = polity_order_[i];
    PolityState& p = polities_[name];
    if (const CharterSpec* c = next.FindCharter(name)) {
      p.dropped = false;
      auto revised = version.revised.find(name);
      CarryCharter(p, *c,
                   revised == version.revised.end() ? std::set<std::string>{} : revised->second,
                   notes);
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
    notes.push_back(fmt::format("charter {} is new: it takes no part in this history", c.name));
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
    notes.push_back(fmt::format("treaty {} is new: it takes no part in this history", spec.name));
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
}

bool Simulation::Rederive(Schedule& s, std::optional<calendar::Period> period, Date anchor) {
  if (SamePeriod(s.period, period) && (!period || s.anchor == anchor)) return false;
  Schedule fresh;
  InitSchedule(fresh, period, anchor);
  while (fresh.next < fresh.cycles.size() && fresh.cycles[fresh.next].first_day < today_) {
    ++fresh.next;
  }
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
