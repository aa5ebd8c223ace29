// Scenario events: each is validated against the state on its date (a member
// who has not joined yet, a renewal of an expired treaty, a contribution to a
// fund the member has no part in) and then applied. A refused event is a
// violation with its own code (R030-R034), never a silently ignored line.
#include <fmt/format.h>

#include <algorithm>

#include "runtime/calendar/date_arithmetic.h"
#include "runtime/engine/simulation.h"
#include "runtime/interp/runtime_error.h"

namespace concord::engine {
namespace {

// "1 member", "3 members".
std::string MemberCount(size_t n) {
  return fmt::format("{} member{}", n, n == 1 ? "" : "s");
}

template <typename... Args>
std::string Message(diag::Code code, const Args&... args) {
  return fmt::format(fmt::runtime(diag::Info(code).message_template), args...);
}

std::string Names(const std::vector<std::string>& names) {
  return names.empty() ? std::string("nobody") : fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

Entry& Simulation::Invalid(const EventSpec& e, diag::Code code, std::string message,
                           SourceRange range) {
  Entry& entry = Violation(EntryKind::kInvalid, code, EventWord(e.kind), std::move(message),
                           range.file == diag::kNoFile ? e.range : range);
  if (range.file != diag::kNoFile && !(range == e.range)) {
    entry.labels.push_back({e.range, "in this event"});
  }
  return entry;
}

bool Simulation::RequireAdopted(const EventSpec& e, const std::string& polity,
                                const SourceRange& where) {
  auto it = polities_.find(polity);
  if (it == polities_.end() || !it->second.spec || today_ >= it->second.spec->adopted) return true;
  Invalid(e, diag::Code::R030,
          Message(diag::Code::R030, EventWord(e.kind),
                  fmt::format("`{}` is adopted on {}, and nothing happens under it before", polity,
                              it->second.spec->adopted.ToString())),
          where);
  return false;
}

bool Simulation::RequireKnownMember(const EventSpec& e, const Name& who) {
  auto it = members_.find(who.text);
  // The member's own polity set, not PolitiesOf: this runs on every event,
  // and needs neither a second lookup nor the names.
  if (it != members_.end() && !it->second.polities.empty()) return true;
  std::string why =
      it == members_.end()
          ? fmt::format("`{}` has not joined any charter by {}", who.text, today_.ToString())
          : fmt::format("`{}` belongs to no charter on {}", who.text, today_.ToString());
  Invalid(e, diag::Code::R030, Message(diag::Code::R030, EventWord(e.kind), why), who.range);
  return false;
}

bool Simulation::RequireMember(const EventSpec& e, const Name& who, const std::string& polity) {
  if (IsMemberOf(who.text, polity)) return true;
  std::string why =
      members_.count(who.text)
          ? fmt::format("`{}` is not a member of `{}` on {}", who.text, polity, today_.ToString())
          : fmt::format("`{}` has not joined `{}` by {}", who.text, polity, today_.ToString());
  Invalid(e, diag::Code::R030, Message(diag::Code::R030, EventWord(e.kind), why), who.range);
  return false;
}

bool Simulation::RequireParty(const EventSpec& e, const TreatyState& t, const Name& party,
                              bool active) {
  if (active && t.status != TreatyStatus::kActive) {
    Invalid(e, diag::Code::R030,
            Message(diag::Code::R030, EventWord(e.kind),
                    fmt::format("`{}` is {} on {}", t.spec->name, TreatyStatusName(t.status),
                                today_.ToString())),
            e.subject.range);
    return false;
  }
  if (std::find(t.parties.begin(), t.parties.end(), party.text) != t.parties.end()) return true;
  Invalid(e, diag::Code::R030,
          Message(diag::Code::R030, EventWord(e.kind),
                  fmt::format("`{}` is no longer a party of `{}` on {}", party.text, t.spec->name,
                              today_.ToString())),
          party.range);
  return false;
}

void Simulation::ApplyEvent(const EventSpec& e) {
  switch (e.kind) {
    case EventKind::kJoin:
      return Join(e);
    case EventKind::kLeave:
      return Leave(e);
    case EventKind::kSign:
      return Sign(e);
    case EventKind::kRenew:
      return Renew(e);
    case EventKind::kExit:
      return ExitTreaty(e);
    case EventKind::kAssembly:
      return Assembly(e);
    case EventKind::kDispute:
      return Dispute(e);
    case EventKind::kRuling:
      return Ruling(e);
    case EventKind::kContribute:
      return Contribute(e);
    case EventKind::kReport:
      return ReportLedger(e);
    case EventKind::kStressGame:
    case EventKind::kReflection:
      return Held(e);
    case EventKind::kDistress:
    case EventKind::kRespond:
      return DistressEvent(e);
    case EventKind::kRecord:
      return RecordEvent(e);
    case EventKind::kElect:
      return Elect(e);
    case EventKind::kPetition:
      return Petition(e);
    case EventKind::kVerdict:
      return Verdict(e);
    case EventKind::kWaive:
      return Waive(e);
    case EventKind::kPropose:
      return Propose(e);
    case EventKind::kVote:
      return Vote(e);
    case EventKind::kDecide:
      return Decide(e);
  }
}

void Simulation::Join(const EventSpec& e) {
  const std::string& polity = e.target->text;
  if (!RequireAdopted(e, polity, e.target->range)) return;
  if (IsMemberOf(e.subject.text, polity)) {
    Invalid(e, diag::Code::R030,
            Message(diag::Code::R030, "join",
                    fmt::format("`{}` is already a member of `{}`", e.subject.text, polity)),
            e.subject.range);
    return;
  }
  if (!EntryAllowsJoin(e)) return;
  AdmitMember(e);
}

void Simulation::AdmitMember(const EventSpec& e) {
  const std::string& polity = e.target->text;
  auto [it, fresh] = members_.try_emplace(e.subject.text);
  MemberState& m = it->second;
  if (fresh) {
    m.name = e.subject.text;
    m.first_polity = polity;
    m.joined = today_;
    member_order_.push_back(m.name);
  }
  for (const Attribute& a : e.attributes) {
    std::erase_if(m.attributes, [&](const Attribute& old) { return old.name == a.name; });
    m.attributes.push_back(a);
  }
  RebuildMember(m);
  PolityState& p = polities_[polity];
  p.members.push_back(m.name);
  p.joined[m.name] = today_;
  if (p.spec) m.polities.insert(p.order);
  for (Rotation& r : p.rotations) r.queue.Arrive(m.name);
  std::vector<std::string> attrs;
  for (const Attribute& a : e.attributes) attrs.push_back(a.name + " " + a.value.ToString());
  Add(EntryKind::kEvent, polity,
      fmt::format("{} joins {}{}; {} now", m.name, polity,
                  attrs.empty() ? "" : fmt::format(" ({})", fmt::join(attrs, ", ")),
                  MemberCount(p.members.size())),
      e.range);
  auto record = NewRecord("join");
  record->Put("member", MemberValue(m.name));
  record->Put("polity", CharterValue(polity));
  record->Put("date", values::Value::MakeDate(today_));
  RunRules(e, values::Value::MakeRecord(record), {polity});
}

void Simulation::Leave(const EventSpec& e) {
  const std::string& polity = e.target->text;
  if (!RequireAdopted(e, polity, e.target->range)) return;
  if (!RequireMember(e, e.subject, polity)) return;
  auto record = NewRecord("leave");
  record->Put("member", MemberValue(e.subject.text));
  record->Put("polity", CharterValue(polity));
  record->Put("date", values::Value::MakeDate(today_));
  // RequireMember made sure the leaver is one of the members.
  size_t remaining = polities_[polity].members.size() - 1;
  Add(EntryKind::kEvent, polity,
      fmt::format("{} leaves {}; {} now", e.subject.text, polity, MemberCount(remaining)), e.range);
  DropMember(polity, e.subject.text, "left " + polity);
  RunRules(e, values::Value::MakeRecord(record), {polity});
}

void Simulation::DropMember(const std::string& polity, const std::string& member,
                            const std::string& why) {
  PolityState& p = polities_[polity];
  std::erase(p.members, member);
  p.joined.erase(member);
  if (auto leaver = members_.find(member); leaver != members_.end()) {
    leaver->second.polities.erase(p.order);
  }
  VacateSeats(polity, member, why, {});
  // The roles the leaver held pass on today, not at the end of their terms.
  for (Rotation& r : p.rotations) r.queue.Depart(member);
  if (p.participating) Rotate(p.rotations, polity, false);
}

void Simulation::Sign(const EventSpec& e) {
  TreatyState& t = treaties_[e.subject.text];
  if (t.status != TreatyStatus::kPending) {
    Invalid(e, diag::Code::R030,
            Message(diag::Code::R030, "sign",
                    fmt::format("`{}` is already {} since {}; a treaty is signed once",
                                e.subject.text, TreatyStatusName(t.status), t.since.ToString())),
            e.subject.range);
    return;
  }
  // A treaty is active until effective + term (LANGUAGE.md §4): signed on
  // or after that day it would never be in force, and counting it into a
  // later term would renew it without anyone renewing.
  if (std::optional<Date> first_end = TreatyTermEnd(*t.spec, 1);
      first_end && today_ >= *first_end) {
    Invalid(e, diag::Code::R030,
            Message(diag::Code::R030, "sign",
                    fmt::format("`{}` can no longer be signed: its first term ended on {} "
                                "(effective {} + {}); write a new treaty with a later `effective`",
                                e.subject.text, first_end->ToString(), t.spec->effective.ToString(),
                                t.spec->term.ToString())),
            e.subject.range);
    return;
  }
  std::vector<std::string> signers;
  for (const Name& n : e.names) {
    if (std::find(t.signed_by.begin(), t.signed_by.end(), n.text) != t.signed_by.end()) {
      Invalid(e, diag::Code::R030,
              Message(diag::Code::R030, "sign",
                      fmt::format("`{}` has already signed `{}`", n.text, e.subject.text)),
              n.range);
      continue;
    }
    if (!RequireAdopted(e, n.text, n.range)) continue;
    if (!TreatyActionAllowed(e, n, ProposalMatter::kTreatySign, e.subject.text)) continue;
    signers.push_back(n.text);
  }
  // Joining order then name: parties signing the same day are ordered by name.
  std::sort(signers.begin(), signers.end());
  for (const std::string& s : signers) t.signed_by.push_back(s);
  if (signers.empty()) return;
  std::vector<std::string> waiting;
  for (const std::string& p : t.spec->parties) {
    if (std::find(t.signed_by.begin(), t.signed_by.end(), p) == t.signed_by.end()) {
      waiting.push_back(p);
    }
  }
  Add(EntryKind::kEvent, e.subject.text,
      fmt::format("{} sign{} {}{}", fmt::join(signers, " and "), signers.size() == 1 ? "s" : "",
                  e.subject.text,
                  waiting.empty() ? std::string()
                                  : fmt::format(" (waiting for {})", fmt::join(waiting, ", "))),
      e.range);
  ActivateTreaties();
  AssignFundStewards();
}

void Simulation::Renew(const EventSpec& e) {
  TreatyState& t = treaties_[e.subject.text];
  if (t.status != TreatyStatus::kActive) {
    std::string state =
        t.status == TreatyStatus::kPending
            ? std::string("not yet active")
            : fmt::format("{} since {}", TreatyStatusName(t.status), t.since.ToString());
    Invalid(e, diag::Code::R031, Message(diag::Code::R031, e.subject.text, state), e.subject.range);
    return;
  }
  Cover("treaty clause", e.subject.text + " renewal");
  for (const Name& n : e.names) {
    if (!RequireParty(e, t, n, false)) continue;
    if (!TreatyActionAllowed(e, n, ProposalMatter::kTreatyRenew, t.spec->name)) continue;
    t.renewed_by.insert(n.text);
    auto record = NewRecord("renewal");
    record->Put("treaty", TreatyValue(t.spec->name));
    record->Put("party", CharterValue(n.text));
    record->Put("date", values::Value::MakeDate(today_));
    Add(EntryKind::kEvent, e.subject.text,
        fmt::format("{} renews {} (the term ends on {}; renewed so far by {} of {} {})", n.text,
                    e.subject.text, t.term_end.ToString(), t.renewed_by.size(), t.parties.size(),
                    t.parties.size() == 1 ? "party" : "parties"),
        e.range);
    RunRules(e, values::Value::MakeRecord(record), {t.spec->name});
  }
}

void Simulation::ExitTreaty(const EventSpec& e) {
  TreatyState& t = treaties_[e.target->text];
  if (!RequireParty(e, t, e.subject, true)) return;
  if (t.exits.count(e.subject.text)) {
    Invalid(e, diag::Code::R030,
            Message(diag::Code::R030, "exit",
                    fmt::format("`{}` has already given notice to leave `{}`", e.subject.text,
                                t.spec->name)),
            e.subject.range);
    return;
  }
  if (!TreatyActionAllowed(e, e.subject, ProposalMatter::kTreatyExit, t.spec->name)) return;
  Cover("treaty clause", t.spec->name + " exit");
  Date effective = calendar::AddDuration(today_, t.spec->exit_notice).value_or(scenario_.until);
  Add(EntryKind::kEvent, t.spec->name,
      fmt::format("{} gives notice to leave {} ({} notice; effective {})", e.subject.text,
                  t.spec->name, t.spec->exit_notice.ToString(), effective.ToString()),
      e.range);
  auto record = NewRecord("exit");
  record->Put("treaty", TreatyValue(t.spec->name));
  record->Put("party", CharterValue(e.subject.text));
  record->Put("date", values::Value::MakeDate(today_));
  RunRules(e, values::Value::MakeRecord(record), {t.spec->name});
  t.exits[e.subject.text] = {effective, e.range};
  if (effective == today_) ApplyExits();
}

void Simulation::Dispute(const EventSpec& e) {
  const std::string& polity = e.target->text;
  if (disputes_.count(e.subject.text)) {
    Invalid(e, diag::Code::R030,
            Message(diag::Code::R030, "dispute",
                    fmt::format("dispute `{}` was already raised on {}", e.subject.text,
                                disputes_[e.subject.text].date.ToString())),
            e.subject.range);
    return;
  }
  if (!RequireAdopted(e, polity, e.target->range)) return;
  bool ok = true;
  for (const Name& n : e.names) ok = RequireMember(e, n, polity) && ok;
  if (!ok) return;
  // A dispute is between two people: one cannot be on both sides.
  for (size_t i = 1; i < e.names.size(); ++i) {
    if (e.names[i].text != e.names[0].text) continue;
    Invalid(e, diag::Code::R030,
            Message(diag::Code::R030, "dispute",
                    fmt::format("`{}` is on both sides; a dispute is between two different members",
                                e.names[i].text)),
            e.names[i].range);
    return;
  }
  DisputeState& d = disputes_[e.subject.text];
  d.id = e.subject.text;
  d.polity = polity;
  for (const Name& n : e.names) d.sides.push_back(n.text);
  d.serious = e.flag;
  d.date = today_;
  Add(EntryKind::kEvent, d.id,
      fmt::format("dispute {} in {}: {}{}", d.id, polity, fmt::join(d.sides, " vs "),
                  d.serious ? " (serious)" : ""),
      e.range);
  DrawJury(d, e);
}

void Simulation::Ruling(const EventSpec& e) {
  auto it = disputes_.find(e.subject.text);
  const char* verb = e.flag ? "reaffirm the ruling" : "rule";
  if (it == disputes_.end()) {
    Invalid(e, diag::Code::R033,
            Message(diag::Code::R033, verb, e.subject.text,
                    fmt::format("it has not been raised by {}", today_.ToString())),
            e.subject.range);
    return;
  }
  DisputeState& d = it->second;
  const CharterSpec& c = *polities_[d.polity].spec;
  if (e.flag) {
    std::string why;
    if (d.status == DisputeStatus::kOpen) why = "there is no ruling yet";
    if (d.status == DisputeStatus::kExpired) {
      why = fmt::format("the ruling expired on {}", d.expires->ToString());
    }
    if (why.empty() && !c.ruling_reaffirmable) {
      why = fmt::format("rulings of `{}` cannot be reaffirmed", c.name);
    }
    if (!why.empty()) {
      Invalid(e, diag::Code::R033, Message(diag::Code::R033, verb, d.id, why), e.subject.range);
      return;
    }
    d.status = DisputeStatus::kReaffirmed;
    if (d.expires && c.ruling_after) {
      d.expires = calendar::AddDuration(*d.expires, *c.ruling_after);
    }
    Add(EntryKind::kEvent, d.id,
        fmt::format("the ruling on {} is reaffirmed{}", d.id,
                    d.expires ? fmt::format("; it now expires on {}", d.expires->ToString())
                              : std::string()),
        e.range);
  } else {
    if (d.status != DisputeStatus::kOpen) {
      Invalid(e, diag::Code::R033,
              Message(diag::Code::R033, verb, d.id,
                      fmt::format("it is already {}", DisputeStatusName(d.status))),
              e.subject.range);
      return;
    }
    d.status = DisputeStatus::kRuled;
    if (c.ruling_after) d.expires = calendar::AddDuration(today_, *c.ruling_after);
    Add(EntryKind::kEvent, d.id,
        fmt::format("ruling on {}{}", d.id,
                    d.expires
                        ? fmt::format("; it expires on {} unless reaffirmed", d.expires->ToString())
                        : std::string()),
        e.range);
  }
  auto record = NewRecord("ruling");
  record->Put("dispute", DisputeValue(d));
  record->Put("reaffirmed", values::Value::MakeBool(e.flag));
  record->Put("date", values::Value::MakeDate(today_));
  RunRules(e, values::Value::MakeRecord(record), {d.polity});
}

void Simulation::RecordEvent(const EventSpec& e) {
  if (e.target && !RequireAdopted(e, e.target->text, e.target->range)) return;
  HistoryRecord r;
  r.kind = e.kind_word;
  r.id = e.subject.text;
  r.polity = e.target ? e.target->text : std::string();
  r.date = today_;
  r.attributes = e.attributes;
  history_.push_back(r);
  Add(EntryKind::kEvent, r.polity, fmt::format("{} {} recorded in {}", r.kind, r.id, r.polity),
      e.range);
}

void Simulation::DistressEvent(const EventSpec& e) {
  TreatyState& t = treaties_[e.subject.text];
  if (e.names.empty()) return;
  const Name& party = e.names.front();
  if (!RequireParty(e, t, party, true)) return;
  if (!t.spec->respond_within) {
    Invalid(e, diag::Code::R030,
            Message(diag::Code::R030, EventWord(e.kind),
                    fmt::format("`{}` declares no distress signal", t.spec->name)),
            e.subject.range);
    return;
  }
  auto record = NewRecord(e.kind == EventKind::kDistress ? "distress" : "respond");
  record->Put("treaty", TreatyValue(t.spec->name));
  record->Put("party", CharterValue(party.text));
  record->Put("date", values::Value::MakeDate(today_));
  if (e.kind == EventKind::kDistress) {
    Cover("treaty clause", t.spec->name + " distress signal");
    DistressCall call;
    call.party = party.text;
    call.raised = today_;
    call.deadline = calendar::AddDuration(today_, *t.spec->respond_within).value_or(today_);
    call.range = e.range;
    for (const std::string& p : t.parties) {
      if (p != party.text) call.allies.push_back(p);
    }
    Add(EntryKind::kEvent, t.spec->name,
        fmt::format("{} raises the distress signal \"{}\" of {}; {} must answer by {}", party.text,
                    t.spec->distress_signal.value_or(""), t.spec->name, Names(call.allies),
                    call.deadline.ToString()),
        e.range);
    t.distress.push_back(std::move(call));
  } else {
    DistressCall* open = nullptr;
    for (DistressCall& call : t.distress) {
      if (call.closed || call.responded.count(party.text)) continue;
      if (std::find(call.allies.begin(), call.allies.end(), party.text) == call.allies.end()) {
        continue;
      }
      open = &call;
      break;
    }
    if (!open) {
      Invalid(e, diag::Code::R030,
              Message(diag::Code::R030, "respond",
                      fmt::format("there is no open distress signal under `{}` for `{}` to answer",
                                  t.spec->name, party.text)),
              party.range);
      return;
    }
    open->responded.insert(party.text);
    Add(EntryKind::kEvent, t.spec->name,
        fmt::format("{} answers the distress signal of {} (due by {})", party.text, open->party,
                    open->deadline.ToString()),
        e.range);
  }
  RunRules(e, values::Value::MakeRecord(record), {t.spec->name});
}

void Simulation::Held(const EventSpec& e) {
  if (!RequireAdopted(e, e.subject.text, e.subject.range)) return;
  PolityState& p = polities_[e.subject.text];
  bool stress = e.kind == EventKind::kStressGame;
  std::string designer;
  if (stress && !e.names.empty()) {
    if (!RequireMember(e, e.names.front(), e.subject.text)) return;
    designer = e.names.front().text;
  }
  Schedule& s = stress ? p.stress : p.reflection;
  if (s.active) ++s.current.held;
  Entry& entry = Add(
      EntryKind::kEvent, e.subject.text,
      fmt::format("{} holds a {}{}", e.subject.text, stress ? "stress game" : "reflection assembly",
                  designer.empty() ? "" : " designed by " + designer),
      e.range);
  const Rotation* assigned = Designer(p);
  if (stress && !designer.empty() && assigned && assigned->holder &&
      *assigned->holder != designer) {
    entry.notes.push_back(
        fmt::format("the rotation made {} the designer for this period", *assigned->holder));
  }
}

}  // namespace concord::engine
