// A run across program versions (engine::RunAcrossVersions): each event is
// judged by the version in force on its date, and the state (members,
// balances, treaty terms, offices) carries over by name when a version
// comes into force. Each version is compiled on its own, with the scenario
// that holds its events, as two versions of a ledger's program would be.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "compiler/pipeline/pipeline.h"
#include "compiler/scenario/build_input.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/expression_engine.h"
#include "runtime/jit/tiering.h"

namespace concord::engine {
namespace {

// A charter adopted on 2027-01-01, open to all, with `body` for the rest.
std::string Charter(const std::string& name, const std::string& body) {
  return "charter " + name + " \"" + name + "\" {\n  adopted 2027-01-01\n" +
         "  membership { entry open exit anytime notice 0 days }\n" +
         "  revision { every year quota 1 rules quorum 50% of members }\n" +
         "  jury { size 1 draw lottery from members excluding parties ruling expires after 1 "
         "month }\n" +
         body + "}\n";
}

// Version 1: gifts up to `cap`, a report every `reports`.
std::string Kitchen(const std::string& cap, const std::string& reports, const std::string& more) {
  return Charter("kitchen", "  ledger pot \"Pot\" { public report every " + reports + " }\n" +
                                "  rule cap \"Cap\" {\n    on contribution c\n" +
                                "    require c.amount <= " + cap + " else \"above the cap of " +
                                cap + "\"\n  }\n" + more +
                                "  metric received \"Received\" = sum(c.amount for c in "
                                "contributions(pot))\n");
}

// Version 1: gifts up to 100 EUR, a monthly report, and a second charter.
// Version 2 raises the cap to 150 EUR, adds a rule, reports every two
// months and drops `closed`.
const std::string kVersion1 = "import std.minimal\n" + Kitchen("100 EUR", "month", "") +
                              Charter("closed", "  rule quiet \"Quiet\" { text \"q\" }\n");
const std::string kVersion2 =
    "import std.minimal\n" +
    Kitchen("150 EUR", "2 months", "  rule leftovers \"Leftovers\" { text \"shared\" }\n");

struct Version {
  std::unique_ptr<pipeline::Compilation> compilation;
  ir::Module module;
  scenario::Inputs inputs;
};

std::unique_ptr<Version> Compile(const std::string& name, const std::string& text) {
  auto dir = std::filesystem::temp_directory_path() / "concord_versions_test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / (name + ".concord")).string();
  std::ofstream(path) << text;
  auto v = std::make_unique<Version>();
  v->compilation = pipeline::Compile({path});
  REQUIRE_FALSE(v->compilation->diags.has_errors());
  REQUIRE(v->compilation->model);
  v->inputs = scenario::BuildInputs(*v->compilation->checked, *v->compilation->model, v->module);
  REQUIRE_FALSE(v->inputs.error);
  REQUIRE(v->inputs.scenarios.size() == 1);
  return v;
}

std::vector<std::string> Codes(const RunResult& run) {
  std::vector<std::string> out;
  for (const Entry& e : run.timeline) {
    if (e.code) out.push_back(e.date.ToString() + " " + std::string(diag::Info(*e.code).name));
  }
  return out;
}

const Entry* FindEntry(const RunResult& run, const std::string& needle) {
  auto it = std::find_if(run.timeline.begin(), run.timeline.end(),
                         [&](const Entry& e) { return e.text.find(needle) != std::string::npos; });
  return it == run.timeline.end() ? nullptr : &*it;
}

std::string Metric(const RunResult& run, const std::string& name) {
  for (const MetricValue& m : run.metrics) {
    if (m.name == name) return m.value;
  }
  return "(none)";
}

Date Day(const char* text) {
  return *Date::Parse(text);
}

// The history's events, split as a ledger splits them: those dated before
// 2027-03-01 with version 1, the others with version 2.
constexpr const char* kBefore = R"(
scenario ledger {
  start 2027-01-01
  members kitchen: ana, ben
  members closed: dan
  on 2027-01-10 contribute ana 90 EUR to pot
  on 2027-01-20 contribute ben 120 EUR to pot
  on 2027-02-03 join cleo to kitchen
  run until 2027-04-30
}
)";
constexpr const char* kAfter = R"(
scenario ledger {
  start 2027-01-01
  members kitchen: ana, ben
  on 2027-02-03 join cleo to kitchen
  on 2027-03-05 contribute cleo 120 EUR to pot
  on 2027-03-06 contribute ana 200 EUR to pot
  run until 2027-04-30
}
)";

