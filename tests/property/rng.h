// The property test's source of randomness: std::mt19937_64, whose output
// the standard fixes bit for bit, with bounded draws written here, because
// std::uniform_int_distribution differs between standard libraries and a
// seed must reproduce the same program on every platform.
#pragma once

#include <cstdint>
#include <random>

namespace concord::property {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  uint64_t Next() { return engine_(); }

  // Uniform in [0, bound) by rejection, so no value is favoured; bound > 0.
  uint64_t Below(uint64_t bound) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t x = Next();
    while (x >= limit) x = Next();
    return x % bound;
  }

  // Uniform in [lo, hi], lo <= hi, over the whole int64 range if need be.
  int64_t Between(int64_t lo, int64_t hi) {
    const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
    const uint64_t offset = span == UINT64_MAX ? Next() : Below(span + 1);
    return static_cast<int64_t>(static_cast<uint64_t>(lo) + offset);
  }

  // True with probability numerator / denominator.
  bool Chance(uint64_t numerator, uint64_t denominator) { return Below(denominator) < numerator; }

  template <typename Container>
  const auto& Pick(const Container& items) {
    return items[Below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

// The seed of case `index` under run seed `seed` (splitmix64 of both), so
// any one case can be regenerated alone, whatever the batch size.
inline uint64_t CaseSeed(uint64_t seed, uint64_t index) {
  uint64_t z = seed * 0x9E3779B97F4A7C15ull + index + 0x632BE59BD9B4E019ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace concord::property
