// New moons: the instant of the k-th new moon by Meeus, Astronomical
// Algorithms (2nd ed.), chapter 49, converted from dynamical time to UT with
// the Espenak–Meeus polynomials for ΔT. This file and new_moon.cpp are the
// only floating point in the runtime: what leaves them for the language is a
// Date (and, for tests and reports, a whole second of the day); cycle dates,
// lunar-month arithmetic and everything else work on integer day counts.
#pragma once

#include <cstdint>

#include "runtime/values/date.h"

namespace concord::calendar {

// Lunation numbers follow Meeus: k = 0 is the new moon of 2000-01-06, k = -283
// the one of 1977-02-18; consecutive integers are consecutive new moons.
//
// The instant of new moon k as a Julian Ephemeris Day (Terrestrial Time):
// the mean phase (49.1), the 25 periodic terms of table 49.A for the new moon
// and the 14 planetary terms A1..A14. Against an independent ephemeris it is
// within 40 s from 1600 to 2200 (docs/reference-calendar.md §3.1). k is an
// integer: Meeus's fractional k name the other phases, whose periodic terms
// differ, so a fractional k here would be a silent error.
double NewMoonJde(int64_t k);

// ΔT = TT − UT in seconds for a decimal year (2026.5 is mid-2026), by the
// polynomials of Espenak and Meeus (NASA Five Millennium Canon of Solar
// Eclipses, 2006): piecewise from −500 to 2150, the long-term parabola
// −20 + 32u² outside. They were fitted to observations up to 2005; later
// values are a prediction (2 s high by 2020) that may drift by a minute or
// so by 2100.
double DeltaTSeconds(double decimal_year);

// An instant in UTC, to the second. UT1 and UTC differ by less than 0.9 s,
// far below the model's error, so the UT of the model is reported as UTC.
struct UtcTime {
  values::Date date;
  int32_t second_of_day = 0;  // 0..86399

  friend bool operator==(const UtcTime&, const UtcTime&) = default;
};

// New moon k in UT, as fractional days since 1970-01-01 00:00.
double NewMoonUtDays(int64_t k);

// New moon k rounded to the nearest UTC second. The date is that of the
// rounded instant, so a new moon at 23:59:59.6 belongs to the next day.
UtcTime NewMoonUtc(int64_t k);

// The lunation number of the new moon whose instant is nearest to `ut_days`
// (fractional days since 1970-01-01 00:00 UT). A tie, which floating point
// makes practically impossible, goes to the earlier new moon.
int64_t NewMoonNearest(double ut_days);
// The same for an instant given as a date and a second of that day (UTC).
int64_t NewMoonNearest(UtcTime instant);

// The lunation that contains `date` counted in whole dates: the k whose new
// moon falls on `date` or on the latest date before it. Two new moons are at
// least 29 days apart, so every date belongs to exactly one lunation.
int64_t LunationContaining(values::Date date);

}  // namespace concord::calendar
