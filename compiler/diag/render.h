// The three ways a list of diagnostics leaves the compiler: text for a person
// at a terminal (rustc/clang style), JSON Lines for scripts, and SARIF 2.1.0
// for code-scanning services. All three read the same Diagnostic objects and
// the same SourceManager, so they always agree on positions. Every function
// returns text and never prints, so the CLI decides where it goes and the
// tests compare strings. Output is deterministic: same input, same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source_manager.h"

namespace concord::diag {

// Human-readable text, one block per diagnostic in the given order, each block
// followed by a blank line. `colour` adds ANSI escapes; the caller passes true
// only when the output is a terminal and NO_COLOR is unset. Ranges whose file
// is kNoFile are rendered without a location or snippet.
std::string RenderHuman(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        bool colour);
std::string RenderHumanOne(const Diagnostic& diagnostic, const SourceManager& sources, bool colour);

// The closing line after human output, ending in '\n', or "" when there is no
// error and no warning. `verb` is what the command tried to do and `subject`
// what it did it to, exactly as it should read: a path quoted in backticks by
// the caller ("`x.concord`"), or a count ("3 files"):
//   error: could not check `x.concord` due to 3 errors; 1 warning emitted
//   error: could not check 3 files due to 1 error
//   warning: `x.concord` generated 2 warnings
std::string RenderSummary(const std::vector<Diagnostic>& diagnostics, std::string_view subject,
                          bool colour, std::string_view verb = "check");

// JSON Lines: one object per diagnostic, each on its own line ending in '\n',
// keys in a fixed order. The schema is documented in docs/diagnostics.md.
std::string RenderJson(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources);
std::string RenderJsonOne(const Diagnostic& diagnostic, const SourceManager& sources);

// One SARIF 2.1.0 log (a single run) as pretty-printed JSON ending in '\n'.
// `tool_version` becomes tool.driver.version. Columns are in Unicode code
// points (run.columnKind "unicodeCodePoints"), matching the human output.
std::string RenderSarif(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        std::string_view tool_version);

}  // namespace concord::diag
