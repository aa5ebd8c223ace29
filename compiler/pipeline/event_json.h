// One event of a JSON Lines event file: a flat object whose fields name the
// parts of the event syntax (docs/reference.md, Event files), such as
// {"date":"2027-01-20","event":"contribute","member":"ivo","amount":"60 EUR",
// "ledger":"kitchen_fund"}. Ranges point at each field's value in the line.
#pragma once

#include <cstdint>
#include <optional>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/syntax/ast.h"

namespace concord::pipeline {

// The line [begin, end) of `file`; E0294 and nullopt when it is not an event.
std::optional<ast::Event> ParseJsonEvent(const diag::SourceManager& sources, diag::FileId file,
                                         uint32_t begin, uint32_t end,
                                         diag::DiagnosticEngine& diags);

}  // namespace concord::pipeline
