// What `concord record` is given: scenario items in exactly the syntax of a
// scenario's body, parsed by the project's parser as the body of a synthetic
// scenario. Only events (`on DATE EVENT`, `on DATE every PERIOD EVENT`) and
// `members` lines (the founders, who belong from the ledger's start) can be
// recorded; settings (`seed`, `start`, `run until`) belong to the ledger and
// `expect` lines to tests (E0276).
#pragma once

#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/ledger/store.h"

namespace concord::ledger {

struct BatchItem {
  bool is_members = false;
  std::string date;         // the event's (first) date; the ledger's start for `members`
  std::string text;         // the item exactly as written
  diag::SourceRange input;  // where it is in the input
};

// A `// batch N by WHO at WHEN [(correction)]` line of an exported history:
// the items after it (up to the next mark) were recorded together.
struct BatchMark {
  uint32_t offset = 0;
  Provenance provenance;
};

// Parses the text of `input` (already in `sources`). Diagnostics point into
// `input`. Returns the items in input order; `ok` is false after an error.
struct ParsedBatch {
  std::vector<BatchItem> items;
  std::vector<BatchMark> marks;  // kHistoryFile only
  bool ok = false;
};
// kBody: what `record` takes, the body of a scenario. kHistoryFile: what
// `ledger import` takes, one whole scenario as `ledger export` writes it,
// whose `seed` and `start` must be the ledger's (`run until` is derived).
enum class InputForm { kBody, kHistoryFile };
ParsedBatch ParseBatch(diag::SourceManager& sources, diag::FileId input, const Settings& settings,
                       InputForm form, diag::DiagnosticEngine& diags);

// Moves a range of `from` (whose text is the input after `prefix` bytes) to
// the same text in `to`: how diagnostics found in a synthetic file are shown
// where the user wrote the text.
diag::SourceRange Remap(diag::SourceRange r, diag::FileId from, uint32_t prefix, uint32_t length,
                        diag::FileId to);
void RemapDiagnostic(diag::Diagnostic& d, diag::FileId from, uint32_t prefix, uint32_t length,
                     diag::FileId to);

}  // namespace concord::ledger
