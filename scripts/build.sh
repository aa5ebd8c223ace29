#!/usr/bin/env bash
# Configures and builds one CMake preset (default: dev). Used by the README's
# commands; safe to run again, it only rebuilds what changed.
set -euo pipefail
preset="${1:-dev}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# A build directory configured with another compiler than the preset names
# (the asan preset moved from g++ to clang 19) cannot be reconfigured in
# place: start it afresh.
compiler=$(python3 -c 'import json, sys
presets = json.load(open("CMakePresets.json"))["configurePresets"]
print(next((p.get("cacheVariables", {}).get("CMAKE_CXX_COMPILER", "") for p in presets
            if p["name"] == sys.argv[1]), ""))' "$preset")
if [ -n "$compiler" ] && [ -f "build/$preset/CMakeCache.txt" ] &&
   ! grep -q "^CMAKE_CXX_COMPILER:[A-Z]*=\(.*/\)\?$compiler\$" "build/$preset/CMakeCache.txt"; then
  echo "build.sh: build/$preset was configured with another compiler; configuring it afresh"
  rm -rf "build/$preset"
fi
if [ ! -f "build/$preset/build.ninja" ]; then
  cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset"
