// `concord ledger adopt`: a new version of a ledger's program. The new files
// are checked like `concord check` and held to `concord revise` against the
// version in force (the structural diff, each charter's revision quota as the
// version in force words it, the concords); only an accepted version is
// stored, in force from its adoption day. docs/ledger.md, "Program versions".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/ledger/ledger.h"
#include "compiler/ledger/report_home.h"
#include "compiler/revise/report.h"

namespace concord::ledger {

struct AdoptRequest {
  std::vector<std::string> files;  // the whole new program: charters, treaties, concords
  std::string on;                  // YYYY-MM-DD, the first day the version is in force
  std::string by;
};

struct Adoption {
  // The comparison with the version in force, as `concord revise` reports it;
  // empty units when the versions could not be compared.
  revise::RevisionReport report;
  bool compared = false;
  std::optional<int> stored_version;  // set when the version was stored
  std::string on;
  size_t file_count = 0;
};

// Compares, and stores the new version when nothing refuses it. Every problem
// is a diagnostic in `home`; `stored_version` tells whether it was adopted.
Adoption Adopt(const LedgerOptions& ledger, const AdoptRequest& request, ReportHome& home);

// "adopted program version 2 of `community.db` (1 file), in force from
// 2027-03-01: 1 charter changed, 1 rule amended, 1 added" (no newline).
std::string DescribeAdoption(const Adoption& adoption, const std::string& ledger_path);

}  // namespace concord::ledger
