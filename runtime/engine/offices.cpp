// Offices at run time (POWER.md §1): who holds each office of a charter on
// a day. Elected, appointed and self-selected offices are filled by `elect`
// events, checked against the office's seats and `limit N terms in a row`;
// lottery offices are drawn at the start of each term with the verifiable
// lottery; rotation offices are rotating roles (stewards.cpp, rotation.h);
// `held by NAME` offices are that member's. Terms end after `term`, and a
// member who leaves loses their seats. docs/reference-runtime.md, "Offices".
#include <fmt/format.h>

#include <algorithm>

#include "runtime/calendar/date_arithmetic.h"
#include "runtime/engine/simulation.h"
#include "runtime/interp/runtime_error.h"
#include "runtime/lottery/lottery.h"

namespace concord::engine {
namespace {

template <typename... Args>
std::string Message(diag::Code code, const Args&... args) {
  return fmt::format(fmt::runtime(diag::Info(code).message_template), args...);
}

// A rotation office is one rotating role per seat; more seats than this are
// not played (docs/reference-runtime.md, "Offices").
constexpr int64_t kMaxRotationSeats = 1000;

const char* SelectionWords(OfficeSelection chosen) {
  switch (chosen) {
    case OfficeSelection::kLottery:
      return "filled by lottery";
    case OfficeSelection::kRotation:
      return "filled by rotation";
    case OfficeSelection::kNamed:
      return "held by a named member";
    default:
      return "elected";
  }
}

// The first day of term k of an office whose terms follow each other from
// `anchor`: anchor + k × term, from the anchor every time. None past 9999.
std::optional<Date> OfficeTermStart(Date anchor, const values::Duration& term, int64_t k) {
  if (k == 0) return anchor;
  values::Checked<values::Duration> length = term.Times(k);
  if (!length.ok()) return std::nullopt;
  return calendar::AddDuration(anchor, *length.value);
}

// The term containing `day` (day >= anchor), by doubling then bisecting.
int64_t OfficeTermOf(Date anchor, const values::Duration& term, Date day) {
  auto after_day = [&](int64_t k) {
    std::optional<Date> start = OfficeTermStart(anchor, term, k);
    return !start || *start > day;
  };
  int64_t lo = 0, hi = 1;
  while (!after_day(hi) && hi < (int64_t{1} << 40)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    int64_t mid = lo + (hi - lo) / 2;
    (after_day(mid) ? hi : lo) = mid;
  }
  return lo;
}

std::string Ordinal(int64_t n) {
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return fmt::format("{}{}", n, suffix);
}

}  // namespace

OfficeState* Simulation::FindOfficeState(const std::string& polity, const std::string& office) {
  auto p = offices_.find(polity);
  if (p == offices_.end()) return nullptr;
  auto o = p->second.find(office);
  return o == p->second.end() ? nullptr : &o->second;
}

void Simulation::SetUpOffices() {
  for (const std::string& name : polity_order_) {
    PolityState& p = polities_[name];
    if (p.participating) SetUpOfficesOf(p);
  }
}

void Simulation::SetUpOfficesOf(const PolityState& p) {
  const std::string& name = p.spec->name;
  for (const OfficeSpec& o : p.spec->offices) {
    OfficeState& state = offices_[name][o.name];
    state.spec = &o;
    state.polity = name;
    Declare("office", fmt::format("{}.{}", name, o.name));
    if (o.chosen != OfficeSelection::kNamed || !o.held_by) continue;
    if (IsMemberOf(*o.held_by, name)) {
      Cover("office", fmt::format("{}.{}", name, o.name));
      continue;
    }
    Violation(EntryKind::kInvalid, diag::Code::R057, o.name,
              Message(diag::Code::R057, *o.held_by, o.name, name, today_.ToString()), o.range);
  }
}

void Simulation::AddOfficeRotations(const CharterSpec& c, std::vector<Rotation>& out) {
  for (const OfficeSpec& o : c.offices) {
    if (o.chosen != OfficeSelection::kRotation || !o.rotation_every) continue;
    int64_t seats = std::min(o.seats, kMaxRotationSeats);
    for (int64_t seat = 1; seat <= seats; ++seat) {
      Rotation r;
      r.subject = o.name;
      r.title = o.seats == 1 ? fmt::format("holder of office {}", o.name)
                             : fmt::format("holder of seat {} of office {}", seat, o.name);
      r.domain = o.seats == 1 ? fmt::format("rotation/{}/office/{}", c.name, o.name)
                              : fmt::format("rotation/{}/office/{}/{}", c.name, o.name, seat);
      r.every = *o.rotation_every;
      r.anchor = c.adopted;
      r.range = o.range;
      r.office = o.name;
      out.push_back(std::move(r));
    }
  }
}

std::vector<std::string> Simulation::HoldersOf(const PolityState& p,
                                               const std::string& office) const {
  std::vector<std::string> out;
  if (!p.spec) return out;
  const OfficeSpec* spec = p.spec->FindOffice(office);
  if (!spec) return out;
  if (spec->chosen == OfficeSelection::kNamed) {
    if (spec->held_by && IsMemberOf(*spec->held_by, p.spec->name)) out.push_back(*spec->held_by);
    return out;
  }
  if (spec->chosen == OfficeSelection::kRotation) {
    for (const Rotation& r : p.rotations) {
      if (r.office == office && r.holder &&
          std::find(out.begin(), out.end(), *r.holder) == out.end()) {
        out.push_back(*r.holder);
      }
    }
    return out;
  }
  auto polity = offices_.find(p.spec->name);
  if (polity == offices_.end()) return out;
  auto state = polity->second.find(office);
  if (state == polity->second.end()) return out;
  for (const SeatState& s : state->second.seats) out.push_back(s.holder);
  return out;
}

void Simulation::StartOfficeTerms() {
  for (auto& [polity, offices] : offices_) {
    const CharterSpec& c = *polities_[polity].spec;
    for (auto& [name, o] : offices) {
      if (o.term_ends && *o.term_ends == today_) {
        std::vector<std::string> leaving;
        for (const SeatState& s : o.seats) {
          leaving.push_back(s.holder);
          o.records[s.holder].ended = today_;
        }
        o.seats.clear();
        o.term_ends.reset();
        if (!leaving.empty()) {
          Add(EntryKind::kStatus, name,
              fmt::format("the term of {} in {} ends: {} leave{} the seat{}", name, polity,
                          fmt::join(leaving, ", "), leaving.size() == 1 ? "s" : "",
                          leaving.size() == 1 ? "" : "s"),
              o.spec->range);
        }
      }
      if (o.spec->chosen != OfficeSelection::kLottery || today_ < c.adopted) continue;
      int64_t k = o.spec->term ? OfficeTermOf(c.adopted, *o.spec->term, today_) : 0;
      if (o.drawn_term == k) continue;
      o.drawn_term = k;
      Date began =
          o.spec->term ? OfficeTermStart(c.adopted, *o.spec->term, k).value_or(today_) : c.adopted;
      DrawOffice(o, k, began);
    }
  }
}

void Simulation::DrawOffice(OfficeState& o, int64_t term, Date began) {
  const OfficeSpec& spec = *o.spec;
  // Those the limit would refuse a further term in a row are not in the
  // pool: their last term ended today (or they hold a seat still).
  std::vector<std::string> pool;
  std::vector<std::string> rested;
  for (const std::string& m : polities_[o.polity].members) {
    auto record = o.records.find(m);
    bool in_a_row = record != o.records.end() && record->second.ended == today_;
    if (spec.limit && in_a_row && record->second.in_a_row >= *spec.limit) {
      rested.push_back(m);
      continue;
    }
    pool.push_back(m);
  }
  std::sort(pool.begin(), pool.end());
  std::string domain = fmt::format("office/{}/{}/{}", o.polity, spec.name, term);
  size_t k = std::min(pool.size(), static_cast<size_t>(std::max<int64_t>(spec.seats, 0)));
  o.term_began = began;
  // Anchored at adoption like every schedule: term k + 1 starts on
  // adopted + (k + 1) × term, not on the previous start plus a term.
  o.term_ends = spec.term ? OfficeTermStart(polities_[o.polity].spec->adopted, *spec.term, term + 1)
                          : std::nullopt;
  std::string until =
      o.term_ends ? fmt::format(" until {}", o.term_ends->AddDays(-1).ToString()) : std::string();
  if (k == 0) {
    Add(EntryKind::kStatus, spec.name,
        fmt::format("{} of {} stays vacant{}: nobody can be drawn", spec.name, o.polity, until),
        spec.range);
    return;
  }
  if (!SpendOnLottery(pool.size(), domain, spec.range)) return;
  lottery::DrawResult drawn = lottery::DrawMembers(scenario_.seed, domain, pool, k);
  if (!drawn.ok()) {
    result_.internal_error = "SHA-256 is unavailable, so no office can be drawn";
    return;
  }
  for (const std::string& m : drawn.draw->members) {
    OfficeState::Record& r = o.records[m];
    r.in_a_row = r.ended == today_ ? r.in_a_row + 1 : 1;
    r.ended.reset();
    o.seats.push_back({m, today_});
  }
  Cover("office", fmt::format("{}.{}", o.polity, spec.name));
  Entry& entry = Add(EntryKind::kJury, spec.name,
                     fmt::format("{} of {} drawn by lottery{}: {}", spec.name, o.polity, until,
                                 fmt::join(drawn.draw->members, ", ")),
                     spec.range);
  if (k < static_cast<size_t>(spec.seats)) {
    entry.notes.push_back(fmt::format("{} of {} seat{} filled: only {} could be drawn", k,
                                      spec.seats, spec.seats == 1 ? "" : "s", pool.size()));
  }
  if (!rested.empty()) {
    entry.notes.push_back(fmt::format("not in the pool, at the limit of {} term{} in a row: {}",
                                      *spec.limit, *spec.limit == 1 ? "" : "s",
                                      fmt::join(rested, ", ")));
  }
  JuryDraw draw;
  draw.dispute = domain;
  draw.jurors = drawn.draw->members;
  draw.jury_verification = drawn.draw->verification;
  entry.jury = std::move(draw);
}

bool Simulation::ElectionAllowed(const EventSpec& e, const OfficeState& o) {
  const OfficeSpec& spec = *o.spec;
  auto refuse = [&](const std::string& why) {
    Invalid(e, diag::Code::R055, Message(diag::Code::R055, spec.name, why), e.subject.range)
        .labels.push_back({spec.range, "the office is defined here"});
    return false;
  };
  if (spec.chosen == OfficeSelection::kLottery || spec.chosen == OfficeSelection::kRotation ||
      spec.chosen == OfficeSelection::kNamed) {
    return refuse(fmt::format("the office is {}, never elected", SelectionWords(spec.chosen)));
  }
  if (static_cast<int64_t>(e.names.size()) > spec.seats) {
    return refuse(fmt::format("{} names for {} seat{}", e.names.size(), spec.seats,
                              spec.seats == 1 ? "" : "s"));
  }
  // A charter that writes an `election` rule decides each election: the
  // `elect` needs a passed `election of OFFICE` proposal not yet used.
  const PolityState& polity = polities_[o.polity];
  const bool election_rule =
      std::any_of(polity.spec->decisions.begin(), polity.spec->decisions.end(),
                  [](const DecisionSpec& d) { return d.matter == "election"; });
  if (election_rule && !ElectionApproved(o.polity, spec.name)) {
    return refuse(
        fmt::format("`{}` decides elections by its `election` rule, and no passed "
                    "`election of {}` proposal is waiting",
                    o.polity, spec.name));
  }
  if (spec.chosen == OfficeSelection::kAppointment && spec.appointed_by) {
    const PolityState& p = polities_[o.polity];
    if (HoldersOf(p, *spec.appointed_by).empty()) {
      return refuse(fmt::format("it is appointed by `{}`, which nobody holds on {}",
                                *spec.appointed_by, today_.ToString()));
    }
  }
  return true;
}

void Simulation::Elect(const EventSpec& e) {
  if (!e.target) return;
  const std::string& polity = e.target->text;
  if (!RequireAdopted(e, polity, e.target->range)) return;
  OfficeState* found = FindOfficeState(polity, e.subject.text);
  if (!found) {
    Invalid(e, diag::Code::R055,
            Message(diag::Code::R055, e.subject.text,
                    fmt::format("`{}` has no such office, or takes no part in the run", polity)),
            e.subject.range);
    return;
  }
  OfficeState& o = *found;
  const OfficeSpec& spec = *o.spec;
  if (!ElectionAllowed(e, o)) return;
  ConsumeElectionApproval(polity, spec.name);
  auto holds = [&](const std::string& m) {
    return std::any_of(o.seats.begin(), o.seats.end(),
                       [&](const SeatState& s) { return s.holder == m; });
  };
  std::vector<std::string> elected;
  std::vector<std::string> notes;
  std::map<std::string, int64_t> in_a_row;
  for (const Name& n : e.names) {
    if (!RequireMember(e, n, polity)) continue;
    if (std::find(elected.begin(), elected.end(), n.text) != elected.end()) {
      Invalid(e, diag::Code::R055,
              Message(diag::Code::R055, spec.name,
                      fmt::format("`{}` is named twice; one person holds one seat", n.text)),
              n.range);
      continue;
    }
    // A term is in a row with the previous one when the election is no
    // later than the day the previous term ended (or during it).
    auto record = o.records.find(n.text);
    bool continues = record != o.records.end() &&
                     (holds(n.text) || (record->second.ended && today_ <= *record->second.ended));
    int64_t term = continues ? record->second.in_a_row + 1 : 1;
    if (spec.limit && term > *spec.limit) {
      Entry& v = Invalid(e, diag::Code::R056,
                         Message(diag::Code::R056, n.text, spec.name, term, *spec.limit), n.range);
      v.labels.push_back({spec.range, "the limit is set here"});
      v.notes.push_back(fmt::format("`{}` is not seated; the others named are", n.text));
      continue;
    }
    elected.push_back(n.text);
    in_a_row[n.text] = term;
    if (term > 1) notes.push_back(fmt::format("{}'s {} term in a row", n.text, Ordinal(term)));
  }
  if (elected.empty()) return;
  // The election fills the office anew: holders not named leave today.
  std::vector<std::string> outgoing;
  for (const SeatState& s : o.seats) {
    if (std::find(elected.begin(), elected.end(), s.holder) == elected.end()) {
      outgoing.push_back(s.holder);
      o.records[s.holder].ended = today_;
    }
  }
  o.seats.clear();
  for (const std::string& m : elected) {
    OfficeState::Record& r = o.records[m];
    r.in_a_row = in_a_row[m];
    r.ended.reset();
    o.seats.push_back({m, today_});
  }
  o.term_began = today_;
  o.term_ends = spec.term ? calendar::AddDuration(today_, *spec.term) : std::nullopt;
  Cover("office", fmt::format("{}.{}", polity, spec.name));
  std::string until =
      o.term_ends ? fmt::format(" until {}", o.term_ends->AddDays(-1).ToString()) : std::string();
  Entry& entry =
      Add(EntryKind::kEvent, polity,
          fmt::format("{} {} to {} in {}{}", fmt::join(elected, ", "),
                      spec.chosen == OfficeSelection::kAppointment ? "appointed" : "elected",
                      spec.name, polity, until),
          e.range);
  if (!notes.empty()) entry.notes.push_back(fmt::format("{}", fmt::join(notes, "; ")));
  if (!outgoing.empty()) {
    entry.notes.push_back(fmt::format("leaving the office: {}", fmt::join(outgoing, ", ")));
  }
}

void Simulation::VacateSeats(const std::string& polity, const std::string& member,
                             const std::string& why, SourceRange range) {
  auto p = offices_.find(polity);
  if (p == offices_.end()) return;
  for (auto& [name, o] : p->second) {
    auto seat = std::find_if(o.seats.begin(), o.seats.end(),
                             [&](const SeatState& s) { return s.holder == member; });
    if (seat == o.seats.end()) continue;
    o.seats.erase(seat);
    o.records[member].ended = today_;
    Add(EntryKind::kStatus, name, fmt::format("{} loses their seat in {} ({})", member, name, why),
        range.file == diag::kNoFile ? o.spec->range : range);
  }
}

}  // namespace concord::engine
