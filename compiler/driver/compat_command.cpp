// `concord compat TREATY_FILE CHARTER_FILES... [--treaty NAME] [--as PARTY]`
// and `concord compat --matrix DIR`: who can sign what (compiler/compat).
// Conflicts are diagnostics (stderr in human form, or inside the JSON/SARIF
// document on stdout); the verdicts go to stdout. Exit 0 when every party
// can sign, 1 when one cannot (or the input has errors), 2 on usage and I/O.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "compiler/compat/compat.h"
#include "compiler/compat/render_verdicts.h"
#include "compiler/diag/render.h"
#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/pipeline/pipeline.h"

namespace concord::driver {
namespace {

struct CompatCommandOptions {
  std::vector<std::string> files;
  std::string treaty;
  std::string party;
  std::string matrix;
  unsigned timeout_ms = 2000;
  unsigned solver_steps = 0;
  bool stats = false;
  OutputOptions output;
};

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

std::string StatsLine(const compat::Stats& s, const compat::Timing& t) {
  return fmt::format(
      "stats: {} contribution checks, {} solver calls; compile {:.1f} ms, compat {:.1f} ms\n",
      s.checks, s.solver_calls, t.compile_ms, t.check_ms);
}

// Compiles; prints what went wrong when the program cannot be checked.
// Returns the exit code to stop with, or nothing to go on.
std::optional<int> CompileFor(const std::vector<std::string>& files,
                              const CompatCommandOptions& options,
                              std::unique_ptr<pipeline::Compilation>& c) {
  pipeline::CompileOptions compile;
  // A folder holds whatever people filed there; compat reads only charters
  // and treaties.
  compile.scenarios = options.matrix.empty();
  // Concord violations of the treaty under check are K006 conflicts, per
  // party; `concord check` reports the rest.
  compile.concords = false;
  c = pipeline::Compile(files, compile);
  if (c->io_error || c->diags.has_errors() || !c->model) {
    EmitDiagnostics(c->diags, c->program->sources, options.output, Subject(files), "check");
    return c->io_error ? kExitUsage : kExitInputErrors;
  }
  return std::nullopt;
}

int Emit(const std::vector<compat::TreatyVerdict>& verdicts, const pipeline::Compilation& c,
         const CompatCommandOptions& options, const compat::Stats& stats,
         const compat::Timing& timing, const std::string& human_text) {
  const diag::SourceManager& sources = c.program->sources;
  std::vector<diag::Diagnostic> conflicts = compat::AllConflicts(verdicts);
  switch (options.output.format) {
    case Format::kHuman: {
      std::string text = diag::RenderHuman(conflicts, sources, UseColour(options.output.colour));
      std::fputs(text.c_str(), stderr);
      std::fputs(human_text.c_str(), stdout);
      if (options.stats) std::fputs(StatsLine(stats, timing).c_str(), stdout);
      break;
    }
    case Format::kJson: {
      std::optional<compat::Timing> times;
      if (options.stats) times = timing;
      std::fputs(compat::RenderVerdictsJson(verdicts, sources, stats, times).c_str(), stdout);
      break;
    }
    case Format::kSarif:
      std::fputs(diag::RenderSarif(conflicts, sources, CONCORD_VERSION).c_str(), stdout);
      if (options.stats) std::fputs(StatsLine(stats, timing).c_str(), stderr);
      break;
  }
  return conflicts.empty() ? kExitOk : kExitInputErrors;
}

int RunSingle(const CompatCommandOptions& options) {
  auto start = std::chrono::steady_clock::now();
  std::unique_ptr<pipeline::Compilation> c;
  if (std::optional<int> stop = CompileFor(options.files, options, c)) return *stop;
  compat::Timing timing;
  timing.compile_ms = MillisecondsSince(start);
  auto checks_start = std::chrono::steady_clock::now();
  const diag::SourceManager& sources = c->program->sources;

  std::vector<const model::Treaty*> candidates;
  if (!options.treaty.empty()) {
    const model::Treaty* t = c->model->FindTreaty(options.treaty);
    if (!t) {
      std::vector<std::string> names;
      for (const model::Treaty& x : c->model->treaties) names.push_back("`" + x.name + "`");
      std::fprintf(
          stderr, "error: no treaty named `%s` in %s%s\n", options.treaty.c_str(),
          Subject(options.files).c_str(),
          names.empty() ? "" : fmt::format(" (treaties: {})", fmt::join(names, ", ")).c_str());
      return kExitUsage;
    }
    candidates.push_back(t);
  } else {
    for (const model::Treaty& t : c->model->treaties) {
      if (t.range.valid() && sources.Path(t.range.file) == options.files.front()) {
        candidates.push_back(&t);
      }
    }
    if (candidates.empty()) {
      std::fprintf(stderr,
                   "error: `%s` declares no treaty; give the treaty file first, or name the "
                   "treaty with --treaty\n",
                   options.files.front().c_str());
      return kExitUsage;
    }
  }
  if (!options.party.empty() && !c->model->FindCharter(options.party)) {
    std::fprintf(stderr, "error: no charter named `%s` in %s\n", options.party.c_str(),
                 Subject(options.files).c_str());
    return kExitUsage;
  }

  compat::CompatOptions compat_options;
  compat_options.solver.timeout_ms = options.timeout_ms;
  compat_options.solver.steps = options.solver_steps;
  compat::Checker checker(*c->checked, *c->model, sources, compat_options);
  std::optional<std::string> only;
  if (!options.party.empty()) only = options.party;
  std::vector<compat::TreatyVerdict> verdicts;
  verdicts.reserve(candidates.size());
  for (const model::Treaty* t : candidates) verdicts.push_back(checker.Check(*t, only));
  timing.check_ms = MillisecondsSince(checks_start);
  return Emit(verdicts, *c, options, checker.stats(), timing, compat::RenderVerdictsText(verdicts));
}

int RunMatrix(const CompatCommandOptions& options) {
  auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  if (!std::filesystem::is_directory(options.matrix, ec)) {
    std::fprintf(stderr, "error: `%s` is not a directory\n", options.matrix.c_str());
    return kExitUsage;
  }
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(options.matrix, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".concord") {
      files.push_back(entry.path().string());
    }
  }
  if (ec) {
    std::fprintf(stderr, "error: cannot read `%s`: %s\n", options.matrix.c_str(),
                 ec.message().c_str());
    return kExitUsage;
  }
  std::sort(files.begin(), files.end());
  // Files given besides the folder join it: a proposal not filed there yet.
  for (const std::string& f : options.files) {
    if (std::find(files.begin(), files.end(), f) == files.end()) files.push_back(f);
  }
  if (files.empty()) {
    std::fprintf(stderr, "error: `%s` has no .concord files\n", options.matrix.c_str());
    return kExitUsage;
  }
  std::unique_ptr<pipeline::Compilation> c;
  if (std::optional<int> stop = CompileFor(files, options, c)) return *stop;
  compat::Timing timing;
  timing.compile_ms = MillisecondsSince(start);
  auto checks_start = std::chrono::steady_clock::now();

