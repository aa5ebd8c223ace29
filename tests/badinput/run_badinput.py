#!/usr/bin/env python3
"""Bad input of every kind, fed to `concord check` (or `run`) (LANGUAGE.md section 11).

Each case generates its input at run time (nothing large is committed), runs
the real binary once, and checks the documented contract: the exit code, the
diagnostic code with a location, no crash (signal, uncaught exception,
sanitizer report), and a limit on its CPU time (a hang detector, so CPU time
rather than wall time: a loaded CI machine must not fail a correct build;
wall time is capped too, at ten times the limit, for a process that waits). The expectations live in one table,
CASES, so a code or an exit status can be changed in one place.

    run_badinput.py --concord build/dev/concord             # every case
    run_badinput.py --concord build/dev/concord -k utf      # cases whose name matches
    run_badinput.py --concord build/dev/concord --keep /tmp/bad   # keep the inputs

Python 3 standard library only. Exit status: 0 when every case passes, 1 when
any fails, 2 on a usage error.
"""

import argparse
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from badinput_cases import CASES, At, Case, InFile, Invocation

# What a crash leaves in the output, whatever the exit code says.
CRASH_SIGNS = [
    "terminate called",
    "AddressSanitizer",
    "LeakSanitizer",
    "UndefinedBehaviorSanitizer",
    "runtime error:",
    "Segmentation fault",
    "stack overflow",
    "internal error",
    "Assertion",
    "core dumped",
]

MAX_SHOWN_LINES = 12  # output lines quoted under a failure


def diagnostic_lines(output: str, code: str) -> list:
    return [l for l in output.splitlines() if re.search(r"error\[" + code + r"\]", l)]


def located(lines: list, name: str, where) -> bool:
    if isinstance(where, At):
        col = r"\d+" if where.col is None else str(where.col)
        pattern = rf"^{name}:{where.line}:{col}: "
    elif isinstance(where, InFile):
        pattern = rf"^{name}(?::\d+:\d+)?: "
    else:  # Names
        pattern = name
    return any(re.search(pattern, l) for l in lines)


def describe_where(where, name: str) -> str:
    if isinstance(where, At):
        return f"{name}:{where.line}:{where.col if where.col is not None else '*'}"
    if isinstance(where, InFile):
        return f"{name}[:line:col] at the start of the line"
    return f"{name} anywhere on the line"


def check(case: Case, run: subprocess.CompletedProcess, invocation: Invocation) -> list:
    """Returns the ways the run broke the contract (empty when it kept it)."""
    problems = []
    output = (run.stdout + run.stderr).decode("utf-8", errors="replace")
    if run.returncode < 0:
        problems.append(f"killed by signal {-run.returncode}")
    for sign in CRASH_SIGNS:
        if sign in output:
            problems.append(f"the output shows a crash: {sign!r}")
    accepted = case.exit if isinstance(case.exit, set) else {case.exit}
    if run.returncode not in accepted:
        problems.append(f"exit code {run.returncode}, expected {' or '.join(map(str, sorted(accepted)))}")
    if len(output) > case.max_output:
        problems.append(f"{len(output)} bytes of output, more than {case.max_output}")

    reported = len(re.findall(r"(?:error|warning)\[[A-Z]\d{3,4}\]", output))
    if case.warning:
        if not re.search(r"warning\[" + case.code + r"\]", output):
            problems.append(f"no `warning[{case.code}]` in the output")
    elif case.code is None or run.returncode == 0:
        if reported:
            problems.append(f"expected no diagnostics, found {reported}")
    else:
        lines = diagnostic_lines(output, case.code)
        name = invocation.name_pattern()
        if not lines:
            problems.append(f"no `error[{case.code}]` in the output")
        elif case.where is not None and not located(lines, name, case.where):
            problems.append(f"`error[{case.code}]` is not located at "
                            f"{describe_where(case.where, invocation.name_label())}")
    if case.planted_errors and run.returncode != 0:
        errors = len(re.findall(r"error\[[A-Z]\d{3,4}\]", output))
        capped = re.search(r"note(?:\[[A-Z]\d{3,4}\])?:.*"
                           r"(suppress|omit|not shown|more .*errors|further|too many)",
                           output, re.IGNORECASE)
        if errors < case.planted_errors and not capped:
            problems.append(f"{errors} of {case.planted_errors} errors shown, "
                            "and no note says the rest were suppressed")
    return problems


# How many times the CPU limit a case may take in wall time (waiting for a
# busy machine's cores) before it counts as hung.
WALL_FACTOR = 10


def run_case(case: Case, binary: str, workdir: Path) -> tuple:
    """Returns (problems, CPU seconds, output bytes)."""
    invocation = case.make(workdir)
    cpu_limit = max(1, int(case.seconds + 0.999))

    def limit_cpu():
        # The kernel stops the process with SIGXCPU past the soft limit.
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_limit, cpu_limit + 5))

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        run = subprocess.run(
            [binary, *case.command, *invocation.args],
            cwd=workdir,
            input=invocation.stdin if invocation.stdin is not None else b"",
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=case.seconds * WALL_FACTOR,
            env={**os.environ, "NO_COLOR": "1"},
            preexec_fn=limit_cpu,
        )
    except subprocess.TimeoutExpired:
        return [f"did not finish within {case.seconds * WALL_FACTOR:g} s of wall time"], 0.0, 0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if run.returncode == -signal.SIGXCPU or elapsed > case.seconds:
        return [f"used more than {case.seconds:g} s of CPU time ({elapsed:.2f} s)"], elapsed, 0
    problems = check(case, run, invocation)
    if problems:
        output = (run.stdout + run.stderr).decode("utf-8", errors="replace").splitlines()
        problems.append(f"command: concord {' '.join(case.command + tuple(invocation.args))}")
        problems.append("output:" if output else "output: (none)")
        for line in output[:MAX_SHOWN_LINES]:
            problems.append("  | " + (line if len(line) <= 200 else line[:200] + "..."))
        if len(output) > MAX_SHOWN_LINES:
            problems.append(f"  | ... {len(output) - MAX_SHOWN_LINES} more lines")
    return problems, elapsed, len(run.stdout) + len(run.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concord", required=True, help="the concord binary to test")
    parser.add_argument("--keep", metavar="DIR", help="write the generated inputs to DIR and keep them")
    parser.add_argument("-k", dest="only", metavar="TEXT", help="run only cases whose name contains TEXT")
    args = parser.parse_args()

    binary = os.path.abspath(args.concord)
    if not os.access(binary, os.X_OK):
        print(f"run_badinput.py: `{args.concord}` is not an executable", file=sys.stderr)
        return 2
    cases = [c for c in CASES if not args.only or args.only.lower() in c.name.lower()]
    if not cases:
        print(f"run_badinput.py: no case matches `{args.only}`", file=sys.stderr)
        return 2

    failures = 0
    with tempfile.TemporaryDirectory(prefix="concord-badinput-") as scratch:
        workdir = Path(args.keep) if args.keep else Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        for case in cases:
            problems, seconds, size = run_case(case, binary, workdir)
            if problems:
                failures += 1
                print(f"FAIL {case.name} ({seconds:.2f} s CPU)")
                for p in problems:
                    print(f"     {p}")
            else:
                print(f"ok   {case.name} ({seconds:.2f} s CPU, {size} bytes of output)")
            sys.stdout.flush()
    print(f"{len(cases) - failures} of {len(cases)} bad-input cases pass")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
