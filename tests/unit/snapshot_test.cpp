// Snapshots (runtime/engine/snapshot.h) against the run that never stopped:
// for every scenario of tests/scenarios, examples/ and the golden runs, on
// both engines, a run snapshotted at the end of a day, restored into a
// fresh run and played on renders byte for byte as the whole run after that
// day (timeline text and JSON of the entries after it, metrics,
// expectations, standing), and carries of the days before what `concord
// status` reads. Damaged bytes are refused with a reason.
#include "runtime/engine/snapshot.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "compiler/pipeline/pipeline.h"
#include "compiler/scenario/build_input.h"
#include "compiler/scenario/run_support.h"
#include "runtime/engine/engine.h"
#include "runtime/engine/snapshot_format.h"
#include "runtime/jit/tiering.h"
#include "tests/unit/run_views.h"

namespace concord::engine {
namespace {

const fs::path kSource = CONCORD_SOURCE_DIR;

// A compiled program and its scenarios, kept alive for the runs.
struct Compiled {
  std::unique_ptr<pipeline::Compilation> compilation;
  ir::Module module;
  scenario::Inputs inputs;
};

std::unique_ptr<Compiled> CompileFiles(const std::vector<std::string>& files) {
  auto out = std::make_unique<Compiled>();
  out->compilation = pipeline::Compile(files);
  const pipeline::Compilation& c = *out->compilation;
  if (c.io_error || c.diags.has_errors() || !c.model) return nullptr;
  out->inputs = scenario::BuildInputs(*c.checked, *c.model, out->module);
  REQUIRE_FALSE(out->inputs.error);
  return out;
}

// The whole run as a run resumed after `day` gives it: the same metrics,
// expectations and standing, the timeline's entries after that day (the
// violations it counts are theirs).
RunResult After(const RunResult& whole, Date day) {
  RunResult out = whole;
  std::erase_if(out.timeline, [&](const Entry& e) { return e.date <= day; });
  return out;
}

// What `concord status` reads of the timeline up to `day`
// (compiler/ledger/status.cpp, Overdue and Roles): the latest entry met or
// missed of each obligation (R061 aside) and the latest steward entry of
// each role, found from the end, in the order each first appeared.
std::vector<Entry> StatusReads(const RunResult& whole, Date day) {
  auto read = [](const Entry& e) {
    bool obligation = e.kind == EntryKind::kMet || e.kind == EntryKind::kMissed;
    return (obligation && e.code != diag::Code::R061) || e.kind == EntryKind::kSteward;
  };
  auto same = [](const Entry& a, const Entry& b) {
    return (a.kind == EntryKind::kSteward) == (b.kind == EntryKind::kSteward) &&
           a.subject == b.subject && a.range.file == b.range.file && a.range.begin == b.range.begin;
  };
  std::vector<const Entry*> past;
  for (const Entry& e : whole.timeline) {
    if (e.date <= day && read(e)) past.push_back(&e);
  }
  std::vector<Entry> out;
  for (size_t i = 0; i < past.size(); ++i) {
    bool first = std::none_of(past.begin(), past.begin() + static_cast<long>(i),
                              [&](const Entry* e) { return same(*e, *past[i]); });
    if (!first) continue;
    auto latest = std::find_if(past.rbegin(), past.rend(),
                               [&](const Entry* e) { return same(*e, *past[i]); });
    out.push_back(**latest);
  }
  return out;
}

std::string EntriesText(const std::vector<Entry>& entries) {
  std::string out;
  for (const Entry& e : entries) {
    out += fmt::format("{} {} {} {} {}:{} {} [{}]\n", e.date.ToString(), EntryKindName(e.kind),
                       e.subject, e.text, e.range.file, e.range.begin,
                       e.code ? diag::Info(*e.code).name : "-", fmt::join(e.notes, "; "));
  }
  return out;
}

// Checks every scenario of `files` on `engine_name`, the timeline limited to
// `limit` entries when given; the number of snapshots restored, or none
// when the files do not compile (a golden of errors).
std::optional<size_t> CheckFiles(const std::vector<std::string>& files,
                                 const std::string& engine_name,
                                 std::optional<size_t> limit = std::nullopt) {
  std::unique_ptr<Compiled> compiled = CompileFiles(files);
  if (!compiled) return std::nullopt;
  scenario::Inputs& inputs = compiled->inputs;
  if (limit) inputs.program.max_timeline_entries = *limit;
  std::vector<const ScenarioSpec*> all;
  for (const ScenarioSpec& s : inputs.scenarios) all.push_back(&s);
  jit::EngineSession session({engine_name, false}, compiled->module, inputs.program, all);
  report::Locator where = scenario::MakeLocator(compiled->compilation->program->sources);
  size_t restored = 0;
  for (const ScenarioSpec& s : inputs.scenarios) {
    INFO("scenario " << s.name << " on " << engine_name);
    RunResult whole = Run(inputs.program, s);
    std::string expected = Rendered(whole, where);
    for (Date day : DaysOf(s)) {
      INFO("snapshot at the end of " << day.ToString());
      SnapshotRun taken = RunWithSnapshot(inputs.program, s, day);
      CHECK(Rendered(taken.run, where) == expected);  // taking it changes nothing
      if (!taken.snapshot) {
        // Only a run that stopped before the end of that day has none.
        INFO(taken.why_none);
        CHECK(StoppedEarly(whole));
        continue;
      }
      std::string why;
      CHECK(SnapshotDay(*taken.snapshot, &why) == day);
      ResumedRun resumed = ResumeFromSnapshot(inputs.program, s, *taken.snapshot);
      INFO(resumed.refused);
      REQUIRE(resumed.run);
      CHECK(Rendered(*resumed.run, where) == Rendered(After(whole, day), where));
      CHECK(EntriesText(resumed.carried) == EntriesText(StatusReads(whole, day)));
      ++restored;
    }
  }
  return restored;
}

TEST_CASE("a snapshot restored plays on as the whole run: tests/scenarios, both engines") {
  for (const std::string& file : ConcordFiles(kSource / "tests" / "scenarios")) {
    INFO(file);
    for (const char* engine : {"interp", "jit"}) CHECK(CheckFiles({file}, engine).has_value());
  }
}

TEST_CASE("a snapshot restored plays on as the whole run: examples, both engines") {
  for (const char* engine : {"interp", "jit"}) {
    std::optional<size_t> restored = CheckFiles(ConcordFiles(kSource / "examples"), engine);
    REQUIRE(restored);
    CHECK(*restored >= 20);
  }
}

TEST_CASE("a snapshot restored plays on as the whole run: every golden run that compiles") {
  size_t restored = 0;
  for (const std::string& file : ConcordFiles(kSource / "tests" / "golden" / "run")) {
    INFO(file);
    for (const char* engine : {"interp", "jit"}) restored += CheckFiles({file}, engine).value_or(0);
  }
  CHECK(restored >= 500);
}

TEST_CASE("a snapshot of a run stopped early (R035) resumes to the same stop") {
  for (size_t limit : {size_t{5}, size_t{40}, size_t{200}}) {
    INFO("timeline limit " << limit);
    for (const char* engine : {"interp", "jit"}) {
      CHECK(CheckFiles(ConcordFiles(kSource / "examples"), engine, limit).has_value());
    }
  }
}

// What a ledger needs of a snapshot (interpreter): taken of its history as it stood, it
// restores over the history grown since by events after the snapshot's day,
// and plays on as the whole grown history does after that day; a history
// changed on or before that day is refused.
TEST_CASE("a snapshot restores over its scenario grown by events after its day") {
  std::vector<std::string> files = ConcordFiles(kSource / "examples");
  for (const std::string& file : ConcordFiles(kSource / "tests" / "scenarios")) {
    files.push_back(file);
  }
  size_t restored = 0;
  for (const std::string& file : files) {
    INFO(file);
    std::unique_ptr<Compiled> compiled = CompileFiles({file});
    if (!compiled) continue;
    const ProgramSpec& program = compiled->inputs.program;
    for (const ScenarioSpec& grown : compiled->inputs.scenarios) {
      INFO("scenario " << grown.name);
      RunResult whole = Run(program, grown);
      report::Locator where = scenario::MakeLocator(compiled->compilation->program->sources);
      for (Date day : DaysOf(grown)) {
        INFO("snapshot at the end of " << day.ToString());
        // The history as it stood: the grown one without its last events
        // dated after `day`.
        ScenarioSpec stood = grown;
        while (!stood.events.empty() && day < stood.events.back().date) stood.events.pop_back();
        if (stood.events.size() == grown.events.size()) continue;
        SnapshotRun taken = RunWithSnapshot(program, stood, day);
        if (!taken.snapshot) continue;
        ResumedRun resumed = ResumeFromSnapshot(program, grown, *taken.snapshot);
        INFO(resumed.refused);
        REQUIRE(resumed.run);
        CHECK(Rendered(*resumed.run, where) == Rendered(After(whole, day), where));
        ++restored;
        if (stood.events.empty()) continue;
        ScenarioSpec changed = grown;
        changed.events.erase(changed.events.begin());
        CHECK(ResumeFromSnapshot(program, changed, *taken.snapshot)
                  .refused.find("another program or scenario") != std::string::npos);
      }
    }
  }
  CHECK(restored >= 30);  // 40 when written
}

// One snapshot of the first example scenario, mid-run, to damage.
struct Sample {
  std::unique_ptr<Compiled> compiled;
  const ScenarioSpec* scenario = nullptr;
  std::string bytes;
};

Sample TakeSample() {
  Sample out;
  out.compiled = CompileFiles(ConcordFiles(kSource / "examples"));
  REQUIRE(out.compiled);
  REQUIRE(out.compiled->inputs.scenarios.size() >= 2);
  out.scenario = &out.compiled->inputs.scenarios.front();
  const ScenarioSpec& s = *out.scenario;
  Date middle = s.start.AddDays((s.until.days() - s.start.days()) / 2);
  SnapshotRun taken = RunWithSnapshot(out.compiled->inputs.program, s, middle);
  REQUIRE(taken.snapshot);
  out.bytes = *taken.snapshot;
  return out;
}

std::string Refusal(const Sample& sample, const std::string& bytes) {
  ResumedRun r = ResumeFromSnapshot(sample.compiled->inputs.program, *sample.scenario, bytes);
  CHECK_FALSE(r.run);
  return r.refused;
}

TEST_CASE("damaged snapshot bytes are refused with a reason, never played") {
  Sample sample = TakeSample();
  const std::string& good = sample.bytes;
  REQUIRE(ResumeFromSnapshot(sample.compiled->inputs.program, *sample.scenario, good).run);

  SECTION("a flipped bit anywhere") {
    for (size_t at = 0; at < good.size(); at += 1 + good.size() / 300) {
      for (int bit : {0, 5}) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ (1 << bit));
        INFO("byte " << at << " bit " << bit);
        CHECK_FALSE(Refusal(sample, bad).empty());
      }
    }
  }
  SECTION("cut short") {
    for (size_t size : {size_t{0}, size_t{3}, size_t{20}, snapshot::kHeaderSize,
                        snapshot::kHeaderSize + 1, good.size() / 2, good.size() - 1}) {
      INFO("size " << size);
      CHECK_FALSE(Refusal(sample, good.substr(0, size)).empty());
    }
  }
  SECTION("another format version") {
    std::string bad = good;
    bad[4] = static_cast<char>(kSnapshotFormat + 1);
    CHECK(Refusal(sample, bad).find(fmt::format("format version {}", kSnapshotFormat + 1)) !=
          std::string::npos);
  }
  SECTION("a payload that matches its digest but is not a snapshot") {
    auto forged = [&](const std::string& payload) {
      return good.substr(0, 8) + snapshot::Sha256(payload) + payload;
    };
    CHECK(Refusal(sample, forged("not cbor at all")).find("not valid CBOR") != std::string::npos);
    std::string cut = good.substr(snapshot::kHeaderSize, (good.size() - snapshot::kHeaderSize) / 2);
    CHECK_FALSE(Refusal(sample, forged(cut)).empty());
    std::vector<uint8_t> wrong_shape = nlohmann::json::to_cbor({{"fingerprint", 7}});
    CHECK(Refusal(sample, forged(std::string(wrong_shape.begin(), wrong_shape.end())))
              .find("malformed") != std::string::npos);
    // A state that parses but names what the program does not have.
    auto altered = [&](const std::function<void(nlohmann::json&)>& change) {
      nlohmann::json state = nlohmann::json::from_cbor(good.substr(snapshot::kHeaderSize));
      change(state);
      std::vector<uint8_t> bytes = nlohmann::json::to_cbor(state);
      return Refusal(sample, forged(std::string(bytes.begin(), bytes.end())));
    };
    CHECK(altered([](nlohmann::json& s) {
            s["carried"].push_back(s["carried"].at(0));
            s["carried"].back()["kind"] = 99;
          }).find("out of range") != std::string::npos);
    CHECK(altered([](nlohmann::json& s) {
            s["violations_before"].push_back(nlohmann::json::array({"R9999", 0}));
          }).find("unknown diagnostic code") != std::string::npos);
    // Bulk bytes (snapshot_bulk.h) that do not decode: cut, grown, not bytes.
    CHECK(altered([](nlohmann::json& s) {
            std::vector<uint8_t>& bytes = s["contributions"].get_binary();
            bytes.resize(bytes.size() / 2);
          }).find("malformed") != std::string::npos);
    CHECK(altered([](nlohmann::json& s) {
            s["history"].get_binary().push_back(0);
          }).find("malformed") != std::string::npos);
    CHECK(altered([](nlohmann::json& s) {
            s["contributions"] = nlohmann::json::binary({0xff, 0xff, 0xff});
          }).find("malformed") != std::string::npos);
    CHECK(altered([](nlohmann::json& s) { s["history"] = 3; }).find("malformed") !=
          std::string::npos);
    CHECK(altered([](nlohmann::json& s) {
            s["polities"][0]["rules"].push_back(nlohmann::json::array({"written", 9999}));
          }).find("position") != std::string::npos);
    CHECK(altered([](nlohmann::json& s) {
            s["polities"][0]["name"] = "nowhere";
          }).find("not in the program") != std::string::npos);
  }
  SECTION("taken of another scenario") {
    const ScenarioSpec& other = sample.compiled->inputs.scenarios.back();
    ResumedRun r = ResumeFromSnapshot(sample.compiled->inputs.program, other, good);
    CHECK_FALSE(r.run);
    CHECK(r.refused.find("another program or scenario") != std::string::npos);
  }
}

}  // namespace
}  // namespace concord::engine
