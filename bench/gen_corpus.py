#!/usr/bin/env python3
"""Generates a benchmark corpus of valid Concord charters and treaties.

    bench/gen_corpus.py OUT_DIR [--lines 100000] [--seed 2026]

Writes `charter_NNNN.concord` files (one charter each) and `treaty_NNNN.concord`
files (one treaty between two or three of those charters) into OUT_DIR until
the corpus holds at least `--lines` lines, then one `federation.concord` with a
stricter concord that some charters claim. The same seed always gives the
same bytes.

Every file is meant to check clean together with the others: each charter
honours the minimal concord and every lint (two teams with different methods
per essential function, public ledgers with reports and rotating stewards, a
stress game with a rotating designer, a lottery jury with an external
delegate, reflection, titles on every rule and `else` on every `require`),
and each treaty stays within the limits its parties accept. Names are global
across the files of a program, so every name carries the number of its file.
"""

import argparse
import os
import random
import sys

PLACES = [
    "north", "south", "east", "west", "harbour", "mill", "orchard", "station",
    "canal", "market", "hill", "river", "bridge", "quarry", "meadow", "dock",
    "garden", "tannery", "chapel", "forge", "willow", "ash", "linden", "cedar",
]
KINDS = [
    ("kitchen", "Community Kitchen"), ("housing", "Housing Cooperative"),
    ("mesh", "Mesh Network"), ("clinic", "Free Clinic"), ("school", "Free School"),
    ("garden", "Community Garden"), ("repair", "Repair Cafe"),
    ("library", "Tool Library"), ("bakery", "Cooperative Bakery"),
    ("childcare", "Childcare Circle"), ("transport", "Ride Share"),
    ("defence", "Neighbourhood Watch"), ("mediation", "Restorative Circle"),
]
FUNCTIONS = [
    ("sourcing", "Getting supplies in", ["farm pickups", "market gleaning", "bulk orders from a cooperative wholesaler", "donations from neighbours"]),
    ("care", "Looking after people", ["a visiting rota", "a phone tree", "drop-in hours twice a week", "paired buddies"]),
    ("upkeep", "Keeping the place running", ["a Saturday work party", "a skill swap with the tenants' union", "a paid handyperson shared with neighbours", "a weekly checklist"]),
    ("hosting", "Keeping the servers up", ["a self-hosted rack", "rented machines at a cooperative host", "a single-board cluster in a member's flat"]),
    ("outreach", "Telling the neighbourhood", ["flyers and a chalkboard", "a newsletter", "door-to-door visits", "a stall at the market"]),
    ("teaching", "Passing skills on", ["evening workshops", "apprenticeships in pairs", "written guides on the wiki", "recorded video lessons"]),
    ("mediation", "Settling disagreements", ["a restorative circle", "paired mediators", "a listening session before any decision"]),
    ("transport", "Moving things and people", ["a shared van", "cargo bikes", "a lift-sharing board"]),
]
SUBJECTS = ["meals", "the pantry", "the tool shelf", "the rota", "the keys", "the workshop",
            "the garden beds", "the van", "the server room", "the meeting room", "the archive",
            "the first-aid kit", "the notice board", "the shared calendar", "the spare room"]
PROSE = [
    "Anyone who uses {s} helps look after it; no one is turned away for being new.",
    "{S} is open to every member, and the rules for it hang by the door.",
    "Whoever takes the last of something from {s} writes it down the same day.",
    "Decisions about {s} are made by whoever shows up, and written in the public log.",
    "Nobody is made to work on {s}; those who do are thanked at the next assembly.",
    "Changes to {s} are announced a week before they happen.",
    "If {s} breaks, the first person to notice may spend a small amount to fix it and report it.",
    "Guests may use {s} with a member; nobody needs permission to bring one.",
]
TOPICS = ["open", "shared", "fair", "quiet", "public", "safe", "kind", "plain", "early", "late"]
NOUNS = ["meals", "keys", "rota", "pantry", "tools", "books", "garden", "van", "rooms", "logs",
         "notices", "repairs", "visits", "guests", "archive", "lessons", "ledger", "calendar"]
REVISION_PERIODS = ["lunar month", "month", "4 weeks", "30 days", "2 months", "3 months", "6 months"]
# Periods that also satisfy the federation's stricter concord (at most 3 months).
FEDERATION_PERIODS = ["lunar month", "month", "4 weeks", "30 days", "2 months", "3 months"]
ENTRIES = ["open", "open", "sponsored by 2", "sponsored by 1", "vote 66%", "vote 50%"]
NOTICES = ["0 days", "0 days", "7 days", "14 days", "2 weeks", "21 days", "30 days", "4 weeks"]


