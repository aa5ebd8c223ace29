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

// One program version compiled with the history it governs.
struct VersionBuild {
  std::unique_ptr<pipeline::Compilation> compilation;
  ir::Module module;
  scenario::Inputs inputs;
  diag::FileId history_file = diag::kNoFile;
};

struct Played {
  // The latest program version's (the only one, in most ledgers).
  std::unique_ptr<pipeline::Compilation> compilation;
  ir::Module module;
  scenario::Inputs inputs;
  std::optional<engine::RunResult> run;
  // How the run stood at the end of `checkpoint` when Play was asked for one
  // (engine::RunWithCheckpoints); none if it was not reached.
  std::optional<engine::RunResult> checkpoint;
  diag::FileId history_file = diag::kNoFile;
  ScenarioText scenario;

  // Across program versions (versions_play.cpp): the earlier versions,
  // oldest first, which the run still points into; every version's files in
  // one id space (the history in full), and each version's history file.
  std::vector<std::unique_ptr<VersionBuild>> earlier;
  diag::SourceManager all_sources;
  std::vector<diag::FileId> history_files;

  // What the run's and the diagnostics' ranges are shown with.
  const diag::SourceManager& sources() const {
    return earlier.empty() ? compilation->program->sources : all_sources;
  }
  bool IsHistory(diag::FileId file) const;
  // Every version's compilation that was made, oldest first.
  std::vector<const pipeline::Compilation*> compilations() const;
};

// Compiles the program with the history and plays it, each event under the
// version in force on its date (versions_play.cpp when there are several).
// Compilation diagnostics go to each compilation's diags; `run` is empty when
// the program and history did not compile. `history_path` is the name the
// history is shown under. `checkpoint`: a day whose result to keep too.
std::unique_ptr<Played> Play(const std::vector<StoredVersion>& versions, const Settings& settings,
                             const std::vector<HistoryItem>& items, const std::string& until,
                             const std::string& history_path,
                             std::optional<values::Date> checkpoint = std::nullopt);

// The history across several program versions; see versions_play.cpp.
std::unique_ptr<Played> PlayAcrossVersions(const std::vector<StoredVersion>& versions,
                                           const Settings& settings,
                                           const std::vector<HistoryItem>& items,
                                           const std::string& until,
                                           const std::string& history_path,
                                           std::optional<values::Date> checkpoint);

// Compiles `program` with the history text `text` (the scenario's text, or
// it with some items blanked), reading its `on` items among `keep` (all when
// null) one by one. The program's file ids start at `first_file_id`.
std::unique_ptr<pipeline::Compilation> CompileHistory(
    const std::vector<StoredSource>& program, const std::string& history_path,
    const std::string& text, const ScenarioText& scenario, const std::vector<HistoryItem>& items,
    const std::vector<bool>* keep, size_t first_file_id, diag::FileId* history_file);

// Lowers a compiled history (E0272 if it cannot) and returns the ledger's
// scenario in it, or null.
const engine::ScenarioSpec* LowerHistory(pipeline::Compilation& c, ir::Module& module,
                                         scenario::Inputs& inputs, diag::FileId history_file,
                                         const std::string& history_path);

// The name a ledger's history is shown under: `community.db` plays
// `community.history.concord`, so `concord ledger export community.db >
// community.history.concord` and `concord run PROGRAM community.history.concord`
// print exactly what `concord ledger replay community.db` prints.
std::string HistoryPath(const std::string& ledger_path);

// The stored events as history items.
std::vector<HistoryItem> ItemsOf(const std::vector<StoredEvent>& events);

}  // namespace concord::ledger
