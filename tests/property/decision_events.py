#!/usr/bin/env python3
"""Property test of the decision events (POWER.md §6, docs/reference.md §9.9):
random scenarios over tests/golden/run/_inputs/linden.concord, each with
proposals of every matter, votes of every choice, decisions, elections,
petitions, verdicts and waivers whose names all resolve. Properties:

  1. `concord check` accepts every generated scenario (the generator only
     writes valid references; a refusal is a generator or sema bug);
  2. `concord run` plays it to the end on the interpreter and on the JIT
     without an internal error, and the two timelines are byte-identical
     (text and JSON);
  3. `concord fmt` prints it back unchanged in meaning: formatting twice
     gives the same text (idempotence).

  decision_events.py --concord build/dev/concord [--seed 1] [--cases 40]
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LINDEN = os.path.join(ROOT, "tests", "golden", "run", "_inputs", "linden.concord")

MEMBERS = ["ana", "ben", "chen", "dara", "eli", "fay", "gus"]
NEWCOMERS = ["ivo", "jo", "kim"]
CHOICES = ["yes", "no", "abstain", "block", "object"]


def date(day):
    """Day `day` of 2027 (0-based) as a DATE literal."""
    import datetime
    return (datetime.date(2027, 1, 1) + datetime.timedelta(days=day)).isoformat()


def matter(rng, newcomer):
    kind = rng.choice(["admission", "removal", "amendment", "treaty", "spending", "election",
                       "recall"])
    if kind == "admission":
        return f"admission of {newcomer}"
    if kind == "removal":
        return f"removal of {rng.choice(MEMBERS)}"
    if kind == "amendment":
        return "amendment { amend bike_room }"
    if kind == "treaty":
        return f"treaty {rng.choice(['sign', 'renew', 'exit'])} shared_garden"
    if kind == "spending":
        return f"spending {rng.randint(1, 500)} EUR from {rng.choice(['kitchen_fund', 'rent_pool'])}"
    if kind == "election":
        return "election of coordinators"
    return f"recall of {rng.choice(MEMBERS)}"


def ballots(rng):
    voters = rng.sample(MEMBERS, rng.randint(1, len(MEMBERS)))
    groups = {}
    for v in voters:
        groups.setdefault(rng.choice(CHOICES), []).append(v)
    return " ".join(f"{c} {', '.join(names)}" for c, names in groups.items())


def scenario(rng, index):
    lines = []
    day = 10
    proposals = []
    disputes = []
    for p in range(rng.randint(1, 5)):
        pid = f"p{p + 1}"
        newcomer = NEWCOMERS[p % len(NEWCOMERS)]
        lines.append(f"  on {date(day)} propose {pid} in linden {matter(rng, newcomer)}")
        proposals.append((pid, day))
        day += rng.randint(0, 3)
    for _ in range(rng.randint(3, 12)):
        day += rng.randint(0, 9)
        if day > 350:
            break
        what = rng.randrange(7)
        if what == 0 and proposals:
            pid, _ = rng.choice(proposals)
            lines.append(f"  on {date(day)} vote {pid} {ballots(rng)}")
        elif what == 1 and proposals:
            pid, _ = rng.choice(proposals)
            lines.append(f"  on {date(day)} decide {pid}")
        elif what == 2:
            names = ", ".join(rng.sample(MEMBERS, rng.randint(1, 3)))
            where = " in linden"  # alder declares `coordinators` too (E0262)
            lines.append(f"  on {date(day)} elect coordinators {names}{where}")
        elif what == 3:
            who = rng.choice(MEMBERS)
            by = ", ".join(rng.sample([m for m in MEMBERS if m != who], rng.randint(1, 4)))
            lines.append(f"  on {date(day)} petition recall of {who} in linden by {by}")
        elif what == 4:
            a, b = rng.sample(MEMBERS, 2)
            did = f"d{len(disputes) + 1}"
            lines.append(f"  on {date(day)} dispute {did} in linden {a} vs {b}")
            disputes.append((did, b))
        elif what == 5 and disputes:
            did, against = rng.choice(disputes)
            day += 1
            k = rng.randint(1, 5)
            n = rng.randint(1, k)
            sanction = rng.choice(["warning", "removal", f"suspension {rng.randint(1, 3)} months"])
            lines.append(f"  on {date(day)} verdict {did} against {against} {n} of {k} "
                         f"{{ {sanction} }}")
        else:
            who = rng.choice(MEMBERS)
            where = " in linden" if rng.random() < 0.5 else ""
            lines.append(f"  on {date(day)} waive dues for {who}{where} "
                         f"until {date(day + rng.randint(1, 90))}")
    if rng.random() < 0.3 and proposals:
        lines.append(f"  on {date(day)} every month decide {proposals[0][0]} until {date(day + 60)}")
    expects = [f"  expect outcome({pid}) == outcome({pid})" for pid, _ in proposals[:2]]
    expects.append("  expect count(holders(linden.coordinators)) >= 0")
    expects.append(f"  expect findings({rng.choice(MEMBERS)}) >= 0")
    return ("import \"linden.concord\"\n\n"
            f"scenario generated_{index} {{\n  seed \"decisions-{index}\"\n  start 2027-01-01\n"
            f"  members linden: {', '.join(MEMBERS)}\n" + "\n".join(lines) + "\n"
            "  run until 2027-12-31\n" + "\n".join(expects) + "\n}\n")


def run(concord, args, cwd):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([concord] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=300)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=40)
    args = parser.parse_args()
    concord = os.path.abspath(args.concord)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(LINDEN, os.path.join(tmp, "linden.concord"))
        for index in range(args.cases):
            rng = random.Random(args.seed * 1_000_003 + index)
            source = scenario(rng, index)
            path = os.path.join(tmp, f"case_{index}.concord")
            with open(path, "w") as f:
                f.write(source)
            name = os.path.basename(path)
            problems = []
            check = run(concord, ["check", name], tmp)
            if check.returncode != 0:
                problems.append(f"check refused it:\n{check.stderr}")
            else:
                for fmt in (["--format", "text"], ["--format", "json"]):
                    interp = run(concord, ["run", "--engine", "interp"] + fmt + [name], tmp)
                    jit = run(concord, ["run", "--engine", "jit"] + fmt + [name], tmp)
                    if "internal" in interp.stderr or "internal" in jit.stderr:
                        problems.append(f"internal error:\n{interp.stderr}{jit.stderr}")
                    if (interp.returncode, interp.stdout) != (jit.returncode, jit.stdout):
                        problems.append(f"interp and jit differ ({' '.join(fmt)})")
                once = run(concord, ["fmt", name], tmp).stdout
                with open(path, "w") as f:
                    f.write(once)
                twice = run(concord, ["fmt", name], tmp).stdout
                if once != twice:
                    problems.append("fmt is not idempotent")
            if problems:
                failures += 1
                print(f"case {index} (seed {args.seed}):\n{source}")
                for p in problems:
                    print("  " + p)
    print(f"{args.cases - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
