#!/usr/bin/env python3
"""Packages the extension with vsce into a scratch directory (no network) and
checks the .vsix: it holds the grammar, the language configuration,
extension.js and the runtime dependencies, and extension.js loads from the
unpacked extension with a stand-in for the `vscode` module, so every module
it requires resolves inside the package."""
import json
import os
import subprocess
import sys
import tempfile
import zipfile

EXT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VSCE = os.path.join(EXT, "node_modules", "@vscode", "vsce", "vsce")

LOADER = r"""
const Module = require('module');
const path = require('path');
const dir = process.argv[1];
const handler = { get: (t, k) => (k in t ? t[k] : new Proxy(function () {}, handler)) };
const vscodeStandIn = new Proxy({}, handler);
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscodeStandIn;
  const resolved = Module._resolveFilename(request, parent, isMain);
  if (path.isAbsolute(resolved) && !resolved.startsWith(dir + path.sep)) {
    throw new Error(`${request} resolved outside the package: ${resolved}`);
  }
  return load.apply(this, arguments);
};
const ext = require(path.join(dir, 'extension.js'));
if (typeof ext.activate !== 'function' || typeof ext.deactivate !== 'function') {
  throw new Error('extension.js does not export activate and deactivate');
}
console.log('extension.js loads from the package');
"""


def main():
    if not os.path.exists(VSCE):
        print("editor-support/vscode/node_modules is missing: run npm ci --prefix editor-support/vscode")
        return 77
    version = json.load(open(os.path.join(EXT, "package.json")))["version"]
    with tempfile.TemporaryDirectory() as scratch:
        vsix = os.path.join(scratch, f"concord-{version}.vsix")
        run = subprocess.run(["node", VSCE, "package", "--allow-missing-repository", "--out", vsix],
                             cwd=EXT, capture_output=True, text=True, timeout=300,
                             stdin=subprocess.DEVNULL)
        if run.returncode != 0:
            print(run.stdout + run.stderr)
            return 1
        names = set(zipfile.ZipFile(vsix).namelist())
        required = [
            "extension/package.json",
            "extension/extension.js",
            "extension/language-configuration.json",
            "extension/syntaxes/concord.tmLanguage.json",
            "extension/LICENSE.txt",
            "extension/node_modules/vscode-languageclient/node.js",
            "extension/node_modules/vscode-languageserver-protocol/package.json",
            "extension/node_modules/vscode-jsonrpc/package.json",
        ]
        missing = [n for n in required if n not in names]
        leaked = sorted(n for n in names if n.startswith(("extension/tests/",
                                                          "extension/node_modules/@vscode/vsce/",
                                                          "extension/node_modules/vscode-tmgrammar-test/")))
        if missing or leaked:
            for n in missing:
                print(f"missing from the vsix: {n}")
            for n in leaked[:10]:
                print(f"should not be in the vsix: {n}")
            return 1
        unpacked = os.path.join(scratch, "unpacked")
        zipfile.ZipFile(vsix).extractall(unpacked)
        load = subprocess.run(["node", "-e", LOADER, os.path.join(unpacked, "extension")],
                              capture_output=True, text=True, timeout=60)
        print(load.stdout + load.stderr, end="")
        if load.returncode != 0:
            return 1
        print(f"concord-{version}.vsix: {len(names)} files, {os.path.getsize(vsix) // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
