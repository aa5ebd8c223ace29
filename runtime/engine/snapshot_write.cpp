// Snapshots, the writing half (snapshot.h): the run's state at the end of a
// day as CBOR inside a checked envelope. What refers to the program or the
// scenario (a charter, a rule, an office, the event a proposal was made by,
// an `expect` line) is written by name or position and found again by
// snapshot_read.cpp; caches (metric memos, `contributions()` answers,
// member records, contributions by account) are not written: the restored
// run rebuilds them. Contributions, history records and attributes, the
// bulk of a long history, are plain bytes (snapshot_bulk.h).
#include <fmt/format.h>
#include <openssl/evp.h>

#include <map>
#include <nlohmann/json.hpp>
#include <tuple>
#include <utility>

#include "runtime/engine/simulation.h"
#include "runtime/engine/snapshot.h"
#include "runtime/engine/snapshot_bulk.h"
#include "runtime/engine/snapshot_format.h"

namespace concord::engine {
namespace snapshot {

std::string Sha256(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1 ||
      size != kDigestSize) {
    return {};
  }
  return std::string(reinterpret_cast<const char*>(digest), size);
}

std::string Fingerprint(const ProgramSpec& program, const ScenarioSpec& scenario, Date day) {
  std::string out;
  for (const CharterSpec& c : program.charters) {
    out += fmt::format("charter {} {} {} {}\n", c.name, c.adopted.ToString(), c.rules.size(),
                       c.offices.size());
  }
  for (const TreatySpec& t : program.treaties) {
    out += fmt::format("treaty {} {}\n", t.name, t.funds.size());
  }
  // The events played, as fixed-width numbers hashed once: a million of
  // them cost milliseconds, not a formatted line each.
  std::string played;
  auto number = [&](uint64_t n) { played.append(reinterpret_cast<const char*>(&n), sizeof n); };
  for (size_t i = 0; i < scenario.events.size(); ++i) {
    const EventSpec& e = scenario.events[i];
    if (day < e.date) continue;
    number(i);
    number(static_cast<uint64_t>(e.date.days()));
    number(static_cast<uint64_t>(e.kind));
    number(e.range.file);
    number((uint64_t{e.range.begin} << 32) | e.range.end);
  }
  std::string digest;
  for (unsigned char byte : Sha256(played)) digest += fmt::format("{:02x}", byte);
  out +=
      fmt::format("scenario {} {} {} {} expectations, events played {}\n", scenario.name,
                  scenario.seed, scenario.start.ToString(), scenario.expectations.size(), digest);
  return out;
}

}  // namespace snapshot

