// A part of a small, numerous struct that is rarely set, kept on the heap:
// `Boxed<T>` reads like std::optional<T> (test, `*`, `->`, assignment from a
// T) and copies deeply like it, but costs one pointer when empty. A timeline
// entry holds two (a jury draw, a decision tally) that almost no entry sets:
// inline they made every entry 792 bytes, the larger part of the memory of a
// federation-sized run.
#pragma once

#include <memory>
#include <utility>

namespace concord::engine {

template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const Boxed& other) : value_(Copy(other)) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = Copy(other);
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(T value) {
    value_ = std::make_unique<T>(std::move(value));
    return *this;
  }

  explicit operator bool() const { return value_ != nullptr; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }

 private:
  static std::unique_ptr<T> Copy(const Boxed& other) {
    return other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
  }

  std::unique_ptr<T> value_;
};

}  // namespace concord::engine
