#!/usr/bin/env bash
# A short run of each fuzz target on its seed corpus (docs/reliability.md):
# fails when a target crashes, leaks, times out on one input (-timeout) or
# goes over the memory limit. Not a campaign: it checks that the targets work
# and that the seeds and a few minutes of mutations around them are clean.
#
#   tests/fuzz/smoke.sh [--build DIR] [--seconds N] [TARGET...]
#     DIR      the fuzz build (default build/asan)
#     N        seconds per target (default 30, or $FUZZ_SECONDS)
#     TARGET   fuzz_check fuzz_fmt fuzz_engines fuzz_lsp fuzz_scenario fuzz_ledger
#              (default: all)
# Each target's libFuzzer log is DIR/fuzz-logs/TARGET.log; a crashing input is
# written to DIR/fuzz-artifacts/. The seed corpora are made by make_corpus.sh
# on first use; inputs found during the run go to a scratch directory, so the
# seeds stay the same from run to run.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build/asan
seconds=${FUZZ_SECONDS:-30}
targets=()
while (($#)); do
  case $1 in
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "smoke.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=(fuzz_check fuzz_fmt fuzz_engines fuzz_lsp fuzz_scenario fuzz_ledger)

corpus=$build/corpus
[ -d "$corpus" ] || "$root/tests/fuzz/make_corpus.sh" "$corpus" >/dev/null
mkdir -p "$build/fuzz-logs" "$build/fuzz-artifacts"

failed=()
for target in "${targets[@]}"; do
  binary=$build/$target
  if [ ! -x "$binary" ]; then
    echo "smoke.sh: $binary is not built (cmake --build $build --target fuzz)" >&2
    exit 2
  fi
  scratch=$(mktemp -d)
  options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
           -artifact_prefix="$build/fuzz-artifacts/$target-")
  # The engine and ledger targets read binary input, not Concord text.
  case $target in
    fuzz_engines | fuzz_ledger) ;;
    *) options+=(-dict="$root/tests/fuzz/concord.dict") ;;
  esac
  log=$build/fuzz-logs/$target.log
  status=0
  # stdin is /dev/null: an input that imports `-` or /dev/stdin must not wait.
  "$binary" "${options[@]}" "$scratch" "$corpus/$target" </dev/null >"$log" 2>&1 || status=$?
  rm -rf "$scratch"
  summary=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  if ((status != 0)); then
    failed+=("$target")
    echo "FAIL $target (exit $status), log $log:" >&2
    grep -E 'ERROR: |SUMMARY: |Test unit written|fuzz_[a-z]+: ' "$log" | head -20 >&2 || true
  else
    echo "ok   $target: ${seconds}s, ${execs:-?} executions; ${summary:-no DONE line}"
  fi
done

if ((${#failed[@]})); then
  echo "smoke.sh: failed: ${failed[*]}" >&2
  exit 1
fi
