// What the ledger commands do, one function each, for compiler/driver to
// call: it parses options and prints, these do the work. Every problem is a
// diagnostic in `home`, rendered by the caller.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ledger/history.h"
#include "compiler/ledger/report_home.h"
#include "compiler/ledger/store.h"

namespace concord::ledger {

struct LedgerOptions {
  std::string path;
  // How long a writer waits for another to finish before E0274.
  int busy_timeout_ms = 10'000;
};

struct InitRequest {
  std::vector<std::string> files;    // the program: charters, treaties, concords
  std::optional<std::string> start;  // default: the earliest charter's `adopted`
  std::optional<std::string> seed;   // default: the ledger's file name without extension
  std::string by;
};
// Checks the program like `concord check` and creates the ledger holding it.
// `summary` says what was stored.
bool Init(const LedgerOptions& ledger, const InitRequest& request, ReportHome& home,
          std::string* summary);

// Every file of a compiled program to store (imports included, the standard
// library excluded); nothing after reporting E0279 for each scenario in them.
std::optional<std::vector<StoredSource>> ProgramSources(const pipeline::Compilation& c,
                                                        ReportHome& home);

// Records the events in `text` (shown as `display`), validated as one batch.
std::optional<int64_t> RecordText(const LedgerOptions& ledger, const std::string& display,
                                  const std::string& text, const Provenance& provenance,
                                  ReportHome& home, size_t* count);

// Reads an exported history back, batch by batch as its provenance comments
// say (otherwise as one batch by `provenance.by`), into a ledger holding the
// same program, seed and start.
std::optional<std::vector<int64_t>> Import(const LedgerOptions& ledger, const std::string& display,
                                           const std::string& text, const Provenance& provenance,
                                           ReportHome& home, size_t* count);

// The history as one scenario, with provenance comments.
std::optional<std::string> Export(const LedgerOptions& ledger, ReportHome& home);

// Plays the stored history up to its last event, or `on` when later, each
// event under the program version in force on its date. `one_program`: what
// needs the history over one program says why, and a ledger holding several
// versions is refused (E0284).
std::unique_ptr<Played> Replay(const LedgerOptions& ledger, const std::optional<std::string>& on,
                               ReportHome& home,
                               const std::optional<std::string>& one_program = std::nullopt);

// Compilation problems of a replay as diagnostics in `home`; false if any.
bool AdoptProblems(Played& played, ReportHome& home);

}  // namespace concord::ledger