namespace {

using Json = nlohmann::json;

// Bytes of the bulk codec (snapshot_bulk.h) inside the CBOR payload.
Json Binary(const std::string& bytes) {
  return Json::binary(std::vector<uint8_t>(bytes.begin(), bytes.end()));
}

Json Put(const SourceRange& r) {
  return Json::array({r.file, r.begin, r.end});
}
Json Put(Date d) {
  return d.days();
}
Json Put(const std::optional<Date>& d) {
  return d ? Json(d->days()) : Json();
}
Json Put(const values::Money& m) {
  return Json::array({m.amount.raw(), std::string(m.currency.code())});
}
Json Put(const calendar::Period& p) {
  return Json::array({p.count, static_cast<int>(p.unit)});
}
Json Put(const calendar::Cycle& c) {
  return Json::array({c.k, c.first_day.days(), c.last_day.days()});
}
Json Put(const Schedule& s) {
  Json cycles = Json::array();
  for (const calendar::Cycle& c : s.cycles) cycles.push_back(Put(c));
  return {{"period", s.period ? Put(*s.period) : Json()},
          {"anchor", Put(s.anchor)},
          {"cycles", std::move(cycles)},
          {"next", s.next},
          {"cycle", Put(s.current.cycle)},
          {"changed", s.current.changed},
          {"reaffirmed", s.current.reaffirmed},
          {"held", s.current.held},
          {"rules_at_start", s.current.rules_at_start},
          {"observed", s.current.observed},
          {"active", s.active}};
}

Json Put(const Rotation& r) {
  Json seats = Json::array();
  for (const RotationQueue::Seat& s : r.queue.Seats()) {
    seats.push_back(
        Json::array({s.name, Put(s.last_taken), s.arrival, s.present, s.taken_this_round}));
  }
  return {{"subject", r.subject},
          {"title", r.title},
          {"domain", r.domain},
          {"coverage", r.coverage},
          {"every", Put(r.every)},
          {"anchor", Put(r.anchor)},
          {"range", Put(r.range)},
          {"seats", std::move(seats)},
          {"arrivals", r.queue.Arrivals()},
          {"started", r.queue.Started()},
          {"designer", r.is_designer},
          {"office", r.office},
          {"holder", r.holder ? Json(*r.holder) : Json()},
          {"term_given", Put(r.term_given)},
          {"draw_note", r.draw_note}};
}

Json Put(const lottery::Verification& v) {
  return {{"seed", v.seed}, {"domain", v.domain},      {"pool", v.pool},
          {"k", v.k},       {"hashes", v.hashes_used}, {"digest", v.first_digest_hex}};
}
Json Put(const std::optional<lottery::Verification>& v) {
  return v ? Put(*v) : Json();
}

Json Put(const Entry& e) {
  Json labels = Json::array();
  for (const diag::Label& l : e.labels) labels.push_back(Json::array({Put(l.range), l.message}));
  Json out = {{"date", Put(e.date)},
              {"kind", static_cast<int>(e.kind)},
              {"subject", e.subject},
              {"text", e.text},
              {"code", e.code ? Json(std::string(diag::Info(*e.code).name)) : Json()},
              {"range", Put(e.range)},
              {"labels", std::move(labels)},
              {"notes", e.notes}};
  if (e.jury) {
    out["jury"] = {{"dispute", e.jury->dispute},
                   {"jurors", e.jury->jurors},
                   {"delegates", e.jury->delegates},
                   {"jury_verification", Put(e.jury->jury_verification)},
                   {"delegate_verification", Put(e.jury->delegate_verification)}};
  }
  if (e.decision) {
    const DecisionTally& t = *e.decision;
    out["decision"] = {{"proposal", t.proposal},
                       {"matter", t.matter},
                       {"polity", t.polity},
                       {"outcome", t.outcome},
                       {"yes", t.yes},
                       {"no", t.no},
                       {"abstain", t.abstain},
                       {"block", t.block},
                       {"object", t.object},
                       {"eligible", t.eligible},
                       {"eligible_kind", t.eligible_kind},
                       {"round", t.round},
                       {"rule", t.rule},
                       {"rule_range", Put(t.rule_range)}};
  }
  return out;
}

template <typename T>
Json PutAll(const std::vector<T>& items) {
  Json out = Json::array();
  for (const T& item : items) out.push_back(Put(item));
  return out;
}
template <typename T>
Json PutMap(const std::map<std::string, T>& items) {
  Json out = Json::object();
  for (const auto& [key, item] : items) out[key] = Put(item);
  return out;
}

// The position of `x` in `items`, or -1.
template <typename T>
int64_t IndexIn(const std::vector<T>& items, const T* x) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (&items[i] == x) return static_cast<int64_t>(i);
  }
  return -1;
}

}  // namespace

std::vector<Entry> CarriedEntries(const std::vector<Entry>& before,
                                  const std::vector<Entry>& timeline) {
  // An obligation or a role is known by its subject and the clause behind
  // it, as `concord status` knows it (compiler/ledger/status.cpp).
  using Key = std::tuple<bool, std::string, diag::FileId, uint32_t>;
  std::map<Key, size_t> slot;
  std::vector<Entry> out;
  auto take = [&](const Entry& e) {
    bool obligation =
        (e.kind == EntryKind::kMet || e.kind == EntryKind::kMissed) && e.code != diag::Code::R061;
    if (!obligation && e.kind != EntryKind::kSteward) return;
    auto [at, added] =
        slot.emplace(Key{obligation, e.subject, e.range.file, e.range.begin}, out.size());
    if (added) {
      out.push_back(e);
    } else {
      out[at->second] = e;
    }
  };
  for (const Entry& e : before) take(e);
  for (const Entry& e : timeline) take(e);
  return out;
}

