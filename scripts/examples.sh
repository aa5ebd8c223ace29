#!/usr/bin/env bash
# The main job on the examples: install what is missing, build, then check,
# lint, test and run every example together (names are global across the
# files of a program, so the examples are always given together).
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
"$concord" run examples/*.concord
