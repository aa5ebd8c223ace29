// Cycle dates for each unit of a period, and the iterator over cycles.
#include "runtime/calendar/cycles.h"

#include <ranges>

#include "runtime/calendar/new_moon.h"

namespace concord::calendar {
namespace {

// LANGUAGE.md §9's synodic month, 29.530589 days, in millionths of a day so
// the offset k·N·29.530589 is an exact integer before it meets the ephemeris.
constexpr int64_t kSpecSynodicMonthMicrodays = 29'530'589;
// More lunations than years 0000-9999 hold (about 123,700).
constexpr int64_t kMaxLunations = 130'000;

std::optional<values::Date> LunarCycleDate(values::Date anchor, int64_t lunations) {
  if (lunations > kMaxLunations || !anchor.CheckedAddDays(0)) return std::nullopt;
  double target = static_cast<double>(anchor.days()) +
                  static_cast<double>(lunations * kSpecSynodicMonthMicrodays) / 1e6;
  return NewMoonUtc(NewMoonNearest(target)).date.CheckedAddDays(0);
}

}  // namespace

std::optional<values::Date> CycleDate(values::Date anchor, Period period, int64_t k) {
  if (k < 1 || period.count < 1) return std::nullopt;
  int64_t units = 0;
  if (__builtin_mul_overflow(k, period.count, &units)) return std::nullopt;
  switch (period.unit) {
    case values::DurationUnit::kDay:
      return anchor.CheckedAddDays(units);
    case values::DurationUnit::kWeek:
      if (__builtin_mul_overflow(units, int64_t{7}, &units)) return std::nullopt;
      return anchor.CheckedAddDays(units);
    case values::DurationUnit::kMonth:
      return anchor.CheckedAddMonths(units);
    case values::DurationUnit::kYear:
      if (__builtin_mul_overflow(units, int64_t{12}, &units)) return std::nullopt;
      return anchor.CheckedAddMonths(units);
    case values::DurationUnit::kLunarMonth:
      return LunarCycleDate(anchor, units);
  }
  return std::nullopt;
}

CycleDates::Iterator::Iterator(values::Date anchor, Period period, values::Date until)
    : anchor_(anchor), period_(period), until_(until) {
  Load(1, anchor);
}

void CycleDates::Iterator::Load(int64_t k, values::Date first_day) {
  std::optional<values::Date> last_day = CycleDate(anchor_, period_, k);
  done_ = !last_day || *last_day > until_;
  if (!done_) cycle_ = Cycle{k, first_day, *last_day};
}

CycleDates::Iterator& CycleDates::Iterator::operator++() {
  if (!done_) Load(cycle_.k + 1, cycle_.last_day.AddDays(1));
  return *this;
}

// So that std::ranges algorithms accept cycles, not only range-for.
static_assert(std::ranges::input_range<CycleDates>);

}  // namespace concord::calendar
