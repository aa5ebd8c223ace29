// The heart of `concord revise`: given both versions of a file, compiled,
// list each charter's and treaty's rule changes and hold each charter to the
// quota of its old version. Reports R001 (quota missed), L111 (quota not
// computable before run time) and L112 (a charter or treaty dropped).
#pragma once

#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/revise/report.h"
#include "compiler/sema/program.h"

namespace concord::revise {

// One version, already compiled. Only the declarations of `main` (the file
// given, not what it imports) are compared.
struct Version {
  const sema::Program* program = nullptr;
  const ast::File* main = nullptr;
  diag::FileId file_offset = 0;  // where its files start in the merged sources
};

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
