#!/usr/bin/env python3
"""Keeps the layers of docs/architecture.md true of the code.

The table in docs/architecture.md ("Layers") gives every library folder of
compiler/ and runtime/ a layer and the folders it uses. This test fails when:
  - an `#include` reaches a folder that its folder does not list as used;
  - a folder lists a use it never includes (link dependencies would then
    exceed include dependencies);
  - a use is not in a strictly lower layer (so no two folders depend on each
    other, and no cycle can hide in a chain);
  - CMakeLists.txt declares a library whose USES differ from the table, or
    a folder with code that the table or CMakeLists.txt does not declare;
  - ANTLR is included outside compiler/syntax, LLVM outside runtime/jit, or
    ICU outside the three folders that need it, or SQLite outside compiler/ledger (anywhere
    in compiler/, runtime/, tests/ and bench/);
  - a code file is longer than 600 lines.

Usage: layering_test.py [--root DIR]; exit 0 when clean, 1 with one line per
problem otherwise. tests/layering_selftest.py shows each check failing.
"""
import argparse
import pathlib
import re
import sys

CODE_SUFFIXES = {".h", ".cpp", ".def"}
LIBRARY_PARENTS = ("compiler", "runtime")
MAX_LINES = 600
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
ANTLR = re.compile(r"^(antlr4-runtime|antlr4-runtime/.*|Concord(Lexer|Parser|Visitor|BaseVisitor)\.h)$")
LLVM = re.compile(r"^(llvm|llvm-c)/")
# The one folder allowed each of the two heavy dependencies.
ANTLR_HOME = "compiler/syntax"
LLVM_HOME = "runtime/jit"
# ICU (Unicode names): NFC in the parser and the lottery, confusables in lint.
ICU = re.compile(r"^unicode/")
ICU_HOMES = ("compiler/syntax", "compiler/lint", "runtime/lottery")
# SQLite (the living ledger, docs/ledger.md): only the ledger's store.
SQLITE = re.compile(r"^sqlite3(ext)?\.h$")
SQLITE_HOME = "compiler/ledger"


def read_table(doc):
    """{folder: (layer, [uses])} from the `| layer | folder | library | uses |` table."""
    table = {}
    in_table = False
    for number, line in enumerate(doc.read_text().splitlines(), 1):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else None
        if cells and [c.lower() for c in cells[:4]] == ["layer", "folder", "library", "uses"]:
            in_table = True
            continue
        if not in_table:
            continue
        if not cells:
            break
        if set(cells[0]) <= set("-: "):
            continue
        folder = cells[1].strip("`")
        uses = re.findall(r"`([^`]+)`", cells[3])
        table[folder] = (int(cells[0]), uses, number)
    return table


def read_cmake(cmakelists):
    """{folder: [uses]} from the `concord_library(FOLDER ... USES ...)` calls, in order."""
    text = re.sub(r"#[^\n]*", "", cmakelists.read_text())
    declared = {}
    for match in re.finditer(r"concord_library\(\s*([^\s)]+)([^)]*)\)", text):
        words = match.group(2).split()
        uses, section = [], None
        for word in words:
            if re.fullmatch(r"[A-Z_]+", word):
                section = word
            elif section == "USES":
                uses.append(word)
        declared[match.group(1)] = uses
    return declared


def code_files(directory):
    return sorted(p for p in directory.rglob("*") if p.suffix in CODE_SUFFIXES and p.is_file())


def includes(path):
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return
    for number, line in enumerate(lines, 1):
        match = INCLUDE.match(line)
        if match:
            yield number, match.group(1), match.group(2)


def check(root):
    problems = []
    doc = root / "docs/architecture.md"
    table = read_table(doc)
    if not table:
        return [f"{doc}: no `| layer | folder | library | uses |` table"]
    declared = read_cmake(root / "CMakeLists.txt")

    folders = sorted(
        f"{parent}/{d.name}"
        for parent in LIBRARY_PARENTS
        for d in (root / parent).iterdir()
        if d.is_dir() and code_files(d))
    for folder in folders:
        if folder not in table:
            problems.append(f"{folder}: has code but no row in docs/architecture.md's layer table")
        if folder not in declared:
            problems.append(f"{folder}: has code but no concord_library() in CMakeLists.txt")
    for folder, (layer, uses, line) in table.items():
        where = f"docs/architecture.md:{line}"
        if folder not in folders:
            problems.append(f"{where}: {folder} is in the table but has no code")
        for used in uses:
            if used not in table:
                problems.append(f"{where}: {folder} uses {used}, which is not in the table")
            elif table[used][0] >= layer:
                problems.append(
                    f"{where}: {folder} (layer {layer}) uses {used} (layer {table[used][0]}),"
                    " which is not below it")
        if folder in declared and sorted(declared[folder]) != sorted(uses):
            problems.append(
                f"CMakeLists.txt: concord_library({folder}) USES {' '.join(sorted(declared[folder])) or '(none)'}"
                f" but docs/architecture.md says {' '.join(sorted(uses)) or '(none)'}")

    # What each folder really includes.
    for folder in folders:
        if folder not in table:
            continue
        allowed = set(table[folder][1])
        seen = set()
        for path in code_files(root / folder):
            relative = path.relative_to(root)
            for number, _, target in includes(path):
                parts = target.split("/")
                if len(parts) < 3 or parts[0] not in LIBRARY_PARENTS:
                    continue
                used = f"{parts[0]}/{parts[1]}"
                if used == folder:
                    continue
                seen.add(used)
                if used not in allowed:
                    problems.append(
                        f"{relative}:{number}: includes {target}, but {folder} may only use "
                        f"{', '.join(sorted(allowed)) or 'nothing'} (docs/architecture.md)")
        for stale in sorted(allowed - seen):
            problems.append(
                f"docs/architecture.md:{table[folder][2]}: {folder} lists {stale} but includes "
                "nothing of it (drop it, so link dependencies equal include dependencies)")

    # The heavy dependencies stay in their one folder, tests and benchmarks included.
    for top in ("compiler", "runtime", "tests", "bench"):
        if not (root / top).is_dir():
            continue
        for path in code_files(root / top):
            relative = path.relative_to(root).as_posix()
            for number, _, target in includes(path):
                if ANTLR.match(target) and not relative.startswith(ANTLR_HOME + "/"):
                    problems.append(f"{relative}:{number}: includes ANTLR ({target}) outside {ANTLR_HOME}")
                if LLVM.match(target) and not relative.startswith(LLVM_HOME + "/"):
                    problems.append(f"{relative}:{number}: includes LLVM ({target}) outside {LLVM_HOME}")
                if SQLITE.match(target) and not relative.startswith(SQLITE_HOME + "/"):
                    problems.append(f"{relative}:{number}: includes SQLite ({target}) outside {SQLITE_HOME}")
                if ICU.match(target) and not relative.startswith(tuple(h + "/" for h in ICU_HOMES)):
                    problems.append(f"{relative}:{number}: includes ICU ({target}) outside "
                                    f"{', '.join(ICU_HOMES)}")
            lines = path.read_text(errors="replace").count("\n")
            if lines > MAX_LINES:
                problems.append(f"{relative}: {lines} lines, more than {MAX_LINES}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    problems = check(args.root.resolve())
    for p in problems:
        print(p)
    if problems:
        print(f"layering: {len(problems)} problem(s)")
        return 1
    print("layering: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
