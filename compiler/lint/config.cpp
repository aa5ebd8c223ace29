// Lint levels: naming them, deciding which setting wins, and applying the
// decision to a run's diagnostics.
#include "compiler/lint/config.h"

#include <fmt/format.h>

#include <cctype>

namespace concord::lint {

std::optional<Level> LevelFromName(std::string_view name) {
  if (name == "allow") return Level::kAllow;
  if (name == "warn") return Level::kWarn;
  if (name == "deny") return Level::kDeny;
  return std::nullopt;
}

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kAllow:
      return "allow";
    case Level::kWarn:
      return "warn";
    case Level::kDeny:
      return "deny";
  }
  return "warn";
}

bool IsConfigurable(diag::Code code) {
  return diag::Info(code).default_severity == diag::Severity::Warning;
}

std::optional<LevelSetting> ParseSetting(std::string_view target, Level level, std::string* why) {
  if (target == "warnings") return LevelSetting{std::nullopt, level};
  std::string name(target);
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::optional<diag::Code> code = diag::CodeFromName(name);
  if (!code) {
    if (why) {
      *why = fmt::format("`{}` is not a diagnostic code: name a lint such as `L101`, or `warnings`",
                         target);
    }
    return std::nullopt;
  }
  if (!IsConfigurable(*code)) {
    if (why) {
      *why = fmt::format(
          "`{}` is an error and cannot be configured: only lints (L1xx) and `warnings` can",
          target);
    }
    return std::nullopt;
  }
  return LevelSetting{code, level};
}

LintConfig::Resolution LintConfig::Resolve(diag::Code code) const {
  // The last matching setting of one source: for the command line that is the
  // flag given last, and concord.toml cannot set a code twice.
  auto last = [](const std::vector<LevelSetting>& settings, auto matches) -> const LevelSetting* {
    for (auto it = settings.rbegin(); it != settings.rend(); ++it) {
      if (matches(*it)) return &*it;
    }
    return nullptr;
  };
  auto for_code = [code](const LevelSetting& s) { return s.code == code; };
  auto for_warnings = [](const LevelSetting& s) { return !s.code.has_value(); };
  bool command_line = true;
  for (const std::vector<LevelSetting>* source : {&this->command_line, &project}) {
    const LevelSetting* s = last(*source, for_code);
    if (!s) s = last(*source, for_warnings);
    if (s) return {s->level, s, command_line};
    command_line = false;
  }
  return {};
}

namespace {

// "`--deny L101` on the command line makes this lint an error": which setting
// turned a warning into an error, so nobody has to guess where to change it.
std::string DenyNote(const LintConfig& config, const LintConfig::Resolution& r) {
  std::string target =
      r.setting->code ? std::string(diag::Info(*r.setting->code).name) : std::string("warnings");
  std::string_view what = r.setting->code ? "this lint" : "every warning";
  if (r.from_command_line) {
    return fmt::format("`--deny {}` on the command line makes {} an error", target, what);
  }
  return fmt::format("`{} = \"deny\"` in `{}` makes {} an error", target, config.project_path,
                     what);
}

}  // namespace

void ApplyLevels(const LintConfig& config, diag::DiagnosticEngine& diags) {
  std::vector<diag::Diagnostic> kept;
  for (const diag::Diagnostic& d : diags.diagnostics()) {
    if (!IsConfigurable(d.code)) {
      kept.push_back(d);
      continue;
    }
    LintConfig::Resolution r = config.Resolve(d.code);
    switch (r.level) {
      case Level::kAllow:
        break;
      case Level::kWarn:
        kept.push_back(d);
        break;
      case Level::kDeny:
        kept.push_back(d);
        kept.back().severity = diag::Severity::Error;
        kept.back().WithNote(DenyNote(config, r));
        break;
    }
  }
  diags.Clear();
  for (diag::Diagnostic& d : kept) diags.Add(std::move(d));
}

}  // namespace concord::lint
