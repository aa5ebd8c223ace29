#!/bin/sh
# Runs tests/lsp/nvim_client.lua in headless Neovim against `concord lsp`.
# Usage: run_nvim_client.sh CONCORD_BINARY
# No user configuration is read: --clean, -u NONE, and XDG directories
# (config, data, state, cache) in a fresh temporary directory.
set -eu
concord=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim is not installed (Debian package neovim)" >&2
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/work" "$tmp/config" "$tmp/data" "$tmp/state" "$tmp/cache"
cp "$here/fixtures/tool_library.concord" "$here/fixtures/allies.concord" "$tmp/work/"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"
export CONCORD_BIN="$concord" CONCORD_WORKDIR="$tmp/work"
timeout 120 nvim --headless --clean -u NONE -i NONE -n \
  -c "luafile $here/nvim_client.lua"
