// The evaluation level shared by nested evaluations of one thread, and the
// thread's stack limit (depth.h).
#include "runtime/interp/depth.h"

#include <pthread.h>

#include <algorithm>

namespace concord::interp {

namespace {

thread_local int base_level = 0;
thread_local int deepest_level = 0;

// What the error path needs below the guard: a quarter of the stack, at
// most 256 KiB.
constexpr uintptr_t kMaxStackMargin = 256 * 1024;

}  // namespace

int EvaluationBase() {
  return base_level;
}

NestedEvaluation::NestedEvaluation(int level) : saved_(base_level) {
  base_level = level;
}

NestedEvaluation::~NestedEvaluation() {
  base_level = saved_;
}

void NoteLevel(int level) {
  deepest_level = std::max(deepest_level, level);
}

int ResetDeepestLevel(int level) {
  int previous = deepest_level;
  deepest_level = level;
  return previous;
}

// Looked up once per thread (for the main thread glibc reads
// /proc/self/maps to answer).
uintptr_t StackLimit() {
  thread_local const uintptr_t limit = [] {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return uintptr_t{0};
    void* low = nullptr;
    size_t size = 0;
    int rc = pthread_attr_getstack(&attr, &low, &size);
    pthread_attr_destroy(&attr);
    if (rc != 0 || !low) return uintptr_t{0};
    return reinterpret_cast<uintptr_t>(low) + std::min<uintptr_t>(size / 4, kMaxStackMargin);
  }();
  return limit;
}

}  // namespace concord::interp
