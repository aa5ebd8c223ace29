// The three diagnostic renderers (human, JSON Lines, SARIF) and the embedded
// code explanations. Human output is compared whole, because alignment is the
// point; JSON and SARIF are parsed and checked field by field.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "compiler/diag/explain.h"
#include "compiler/diag/render.h"

namespace concord::diag {
namespace {

// The range of the `occurrence`-th `needle` in `file`.
SourceRange Find(const SourceManager& sources, FileId file, std::string_view needle,
                 int occurrence = 1) {
  std::string_view text = sources.Text(file);
  size_t pos = std::string_view::npos;
  size_t from = 0;
  for (int i = 0; i < occurrence; ++i) {
    pos = text.find(needle, from);
    REQUIRE(pos != std::string_view::npos);
    from = pos + 1;
  }
  return {file, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())};
}

Diagnostic Make(Code code, SourceRange range, std::string message) {
  Diagnostic d;
  d.code = code;
  d.severity = Info(code).default_severity;
  d.range = range;
  d.message = std::move(message);
  return d;
}

// A treaty with an en dash in its title and a tab-indented clause: both must
// leave the carets under the right characters.
constexpr std::string_view kPact =
    "treaty eastside_riverside \"Eastside\xE2\x80\x93Riverside Pact\" {\n"
    "\tterm 6 mnths renew explicitly by all\n"
    "  exit any party notice 60 days\n"
    "}\n";

struct PactFixture {
  SourceManager sources;
  FileId pact = sources.AddFile("pacts/pact.concord", std::string(kPact));
};

TEST_CASE("human: carets count code points and expand tabs", "[diag][render]") {
  PactFixture f;
  Diagnostic d = Make(Code::E0101, Find(f.sources, f.pact, "mnths"),
                      "unexpected `mnths`, expected a duration unit");
  d.WithLabel(Find(f.sources, f.pact, "{"), "the treaty starts here");
  std::string expected =
      "pacts/pact.concord:2:9: error[E0101]: unexpected `mnths`, expected a duration unit\n"
      "  |\n"
      "1 | treaty eastside_riverside \"Eastside\xE2\x80\x93Riverside Pact\" {\n"
      "  |" +
      std::string(1 + 52, ' ') +
      "- the treaty starts here\n"
      "2 |     term 6 mnths renew explicitly by all\n"
      "  |" +
      std::string(1 + 11, ' ') + "^^^^^\n";
  CHECK(RenderHumanOne(d, f.sources, false) == expected);
  CHECK(RenderHuman({d}, f.sources, false) == expected + "\n");
}

TEST_CASE("human: a tab inside a line widens the underline that covers it", "[diag][render]") {
  SourceManager sources;
  FileId file = sources.AddFile("t.concord", "rule a {\n  text\t\"x\"\n}\n");
  Diagnostic d = Make(Code::E0203, Find(sources, file, "text\t\"x\""), "expected text, found text");
  // "  text" is 6 cells, the tab runs from cell 6 to cell 8, then `"x"`.
  CHECK(RenderHumanOne(d, sources, false) ==
        "t.concord:2:3: error[E0203]: expected text, found text\n"
        "  |\n"
        "2 |   text  \"x\"\n"
        "  |   ^^^^^^^^^\n");
}

TEST_CASE("human: labels, notes, help and fix-its", "[diag][render]") {
  PactFixture f;
  FileId minimal = f.sources.AddFile("stdlib/minimal.concord",
                                     "concord minimal {\n  require treaty.exit.notice <= 30 days "
                                     "as C012 \"any party may leave\"\n}\n");
  Diagnostic d = Make(Code::E0203, Find(f.sources, f.pact, "60 days"), "expected at most 30 days");
  d.WithLabel(Find(f.sources, f.pact, "eastside_riverside"), "in this treaty")
      .WithLabel(Find(f.sources, minimal, "30 days"), "the limit")
      .WithNote("a party must be able to leave within 30 days")
      .WithNote("required here", Find(f.sources, minimal, "treaty.exit.notice <= 30 days"))
      .WithHelp("shorten the notice period")
      .WithFix(Find(f.sources, f.pact, "60 days"), "30 days", "use the longest notice allowed");
  CHECK(RenderHumanOne(d, f.sources, false) ==
        "pacts/pact.concord:3:25: error[E0203]: expected at most 30 days\n"
        "  |\n"
        "1 | treaty eastside_riverside \"Eastside\xE2\x80\x93Riverside Pact\" {\n"
        "  |        ------------------ in this treaty\n"
        "2 |     term 6 mnths renew explicitly by all\n"
        "3 |   exit any party notice 60 days\n"
        "  |                         ^^^^^^^\n"
        " ::: stdlib/minimal.concord:2:33\n"
        "  |\n"
        "2 |   require treaty.exit.notice <= 30 days as C012 \"any party may leave\"\n"
        "  |                                 ------- the limit\n"
        "  |\n"
        "  = note: a party must be able to leave within 30 days\n"
        "  = help: shorten the notice period\n"
        "note: stdlib/minimal.concord:2:11: required here\n"
        "  |\n"
        "2 |   require treaty.exit.notice <= 30 days as C012 \"any party may leave\"\n"
        "  |           -----------------------------\n"
        "help: use the longest notice allowed\n"
        "  |\n"
        "3 |   exit any party notice 30 days\n"
        "  |                         ~~~~~~~\n");
}

TEST_CASE("human: insertions, deletions and multi-line ranges", "[diag][render]") {
  PactFixture f;
  SourceRange whole_body = Find(f.sources, f.pact, "\tterm");
  whole_body.end = Find(f.sources, f.pact, "60 days").end;
  Diagnostic d = Make(Code::E0211, whole_body, "treaty `eastside_riverside` has no `fund` clause");
  SourceRange before_exit = Find(f.sources, f.pact, "exit");
  before_exit.end = before_exit.begin;
  d.WithFix(before_exit, "cross_training every 2 months ", "")
      .WithFix(Find(f.sources, f.pact, " renew explicitly by all"), "", "renewal is the default")
      .WithFix(whole_body, "term 6 months\n", "");
  CHECK(RenderHumanOne(d, f.sources, false) ==
        "pacts/pact.concord:2:1: error[E0211]: treaty `eastside_riverside` has no `fund` clause\n"
        "  |\n"
        "2 |     term 6 mnths renew explicitly by all\n"
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ (continues to line 3)\n"
        "  |\n"
        "  = help: replace with the line `term 6 months`\n"
        "help: insert `cross_training every 2 months `\n"
        "  |\n"
        "3 |   cross_training every 2 months exit any party notice 60 days\n"
        "  |   ++++++++++++++++++++++++++++++\n"
        "help: renewal is the default\n"
        "  |\n"
        "2 |     term 6 mnths renew explicitly by all\n"
        "  |                 ------------------------\n");
}

TEST_CASE("human: diagnostics without a location, at EOF and in an empty file", "[diag][render]") {
  SourceManager sources;
  FileId empty = sources.AddFile("empty.concord", "");
  FileId open = sources.AddFile("open.concord", "charter a {\n");

  Diagnostic unreadable = Make(Code::E0001, {}, "cannot read `gone.concord`: no such file");
  unreadable.WithNote("the path is relative to the current directory");
  CHECK(RenderHumanOne(unreadable, sources, false) ==
        "error[E0001]: cannot read `gone.concord`: no such file\n"
        "  = note: the path is relative to the current directory\n");

  Diagnostic in_empty =
      Make(Code::E0211, {empty, 0, 0}, "file `empty.concord` has no `charter` clause");
  CHECK(RenderHumanOne(in_empty, sources, false) ==
        "empty.concord:1:1: error[E0211]: file `empty.concord` has no `charter` clause\n");
  in_empty.WithLabel({empty, 0, 0}, "here").WithHelp("add a charter");
  CHECK(RenderHumanOne(in_empty, sources, false) ==
        "empty.concord:1:1: error[E0211]: file `empty.concord` has no `charter` clause\n"
        "  = note: empty.concord:1:1: here\n"
        "  = help: add a charter\n");

  uint32_t eof = static_cast<uint32_t>(sources.Text(open).size());
  Diagnostic at_eof = Make(Code::E0102, {open, eof, eof}, "missing `}` at end of file");
  at_eof.WithLabel(Find(sources, open, "{"), "unclosed");
  CHECK(RenderHumanOne(at_eof, sources, false) ==
        "open.concord:2:1: error[E0102]: missing `}` at end of file\n"
        "  |\n"
        "1 | charter a {\n"
        "  |           - unclosed\n"
        "2 |\n"
        "  | ^\n");
}

TEST_CASE("human: hostile bytes in a source line are not echoed", "[diag][render]") {
  SourceManager sources;
  // An escape sequence, a right-to-left override and a stray continuation byte.
  FileId file = sources.AddFile("x.concord", "rule \x1b[2Jx \xE2\x80\xAE y \x80 z\n");
  Diagnostic d = Make(Code::E0105, Find(sources, file, "z"), "unexpected character `z`");
  std::string out = RenderHumanOne(d, sources, false);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find("\xE2\x80\xAE") == std::string::npos);
  CHECK(out.find("\xEF\xBF\xBD[2Jx") != std::string::npos);
}

