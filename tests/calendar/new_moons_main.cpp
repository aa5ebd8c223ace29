// concord_new_moons: prints the UTC instant of every new moon whose date lies
// in a range, one `YYYY-MM-DD HH:MM:SS` per line, for check_new_moons.py to
// compare with an independent ephemeris.
//
//   concord_new_moons FROM TO      (dates as YYYY-MM-DD, both inclusive)
#include <cstdio>
#include <string>

#include "runtime/calendar/new_moon.h"
#include "runtime/values/date.h"

namespace {

using concord::calendar::LunationContaining;
using concord::calendar::NewMoonUtc;
using concord::calendar::UtcTime;
using concord::values::Date;

int Usage(const std::string& why) {
  std::fprintf(stderr, "concord_new_moons: %s\nusage: concord_new_moons FROM TO\n", why.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return Usage("expected two dates");
  std::string error;
  std::optional<Date> from = Date::Parse(argv[1], &error);
  if (!from) return Usage(error);
  std::optional<Date> to = Date::Parse(argv[2], &error);
  if (!to) return Usage(error);

  // The lunation containing FROM starts on or before it; the first new moon
  // in range is that one or the next.
  int64_t k = LunationContaining(*from);
  for (UtcTime t = NewMoonUtc(k); t.date <= *to; t = NewMoonUtc(++k)) {
    if (t.date < *from) continue;
    std::printf("%s %02d:%02d:%02d\n", t.date.ToString().c_str(), t.second_of_day / 3600,
                t.second_of_day / 60 % 60, t.second_of_day % 60);
  }
  return 0;
}
