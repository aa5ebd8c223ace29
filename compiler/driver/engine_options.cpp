// `--engine` and `--stats`, shared by `concord run` and `concord test`; the
// tiering they choose is runtime/jit/tiering.h.
#include "compiler/driver/commands.h"

namespace concord::driver {

void AddEngineOptions(CLI::App* cmd, jit::EngineOptions& options) {
  cmd->add_option("--engine", options.engine,
                  "How expressions are evaluated: interp, jit, or auto (the JIT for large runs)")
      ->check(CLI::IsMember({"interp", "jit", "auto"}))
      ->default_str("auto");
  cmd->add_flag("--stats", options.stats,
                "Print the engine, JIT compile time, events and evaluations on stderr");
}

}  // namespace concord::driver
