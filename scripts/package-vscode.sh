#!/usr/bin/env bash
# Packages the VS Code extension into editor-support/vscode/concord-VERSION.vsix.
# Installs the pinned npm packages from the committed lockfile first; packaging
# itself needs no network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/editor-support/vscode"
# --ignore-scripts: no dependency needs an install script to test or package;
# it keeps optional native modules (keytar) from trying to download or compile.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
npm run package
