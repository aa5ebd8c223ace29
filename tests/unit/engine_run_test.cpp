// The engine end to end on small programs: compile a source text, build the
// engine input, play its scenario and look at the timeline. Each test pins
// one rule of docs/reference-runtime.md.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "compiler/pipeline/pipeline.h"
#include "compiler/scenario/build_input.h"
#include "runtime/engine/engine.h"
#include "runtime/interp/runtime_error.h"
#include "runtime/report/timeline.h"

namespace concord::engine {
namespace {

// Three charters and two treaties; scenarios are appended per test.
constexpr const char* kProgram = R"(
import std.minimal
charter north "North" {
  adopted 2027-01-01
  membership { entry open exit anytime notice 0 days }
  revision { every month quota 50% of rules quorum 50% of members }
  jury { size 2 draw lottery from members excluding parties external 1 from allies when serious ruling expires after 1 month unless reaffirmed }
  ledger pot "Pot" { public report every month steward rotates every month among members }
  rule a "A" { text "a" }
  rule b "B" { text "b" }
  rule c "C" { text "c" }
}
charter south "South" {
  adopted 2027-01-01
  membership { entry sponsored by 3 exit anytime notice 0 days }
  revision { every month quota 1 rules quorum 2 }
  jury { size 1 draw lottery from members excluding parties ruling expires after 1 month }
  rule s "S" { text "s" }
}
charter east "East" {
  adopted 2027-01-01
  membership { entry vote 66% exit anytime notice 0 days }
  revision { every month quota 1 rules quorum 1 }
  jury { size 1 draw lottery from members excluding parties ruling expires after 1 month }
  rule e "E" { text "e" }
}
treaty trio "Trio" {
  parties north, south, east
  effective 2027-01-01
  term 2 months renew explicitly by all
  exit any party notice 5 days
}
treaty duo "Duo" {
  parties north, south
  effective 2027-01-01
  term 2 months renew explicitly by all
  exit any party notice 0 days
}
)";

struct Played {
  std::unique_ptr<pipeline::Compilation> compilation;
  std::unique_ptr<ir::Module> module;
  scenario::Inputs inputs;
  RunResult run;
};

std::unique_ptr<Played> Play(const std::string& name, const std::string& scenario) {
  auto dir = std::filesystem::temp_directory_path() / "concord_engine_test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / (name + ".concord")).string();
  std::ofstream(path) << kProgram << scenario;
  auto p = std::make_unique<Played>();
  p->compilation = pipeline::Compile({path});
  REQUIRE_FALSE(p->compilation->diags.has_errors());
  REQUIRE(p->compilation->model);
  p->module = std::make_unique<ir::Module>();
  p->inputs = scenario::BuildInputs(*p->compilation->checked, *p->compilation->model, *p->module);
  REQUIRE_FALSE(p->inputs.error);
  REQUIRE(p->inputs.scenarios.size() == 1);
  p->run = Run(p->inputs.program, p->inputs.scenarios[0]);
  return p;
}

std::vector<std::string> Codes(const RunResult& run) {
  std::vector<std::string> out;
  for (const Entry& e : run.timeline) {
    if (e.code) out.push_back(e.date.ToString() + " " + std::string(diag::Info(*e.code).name));
  }
  return out;
}

bool HasText(const RunResult& run, const std::string& needle) {
  return std::any_of(run.timeline.begin(), run.timeline.end(),
                     [&](const Entry& e) { return e.text.find(needle) != std::string::npos; });
}

TEST_CASE("an assembly below quorum is R002 and its changes do not count toward the quota") {
  auto p = Play("quorum", R"(
scenario s {
  start 2027-01-01
  members north: n1, n2, n3, n4
  on 2027-01-05 assembly north present n1 { amend a }
  on 2027-01-06 assembly north present n1, n2 { amend b }
  on 2027-01-10 report pot
  run until 2027-02-01
})");
  // Quota: 50% of 3 rules, rounded up, is 2; only `b` counts.
  CHECK(Codes(p->run) == std::vector<std::string>{"2027-01-05 R002", "2027-02-01 R001"});
  CHECK(HasText(p->run, "revision changed 1 of 3 rules; the quota is 2"));
}

TEST_CASE("a cycle runs from the day after the previous cycle date through its own") {
  auto p = Play("cycles", R"(
scenario s {
  start 2027-01-01
  members north: n1, n2
  on 2027-02-01 assembly north present n1 { amend a, amend b }
  on 2027-02-02 assembly north present n1 { amend a }
  on 2027-01-10 report pot
  on 2027-02-10 report pot
  run until 2027-03-01
})");
  // The first cycle closes on 2027-02-01 and includes that day's assembly;
  // the second starts on 2027-02-02 and has only one rule changed.
  CHECK(Codes(p->run) == std::vector<std::string>{"2027-03-01 R001"});
}

TEST_CASE("a treaty renewed by only some parties expires at the end of its term") {
  auto p = Play("renewal", R"(
scenario s {
  start 2027-01-01
  members north: n1
  members south: s1
  on 2027-01-01 sign duo by north, south
  on 2027-02-20 renew duo by north
  run until 2027-03-05
  expect on 2027-02-28 status(duo) == active
  expect on 2027-03-01 status(duo) == expired
})");
  for (const ExpectResult& r : p->run.expectations) CHECK(r.passed);
  CHECK(HasText(p->run, "only north renewed; south did not"));
}

TEST_CASE("an exit takes effect after its notice; a treaty keeps going with two parties") {
  auto p = Play("exit3", R"(
scenario s {
  start 2027-01-01
  members north: n1
  members south: s1
  members east: e1
  on 2027-01-01 sign trio by north, south, east
  on 2027-01-10 exit east from trio
  on 2027-01-20 exit south from trio
  run until 2027-01-31
  expect on 2027-01-14 count(parties(trio)) == 3
  expect on 2027-01-15 count(parties(trio)) == 2
  expect on 2027-01-24 status(trio) == active
  expect on 2027-01-25 status(trio) == ended
})");
  for (const ExpectResult& r : p->run.expectations) {
    INFO(r.spec->source << ": " << r.actual);
    CHECK(r.passed);
  }
}

TEST_CASE("stewards rotate by longest wait: the starting order drawn, newcomers before repeats") {
  auto p = Play("stewards", R"(
scenario s {
  start 2027-01-01
  members north: zed, amy
  on 2027-01-15 join bob to north
  run until 2027-04-05
})");
  std::vector<std::string> stewards;
  for (const Entry& e : p->run.timeline) {
    if (e.kind == EntryKind::kSteward) stewards.push_back(e.date.ToString() + " " + e.text);
  }
  // The starting order is the lottery draw of seed "", domain
  // rotation/north/steward/pot, pool [amy, zed]: amy then zed
  // (python3 tests/lottery/draw.py "" rotation/north/steward/pot 2 zed amy).
  REQUIRE(stewards.size() == 4);
  CHECK(stewards[0].find("2027-01-01 steward of pot is amy") == 0);
  CHECK(stewards[1].find("2027-02-01 steward of pot is zed") == 0);
  CHECK(stewards[2].find("2027-03-01 steward of pot is bob") == 0);
  CHECK(stewards[3].find("2027-04-01 steward of pot is amy") == 0);
}

TEST_CASE("juries exclude the parties and draw delegates from allies for serious disputes") {
  auto p = Play("jury", R"(
scenario s {
  seed "unit"
  start 2027-01-01
  members north: n1, n2, n3, n4
  members south: s1, s2
  on 2027-01-01 sign duo by north, south
  on 2027-01-02 dispute d1 in north n1 vs n2 serious
  on 2027-01-03 dispute d2 in north n3 vs n4
  run until 2027-01-05
  expect count(jury(d1)) == 3
  expect count(jury(d2)) == 2
})");
  for (const ExpectResult& r : p->run.expectations) CHECK(r.passed);
  const Entry* draw = nullptr;
  for (const Entry& e : p->run.timeline) {
    if (e.jury && e.jury->dispute == "d1") draw = &e;
  }
  REQUIRE(draw);
  CHECK(draw->jury->jury_verification->pool == std::vector<std::string>{"n3", "n4"});
  CHECK(draw->jury->delegate_verification->pool == std::vector<std::string>{"s1", "s2"});
  CHECK(draw->jury->delegate_verification->domain == "d1/external");
}

TEST_CASE("exit_options counts open charters and those with enough sponsors") {
  auto p = Play("exits", R"(
scenario s {
  start 2027-01-01
  members north: n1
  members south: s1, s2
  on 2027-01-10 join s3 to south
  run until 2027-01-20
  expect on 2027-01-05 exit_options(n1) == 0
  expect on 2027-01-10 exit_options(n1) == 1
  expect exit_options(s1) == 1
})");
  for (const ExpectResult& r : p->run.expectations) {
    INFO(r.spec->source << ": " << r.actual);
    CHECK(r.passed);
  }
}

TEST_CASE("the same program and seed give byte-identical timelines") {
  const char* scenario = R"(
scenario s {
  seed "same"
  start 2027-01-01
  members north: n1, n2, n3, n4, n5
  members south: s1, s2, s3
  on 2027-01-01 sign duo by north, south
  on 2027-01-02 dispute d1 in north n1 vs n2 serious
  run until 2027-02-10
})";
  auto a = Play("det_a", scenario);
  auto b = Play("det_b", scenario);
  auto none = [](const diag::SourceRange&) { return std::string(); };
  CHECK(report::RenderTimelineText(a->run, none) == report::RenderTimelineText(b->run, none));
  CHECK(report::RenderTimelineJson(a->run, none) == report::RenderTimelineJson(b->run, none));
}

