#!/usr/bin/env bash
# The main job on the examples: install what is missing, build, then check,
# lint, test and run every example together (names are global across the
# files of a program, so the examples are always given together). The
# governance templates in examples/templates/ are not part of that program:
# some are meant to fail a concord (POWER.md §9), so the last step checks each
# one alone and compares its verdict with the expected one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/setup.sh
scripts/build.sh dev >/dev/null
concord=build/dev/concord

echo "== concord check examples/*.concord"
"$concord" check examples/*.concord
echo
echo "== concord lint examples/*.concord"
"$concord" lint examples/*.concord
echo
echo "== concord test examples/*.concord"
"$concord" test examples/*.concord
echo
echo "== concord run examples/*.concord"
# Exit 1 means a scenario's timeline holds refused events: maple_year shows
# a join without an admission (R053) and a third term in a row (R056) on
# purpose, and `concord test` above already checked that they are refused.
# A crash or a usage error (exit 2) still fails the job.
status=0
"$concord" run examples/*.concord || status=$?
if [ "$status" -gt 1 ]; then
  echo "concord run failed with exit status $status" >&2
  exit "$status"
fi
echo
echo "== concord compat --matrix examples"
# Exit 1 means some party cannot sign some treaty: the Mill Lane Rent Fund is
# deliberately incompatible with the kitchen, so that is expected output.
# A crash or a usage error (exit 2) still fails the job.
status=0
"$concord" compat --matrix examples || status=$?
if [ "$status" -gt 1 ]; then
  echo "concord compat --matrix failed with exit status $status" >&2
  exit "$status"
fi
echo
echo "== governance templates: verdicts against POWER.md §9"
# Fails only when a template's verdict differs from the table in
# tests/templates_test.py; a template expected to fail a concord is fine.
python3 tests/templates_test.py --concord "$concord" --root "$root"
