#!/usr/bin/env python3
"""Checks Concord's SARIF output with Microsoft's SARIF validator.

The validator is the npm package @microsoft/sarif-multitool pinned in
tests/tools/package.json (install with `npm ci --prefix tests/tools`). It runs
the SARIF schema rules and the GitHub code-scanning rules (--rule-kind
"Gh;Sarif") and writes its findings as a SARIF log of its own; this script reads
that log and fails on any error-level finding. (The tool exits 0 even when it
finds errors, so its exit code alone proves nothing.)

Three ways to get a log to validate:

  validate_sarif.py --concord build/dev/concord FILE.concord...
      runs `concord check --format sarif FILES` from the repository root, with
      the paths relative to it, as a CI job would;
  validate_sarif.py --unit-tests build/dev/concord_unit_tests
      runs the renderer's own SARIF unit test, which writes its sample log to
      $CONCORD_SARIF_DUMP (works before the `concord` CLI exists);
  validate_sarif.py --sarif LOG.sarif...
      validates logs that already exist.

Exit codes: 0 valid, 1 invalid or the run failed, 77 the validator is not
installed (tests/tools/node_modules is missing; ctest reports a skip).
"""

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SKIP = 77


def find_validator(tools_dir: Path) -> Path:
    """The platform's native Sarif.Multitool binary inside node_modules.

    The package's own `sarif-multitool` launcher runs the binary through a
    shell without quoting its arguments, so `--rule-kind "Gh;Sarif"` would be
    split at the `;`. Asking node which binary the package resolves to, and
    running that directly, avoids the shell.
    """
    binary = None
    node = shutil.which("node")
    if node:
        result = subprocess.run(
            [node, "-p", "require('@microsoft/sarif-multitool')"],
            cwd=tools_dir, capture_output=True, text=True)
        if result.returncode == 0 and result.stdout.strip():
            binary = Path(result.stdout.strip())
    if binary is None:
        platform = {"linux": "linux", "darwin": "darwin", "win32": "win32"}.get(sys.platform, "linux")
        name = "Sarif.Multitool.exe" if platform == "win32" else "Sarif.Multitool"
        binary = tools_dir / "node_modules" / "@microsoft" / f"sarif-multitool-{platform}" / name
    if not binary.is_file():
        sys.exit(f"validate_sarif: the validator is not installed at {binary}; "
                 "run `npm ci --prefix tests/tools`")
    # Its postinstall script only sets the run bit, and npm may skip install
    # scripts; setting it here is what that script would have done.
    if not os.access(binary, os.X_OK):
        binary.chmod(binary.stat().st_mode | stat.S_IXUSR)
    return binary


def validate(validator: Path, log: Path, workdir: Path) -> int:
    """Runs the validator on `log` and returns the number of error-level findings."""
    out = workdir / (log.stem + ".validation.sarif")
    # The log to check comes first: --log takes a list and would swallow it.
    command = [str(validator), "validate", str(log), "--rule-kind", "Gh;Sarif",
               "--output", str(out), "--log", "ForceOverwrite"]
    # Invariant globalization: the validator then needs no ICU libraries.
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1",
               DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1")
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if not out.is_file():
        print(result.stdout + result.stderr)
        print(f"validate_sarif: the validator wrote no report for {log} (exit {result.returncode})")
        return 1
    report = json.loads(out.read_text(encoding="utf-8-sig"))
    errors = 0
    for run in report.get("runs", []):
        driver = run.get("tool", {}).get("driver", {})
        rules = {rule.get("id"): rule for rule in driver.get("rules", [])}
        for finding in run.get("results", []):
            # SARIF's default level is "warning".
            level = finding.get("level", "warning")
            text = message_text(finding, rules.get(finding.get("ruleId"), {}))
            print(f"  {level} {finding.get('ruleId')}: {text}")
            if level == "error":
                errors += 1
        for invocation in run.get("invocations", []):
            for note in invocation.get("toolExecutionNotifications", []):
                if note.get("level") == "error":
                    print(f"  validator failed: {note.get('message', {}).get('text')}")
                    errors += 1
    return errors


