// Lint levels: what a setting may name, which setting wins (command line over
// concord.toml over the default, a code over `warnings`, the last flag over
// earlier ones), what ApplyLevels does, and reading and finding concord.toml.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "compiler/lint/config.h"
#include "compiler/lint/project_file.h"

namespace concord::lint {
namespace {

using diag::Code;

LevelSetting Set(std::string_view target, Level level) {
  std::string why;
  std::optional<LevelSetting> s = ParseSetting(target, level, &why);
  INFO(why);
  REQUIRE(s.has_value());
  return *s;
}

TEST_CASE("settings name lints or `warnings`, never errors", "[lint][config]") {
  std::string why;
  CHECK(ParseSetting("L101", Level::kDeny, &why)->code == Code::L101);
  CHECK(ParseSetting("l101", Level::kDeny, &why)->code == Code::L101);
  CHECK_FALSE(ParseSetting("warnings", Level::kDeny, &why)->code.has_value());
  CHECK_FALSE(ParseSetting("E0201", Level::kAllow, &why).has_value());
  CHECK(why.find("is an error and cannot be configured") != std::string::npos);
  CHECK_FALSE(ParseSetting("C002", Level::kAllow, &why).has_value());
  CHECK_FALSE(ParseSetting("L999", Level::kAllow, &why).has_value());
  CHECK(why.find("not a diagnostic code") != std::string::npos);
  CHECK_FALSE(ParseSetting("Warnings", Level::kAllow, &why).has_value());
  CHECK(LevelFromName("deny") == Level::kDeny);
  CHECK_FALSE(LevelFromName("error").has_value());
  CHECK(IsConfigurable(Code::L107));
  CHECK_FALSE(IsConfigurable(Code::E0006));
}

TEST_CASE("precedence: command line, then concord.toml, then the default", "[lint][config]") {
  LintConfig config;
  CHECK(config.Resolve(Code::L101).level == Level::kWarn);
  CHECK(config.Resolve(Code::L101).setting == nullptr);

  config.project = {Set("L101", Level::kDeny), Set("warnings", Level::kDeny),
                    Set("L107", Level::kWarn)};
  CHECK(config.Resolve(Code::L101).level == Level::kDeny);
  CHECK(config.Resolve(Code::L103).level == Level::kDeny);  // by `warnings`
  CHECK(config.Resolve(Code::L107).level == Level::kWarn);  // the code beats `warnings`
  CHECK_FALSE(config.Resolve(Code::L101).from_command_line);

  config.command_line = {Set("L101", Level::kAllow)};
  CHECK(config.Resolve(Code::L101).level == Level::kAllow);
  CHECK(config.Resolve(Code::L101).from_command_line);
  CHECK(config.Resolve(Code::L103).level == Level::kDeny);

  // `warnings` on the command line beats anything in concord.toml.
  config.command_line.push_back(Set("warnings", Level::kWarn));
  CHECK(config.Resolve(Code::L103).level == Level::kWarn);
  CHECK(config.Resolve(Code::L101).level == Level::kAllow);
}

TEST_CASE("precedence: on the command line the last flag for a code wins", "[lint][config]") {
  LintConfig config;
  config.command_line = {Set("L106", Level::kDeny), Set("L106", Level::kAllow)};
  CHECK(config.Resolve(Code::L106).level == Level::kAllow);
  config.command_line.push_back(Set("l106", Level::kDeny));
  CHECK(config.Resolve(Code::L106).level == Level::kDeny);
  // A later `warnings` does not override an earlier flag for the code itself.
  config.command_line.push_back(Set("warnings", Level::kAllow));
  CHECK(config.Resolve(Code::L106).level == Level::kDeny);
  CHECK(config.Resolve(Code::L105).level == Level::kAllow);
}

TEST_CASE("ApplyLevels drops, keeps and denies, and leaves errors alone", "[lint][config]") {
  diag::DiagnosticEngine diags;
  diags.Report(Code::L101, {}, "f", "has only one team");
  diags.Report(Code::L106, {}, "kitchen");
  diags.Report(Code::L107, {}, "r", "has no title");
  diags.Report(Code::E0201, {}, "name", "x");
  LintConfig config;
  config.project_path = "concord.toml";
  config.project = {Set("L106", Level::kDeny)};
  config.command_line = {Set("L101", Level::kAllow)};
  ApplyLevels(config, diags);
  REQUIRE(diags.diagnostics().size() == 3);
  const diag::Diagnostic& denied = diags.diagnostics()[0];
  CHECK(denied.code == Code::L106);
  CHECK(denied.severity == diag::Severity::Error);
  REQUIRE(denied.notes.size() == 1);
  CHECK(denied.notes[0].message == "`L106 = \"deny\"` in `concord.toml` makes this lint an error");
  CHECK(diags.diagnostics()[1].severity == diag::Severity::Warning);
  CHECK(diags.diagnostics()[2].code == Code::E0201);
  CHECK(diags.error_count() == 2);
}

// Parses `text` as concord.toml; returns the settings and "line:col code"
// of each diagnostic.
struct Parsed {
  bool ok = false;
  std::vector<LevelSetting> settings;
  std::vector<std::string> errors;
};

Parsed ParseToml(const std::string& text) {
  diag::SourceManager sources;
  diag::DiagnosticEngine diags;
  diag::FileId file = sources.AddFile("concord.toml", text);
  Parsed p;
  p.ok = ParseProjectFile(sources, file, p.settings, diags);
  for (const diag::Diagnostic& d : diags.Sorted()) {
    diag::LineColumn at = sources.Position(file, d.range.begin);
    p.errors.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " +
                       std::string(diag::Info(d.code).name));
  }
  return p;
}

TEST_CASE("concord.toml: the [lints] table", "[lint][config][toml]") {
  Parsed p = ParseToml("[lints]\nL101 = \"deny\"\nwarnings = \"allow\"\nl107 = 'warn'\n");
  CHECK(p.ok);
  CHECK(p.errors.empty());
  REQUIRE(p.settings.size() == 3);
  LintConfig config;
  config.project = p.settings;
  CHECK(config.Resolve(Code::L101).level == Level::kDeny);
  CHECK(config.Resolve(Code::L107).level == Level::kWarn);
  CHECK(config.Resolve(Code::L104).level == Level::kAllow);

  CHECK(ParseToml("").ok);
  CHECK(ParseToml("# nothing set\n[lints]\n").ok);
  CHECK(ParseToml("lints = { L101 = \"deny\" }\n").settings.size() == 1);
}

TEST_CASE("concord.toml: mistakes are E0006 at their place", "[lint][config][toml]") {
  CHECK(ParseToml("[lints]\nL101 = deny\n").errors == std::vector<std::string>{"2:8 E0006"});
  CHECK(ParseToml("[lints]\nL101 = \"deny\"\nL101 = \"warn\"\n").errors.size() == 1);
  CHECK(ParseToml("[lint]\n").errors == std::vector<std::string>{"1:2 E0006"});
  CHECK(ParseToml("lints = 3\n").errors == std::vector<std::string>{"1:9 E0006"});
  Parsed p = ParseToml("[lints]\nL101 = \"error\"\nE0201 = \"allow\"\nL102 = \"deny\"\n");
  CHECK_FALSE(p.ok);
  CHECK(p.errors == std::vector<std::string>{"2:8 E0006", "3:1 E0006"});
  CHECK(p.settings.size() == 1);  // the valid one is kept
  // toml++ counts columns in code points, as our diagnostics do: the stray
  // `x` after `é` is at column 15 (byte 16).
  CHECK(ParseToml("[lints]\nL101 = \"dény\" x\n").errors == std::vector<std::string>{"2:15 E0006"});
}

// A fresh directory under the system's temporary directory, removed after.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("concord_lint_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path / "a" / "b");
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

TEST_CASE("concord.toml is found by walking up from the file's directory", "[lint][config][toml]") {
  TempDir dir;
  // Nothing in the temporary tree (a concord.toml above /tmp would be found
  // too, which is what walking up means; none exists on a build machine).
  std::optional<std::filesystem::path> none = FindProjectFile(dir.path / "a" / "b");
  if (none) CHECK_FALSE(none->string().starts_with(dir.path.string()));

  std::ofstream(dir.path / "concord.toml") << "[lints]\nL101 = \"deny\"\n";
  CHECK(FindProjectFile(dir.path / "a" / "b") == dir.path / "concord.toml");
  std::ofstream(dir.path / "a" / "concord.toml") << "[lints]\n";
  CHECK(FindProjectFile(dir.path / "a" / "b") == dir.path / "a" / "concord.toml");
  // A directory named concord.toml is not a project file.
  std::filesystem::create_directories(dir.path / "a" / "b" / "concord.toml");
  CHECK(FindProjectFile(dir.path / "a" / "b") == dir.path / "a" / "concord.toml");

  LintConfig config;
  diag::SourceManager sources;
  diag::DiagnosticEngine diags;
  ProjectLoad load = LoadProjectFile(dir.path / "a" / "b", config, sources, diags);
  CHECK(load.ok);
  REQUIRE(load.file.has_value());
  CHECK(config.project.empty());
  CHECK(diags.diagnostics().empty());

  std::ofstream(dir.path / "a" / "concord.toml") << "[lints]\nL101 = \"loud\"\n";
  LintConfig broken;
  load = LoadProjectFile(dir.path / "a" / "b", broken, sources, diags);
  CHECK_FALSE(load.ok);
  CHECK(diags.has_errors());
}

}  // namespace
}  // namespace concord::lint
