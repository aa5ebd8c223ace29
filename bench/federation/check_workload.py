#!/usr/bin/env python3
"""Keeps the federation benchmark's generator honest, in ctest.

    bench/federation/check_workload.py --concord BIN [--luajit BIN]

Generates a small federation (gen.py --scale 0.003 --years 2) in a temporary
directory and requires that it checks clean (exit 0, no diagnostic), that
`concord run` plays it with exit 0 and reports the rules' violations and
flags, that the same workload with its events inline in scenario.concord
(gen.py --events inline) plays the same timeline as its event files
(`events from`), and, when LuaJIT is installed, that rules.lua counts the same failed
requires and flags on the events file as the run did. Exits 1 on the first
failure, with what was expected and what happened.
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    print(f"check_workload: {message}", file=sys.stderr)
    return 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--concord", required=True)
    ap.add_argument("--luajit", default=shutil.which("luajit"))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), tmp, "--scale", "0.003",
                        "--years", "2", "--seed", "7"], check=True, capture_output=True)
        files = sorted(glob.glob(os.path.join(tmp, "program", "*.concord")))
        files.append(os.path.join(tmp, "scenario.concord"))
        check = subprocess.run([args.concord, "check", *files], capture_output=True, text=True)
        if check.returncode != 0 or check.stderr:
            return fail(f"the generated workload does not check clean (exit {check.returncode}):\n"
                        f"{check.stderr[:3000]}")
        run = subprocess.run([args.concord, "run", *files], capture_output=True, text=True)
        if run.returncode != 0:
            return fail(f"`concord run` exits {run.returncode} on the generated workload:\n{run.stderr[:3000]}")
        # The same workload with its events inline in scenario.concord plays the
        # same timeline as the event files (`events from`) that gen.py writes.
        inline = os.path.join(tmp, "inline")
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), inline, "--scale", "0.003",
                        "--years", "2", "--seed", "7", "--events", "inline"], check=True,
                       capture_output=True)
        inline_files = sorted(glob.glob(os.path.join(inline, "program", "*.concord")))
        inline_files.append(os.path.join(inline, "scenario.concord"))
        inline_run = subprocess.run([args.concord, "run", *inline_files], capture_output=True, text=True)
        located = re.compile(r"[\w./-]+\.(?:concord|events):\d+:\d+")
        if located.sub("FILE", inline_run.stdout) != located.sub("FILE", run.stdout):
            return fail("the events inline and the same events in event files play different timelines")
        broken = len(re.findall(r"^\S+\s+broken\s+R010", run.stdout, re.M))
        flags = len(re.findall(r"^\S+\s+flag\s", run.stdout, re.M))
        if broken == 0 or flags == 0:
            return fail(f"expected the rules to fail and flag some events, got {broken} R010 and {flags} flags")
        if args.luajit:
            lua = subprocess.run([args.luajit, os.path.join(HERE, "rules.lua"), tmp, "1"],
                                 capture_output=True, text=True)
            result = dict(re.findall(r"(\w+)=(\S+)", lua.stdout.splitlines()[-1] if lua.stdout else ""))
            if lua.returncode != 0 or int(result.get("failed", -1)) != broken or int(result.get("flags", -1)) != flags:
                return fail(f"rules.lua disagrees with `concord run`: run has {broken} R010 and {flags} flags, "
                            f"rules.lua says {lua.stdout.strip()} {lua.stderr.strip()}")
        print(f"check_workload: ok: {len(files)} files check clean; the run reports {broken} R010 and {flags} flags"
              " (the same with the events inline)"
              + (", as rules.lua does" if args.luajit else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
