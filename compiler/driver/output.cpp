#include "compiler/driver/output.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "compiler/diag/render.h"

namespace concord::driver {

bool UseColour(ColourMode mode) {
  switch (mode) {
    case ColourMode::kAlways: return true;
    case ColourMode::kNever: return false;
    case ColourMode::kAuto: break;
  }
  // https://no-color.org: any non-empty NO_COLOR disables colour.
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour && *no_colour) return false;
  return isatty(fileno(stderr)) != 0;
}

void EmitDiagnostics(const diag::DiagnosticEngine& diags, const diag::SourceManager& sources,
                     const OutputOptions& options, const std::string& subject,
                     const std::string& verb) {
  std::vector<diag::Diagnostic> sorted = diags.Sorted();
  switch (options.format) {
    case Format::kHuman: {
      bool colour = UseColour(options.colour);
      std::string text = diag::RenderHuman(sorted, sources, colour);
      text += diag::RenderSummary(sorted, subject, colour, verb);
      std::fputs(text.c_str(), stderr);
      break;
    }
    case Format::kJson:
      std::fputs(diag::RenderJson(sorted, sources).c_str(), stdout);
      break;
    case Format::kSarif:
      std::fputs(diag::RenderSarif(sorted, sources, CONCORD_VERSION).c_str(), stdout);
      break;
  }
  std::fflush(stdout);
  std::fflush(stderr);
}

}  // namespace concord::driver
