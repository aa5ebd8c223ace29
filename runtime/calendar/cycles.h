// Cycle dates of a recurring obligation, `every N <unit>` from an anchor (a
// charter's `adopted`, LANGUAGE.md §9). Cycle k (k = 1, 2, ...) closes on
// CycleDate(anchor, period, k) and opens the day after cycle k - 1 closed,
// the first on the anchor itself.
#pragma once

#include <cstdint>
#include <iterator>
#include <optional>

#include "runtime/values/date.h"
#include "runtime/values/duration.h"

namespace concord::calendar {

// `every 3 months`, `every lunar month`: count >= 1 of a unit.
struct Period {
  int64_t count = 1;
  values::DurationUnit unit = values::DurationUnit::kMonth;
};

// The date cycle k closes on:
//   days, weeks    anchor + k·N days (k·7N for weeks);
//   months, years  anchor.AddMonths(k·N) (k·12N for years), always counted
//                  from the anchor and never from the previous cycle date,
//                  so a charter adopted on Jan 31 closes on Feb 28, Mar 31,
//                  Apr 30 (chaining would stick at the 28th after February);
//   lunar months   the UTC date of the new moon nearest to the instant
//                  anchor 00:00 UTC + k·N·29.530589 days (LANGUAGE.md §9).
// No value for k < 1, a count < 1, or a date outside years 0000-9999.
std::optional<values::Date> CycleDate(values::Date anchor, Period period, int64_t k);

// One cycle: `first_day` is the anchor for k = 1 and otherwise the day after
// cycle k - 1 closed; `last_day` is CycleDate(k). A lunar cycle is empty
// (first_day > last_day) when the spec's nearest-new-moon rule gives two
// consecutive k the same new moon; see docs/reference-calendar.md.
struct Cycle {
  int64_t k = 0;
  values::Date first_day;
  values::Date last_day;

  bool IsEmpty() const { return first_day > last_day; }
  friend bool operator==(const Cycle&, const Cycle&) = default;
};

// The cycles that close on or before `until`, in order:
//   for (const Cycle& c : CycleDates(adopted, {1, DurationUnit::kLunarMonth}, end)) ...
// Cycle dates never decrease with k, so the sequence stops at the first one
// after `until` (or at the end of year 9999).
class CycleDates {
 public:
  CycleDates(values::Date anchor, Period period, values::Date until)
      : anchor_(anchor), period_(period), until_(until) {}

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Cycle;
    using difference_type = std::ptrdiff_t;

    Iterator() = default;
    const Cycle& operator*() const { return cycle_; }
    const Cycle* operator->() const { return &cycle_; }
    Iterator& operator++();
    void operator++(int) { ++*this; }
    friend bool operator==(const Iterator& it, std::default_sentinel_t) { return it.done_; }

   private:
    friend class CycleDates;
    // Copies rather than a pointer to the CycleDates, so an iterator stays
    // valid after the range it came from is gone.
    Iterator(values::Date anchor, Period period, values::Date until);
    void Load(int64_t k, values::Date first_day);

    values::Date anchor_;
    Period period_;
    values::Date until_;
    Cycle cycle_;
    bool done_ = true;
  };

  Iterator begin() const { return Iterator(anchor_, period_, until_); }
  std::default_sentinel_t end() const { return {}; }

 private:
  values::Date anchor_;
  Period period_;
  values::Date until_;
};

}  // namespace concord::calendar