TEST_CASE("human: colour only when asked", "[diag][render]") {
  PactFixture f;
  Diagnostic error = Make(Code::E0101, Find(f.sources, f.pact, "mnths"), "unexpected `mnths`");
  error.WithHelp("write `months`");
  Diagnostic warning = error;
  warning.severity = Severity::Warning;

  std::string plain = RenderHuman({error, warning}, f.sources, false);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(RenderSummary({error, warning}, "`pact.concord`", false).find('\x1b') == std::string::npos);

  std::string coloured = RenderHuman({error, warning}, f.sources, true);
  CHECK(coloured.find("\x1b[1;31merror[E0101]\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1;33mwarning[E0101]\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1;32mhelp:\x1b[0m") != std::string::npos);

  Diagnostic note = error;
  note.severity = Severity::Note;
  CHECK(RenderHumanOne(note, f.sources, false)
            .starts_with("pacts/pact.concord:2:9: note: unexpected"));
}

TEST_CASE("human: the summary line", "[diag][render]") {
  Diagnostic error = Make(Code::E0001, {}, "x");
  Diagnostic warning = error;
  warning.severity = Severity::Warning;
  Diagnostic note = error;
  note.severity = Severity::Note;
  CHECK(RenderSummary({}, "`a.concord`", false).empty());
  CHECK(RenderSummary({note}, "`a.concord`", false).empty());
  CHECK(RenderSummary({error}, "`a.concord`", false) ==
        "error: could not check `a.concord` due to 1 error\n");
  CHECK(RenderSummary({error, error, warning, note}, "3 files", false, "lint") ==
        "error: could not lint 3 files due to 2 errors; 1 warning emitted\n");
  CHECK(RenderSummary({warning}, "12 files", false) == "warning: 12 files generated 1 warning\n");
}

