// The compiled entry of each Root and Function, found by the IR object's
// address. Program::Evaluate looks one up on every evaluation, so the table
// is flat: one array of (address, entry) pairs, at most half full, probed
// linearly from a multiplicative hash of the address; a lookup reads one or
// two adjacent slots instead of an unordered_map's bucket and then its
// node, two cache misses once a program has thousands of roots. Built once,
// read-only afterwards (evaluations on several threads may share it).
// Internal to runtime/jit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace concord::jit {

template <typename Key, typename Entry>
class EntryTable {
 public:
  EntryTable() = default;
  explicit EntryTable(const std::vector<std::pair<const Key*, Entry>>& entries) {
    size_t size = 16;
    while (size < 2 * entries.size()) size *= 2;
    slots_.assign(size, Slot{});
    for (const auto& [key, entry] : entries) {
      size_t i = Start(key);
      while (slots_[i].key && slots_[i].key != key) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = Slot{key, entry};
    }
  }

  // The entry of `key`, or a null Entry when it was not compiled.
  Entry Find(const Key* key) const {
    if (slots_.empty()) return Entry{};
    for (size_t i = Start(key);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].key == key) return slots_[i].entry;
      if (!slots_[i].key) return Entry{};
    }
  }

 private:
  struct Slot {
    const Key* key = nullptr;
    Entry entry{};
  };

  size_t Start(const Key* key) const {
    // Fibonacci hashing: the high bits of the product are well mixed even
    // though allocations share their low bits.
    auto bits = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(key));
    return static_cast<size_t>((bits * 0x9e3779b97f4a7c15ULL) >> 32) & (slots_.size() - 1);
  }

  std::vector<Slot> slots_;
};

}  // namespace concord::jit