def message_text(finding: dict, rule: dict) -> str:
    """The validator's finding as a sentence: its messages are templates
    (`messageStrings`) in the rule, filled with the finding's arguments."""
    message = finding.get("message", {})
    if "text" in message:
        return message["text"]
    arguments = message.get("arguments", [])
    template = rule.get("messageStrings", {}).get(message.get("id"), {}).get("text")
    if template is None:
        return " ".join(arguments)
    for i, argument in enumerate(arguments):
        template = template.replace("{%d}" % i, argument)
    return template


def count_results(log: Path) -> int:
    """Prints what the log holds and returns its number of results."""
    data = json.loads(log.read_text(encoding="utf-8"))
    results = [r for run in data.get("runs", []) for r in run.get("results", [])]
    related = sum(len(r.get("relatedLocations", [])) for r in results)
    fixes = sum(len(r.get("fixes", [])) for r in results)
    print(f"{log.name}: {len(results)} results, {related} related locations, {fixes} fixes")
    return len(results)


def produce_with_concord(concord: Path, inputs: list, workdir: Path) -> Path:
    """Runs `concord check --format sarif` from the repository root."""
    relative = []
    for path in inputs:
        resolved = Path(path).resolve()
        try:
            relative.append(str(resolved.relative_to(REPO)))
        except ValueError:
            relative.append(str(resolved))
    result = subprocess.run([str(concord), "check", "--format", "sarif", *relative],
                            cwd=REPO, capture_output=True, timeout=300)
    # 0: clean, 1: errors in the input, 2: a file could not be read. Anything
    # else (a crash) is a failure even if something was printed.
    if result.returncode not in (0, 1, 2):
        sys.stderr.buffer.write(result.stderr)
        sys.exit(f"validate_sarif: concord exited with {result.returncode}")
    log = workdir / "concord-check.sarif"
    log.write_bytes(result.stdout)
    try:
        json.loads(result.stdout)
    except ValueError as error:
        sys.stderr.buffer.write(result.stderr)
        sys.exit(f"validate_sarif: `concord check --format sarif` did not print JSON: {error}")
    return log


def produce_with_unit_tests(unit_tests: Path, workdir: Path) -> Path:
    log = workdir / "renderer-sample.sarif"
    env = dict(os.environ, CONCORD_SARIF_DUMP=str(log))
    result = subprocess.run([str(unit_tests), "[sarif]"], env=env, capture_output=True,
                            text=True, timeout=300)
    if result.returncode != 0 or not log.is_file():
        print(result.stdout + result.stderr)
        sys.exit("validate_sarif: the SARIF unit test failed or wrote no log")
    return log


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--concord", type=Path, help="the concord binary; FILES are checked")
    source.add_argument("--unit-tests", type=Path, help="the concord_unit_tests binary")
    source.add_argument("--sarif", action="store_true", help="FILES are SARIF logs")
    parser.add_argument("--tools-dir", type=Path, default=REPO / "tests" / "tools",
                        help="where tests/tools/package.json was installed")
    parser.add_argument("--keep", type=Path, help="copy the logs and reports to this directory")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()

    if not (args.tools_dir / "node_modules").is_dir():
        print(f"validate_sarif: {args.tools_dir}/node_modules is missing; "
              "run `npm ci --prefix tests/tools` (skipping)")
        return SKIP
    if (args.concord or args.sarif) and not args.files:
        parser.error("give the files to check or validate")
    validator = find_validator(args.tools_dir)

    with tempfile.TemporaryDirectory(prefix="concord-sarif-") as tmp:
        workdir = Path(tmp)
        if args.concord:
            logs = [produce_with_concord(args.concord, args.files, workdir)]
        elif args.unit_tests:
            logs = [produce_with_unit_tests(args.unit_tests, workdir)]
        else:
            logs = args.files
        total_results = 0
        errors = 0
        for log in logs:
            total_results += count_results(log)
            errors += validate(validator, log, workdir)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for produced in workdir.iterdir():
                shutil.copy(produced, args.keep)
        if args.concord and total_results == 0:
            # Every input given here is meant to fail; an empty log would make
            # the validation vacuous.
            print("validate_sarif: the log has no results, so nothing was validated")
            return 1
    print(f"validate_sarif: {errors} error(s) from the SARIF validator")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
