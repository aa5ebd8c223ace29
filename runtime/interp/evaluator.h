// The tree-walking evaluator behind interp.h. Internal to runtime/interp.
// Split over evaluator.cpp (dispatch, slots, host questions, logic, records,
// sets, calls), arithmetic.cpp (numbers, money, dates, durations),
// compare.cpp (comparisons, `min`/`max`, duration decisions) and
// aggregates.cpp (count, sum, any, all, min and max of a set).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/interp/depth.h"
#include "runtime/interp/fits.h"
#include "runtime/interp/interp.h"

namespace concord::interp {

// The result of one node: a value, an undecided boolean-or-other (with the
// comparisons that made it so), or an error (recorded in the Evaluator).
struct Eval {
  enum class State : uint8_t { kValue, kUndecided, kError };
  State state = State::kValue;
  values::Value value;
  std::vector<Undecided> reasons;

  static Eval Of(values::Value v) { return {State::kValue, std::move(v), {}}; }
  static Eval Error() { return {State::kError, {}, {}}; }
  static Eval Unknown(std::vector<Undecided> reasons) {
    return {State::kUndecided, {}, std::move(reasons)};
  }
  bool ok() const { return state == State::kValue; }
  bool failed() const { return state == State::kError; }
  bool undecided() const { return state == State::kUndecided; }
};

class Evaluator {
 public:
  explicit Evaluator(const EvalOptions& options);
  // Notes the deepest level it reached (depth.h).
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // Evaluates `body` in a new frame whose Param/Input slots are `args`.
  Eval Run(const ir::Node& body, std::vector<Eval> args, int32_t num_locals);
  Outcome Finish(Eval result);
  // Records `error` (the first one wins) and returns an error Eval.
  Eval Fail(RuntimeError error);

 private:
  struct Frame {
    std::vector<Eval> args;
    std::vector<values::Value> locals;
  };

  // Each lowered tree is at most ir's kMaxDepth deep, but fn calls and
  // metrics stack trees; past this level evaluation stops (R025) before the
  // stack does. depth.h says how levels are counted.
  static constexpr int kMaxDepth = kMaxEvaluationDepth;

  Eval Visit(const ir::Node& n);
  Eval Dispatch(const ir::Node& n);
  [[gnu::noinline]] Eval TooDeep(const ir::Node& n, bool stack);
  [[gnu::noinline]] Eval MissingOperand(const ir::Node& n);

  // evaluator.cpp
  Eval VisitSlot(const ir::Node& n);
  Eval VisitHost(const ir::Node& n);
  Eval VisitCall(const ir::Node& n);
  Eval VisitNot(const ir::Node& n);
  Eval VisitAndOr(const ir::Node& n, bool is_and);
  Eval VisitIf(const ir::Node& n);
  Eval VisitField(const ir::Node& n);
  [[gnu::noinline]] Eval FieldError(const ir::Node& n, const values::Value& v);
  Eval VisitMakeSet(const ir::Node& n);
  Eval Checked(const ir::Node& n, HostAnswer answer);
  // Evaluates every child; nullopt when all are values, else the error or
  // the merged undecided result.
  std::optional<Eval> Children(const ir::Node& n, std::vector<values::Value>& out);
  Eval WrongKind(const ir::Node& n, const values::Value& v, const char* wanted);

  // arithmetic.cpp
  Eval VisitConversion(const ir::Node& n);
  Eval VisitArithmetic(const ir::Node& n);
  [[gnu::noinline]] Eval Arithmetic(const ir::Node& n, const values::Value& a,
                                    const values::Value& b);
  Eval Negate(const ir::Node& n, const values::Value& a);
  Eval Overflow(const ir::Node& n, const std::string& what);
  Eval MoneyFailure(const ir::Node& n, values::MoneyError error, const values::Value& a,
                    const values::Value& b);

  // today.cpp
  Eval VisitToday(const ir::Node& n);
  Eval VisitWithin(const ir::Node& n);

  // compare.cpp
  Eval VisitCompare(const ir::Node& n);
  // After the operands: kept out of VisitCompare's frame, which recursion stacks.
  [[gnu::noinline]] Eval Compare(const ir::Node& n, const values::Value& a, const values::Value& b);
  Eval VisitMinMax(const ir::Node& n);
  // a < b (less) or a > b by the comparison of `kind`; undecided only for
  // durations without an anchor. `range` is where an undecided comparison
  // or a currency mismatch is reported.
  Eval Order(const ir::Node& n, const values::Value& a, values::CompareOp op,
             const values::Value& b);
  Eval Equal(const ir::Node& n, const values::Value& a, const values::Value& b);
  Eval DecideDurations(const ir::Node& n, const values::Duration& a, values::CompareOp op,
                       const values::Duration& b);

  // aggregates.cpp
  Eval VisitAggregate(const ir::Node& n);
  // The value of an aggregate over no elements: 0, or R024.
  [[gnu::noinline]] Eval EmptyAggregate(const ir::Node& n);
  Eval Accumulate(const ir::Node& n, values::Value& total, const values::Value& v);

  void NoteField(diag::SourceRange range);

  const EvalOptions& options_;
  std::vector<Frame> frames_;
  std::optional<RuntimeError> error_;
  std::vector<diag::SourceRange> fields_read_;
  int depth_ = 0;
  int deepest_ = 0;  // the deepest level visited
  uintptr_t stack_limit_ = 0;
};

// Undecided reasons of `a` then `b`, without repeats and at most a few
// dozen, so a large set of undecided elements stays readable.
std::vector<Undecided> MergeReasons(const std::vector<Undecided>& a,
                                    const std::vector<Undecided>& b);

}  // namespace concord::interp
