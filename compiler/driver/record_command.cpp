// `concord record LEDGER 'on 2027-01-20 contribute ivo 60 EUR to kitchen_fund'`
// (or `--file events.concord`, `-` for standard input): validates the events
// against the program and the state on their dates and appends them to the
// ledger as one batch, or stores nothing (docs/ledger.md).
#include <fmt/format.h>

#include <cstdio>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/driver/ledger_support.h"
#include "compiler/ledger/record.h"

namespace concord::driver {
namespace {

struct RecordOptions {
  ledger::LedgerOptions ledger;
  OutputOptions output;
  std::string events;  // the events as an argument, or `-`
  std::string file;
  std::string by;
  bool correction = false;
};

int RunRecord(const RecordOptions& o) {
  ledger::ReportHome home;
  if (o.events.empty() == o.file.empty()) {
    std::fprintf(stderr,
                 "error: give the events either as an argument (`-` for standard "
                 "input) or with `--file`, not both\n");
    return kExitUsage;
  }
  std::string display = !o.file.empty() ? o.file : o.events == "-" ? "-" : "<command line>";
  std::optional<std::string> text = !o.file.empty()   ? ReadInput(o.file, home)
                                    : o.events == "-" ? ReadInput("-", home)
                                                      : std::optional(o.events);
  const char* user = std::getenv("USER");
  ledger::Provenance provenance{!o.by.empty()   ? o.by
                                : user && *user ? user
                                                : "unknown",
                                ledger::RecordedAtNow(), o.correction};
  size_t count = 0;
  std::optional<int64_t> batch;
  if (text) batch = ledger::RecordText(o.ledger, display, *text, provenance, home, &count);
  int code = FinishLedgerCommand(home, o.output, fmt::format("`{}`", display), "record");
  if (!batch) {
    std::fprintf(stderr, "nothing was recorded\n");
    return code == kExitOk ? kExitInputErrors : code;
  }
  std::printf("recorded %zu event%s in `%s` as batch %lld by %s%s\n", count, count == 1 ? "" : "s",
              o.ledger.path.c_str(), static_cast<long long>(*batch), provenance.by.c_str(),
              o.correction ? " (correction)" : "");
  return kExitOk;
}

}  // namespace

CLI::App* AddRecordCommand(CLI::App& app, std::function<int()>* run) {
  auto o = std::make_shared<RecordOptions>();
  CLI::App* cmd =
      app.add_subcommand("record", "Validate events and append them to a ledger as one batch");
  cmd->add_option("ledger", o->ledger.path, "The ledger file")->required();
  cmd->add_option("events", o->events,
                  "Events in scenario syntax (`on DATE EVENT`, one per line); `-` reads stdin");
  cmd->add_option("--file", o->file, "Read the events from this file");
  cmd->add_option("--by", o->by, "Who records them (default: $USER)");
  cmd->add_flag("--correction", o->correction,
                "Allow events dated before the last recorded one (kept marked as a correction)");
  AddLedgerOptions(cmd, o->ledger);
  AddOutputOptions(cmd, o->output);
  *run = [o] { return RunRecord(*o); };
  return cmd;
}

}  // namespace concord::driver
