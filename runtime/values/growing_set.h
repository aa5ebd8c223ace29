// A set that only grows: the host's answer to a question whose elements are
// only ever added, such as the contributions booked into an account.
// Snapshot() is the Value MakeSetValue would give for every element added so
// far, in the order added (first occurrence kept), but each Add costs a
// lookup in an ordered index and each Snapshot after a change one copy of
// the element vector, instead of sorting every element on every question.
// Unchanged, Snapshot() returns the same shared Set again.
#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include "runtime/values/value.h"

namespace concord::values {

class GrowingSet {
 public:
  void Add(Value v) {
    if (!seen_.insert(v).second) return;  // a duplicate: the first one stays
    elements_.push_back(std::move(v));
    stale_ = true;
  }

  const Value& Snapshot() {
    if (stale_) {
      snapshot_ = Value::MakeSet(std::make_shared<const Set>(Set::FromDistinct(elements_)));
      stale_ = false;
    }
    return snapshot_;
  }

 private:
  struct Less {
    bool operator()(const Value& a, const Value& b) const { return Compare(a, b) < 0; }
  };
  std::vector<Value> elements_;  // distinct, in the order added
  std::set<Value, Less> seen_;   // the same elements, for the duplicate test
  Value snapshot_;
  bool stale_ = true;  // no Set made yet
};

}  // namespace concord::values
