#!/usr/bin/env bash
# Configures and builds one CMake preset (default: dev). Used by the README's
# commands; safe to run again, it only rebuilds what changed.
set -euo pipefail
preset="${1:-dev}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ ! -f "build/$preset/build.ninja" ]; then
  cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset"
