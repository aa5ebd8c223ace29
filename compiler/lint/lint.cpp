// Running the lints of lints.def over a program, and the order in which
// suppression and levels apply: comments first, so a comment that silenced a
// lint counts as used even when the project also allows that lint.
#include "compiler/lint/lint.h"

#include "compiler/lint/lints.h"
#include "compiler/lint/suppression.h"

namespace concord::lint {

void RunLints(const sema::CheckedProgram& checked, diag::DiagnosticEngine& diags) {
  const sema::Program& program = checked.program();
  LintContext cx{checked, program.sources, diags};
  for (size_t i = 0; i < program.files.size(); ++i) {
    if (program.is_stdlib[i]) continue;
    const ast::File& file = *program.files[i];
#define CONCORD_LINT(code, function) function(file, cx);
#include "compiler/lint/lints.def"
#undef CONCORD_LINT
  }
}

void LintProgram(const sema::CheckedProgram& checked, const LintConfig& config,
                 diag::DiagnosticEngine& diags) {
  RunLints(checked, diags);
  ApplySuppressions(checked.program(), diags);
  ApplyLevels(config, diags);
}

}  // namespace concord::lint
