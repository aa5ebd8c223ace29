#!/usr/bin/env python3
"""Generates the federation benchmark workload.

    bench/federation/gen.py OUT_DIR [--scale 1] [--seed 2026] [--years 10]

At scale 1: 1,000 polities (one charter file each), 100,000 members, 2,000
treaties between pairs of polities, and 10 simulated years of events (joins,
dues and donations to each polity's ledger, yearly payments into the funds
of one treaty in eight (what the fund asks of every member of both parties),
treaty signatures and yearly renewals, assemblies, ledger reports, stress
games, reflections, disputes and rulings). `--scale 0.1` and `--scale 0.01`
divide polities, members and treaties by 10 and 100; the years, the members
per polity and the events per member stay the same, so the event count grows
linearly with the scale.

Every charter and treaty carries executable rules evaluated on every matching
event: a sliding-scale cap on dues (`fn` with `min`/`max` and a rate), a floor
(`fn` with `if`), a lifetime limit on a member's contributions (a `sum` over
the ledger's contributions filtered by member) for large gifts, a flag on
very large gifts, an eligibility rule on joining (a `fn` returning bool), and
in each funded treaty a cap on fund payments. Each polity draws its own rates, caps
and floors, so every rule is different code.

Written into OUT_DIR:
  program/*.concord  the charters and treaties (`concord check` clean)
  scenario.concord   the 10-year scenario: members and `events from` lines
  events/YEAR.events its events, one per line, a file per year (or, with
                     --events inline, the events inside scenario.concord)
  events.tsv         the events the rules see, in scenario order, for the
                     rule benchmark and rules.lua
  params.tsv         each polity's and treaty's rule parameters, for the
                     hand-written C++ and LuaJIT versions of the same rules
  meta.txt           counts

The same seed and scale always give the same bytes.
"""

import argparse
import datetime
import os
import random
import shutil
import sys

START = datetime.date(2027, 1, 1)
MEMBERS_PER_POLITY = 100
TREATIES_PER_POLITY = 2  # 2,000 treaties for 1,000 polities
MAX_TREATIES_PER_POLITY = 6
FUNDED_EVERY = 8  # one pact in 8 has a fund (250 funds at scale 1)


def add_years(d, k):
    try:
        return d.replace(year=d.year + k)
    except ValueError:  # 29 February
        return d.replace(year=d.year + k, day=28)


