#!/usr/bin/env bash
# The `concord fmt` throughput benchmark, in one command:
#
#   bench/fmt_bench.sh [RUNS]        (default 5 runs)
#
# Builds the release preset into build/fmt-release if needed, generates the
# same deterministic 100,000-line corpus as bench/check_bench.sh
# (bench/gen_corpus.py, into build/bench-corpus), then times, pinned to one
# core, `concord fmt` printing the whole corpus (parse, lay out, print, and
# the safety net that re-parses the output) and `concord fmt --check` on the
# formatted corpus (the same work plus a diff). Records the median wall times
# and the peak resident memory in docs/performance.md, between the fmt
# markers (other benchmarks keep their own sections there).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
corpus="build/bench-corpus"
formatted="build/bench-corpus-fmt"
build="build/fmt-release"
binary="$build/concord"
doc="docs/performance.md"

if [ ! -x /usr/bin/time ]; then
  echo "fmt-bench: installing GNU time"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends time >/dev/null
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake --preset release -B "$build"
fi
cmake --build "$build" --target concord

python3 bench/gen_corpus.py "$corpus" --lines 100000 --seed 2026
files=("$corpus"/*.concord)
nfiles=${#files[@]}
lines=$(cat "${files[@]}" | wc -l)

# A formatted copy of the corpus, for the `--check` runs (which then find
# nothing to report, the common case in CI).
rm -rf "$formatted"
mkdir -p "$formatted"
for f in "${files[@]}"; do
  "$binary" fmt "$f" >"$formatted/$(basename "$f")"
done
formatted_files=("$formatted"/*.concord)

pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi

peak_kb=0
# Times `concord fmt ARGS...` RUNS times; sets median_ns (wall time) and
# median_cpu_ns (user + system time, which other work on a shared machine
# disturbs less than wall time).
median() {
  sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'
}
measure() {
  local label="$1"
  shift
  local times=() cpus=()
  for ((i = 1; i <= runs; i++)); do
    local start end ns kb cpu status
    start=$(date +%s%N)
    set +e
    "${pin[@]}" /usr/bin/time -v -o build/bench-time.txt "$binary" fmt "$@" >/dev/null 2>build/bench-fmt.err
    status=$?
    set -e
    end=$(date +%s%N)
    if [ "$status" != 0 ]; then
      echo "fmt-bench: \`concord fmt $label\` failed (exit $status):" >&2
      head -n 20 build/bench-fmt.err >&2
      exit 1
    fi
    ns=$((end - start))
    times+=("$ns")
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.0f", s * 1e9}' build/bench-time.txt)
    cpus+=("$cpu")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' build/bench-time.txt)
    if ((kb > peak_kb)); then peak_kb=$kb; fi
    printf 'fmt-bench: %s run %d: %d.%03d s wall, %d.%03d s CPU, %d KiB\n' "$label" "$i" \
      $((ns / 1000000000)) $(((ns / 1000000) % 1000)) $((cpu / 1000000000)) \
      $(((cpu / 1000000) % 1000)) "$kb"
  done
  median_ns=$(printf '%s\n' "${times[@]}" | median)
  median_cpu_ns=$(printf '%s\n' "${cpus[@]}" | median)
}

measure "print" "${files[@]}"
print_ns=$median_ns
print_cpu=$median_cpu_ns
measure "--check" --check "${formatted_files[@]}"
check_ns=$median_ns
check_cpu=$median_cpu_ns

secs() { awk -v ns="$1" 'BEGIN {printf "%.3f", ns / 1e9}'; }
rate() { awk -v ns="$1" -v l="$lines" 'BEGIN {printf "%.0f", l / (ns / 1e9)}'; }
peak_mib=$(awk -v kb="$peak_kb" 'BEGIN {printf "%.1f", kb / 1024}')
cpu=$(lscpu | awk -F': *' '/^Model name/ {print $2; exit}')
cores=$(nproc --all)
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
today=$(date -u +%Y-%m-%d)
version=$("$binary" --version 2>/dev/null | head -n 1 || echo "concord")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "uncommitted")

section=$(cat <<EOF
<!-- fmt:begin -->
## \`concord fmt\` throughput

Measured by \`bench/fmt_bench.sh\` on ${today} (${version}, commit ${commit}, with the
formatter's changes uncommitted at the time of the run). Every run includes the safety net:
the formatted text of each file is parsed again and compared with the input
(docs/reference-fmt.md), so \`fmt\` parses every file twice where \`concord check\` parses
it once. Wall time depends on what else the machine runs (other builds share its cores);
CPU time is the steadier figure for comparisons.

| | |
| --- | --- |
| machine | ${cpu}, ${cores} cores, ${mem} memory |
| corpus | \`bench/gen_corpus.py --lines 100000 --seed 2026\`: ${nfiles} files, ${lines} lines |
| runs | ${runs} of each command, pinned with \`taskset -c 0\`; medians of wall time and of CPU time (user + system) |
| \`concord fmt build/bench-corpus/*.concord > /dev/null\` | wall $(secs "$print_ns") s = $(rate "$print_ns") lines/s; CPU $(secs "$print_cpu") s = $(rate "$print_cpu") lines/s |
| \`concord fmt --check build/bench-corpus-fmt/*.concord\` (already formatted) | wall $(secs "$check_ns") s = $(rate "$check_ns") lines/s; CPU $(secs "$check_cpu") s = $(rate "$check_cpu") lines/s |
| peak memory | ${peak_mib} MiB (maximum resident set size over all runs) |
<!-- fmt:end -->
EOF
)

printf '%s\n' "$section" | python3 "$root/bench/write_section.py" fmt "$doc"

echo "fmt-bench: ${lines} lines in ${nfiles} files: print $(secs "$print_ns") s wall ($(rate "$print_ns") lines/s), $(secs "$print_cpu") s CPU; --check $(secs "$check_ns") s wall, $(secs "$check_cpu") s CPU; peak ${peak_mib} MiB"
echo "fmt-bench: wrote the results into ${doc}"
