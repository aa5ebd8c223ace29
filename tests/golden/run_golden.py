#!/usr/bin/env python3
"""Golden-file tests: run `concord` on an input and compare what a user sees.

Each tests/golden/**/NAME.concord has NAME.expected beside it holding the exit
code, standard output and standard error. The first line of the input may be
`// args: SUBCOMMAND [OPTIONS]` (default `check`); the input path is appended.
Inputs under a folder named `_inputs/` are helpers for imports, not tests.

Lines after it of the form `// setup: SUBCOMMAND [OPTIONS]` run first, in order
(the ledger tests create and fill a ledger this way). `{input}` in the args or a setup line puts the input there instead of last. `{tmp}` in the args and
setup lines is a fresh temporary directory, shown as `{tmp}` in the output; a
setup line that fails ends the test with its output. `// stdin: TEXT` feeds
TEXT (with `\n` for line breaks) to the command under test.

  run_golden.py --concord build/dev/concord FILE...   compare
  run_golden.py --concord build/dev/concord --update  regenerate every .expected
Read the diff of regenerated files before committing: that review is the test.
"""
import argparse
import difflib
import os
import shlex
import subprocess
import sys
import tempfile

GOLDEN_DIR = os.path.dirname(os.path.abspath(__file__))


def command_for(path):
    """(args, setup commands, stdin text or None) from the file's header lines."""
    # utf-8-sig: a test of a file that starts with a byte order mark still has its args line.
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        first = f.readline().strip()
        args = ["check"]
        setups, stdin = [], None
        if first.startswith("// args:"):
            args = shlex.split(first[len("// args:"):])
            for line in f:
                line = line.strip()
                if line.startswith("// setup:"):
                    setups.append(shlex.split(line[len("// setup:"):]))
                elif line.startswith("// stdin:"):
                    stdin = line[len("// stdin:"):].strip().replace("\\n", "\n")
                else:
                    break
    return args, setups, stdin


def run(concord, path):
    rel = os.path.relpath(path, GOLDEN_DIR)
    args, setups, stdin = command_for(path)
    # SOURCE_DATE_EPOCH: the ledger's `recorded at` times are the same on every run.
    env = dict(os.environ, NO_COLOR="1", SOURCE_DATE_EPOCH="1798761600", USER="tester")
    with tempfile.TemporaryDirectory(prefix="concord-golden-") as tmp:
        def expand(words):
            return [w.replace("{tmp}", tmp).replace("{input}", rel) for w in words]

        def shown(data):
            return data.decode("utf-8", errors="replace").replace(tmp, "{tmp}")

        for setup in setups:
            proc = subprocess.run([concord] + expand(setup), cwd=GOLDEN_DIR, env=env,
                                  stdin=subprocess.DEVNULL, capture_output=True, timeout=600)
            if proc.returncode != 0:
                return (f"setup `{' '.join(setup)}` failed with exit {proc.returncode}\n"
                        f"--- stdout\n{shown(proc.stdout)}--- stderr\n{shown(proc.stderr)}")
        # `{input}` places the input where it goes (in the command or a setup
        # line); otherwise it is last.
        placed = stdin is not None or any("{input}" in w for words in [args] + setups for w in words)
        command = expand(args) if placed else expand(args) + [rel]
        proc = subprocess.run([concord] + command, cwd=GOLDEN_DIR, env=env,
                              input=stdin.encode() if stdin is not None else None,
                              stdin=subprocess.DEVNULL if stdin is None else None,
                              capture_output=True, timeout=600)
        out = shown(proc.stdout)
        err = shown(proc.stderr)
    return f"exit {proc.returncode}\n--- stdout\n{out}--- stderr\n{err}"


def inputs_under(root):
    for dirpath, _, files in os.walk(root):
        if "_inputs" in dirpath.split(os.sep):
            continue
        for name in sorted(files):
            if name.endswith(".concord"):
                yield os.path.join(dirpath, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord", required=True, help="path to the concord binary")
    parser.add_argument("--update", action="store_true", help="rewrite the .expected files")
    parser.add_argument("files", nargs="*", help="inputs (default: every golden input)")
    opts = parser.parse_args()
    concord = os.path.abspath(opts.concord)
    files = [os.path.abspath(f) for f in opts.files] or sorted(inputs_under(GOLDEN_DIR))
    failed = 0
    for path in files:
        expected_path = os.path.splitext(path)[0] + ".expected"
        try:
            actual = run(concord, path)
        except subprocess.TimeoutExpired:
            print(f"FAIL {path}: timed out")
            failed += 1
            continue
        if opts.update:
            with open(expected_path, "w", encoding="utf-8") as f:
                f.write(actual)
            continue
        if not os.path.exists(expected_path):
            print(f"FAIL {path}: no {os.path.basename(expected_path)} "
                  "(run with --update, then review it)")
            failed += 1
            continue
        with open(expected_path, encoding="utf-8") as f:
            expected = f.read()
        if actual != expected:
            failed += 1
            print(f"FAIL {path}")
            sys.stdout.writelines(difflib.unified_diff(
                expected.splitlines(True), actual.splitlines(True),
                fromfile="expected", tofile="actual"))
    if opts.update:
        print(f"updated {len(files)} expected files")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
