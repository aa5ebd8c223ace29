#include "compiler/driver/output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "compiler/diag/render.h"

namespace concord::driver {

bool UseColour(ColourMode mode) {
  switch (mode) {
    case ColourMode::kAlways:
      return true;
    case ColourMode::kNever:
      return false;
    case ColourMode::kAuto:
      break;
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

namespace {

std::string Plural(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string Subject(const std::vector<std::string>& files) {
  if (files.size() == 1) return fmt::format("`{}`", files[0]);
  return Plural(files.size(), "file", "files");
}

std::string DescribeContents(const sema::Program& program) {
  size_t charters = 0, treaties = 0, scenarios = 0, concords = 0, fns = 0;
  for (size_t i = 0; i < program.files.size(); ++i) {
    if (program.is_stdlib[i]) continue;
    const ast::File& f = *program.files[i];
    charters += f.charters.size();
    treaties += f.treaties.size();
    scenarios += f.scenarios.size();
    concords += f.concords.size();
    fns += f.fns.size();
  }
  std::vector<std::string> parts;
  if (charters) parts.push_back(Plural(charters, "charter", "charters"));
  if (treaties) parts.push_back(Plural(treaties, "treaty", "treaties"));
  if (concords) parts.push_back(Plural(concords, "concord", "concords"));
  if (scenarios) parts.push_back(Plural(scenarios, "scenario", "scenarios"));
  if (fns) parts.push_back(Plural(fns, "function", "functions"));
  if (parts.empty()) return "no declarations";
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

}  // namespace concord::driver
