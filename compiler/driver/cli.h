// The `concord` command line: subcommands, options and exit codes
// (0 success, 1 the input has errors, 2 usage or I/O error).
#pragma once

#include <string>

namespace concord::driver {

// Exit codes, as documented in docs/cli.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputErrors = 1;
inline constexpr int kExitUsage = 2;

// `version_line` is printed by `concord --version` (main.cpp adds what only
// it knows, such as the LLVM it links).
int RunCli(int argc, char** argv, const std::string& version_line);

}  // namespace concord::driver
