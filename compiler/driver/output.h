// Where diagnostics go: the format a user chose (human, json, sarif), colour
// only on a terminal, and the closing summary.
#pragma once

#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/sema/program.h"

namespace concord::driver {

enum class Format { kHuman, kJson, kSarif };
enum class ColourMode { kAuto, kAlways, kNever };

struct OutputOptions {
  Format format = Format::kHuman;
  ColourMode colour = ColourMode::kAuto;
};

// True when human output to stderr should be coloured.
bool UseColour(ColourMode mode);

// Writes every diagnostic in `diags` (in source order) to where the format
// sends it: human text to stderr, JSON Lines and SARIF to stdout. `subject`
// names what was checked, for the human summary line.
void EmitDiagnostics(const diag::DiagnosticEngine& diags, const diag::SourceManager& sources,
                     const OutputOptions& options, const std::string& subject,
                     const std::string& verb);

// "`x.concord`" for one file, "3 files" for several: what a summary names.
std::string Subject(const std::vector<std::string>& files);

// "3 charters, 2 treaties and 1 scenario": the user's declarations, not the
// standard library's.
std::string DescribeContents(const sema::Program& program);

}  // namespace concord::driver
