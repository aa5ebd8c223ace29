// How loud each lint is: `allow` (dropped), `warn` (the default) or `deny`
// (an error, exit 1). A project sets levels in a `concord.toml` found by
// walking up from its files, and a person overrides them on the command line
// (`--deny L101`, `--allow warnings`). Only lints can be configured: an error
// such as a broken concord stays an error whatever the project says.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/diag/source_manager.h"

namespace concord::lint {

enum class Level : uint8_t { kAllow, kWarn, kDeny };

// "allow", "warn", "deny" (exactly; these are the words of the file format).
std::optional<Level> LevelFromName(std::string_view name);
std::string_view LevelName(Level level);

// Whether a project may change the level of `code`: the codes whose default
// severity is warning, that is the lints.
bool IsConfigurable(diag::Code code);

// `L101 = "deny"` or `--deny L101`. Without a code it is `warnings`: every
// configurable code.
struct LevelSetting {
  std::optional<diag::Code> code;
  Level level = Level::kWarn;
};

// Reads what a setting names: a lint code in any case (`L101`, `l101`) or
// `warnings`. On failure returns nullopt and says why in `why`.
std::optional<LevelSetting> ParseSetting(std::string_view target, Level level, std::string* why);

// The levels a run uses. The most specific setting of the highest-priority
// source wins: the command line before concord.toml, and within one source a
// setting for the code itself before `warnings`; within the command line the
// last one given wins. Codes nothing mentions stay warnings.
struct LintConfig {
  std::vector<LevelSetting> command_line;  // in the order given
  std::vector<LevelSetting> project;       // from concord.toml
  std::string project_path;                // as shown to the user; empty without a file

  // The level of `code` and, for notes, the setting that decided it (null
  // for the default).
  struct Resolution {
    Level level = Level::kWarn;
    const LevelSetting* setting = nullptr;
    bool from_command_line = false;
  };
  Resolution Resolve(diag::Code code) const;
};

// Drops the diagnostics of allowed codes and turns those of denied codes into
// errors, with a note saying which setting did it; other diagnostics are kept
// as they are.
void ApplyLevels(const LintConfig& config, diag::DiagnosticEngine& diags);

}  // namespace concord::lint
