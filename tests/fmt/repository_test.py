#!/usr/bin/env python3
"""`concord fmt` on every .concord file in the repository.

Each file under examples/, stdlib/ and tests/ that parses is formatted twice:
the second pass must print exactly what the first printed (idempotence), and
neither pass may report the formatter's own safety-net errors (E0090: the
output parses differently; E0091: a comment was lost). Files that do not
parse (the golden and bad-input tests contain them on purpose) must be
refused with exit 1 and a syntax diagnostic, never formatted.

Then `--write` is checked on a copy: it rewrites an unformatted file to what
`fmt` prints, leaves a formatted file untouched (same inode and mtime), and
leaves no temporary file behind.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fmt(concord, args, stdin=None):
    return subprocess.run([concord, "fmt"] + args, input=stdin, capture_output=True,
                          timeout=120, env=dict(os.environ, NO_COLOR="1"))


def concord_files():
    for top in ("examples", "stdlib", "tests"):
        for dirpath, _, names in os.walk(os.path.join(ROOT, top)):
            for name in sorted(names):
                if name.endswith(".concord"):
                    yield os.path.join(dirpath, name)


def check_repository(concord):
    failures = []
    formatted = refused = 0
    for path in sorted(concord_files()):
        rel = os.path.relpath(path, ROOT)
        first = fmt(concord, [path])
        err = first.stderr.decode("utf-8", "replace")
        if "E0090" in err or "E0091" in err:
            failures.append(f"{rel}: the safety net fired:\n{err}")
            continue
        if first.returncode != 0:
            if first.returncode != 1 or "error[E0" not in err or first.stdout:
                failures.append(f"{rel}: refused without a diagnostic (exit {first.returncode})")
            refused += 1
            continue
        second = fmt(concord, ["-"], stdin=first.stdout)
        err2 = second.stderr.decode("utf-8", "replace")
        if second.returncode != 0:
            failures.append(f"{rel}: the formatted text does not format (exit "
                            f"{second.returncode}):\n{err2}")
        elif second.stdout != first.stdout:
            failures.append(f"{rel}: not idempotent: the second pass changed the text")
        formatted += 1
    print(f"formatted {formatted} files twice; {refused} files do not parse and were refused")
    if formatted < 20:
        failures.append(f"only {formatted} files formatted: the walk found too few")
    return failures


def check_write(concord):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        messy = os.path.join(tmp, "messy.concord")
        with open(messy, "w", encoding="utf-8") as f:
            f.write("charter kitchen {   adopted 2026-11-01 ; membership { entry open } }\n")
        expected = fmt(concord, [messy]).stdout
        run = fmt(concord, ["--write", messy])
        if run.returncode != 0:
            failures.append(f"--write failed: {run.stderr.decode()}")
        with open(messy, "rb") as f:
            if f.read() != expected:
                failures.append("--write did not write what `fmt` prints")
        before = os.stat(messy)
        run = fmt(concord, ["--write", messy])
        after = os.stat(messy)
        if run.returncode != 0 or (before.st_ino, before.st_mtime_ns) != (after.st_ino,
                                                                           after.st_mtime_ns):
            failures.append("--write touched a file that was already formatted")
        if fmt(concord, ["--check", messy]).returncode != 0:
            failures.append("--check fails on a file --write just formatted")
        leftovers = [n for n in os.listdir(tmp) if n != "messy.concord"]
        if leftovers:
            failures.append(f"--write left files behind: {leftovers}")
        failures += check_write_through_link(concord, tmp)
        broken = os.path.join(tmp, "broken.concord")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("charter kitchen {\n  adopted\n}\n")
        run = fmt(concord, ["--write", broken])
        with open(broken, encoding="utf-8") as f:
            if run.returncode != 1 or f.read() != "charter kitchen {\n  adopted\n}\n":
                failures.append("--write changed a file with a syntax error, or exited 0")
        if fmt(concord, [os.path.join(tmp, "missing.concord")]).returncode != 2:
            failures.append("a missing file is not exit 2")
        if fmt(concord, ["--write", "-"]).returncode != 2:
            failures.append("--write on standard input is not a usage error")
    return failures


def check_write_through_link(concord, tmp):
    """`--write` on a symbolic link rewrites the file it points to; the link stays."""
    failures = []
    os.mkdir(os.path.join(tmp, "real"))
    target = os.path.join(tmp, "real", "linked.concord")
    with open(target, "w", encoding="utf-8") as f:
        f.write("charter linked {   adopted 2026-11-01 ; membership { entry open } }\n")
    expected = fmt(concord, [target]).stdout
    link = os.path.join(tmp, "link.concord")
    os.symlink(os.path.join("real", "linked.concord"), link)
    run = fmt(concord, ["--write", link])
    if run.returncode != 0:
        failures.append(f"--write through a link failed: {run.stderr.decode()}")
    if not os.path.islink(link):
        failures.append("--write replaced a symbolic link with a regular file")
    with open(target, "rb") as f:
        if f.read() != expected:
            failures.append("--write through a link did not rewrite the file it points to")
    if sorted(os.listdir(os.path.join(tmp, "real"))) != ["linked.concord"]:
        failures.append("--write through a link left files behind")
    shutil.rmtree(os.path.join(tmp, "real"))
    os.unlink(link)
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--concord", required=True)
    opts = parser.parse_args()
    failures = check_repository(opts.concord) + check_write(opts.concord)
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
