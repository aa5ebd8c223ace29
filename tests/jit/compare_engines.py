#!/usr/bin/env python3
"""Differential test of the two engines: runs `concord` with `--engine interp`,
with `--engine jit` and with `--engine auto` (which, on a large enough run,
starts on the interpreter and switches to the JIT when its background compile
is done) on the same input and requires the same exit code, standard output
and standard error, byte for byte.

  compare_engines.py --concord build/dev/concord [--cwd DIR] [--args "run --scenario x"] FILE...

Without --args every input is played as `run`, `run --format json`, `test`
and `test --format json`. With --args (a golden test's own `// args:` line,
say) that command is compared as well.
"""
import argparse
import os
import shlex
import subprocess
import sys

DEFAULT_COMMANDS = [["run"], ["run", "--format", "json"], ["test"], ["test", "--format", "json"]]


def play(concord, command, files, cwd, engine):
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run([concord] + command + ["--engine", engine] + files, cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def first_difference(a, b, engine):
    for i, (x, y) in enumerate(zip(a.splitlines(), b.splitlines())):
        if x != y:
            return f"line {i + 1}:\n  interp: {x!r}\n  {engine + ':':7} {y!r}"
    return f"lengths differ ({len(a)} vs {len(b)} bytes)"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord", required=True)
    parser.add_argument("--cwd", default=None, help="directory to run in (files relative to it)")
    parser.add_argument("--args", default=None, help="one more command to compare")
    parser.add_argument("--args-from-first-line", action="store_true",
                        help="take --args from the first input's `// args:` line")
    parser.add_argument("files", nargs="+")
    opts = parser.parse_args()
    concord = os.path.abspath(opts.concord)
    commands = list(DEFAULT_COMMANDS)
    extra = opts.args
    if opts.args_from_first_line:
        path = os.path.join(opts.cwd or ".", opts.files[0])
        with open(path, encoding="utf-8", errors="replace") as f:
            first = f.readline().strip()
        if first.startswith("// args:"):
            extra = first[len("// args:"):]
    if extra:
        command = shlex.split(extra)
        if command not in commands:
            commands.insert(0, command)
    failures = 0
    for command in commands:
        interp = play(concord, command, opts.files, opts.cwd, "interp")
        shown = " ".join(command + opts.files)
        for engine in ("jit", "auto"):
            other = play(concord, command, opts.files, opts.cwd, engine)
            if interp == other:
                print(f"same  concord {shown} --engine {engine} "
                      f"(exit {interp[0]}, {len(interp[1])} bytes)")
                continue
            failures += 1
            print(f"DIFF  concord {shown} --engine {engine}")
            if interp[0] != other[0]:
                print(f"  exit code: interp {interp[0]}, {engine} {other[0]}")
            for label, i in (("stdout", 1), ("stderr", 2)):
                if interp[i] != other[i]:
                    print(f"  {label} differs at " +
                          first_difference(interp[i].decode(errors="replace"),
                                           other[i].decode(errors="replace"), engine))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
