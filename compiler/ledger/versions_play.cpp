// A ledger's history played across program versions (docs/ledger.md,
// Program versions): each version is compiled on its own with the part of
// the history it can name, and engine::RunAcrossVersions plays each event
// under the version in force on its date.
//
// What each version compiles: the history text with the events dated on or
// after the next version's day blanked (spaces, line breaks kept, so every
// position is the same in every version). The items dated before the
// version's own day stay, although the engine does not play them with this
// version: members, disputes and proposals are declared by the items that
// first name them, and a later event needs those names. An earlier item that
// this version cannot check (it names a charter the version dropped, say) is
// blanked too, and the version compiled again: the engine never plays it
// with this version, and whatever only it named is then unknown here, as it
// is to the rules now in force.
//
// Each version's files take their own ids (LoadOptions::first_file_id), so
// the run's ranges, which point into whichever version an entry came from,
// are shown with one SourceManager holding every version's files.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "compiler/ledger/history.h"
#include "compiler/revise/rule_form.h"
#include "runtime/engine/engine.h"

namespace concord::ledger {
namespace {

// Enough for a version dropping several charters whose members then name
// nothing else; each round blanks at least one more item.
constexpr int kMaxRounds = 8;

std::string Blanked(const ScenarioText& scenario, const std::vector<HistoryItem>& items,
                    const std::vector<bool>& keep) {
  std::string text = scenario.text;
  for (size_t i = 0; i < items.size(); ++i) {
    if (keep[i]) continue;
    size_t begin = scenario.item_offsets[i];
    for (size_t k = begin; k < begin + items[i].text.size(); ++k) {
      if (text[k] != '\n') text[k] = ' ';
    }
  }
  return text;
}

// The item of the history a position falls in, if any.
std::optional<size_t> ItemAt(const ScenarioText& scenario, const std::vector<HistoryItem>& items,
                             uint32_t offset) {
  const std::vector<uint32_t>& offsets = scenario.item_offsets;
  auto it = std::upper_bound(offsets.begin(), offsets.end(), offset);
  if (it == offsets.begin()) return std::nullopt;
  size_t i = static_cast<size_t>(it - offsets.begin()) - 1;
  if (offset > offsets[i] + items[i].text.size()) return std::nullopt;
  return i;
}

// Compiles one version, leaving out the earlier items it cannot check.
// Errors that remain are the history's under this version.
void CompileVersion(VersionBuild& build, const StoredVersion& version, const std::string& from,
                    const std::optional<std::string>& next_from, bool first,
                    const ScenarioText& scenario, const std::vector<HistoryItem>& items,
                    const std::string& history_path, size_t first_file_id) {
  std::vector<bool> keep(items.size());
  for (size_t i = 0; i < items.size(); ++i) keep[i] = !next_from || items[i].date < *next_from;
  for (int round = 0; round < kMaxRounds; ++round) {
    build.compilation =
        CompileHistory(version.sources, history_path, Blanked(scenario, items, keep), scenario,
                       items, &keep, first_file_id, &build.history_file);
    if (first) return;
    bool blanked = false;
    for (const diag::Diagnostic& d : build.compilation->diags.diagnostics()) {
      if (d.severity != diag::Severity::Error || d.range.file != build.history_file) continue;
      std::optional<size_t> i = ItemAt(scenario, items, d.range.begin);
      if (!i || !keep[*i] || !(items[*i].date < from)) continue;
      keep[*i] = false;
      blanked = true;
    }
    if (!blanked) return;
  }
}

using RuleForms = std::map<revise::RuleKey, std::string>;

// Every rule of a compiled version in `concord revise`'s canonical form.
RuleForms RuleFormsOfVersion(const sema::Program& program) {
  RuleForms forms;
  for (size_t i = 0; i < program.files.size(); ++i) {
    if (program.is_stdlib[i]) continue;
    forms.merge(revise::RuleFormsOf(*program.files[i], program.sources));
  }
  return forms;
}

// Charter -> the rules of `before` that `after` amends or removes: what an
// adoption counts toward the revision cycle in progress, read as `concord
// revise` (and so `ledger adopt`) counts them for the quota.
std::map<std::string, std::set<std::string>> RevisedRules(const RuleForms& before,
                                                          const RuleForms& after) {
  std::map<std::string, std::set<std::string>> revised;
  for (const auto& [key, form] : before) {
    if (key.kind != revise::OwnerKind::kCharter) continue;
    auto now = after.find(key);
    if (now == after.end() || now->second != form) revised[key.owner].insert(key.rule);
  }
  return revised;
}

}  // namespace

std::unique_ptr<Played> PlayAcrossVersions(const std::vector<StoredVersion>& versions,
                                           const Settings& settings,
                                           const std::vector<HistoryItem>& items,
                                           const std::string& until,
                                           const std::string& history_path,
                                           std::optional<values::Date> checkpoint) {
  auto played = std::make_unique<Played>();
  played->scenario = WriteScenario(settings, items, until, /*provenance=*/true);
  std::vector<engine::VersionInForce> in_force;
  size_t first_file_id = 0;
  bool compiled = true;
  RuleForms previous_forms;
  for (size_t k = 0; k < versions.size() && compiled; ++k) {
    const bool latest = k + 1 == versions.size();
    // The latest version's build is the Played's own, as in a one-version
    // play; the earlier ones stay where the run can point into them.
    std::unique_ptr<VersionBuild> earlier;
    VersionBuild own;
    VersionBuild& build = latest ? own : *(earlier = std::make_unique<VersionBuild>());
    std::optional<std::string> next_from;
    if (!latest) next_from = versions[k + 1].adopted_on;
    std::string from = k == 0 ? settings.start : versions[k].adopted_on;
    CompileVersion(build, versions[k], from, next_from, k == 0, played->scenario, items,
                   history_path, first_file_id);
    if (latest) {
      played->compilation = std::move(own.compilation);
      played->history_file = own.history_file;
    }
    pipeline::Compilation& c = latest ? *played->compilation : *build.compilation;
    diag::FileId history = latest ? played->history_file : build.history_file;
    const diag::SourceManager& sources = c.program->sources;
    for (diag::FileId id = static_cast<diag::FileId>(first_file_id); id < sources.file_count();
         ++id) {
      // The history in full: the blanked text has the same lines and columns.
      played->all_sources.AddFile(
          sources.Path(id), id == history ? played->scenario.text : std::string(sources.Text(id)));
    }
    first_file_id = sources.file_count();
    played->history_files.push_back(history);
    ir::Module& module = latest ? played->module : build.module;
    scenario::Inputs& inputs = latest ? played->inputs : build.inputs;
    const engine::ScenarioSpec* s = LowerHistory(c, module, inputs, history, history_path);
    if (!s) compiled = false;
    std::optional<values::Date> day = values::Date::Parse(from);
    if (!day) {
      c.diags.Report(diag::Code::E0272, {}, history_path,
                     fmt::format("program version {} takes effect on `{}`, which is not a date",
                                 versions[k].version, from));
      compiled = false;
    }
    if (s && day) {
      RuleForms forms = RuleFormsOfVersion(*c.program);
      in_force.push_back({*day, &inputs.program, s,
                          fmt::format("program version {}", versions[k].version),
                          RevisedRules(previous_forms, forms)});
      previous_forms = std::move(forms);
    }
    if (earlier) played->earlier.push_back(std::move(earlier));
  }
  if (!compiled || in_force.size() != versions.size()) return played;
  std::vector<values::Date> days;
  if (checkpoint) days.push_back(*checkpoint);
  engine::CheckpointedRun run = engine::RunAcrossVersions(in_force, days);
  played->run = std::move(run.run);
  if (checkpoint) played->checkpoint = std::move(run.at.front());
  return played;
}

}  // namespace concord::ledger
