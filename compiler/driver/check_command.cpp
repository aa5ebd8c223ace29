// `concord check`. The same library calls serve the language server; this
// file only decides what is printed and the exit code.
#include "compiler/driver/check_command.h"

#include <fmt/format.h>

#include <cstdio>

#include "compiler/driver/cli.h"
#include "compiler/driver/loader.h"
#include "compiler/sema/check.h"

namespace concord::driver {
namespace {

std::string Plural(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "3 charters, 2 treaties and 1 scenario" for the success line.
std::string Contents(const sema::Program& program) {
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

}  // namespace

int RunCheck(const CheckOptions& options) {
  diag::DiagnosticEngine diags;
  LoadResult loaded = LoadProgram(options.files, LoadOptions{}, diags);
  sema::Program& program = *loaded.program;
  // Names and types are only checked in a program that parsed: on a tree
  // rebuilt by error recovery they would mostly report echoes of the syntax
  // errors already shown.
  if (!loaded.io_error && !diags.has_errors()) sema::Check(program, diags);

  std::string subject = options.files.size() == 1
                            ? fmt::format("`{}`", options.files[0])
                            : Plural(options.files.size(), "file", "files");
  EmitDiagnostics(diags, program.sources, options.output, subject, "check");
  if (loaded.io_error) return kExitUsage;
  if (diags.has_errors()) return kExitInputErrors;
  if (options.output.format == Format::kHuman) {
    std::printf("ok: checked %s (%s)\n", subject.c_str(), Contents(program).c_str());
  }
  return kExitOk;
}

}  // namespace concord::driver
