// The heart of `concord revise`: given both versions of a file, compiled,
// list each charter's and treaty's rule changes and structural changes, and
// hold each charter to the quota of its old version. Reports R001 (quota
// missed), L111 (quota not computable before run time), L112 (a charter or
// treaty dropped) and L119-L122 (structure_lints.h).
#pragma once

#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/revise/report.h"
#include "compiler/revise/version.h"
#include "compiler/sema/program.h"

namespace concord::revise {

// Diagnostics go to `diags` with ranges in the merged sources
// (merged_sources.h). Charters come first, then treaties; each list in the
// new version's order, then what only the old version has.
std::vector<UnitReport> CompareVersions(const Version& before, const Version& after,
                                        diag::DiagnosticEngine& diags);

// The rules of a charter or treaty as RuleVersions, ranges shifted into the
// merged sources.
std::vector<RuleVersion> RuleVersionsOf(const std::vector<ast::Rule>& rules,
                                        const Version& version);

}  // namespace concord::revise