class Names:
    """Word-based names that stay unique because they carry the file number."""

    def __init__(self, suffix):
        self.suffix = suffix
        self.used = set()

    def make(self, *parts):
        base = "_".join(parts)
        name = f"{base}_{self.suffix}"
        k = 2
        while name in self.used:
            name = f"{base}{k}_{self.suffix}"
            k += 1
        self.used.add(name)
        return name


def money(amount):
    return f"{amount} EUR"


def gen_charter(rng, number, federation):
    place = rng.choice(PLACES)
    kind, kind_title = rng.choice(KINDS)
    names = Names(f"{number:04d}")
    cname = f"{place}_{kind}_{number:04d}"
    title = f"{place.capitalize()} {kind_title} {number}"
    year = rng.choice([2025, 2026, 2027])
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    cap_pct = rng.choice([3, 4, 5, 6])
    cap_eur = rng.choice([30, 40, 50, 60, 80])
    out = []
    w = out.append
    w(f"// {title}: a generated charter for the check benchmark.")
    w("import std.minimal")
    w("")
    w(f"// Dues follow a sliding scale: {cap_pct}% of income, at most {cap_eur} EUR.")
    fn_name = names.make("dues")
    w(f"fn {fn_name}(income: money) -> money = min({cap_pct}% of income, {money(cap_eur)})")
    w("")
    w(f'charter {cname} "{title}" {{')
    w(f"  adopted {year}-{month:02d}-{day:02d}")
    w(f"  concord {'federation_concord' if federation else 'minimal'}")
    w("")
    w("  membership {")
    w(f"    entry {rng.choice(ENTRIES)}")
    w(f"    exit anytime notice {rng.choice(NOTICES)}")
    w("  }")
    w("")
    period = rng.choice(FEDERATION_PERIODS if federation else REVISION_PERIODS)
    w("  revision {")
    w(f"    every {period}")
    w(f"    quota {rng.choice([10, 15, 20, 25, 30])}% of rules")
    w(f"    quorum {rng.choice([30, 40, 50, 60])}% of members")
    w("  }")
    w("")
    for fname, ftitle, methods in rng.sample(FUNCTIONS, rng.randint(2, 5)):
        essential = rng.random() < 0.8
        w(f'  function {names.make(fname)} "{ftitle}"{" essential" if essential else ""} {{')
        chosen = rng.sample(methods, rng.randint(2, min(3, len(methods))))
        for i, method in enumerate(chosen):
            w(f'    team {names.make(fname, "team", str(i + 1))} method "{method}"')
        w("  }")
        w("")
    w("  jury {")
    w(f"    size {rng.choice([3, 5, 7, 9])}")
    w("    draw lottery from members excluding parties")
    w(f"    external {rng.choice([1, 1, 2])} from allies when serious")
    w(f"    ruling expires after {rng.choice(['3 months', '6 months', '90 days', '1 year'])} unless reaffirmed")
    w("  }")
    w("")
    ledgers = []
    for _ in range(rng.randint(1, 3)):
        lname = names.make(rng.choice(["fund", "pool", "chest", "kitty"]))
        ledgers.append(lname)
        w(f'  ledger {lname} "{lname.replace("_", " ").capitalize()}" {{')
        w("    public")
        w(f"    report every {rng.choice(['month', '2 weeks', '3 months'])}")
        w(f"    steward rotates every {rng.choice(['month', '2 months', '3 months', '6 months'])} among members")
        w(f"    cap {money(rng.choice([500, 1000, 1500, 3000, 6000]))}")
        w("  }")
        w("")
    w(f"  stress_game every {rng.choice(['2 months', '3 months', '4 months', '6 months'])} designer rotates among members")
    w(f"  reflection every {rng.choice(['3 months', '6 months', '1 year'])}")
    w("")
    w("  treaties {")
    w("    accept term at most 1 year")
    w("    accept notice at most 30 days")
    w("    accept renewal explicitly by all")
    w("    accept contribution at most min(5% of income, 50 EUR) per month")
    w("    accept total contribution at most 10% of income per month")
    w("  }")
    w("")
    for _ in range(rng.randint(8, 22)):
        topic, noun = rng.choice(TOPICS), rng.choice(NOUNS)
        rname = names.make(topic, noun)
        rtitle = f"{topic.capitalize()} {noun}"
        subject = rng.choice(SUBJECTS)
        style = rng.random()
        w(f'  rule {rname} "{rtitle}" {{')
        if style < 0.45:
            text = rng.choice(PROSE).format(s=subject, S=subject[0].upper() + subject[1:])
            w(f'    text "{text}"')
        elif style < 0.65:
            w(f'    text "Contributions follow the sliding scale of {cap_pct}% of income."')
            w("    on contribution c")
            w(f"    require c.amount <= {fn_name}(c.member.income)")
            w(f'      else "a contribution above the sliding scale of {cname}"')
        elif style < 0.8:
            limit = rng.choice([20, 25, 40, 50])
            w("    on contribution c")
            w(f"    require c.amount <= min({rng.choice([2, 3, 5])}% * c.member.income, {money(limit)})")
            w(f'      else "no single contribution above {limit} EUR"')
        elif style < 0.9:
            high = rng.choice([100, 200, 500])
            w(f"    on contribution c where c.amount > {money(rng.choice([0, 1, 5]))}")
            w(f'    when c.amount > {money(high)} then flag "a gift above {high} EUR: announce it"')
        else:
            w("    on contribution c")
            w(f"    require c.amount > 0 EUR and c.amount <= (if c.member.income > {money(rng.choice([1000, 1500, 2000]))} then {money(60)} else {money(20)})")
            w('      else "contributions are positive and follow the two-band scale"')
        w("  }")
        w("")
    w(f'  metric {names.make("decisions_without_state")} "Decisions made without the state" =')
    w("    count(d in decisions where not d.state_recourse)")
    for lname in ledgers:
        w(f'  metric {names.make(lname, "received")} "Money received" =')
        w(f"    sum(c.amount for c in contributions({lname}))")
    w("}")
    w("")
    return cname, "\n".join(out)


