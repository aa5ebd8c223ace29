// `concord fmt`: one canonical layout for .concord files (docs/reference-fmt.md).
// The command line, the language server and tests call these; none of them
// needs to know how the layout is computed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source_manager.h"

namespace concord::format {

struct FormatResult {
  bool ok = false;   // false: syntax errors (or an internal check failed); text is empty
  std::string text;  // the formatted file
  std::vector<diag::Diagnostic> diagnostics;  // why not ok
};

// Formats one file's text. `path` names it in diagnostics. The diagnostics'
// ranges use file id 0 and byte offsets into `text`: a caller that wants to
// render them adds the same text to a fresh SourceManager (it gets id 0).
FormatResult FormatSource(std::string_view text, std::string_view path);

// The same for a file already held by `sources`; the diagnostics' ranges name
// `file`, so the caller renders them with its own SourceManager.
FormatResult FormatFile(const diag::SourceManager& sources, diag::FileId file);

// The safety net, also the fuzzer's oracle: `formatted` must parse to the same
// syntax tree as `original` (compared structurally, ignoring positions and the
// optional `;`/`,` separators) and keep every comment, in order. Returns the
// problems found (E0090, E0091), located in `original_file`; empty means safe.
// `original_file` should parse without errors (if not, that is reported).
std::vector<diag::Diagnostic> CheckFormatting(const diag::SourceManager& sources,
                                              diag::FileId original_file,
                                              diag::FileId formatted_file);

}  // namespace concord::format
