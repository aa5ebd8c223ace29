// Structural changes a reviewer must not miss, as warnings of `concord
// revise`: a term removed (L119), a recall clause removed or made harder
// (L120), a decision or sanction that passes with less support (L121), entry
// made harder for newcomers (L122). Each is legal, and may be what the
// community wants; each moves power away from the members in a way one line
// of a long diff hides. What already breaks a concord (exit, expiry, C008's
// deciders) is the concord check's, and not repeated here.
// docs/reference-revise.md, section "Changes a reviewer must not miss".
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/revise/version.h"
#include "compiler/syntax/ast.h"

namespace concord::revise {

// Compares two versions of one charter (matched by name) and reports
// L119-L122 at the new version's clause, with a label at the old one.
void LintStructure(const ast::CharterDecl& was, const ast::CharterDecl& now, const Version& before,
                   const Version& after, diag::DiagnosticEngine& diags);

}  // namespace concord::revise
