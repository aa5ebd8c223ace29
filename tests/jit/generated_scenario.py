#!/usr/bin/env python3
"""A generated workload for the JIT: one charter with many executable rules
on contributions (money arithmetic, percentages, `min`/`max`, fn calls, sums
and counts over the fund's contributions) and a scenario in which members
contribute every few days. Deterministic for a given size.

  generated_scenario.py --concord BIN --compare compare_engines.py [--members N --days D --rules R]
      writes the program to a temporary directory and compares the engines on it
  generated_scenario.py --write FILE [...]       only writes the program
  generated_scenario.py --concord BIN --measure  times both engines (`--stats`) over sizes
  generated_scenario.py --concord BIN --check-auto
      checks that `--engine auto` picks the interpreter for a small run and the JIT for a large one
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from datetime import date, timedelta

RULE_FORMS = [
    'require c.amount <= min({p}% * c.member.income, {cap} EUR) else "above the cap"',
    'when c.amount > {cap} EUR then flag "a large gift"',
    'require dues(c.member.income) + {cap} EUR >= c.amount else "more than dues allow"',
    'when sum(x.amount for x in contributions(pot) where x.amount > {small} EUR) > {big} EUR '
    'then flag "the pot is large"',
    'require count(members(gen)) >= 2 else "too few members"',
    'when max(c.amount * 2, {small} EUR) > {cap} EUR and c.member.income < {income} EUR '
    'then flag "generous for the income"',
    'require if c.amount > {cap} EUR then c.member.income >= {income} EUR else true '
    'else "a large gift from a small income"',
    'when c.amount / 3 > {small} EUR or {p}% of c.member.income < {small} EUR then flag "a third"',
]


def program(members, days, rules):
    lines = ["import std.minimal", "",
             "fn dues(income: money) -> money = min(2% of income, 25 EUR)", "",
             'charter gen "Generated charter" {', "  adopted 2027-01-01", "  concord minimal",
             "  membership {", "    entry open", "    exit anytime notice 0 days", "  }",
             "  revision {", "    every month", "    quota 1 rules", "    quorum 50% of members",
             "  }",
             "  jury {", "    size 2", "    draw lottery from members excluding parties",
             "    ruling expires after 2 months unless reaffirmed", "  }",
             '  ledger pot "The pot" {', "    public", "    report every month",
             "    steward rotates every month among members", "    cap 100000000 EUR", "  }"]
    for i in range(rules):
        form = RULE_FORMS[i % len(RULE_FORMS)]
        body = form.format(p=2 + i % 7, cap=20 + (i * 7) % 40, small=5 + i % 11,
                           big=500 + 37 * i, income=1000 + 50 * (i % 9))
        lines += [f'  rule r{i} "Generated rule {i}" {{', "    on contribution c", f"    {body}",
                  "  }"]
    lines += ["  metric pot_total \"Money in the pot\" = sum(c.amount for c in contributions(pot))",
              "}", ""]
    names = [f"m{i}" for i in range(members)]
    start = date(2027, 1, 1)
    until = start + timedelta(days=days)
    lines += ["scenario busy {", '  seed "generated"', f"  start {start}"]
    lines.append("  members gen: " + ", ".join(names) + " { income 1500 EUR }")
    event = 0
    for d in range(1, days):
        day = start + timedelta(days=d)
        for k in range(3):
            who = names[(d * 3 + k) % members]
            amount = 5 + (event * 13) % 45
            lines.append(f"  on {day} contribute {who} {amount} EUR to pot")
            event += 1
        if day.day == 1:
            lines.append(f"  on {day} report pot")
    lines += [f"  run until {until}", "  expect count(members(gen)) == " + str(members), "}"]
    return "\n".join(lines) + "\n"


def write(path, members, days, rules):
    with open(path, "w", encoding="utf-8") as f:
        f.write(program(members, days, rules))


def stats(concord, engine, command, path):
    proc = subprocess.run([concord, command, "--engine", engine, "--stats", path],
                          capture_output=True, text=True, timeout=600)
    found = {}
    for key in ("jit compile", "evaluations", "evaluation time", "total time", "events"):
        m = re.search(rf"^  {key}\s+([0-9.]+)", proc.stderr, re.M)
        if m:
            found[key] = float(m.group(1))
    return found


def measure(concord, sizes, repeats):
    print("events  rules  evaluations  interp ms (eval/total)  jit ms (compile/eval/total)")
    with tempfile.TemporaryDirectory() as tmp:
        for members, days, rules in sizes:
            path = os.path.join(tmp, "gen.concord")
            write(path, members, days, rules)
            runs = {"interp": [], "jit": []}
            for _ in range(repeats):
                for engine in runs:
                    runs[engine].append(stats(concord, engine, "run", path))

            def median(engine, key):
                values = sorted(r.get(key, 0.0) for r in runs[engine])
                return values[len(values) // 2]

            print(f"{int(median('interp', 'events')):6d}  {rules:5d}  "
                  f"{int(median('interp', 'evaluations')):11d}  "
                  f"{median('interp', 'evaluation time'):10.1f} / {median('interp', 'total time'):8.1f}  "
                  f"{median('jit', 'jit compile'):8.1f} / {median('jit', 'evaluation time'):8.1f} / "
                  f"{median('jit', 'total time'):8.1f}")


def check_auto(concord):
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        # About 360 events x 8 checks = 2,900 evaluations, then 360 x 64 = 23,000.
        for rules, want in ((8, "interp"), (64, "jit")):
            path = os.path.join(tmp, f"auto{rules}.concord")
            write(path, 40, 120, rules)
            proc = subprocess.run([concord, "test", "--stats", path], capture_output=True,
                                  text=True, timeout=600)
            m = re.search(r"^  engine\s+(\S+)(.*)$", proc.stderr, re.M)
            got = m.group(1) if m else "?"
            print(f"{rules} rules: engine {got}{m.group(2) if m else ''} (want {want}), "
                  f"exit {proc.returncode}")
            if got != want or proc.returncode != 0:
                failures += 1
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord")
    parser.add_argument("--compare", help="path of compare_engines.py")
    parser.add_argument("--write")
    parser.add_argument("--measure", action="store_true")
    parser.add_argument("--check-auto", action="store_true")
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--rules", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=3)
    opts = parser.parse_args()
    if opts.write:
        write(opts.write, opts.members, opts.days, opts.rules)
        return 0
    if opts.check_auto:
        return check_auto(os.path.abspath(opts.concord))
    if opts.measure:
        sizes = [(10, 10, 4), (20, 30, 8), (40, 60, 16), (40, 120, 16), (40, 240, 32),
                 (80, 365, 16)]
        measure(os.path.abspath(opts.concord), sizes, opts.repeats)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "generated.concord")
        write(path, opts.members, opts.days, opts.rules)
        return subprocess.call([sys.executable, opts.compare, "--concord", opts.concord, path])


if __name__ == "__main__":
    sys.exit(main())