TEST_CASE("each event is judged by the version in force on its date, the state carried over") {
  auto v1 = Compile("v1", kVersion1 + kBefore);
  auto v2 = Compile("v2", kVersion2 + kAfter);
  std::vector<VersionInForce> versions = {
      {Day("2027-01-01"), &v1->inputs.program, &v1->inputs.scenarios[0], "program version 1", {}},
      {Day("2027-03-01"), &v2->inputs.program, &v2->inputs.scenarios[0], "program version 2", {}},
  };
  CheckpointedRun played = RunAcrossVersions(versions, {Day("2027-02-28"), Day("2027-03-10")});
  const RunResult& run = played.run;
  // 120 EUR breaks version 1's cap in January and is within version 2's in
  // March; 200 EUR breaks version 2's. The monthly report is missed in
  // January under version 1; version 2 reports every two months, and the
  // period in progress on 2027-03-01 (version 1's February, version 2's
  // January-February) is not judged: it began under another text.
  CHECK(Codes(run) ==
        std::vector<std::string>{"2027-01-20 R010", "2027-02-01 R003", "2027-03-06 R010"});
  const Entry* broken = nullptr;
  for (const Entry& e : run.timeline) {
    if (e.code && e.date == Day("2027-03-06")) broken = &e;
  }
  REQUIRE(broken);
  CHECK(broken->text.find("150 EUR") != std::string::npos);

  const Entry* adopted = FindEntry(run, "program version 2 is adopted");
  REQUIRE(adopted);
  CHECK(adopted->date == Day("2027-03-01"));
  CHECK(std::any_of(adopted->notes.begin(), adopted->notes.end(), [](const std::string& n) {
    return n.find("charter closed is dropped: 1 member leaves") != std::string::npos;
  }));
  CHECK(std::any_of(adopted->notes.begin(), adopted->notes.end(), [](const std::string& n) {
    return n.find("kitchen: new periods for reports of pot") != std::string::npos;
  }));

  // cleo joined under version 1 and pays under version 2; the balance runs
  // on from version 1's payments (a `require` that fails does not refuse
  // the payment: it is booked and flagged).
  const Entry* cleo = FindEntry(run, "cleo contributes 120 EUR to pot");
  REQUIRE(cleo);
  CHECK(cleo->text.find("(balance 330 EUR)") != std::string::npos);
  CHECK(Metric(run, "received") == "530 EUR");
  // A dropped charter is no way out any more: ana, in kitchen, has none.
  CHECK(Metric(run, "exit_options(ana)") == "0");
  // The rule version 2 adds is one of the run's rules.
  CHECK(std::any_of(run.coverage.begin(), run.coverage.end(), [](const CoverageItem& c) {
    return c.kind == "rule" && c.name == "kitchen.leftovers";
  }));
  // The events of a version's scenario dated outside its time are not
  // played twice: cleo joins once.
  CHECK(std::count_if(run.timeline.begin(), run.timeline.end(), [](const Entry& e) {
          return e.text.find("cleo joins") != std::string::npos;
        }) == 1);

  // Checkpoints on either side of the adoption: the metric as it stood.
  REQUIRE(played.at.size() == 2);
  REQUIRE(played.at[0]);
  REQUIRE(played.at[1]);
  CHECK(Metric(*played.at[0], "received") == "210 EUR");
  CHECK(Metric(*played.at[0], "exit_options(ana)") == "1");
  CHECK(Metric(*played.at[1], "received") == "530 EUR");
}

// Two charters under a treaty whose term version 2 lengthens.
std::string Pact(const std::string& term, const std::string& events) {
  return "import std.minimal\n" + Charter("a", "") + Charter("b", "") +
         "treaty pact \"Pact\" {\n  parties a, b\n  effective 2027-01-01\n  term " + term +
         " renew explicitly by all\n  exit any party notice 0 days\n}\n" +
         "scenario ledger {\n  start 2027-01-01\n  members a: x\n  members b: y\n" +
         "  on 2027-01-01 sign pact by a, b\n" + events + "  run until 2027-04-30\n}\n";
}

