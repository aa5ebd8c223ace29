// `concord lint FILES...`: everything `check` reports, then the lints, with
// levels from concord.toml and from `--warn/--deny/--allow CODE`. This file
// decides what is printed and the exit code; the work is in compiler/lint.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/lint/config.h"
#include "compiler/lint/project_file.h"
#include "compiler/pipeline/pipeline.h"

namespace concord::driver {
namespace {

struct LintOptions {
  std::vector<std::string> files;
  OutputOptions output;
  // --warn/--deny/--allow in the order given, so the last one for a code wins.
  std::vector<lint::LevelSetting> levels;
};

// concord.toml is looked for from the first file's directory; standard input
// has none, so from the working directory.
std::filesystem::path ProjectSearchStart(const std::vector<std::string>& files) {
  if (files.empty() || files[0] == "-") return std::filesystem::current_path();
  std::filesystem::path dir = std::filesystem::path(files[0]).parent_path();
  return dir.empty() ? std::filesystem::path(".") : dir;
}

int RunLint(const LintOptions& options) {
  std::string subject = Subject(options.files);
  lint::LintConfig config;
  config.command_line = options.levels;

  // A broken concord.toml stops the run before any file is read: linting
  // with levels the project did not mean would pass or fail for the wrong
  // reason. It is a configuration error, like a bad option: exit 2.
  diag::SourceManager config_sources;
  diag::DiagnosticEngine config_diags;
  lint::ProjectLoad project = lint::LoadProjectFile(ProjectSearchStart(options.files), config,
                                                    config_sources, config_diags);
  if (!project.ok) {
    EmitDiagnostics(config_diags, config_sources, options.output, subject, "lint");
    return kExitUsage;
  }

  pipeline::CompileOptions compile;
  compile.lint = config;
  std::unique_ptr<pipeline::Compilation> c = pipeline::Compile(options.files, compile);
  EmitDiagnostics(c->diags, c->program->sources, options.output, subject, "lint");
  if (c->io_error) return kExitUsage;
  if (c->diags.has_errors()) return kExitInputErrors;
  if (options.output.format == Format::kHuman && c->diags.warning_count() == 0) {
    std::printf("ok: linted %s (%s)\n", subject.c_str(), DescribeContents(*c->program).c_str());
  }
  return kExitOk;
}

// Rejects what cannot be configured while parsing, so `--deny E0201` is a
// usage error (exit 2) with CLI11's message rather than a silent no-op.
CLI::Validator LintCodeValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::string why;
        if (lint::ParseSetting(value, lint::Level::kWarn, &why)) return "";
        return why;
      },
      "");
}

}  // namespace

CLI::App* AddLintCommand(CLI::App& app, std::function<int()>* run) {
  auto options = std::make_shared<LintOptions>();
  CLI::App* cmd = app.add_subcommand(
      "lint",
      "Check, then warn where charters and treaties depart from the practices of the "
      "seed (L101-L108)");
  cmd->add_option("files", options->files, "Files to lint (`-` reads standard input)")->required();
  AddOutputOptions(cmd, options->output);

  // Each flag may repeat, and the last setting for a code wins. CLI11 keeps
  // each option's values apart, so the order across flags is rebuilt from
  // parse_order() once parsing is done; the options hold no variable.
  struct Flag {
    const char* name;
    lint::Level level;
    const char* effect;
  };
  static constexpr Flag kFlags[] = {{"--warn", lint::Level::kWarn, "a warning"},
                                    {"--deny", lint::Level::kDeny, "an error"},
                                    {"--allow", lint::Level::kAllow, "silent"}};
  std::map<const CLI::Option*, lint::Level> flag_level;
  for (const Flag& flag : kFlags) {
    std::string help =
        fmt::format("Make lint CODE {} (repeatable; `warnings` means every lint)", flag.effect);
    CLI::Option* option = cmd->add_option(flag.name, CLI::callback_t{}, help, false)
                              ->type_name("CODE")
                              ->expected(1)
                              ->take_all()
                              ->check(LintCodeValidator());
    flag_level[option] = flag.level;
  }

  *run = [options, cmd, flag_level] {
    options->levels.clear();
    std::map<const CLI::Option*, size_t> next;
    for (const CLI::Option* option : cmd->parse_order()) {
      auto level = flag_level.find(option);
      if (level == flag_level.end()) continue;
      size_t index = next[option]++;
      const std::vector<std::string>& given = option->results();
      if (index >= given.size()) continue;
      if (auto setting = lint::ParseSetting(given[index], level->second, nullptr)) {
        options->levels.push_back(*setting);
      }
    }
    return RunLint(*options);
  };
  return cmd;
}

}  // namespace concord::driver
