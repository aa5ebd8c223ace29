// `concord test FILES [--scenario NAME] [--coverage] [--threshold N]
// [--format human|json]`: plays every scenario and checks its `expect` lines
// (test_report.h renders the results). Exits 1 when an expectation failed, a
// scenario is invalid (the runtime refused an event or met an evaluation
// error: a test that did not run as written proves nothing), or coverage is
// below the threshold. Coverage is the union over the scenarios run.
#include <fmt/format.h>

#include <cstdio>
#include <map>

#include "compiler/diag/render.h"
#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/driver/test_report.h"
#include "compiler/pipeline/pipeline.h"
#include "compiler/scenario/build_input.h"
#include "compiler/scenario/run_support.h"
#include "runtime/engine/engine.h"
#include "runtime/jit/tiering.h"

namespace concord::driver {
namespace {

struct TestOptions {
  std::vector<std::string> files;
  std::string scenario;
  bool coverage = false;
  double threshold = 0;
  OutputOptions output;
  jit::EngineOptions engine;
};

void MergeCoverage(const std::vector<engine::CoverageItem>& items, CoverageSummary& into,
                   std::map<std::string, size_t>& index) {
  for (const engine::CoverageItem& item : items) {
    std::string key = item.kind + "\n" + item.name;
    auto [it, fresh] = index.try_emplace(key, into.items.size());
    if (fresh) into.items.push_back(item);
    if (item.covered) into.items[it->second].covered = true;
  }
}

int RunTest(const TestOptions& options) {
  std::unique_ptr<pipeline::Compilation> c = pipeline::Compile(options.files);
  std::string subject = Subject(options.files);
  if (!c->diags.diagnostics().empty()) {
    EmitDiagnostics(c->diags, c->program->sources, options.output, subject, "test");
  }
  if (c->io_error) return kExitUsage;
  if (c->diags.has_errors() || !c->model) return kExitInputErrors;
  ir::Module module;
  scenario::Inputs inputs = scenario::BuildInputs(*c->checked, *c->model, module);
  if (inputs.error) {
    std::fprintf(stderr, "error: internal: cannot lower an expression: %s\n",
                 inputs.error->message.c_str());
    return kExitInputErrors;
  }
  std::vector<const engine::ScenarioSpec*> chosen =
      scenario::SelectScenarios(inputs.scenarios, options.scenario);
  if (chosen.empty() && !options.scenario.empty()) {
    std::fprintf(stderr, "error: no scenario named `%s` in %s\n", options.scenario.c_str(),
                 subject.c_str());
    return kExitUsage;
  }
  jit::EngineSession session(options.engine, module, inputs.program, chosen);
  size_t events = 0;
  const diag::SourceManager& sources = c->program->sources;
  report::Locator where = scenario::MakeLocator(sources);
  // Kept whole: the report points into each run's expectations.
  std::vector<engine::RunResult> runs;
  runs.reserve(chosen.size());
  TestReport report;
  report.coverage.requested = options.coverage;
  report.coverage.threshold = options.threshold;
  std::map<std::string, size_t> coverage_index;
  for (const engine::ScenarioSpec* s : chosen) {
    runs.push_back(engine::Run(inputs.program, *s));
    const engine::RunResult& run = runs.back();
    events += s->events.size();
    if (run.internal_error) {
      std::fprintf(stderr, "error: internal: %s\n", run.internal_error->c_str());
      return kExitInputErrors;
    }
    report.scenarios.push_back({&run, scenario::ProblemsOf(run, scenario::Anticipation::kSkip)});
    MergeCoverage(run.coverage, report.coverage, coverage_index);
  }
  Tally(report);
  bool json = options.output.format == Format::kJson;
  std::string out = json ? RenderTestJson(report, where, sources) : RenderTestText(report, where);
  std::fputs(out.c_str(), stdout);
  session.Report(events);
  if (!json) {
    // The scenario's own mistakes, as diagnostics a user can jump to; in JSON
    // they are part of the document.
    diag::DiagnosticEngine problems;
    for (const ScenarioOutcome& s : report.scenarios) {
      for (const diag::Diagnostic& d : s.problems) problems.Add(diag::Diagnostic(d));
    }
    if (!problems.diagnostics().empty()) {
      std::vector<diag::Diagnostic> sorted = problems.Sorted();
      std::fputs(diag::RenderHuman(sorted, sources, UseColour(options.output.colour)).c_str(),
                 stderr);
    }
  }
  return report.ok() ? kExitOk : kExitInputErrors;
}

}  // namespace

CLI::App* AddTestCommand(CLI::App& app, std::function<int()>* run) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* cmd = app.add_subcommand("test", "Play every scenario and check its `expect` lines");
  cmd->add_option("files", options->files, "Files with the charters, treaties and scenarios")
      ->required();
  cmd->add_option("--scenario", options->scenario, "Test only the scenario with this name");
  cmd->add_flag("--coverage", options->coverage,
                "Report which rules, obligations and treaty clauses the scenarios exercised");
  cmd->add_option("--threshold", options->threshold,
                  "With --coverage: fail when coverage is below N percent")
      ->check(CLI::Range(0.0, 100.0));
  static const std::map<std::string, Format> kFormats = {{"human", Format::kHuman},
                                                         {"json", Format::kJson}};
  static const std::map<std::string, ColourMode> kColours = {
      {"auto", ColourMode::kAuto}, {"always", ColourMode::kAlways}, {"never", ColourMode::kNever}};
  cmd->add_option("--format", options->output.format,
                  "Output: human, or json (one document with every result)")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("human");
  cmd->add_option("--color,--colour", options->output.colour,
                  "Colour in diagnostics: auto, always, never")
      ->transform(CLI::CheckedTransformer(kColours, CLI::ignore_case))
      ->default_str("auto");
  AddEngineOptions(cmd, options->engine);
  *run = [options] { return RunTest(*options); };
  return cmd;
}

}  // namespace concord::driver