TEST_CASE("a treaty's current term ends where the version in force puts it") {
  auto v1 = Compile("pact1", Pact("2 months", ""));
  auto v2 = Compile("pact2", Pact("3 months",
                                  "  on 2027-03-20 renew pact by a\n"
                                  "  on 2027-03-20 renew pact by b\n"));
  CheckpointedRun played = RunAcrossVersions({
      {Day("2027-01-01"), &v1->inputs.program, &v1->inputs.scenarios[0], "program version 1", {}},
      {Day("2027-02-15"), &v2->inputs.program, &v2->inputs.scenarios[0], "program version 2", {}},
  });
  const RunResult& run = played.run;
  // Under version 1 the first term would end on 2027-03-01, unrenewed, and
  // the treaty would expire; version 2's three months end it on 2027-04-01,
  // after both parties renewed.
  const Entry* adopted = FindEntry(run, "program version 2 is adopted");
  REQUIRE(adopted);
  CHECK(adopted->notes ==
        std::vector<std::string>{"pact: the current term now ends on 2027-04-01"});
  CHECK_FALSE(FindEntry(run, "pact expires"));
  const Entry* renewed = FindEntry(run, "pact is renewed by every party");
  REQUIRE(renewed);
  CHECK(renewed->date == Day("2027-04-01"));
  CHECK(renewed->text.find("the new term ends on 2027-07-01") != std::string::npos);
  CHECK(Codes(run).empty());
}

// What a run says, ranges included, in one string: the same on both engines.
std::string Said(const RunResult& run) {
  std::string out;
  for (const Entry& e : run.timeline) {
    out += e.date.ToString() + " " + EntryKindName(e.kind) + " " +
           (e.code ? std::string(diag::Info(*e.code).name) : "") + " " + e.subject + " " + e.text +
           " @" + std::to_string(e.range.file) + ":" + std::to_string(e.range.begin) + "\n";
    for (const std::string& n : e.notes) out += "  " + n + "\n";
  }
  for (const MetricValue& m : run.metrics) out += m.owner + "." + m.name + " " + m.value + "\n";
  return out;
}

TEST_CASE("a run across versions is the same on the interpreter and the JIT") {
  std::string said[2];
  int i = 0;
  for (const char* engine : {"interp", "jit"}) {
    auto v1 = Compile("v1", kVersion1 + kBefore);
    auto v2 = Compile("v2", kVersion2 + kAfter);
    std::vector<const ScenarioSpec*> s1 = {&v1->inputs.scenarios[0]};
    std::vector<const ScenarioSpec*> s2 = {&v2->inputs.scenarios[0]};
    jit::EngineSession session1({engine, false}, v1->module, v1->inputs.program, s1);
    jit::EngineSession session2({engine, false}, v2->module, v2->inputs.program, s2);
    // Each version's rules run on its own engine.
    for (const ProgramSpec* p : {&v1->inputs.program, &v2->inputs.program}) {
      CHECK(std::string(p->engine ? p->engine->name() : "interp") == engine);
    }
    said[i++] =
        Said(RunAcrossVersions({
                                   {Day("2027-01-01"), &v1->inputs.program, s1[0], "v1", {}},
                                   {Day("2027-03-01"), &v2->inputs.program, s2[0], "v2", {}},
                               })
                 .run);
  }
  CHECK(said[0].find("v2 is adopted") != std::string::npos);
  CHECK(said[0] == said[1]);
}

// A club with two elected stewards who decide spending. Version 2 only adds
// a rule; the stewards and a spending proposal opened under version 1 carry
// over, and the proposal is decided under version 2.
std::string Club(const std::string& more) {
  return "import std.minimal\n" +
         Charter("club",
                 "  ledger pot \"Pot\" { public }\n"
                 "  office stewards \"Stewards\" {\n    seats 2\n"
                 "    chosen by election among members\n    term 6 months\n"
                 "    decides spending up to 200 EUR\n  }\n"
                 "  decisions {\n    default by majority of votes cast quorum 50% of members\n"
                 "    election by vote 50% of members\n"
                 "    spending by office stewards up to 200 EUR\n  }\n" +
                     more);
}

