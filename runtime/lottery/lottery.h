// The verifiable lottery that draws juries and external delegates. Anyone who
// knows the scenario's public seed, the dispute id and the eligible names can
// re-draw the same people: the shuffle is driven only by SHA-256 of those texts
// and a counter. The algorithm, byte for byte, is in docs/reference-lottery.md
// and tests/lottery/draw.py reproduces it in a few lines of Python.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::lottery {

// The domain label of the second draw for a dispute, the external delegates:
// `d1` draws the jury, `d1/external` the delegates from allies. Dispute ids are
// Concord identifiers, which cannot contain `/`, so the two never collide.
inline constexpr std::string_view kExternalSuffix = "/external";

// Everything a report prints so that a reader can re-draw and compare.
struct Verification {
  std::string seed;
  // The text hashed after the seed: the dispute id, or the dispute id
  // followed by kExternalSuffix for the external delegates.
  std::string domain;
  // The list that was shuffled: the eligible names in NFC, duplicates
  // removed, sorted by the bytes of their UTF-8 encoding (code point order).
  std::vector<std::string> pool;
  size_t k = 0;
  // Every SHA-256 taken, rejected samples included; the counter of the last
  // message hashed is hashes_used - 1.
  uint64_t hashes_used = 0;
  // Lowercase hex of SHA-256 over the message with counter 0. It is given even
  // when the pool is too small to need a hash (fewer than two names), so a
  // verifier can always check their byte encoding before anything else.
  std::string first_digest_hex;
};

struct Draw {
  // In draw order: positions 0, 1, ..., k-1 of the shuffled pool.
  std::vector<std::string> members;
  Verification verification;
};

enum class DrawError {
  // Fewer distinct eligible names than wanted; the engine reports R006.
  kPoolTooSmall,
  // OpenSSL could not compute SHA-256 (no provider, no memory): an
  // infrastructure failure, not a problem in the user's scenario.
  kHashUnavailable,
};

struct DrawResult {
  std::optional<Draw> draw;
  DrawError error = DrawError::kPoolTooSmall;
  // Set for every result, so an R006 message can say "3 eligible, 5 needed".
  size_t eligible = 0;
  size_t wanted = 0;
  bool ok() const { return draw.has_value(); }
};

// Draws `k` of `pool` under the label `domain`. The pool may come in any order
// and with repeats; its names are normalised to NFC, deduplicated and sorted by
// UTF-8 bytes first, so only the set of names matters. k = 0 is a valid, empty draw.
DrawResult DrawMembers(std::string_view seed, std::string_view domain,
                       std::vector<std::string> pool, size_t k);

// The jury of a dispute: the domain is the dispute id itself.
DrawResult DrawJury(std::string_view seed, std::string_view dispute_id,
                    std::vector<std::string> pool, size_t k);

// The external delegates of a serious dispute, drawn from members of allied
// polities: the domain is dispute_id + kExternalSuffix, so this draw is
// independent of the jury's even when the two pools overlap.
DrawResult DrawExternalDelegates(std::string_view seed, std::string_view dispute_id,
                                 std::vector<std::string> pool, size_t k);

// The bytes hashed for one random number: seed, LF, domain, LF, and the
// counter in ASCII decimal without leading zeros.
std::string HashMessage(std::string_view seed, std::string_view domain, uint64_t counter);

// Whether a 64-bit sample is kept when choosing uniformly among `range`
// (>= 1) values: it must be below the largest multiple of `range` that is at
// most 2^64, so that `value % range` is unbiased. Exposed for tests: a
// pool of n names rejects a sample with probability below n / 2^64, so real
// draws never exercise the rule.
bool AcceptsSample(uint64_t value, uint64_t range);

}  // namespace concord::lottery
