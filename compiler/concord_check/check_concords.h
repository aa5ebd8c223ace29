// Checks every charter and treaty against the concord it claims. The
// requirements are Concord expressions (stdlib/minimal.concord and the
// program's own concords) evaluated at compile time by the reference
// interpreter over the model; nothing here knows what any requirement means.
#pragma once

#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/model/model.h"
#include "compiler/sema/checked_program.h"

namespace concord::concord_check {

// Reports each broken requirement as `error[Cxxx]` at the clause the
// requirement read last (the offending clause), with the concord's reason, a
// note at the requirement, and — when a duration comparison could not be
// decided — a note naming the length that breaks it.
void CheckConcords(const sema::CheckedProgram& program, const model::Model& model,
                   diag::DiagnosticEngine& diags);

// The requirements a charter or treaty claiming `claimed` must meet: the
// concord's own (with those it extends) and, when it does not extend
// `minimal`, minimal's first — every concord keeps voluntary association,
// non-coercion and real exit. Shared with `concord compat`.
std::vector<const sema::RequirementInfo*> RequirementsOf(const sema::CheckedProgram& program,
                                                         const sema::ConcordInfo& claimed);

}  // namespace concord::concord_check
