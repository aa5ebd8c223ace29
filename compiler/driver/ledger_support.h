// What the ledger commands (`ledger`, `record`, `status`) share in the
// driver: the common options and how their diagnostics become an exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "compiler/driver/output.h"
#include "compiler/ledger/ledger.h"
#include "compiler/ledger/report_home.h"

namespace concord::driver {

// `--busy-timeout MS`.
void AddLedgerOptions(CLI::App* cmd, ledger::LedgerOptions& options);

// Prints the diagnostics of `home` and returns the exit code: 2 when the
// ledger file itself could not be used (E0270-E0275, E0278, E0284, like an
// unreadable input file), 1 for anything else, 0 when there is nothing.
int FinishLedgerCommand(const ledger::ReportHome& home, const OutputOptions& output,
                        const std::string& subject, const std::string& verb);

// The text of `path`, `-` for standard input; nullopt after reporting into
// `home` when it cannot be read or is not UTF-8 text (E0001, E0003, E0004).
std::optional<std::string> ReadInput(const std::string& path, ledger::ReportHome& home);

}  // namespace concord::driver
