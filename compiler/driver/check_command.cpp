// `concord check`. The same library calls serve the language server; this
// file only decides what is printed and the exit code.
#include "compiler/driver/check_command.h"

#include <fmt/format.h>

#include <cstdio>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/pipeline/pipeline.h"

namespace concord::driver {

int RunCheck(const CheckOptions& options) {
  std::unique_ptr<pipeline::Compilation> c = pipeline::Compile(options.files);
  std::string subject = Subject(options.files);
  EmitDiagnostics(c->diags, c->program->sources, options.output, subject, "check");
  if (c->io_error) return kExitUsage;
  if (c->diags.has_errors()) return kExitInputErrors;
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
  *run = [options] { return RunCheck(*options); };
  return cmd;
}

}  // namespace concord::driver
