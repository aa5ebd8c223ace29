// `concord lsp`: the Language Server on standard input and output
// (compiler/lsp, docs/reference-lsp.md). Nothing else may write to standard
// output while it runs: every byte there is part of the protocol.
#include <cstdio>
#include <iostream>

#include "compiler/driver/cli.h"
#include "compiler/driver/commands.h"
#include "compiler/lsp/server.h"

namespace concord::driver {

CLI::App* AddLspCommand(CLI::App& app, std::function<int()>* run) {
  struct Options {
    bool stdio = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "lsp", "Run the language server (JSON-RPC over standard input and output)");
  // Editors' client libraries pass `--stdio` by convention; it is the only
  // transport, so the flag is accepted and changes nothing.
  cmd->add_flag("--stdio", options->stdio, "Talk over standard input and output (the default)");
  // CLI11 writes the flag through the reference when it parses, after this
  // function returns: the lambda keeps `options` alive until then (without
  // it, `concord lsp --stdio` wrote to freed memory; found by ASan).
  *run = [options] {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    lsp::Server server(std::cout, CONCORD_VERSION);
    return server.Run(std::cin);
  };
  return cmd;
}

}  // namespace concord::driver
