#!/usr/bin/env bash
# Builds and runs every test through ctest: first the dev build (all tests),
# then the sanitizer build (clang 19, ASan + UBSan + libFuzzer) on the whole
# suite again, with a smaller property test and a short smoke run of every
# fuzz target (docs/reliability.md). Installs what is missing first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/setup.sh
if [ ! -d tests/tools/node_modules ] || [ tests/tools/package-lock.json -nt tests/tools/node_modules ]; then
  echo "setup: npm ci (test tools)"
  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error >/dev/null
  touch tests/tools/node_modules
fi
if [ ! -d editor-support/vscode/node_modules ] || [ editor-support/vscode/package-lock.json -nt editor-support/vscode/node_modules ]; then
  echo "setup: npm ci (editor support)"
  npm ci --prefix editor-support/vscode --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
  touch editor-support/vscode/node_modules
fi

scripts/build.sh dev
ctest --preset dev

scripts/build.sh asan
ctest --preset asan
