// The native tier: the same ir::Module the interpreter walks, lowered to
// LLVM IR, optimised at O1 and compiled once with ORC LLJIT. Evaluation then
// calls native function pointers and gives the interpreter's Outcome (same
// value, same R-code, message and source range on error; interp.h documents
// the semantics both follow).
//
// Evaluation without an anchor date (compile-time concord checks, where
// durations compare by the interval rule and booleans are three-valued) is
// delegated to the interpreter: see docs/reference-jit.md.
//
// LLVM stays behind the pimpl, so including this header needs no LLVM headers.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "compiler/ir/ir.h"
#include "runtime/interp/interp.h"
#include "runtime/values/value.h"

namespace concord::jit {

struct CompileStats {
  double compile_ms = 0;
  size_t functions = 0;
  size_t roots = 0;
  size_t llvm_instructions = 0;
};

class Program {
 public:
  // A module that lowers to more LLVM instructions than this is not compiled
  // (docs/reference.md, Limits; the caller falls back to the interpreter,
  // which runs any program). Compile time grows with the module: 6,000 small
  // functions, 300,000 instructions after optimisation, took 5.7 s of CPU;
  // the federation benchmark at scale 1 (6,000 functions, 890,000
  // instructions after optimisation, so about 1.1 million before at the
  // ratio measured on those) is meant to stay under it.
  static constexpr size_t kMaxInstructions = 1'500'000;

  // Compiles every Function and Root of the module; nullptr and *error on failure.
  // The module must outlive the Program.
  static std::unique_ptr<Program> Compile(const ir::Module& module, std::string* error,
                                          size_t max_instructions = kMaxInstructions);
  ~Program();
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  interp::Outcome Evaluate(const ir::Root& root, std::span<const values::Value> inputs,
                           const interp::EvalOptions& options) const;
  // A condition (a root of type bool) on the hot path: its truth when the
  // compiled root runs to a value, without a values::Value or an Outcome;
  // nullopt otherwise (an error, an evaluation the interpreter must make, a
  // root that is not a compiled condition), and then Evaluate gives the
  // Outcome. Evaluating twice is safe: host questions change nothing.
  std::optional<bool> Decide(const ir::Root& root, std::span<const values::Value> inputs,
                             const interp::EvalOptions& options) const;
  interp::Outcome Call(const ir::Function& fn, std::span<const values::Value> args,
                       const interp::EvalOptions& options) const;
  const CompileStats& stats() const;

  struct Impl;

 private:
  explicit Program(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The LLVM this tier is linked against and the target it compiles for, as
// `LLVM 19.1.1, x86_64-pc-linux-gnu`: the `--version` line names it, and
// only runtime/jit includes LLVM headers.
std::string LlvmVersion();

}  // namespace concord::jit
