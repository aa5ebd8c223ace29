#!/usr/bin/env bash
# The main job on the examples: install what is missing, build, then check
# every example together (names are global across the files of a program).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/setup.sh
scripts/build.sh dev >/dev/null
concord=build/dev/concord

echo "== concord check examples/*.concord"
"$concord" check examples/*.concord