std::string ClubHistory(const std::string& later) {
  return "scenario ledger {\n  start 2027-01-01\n  members club: ana, ben, chen\n"
         "  on 2027-01-05 contribute chen 300 EUR to pot\n"
         "  on 2027-01-06 propose p1 in club election of stewards\n"
         "  on 2027-01-08 vote p1 yes ana, ben, chen\n"
         "  on 2027-01-09 decide p1\n"
         "  on 2027-01-10 elect stewards ana, ben in club\n"
         "  on 2027-02-10 propose p2 in club spending 120 EUR from pot\n"
         "  on 2027-02-11 vote p2 yes ana\n" +
         later + "  run until 2027-04-30\n}\n";
}

const OfficeStanding* Stewards(const RunResult& run) {
  for (const OfficeStanding& o : run.standing.offices) {
    if (o.polity == "club" && o.office == "stewards") return &o;
  }
  return nullptr;
}

const ProposalStanding* OpenProposal(const RunResult& run, const std::string& id) {
  for (const ProposalStanding& p : run.standing.proposals) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

TEST_CASE("office holders and open proposals carry over a version change, on both engines") {
  std::string said[2];
  int i = 0;
  for (const char* engine : {"interp", "jit"}) {
    INFO(engine);
    auto v1 = Compile("club1", Club("") + ClubHistory(""));
    auto v2 = Compile("club2", Club("  rule thanks \"Thanks\" { text \"t\" }\n") +
                                   ClubHistory("  on 2027-03-05 vote p2 yes ben\n"
                                               "  on 2027-03-06 decide p2\n"));
    std::vector<const ScenarioSpec*> s1 = {&v1->inputs.scenarios[0]};
    std::vector<const ScenarioSpec*> s2 = {&v2->inputs.scenarios[0]};
    jit::EngineSession session1({engine, false}, v1->module, v1->inputs.program, s1);
    jit::EngineSession session2({engine, false}, v2->module, v2->inputs.program, s2);
    CheckpointedRun played = RunAcrossVersions(
        {
            {Day("2027-01-01"), &v1->inputs.program, s1[0], "program version 1", {}},
            {Day("2027-03-01"), &v2->inputs.program, s2[0], "program version 2", {}},
        },
        {Day("2027-02-28"), Day("2027-03-05")});
    REQUIRE(played.at.size() == 2);
    REQUIRE(played.at[0]);
    REQUIRE(played.at[1]);
    // The stewards elected under version 1 keep their seats and their term.
    for (const RunResult* run : {&*played.at[0], &*played.at[1], &played.run}) {
      const OfficeStanding* stewards = Stewards(*run);
      REQUIRE(stewards);
      CHECK(stewards->holders == std::vector<std::string>{"ana", "ben"});
      REQUIRE(stewards->term_ends);
      CHECK(*stewards->term_ends == Day("2027-07-10"));
    }
    // p2 is open across the change with its ballot; ben's, under version 2,
    // adds to it; version 2's stewards decide it.
    const ProposalStanding* before = OpenProposal(*played.at[0], "p2");
    REQUIRE(before);
    CHECK(before->yes == 1);
    const ProposalStanding* after = OpenProposal(*played.at[1], "p2");
    REQUIRE(after);
    CHECK(after->yes == 2);
    CHECK(after->proposed == Day("2027-02-10"));
    CHECK_FALSE(OpenProposal(played.run, "p2"));
    const Entry* decided = FindEntry(played.run, "p2 passed");
    REQUIRE(decided);
    CHECK(decided->date == Day("2027-03-06"));
    CHECK(decided->text.find("2 yes, 0 no of 2 holders of stewards") != std::string::npos);
    CHECK(Codes(played.run).empty());
    said[i++] = Said(played.run);
  }
  CHECK(said[0] == said[1]);
}

TEST_CASE("the rules an adoption amends count toward the revision cycle in progress") {
  // A year's revision cycle (quota 1 rule) that version 2 neither moves nor
  // resizes: version 2's amendment of `cap` is that year's revision.
  constexpr const char* kYear = R"(
scenario ledger {
  start 2027-01-01
  members kitchen: ana, ben
  run until 2028-01-10
}
)";
  auto v1 = Compile("v1", kVersion1 + kYear);
  auto v2 = Compile("v2", kVersion2 + kYear);
  auto revision_missed = [&](std::map<std::string, std::set<std::string>> revised) {
    VersionInForce second{
        Day("2027-03-01"), &v2->inputs.program, &v2->inputs.scenarios[0], "program version 2", {}};
    second.revised = std::move(revised);
    RunResult run = RunAcrossVersions({{Day("2027-01-01"),
                                        &v1->inputs.program,
                                        &v1->inputs.scenarios[0],
                                        "program version 1",
                                        {}},
                                       second})
                        .run;
    std::vector<std::string> codes = Codes(run);
    return std::count_if(codes.begin(), codes.end(),
                         [](const std::string& c) { return c.ends_with(" R001"); });
  };
  CHECK(revision_missed({}) == 1);
  CHECK(revision_missed({{"kitchen", {"cap"}}}) == 0);
}

