#!/usr/bin/env bash
# Installs what Concord needs to build and test on Debian 12, only when missing.
# Idempotent and quiet when nothing is needed; see docs/dependencies.md for why
# each package is here.
set -euo pipefail

packages=(
  # build
  cmake ninja-build ccache g++ pkg-config git
  # parser: the ANTLR 4.7.2 tool generates code that the 4.9 runtime compiles
  antlr4 libantlr4-runtime-dev
  # JIT (linked as the shared libLLVM)
  llvm-19-dev
  # libraries named in ARCHITECTURE.md
  libfmt-dev catch2 libz3-dev nlohmann-json3-dev libssl-dev libcli11-dev
  libtomlplusplus-dev libbenchmark-dev
  # Unicode names: NFC, identifier properties, UTS #39 confusables
  libicu-dev
  libsqlite3-dev
  # tests: an independent ephemeris for new moons; node + npm for the SARIF validator
  python3-ephem nodejs
  # benchmark: the same rules in LuaJIT; editor tests: headless Neovim as an LSP client
  luajit neovim
  # tests of `concord publish`: the site is loaded in a real, headless browser (puppeteer-core)
  chromium
  # the sanitizer build and fuzzing (`cmake --preset asan`, tests/fuzz): clang 19 with libFuzzer. Debian's
  # default clang 14 rejects the ANTLR 4.9 runtime's headers against GCC 12's
  # libstdc++ (a const std::vector member's deleted default constructor).
  clang-19 libclang-rt-19-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm is part of nodesource's nodejs; Debian's own nodejs needs the npm package.
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing npm"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
fi

# The chart library `concord publish` embeds in its sites (uPlot, from npm):
# the build reads it from compiler/publish/assets/node_modules, so it is
# installed before cmake runs (CMakeLists.txt stops with an error without it).
assets=compiler/publish/assets
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$root/$assets/node_modules/uplot/dist/uPlot.iife.min.js" ] ||
   [ "$root/$assets/package-lock.json" -nt "$root/$assets/node_modules" ]; then
  echo "setup: npm ci (site assets)"
  npm ci --prefix "$root/$assets" --no-audit --no-fund --loglevel=error >/dev/null
  touch "$root/$assets/node_modules"
fi
