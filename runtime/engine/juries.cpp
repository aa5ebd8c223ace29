// Juries by verifiable lottery (runtime/lottery): the jurors come from the
// members of the dispute's charter, the two sides excluded; for a serious
// dispute (or always, without `when`) external delegates come from the
// members of its allies, the charters that share an active treaty with it.
// Too small a pool of jurors is R006 and the dispute keeps no jury; too
// small a pool of delegates is R006 too, but the jurors drawn are seated:
// a serious dispute without an ally is still judged by its own members.
#include <fmt/format.h>

#include <algorithm>

#include "runtime/engine/simulation.h"
#include "runtime/interp/runtime_error.h"

namespace concord::engine {

std::vector<std::string> Simulation::Allies(const std::string& polity) const {
  std::vector<std::string> allies;
  for (const std::string& name : treaty_order_) {
    const TreatyState& t = treaties_.at(name);
    if (t.status != TreatyStatus::kActive) continue;
    if (std::find(t.parties.begin(), t.parties.end(), polity) == t.parties.end()) continue;
    for (const std::string& p : t.parties) {
      if (p != polity && std::find(allies.begin(), allies.end(), p) == allies.end()) {
        allies.push_back(p);
      }
    }
  }
  return allies;
}

bool Simulation::SpendOnLottery(size_t pool_size, const std::string& dispute, SourceRange where) {
  if (lottery_exhausted_) return false;
  if (lottery_names_ + pool_size <= kMaxLotteryNames) {
    lottery_names_ += pool_size;
    return true;
  }
  lottery_exhausted_ = true;
  Violation(EntryKind::kError, diag::Code::R036, dispute,
            fmt::format(fmt::runtime(diag::Info(diag::Code::R036).message_template), dispute,
                        lottery_names_ + pool_size, kMaxLotteryNames, today_.ToString()),
            where);
  return false;
}

std::optional<lottery::Draw> Simulation::DrawFromPool(const std::string& subject,
                                                      const std::string& domain,
                                                      std::vector<std::string> pool, size_t k,
                                                      const char* what, const std::string& whose,
                                                      SourceRange at, SourceRange defined,
                                                      bool* too_small) {
  if (!SpendOnLottery(pool.size(), subject, at)) return std::nullopt;
  lottery::DrawResult drawn = lottery::DrawMembers(scenario_.seed, domain, std::move(pool), k);
  if (drawn.ok()) return std::move(drawn.draw);
  if (drawn.error != lottery::DrawError::kPoolTooSmall) {
    result_.internal_error = "SHA-256 is unavailable, so no jury can be drawn";
    return std::nullopt;
  }
  Entry& v = Violation(EntryKind::kMissed, diag::Code::R006, subject,
                       fmt::format(fmt::runtime(diag::Info(diag::Code::R006).message_template),
                                   what, whose, drawn.eligible, drawn.wanted),
                       at);
  v.labels.push_back({defined, "the jury is defined here"});
  if (too_small) *too_small = true;
  return std::nullopt;
}

void Simulation::DrawJury(DisputeState& d, const EventSpec& e) {
  const CharterSpec& c = *polities_[d.polity].spec;
  if (c.jury_size <= 0) return;
  Cover("obligation", "jury of " + d.polity);
  if (!c.jury_lottery) {
    Add(EntryKind::kJury, d.id,
        fmt::format("the jury of {} is not drawn by lottery in {}; it is chosen outside the "
                    "runtime",
                    d.id, d.polity),
        c.jury_range);
    return;
  }
  auto is_side = [&](const std::string& n) {
    return std::find(d.sides.begin(), d.sides.end(), n) != d.sides.end();
  };
  std::vector<std::string> pool;
  for (const std::string& m : polities_[d.polity].members) {
    if (!is_side(m)) pool.push_back(m);
  }
  // The jury's domain is the dispute id itself, the delegates' the id
  // followed by lottery::kExternalSuffix (lottery::DrawJury and
  // lottery::DrawExternalDelegates).
  const std::string whose = fmt::format("dispute `{}`", d.id);
  std::optional<lottery::Draw> jurors =
      DrawFromPool(d.id, d.id, std::move(pool), static_cast<size_t>(c.jury_size), "the jury", whose,
                   e.range, c.jury_range);
  if (!jurors) return;
  JuryDraw draw;
  draw.dispute = d.id;
  draw.jurors = jurors->members;
  draw.jury_verification = jurors->verification;
  bool external = c.jury_external > 0 && (!c.external_only_serious || d.serious);
  if (external) {
    std::vector<std::string> allied;
    std::vector<std::string> allies = Allies(d.polity);
    for (const std::string& a : allies) {
      for (const std::string& m : polities_[a].members) {
        if (!is_side(m) && !IsMemberOf(m, d.polity)) allied.push_back(m);
      }
    }
    bool too_small = false;
    size_t entries_before = result_.timeline.size();
    std::optional<lottery::Draw> delegates =
        DrawFromPool(d.id, d.id + std::string(lottery::kExternalSuffix), std::move(allied),
                     static_cast<size_t>(c.jury_external), "external delegates", whose, e.range,
                     c.jury_range, &too_small);
    if (!delegates) {
      if (!too_small) return;
      // The R006 entry the draw added, or the scratch entry when the
      // timeline is full (R035): never the last entry kept before it.
      Entry& missed =
          result_.timeline.size() > entries_before ? result_.timeline.back() : dropped_entry_;
      if (allies.empty()) {
        missed.notes.push_back(fmt::format("`{}` has no ally through an active treaty on {}",
                                           d.polity, today_.ToString()));
      }
      missed.notes.push_back("the jurors drawn from its own members are seated without them");
    } else {
      draw.delegates = delegates->members;
      draw.delegate_verification = delegates->verification;
    }
  }
  d.jury = draw.jurors;
  for (const std::string& m : draw.delegates) d.jury.push_back(m);
  std::string text = fmt::format("jury for {}: {}", d.id, fmt::join(draw.jurors, ", "));
  if (!draw.delegates.empty()) {
    text += fmt::format("; external delegate{}: {}", draw.delegates.size() == 1 ? "" : "s",
                        fmt::join(draw.delegates, ", "));
  }
  Entry& entry = Add(EntryKind::kJury, d.id, text, c.jury_range);
  entry.jury = std::move(draw);
}

}  // namespace concord::engine
