// Dues (POWER.md §3): `dues X per PERIOD to LEDGER` asks every member whose
// class votes to pay X into the ledger in each period, the periods anchored
// at the charter's adoption like every other schedule; at a period's close a
// member who paid less and had no waiver in force is R061. `waive dues for
// NAME until DATE` grants a waiver, decided as the charter's `default`
// matter. docs/reference-runtime.md, "Dues".
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

void Simulation::SetUpDues(PolityState& p) {
  const CharterSpec& c = *p.spec;
  if (!c.dues) return;
  InitSchedule(dues_[c.name], c.dues->per, c.adopted);
  Declare("obligation", fmt::format("dues of {}", c.name));
}

void Simulation::OpenDues() {
  for (auto& [polity, schedule] : dues_) OpenCycles(schedule, 0);
}

void Simulation::CloseDues(PolityState& p) {
  auto schedule = dues_.find(p.spec->name);
  if (schedule == dues_.end()) return;
  std::optional<Period> period = CloseCycle(schedule->second);
  if (!period || !period->observed) return;
  const DuesSpec& dues = *p.spec->dues;
  const std::string& polity = p.spec->name;
  Cover("obligation", "dues of " + polity);
  Date first = period->cycle.first_day;
  Date last = period->cycle.last_day;
  std::map<std::string, values::Money> paid;
  for (size_t i : ContributionsSince(dues.ledger, first)) {
    const ContributionState& c = contributions_[i];
    if (c.owner != polity || c.date > last) continue;
    auto [it, fresh] = paid.try_emplace(c.member, c.amount);
    if (!fresh) {
      if (auto sum = it->second.Plus(c.amount); sum.ok()) it->second = *sum.value;
    }
  }
  size_t judged = 0;
  size_t short_of_it = 0;
  std::vector<UnpaidDues>& unpaid = unpaid_dues_[polity];
  unpaid.clear();
  std::vector<std::string> waived;
  for (const std::string& member : p.members) {
    // Members for the whole period whose class votes owe its dues.
    if (p.joined.at(member) > first || !ClassVotes(member, p)) continue;
    bool waiver = std::any_of(waivers_.begin(), waivers_.end(), [&](const WaiverState& w) {
      return w.member == member && w.polity == polity && w.granted <= today_ && today_ <= w.until;
    });
    if (waiver) {
      waived.push_back(member);
      continue;
    }
    ++judged;
    auto given = paid.find(member);
    values::Money sum = given == paid.end() ? values::Money{values::Decimal{}, dues.amount.currency}
                                            : given->second;
    std::optional<std::strong_ordering> cmp = sum.CompareTo(dues.amount);
    if (cmp && *cmp != std::strong_ordering::less) continue;
    ++short_of_it;
    unpaid.push_back(
        {member, polity, dues.ledger, dues.amount.ToString(), sum.ToString(), first, last});
    Entry& v = Violation(EntryKind::kMissed, diag::Code::R061, member,
                         Message(diag::Code::R061, member, sum.ToString(), dues.ledger,
                                 first.ToString(), last.ToString(), dues.amount.ToString()),
                         dues.range);
    if (!cmp) v.notes.push_back("the payments and the dues are in different currencies");
  }
  if (short_of_it == 0 && (judged > 0 || !waived.empty())) {
    Entry& met = Add(EntryKind::kMet, dues.ledger,
                     fmt::format("every member owing dues to {} paid {} for {} to {}", dues.ledger,
                                 dues.amount.ToString(), first.ToString(), last.ToString()),
                     dues.range);
    if (!waived.empty()) met.notes.push_back(fmt::format("waived: {}", fmt::join(waived, ", ")));
  }
}

void Simulation::Waive(const EventSpec& e) {
  if (!e.target || !e.until_date) return;
  const std::string& polity = e.target->text;
  const std::string& member = e.subject.text;
  if (!RequireAdopted(e, polity, e.target->range)) return;
  const PolityState& p = polities_[polity];
  auto refuse = [&](const std::string& why, SourceRange where) -> Entry& {
    return Invalid(e, diag::Code::R062, Message(diag::Code::R062, member, polity, why), where);
  };
  if (!p.spec->dues) {
    refuse(fmt::format("`{}` asks no dues", polity), e.target->range);
    return;
  }
  if (!RequireMember(e, e.subject, polity)) return;
  if (*e.until_date < today_) {
    refuse(fmt::format("the waiver would end on {}, before it is granted on {}",
                       e.until_date->ToString(), today_.ToString()),
           e.range);
    return;
  }
  // A waiver is a `default` matter. When an office decides by default, the
  // waiver is that office's decision and needs someone holding it; any
  // other rule is a vote the event does not carry, so it is recorded.
  std::string decided = "recorded without a decision check";
  if (const DecisionSpec* rule = p.spec->RuleFor("default");
      rule && rule->method == DecisionMethod::kOffice && rule->office) {
    std::vector<std::string> holders = HoldersOf(p, *rule->office);
    if (holders.empty()) {
      refuse(fmt::format("it is decided by office `{}`, which nobody holds on {}", *rule->office,
                         today_.ToString()),
             e.range)
          .labels.push_back({rule->range, "the default rule is here"});
      return;
    }
    decided = fmt::format("decided by office {} ({})", *rule->office, fmt::join(holders, ", "));
  }
  waivers_.push_back({member, polity, today_, *e.until_date});
  Add(EntryKind::kEvent, polity,
      fmt::format("the dues of {} in {} are waived until {} ({})", member, polity,
                  e.until_date->ToString(), decided),
      e.range);
}

}  // namespace concord::engine
