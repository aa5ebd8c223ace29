// Recurring scenario events (runtime/engine/recurrence.h): the dates of the
// occurrences and the order the queue hands events out in.
#include "runtime/engine/recurrence.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace concord::engine {
namespace {

using values::DurationUnit;

Date D(const char* text) {
  return *Date::Parse(text);
}

std::vector<std::string> Dates(Date first, calendar::Period period, int count) {
  std::vector<std::string> out;
  for (int k = 0; k < count; ++k) {
    std::optional<Date> d = OccurrenceDate(first, period, k);
    out.push_back(d ? d->ToString() : "none");
  }
  return out;
}

TEST_CASE("monthly occurrences count from the first date and keep its day where the month has it") {
  // Chaining would stick at the 28th after February.
  CHECK(Dates(D("2027-01-31"), {1, DurationUnit::kMonth}, 5) ==
        std::vector<std::string>{"2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30",
                                 "2027-05-31"});
  CHECK(Dates(D("2028-02-29"), {1, DurationUnit::kYear}, 3) ==
        std::vector<std::string>{"2028-02-29", "2029-02-28", "2030-02-28"});
  CHECK(Dates(D("2027-01-01"), {2, DurationUnit::kWeek}, 3) ==
        std::vector<std::string>{"2027-01-01", "2027-01-15", "2027-01-29"});
}

TEST_CASE("lunar occurrences from a new moon fall on the following new moons") {
  // The new moons of 2027-01-07, 02-06 and 03-08 (docs/reference-calendar.md).
  CHECK(Dates(D("2027-01-07"), {1, DurationUnit::kLunarMonth}, 3) ==
        std::vector<std::string>{"2027-01-07", "2027-02-06", "2027-03-08"});
  CHECK(Dates(D("2027-01-07"), {2, DurationUnit::kLunarMonth}, 2) ==
        std::vector<std::string>{"2027-01-07", "2027-03-08"});
}

TEST_CASE("an occurrence that cannot exist has no date") {
  CHECK_FALSE(OccurrenceDate(D("2027-01-01"), {0, DurationUnit::kDay}, 1));
  CHECK_FALSE(OccurrenceDate(D("2027-01-01"), {1, DurationUnit::kDay}, -1));
  CHECK_FALSE(OccurrenceDate(D("9999-12-01"), {1, DurationUnit::kMonth}, 1));
  CHECK_FALSE(OccurrenceDate(D("2027-01-01"), {INT64_MAX, DurationUnit::kDay}, 2));
}

TEST_CASE("periods are described as a scenario writes them") {
  CHECK(DescribePeriod({1, DurationUnit::kLunarMonth}) == "every lunar month");
  CHECK(DescribePeriod({2, DurationUnit::kWeek}) == "every 2 weeks");
}

EventSpec Event(const char* date, std::optional<EventSpec::Recurrence> recurrence = {}) {
  EventSpec e;
  e.date = D(date);
  e.recurrence = recurrence;
  return e;
}

// The queue's order over days from..to: "DATE #index/k" per event.
std::vector<std::string> Played(const std::vector<EventSpec>& events, const char* from,
                                const char* to) {
  std::vector<const EventSpec*> pointers;
  for (const EventSpec& e : events) pointers.push_back(&e);
  EventQueue queue(pointers, D(to));
  std::vector<std::string> out;
  for (Date day = D(from); day <= D(to); day = day.AddDays(1)) {
    while (std::optional<Occurrence> o = queue.NextOn(day)) {
      out.push_back(o->date.ToString() + " #" + std::to_string(o->event - events.data()) + "/" +
                    std::to_string(o->k));
    }
  }
  return out;
}

TEST_CASE("a day's events come in source order, recurring ones at their line's position") {
  std::vector<EventSpec> events;
  events.push_back(Event("2027-01-15"));
  events.push_back(Event("2027-01-01", EventSpec::Recurrence{{1, DurationUnit::kWeek}, {}}));
  events.push_back(Event("2027-01-08"));
  CHECK(Played(events, "2027-01-01", "2027-01-16") ==
        std::vector<std::string>{"2027-01-01 #1/0", "2027-01-08 #1/1", "2027-01-08 #2/0",
                                 "2027-01-15 #0/0", "2027-01-15 #1/2"});
}

TEST_CASE("a recurrence stops at its until date, inclusive, and at the last day played") {
  std::vector<EventSpec> events;
  events.push_back(
      Event("2027-01-31", EventSpec::Recurrence{{1, DurationUnit::kMonth}, D("2027-03-31")}));
  events.push_back(Event("2027-01-01", EventSpec::Recurrence{{10, DurationUnit::kDay}, {}}));
  CHECK(Played(events, "2027-01-01", "2027-02-01") ==
        std::vector<std::string>{"2027-01-01 #1/0", "2027-01-11 #1/1", "2027-01-21 #1/2",
                                 "2027-01-31 #0/0", "2027-01-31 #1/3"});
  events.pop_back();
  CHECK(Played(events, "2027-01-01", "2027-12-31") ==
        std::vector<std::string>{"2027-01-31 #0/0", "2027-02-28 #0/1", "2027-03-31 #0/2"});
}

TEST_CASE("a zero period that reaches the engine plays once instead of hanging") {
  std::vector<EventSpec> events;
  events.push_back(Event("2027-01-01", EventSpec::Recurrence{{0, DurationUnit::kMonth}, {}}));
  CHECK(Played(events, "2027-01-01", "2027-01-03") == std::vector<std::string>{"2027-01-01 #0/0"});
}

}  // namespace
}  // namespace concord::engine
