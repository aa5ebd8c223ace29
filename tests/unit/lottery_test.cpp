// Tests of runtime/lottery: the pinned first_winter draw (computed once with
// tests/lottery/draw.py), determinism and sensitivity to every input, the
// normalisation of the pool (order, duplicates, NFC, code point order), the
// boundaries of k, the rejection rule at its edges, and loose uniformity
// checks. The fixed inputs make every test deterministic: none can flake.
#include "runtime/lottery/lottery.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace concord::lottery {
namespace {

using Names = std::vector<std::string>;

Draw RequireDraw(const DrawResult& result) {
  REQUIRE(result.ok());
  return *result.draw;
}

Names Members(std::string_view seed, std::string_view dispute_id, Names pool, size_t k) {
  return RequireDraw(DrawJury(seed, dispute_id, std::move(pool), k)).members;
}

Names NumberedPool(size_t size) {
  Names pool;
  for (size_t i = 0; i < size; ++i) pool.push_back("member" + std::to_string(i));
  return pool;
}

// The first_winter scenario: eastside_kitchen on 2027-01-05 is ana, ben,
// chen, dara, eli, femi, gil and ivo; ana and ben are the parties of d1.
Names KitchenNotParties() {
  return {"gil", "chen", "ivo", "eli", "dara", "femi"};
}

TEST_CASE("the first_winter jury is the pinned vector", "[lottery]") {
  Draw draw = RequireDraw(DrawJury("eastside-2026", "d1", KitchenNotParties(), 5));
  CHECK(draw.members == Names{"ivo", "femi", "dara", "eli", "gil"});
  const Verification& verification = draw.verification;
  CHECK(verification.seed == "eastside-2026");
  CHECK(verification.domain == "d1");
  CHECK(verification.pool == Names{"chen", "dara", "eli", "femi", "gil", "ivo"});
  CHECK(verification.k == 5);
  CHECK(verification.hashes_used == 5);
  // hashlib.sha256(b"eastside-2026\nd1\n0").hexdigest()
  CHECK(verification.first_digest_hex ==
        "bb916f6fc2094afcc59f82feda1b7dbeaba2632c9187613eb7d3a151b0d38eee");
}

TEST_CASE("the first_winter external delegate is the pinned vector", "[lottery]") {
  Draw draw = RequireDraw(DrawExternalDelegates("eastside-2026", "d1", {"hana", "gus", "fay"}, 1));
  CHECK(draw.members == Names{"hana"});
  CHECK(draw.verification.domain == "d1/external");
  CHECK(draw.verification.hashes_used == 2);
  CHECK(draw.verification.first_digest_hex ==
        "95fd4e06cafd7fe4cc49eb11a7034ba399a9218fe6150d2ff24d4efdd490338c");
  // The external draw is the general draw under the suffixed label.
  Draw general =
      RequireDraw(DrawMembers("eastside-2026", "d1/external", {"fay", "gus", "hana"}, 1));
  CHECK(general.members == draw.members);
}

TEST_CASE("the hashed message is seed, domain and decimal counter on lines", "[lottery]") {
  CHECK(HashMessage("eastside-2026", "d1", 0) == "eastside-2026\nd1\n0");
  CHECK(HashMessage("", "", 10) == "\n\n10");
  CHECK(HashMessage("a b\nc", "d1/external", 18446744073709551615u) ==
        "a b\nc\nd1/external\n18446744073709551615");
}

TEST_CASE("the same inputs draw the same members", "[lottery]") {
  Names pool = NumberedPool(30);
  Draw first = RequireDraw(DrawJury("seed", "d7", pool, 7));
  Draw second = RequireDraw(DrawJury("seed", "d7", pool, 7));
  CHECK(first.members == second.members);
  CHECK(first.verification.first_digest_hex == second.verification.first_digest_hex);
  CHECK(first.verification.hashes_used == second.verification.hashes_used);
}

TEST_CASE("another seed, dispute id or label draws other members", "[lottery]") {
  // 20 names choosing 5 in order: equal draws by chance are 1 in 1.8 million.
  Names pool = NumberedPool(20);
  Names base = Members("eastside-2026", "d1", pool, 5);
  CHECK(Members("eastside-2027", "d1", pool, 5) != base);
  CHECK(Members("eastside-2026 ", "d1", pool, 5) != base);
  CHECK(Members("eastside-2026", "d2", pool, 5) != base);
  CHECK(RequireDraw(DrawExternalDelegates("eastside-2026", "d1", pool, 5)).members != base);
}

TEST_CASE("the order in which the pool is given does not matter", "[lottery]") {
  Names pool = NumberedPool(25);
  Names base = Members("seed", "d1", pool, 25);
  std::reverse(pool.begin(), pool.end());
  CHECK(Members("seed", "d1", pool, 25) == base);
  std::rotate(pool.begin(), pool.begin() + 11, pool.end());
  CHECK(Members("seed", "d1", pool, 25) == base);
}

TEST_CASE("duplicate names count once", "[lottery]") {
  Names with_repeats = {"eli", "chen", "eli", "dara", "chen", "eli"};
  Draw draw = RequireDraw(DrawJury("seed", "d1", with_repeats, 3));
  CHECK(draw.verification.pool == Names{"chen", "dara", "eli"});
  CHECK(draw.members == Members("seed", "d1", {"chen", "dara", "eli"}, 3));

  // Six names given, three people: a jury of four is too many.
  DrawResult too_many = DrawJury("seed", "d1", with_repeats, 4);
  REQUIRE_FALSE(too_many.ok());
  CHECK(too_many.eligible == 3);
}

TEST_CASE("the pool is the code point order of the names' NFC form", "[lottery]") {
  // NFC first: "e" + combining acute (0x65 0xCC 0x81) is the precomposed "é"
  // (0xC3 0xA9), so the two count once; U+212B ANGSTROM SIGN is U+00C5. Then
  // UTF-8 bytes, which is code point order: capitals before lowercase, "zoe"
  // before "zoë", Latin before Cyrillic before CJK before emoji.
  Names pool = {"🌱",     "émile", "zoë", "李娜",           "ana",       "e\xCC\x81mile",
                "Дарья", "zoe",   "Ana", "\xE2\x84\xABsa", "\xC3\x85sa"};
  Draw draw = RequireDraw(DrawJury("seed", "d1", pool, 0));
  CHECK(draw.verification.pool ==
        Names{"Ana", "ana", "zoe", "zoë", "\xC3\x85sa", "émile", "Дарья", "李娜", "🌱"});
}

TEST_CASE("a name written decomposed draws as the precomposed one", "[lottery]") {
  // The vector of tests/golden/run/unicode_names.concord, where one member is
  // written `e` + U+0301: the same jury, whichever spelling the pool has.
  Names composed = {"zoë", "zoe", "josé", "дарья", "李娜"};
  Names decomposed = {"zoe\xCC\x88", "zoe", "jose\xCC\x81", "дарья", "李娜"};
  Draw a = RequireDraw(DrawJury("unicode-2027", "u1", composed, 2));
  Draw b = RequireDraw(DrawJury("unicode-2027", "u1", decomposed, 2));
  CHECK(a.members == b.members);
  CHECK(a.verification.pool == b.verification.pool);
  CHECK(a.verification.pool == Names{"josé", "zoe", "zoë", "дарья", "李娜"});
}

TEST_CASE("k equal to the pool size draws everyone once", "[lottery]") {
  Names pool = NumberedPool(40);
  Draw draw = RequireDraw(DrawJury("seed", "d1", pool, 40));
  Names sorted_members = draw.members;
  std::sort(sorted_members.begin(), sorted_members.end());
  CHECK(sorted_members == draw.verification.pool);
  CHECK(draw.members != draw.verification.pool);
}

TEST_CASE("a larger draw extends a smaller one", "[lottery]") {
  // The whole pool is shuffled whatever k is, so the jury of 5 is the first
  // five of the jury of 6: alternates can be named without a new draw.
  Names five = Members("eastside-2026", "d1", KitchenNotParties(), 5);
  Names six = Members("eastside-2026", "d1", KitchenNotParties(), 6);
  REQUIRE(six.size() == 6);
  CHECK(Names(six.begin(), six.begin() + 5) == five);
  CHECK(six.back() == "chen");
}

TEST_CASE("more members wanted than eligible is the too-small result", "[lottery]") {
  DrawResult result = DrawJury("eastside-2026", "d1", KitchenNotParties(), 7);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error == DrawError::kPoolTooSmall);
  CHECK(result.eligible == 6);
  CHECK(result.wanted == 7);