// Version 2 adds `garden` (open, dues of 10 EUR a month, a monthly report
// and a steward who rotates every month) and a treaty `pact` with kitchen.
const std::string kGarden =
    "charter garden \"Garden\" {\n  adopted 2027-01-01\n"
    "  membership {\n    entry open\n    exit anytime notice 0 days\n"
    "    dues 10 EUR per month to seeds\n  }\n"
    "  revision { every year quota 1 rules quorum 50% of members }\n"
    "  jury { size 1 draw lottery from members excluding parties ruling expires after 1 month "
    "}\n"
    "  ledger seeds \"Seeds\" {\n    public\n    report every month\n"
    "    steward rotates every month among members\n  }\n"
    "  rule small \"Small gifts\" {\n    on contribution c\n"
    "    require c.amount <= 20 EUR else \"above the garden's cap\"\n  }\n"
    "  metric seeded \"Seeded\" = sum(c.amount for c in contributions(seeds))\n}\n"
    "treaty pact \"Pact\" {\n  parties kitchen, garden\n  effective 2027-03-01\n"
    "  term 1 year renew explicitly by all\n  exit any party notice 0 days\n}\n";

// Version 1's part of the history cannot name the garden.
constexpr const char* kGardenBefore = R"(
scenario ledger {
  start 2027-01-01
  members kitchen: ana, ben
  on 2027-01-10 contribute ana 90 EUR to pot
  run until 2027-05-10
}
)";
constexpr const char* kGardenHistory = R"(
scenario ledger {
  start 2027-01-01
  members kitchen: ana, ben
  on 2027-01-10 contribute ana 90 EUR to pot
  on 2027-03-05 join cleo to garden
  on 2027-03-06 join ana to garden
  on 2027-03-07 contribute cleo 10 EUR to seeds
  on 2027-03-08 contribute ana 30 EUR to seeds
  on 2027-03-10 sign pact by kitchen, garden
  on 2027-04-02 report seeds
  run until 2027-05-10
}
)";

std::vector<std::string> EntriesAbout(const RunResult& run, const std::string& subject) {
  std::vector<std::string> out;
  for (const Entry& e : run.timeline) {
    if (e.subject != subject) continue;
    out.push_back(e.date.ToString() + " " + (e.code ? std::string(diag::Info(*e.code).name) : "") +
                  " " + e.text);
  }
  return out;
}

