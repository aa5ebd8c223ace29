// Options and exit codes of the ledger commands; see ledger_support.h.
#include "compiler/driver/ledger_support.h"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include "compiler/driver/cli.h"
#include "compiler/pipeline/loader.h"

namespace concord::driver {

void AddLedgerOptions(CLI::App* cmd, ledger::LedgerOptions& options) {
  cmd->add_option("--busy-timeout", options.busy_timeout_ms,
                  "Milliseconds to wait for another writer of the ledger (default 10000)")
      ->check(CLI::Range(0, 3'600'000));
}

int FinishLedgerCommand(const ledger::ReportHome& home, const OutputOptions& output,
                        const std::string& subject, const std::string& verb) {
  if (home.diags.diagnostics().empty()) return kExitOk;
  EmitDiagnostics(home.diags, home.sources, output, subject, verb);
  if (!home.diags.has_errors()) return kExitOk;
  for (const diag::Diagnostic& d : home.diags.diagnostics()) {
    switch (d.code) {
      case diag::Code::E0270:
      case diag::Code::E0271:
      case diag::Code::E0272:
      case diag::Code::E0273:
      case diag::Code::E0274:
      case diag::Code::E0275:
      case diag::Code::E0278:
      case diag::Code::E0284:
      case diag::Code::E0001:
      case diag::Code::E0002:
        return kExitUsage;
      default:
        break;
    }
  }
  return kExitInputErrors;
}

std::optional<std::string> ReadInput(const std::string& path, ledger::ReportHome& home) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      home.diags.Report(diag::Code::E0001, {home.sources.AddFile(path, ""), 0, 0}, path,
                        "no such file, or not readable");
      return std::nullopt;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (size_t nul = text.find('\0'); nul != std::string::npos) {
    home.diags.Report(diag::Code::E0004, {home.sources.AddFile(path, ""), 0, 0})
        .WithNote(fmt::format("the first NUL byte is at offset {}", nul));
    return std::nullopt;
  }
  std::string why;
  if (auto bad = pipeline::FindInvalidUtf8(text, &why)) {
    auto at = static_cast<uint32_t>(*bad);
    home.diags.Report(diag::Code::E0003, {home.sources.AddFile(path, ""), 0, 0}, why)
        .WithNote(fmt::format("at byte offset {}", at));
    return std::nullopt;
  }
  return text;
}

}  // namespace concord::driver
