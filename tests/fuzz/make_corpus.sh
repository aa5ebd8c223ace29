#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets (tests/fuzz, docs/reliability.md)
# from files already in the repository, so no corpus is committed:
#   fuzz_check, fuzz_fmt, fuzz_lsp   every .concord of examples/, stdlib/,
#                                    tests/golden/**, tests/scenarios,
#                                    tests/property/regressions, tests/lsp/fixtures
#   fuzz_scenario                    the bodies of the scenarios in those files,
#                                    without their `start` and `run` lines; the
#                                    batches of tests/golden/ledger (what
#                                    `concord record` takes: `members`, `every`,
#                                    back-dated events); tests/fuzz/seeds/fuzz_scenario
#   fuzz_engines                     64 generator choices (seed, case, shape)
#   fuzz_ledger                      small ledgers written with the schema of
#                                    compiler/ledger/store.cpp (sound, foreign,
#                                    too new, tampered, truncated)
#
#   tests/fuzz/make_corpus.sh [OUT]  # OUT defaults to build/asan/corpus
# Each target's corpus is OUT/TARGET; existing corpora are replaced.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/build/asan/corpus}
rm -rf "$out"
mkdir -p "$out"/{fuzz_check,fuzz_fmt,fuzz_lsp,fuzz_scenario,fuzz_engines,fuzz_ledger}

# Sources larger than this slow every mutation down and add no new shapes.
max_bytes=65536

mapfile -d '' sources < <(find "$root/examples" "$root/stdlib" "$root/tests/golden" \
  "$root/tests/scenarios" "$root/tests/property/regressions" "$root/tests/lsp/fixtures" \
  -name '*.concord' -type f -size -${max_bytes}c -print0 | sort -z)

for src in "${sources[@]}"; do
  # One name per file, flat: tests/golden/sema/x.concord -> tests_golden_sema_x.concord
  name=${src#"$root"/}
  name=${name//\//_}
  for target in fuzz_check fuzz_fmt fuzz_lsp; do
    cp "$src" "$out/$target/$name"
  done
done

python3 - "$out" "${sources[@]}" <<'PY'
import pathlib
import re
import struct
import sys

out = pathlib.Path(sys.argv[1])
# Scenario bodies: the lines between `scenario NAME {` and its closing `}` at
# the start of a line, minus what the harness fixes itself.
count = 0
for src in map(pathlib.Path, sys.argv[2:]):
    text = src.read_text(errors="replace")
    for match in re.finditer(r"^scenario\s+\w+\s*\{\n(.*?)^\}", text, re.M | re.S):
        body = [line for line in match.group(1).splitlines()
                if not re.match(r"\s*(start|run|seed)\b", line)]
        if body:
            (out / "fuzz_scenario" / f"{src.stem}_{count}").write_text("\n".join(body) + "\n")
            count += 1
# The engine target reads three little-endian u64: seed, case, shape.
for i in range(64):
    seed, case, shape = 1 + i // 8, i * 97, i
    (out / "fuzz_engines" / f"seed{seed}_case{case}").write_bytes(struct.pack("<QQQ", seed, case, shape))
PY

# Ledgers, written with the schema store.cpp creates (its first migration),
# so that mutations start from files Store::Open accepts or nearly does.
python3 - "$out/fuzz_ledger" "$root/compiler/ledger/store.cpp" <<'PY'
import hashlib
import pathlib
import re
import sqlite3
import sys

out = pathlib.Path(sys.argv[1])
schema = re.search(r'R"sql\((.*?)\)sql"', pathlib.Path(sys.argv[2]).read_text(), re.S).group(1)
charter = "charter k {\n  adopted 2027-01-01\n  membership { entry open exit anytime notice 0 days }\n}\n"


def ledger(name, application_id=0x434E4344, version=1, sha=None, events=2):
    path = out / name
    db = sqlite3.connect(path)
    db.executescript(schema)
    db.execute(f"PRAGMA application_id={application_id}")
    db.execute(f"PRAGMA user_version={version}")
    db.executemany("INSERT INTO setting VALUES (?, ?)", [("start", "2027-01-01"), ("seed", "k")])
    db.execute("INSERT INTO program_version VALUES (1, '2027-01-01', 'ana', '2027-01-01T00:00:00Z')")
    digest = sha or hashlib.sha256(charter.encode()).hexdigest()
    db.execute("INSERT INTO source VALUES (1, 'k.concord', ?, ?)", (digest, charter))
    db.execute("INSERT INTO batch VALUES (1, 'ana', '2027-01-02T00:00:00Z', 0, ?)", (events,))
    lines = ["members k: ana, ben", "on 2027-01-10 join chen to k"][:events]
    for i, text in enumerate(lines):
        db.execute("INSERT INTO event VALUES (?, 1, '2027-01-01', ?)", (i + 1, text))
    db.commit()
    db.close()
    return path


ledger("sound.db")
ledger("foreign.db", application_id=0)
ledger("too_new.db", version=99)
ledger("tampered.db", sha="0" * 64)
ledger("one_event.db", events=1)
sound = (out / "sound.db").read_bytes()
(out / "truncated.db").write_bytes(sound[: len(sound) // 2])
(out / "header_only").write_bytes(b"SQLite format 3\x00")
PY

# Record batches: each golden ledger test's input after its `//` header
# lines, and the hand-written seeds (`every`, `members`, back-dated events).
for src in "$root"/tests/golden/ledger/*.concord; do
  body=$(grep -v '^//' "$src" || true)
  if [ -n "$body" ]; then printf '%s\n' "$body" >"$out/fuzz_scenario/ledger_$(basename "$src" .concord)"; fi
done
cp "$root"/tests/fuzz/seeds/fuzz_scenario/* "$out/fuzz_scenario/"

for target in "$out"/*; do
  echo "$(basename "$target"): $(find "$target" -type f | wc -l) files"
done
