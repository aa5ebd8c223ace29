// Lints: the practices of the seed (redundancy, transparent ledgers, stress
// games, external delegates, rotating stewardship, ritualised reflection,
// readable rules, names that cannot be mistaken for each other) as warnings
// with codes L101-L108. They run on a program
// that checked clean, over the user's files only: the standard library is
// not the community's to change.
//
// `concord lint` calls LoadProjectFile (project_file.h) and then LintProgram;
// the pieces are separate so the language server and the tests can run each.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/lint/config.h"
#include "compiler/sema/checked_program.h"

namespace concord::lint {

// Reports every lint's warnings for the user's files of `checked`, in
// program order. The program must have checked clean (no errors at all):
// on a program in error a lint would echo mistakes already reported.
void RunLints(const sema::CheckedProgram& checked, diag::DiagnosticEngine& diags);

// RunLints, then `// concord: allow` comments (suppression.h), then the
// levels of `config`, over every diagnostic in `diags`: what a user sees.
void LintProgram(const sema::CheckedProgram& checked, const LintConfig& config,
                 diag::DiagnosticEngine& diags);

}  // namespace concord::lint