def add_months(d, k):
    month = d.month - 1 + k
    year = d.year + month // 12
    month = month % 12 + 1
    day = min(d.day, [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
                      31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    return datetime.date(year, month, day)


def eur(cents):
    if cents % 100 == 0:
        return f"{cents // 100} EUR"
    return f"{cents // 100}.{cents % 100:02d} EUR"


def days(d):
    """Days since 1970-01-01: how events.tsv writes dates."""
    return (d - datetime.date(1970, 1, 1)).days


class Polity:
    def __init__(self, rng, number):
        self.number = number
        self.tag = f"{number:04d}"
        self.name = f"polity_{self.tag}"
        self.ledger = f"kitty_{self.tag}"
        self.adopted = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365))
        self.rate = rng.choice([2, 3, 4, 5])            # dues: rate% of income ...
        self.floor = rng.choice([5, 8, 10]) * 100       # ... at least this ...
        self.cap = rng.choice([40, 50, 60, 80]) * 100   # ... at most this (cents)
        self.low_income = rng.choice([800, 1000, 1200]) * 100  # floor rule: below it, 1 EUR
        self.gift_share = rng.choice([30, 40, 50])      # lifetime limit: share of income ...
        self.gift_min = rng.choice([600, 800, 1000]) * 100  # ... but at least this
        self.gift_threshold = rng.choice([100, 120, 150]) * 100  # gifts above it are checked
        self.flag_above = rng.choice([200, 250, 300]) * 100
        self.min_income = rng.choice([500, 600, 700]) * 100  # eligibility
        self.members = []   # (name, income cents, joined date or None)
        self.treaties = []

    def source(self):
        t = self.tag
        return f"""// Polity {self.number}: a generated charter of the federation benchmark.
import std.minimal

// Dues: {self.rate}% of income, at least {eur(self.floor)}, at most {eur(self.cap)}.
fn dues_cap_{t}(income: money) -> money = min(max({self.rate}% of income, {eur(self.floor)}), {eur(self.cap)})
// The smallest contribution accepted: a token euro below {eur(self.low_income)} of income.
fn floor_of_{t}(income: money) -> money = if income < {eur(self.low_income)} then 1 EUR else min(1% of income, 10 EUR)
// What one member may pay in over their membership.
fn limit_of_{t}(income: money) -> money = max({self.gift_share}% of income, {eur(self.gift_min)})
fn can_join_{t}(income: money) -> bool = income >= {eur(self.min_income)}

charter {self.name} "Polity {self.number}" {{
  adopted {self.adopted.isoformat()}
  concord minimal

  membership {{
    entry open
    exit anytime notice 0 days
  }}

  revision {{
    every 1 year
    quota 1 rules
    quorum 10% of members
  }}

  function upkeep_{t} "Keeping the place running" essential {{
    team work_party_{t} method "a Saturday work party"
    team checklist_{t} method "a weekly checklist"
  }}

  jury {{
    size 5
    draw lottery from members excluding parties
    external 1 from allies when serious
    ruling expires after 6 months unless reaffirmed
  }}

  ledger {self.ledger} "Common fund" {{
    public
    report every 3 months
    steward rotates every 3 months among members
  }}

  stress_game every 1 year designer rotates among members
  reflection every 1 year

  treaties {{
    accept term at most 1 year
    accept notice at most 30 days
    accept renewal explicitly by all
    accept contribution at most min(5% of income, 50 EUR) per month
    accept total contribution at most 10% of income per month
  }}

  rule open_doors_{t} "Open doors" {{
    text "Anyone may attend an assembly; nobody is turned away for being new."
  }}

  rule dues_scale_{t} "Dues follow the sliding scale" {{
    on contribution c where c.fund == "{self.ledger}"
    require c.amount <= dues_cap_{t}(c.member.income) or c.amount >= {eur(self.gift_threshold)}
      else "dues above the sliding scale of {self.name}"
  }}

  rule dues_floor_{t} "No empty gestures" {{
    on contribution c where c.fund == "{self.ledger}"
    require c.amount >= floor_of_{t}(c.member.income)
      else "a contribution below the floor of {self.name}"
  }}

  rule lifetime_limit_{t} "Nobody buys the polity" {{
    on contribution c where c.fund == "{self.ledger}" and c.amount >= {eur(self.gift_threshold)}
    // `0 EUR +` gives an empty sum its currency (R024 otherwise).
    require 0 EUR + sum(x.amount for x in contributions({self.ledger}) where x.member == c.member) + c.amount
      <= limit_of_{t}(c.member.income)
      else "a member's contributions above the lifetime limit of {self.name}"
  }}

  rule big_gifts_{t} "Large gifts are announced" {{
    on contribution c where c.fund == "{self.ledger}"
    when c.amount > {eur(self.flag_above)} then flag "a gift above {eur(self.flag_above)}: announce it"
  }}

  rule eligible_{t} "Members can afford the dues" {{
    on join j
    require can_join_{t}(j.member.income)
      else "an income below the minimum of {self.name}"
  }}

  metric received_{t} "Money received" = sum(c.amount for c in contributions({self.ledger}))
}}
"""


