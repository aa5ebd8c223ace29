// The three ways a revision report leaves `concord revise`: a readable report
// for a person, one JSON document for scripts, and SARIF for code-scanning
// services. Each returns text and never prints. The JSON schema is documented
// in docs/reference-revise.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source_manager.h"
#include "compiler/revise/report.h"

namespace concord::revise {

// Per charter and treaty, the changed rules by kind, then the quota; then the
// calcification summary when the history was read. Ends in '\n'.
std::string RenderReportHuman(const RevisionReport& report);

// One JSON document: the report, an overall verdict and `diagnostics` (each as
// `concord check --format json` prints it). Pretty-printed, ends in '\n'.
std::string RenderReportJson(const RevisionReport& report,
                             const std::vector<diag::Diagnostic>& diagnostics,
                             const diag::SourceManager& sources);

// The diagnostics as a SARIF 2.1.0 log (diag::RenderSarif), with the report
// as the run's property `concordRevise` (the JSON document without its
// diagnostics, which are the log's results).
std::string RenderReportSarif(const RevisionReport& report,
                              const std::vector<diag::Diagnostic>& diagnostics,
                              const diag::SourceManager& sources, std::string_view tool_version);

}  // namespace concord::revise
