#!/usr/bin/python3
"""Compares Concord's new moons (Meeus ch. 49 + Espenak-Meeus Delta T, printed by
concord_new_moons) with PyEphem's, an independent ephemeris (libastro), for every
new moon in a date range.

Fails when
  - a new moon of one list has no counterpart within an hour in the other;
  - the UTC dates differ for a new moon more than --midnight-margin minutes
    (by ephem) from midnight: closer than that, the models' disagreement of a
    minute or two may legitimately put it on either side;
  - the largest time difference exceeds --max-diff seconds.
Prints the number compared, the largest difference, and every date mismatch.

Run with Debian's /usr/bin/python3, which has python3-ephem (scripts/setup.sh).
"""
import argparse
import bisect
import datetime as dt
import subprocess
import sys

try:
    import ephem
except ImportError:
    sys.exit("check_new_moons: python3-ephem is missing; run scripts/setup.sh "
             "and use /usr/bin/python3")


def ephem_new_moons(first: dt.date, last: dt.date):
    """Every new moon from first 00:00 UTC up to, not including, last + 1 day."""
    end = ephem.Date(dt.datetime.combine(last + dt.timedelta(days=1), dt.time()))
    d = ephem.Date(dt.datetime.combine(first, dt.time()))
    moons = []
    while True:
        d = ephem.next_new_moon(d)
        if d >= end:
            return moons
        moons.append(d.datetime().replace(tzinfo=None))
        d = ephem.Date(d + 1)  # a day on, well short of the next


def concord_new_moons(binary: str, first: dt.date, last: dt.date):
    out = subprocess.run([binary, first.isoformat(), last.isoformat()], check=True,
                         capture_output=True, text=True).stdout
    return [dt.datetime.strptime(line, "%Y-%m-%d %H:%M:%S") for line in out.splitlines()]


def seconds_from_midnight(t: dt.datetime) -> float:
    """Distance to the nearer midnight, in seconds."""
    s = t.hour * 3600 + t.minute * 60 + t.second + t.microsecond / 1e6
    return min(s, 86400 - s)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--new-moons", required=True, help="the concord_new_moons executable")
    p.add_argument("--from", dest="first", default="2000-01-01")
    p.add_argument("--to", dest="last", default="2100-12-31")
    p.add_argument("--midnight-margin", type=float, default=10, help="minutes")
    p.add_argument("--max-diff", type=float, default=60, help="seconds")
    args = p.parse_args()
    first = dt.date.fromisoformat(args.first)
    last = dt.date.fromisoformat(args.last)

    reference = ephem_new_moons(first, last)
    # Two days more on each side, so that a new moon near an end of the range
    # finds its counterpart even when the models put it on different dates.
    ours = concord_new_moons(args.new_moons, first - dt.timedelta(days=2),
                             last + dt.timedelta(days=2))
    failures = []
    used = set()
    max_diff, max_at = 0.0, None
    mismatches = []
    for ref in reference:
        i = bisect.bisect_left(ours, ref)
        candidates = [j for j in (i - 1, i) if 0 <= j < len(ours)]
        j = min(candidates, key=lambda j: abs((ours[j] - ref).total_seconds()), default=None)
        if j is None or abs((ours[j] - ref).total_seconds()) > 3600:
            failures.append(f"ephem's new moon {ref} has no counterpart within an hour")
            continue
        if j in used:
            failures.append(f"two of ephem's new moons pair with {ours[j]}")
        used.add(j)
        diff = abs((ours[j] - ref).total_seconds())
        if diff > max_diff:
            max_diff, max_at = diff, ref
        if ours[j].date() != ref.date():
            near = seconds_from_midnight(ref) <= args.midnight_margin * 60
            mismatches.append((ref, ours[j], near))
            if not near:
                failures.append(f"date differs: ephem {ref}, concord {ours[j]}")
    start = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    for j, t in enumerate(ours):
        if j not in used and start + dt.timedelta(hours=1) <= t < end - dt.timedelta(hours=1):
            failures.append(f"concord's new moon {t} has no counterpart in ephem")
    if max_diff > args.max_diff:
        failures.append(f"largest difference {max_diff:.0f} s exceeds {args.max_diff:.0f} s")

    near_midnight = sum(seconds_from_midnight(r) <= args.midnight_margin * 60 for r in reference)
    print(f"compared {len(reference)} new moons {first}..{last} with ephem {ephem.__version__}: "
          f"largest difference {max_diff:.1f} s (at {max_at}); {near_midnight} within "
          f"{args.midnight_margin:g} min of midnight, {len(mismatches)} on another date")
    for ref, our, near in mismatches:
        print(f"  date differs{' (within the midnight margin)' if near else ''}: "
              f"ephem {ref}, concord {our}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
