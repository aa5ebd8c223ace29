// Tests of runtime/values/duration: the interval rule of LANGUAGE.md §2
// (comparisons decided only when every possible length agrees), the bounds of
// calendar months, the explanation of an undecided comparison, the text form,
// and checked duration arithmetic.
#include "runtime/values/duration.h"

#include <catch2/catch.hpp>
#include <limits>
#include <vector>

#include "runtime/values/date.h"

namespace concord::values {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

Duration Days(int64_t n) {
  return Duration::Of(n, DurationUnit::kDay);
}
Duration Weeks(int64_t n) {
  return Duration::Of(n, DurationUnit::kWeek);
}
Duration Months(int64_t n) {
  return Duration::Of(n, DurationUnit::kMonth);
}
Duration Years(int64_t n) {
  return Duration::Of(n, DurationUnit::kYear);
}
Duration Lunar(int64_t n) {
  return Duration::Of(n, DurationUnit::kLunarMonth);
}

const char* Show(Decision d) {
  switch (d) {
    case Decision::kTrue:
      return "true";
    case Decision::kFalse:
      return "false";
    case Decision::kUndecided:
      return "undecided";
  }
  return "?";
}

std::string Cmp(const Duration& a, CompareOp op, const Duration& b) {
  return Show(CompareDurations(a, op, b));
}

// Whole days, for intervals without lunar months.
std::pair<int64_t, int64_t> DayBounds(const Duration& d) {
  LengthInterval len = PossibleLength(d);
  return {len.min_centidays / 100, len.max_centidays / 100};
}

TEST_CASE("the interval rule decides what every length agrees on", "[duration]") {
  CHECK(Cmp(Lunar(1), CompareOp::kLe, Years(1)) == "true");
  CHECK(Cmp(Months(13), CompareOp::kGt, Years(1)) == "true");
  CHECK(Cmp(Months(1), CompareOp::kLe, Days(31)) == "true");
  CHECK(Cmp(Months(1), CompareOp::kGe, Days(28)) == "true");
  CHECK(Cmp(Months(12), CompareOp::kEq, Years(1)) == "true");
  CHECK(Cmp(Weeks(4), CompareOp::kEq, Days(28)) == "true");
  CHECK(Cmp(Years(1), CompareOp::kGe, Days(365)) == "true");
  CHECK(Cmp(Lunar(1), CompareOp::kLe, Days(30)) == "true");
  CHECK(Cmp(Lunar(1), CompareOp::kGt, Days(29)) == "true");
  CHECK(Cmp(Years(1), CompareOp::kNe, Days(364)) == "true");
  CHECK(Cmp(Years(1), CompareOp::kLe, Days(366)) == "true");
}

TEST_CASE("the interval rule leaves calendar-dependent comparisons undecided", "[duration]") {
  CHECK(Cmp(Months(1), CompareOp::kLt, Days(30)) == "undecided");
  CHECK(Cmp(Months(1), CompareOp::kLe, Days(30)) == "undecided");
  CHECK(Cmp(Years(1), CompareOp::kGt, Days(365)) == "undecided");
  CHECK(Cmp(Years(1), CompareOp::kEq, Days(365)) == "undecided");
  CHECK(Cmp(Years(1), CompareOp::kNe, Days(366)) == "undecided");
  CHECK(Cmp(Months(1), CompareOp::kEq, Lunar(1)) == "undecided");
  CHECK(Cmp(Lunar(1), CompareOp::kLt, Months(1)) == "undecided");
  CHECK(Cmp(Lunar(12), CompareOp::kLt, Days(355)) == "undecided");
}

TEST_CASE("the interval rule decides false when no length satisfies", "[duration]") {
  CHECK(Cmp(Years(1), CompareOp::kLt, Days(365)) == "false");
  CHECK(Cmp(Months(13), CompareOp::kLe, Years(1)) == "false");
  CHECK(Cmp(Months(1), CompareOp::kGt, Days(31)) == "false");
  CHECK(Cmp(Months(12), CompareOp::kNe, Years(1)) == "false");
  CHECK(Cmp(Weeks(4), CompareOp::kLt, Days(28)) == "false");
  CHECK(Cmp(Lunar(1), CompareOp::kEq, Days(29)) == "false");
  CHECK(Cmp(Lunar(1), CompareOp::kGe, Days(30)) == "false");
}

TEST_CASE("a duration that is exactly zero days long equals nothing", "[duration]") {
  // 400 Gregorian years are always 146,097 days: the calendar repeats, so the
  // comparison is decided although the parts differ.
  CHECK(Cmp(Years(400), CompareOp::kEq, Days(146'097)) == "true");
  CHECK(Cmp(Years(400), CompareOp::kNe, Days(146'097)) == "false");
  CHECK(Cmp(Years(400), CompareOp::kLe, Days(146'097)) == "true");
  CHECK(Cmp(Years(400), CompareOp::kLt, Days(146'097)) == "false");
  CHECK(Cmp(Years(800), CompareOp::kEq, Days(292'194)) == "true");
  CHECK(Cmp(Years(400), CompareOp::kEq, Days(146'096)) == "false");
}

TEST_CASE("calendar months have their true shortest and longest spans", "[duration]") {
  CHECK(DayBounds(Months(1)) == std::pair<int64_t, int64_t>{28, 31});
  CHECK(DayBounds(Months(2)) == std::pair<int64_t, int64_t>{59, 62});
  CHECK(DayBounds(Months(12)) == std::pair<int64_t, int64_t>{365, 366});
  CHECK(DayBounds(Years(1)) == std::pair<int64_t, int64_t>{365, 366});
  CHECK(DayBounds(Years(4)) == std::pair<int64_t, int64_t>{1460, 1461});
  CHECK(DayBounds(Years(400)) == std::pair<int64_t, int64_t>{146'097, 146'097});
  CHECK(DayBounds(Months(4801)) == std::pair<int64_t, int64_t>{146'097 + 28, 146'097 + 31});
  CHECK(DayBounds(Months(-1)) == std::pair<int64_t, int64_t>{-31, -28});
  CHECK(DayBounds(Weeks(2)) == std::pair<int64_t, int64_t>{14, 14});
  LengthInterval lunar = PossibleLength(Lunar(1));
  CHECK(lunar.min_centidays == 2918);
  CHECK(lunar.max_centidays == 2993);
  LengthInterval back = PossibleLength(Lunar(-2));
  CHECK(back.min_centidays == -5986);
  CHECK(back.max_centidays == -5836);
}

// Anchors every duration at every day from 2000 to 2027 (all month lengths,
// leap and common years) and checks the interval rule against the exact
// anchored lengths: a decided comparison holds at every anchor, and, when only
// one side has calendar months (so its interval is exact), an undecided one
// goes both ways at some pair of anchors.
TEST_CASE("decisions agree with every anchored length", "[duration]") {
  const std::vector<Duration> durations = {Days(27),  Days(28),   Days(30),   Days(31), Days(59),
                                           Days(62),  Days(365),  Days(366),  Weeks(4), Months(1),
                                           Months(2), Months(11), Months(12), Years(1), Months(13)};
  // lengths[i][k]: the exact length of durations[i] anchored at day k.
  const Date first = *Date::FromCivil(2000, 1, 1);
  const Date last = *Date::FromCivil(2027, 12, 31);
  std::vector<std::vector<int64_t>> lengths;
  for (const Duration& d : durations) {
    REQUIRE(d.lunar_months == 0);
    std::vector<int64_t>& row = lengths.emplace_back();
    for (Date at = first; at <= last; at = at.AddDays(1)) {
      row.push_back(at.AddMonths(d.months).AddDays(d.days).days() - at.days());
    }
  }
  const CompareOp ops[] = {CompareOp::kEq, CompareOp::kNe, CompareOp::kLt,
                           CompareOp::kLe, CompareOp::kGt, CompareOp::kGe};
  auto holds = [](int64_t a, CompareOp op, int64_t b) {
    switch (op) {
      case CompareOp::kEq:
        return a == b;
      case CompareOp::kNe:
        return a != b;
      case CompareOp::kLt:
        return a < b;
      case CompareOp::kLe:
        return a <= b;
      case CompareOp::kGt:
        return a > b;
      case CompareOp::kGe:
        return a >= b;
    }
    return false;
  };
  int undecided_seen = 0;
  for (size_t i = 0; i < durations.size(); ++i) {
    for (size_t j = 0; j < durations.size(); ++j) {
      const Duration& a = durations[i];
      const Duration& b = durations[j];
      for (CompareOp op : ops) {
        Decision decision = CompareDurations(a, op, b);
        bool seen_true = false, seen_false = false;
        for (size_t k = 0; k < lengths[i].size(); ++k) {
          (holds(lengths[i][k], op, lengths[j][k]) ? seen_true : seen_false) = true;
        }
        INFO(a.ToString() << " op " << static_cast<int>(op) << " " << b.ToString() << ": "
                          << Show(decision));
        if (decision == Decision::kTrue) CHECK_FALSE(seen_false);
        if (decision == Decision::kFalse) CHECK_FALSE(seen_true);
        if (decision == Decision::kUndecided) {
          ++undecided_seen;
          if (a.months == 0 || b.months == 0) CHECK((seen_true && seen_false));
        }
      }
    }
  }
  CHECK(undecided_seen > 0);
}

TEST_CASE("an undecided comparison is explained by the length that breaks it", "[duration]") {
  std::string why = ExplainUndecided(Months(1), CompareOp::kLe, Days(30));
  CHECK_THAT(why, Catch::Contains("31 days"));
  CHECK_THAT(why, Catch::Contains("`1 month`"));
  CHECK_THAT(why, Catch::Contains("`30 days`"));

  std::string longer = ExplainUndecided(Years(1), CompareOp::kGt, Days(365));
  CHECK_THAT(longer, Catch::Contains("`1 year` can be only 365 days"));
  CHECK_THAT(longer, Catch::Contains("`365 days`"));

  std::string equal = ExplainUndecided(Years(1), CompareOp::kEq, Days(365));
  CHECK_THAT(equal, Catch::Contains("365 to 366 days"));

  std::string lunar = ExplainUndecided(Lunar(1), CompareOp::kLt, Months(1));
  CHECK_THAT(lunar, Catch::Contains("29.93"));
  CHECK_THAT(lunar, Catch::Contains("28"));
}

TEST_CASE("durations print in the unit they were written in", "[duration]") {
  CHECK(Years(1).ToString() == "1 year");
  CHECK(Years(3).ToString() == "3 years");
  CHECK(Months(6).ToString() == "6 months");
  CHECK(Months(1).ToString() == "1 month");
  CHECK(Months(12).ToString() == "1 year");
  CHECK(Weeks(2).ToString() == "2 weeks");
  CHECK(Days(14).ToString() == "2 weeks");
  CHECK(Days(1).ToString() == "1 day");
  CHECK(Days(3).ToString() == "3 days");
  CHECK(Lunar(1).ToString() == "1 lunar month");
  CHECK(Lunar(2).ToString() == "2 lunar months");
  CHECK(Duration{}.ToString() == "0 days");
  CHECK(Days(-3).ToString() == "-3 days");
  CHECK(Duration{3, 1, 0}.ToString() == "1 month + 3 days");
  CHECK(Duration{-7, 1, 0}.ToString() == "1 month - 7 days");
  CHECK(Duration{kMin, 0, 0}.ToString() == "-9223372036854775808 days");
}

TEST_CASE("duration arithmetic is checked", "[duration]") {
  CHECK(*Months(1).Plus(Days(3)).value == Duration{3, 1, 0});
  CHECK(*Years(1).Minus(Months(1)).value == Months(11));
  CHECK(*Weeks(2).Times(3).value == Days(42));
  CHECK_FALSE(Days(kMax).Plus(Days(1)).ok());
  CHECK_FALSE(Months(kMin).Minus(Months(1)).ok());
  CHECK_FALSE(Lunar(kMax).Times(2).ok());
  CHECK_FALSE(Days(kMin).Times(-1).ok());
  CHECK(Duration::CheckedOf(3, DurationUnit::kWeek).value == Days(21));
  CHECK(Duration::CheckedOf(2, DurationUnit::kYear).value == Months(24));
  CHECK_FALSE(Duration::CheckedOf(kMax, DurationUnit::kWeek).ok());
  CHECK_FALSE(Duration::CheckedOf(kMin, DurationUnit::kYear).ok());
  CHECK(Duration::CheckedOf(kMax, DurationUnit::kDay).ok());
  // Of (used for literals) saturates instead of wrapping to a negative length.
  CHECK(Duration::Of(kMax, DurationUnit::kYear).months == kMax);
  CHECK(Duration::Of(kMin, DurationUnit::kWeek).days == kMin);
}

TEST_CASE("comparing huge durations neither overflows nor lies", "[duration]") {
  CHECK(Cmp(Months(kMax), CompareOp::kGt, Months(kMin)) == "true");
  CHECK(Cmp(Days(kMin), CompareOp::kLt, Lunar(kMax)) == "true");
  CHECK(Cmp(Lunar(kMax), CompareOp::kGt, Lunar(kMax - 1)) == "true");
  CHECK(Cmp(Duration{kMax, kMax, kMax}, CompareOp::kEq, Duration{kMax, kMax, kMax}) == "true");
  // Beyond int64 centidays the interval saturates rather than wrapping.
  LengthInterval huge = PossibleLength(Months(kMax));
  CHECK(huge.min_centidays == kMax);
  CHECK(huge.max_centidays == kMax);
  LengthInterval negative = PossibleLength(Lunar(kMin));
  CHECK(negative.min_centidays == kMin);
}

}  // namespace
}  // namespace concord::values
