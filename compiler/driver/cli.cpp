// Subcommands and options with CLI11. Parsing failures are usage errors
// (exit 2); everything about the user's files is decided by the commands.
#include "compiler/driver/cli.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <map>

#include "compiler/diag/explain.h"
#include "compiler/driver/check_command.h"

namespace concord::driver {
namespace {

const std::map<std::string, Format> kFormats = {
    {"human", Format::kHuman}, {"json", Format::kJson}, {"sarif", Format::kSarif}};
const std::map<std::string, ColourMode> kColours = {
    {"auto", ColourMode::kAuto}, {"always", ColourMode::kAlways}, {"never", ColourMode::kNever}};

void AddOutputOptions(CLI::App* cmd, OutputOptions& out) {
  cmd->add_option("--format", out.format, "How diagnostics are printed")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("human");
  cmd->add_option("--color,--colour", out.colour, "Colour in human output")
      ->transform(CLI::CheckedTransformer(kColours, CLI::ignore_case))
      ->default_str("auto");
}

int RunExplain(const std::string& code, bool list) {
  if (list || code.empty()) {
    for (std::string_view c : diag::ExplainedCodes()) {
      std::printf("%.*s  %.*s\n", static_cast<int>(c.size()), c.data(),
                  static_cast<int>(diag::ExplanationTitle(c).size()),
                  diag::ExplanationTitle(c).data());
    }
    return kExitOk;
  }
  auto text = diag::Explain(code);
  if (!text) {
    std::fprintf(stderr,
                 "error: no diagnostic code `%s`\n  = help: `concord explain --list` lists every "
                 "code\n",
                 code.c_str());
    return kExitUsage;
  }
  std::fwrite(text->data(), 1, text->size(), stdout);
  if (!text->empty() && text->back() != '\n') std::fputc('\n', stdout);
  return kExitOk;
}

}  // namespace

int RunCli(int argc, char** argv, const std::string& version_line) {
  CLI::App app{"Concord: charters and treaties as code, checked against a minimal concord",
               "concord"};
  app.set_version_flag("--version", version_line);
  app.require_subcommand(0, 1);
  app.footer("Exit codes: 0 success, 1 the input has errors, 2 usage or I/O error.\n"
             "Run `concord help COMMAND` for the options of one command.");

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand(
      "check", "Parse, resolve names and check types of FILES and their imports");
  check_cmd->add_option("files", check.files, "Files to check (`-` reads standard input)")
      ->required();
  AddOutputOptions(check_cmd, check.output);

  std::string code;
  bool list = false;
  CLI::App* explain_cmd =
      app.add_subcommand("explain", "Explain a diagnostic code in detail, with an example");
  explain_cmd->add_option("code", code, "A code such as E0204");
  explain_cmd->add_flag("--list", list, "List every code with its title");

  std::string help_topic;
  CLI::App* help_cmd = app.add_subcommand("help", "Show help for concord or one COMMAND");
  help_cmd->add_option("command", help_topic, "The command to describe");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  } catch (const CLI::CallForVersion& e) {
    app.exit(e);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  if (check_cmd->parsed()) return RunCheck(check);
  if (explain_cmd->parsed()) return RunExplain(code, list);
  if (help_cmd->parsed()) {
    if (help_topic.empty()) {
      std::fputs(app.help().c_str(), stdout);
      return kExitOk;
    }
    for (CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == help_topic) {
        std::fputs(sub->help().c_str(), stdout);
        return kExitOk;
      }
    }
    std::fprintf(stderr, "error: no command `%s`\n", help_topic.c_str());
    std::fputs(app.help().c_str(), stderr);
    return kExitUsage;
  }
  std::fputs(app.help().c_str(), stderr);
  return kExitUsage;
}

}  // namespace concord::driver
