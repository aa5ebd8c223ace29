// `date + duration` at run time, lunar months included. Months clamp to the
// end of the month (values::Date::AddMonths); lunar months are the same rule
// on the lunar calendar: a lunation is a "month" that starts on the UTC date
// of its new moon, and adding n lunar months keeps the day of the lunation,
// clamped to the length of the lunation it lands in. Everything here is
// integer arithmetic on dates; the only astronomy is the dates of new moons.
#pragma once

#include <cstdint>
#include <optional>

#include "runtime/values/date.h"
#include "runtime/values/duration.h"

namespace concord::calendar {

// `date + n lunar months`: with L the lunation containing `date` (its new
// moon falls on `date` or on the latest date before), the result is day
// (date − new moon of L) of lunation L + n, or that lunation's last day when
// it is shorter. So the date of a new moon plus n lunar months is the date of
// the n-th new moon after it, and one lunar month is always 29 or 30 days of
// dates (consecutive new moons are 29.27-29.83 days apart in 1900-2100).
// n may be negative. No value when the result leaves years 0000-9999.
std::optional<values::Date> AddLunarMonths(values::Date date, int64_t n);

// `date + d`: months (and years) first, then lunar months, then days, each
// step on the previous result — the order of ISO 8601 durations and of
// java.time's Period, largest unit first, so that `2027-01-31 + (1 month +
// 1 day)` is 2027-03-01 (Feb 28, then a day), not 2027-02-28 (clamped after
// Feb 1). No value when any step leaves years 0000-9999.
std::optional<values::Date> AddDuration(values::Date date, const values::Duration& d);

// `date - d`: the same steps in the same order with every part negated, so
// `2027-03-31 - 1 month` is 2027-02-28. Not the inverse of AddDuration:
// clamping loses information (`2027-01-31 + 1 month - 1 month` is 2027-01-28).
std::optional<values::Date> SubtractDuration(values::Date date, const values::Duration& d);

// `date within d` evaluated on `today`: whether today - d < date <= today,
// the window of the last d that ends today. The lower bound is exclusive so
// that `within 1 day` is today alone and `within 12 months` on 2027-03-31
// starts after 2026-03-31; the bound is SubtractDuration's, so months clamp
// (`within 1 month` on 2027-03-31 is after 2027-02-28). A zero or negative
// d gives an empty window. No value when today - d leaves years 0000-9999.
std::optional<bool> IsWithin(values::Date date, const values::Duration& d, values::Date today);

}  // namespace concord::calendar
