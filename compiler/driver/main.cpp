// The `concord` executable. It only adds what the libraries cannot know:
// the version line, with the LLVM the JIT tier is linked against
// (jit::LlvmVersion, so that LLVM headers stay in runtime/jit).
#include <cstdio>
#include <exception>
#include <string>

#include "compiler/driver/cli.h"
#include "runtime/jit/jit.h"

int main(int argc, char** argv) {
  std::string version =
      std::string("concord ") + CONCORD_VERSION + " (" + concord::jit::LlvmVersion() + ")";
  try {
    return concord::driver::RunCli(argc, argv, version);
  } catch (const std::exception& e) {
    // Library code reports problems as diagnostics; reaching here is a bug,
    // but it must still end with a message and a documented exit code.
    std::fprintf(stderr, "internal error: %s\n", e.what());
    return concord::driver::kExitUsage;
  }
}
