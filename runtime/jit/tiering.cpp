// The engine tiering of tiering.h.
#include "runtime/jit/tiering.h"

#include <fmt/format.h>

#include <atomic>
#include <cstdio>
#include <thread>

namespace concord::jit {
namespace {

// The JIT as an ExpressionEngine.
class JitEngine final : public engine::ExpressionEngine {
 public:
  explicit JitEngine(const Program& program) : program_(program) {}
  const char* name() const override { return "jit"; }
  interp::Outcome Evaluate(const ir::Root& root, std::span<const values::Value> inputs,
                           const interp::EvalOptions& options) const override {
    return program_.Evaluate(root, inputs, options);
  }
  std::optional<bool> Decide(const ir::Root& root, std::span<const values::Value> inputs,
                             const interp::EvalOptions& options) const override {
    return program_.Decide(root, inputs, options);
  }

 private:
  const Program& program_;
};

void WarnJitUnavailable(const std::string& error) {
  // The interpreter gives the same results; say why it runs instead.
  std::fprintf(stderr, "warning[R040]: the JIT is unavailable (%s); using the interpreter\n",
               error.c_str());
}

size_t Checks(const std::vector<engine::RuleSpec>& rules) {
  size_t n = 0;
  for (const engine::RuleSpec& r : rules) {
    if (!r.event) continue;
    n += r.checks.size() + (r.where ? 1 : 0);
  }
  return n;
}

}  // namespace

// The interpreter until the JIT, compiling on its own thread, is ready; then
// the JIT. The thread only reads the module, as the interpreter does.
class TieredEngine final : public engine::ExpressionEngine {
 public:
  explicit TieredEngine(const ir::Module& module)
      : worker_([this, &module] {
          program_ = Program::Compile(module, &error_);
          ready_.store(true, std::memory_order_release);
        }) {}
  ~TieredEngine() override { Wait(); }
  TieredEngine(const TieredEngine&) = delete;
  TieredEngine& operator=(const TieredEngine&) = delete;

  // "interp" once the compile has failed: then it only ever interpreted.
  const char* name() const override {
    return ready_.load(std::memory_order_acquire) && !program_ ? "interp" : "jit";
  }
  interp::Outcome Evaluate(const ir::Root& root, std::span<const values::Value> inputs,
                           const interp::EvalOptions& options) const override {
    if (ready_.load(std::memory_order_acquire) && program_) {
      return program_->Evaluate(root, inputs, options);
    }
    ++interpreted_;
    return interp::Evaluate(root, inputs, options);
  }
  // Before the switch, Evaluate interprets (and counts) the condition.
  std::optional<bool> Decide(const ir::Root& root, std::span<const values::Value> inputs,
                             const interp::EvalOptions& options) const override {
    if (ready_.load(std::memory_order_acquire) && program_) {
      return program_->Decide(root, inputs, options);
    }
    return std::nullopt;
  }

  void Wait() {
    if (worker_.joinable()) worker_.join();
  }
  // After Wait: the compiled program (null when it failed, with Error()).
  const Program* Compiled() const { return program_.get(); }
  const std::string& Error() const { return error_; }
  uint64_t Interpreted() const { return interpreted_; }

 private:
  std::unique_ptr<Program> program_;  // written by worker_, read after ready_
  std::string error_;
  std::atomic<bool> ready_{false};
  mutable uint64_t interpreted_ = 0;  // evaluations before the switch
  std::thread worker_;                // last: starts once the rest exists
};

uint64_t EstimateEvaluations(const engine::ProgramSpec& program,
                             const std::vector<const engine::ScenarioSpec*>& scenarios) {
  uint64_t checks = 0, metrics = 0;
  for (const engine::CharterSpec& c : program.charters) {
    checks += Checks(c.rules);
    metrics += c.metrics.size();
  }
  for (const engine::TreatySpec& t : program.treaties) checks += Checks(t.rules);
  uint64_t total = 0;
  for (const engine::ScenarioSpec* s : scenarios) {
    total += s->events.size() * checks + s->expectations.size() + metrics;
  }
  return total;
}

EngineSession::EngineSession(const EngineOptions& options, const ir::Module& module,
                             engine::ProgramSpec& program,
                             const std::vector<const engine::ScenarioSpec*>& scenarios)
    : options_(options),
      module_roots_(module.functions().size(), module.roots().size()),
      start_(std::chrono::steady_clock::now()) {
  estimate_ = EstimateEvaluations(program, scenarios);
  bool use_jit = options.engine == "jit";
  if (options.engine == "auto") {
    use_jit = estimate_ >= kAutoJitThreshold;
    why_ = fmt::format("auto: about {} evaluations, JIT from {}", estimate_, kAutoJitThreshold);
  }
  if (use_jit && options.engine == "auto") {
    tiered_ = std::make_unique<TieredEngine>(module);
  } else if (use_jit) {
    std::string error;
    program_ = Program::Compile(module, &error);
    if (program_) {
      jit_engine_ = std::make_unique<JitEngine>(*program_);
    } else {
      WarnJitUnavailable(error);
    }
  }
  const engine::ExpressionEngine& inner =
      tiered_ ? *tiered_
      : jit_engine_
          ? *jit_engine_
          : static_cast<const engine::ExpressionEngine&>(engine::InterpreterEngine::Instance());
  counting_ = std::make_unique<engine::CountingEngine>(inner);
  program.engine = counting_.get();
}

EngineSession::~EngineSession() {
  FinishTiered();
}

void EngineSession::FinishTiered() {
  if (!tiered_ || tiered_finished_) return;
  tiered_finished_ = true;
  tiered_->Wait();
  if (!tiered_->Compiled()) {
    WarnJitUnavailable(tiered_->Error());
    why_ += "; the background compile failed (R040)";
    return;
  }
  why_ += fmt::format("; compiled while the interpreter ran the first {} evaluations",
                      tiered_->Interpreted());
}

void EngineSession::Report(size_t events) {
  FinishTiered();
  if (!options_.stats) return;
  double total_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  std::string out = "stats:\n";
  out += fmt::format("  engine            {}{}\n", counting_->name(),
                     why_.empty() ? "" : fmt::format(" ({})", why_));
  const Program* compiled = program_ ? program_.get() : tiered_ ? tiered_->Compiled() : nullptr;
  if (compiled) {
    const CompileStats& s = compiled->stats();
    out += fmt::format(
        "  jit compile       {:.2f} ms ({} of {} functions, {} of {} roots, {} LLVM "
        "instructions)\n",
        s.compile_ms, s.functions, module_roots_.first, s.roots, module_roots_.second,
        s.llvm_instructions);
  }
  out += fmt::format("  events            {}\n", events);
  out += fmt::format("  evaluations       {}\n", counting_->evaluations());
  out += fmt::format("  evaluation time   {:.3f} ms\n", counting_->seconds() * 1000);
  out += fmt::format("  total time        {:.3f} ms\n", total_ms);
  std::fputs(out.c_str(), stderr);
}

}  // namespace concord::jit
