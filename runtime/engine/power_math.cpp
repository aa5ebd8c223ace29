// The arithmetic of power_math.h.
#include "runtime/engine/power_math.h"

#include "runtime/calendar/date_arithmetic.h"

namespace concord::engine {

bool ShareMet(int64_t count, values::Decimal share, int64_t of) {
  std::optional<values::Decimal> members = values::Decimal::FromInt(of);
  std::optional<values::Decimal> have = values::Decimal::FromInt(count);
  if (!members || !have) return false;
  values::Checked<values::Decimal> needed = values::Mul(share, *members);
  if (!needed.ok()) return false;
  return *have >= *needed.value;
}

std::optional<int64_t> ShareNeeded(values::Decimal share, int64_t of) {
  std::optional<values::Decimal> members = values::Decimal::FromInt(of);
  if (!members) return std::nullopt;
  values::Checked<values::Decimal> needed = values::Mul(share, *members);
  if (!needed.ok()) return std::nullopt;
  return needed.value->Ceil();
}

bool VerdictMeets(int64_t in_favour, int64_t jurors,
                  std::optional<std::pair<int64_t, int64_t>> threshold) {
  if (jurors <= 0 || in_favour < 0 || in_favour > jurors) return false;
  if (!threshold) return in_favour * 2 > jurors;
  auto [needed, panel] = *threshold;
  if (panel <= 0) return false;
  // in_favour / jurors >= needed / panel; both sides are jury sizes, far
  // below the range where the products could overflow, but check anyway.
  values::Checked<int64_t> have = values::MulInt(in_favour, panel);
  values::Checked<int64_t> want = values::MulInt(needed, jurors);
  if (!have.ok() || !want.ok()) return false;
  return *have.value >= *want.value;
}

std::optional<bool> LengthWithin(values::Date from, const values::Duration& length,
                                 const values::Duration& at_most) {
  std::optional<values::Date> end = calendar::AddDuration(from, length);
  std::optional<values::Date> limit = calendar::AddDuration(from, at_most);
  if (!end || !limit) return std::nullopt;
  return *end <= *limit;
}

bool FindingCounts(values::Date found, const std::optional<values::Duration>& expires,
                   values::Date day, const std::optional<values::Duration>& within) {
  if (found > day) return false;
  if (expires) {
    std::optional<values::Date> end = calendar::AddDuration(found, *expires);
    if (end && day >= *end) return false;
  }
  if (within) return calendar::IsWithin(found, *within, day).value_or(false);
  return true;
}

}  // namespace concord::engine
