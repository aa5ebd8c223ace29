// The federation's rules written by hand in C++: what gen.py's Concord rules
// say, over plain structs and int64 cents, in two versions: RunHandwritten
// with the algorithm the rule is written with (the lifetime limit scans the
// ledger's contributions so far, as `sum(x.amount for x in
// contributions(kitty) where x.member == c.member)` reads), and
// RunHandwrittenIndexed with running totals per member. Every amount in the workload is a whole
// number of cents and every rate a whole percent of a whole-euro income, so int64 cents are exact
// and agree with Concord's six-digit fixed point.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "bench/federation/workload.h"

namespace concord::bench {
namespace {

struct Booked {
  int32_t member;
  int64_t amount;
};

int64_t DuesCap(const PolityParams& p, int64_t income) {
  return std::min(std::max(income * p.rate / 100, p.floor), p.cap);
}

int64_t DuesFloor(const PolityParams& p, int64_t income) {
  return income < p.low_income ? 100 : std::min<int64_t>(income / 100, 1000);
}

int64_t LifetimeLimit(const PolityParams& p, int64_t income) {
  return std::max(income * p.gift_share / 100, p.gift_min);
}

// The rules over every event; `Ledgers` answers the lifetime limit's
// question (what has this member paid into this ledger so far) and books
// each payment.
template <typename Ledgers>
Verdicts Run(const std::vector<Event>& events, const Params& params, Ledgers& ledgers) {
  Verdicts v;
  for (const Event& e : events) {
    const PolityParams& p = params.polities[e.polity - 1];
    if (e.kind == 'J') {
      ++v.rule_evaluations;  // eligible_NNNN
      if (e.income < p.min_income) ++v.failed;
      continue;
    }
    if (e.account_kind == 'F') {
      const TreatyParams& t = params.treaties[e.account - 1];
      ++v.rule_evaluations;  // fund_share_NNNN
      if (e.amount > std::min(e.income * t.rate / 100, t.cap)) ++v.failed;
      // The payer's polity is a party: its four contribution rules run, and
      // their `where c.fund == "kitty_NNNN"` filters turn them away.
      v.rule_evaluations += 4;
      v.booked_cents += e.amount;
      continue;
    }
    v.rule_evaluations += 4;
    if (!(e.amount <= DuesCap(p, e.income) || e.amount >= p.gift_threshold)) ++v.failed;
    if (e.amount < DuesFloor(p, e.income)) ++v.failed;
    if (e.amount >= p.gift_threshold) {
      ++v.lifetime_checked;
      if (ledgers.Paid(e.account, e.member) + e.amount > LifetimeLimit(p, e.income)) ++v.failed;
    }
    if (e.amount > p.flag_above) ++v.flags;
    ledgers.Book(e.account, e.member, e.amount);
    v.booked_cents += e.amount;
  }
  return v;
}

// As the rule reads: every payment so far, scanned.
struct ScannedLedgers {
  std::vector<std::vector<Booked>> booked;
  int64_t Paid(int32_t ledger, int32_t member) const {
    int64_t paid = 0;
    for (const Booked& b : booked[ledger - 1]) {
      if (b.member == member) paid += b.amount;
    }
    return paid;
  }
  void Book(int32_t ledger, int32_t member, int64_t amount) {
    booked[ledger - 1].push_back({member, amount});
  }
};

// What a programmer would write, and what Concord's engines do through the
// ledger's index by member (runtime/values/growing_set.h): running totals.
struct TotalledLedgers {
  std::vector<std::unordered_map<int32_t, int64_t>> paid;
  int64_t Paid(int32_t ledger, int32_t member) { return paid[ledger - 1][member]; }
  void Book(int32_t ledger, int32_t member, int64_t amount) { paid[ledger - 1][member] += amount; }
};

}  // namespace

Verdicts RunHandwritten(const std::vector<Event>& events, const Params& params) {
  ScannedLedgers ledgers{std::vector<std::vector<Booked>>(params.polities.size())};
  return Run(events, params, ledgers);
}

Verdicts RunHandwrittenIndexed(const std::vector<Event>& events, const Params& params) {
  TotalledLedgers ledgers{
      std::vector<std::unordered_map<int32_t, int64_t>>(params.polities.size())};
  return Run(events, params, ledgers);
}

bool LoadEvents(const std::string& path, std::vector<Event>* events, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    std::istringstream fields(line);
    Event e;
    fields >> e.kind >> e.date >> e.member >> e.income >> e.polity;
    if (e.kind == 'C') fields >> e.account_kind >> e.account >> e.amount;
    if (!fields || (e.kind != 'C' && e.kind != 'J') || e.polity < 1) {
      *error = path + ":" + std::to_string(number) + ": not an event line";
      return false;
    }
    events->push_back(e);
  }
  return true;
}

bool LoadParams(const std::string& path, Params* params, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    char kind = 0;
    size_t number = 0;
    fields >> kind >> number;
    if (kind == 'P') {
      PolityParams p;
      fields >> p.rate >> p.floor >> p.cap >> p.low_income >> p.gift_share >> p.gift_min >>
          p.gift_threshold >> p.flag_above >> p.min_income;
      if (!fields || number != params->polities.size() + 1) break;
      params->polities.push_back(p);
    } else if (kind == 'T') {
      TreatyParams t;
      fields >> t.rate >> t.cap;
      if (!fields || number != params->treaties.size() + 1) break;
      params->treaties.push_back(t);
    } else {
      break;
    }
    continue;
  }
  if (!in.eof()) {
    *error = path + ": malformed line: " + line;
    return false;
  }
  return true;
}

}  // namespace concord::bench
