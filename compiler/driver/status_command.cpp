// `concord status LEDGER [--on DATE] [--format text|json]`: what is due,
// overdue, who holds which role, what ends soon, the metrics and the exit
// options (docs/ledger.md). Exit 0 when nothing is overdue, 1 otherwise, so
// it can run from cron or CI.
#include <fmt/format.h>

#include <cstdio>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/driver/ledger_support.h"
#include "compiler/ledger/status.h"

namespace concord::driver {
namespace {

struct StatusOptions {
  ledger::LedgerOptions ledger;
  std::string on;
  std::string format = "text";
};

int RunStatus(const StatusOptions& o) {
  ledger::ReportHome home;
  std::optional<std::string> on;
  if (!o.on.empty()) on = o.on;
  std::optional<ledger::Status> status = ledger::ComputeStatus(o.ledger, on, home);
  OutputOptions output;
  int code = FinishLedgerCommand(home, output, fmt::format("`{}`", o.ledger.path), "read");
  if (!status) return code == kExitOk ? kExitInputErrors : code;
  std::string out =
      o.format == "json" ? ledger::RenderStatusJson(*status) : ledger::RenderStatusText(*status);
  std::fputs(out.c_str(), stdout);
  return status->AnythingOverdue() ? kExitInputErrors : kExitOk;
}

}  // namespace

CLI::App* AddStatusCommand(CLI::App& app, std::function<int()>* run) {
  auto o = std::make_shared<StatusOptions>();
  CLI::App* cmd = app.add_subcommand(
      "status",
      "What is due and overdue, who holds which role, what ends soon (exit 1 if overdue)");
  cmd->add_option("ledger", o->ledger.path, "The ledger file")->required();
  cmd->add_option("--on", o->on, "The day to describe (default: today, UTC)");
  cmd->add_option("--format", o->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  AddLedgerOptions(cmd, o->ledger);
  *run = [o] { return RunStatus(*o); };
  return cmd;
}

}  // namespace concord::driver
