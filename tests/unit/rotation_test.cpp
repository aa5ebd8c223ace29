// Tests of the rotation rule (runtime/engine/rotation.h) on its own: a full
// round over a stable list, newcomers before repeats, leaves that skip
// nobody, roles spread when there are enough members and shared when not.
#include "runtime/engine/rotation.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

namespace concord::engine {
namespace {

using Names = std::vector<std::string>;

values::Date Day(int n) { return values::Date::Parse("2027-01-01").value().AddDays(n); }

auto Free() {
  return [](const std::string&) { return false; };
}

TEST_CASE("a stable list: every member takes the role once in every n terms, in starting order") {
  RotationQueue q;
  q.Start({"eli", "ana", "dara", "ben", "chen"});  // as the lottery drew them
  Names members = {"ana", "ben", "chen", "dara", "eli"};
  Names taken;
  for (int term = 0; term < 10; ++term) taken.push_back(*q.Pick(members, Free(), Day(term)));
  CHECK(taken == Names{"eli", "ana", "dara", "ben", "chen", "eli", "ana", "dara", "ben", "chen"});
}

TEST_CASE("a newcomer takes the role before anyone takes it twice") {
  RotationQueue q;
  q.Start({"ana", "ben", "chen"});
  Names members = {"ana", "ben", "chen"};
  CHECK(*q.Pick(members, Free(), Day(0)) == "ana");
  members.push_back("fay");
  q.Arrive("fay");
  CHECK(*q.Pick(members, Free(), Day(1)) == "ben");
  CHECK(*q.Pick(members, Free(), Day(2)) == "chen");
  CHECK(*q.Pick(members, Free(), Day(3)) == "fay");
  CHECK(*q.Pick(members, Free(), Day(4)) == "ana");
}

TEST_CASE("a leave skips nobody, and leaving and coming back moves nobody up") {
  RotationQueue q;
  q.Start({"ana", "ben", "chen", "dara"});
  Names members = {"ana", "ben", "chen", "dara"};
  CHECK(*q.Pick(members, Free(), Day(0)) == "ana");
  CHECK(*q.Pick(members, Free(), Day(1)) == "ben");
  members = {"ana", "ben", "dara"};  // chen leaves before her turn
  CHECK(*q.Pick(members, Free(), Day(2)) == "dara");
  // A new round: the longest wait goes first.
  CHECK(*q.Pick(members, Free(), Day(3)) == "ana");
  members = {"ana", "dara"};  // ben leaves ...
  CHECK(*q.Pick(members, Free(), Day(4)) == "dara");
  members = {"ana", "dara", "ben"};  // ... and comes back: he held it on day 1
  q.Arrive("ben");
  CHECK(*q.Pick(members, Free(), Day(5)) == "ben");
  CHECK(*q.Pick(members, Free(), Day(6)) == "ana");
  // chen comes back having never held it: she is due first.
  members.push_back("chen");
  q.Arrive("chen");
  CHECK(*q.Pick(members, Free(), Day(7)) == "chen");
}

TEST_CASE("roles are spread when members allow, and shared when they do not") {
  RotationQueue q;
  q.Start({"ana", "ben", "chen"});
  Names members = {"ana", "ben", "chen"};
  // ana holds another role: the next due member who holds none takes this one.
  auto ana_busy = [](const std::string& who) { return who == "ana"; };
  CHECK(*q.Pick(members, ana_busy, Day(0)) == "ben");
  // Still in the round: ana is due before chen once she is free.
  CHECK(*q.Pick(members, Free(), Day(1)) == "ana");
  CHECK(*q.Pick(members, Free(), Day(2)) == "chen");
  // Everyone busy: the longest-waiting member takes it anyway.
  auto all_busy = [](const std::string&) { return true; };
  CHECK(*q.Pick(members, all_busy, Day(3)) == "ben");
  // Spreading never lets a member take it twice in a round: in the round
  // begun on day 3, ana is due (and waited longest), then chen, busy or not.
  auto chen_busy = [](const std::string& who) { return who == "chen"; };
  CHECK(*q.Pick(members, chen_busy, Day(4)) == "ana");
  CHECK(*q.Pick(members, chen_busy, Day(5)) == "chen");
}

TEST_CASE("no candidates, no holder") {
  RotationQueue q;
  q.Start({});
  CHECK(!q.Pick({}, Free(), Day(0)));
}

}  // namespace
}  // namespace concord::engine
