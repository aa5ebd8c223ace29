// concord.toml: where a project writes the levels of its lints. Found by
// walking up from the first input file's directory, like .clang-format, so a
// federation can keep one file at the root of all its communities' charters.
//
//   [lints]
//   L101 = "deny"        # allow | warn | deny
//   warnings = "deny"    # every lint not named here
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"
#include "compiler/lint/config.h"

namespace concord::lint {

inline constexpr std::string_view kProjectFileName = "concord.toml";

// The concord.toml for files in `dir`: the first regular file of that name in
// `dir` or one of its parents, up to the filesystem root.
std::optional<std::filesystem::path> FindProjectFile(const std::filesystem::path& dir);

// Parses a concord.toml already in `sources`. Reports E0006 for TOML syntax
// errors, unknown keys, codes that are not lints and levels that are not
// allow/warn/deny, at their place in the file. Returns false after any error;
// `out` then holds the settings that were valid.
bool ParseProjectFile(const diag::SourceManager& sources, diag::FileId file,
                      std::vector<LevelSetting>& out, diag::DiagnosticEngine& diags);

struct ProjectLoad {
  bool ok = true;  // false after an error was reported (unreadable or invalid)
  std::optional<diag::FileId> file;
};

// Finds the concord.toml for `dir`, adds it to `sources` (its path shown
// relative to the working directory) and parses it into `config`. No file is
// fine: `config` keeps only its command-line settings.
ProjectLoad LoadProjectFile(const std::filesystem::path& dir, LintConfig& config,
                            diag::SourceManager& sources, diag::DiagnosticEngine& diags);

}  // namespace concord::lint
