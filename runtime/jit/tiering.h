// The engine tiering behind `--engine interp|jit|auto` and `--stats` of
// `concord run` and `concord test`: which ExpressionEngine plays the
// scenarios, and the numbers printed on stderr afterwards (stdout stays
// byte-identical between engines). The command line's options are the
// driver's (compiler/driver/engine_options.cpp).
//
// `auto` compiles with the JIT only when the run is expected to evaluate
// enough expressions to pay the compilation back (docs/reference-jit.md has
// the measurement behind kAutoJitThreshold), and then in the background:
// the interpreter plays from the first event and evaluations switch to
// native code once it is ready. The engines give the same Outcome, so the
// output does not depend on when the switch happens.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/engine/expression_engine.h"
#include "runtime/engine/input.h"
#include "runtime/jit/jit.h"

namespace concord::jit {

struct EngineOptions {
  std::string engine = "auto";  // interp, jit or auto
  bool stats = false;           // print the --stats block on stderr
};

// Expected evaluations from which `auto` picks the JIT.
inline constexpr uint64_t kAutoJitThreshold = 5000;

// A rough count of the evaluations the scenarios will make: every event
// against every executable rule check, plus the expectations and metrics.
uint64_t EstimateEvaluations(const engine::ProgramSpec& program,
                             const std::vector<const engine::ScenarioSpec*>& scenarios);

// The engine of one command: chosen, compiled if it is the JIT, installed
// into the ProgramSpec, and counted.
class TieredEngine;

class EngineSession {
 public:
  EngineSession(const EngineOptions& options, const ir::Module& module,
                engine::ProgramSpec& program,
                const std::vector<const engine::ScenarioSpec*>& scenarios);
  // Waits for a background compile still running (LLVM cannot be stopped
  // half-way), and says R040 if it failed.
  ~EngineSession();
  // Prints the --stats block on stderr (when asked for).
  void Report(size_t events);

 private:
  // The background compile's end, once: its program or its R040.
  void FinishTiered();

  EngineOptions options_;
  std::string why_;
  uint64_t estimate_ = 0;
  std::pair<size_t, size_t> module_roots_;  // functions and roots of the module
  std::unique_ptr<Program> program_;
  std::unique_ptr<engine::ExpressionEngine> jit_engine_;
  std::unique_ptr<TieredEngine> tiered_;  // `auto`: the JIT compiled in the background
  bool tiered_finished_ = false;
  std::unique_ptr<engine::CountingEngine> counting_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace concord::jit