TEST_CASE("a charter a later version adds takes part from its adoption day, on both engines") {
  std::string said[2];
  int i = 0;
  for (const char* engine : {"interp", "jit"}) {
    INFO(engine);
    auto v1 = Compile("garden1", kVersion1 + kGardenBefore);
    auto v2 = Compile("garden2", kVersion2 + kGarden + kGardenHistory);
    std::vector<const ScenarioSpec*> s1 = {&v1->inputs.scenarios[0]};
    std::vector<const ScenarioSpec*> s2 = {&v2->inputs.scenarios[0]};
    jit::EngineSession session1({engine, false}, v1->module, v1->inputs.program, s1);
    jit::EngineSession session2({engine, false}, v2->module, v2->inputs.program, s2);
    CheckpointedRun played = RunAcrossVersions(
        {
            {Day("2027-01-01"), &v1->inputs.program, s1[0], "program version 1", {}},
            {Day("2027-03-01"), &v2->inputs.program, s2[0], "program version 2", {}},
        },
        {Day("2027-03-31")});
    const RunResult& run = played.run;
    const Entry* adopted = FindEntry(run, "program version 2 is adopted");
    REQUIRE(adopted);
    CHECK(std::find(adopted->notes.begin(), adopted->notes.end(),
                    "charter garden is new: it takes part from today") != adopted->notes.end());
    // Members join it and pay into its fund under its rule; its steward
    // rotates among them. Its monthly periods are anchored at its `adopted`
    // (2027-01-01): the one in progress on 2027-03-01 began before the text
    // was in force and is not judged (no report, no dues owed for it); the
    // next ones are, cleo owing no dues for the period she joined in.
    CHECK(EntriesAbout(run, "garden") ==
          std::vector<std::string>{
              "2027-03-05  cleo joins garden; 1 member now",
              "2027-03-06  ana joins garden; 2 members now",
              "2027-03-08 R010 rule `small` of `garden`: above the garden's cap",
          });
    CHECK(EntriesAbout(run, "seeds") ==
          std::vector<std::string>{
              "2027-03-06  steward of seeds is cleo until 2027-03-31",
              "2027-03-07  cleo contributes 10 EUR to seeds (balance 10 EUR)",
              "2027-03-08  ana contributes 30 EUR to seeds (balance 40 EUR)",
              "2027-04-01  steward of seeds is ana until 2027-04-30",
              "2027-04-01 R003 no report of ledger `seeds` was published from 2027-03-02 to "
              "2027-04-01",
              "2027-04-02  report of seeds published (balance 40 EUR)",
              "2027-05-01  steward of seeds is cleo until 2027-05-31",
              "2027-05-01  ledger seeds was reported for 2027-04-02 to 2027-05-01",
          });
    CHECK(EntriesAbout(run, "cleo") ==
          std::vector<std::string>{"2027-05-01 R061 `cleo` paid 0 EUR into `seeds` from "
                                   "2027-04-02 to 2027-05-01, below the dues of 10 EUR"});
    CHECK(Metric(run, "seeded") == "40 EUR");
    // The treaty version 2 adds is signed by the old charter and the new.
    CHECK(std::find(adopted->notes.begin(), adopted->notes.end(),
                    "treaty pact is new: its parties may sign it from today") !=
          adopted->notes.end());
    CHECK(EntriesAbout(run, "pact") ==
          std::vector<std::string>{
              "2027-03-10  garden and kitchen sign pact",
              "2027-03-10  pact is active between garden and kitchen; its term ends on 2028-03-01",
          });
    CHECK(std::any_of(run.coverage.begin(), run.coverage.end(), [](const CoverageItem& c) {
      return c.kind == "treaty clause" && c.name == "pact term";
    }));
    CHECK(Metric(run, "exit_options(ben)") == "1");  // garden is a way in for ben
    CHECK(std::any_of(run.coverage.begin(), run.coverage.end(), [](const CoverageItem& c) {
      return c.kind == "obligation" && c.name == "dues of garden" && c.covered;
    }));
    // On the checkpoint, mid-March: cleo and ana are members, 40 EUR paid.
    REQUIRE(played.at.size() == 1);
    REQUIRE(played.at[0]);
    CHECK(Metric(*played.at[0], "seeded") == "40 EUR");
    said[i++] = Said(run);
  }
  CHECK(said[0] == said[1]);
}

// A kitchen whose pot has a steward rotating `steward` ("" for none).
std::string Stewarded(const std::string& steward) {
  std::string rotates =
      steward.empty() ? "" : "    steward rotates every " + steward + " among members\n";
  return "import std.minimal\n" +
         Charter("kitchen", "  ledger pot \"Pot\" {\n    public\n" + rotates + "  }\n") +
         "scenario ledger {\n  start 2027-01-01\n  members kitchen: ana, ben, chen\n"
         "  run until 2027-06-10\n}\n";
}

