// `concord run FILES [--scenario NAME] [--format text|json] [--timeline-limit N]`: plays each
// scenario and prints its dated timeline and metrics on stdout. Invalid
// events and evaluation errors are also reported as diagnostics on stderr
// (exit 1); obligations missed are part of the history and do not change
// the exit code.
#include <fmt/format.h>

#include <cstdio>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/pipeline/pipeline.h"
#include "compiler/scenario/build_input.h"
#include "compiler/scenario/run_support.h"
#include "runtime/engine/engine.h"
#include "runtime/jit/tiering.h"
#include "runtime/report/timeline.h"

namespace concord::driver {
namespace {

struct RunOptions {
  std::vector<std::string> files;
  std::string scenario;
  std::string format = "text";
  OutputOptions output;
  jit::EngineOptions engine;
  size_t timeline_limit = engine::ProgramSpec{}.max_timeline_entries;
};

int RunRun(const RunOptions& options) {
  std::unique_ptr<pipeline::Compilation> c = pipeline::Compile(options.files);
  std::string subject = Subject(options.files);
  if (!c->diags.diagnostics().empty()) {
    EmitDiagnostics(c->diags, c->program->sources, options.output, subject, "run");
  }
  if (c->io_error) return kExitUsage;
  if (c->diags.has_errors() || !c->model) return kExitInputErrors;
  ir::Module module;
  scenario::Inputs inputs = scenario::BuildInputs(*c->checked, *c->model, module);
  if (inputs.error) {
    std::fprintf(stderr, "error: internal: cannot lower `%s`: %s\n",
                 std::string(c->program->sources.Slice(inputs.error->range)).c_str(),
                 inputs.error->message.c_str());
    return kExitInputErrors;
  }
  pipeline::ReleaseScenarioEvents(*c);
  std::vector<const engine::ScenarioSpec*> chosen =
      scenario::SelectScenarios(inputs.scenarios, options.scenario);
  if (chosen.empty()) {
    if (options.scenario.empty()) {
      std::fprintf(stderr, "error: %s declares no scenario to run\n", subject.c_str());
      return kExitInputErrors;
    }
    std::vector<std::string> names;
    for (const engine::ScenarioSpec& s : inputs.scenarios) names.push_back(s.name);
    std::fprintf(
        stderr, "error: no scenario named `%s` in %s%s\n", options.scenario.c_str(),
        subject.c_str(),
        names.empty() ? "" : fmt::format(" (scenarios: {})", fmt::join(names, ", ")).c_str());
    return kExitUsage;
  }
  inputs.program.max_timeline_entries = options.timeline_limit;
  jit::EngineSession session(options.engine, module, inputs.program, chosen);
  size_t events = 0;
  report::Locator where = scenario::MakeLocator(c->program->sources);
  diag::DiagnosticEngine problems;
  bool json = options.format == "json";
  // Each run's document goes to stdout as it is rendered, so a long run's
  // text is never held whole (docs/performance.md).
  report::TextSink to_stdout = [](std::string_view chunk) {
    std::fwrite(chunk.data(), 1, chunk.size(), stdout);
  };
  if (json && chosen.size() > 1) to_stdout("[\n");
  for (size_t i = 0; i < chosen.size(); ++i) {
    engine::RunResult run = engine::Run(inputs.program, *chosen[i]);
    events += chosen[i]->events.size();
    if (run.internal_error) {
      std::fprintf(stderr, "error: internal: %s\n", run.internal_error->c_str());
      return kExitInputErrors;
    }
    if (json) {
      report::WriteTimelineJson(run, where, to_stdout);
      if (chosen.size() > 1 && i + 1 < chosen.size()) to_stdout(",\n");
    } else {
      if (i > 0) to_stdout("\n");
      report::WriteTimelineText(run, where, to_stdout);
    }
    for (diag::Diagnostic& d : scenario::ProblemsOf(run)) problems.Add(std::move(d));
  }
  if (json && chosen.size() > 1) to_stdout("]\n");
  std::fflush(stdout);
  session.Report(events);
  if (!problems.diagnostics().empty()) {
    OutputOptions human = options.output;
    human.format = Format::kHuman;
    EmitDiagnostics(problems, c->program->sources, human, subject, "run");
    return kExitInputErrors;
  }
  return kExitOk;
}

}  // namespace

CLI::App* AddRunCommand(CLI::App& app, std::function<int()>* run) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand(
      "run", "Play scenarios over the calendar and print their timeline and metrics");
  cmd->add_option("files", options->files, "Files with the charters, treaties and scenarios")
      ->required();
  cmd->add_option("--scenario", options->scenario, "Run only the scenario with this name");
  cmd->add_option("--format", options->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  static const std::map<std::string, ColourMode> kColours = {
      {"auto", ColourMode::kAuto}, {"always", ColourMode::kAlways}, {"never", ColourMode::kNever}};
  cmd->add_option("--color,--colour", options->output.colour,
                  "Colour in diagnostics: auto, always, never")
      ->transform(CLI::CheckedTransformer(kColours, CLI::ignore_case))
      ->default_str("auto");
  cmd->add_option("--timeline-limit", options->timeline_limit,
                  "The most entries a run's timeline holds before it stops (R035)")
      ->check(CLI::PositiveNumber)
      ->default_str("1000000");
  AddEngineOptions(cmd, options->engine);
  *run = [options] { return RunRun(*options); };
  return cmd;
}

}  // namespace concord::driver
