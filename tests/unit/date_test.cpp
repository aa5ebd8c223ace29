// Tests of runtime/values/date: leap years, rejection of impossible dates with
// a reason, the day-count conversion over eight centuries, weekdays, and
// calendar arithmetic with end-of-month clamping.
#include "runtime/values/date.h"

#include <catch2/catch.hpp>
#include <limits>

namespace concord::values {
namespace {

Date D(std::string_view text) {
  std::optional<Date> d = Date::Parse(text);
  INFO("parsing " << text);
  REQUIRE(d.has_value());
  return *d;
}

std::string ParseError(std::string_view text) {
  std::string error;
  std::optional<Date> d = Date::Parse(text, &error);
  INFO("parsing " << text);
  REQUIRE_FALSE(d.has_value());
  return error;
}

TEST_CASE("leap years follow the Gregorian rule", "[date]") {
  CHECK_FALSE(IsLeapYear(1900));
  CHECK(IsLeapYear(2000));
  CHECK(IsLeapYear(2024));
  CHECK_FALSE(IsLeapYear(2023));
  CHECK_FALSE(IsLeapYear(2100));
  CHECK(IsLeapYear(1600));
  CHECK(IsLeapYear(0));
  CHECK(IsLeapYear(-4));
  CHECK_FALSE(IsLeapYear(-100));
  CHECK(DaysInMonth(1900, 2) == 28);
  CHECK(DaysInMonth(2000, 2) == 29);
  CHECK(DaysInMonth(2024, 2) == 29);
  CHECK(DaysInMonth(2026, 4) == 30);
  CHECK(DaysInMonth(2026, 12) == 31);
}

TEST_CASE("a month outside 1..12 has no days rather than reading past a table", "[date]") {
  CHECK(DaysInMonth(2026, 0) == 0);
  CHECK(DaysInMonth(2026, 13) == 0);
  CHECK(DaysInMonth(2026, -1) == 0);
}

TEST_CASE("impossible dates are rejected with a reason", "[date]") {
  CHECK(ParseError("2026-02-30") == "February 2026 has 28 days");
  CHECK(ParseError("2023-02-29") == "February 2023 has 28 days");
  CHECK(ParseError("1900-02-29") == "February 1900 has 28 days");
  CHECK(ParseError("2026-04-31") == "April 2026 has 30 days");
  CHECK(ParseError("2026-01-00") == "January 2026 has 31 days");
  CHECK(ParseError("2026-13-01") == "there is no month 13");
  CHECK(ParseError("2026-00-10") == "there is no month 0");
  CHECK(ParseError("2026-1-01") == "a date is written YYYY-MM-DD");
  CHECK(ParseError("2026/01/01") == "a date is written YYYY-MM-DD");
  CHECK(ParseError("2026-0a-01") == "a date is written YYYY-MM-DD");
  CHECK(ParseError("") == "a date is written YYYY-MM-DD");
  CHECK(ParseError("2026-01-011") == "a date is written YYYY-MM-DD");
  CHECK(D("2024-02-29").ToString() == "2024-02-29");
  CHECK(D("2000-02-29").ToString() == "2000-02-29");
  CHECK_FALSE(Date::FromCivil(2026, 2, 30).has_value());
  CHECK_FALSE(Date::FromCivil(2026, 13, 1).has_value());
  CHECK_FALSE(Date::FromCivil(2026, 0, 1).has_value());
  CHECK_FALSE(Date::FromCivil(2026, 1, 0).has_value());
}

TEST_CASE("day counts are anchored at 1970-01-01", "[date]") {
  CHECK(D("1970-01-01").days() == 0);
  CHECK(D("1969-12-31").days() == -1);
  CHECK(D("2000-01-01").days() == 10957);
  CHECK(D("1600-01-01").days() == -135140);
  CHECK(D("2400-12-31").days() == 157419);
  CHECK(D("0000-01-01").ToString() == "0000-01-01");
  CHECK(D("9999-12-31").ToString() == "9999-12-31");
}

TEST_CASE("every day from 1600-01-01 to 2400-12-31 round-trips", "[date]") {
  // Walk the calendar by hand, month by month, and check that each civil date
  // maps to the next day count and back; one failure is reported in full.
  int64_t expected_days = D("1600-01-01").days();
  int64_t checked = 0;
  bool ok = true;
  for (int64_t y = 1600; y <= 2400 && ok; ++y) {
    for (int m = 1; m <= 12 && ok; ++m) {
      for (int d = 1; d <= DaysInMonth(y, m) && ok; ++d, ++expected_days, ++checked) {
        std::optional<Date> date = Date::FromCivil(y, m, d);
        CivilDate back = date ? date->Civil() : CivilDate{};
        ok = date && date->days() == expected_days && back.year == y && back.month == m &&
             back.day == d;
        if (!ok) {
          INFO(y << "-" << m << "-" << d << " expected day " << expected_days);
          CHECK(date.has_value());
          if (date) CHECK(date->days() == expected_days);
          CHECK(back.year == y);
          CHECK(back.month == m);
          CHECK(back.day == d);
        }
      }
    }
  }
  CHECK(ok);
  CHECK(checked == 292'560);  // 801 years: 801 * 365 + 195 leap days
}

TEST_CASE("weekdays of known dates (Monday is 0)", "[date]") {
  CHECK(D("1970-01-01").Weekday() == 3);  // Thursday
  CHECK(D("1969-12-31").Weekday() == 2);  // Wednesday: negative day counts
  CHECK(D("2000-01-01").Weekday() == 5);  // Saturday
  CHECK(D("2024-02-29").Weekday() == 3);  // Thursday
  CHECK(D("2026-11-01").Weekday() == 6);  // Sunday
  CHECK(D("1600-01-01").Weekday() == 5);  // Saturday
  CHECK(D("1582-10-15").Weekday() == 4);  // Friday: the first Gregorian day
}

TEST_CASE("adding months clamps to the end of the month", "[date]") {
  CHECK(D("2027-01-31").AddMonths(1) == D("2027-02-28"));
  CHECK(D("2024-01-31").AddMonths(1) == D("2024-02-29"));
  CHECK(D("2024-02-29").AddMonths(12) == D("2025-02-28"));
  CHECK(D("2024-02-29").AddMonths(48) == D("2028-02-29"));
  CHECK(D("2026-03-31").AddMonths(1) == D("2026-04-30"));
  CHECK(D("2026-01-15").AddMonths(0) == D("2026-01-15"));
  CHECK(D("2026-11-30").AddMonths(3) == D("2027-02-28"));
  CHECK(D("2026-12-15").AddMonths(1) == D("2027-01-15"));
}

TEST_CASE("subtracting months crosses years backwards and clamps", "[date]") {
  CHECK(D("2026-03-31").AddMonths(-1) == D("2026-02-28"));
  CHECK(D("2024-03-31").AddMonths(-1) == D("2024-02-29"));
  CHECK(D("2026-01-15").AddMonths(-1) == D("2025-12-15"));
  CHECK(D("2026-01-31").AddMonths(-13) == D("2024-12-31"));
  CHECK(D("2025-02-28").AddMonths(-12) == D("2024-02-28"));
  CHECK(D("0001-01-01").AddMonths(-1) == D("0000-12-01"));
}

TEST_CASE("adding days", "[date]") {
  CHECK(D("2024-02-28").AddDays(1) == D("2024-02-29"));
  CHECK(D("2023-02-28").AddDays(1) == D("2023-03-01"));
  CHECK(D("2026-12-31").AddDays(1) == D("2027-01-01"));
  CHECK(D("2026-01-01").AddDays(-1) == D("2025-12-31"));
  CHECK(D("2026-01-01") < D("2026-01-02"));
}

TEST_CASE("checked calendar arithmetic stays within years 0000-9999", "[date]") {
  CHECK(D("9999-12-30").CheckedAddDays(1) == D("9999-12-31"));
  CHECK_FALSE(D("9999-12-31").CheckedAddDays(1).has_value());
  CHECK_FALSE(D("0000-01-01").CheckedAddDays(-1).has_value());
  CHECK(D("9999-11-30").CheckedAddMonths(1) == D("9999-12-30"));
  CHECK_FALSE(D("9999-12-01").CheckedAddMonths(1).has_value());
  CHECK(D("0000-02-01").CheckedAddMonths(-1) == D("0000-01-01"));
  CHECK_FALSE(D("0000-01-31").CheckedAddMonths(-1).has_value());
  // Counts that would overflow int64 inside the computation, not only the range.
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  CHECK_FALSE(D("2026-01-01").CheckedAddDays(kMax).has_value());
  CHECK_FALSE(D("2026-01-01").CheckedAddDays(kMin).has_value());
  CHECK_FALSE(D("2026-01-01").CheckedAddMonths(kMax).has_value());
  CHECK_FALSE(D("2026-01-01").CheckedAddMonths(kMin).has_value());
  CHECK(D("2027-01-31").CheckedAddMonths(1) == D("2027-02-28"));
}

}  // namespace
}  // namespace concord::values
