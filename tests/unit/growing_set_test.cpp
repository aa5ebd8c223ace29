// Tests of runtime/values/growing_set.h: the host's append-only answers
// (`contributions(f)`) must be exactly the Set that MakeSetValue builds from
// the same elements — the same elements in the same order, duplicates
// dropped after their first occurrence — and unchanged answers are shared.
#include "runtime/values/growing_set.h"

#include <catch2/catch.hpp>
#include <compare>
#include <span>
#include <string>
#include <vector>

#include "runtime/values/money.h"

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

TEST_CASE("growing set: snapshots keep their elements while the set grows past its buffer") {
  GrowingSet grown;
  std::vector<Value> held;  // one snapshot after every addition
  for (int64_t i = 0; i < 100; ++i) {
    grown.Add(Value::MakeInt(i));
    held.push_back(grown.Snapshot());
  }
  for (size_t n = 0; n < held.size(); ++n) {
    INFO("snapshot after " << n + 1 << " additions");
    REQUIRE(held[n].AsSet()->size() == n + 1);
    CHECK(held[n].AsSet()->elements().back().ToString() == std::to_string(n));
    CHECK(held[n].AsSet()->elements().front().ToString() == "0");
  }
}

TEST_CASE("growing set: the index names the elements whose field equals a key") {
  GrowingSet grown;
  grown.Add(Pair(30, "ana"));
  grown.Add(Pair(10, "bo"));
  Value two = grown.Snapshot();
  REQUIRE(two.AsSet()->CanMatch(1, "member"));
  CHECK_FALSE(two.AsSet()->CanMatch(1, "amount"));  // the name must match the position
  grown.Add(Pair(20, "ana"));
  grown.Add(Pair(30, "ana"));  // a duplicate: not an element, not in the index
  grown.Add(Pair(5, "cy"));
  Value four = grown.Snapshot();
  auto positions = [](const Value& set, const char* who) {
    std::span<const uint32_t> found = set.AsSet()->Matching(1, "member", Value::MakeText(who));
    return std::vector<uint32_t>(found.begin(), found.end());
  };
  CHECK(positions(four, "ana") == std::vector<uint32_t>{0, 2});
  CHECK(positions(four, "cy") == std::vector<uint32_t>{3});
  CHECK(positions(four, "dee").empty());
  // An earlier answer sees only its own elements.
  CHECK(positions(two, "ana") == std::vector<uint32_t>{0});
  CHECK(positions(two, "cy").empty());
  // A set that was not grown has no index: callers scan.
  CHECK_FALSE(MakeSetValue({Pair(1, "ana")}).AsSet()->CanMatch(1, "member"));
  // An element without the field (here not a record at all) ends the index.
  grown.Add(Value::MakeInt(7));
  CHECK_FALSE(grown.Snapshot().AsSet()->CanMatch(1, "member"));
  CHECK_FALSE(four.AsSet()->CanMatch(1, "member"));
}

TEST_CASE("growing set: money has no index (its == follows the language's rules)") {
  GrowingSet grown;
  auto shape = std::make_shared<const RecordShape>(RecordShape{"gift", false, {{"amount"}}});
  auto gift = std::make_shared<Record>(shape);
  gift->Put("amount", Value::MakeMoney(*ParseMoney("5 EUR")));
  grown.Add(Value::MakeRecord(gift));
  CHECK_FALSE(grown.Snapshot().AsSet()->CanMatch(0, "amount"));
}

TEST_CASE("growing set: duplicates are dropped however large the set grows") {
  // Thousands of records, each added again later (equal records built
  // separately), so that the duplicate test keeps working as its table
  // grows: the answer is still MakeSetValue's.
  std::vector<Value> added;
  GrowingSet grown;
  for (int64_t i = 0; i < 3000; ++i) {
    added.push_back(Pair(i, i % 2 ? "ana" : "bo"));
    grown.Add(Pair(i, i % 2 ? "ana" : "bo"));
    if (i % 3 == 0) {
      added.push_back(Pair(i / 3, i / 3 % 2 ? "ana" : "bo"));
      grown.Add(Pair(i / 3, i / 3 % 2 ? "ana" : "bo"));
    }
  }
  CHECK(grown.Snapshot().AsSet()->size() == 3000);
  CHECK(Show(grown.Snapshot()) == Show(MakeSetValue(added)));
  // Equal records under another shape object are the same element too.
  grown.Add(Pair(2999, "ana"));
  CHECK(grown.Snapshot().AsSet()->size() == 3000);
  grown.Add(Pair(2999, "bo"));
  CHECK(grown.Snapshot().AsSet()->size() == 3001);
}

TEST_CASE("values: equal values hash alike") {
  auto member_shape = std::make_shared<const RecordShape>(RecordShape{"member", true, {}});
  std::vector<std::pair<Value, Value>> equal = {
      {Pair(30, "ana"), Pair(30, "ana")},
      {MakeMemberValue("ana", "k"),
       MakeMemberValue("ana", "k", std::make_shared<Record>(member_shape))},
      {MakeSetValue({Value::MakeInt(1), Value::MakeInt(2)}),
       MakeSetValue({Value::MakeInt(2), Value::MakeInt(1)})},
      {Value::MakeMoney(*ParseMoney("5 EUR")), Value::MakeMoney(*ParseMoney("5.00 EUR"))},
      {Value::MakeText("kitty"), Value::MakeText(std::string("kit") + "ty")},
      {Value(), Value()},
  };
  for (const auto& [a, b] : equal) {
    INFO(a.ToString() << " and " << b.ToString());
    REQUIRE(std::is_eq(Compare(a, b)));
    CHECK(Hash(a) == Hash(b));
  }
  // Not a requirement, but a hash that told these apart would be no use.
  CHECK(Hash(Pair(30, "ana")) != Hash(Pair(30, "bo")));
  CHECK(Hash(MakeMemberValue("ana", "k")) != Hash(MakeMemberValue("ana", "j")));
}

}  // namespace
}  // namespace concord::values
