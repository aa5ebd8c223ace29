// Snapshots: how a run stood at the end of one day, as bytes that a fresh
// run over the same program and scenario restores and plays on from the
// next day, giving the same timeline, metrics and standing as the run that
// never stopped (tests/unit/snapshot_test.cpp, every scenario, both engines).
// A long ledger's `concord status` need not replay what a snapshot holds.
//
// The bytes (docs/ledger.md, "Snapshots"): the magic `CSNP`, the format
// version as 4 bytes little-endian, the SHA-256 of the payload (32 bytes),
// then the payload: the state as CBOR. Damaged bytes (a flipped bit, a cut,
// another format version) are refused with the reason, never played.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/engine/input.h"
#include "runtime/engine/timeline.h"

namespace concord::engine {

inline constexpr uint32_t kSnapshotFormat = 1;

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
// the bytes are damaged or were taken of another program or scenario.
struct ResumedRun {
  std::optional<RunResult> run;
  std::string refused;
};
ResumedRun ResumeFromSnapshot(const ProgramSpec& program, const ScenarioSpec& scenario,
                              std::string_view snapshot);

// The day a snapshot was taken at, after checking its envelope; none and why.
std::optional<Date> SnapshotDay(std::string_view snapshot, std::string* refused);

}  // namespace concord::engine
