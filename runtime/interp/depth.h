// How deep evaluation is nested, counted the same way by both engines
// (docs/reference.md, Limits; docs/reference-jit.md, "Depth").
//
// Every node is evaluated at a *level*: a root's or called fn's body at the
// level its evaluation starts at, each operand one level below the node
// that evaluates it, a called fn's body one level below the call. A node at
// level kMaxEvaluationDepth or more is not evaluated: R025 at that node.
//
// The count does not restart when an evaluation asks the host something
// the host answers by evaluating again (a metric defined by another
// metric): while the host answers, evaluations it starts on this thread
// begin at the asking node's level plus one. So `metric m0 = m1 + 1`, ...
// is bounded like a chain of fn calls, whichever engine evaluates each
// link, and the native stack with it.
#pragma once

#include <cstdint>

namespace concord::interp {

inline constexpr int kMaxEvaluationDepth = 2000;

// The level an evaluation starting now on this thread begins at: 0, or
// while a host question is answered, the level the question set.
int EvaluationBase();

// While alive, evaluations started on this thread begin at `level`.
class NestedEvaluation {
 public:
  explicit NestedEvaluation(int level);
  ~NestedEvaluation();
  NestedEvaluation(const NestedEvaluation&) = delete;
  NestedEvaluation& operator=(const NestedEvaluation&) = delete;

 private:
  int saved_;
};

// The deepest level evaluations on this thread have reached (or tried to
// reach: a node refused at the limit counts) since the last reset. The
// engine's metric memo keeps, with each metric's value, how many levels its
// evaluation went below its start, and reuses the value only where
// evaluating again would stay above the limit, so memoizing changes no
// result. Engines may note more than they reached, never less (the JIT notes
// each compiled body's static height).
void NoteLevel(int level);
// Sets the deepest level to `level` and returns what it was.
int ResetDeepestLevel(int level);

// The lowest stack address evaluation lets this thread reach (its end plus
// a margin for the error path), or 0 when the platform does not say. The
// depth limit decides in every build; this is the safety net for threads
// with small stacks and for sanitizer builds, whose frames are larger.
uintptr_t StackLimit();

// Whether the caller's frame is already below StackLimit().
inline bool StackExhausted() {
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < StackLimit();
}

}  // namespace concord::interp
