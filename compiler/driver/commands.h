// Registration of subcommands (one file per command, listed in commands.def).
// Internal to the driver: the only header that exposes CLI11.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "compiler/driver/output.h"
#include "runtime/jit/tiering.h"

namespace concord::driver {

#define CONCORD_COMMAND(name) \
  CLI::App* Add##name##Command(CLI::App& app, std::function<int()>* run);
#include "compiler/driver/commands.def"
#undef CONCORD_COMMAND

// `--format` and `--color`, shared by every command that prints diagnostics.
void AddOutputOptions(CLI::App* cmd, OutputOptions& out);
// `--engine` and `--stats` of the commands that run scenarios.
void AddEngineOptions(CLI::App* cmd, jit::EngineOptions& options);

}  // namespace concord::driver
