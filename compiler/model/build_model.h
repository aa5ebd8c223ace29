// Builds the model (model.h) of every charter and treaty of a program that
// checked clean. Clause values (`notice 30 days`, `quota 25% of rules`,
// `term 6 months`) are evaluated by the reference interpreter without an
// anchor date, so they mean exactly what the same expression means anywhere
// else in the language.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/model/model.h"
#include "compiler/sema/checked_program.h"

namespace concord::model {

// Reports a clause whose value cannot be computed (a runtime error such as an
// overflow inside a clause) to `diags`; such a field keeps its default.
Model BuildModel(const sema::CheckedProgram& program, diag::DiagnosticEngine& diags);

}  // namespace concord::model
