#!/usr/bin/env python3
"""Cross-checks the C++ lottery against tests/lottery/draw.py, the Python reference
written from docs/reference-lottery.md.

  crosscheck.py --draw build/dev/concord_draw   # a few hundred generated cases
  crosscheck.py --doc docs/reference-lottery.md  # the script in the manual is draw.py

The cases come from a fixed seed, so a failure reproduces; they cover UTF-8 names,
duplicates, names and seeds with spaces, newlines and escape characters, k = 0,
k = pool size and pools too small. Any difference in the members, their order,
the sorted pool, the number of hashes or the first digest fails the check.
"""
import argparse
import hashlib
import importlib.util
import pathlib
import random
import subprocess
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
CASES = 400

sys.dont_write_bytecode = True  # no __pycache__ left in the source tree
spec = importlib.util.spec_from_file_location("draw", HERE / "draw.py")
reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reference)

# Byte order differs from case-insensitive or locale order on purpose: capitals
# before lowercase, emoji last; "e" + combining accent is the precomposed "é"
# once both are in NFC, and "Å" (U+212B ANGSTROM SIGN) is "Å" (U+00C5).
NAMES = [
    "ana", "ben", "chen", "dara", "eli", "femi", "gil", "ivo", "fay", "gus", "hana",
    "Ana", "ANA", "zoë", "zoe", "émile", "e\u0301mile", "Ørjan", "\u212Bsa", "\u00C5sa",
    "zoe\u0308", "дарья", "δήμος", "δη\u0301μος", "李娜", "Дарья",
    "🌱sprout", "mary ann", "x|y", "50%", "-", "", "tab\tname", "o'brien", "ana2",
    "a", "aa", "ab", "b", "name\nwith newline",
]
SEEDS = [
    "eastside-2026", "", " ", "  two  spaces  ", "line1\nline2", "trailing\n",
    "tab\tseed", "%41", "-", "ünïcödé", "seed|pipe", "0",
]
DOMAINS = ["d1", "d1/external", "d2", "dispute-7", "d 1", "d\n1", "", "ç"]


def escape(text):
    """The field escaping of concord_draw (see tests/lottery/draw_main.cpp)."""
    if text == "":
        return "-"
    if text == "-":
        return "%2D"
    out = bytearray()
    for byte in text.encode("utf-8"):
        if byte <= 0x20 or byte == 0x7F or byte in b"%|":
            out += b"%%%02X" % byte
        else:
            out.append(byte)  # UTF-8 sequences use only bytes >= 0x80, so they stay whole
    return out.decode("utf-8")


def random_name(rng):
    if rng.random() < 0.4:
        return rng.choice(NAMES)
    length = rng.randint(1, 8)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzé_ ") for _ in range(length))


def generate(rng):
    cases = [
        ("eastside-2026", "d1", 5, ["chen", "dara", "eli", "femi", "gil", "ivo"]),
        ("eastside-2026", "d1/external", 1, ["fay", "gus", "hana"]),
        ("s", "d", 0, []),
        ("s", "d", 1, []),
        ("s", "d", 1, ["only"]),
        ("s", "d", 3, ["a", "a", "b"]),
    ]
    while len(cases) < CASES:
        seed = rng.choice(SEEDS) if rng.random() < 0.6 else "seed-%d" % rng.randint(0, 10**6)
        domain = rng.choice(DOMAINS) if rng.random() < 0.6 else "d%d" % rng.randint(0, 999)
        names = [random_name(rng) for _ in range(rng.randint(1, 40))]
        if rng.random() < 0.2:  # repeats, in any order
            names += rng.sample(names, rng.randint(1, len(names)))
            rng.shuffle(names)
        distinct = len({unicodedata.normalize("NFC", name) for name in names})
        roll = rng.random()
        if roll < 0.05:
            k = 0
        elif roll < 0.10:
            k = distinct + rng.randint(1, 3)
        elif roll < 0.20:
            k = distinct
        else:
            k = rng.randint(1, distinct)
        cases.append((seed, domain, k, names))
    return cases


def expected_line(seed, domain, k, names):
    members, hashes = reference.draw(seed, domain, k, names)
    distinct = {unicodedata.normalize("NFC", name) for name in names}
    if members is None:
        return "too-small %d %d" % (len(distinct), k)
    pool = sorted(distinct, key=lambda name: name.encode("utf-8"))
    first = hashlib.sha256(f"{seed}\n{domain}\n0".encode("utf-8")).hexdigest()
    return " ".join(["drawn", str(hashes), first, "|"] + [escape(m) for m in members] + ["|"]
                    + [escape(p) for p in pool])


def crosscheck(draw_tool):
    cases = generate(random.Random(20261101))
    stdin = "".join(
        " ".join([escape(seed), escape(domain), str(k)] + [escape(n) for n in names]) + "\n"
        for seed, domain, k, names in cases)
    run = subprocess.run([draw_tool], input=stdin.encode("utf-8"), capture_output=True)
    if run.returncode != 0:
        sys.exit("concord_draw failed (%d): %s" % (run.returncode, run.stderr.decode(errors="replace")))
    actual = run.stdout.decode("utf-8").splitlines()
    if len(actual) != len(cases):
        sys.exit("concord_draw printed %d lines for %d cases" % (len(actual), len(cases)))

    mismatches = 0
    kinds = {"drawn": 0, "too-small": 0}
    for case, got in zip(cases, actual):
        want = expected_line(*case)
        kinds[want.split(" ")[0]] += 1
        if got != want:
            mismatches += 1
            if mismatches <= 5:
                print("case %r\n  C++:    %s\n  Python: %s" % (case, got, want))
    # The generator must exercise both outcomes, or the comparison proves little.
    if kinds["drawn"] < CASES // 2 or kinds["too-small"] == 0:
        sys.exit("the generated cases are lopsided: %r" % kinds)
    if mismatches:
        sys.exit("%d of %d cases differ" % (mismatches, len(cases)))
    print("%d cases agree (%d drawn, %d too small)" % (len(cases), kinds["drawn"], kinds["too-small"]))


def check_doc(doc):
    """The manual shows the reference inline; it must be this very script."""
    text = pathlib.Path(doc).read_text(encoding="utf-8")
    script = (HERE / "draw.py").read_text(encoding="utf-8")
    blocks = text.split("```python\n")[1:]
    shown = [block.split("```", 1)[0] for block in blocks]
    if script not in shown:
        sys.exit("%s does not show tests/lottery/draw.py verbatim in a ```python block" % doc)
    print("%s shows tests/lottery/draw.py verbatim" % doc)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", help="path to the concord_draw executable")
    parser.add_argument("--doc", help="a manual page that must show draw.py")
    args = parser.parse_args()
    if not args.draw and not args.doc:
        parser.error("give --draw or --doc")
    if args.doc:
        check_doc(args.doc)
    if args.draw:
        crosscheck(args.draw)


if __name__ == "__main__":
    main()
