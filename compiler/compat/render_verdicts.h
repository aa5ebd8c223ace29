// The verdicts of `concord compat` as a user reads them: per treaty and
// party in text, the matrix of treaties by charters, and the JSON document.
// compiler/driver/compat_command.cpp decides where each goes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/compat/compat.h"
#include "compiler/diag/source_manager.h"
#include "compiler/model/model.h"

namespace concord::compat {

// Times: the front end (load, parse, sema, model) and the compatibility
// checks, wall clock, in milliseconds.
struct Timing {
  double compile_ms = 0;
  double check_ms = 0;
};

// Every conflict of every party, in verdict order.
std::vector<diag::Diagnostic> AllConflicts(const std::vector<TreatyVerdict>& verdicts);

// "treaty `t`:" then a line per party: can sign, or its conflicts' codes.
std::string RenderVerdictsText(const std::vector<TreatyVerdict>& verdicts);

// A row per treaty, a column per charter (`ok`, the conflict codes, or `-`
// where the charter is not a party), a summary line and every conflict.
std::string RenderMatrix(const std::vector<TreatyVerdict>& verdicts, const model::Model& model);

// `--format json`: the verdicts with their conflicts as diagnostics, the
// solver's counts, and the times when `timing` is given (`--stats`).
std::string RenderVerdictsJson(const std::vector<TreatyVerdict>& verdicts,
                               const diag::SourceManager& sources, const Stats& stats,
                               const std::optional<Timing>& timing);

}  // namespace concord::compat