def gen_treaty(rng, number, parties):
    names = Names(f"t{number:04d}")
    tname = f"pact_{number:04d}"
    out = []
    w = out.append
    w(f"// A generated solidarity pact between {', '.join(parties)}.")
    w(f'treaty {tname} "Solidarity pact {number}" {{')
    w(f"  parties {', '.join(parties)}")
    w(f"  effective 2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    w(f"  term {rng.choice(['3 months', '4 months', '6 months', '1 year'])} renew explicitly by all")
    w(f"  exit any party notice {rng.choice(['7 days', '14 days', '30 days'])}")
    w(f'  distress_signal "{rng.choice(["red lantern", "pots and pans", "three bells", "green flag"])}" respond within {rng.choice([1, 2, 3])} days')
    for _ in range(rng.randint(1, 2)):
        w(f'  fund {names.make("solidarity")} {{')
        w(f"    contribution {rng.choice([1, 2])}% of income cap {money(rng.choice([10, 15, 20]))} per month")
        w("    steward rotates every month among parties")
        w("  }")
    w(f"  cross_training every {rng.choice(['month', '2 months', '3 months'])}")
    w(f'  rule {names.make("mutual_aid")} "Mutual aid" {{')
    w('    text "Each party answers the others\' distress signal as if it were its own."')
    w("  }")
    w("}")
    w("")
    return "\n".join(out)


FEDERATION = """// A stricter concord that some generated charters claim.
import std.minimal

concord federation_concord "the generated federation: revised at least every season" extends minimal {
  require charter.revision.every <= 3 months as C101 "the charter is revised at least every season"
}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--lines", type=int, default=100_000, help="minimum total lines")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    for old in os.listdir(args.out_dir):
        if old.endswith(".concord"):
            os.remove(os.path.join(args.out_dir, old))

    def write(name, text):
        with open(os.path.join(args.out_dir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        return text.count("\n")

    lines = write("federation.concord", FEDERATION)
    files, charters, treaties = 1, [], 0
    treaty_count = {}
    while lines < args.lines:
        number = len(charters) + 1
        cname, text = gen_charter(rng, number, federation=rng.random() < 0.2)
        lines += write(f"charter_{number:04d}.concord", text)
        charters.append(cname)
        files += 1
        # Every fifth charter, a pact among recent charters that are in fewer
        # than two pacts, so no member's total contribution exceeds the limit.
        if number % 5 == 0:
            pool = [c for c in charters[-10:] if treaty_count.get(c, 0) < 2]
            if len(pool) >= 2:
                parties = rng.sample(pool, min(len(pool), rng.choice([2, 2, 3])))
                for p in parties:
                    treaty_count[p] = treaty_count.get(p, 0) + 1
                treaties += 1
                lines += write(f"treaty_{treaties:04d}.concord", gen_treaty(rng, treaties, parties))
                files += 1
    print(f"{files} files ({len(charters)} charters, {treaties} treaties), {lines} lines in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
