// Calendar dates: proleptic Gregorian, no time of day, stored as a count of
// days since 1970-01-01 so that differences and ordering are plain integers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace concord::values {

struct CivilDate {
  int64_t year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(int64_t days_since_epoch) { return Date(days_since_epoch); }
  // Fails for an impossible day (2026-02-30) or a month outside 1..12.
  static std::optional<Date> FromCivil(int64_t year, int month, int day);
  // Parses `YYYY-MM-DD`; `error` (if given) says why it failed.
  static std::optional<Date> Parse(std::string_view text, std::string* error = nullptr);

  constexpr int64_t days() const { return days_; }
  CivilDate Civil() const;
  // 0 = Monday .. 6 = Sunday (ISO 8601).
  int Weekday() const;
  std::string ToString() const;

  // Calendar arithmetic: `2027-01-31 + 1 month = 2027-02-28` (clamps to the
  // end of the month). For counts the program controls; the result must stay
  // within a few million years or the day count overflows.
  Date AddMonths(int64_t months) const;
  Date AddDays(int64_t days) const { return Date(days_ + days); }

  // The same arithmetic for counts that come from user input: no value when
  // the result leaves years 0000-9999, the dates a literal can spell and
  // ToString can print, so overflow is reported instead of wrapping.
  std::optional<Date> CheckedAddMonths(int64_t months) const;
  std::optional<Date> CheckedAddDays(int64_t days) const;

  friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend constexpr bool operator!=(Date a, Date b) { return a.days_ != b.days_; }
  friend constexpr bool operator<(Date a, Date b) { return a.days_ < b.days_; }
  friend constexpr bool operator<=(Date a, Date b) { return a.days_ <= b.days_; }
  friend constexpr bool operator>(Date a, Date b) { return a.days_ > b.days_; }
  friend constexpr bool operator>=(Date a, Date b) { return a.days_ >= b.days_; }

 private:
  constexpr explicit Date(int64_t days) : days_(days) {}
  int64_t days_ = 0;
};

bool IsLeapYear(int64_t year);
// 28..31, or 0 for a month outside 1..12.
int DaysInMonth(int64_t year, int month);

}  // namespace concord::values
