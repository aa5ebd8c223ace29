#!/usr/bin/env python3
"""examples/ledger/walkthrough.sh, as a user runs it: every step's exit code
is checked by the script itself (exit 0 when all did what they should); this
checks the lines a reader of the walkthrough relies on, not timestamps.

  walkthrough_test.py --build build/dev
Exit 0 pass, 1 fail.
"""
import argparse
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(REPO, "examples", "ledger", "walkthrough.sh")

# What each step must show, in order of appearance on stdout.
EXPECTED_STDOUT = [
    "$ concord ledger init",
    "created ledger",
    "$ concord record",
    "recorded",
    "$ concord status",
    "Unpaid dues",
    "dara paid 0 EUR of the 10 EUR dues of elm_kitchen to pantry_fund",
    "Open proposals",
    "p2 in elm_kitchen: spending 120 EUR from pantry_fund",
    "Office holders",
    "coordinators (election, 2 seats): held by ana, chen",
    "something is overdue",
    "$ concord ledger replay",
    "identical to the replay",
    "$ concord ledger adopt",
    "$ concord ledger adopt",
    "quota: 1 of 2 rules changed",
    "adopted program version 2 of",
    "in force from 2027-03-01: charter `elm_kitchen` (rules: 1 amended, 1 added)",
    "$ concord record",
    "$ concord record",
    "recorded",
    "$ concord status",
    "program version 2 is adopted: it is in force from 2027-03-01",
    "walkthrough: every step did what it should",
]
# The refused back-dated payment and adoption, the gift held to version 1's cap
# and the refused export explain themselves on stderr.
EXPECTED_STDERR = ["error[E0277]", "nothing was recorded", "error[E0282]", "nothing was adopted",
                   "a gift above the pantry's cap of 100 EUR", "error[E0284]"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    args = parser.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([SCRIPT, args.build, out], capture_output=True, text=True,
                             timeout=600)
        if run.returncode != 0:
            failures.append(f"walkthrough.sh exited {run.returncode}")
        at = 0
        for line in EXPECTED_STDOUT:
            found = run.stdout.find(line, at)
            if found < 0:
                failures.append(f"stdout lacks (after position {at}): {line!r}")
            else:
                at = found + len(line)
        for line in EXPECTED_STDERR:
            if line not in run.stderr:
                failures.append(f"stderr lacks: {line!r}")
        for name in ("elm.db", "elm.history.concord"):
            if not os.path.exists(os.path.join(out, name)):
                failures.append(f"{name} was not written to OUT_DIR")
    if failures:
        print("--- stdout\n" + run.stdout + "--- stderr\n" + run.stderr)
        for f in failures:
            print("FAIL:", f)
        return 1
    print("walkthrough: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
