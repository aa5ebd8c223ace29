// Recurring scenario events; see recurrence.h.
#include "runtime/engine/recurrence.h"

#include <fmt/format.h>

#include <algorithm>

#include "runtime/calendar/date_arithmetic.h"

namespace concord::engine {
namespace {

// The heap's order: the smallest (date, order) on top, so a day's events come
// out in source order.
bool Later(const auto& a, const auto& b) {
  if (a.date != b.date) return b.date < a.date;
  return a.order > b.order;
}

}  // namespace

std::optional<Date> OccurrenceDate(Date first, calendar::Period period, int64_t k) {
  if (k < 0 || period.count < 1) return std::nullopt;
  int64_t steps = 0;
  if (__builtin_mul_overflow(k, period.count, &steps)) return std::nullopt;
  values::Checked<values::Duration> offset = values::Duration::CheckedOf(steps, period.unit);
  if (!offset.value) return std::nullopt;
  return calendar::AddDuration(first, *offset.value);
}

std::string DescribePeriod(calendar::Period period) {
  const char* unit = values::UnitName(period.unit, period.count != 1);
  if (period.count == 1) return fmt::format("every {}", unit);
  return fmt::format("every {} {}", period.count, unit);
}

EventQueue::EventQueue(std::vector<const EventSpec*> events, Date last_day)
    : events_(std::move(events)), last_day_(last_day) {
  for (size_t i = 0; i < events_.size(); ++i) Push({events_[i]->date, i, 0});
}

void EventQueue::Push(Pending p) {
  if (p.date > last_day_) return;
  const EventSpec& e = *events_[p.order];
  if (e.recurrence && e.recurrence->until && p.date > *e.recurrence->until) return;
  heap_.push_back(p);
  std::push_heap(heap_.begin(), heap_.end(),
                 [](const Pending& a, const Pending& b) { return Later(a, b); });
}

std::optional<Occurrence> EventQueue::NextOn(Date today) {
  auto later = [](const Pending& a, const Pending& b) { return Later(a, b); };
  while (!heap_.empty() && heap_.front().date <= today) {
    std::pop_heap(heap_.begin(), heap_.end(), later);
    Pending p = heap_.back();
    heap_.pop_back();
    const EventSpec& e = *events_[p.order];
    if (e.recurrence) {
      // Dates grow with k for any period of at least one unit; a next date
      // that does not (a zero period the checker would have refused, or the
      // end of year 9999) ends the recurrence instead of repeating a day.
      std::optional<Date> next = OccurrenceDate(e.date, e.recurrence->every, p.k + 1);
      if (next && *next > p.date) Push({*next, p.order, p.k + 1});
    }
    if (p.date == today) return Occurrence{&e, p.k, p.date};
  }
  return std::nullopt;
}

}  // namespace concord::engine
