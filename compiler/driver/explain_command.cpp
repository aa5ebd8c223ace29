// `concord explain CODE`: the long explanation of a diagnostic code.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "compiler/diag/explain.h"
#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"

namespace concord::driver {
namespace {

int RunExplain(const std::string& code, bool list) {
  if (list || code.empty()) {
    for (std::string_view c : diag::ExplainedCodes()) {
      std::string_view title = diag::ExplanationTitle(c);
      std::printf("%.*s  %.*s\n", static_cast<int>(c.size()), c.data(),
                  static_cast<int>(title.size()), title.data());
    }
    return kExitOk;
  }
  auto text = diag::Explain(code);
  // A concord's own code (`as C101`) is explained by the page on such codes.
  bool concord_code = code.size() == 4 && (code[0] == 'C' || code[0] == 'c') &&
                      std::all_of(code.begin() + 1, code.end(), ::isdigit);
  if (!text && concord_code) {
    std::printf(
        "%s is defined by a concord in your program, not by Concord itself: its\n"
        "reason is the text after `as %s` in that concord.\n\n",
        code.c_str(), code.c_str());
    text = diag::Explain("C000");
  }
  if (!text) {
    std::fprintf(stderr,
                 "error: no diagnostic code `%s`\n  = help: `concord explain --list` lists every "
                 "code\n",
                 code.c_str());
    return kExitUsage;
  }
  std::fwrite(text->data(), 1, text->size(), stdout);
  if (!text->empty() && text->back() != '\n') std::fputc('\n', stdout);
  return kExitOk;
}

}  // namespace

CLI::App* AddExplainCommand(CLI::App& app, std::function<int()>* run) {
  struct Options {
    std::string code;
    bool list = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd =
      app.add_subcommand("explain", "Explain a diagnostic code in detail, with an example");
  cmd->add_option("code", options->code, "A code such as E0204");
  cmd->add_flag("--list", options->list, "List every code with its title");
  *run = [options] { return RunExplain(options->code, options->list); };
  return cmd;
}

}  // namespace concord::driver
