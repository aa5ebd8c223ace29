#!/usr/bin/env python3
"""The verdicts of POWER.md §9 on the governance templates (examples/templates/).

Each template is checked as written (it claims the minimal concord) and as a
copy that claims `concord panarchy` (std.panarchy), and the codes that
`concord check --format json` reports are compared with the table below.

Every expected code must be one this build of concord knows (`concord
explain --list`): an unknown one is a failure, so a renamed or dropped code
cannot make an expectation pass in silence.

  templates_test.py --concord build/dev/concord --root .
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "pylib"))
import repo_test_args  # noqa: E402

# template -> {concord: the codes `concord check` must report, nothing else}
EXPECTED = {
    # POWER.md §9: the dictator, a named person with no term, changes the rules
    # (C008) and removes members alone (C009); panarchy adds that no office
    # has a term (C030), a limit (C031) or a recall (C032), and the board is
    # filled by the dictator's choice (C033).
    "benevolent_dictator": {
        "minimal": ["C008", "C009"],
        "panarchy": ["C008", "C009", "C030", "C031", "C032", "C033"],
    },
    # §9: a board that chooses itself amends alone (C008, C033).
    "self_appointed_board": {"minimal": ["C008"], "panarchy": ["C008", "C033"]},
    # §9: re-election without limit (C031).
    "elected_board": {"minimal": [], "panarchy": ["C031"]},
    # §9: the yearly quota counts rules reconsidered, panarchy wants them
    # changed (C035).
    "hackerspace": {"minimal": [], "panarchy": ["C035"]},
    # No standing office, every matter decided by the members, a lottery jury
    # with an outside juror, yearly stress game and reflection: no practice of
    # panarchy is absent.
    "consensus": {"minimal": [], "panarchy": []},
    "do_ocracy": {"minimal": [], "panarchy": []},
    # The administrator: the source gives no way of choosing one, no term and
    # no recall, and a term limit needs a term (C030, C031, C032).
    "jury": {"minimal": [], "panarchy": ["C030", "C031", "C032"]},
    # The administrators invite each other (C033) and serve with no term
    # (C030) and so no limit (C031); a petition can remove them, so C032 holds.
    "petition": {"minimal": [], "panarchy": ["C030", "C031", "C033"]},
    # A circle admits its own members (C033), with no term (C030), no limit
    # (C031) and no recall (C032); the council rotates monthly and passes.
    "circles": {"minimal": [], "panarchy": ["C030", "C031", "C032", "C033"]},
}


def known_codes(concord):
    """The codes `concord explain --list` lists. (`concord explain C008` alone
    is no test: an unknown C-code is explained as one a user's concord may
    define, and exits 0.)"""
    proc = subprocess.run([concord, "explain", "--list"], capture_output=True, text=True,
                          check=True)
    return {line.split()[0] for line in proc.stdout.splitlines() if line.strip()}


def claim_panarchy(text):
    """The template claiming std.panarchy: an import, and `concord panarchy`
    right after the `adopted` clause."""
    text, n = re.subn(r"^(\s*adopted [0-9-]+)$", r"\1\n  concord panarchy", text, count=1,
                      flags=re.MULTILINE)
    if n != 1:
        raise ValueError("no `adopted` clause to put `concord panarchy` after")
    return "import std.panarchy\n" + text


def reported_codes(concord, path):
    proc = subprocess.run([concord, "check", "--format", "json", path], capture_output=True,
                          text=True)
    codes = sorted({json.loads(line)["code"] for line in proc.stdout.splitlines()
                    if line.strip() and json.loads(line)["severity"] == "error"})
    return proc.returncode, codes


def main():
    concord, root = repo_test_args.parse(__doc__)
    folder = os.path.join(root, "examples", "templates")

    on_disk = sorted(f[:-len(".concord")] for f in os.listdir(folder) if f.endswith(".concord"))
    failures, checked = [], 0
    if on_disk != sorted(EXPECTED):
        failures.append(f"templates on disk {on_disk} differ from the table {sorted(EXPECTED)}")

    known = known_codes(concord)
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(EXPECTED):
            path = os.path.join(folder, name + ".concord")
            if not os.path.exists(path):
                continue
            for concord_name, expected in EXPECTED[name].items():
                label = f"{name} under {concord_name}"
                unknown = [c for c in expected if c not in known]
                if unknown:
                    failures.append(f"{label}: {', '.join(unknown)} unknown to this build")
                    continue
                target = path
                if concord_name == "panarchy":
                    with open(path, encoding="utf-8") as f:
                        text = claim_panarchy(f.read())
                    target = os.path.join(tmp, name + ".concord")
                    with open(target, "w", encoding="utf-8") as f:
                        f.write(text)
                status, codes = reported_codes(concord, target)
                checked += 1
                want_status = 1 if expected else 0
                if codes != sorted(expected) or status != want_status:
                    failures.append(f"{label}: expected {sorted(expected) or 'a pass'} "
                                    f"(exit {want_status}), got {codes or 'a pass'} "
                                    f"(exit {status})")
                else:
                    print(f"ok    {label}: {', '.join(codes) or 'passes'}")

    for f in failures:
        print(f"FAIL  {f}")
    print(f"{checked} verdicts checked, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
