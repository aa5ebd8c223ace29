#!/usr/bin/env python3
"""`concord revise` on the kitchen of examples/: the charter as shipped against
tests/golden/revise/_inputs/eastside_kitchen_v2.concord, its first revision
(`fund_cap` amended, `big_gifts` replaced by `gift_book`, nothing else).

Checks that the report names exactly those changes and a met quota, in the
human report and in JSON, and (with --sarif-validator) that the SARIF log with
the report in its run properties passes Microsoft's SARIF validator.

  examples_test.py --concord build/dev/concord [--sarif-validator tests/sarif/validate_sarif.py]
Exit codes: 0 pass, 1 fail, 77 the SARIF validator is not installed.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OLD = "examples/eastside_kitchen.concord"
NEW = "tests/golden/revise/_inputs/eastside_kitchen_v2.concord"
SKIP = 77

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def revise(concord, *args):
    return subprocess.run([concord, "revise"] + list(args) + [OLD, NEW], cwd=REPO,
                          env=dict(os.environ, NO_COLOR="1"), capture_output=True, text=True,
                          timeout=120)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord", required=True)
    parser.add_argument("--sarif-validator")
    opts = parser.parse_args()
    concord = os.path.abspath(opts.concord)

    r = revise(concord)
    print(r.stdout + r.stderr)
    check(r.returncode == 0, f"exit 0 (got {r.returncode})")
    expected = f"""revise `{OLD}` -> `{NEW}`

charter eastside_kitchen "Eastside Community Kitchen": 4 rules before, 4 after
  amended (1):
    fund_cap "Kitchen fund contributions are capped"
  replaced (1):
    big_gifts "Large gifts are announced" -> gift_book "Large gifts are written in the gift book" (`replaces big_gifts`)
  unchanged (2): shared_meals, open_pantry
  quota: 2 of 4 rules changed (quota 25% of rules = 1): met

ok: `{NEW}` checks clean and no quota was missed
"""
    check(r.stdout == expected, "the human report names exactly the two changes")
    check(r.stderr == "", "no diagnostics")

    r = revise(concord, "--format", "json")
    doc = json.loads(r.stdout)
    (kitchen,) = doc["charters"]
    check(kitchen["name"] == "eastside_kitchen", "one charter, the kitchen")
    check([p["new"]["name"] for p in kitchen["amended"]] == ["fund_cap"], "JSON: fund_cap amended")
    check([(p["old"]["name"], p["new"]["name"]) for p in kitchen["replaced"]]
          == [("big_gifts", "gift_book")], "JSON: big_gifts replaced by gift_book")
    check(kitchen["removed"] == [] and kitchen["added"] == [], "JSON: nothing removed or added")
    check(kitchen["changed"] == ["fund_cap", "big_gifts"], "JSON: the burned rules")
    # The revision re-aligns comments and drops one beside the quota: none of
    # that is a structural change.
    check(kitchen["structure"] == [], "JSON: no structural change (only comments and spacing)")
    check(kitchen["quota"] == {"status": "met", "clause": "quota 25% of rules",
                               "rules_in_force": 4, "exact": "1", "required": 1, "changed": 2,
                               "reason": None}, "JSON: the quota")
    check(doc["result"] == {"quota_met": True, "errors": 0, "warnings": 0}, "JSON: the result")

    # The other way round, `big_gifts` does not say it replaces `gift_book` and
    # has another title: a removal and an addition, and the same two burned.
    back = subprocess.run([concord, "revise", "--format", "json", NEW, OLD], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    (reverse,) = json.loads(back.stdout)["charters"]
    check(reverse["changed"] == ["fund_cap", "gift_book"], "reversed: fund_cap and gift_book burned")
    check([r["name"] for r in reverse["removed"]] == ["gift_book"], "reversed: gift_book removed")
    check([r["name"] for r in reverse["added"]] == ["big_gifts"], "reversed: big_gifts added")

    status = 0
    if opts.sarif_validator:
        r = revise(concord, "--format", "sarif")
        log = json.loads(r.stdout)
        props = log["runs"][0]["properties"]["concordRevise"]
        check(props["charters"][0]["changed"] == ["fund_cap", "big_gifts"],
              "SARIF: the report is in the run properties")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "revise.sarif")
            with open(path, "w", encoding="utf-8") as f:
                f.write(r.stdout)
            # A missed quota as well, so the log has results to validate.
            missed = subprocess.run(
                [concord, "revise", "--format", "sarif", OLD, OLD], cwd=REPO,
                capture_output=True, text=True, timeout=120)
            check(missed.returncode == 1 and "R001" in missed.stdout, "SARIF: R001 as a result")
            path2 = os.path.join(tmp, "missed.sarif")
            with open(path2, "w", encoding="utf-8") as f:
                f.write(missed.stdout)
            v = subprocess.run([sys.executable, opts.sarif_validator, "--sarif", path, path2],
                               cwd=REPO, capture_output=True, text=True)
            print(v.stdout + v.stderr)
            if v.returncode == SKIP:
                status = SKIP
            else:
                check(v.returncode == 0, "SARIF validates")
    print(f"{len(failures)} failed")
    return 1 if failures else status


if __name__ == "__main__":
    sys.exit(main())
