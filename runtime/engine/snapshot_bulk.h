// The snapshot's bulk arrays (contributions, history records, attribute
// lists) as plain bytes rather than one CBOR node per field: a snapshot of
// a long history is mostly these, and a DOM per field cost more than
// replaying them (docs/performance.md, "Engine snapshots"). Internal to
// runtime/engine (snapshot_write.cpp, snapshot_read.cpp).
//
// The bytes: integers as LEB128 varints (signed ones zigzagged); a text as
// its index in the texts seen so far, or, the first time, the next index
// followed by its length and bytes, so repeated names cost a byte or two.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/engine/state.h"

namespace concord::engine::snapshot {

// Bytes that do not decode: the reader's reason, caught by Restore.
struct Malformed {
  std::string why;
};

class BulkWriter {
 public:
  void Unsigned(uint64_t n);
  void Signed(int64_t n);
  void Text(std::string_view text);
  // False for a value a snapshot does not carry (a set, a record, an enum).
  bool Value(const values::Value& v);
  // False, with the attribute's name in `refused`, as Value.
  bool Attributes(const std::vector<Attribute>& list, std::string* refused);
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  std::unordered_map<std::string, uint64_t> texts_;
};

class BulkReader {
 public:
  explicit BulkReader(std::string_view bytes) : in_(bytes) {}
  uint64_t Unsigned();
  int64_t Signed();
  const std::string& Text();
  values::Value Value();
  std::vector<Attribute> Attributes();
  Date Day() { return Date::FromDays(Signed()); }
  bool AtEnd() const { return at_ == in_.size(); }

 private:
  std::string_view in_;
  size_t at_ = 0;
  std::vector<std::string> texts_;
};

// The two bulk arrays of a run's state.
std::string EncodeContributions(const std::vector<ContributionState>& list);
std::vector<ContributionState> DecodeContributions(std::string_view bytes);
// False, with why in `refused`, for an attribute a snapshot does not carry.
bool EncodeHistory(const std::vector<HistoryRecord>& list, std::string* out, std::string* refused);
std::vector<HistoryRecord> DecodeHistory(std::string_view bytes);

}  // namespace concord::engine::snapshot
