#!/usr/bin/env bash
# The `concord compat` benchmark, in one command:
#
#   bench/compat_bench.sh [RUNS] [CONCORD]     (default 5 runs, build/release/concord)
#
# Generates (bench/gen_compat.py, deterministic) one treaty against a party
# with 100 active treaties, and a folder of 200 treaties over 100 charters;
# times `concord compat` on the first and `concord compat --matrix` on the
# second RUNS times each, and records the medians, the CPU time and the number
# of solver calls in docs/performance.md between the compat markers. Targets
# (issue 6): the single check under 100 ms, the matrix under 10 s.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
binary="${2:-build/release/concord}"
inputs="build/compat-bench"
doc="docs/performance.md"

if [ "$binary" = build/release/concord ]; then
  if [ ! -f build/release/CMakeCache.txt ]; then cmake --preset release; fi
  cmake --build --preset release --target concord
fi

python3 bench/gen_compat.py "$inputs" --portfolio 100 --matrix 200 100 --seed 2026
single=("$binary" compat "$inputs/portfolio/candidate.concord" "$inputs/portfolio/charters.concord"
        "$inputs/portfolio/active.concord" --stats)
matrix=("$binary" compat --matrix "$inputs/matrix" --stats)

# One run: exit 0 or 1 (conflicts are expected), never 2; prints
# "wall_ms cpu_ms compile_ms compat_ms checks calls".
measure() {
  local start end status
  start=$(date +%s%N)
  set +e
  /usr/bin/time -f '%U %S' -o build/compat-bench-time.txt "$@" >build/compat-bench.out 2>/dev/null
  status=$?
  set -e
  end=$(date +%s%N)
  if [ "$status" -gt 1 ]; then
    echo "compat-bench: \`$*\` failed with exit status $status" >&2
    exit 1
  fi
  local stats
  stats=$(grep '^stats:' build/compat-bench.out)
  # GNU time writes "Command exited with non-zero status 1" first on exit 1.
  tail -n 1 build/compat-bench-time.txt | awk -v wall=$(((end - start) / 1000000)) -v s="$stats" '{
    split(s, w, /[ ,;]+/)
    printf "%d %d %s %s %s %s\n", wall, ($1 + $2) * 1000, w[9], w[12], w[2], w[5]
  }'
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

run_all() {
  local label=$1
  shift
  : >"build/compat-bench-$label.txt"
  for ((i = 1; i <= runs; i++)); do
    measure "$@" | tee -a "build/compat-bench-$label.txt" |
      awk -v l="$label" -v i="$i" '{printf "compat-bench: %s run %d: wall %d ms, cpu %d ms, compile %s ms, compat %s ms, %s checks, %s solver calls\n", l, i, $1, $2, $3, $4, $5, $6}'
  done
}

run_all single "${single[@]}"
run_all matrix "${matrix[@]}"

col() { awk -v c="$2" '{print $c}' "build/compat-bench-$1.txt" | median; }
s_wall=$(col single 1); s_cpu=$(col single 2); s_compile=$(col single 3); s_compat=$(col single 4)
s_checks=$(col single 5); s_calls=$(col single 6)
m_wall=$(col matrix 1); m_cpu=$(col matrix 2); m_compile=$(col matrix 3); m_compat=$(col matrix 4)
m_checks=$(col matrix 5); m_calls=$(col matrix 6)
m_treaties=$(grep -c '^treaty ' "$inputs/matrix/treaties.concord")
m_conflicts=$(grep -c 'error\[K' build/compat-bench.out || true)

cpu=$(lscpu | awk -F': *' '/^Model name/ {print $2; exit}')
cores=$(nproc --all)
load=$(cut -d' ' -f1 /proc/loadavg)
today=$(date -u +%Y-%m-%d)
version=$("$binary" --version 2>/dev/null | head -n 1 || echo "concord")

section=$(cat <<EOF2
<!-- compat:begin -->
## \`concord compat\`

Measured by \`bench/compat_bench.sh ${runs} ${binary}\` on ${today} (${version}); inputs from
\`bench/gen_compat.py --portfolio 100 --matrix 200 100 --seed 2026\`. Medians of ${runs} runs.
Wall times are of the whole process: start-up (the binary links the shared libLLVM for the
JIT), loading, parsing and checking the program ("compile"), then the compatibility checks
alone ("compat"). Machine: ${cpu}, ${cores} cores, shared (load average ${load}
at the end of the run), so wall time is well above CPU time.

| | one treaty, a party with 100 active treaties | \`--matrix\`: ${m_treaties} treaties, 100 charters |
| --- | --- | --- |
| wall time | ${s_wall} ms | ${m_wall} ms |
| CPU time (user + system) | ${s_cpu} ms | ${m_cpu} ms |
| of which compile (wall) | ${s_compile} ms | ${m_compile} ms |
| of which compat checks (wall) | ${s_compat} ms | ${m_compat} ms |
| contribution checks | ${s_checks} | ${m_checks} |
| Z3 solver calls | ${s_calls} | ${m_calls} |
| target | under 100 ms | under 10 s |

The single check is the hub's two limits (per treaty: a conflict, K004, so one query plus the
bisection to the smallest income; total over 101 treaties: one query, compatible) and its
partner's two. The matrix has ${m_conflicts} conflicts among its verdicts.
<!-- compat:end -->
EOF2
)

printf '%s\n' "$section" | python3 "$root/bench/write_section.py" compat "$doc"
echo "compat-bench: single ${s_wall} ms wall (${s_compat} ms checks, ${s_calls} solver calls); matrix ${m_wall} ms wall (${m_compat} ms checks, ${m_calls} solver calls)"
echo "compat-bench: wrote the results into ${doc}"
