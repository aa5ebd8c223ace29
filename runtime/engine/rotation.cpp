// The rotation rule of rotation.h: rounds, longest waiting first, roles
// spread when members allow.
#include "runtime/engine/rotation.h"

namespace concord::engine {

void RotationQueue::Start(const std::vector<std::string>& drawn_order) {
  started_ = true;
  for (const std::string& name : drawn_order) Arrive(name);
}

void RotationQueue::Arrive(const std::string& name) {
  started_ = true;
  seats_[name].arrival = arrivals_++;
}

bool RotationQueue::WaitedLonger(const Seat& a, const Seat& b) {
  if (a.last_taken.has_value() != b.last_taken.has_value()) return !a.last_taken.has_value();
  if (a.last_taken && *a.last_taken != *b.last_taken) return *a.last_taken < *b.last_taken;
  return a.arrival < b.arrival;
}

std::optional<std::string> RotationQueue::Pick(const std::vector<std::string>& candidates,
                                               const std::function<bool(const std::string&)>& busy,
                                               values::Date today) {
  if (candidates.empty()) return std::nullopt;
  // A candidate the queue has not seen (it should see every arrival) queues
  // behind the others rather than being lost.
  for (const std::string& name : candidates) {
    if (!seats_.count(name)) Arrive(name);
  }
  // One pass over the candidates per round at most: a linear scan per pick
  // (a polity of 600,000 members must not be sorted at every term).
  for (int attempt = 0; attempt < 2; ++attempt) {
    const std::string* first = nullptr;       // the longest-waiting due candidate
    const std::string* first_free = nullptr;  // the same among those holding no other role
    for (const std::string& name : candidates) {
      const Seat& seat = seats_.at(name);
      if (seat.taken_this_round) continue;
      if (!first || WaitedLonger(seat, seats_.at(*first))) first = &name;
      if ((!first_free || WaitedLonger(seat, seats_.at(*first_free))) && !busy(name)) {
        first_free = &name;
      }
    }
    if (!first) {
      // Everyone present has taken the role this round: a new round begins.
      for (auto& [name, seat] : seats_) seat.taken_this_round = false;
      continue;
    }
    const std::string& chosen = first_free ? *first_free : *first;
    Seat& seat = seats_.at(chosen);
    seat.last_taken = today;
    seat.taken_this_round = true;
    return chosen;
  }
  return std::nullopt;  // unreachable: the second attempt always finds someone due
}

}  // namespace concord::engine
