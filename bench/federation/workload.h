// The federation benchmark's workload as plain data: the events the rules
// see (events.tsv) and each polity's and treaty's rule parameters
// (params.tsv), both written by bench/federation/gen.py. The rule benchmark
// feeds the same events to the interpreter, the JIT and the hand-written
// rules, and compares what they decide (Verdicts).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace concord::bench {

// One event that rules react to. Amounts and incomes are in cents.
struct Event {
  char kind = 'C';   // 'C' a contribution, 'J' a join
  int32_t date = 0;  // days since 1970-01-01
  int32_t member = 0;
  int64_t income = 0;
  int32_t polity = 0;       // the member's polity, numbered from 1
  char account_kind = 'L';  // 'L' the polity's ledger, 'F' a treaty's fund
  int32_t account = 0;      // the polity or the treaty, numbered from 1
  int64_t amount = 0;
};

// The numbers gen.py drew for one polity's rules (cents, percents).
struct PolityParams {
  int64_t rate = 0, floor = 0, cap = 0, low_income = 0;
  int64_t gift_share = 0, gift_min = 0, gift_threshold = 0, flag_above = 0, min_income = 0;
};

struct TreatyParams {
  int64_t rate = 0, cap = 0;
};

struct Params {
  std::vector<PolityParams> polities;  // index = number - 1
  std::vector<TreatyParams> treaties;
};

// What the rules decided over the whole stream; every engine must agree.
struct Verdicts {
  uint64_t rule_evaluations = 0;  // (rule, event) pairs whose trigger matched
  uint64_t failed = 0;            // requires that did not hold
  uint64_t flags = 0;             // `when ... then flag` that fired
  int64_t booked_cents = 0;       // contributions booked (no rule here rejects)
  int64_t lifetime_checked = 0;   // lifetime-limit evaluations past the trigger filter
  bool operator==(const Verdicts&) const = default;
};

// False and *error on a malformed file.
bool LoadEvents(const std::string& path, std::vector<Event>* events, std::string* error);
bool LoadParams(const std::string& path, Params* params, std::string* error);

// The same rules as gen.py writes them in Concord, hand-written over plain
// structs in int64 cents: the practical limit for this workload.
Verdicts RunHandwritten(const std::vector<Event>& events, const Params& params);
// The same rules with a running total per member for the lifetime limit.
Verdicts RunHandwrittenIndexed(const std::vector<Event>& events, const Params& params);

}  // namespace concord::bench
