// Runs the same fns on the reference interpreter and on the JIT and compares
// what a user would see: Outcome::ToString() (the value or the error's code
// and message), the status, and for errors and undecided comparisons their
// source ranges.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/lower/lower.h"
#include "compiler/pipeline/pipeline.h"
#include "runtime/interp/interp.h"
#include "runtime/jit/jit.h"
#include "runtime/values/value.h"

namespace concord::property {

// One program compiled by the real pipeline, every fn lowered, and the
// module compiled once by the JIT. Member order matters: the JIT program
// refers to the module, the module to the checked program.
struct CompiledProgram {
  std::unique_ptr<pipeline::Compilation> compilation;
  ir::Module module;
  std::unique_ptr<lower::Lowerer> lowerer;
  std::unique_ptr<jit::Program> jit;
  double frontend_ms = 0;
  double jit_ms = 0;
  // The JIT runs the fns it cannot lower on the interpreter; for those the
  // comparison is the interpreter against itself, so the run reports them.
  size_t fns = 0;
  size_t native_fns = 0;

  const diag::SourceManager& sources() const { return compilation->program->sources; }
};

// Compiles `text` as the file `path`. Any diagnostic at all, a lowering
// failure or a JIT compile failure is returned in *error (rendered as a
// person reads it) with nullptr. `with_jit` false stops after lowering.
std::unique_ptr<CompiledProgram> CompileProgram(const std::string& path, const std::string& text,
                                                bool with_jit, std::string* error);

// What one engine gave, as compared: the literal text, then for an error
// the code and location, and for undecided results each comparison.
std::string Describe(const interp::Outcome& outcome, const diag::SourceManager& sources);

struct Verdict {
  bool same = true;
  std::string interp;  // Describe() of each engine
  std::string jit;
};

// Calls `fn_name` on both engines with the same arguments and anchor.
Verdict CompareCall(const CompiledProgram& program, const std::string& fn_name,
                    std::span<const values::Value> args, values::Date anchor);

// A regression file (tests/property/regressions/*.concord): fns plus
// `// call NAME at DATE with ARG | ARG` lines. Returns the number of calls
// checked; mismatches and problems are appended to *report.
struct FileResult {
  int calls = 0;
  int mismatches = 0;
  std::string report;
  bool broken = false;  // unreadable, diagnostics, a bad call line
};
FileResult CheckFile(const std::string& path);

}  // namespace concord::property
