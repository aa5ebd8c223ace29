// Lunar-month arithmetic on dates and the order of the parts of a duration.
#include "runtime/calendar/date_arithmetic.h"

#include <algorithm>

#include "runtime/calendar/new_moon.h"

namespace concord::calendar {
namespace {

// Years 0000-9999 hold about 123,700 lunations; a larger count cannot land
// inside them, and rejecting it first keeps k + n far from overflow.
constexpr int64_t kMaxLunations = 130'000;

std::optional<values::Date> InRange(values::Date date) {
  return date.CheckedAddDays(0);
}

// Negation that fails for the one int64 value without a negative.
bool Negate(int64_t v, int64_t* out) {
  return !__builtin_sub_overflow(int64_t{0}, v, out);
}

}  // namespace

std::optional<values::Date> AddLunarMonths(values::Date date, int64_t n) {
  if (!InRange(date) || n > kMaxLunations || n < -kMaxLunations) return std::nullopt;
  if (n == 0) return date;
  int64_t lunation = LunationContaining(date);
  int64_t day_of_lunation = date.days() - NewMoonUtc(lunation).date.days();
  values::Date start = NewMoonUtc(lunation + n).date;
  int64_t length = NewMoonUtc(lunation + n + 1).date.days() - start.days();
  return InRange(start.AddDays(std::min(day_of_lunation, length - 1)));
}

std::optional<values::Date> AddDuration(values::Date date, const values::Duration& d) {
  std::optional<values::Date> r = date.CheckedAddMonths(d.months);
  if (r) r = AddLunarMonths(*r, d.lunar_months);
  if (r) r = r->CheckedAddDays(d.days);
  return r;
}

std::optional<values::Date> SubtractDuration(values::Date date, const values::Duration& d) {
  values::Duration negated;
  if (!Negate(d.months, &negated.months) || !Negate(d.lunar_months, &negated.lunar_months) ||
      !Negate(d.days, &negated.days)) {
    return std::nullopt;
  }
  return AddDuration(date, negated);
}

std::optional<bool> IsWithin(values::Date date, const values::Duration& d, values::Date today) {
  std::optional<values::Date> start = SubtractDuration(today, d);
  if (!start) return std::nullopt;
  return *start < date && date <= today;
}

}  // namespace concord::calendar
