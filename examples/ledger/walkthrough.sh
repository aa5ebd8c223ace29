#!/usr/bin/env bash
# The living ledger of Elm Street Kitchen, step by step (docs/ledger.md):
# create the ledger with the charter the kitchen adopted, record its founders
# (on the command line), its January (--file) and a report (standard input),
# see a back-dated payment refused, ask for the status, export the history
# and replay it, check that the replay is what `concord run` prints for the
# export, adopt the charter's second version (one dated before the last
# event is refused first), record March under it and ask for the status
# again. Each command is printed before its output.
#
#   examples/ledger/walkthrough.sh BUILD_DIR OUT_DIR
#     BUILD_DIR  where `concord` was built (build/dev)
#     OUT_DIR    where the ledger and the exported history are written
#                (emptied of this walkthrough's files first)
# Exit 0 when every step did what it should, 1 otherwise.
set -uo pipefail

if [ $# -ne 2 ]; then
  sed -n '11,15p' "$0" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
concord=$(cd "$1" && pwd)/concord
mkdir -p "$2"
out=$(cd "$2" && pwd)
ledger=$out/elm.db
rm -f "$ledger" "$ledger-wal" "$ledger-shm" "$out/elm.history.concord"
# Paths are stored as given: run from the repository root so that the
# program is `examples/ledger/elm_kitchen.concord` for every command.
cd "$root" || exit 1
# Reproducible provenance: who recorded is given with --by, and when is this
# fixed instant instead of the clock.
export SOURCE_DATE_EPOCH=1801440000

failures=0
# step EXPECTED_EXIT COMMAND...: prints the command, runs it, checks its exit.
step() {
  local expected=$1
  shift
  echo "\$ concord ${*}"
  "$concord" "$@"
  local status=$?
  if [ "$status" -ne "$expected" ]; then
    echo "walkthrough: expected exit $expected, got $status" >&2
    failures=$((failures + 1))
  fi
  echo
}

echo "# 1. The ledger, holding the charter the kitchen adopted on 2027-01-01."
step 0 ledger init "$ledger" examples/ledger/elm_kitchen.concord --by ana

echo "# 2. The founders, on the command line."
step 0 record "$ledger" --by ana 'members elm_kitchen: ana, ben, chen, dara { income 1200 EUR }'

echo "# 3. January, from a file: joins, payments, an election, an assembly, a dispute."
step 0 record "$ledger" --by chen --file examples/ledger/january.events

echo "# 4. A report, from standard input."
echo "\$ printf 'on 2027-02-01 report pantry_fund\\n' | concord record $ledger --by chen -"
printf 'on 2027-02-01 report pantry_fund\n' | "$concord" record "$ledger" --by chen - ||
  failures=$((failures + 1))
echo

echo "# 5. A payment dated before the last recorded event is refused; nothing is stored."
step 1 record "$ledger" --by ben 'on 2027-01-20 contribute ben 10 EUR to pantry_fund'

echo "# 6. What is due, overdue and open on 2027-02-10 (exit 1: dara's dues are unpaid)."
step 1 status "$ledger" --on 2027-02-10

echo "# 7. The history as a scenario, and its timeline."
echo "\$ concord ledger export $ledger > $out/elm.history.concord"
"$concord" ledger export "$ledger" >"$out/elm.history.concord" || failures=$((failures + 1))
echo
step 0 ledger replay "$ledger"

echo "# 8. The replay is what \`concord run\` prints for the exported history."
echo "\$ concord run examples/ledger/elm_kitchen.concord $out/elm.history.concord"
"$concord" ledger replay "$ledger" >"$out/replay.txt"
"$concord" run examples/ledger/elm_kitchen.concord "$out/elm.history.concord" >"$out/run.txt"
if cmp -s "$out/replay.txt" "$out/run.txt"; then
  echo "identical to the replay ($(wc -l <"$out/run.txt") lines)"
else
  echo "walkthrough: the replay and the run of the export differ:" >&2
  diff "$out/replay.txt" "$out/run.txt" >&2
  failures=$((failures + 1))
fi

echo
echo "# 9. The charter's second version: dated before the last recorded event it is refused;"
echo "#    from 2027-03-01 it meets version 1's quota (one rule) and is adopted."
step 1 ledger adopt "$ledger" examples/ledger/elm_kitchen_v2.concord --on 2027-01-25 --by ana
step 0 ledger adopt "$ledger" examples/ledger/elm_kitchen_v2.concord --on 2027-03-01 --by ana

echo "# 10. Each event is judged by the version in force on its date: a gift of 120 EUR dated"
echo "#     2027-02-20 is above version 1's cap (100 EUR) and refused; on 2027-03-05 it is within"
echo "#     version 2's (150 EUR) and recorded."
step 1 record "$ledger" --by chen 'on 2027-02-20 contribute fatima 120 EUR to pantry_fund'
step 0 record "$ledger" --by chen 'on 2027-03-05 contribute fatima 120 EUR to pantry_fund'

echo "# 11. The status on 2027-03-10, from the history played across both versions."
step 1 status "$ledger" --on 2027-03-10

echo "# 12. The export is refused: a scenario cannot say when version 2 comes into force (E0284);"
echo "#     \`ledger replay\` shows the timeline across the versions."
step 2 ledger export "$ledger"
echo "\$ concord ledger replay $ledger | grep 'program version'"
"$concord" ledger replay "$ledger" | grep 'program version' || failures=$((failures + 1))
echo

if [ "$failures" -ne 0 ]; then
  echo "walkthrough: $failures step(s) did not do what they should" >&2
  exit 1
fi
echo
echo "walkthrough: every step did what it should"
