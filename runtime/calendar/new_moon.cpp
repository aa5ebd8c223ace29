// Meeus chapter 49 for the new moon, ΔT by Espenak–Meeus, and the search for
// the new moon nearest an instant. Coefficients are copied from the book with
// the book's grouping so they can be checked term by term.
#include "runtime/calendar/new_moon.h"

#include <cmath>
#include <numbers>

namespace concord::calendar {
namespace {

// JD of 1970-01-01 00:00, the epoch of values::Date.
constexpr double kUnixEpochJd = 2440587.5;
// The mean synodic month of 49.1 and the mean new moon k = 0 as days since
// 1970-01-01, used only to guess k before the exact search.
constexpr double kMeanSynodicMonth = 29.530588861;
constexpr double kMeanNewMoonZeroDays = 2451550.09766 - kUnixEpochJd;
constexpr int64_t kSecondsPerDay = 86400;

// Sine of an angle in degrees. Reducing first keeps the argument small:
// 385.8 k degrees is 10^7 for dates a few thousand years out.
double SinDeg(double degrees) {
  return std::sin(std::fmod(degrees, 360.0) * (std::numbers::pi / 180.0));
}

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

double Polynomial(double x, std::initializer_list<double> coefficients) {
  // Horner from the highest power; coefficients are given lowest first.
  double r = 0;
  for (auto it = std::rbegin(coefficients); it != std::rend(coefficients); ++it) r = r * x + *it;
  return r;
}

}  // namespace

double NewMoonJde(int64_t k_int) {
  const double k = static_cast<double>(k_int);
  const double t = k / 1236.85;  // Julian centuries from J2000.0 (49.3)
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double t4 = t3 * t;

  // Mean phase (49.1).
  double jde =
      2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

  // Eccentricity of the Earth's orbit (47.6) and the fundamental arguments
  // (49.4-49.7), in degrees.
  const double e = 1 - 0.002516 * t - 0.0000074 * t2;
  const double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const double mp =
      201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const double f =
      160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const double omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

  // Table 49.A, the new-moon column, in the book's order.
  jde += -0.40720 * SinDeg(mp)               //
         + 0.17241 * e * SinDeg(m)           //
         + 0.01608 * SinDeg(2 * mp)          //
         + 0.01039 * SinDeg(2 * f)           //
         + 0.00739 * e * SinDeg(mp - m)      //
         - 0.00514 * e * SinDeg(mp + m)      //
         + 0.00208 * e * e * SinDeg(2 * m)   //
         - 0.00111 * SinDeg(mp - 2 * f)      //
         - 0.00057 * SinDeg(mp + 2 * f)      //
         + 0.00056 * e * SinDeg(2 * mp + m)  //
         - 0.00042 * SinDeg(3 * mp)          //
         + 0.00042 * e * SinDeg(m + 2 * f)   //
         + 0.00038 * e * SinDeg(m - 2 * f)   //
         - 0.00024 * e * SinDeg(2 * mp - m)  //
         - 0.00017 * SinDeg(omega)           //
         - 0.00007 * SinDeg(mp + 2 * m)      //
         + 0.00004 * SinDeg(2 * mp - 2 * f)  //
         + 0.00004 * SinDeg(3 * m)           //
         + 0.00003 * SinDeg(mp + m - 2 * f)  //
         + 0.00003 * SinDeg(2 * mp + 2 * f)  //
         - 0.00003 * SinDeg(mp + m + 2 * f)  //
         + 0.00003 * SinDeg(mp - m + 2 * f)  //
         - 0.00002 * SinDeg(mp - m - 2 * f)  //
         - 0.00002 * SinDeg(3 * mp + m)      //
         + 0.00002 * SinDeg(4 * mp);

  // The additional corrections for all phases: planetary arguments A1..A14.
  const double a1 = 299.77 + 0.107408 * k - 0.009173 * t2;
  const double a2 = 251.88 + 0.016321 * k;
  const double a3 = 251.83 + 26.651886 * k;
  const double a4 = 349.42 + 36.412478 * k;
  const double a5 = 84.66 + 18.206239 * k;
  const double a6 = 141.74 + 53.303771 * k;
  const double a7 = 207.14 + 2.453732 * k;
  const double a8 = 154.84 + 7.306860 * k;
  const double a9 = 34.52 + 27.261239 * k;
  const double a10 = 207.19 + 0.121824 * k;
  const double a11 = 291.34 + 1.844379 * k;
  const double a12 = 161.72 + 24.198154 * k;
  const double a13 = 239.56 + 25.513099 * k;
  const double a14 = 331.55 + 3.592518 * k;
  jde += 0.000325 * SinDeg(a1) + 0.000165 * SinDeg(a2) + 0.000164 * SinDeg(a3) +
         0.000126 * SinDeg(a4) + 0.000110 * SinDeg(a5) + 0.000062 * SinDeg(a6) +
         0.000060 * SinDeg(a7) + 0.000056 * SinDeg(a8) + 0.000047 * SinDeg(a9) +
         0.000042 * SinDeg(a10) + 0.000040 * SinDeg(a11) + 0.000037 * SinDeg(a12) +
         0.000035 * SinDeg(a13) + 0.000023 * SinDeg(a14);
  return jde;
}

double DeltaTSeconds(double y) {
  // Espenak & Meeus, "Polynomial Expressions for Delta T", in the order of
  // their table. Each piece is valid on [from, to); the pieces meet within
  // a second, which is why no smoothing is applied at the seams.
  auto long_term = [](double year) {
    double u = (year - 1820) / 100;
    return -20 + 32 * u * u;
  };
  if (y < -500) return long_term(y);
  if (y < 500) {
    return Polynomial(
        y / 100, {10583.6, -1014.41, 33.78311, -5.952053, -0.1798452, 0.022174192, 0.0090316521});
  }
  if (y < 1600) {
    return Polynomial((y - 1000) / 100, {1574.2, -556.01, 71.23472, 0.319781, -0.8503463,
                                         -0.005050998, 0.0083572073});
  }
  if (y < 1700) return Polynomial(y - 1600, {120, -0.9808, -0.01532, 1.0 / 7129});
  if (y < 1800) {
    return Polynomial(y - 1700, {8.83, 0.1603, -0.0059285, 0.00013336, -1.0 / 1174000});
  }
  if (y < 1860) {
    return Polynomial(y - 1800, {13.72, -0.332447, 0.0068612, 0.0041116, -0.00037436, 0.0000121272,
                                 -0.0000001699, 0.000000000875});
  }
  if (y < 1900) {
    return Polynomial(y - 1860, {7.62, 0.5737, -0.251754, 0.01680668, -0.0004473624, 1.0 / 233174});
  }
  if (y < 1920) {
    return Polynomial(y - 1900, {-2.79, 1.494119, -0.0598939, 0.0061966, -0.000197});
  }
  if (y < 1941) return Polynomial(y - 1920, {21.20, 0.84493, -0.076100, 0.0020936});
  if (y < 1961) return Polynomial(y - 1950, {29.07, 0.407, -1.0 / 233, 1.0 / 2547});
  if (y < 1986) return Polynomial(y - 1975, {45.45, 1.067, -1.0 / 260, -1.0 / 718});
  if (y < 2005) {
    return Polynomial(y - 2000, {63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599});
  }
  if (y < 2050) return Polynomial(y - 2000, {62.92, 0.32217, 0.005589});
  if (y < 2150) return long_term(y) - 0.5628 * (2150 - y);
  return long_term(y);
}

double NewMoonUtDays(int64_t k) {
  double jde = NewMoonJde(k);
  // The decimal year of the instant; a day's error in it changes ΔT by
  // milliseconds.
  double year = 2000.0 + (jde - 2451545.0) / 365.2425;
  return (jde - kUnixEpochJd) - DeltaTSeconds(year) / kSecondsPerDay;
}

UtcTime NewMoonUtc(int64_t k) {
  auto seconds = static_cast<int64_t>(std::llround(NewMoonUtDays(k) * kSecondsPerDay));
  int64_t days = FloorDiv(seconds, kSecondsPerDay);
  return UtcTime{values::Date::FromDays(days),
                 static_cast<int32_t>(seconds - days * kSecondsPerDay)};
}

int64_t NewMoonNearest(double ut_days) {
  auto distance = [ut_days](int64_t k) { return std::fabs(NewMoonUtDays(k) - ut_days); };
  // Start from the mean lunation. The true new moon is within a day of the
  // mean one near 2000 but further out at the ends of years 0-9999 (ΔT alone
  // is 2.5 days by 9999); new moons increase with k, so the distance falls
  // and then rises, and walking downhill finds the nearest from anywhere.
  auto k = static_cast<int64_t>(std::llround((ut_days - kMeanNewMoonZeroDays) / kMeanSynodicMonth));
  double here = distance(k);
  for (double before = distance(k - 1); before <= here; before = distance(k - 1)) {
    --k;
    here = before;
  }
  for (double after = distance(k + 1); after < here; after = distance(k + 1)) {
    ++k;
    here = after;
  }
  return k;
}

int64_t NewMoonNearest(UtcTime instant) {
  return NewMoonNearest(static_cast<double>(instant.date.days()) +
                        static_cast<double>(instant.second_of_day) / kSecondsPerDay);
}

int64_t LunationContaining(values::Date date) {
  auto k = static_cast<int64_t>(
      std::floor((static_cast<double>(date.days()) - kMeanNewMoonZeroDays) / kMeanSynodicMonth));
  while (NewMoonUtc(k).date > date) --k;
  while (NewMoonUtc(k + 1).date <= date) ++k;
  return k;
}

}  // namespace concord::calendar