TEST_CASE("a zero or negative treaty term that reaches the engine cannot hang a run") {
  // Sema refuses such a term (E0221); the engine must not rely on it. A
  // signature after effective + term is refused; one before `effective`
  // activates the treaty, whose term then ends without moving forward.
  for (int64_t days : {0, -1}) {
    for (const char* sign_date : {"2027-03-15", "2027-01-01"}) {
      auto p = Play("zero_term", fmt::format(R"(
scenario s {{
  start 2027-01-01
  members north: n1
  members south: s1
  on {} sign duo by north, south
  run until 2027-03-20
}})",
                                             sign_date));
      for (TreatySpec& t : p->inputs.program.treaties) {
        if (t.name == "duo") t.term = values::Duration::Of(days, values::DurationUnit::kDay);
      }
      RunResult run = Run(p->inputs.program, p->inputs.scenarios[0]);
      INFO(days << " days, signed " << sign_date);
      CHECK(!run.timeline.empty());
      CHECK(run.timeline.back().date <= values::Date::Parse("2027-03-20").value());
    }
  }
}

TEST_CASE("a treaty signed on or after effective + term is refused, not counted as renewed") {
  auto p = Play("late", R"(
scenario s {
  start 2027-01-01
  members north: n1
  members south: s1
  on 2027-03-01 sign duo by north, south
  run until 2027-03-20
})");
  CHECK(HasText(p->run, "`duo` can no longer be signed: its first term ended on 2027-03-01"));
  CHECK(!HasText(p->run, "duo is active"));
}