  DrawResult empty = DrawExternalDelegates("eastside-2026", "d1", {}, 1);
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error == DrawError::kPoolTooSmall);
  CHECK(empty.eligible == 0);
  CHECK(empty.wanted == 1);
}

TEST_CASE("k = 0 is an empty draw with full verification data", "[lottery]") {
  Draw draw = RequireDraw(DrawJury("eastside-2026", "d1", KitchenNotParties(), 0));
  CHECK(draw.members.empty());
  CHECK(draw.verification.pool.size() == 6);
  // The shuffle does not depend on k, so neither does the count of hashes.
  CHECK(draw.verification.hashes_used == 5);
  CHECK(draw.verification.first_digest_hex ==
        "bb916f6fc2094afcc59f82feda1b7dbeaba2632c9187613eb7d3a151b0d38eee");

  Draw nobody = RequireDraw(DrawJury("eastside-2026", "d1", {}, 0));
  CHECK(nobody.members.empty());
  CHECK(nobody.verification.hashes_used == 0);
  CHECK(nobody.verification.first_digest_hex == draw.verification.first_digest_hex);
}

TEST_CASE("samples at or above the largest multiple of the range are rejected", "[lottery]") {
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  const unsigned __int128 two_to_64 = static_cast<unsigned __int128>(1) << 64;
  // Pool sizes, powers of two (nothing rejected) and the extremes of 64 bits.
  std::vector<uint64_t> ranges = {1, 2, 3, 5, 6, 7, 8, 39, 40, 1000};
  ranges.insert(ranges.end(), {(1ull << 32) + 1, 1ull << 63, (1ull << 63) + 1, kMax - 1, kMax});
  for (uint64_t range : ranges) {
    INFO("range " << range);
    // The definition, in 128-bit arithmetic: floor(2^64 / range) * range.
    unsigned __int128 limit = two_to_64 / range * range;
    if (limit == two_to_64) {
      CHECK(AcceptsSample(kMax, range));
    } else {
      CHECK(AcceptsSample(static_cast<uint64_t>(limit - 1), range));
      CHECK_FALSE(AcceptsSample(static_cast<uint64_t>(limit), range));
      CHECK_FALSE(AcceptsSample(kMax, range));
    }
    CHECK(AcceptsSample(0, range));
  }
  // Concretely: 2^64 = 3 * 6148914691236517205 + 1, so only 2^64 - 1 is
  // rejected for a choice among three.
  CHECK(AcceptsSample(kMax - 1, 3));
  CHECK_FALSE(AcceptsSample(kMax, 3));
}

