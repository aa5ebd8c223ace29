// `concord test FILES [--scenario NAME] [--coverage] [--threshold N]`: plays
// every scenario and checks its `expect` lines. Prints one line per
// expectation (a failure shows expected and actual under the line), ends
// with `N passed, N failed`, and exits 1 when any failed or coverage is
// below the threshold. Coverage is the union over the scenarios run.
#include <fmt/format.h>

#include <cstdio>
#include <map>

#include "compiler/diag/render.h"
#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
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

std::string RenderCoverage(const std::vector<engine::CoverageItem>& items, double* percent) {
  static const char* kKinds[] = {"rule", "obligation", "treaty clause"};
  std::string out = "\ncoverage\n";
  size_t covered = 0;
  for (const char* kind : kKinds) {
    size_t n = 0, c = 0;
    for (const engine::CoverageItem& i : items) {
      if (i.kind != kind) continue;
      ++n;
      if (i.covered) ++c;
    }
    covered += c;
    out += fmt::format("  {:<15} {} of {}\n", fmt::format("{}s", kind), c, n);
  }
  *percent = items.empty()
                 ? 100.0
                 : 100.0 * static_cast<double>(covered) / static_cast<double>(items.size());
  out += fmt::format("  {:<15} {} of {} ({:.1f}%)\n", "total", covered, items.size(), *percent);
  bool header = false;
  for (const engine::CoverageItem& i : items) {
    if (i.covered) continue;
    if (!header) out += "  not exercised:\n";
    header = true;
    out += fmt::format("    {} {}\n", i.kind, i.name);
  }
  return out;
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
  report::Locator where = scenario::MakeLocator(c->program->sources);
  diag::DiagnosticEngine problems;
  std::string out;
  size_t passed = 0, failed = 0;
  std::vector<engine::CoverageItem> coverage;
  std::map<std::string, size_t> coverage_index;
  for (const engine::ScenarioSpec* s : chosen) {
    engine::RunResult run = engine::Run(inputs.program, *s);
    events += s->events.size();
    if (run.internal_error) {
      std::fprintf(stderr, "error: internal: %s\n", run.internal_error->c_str());
      return kExitInputErrors;
    }
    out += fmt::format("scenario {} ({})\n", s->name, where(s->range));
    for (const engine::ExpectResult& r : run.expectations) {
      std::string line = r.spec->source;
      out += fmt::format("  {:<4}  {}  {}\n", r.passed ? "ok" : "FAIL", where(r.spec->range), line);
      if (r.passed) {
        ++passed;
        continue;
      }
      ++failed;
      out += fmt::format("        expected: {}\n", r.expected);
      out += fmt::format("        actual:   {}\n", r.actual);
    }
    if (run.expectations.empty()) out += "  (no expectations)\n";
    for (diag::Diagnostic& d : scenario::ProblemsOf(run)) problems.Add(std::move(d));
    for (const engine::CoverageItem& item : run.coverage) {
      std::string key = item.kind + "\n" + item.name;
      auto [it, fresh] = coverage_index.try_emplace(key, coverage.size());
      if (fresh) coverage.push_back(item);
      if (item.covered) coverage[it->second].covered = true;
    }
  }
  out += fmt::format("{} passed, {} failed\n", passed, failed);
  int code = failed > 0 ? kExitInputErrors : kExitOk;
  if (options.coverage) {
    double percent = 0;
    out += RenderCoverage(coverage, &percent);
    if (percent + 1e-9 < options.threshold) {
      out += fmt::format("coverage {:.1f}% is below the threshold of {}%\n", percent,
                         options.threshold);
      code = kExitInputErrors;
    }
  }
  std::fputs(out.c_str(), stdout);
  session.Report(events);
  if (!problems.diagnostics().empty()) {
    OutputOptions human = options.output;
    human.format = Format::kHuman;
    std::vector<diag::Diagnostic> sorted = problems.Sorted();
    std::fputs(diag::RenderHuman(sorted, c->program->sources, UseColour(human.colour)).c_str(),
               stderr);
  }
  return code;
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
  AddOutputOptions(cmd, options->output);
  AddEngineOptions(cmd, options->engine);
  *run = [options] { return RunTest(*options); };
  return cmd;
}

}  // namespace concord::driver
