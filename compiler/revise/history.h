// Calcification (`concord revise --git`): "rules calcify; procedures become
// holy". Walks the commits that touched the file and warns (L110) about each
// rule of the new version that none of the last N of them changed.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/revise/git.h"
#include "compiler/revise/report.h"
#include "compiler/sema/program.h"

namespace concord::revise {

// `main` is the new version's file in `program`, whose file ids are the
// merged sources' (the new version comes first there). A rule is calcified
// when at least `calcified_after` commits have touched the file since the
// commit that last changed the rule (introduced it, or changed its canonical
// body: rule_form.h), and the working tree has not changed it either.
// Reports L110 at each such rule's name; returns them in source order. A git
// failure is reported as E0080 and yields nothing.
struct Calcification {
  int64_t commits = 0;  // commits that touched the file
  std::vector<CalcifiedRule> rules;
};
Calcification FindCalcifiedRules(const GitFile& file, const sema::Program& program,
                                 const ast::File& main, int64_t calcified_after,
                                 diag::DiagnosticEngine& diags);

}  // namespace concord::revise