  compat::CompatOptions compat_options;
  compat_options.solver.timeout_ms = options.timeout_ms;
  compat_options.solver.steps = options.solver_steps;
  compat::Checker checker(*c->checked, *c->model, c->program->sources, compat_options);
  std::vector<compat::TreatyVerdict> verdicts;
  verdicts.reserve(c->model->treaties.size());
  for (const model::Treaty& t : c->model->treaties) verdicts.push_back(checker.Check(t, {}));
  timing.check_ms = MillisecondsSince(checks_start);
  if (options.output.format == Format::kHuman) {
    std::fputs(compat::RenderMatrix(verdicts, *c->model).c_str(), stdout);
    if (options.stats) std::fputs(StatsLine(checker.stats(), timing).c_str(), stdout);
    return compat::AllConflicts(verdicts).empty() ? kExitOk : kExitInputErrors;
  }
  return Emit(verdicts, *c, options, checker.stats(), timing, "");
}

}  // namespace

CLI::App* AddCompatCommand(CLI::App& app, std::function<int()>* run) {
  auto options = std::make_shared<CompatCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compat",
      "Check whether each party can sign a treaty, given its charter, its concord and its "
      "active treaties");
  cmd->add_option("files", options->files,
                  "The treaty file, then the charter files (and the party's other treaties); "
                  "with --matrix, files checked together with the folder");
  cmd->add_option("--treaty", options->treaty,
                  "Check this treaty (default: every treaty of the first file)");
  cmd->add_option("--as", options->party, "Check only this party");
  cmd->add_option("--matrix", options->matrix,
                  "Check every treaty of a folder against every party and print a table");
  cmd->add_option("--timeout", options->timeout_ms,
                  "Milliseconds the solver may spend on one check (default 2000)")
      ->check(CLI::Range(1u, 3'600'000u));
  cmd->add_option("--solver-steps", options->solver_steps,
                  "A deterministic bound on the solver's work per query (Z3 rlimit); 0, the "
                  "default, sets none");
  cmd->add_flag("--stats", options->stats,
                "Print the number of contribution checks, solver calls and the time taken");
  AddOutputOptions(cmd, options->output);
  *run = [options, cmd] {
    if (options->matrix.empty() && options->files.empty()) {
      std::fprintf(stderr, "error: give a treaty file and charter files, or --matrix DIR\n%s",
                   cmd->help().c_str());
      return kExitUsage;
    }
    return options->matrix.empty() ? RunSingle(*options) : RunMatrix(*options);
  };
  return cmd;
}

}  // namespace concord::driver
