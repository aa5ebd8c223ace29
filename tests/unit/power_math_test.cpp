// The arithmetic of offices and sanctions (runtime/engine/power_math.h) at
// its boundaries: a recall petition's share of members, a jury verdict
// against the rule's threshold, a suspension's length against `at most`,
// and the exact day a finding stops counting.
#include "runtime/engine/power_math.h"

#include <catch2/catch.hpp>
#include <string_view>

namespace concord::engine {
namespace {

using values::Date;
using values::Decimal;
using values::Duration;
using values::DurationUnit;

Date D(std::string_view text) {
  return *Date::Parse(text);
}

Decimal Share(std::string_view text) {
  return *Decimal::Parse(text);
}

TEST_CASE("a recall share is met at exactly share x members", "[power]") {
  // 25% of 8 is 2: two petitioners are enough, one is not.
  CHECK(ShareMet(2, Share("0.25"), 8));
  CHECK_FALSE(ShareMet(1, Share("0.25"), 8));
  // 25% of 9 is 2.25: two are not enough, three are.
  CHECK_FALSE(ShareMet(2, Share("0.25"), 9));
  CHECK(ShareMet(3, Share("0.25"), 9));
  CHECK(ShareNeeded(Share("0.25"), 9) == 3);
  CHECK(ShareNeeded(Share("0.25"), 8) == 2);
  // A third of 3 is 0.999999 in six decimals: one petitioner reaches it.
  CHECK(ShareMet(1, Share("0.333333"), 3));
  CHECK(ShareMet(0, Share("0.25"), 0));
}

TEST_CASE("a verdict meets its threshold as a fraction", "[power]") {
  std::pair<int64_t, int64_t> four_of_five{4, 5};
  CHECK(VerdictMeets(4, 5, four_of_five));
  CHECK(VerdictMeets(5, 5, four_of_five));
  CHECK_FALSE(VerdictMeets(3, 5, four_of_five));
  CHECK(VerdictMeets(8, 10, four_of_five));
  CHECK_FALSE(VerdictMeets(7, 10, four_of_five));
  // Without a threshold: more than half.
  CHECK(VerdictMeets(3, 5, std::nullopt));
  CHECK_FALSE(VerdictMeets(2, 4, std::nullopt));
  CHECK_FALSE(VerdictMeets(6, 5, four_of_five));
  CHECK_FALSE(VerdictMeets(0, 0, std::nullopt));
}

TEST_CASE("a suspension's length is compared through the calendar", "[power]") {
  Duration month = Duration::Of(1, DurationUnit::kMonth);
  CHECK(*LengthWithin(D("2027-02-01"), Duration::Of(28, DurationUnit::kDay), month));
  CHECK_FALSE(*LengthWithin(D("2027-02-01"), Duration::Of(29, DurationUnit::kDay), month));
  CHECK(*LengthWithin(D("2027-03-01"), Duration::Of(31, DurationUnit::kDay), month));
  CHECK(*LengthWithin(D("2027-03-01"), month, month));
  CHECK_FALSE(*LengthWithin(D("2027-03-01"), Duration::Of(2, DurationUnit::kMonth), month));
}

TEST_CASE("a finding stops counting on the day it expires", "[power]") {
  std::optional<Duration> year = Duration::Of(1, DurationUnit::kYear);
  Date found = D("2027-04-01");
  CHECK(FindingCounts(found, year, D("2027-04-01"), std::nullopt));
  CHECK(FindingCounts(found, year, D("2028-03-31"), std::nullopt));
  CHECK_FALSE(FindingCounts(found, year, D("2028-04-01"), std::nullopt));
  // Never before it is made; never expiring without `finding expires after`.
  CHECK_FALSE(FindingCounts(found, year, D("2027-03-31"), std::nullopt));
  CHECK(FindingCounts(found, std::nullopt, D("2100-01-01"), std::nullopt));
  // `within 6 months`: today - 6 months < found <= today.
  std::optional<Duration> half = Duration::Of(6, DurationUnit::kMonth);
  CHECK(FindingCounts(found, std::nullopt, D("2027-09-30"), half));
  CHECK_FALSE(FindingCounts(found, std::nullopt, D("2027-10-01"), half));
}

}  // namespace
}  // namespace concord::engine
