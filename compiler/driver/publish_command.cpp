// `concord publish FILES... | --ledger DB [--scenario NAME] --out DIR [--check]`:
// writes the static, offline website of docs/publish.md. The program comes
// from FILES (its scenarios are played) or from a ledger (its history is
// played). Exit 0 when the site is written, 1 for errors in the program (or,
// with --check, when a page shows a concord violation: the site is still
// written), 2 when an input cannot be read or the site cannot be written.
#include <fmt/format.h>

#include <cstdio>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/ledger/ledger.h"
#include "compiler/ledger/report_home.h"
#include "compiler/pipeline/pipeline.h"
#include "compiler/publish/publish.h"
#include "compiler/scenario/build_input.h"
#include "compiler/scenario/run_support.h"

namespace concord::driver {
namespace {

struct PublishOptions {
  std::vector<std::string> files;
  std::string ledger;
  std::string scenario;
  std::string out;
  bool check = false;
  OutputOptions output;
};

// Only concord violations (C-codes): the site can show them, and --check
// turns them into exit 1.
bool OnlyConcordErrors(const diag::DiagnosticEngine& diags) {
  for (const diag::Diagnostic& d : diags.diagnostics()) {
    std::string_view code = diag::CodeName(d);
    if (d.severity == diag::Severity::Error && (code.empty() || code[0] != 'C')) return false;
  }
  return true;
}

// Writes the site and reports the outcome; `sources` receives E0300.
int Write(const publish::SiteSources& site, const PublishOptions& o, diag::SourceManager& sources,
          const std::string& subject) {
  publish::PublishResult result = publish::Publish(site, o.out);
  if (result.failure) {
    diag::DiagnosticEngine diags;
    diags.Report(diag::Code::E0300, {sources.AddFile(o.out, ""), 0, 0}, o.out,
                 fmt::format("{}: {}", result.failure->path, result.failure->reason));
    EmitDiagnostics(diags, sources, o.output, subject, "publish");
    return kExitUsage;
  }
  const publish::Published& p = *result.published;
  if (p.internal_error) {
    std::fprintf(stderr, "error: internal: %s\n", p.internal_error->c_str());
    return kExitInputErrors;
  }
  std::printf("published %zu files: %s/index.html\n", p.files.size(), o.out.c_str());
  if (o.check && p.concord_violations > 0) {
    std::fprintf(stderr, "publish --check: the site shows %zu concord violation%s\n",
                 p.concord_violations, p.concord_violations == 1 ? "" : "s");
    return kExitInputErrors;
  }
  return kExitOk;
}

int PublishLedger(const PublishOptions& o) {
  ledger::ReportHome home;
  // The site shows one program with its scenarios, not a history played
  // across program versions (E0284).
  std::unique_ptr<ledger::Played> played =
      ledger::Replay({o.ledger}, std::nullopt, home,
                     "a published site shows one program and plays its history with it");
  std::string subject = fmt::format("`{}`", o.ledger);
  if (!played || !ledger::AdoptProblems(*played, home)) {
    EmitDiagnostics(home.diags, home.sources, o.output, subject, "publish");
    for (const diag::Diagnostic& d : home.diags.diagnostics()) {
      if (d.code == diag::Code::E0001 || d.code == diag::Code::E0270 ||
          d.code == diag::Code::E0271 || d.code == diag::Code::E0272) {
        return kExitUsage;
      }
    }
    return kExitInputErrors;
  }
  publish::SiteSources site{
      played->compilation.get(), &played->inputs.program, {}, "ledger " + o.ledger};
  for (const engine::ScenarioSpec& s : played->inputs.scenarios) site.scenarios.push_back(&s);
  return Write(site, o, home.sources, subject);
}

int PublishFiles(const PublishOptions& o) {
  std::unique_ptr<pipeline::Compilation> c = pipeline::Compile(o.files);
  std::string subject = Subject(o.files);
  if (!c->diags.diagnostics().empty()) {
    EmitDiagnostics(c->diags, c->program->sources, o.output, subject, "publish");
  }
  if (c->io_error) return kExitUsage;
  if (!c->model || !c->checked_clean() || !OnlyConcordErrors(c->diags)) return kExitInputErrors;
  ir::Module module;
  scenario::Inputs inputs = scenario::BuildInputs(*c->checked, *c->model, module);
  if (inputs.error) {
    std::fprintf(stderr, "error: internal: cannot lower `%s`: %s\n",
                 std::string(c->program->sources.Slice(inputs.error->range)).c_str(),
                 inputs.error->message.c_str());
    return kExitInputErrors;
  }
  publish::SiteSources site{c.get(), &inputs.program,
                            scenario::SelectScenarios(inputs.scenarios, o.scenario), "scenario"};
  if (!o.scenario.empty() && site.scenarios.empty()) {
    std::vector<std::string> names;
    for (const engine::ScenarioSpec& s : inputs.scenarios) names.push_back(s.name);
    diag::DiagnosticEngine diags;
    diags.Report(diag::Code::E0301, {0, 0, 0}, o.scenario,
                 names.empty() ? std::string(" (the files declare none)")
                               : fmt::format(" (scenarios: {})", fmt::join(names, ", ")));
    EmitDiagnostics(diags, c->program->sources, o.output, subject, "publish");
    return kExitUsage;
  }
  return Write(site, o, c->program->sources, subject);
}

}  // namespace

CLI::App* AddPublishCommand(CLI::App& app, std::function<int()>* run) {
  auto o = std::make_shared<PublishOptions>();
  CLI::App* cmd = app.add_subcommand(
      "publish", "Write a static, offline website of the charters, treaties and histories");
  cmd->add_option("files", o->files, "Files with the charters, treaties and scenarios");
  cmd->add_option("--ledger", o->ledger, "Publish this ledger's program and history instead");
  cmd->add_option("--scenario", o->scenario, "Publish only the run of the scenario with this name");
  cmd->add_option("--out", o->out, "The folder to write the site into")->required();
  cmd->add_flag("--check", o->check, "Exit 1 when a page shows a concord violation");
  AddOutputOptions(cmd, o->output);
  *run = [o, cmd] {
    if (o->files.empty() == o->ledger.empty()) {
      std::fprintf(stderr, "error: give either FILES or --ledger DB\n%s", cmd->help().c_str());
      return kExitUsage;
    }
    return o->ledger.empty() ? PublishFiles(*o) : PublishLedger(*o);
  };
  return cmd;
}

}  // namespace concord::driver
