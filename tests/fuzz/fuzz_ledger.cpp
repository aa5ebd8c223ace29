// A ledger file made of arbitrary bytes (a damaged, truncated, foreign or
// hand-edited SQLite database), opened the way `concord status`, `export`
// and `replay` open it: Store::Open for reading, then the program's sources
// (hashes checked), the events and the last date. Oracles: the sanitizers,
// and an abort when a file is refused without a ledger diagnostic
// (E0270-E0274, docs/ledger.md "Foreign or damaged files") or a read fails
// without reporting why.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "compiler/diag/engine.h"
#include "compiler/diag/render.h"
#include "compiler/diag/source_manager.h"
#include "compiler/ledger/store.h"

namespace {

// One file per process, rewritten for every input: libFuzzer runs inputs one
// after another, and parallel jobs are separate processes.
const std::string& LedgerPath() {
  static const std::string path = [] {
    char name[] = "/tmp/concord-fuzz-ledger-XXXXXX";
    int fd = mkstemp(name);
    if (fd < 0) {
      std::perror("fuzz_ledger: mkstemp");
      std::abort();
    }
    close(fd);
    return std::string(name);
  }();
  return path;
}

void WriteInput(const uint8_t* data, size_t size) {
  // A file left by the previous input's journal would change what is read.
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    std::remove((LedgerPath() + suffix).c_str());
  }
  std::FILE* f = std::fopen(LedgerPath().c_str(), "wb");
  if (!f || (size > 0 && std::fwrite(data, 1, size, f) != size) || std::fclose(f) != 0) {
    std::perror("fuzz_ledger: writing the input");
    std::abort();
  }
}

bool ReportedLedgerProblem(const concord::diag::DiagnosticEngine& diags) {
  for (const concord::diag::Diagnostic& d : diags.diagnostics()) {
    int code = static_cast<int>(d.code);
    if (code >= static_cast<int>(concord::diag::Code::E0270) &&
        code <= static_cast<int>(concord::diag::Code::E0274)) {
      return true;
    }
  }
  return false;
}

void Fail(const char* what, const concord::diag::DiagnosticEngine& diags,
          const concord::diag::SourceManager& sources) {
  std::fprintf(stderr, "fuzz_ledger: %s\n%s", what,
               concord::diag::RenderHuman(diags.Sorted(), sources, false).c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  WriteInput(data, size);
  concord::diag::SourceManager sources;
  concord::diag::DiagnosticEngine diags;
  std::unique_ptr<concord::ledger::Store> store = concord::ledger::Store::Open(
      LedgerPath(), concord::ledger::Access::kRead, /*busy_timeout_ms=*/100, sources, diags);
  if (!store) {
    if (!ReportedLedgerProblem(diags))
      Fail("a ledger was refused without E0270-E0274", diags, sources);
    return 0;
  }
  bool program = store->Program().has_value();
  bool events = store->Events().has_value();
  (void)store->LastDate();
  (void)store->ProgramVersion();
  if ((!program || !events) && !ReportedLedgerProblem(diags)) {
    Fail("a ledger could not be read and nothing said why", diags, sources);
  }
  return 0;
}
