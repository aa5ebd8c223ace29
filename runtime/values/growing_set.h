// A set that only grows: the host's answer to a question whose elements are
// only ever added, such as the contributions booked into an account.
// Snapshot() is the Value MakeSetValue would give for every element added so
// far, in the order added (first occurrence kept), but each Add costs a
// lookup in a hash table (values::Hash) and each Snapshot a Set that shares
// the elements (Set::Prefix) instead of sorting or copying them on every
// question.
// Unchanged, Snapshot() returns the same shared Set again.
//
// The snapshots share an index of the elements by record field (SetIndex),
// built for a field the first time an aggregate filters on it
// (`sum(x.amount for x in contributions(f) where x.member == m)`) and kept up
// to date by every later Add. A field is covered only while every element is
// a record, or a member with a record, that has the field under that name
// and with a value `==` compares structurally (not money or duration, whose
// `==` follows the language's rules); one element that is not turns the
// field's index off for good, and aggregates then visit every element.
//
// Not thread-safe: a run's host answers belong to the thread playing it.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "runtime/values/value.h"

namespace concord::values {

class GrowingSet {
 public:
  GrowingSet();
  // Moves only: a copy would share the elements its snapshots index.
  GrowingSet(GrowingSet&&) = default;
  GrowingSet& operator=(GrowingSet&&) = default;
  GrowingSet(const GrowingSet&) = delete;
  GrowingSet& operator=(const GrowingSet&) = delete;

  void Add(Value v);
  const Value& Snapshot();

 private:
  class Store;  // the elements, the duplicate test and the field indexes
  std::shared_ptr<Store> store_;
  Value snapshot_;
  bool stale_ = true;  // no Set made yet
};

}  // namespace concord::values
