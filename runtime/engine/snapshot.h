// Snapshots: how a run stood at the end of one day, as bytes that a fresh
// run over the same program and scenario restores and plays on from the
// next day, giving the same timeline, metrics and standing as the run that
// never stopped (tests/unit/snapshot_test.cpp, every scenario, both engines).
// A long ledger's `concord status` need not replay what a snapshot holds.
//
// The bytes (docs/ledger.md, "Snapshots"): the magic `CSNP`, the format
// version as 4 bytes little-endian, the SHA-256 of the payload (32 bytes),
// then the payload: the state as CBOR. The timeline so far is not in it,
// only what later days and `concord status` read of it (ResumedRun). Damaged bytes (a flipped bit,
// a cut, another format version) are refused with the reason, never played.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/engine/input.h"
#include "runtime/engine/timeline.h"

namespace concord::engine {

inline constexpr uint32_t kSnapshotFormat = 2;

// A whole run and the snapshot taken at the end of `day` while it went on:
// none (and why) when the run did not finish that day, or holds state a
// snapshot cannot carry (an attribute that is a set or a record, a run
// across program versions).
struct SnapshotRun {
  RunResult run;
  std::optional<std::string> snapshot;
  std::string why_none;
};
SnapshotRun RunWithSnapshot(const ProgramSpec& program, const ScenarioSpec& scenario, Date day);

// The run of `scenario` played on from `snapshot`'s day; none and why when
// the bytes are damaged or were taken of another program or scenario. Its
// timeline holds the entries after the snapshot's day only (its metrics,
// expectations and standing are the whole run's); of the entries up to
// that day, `carried` holds what `concord status` reads: the latest entry
// met or missed (R061 aside) of each obligation and the latest steward
// entry of each role, in the order each obligation or role first appeared.
struct ResumedRun {
  std::optional<RunResult> run;
  std::vector<Entry> carried;
  std::string refused;
};

// The entries of `timeline` a snapshot carries (ResumedRun::carried), after
// those `before` carried of an earlier stretch.
std::vector<Entry> CarriedEntries(const std::vector<Entry>& before,
                                  const std::vector<Entry>& timeline);
ResumedRun ResumeFromSnapshot(const ProgramSpec& program, const ScenarioSpec& scenario,
                              std::string_view snapshot);

// The day a snapshot was taken at, after checking its envelope; none and why.
std::optional<Date> SnapshotDay(std::string_view snapshot, std::string* refused);

}  // namespace concord::engine
