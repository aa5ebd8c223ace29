// The compiler's front half as one call: load, parse, resolve, type-check,
// (when the program is clean so far) check every charter and treaty against
// its concord, and (when asked and still clean) lint. `concord check`, `lint`,
// `revise`, `run` and the language server all start here, so they report the
// same diagnostics.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/lint/config.h"
#include "compiler/model/model.h"
#include "compiler/pipeline/loader.h"
#include "compiler/sema/checked_program.h"

namespace concord::pipeline {

struct Compilation {
  std::unique_ptr<sema::Program> program;
  std::unique_ptr<sema::CheckedProgram> checked;  // null when sema did not run
  std::unique_ptr<model::Model> model;            // null unless the program checked clean
  diag::DiagnosticEngine diags;
  bool io_error = false;

  // Sema ran and reported no error: later phases may rely on the program.
  bool checked_clean() const { return checked && !checked->has_errors(); }
};

// Stages to run after names and types.
struct CompileOptions {
  LoadOptions load;
  // Check charters and treaties against their concords (C-codes).
  bool concords = true;
  // Keep the scenarios. `concord compat --matrix` drops them before names
  // are resolved: it reads a folder of charters and treaties, where a
  // scenario written for one version of a charter only adds echoes of the
  // duplicate it meets there.
  bool scenarios = true;
  // Then the lints with these levels (`concord lint`, the language server),
  // on a program without errors so far.
  std::optional<lint::LintConfig> lint;
};

std::unique_ptr<Compilation> Compile(const std::vector<std::string>& files,
                                     const CompileOptions& options = {});

// Frees the events of every scenario's syntax tree once they have been
// lowered (scenario::BuildInputs): a run plays the lowered events, and a
// scenario reading millions of events from files (`events from`) would
// otherwise hold each one twice for the whole run. Sema's symbols declared
// by events (a member who joins, a dispute) keep their names, types and
// ranges but lose their declaring node, so nothing may ask sema about the
// program's scenarios afterwards; the sources stay for diagnostics.
void ReleaseScenarioEvents(Compilation& compilation);

}  // namespace concord::pipeline
