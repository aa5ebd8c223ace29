// Recurring scenario events (`on DATE every PERIOD EVENT [until DATE]`): the
// dates an event recurs on, and the queue that plays one-off and recurring
// events together, day by day, in the order a hand-written list would have.
// docs/reference-runtime.md, "Recurring events", states the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/engine/input.h"

namespace concord::engine {

// Occurrence k (k = 0 is the first date) of an event recurring every `period`
// from `first`: first + k × period with the language's `date + duration`
// (runtime/calendar/date_arithmetic.h), always counted from `first` and never
// from the previous occurrence, so a monthly event from Jan 31 falls on
// Feb 28, Mar 31, Apr 30 instead of sticking at the 28th. None for k < 0, a
// count below 1, or a date past year 9999.
std::optional<Date> OccurrenceDate(Date first, calendar::Period period, int64_t k);

// `every lunar month`, `every 2 weeks`: the period as a scenario writes it.
std::string DescribePeriod(calendar::Period period);

// One event to play: the event and, for a recurring one, which occurrence
// (0 for the first date and for a one-off event).
struct Occurrence {
  const EventSpec* event = nullptr;
  int64_t k = 0;
  Date date;
};

// Hands out the events of a run in the order of their dates and, within a
// day, in source order: the order the occurrences would have if each were
// written out by hand at its recurring line. Only the next occurrence of each
// recurring event is kept, so memory grows with the number of lines, never
// with how often they recur; the run's own limits (R035) bound the work.
class EventQueue {
 public:
  // `events` in source order, each with its first date on or after the
  // first day played (the caller reports the others, R034). No occurrence
  // after `last_day` is handed out.
  EventQueue(std::vector<const EventSpec*> events, Date last_day);

  // The next event dated `today`, if any. Call with days that never go
  // back; occurrences of days already passed are dropped.
  std::optional<Occurrence> NextOn(Date today);

 private:
  struct Pending {
    Date date;
    size_t order = 0;  // index in events_, i.e. source order
    int64_t k = 0;
  };
  void Push(Pending p);

  std::vector<const EventSpec*> events_;
  std::vector<Pending> heap_;  // a min-heap by (date, order)
  Date last_day_;
};

}  // namespace concord::engine
