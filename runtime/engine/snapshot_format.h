// What snapshot_write.cpp and snapshot_read.cpp share: the envelope's
// layout and what ties a snapshot to its program and scenario. Internal to
// runtime/engine.
#pragma once

#include <string>
#include <string_view>

#include "runtime/engine/input.h"

namespace concord::engine::snapshot {

inline constexpr std::string_view kMagic = "CSNP";
inline constexpr size_t kDigestSize = 32;
inline constexpr size_t kHeaderSize = 4 + 4 + kDigestSize;  // magic, version, SHA-256

// The raw SHA-256 of `bytes` (32 bytes), or empty when OpenSSL fails.
std::string Sha256(std::string_view bytes);

// The names and dates the state refers to by position or name, and the
// events played by the end of `day` (each by position, date, kind and
// source range): a snapshot restored over a program or scenario with
// another fingerprint is refused. Events after `day` are not part of it, so
// a history that grew after the snapshot's day restores.
std::string Fingerprint(const ProgramSpec& program, const ScenarioSpec& scenario, Date day);

}  // namespace concord::engine::snapshot
