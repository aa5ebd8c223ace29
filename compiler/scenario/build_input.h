// From a checked program to what the engine plays: charters and treaties of
// the model with their executable rules, metrics and fund formulas lowered to
// the IR, and each scenario's members, events and `expect` lines as plain
// engine structs (runtime/engine/input.h). This is the only place where the
// runtime's input meets the AST, sema and the model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/source_manager.h"
#include "compiler/lower/lower.h"
#include "compiler/model/model.h"
#include "compiler/sema/checked_program.h"
#include "runtime/engine/input.h"

namespace concord::scenario {

struct Inputs {
  engine::ProgramSpec program;
  std::vector<engine::ScenarioSpec> scenarios;  // the user's, in program order
  // Set when an expression could not be lowered (an internal failure: the
  // program checked clean, so this should not happen).
  std::optional<lower::LowerError> error;
};

// `module` receives every lowered root and must outlive the result.
Inputs BuildInputs(const sema::CheckedProgram& checked, const model::Model& model,
                   ir::Module& module);

}  // namespace concord::scenario
