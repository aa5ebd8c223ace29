#!/usr/bin/env bash
# A fuzzing campaign (docs/reliability.md): runs fuzz targets for a long time
# each, keeping what they find, so a later campaign continues from there.
#
#   tests/fuzz/campaign.sh [--build DIR] [--minutes M] [--jobs J] [TARGET...]
#     DIR      the sanitizer build with the fuzz targets (default build/asan)
#     M        minutes per target (default 30)
#     J        targets run at the same time (default 1)
#     TARGET   fuzz_check fuzz_fmt fuzz_engines fuzz_lsp fuzz_scenario fuzz_ledger
#              (default: all)
#
# The binaries are copied to DIR/campaign/bin first, so rebuilding during a
# campaign does not change what runs. Each target's corpus grows in
# DIR/campaign/corpus/TARGET (seeded from DIR/corpus/TARGET, made by
# make_corpus.sh); logs go to DIR/campaign/logs/TARGET.log and crashing,
# leaking, slow or out-of-memory inputs to DIR/campaign/findings/. At the end
# one summary line per target: seconds, executions, coverage, peak memory.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build/asan
minutes=30
jobs=1
targets=()
while (($#)); do
  case $1 in
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) echo "campaign.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=(fuzz_check fuzz_fmt fuzz_engines fuzz_lsp fuzz_scenario fuzz_ledger)

work=$build/campaign
mkdir -p "$work"/{bin,corpus,logs,findings}
[ -d "$build/corpus" ] || "$root/tests/fuzz/make_corpus.sh" "$build/corpus" >/dev/null
for target in "${targets[@]}"; do
  if [ ! -x "$build/$target" ]; then
    echo "campaign.sh: $build/$target is not built (cmake --build --preset fuzz)" >&2
    exit 2
  fi
  cp "$build/$target" "$work/bin/$target"
  if [ ! -d "$work/corpus/$target" ]; then
    cp -r "$build/corpus/$target" "$work/corpus/$target"
  fi
done

run_one() {
  local target=$1
  local options=(-max_total_time=$((minutes * 60)) -rss_limit_mb=2048 -timeout=10
                 -print_final_stats=1 -artifact_prefix="$work/findings/$target-")
  case $target in
    fuzz_engines | fuzz_ledger) ;;  # binary input, not Concord text
    *) options+=(-dict="$root/tests/fuzz/concord.dict") ;;
  esac
  local status=0 started=$SECONDS
  "$work/bin/$target" "${options[@]}" "$work/corpus/$target" </dev/null \
    >"$work/logs/$target.log" 2>&1 || status=$?
  local log=$work/logs/$target.log
  local done_line execs rss
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  execs=$(awk '/^stat::number_of_executed_units/ {print $2}' "$log")
  rss=$(awk '/^stat::peak_rss_mb/ {print $2}' "$log")
  echo "$target: exit $status, $((SECONDS - started)) s, ${execs:-?} executions, peak ${rss:-?} MB," \
       "corpus $(ls "$work/corpus/$target" | wc -l) inputs; ${done_line:-no DONE line}"
}

running=0
for target in "${targets[@]}"; do
  run_one "$target" &
  running=$((running + 1))
  if ((running >= jobs)); then
    wait -n || true
    running=$((running - 1))
  fi
done
wait
ls "$work/findings" | sed 's/^/finding: /'
