// One dated event on one line of an event file (`events from "FILE"`), for
// the stream reader in compiler/pipeline/event_stream.cpp. The common event
// forms are read by a small hand-written scanner; every other line (and every
// line the scanner is not sure of) goes to the ANTLR parser on its own, so a
// line means exactly what it means inside a scenario, and an event file of
// any length never becomes one parse tree.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/syntax/ast.h"

namespace concord::syntax {

// The longest line an event file may hold (E0292): one event, however many
// names it lists, fits easily; a longer line is a file that is not events.
inline constexpr uint32_t kMaxEventLineBytes = 16u << 10;

// The fast path: the event on `line` (the text of `file` at byte `base`),
// or nullopt when the line is not one of the simple forms it knows. Reports
// nothing: a line it gives up on is parsed by ParseEventLine's ANTLR path.
std::optional<ast::Event> ScanSimpleEvent(std::string_view line, diag::FileId file, uint32_t base);

// Parses the line [begin, end) of `file` as one `on DATE EVENT` (or a
// recurring event), with ranges in `file`. Syntax errors are reported as in
// a scenario; any other scenario item is E0295. Nullopt after an error.
std::optional<ast::Event> ParseEventLine(const diag::SourceManager& sources, diag::FileId file,
                                         uint32_t begin, uint32_t end,
                                         diag::DiagnosticEngine& diags);

}  // namespace concord::syntax
