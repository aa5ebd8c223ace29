#!/usr/bin/env bash
# The `concord check` throughput benchmark, in one command:
#
#   bench/check_bench.sh [RUNS]        (default 5 runs)
#
# Builds the release preset if needed, generates a deterministic corpus of at
# least 100,000 lines of valid charters and treaties into build/bench-corpus
# (bench/gen_corpus.py), makes sure it checks clean, then runs `concord check`
# on the whole corpus RUNS times pinned to one core, and records the median
# wall time and the peak resident memory in docs/performance.md, between the
# check-bench markers (other benchmarks keep their own sections there).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
corpus="build/bench-corpus"
binary="build/release/concord"
doc="docs/performance.md"

# GNU time (not the shell keyword) reports the maximum resident set size.
if [ ! -x /usr/bin/time ]; then
  echo "check-bench: installing GNU time"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends time >/dev/null
fi

if [ ! -f build/release/CMakeCache.txt ]; then
  cmake --preset release
fi
cmake --build --preset release --target concord

python3 bench/gen_corpus.py "$corpus" --lines 100000 --seed 2026
files=("$corpus"/*.concord)
nfiles=${#files[@]}
lines=$(cat "${files[@]}" | wc -l)

# The corpus must be clean: exit 0 and not a single diagnostic (diagnostics go
# to standard error; standard output has only the one-line `ok:` summary).
set +e
"$binary" check "${files[@]}" >build/bench-check.out 2>build/bench-check.err
status=$?
set -e
if [ "$status" != 0 ] || [ -s build/bench-check.err ]; then
  echo "check-bench: the generated corpus does not check clean (exit $status):" >&2
  head -n 40 build/bench-check.err >&2
  exit 1
fi
cat build/bench-check.out

pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi

times=()
peak_kb=0
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  "${pin[@]}" /usr/bin/time -v -o build/bench-time.txt "$binary" check "${files[@]}" >/dev/null 2>&1
  end=$(date +%s%N)
  ns=$((end - start))
  times+=("$ns")
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' build/bench-time.txt)
  if ((kb > peak_kb)); then peak_kb=$kb; fi
  printf 'check-bench: run %d: %d.%03d s, %d KiB\n' "$i" $((ns / 1000000000)) $(((ns / 1000000) % 1000)) "$kb"
done

median_ns=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}')
seconds=$(awk -v ns="$median_ns" 'BEGIN {printf "%.3f", ns / 1e9}')
lines_per_s=$(awk -v ns="$median_ns" -v l="$lines" 'BEGIN {printf "%.0f", l / (ns / 1e9)}')
peak_mib=$(awk -v kb="$peak_kb" 'BEGIN {printf "%.1f", kb / 1024}')
cpu=$(lscpu | awk -F': *' '/^Model name/ {print $2; exit}')
cores=$(nproc --all)
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
today=$(date -u +%Y-%m-%d)
version=$("$binary" --version 2>/dev/null | head -n 1 || echo "concord")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "uncommitted")

section=$(cat <<EOF
<!-- check-bench:begin -->
## \`concord check\` throughput

Measured by \`bench/check_bench.sh\` on ${today} (${version}, commit ${commit}).

| | |
| --- | --- |
| machine | ${cpu}, ${cores} cores, ${mem} memory |
| command | \`taskset -c 0 build/release/concord check build/bench-corpus/*.concord\` |
| corpus | \`bench/gen_corpus.py --lines 100000 --seed 2026\`: ${nfiles} files, ${lines} lines |
| runs | ${runs}, median wall time |
| median time | ${seconds} s |
| throughput | ${lines_per_s} lines/s |
| peak memory | ${peak_mib} MiB (maximum resident set size) |
<!-- check-bench:end -->
EOF
)

printf '%s\n' "$section" | python3 "$root/bench/write_section.py" check-bench "$doc"

echo "check-bench: ${lines} lines in ${nfiles} files: median ${seconds} s, ${lines_per_s} lines/s, peak ${peak_mib} MiB"
echo "check-bench: wrote the results into ${doc}"
