// A fix-it that adds a missing clause to a block: shared by the lints and the
// concord checks, which both know which clause is missing but not where the
// block's text leaves room for it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source_manager.h"

namespace concord::diag {

// Inserts `clause` as the last clause of `block` (a charter, office, ledger,
// jury or fund, whose range ends with its `}`): on a line of its own before
// the closing brace, one level deeper than the brace; or just before the
// brace when the block ends on a line with other clauses. Nothing when the
// range does not end with a brace.
std::optional<FixIt> InsertClause(const SourceManager& sources, SourceRange block,
                                  std::string_view clause, std::string description);

}  // namespace concord::diag
