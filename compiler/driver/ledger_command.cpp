// `concord ledger init|adopt|replay|export|import`: a community's program and
// recorded history in one SQLite file (docs/ledger.md). `concord record`
// and `concord status` are their own commands.
#include <fmt/format.h>

#include <cstdio>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/driver/ledger_support.h"
#include "compiler/ledger/adopt.h"
#include "compiler/ledger/ledger.h"
#include "compiler/ledger/record.h"
#include "compiler/revise/render.h"
#include "compiler/scenario/run_support.h"
#include "runtime/report/timeline.h"

namespace concord::driver {
namespace {

struct LedgerCommandOptions {
  ledger::LedgerOptions ledger;
  OutputOptions output;
  // init
  std::vector<std::string> files;
  std::string start;
  std::string seed;
  std::string by;
  // replay, adopt
  std::string on;
  std::string format = "text";
  // import
  std::string history;
};

std::string DefaultBy() {
  const char* user = std::getenv("USER");
  return user && *user ? user : "unknown";
}

int RunInit(const LedgerCommandOptions& o) {
  ledger::ReportHome home;
  ledger::InitRequest request{o.files, std::nullopt, std::nullopt,
                              o.by.empty() ? DefaultBy() : o.by};
  if (!o.start.empty()) request.start = o.start;
  if (!o.seed.empty()) request.seed = o.seed;
  std::string summary;
  bool ok = ledger::Init(o.ledger, request, home, &summary);
  int code = FinishLedgerCommand(home, o.output, Subject(o.files), "store");
  if (ok) std::printf("%s\n", summary.c_str());
  return ok ? kExitOk : (code == kExitOk ? kExitInputErrors : code);
}

int RunAdopt(const LedgerCommandOptions& o) {
  ledger::ReportHome home;
  ledger::AdoptRequest request{o.files, o.on, o.by.empty() ? DefaultBy() : o.by};
  ledger::Adoption adoption = ledger::Adopt(o.ledger, request, home);
  // Like `concord revise`: the comparison first, then what was decided.
  if (adoption.compared) {
    std::fputs(revise::RenderReportHuman(adoption.report).c_str(), stdout);
    if (adoption.stored_version) std::fputs("\n", stdout);
  }
  if (adoption.stored_version) {
    std::printf("%s\n", ledger::DescribeAdoption(adoption, o.ledger.path).c_str());
  }
  std::fflush(stdout);
  int code = FinishLedgerCommand(home, o.output, Subject(o.files), "adopt");
  if (adoption.stored_version) return kExitOk;
  std::fputs("nothing was adopted\n", stderr);
  return code == kExitOk ? kExitInputErrors : code;
}

int RunReplay(const LedgerCommandOptions& o) {
  ledger::ReportHome home;
  std::optional<std::string> on;
  if (!o.on.empty()) on = o.on;
  std::unique_ptr<ledger::Played> played = ledger::Replay(o.ledger, on, home);
  if (!played || !ledger::AdoptProblems(*played, home)) {
    int code = FinishLedgerCommand(home, o.output, fmt::format("`{}`", o.ledger.path), "replay");
    return code == kExitOk ? kExitInputErrors : code;
  }
  // Across program versions the run's ranges point into every version.
  report::Locator where = scenario::MakeLocator(played->sources());
  std::string out = o.format == "json" ? report::RenderTimelineJson(*played->run, where)
                                       : report::RenderTimelineText(*played->run, where);
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

int RunExport(const LedgerCommandOptions& o) {
  ledger::ReportHome home;
  std::optional<std::string> text = ledger::Export(o.ledger, home);
  int code = FinishLedgerCommand(home, o.output, fmt::format("`{}`", o.ledger.path), "export");
  if (!text) return code == kExitOk ? kExitInputErrors : code;
  std::fputs(text->c_str(), stdout);
  return kExitOk;
}

int RunImport(const LedgerCommandOptions& o) {
  ledger::ReportHome home;
  std::optional<std::string> text = ReadInput(o.history, home);
  size_t count = 0;
  std::optional<std::vector<int64_t>> ids;
  if (text) {
    ledger::Provenance provenance{o.by.empty() ? DefaultBy() : o.by, ledger::RecordedAtNow(),
                                  false};
    ids = ledger::Import(o.ledger, o.history, *text, provenance, home, &count);
  }
  int code = FinishLedgerCommand(home, o.output, fmt::format("`{}`", o.history), "import");
  if (!ids) return code == kExitOk ? kExitInputErrors : code;
  std::printf("imported %zu item%s into `%s` as %zu batch%s\n", count, count == 1 ? "" : "s",
              o.ledger.path.c_str(), ids->size(), ids->size() == 1 ? "" : "es");
  return kExitOk;
}

}  // namespace

CLI::App* AddLedgerCommand(CLI::App& app, std::function<int()>* run) {
  auto o = std::make_shared<LedgerCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ledger",
      "A community's program and recorded history in one file: init, adopt, replay, export, "
      "import");
  cmd->require_subcommand(1);
  auto common = [&](CLI::App* sub) {
    AddLedgerOptions(sub, o->ledger);
    AddOutputOptions(sub, o->output);
  };
  CLI::App* init = cmd->add_subcommand("init", "Create a ledger holding the program of FILES");
  init->add_option("ledger", o->ledger.path, "The ledger file to create")->required();
  init->add_option("files", o->files, "The charters, treaties and concords")->required();
  init->add_option("--start", o->start,
                   "The first day of the history (default: the earliest `adopted`)");
  init->add_option("--seed", o->seed, "The lottery seed (default: the ledger's file name)");
  init->add_option("--by", o->by, "Who creates the ledger (default: $USER)");
  common(init);
  CLI::App* adopt = cmd->add_subcommand(
      "adopt",
      "Store a new version of the program, checked by `concord revise` against the version in "
      "force, in force from --on DATE");
  adopt->add_option("ledger", o->ledger.path, "The ledger file")->required();
  adopt->add_option("files", o->files, "The new version's charters, treaties and concords")
      ->required();
  adopt->add_option("--on", o->on, "The first day the new version is in force")->required();
  adopt->add_option("--by", o->by, "Who records the adoption (default: $USER)");
  AddLedgerOptions(adopt, o->ledger);
  CLI::App* replay = cmd->add_subcommand(
      "replay", "Play the recorded history and print its timeline, as `concord run` would");
  replay->add_option("ledger", o->ledger.path, "The ledger file")->required();
  replay->add_option("--on", o->on, "Play up to this date (default: the last recorded event)");
  // Like `concord run`: `--format` is the timeline's.
  replay->add_option("--format", o->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  AddLedgerOptions(replay, o->ledger);
  CLI::App* exp = cmd->add_subcommand("export", "Print the recorded history as a scenario");
  exp->add_option("ledger", o->ledger.path, "The ledger file")->required();
  common(exp);
  CLI::App* imp = cmd->add_subcommand(
      "import", "Record an exported history (a scenario) into a ledger with the same program");
  imp->add_option("history", o->history, "The scenario file, `-` for standard input")->required();
  imp->add_option("ledger", o->ledger.path, "The ledger file")->required();
  imp->add_option("--by", o->by, "Who records batches without a provenance comment");
  common(imp);
  *run = [o, init, adopt, replay, exp, imp] {
    if (init->parsed()) return RunInit(*o);
    if (adopt->parsed()) return RunAdopt(*o);
    if (replay->parsed()) return RunReplay(*o);
    if (exp->parsed()) return RunExport(*o);
    if (imp->parsed()) return RunImport(*o);
    return kExitUsage;
  };
  return cmd;
}

}  // namespace concord::driver
