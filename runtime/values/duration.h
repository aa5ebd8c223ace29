// Durations keep their units. A month is 28-31 days, a year 12 months, a
// lunar month 29.18-29.93 days; so a duration is a sum of parts in three
// incommensurable units, and comparing two durations is only *decided* when
// every possible length of the parts gives the same answer (LANGUAGE.md §2,
// the interval rule). Once anchored to a date a duration has an exact length;
// that is the runtime's business.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

#include "runtime/values/decimal.h"  // Checked

namespace concord::values {

enum class DurationUnit : uint8_t { kDay, kWeek, kMonth, kYear, kLunarMonth };

const char* UnitName(DurationUnit unit, bool plural);

struct Duration {
  int64_t days = 0;          // days and weeks
  int64_t months = 0;        // months and years
  int64_t lunar_months = 0;  // astronomical: new moon to new moon

  // For literals: a count too large for its unit (`2000000000000000000 weeks`)
  // saturates at the int64 range, so it stays absurdly long instead of
  // wrapping into a negative duration. CheckedOf reports it instead.
  static Duration Of(int64_t count, DurationUnit unit);
  static Checked<Duration> CheckedOf(int64_t count, DurationUnit unit);
  bool IsZero() const { return days == 0 && months == 0 && lunar_months == 0; }
  // `6 months`, `1 year`, `1 month + 3 days`: years and weeks are shown when
  // the count divides evenly.
  std::string ToString() const;

  // Unit-wise arithmetic; overflow of any part is reported, never wrapped.
  // Members rather than free `Add`/`Sub`, so that `values::Add` stays one
  // function (the Decimal one) for callers that take its address.
  Checked<Duration> Plus(const Duration& other) const;
  Checked<Duration> Minus(const Duration& other) const;
  Checked<Duration> Times(int64_t factor) const;

  friend bool operator==(const Duration&, const Duration&) = default;
};

// The possible lengths of a duration, in hundredths of a day, over every date
// it could be anchored to. Bounds beyond the int64 range saturate; the
// comparisons below work in 128 bits and are exact whatever the counts.
struct LengthInterval {
  int64_t min_centidays = 0;
  int64_t max_centidays = 0;
};
LengthInterval PossibleLength(const Duration& d);

enum class Decision { kFalse, kTrue, kUndecided };
enum class CompareOp { kEq, kNe, kLt, kLe, kGt, kGe };

// `==`, `!=`, `<`, `<=`, `>`, `>=`: shared by the IR printer and runtime messages.
const char* Spelling(CompareOp op);
// Whether `op` holds for an ordering (`order < 0` for kLt): shared by the
// interpreter and the JIT.
bool Holds(CompareOp op, std::strong_ordering order);

// Decides `a op b` by the interval rule: true or false when every possible
// length agrees, undecided otherwise.
Decision CompareDurations(const Duration& a, CompareOp op, const Duration& b);

// For an undecided comparison, a sentence naming the lengths that break it:
// for `1 month <= 30 days`, "`1 month` can be 31 days long while `30 days`
// can be 30 days: ...".
std::string ExplainUndecided(const Duration& a, CompareOp op, const Duration& b);

}  // namespace concord::values
