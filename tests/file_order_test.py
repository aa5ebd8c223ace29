#!/usr/bin/env python3
"""The output does not depend on the order of the files on the command line.

Runs `concord run` (text and JSON), `concord test` and `concord compat` (human
and JSON) on the examples given in sorted order, then in reverse order, and
compares standard output, standard error and the exit code byte for byte.
The engine works through charters, treaties and scenarios by name, and
compat lists the active treaties by name (docs/reference-runtime.md,
docs/reference-compat.md).

  file_order_test.py --concord build/dev/concord --root .
"""
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "pylib"))
import repo_test_args  # noqa: E402


def run(concord, args, cwd):
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run([concord] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def main():
    concord, root = repo_test_args.parse(__doc__)
    examples = sorted(os.path.relpath(p, root)
                      for p in glob.glob(os.path.join(root, "examples", "*.concord")))
    treaty = os.path.join("examples", "mill_lane_rent.concord")
    others = [f for f in examples if f != treaty]
    cases = [
        ("run", lambda files: ["run"] + files, examples),
        ("run --format json", lambda files: ["run", "--format", "json"] + files, examples),
        # One scenario: the steward and metric lines of several charters.
        ("run --scenario first_winter",
         lambda files: ["run", "--scenario", "first_winter"] + files, examples),
        ("test", lambda files: ["test"] + files, examples),
        ("compat", lambda files: ["compat", treaty] + files, others),
        ("compat --format json", lambda files: ["compat", treaty, "--format", "json"] + files,
         others),
    ]
    failed = 0
    for name, command, files in cases:
        forward = run(concord, command(files), root)
        backward = run(concord, command(list(reversed(files))), root)
        if forward == backward:
            print(f"ok    {name}")
            continue
        failed += 1
        print(f"FAIL  {name}: the output depends on the order of the files")
        for label, a, b in (("exit code", forward[0], backward[0]),
                            ("stdout", forward[1], backward[1]),
                            ("stderr", forward[2], backward[2])):
            if a == b:
                continue
            left = a.splitlines() if isinstance(a, bytes) else [str(a).encode()]
            right = b.splitlines() if isinstance(b, bytes) else [str(b).encode()]
            for i, (x, y) in enumerate(zip(left + [b""] * len(right), right + [b""] * len(left))):
                if x != y:
                    print(f"      {label} line {i + 1}:\n        sorted:   {x.decode(errors='replace')}"
                          f"\n        reversed: {y.decode(errors='replace')}")
                    break
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
