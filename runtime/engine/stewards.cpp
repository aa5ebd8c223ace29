// Rotating roles: ledger stewards and stress-game designers among a
// charter's members, fund stewards among a treaty's parties. The rule of
// rotation.h decides who; this file decides when: at the start of every
// term (anchored at `adopted` or `effective`), whenever the role is vacant
// and someone could take it, and on the day a holder leaves.
#include <fmt/format.h>

#include <algorithm>

#include "runtime/engine/simulation.h"
#include "runtime/lottery/lottery.h"

namespace concord::engine {
namespace {

// TermOf and TermStart of `r` on `today` (none before its anchor), found
// once a term: term starts grow with k, so a day in [from, to) is in term k.
std::optional<std::pair<int64_t, Date>> CurrentTerm(Rotation& r, Date today) {
  if (const std::optional<Rotation::KnownTerm>& t = r.known_term;
      t && t->anchor == r.anchor && t->every.count == r.every.count &&
      t->every.unit == r.every.unit && t->from <= today && (!t->to || today < *t->to)) {
    return std::pair{t->k, t->from};
  }
  std::optional<int64_t> k = TermOf(r.anchor, r.every, today);
  if (!k) return std::nullopt;
  std::optional<Date> from = TermStart(r.anchor, r.every, *k);
  if (!from) return std::nullopt;  // TermOf only returns terms that start
  r.known_term =
      Rotation::KnownTerm{r.anchor, r.every, *k, *from, TermStart(r.anchor, r.every, *k + 1)};
  return std::pair{*k, *from};
}

}  // namespace

void Simulation::SetUpRotations() {
  for (const std::string& name : polity_order_) {
    PolityState& p = polities_[name];
    if (!p.participating) continue;
    p.rotations = CharterRotations(*p.spec);
    for (Rotation& r : p.rotations) StartRotation(r, p.members, "starting members");
  }
  for (const std::string& name : treaty_order_) {
    TreatyState& t = treaties_[name];
    t.rotations = TreatyRotations(*t.spec);
  }
}

std::vector<Rotation> Simulation::CharterRotations(const CharterSpec& c) {
  std::vector<Rotation> out;
  auto add = [&](std::string subject, std::string title, std::string role, calendar::Period every,
                 SourceRange range) {
    Rotation r;
    r.subject = std::move(subject);
    r.title = std::move(title);
    r.domain = fmt::format("rotation/{}/{}", c.name, role);
    r.every = every;
    r.anchor = c.adopted;
    r.range = range;
    out.push_back(std::move(r));
  };
  for (const LedgerSpec& l : c.ledgers) {
    if (!l.steward_every) continue;
    add(l.name, "steward of " + l.name, "steward/" + l.name, *l.steward_every, l.range);
    out.back().coverage = fmt::format("steward rotation of {}.{}", c.name, l.name);
  }
  if (c.stress_every && c.stress_designer_rotates) {
    add("stress_game", "designer of stress_game", "designer", *c.stress_every, c.stress_range);
    out.back().is_designer = true;
  }
  AddOfficeRotations(c, out);
  return out;
}

std::vector<Rotation> Simulation::TreatyRotations(const TreatySpec& t) {
  std::vector<Rotation> out;
  for (const FundSpec& f : t.funds) {
    if (!f.steward_every) continue;
    Rotation r;
    r.subject = f.name;
    r.title = fmt::format("steward of fund {} of {}", f.name, t.name);
    r.domain = fmt::format("rotation/{}/steward/{}", t.name, f.name);
    r.every = *f.steward_every;
    r.anchor = t.effective;
    r.range = f.range;
    out.push_back(std::move(r));
  }
  return out;
}

// The starting candidates arrive together; the lottery (the jury draw's
// algorithm, docs/reference-lottery.md) orders them, so that nobody is first
// for having a name early in the alphabet or in the scenario.
void Simulation::StartRotation(Rotation& r, std::vector<std::string> pool,
                               const std::string& pool_words) {
  size_t n = pool.size();
  if (n < 2) {
    r.queue.Start(pool);
    return;
  }
  std::sort(pool.begin(), pool.end());
  if (!SpendOnLottery(n, r.domain, r.range)) {
    r.queue.Start(pool);  // the run stops before the next day is played
    return;
  }
  lottery::DrawResult drawn = lottery::DrawMembers(scenario_.seed, r.domain, pool, n);
  if (!drawn.ok()) {
    result_.internal_error = "SHA-256 is unavailable, so no rotation order can be drawn";
    r.queue.Start(pool);
    return;
  }
  r.queue.Start(drawn.draw->members);
  r.draw_note = fmt::format(
      "first turns among the {} {} in lottery order: seed \"{}\", domain {}, first SHA-256 {}", n,
      pool_words, scenario_.seed, r.domain, drawn.draw->verification.first_digest_hex);
}

Rotation* Simulation::Designer(PolityState& p) {
  for (Rotation& r : p.rotations) {
    if (r.is_designer) return &r;
  }
  return nullptr;
}

void Simulation::Rotate(std::vector<Rotation>& rotations, const std::string& owner,
                        bool start_of_day) {
  // First every role that changes hands today is vacated, then each is
  // given in declaration order: the outgoing holders of today's roles are
  // free again, and each pick sees the picks made before it.
  std::vector<std::pair<Rotation*, std::optional<std::string>>> due;  // role, who left it
  for (Rotation& r : rotations) {
    std::optional<std::pair<int64_t, Date>> term = CurrentTerm(r, today_);
    if (!term) continue;  // before `adopted` or `effective`: nobody holds it yet
    std::optional<Date> start = term->second;
    bool gone = r.holder && !r.queue.IsPresent(*r.holder);
    bool new_term = start == today_ && r.term_given != start;
    if (gone || (start_of_day && (new_term || !r.holder))) {
      if (start_of_day) r.term_given = start;
      // A holder whose term ends today anyway is not handing over; one who
      // leaves during the events is, even on the first day of their term.
      bool hand_over = gone && (!start_of_day || start != today_);
      due.emplace_back(&r, hand_over ? r.holder : std::nullopt);
      r.holder.reset();
    }
  }
  for (auto& [r, left] : due) {
    auto busy = [&](const std::string& who) {
      return std::any_of(rotations.begin(), rotations.end(),
                         [&](const Rotation& other) { return &other != r && other.holder == who; });
    };
    std::optional<int64_t> k = TermOf(r->anchor, r->every, today_);
    std::optional<Date> end = TermStart(r->anchor, r->every, *k + 1);
    std::string until = end ? fmt::format(" until {}", end->AddDays(-1).ToString()) : "";
    r->holder = r->queue.Pick(busy, today_);
    if (!r->holder) {
      if (left) {
        Add(EntryKind::kSteward, r->subject,
            fmt::format("{} is vacant: {} left {} and nobody is left to take it", r->title, *left,
                        owner),
            r->range);
      }
      continue;
    }
    if (!r->coverage.empty()) Cover("obligation", r->coverage);
    if (!r->office.empty()) Cover("office", fmt::format("{}.{}", owner, r->office));
    std::string text = left ? fmt::format("{} passes from {} (who left {} today) to {}{}", r->title,
                                          *left, owner, *r->holder, until)
                            : fmt::format("{} is {}{}", r->title, *r->holder, until);
    Entry& entry = Add(EntryKind::kSteward, r->subject, std::move(text), r->range);
    if (!r->draw_note.empty()) {
      entry.notes.push_back(std::move(r->draw_note));
      r->draw_note.clear();
    }
  }
}

void Simulation::AssignStewards() {
  for (const std::string& name : polity_order_) {
    PolityState& p = polities_[name];
    if (!p.participating || p.rotations.empty()) continue;
    Rotate(p.rotations, name, true);
  }
  AssignFundStewards();
}

void Simulation::AssignFundStewards() {
  for (const std::string& name : treaty_order_) {
    TreatyState& t = treaties_[name];
    if (t.status != TreatyStatus::kActive || t.rotations.empty()) continue;
    for (Rotation& r : t.rotations) {
      if (!r.queue.Started()) StartRotation(r, t.parties, "parties");
    }
    Rotate(t.rotations, name, true);
  }
}

}  // namespace concord::engine
