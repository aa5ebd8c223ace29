// The rotation rule of rotation.h: rounds, longest waiting first, roles
// spread when members allow.
#include "runtime/engine/rotation.h"

#include <utility>

namespace concord::engine {

void RotationQueue::Start(const std::vector<std::string>& drawn_order) {
  started_ = true;
  for (const std::string& name : drawn_order) Arrive(name);
}

void RotationQueue::Arrive(const std::string& name) {
  started_ = true;
  auto [it, fresh] = index_.try_emplace(name, seats_.size());
  if (fresh) {
    seats_.emplace_back();
    seats_.back().name = name;
  }
  Seat& seat = seats_[it->second];
  seat.arrival = arrivals_++;
  seat.present = true;
}

void RotationQueue::Depart(const std::string& name) {
  auto it = index_.find(name);
  if (it != index_.end()) seats_[it->second].present = false;
}

void RotationQueue::Restore(std::vector<Seat> seats, int64_t arrivals, bool started) {
  seats_ = std::move(seats);
  index_.clear();
  for (size_t i = 0; i < seats_.size(); ++i) index_.emplace(seats_[i].name, i);
  arrivals_ = arrivals;
  started_ = started;
}

bool RotationQueue::IsPresent(const std::string& name) const {
  if (last_found_ < seats_.size() && seats_[last_found_].name == name) {
    return seats_[last_found_].present;
  }
  auto it = index_.find(name);
  if (it == index_.end()) return false;
  last_found_ = it->second;
  return seats_[it->second].present;
}

bool RotationQueue::WaitedLonger(const Seat& a, const Seat& b) {
  if (a.last_taken.has_value() != b.last_taken.has_value()) return !a.last_taken.has_value();
  if (a.last_taken && *a.last_taken != *b.last_taken) return *a.last_taken < *b.last_taken;
  return a.arrival < b.arrival;
}

std::optional<std::string> RotationQueue::Pick(const std::function<bool(const std::string&)>& busy,
                                               values::Date today) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    // The longest-waiting due candidate, and the same among those holding
    // no other role.
    Seat* first = nullptr;
    Seat* first_free = nullptr;
    bool anyone = false;
    for (Seat& seat : seats_) {
      if (!seat.present) continue;
      anyone = true;
      if (seat.taken_this_round) continue;
      if (!first || WaitedLonger(seat, *first)) first = &seat;
      if ((!first_free || WaitedLonger(seat, *first_free)) && !busy(seat.name)) {
        first_free = &seat;
      }
    }
    if (!anyone) return std::nullopt;
    if (!first) {
      // Everyone present has taken the role this round: a new round begins.
      for (Seat& seat : seats_) seat.taken_this_round = false;
      continue;
    }
    Seat& chosen = first_free ? *first_free : *first;
    chosen.last_taken = today;
    chosen.taken_this_round = true;
    return chosen.name;
  }
  return std::nullopt;  // unreachable: after a new round someone present is due
}

}  // namespace concord::engine
