// Fix-its for broken requirements. The checker knows where a requirement
// failed (the offending clause) but not what the requirement means; a fix-it
// needs both. Two kinds are offered: a bound the requirement states itself
// (`notice <= 30 days` fails on `notice 1 month`: write `30 days`), and, for
// the minimal concord's codes whose fix is not a bound, the text its
// reference page recommends (C020: `ruling expires after 3 months unless
// reaffirmed`). Anything else gets no fix-it: the reason says what is
// protected, and the community writes the clause.
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source_manager.h"
#include "compiler/sema/checked_program.h"  // the AST of a requirement

namespace concord::concord_check {

// Adds the fix-its of `requirement`, broken at `d.range`, to `d`.
void AddRequirementFixIts(const ast::Requirement& requirement, bool from_minimal,
                          const diag::SourceManager& sources, diag::Diagnostic& d);

}  // namespace concord::concord_check
