#!/usr/bin/env python3
"""Checks that two scenario files play the same run: `concord run` (text) and
`concord test` give the same exit code and standard output for both, byte for
byte once source locations (FILE:LINE:COL) are set aside. Used to show that a recurring event (`on DATE every PERIOD ...`) and the
same occurrences written out by hand are one history
(docs/reference-runtime.md, "Recurring events").

  same_timeline.py --concord build/dev/concord A.concord B.concord
"""
import argparse
import os
import re
import subprocess
import sys


def play(concord, command, path):
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run([os.path.abspath(concord)] + command + [os.path.basename(path)],
                          cwd=os.path.dirname(os.path.abspath(path)), env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
    # `concord test` names where each scenario and `expect` line is, which
    # differs between the files by construction; everything else must not.
    return proc.returncode, re.sub(r"[\w./-]+\.(?:concord|events|jsonl):\d+:\d+", "FILE:LINE:COL",
                                   proc.stdout.decode())


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concord", required=True)
    parser.add_argument("--expect", default="assembly",
                        help="a word the first run must print (so that it played something)")
    parser.add_argument("first")
    parser.add_argument("second")
    args = parser.parse_args()
    failed = False
    for command in (["run"], ["test"]):
        a = play(args.concord, command, args.first)
        b = play(args.concord, command, args.second)
        if a == b:
            continue
        failed = True
        print(f"`concord {' '.join(command)}` differs (exit {a[0]} vs {b[0]})")
        for i, (x, y) in enumerate(zip(a[1].splitlines(), b[1].splitlines())):
            if x != y:
                print(f"  line {i + 1}:\n    {args.first}: {x!r}\n    {args.second}: {y!r}")
                break
        else:
            print(f"  lengths differ ({len(a[1])} vs {len(b[1])} characters)")
    # A run that printed nothing would compare equal to another: make sure
    # the first one played something.
    if not failed and args.expect not in play(args.concord, ["run"], args.first)[1]:
        print(f"{args.first} printed no {args.expect}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
