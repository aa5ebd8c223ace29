// A ledger's history as what Concord already knows how to play: one
// scenario, `scenario ledger { seed, start, the recorded items in order,
// run until }`, compiled together with the stored program through the same
// pipeline as `concord run`, and played by runtime/engine. `record` plays the
// history with a new batch appended, `replay` and `status` without, and
// `export` prints the same scenario text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/ir/ir.h"
#include "compiler/ledger/store.h"
#include "compiler/pipeline/pipeline.h"
#include "compiler/scenario/build_input.h"
#include "runtime/engine/timeline.h"
#include "runtime/values/date.h"

namespace concord::ledger {

// The name of the scenario a ledger exports and plays.
inline constexpr const char* kScenarioName = "ledger";

// One scenario item of the history with, for exports, who recorded it.
struct HistoryItem {
  std::string date;
  std::string text;
  int64_t batch = 0;  // 0: not stored (a batch being recorded)
  std::string recorded_by;
  std::string recorded_at;
  bool correction = false;
};

struct ScenarioText {
  std::string text;
  std::vector<uint32_t> item_offsets;  // where each item's text starts in `text`
};

// `provenance`: a `// batch N by WHO at WHEN` comment before each batch, which
// `ledger import` reads back. `until`: the `run until` date.
ScenarioText WriteScenario(const Settings& settings, const std::vector<HistoryItem>& items,
                           const std::string& until, bool provenance);

// The last date a history plays: the latest of the start, every item's date
// and `on` when given.
std::string PlayUntil(const Settings& settings, const std::vector<HistoryItem>& items,
                      const std::optional<std::string>& on);

struct Played {
  std::unique_ptr<pipeline::Compilation> compilation;
  ir::Module module;
  scenario::Inputs inputs;
  std::optional<engine::RunResult> run;
  // How the run stood at the end of `checkpoint` when Play was asked for one
  // (engine::RunWithCheckpoints); none if it was not reached.
  std::optional<engine::RunResult> checkpoint;
  diag::FileId history_file = diag::kNoFile;
  ScenarioText scenario;
};

// Compiles the program with the history and plays it. Compilation
// diagnostics go to `played.compilation->diags`; `run` is empty when the
// program and history did not compile. `history_path` is the name the
// history is shown under. `checkpoint`: a day whose result to keep too.
std::unique_ptr<Played> Play(const std::vector<StoredSource>& program, const Settings& settings,
                             const std::vector<HistoryItem>& items, const std::string& until,
                             const std::string& history_path,
                             std::optional<values::Date> checkpoint = std::nullopt);

// The name a ledger's history is shown under: `community.db` plays
// `community.history.concord`, so `concord ledger export community.db >
// community.history.concord` and `concord run PROGRAM community.history.concord`
// print exactly what `concord ledger replay community.db` prints.
std::string HistoryPath(const std::string& ledger_path);

// The stored events as history items.
std::vector<HistoryItem> ItemsOf(const std::vector<StoredEvent>& events);

}  // namespace concord::ledger
