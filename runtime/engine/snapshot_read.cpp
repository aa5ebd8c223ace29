// Snapshots, the reading half (snapshot.h): the envelope checked (magic,
// format version, SHA-256 of the payload), then the state of
// snapshot_write.cpp put back into a fresh Simulation over the same program
// and scenario, what it names by position or name found again. Anything
// amiss is a reason to refuse, never a crash: a malformed payload surfaces
// as a JSON exception, caught here.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

#include "runtime/engine/simulation.h"
#include "runtime/engine/snapshot.h"
#include "runtime/engine/snapshot_bulk.h"
#include "runtime/engine/snapshot_format.h"

namespace concord::engine {
namespace {

using Json = nlohmann::json;

// Thrown for a payload that parses but does not fit the program.
struct Unfit {
  std::string why;
};

// The payload of `blob`, or none after saying why in `refused`.
std::optional<std::string_view> OpenEnvelope(std::string_view blob, std::string* refused) {
  if (blob.size() < snapshot::kHeaderSize) {
    *refused = fmt::format("the snapshot is cut short ({} bytes)", blob.size());
    return std::nullopt;
  }
  if (blob.substr(0, 4) != snapshot::kMagic) {
    *refused = "the bytes are not a Concord snapshot";
    return std::nullopt;
  }
  uint32_t format = 0;
  for (int i = 0; i < 4; ++i) {
    format |= static_cast<uint32_t>(static_cast<unsigned char>(blob[4 + i])) << (8 * i);
  }
  if (format != kSnapshotFormat) {
    *refused = fmt::format("the snapshot has format version {}, this concord reads {}", format,
                           kSnapshotFormat);
    return std::nullopt;
  }
  std::string_view digest = blob.substr(8, snapshot::kDigestSize);
  std::string_view payload = blob.substr(snapshot::kHeaderSize);
  if (snapshot::Sha256(payload) != digest) {
    *refused = "the snapshot's SHA-256 does not match its contents (damaged)";
    return std::nullopt;
  }
  return payload;
}

std::optional<Json> ParsePayload(std::string_view payload, std::string* refused) {
  Json state = Json::from_cbor(payload.begin(), payload.end(), true, false);
  if (state.is_discarded() || !state.is_object()) {
    *refused = "the snapshot's payload is not valid CBOR";
    return std::nullopt;
  }
  return state;
}

// Bytes of the bulk codec (snapshot_bulk.h) inside the CBOR payload.
std::string_view Bytes(const Json& j) {
  const std::vector<uint8_t>& bytes = j.get_binary();
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

SourceRange GetRange(const Json& j) {
  return {j.at(0).get<diag::FileId>(), j.at(1).get<uint32_t>(), j.at(2).get<uint32_t>()};
}
Date GetDate(const Json& j) {
  return Date::FromDays(j.get<int64_t>());
}
std::optional<Date> GetOptionalDate(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return GetDate(j);
}
template <typename T>
std::optional<T> GetOptional(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<T>();
}
values::Money GetMoney(const Json& j) {
  std::optional<values::Currency> c = values::Currency::Parse(j.at(1).get<std::string>());
  if (!c) throw Unfit{"a currency is malformed"};
  return values::Money{values::Decimal::FromRaw(j.at(0).get<int64_t>()), *c};
}
std::map<std::string, values::Money> GetBalances(const Json& j) {
  std::map<std::string, values::Money> out;
  for (const auto& [key, m] : j.items()) out.emplace(key, GetMoney(m));
  return out;
}
calendar::Period GetPeriod(const Json& j) {
  calendar::Period p;
  p.count = j.at(0).get<int64_t>();
  int unit = j.at(1).get<int>();
  if (unit < 0 || unit > static_cast<int>(values::DurationUnit::kLunarMonth)) {
    throw Unfit{"a period's unit is unknown"};
  }
  p.unit = static_cast<values::DurationUnit>(unit);
  return p;
}
calendar::Cycle GetCycle(const Json& j) {
  return {j.at(0).get<int64_t>(), GetDate(j.at(1)), GetDate(j.at(2))};
}

Schedule GetSchedule(const Json& j) {
  Schedule s;
  if (!j.at("period").is_null()) s.period = GetPeriod(j.at("period"));
  s.anchor = GetDate(j.at("anchor"));
  for (const Json& c : j.at("cycles")) s.cycles.push_back(GetCycle(c));
  s.next = j.at("next").get<size_t>();
  s.current.cycle = GetCycle(j.at("cycle"));
  s.current.changed = j.at("changed").get<std::set<std::string>>();
  s.current.reaffirmed = j.at("reaffirmed").get<std::set<std::string>>();
  s.current.held = j.at("held").get<int64_t>();
  s.current.rules_at_start = j.at("rules_at_start").get<size_t>();
  s.current.observed = j.at("observed").get<bool>();
  s.active = j.at("active").get<bool>();
  return s;
}
std::map<std::string, Schedule> GetSchedules(const Json& j) {
  std::map<std::string, Schedule> out;
  for (const auto& [key, s] : j.items()) out.emplace(key, GetSchedule(s));
  return out;
}

Rotation GetRotation(const Json& j) {
  Rotation r;
  r.subject = j.at("subject").get<std::string>();
  r.title = j.at("title").get<std::string>();
  r.domain = j.at("domain").get<std::string>();
  r.coverage = j.at("coverage").get<std::string>();
  r.every = GetPeriod(j.at("every"));
  r.anchor = GetDate(j.at("anchor"));
  r.range = GetRange(j.at("range"));
  std::vector<RotationQueue::Seat> seats;
  for (const Json& s : j.at("seats")) {
    RotationQueue::Seat seat;
    seat.name = s.at(0).get<std::string>();
    seat.last_taken = GetOptionalDate(s.at(1));
    seat.arrival = s.at(2).get<int64_t>();
    seat.present = s.at(3).get<bool>();
    seat.taken_this_round = s.at(4).get<bool>();
    seats.push_back(std::move(seat));
  }
  r.queue.Restore(std::move(seats), j.at("arrivals").get<int64_t>(), j.at("started").get<bool>());
  r.is_designer = j.at("designer").get<bool>();
  r.office = j.at("office").get<std::string>();
  r.holder = GetOptional<std::string>(j.at("holder"));
  r.term_given = GetOptionalDate(j.at("term_given"));
  r.draw_note = j.at("draw_note").get<std::string>();
  return r;
}
std::vector<Rotation> GetRotations(const Json& j) {
  std::vector<Rotation> out;
  for (const Json& r : j) out.push_back(GetRotation(r));
  return out;
}

std::optional<lottery::Verification> GetVerification(const Json& j) {
  if (j.is_null()) return std::nullopt;
  lottery::Verification v;
  v.seed = j.at("seed").get<std::string>();
  v.domain = j.at("domain").get<std::string>();
  v.pool = j.at("pool").get<std::vector<std::string>>();
  v.k = j.at("k").get<size_t>();
  v.hashes_used = j.at("hashes").get<uint64_t>();
  v.first_digest_hex = j.at("digest").get<std::string>();
  return v;
}

// A code by its name ("R035"): codes.def grows, and numbers move with it.
diag::Code GetCode(const Json& j) {
  std::optional<diag::Code> code = diag::CodeFromName(j.get<std::string>());
  if (!code) throw Unfit{fmt::format("unknown diagnostic code {}", j.get<std::string>())};
  return *code;
}

// An enumerator no greater than `last`, the enum's last.
template <typename E>
E GetEnum(const Json& j, E last) {
  int value = j.get<int>();
  if (value < 0 || value > static_cast<int>(last)) {
    throw Unfit{fmt::format("an enumerator {} is out of range", value)};
  }
  return static_cast<E>(value);
}

Entry GetEntry(const Json& j) {
  Entry e;
  e.date = GetDate(j.at("date"));
  e.kind = GetEnum(j.at("kind"), EntryKind::kDecision);
  e.subject = j.at("subject").get<std::string>();
  e.text = j.at("text").get<std::string>();
  if (!j.at("code").is_null()) e.code = GetCode(j.at("code"));
  e.range = GetRange(j.at("range"));
  for (const Json& l : j.at("labels")) {
    e.labels.push_back({GetRange(l.at(0)), l.at(1).get<std::string>()});
  }
  e.notes = j.at("notes").get<std::vector<std::string>>();
  if (j.contains("jury")) {
    const Json& d = j.at("jury");
    JuryDraw draw;
    draw.dispute = d.at("dispute").get<std::string>();
    draw.jurors = d.at("jurors").get<std::vector<std::string>>();
    draw.delegates = d.at("delegates").get<std::vector<std::string>>();
    draw.jury_verification = GetVerification(d.at("jury_verification"));
    draw.delegate_verification = GetVerification(d.at("delegate_verification"));
    e.jury = std::move(draw);
  }
  if (j.contains("decision")) {
    const Json& d = j.at("decision");
    DecisionTally t;
    t.proposal = d.at("proposal").get<std::string>();
    t.matter = d.at("matter").get<std::string>();
    t.polity = d.at("polity").get<std::string>();
    t.outcome = d.at("outcome").get<std::string>();
    t.yes = d.at("yes").get<int64_t>();
    t.no = d.at("no").get<int64_t>();
    t.abstain = d.at("abstain").get<int64_t>();
    t.block = d.at("block").get<int64_t>();
    t.object = d.at("object").get<int64_t>();
    t.eligible = d.at("eligible").get<int64_t>();
    t.eligible_kind = d.at("eligible_kind").get<std::string>();
    t.round = d.at("round").get<int64_t>();
    t.rule = d.at("rule").get<std::string>();
    t.rule_range = GetRange(d.at("rule_range"));
    e.decision = std::move(t);
  }
  return e;
}

}  // namespace

std::string Simulation::Restore(std::string_view blob) {
  std::string refused;
  std::optional<std::string_view> payload = OpenEnvelope(blob, &refused);
  if (!payload) return refused;
  try {
    return DecodeState(*payload);
  } catch (const Json::exception& e) {
    return fmt::format("the snapshot's payload is malformed: {}", e.what());
  } catch (const Unfit& e) {
    return fmt::format("the snapshot does not fit: {}", e.why);
  } catch (const snapshot::Malformed& e) {
    return fmt::format("the snapshot's payload is malformed: {}", e.why);
  } catch (const std::out_of_range& e) {
    // A position (rule, event, change, expectation) past the program's.
    return "the snapshot does not fit: it names a position the program does not have";
  }
}

std::string Simulation::DecodeState(std::string_view cbor) {
  std::string refused;
  std::optional<Json> parsed = ParsePayload(cbor, &refused);
  if (!parsed) return refused;
  const Json& state = *parsed;
  if (versions_.size() > 1) return "a run across program versions does not resume from a snapshot";
  today_ = GetDate(state.at("day"));
  if (state.at("fingerprint").get<std::string>() !=
      snapshot::Fingerprint(*program_, scenario_, today_)) {
    return "the snapshot was taken of another program or scenario";
  }
  if (today_ < scenario_.start || today_ > scenario_.until) {
    return "the snapshot's day is outside the scenario";
  }
  lottery_names_ = state.at("lottery_names").get<size_t>();
  lottery_exhausted_ = state.at("lottery_exhausted").get<bool>();
  timeline_full_ = state.at("timeline_full").get<bool>();

  for (const Json& j : state.at("polities")) {
    std::string name = j.at("name").get<std::string>();
    const CharterSpec* spec = program_->FindCharter(name);
    if (!spec) throw Unfit{fmt::format("charter `{}` is not in the program", name)};
    PolityState& p = polities_[name];
    p.spec = spec;
    p.order = polity_order_.size();
    polity_order_.push_back(name);
    p.participating = j.at("participating").get<bool>();
    p.dropped = j.at("dropped").get<bool>();
    p.members = j.at("members").get<std::vector<std::string>>();
    for (const auto& [member, day] : j.at("joined").items()) p.joined[member] = GetDate(day);
    for (const Json& r : j.at("rules")) {
      std::string where = r.at(0).get<std::string>();
      if (where == "written") {
        p.rules.push_back(&spec->rules.at(r.at(1).get<size_t>()));
        continue;
      }
      const ChangeSpec& change =
          scenario_.events.at(r.at(1).get<size_t>()).changes.at(r.at(2).get<size_t>());
      if (!change.rule) throw Unfit{"an added rule's change has no rule"};
      p.added_rules.push_back(std::make_unique<RuleSpec>(*change.rule));
      p.rules.push_back(p.added_rules.back().get());
    }
    p.revision = GetSchedule(j.at("revision"));
    p.reports = GetSchedules(j.at("reports"));
    p.stress = GetSchedule(j.at("stress"));
    p.reflection = GetSchedule(j.at("reflection"));
    p.rotations = GetRotations(j.at("rotations"));
    p.balances = GetBalances(j.at("balances"));
  }
  for (const Json& j : state.at("members")) {
    std::string name = j.at("name").get<std::string>();
    MemberState& m = members_[name];
    m.name = name;
    m.first_polity = j.at("first_polity").get<std::string>();
    m.joined = GetDate(j.at("joined"));
    snapshot::BulkReader attributes(Bytes(j.at("attributes")));
    m.attributes = attributes.Attributes();
    if (!attributes.AtEnd()) throw Unfit{"bytes follow a member's attributes"};
    m.polities = j.at("polities").get<std::set<size_t>>();
    RebuildMember(m);
    member_order_.push_back(name);
  }
  for (const Json& j : state.at("treaties")) {
    std::string name = j.at("name").get<std::string>();
    const TreatySpec* spec = program_->FindTreaty(name);
    if (!spec) throw Unfit{fmt::format("treaty `{}` is not in the program", name)};
    TreatyState& t = treaties_[name];
    t.spec = spec;
    treaty_order_.push_back(name);
    t.status = GetEnum(j.at("status"), TreatyStatus::kEnded);
    t.since = GetDate(j.at("since"));
    t.signed_by = j.at("signed_by").get<std::vector<std::string>>();
    t.parties = j.at("parties").get<std::vector<std::string>>();
    t.renewed_by = j.at("renewed_by").get<std::set<std::string>>();
    t.term_index = j.at("term_index").get<int64_t>();
    t.term_end = GetDate(j.at("term_end"));
    for (const auto& [party, when] : j.at("exits").items()) {
      t.exits[party] = {GetDate(when.at(0)), GetRange(when.at(1))};
    }
    for (const Json& d : j.at("distress")) {
      DistressCall call;
      call.party = d.at("party").get<std::string>();
      call.raised = GetDate(d.at("raised"));
      call.deadline = GetDate(d.at("deadline"));
      call.responded = d.at("responded").get<std::set<std::string>>();
      call.allies = d.at("allies").get<std::vector<std::string>>();
      call.range = GetRange(d.at("range"));
      call.closed = d.at("closed").get<bool>();
      t.distress.push_back(std::move(call));
    }
    t.rotations = GetRotations(j.at("rotations"));
    t.balances = GetBalances(j.at("balances"));
    t.dues = GetSchedules(j.at("dues"));
    t.cross_training_round = GetOptional<int64_t>(j.at("cross_training_round"));
  }
  for (const Json& j : state.at("disputes")) {
    DisputeState d;
    d.id = j.at("id").get<std::string>();
    d.polity = j.at("polity").get<std::string>();
    d.sides = j.at("sides").get<std::vector<std::string>>();
    d.serious = j.at("serious").get<bool>();
    d.date = GetDate(j.at("date"));
    d.jury = j.at("jury").get<std::vector<std::string>>();
    d.status = GetEnum(j.at("status"), DisputeStatus::kExpired);
    d.expires = GetOptionalDate(j.at("expires"));
    disputes_[d.id] = std::move(d);
  }
  contributions_ = snapshot::DecodeContributions(Bytes(state.at("contributions")));
  for (size_t i = 0; i < contributions_.size(); ++i) {
    contributions_by_account_[contributions_[i].account].push_back(i);
  }
  history_ = snapshot::DecodeHistory(Bytes(state.at("history")));
  for (const Json& j : state.at("offices")) {
    std::string polity = j.at("polity").get<std::string>();
    std::string name = j.at("name").get<std::string>();
    const CharterSpec* charter = program_->FindCharter(polity);
    const OfficeSpec* spec = charter ? charter->FindOffice(name) : nullptr;
    if (!spec) throw Unfit{fmt::format("office `{}` of `{}` is not in the program", name, polity)};
    OfficeState& o = offices_[polity][name];
    o.spec = spec;
    o.polity = j.at("state_polity").get<std::string>();
    for (const Json& s : j.at("seats")) {
      o.seats.push_back({s.at(0).get<std::string>(), GetDate(s.at(1))});
    }
    o.term_began = GetOptionalDate(j.at("term_began"));
    o.term_ends = GetOptionalDate(j.at("term_ends"));
    o.drawn_term = GetOptional<int64_t>(j.at("drawn_term"));
    for (const auto& [who, r] : j.at("records").items()) {
      o.records[who] = {r.at(0).get<int64_t>(), GetOptionalDate(r.at(1))};
    }
  }
  for (const Json& j : state.at("findings")) {
    findings_.push_back({j.at(0).get<std::string>(), j.at(1).get<std::string>(),
                         j.at(2).get<std::string>(), GetEnum(j.at(3), SanctionKind::kRemoval),
                         GetDate(j.at(4)), GetOptionalDate(j.at(5))});
  }
  for (const auto& [member, day] : state.at("suspended_until").items()) {
    suspended_until_[member] = GetDate(day);
  }
  for (const Json& j : state.at("recall_petitions")) {
    recall_petitions_[{j.at(0).get<std::string>(), j.at(1).get<std::string>()}] = GetDate(j.at(2));
  }
  dues_ = GetSchedules(state.at("dues"));
  for (const Json& j : state.at("waivers")) {
    waivers_.push_back({j.at(0).get<std::string>(), j.at(1).get<std::string>(), GetDate(j.at(2)),
                        GetDate(j.at(3))});
  }
  for (const auto& [polity, rows] : state.at("unpaid_dues").items()) {
    std::vector<UnpaidDues>& list = unpaid_dues_[polity];
    for (const Json& u : rows) {
      list.push_back({u.at(0).get<std::string>(), u.at(1).get<std::string>(),
                      u.at(2).get<std::string>(), u.at(3).get<std::string>(),
                      u.at(4).get<std::string>(), GetDate(u.at(5)), GetDate(u.at(6))});
    }
  }
  for (const Json& j : state.at("proposals")) {
    ProposalState p;
    p.id = j.at("id").get<std::string>();
    p.polity = j.at("polity").get<std::string>();
    p.matter = GetEnum(j.at("matter"), ProposalMatter::kRecall);
    p.event = &scenario_.events.at(j.at("event").get<size_t>());
    p.object = j.at("object").get<std::string>();
    p.proposed = GetDate(j.at("proposed"));
    if (j.at("has_rule").get<bool>()) {
      auto polity = polities_.find(p.polity);
      if (polity == polities_.end()) throw Unfit{"a proposal's charter is unknown"};
      // The rule a proposal follows is the charter's: found again, not stored.
      p.rule = ProposalRule(polity->second, p.matter);
      if (!p.rule) throw Unfit{fmt::format("proposal `{}` has no rule in the program", p.id)};
    }
    for (const Json& b : j.at("ballots")) {
      p.ballots.emplace_back(b.at(0).get<std::string>(), GetEnum(b.at(1), BallotChoice::kObject));
    }
    p.outcome = GetEnum(j.at("outcome"), DecisionOutcome::kBlocked);
    p.decided = GetOptionalDate(j.at("decided"));
    p.blocked_rounds = j.at("blocked_rounds").get<int64_t>();
    p.jurors = GetOptional<std::vector<std::string>>(j.at("jurors"));
    proposals_[p.id] = std::move(p);
  }
  for (const Json& j : state.at("approved_elections")) {
    approved_elections_.emplace(j.at(0).get<std::string>(), j.at(1).get<std::string>());
  }
  for (const Json& j : state.at("approved_treaty_actions")) {
    approved_treaty_actions_.emplace(j.at(0).get<std::string>(), j.at(1).get<std::string>(),
                                     GetEnum(j.at(2), ProposalMatter::kRecall));
  }

  entries_before_ = state.at("entries_before").get<size_t>();
  for (const Json& j : state.at("violations_before")) {
    violations_before_.emplace_back(GetCode(j.at(0)), GetDate(j.at(1)));
  }
  for (const Json& j : state.at("carried")) carried_.push_back(GetEntry(j));
  for (const Json& j : state.at("expectations")) {
    ExpectResult x;
    int64_t index = j.at(0).get<int64_t>();
    if (index >= 0) x.spec = &scenario_.expectations.at(static_cast<size_t>(index));
    x.passed = j.at(1).get<bool>();
    x.expected = j.at(2).get<std::string>();
    x.actual = j.at(3).get<std::string>();
    result_.expectations.push_back(std::move(x));
  }
  for (const Json& j : state.at("coverage")) {
    CoverageItem c{j.at(0).get<std::string>(), j.at(1).get<std::string>(), j.at(2).get<bool>()};
    coverage_index_[c.kind + "\n" + c.name] = result_.coverage.size();
    result_.coverage.push_back(std::move(c));
  }
  result_.internal_error = GetOptional<std::string>(state.at("internal_error"));
  return {};
}

RunResult Simulation::Resume() {
  // What was played by the snapshot's day is not queued again (popping it
  // cost about as much as restoring a long history): of the events dated
  // up to then, only the recurring ones, whose later occurrences remain.
  std::vector<const EventSpec*> events = EventsInRun(false);
  std::erase_if(events, [&](const EventSpec* e) { return !e->recurrence && e->date <= today_; });
  EventQueue queue(std::move(events), scenario_.until);
  return PlayDays(queue, today_.AddDays(1));
}

ResumedRun ResumeFromSnapshot(const ProgramSpec& program, const ScenarioSpec& scenario,
                              std::string_view snapshot) {
  Simulation sim(program, scenario);
  ResumedRun out;
  out.refused = sim.Restore(snapshot);
  if (!out.refused.empty()) return out;
  out.run = sim.Resume();
  out.carried = sim.TakeCarried();
  return out;
}

std::optional<Date> SnapshotDay(std::string_view snapshot, std::string* refused) {
  std::optional<std::string_view> payload = OpenEnvelope(snapshot, refused);
  if (!payload) return std::nullopt;
  try {
    std::optional<Json> state = ParsePayload(*payload, refused);
    if (!state) return std::nullopt;
    return GetDate(state->at("day"));
  } catch (const Json::exception& e) {
    *refused = fmt::format("the snapshot's payload is malformed: {}", e.what());
    return std::nullopt;
  }
}

}  // namespace concord::engine
