// Where a lint's fix-it goes. The AST keeps the range of every clause but not
// of every keyword or brace inside it, so these helpers read the source text
// around a range, and give up (no fix-it, only help) whenever the text is not
// exactly what the grammar leads them to expect, for instance when a comment
// sits in the middle of a clause.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/insert_clause.h"
#include "compiler/diag/source_manager.h"
#include "compiler/syntax/ast.h"

namespace concord::lint {

// Inserting a missing clause is shared with the concord checks.
using diag::InsertClause;

// The `index`-th word (0-based, separated by whitespace) of the clause at
// `clause`, when that word is `expected`.
std::optional<diag::SourceRange> WordOf(const diag::SourceManager& sources,
                                        diag::SourceRange clause, size_t index,
                                        std::string_view expected);

// The whole `steward fixed NAME` clause, given NAME.
std::optional<diag::SourceRange> FixedStewardClause(const diag::SourceManager& sources,
                                                    const ast::Identifier& name);

}  // namespace concord::lint
