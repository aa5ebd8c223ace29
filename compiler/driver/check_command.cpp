// `concord check`. The same library calls serve the language server; this
// file only decides what is printed and the exit code.
#include "compiler/driver/check_command.h"

#include <fmt/format.h>

#include <cstdio>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/pipeline/pipeline.h"
#include "compiler/scenario/dump_ir.h"

namespace concord::driver {

int RunCheck(const CheckOptions& options) {
  if (options.dump_ir && options.output.format != Format::kHuman) {
    // JSON Lines and SARIF own standard output; the dump would break them.
    std::fprintf(stderr, "error: --dump-ir prints text: use it with --format human\n");
    return kExitUsage;
  }
  std::unique_ptr<pipeline::Compilation> c = pipeline::Compile(options.files);
  std::string subject = Subject(options.files);
  EmitDiagnostics(c->diags, c->program->sources, options.output, subject, "check");
  if (c->io_error) return kExitUsage;
  if (c->diags.has_errors()) return kExitInputErrors;
  if (options.dump_ir && c->checked && c->model) {
    scenario::IrDump dump = scenario::DumpIr(*c->checked, *c->model, c->program->sources);
    if (!dump.error.empty()) {
      std::fprintf(stderr, "error: internal: %s\n", dump.error.c_str());
      return kExitInputErrors;
    }
    std::fputs(dump.text.c_str(), stdout);
    if (!dump.text.empty()) std::fputs("\n", stdout);
  }
  if (options.output.format == Format::kHuman) {
    std::printf("ok: checked %s (%s)\n", subject.c_str(), DescribeContents(*c->program).c_str());
  }
  return kExitOk;
}

}  // namespace concord::driver

namespace concord::driver {

CLI::App* AddCheckCommand(CLI::App& app, std::function<int()>* run) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Parse, resolve names and types, and check charters and treaties against their "
      "concords");
  cmd->add_option("files", options->files, "Files to check (`-` reads standard input)")->required();
  AddOutputOptions(cmd, options->output);
  cmd->add_flag("--dump-ir", options->dump_ir,
                "Debugging aid, format may change: after a clean check, print the IR that "
                "`concord run` plays");
  *run = [options] { return RunCheck(*options); };
  return cmd;
}

}  // namespace concord::driver