TEST_CASE("json: fields, positions and a fixed key order", "[diag][render]") {
  PactFixture f;
  Diagnostic d = Make(Code::E0203, Find(f.sources, f.pact, "mnths"), "expected a duration");
  d.WithLabel(Find(f.sources, f.pact, "{"), "here")
      .WithNote("unlocated")
      .WithNote("located", Find(f.sources, f.pact, "60 days"))
      .WithFix(Find(f.sources, f.pact, "mnths"), "months", "spell the unit");
  Diagnostic bare = Make(Code::E0001, {}, "cannot read `x`");

  std::string out = RenderJson({d, bare}, f.sources);
  CHECK(out == RenderJson({d, bare}, f.sources));
  REQUIRE(std::count(out.begin(), out.end(), '\n') == 2);
  std::string first_line = out.substr(0, out.find('\n'));
  CHECK(first_line == RenderJsonOne(d, f.sources).substr(0, first_line.size()));

  auto j = nlohmann::ordered_json::parse(first_line);
  std::vector<std::string> keys;
  for (auto& [key, value] : j.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"code", "severity", "message", "file", "range", "labels",
                                         "notes", "help", "fixits"});
  CHECK(j["code"] == "E0203");
  CHECK(j["severity"] == "error");
  CHECK(j["file"] == "pacts/pact.concord");
  // Line 2 is "\tterm 6 mnths ...": `mnths` starts 8 bytes in, at column 9.
  uint32_t line2 = f.sources.LineStart(f.pact, 2);
  CHECK(j["range"]["start"] ==
        nlohmann::ordered_json{{"line", 2}, {"column", 9}, {"offset", line2 + 8}});
  CHECK(j["range"]["end"] ==
        nlohmann::ordered_json{{"line", 2}, {"column", 14}, {"offset", line2 + 13}});
  // The en dash is three bytes but one column: `{` is at byte 54, column 53.
  CHECK(j["labels"][0]["range"]["start"]["column"] == 53);
  CHECK(j["labels"][0]["range"]["start"]["offset"] == 54);
  CHECK(j["labels"][0]["message"] == "here");
  CHECK(j["notes"][0]["file"].is_null());
  CHECK(j["notes"][0]["range"].is_null());
  CHECK(j["notes"][1]["range"]["start"]["line"] == 3);
  CHECK(j["help"].is_null());
  CHECK(j["fixits"][0]["replacement"] == "months");
  CHECK(j["fixits"][0]["description"] == "spell the unit");
  CHECK(j["fixits"][0]["range"] == j["range"]);

  auto b = nlohmann::json::parse(out.substr(out.find('\n') + 1));
  CHECK(b["file"].is_null());
  CHECK(b["range"].is_null());
  CHECK(b["labels"].empty());
}