void Simulation::SetSnapshotDay(Date day) {
  snapshot_day_ = day;
}

std::optional<std::string> Simulation::TakeSnapshot(std::string* why_none) {
  if (!snapshot_ && why_none) *why_none = snapshot_refused_;
  return std::move(snapshot_);
}

void Simulation::SnapshotIfDue() {
  if (!snapshot_day_ || *snapshot_day_ != today_) return;
  std::string why;
  std::string payload = EncodeState(&why);
  if (payload.empty()) {
    snapshot_refused_ = why;
    return;
  }
  std::string digest = snapshot::Sha256(payload);
  if (digest.empty()) {
    snapshot_refused_ = "SHA-256 is unavailable";
    return;
  }
  std::string out(snapshot::kMagic);
  for (int shift = 0; shift < 32; shift += 8) {
    out.push_back(static_cast<char>((kSnapshotFormat >> shift) & 0xff));
  }
  out += digest;
  out += payload;
  snapshot_ = std::move(out);
}

std::string Simulation::EncodeState(std::string* why_none) const {
  auto refuse = [&](std::string why) {
    *why_none = std::move(why);
    return std::string();
  };
  if (versions_.size() > 1) return refuse("a run across program versions is not snapshotted");
  // Events and changes are named by their position in the scenario.
  auto event_index = [&](const EventSpec* e) { return IndexIn(scenario_.events, e); };

  Json state;
  state["fingerprint"] = snapshot::Fingerprint(*program_, scenario_, today_);
  state["day"] = today_.days();
  state["lottery_names"] = lottery_names_;
  state["lottery_exhausted"] = lottery_exhausted_;
  state["timeline_full"] = timeline_full_;

  Json members = Json::array();
  for (const std::string& name : member_order_) {
    const MemberState& m = members_.at(name);
    snapshot::BulkWriter attributes;
    if (!attributes.Attributes(m.attributes, why_none)) return {};
    members.push_back({{"name", m.name},
                       {"first_polity", m.first_polity},
                       {"joined", Put(m.joined)},
                       {"attributes", Binary(attributes.Take())},
                       {"polities", m.polities}});
  }
  state["members"] = std::move(members);

  Json polities = Json::array();
  for (const std::string& name : polity_order_) {
    const PolityState& p = polities_.at(name);
    Json rules = Json::array();
    for (const RuleSpec* r : p.rules) {
      int64_t written = IndexIn(p.spec->rules, r);
      if (written >= 0) {
        rules.push_back(Json::array({"written", written}));
        continue;
      }
      // An added rule is a copy of an event's change: found by its range.
      bool found = false;
      for (size_t i = 0; i < scenario_.events.size() && !found; ++i) {
        const std::vector<ChangeSpec>& changes = scenario_.events[i].changes;
        for (size_t j = 0; j < changes.size() && !found; ++j) {
          if (changes[j].rule && changes[j].rule->name == r->name &&
              changes[j].rule->range == r->range) {
            rules.push_back(Json::array({"added", i, j}));
            found = true;
          }
        }
      }
      if (!found) return refuse(fmt::format("rule `{}` of `{}` has no source", r->name, name));
    }
    Json reports = Json::object();
    for (const auto& [ledger, s] : p.reports) reports[ledger] = Put(s);
    Json joined = Json::object();
    for (const auto& [member, day] : p.joined) joined[member] = Put(day);
    polities.push_back({{"name", name},
                        {"participating", p.participating},
                        {"dropped", p.dropped},
                        {"members", p.members},
                        {"joined", std::move(joined)},
                        {"rules", std::move(rules)},
                        {"revision", Put(p.revision)},
                        {"reports", std::move(reports)},
                        {"stress", Put(p.stress)},
                        {"reflection", Put(p.reflection)},
                        {"rotations", PutAll(p.rotations)},
                        {"balances", PutMap(p.balances)}});
  }
  state["polities"] = std::move(polities);

  Json treaties = Json::array();
  for (const std::string& name : treaty_order_) {
    const TreatyState& t = treaties_.at(name);
    Json exits = Json::object();
    for (const auto& [party, when] : t.exits) {
      exits[party] = Json::array({Put(when.first), Put(when.second)});
    }
    Json distress = Json::array();
    for (const DistressCall& d : t.distress) {
      distress.push_back({{"party", d.party},
                          {"raised", Put(d.raised)},
                          {"deadline", Put(d.deadline)},
                          {"responded", d.responded},
                          {"allies", d.allies},
                          {"range", Put(d.range)},
                          {"closed", d.closed}});
    }
    treaties.push_back({{"name", name},
                        {"status", static_cast<int>(t.status)},
                        {"since", Put(t.since)},
                        {"signed_by", t.signed_by},
                        {"parties", t.parties},
                        {"renewed_by", t.renewed_by},
                        {"term_index", t.term_index},
                        {"term_end", Put(t.term_end)},
                        {"exits", std::move(exits)},
                        {"distress", std::move(distress)},
                        {"rotations", PutAll(t.rotations)},
                        {"balances", PutMap(t.balances)},
                        {"dues", PutMap(t.dues)},
                        {"cross_training_round",
                         t.cross_training_round ? Json(*t.cross_training_round) : Json()}});
  }
  state["treaties"] = std::move(treaties);

  Json disputes = Json::array();
  for (const auto& [id, d] : disputes_) {
    disputes.push_back({{"id", d.id},
                        {"polity", d.polity},
                        {"sides", d.sides},
                        {"serious", d.serious},
                        {"date", Put(d.date)},
                        {"jury", d.jury},
                        {"status", static_cast<int>(d.status)},
                        {"expires", Put(d.expires)}});
  }
  state["disputes"] = std::move(disputes);

  // The two arrays as long as the history: plain bytes, not a node a field.
  state["contributions"] = Binary(snapshot::EncodeContributions(contributions_));
  std::string history;
  if (!snapshot::EncodeHistory(history_, &history, why_none)) return {};
  state["history"] = Binary(history);

  Json offices = Json::array();
  for (const auto& [polity, by_name] : offices_) {
    for (const auto& [name, o] : by_name) {
      Json seats = Json::array();
      for (const SeatState& s : o.seats) seats.push_back(Json::array({s.holder, Put(s.since)}));
      Json records = Json::object();
      for (const auto& [who, r] : o.records) {
        records[who] = Json::array({r.in_a_row, Put(r.ended)});
      }
      offices.push_back({{"polity", polity},
                         {"name", name},
                         {"state_polity", o.polity},
                         {"seats", std::move(seats)},
                         {"term_began", Put(o.term_began)},
                         {"term_ends", Put(o.term_ends)},
                         {"drawn_term", o.drawn_term ? Json(*o.drawn_term) : Json()},
                         {"records", std::move(records)}});
    }
  }
  state["offices"] = std::move(offices);

  Json findings = Json::array();
  for (const FindingState& f : findings_) {
    findings.push_back(Json::array({f.member, f.polity, f.dispute, static_cast<int>(f.sanction),
                                    Put(f.date), Put(f.expires)}));
  }
  state["findings"] = std::move(findings);
  state["suspended_until"] = PutMap(suspended_until_);
  Json petitions = Json::array();
  for (const auto& [key, day] : recall_petitions_) {
    petitions.push_back(Json::array({key.first, key.second, Put(day)}));
  }
  state["recall_petitions"] = std::move(petitions);
  state["dues"] = PutMap(dues_);
  Json waivers = Json::array();
  for (const WaiverState& w : waivers_) {
    waivers.push_back(Json::array({w.member, w.polity, Put(w.granted), Put(w.until)}));
  }
  state["waivers"] = std::move(waivers);
  Json unpaid = Json::object();
  for (const auto& [polity, list] : unpaid_dues_) {
    Json rows = Json::array();
    for (const UnpaidDues& u : list) {
      rows.push_back(Json::array(
          {u.member, u.polity, u.ledger, u.owed, u.paid, Put(u.first_day), Put(u.last_day)}));
    }
    unpaid[polity] = std::move(rows);
  }
  state["unpaid_dues"] = std::move(unpaid);

  Json proposals = Json::array();
  for (const auto& [id, p] : proposals_) {
    int64_t event = event_index(p.event);
    if (event < 0) return refuse(fmt::format("proposal `{}` has no `propose` event", id));
    Json ballots = Json::array();
    for (const auto& [voter, choice] : p.ballots) {
      ballots.push_back(Json::array({voter, static_cast<int>(choice)}));
    }
    proposals.push_back({{"id", p.id},
                         {"polity", p.polity},
                         {"matter", static_cast<int>(p.matter)},
                         {"event", event},
                         {"object", p.object},
                         {"proposed", Put(p.proposed)},
                         {"has_rule", p.rule != nullptr},
                         {"ballots", std::move(ballots)},
                         {"outcome", static_cast<int>(p.outcome)},
                         {"decided", Put(p.decided)},
                         {"blocked_rounds", p.blocked_rounds},
                         {"jurors", p.jurors ? Json(*p.jurors) : Json()}});
  }
  state["proposals"] = std::move(proposals);
  Json elections = Json::array();
  for (const auto& [polity, office] : approved_elections_) {
    elections.push_back(Json::array({polity, office}));
  }
  state["approved_elections"] = std::move(elections);
  Json actions = Json::array();
  for (const auto& [polity, treaty, action] : approved_treaty_actions_) {
    actions.push_back(Json::array({polity, treaty, static_cast<int>(action)}));
  }
  state["approved_treaty_actions"] = std::move(actions);

  // Of the timeline, only what later days and `concord status` read.
  state["entries_before"] = entries_before_ + result_.timeline.size();
  Json violations = Json::array();
  auto put_violation = [&](diag::Code code, Date date) {
    violations.push_back(Json::array({std::string(diag::Info(code).name), Put(date)}));
  };
  for (const auto& [code, date] : violations_before_) put_violation(code, date);
  for (const Entry& e : result_.timeline) {
    if (e.code) put_violation(*e.code, e.date);
  }
  state["violations_before"] = std::move(violations);
  state["carried"] = PutAll(CarriedEntries(carried_, result_.timeline));
  Json expectations = Json::array();
  for (const ExpectResult& x : result_.expectations) {
    expectations.push_back(
        Json::array({IndexIn(scenario_.expectations, x.spec), x.passed, x.expected, x.actual}));
  }
  state["expectations"] = std::move(expectations);
  Json coverage = Json::array();
  for (const CoverageItem& c : result_.coverage) {
    coverage.push_back(Json::array({c.kind, c.name, c.covered}));
  }
  state["coverage"] = std::move(coverage);
  state["internal_error"] = result_.internal_error ? Json(*result_.internal_error) : Json();

  std::vector<uint8_t> bytes = Json::to_cbor(state);
  return std::string(bytes.begin(), bytes.end());
}

SnapshotRun RunWithSnapshot(const ProgramSpec& program, const ScenarioSpec& scenario, Date day) {
  Simulation sim(program, scenario);
  sim.SetSnapshotDay(day);
  SnapshotRun out;
  out.run = sim.Play();
  out.snapshot = sim.TakeSnapshot(&out.why_none);
  return out;
}

}  // namespace concord::engine
