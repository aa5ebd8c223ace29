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
#include <optional>
#include <string>
#include <unordered_map>
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
  // A candidate who leaves: no longer picked (their record is kept).
  void Depart(const std::string& name);
  bool Started() const { return started_; }
  bool IsPresent(const std::string& name) const;

  // The next holder among the present candidates, taking the role on
  // `today`; none when nobody is present. `busy` says whether a candidate
  // holds another rotating role of the same owner.
  std::optional<std::string> Pick(const std::function<bool(const std::string&)>& busy,
                                  values::Date today);

  // Everyone who was ever a candidate, for snapshots (snapshot_write.cpp),
  // and the queue rebuilt from them (snapshot_read.cpp).
  struct Seat {
    std::string name;
    std::optional<values::Date> last_taken;
    int64_t arrival = 0;  // position in arrival order
    bool present = false;
    bool taken_this_round = false;
  };
  const std::vector<Seat>& Seats() const { return seats_; }
  int64_t Arrivals() const { return arrivals_; }
  void Restore(std::vector<Seat> seats, int64_t arrivals, bool started);

 private:
  // Whether `a` has waited longer than `b` (rule 2).
  static bool WaitedLonger(const Seat& a, const Seat& b);

  // Everyone who was ever a candidate, scanned in one pass per pick: a
  // polity of 600,000 members is neither sorted nor hashed name by name at
  // every term.
  std::vector<Seat> seats_;
  std::unordered_map<std::string, size_t> index_;  // name -> position in seats_
  // The seat IsPresent found last: every day asks it about each rotation's
  // holder, the same name until the role changes hands, and a seat keeps
  // its name, so comparing one name saves the hash lookup (a cache miss
  // per rotation per day in a federation of thousands).
  mutable size_t last_found_ = 0;
  int64_t arrivals_ = 0;
  bool started_ = false;
};

}  // namespace concord::engine