TEST_CASE("json: invalid UTF-8 in a message does not throw", "[diag][render]") {
  SourceManager sources;
  Diagnostic d = Make(Code::E0003, {}, "the file is not valid UTF-8: byte \xE9");
  std::string out;
  REQUIRE_NOTHROW(out = RenderJson({d}, sources));
  CHECK(out.find("\xEF\xBF\xBD") != std::string::npos);
}

// Every feature SARIF has a place for, plus the awkward cases: a path with a
// space, an absolute path, a file-level position in an empty file, a multi-line
// fix and a diagnostic without a location.
std::vector<Diagnostic> SarifSample(SourceManager& sources) {
  FileId pact = sources.AddFile("./pacts/pact.concord", std::string(kPact));
  FileId spaced =
      sources.AddFile("my charters/kitchen.concord", "charter k {\n  adopted 2026-02-30\n}\n");
  FileId minimal = sources.AddFile(
      "/usr/share/concord/stdlib/minimal.concord",
      "concord minimal {\n  require treaty.exit.notice <= 30 days as C012 \"x\"\n}\n");
  FileId empty = sources.AddFile("empty.concord", "");

  std::vector<Diagnostic> out;
  Diagnostic notice = Make(Code::E0203, Find(sources, pact, "60 days"), "expected at most 30 days");
  notice.WithLabel(Find(sources, pact, "eastside_riverside"), "in this treaty")
      .WithNote("required here", Find(sources, minimal, "treaty.exit.notice <= 30 days"))
      .WithNote("a party must be able to leave")
      .WithHelp("shorten the notice")
      .WithFix(Find(sources, pact, "60 days"), "30 days", "use 30 days");
  out.push_back(notice);

  Diagnostic unit = Make(Code::E0101, Find(sources, pact, "mnths"), "unexpected `mnths`");
  SourceRange clause = Find(sources, pact, "term");
  clause.end = Find(sources, pact, "60 days").end;
  unit.WithFix(clause, "term 6 months\n  exit any party notice 30 days", "");
  out.push_back(unit);

  out.push_back(Make(Code::E0108, Find(sources, spaced, "2026-02-30"),
                     "invalid date `2026-02-30`: February 2026 has 28 days"));
  Diagnostic warning = Make(Code::E0211, {empty, 0, 0}, "file has no declarations");
  warning.severity = Severity::Warning;
  out.push_back(warning);
  out.push_back(Make(Code::E0001, {}, "cannot read `gone.concord`: no such file"));
  return out;
}

