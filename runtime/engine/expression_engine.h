// How the engine evaluates expressions (rule conditions, requirements,
// metrics, `expect` lines): through this interface, so the runtime needs no
// LLVM. The interpreter is the default; the driver plugs in the JIT
// (runtime/jit) with `--engine jit`. Both must give the same Outcome.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>

#include "compiler/ir/ir.h"
#include "runtime/interp/interp.h"
#include "runtime/values/value.h"

namespace concord::engine {

class ExpressionEngine {
 public:
  virtual ~ExpressionEngine() = default;
  // "interp" or "jit", for --stats.
  virtual const char* name() const = 0;
  virtual interp::Outcome Evaluate(const ir::Root& root, std::span<const values::Value> inputs,
                                   const interp::EvalOptions& options) const = 0;
  // A condition (a root of type bool) on the hot path: its truth when the
  // engine can give it without building an Outcome, or nullopt, and then
  // Evaluate gives the Outcome (the error, the undecided comparisons). When
  // it answers, it answers what Evaluate's value would be.
  virtual std::optional<bool> Decide(const ir::Root&, std::span<const values::Value>,
                                     const interp::EvalOptions&) const {
    return std::nullopt;
  }
};

// The reference interpreter (runtime/interp).
class InterpreterEngine final : public ExpressionEngine {
 public:
  const char* name() const override { return "interp"; }
  interp::Outcome Evaluate(const ir::Root& root, std::span<const values::Value> inputs,
                           const interp::EvalOptions& options) const override {
    return interp::Evaluate(root, inputs, options);
  }
  static const InterpreterEngine& Instance() {
    static const InterpreterEngine engine;
    return engine;
  }
};

// Counts evaluations and their wall time for `--stats`; wraps another engine.
// Evaluations nest (a metric asked of the host during a rule), so only the
// outermost one is timed.
class CountingEngine final : public ExpressionEngine {
 public:
  explicit CountingEngine(const ExpressionEngine& inner) : inner_(inner) {}
  const char* name() const override { return inner_.name(); }
  interp::Outcome Evaluate(const ir::Root& root, std::span<const values::Value> inputs,
                           const interp::EvalOptions& options) const override {
    ++evaluations_;
    if (depth_++ > 0) {
      interp::Outcome out = inner_.Evaluate(root, inputs, options);
      --depth_;
      return out;
    }
    auto start = std::chrono::steady_clock::now();
    interp::Outcome out = inner_.Evaluate(root, inputs, options);
    seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    --depth_;
    return out;
  }
  // Counted when it answers: otherwise the caller's Evaluate is the evaluation.
  std::optional<bool> Decide(const ir::Root& root, std::span<const values::Value> inputs,
                             const interp::EvalOptions& options) const override {
    if (depth_ > 0) {
      std::optional<bool> holds = inner_.Decide(root, inputs, options);
      if (holds) ++evaluations_;
      return holds;
    }
    ++depth_;
    auto start = std::chrono::steady_clock::now();
    std::optional<bool> holds = inner_.Decide(root, inputs, options);
    seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    --depth_;
    if (holds) ++evaluations_;
    return holds;
  }
  uint64_t evaluations() const { return evaluations_; }
  double seconds() const { return seconds_; }

 private:
  const ExpressionEngine& inner_;
  mutable uint64_t evaluations_ = 0;
  mutable double seconds_ = 0;
  mutable int depth_ = 0;
};

}  // namespace concord::engine