TEST_CASE("the timeline limit holds within a day: the entry past it stops the run (R035)") {
  // Ten flag rules on each of twenty payments of one day make 200 flags on
  // 2027-01-05. The limit was checked only at the start of a day, so a day
  // could pass it by any amount (1,000 rules on 2,000 payments: 2,000,000
  // entries, 1.3 GB).
  std::string text = R"(
charter flags "Flags" {
  adopted 2027-01-01
  membership { entry open exit anytime notice 0 days }
  revision { every month quota 1 rules quorum 1 }
  jury { size 1 draw lottery from members excluding parties ruling expires after 1 month }
  ledger box "Box" { public report every month steward rotates every month among members }
)";
  for (int i = 0; i < 10; ++i) {
    text += "  rule f" + std::to_string(i) + " { on contribution c when true then flag \"f" +
            std::to_string(i) + "\" }\n";
  }
  text += "}\nscenario s {\n  start 2027-01-01\n  members flags: ana\n";
  for (int i = 0; i < 20; ++i) text += "  on 2027-01-05 contribute ana 1 EUR to box\n";
  text += "  run until 2027-01-10\n  expect on 2027-01-05 count(members(flags)) == 1\n}\n";
  auto p = Play("timeline_day", text);
  size_t unlimited = p->run.timeline.size();
  REQUIRE(unlimited > 200);

  constexpr size_t kLimit = 50;
  p->inputs.program.max_timeline_entries = kLimit;
  RunResult run = Run(p->inputs.program, p->inputs.scenarios[0]);
  REQUIRE(run.timeline.size() == kLimit + 1);
  const Entry& stop = run.timeline.back();
  REQUIRE(stop.code);
  CHECK(diag::Info(*stop.code).name == std::string("R035"));
  CHECK(stop.date.ToString() == "2027-01-05");
  CHECK(stop.text.find("limit of 50 entries") != std::string::npos);
  CHECK(run.timeline[kLimit - 1].date.ToString() == "2027-01-05");
  REQUIRE(run.expectations.size() == 1);
  CHECK_FALSE(run.expectations[0].passed);
  CHECK(run.expectations[0].actual == "not evaluated: the run stopped on 2027-01-05 (R035)");
}

