// Tests of the rotation rule (runtime/engine/rotation.h) on its own: a full
// round over a stable list, newcomers before repeats, leaves that skip
// nobody, roles spread when there are enough members and shared when not.
#include "runtime/engine/rotation.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace concord::engine {
namespace {

using Names = std::vector<std::string>;

values::Date Day(int n) {
  return values::Date::Parse("2027-01-01").value().AddDays(n);
}

bool Free(const std::string&) {
  return false;
}

std::string Next(RotationQueue& q, int day) {
  std::optional<std::string> who = q.Pick(Free, Day(day));
  REQUIRE(who);
  return *who;
}

TEST_CASE("a stable list: every member takes the role once in every n terms, in starting order") {
  RotationQueue q;
  q.Start({"eli", "ana", "dara", "ben", "chen"});  // as the lottery drew them
  Names taken;
  for (int term = 0; term < 10; ++term) taken.push_back(Next(q, term));
  CHECK(taken == Names{"eli", "ana", "dara", "ben", "chen", "eli", "ana", "dara", "ben", "chen"});
}

TEST_CASE("a newcomer takes the role before anyone takes it twice") {
  RotationQueue q;
  q.Start({"ana", "ben", "chen"});
  CHECK(Next(q, 0) == "ana");
  q.Arrive("fay");
  CHECK(Next(q, 1) == "ben");
  CHECK(Next(q, 2) == "chen");
  CHECK(Next(q, 3) == "fay");
  CHECK(Next(q, 4) == "ana");
}

TEST_CASE("a leave skips nobody, and leaving and coming back moves nobody up") {
  RotationQueue q;
  q.Start({"ana", "ben", "chen", "dara"});
  CHECK(Next(q, 0) == "ana");
  CHECK(Next(q, 1) == "ben");
  q.Depart("chen");  // before her turn
  CHECK(!q.IsPresent("chen"));
  CHECK(Next(q, 2) == "dara");
  // A new round: the longest wait goes first.
  CHECK(Next(q, 3) == "ana");
  q.Depart("ben");
  CHECK(Next(q, 4) == "dara");
  q.Arrive("ben");  // back: he held it on day 1, so he is not moved up
  CHECK(Next(q, 5) == "ben");
  CHECK(Next(q, 6) == "ana");
  q.Arrive("chen");  // back, never having held it: due first
  CHECK(Next(q, 7) == "chen");
}

TEST_CASE("roles are spread when members allow, and shared when they do not") {
  RotationQueue q;
  q.Start({"ana", "ben", "chen"});
  // ana holds another role: the next due member who holds none takes this one.
  CHECK(*q.Pick([](const std::string& who) { return who == "ana"; }, Day(0)) == "ben");
  // Still in the round: ana is due before chen once she is free.
  CHECK(Next(q, 1) == "ana");
  CHECK(Next(q, 2) == "chen");
  // Everyone busy: the longest-waiting member takes it anyway.
  CHECK(*q.Pick([](const std::string&) { return true; }, Day(3)) == "ben");
  // Spreading never lets a member take it twice in a round: with ana and
  // chen both busy, one of them (ana, who waited longer) still takes it
  // rather than ben again.
  auto ana_chen_busy = [](const std::string& who) { return who != "ben"; };
  CHECK(*q.Pick(ana_chen_busy, Day(4)) == "ana");
  CHECK(*q.Pick(ana_chen_busy, Day(5)) == "chen");
}

TEST_CASE("nobody present, no holder") {
  RotationQueue q;
  q.Start({"ana"});
  q.Depart("ana");
  CHECK(!q.Pick(Free, Day(0)));
  q.Arrive("ben");
  CHECK(Next(q, 1) == "ben");
}

}  // namespace
}  // namespace concord::engine
