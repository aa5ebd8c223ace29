// One place where every diagnostic of a ledger command is rendered from:
// the ledger file, the input being recorded and the files of the compiled
// program each live in a different SourceManager while the command works;
// copying the ones a diagnostic points at into this manager lets one
// renderer show them all.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <utility>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"

namespace concord::ledger {

class ReportHome {
 public:
  diag::SourceManager sources;
  diag::DiagnosticEngine diags;

  // A range of `from` that is shown elsewhere, already in `sources` (text a
  // user typed, copied into a synthetic file), or nothing to copy it as is.
  using Redirect = std::function<std::optional<diag::SourceRange>(diag::SourceRange)>;

  // Adds `d`, whose ranges point into `from`, rewriting them to files here.
  void Adopt(diag::Diagnostic d, const diag::SourceManager& from, const Redirect& redirect = {});

 private:
  diag::SourceRange Move(diag::SourceRange r, const diag::SourceManager& from,
                         const Redirect& redirect);
  std::map<std::pair<const diag::SourceManager*, diag::FileId>, diag::FileId> copied_;
};

}  // namespace concord::ledger
