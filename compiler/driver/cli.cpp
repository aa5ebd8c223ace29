// Subcommands and options with CLI11. Parsing failures are usage errors
// (exit 2); everything about the user's files is decided by the commands,
// each registered from its own file (commands.def).
#include "compiler/driver/cli.h"

#include <cstdio>
#include <map>
#include <vector>

#include "compiler/driver/commands.h"

namespace concord::driver {

void AddOutputOptions(CLI::App* cmd, OutputOptions& out) {
  static const std::map<std::string, Format> kFormats = {
      {"human", Format::kHuman}, {"json", Format::kJson}, {"sarif", Format::kSarif}};
  static const std::map<std::string, ColourMode> kColours = {
      {"auto", ColourMode::kAuto}, {"always", ColourMode::kAlways}, {"never", ColourMode::kNever}};
  cmd->add_option("--format", out.format, "How diagnostics are printed: human, json or sarif")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("human");
  cmd->add_option("--color,--colour", out.colour, "Colour in human output: auto, always, never")
      ->transform(CLI::CheckedTransformer(kColours, CLI::ignore_case))
      ->default_str("auto");
}

int RunCli(int argc, char** argv, const std::string& version_line) {
  CLI::App app{"Concord: charters and treaties as code, checked against a minimal concord",
               "concord"};
  app.set_version_flag("--version", version_line);
  app.require_subcommand(0, 1);
  app.footer(
      "Exit codes: 0 success, 1 the input has errors, 2 usage or I/O error.\n"
      "Run `concord help COMMAND` for the options of one command.");

  struct Registered {
    CLI::App* cmd;
    std::function<int()> run;
  };
  std::vector<Registered> commands;
#define CONCORD_COMMAND(name)                \
  {                                          \
    Registered r;                            \
    r.cmd = Add##name##Command(app, &r.run); \
    commands.push_back(std::move(r));        \
  }
#include "compiler/driver/commands.def"
#undef CONCORD_COMMAND

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

  // App::help() describes the subcommand that was parsed; this is the
  // top-level page whatever was parsed.
  auto top_help = [&app] {
    return app.get_formatter()->make_help(&app, "concord", CLI::AppFormatMode::Normal);
  };
  for (Registered& r : commands) {
    if (r.cmd->parsed()) return r.run();
  }
  if (help_cmd->parsed()) {
    if (help_topic.empty()) {
      std::fputs(top_help().c_str(), stdout);
      return kExitOk;
    }
    for (CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == help_topic) {
        std::fputs(sub->help().c_str(), stdout);
        return kExitOk;
      }
    }
    std::fprintf(stderr, "error: no command `%s`\n", help_topic.c_str());
    std::fputs(top_help().c_str(), stderr);
    return kExitUsage;
  }
  std::fputs(app.help().c_str(), stderr);
  return kExitUsage;
}

}  // namespace concord::driver
