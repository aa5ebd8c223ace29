// The data of each page of a published site, built from the compilation
// and the runs. Each page's HTML is written from this data and the data is
// embedded in the page (html.h), so what a reader sees, what the page's
// scripts compute with and what the golden tests compare are one document.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compiler/compat/compat.h"
#include "compiler/diag/source_range.h"
#include "compiler/model/model.h"
#include "compiler/pipeline/pipeline.h"
#include "runtime/engine/input.h"

namespace concord::publish {

using Json = nlohmann::ordered_json;

// The file name of each page, from the names in the program.
std::string CharterFile(const std::string& name);
std::string TreatyFile(const std::string& name);
std::string RunFile(const std::string& name);
// The stable id of a rule on its charter's or treaty's page.
std::string RuleAnchor(const std::string& name);

// Title, adoption, the concord claimed with its verdict, membership,
// revision, offices, decision rules, jury, ledgers, treaty limits, metrics
// and every rule's prose next to its executable form.
Json CharterData(const model::Charter& charter, const pipeline::Compilation& c);

// Parties, term and renewal, exit, funds and caps, rules, the compat
// verdict of each party, and the treaty's status at the end of each run.
Json TreatyData(const model::Treaty& treaty, const compat::TreatyVerdict& verdict,
                const pipeline::Compilation& c, const std::vector<Json>& runs);

// One run of a scenario (or of a ledger's history): the runtime's timeline
// document as `concord run --format json` prints it, the jury draws to
// verify, the filters, and the charts (chart_series.h).
Json RunData(const engine::ProgramSpec& program, const engine::ScenarioSpec& scenario,
             const pipeline::Compilation& c, const std::string& origin);

// The front page: every charter, treaty and run with its verdict.
Json IndexData(const std::vector<Json>& charters, const std::vector<Json>& treaties,
               const std::vector<Json>& runs);

// The concord violations (C-codes) reported inside `range`.
Json ConcordViolations(const pipeline::Compilation& c, const diag::SourceRange& range);

// Every rule with its prose, its executable form as written and its anchor.
Json RulesData(const std::vector<model::Rule>& rules, const pipeline::Compilation& c);

// The text of `range` as written in its file ("" when there is none).
std::string AsWritten(const pipeline::Compilation& c, const diag::SourceRange& range);
// `file:line:col` of `range`, or null.
Json Location(const pipeline::Compilation& c, const diag::SourceRange& range);

}  // namespace concord::publish
