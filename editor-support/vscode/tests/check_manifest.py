#!/usr/bin/env python3
"""Checks the VS Code extension's package.json against the files it names:
every path under `contributes` and `main` exists, the grammar's scopeName and
the language id agree, the versions are pinned exactly and locked, and the
language configuration names the comment tokens the grammar uses."""
import json
import os
import re
import sys

EXT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
errors = []


def load(relative):
    path = os.path.join(EXT, relative)
    if not os.path.isfile(path):
        errors.append(f"{relative}: named in package.json but missing")
        return None
    with open(path, encoding="utf-8") as f:
        try:
            return json.load(f)
        except json.JSONDecodeError as e:
            errors.append(f"{relative}: not valid JSON: {e}")
            return None


package = load("package.json")
if package is None:
    sys.exit("\n".join(errors))

if package.get("name") != "concord":
    errors.append(f"name is {package.get('name')!r}, not 'concord'")
for field in ("publisher", "version", "engines", "license"):
    if not package.get(field):
        errors.append(f"package.json has no {field}")
if not os.path.isfile(os.path.join(EXT, package.get("main", "<no main>"))):
    errors.append(f"main {package.get('main')!r} does not exist")
if "onLanguage:concord" not in package.get("activationEvents", []):
    errors.append("activationEvents lacks onLanguage:concord")

contributes = package.get("contributes", {})
languages = {lang["id"]: lang for lang in contributes.get("languages", [])}
if "concord" not in languages:
    errors.append("contributes.languages has no id 'concord'")
else:
    lang = languages["concord"]
    if ".concord" not in lang.get("extensions", []):
        errors.append("language concord does not claim the .concord extension")
    config = load(lang.get("configuration", "<no configuration>"))
    if config is not None:
        comments = config.get("comments", {})
        if comments.get("lineComment") != "//" or comments.get("blockComment") != ["/*", "*/"]:
            errors.append(f"language configuration comments are {comments}")

grammars = contributes.get("grammars", [])
if not grammars:
    errors.append("contributes.grammars is empty")
for grammar in grammars:
    tm = load(grammar.get("path", "<no path>"))
    if tm is not None and tm.get("scopeName") != grammar.get("scopeName"):
        errors.append(f"{grammar['path']}: scopeName {tm.get('scopeName')!r} != "
                      f"{grammar.get('scopeName')!r} in package.json")
    if grammar.get("language") not in languages:
        errors.append(f"grammar {grammar.get('path')} is for unknown language {grammar.get('language')!r}")

settings = contributes.get("configuration", {}).get("properties", {})
for key in ("concord.path", "concord.trace.server"):
    if key not in settings:
        errors.append(f"setting {key} is not contributed")
commands = {c["command"] for c in contributes.get("commands", [])}
with open(os.path.join(EXT, package.get("main", "extension.js")), encoding="utf-8") as f:
    registered = set(re.findall(r"registerCommand\('([^']+)'", f.read()))
if commands != registered:
    errors.append(f"contributed commands {sorted(commands)} != registered {sorted(registered)}")

# Exact versions, all in the committed lockfile.
lock = load("package-lock.json")
for section in ("dependencies", "devDependencies"):
    for name, version in package.get(section, {}).items():
        if not re.fullmatch(r"\d+\.\d+\.\d+", version):
            errors.append(f"{section}.{name} is {version!r}, not an exact version")
        locked = (lock or {}).get("packages", {}).get(f"node_modules/{name}", {}).get("version")
        if locked != version:
            errors.append(f"{name}: package.json pins {version}, package-lock.json has {locked}")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"package.json: {len(grammars)} grammar(s), {len(languages)} language(s), "
      f"{len(settings)} setting(s); every path exists and every version is locked")