// The steward entries of a run whose versions give the steward of pot terms
// of `before`, then from `from` of `after` ("": no steward), and version 2's
// notes.
std::vector<std::string> StewardsAcross(const char* engine, const std::string& before,
                                        const char* from, const std::string& after,
                                        std::string* said) {
  auto v1 = Compile("stewards1", Stewarded(before));
  auto v2 = Compile("stewards2", Stewarded(after));
  std::vector<const ScenarioSpec*> s1 = {&v1->inputs.scenarios[0]};
  std::vector<const ScenarioSpec*> s2 = {&v2->inputs.scenarios[0]};
  jit::EngineSession session1({engine, false}, v1->module, v1->inputs.program, s1);
  jit::EngineSession session2({engine, false}, v2->module, v2->inputs.program, s2);
  RunResult run = RunAcrossVersions({
                                        {Day("2027-01-01"), &v1->inputs.program, s1[0], "v1", {}},
                                        {Day(from), &v2->inputs.program, s2[0], "v2", {}},
                                    })
                      .run;
  *said += Said(run);
  std::vector<std::string> out = EntriesAbout(run, "pot");
  const Entry* adopted = FindEntry(run, "v2 is adopted");
  REQUIRE(adopted);
  for (const std::string& n : adopted->notes) out.push_back("note: " + n);
  return out;
}

TEST_CASE("rotating roles follow the terms of the version in force from its day, on both engines") {
  std::string said[2];
  int i = 0;
  for (const char* engine : {"interp", "jit"}) {
    INFO(engine);
    std::string& out = said[i++];
    // A shorter term: ana, given three months on 2027-01-01, holds the role
    // to the end of the month-long term that holds on the adoption day.
    CHECK(StewardsAcross(engine, "3 months", "2027-02-15", "month", &out) ==
          std::vector<std::string>{
              "2027-01-01  steward of pot is ana until 2027-03-31",
              "2027-03-01  steward of pot is ben until 2027-03-31",
              "2027-04-01  steward of pot is chen until 2027-04-30",
              "2027-05-01  steward of pot is ana until 2027-05-31",
              "2027-06-01  steward of pot is ben until 2027-06-30",
              "note: kitchen: steward of pot now rotates every month; ana holds it until "
              "2027-02-28",
          });
    // A term of the new length begins on the adoption day: handed over then.
    CHECK(StewardsAcross(engine, "3 months", "2027-03-01", "2 months", &out) ==
          std::vector<std::string>{
              "2027-01-01  steward of pot is ana until 2027-03-31",
              "2027-03-01  steward of pot is ben until 2027-04-30",
              "2027-05-01  steward of pot is chen until 2027-06-30",
              "note: kitchen: steward of pot now rotates every 2 months; it is handed over today",
          });
    // A role the new version drops ends on its day; one it adds is given then.
    CHECK(StewardsAcross(engine, "3 months", "2027-02-15", "", &out) ==
          std::vector<std::string>{
              "2027-01-01  steward of pot is ana until 2027-03-31",
              "note: kitchen: steward of pot is dropped (ana no longer holds it)",
          });
    std::vector<std::string> added = StewardsAcross(engine, "", "2027-02-15", "month", &out);
    REQUIRE(added.size() == 6);
    CHECK(added[0].ends_with(" until 2027-02-28"));
    CHECK(added[0].starts_with("2027-02-15  steward of pot is "));
    CHECK(added.back() == "note: kitchen: steward of pot is new");
  }
  CHECK(said[0] == said[1]);
}

TEST_CASE("one version plays exactly what Run plays") {
  auto v1 = Compile("only", kVersion1 + kBefore);
  RunResult alone = Run(v1->inputs.program, v1->inputs.scenarios[0]);
  CheckpointedRun across = RunAcrossVersions({{Day("2027-01-01"),
                                               &v1->inputs.program,
                                               &v1->inputs.scenarios[0],
                                               "program version 1",
                                               {}}});
  CHECK(Codes(across.run) == Codes(alone));
  REQUIRE(across.run.timeline.size() == alone.timeline.size());
  for (size_t i = 0; i < alone.timeline.size(); ++i) {
    CHECK(across.run.timeline[i].text == alone.timeline[i].text);
  }
}

}  // namespace
}  // namespace concord::engine
