// Who holds a rotating role next: a steward of a ledger or treaty fund, the
// designer of a charter's stress games. One RotationQueue per role keeps,
// for everyone who was ever a candidate, when they last took the role and
// their place in arrival order; Pick applies the rule of
// docs/reference-runtime.md ("Rotating roles"):
//
//   1. the candidates are the current members (or parties); those who have
//      not taken the role in the current round are *due*, and when nobody is
//      due a new round begins with everyone due;
//   2. among the due, whoever has waited longest goes first: never held
//      before held, never-held ones in arrival order (the starting members
//      in the order of the rotation's lottery draw, then joiners as they
//      join), held ones by the day they last took the role;
//   3. a due candidate who holds none of the owner's other rotating roles is
//      preferred to one who does (roles are spread when members allow).
//
// So with a stable list every member takes the role once in every n terms,
// a newcomer takes it before anyone takes it twice, and leaving and coming
// back does not move anyone up. Internal to runtime/engine.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runtime/values/date.h"

namespace concord::engine {

class RotationQueue {
 public:
  // The starting candidates, in the order of the rotation's lottery draw:
  // they arrive together, ties among them broken by that order.
  void Start(const std::vector<std::string>& drawn_order);
  // A candidate who joins later (or again) queues behind everyone who
  // arrived before; their record of past turns is kept.
  void Arrive(const std::string& name);
  bool Started() const { return started_; }

  // The next holder among `candidates` (current members, any order), taking
  // the role on `today`; none when there are no candidates. `busy` says
  // whether a candidate holds another rotating role of the same owner.
  std::optional<std::string> Pick(const std::vector<std::string>& candidates,
                                  const std::function<bool(const std::string&)>& busy,
                                  values::Date today);

 private:
  struct Seat {
    std::optional<values::Date> last_taken;
    int64_t arrival = 0;  // position in arrival order
    bool taken_this_round = false;
  };
  // Whether `a` has waited longer than `b` (rule 2).
  static bool WaitedLonger(const Seat& a, const Seat& b);

  std::map<std::string, Seat> seats_;
  int64_t arrivals_ = 0;
  bool started_ = false;
};

}  // namespace concord::engine
