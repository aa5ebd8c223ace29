#!/usr/bin/env bash
# The ledger benchmark, in one command:
#
#   bench/ledger.sh [CONCORD]     (default: build/bench-release/concord, built here)
#
# Generates a 1,000-member program and ten one-year batches of 100,000 events
# (bench/ledger/gen.py) into build/bench-ledger, then, pinned to one core with
# peak memory from GNU time:
#   - `concord record` of the first 100,000-event batch into a ledger holding
#     only the founders (the issue's throughput figure, events per CPU second),
#     and of every further batch, so the last one records into 900,000 events;
#   - `concord status` on the resulting 1,000,000-event ledger.
# The figures go into docs/performance.md between the ledger markers; raw
# outputs stay in build/bench-ledger/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
concord="${1:-build/bench-release/concord}"
out="build/bench-ledger"
batches=10
events=100000

if [ ! -x /usr/bin/time ]; then
  echo "ledger bench: /usr/bin/time is missing (Debian package: time)" >&2
  exit 2
fi
if [ -z "${1:-}" ]; then
  if [ ! -f build/bench-release/CMakeCache.txt ]; then
    cmake --preset release -B build/bench-release
  fi
  cmake --build build/bench-release --target concord
fi
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi

rm -rf "$out"
mkdir -p "$out"
python3 bench/ledger/gen.py "$out" --events "$events" --batches "$batches"
db="$out/community.db"
"$concord" ledger init "$db" "$out/program.concord" --start 2027-01-01 --seed bench --by bench
"$concord" record "$db" --by bench --file "$out/founders.concord" >/dev/null

# GNU time's CPU seconds (user + system) and peak RSS in KiB.
measure() {
  local name="$1"
  shift
  set +e
  "${pin[@]}" /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err"
  local status=$?
  set -e
  local cpu kib
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$out/$name.time")
  kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.time")
  echo "$name exit=$status cpu_s=$cpu peak_kib=$kib" | tee -a "$out/summary.txt"
}

: >"$out/summary.txt"
for ((k = 1; k <= batches; k++)); do
  measure "record-$k" "$concord" record "$db" --by bench --file "$out/batch-$k.concord"
  if ! grep -q "exit=0" <(tail -1 "$out/summary.txt"); then
    echo "ledger bench: recording batch $k failed:" >&2
    head -n 20 "$out/record-$k.err" >&2
    exit 1
  fi
done
# status exits 1 when something is overdue: that is an answer, not a failure.
measure status "$concord" status "$db"
measure replay "$concord" ledger replay "$db"

python3 - "$out/summary.txt" docs/performance.md "$events" "$batches" <<'PY'
import datetime, platform, re, subprocess, sys
summary, doc, events, batches = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rows = {}
for line in open(summary):
    name, *fields = line.split()
    rows[name] = dict(f.split("=") for f in fields)
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                     capture_output=True, text=True).stdout.strip()
first, last = rows["record-1"], rows[f"record-{batches}"]
def mib(kib): return f"{int(kib) / 1024:.0f} MiB"
def rate(r): return f"{events / float(r['cpu_s']):,.0f}"
text = f"""<!-- ledger:begin (written by bench/ledger.sh) -->
Measured on {datetime.date.today().isoformat()}, {cpu or platform.processor()}, one core
(`taskset -c 0`), release build; CPU seconds (user + system) and peak RSS from GNU time.
A ledger of 1,000 members; batches of {events:,} events (contributions, each checked against two
rules, and quarterly reports), one simulated year each.

| what | CPU s | peak RSS | events/s |
| --- | --- | --- | --- |
| `concord record` of the first batch ({events:,} events, into the founders only) | {first['cpu_s']} | {mib(first['peak_kib'])} | {rate(first)} |
| `concord record` of batch {batches} (into {events * (batches - 1):,} stored events) | {last['cpu_s']} | {mib(last['peak_kib'])} | {rate(last)} |
| `concord status` on {events * batches:,} events | {rows['status']['cpu_s']} | {mib(rows['status']['peak_kib'])} | — |
| `concord ledger replay` on {events * batches:,} events | {rows['replay']['cpu_s']} | {mib(rows['replay']['peak_kib'])} | — |
<!-- ledger:end -->"""
doc_text = open(doc).read()
pattern = re.compile(r"<!-- ledger:begin.*?<!-- ledger:end -->", re.S)
if pattern.search(doc_text):
    doc_text = pattern.sub(lambda _: text, doc_text)
else:
    doc_text = doc_text.rstrip("\n") + "\n\n## The living ledger (bench/ledger.sh)\n\n" + text + "\n"
open(doc, "w").write(doc_text)
PY
echo "ledger bench: wrote the results into docs/performance.md"
