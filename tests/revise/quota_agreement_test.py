#!/usr/bin/env python3
"""One reading of the revision quota for the runtime and `concord revise`
(issue 17, item 7; docs/reference-revise.md, "The quota").

For each case, a charter's assembly makes some changes (amend, remove, add,
replace, reaffirm). The same changes are played twice:
  - by the runtime: `concord run --format json` on a scenario whose assembly
    makes them, read from the cycle's `met` or `missed` (R001) entry;
  - by `concord revise --format json OLD NEW`, where NEW is the charter's text
    with the changes written into it (a reaffirmation leaves no trace).
Both must count the same rules in force, the same quota and the same changed
rules (added rules never count), and reach the same verdict. For a quota of
rules `reconsidered`, revise cannot see reaffirmations: when the changes alone
meet the quota both say met; otherwise revise says "not checked" (L111) and
the runtime's count must be revise's plus the rules only reaffirmed.

  quota_agreement_test.py --concord build/dev/concord
Exit codes: 0 pass, 1 fail.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

RULES = ["tools", "keys", "quiet", "lights", "dishes"]

# (name, quota clause, changes); a change is (kind, rule) or ("add", new) or
# ("replace", old, new).
CASES = [
    ("amend two of five, 25% needs 2", "quota 25% of rules",
     [("amend", "tools"), ("amend", "keys")]),
    ("amend one and add one, 25% needs 2: the addition does not count", "quota 25% of rules",
     [("amend", "tools"), ("add", "bikes")]),
    ("remove one, replace one", "quota 2 rules",
     [("remove", "quiet"), ("replace", "lights", "lamps")]),
    ("only additions", "quota 1 rules", [("add", "bikes"), ("add", "plants")]),
    ("reaffirm under a quota of rules changed: it does not count", "quota 2 rules",
     [("amend", "tools"), ("reaffirm", "keys")]),
    ("reconsidered, met by the changes alone", "quota 2 rules reconsidered",
     [("amend", "tools"), ("remove", "keys"), ("reaffirm", "quiet")]),
    ("reconsidered, met only with the reaffirmation", "quota 2 rules reconsidered",
     [("amend", "tools"), ("reaffirm", "keys"), ("add", "bikes")]),
    ("reconsidered, missed even with the reaffirmation", "quota 60% of rules reconsidered",
     [("amend", "tools"), ("reaffirm", "keys"), ("add", "bikes")]),
    ("reconsidered, a rule amended and reaffirmed counts once", "quota 2 rules reconsidered",
     [("amend", "tools"), ("reaffirm", "tools")]),
]

HEAD = """charter house "House" {{
  adopted 2027-01-01
  membership {{ entry open exit anytime notice 0 days }}
  revision {{ every month {quota} }}
  jury {{ size 2 draw lottery from members ruling expires after 2 months }}
"""


def rule(name, text, replaces=None):
    clause = f" replaces {replaces}" if replaces else ""
    return f'  rule {name} "{name.title()}" {{{clause} text "{text}" }}\n'


def old_text(quota):
    return HEAD.format(quota=quota) + "".join(rule(r, f"The rule on {r}.") for r in RULES) + "}\n"


def new_text(quota, changes):
    rules = {r: f"The rule on {r}." for r in RULES}
    order = list(RULES)
    added = []
    for change in changes:
        kind = change[0]
        if kind == "amend":
            rules[change[1]] = f"The rule on {change[1]}, amended."
        elif kind == "remove":
            order.remove(change[1])
        elif kind == "add":
            added.append((change[1], None))
        elif kind == "replace":
            order.remove(change[1])
            added.append((change[2], change[1]))
    body = "".join(rule(r, rules[r]) for r in order)
    body += "".join(rule(n, f"The rule on {n}.", replaces) for n, replaces in added)
    return HEAD.format(quota=quota) + body + "}\n"


def scenario_text(changes):
    lines = []
    for change in changes:
        kind = change[0]
        if kind in ("amend", "remove", "reaffirm"):
            lines.append(f"    {kind} {change[1]}")
        elif kind == "add":
            lines.append(f'    add rule {change[1]} "{change[1].title()}" '
                         f'{{ text "The rule on {change[1]}." }}')
        elif kind == "replace":
            lines.append(f'    replace {change[1]} with rule {change[2]} "{change[2].title()}" '
                         f'{{ text "The rule on {change[2]}." }}')
    return ('import "old.concord"\n\nscenario cycle "One cycle" {\n  seed "agreement"\n'
            "  start 2027-01-01\n  members house: ada, bo\n"
            "  on 2027-01-10 assembly house present ada, bo {\n" + "\n".join(lines) +
            "\n  }\n  run until 2027-02-01\n}\n")


def run_json(concord, args, cwd):
    proc = subprocess.run([concord] + args, cwd=cwd, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, NO_COLOR="1"))
    try:
        return proc.returncode, json.loads(proc.stdout)
    except json.JSONDecodeError:
        return proc.returncode, {"unparsed": proc.stdout + proc.stderr}


def runtime_reading(doc):
    """(status, changed, rules in force, quota) from the cycle's entry."""
    for entry in doc.get("timeline", []):
        if entry["kind"] not in ("met", "missed") or entry["subject"] != "house":
            continue
        text = entry["text"]
        if entry["kind"] == "missed" and entry["code"] != "R001":
            continue
        counted = re.search(r"(\d+) of (\d+) rules", text)
        quota = re.search(r"quota (?:is )?(\d+)", text)
        if counted and quota:
            return ("met" if entry["kind"] == "met" else "missed", int(counted.group(1)),
                    int(counted.group(2)), int(quota.group(1)))
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord", required=True)
    concord = os.path.abspath(parser.parse_args().concord)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, quota, changes in CASES:
            with open(os.path.join(tmp, "old.concord"), "w") as f:
                f.write(old_text(quota))
            with open(os.path.join(tmp, "new.concord"), "w") as f:
                f.write(new_text(quota, changes))
            with open(os.path.join(tmp, "scenario.concord"), "w") as f:
                f.write(scenario_text(changes))
            _, played = run_json(concord, ["run", "--format", "json", "scenario.concord"], tmp)
            _, revised = run_json(concord, ["revise", "--format", "json", "old.concord",
                                            "new.concord"], tmp)
            runtime = runtime_reading(played)
            charters = revised.get("charters") or [{}]
            q = charters[0].get("quota")
            if runtime is None or not q:
                failures.append(f"{name}: no reading (runtime {runtime}, revise {q}; "
                                f"{json.dumps(played)[:300]} {json.dumps(revised)[:300]})")
                continue
            status, counted, in_force, required = runtime
            reaffirmed_only = {c[1] for c in changes if c[0] == "reaffirm"} - {
                c[1] for c in changes if c[0] in ("amend", "remove", "replace")}
            problems = []
            if q["rules_in_force"] != in_force:
                problems.append(f"rules in force: revise {q['rules_in_force']}, runtime {in_force}")
            if "reconsidered" in quota and q["status"] == "unevaluable":
                if counted != q["changed"] + len(reaffirmed_only):
                    problems.append(f"reconsidered: runtime counted {counted}, revise changed "
                                    f"{q['changed']} + {len(reaffirmed_only)} reaffirmed")
            else:
                if q["status"] != status:
                    problems.append(f"verdict: revise {q['status']}, runtime {status}")
                if q["required"] != required:
                    problems.append(f"quota: revise {q['required']}, runtime {required}")
                if "reconsidered" not in quota and q["changed"] != counted:
                    problems.append(f"changed: revise {q['changed']}, runtime {counted}")
                if "reconsidered" in quota and counted < q["changed"]:
                    problems.append(f"reconsidered: runtime counted {counted} < revise's "
                                    f"{q['changed']} changed")
            verdict = "FAIL" if problems else "ok"
            print(f"{verdict}: {name}: runtime {status} {counted}/{in_force} quota {required}; "
                  f"revise {q['status']} {q['changed']}/{q['rules_in_force']} "
                  f"quota {q['required']}")
            failures += [f"{name}: {p}" for p in problems]
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