TEST_CASE("sarif: log structure, rules, regions and fixes", "[diag][render][sarif]") {
  SourceManager sources;
  std::vector<Diagnostic> diagnostics = SarifSample(sources);
  std::string text = RenderSarif(diagnostics, sources, "0.1.0");
  CHECK(text == RenderSarif(diagnostics, sources, "0.1.0"));

  // Validated by tests/sarif/validate_sarif.py --sarif FILE (see tests/sarif.cmake).
  if (const char* dump = std::getenv("CONCORD_SARIF_DUMP")) {
    std::ofstream(dump, std::ios::binary) << text;
  }

  auto log = nlohmann::json::parse(text);
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  auto& run = log["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  auto& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "concord");
  CHECK(driver["version"] == "0.1.0");

  // Rules: the codes used, in registry order.
  std::vector<std::string> rule_ids;
  for (auto& rule : driver["rules"]) rule_ids.push_back(rule["id"]);
  CHECK(rule_ids == std::vector<std::string>{"E0001", "E0101", "E0108", "E0203", "E0211"});
  auto& e0203 = driver["rules"][3];
  CHECK(e0203["name"] == "TypeMismatch");
  CHECK(e0203["shortDescription"]["text"] == "a value of the wrong type");
  CHECK(e0203["defaultConfiguration"]["level"] == "error");
  CHECK(e0203["helpUri"] ==
        "https://github.com/concord-lang/concord/blob/main/docs/codes/E0203.md");
  REQUIRE(Explain("E0203").has_value());
  CHECK(e0203["help"]["markdown"] == std::string(*Explain("E0203")));

  auto& results = run["results"];
  REQUIRE(results.size() == 4);
  for (auto& r : results) {
    CHECK(driver["rules"][r["ruleIndex"].get<size_t>()]["id"] == r["ruleId"]);
  }
  auto& first = results[0];
  CHECK(first["ruleId"] == "E0203");
  CHECK(first["level"] == "error");
  CHECK(first["message"]["text"] ==
        "expected at most 30 days\nnote: a party must be able to leave\nhelp: shorten the notice");
  auto& location = first["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "pacts/pact.concord");
  CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(location["region"] ==
        nlohmann::json{{"startLine", 3}, {"startColumn", 25}, {"endLine", 3}, {"endColumn", 32}});
  REQUIRE(first["relatedLocations"].size() == 2);
  CHECK(first["relatedLocations"][0]["id"] == 1);
  CHECK(first["relatedLocations"][0]["message"]["text"] == "in this treaty");
  CHECK(first["relatedLocations"][1]["physicalLocation"]["artifactLocation"]["uri"] ==
        "file:///usr/share/concord/stdlib/minimal.concord");
  auto& fix = first["fixes"][0];
  CHECK(fix["description"]["text"] == "use 30 days");
  auto& replacement = fix["artifactChanges"][0]["replacements"][0];
  CHECK(replacement["deletedRegion"] == location["region"]);
  CHECK(replacement["insertedContent"]["text"] == "30 days");

  auto& multi_line = results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0];
  CHECK(multi_line["deletedRegion"]["startLine"] == 2);
  CHECK(multi_line["deletedRegion"]["endLine"] == 3);
  CHECK(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "my%20charters/kitchen.concord");
  CHECK(results[3]["level"] == "warning");
  CHECK(results[3]["locations"][0]["physicalLocation"]["region"] ==
        nlohmann::json{{"startLine", 1}, {"startColumn", 1}, {"endLine", 1}, {"endColumn", 1}});

  // The unreadable file is about the run, not about code.
  auto& invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  auto& notification = invocation["toolExecutionNotifications"][0];
  CHECK(notification["associatedRule"]["id"] == "E0001");
  CHECK(notification["associatedRule"]["index"] == 0);

  // Artifacts are listed once each and the indices point at them.
  std::set<std::string> uris;
  for (auto& a : run["artifacts"]) uris.insert(a["location"]["uri"].get<std::string>());
  CHECK(uris.size() == run["artifacts"].size());
  CHECK(run["artifacts"][location["artifactLocation"]["index"].get<size_t>()]["location"]["uri"] ==
        "pacts/pact.concord");
}

TEST_CASE("explanations: every code has one and every one has a code", "[diag][explain]") {
  std::set<std::string_view> explained;
  for (std::string_view code : ExplainedCodes()) explained.insert(code);
  for (const CodeInfo& info : AllCodes()) {
    INFO("docs/codes/" << info.name << ".md is missing");
    CHECK(explained.count(info.name) == 1);
  }
  for (std::string_view code : explained) {
    INFO("docs/codes/" << code << ".md explains a code that codes.def does not declare");
    CHECK(CodeFromName(code).has_value());
  }
}

TEST_CASE("explanations: format and lookup", "[diag][explain]") {
  for (const CodeInfo& info : AllCodes()) {
    std::optional<std::string_view> text = Explain(info.name);
    if (!text) continue;  // reported by the test above
    INFO(info.name);
    CHECK(text->starts_with("# " + std::string(info.name) + ": "));
    CHECK_FALSE(ExplanationTitle(info.name).empty());
    CHECK(text->find("## Example") != std::string_view::npos);
    CHECK(text->find("## How to fix") != std::string_view::npos);
    // The example shows the code as a user sees it: `error[E0201]` from the
    // compiler, or a timeline entry such as `missed   R012 ...` or
    // `decision R041 ...` (the longest kind word leaves one space).
    CHECK((text->find("[" + std::string(info.name) + "]") != std::string_view::npos ||
           text->find("  " + std::string(info.name) + " ") != std::string_view::npos ||
           text->find("decision " + std::string(info.name) + " ") != std::string_view::npos));
  }
  CHECK(Explain("e0201") == Explain("E0201"));
  CHECK_FALSE(Explain("E9999").has_value());
  CHECK(ExplanationTitle("E9999").empty());
}

}  // namespace
}  // namespace concord::diag