TEST_CASE("each member of five is chosen about a fifth of the time", "[lottery]") {
  constexpr int kDraws = 5000;
  Names pool = {"ana", "ben", "chen", "dara", "eli"};
  std::map<std::string, int> chosen;
  for (int i = 0; i < kDraws; ++i) {
    Names members = Members("uniformity", "d" + std::to_string(i), pool, 1);
    REQUIRE(members.size() == 1);
    ++chosen[members[0]];
  }
  REQUIRE(chosen.size() == 5);
  double chi_square = 0;
  for (const auto& [name, count] : chosen) {
    INFO(name << " chosen " << count << " times");
    // Expected 1000, standard deviation about 28: 7 deviations of slack.
    CHECK(count > 800);
    CHECK(count < 1200);
    chi_square += (count - 1000.0) * (count - 1000.0) / 1000.0;
  }
  // 4 degrees of freedom: above 30 has probability below 1e-5 for a fair draw.
  CHECK(chi_square < 30);
}

TEST_CASE("every order of three members is about equally likely", "[lottery]") {
  // A shuffle that is off by one (choosing j below i, Sattolo's cycles) can
  // still pick each single member fairly yet reach only 2 of the 6 orders.
  constexpr int kDraws = 6000;
  std::map<Names, int> orders;
  for (int i = 0; i < kDraws; ++i) {
    ++orders[Members("orders", "d" + std::to_string(i), {"a", "b", "c"}, 3)];
  }
  REQUIRE(orders.size() == 6);
  double chi_square = 0;
  for (const auto& [order, count] : orders) {
    INFO(order[0] << order[1] << order[2] << " drawn " << count << " times");
    CHECK(count > 800);
    CHECK(count < 1200);
    chi_square += (count - 1000.0) * (count - 1000.0) / 1000.0;
  }
  // 5 degrees of freedom: above 35 has probability below 2e-6 for a fair draw.
  CHECK(chi_square < 35);
}

}  // namespace
}  // namespace concord::lottery
