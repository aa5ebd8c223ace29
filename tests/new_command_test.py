#!/usr/bin/env python3
"""`concord new`: the command line of docs/cli.md, run in a scratch folder.

  new_command_test.py --concord build/dev/concord --root .
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile

failures = []


def expect(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL  {what}")


def run(concord, args, cwd):
    return subprocess.run([concord] + args, cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=dict(os.environ, NO_COLOR="1"))


def codes(concord, path, cwd):
    proc = run(concord, ["check", "--format", "json", path], cwd)
    return proc.returncode, sorted({json.loads(line)["code"] for line in proc.stdout.splitlines()
                                    if line.strip()})


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--concord", required=True)
    parser.add_argument("--root", required=True)
    opts = parser.parse_args()
    concord = os.path.abspath(opts.concord)
    folder = os.path.abspath(os.path.join(opts.root, "examples", "templates"))
    templates = sorted(f[:-len(".concord")] for f in os.listdir(folder) if f.endswith(".concord"))

    with tempfile.TemporaryDirectory() as tmp:
        # --list: every template on disk, each with its line, nothing else.
        listing = run(concord, ["new", "--list"], tmp)
        expect(listing.returncode == 0, "`new --list` exits 0")
        rows = [line.split(None, 1) for line in listing.stdout.splitlines()]
        expect([r[0] for r in rows] == templates,
               f"`new --list` names {[r[0] for r in rows]}, the folder has {templates}")
        expect(all(len(r) == 2 and r[1].strip() for r in rows),
               "every template in `new --list` has a description")

        # Each template: the file it writes checks as the template does, is
        # formatted, and differs only in name, title and date.
        for name in templates:
            charter = "our_" + name
            made = run(concord, ["new", charter, "--template", name, "--on", "2027-03-01"], tmp)
            path = os.path.join(tmp, charter + ".concord")
            expect(made.returncode == 0 and os.path.exists(path),
                   f"`new {charter} --template {name}` writes {charter}.concord "
                   f"(exit {made.returncode}: {made.stderr.strip()})")
            if not os.path.exists(path):
                continue
            expect(f"`{charter}.concord`" in made.stdout, f"`new` names the file it wrote: {made.stdout!r}")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            with open(os.path.join(folder, name + ".concord"), encoding="utf-8") as f:
                original = f.read()
            title = " ".join(w.capitalize() for w in charter.split("_"))
            expect(f'charter {charter} "{title}" {{' in text, f"{name}: charter renamed and titled")
            expect("  adopted 2027-03-01\n" in text, f"{name}: adopted on the date of `--on`")
            changed = [(a, b) for a, b in zip(original.splitlines(), text.splitlines()) if a != b]
            expect(len(changed) == 2 and len(original.splitlines()) == len(text.splitlines()),
                   f"{name}: only the charter line and the adopted line change, not {changed}")
            expect(codes(concord, path, tmp) == codes(concord, os.path.join(folder, name + ".concord"), tmp),
                   f"{name}: the new charter checks exactly as the template does")
            fmt = run(concord, ["fmt", "--check", path], tmp)
            expect(fmt.returncode == 0, f"{name}: the new charter is formatted ({fmt.stdout})")

        # Never overwrites: exit 2, a message, the file untouched.
        path = os.path.join(tmp, "our_consensus.concord")
        before = open(path, encoding="utf-8").read()
        again = run(concord, ["new", "our_consensus", "--template", "jury"], tmp)
        expect(again.returncode == 2, f"overwriting exits 2, not {again.returncode}")
        expect("already exists" in again.stderr, f"overwriting says why: {again.stderr!r}")
        expect(open(path, encoding="utf-8").read() == before, "the existing file is untouched")

        # Unknown template: exit 2 and every valid name in the message.
        unknown = run(concord, ["new", "x", "--template", "monarchy"], tmp)
        expect(unknown.returncode == 2, "an unknown template exits 2")
        expect(all(f"`{t}`" in unknown.stderr for t in templates),
               f"an unknown template lists the valid ones: {unknown.stderr!r}")
        expect(not os.path.exists(os.path.join(tmp, "x.concord")), "no file for an unknown template")

        # Names and dates that cannot be used: exit 2, nothing written.
        for bad in ["Capital", "two words", "../escape", "9lives", "charter-x", ""]:
            proc = run(concord, ["new", bad, "--template", "consensus"], tmp)
            expect(proc.returncode == 2, f"name {bad!r} exits 2, not {proc.returncode}")
        expect(sorted(os.listdir(tmp)) == sorted(f"our_{t}.concord" for t in templates),
               f"refused names write nothing: {sorted(os.listdir(tmp))}")
        bad_date = run(concord, ["new", "dated", "-t", "jury", "--on", "2027-02-30"], tmp)
        expect(bad_date.returncode == 2 and "2027-02-30" in bad_date.stderr,
               f"an impossible `--on` date exits 2: {bad_date.stderr!r}")
        expect(run(concord, ["new"], tmp).returncode == 2, "`new` without NAME exits 2")
        expect(run(concord, ["new", "x"], tmp).returncode == 2, "`new NAME` without a template exits 2")

        # --out, and today's date by default.
        sub = os.path.join(tmp, "sub")
        os.mkdir(sub)
        before = datetime.date.today().isoformat()
        out = run(concord, ["new", "elsewhere", "-t", "hackerspace", "--out", sub], "/")
        after = datetime.date.today().isoformat()
        written = os.path.join(sub, "elsewhere.concord")
        expect(out.returncode == 0 and os.path.exists(written), f"`--out DIR` writes there: {out.stderr!r}")
        if os.path.exists(written):
            text = open(written, encoding="utf-8").read()
            expect(f"adopted {before}" in text or f"adopted {after}" in text,
                   "without `--on` the charter is adopted today")
        missing = run(concord, ["new", "y", "-t", "jury", "--out", os.path.join(tmp, "nowhere")], tmp)
        expect(missing.returncode == 2, "`--out` a folder that does not exist exits 2")

    print(f"{len(failures)} failed" if failures else "ok: concord new")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