class Treaty:
    def __init__(self, rng, number, parties):
        self.number = number
        self.tag = f"{number:04d}"
        self.name = f"pact_{self.tag}"
        self.fund = f"pact_fund_{self.tag}"
        self.parties = parties
        self.effective = START + datetime.timedelta(days=rng.randrange(0, 180))
        self.rate = rng.choice([1, 2])
        self.cap = rng.choice([10, 15, 20]) * 100
        # One pact in FUNDED_EVERY keeps a solidarity fund that every member of
        # both parties pays into once a year; the others are pacts without money.
        self.funded = number % FUNDED_EVERY == 1

    def share(self, income):
        """What the fund asks of a member a year: min(rate% of income, cap)."""
        return min(income * self.rate // 100, self.cap)

    def period(self, k):
        """The k-th contribution period, counted from `effective` as concord counts it."""
        return add_years(self.effective, k)

    def source(self):
        t = self.tag
        comment = f"// Pact {self.number}: a generated solidarity pact of the federation benchmark.\n"
        head = f"""treaty {self.name} "Solidarity pact {self.number}" {{
  parties {', '.join(p.name for p in self.parties)}
  effective {self.effective.isoformat()}
  term 1 year renew explicitly by all
  exit any party notice 14 days
"""
        if not self.funded:
            return comment + head + "}\n"
        return comment + f"""fn pact_share_{t}(income: money) -> money = min({self.rate}% of income, {eur(self.cap)})

{head}  fund {self.fund} "Solidarity fund" {{
    contribution {self.rate}% of income cap {eur(self.cap)} per year
    steward rotates every month among parties
  }}

  rule fund_share_{t} "Payments follow the pact's share" {{
    on contribution c where c.fund == "{self.fund}"
    require c.amount <= pact_share_{t}(c.member.income)
      else "a payment above the share of {self.name}"
  }}
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--events", choices=["files", "inline"], default="files",
                        help="write the events into events/YEAR.events (read with `events from`) "
                             "or inline in scenario.concord")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    npolities = max(2, round(1000 * args.scale))
    ntreaties = max(1, round(TREATIES_PER_POLITY * npolities))
    until = add_years(START, args.years) - datetime.timedelta(days=1)

    polities = [Polity(rng, i + 1) for i in range(npolities)]
    treaties = []
    for k in range(ntreaties):
        pool = [p for p in polities if len(p.treaties) < MAX_TREATIES_PER_POLITY]
        a, b = rng.sample(pool, 2)
        t = Treaty(rng, k + 1, [a, b])
        a.treaties.append(t)
        b.treaties.append(t)
        treaties.append(t)

    incomes = [x * 100 for x in range(800, 4001, 100)]
    number = 0
    for p in polities:
        for _ in range(MEMBERS_PER_POLITY):
            number += 1
            income = rng.choice(incomes)
            joined = None  # a founding member, present at the start
            if rng.random() < 0.2:
                joined = START + datetime.timedelta(days=rng.randrange(1, (until - START).days))
                if rng.random() < 0.05:
                    income = rng.choice([300, 400, 450]) * 100  # fails eligibility
            p.members.append((f"m{number:06d}", income, joined))

    # Events: (date, order, scenario line, tsv line or None).
    events = []
    seq = 0

    def event(date, line, tsv=None):
        nonlocal seq
        if START <= date <= until:
            events.append((date, seq, line, tsv))
            seq += 1

    for p in polities:
        pi = p.number
        for name, income, joined in p.members:
            if joined:
                event(joined, f"join {name} to {p.name} {{ income {eur(income)} }}",
                      f"J\t{days(joined)}\t{name[1:]}\t{income}\t{pi}")
            first = joined or START
            mi = int(name[1:])
            for year in range(args.years):
                # Yearly dues on a random day, usually within the scale.
                day = START + datetime.timedelta(days=365 * year + rng.randrange(0, 180))
                if day > first:
                    scale = min(max(income * p.rate // 100, p.floor), p.cap)
                    roll = rng.random()
                    if roll < 0.85:
                        amount = max(100, scale - rng.choice([0, 0, 100, 200, 500]))
                    elif roll < 0.95:
                        amount = scale + rng.choice([100, 250, 1000])  # over the scale
                    else:
                        amount = 50  # below any floor
                    event(day, f"contribute {name} {eur(amount)} to {p.ledger}",
                          f"C\t{days(day)}\t{mi}\t{income}\t{pi}\tL\t{pi}\t{amount}")
                # A donation now and then, on another day of the second half-year.
                if rng.random() < 0.08:
                    day = START + datetime.timedelta(days=365 * year + 182 + rng.randrange(0, 180))
                    if day > first:
                        amount = rng.choice([50, 120, 150, 200, 300, 500]) * 100
                        event(day, f"contribute {name} {eur(amount)} to {p.ledger}",
                              f"C\t{days(day)}\t{mi}\t{income}\t{pi}\tL\t{pi}\t{amount}")
            # What each funded pact of the polity asks, once in each of its yearly
            # periods: most members pay their share, 2% pay more than the pact's
            # rule allows (R010) and 2% forget the year (R012 when it closes).
            for t in p.treaties:
                if not t.funded:
                    continue
                for k in range(args.years + 1):
                    day = t.period(k) + datetime.timedelta(days=rng.randrange(5, 300))
                    roll = rng.random()
                    if day <= first or roll < 0.02:
                        continue
                    amount = t.share(income) + (500 if roll < 0.04 else 0)
                    event(day, f"contribute {name} {eur(amount)} to {t.fund}",
                          f"C\t{days(day)}\t{mi}\t{income}\t{pi}\tF\t{t.number}\t{amount}")

        founders = [n for n, _, j in p.members if j is None]
        for k in range(1, args.years + 2):
            close = add_years(p.adopted, k)
            present = rng.sample(founders, min(len(founders), 15))
            event(close - datetime.timedelta(days=40),
                  f"assembly {p.name} present {', '.join(present)} {{ amend open_doors_{p.tag} }}")
            event(close - datetime.timedelta(days=20), f"stress_game {p.name}")
            event(close - datetime.timedelta(days=25), f"reflection {p.name}")
        for q in range(0, 4 * args.years + 4):
            event(add_months(p.adopted, 3 * q) - datetime.timedelta(days=10), f"report {p.ledger}")
        for year in range(args.years):
            if rng.random() < 0.05:
                a, b = rng.sample(founders, 2)
                day = START + datetime.timedelta(days=365 * year + rng.randrange(0, 300))
                did = f"d{p.tag}_{year}"
                serious = " serious" if rng.random() < 0.3 else ""
                event(day, f"dispute {did} in {p.name} {a} vs {b}{serious}")
                event(day + datetime.timedelta(days=30), f"ruling {did} issued")

    for t in treaties:
        both = ", ".join(p.name for p in t.parties)
        event(t.effective, f"sign {t.name} by {both}")
        for k in range(1, args.years + 1):
            event(add_years(t.effective, k) - datetime.timedelta(days=20), f"renew {t.name} by {both}")

    events.sort(key=lambda e: (e[0], e[1]))

    out = args.out_dir
    if os.path.isdir(os.path.join(out, "program")):
        shutil.rmtree(os.path.join(out, "program"))
    os.makedirs(os.path.join(out, "program"), exist_ok=True)

    def write(path, text):
        with open(os.path.join(out, path), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    for p in polities:
        write(f"program/{p.name}.concord", p.source())
    for t in treaties:
        write(f"program/{t.name}.concord", t.source())

    lines = [
        "// The federation benchmark's scenario: generated by bench/federation/gen.py",
        f"// (--scale {args.scale:g} --seed {args.seed} --years {args.years}).",
        "scenario federation {",
        f'  seed "federation-{args.seed}"',
        f"  start {START.isoformat()}",
    ]
    for p in polities:
        by_income = {}
        for name, income, joined in p.members:
            if joined is None:
                by_income.setdefault(income, []).append(name)
        for income in sorted(by_income):
            lines.append(f"  members {p.name}: {', '.join(by_income[income])} {{ income {eur(income)} }}")
    if args.events == "inline":
        for date, _, line, _ in events:
            lines.append(f"  on {date.isoformat()} {line}")
    else:
        # One event file a year, read by concord as a stream (`events from`):
        # the scenario stays small at every scale, and the files are in date
        # order, as an event file must be (E0293).
        if os.path.isdir(os.path.join(out, "events")):
            shutil.rmtree(os.path.join(out, "events"))
        os.makedirs(os.path.join(out, "events"))
        by_year = {}
        for date, _, line, _ in events:
            by_year.setdefault(date.year, []).append(f"on {date.isoformat()} {line}")
        for year in sorted(by_year):
            write(f"events/{year}.events", "\n".join(by_year[year]) + "\n")
            lines.append(f'  events from "events/{year}.events"')
    lines.append(f"  run until {until.isoformat()}")
    lines.append("}")
    write("scenario.concord", "\n".join(lines) + "\n")

    # events.tsv, one event a line, tab-separated, dates in days since 1970-01-01, money in cents:
    #   C date member income polity L|F account amount   a contribution to a ledger or treaty fund
    #   J date member income polity                      a join
    tsv = [e[3] for e in events if e[3] is not None]
    write("events.tsv", "\n".join(tsv) + "\n")

    params = ["# kind\tnumber\tparameters (amounts in cents)"]
    for p in polities:
        params.append("\t".join(str(x) for x in [
            "P", p.number, p.rate, p.floor, p.cap, p.low_income, p.gift_share, p.gift_min,
            p.gift_threshold, p.flag_above, p.min_income]))
    for t in treaties:
        params.append("\t".join(str(x) for x in ["T", t.number, t.rate, t.cap]))
    write("params.tsv", "\n".join(params) + "\n")

    contributions = sum(1 for line in tsv if line.startswith("C"))
    joins = sum(1 for line in tsv if line.startswith("J"))
    members = sum(len(p.members) for p in polities)
    meta = (f"scale {args.scale:g}\nseed {args.seed}\nyears {args.years}\npolities {npolities}\n"
            f"members {members}\ntreaties {ntreaties}\nscenario_events {len(events)}\n"
            f"rule_events {len(tsv)}\ncontributions {contributions}\njoins {joins}\n")
    write("meta.txt", meta)
    sys.stdout.write(meta.replace("\n", ", ").rstrip(", ") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
