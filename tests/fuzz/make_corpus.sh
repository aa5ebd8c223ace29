#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets (tests/fuzz, docs/reliability.md)
# from files already in the repository, so no corpus is committed:
#   fuzz_check, fuzz_fmt, fuzz_lsp   every .concord of examples/, stdlib/,
#                                    tests/golden/**, tests/scenarios,
#                                    tests/property/regressions, tests/lsp/fixtures
#   fuzz_scenario                    the bodies of the scenarios in those files,
#                                    without their `start` and `run` lines
#   fuzz_engines                     64 generator choices (seed, case, shape)
#
#   tests/fuzz/make_corpus.sh [OUT]  # OUT defaults to build/asan/corpus
# Each target's corpus is OUT/TARGET; existing corpora are replaced.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/build/asan/corpus}
rm -rf "$out"
mkdir -p "$out"/{fuzz_check,fuzz_fmt,fuzz_lsp,fuzz_scenario,fuzz_engines}

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

for target in "$out"/*; do
  echo "$(basename "$target"): $(find "$target" -type f | wc -l) files"
done