TEST_CASE("a recurrence with no end is bounded by the run and its timeline limit (R035)") {
  // Every day for ten years: 3,652 reports, handed out one at a time, so the
  // limit stops the run long before its end.
  auto p = Play("recurring_limit", R"(
scenario s {
  start 2027-01-01
  members north: ana, ben
  on 2027-01-01 every day report pot
  run until 2037-01-01
})");
  constexpr size_t kLimit = 1000;
  p->inputs.program.max_timeline_entries = kLimit;
  RunResult run = Run(p->inputs.program, p->inputs.scenarios[0]);
  REQUIRE(run.timeline.size() == kLimit + 1);
  REQUIRE(run.timeline.back().code);
  CHECK(diag::Info(*run.timeline.back().code).name == std::string("R035"));
  // About one entry a day (the report) plus the monthly obligations: the
  // limit is reached in the third year, long before the run's end in 2037.
  CHECK(run.timeline.back().date < Date::Parse("2031-01-01").value());
}

TEST_CASE("present all is the members of the day; an except name who is not one is R039") {
  auto p = Play("present_all", R"(
scenario s {
  start 2027-01-01
  members north: ana, ben, chen
  on 2027-01-10 every month assembly north present all except chen until 2027-03-10
  on 2027-02-01 join dara to north
  on 2027-02-20 leave chen from north
  run until 2027-03-31
})");
  CHECK(HasText(p->run, "assembly of north: 2 of 3 members present"));
  CHECK(HasText(p->run, "assembly of north: 3 of 4 members present"));
  // On 2027-03-10 chen has left: the assembly is held with the three others.
  CHECK(HasText(p->run, "assembly of north: 3 of 3 members present"));
  std::vector<std::string> absent_codes;
  for (const std::string& c : Codes(p->run)) {
    if (c.ends_with("R039")) absent_codes.push_back(c);
  }
  CHECK(absent_codes == std::vector<std::string>{"2027-03-10 R039"});
  auto r039 = std::find_if(p->run.timeline.begin(), p->run.timeline.end(),
                           [](const Entry& e) { return e.code == diag::Code::R039; });
  REQUIRE(r039 != p->run.timeline.end());
  CHECK(r039->text ==
        "`chen` is not a member of `north` on 2027-03-10, so `except` cannot leave "
        "them out");
  REQUIRE_FALSE(r039->notes.empty());
  CHECK(r039->notes.back() ==
        "at occurrence 3 of this event, on 2027-03-10 (every month from 2027-01-10)");
}

}  // namespace
}  // namespace concord::engine
