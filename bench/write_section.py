#!/usr/bin/env python3
"""Replaces one benchmark's section of docs/performance.md.

    write_section.py NAME DOC < SECTION

SECTION (standard input) is the whole text from `<!-- NAME:begin -->` to
`<!-- NAME:end -->`; it replaces the section of that name in DOC, or is
appended when DOC has none yet. Every bench/*_bench.sh writes through this, so
the sections of different benchmarks never overwrite each other.
"""
import sys


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    name, path = sys.argv[1], sys.argv[2]
    section = sys.stdin.read().rstrip("\n")
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    if not (section.startswith(begin) and section.endswith(end)):
        print(f"write_section: the section must run from {begin} to {end}", file=sys.stderr)
        return 2
    try:
        text = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        text = "# Performance\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1]
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
