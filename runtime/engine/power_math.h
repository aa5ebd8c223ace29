// The arithmetic of offices and sanctions, apart from the run so that unit
// tests pin its boundaries: a share of members (recall petitions), a jury
// verdict against the rule's threshold, a suspension length against
// `at most`, and whether a finding still counts on a day (expiry, `within`).
// docs/reference-runtime.md ("Offices", "Sanctions") states each rule.
#pragma once

#include <cstdint>
#include <optional>

#include "runtime/values/date.h"
#include "runtime/values/decimal.h"
#include "runtime/values/duration.h"

namespace concord::engine {

// Whether `count` people reach `share` of `of` people: count >= share × of,
// exactly (no rounding of the product). A share of 25% of 8 needs 2, of 9
// needs 3. Never met when the product does not fit.
bool ShareMet(int64_t count, values::Decimal share, int64_t of);

// The fewest people that reach `share` of `of` (ceil(share × of)), for
// messages; none when the product does not fit.
std::optional<int64_t> ShareNeeded(values::Decimal share, int64_t of);

// Whether a verdict of `in_favour` of `jurors` meets the rule's threshold
// `needed` of `panel`: in_favour / jurors >= needed / panel, compared as
// fractions (4 of 5 meets 4 of 5 and 8 of 10, not 3 of 5). Without a
// threshold a verdict needs more than half of its jurors.
bool VerdictMeets(int64_t in_favour, int64_t jurors,
                  std::optional<std::pair<int64_t, int64_t>> threshold);

// Whether a sanction of `length` starting on `from` ends no later than one
// of `at_most` would: lengths are compared through the calendar, so
// `4 weeks` is within `1 month` and `31 days` is within `1 month` only from
// a 31-day month on. None when a date leaves years 0000-9999.
std::optional<bool> LengthWithin(values::Date from, const values::Duration& length,
                                 const values::Duration& at_most);

// Whether a finding made on `found` still counts on `day`: it is made on or
// before `day` and, when findings expire after `expires`, `day` is before
// found + expires (on that day it no longer counts). With `within`, the
// finding must also be dated within that window before `day`
// (day - within < found <= day, POWER.md §5).
bool FindingCounts(values::Date found, const std::optional<values::Duration>& expires,
                   values::Date day, const std::optional<values::Duration>& within);

}  // namespace concord::engine
