// A ledger's history as a scenario; see history.h.
#include "compiler/ledger/history.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <limits>

#include "runtime/engine/engine.h"
#include "runtime/values/date.h"

namespace concord::ledger {

std::string HistoryPath(const std::string& ledger_path) {
  return std::filesystem::path(ledger_path).replace_extension(".history.concord").string();
}

std::vector<HistoryItem> ItemsOf(const std::vector<StoredEvent>& events) {
  std::vector<HistoryItem> items;
  items.reserve(events.size());
  for (const StoredEvent& e : events) {
    items.push_back({e.date, e.text, e.batch, e.recorded_by, e.recorded_at, e.correction});
  }
  return items;
}

std::string PlayUntil(const Settings& settings, const std::vector<HistoryItem>& items,
                      const std::optional<std::string>& on) {
  // ISO dates compare as text. A scenario plays at least two days (E0222).
  std::optional<values::Date> start = values::Date::Parse(settings.start);
  std::string until = start ? start->AddDays(1).ToString() : settings.start;
  for (const HistoryItem& i : items) until = std::max(until, i.date);
  if (on) until = std::max(until, *on);
  return until;
}

ScenarioText WriteScenario(const Settings& settings, const std::vector<HistoryItem>& items,
                           const std::string& until, bool provenance) {
  ScenarioText out;
  std::string& t = out.text;
  t += "// The history recorded in a Concord ledger (`concord ledger export`): play it with\n";
  t +=
      "// `concord run` over the ledger's program, or read it back with `concord ledger import`.\n";
  t += fmt::format("scenario {} {{\n", kScenarioName);
  t += fmt::format("  seed \"{}\"\n", settings.seed);
  t += fmt::format("  start {}\n", settings.start);
  int64_t batch = -1;
  out.item_offsets.reserve(items.size());
  for (const HistoryItem& i : items) {
    if (provenance && i.batch != 0 && i.batch != batch) {
      t += fmt::format("  // batch {} by {} at {}{}\n", i.batch, i.recorded_by, i.recorded_at,
                       i.correction ? " (correction)" : "");
    }
    batch = i.batch;
    t += "  ";
    out.item_offsets.push_back(static_cast<uint32_t>(t.size()));
    t += i.text;
    t += "\n";
  }
  t += fmt::format("  run until {}\n}}\n", until);
  return out;
}

std::unique_ptr<pipeline::Compilation> CompileHistory(
    const std::vector<StoredSource>& program, const std::string& history_path,
    const std::string& text, const ScenarioText& scenario, const std::vector<HistoryItem>& items,
    const std::vector<bool>* keep, size_t first_file_id, diag::FileId* history_file) {
  pipeline::CompileOptions options;
  options.load.first_file_id = first_file_id;
  std::vector<std::string> files;
  for (const StoredSource& s : program) {
    files.push_back(s.path);
    options.load.overlays.emplace_back(s.path, s.text);
  }
  files.push_back(history_path);
  options.load.overlays.emplace_back(history_path, text);
  // The history grows with every batch. Its events are read one by one
  // (syntax::ParseEventLine, as event files are), never as one parse tree, so
  // the token limit (E0114) does not bound it; positions are 32-bit.
  options.load.max_file_bytes = std::numeric_limits<uint32_t>::max() - 1;
  options.load.max_program_bytes = std::numeric_limits<uint32_t>::max() - 1;
  pipeline::LoadOptions::EventItems events{history_path, {}};
  events.ranges.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    // `members` lines stay in the scenario's own parse: they are not events.
    if (!items[i].text.starts_with("on ") || (keep && !(*keep)[i])) continue;
    uint32_t begin = scenario.item_offsets[i];
    events.ranges.emplace_back(begin, begin + static_cast<uint32_t>(items[i].text.size()));
  }
  options.load.event_items.push_back(std::move(events));
  std::unique_ptr<pipeline::Compilation> c = pipeline::Compile(files, options);
  *history_file = diag::kNoFile;
  for (auto id = static_cast<diag::FileId>(first_file_id); id < c->program->sources.file_count();
       ++id) {
    if (c->program->sources.Path(id) == history_path) *history_file = id;
  }
  return c;
}

const engine::ScenarioSpec* LowerHistory(pipeline::Compilation& c, ir::Module& module,
                                         scenario::Inputs& inputs, diag::FileId history_file,
                                         const std::string& history_path) {
  if (c.io_error || c.diags.has_errors() || !c.model) return nullptr;
  inputs = scenario::BuildInputs(*c.checked, *c.model, module);
  if (inputs.error) {
    c.diags.Report(diag::Code::E0272, inputs.error->range, history_path,
                   "internal: " + inputs.error->message);
    return nullptr;
  }
  for (const engine::ScenarioSpec& s : inputs.scenarios) {
    if (s.name == kScenarioName && s.range.file == history_file) return &s;
  }
  return nullptr;
}

bool Played::IsHistory(diag::FileId file) const {
  if (file == history_file) return file != diag::kNoFile;
  return std::find(history_files.begin(), history_files.end(), file) != history_files.end();
}

std::vector<const pipeline::Compilation*> Played::compilations() const {
  std::vector<const pipeline::Compilation*> out;
  for (const std::unique_ptr<VersionBuild>& v : earlier) out.push_back(v->compilation.get());
  if (compilation) out.push_back(compilation.get());
  return out;
}

std::unique_ptr<Played> Play(const std::vector<StoredVersion>& versions, const Settings& settings,
                             const std::vector<HistoryItem>& items, const std::string& until,
                             const std::string& history_path,
                             std::optional<values::Date> checkpoint) {
  if (versions.size() > 1) {
    return PlayAcrossVersions(versions, settings, items, until, history_path, checkpoint);
  }
  auto played = std::make_unique<Played>();
  // The same text as `ledger export` writes, so positions agree.
  played->scenario = WriteScenario(settings, items, until, /*provenance=*/true);
  played->compilation =
      CompileHistory(versions.front().sources, history_path, played->scenario.text,
                     played->scenario, items, nullptr, 0, &played->history_file);
  const engine::ScenarioSpec* s = LowerHistory(*played->compilation, played->module, played->inputs,
                                               played->history_file, history_path);
  if (!s) return played;
  if (!checkpoint) {
    played->run = engine::Run(played->inputs.program, *s);
    return played;
  }
  engine::CheckpointedRun run =
      engine::RunWithCheckpoints(played->inputs.program, *s, {*checkpoint});
  played->run = std::move(run.run);
  played->checkpoint = std::move(run.at.front());
  return played;
}

}  // namespace concord::ledger
