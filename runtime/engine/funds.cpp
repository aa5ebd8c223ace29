// Money: contributions to a charter's ledgers and to treaty funds, checked
// against who may pay in (R032), the account's one currency (R023, refused)
// and the fund's cap per period (R011); at the close of a fund's period,
// what each member owes under its formula (R012); and ledger reports, which
// discharge the report obligation of their period.
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

// The one currency an account holds, and where it comes from: a ledger's
// `currency` clause, the cap (or a fund's floor), else its first payment.
struct AccountCurrency {
  values::Currency currency;
  const char* why;
};

std::optional<AccountCurrency> CurrencyOf(const std::optional<values::Currency>& declared,
                                          const std::optional<values::Money>& cap,
                                          const std::optional<values::Money>& floor,
                                          const values::Money* balance) {
  if (declared) return AccountCurrency{*declared, "its `currency` clause"};
  if (cap) return AccountCurrency{cap->currency, "its cap"};
  if (floor) return AccountCurrency{floor->currency, "its floor"};
  if (balance) return AccountCurrency{balance->currency, "its first payment"};
  return std::nullopt;
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
    if (!RequireAdopted(e, owner, e.target->range)) return;
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

  // An account holds one currency: a payment in another is refused before
  // anything sees it (rules, balances, contributions(...)), as is one that
  // would overflow the balance.
  auto& balances = e.account_is_fund ? treaties_[owner].balances : polities_[owner].balances;
  auto held = balances.find(account);
  const values::Money* balance_so_far = held == balances.end() ? nullptr : &held->second;
  const LedgerSpec* ledger =
      e.account_is_fund ? nullptr : polities_[owner].spec->FindLedger(account);
  std::optional<AccountCurrency> currency =
      fund     ? CurrencyOf(std::nullopt, fund->cap, fund->floor, balance_so_far)
      : ledger ? CurrencyOf(ledger->currency, ledger->cap, std::nullopt, balance_so_far)
               : CurrencyOf(std::nullopt, std::nullopt, std::nullopt, balance_so_far);
  if (currency && !(currency->currency == amount.currency)) {
    std::string wanted(currency->currency.code());
    Invalid(e, diag::Code::R023, Message(diag::Code::R023, amount.currency.code(), wanted))
        .notes.push_back(
            fmt::format("`{}` holds {} ({}); Concord never converts between currencies, so the "
                        "payment is refused and not booked",
                        account, wanted, currency->why));
    return;
  }
  values::Money balance = amount;
  if (held != balances.end()) {
    values::MoneyResult<values::Money> sum = held->second.Plus(amount);
    if (!sum.ok()) {
      Invalid(e, diag::Code::R020,
              Message(diag::Code::R020, fmt::format("the balance of `{}` ({}) plus {}", account,
                                                    held->second.ToString(), amount.ToString())))
          .notes.push_back("the payment is refused and not booked");
      return;
    }
    balance = *sum.value;
  }

  auto record = NewRecord("contribution");
  record->Put("amount", values::Value::MakeMoney(amount));
  record->Put("member", MemberValue(member));
  record->Put("fund", values::Value::MakeText(account));
  record->Put("date", values::Value::MakeDate(today_));
  // Rules run before the payment is booked, so a `reject` can refuse it.
  size_t entry_index = result_.timeline.size();
  Add(EntryKind::kEvent, account,
      fmt::format("{} contributes {} to {}", member, amount.ToString(), account), e.range);
  // Past the timeline's limit (R035) the entry is not kept: what is said
  // about it below goes to the scratch entry, not to the last kept one.
  bool kept = result_.timeline.size() > entry_index;
  auto entry = [&]() -> Entry& { return kept ? result_.timeline[entry_index] : dropped_entry_; };
  if (!RunRules(e, values::Value::MakeRecord(record), owners)) {
    entry().notes.push_back("refused by a rule: not booked");
    return;
  }
  contributions_.push_back({member, account, owner, amount, today_});
  contributions_by_account_[account].push_back(contributions_.size() - 1);
  auto it = balances.insert_or_assign(account, balance).first;
  entry().text += fmt::format(" (balance {})", it->second.ToString());

  if (!e.account_is_fund) {
    if (ledger && ledger->cap &&
        it->second.CompareTo(*ledger->cap) == std::strong_ordering::greater) {
      entry().notes.push_back(
          fmt::format("the balance is above the ledger's cap of {}", ledger->cap->ToString()));
    }
    return;
  }
  if (!fund || !fund->cap) return;
  Date first = today_, last = today_;
  if (fund->per) std::tie(first, last) = Window(treaty->effective, *fund->per, today_);
  values::Money paid{values::Decimal{}, amount.currency};
  for (size_t i : ContributionsSince(account, first)) {
    const ContributionState& c = contributions_[i];
    if (c.date > last || c.member != member || c.account != account || c.owner != owner) continue;
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

std::span<const size_t> Simulation::ContributionsSince(const std::string& account, Date first) {
  // operator[]: an account asked about exists from then on, as before
  // (`contributions(account)` tells an unknown account from an empty one).
  const std::vector<size_t>& booked = contributions_by_account_[account];
  auto from = std::partition_point(booked.begin(), booked.end(),
                                   [&](size_t i) { return contributions_[i].date < first; });
  return {from, booked.end()};
}

void Simulation::ReportLedger(const EventSpec& e) {
  const std::string& account = e.subject.text;
  const std::string& owner = e.account_owner;
  if (!e.account_is_fund) {
    if (!RequireAdopted(e, owner, e.subject.range)) return;
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

std::optional<Simulation::Due> Simulation::Owed(const FundSpec& f, const values::Value& income) {
  std::optional<values::Value> formula = Eval(f.contribution, {&income, 1}, f.range);
  if (!formula || !formula->AsMoney()) return std::nullopt;
  values::Money owed = *formula->AsMoney();
  std::string how =
      fmt::format("the formula gives {} for an income of {}", owed.ToString(), income.ToString());
  // min(max(formula, floor), cap), as concord compat reads it too.
  auto bound = [&](const std::optional<values::Money>& limit, std::strong_ordering past) {
    if (!limit) return true;
    std::optional<std::strong_ordering> cmp = owed.CompareTo(*limit);
    if (!cmp) {
      Entry& e = Violation(EntryKind::kError, diag::Code::R023, f.name,
                           Message(diag::Code::R023, owed.currency.code(), limit->currency.code()),
                           f.range);
      e.notes.push_back(
          fmt::format("the contribution formula gives {} for an income of {}, and "
                      "the fund's {} is {}",
                      owed.ToString(), income.ToString(),
                      past == std::strong_ordering::less ? "floor" : "cap", limit->ToString()));
      return false;
    }
    if (*cmp == past) {
      owed = *limit;
      how += fmt::format(
          ", {} {}",
          past == std::strong_ordering::less ? "raised to the floor of" : "lowered to the cap of",
          limit->ToString());
    }
    return true;
  };
  if (!bound(f.floor, std::strong_ordering::less)) return std::nullopt;
  if (!bound(f.cap, std::strong_ordering::greater)) return std::nullopt;
  return Due{owed, std::move(how)};
}

void Simulation::CloseFundPeriods(TreatyState& t) {
  for (const FundSpec& f : t.spec->funds) {
    auto schedule = t.dues.find(f.name);
    if (schedule == t.dues.end()) continue;
    std::optional<Period> period = CloseCycle(schedule->second);
    if (!period || !period->observed) continue;
    // Only a period the treaty was active for from its first day is judged.
    if (t.status != TreatyStatus::kActive || t.since > period->cycle.first_day) continue;
    Cover("obligation", fmt::format("contributions to {}.{}", t.spec->name, f.name));
    Date first = period->cycle.first_day;
    Date last = period->cycle.last_day;
    std::map<std::string, values::Money> paid;  // booked payments share the fund's currency
    for (size_t i : ContributionsSince(f.name, first)) {
      const ContributionState& c = contributions_[i];
      if (c.owner != t.spec->name || c.date > last) continue;
      auto [it, fresh] = paid.try_emplace(c.member, c.amount);
      if (!fresh) {
        if (auto sum = it->second.Plus(c.amount); sum.ok()) it->second = *sum.value;
      }
    }
    size_t judged = 0;
    size_t short_of_it = 0;
    std::set<std::string> seen;  // a member of two parties owes once
    for (const std::string& party : t.parties) {
      const PolityState& p = polities_[party];
      for (const std::string& member : p.members) {
        // Members for the whole period, with an income to apply the formula to.
        if (p.joined.at(member) > first || !seen.insert(member).second) continue;
        const values::Value* income = nullptr;
        for (const Attribute& a : members_.at(member).attributes) {
          if (a.name == "income" && a.value.AsMoney()) income = &a.value;
        }
        if (!income) continue;
        std::optional<Due> due = Owed(f, *income);
        if (!due) continue;
        const values::Money* owed = &due->owed;
        ++judged;
        auto given = paid.find(member);
        values::Money sum =
            given == paid.end() ? values::Money{values::Decimal{}, owed->currency} : given->second;
        std::optional<std::strong_ordering> cmp = sum.CompareTo(*owed);
        if (cmp && *cmp != std::strong_ordering::less) continue;
        ++short_of_it;
        Entry& v = Violation(EntryKind::kMissed, diag::Code::R012, member,
                             Message(diag::Code::R012, member, sum.ToString(), f.name,
                                     first.ToString(), last.ToString(), owed->ToString()),
                             f.range);
        v.notes.push_back(due->how);
        if (!cmp) {
          v.notes.push_back("the payments and what is owed are in different currencies");
        }
      }
    }
    if (judged > 0 && short_of_it == 0) {
      Add(EntryKind::kMet, f.name,
          fmt::format("every member paid what fund {} of {} asks for {} to {}", f.name,
                      t.spec->name, first.ToString(), last.ToString()),
          f.range);
    }
  }
}

}  // namespace concord::engine
