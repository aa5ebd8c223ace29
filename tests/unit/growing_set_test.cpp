// Tests of runtime/values/growing_set.h: the host's append-only answers
// (`contributions(f)`) must be exactly the Set that MakeSetValue builds from
// the same elements — the same elements in the same order, duplicates
// dropped after their first occurrence — and unchanged answers are shared.
#include "runtime/values/growing_set.h"

#include <catch2/catch.hpp>
#include <compare>
#include <string>
#include <vector>

namespace concord::values {
namespace {

Value Pair(int64_t amount, const std::string& who) {
  auto shape = std::make_shared<const RecordShape>(
      RecordShape{"contribution", false, {{"amount"}, {"member"}}});
  auto record = std::make_shared<Record>(shape);
  record->Put("amount", Value::MakeInt(amount));
  record->Put("member", Value::MakeText(who));
  return Value::MakeRecord(record);
}

std::vector<std::string> Show(const Value& set) {
  std::vector<std::string> out;
  for (const Value& v : set.AsSet()->elements()) out.push_back(v.ToString());
  return out;
}

TEST_CASE("growing set: every snapshot equals MakeSetValue of what was added") {
  std::vector<Value> added;
  GrowingSet grown;
  CHECK(Show(grown.Snapshot()).empty());
  // Out of order, with duplicates of earlier elements (equal records built
  // separately), so that insertion order and first-occurrence matter.
  for (auto [amount, who] : std::vector<std::pair<int64_t, std::string>>{
           {30, "ana"}, {10, "bo"}, {30, "ana"}, {20, "ana"}, {10, "bo"}, {5, "cy"}, {30, "bo"}}) {
    added.push_back(Pair(amount, who));
    grown.Add(Pair(amount, who));
    Value expected = MakeSetValue(added);
    INFO("after " << added.size() << " additions");
    CHECK(Show(grown.Snapshot()) == Show(expected));
    CHECK(std::is_eq(Compare(grown.Snapshot(), expected)));
  }
  CHECK(grown.Snapshot().AsSet()->size() == 5);
}

TEST_CASE("growing set: an unchanged answer is the same shared set") {
  GrowingSet grown;
  grown.Add(Value::MakeInt(1));
  // Hold the answer as a caller does (a Value sharing the Set), so that the
  // Set outlives the next snapshot and the pointer comparisons mean something.
  const Value first = grown.Snapshot();
  CHECK(grown.Snapshot().AsSet() == first.AsSet());
  grown.Add(Value::MakeInt(1));  // a duplicate changes nothing
  CHECK(grown.Snapshot().AsSet() == first.AsSet());
  grown.Add(Value::MakeInt(2));
  const Value second = grown.Snapshot();
  CHECK(second.AsSet() != first.AsSet());
  CHECK(first.AsSet()->size() == 1);  // an answer already handed out never changes
  CHECK(second.AsSet()->size() == 2);
}

}  // namespace
}  // namespace concord::values
