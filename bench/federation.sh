#!/usr/bin/env bash
# The federation benchmark, in one command:
#
#   bench/federation.sh [RUNS] [SCALES]     (default: 5 runs, scales "0.01 0.1 1")
#
# Builds `concord` and the `rule_bench` target in the release preset
# (build/bench-release), generates the federation workload at each scale with
# bench/federation/gen.py (scale 1: 1,000 polities, 100,000 members, 2,000
# treaties, 10 years) into build/bench-federation/sSCALE, checks that it is
# clean, then measures:
#   - rule evaluation in one process (rule_bench): the interpreter, the JIT
#     (compile time separately) and the hand-written C++ rules, RUNS runs each,
#     medians, with the engines' verdicts compared;
#   - the same rules in LuaJIT (bench/federation/rules.lua) over the same events;
#   - end to end, `concord run --engine interp|jit --stats` on the 10-year
#     scenario, at the scales whose scenario file concord accepts;
# everything pinned to one core, peak memory from GNU time. The results go
# into docs/performance.md between the federation markers
# (bench/federation/report.py writes the section), raw outputs stay in
# build/bench-federation/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
scales="${2:-0.01 0.1 1}"
build="build/bench-release"
out="build/bench-federation"
concord="$build/concord"
rule_bench="$build/rule_bench"
luajit="${LUAJIT:-/usr/bin/luajit}"
mkdir -p "$out"

for tool in /usr/bin/time "$luajit"; do
  if [ ! -x "$tool" ]; then
    echo "federation: $tool is missing (Debian packages: time, luajit)" >&2
    exit 2
  fi
done

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake --preset release -B "$build"
fi
cmake --build "$build" --target concord rule_bench

pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi
engine_flag=no
if "$concord" run --help 2>&1 | grep -q -- '--engine'; then engine_flag=yes; fi
stats_flag=no
if "$concord" run --help 2>&1 | grep -q -- '--stats'; then stats_flag=yes; fi
# Every event is a timeline entry, so scale 1 (1.5 million events) needs more
# than the default limit of 1,000,000 entries (R035).
limit_flag=no
if "$concord" run --help 2>&1 | grep -q -- '--timeline-limit'; then limit_flag=yes; fi
# concord refuses files above this size (LoadOptions::max_file_bytes, E0005).
max_bytes=$((8 << 20))

: >"$out/summary.txt"
for scale in $scales; do
  dir="$out/s$scale"
  echo "federation: scale $scale: generating into $dir"
  python3 bench/federation/gen.py "$dir" --scale "$scale" --seed 2026 >"$dir.gen.txt"
  cat "$dir.gen.txt"
  scenario_bytes=$(stat -c %s "$dir/scenario.concord")
  check_files=("$dir"/program/*.concord)
  if ((scenario_bytes <= max_bytes)); then check_files+=("$dir/scenario.concord"); fi
  set +e
  "$concord" check "${check_files[@]}" >"$dir/check.out" 2>"$dir/check.err"
  status=$?
  set -e
  if [ "$status" != 0 ] || [ -s "$dir/check.err" ]; then
    echo "federation: the generated workload at scale $scale does not check clean:" >&2
    head -n 30 "$dir/check.err" >&2
    exit 1
  fi
  cat "$dir/check.out"

  echo "federation: scale $scale: rule_bench ($runs runs per engine)"
  "${pin[@]}" /usr/bin/time -v -o "$dir/rule_bench.time" "$rule_bench" "$dir" --runs "$runs" \
    | tee "$dir/rule_bench.out"
  echo "federation: scale $scale: LuaJIT"
  "${pin[@]}" /usr/bin/time -v -o "$dir/luajit.time" "$luajit" bench/federation/rules.lua "$dir" "$runs" \
    | tee "$dir/luajit.out"

  : >"$dir/e2e.txt"
  if ((scenario_bytes > max_bytes)); then
    echo "skipped reason=scenario_too_large bytes=$scenario_bytes limit=$max_bytes" >"$dir/e2e.txt"
    echo "federation: scale $scale: end-to-end skipped: the scenario is $scenario_bytes bytes, above concord's limit of $max_bytes"
    continue
  fi
  engines=(default)
  if [ "$engine_flag" = yes ]; then engines=(interp jit); fi
  for engine in "${engines[@]}"; do
    args=(run "$dir"/program/*.concord "$dir/scenario.concord")
    if [ "$engine" != default ]; then args+=(--engine "$engine"); fi
    if [ "$stats_flag" = yes ]; then args+=(--stats); fi
    if [ "$limit_flag" = yes ]; then args+=(--timeline-limit 5000000); fi
    e2e_runs=$runs
    if [ "$scale" != 0.01 ]; then e2e_runs=1; fi
    for ((i = 1; i <= e2e_runs; i++)); do
      echo "federation: scale $scale: concord run --engine $engine (run $i of $e2e_runs)"
      start=$(date +%s%N)
      set +e
      "${pin[@]}" /usr/bin/time -v -o "$dir/e2e-$engine.time" timeout 1800 "$concord" "${args[@]}" \
        >"$dir/e2e-$engine.out" 2>"$dir/e2e-$engine.err"
      status=$?
      set -e
      end=$(date +%s%N)
      kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/e2e-$engine.time")
      cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.3f", s}' "$dir/e2e-$engine.time")
      lines=$(wc -l <"$dir/e2e-$engine.out")
      echo "e2e engine=$engine run=$i seconds=$(awk -v ns=$((end - start)) 'BEGIN {printf "%.3f", ns / 1e9}') cpu_s=$cpu exit=$status peak_kib=$kib timeline_lines=$lines" \
        | tee -a "$dir/e2e.txt"
      grep -E '^  (engine|jit compile|events|evaluations|evaluation time|total time) ' "$dir/e2e-$engine.err" \
        | tr -s ' ' | sed "s/^ /stats engine=$engine run=$i /" >>"$dir/e2e.txt" || true
    done
  done
  if [ "$engine_flag" = yes ] && ! cmp -s "$dir/e2e-interp.out" "$dir/e2e-jit.out"; then
    echo "mismatch reason=timelines_differ" >>"$dir/e2e.txt"
    echo "federation: scale $scale: the interpreter's and the JIT's timelines differ" >&2
  fi
done

python3 bench/federation/report.py "$out" docs/performance.md --runs "$runs" --scales "$scales" \
  --concord "$concord"
echo "federation: wrote the results into docs/performance.md"
