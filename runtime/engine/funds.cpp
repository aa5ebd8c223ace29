// Money: contributions to a charter's ledgers and to treaty funds, checked
// against who may pay in (R032) and the fund's cap per period (R011), and
// ledger reports, which discharge the report obligation of their period.
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

// The contribution period [first, last] of a fund containing `day`, counted
// from the treaty's effective date.
std::pair<Date, Date> Window(Date anchor, calendar::Period per, Date day) {
  Date first = anchor;
  for (int64_t k = 1;; ++k) {
    std::optional<Date> close = calendar::CycleDate(anchor, per, k);
    if (!close) return {first, day};
    if (*close >= day) return {first, *close};
    first = close->AddDays(1);
  }
}

}  // namespace

void Simulation::Contribute(const EventSpec& e) {
  if (!RequireKnownMember(e, e.subject)) return;
  const std::string& member = e.subject.text;
  const std::string& account = e.target->text;
  const std::string& owner = e.account_owner;
  values::Money amount = *e.amount;
  std::vector<std::string> owners;
  const TreatySpec* treaty = nullptr;
  const FundSpec* fund = nullptr;
  if (!e.account_is_fund) {
    if (!IsMemberOf(member, owner)) {
      Invalid(
          e, diag::Code::R032,
          Message(diag::Code::R032, member, account,
                  fmt::format("the ledger belongs to `{}`, and `{}` is not a member of it on {}",
                              owner, member, today_.ToString())),
          e.target->range);
      return;
    }
    owners.push_back(owner);
  } else {
    TreatyState& t = treaties_[owner];
    treaty = t.spec;
    for (const FundSpec& f : treaty->funds) {
      if (f.name == account) fund = &f;
    }
    if (t.status != TreatyStatus::kActive) {
      Invalid(e, diag::Code::R032,
              Message(diag::Code::R032, member, account,
                      fmt::format("the fund belongs to `{}`, which is {} on {}", owner,
                                  TreatyStatusName(t.status), today_.ToString())),
              e.target->range);
      return;
    }
    std::vector<std::string> mine = PolitiesOf(member);
    std::vector<std::string> via;
    for (const std::string& p : mine) {
      if (std::find(t.parties.begin(), t.parties.end(), p) != t.parties.end()) via.push_back(p);
    }
    if (via.empty()) {
      Invalid(e, diag::Code::R032,
              Message(diag::Code::R032, member, account,
                      fmt::format("the fund belongs to `{}`, and none of {}'s charters ({}) is a "
                                  "party of it on {}",
                                  owner, member, fmt::join(mine, ", "), today_.ToString())),
              e.target->range);
      return;
    }
    owners.push_back(owner);
    for (const std::string& p : via) owners.push_back(p);
    Cover("treaty clause", fmt::format("{} fund {}", owner, account));
  }

  auto record = NewRecord("contribution");
  record->Put("amount", values::Value::MakeMoney(amount));
  record->Put("member", MemberValue(member));
  record->Put("fund", values::Value::MakeText(account));
  record->Put("date", values::Value::MakeDate(today_));
  // Rules run before the payment is booked, so a `reject` can refuse it.
  Entry& entry =
      Add(EntryKind::kEvent, account,
          fmt::format("{} contributes {} to {}", member, amount.ToString(), account), e.range);
  size_t entry_index = result_.timeline.size() - 1;
  (void)entry;
  if (!RunRules(e, values::Value::MakeRecord(record), owners)) {
    result_.timeline[entry_index].notes.push_back("refused by a rule: not booked");
    return;
  }
  contributions_.push_back({member, account, owner, amount, today_});
  contributions_by_account_[account].push_back(contributions_.size() - 1);
  auto& balances = e.account_is_fund ? treaties_[owner].balances : polities_[owner].balances;
  auto [it, fresh] = balances.try_emplace(account, amount);
  if (!fresh) {
    values::MoneyResult<values::Money> sum = it->second.Plus(amount);
    if (sum.ok()) {
      it->second = *sum.value;
    } else {
      Violation(EntryKind::kError, diag::Code::R023, account,
                Message(diag::Code::R023, it->second.currency.code(), amount.currency.code()),
                e.range);
      return;
    }
  }
  std::string& text = result_.timeline[entry_index].text;
  text += fmt::format(" (balance {})", it->second.ToString());

  if (!e.account_is_fund) {
    for (const LedgerSpec& l : polities_[owner].spec->ledgers) {
      if (l.name != account || !l.cap) continue;
      std::optional<std::strong_ordering> cmp = it->second.CompareTo(*l.cap);
      if (cmp && *cmp == std::strong_ordering::greater) {
        result_.timeline[entry_index].notes.push_back(
            fmt::format("the balance is above the ledger's cap of {}", l.cap->ToString()));
      }
    }
    return;
  }
  if (!fund || !fund->cap) return;
  Date first = today_, last = today_;
  if (fund->per) std::tie(first, last) = Window(treaty->effective, *fund->per, today_);
  values::Money paid{values::Decimal{}, amount.currency};
  for (size_t i : contributions_by_account_[account]) {
    const ContributionState& c = contributions_[i];
    if (c.member != member || c.account != account || c.owner != owner) continue;
    if (c.date < first || c.date > last) continue;
    if (auto s = paid.Plus(c.amount); s.ok()) paid = *s.value;
  }
  std::optional<std::strong_ordering> cmp = paid.CompareTo(*fund->cap);
  if (cmp && *cmp == std::strong_ordering::greater) {
    Entry& v = Violation(EntryKind::kMissed, diag::Code::R011, account,
                         Message(diag::Code::R011, member, paid.ToString(), account,
                                 first.ToString(), last.ToString(), fund->cap->ToString()),
                         e.range);
    v.labels.push_back({fund->range, "the cap is set here"});
  }
}

void Simulation::ReportLedger(const EventSpec& e) {
  const std::string& account = e.subject.text;
  const std::string& owner = e.account_owner;
  if (!e.account_is_fund) {
    PolityState& p = polities_[owner];
    auto it = p.reports.find(account);
    if (it != p.reports.end() && it->second.active) ++it->second.current.held;
  } else if (treaties_[owner].status != TreatyStatus::kActive) {
    Invalid(e, diag::Code::R030,
            Message(diag::Code::R030, "report",
                    fmt::format("fund `{}` belongs to `{}`, which is {} on {}", account, owner,
                                TreatyStatusName(treaties_[owner].status), today_.ToString())),
            e.subject.range);
    return;
  }
  auto& balances = e.account_is_fund ? treaties_[owner].balances : polities_[owner].balances;
  auto bal = balances.find(account);
  Add(EntryKind::kEvent, account,
      fmt::format(
          "report of {} published (balance {})", account,
          bal == balances.end() ? std::string("nothing paid in yet") : bal->second.ToString()),
      e.range);
  auto record = NewRecord("report");
  record->Put("ledger", values::Value::MakeText(account));
  record->Put("date", values::Value::MakeDate(today_));
  RunRules(e, values::Value::MakeRecord(record), {owner});
}

}  // namespace concord::engine
